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

std::string typical_commission_json() {
  const std::string payments = twelve_monthly_invoices(2015);
  return absl::StrCat(R"({"organisations": [
    {"id": "sbc", "name": "Stockton-on-Tees Borough Council", "sector": "public", "kind": "council"},
    {"id": "larder", "name": "Thornaby Community Larder", "sector": "vcse", "kind": "charity"}],
  "consultations": [{"id": "C1", "lead": "sbc", "significant_effect_on_vcse": true,
    "notice_given_on": "2015-01-02", "opens_on": "2015-01-06", "closes_on": "2015-03-31",
    "catalyst_involved_on": "2014-12-10", "feedback_published_on": "2015-05-01"}],
  "commissions": [{"id": "G1", "commissioner": "sbc", "provider": "larder", "approach": "grant",
    "planning_started_on": "2014-10-01", "vcs_involved_on": "2014-09-24",
    "approach_rationale": "A grant: the larder designs the service with its users.",
    "decision_notified_on": "2015-01-01", "start_on": "2015-04-01", "end_on": "2018-03-31",
    "delivery_terms_agreed_on": "2015-02-10", "monitoring_agreed_on": "2015-02-10",
    "agreement_signed_on": "2015-02-24", "underspend_terms_agreed": true,
    "ending": {"decided_on": "2017-09-01", "impact_assessed_on": "2017-08-20",
      "notice_given_on": "2017-12-20", "notice_in_writing": true, "rationale": "Funding ends.",
      "ends_on": "2018-03-31"},
    "payments": [)",
                      payments, "]}]}");
}

const std::vector<Date>& sample_dates() {
  static const std::vector<Date> dates = [] {
    std::vector<Date> out;
    const int64_t first = to_day_index(Date(2000, 1, 1));
    for (int64_t i = 0; i < 4096; ++i) out.push_back(from_day_index(first + (i * 2731) % 11000));
    return out;
  }();
  return dates;
}

}  // namespace compact::benchmarks
