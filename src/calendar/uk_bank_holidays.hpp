#pragma once
// The bank holidays of the United Kingdom's three jurisdictions, by rule and proclamation, 1900 to
// 2199. docs/calendars.md gives the rules, their history and their sources.

#include <vector>

#include "compact/calendar/holiday.hpp"

namespace compact {

enum class UkJurisdiction { kEnglandAndWales, kScotland, kNorthernIreland };

// The bank holidays of `year` in date order, each named as GOV.UK names it.
std::vector<Holiday> uk_bank_holidays(UkJurisdiction where, int year);

}  // namespace compact
