#include "benchmark_cases.hpp"

#include "absl/strings/str_cat.h"

namespace compact::benchmarks {

std::string twelve_monthly_invoices(int year) {
  std::string payments;
  for (int month = 1; month <= 12; ++month) {
    const std::string ym = absl::StrCat(year, "-", month < 10 ? "0" : "", month);
    absl::StrAppend(&payments, month > 1 ? ", " : "", "{\"id\": \"INV-", month,
                    "\", \"kind\": \"invoice\", \"amount_pence\": 125000, \"received_on\": \"", ym,
                    "-03\", \"paid_on\": \"", ym, "-24\"}");
  }
  return payments;
}

}  // namespace compact::benchmarks
