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
namespace {

// Hands `e` to the caller, who asked for errors when `error` is not NULL. Making the object may
// itself run out of memory: the caller then has the code alone.
template <typename Fill>
compact_status hand_over(compact_error** error, compact_status code, Fill fill) {
  if (error == nullptr) return code;
  *error = nullptr;
  try {
    auto e = std::make_unique<compact_error>();
    e->code = code;
    fill(*e);
    *error = e.release();
  } catch (...) {
    // Out of memory while reporting: the status says what happened.
  }
  return code;
}

}  // namespace

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

compact_status fail(compact_error** error, compact_status code, std::string message) {
  return hand_over(error, code, [&](compact_error& e) { e.message = std::move(message); });
}

compact_status fail(compact_error** error, const absl::Status& status) {
  const std::optional<ErrorLocation> location = location_of(status);
  // A pack that does not read is a parse error; its location says so.
  const compact_status code = location ? COMPACT_PARSE_ERROR : status_of(status);
  return hand_over(error, code, [&](compact_error& e) {
    e.message = std::string(status.message());
    if (location) {
      e.file = location->file;
      e.line = location->line;
      e.column = location->column;
    }
  });
}

compact_status fail(compact_error** error, std::vector<Problem> problems) {
  return hand_over(error, COMPACT_PARSE_ERROR, [&](compact_error& e) {
    const auto is_error = [](const Problem& p) { return p.severity == Problem::Severity::kError; };
    const auto errors = std::count_if(problems.begin(), problems.end(), is_error);
    const auto first = std::find_if(problems.begin(), problems.end(), is_error);
    if (first == problems.end()) {
      e.message = "the case document does not read";
    } else {
      e.message = to_string(*first);
      if (errors > 1) {
        e.message += " (and " + std::to_string(errors - 1) +
                     (errors == 2 ? " more problem)" : " more problems)");
      }
      e.json_path = first->path;
      e.line = first->line;
      e.column = first->column;
    }
    e.problems = std::move(problems);
  });
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
