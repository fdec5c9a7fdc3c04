#pragma once
// Conversions between a civil date (year, month, day) and its day index (days since 1900-01-01), by
// Howard Hinnant's algorithms ("chrono-Compatible Low-Level Date Algorithms"). They are exact for
// the whole proleptic Gregorian calendar and, unlike Boost's year/month/day constructor, cannot
// throw, so the date arithmetic built on them has no exception path at all. date_test checks both
// directions against Boost for every supported date.

#include <cstdint>

namespace compact {

struct CivilDay {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

// Day 0 is 1900-01-01; 1970-01-01 is 25567 days later (70 years of 365 days plus 17 leap days).
inline constexpr int64_t kDaysFrom1900To1970 = 25567;

constexpr int64_t day_index_from_civil(int64_t year, int month, int day) {
  // Count from 1 March of year 0 in 400-year eras, so that the leap day is the last day of each
  // shifted year and every era has exactly 146097 days.
  year -= month <= 2;
  const int64_t era = (year >= 0 ? year : year - 399) / 400;
  const int64_t year_of_era = year - era * 400;  // [0, 399]
  const int64_t day_of_year =
      (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;  // [0, 365]
  // 153 days is the length of each five-month run Mar-Jul and Aug-Dec; (153m + 2) / 5 gives the
  // cumulative days before shifted month m exactly.
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468 +
         kDaysFrom1900To1970;  // 719468: 0000-03-01 to 1970-01-01
}

constexpr CivilDay civil_from_day_index(int64_t index) {
  const int64_t z = index - kDaysFrom1900To1970 + 719468;  // days since 0000-03-01
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  // Within an era every quantity is small and not negative: unsigned 32-bit arithmetic, whose
  // divisions by constants are a multiplication and a shift each.
  const auto day_of_era = static_cast<uint32_t>(z - era * 146097);  // [0, 146096]
  // Removes the leap days before day_of_era (one per 4 years, less one per century, plus one per
  // era) so that dividing by 365 gives the year of the era.
  const uint32_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) /
      365;  // [0, 399]
  const uint32_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const uint32_t shifted_month =
      (5 * day_of_year + 2) / 153;  // [0, 11], 0 = March: inverse of the above
  const int day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  const int month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  return {year_of_era + era * 400 + (month <= 2), month, day};
}

static_assert(day_index_from_civil(1900, 1, 1) == 0);
static_assert(day_index_from_civil(1970, 1, 1) == kDaysFrom1900To1970);
static_assert(civil_from_day_index(0).year == 1900 && civil_from_day_index(0).month == 1);

}  // namespace compact
