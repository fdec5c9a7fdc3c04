#pragma once
// The objects behind the C ABI's opaque handles, and what every entry point shares: converting dates,
// making errors, filling callers' structs, and keeping exceptions from crossing into C. The C ABI
// translates and holds no Compact logic: each function is a call into the C++ API.

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <exception>
#include <initializer_list>
#include <memory>
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
#include "compact/model/case_builder.hpp"
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

namespace compact::c_api {

// The schema as compact_engine_entity and compact_engine_field hand it out, made with the engine
// (schema.cpp): the core schema's entities, each with its fields and those the packs declare.
struct SchemaTable {
  struct Field {
    compact_field_info info;  // all but `values`, which points into `values` when handed out
    std::vector<const char*> values;
  };
  struct Entity {
    compact_entity_info info;
    std::vector<Field> fields;
  };
  std::vector<Entity> entities;
};

SchemaTable schema_table(const FieldDeclarations& declared);

}  // namespace compact::c_api

// Shared with the reports it makes, whose findings point into its packs: freeing the handle leaves
// the engine to its last report.
struct compact_engine {
  std::shared_ptr<const compact::Engine> engine;
  compact::c_api::SchemaTable schema;
};

struct compact_case {
  compact::CaseBuilder builder;
  std::string json;  // the text compact_case_json last handed out
};

// A report shares the case it was evaluated from and keeps its engine, both of which its findings
// point into, and the text it has handed out.
struct compact_report {
  std::shared_ptr<const compact::Engine> engine;
  std::shared_ptr<const compact::Case> evaluated;
  compact::Report report;
  std::string json;
  struct FindingText {
    std::string entity, missing, message;
  };
  std::vector<std::optional<FindingText>> finding_text;  // made when a finding is first asked for
};

// A classification keeps its engine, whose packs its characteristics point into.
struct compact_classification {
  std::shared_ptr<const compact::Engine> engine;
  compact::Classification classification;
  std::vector<std::string> missing;  // for each characteristic, its fields comma-separated
  std::string json;
};

namespace compact::c_api {

// The status for an absl::Status code.
compact_status status_of(const absl::Status& status);

// Each fails with its error into *error when the caller asked for one, and never throws: the
// message is made inside, where running out of memory only costs the caller the error object.
// Fails with `code` and a fixed message.
compact_status fail(compact_error** error, compact_status code, const char* message) noexcept;
// Fails with `code` and the message `make_message()` returns.
template <typename MakeMessage>
compact_status fail_with(compact_error** error, compact_status code,
                         MakeMessage make_message) noexcept;
// Fails with `status`, its location (a pack's file, line and column) kept.
compact_status fail(compact_error** error, const absl::Status& status) noexcept;
// A case document that does not read: every problem kept, the first error's place the error's.
compact_status fail(compact_error** error, std::vector<Problem>&& problems) noexcept;

// Makes the error object for `fill` to complete; nullptr when the caller asked for none or memory
// ran out.
compact_error* new_error(compact_error** error, compact_status code) noexcept;

template <typename MakeMessage>
compact_status fail_with(compact_error** error, compact_status code,
                         MakeMessage make_message) noexcept {
  if (compact_error* e = new_error(error, code)) {
    try {
      e->message = make_message();
    } catch (...) {
      // The code alone, then.
    }
  }
  return code;
}

// The value a C caller passed as the enum `e`, read as an integer: C allows any int in an enum
// variable, which C++ may not load as the enum itself.
template <typename Enum>
int value_of(const Enum& e) {
  std::underlying_type_t<Enum> v;
  std::memcpy(&v, &e, sizeof v);
  return static_cast<int>(v);
}

// A C date as a civil date: InvalidArgument for one that is not a real day.
absl::StatusOr<Date> to_date(compact_date d);
compact_date to_c(Date d);
Period to_period(compact_period p);

// `body()`, a compact_status, with no exception escaping: std::bad_alloc is COMPACT_NO_MEMORY and
// anything else COMPACT_INTERNAL.
template <typename Body>
compact_status guarded(compact_error** error, Body body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return fail(error, COMPACT_NO_MEMORY, "out of memory");
  } catch (const std::exception& e) {
    const char* what = e.what();
    return fail_with(error, COMPACT_INTERNAL,
                     [&] { return std::string("internal error: ") + what; });
  } catch (...) {
    return fail(error, COMPACT_INTERNAL, "internal error");
  }
}

// Copies `full` into the caller's `*out` as far as out->struct_size reaches, in whole fields: those
// whose ends are `field_ends`, in order. Sets out->struct_size to the bytes filled, for a caller
// built against a newer header to see which fields an older library filled. InvalidArgument when
// the size does not even cover itself.
template <typename Struct>
compact_status fill(const Struct& full, Struct* out, std::initializer_list<size_t> field_ends,
                    const char* name, compact_error** error) noexcept {
  const size_t size = out->struct_size;
  if (size < sizeof(size_t)) {
    return fail_with(error, COMPACT_INVALID_ARGUMENT, [&] {
      return std::string(name) + "->struct_size is " + std::to_string(size) +
             "; set it to sizeof(" + name + ")";
    });
  }
  size_t filled = sizeof(size_t);
  for (const size_t end : field_ends) {
    if (end <= size) filled = end;
  }
  std::memcpy(reinterpret_cast<char*>(out) + sizeof(size_t),
              reinterpret_cast<const char*>(&full) + sizeof(size_t), filled - sizeof(size_t));
  out->struct_size = filled;
  return COMPACT_OK;
}

// Where field `field` of `Struct` ends: its offset and size.
#define COMPACT_FIELD_END(Struct, field) (offsetof(Struct, field) + sizeof(Struct::field))

// An argument that must not be NULL.
#define COMPACT_REQUIRE(error, pointer)                                                      \
  do {                                                                                       \
    if ((pointer) == nullptr) {                                                              \
      return ::compact::c_api::fail((error), COMPACT_INVALID_ARGUMENT, #pointer " is NULL"); \
    }                                                                                        \
  } while (false)

}  // namespace compact::c_api
