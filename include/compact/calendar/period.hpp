#pragma once
// A length of time as a Compact states it: "12 weeks", "three months" written 3 months, "30 working
// days".
//
// A Period keeps its unit: 12 weeks and 84 days add to the same date but are different values,
// printed as written. Months and years are calendar months (the corresponding-date rule, see
// civil_arithmetic.hpp); working days need a Calendar to be added.

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace compact {

enum class PeriodUnit : uint8_t { kDays, kWeeks, kMonths, kYears, kWorkingDays };

struct Period {
  int64_t count = 0;
  PeriodUnit unit = PeriodUnit::kDays;

  static constexpr Period days(int64_t n) { return {n, PeriodUnit::kDays}; }
  static constexpr Period weeks(int64_t n) { return {n, PeriodUnit::kWeeks}; }
  static constexpr Period months(int64_t n) { return {n, PeriodUnit::kMonths}; }
  static constexpr Period years(int64_t n) { return {n, PeriodUnit::kYears}; }
  static constexpr Period working_days(int64_t n) { return {n, PeriodUnit::kWorkingDays}; }

  // INT64_MIN, which has no negation, becomes INT64_MAX: both are far outside any date arithmetic,
  // so every result is the same range error either way.
  friend constexpr Period operator-(Period p) {
    return {p.count == INT64_MIN ? INT64_MAX : -p.count, p.unit};
  }
  friend constexpr bool operator==(Period, Period) = default;
};

// The largest count a parsed period may have: more than the supported date range holds in days, so
// any period that could give a supported date parses, and arithmetic on it can never overflow.
inline constexpr int64_t kMaxPeriodCount = 1'000'000;

// Parses "12 weeks", "1 week", "3 months", "30 working days", "10 days", "3 years" and the short
// forms "12w", "3m", "30wd", "10d", "3y". Units are case-insensitive; a leading "-" or "+" sign is
// allowed; spaces between number and unit are optional. Errors name the part that is wrong and
// suggest a unit for a typo.
absl::StatusOr<Period> parse_period(std::string_view text);

// "12 weeks", "1 working day", "-3 months": the long form, which parse_period reads back to the
// same value.
std::string to_string(Period period);

// "days", "weeks", "months", "years", "working days" (singular when `count` is 1 or -1).
std::string_view unit_name(PeriodUnit unit, int64_t count);

}  // namespace compact
