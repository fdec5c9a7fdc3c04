// Errors as the C ABI hands them out: a code, the message, and where it applies.

#include <algorithm>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "compact/util/error_location.hpp"
#include "handles.hpp"

namespace compact::c_api {

compact_error* new_error(compact_error** error, compact_status code) noexcept {
  if (error == nullptr) return nullptr;
  *error = new (std::nothrow) compact_error;
  if (*error) (*error)->code = code;
  return *error;
}

compact_status status_of(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return COMPACT_OK;
    case absl::StatusCode::kInvalidArgument:
      return COMPACT_INVALID_ARGUMENT;
    case absl::StatusCode::kOutOfRange:
      return COMPACT_OUT_OF_RANGE;
    case absl::StatusCode::kNotFound:
      return COMPACT_NOT_FOUND;
    case absl::StatusCode::kResourceExhausted:
      return COMPACT_NO_MEMORY;
    default:
      return COMPACT_INTERNAL;
  }
}

compact_status fail(compact_error** error, compact_status code, const char* message) noexcept {
  return fail_with(error, code, [&] { return std::string(message); });
}

compact_status fail(compact_error** error, const absl::Status& status) noexcept {
  std::optional<ErrorLocation> location;
  try {
    location = location_of(status);
  } catch (...) {
    // Out of memory reading the location: the error goes without it.
  }
  // A pack that does not read is a parse error; its location says so.
  const compact_status code = location ? COMPACT_PARSE_ERROR : status_of(status);
  compact_error* e = new_error(error, code);
  if (!e) return code;
  try {
    e->message = std::string(status.message());
    if (location) {
      e->file = location->file;
      e->line = location->line;
      e->column = location->column;
    }
    if (std::optional<std::string> path = json_path_of(status)) e->json_path = *std::move(path);
  } catch (...) {
    // What was made is kept.
  }
  return code;
}

compact_status fail(compact_error** error, std::vector<Problem>&& problems) noexcept {
  compact_error* e = new_error(error, COMPACT_PARSE_ERROR);
  if (!e) return COMPACT_PARSE_ERROR;
  try {
    const auto first = std::find_if(problems.begin(), problems.end(), [](const Problem& p) {
      return p.severity == Problem::Severity::kError;
    });
    if (first != problems.end()) {
      e->message = std::string(compact::to_status(problems).message());
      e->json_path = first->path;
      e->line = first->line;
      e->column = first->column;
    }
  } catch (...) {
    // What was made is kept.
  }
  e->problems = std::move(problems);
  return COMPACT_PARSE_ERROR;
}

}  // namespace compact::c_api

using compact::c_api::fail;

namespace {

const compact::Problem* problem(const compact_error* error, size_t i) {
  return error && i < error->problems.size() ? &error->problems[i] : nullptr;
}

}  // namespace

extern "C" {

const char* compact_status_name(compact_status status) {
  switch (compact::c_api::value_of(status)) {
    case COMPACT_OK:
      return "ok";
    case COMPACT_INVALID_ARGUMENT:
      return "invalid_argument";
    case COMPACT_PARSE_ERROR:
      return "parse_error";
    case COMPACT_OUT_OF_RANGE:
      return "out_of_range";
    case COMPACT_NOT_FOUND:
      return "not_found";
    case COMPACT_NO_MEMORY:
      return "no_memory";
    case COMPACT_INTERNAL:
      return "internal";
  }
  return "unknown";
}

compact_status compact_error_code(const compact_error* error) {
  return error ? error->code : COMPACT_OK;
}
const char* compact_error_message(const compact_error* error) {
  return error ? error->message.c_str() : "";
}
const char* compact_error_file(const compact_error* error) {
  return error ? error->file.c_str() : "";
}
int compact_error_line(const compact_error* error) { return error ? error->line : 0; }
int compact_error_column(const compact_error* error) { return error ? error->column : 0; }
const char* compact_error_json_path(const compact_error* error) {
  return error ? error->json_path.c_str() : "";
}
size_t compact_error_problem_count(const compact_error* error) {
  return error ? error->problems.size() : 0;
}
const char* compact_error_problem_severity(const compact_error* error, size_t i) {
  const compact::Problem* p = problem(error, i);
  if (!p) return "";
  return p->severity == compact::Problem::Severity::kError ? "error" : "warning";
}
const char* compact_error_problem_code(const compact_error* error, size_t i) {
  const compact::Problem* p = problem(error, i);
  return p ? p->code.c_str() : "";
}
const char* compact_error_problem_path(const compact_error* error, size_t i) {
  const compact::Problem* p = problem(error, i);
  return p ? p->path.c_str() : "";
}
int compact_error_problem_line(const compact_error* error, size_t i) {
  const compact::Problem* p = problem(error, i);
  return p ? p->line : 0;
}
int compact_error_problem_column(const compact_error* error, size_t i) {
  const compact::Problem* p = problem(error, i);
  return p ? p->column : 0;
}
const char* compact_error_problem_message(const compact_error* error, size_t i) {
  const compact::Problem* p = problem(error, i);
  return p ? p->message.c_str() : "";
}
void compact_error_free(compact_error* error) { delete error; }

}  // extern "C"
