#pragma once
// Civil dates (Europe/London, no times) and the range the library supports.
//
// A Date is Boost.Date_Time's gregorian::date. Every date the library reads, computes or prints
// lies in the supported range 1900-01-01 to 2199-12-31; a date outside it, or one of Boost's
// special values (not_a_date_time, +/-infinity), is refused with a Status that says so, never
// silently used.

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "boost/date_time/gregorian/gregorian_types.hpp"

namespace compact {

using Date = boost::gregorian::date;

inline constexpr int kFirstSupportedYear = 1900;
inline constexpr int kLastSupportedYear = 2199;

// The number of days in the supported range; a date's "day index" is its distance from 1900-01-01,
// and working-day tables are indexed by it. 300 years of 365 days plus 73 leap days: the 75
// multiples of 4 in 1900..2196, less 1900 and 2100 (2000, a multiple of 400, is a leap year).
// date_test checks it with Boost.
inline constexpr int64_t kSupportedDays = 300 * 365 + 73;

constexpr bool is_leap_year(int64_t year) {
  return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
}

constexpr int days_in_month(int64_t year, int month) {
  constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

inline Date first_supported_date() { return Date(kFirstSupportedYear, 1, 1); }
inline Date last_supported_date() { return Date(kLastSupportedYear, 12, 31); }

// Boost stores a date as its Julian Day Number; this is the JDN of 1900-01-01 (checked in
// date_test).
inline constexpr int64_t kJulianDayOfFirstSupportedDate = 2415021;

// Days since 1900-01-01. Only meaningful for a date that is not special.
inline int64_t to_day_index(Date d) {
  return static_cast<int64_t>(d.day_number()) - kJulianDayOfFirstSupportedDate;
}

// The date `index` days after 1900-01-01. The caller guarantees 0 <= index < kSupportedDays.
inline Date from_day_index(int64_t index) {
  return Date(static_cast<Date::date_int_type>(kJulianDayOfFirstSupportedDate + index));
}

inline bool is_supported(Date d) {
  if (d.is_special()) return false;
  const int64_t index = to_day_index(d);
  return index >= 0 && index < kSupportedDays;
}

// OutOfRange: "<what> is outside the supported range 1900-01-01 to 2199-12-31".
absl::Status outside_supported_range(std::string_view what);

// OK for a supported date; otherwise OutOfRange (or InvalidArgument for a special value) naming the
// date.
absl::Status check_supported(Date d);

// The date y-m-d, or InvalidArgument naming the part that is wrong ("February 2025 has 28 days"),
// or OutOfRange when it is a real date outside the supported range.
absl::StatusOr<Date> make_date(int64_t year, int64_t month, int64_t day);

// Parses exactly YYYY-MM-DD (ISO 8601 calendar date, four-digit year). Leading and trailing spaces
// are not allowed: callers that read lines trim them first.
absl::StatusOr<Date> parse_date(std::string_view text);

// YYYY-MM-DD; "not-a-date" for Boost's special values.
std::string format_date(Date d);
// The same appended to `out`, without a temporary string: for writers of large reports.
void append_date(std::string& out, Date d);
// The same into out[0..10), for writers of their own buffers ("not-a-date" has ten characters too).
void write_date(char* out, Date d);

}  // namespace compact
