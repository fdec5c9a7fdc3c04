#pragma once
// The case documents the benchmarks read, built once here so that every benchmark reads the same shapes.

#include <cstddef>
#include <string>
#include <vector>

#include "compact/calendar/date.hpp"

namespace compact::benchmarks {

// Twelve invoices, one a month of `year`, each received on the 3rd and paid on the 24th, as the
// members of a JSON array (without the brackets).
std::string twelve_monthly_invoices(int year);

// A typical commission, as the engine's targets are set on: one grant with 12 monthly invoices, an
// ending and a consultation, planning and the approach's rationale recorded.
std::string typical_commission_json();

// 4096 dates spread over 2000-2030, in a scrambled order, so that neither the branch predictor nor
// the cache sees the same date twice in a row; index them with `& kMask`.
const std::vector<Date>& sample_dates();
inline constexpr size_t kMask = 4095;

}  // namespace compact::benchmarks
