#pragma once
// The case documents the benchmarks read, built once here so that every benchmark reads the same shapes.

#include <string>

namespace compact::benchmarks {

// Twelve invoices, one a month of `year`, each received on the 3rd and paid on the 24th, as the
// members of a JSON array (without the brackets).
std::string twelve_monthly_invoices(int year);

}  // namespace compact::benchmarks
