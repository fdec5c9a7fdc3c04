// The calendar through the C ABI: dates and periods converted, each query a call to Calendar.

#include <cstddef>
#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "handles.hpp"

namespace compact::c_api {

absl::StatusOr<Date> to_date(compact_date d) { return make_date(d.year, d.month, d.day); }

compact_date to_c(Date d) {
  const auto ymd = d.year_month_day();
  return {static_cast<int32_t>(ymd.year), static_cast<int32_t>(ymd.month.as_number()),
          static_cast<int32_t>(ymd.day.as_number())};
}

// compact_period_parse hands out PeriodUnit's values as they are.
static_assert(static_cast<int>(PeriodUnit::kDays) == COMPACT_DAYS &&
              static_cast<int>(PeriodUnit::kWeeks) == COMPACT_WEEKS &&
              static_cast<int>(PeriodUnit::kMonths) == COMPACT_MONTHS &&
              static_cast<int>(PeriodUnit::kYears) == COMPACT_YEARS &&
              static_cast<int>(PeriodUnit::kWorkingDays) == COMPACT_WORKING_DAYS);

Period to_period(compact_period p) {
  switch (value_of(p.unit)) {
    case COMPACT_WEEKS:
      return Period::weeks(p.count);
    case COMPACT_MONTHS:
      return Period::months(p.count);
    case COMPACT_YEARS:
      return Period::years(p.count);
    case COMPACT_WORKING_DAYS:
      return Period::working_days(p.count);
    case COMPACT_DAYS:
      break;
  }
  return Period::days(p.count);
}

}  // namespace compact::c_api

namespace {

using compact::Date;
using compact::c_api::fail;
using compact::c_api::guarded;
using compact::c_api::to_c;
using compact::c_api::to_date;

bool known_unit(const compact_period& p) {
  const int unit = compact::c_api::value_of(p.unit);
  return unit >= COMPACT_DAYS && unit <= COMPACT_WORKING_DAYS;
}

// A batch: `one(i)` for each element, stopping at the first failure, named by its index when there
// is more than one. The single queries are batches of one.
template <typename One>
compact_status batch(compact_error** error, size_t count, One one) {
  return guarded(error, [&]() -> compact_status {
    for (size_t i = 0; i < count; ++i) {
      const absl::Status status = one(i);
      if (status.ok()) continue;
      if (count == 1) return fail(error, status);
      return fail(error,
                  absl::Status(status.code(), absl::StrCat("element ", i, ": ", status.message())));
    }
    return COMPACT_OK;
  });
}

// One query: `query` run, a failure its status.
template <typename Query>
compact_status answer(compact_error** error, Query query) {
  return batch(error, 1, [&](size_t) { return query(); });
}

// The date of a result, or its error.
absl::Status put(const absl::StatusOr<Date>& result, compact_date* out) {
  if (!result.ok()) return result.status();
  *out = to_c(*result);
  return absl::OkStatus();
}

// `move` of each of `days` into `out`: a date query over an array.
template <typename Move>
compact_status each_date(const compact_date* days, size_t count, compact_date* out,
                         compact_error** error, Move move) {
  if (count > 0) COMPACT_REQUIRE(error, days);
  if (count > 0) COMPACT_REQUIRE(error, out);
  return batch(error, count, [&](size_t i) -> absl::Status {
    const absl::StatusOr<Date> day = to_date(days[i]);
    if (!day.ok()) return day.status();
    return put(move(*day), &out[i]);
  });
}

}  // namespace

#define COMPACT_REQUIRE_UNIT(error, p)                                                     \
  do {                                                                                     \
    if (!known_unit(p)) {                                                                  \
      return compact::c_api::fail_with((error), COMPACT_INVALID_ARGUMENT, [&] {            \
        return "the period's unit " + std::to_string(compact::c_api::value_of((p).unit)) + \
               " is not a compact_period_unit";                                            \
      });                                                                                  \
    }                                                                                      \
  } while (false)

extern "C" {

compact_status compact_date_parse(const char* text, compact_date* out, compact_error** error) {
  COMPACT_REQUIRE(error, text);
  COMPACT_REQUIRE(error, out);
  return answer(error, [&] { return put(compact::parse_date(text), out); });
}

compact_status compact_period_parse(const char* text, compact_period* out, compact_error** error) {
  COMPACT_REQUIRE(error, text);
  COMPACT_REQUIRE(error, out);
  return answer(error, [&]() -> absl::Status {
    const absl::StatusOr<compact::Period> p = compact::parse_period(text);
    if (!p.ok()) return p.status();
    out->count = p->count;
    out->unit = static_cast<compact_period_unit>(p->unit);
    return absl::OkStatus();
  });
}

size_t compact_date_list_size(const compact_date_list* list) {
  return list ? list->entries.size() : 0;
}
compact_date compact_date_list_date(const compact_date_list* list, size_t i) {
  if (!list || i >= list->entries.size()) return {0, 0, 0};
  return to_c(list->entries[i].date);
}
const char* compact_date_list_name(const compact_date_list* list, size_t i) {
  if (!list || i >= list->entries.size()) return "";
  return list->entries[i].name.c_str();
}
void compact_date_list_free(compact_date_list* list) { delete list; }

compact_status compact_calendar_open(const char* name, compact_calendar** out,
                                     compact_error** error) {
  COMPACT_REQUIRE(error, name);
  COMPACT_REQUIRE(error, out);
  return answer(error, [&]() -> absl::Status {
    absl::StatusOr<compact::Calendar> calendar = compact::Calendar::builtin(name);
    if (!calendar.ok()) return calendar.status();
    *out = new compact_calendar{*std::move(calendar)};
    return absl::OkStatus();
  });
}

void compact_calendar_free(compact_calendar* calendar) { delete calendar; }

const char* compact_calendar_name(const compact_calendar* calendar) {
  return calendar ? calendar->calendar.name().c_str() : "";
}

compact_status compact_calendar_is_working_day(const compact_calendar* calendar, compact_date d,
                                               int* out, compact_error** error) {
  COMPACT_REQUIRE(error, out);
  return compact_calendar_is_working_day_batch(calendar, &d, 1, out, error);
}

compact_status compact_calendar_add_working_days(const compact_calendar* calendar, compact_date d,
                                                 int64_t n, compact_date* out,
                                                 compact_error** error) {
  COMPACT_REQUIRE(error, out);
  return compact_calendar_add_working_days_batch(calendar, &d, 1, n, out, error);
}

compact_status compact_calendar_working_days_between(const compact_calendar* calendar,
                                                     compact_date a, compact_date b, int64_t* out,
                                                     compact_error** error) {
  COMPACT_REQUIRE(error, out);
  return compact_calendar_working_days_between_batch(calendar, &a, &b, 1, out, error);
}

compact_status compact_calendar_add(const compact_calendar* calendar, compact_date d,
                                    compact_period p, compact_date* out, compact_error** error) {
  COMPACT_REQUIRE(error, out);
  return compact_calendar_add_batch(calendar, &d, 1, p, out, error);
}

compact_status compact_calendar_latest_start(const compact_calendar* calendar, compact_date x,
                                             compact_period p, compact_date* out,
                                             compact_error** error) {
  COMPACT_REQUIRE(error, out);
  return compact_calendar_latest_start_batch(calendar, &x, 1, p, out, error);
}

compact_status compact_calendar_holidays(const compact_calendar* calendar, int32_t year,
                                         compact_date_list** out, compact_error** error) {
  COMPACT_REQUIRE(error, calendar);
  COMPACT_REQUIRE(error, out);
  return answer(error, [&]() -> absl::Status {
    absl::StatusOr<std::vector<compact::Holiday>> holidays = calendar->calendar.holidays_in(year);
    if (!holidays.ok()) return holidays.status();
    *out = new compact_date_list{*std::move(holidays)};
    return absl::OkStatus();
  });
}

compact_status compact_calendar_is_working_day_batch(const compact_calendar* calendar,
                                                     const compact_date* days, size_t count,
                                                     int* out, compact_error** error) {
  COMPACT_REQUIRE(error, calendar);
  if (count > 0) COMPACT_REQUIRE(error, days);
  if (count > 0) COMPACT_REQUIRE(error, out);
  return batch(error, count, [&](size_t i) -> absl::Status {
    const absl::StatusOr<Date> day = to_date(days[i]);
    if (!day.ok()) return day.status();
    const absl::StatusOr<bool> working = calendar->calendar.is_working_day(*day);
    if (!working.ok()) return working.status();
    out[i] = *working ? 1 : 0;
    return absl::OkStatus();
  });
}

compact_status compact_calendar_add_working_days_batch(const compact_calendar* calendar,
                                                       const compact_date* days, size_t count,
                                                       int64_t n, compact_date* out,
                                                       compact_error** error) {
  COMPACT_REQUIRE(error, calendar);
  return each_date(days, count, out, error,
                   [&](Date d) { return calendar->calendar.add_working_days(d, n); });
}

compact_status compact_calendar_working_days_between_batch(const compact_calendar* calendar,
                                                           const compact_date* from,
                                                           const compact_date* to, size_t count,
                                                           int64_t* out, compact_error** error) {
  COMPACT_REQUIRE(error, calendar);
  if (count > 0) COMPACT_REQUIRE(error, from);
  if (count > 0) COMPACT_REQUIRE(error, to);
  if (count > 0) COMPACT_REQUIRE(error, out);
  return batch(error, count, [&](size_t i) -> absl::Status {
    const absl::StatusOr<Date> a = to_date(from[i]);
    if (!a.ok()) return a.status();
    const absl::StatusOr<Date> b = to_date(to[i]);
    if (!b.ok()) return b.status();
    const absl::StatusOr<int64_t> between = calendar->calendar.working_days_between(*a, *b);
    if (!between.ok()) return between.status();
    out[i] = *between;
    return absl::OkStatus();
  });
}

compact_status compact_calendar_add_batch(const compact_calendar* calendar,
                                          const compact_date* days, size_t count, compact_period p,
                                          compact_date* out, compact_error** error) {
  COMPACT_REQUIRE(error, calendar);
  COMPACT_REQUIRE_UNIT(error, p);
  const compact::Period period = compact::c_api::to_period(p);
  return each_date(days, count, out, error,
                   [&](Date d) { return calendar->calendar.add(d, period); });
}

compact_status compact_calendar_latest_start_batch(const compact_calendar* calendar,
                                                   const compact_date* days, size_t count,
                                                   compact_period p, compact_date* out,
                                                   compact_error** error) {
  COMPACT_REQUIRE(error, calendar);
  COMPACT_REQUIRE_UNIT(error, p);
  const compact::Period period = compact::c_api::to_period(p);
  return each_date(days, count, out, error,
                   [&](Date d) { return calendar->calendar.latest_start(d, period); });
}

}  // extern "C"
