#pragma once
// Conversions between a civil date (year, month, day) and its day index (days since 1900-01-01), by
// Howard Hinnant's algorithm ("chrono-Compatible Low-Level Date Algorithms") one way and Neri and
// Schneider's the other. They are exact for the proleptic Gregorian calendar far beyond any date
// Boost holds (1400 to 9999) and, unlike Boost's year/month/day constructor, cannot throw, so the
// date arithmetic built on them has no exception path at all. date_test checks both directions
// against Boost for every supported date, and civil_from_day_index for every day Boost holds.

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

// Cassio Neri and Lorenz Schneider's conversion ("Euclidean affine functions and their application
// to calendar algorithms", 2022): the same counting as Hinnant's, from 1 March in 400-year eras, but
// with every division but one a multiplication and a shift, which is exact over the whole range of
// the arithmetic as they prove; it takes half the instructions, and a report writes hundreds of dates.
// Exact from year -32,800 to year 2,900,000: the days from the shifted day 0 below, times four, must
// fit in 32 bits.
constexpr CivilDay civil_from_day_index(int64_t index) {
  // Moved 82 eras (32,800 years) forward, so that every date in range counts from a day 0 before
  // it, in unsigned 32-bit arithmetic; 719468 days from 0000-03-01 to 1970-01-01.
  constexpr uint32_t kEras = 82;
  const auto shifted =
      static_cast<uint32_t>(index - kDaysFrom1900To1970 + 719468 + int64_t{146097} * kEras);
  // Centuries are 36524.25 days on average: counted in quarter days, each era's four are exact, and
  // the +3 puts each century's extra leap day (one in four) at its end.
  const uint32_t quarters = 4 * shifted + 3;
  const uint32_t century = quarters / 146097;
  const uint32_t day_of_century = quarters % 146097 / 4;
  // Years of a century are 365.25 days: (4n + 3) / 1461 gives the year, and its remainder the day
  // of the year. 2939745 / 2^32 is 1 / 1461 closely enough that the product's high half is that
  // quotient and its low half, divided again, that remainder for every day of a century.
  const uint64_t product = uint64_t{2939745} * (4 * day_of_century + 3);
  const auto year_of_century = static_cast<uint32_t>(product >> 32);
  const uint32_t day_of_year = static_cast<uint32_t>(product) / 2939745 / 4;  // [0, 365] from 1 Mar
  // Months from March run 31, 30, 31, 30, 31 (153 days) twice and then on: the line
  // (2141 d + 197913) / 2^16 steps to the next month on each month's first day for d in [0, 365],
  // and its remainder over 2141 is the day of the month, from 0.
  const uint32_t month_and_day = 2141 * day_of_year + 197913;
  const uint32_t shifted_month = month_and_day >> 16;  // 3 = March ... 14 = February
  const uint32_t day = (month_and_day & 0xFFFF) / 2141 + 1;
  // January and February (from day 306) belong to the next civil year.
  const bool next_year = day_of_year >= 306;
  const int64_t year = int64_t{100} * century + year_of_century - 400 * kEras + next_year;
  return {year, static_cast<int>(next_year ? shifted_month - 12 : shifted_month),
          static_cast<int>(day)};
}

static_assert(day_index_from_civil(1900, 1, 1) == 0);
static_assert(day_index_from_civil(1970, 1, 1) == kDaysFrom1900To1970);
static_assert(civil_from_day_index(0).year == 1900 && civil_from_day_index(0).month == 1);

}  // namespace compact
