// Building a case through the C ABI: each call is one of CaseBuilder's.

#include <string>
#include <string_view>
#include <utility>

#include "compact/util/error_location.hpp"
#include "handles.hpp"

namespace {

using compact::c_api::fail;
using compact::c_api::guarded;

// Carries out `change` (a call of the builder's that returns a Status) on the case at `path`.
template <typename Change>
compact_status change_case(compact_case* c, const char* path, compact_error** error,
                           Change change) noexcept {
  COMPACT_REQUIRE(error, c);
  COMPACT_REQUIRE(error, path);
  return guarded(error, [&]() -> compact_status {
    const absl::Status status = change(c->builder, std::string_view(path));
    return status.ok() ? COMPACT_OK : fail(error, status);
  });
}

}  // namespace

extern "C" {

compact_status compact_case_create(const compact_engine* engine, compact_case** out,
                                   compact_error** error) {
  COMPACT_REQUIRE(error, out);
  return guarded(error, [&]() -> compact_status {
    *out = new compact_case{
        engine ? compact::CaseBuilder(engine->engine->declared_fields()) : compact::CaseBuilder(),
        {}};
    return COMPACT_OK;
  });
}

void compact_case_free(compact_case* c) { delete c; }

compact_status compact_case_set_date(compact_case* c, const char* path, compact_date value,
                                     compact_error** error) {
  return change_case(c, path, error, [&](compact::CaseBuilder& b, std::string_view at) {
    const absl::StatusOr<compact::Date> day = compact::c_api::to_date(value);
    if (!day.ok()) return compact::with_json_path(day.status(), at);
    return b.set_date(at, *day);
  });
}

compact_status compact_case_set_bool(compact_case* c, const char* path, int value,
                                     compact_error** error) {
  return change_case(c, path, error, [&](compact::CaseBuilder& b, std::string_view at) {
    return b.set_bool(at, value != 0);
  });
}

compact_status compact_case_set_integer(compact_case* c, const char* path, int64_t value,
                                        compact_error** error) {
  return change_case(c, path, error, [&](compact::CaseBuilder& b, std::string_view at) {
    return b.set_integer(at, value);
  });
}

compact_status compact_case_set_money(compact_case* c, const char* path, int64_t pence,
                                      compact_error** error) {
  return change_case(c, path, error, [&](compact::CaseBuilder& b, std::string_view at) {
    return b.set_money(at, compact::Money{pence});
  });
}

compact_status compact_case_set_text(compact_case* c, const char* path, const char* text,
                                     size_t length, compact_error** error) {
  if (length > 0) COMPACT_REQUIRE(error, text);
  return change_case(c, path, error, [&](compact::CaseBuilder& b, std::string_view at) {
    return b.set_text(at, std::string_view(text ? text : "", length));
  });
}

compact_status compact_case_clear(compact_case* c, const char* path, compact_error** error) {
  return change_case(c, path, error,
                     [](compact::CaseBuilder& b, std::string_view at) { return b.clear(at); });
}

compact_status compact_case_add(compact_case* c, const char* path, compact_error** error) {
  return change_case(c, path, error,
                     [](compact::CaseBuilder& b, std::string_view at) { return b.add(at); });
}

compact_status compact_case_list_size(const compact_case* c, const char* path, size_t* out,
                                      compact_error** error) {
  COMPACT_REQUIRE(error, c);
  COMPACT_REQUIRE(error, path);
  COMPACT_REQUIRE(error, out);
  return guarded(error, [&]() -> compact_status {
    const absl::StatusOr<size_t> size = c->builder.size(path);
    if (!size.ok()) return fail(error, size.status());
    *out = *size;
    return COMPACT_OK;
  });
}

compact_status compact_case_check(const compact_case* c, compact_error** error) {
  COMPACT_REQUIRE(error, c);
  return guarded(error, [&]() -> compact_status {
    std::vector<compact::Problem> problems = c->builder.problems();
    return compact::to_status(problems).ok() ? COMPACT_OK : fail(error, std::move(problems));
  });
}

compact_status compact_case_json(compact_case* c, const char** out, size_t* length,
                                 compact_error** error) {
  COMPACT_REQUIRE(error, c);
  COMPACT_REQUIRE(error, out);
  return guarded(error, [&]() -> compact_status {
    c->json = c->builder.json();
    *out = c->json.c_str();
    if (length) *length = c->json.size();
    return COMPACT_OK;
  });
}

}  // extern "C"
