#include "compact/calendar/calendar.hpp"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/did_you_mean.hpp"
#include "uk_bank_holidays.hpp"

namespace compact {
namespace {

constexpr std::array<std::string_view, 3> kBuiltinNames = {"england-and-wales", "scotland",
                                                           "northern-ireland"};

std::vector<Holiday> all_uk_bank_holidays(UkJurisdiction where) {
  std::vector<Holiday> holidays;
  for (int year = kFirstSupportedYear; year <= kLastSupportedYear; ++year) {
    std::vector<Holiday> of_year = uk_bank_holidays(where, year);
    holidays.insert(holidays.end(), std::make_move_iterator(of_year.begin()),
                    std::make_move_iterator(of_year.end()));
  }
  return holidays;
}

// Called once per built-in calendar, from a function-local static (so once even when threads race
// to it). The calendar is never destroyed, so it stays valid for threads still running while the
// process exits.
const Calendar& build_uk_calendar(UkJurisdiction where, std::string_view name) {
  absl::StatusOr<Calendar> calendar = Calendar::create(
      std::string(name), Weekend::saturday_and_sunday(), all_uk_bank_holidays(where));
  // The built-in rules only produce dates in the supported range, so creation cannot fail.
  return *new Calendar(*std::move(calendar));
}

}  // namespace

const Calendar& Calendar::england_and_wales() {
  static const Calendar& calendar =
      build_uk_calendar(UkJurisdiction::kEnglandAndWales, kBuiltinNames[0]);
  return calendar;
}

const Calendar& Calendar::scotland() {
  static const Calendar& calendar = build_uk_calendar(UkJurisdiction::kScotland, kBuiltinNames[1]);
  return calendar;
}

const Calendar& Calendar::northern_ireland() {
  static const Calendar& calendar =
      build_uk_calendar(UkJurisdiction::kNorthernIreland, kBuiltinNames[2]);
  return calendar;
}

std::span<const std::string_view> Calendar::builtin_names() { return kBuiltinNames; }

absl::StatusOr<Calendar> Calendar::builtin(std::string_view name) {
  if (name == kBuiltinNames[0]) return england_and_wales();
  if (name == kBuiltinNames[1]) return scotland();
  if (name == kBuiltinNames[2]) return northern_ireland();
  std::string message = absl::StrCat("no calendar named \"", to_absl(name), "\"");
  if (std::optional<std::string> suggestion = closest_match(name, kBuiltinNames)) {
    absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
  } else {
    absl::StrAppend(&message, "; the calendars are ",
                    absl::StrJoin(kBuiltinNames, ", ", append_string_view));
  }
  return absl::NotFoundError(message);
}

absl::StatusOr<Calendar> Calendar::create(std::string name, Weekend weekend,
                                          std::vector<Holiday> holidays) {
  for (const Holiday& holiday : holidays) {
    if (absl::Status s = check_supported(holiday.date); !s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("holiday \"", holiday.name, "\" in calendar \"", name, "\": ", s.message()));
    }
  }
  std::stable_sort(holidays.begin(), holidays.end(), earlier);

  auto tables = std::make_shared<Tables>();
  std::vector<bool> closed(static_cast<size_t>(kSupportedDays), false);
  for (const Holiday& holiday : holidays)
    closed[static_cast<size_t>(to_day_index(holiday.date))] = true;

  tables->working_before.resize(static_cast<size_t>(kSupportedDays) + 1);
  tables->working_day.reserve(static_cast<size_t>(kSupportedDays));
  for (int32_t i = 0; i < kSupportedDays; ++i) {
    const bool working = !closed[static_cast<size_t>(i)] && !weekend.contains(from_day_index(i));
    tables->working_before[static_cast<size_t>(i) + 1] =
        tables->working_before[static_cast<size_t>(i)] + working;
    if (working) tables->working_day.push_back(i);
  }
  tables->working_day.shrink_to_fit();
  tables->name = std::move(name);
  tables->weekend = weekend;
  tables->holidays = std::move(holidays);
  return Calendar(std::move(tables));
}

absl::StatusOr<Calendar> Calendar::with_closures(std::string name, std::vector<Holiday> closures,
                                                 std::optional<Weekend> weekend) const {
  closures.insert(closures.begin(), tables_->holidays.begin(), tables_->holidays.end());
  return create(std::move(name), weekend.value_or(tables_->weekend), std::move(closures));
}

absl::StatusOr<Date> Calendar::working_day_on_or_after(Date d) const {
  absl::StatusOr<bool> working = is_working_day(d);
  if (!working.ok()) return working.status();
  return *working ? d : next_working_day(d);
}

absl::StatusOr<Date> Calendar::working_day_on_or_before(Date d) const {
  absl::StatusOr<bool> working = is_working_day(d);
  if (!working.ok()) return working.status();
  return *working ? d : previous_working_day(d);
}

absl::StatusOr<Date> Calendar::add(Date d, Period p) const {
  if (!is_supported(d)) return check_supported(d);
  const int64_t n = clamp_count(p.count);
  // Initialised from the switch, not assigned: a default StatusOr builds an error status first,
  // which cost more than the sum itself.
  const absl::StatusOr<Date> result = [&]() -> absl::StatusOr<Date> {
    switch (p.unit) {
      case PeriodUnit::kDays:
        return add_days(d, n);
      case PeriodUnit::kWeeks:
        return add_days(d, 7 * n);
      case PeriodUnit::kMonths:
        return add_months(d, n);
      case PeriodUnit::kYears:
        return add_years(d, n);
      case PeriodUnit::kWorkingDays:
        return add_working_days(d, n);
    }
    return absl::InternalError("a period of no known unit");  // reported as out of range below
  }();
  // d is supported, so any failure is the answer leaving the range: say so in the caller's terms.
  if (!result.ok()) return sum_out_of_range(d, p);
  return result;
}

absl::StatusOr<Date> Calendar::latest_start(Date x, Period p) const {
  if (!is_supported(x)) return check_supported(x);
  const int64_t n = clamp_count(p.count);
  const absl::StatusOr<Date> result = [&]() -> absl::StatusOr<Date> {
    switch (p.unit) {
      // Adding days is a bijection, so its inverse is exact.
      case PeriodUnit::kDays:
        return add_days(x, -n);
      case PeriodUnit::kWeeks:
        return add_days(x, -7 * n);
      case PeriodUnit::kMonths:
        return latest_start_months(x, n);
      case PeriodUnit::kYears:
        return latest_start_months(x, 12 * n);
      case PeriodUnit::kWorkingDays:
        return latest_start_working_days(x, n);
    }
    return absl::InternalError("a period of no known unit");  // reported as out of range below
  }();
  if (!result.ok()) return latest_start_out_of_range(x, p);
  return result;
}

absl::StatusOr<Date> Calendar::latest_start_working_days(Date x, int64_t n) const {
  if (n == 0) return x;
  const int64_t working_to_x = tables_->working_before[static_cast<size_t>(to_day_index(x)) + 1];
  const int64_t count = static_cast<int64_t>(tables_->working_day.size());
  if (n > 0) {
    // e + n lands on the working day of rank working_before[e + 1] + n - 1, which must be at most
    // working_to_x - 1. So at most working_to_x - n working days may lie on or before e: e is the
    // day before the working day of rank working_to_x - n.
    const int64_t rank = working_to_x - n;
    if (rank < 0 || rank >= count) return latest_start_out_of_range(x, Period::working_days(n));
    const int64_t day = tables_->working_day[static_cast<size_t>(rank)] - 1;
    if (day < 0) return latest_start_out_of_range(x, Period::working_days(n));
    return from_day_index(day);
  }
  // e - |n| lands on the working day of rank working_before[e] + n, which must be at most
  // working_to_x - 1: at most working_to_x - 1 - n working days may lie strictly before e, so e is
  // the working day of that rank.
  // With no working day on or before x in the range, the answer depends on days before it.
  const int64_t rank = working_to_x - 1 - n;
  if (working_to_x == 0 || rank >= count) {
    return latest_start_out_of_range(x, Period::working_days(n));
  }
  return from_day_index(tables_->working_day[static_cast<size_t>(rank)]);
}

absl::StatusOr<std::vector<Holiday>> Calendar::holidays_in(int64_t year) const {
  if (year < kFirstSupportedYear || year > kLastSupportedYear) {
    return outside_supported_range(absl::StrCat("the year ", year));
  }
  const Date first(static_cast<unsigned short>(year), 1, 1);
  const Date last(static_cast<unsigned short>(year), 12, 31);
  const auto& all = tables_->holidays;
  const auto begin = std::lower_bound(all.begin(), all.end(), Holiday{first, {}, false}, earlier);
  const auto end = std::upper_bound(begin, all.end(), Holiday{last, {}, false}, earlier);
  return std::vector<Holiday>(begin, end);
}

std::vector<Holiday> Calendar::holidays_on(Date d) const {
  const auto& all = tables_->holidays;
  const auto [begin, end] =
      std::equal_range(all.begin(), all.end(), Holiday{d, {}, false}, earlier);
  return std::vector<Holiday>(begin, end);
}

}  // namespace compact
