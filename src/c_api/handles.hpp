#pragma once
// The objects behind the C ABI's opaque handles, and what every entry point shares: converting dates,
// making errors, and keeping exceptions from crossing into C. The C ABI translates and holds no
// Compact logic: each function is a call into the C++ API.

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <exception>
#include <new>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "compact/calendar/calendar.hpp"
#include "compact/compact.h"
#include "compact/engine/engine.hpp"
#include "compact/model/case.hpp"
#include "compact/model/case_json.hpp"

struct compact_error {
  compact_status code = COMPACT_INTERNAL;
  std::string message;
  std::string file;
  int line = 0;
  int column = 0;
  std::string json_path;
  std::vector<compact::Problem> problems;
};

struct compact_calendar {
  compact::Calendar calendar;
};

struct compact_date_list {
  std::vector<compact::Holiday> entries;
};

struct compact_engine {
  compact::Engine engine;
};

// A report owns the case it was evaluated from, which its findings point into, and the text it has
// handed out.
struct compact_report {
  compact::Case evaluated;
  compact::Report report;
  std::string json;
  struct FindingText {
    std::string entity, because, missing, message;
  };
  std::vector<std::optional<FindingText>> finding_text;  // made when a finding is first asked for
};

namespace compact::c_api {

// The status for an absl::Status code.
compact_status status_of(const absl::Status& status);

// Fails with `code` and `message`, into *error when the caller asked for it.
compact_status fail(compact_error** error, compact_status code, std::string message);
// Fails with `status`, its location (a pack's file, line and column) kept.
compact_status fail(compact_error** error, const absl::Status& status);
// A case document that does not read: every problem kept, the first one's place in the error's.
compact_status fail(compact_error** error, std::vector<Problem> problems);

// A C date as a civil date: InvalidArgument for one that is not a real day.
absl::StatusOr<Date> to_date(compact_date d);
compact_date to_c(Date d);
Period to_period(compact_period p);

// The value a C caller passed as the enum `e`, read as an integer: C allows any int in an enum
// variable, which C++ may not load as the enum itself.
template <typename Enum>
int value_of(const Enum& e) {
  std::underlying_type_t<Enum> v;
  std::memcpy(&v, &e, sizeof v);
  return static_cast<int>(v);
}

// `body()`, a compact_status, with no exception escaping: std::bad_alloc is COMPACT_NO_MEMORY and
// anything else COMPACT_INTERNAL.
template <typename Body>
compact_status guarded(compact_error** error, Body body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    // The error object itself may not be made: *error is left NULL then.
    return fail(error, COMPACT_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    return fail(error, COMPACT_INTERNAL, std::string("internal error: ") + e.what());
  } catch (...) {
    return fail(error, COMPACT_INTERNAL, "internal error");
  }
}

// Copies `full` into the caller's `*out` as far as out->struct_size reaches, keeping that size: a
// program built against an older header has a shorter struct. InvalidArgument when the size does
// not even cover itself.
template <typename Struct>
compact_status fill(const Struct& full, Struct* out, const char* name, compact_error** error) {
  const size_t size = out->struct_size;
  if (size < sizeof(size_t)) {
    return fail(error, COMPACT_INVALID_ARGUMENT,
                std::string(name) + "->struct_size is " + std::to_string(size) +
                    "; set it to sizeof(" + name + ")");
  }
  std::memcpy(reinterpret_cast<char*>(out) + sizeof(size_t),
              reinterpret_cast<const char*>(&full) + sizeof(size_t),
              std::min(size, sizeof(Struct)) - sizeof(size_t));
  return COMPACT_OK;
}

// An argument that must not be NULL.
#define COMPACT_REQUIRE(error, pointer)                                                      \
  do {                                                                                       \
    if ((pointer) == nullptr) {                                                              \
      return ::compact::c_api::fail((error), COMPACT_INVALID_ARGUMENT, #pointer " is NULL"); \
    }                                                                                        \
  } while (false)

}  // namespace compact::c_api
