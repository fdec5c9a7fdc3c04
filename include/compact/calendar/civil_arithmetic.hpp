#pragma once
// Adding days, months and years to a date, and the exact inverse for months. No calendar is needed.
//
// Months follow the corresponding-date rule (Dodds v Walker [1981]): d + n months is the same
// day-number n months later, or the last day of that month when it has no such day. So 31 Jan + 1
// month = 28 (or 29) Feb, 28 Feb + 1 month = 28 Mar (not 31 Mar: a month-end is not "snapped" to
// the next month-end, which is where Boost's months() goes wrong), and 30 Sep 1978 + 4 months = 30
// Jan 1979. A year is 12 months, so 29 Feb 2024 + 1 year = 28 Feb 2025.
//
// Every function refuses a date outside the supported range, given or computed, with OutOfRange.

#include <cstdint>

#include "absl/status/statusor.h"
#include "compact/calendar/date.hpp"
#include "compact/calendar/period.hpp"

namespace compact {

absl::StatusOr<Date> add_days(Date d, int64_t n);
absl::StatusOr<Date> add_months(Date d, int64_t n);
absl::StatusOr<Date> add_years(Date d, int64_t n);

// The latest e with add_months(e, n) <= x: the date on which a "at least n months before x" act is
// last in time. Not the same as add_months(x, -n): for x = 30 Apr and n = 3 it is 31 Jan (31 Jan +
// 3 months = 30 Apr), where counting back gives 30 Jan.
absl::StatusOr<Date> latest_start_months(Date x, int64_t n);

// The same month arithmetic on day indexes (to_day_index), for callers that hold dates so (rules
// compiled to machine code): the answer's index, or -1 when it is outside the supported range.
// `index` must be a supported date's. latest_start_of_index_months also says, through
// `differs_from_counting_back` when it is not null, whether the answer differs from
// add_months_to_index(index, -n): it does when `index` is the last day of its month and the answer's
// month is longer (30 Jun, 1 month: 31 May, where counting back gives 30 May).
int64_t add_months_to_index(int64_t index, int64_t n);
int64_t latest_start_of_index_months(int64_t index, int64_t n, bool* differs_from_counting_back);

// The errors these functions (and Calendar's) return when the answer leaves the supported range:
// OutOfRange, "2199-12-20 + 30 working days is outside the supported range ...", and
// "the latest start for 3 months before 1900-02-01 is outside the supported range ...".
absl::Status sum_out_of_range(Date d, Period p);
absl::Status latest_start_out_of_range(Date x, Period p);

}  // namespace compact
