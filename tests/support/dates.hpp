#pragma once
// Test shorthands: D("2025-01-31") for a date literal, and the published holiday list.

#include <string>
#include <string_view>
#include <vector>

#include "compact/calendar/calendar.hpp"
#include "compact/calendar/date.hpp"
#include "compact/calendar/holiday.hpp"

namespace compact::testing {

// Parses an ISO date; a malformed literal in a test aborts with the parser's message.
Date D(std::string_view iso);

// calendar.holidays_in(year) for a year known to be supported, as a value (a range-for over
// *calendar.holidays_in(year) would iterate a destroyed temporary).
std::vector<Holiday> holidays_of(const Calendar& calendar, int64_t year);

// GOV.UK's England and Wales bank holidays 2012-2026 (tests/data), as published: date and name.
const std::vector<Holiday>& published_england_and_wales_holidays();

}  // namespace compact::testing

namespace boost::gregorian {
// Lets GoogleTest print dates as ISO strings in failure messages.
void PrintTo(const date& d, std::ostream* os);
}  // namespace boost::gregorian
