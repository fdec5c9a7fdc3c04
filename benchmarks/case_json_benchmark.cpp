// Reading and checking case documents: the target is <= 5 us for a case with one commission and
// 12 payments (docs/performance.md).

#include <string>

#include "absl/strings/str_cat.h"
#include "benchmark/benchmark.h"
#include "benchmark_cases.hpp"
#include "compact/model/case_json.hpp"
#include "support/allocation_counter.hpp"

namespace compact {
namespace {

std::string one_commission_twelve_payments() {
  const std::string payments = benchmarks::twelve_monthly_invoices(2025);
  return absl::StrCat(R"({"organisations": [
    {"id": "sbc", "name": "Stockton-on-Tees Borough Council", "sector": "public", "kind": "council"},
    {"id": "larder", "name": "Thornaby Community Larder", "sector": "vcse", "kind": "charity"}],
  "commissions": [{"id": "G1", "commissioner": "sbc", "provider": "larder", "approach": "grant",
    "decision_notified_on": "2025-01-01", "start_on": "2025-04-01", "end_on": "2028-03-31",
    "delivery_terms_agreed_on": "2025-02-10", "monitoring_agreed_on": "2025-02-10",
    "agreement_signed_on": "2025-02-24", "underspend_terms_agreed": true,
    "payments": [)",
                      payments, "]}]}");
}

// into:0, a new result for each read; into:1, one result read into again and again.
void BM_ReadCase(benchmark::State& state) {
  const std::string text = one_commission_twelve_payments();
  CaseReadResult kept;
  const uint64_t before = testing::allocations();
  for (auto _ : state) {
    if (state.range(0) == 1) {
      read_case(text, kept);
      if (!kept.ok()) state.SkipWithError("the benchmark case is invalid");
      benchmark::DoNotOptimize(kept);
    } else {
      CaseReadResult result = read_case(text);
      if (!result.ok()) state.SkipWithError("the benchmark case is invalid");
      benchmark::DoNotOptimize(result);
    }
  }
  state.counters["allocations"] = static_cast<double>(testing::allocations() - before) /
                                  static_cast<double>(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadCase)->ArgName("into")->Arg(0)->Arg(1);

void BM_WriteCase(benchmark::State& state) {
  const Case c = read_case(one_commission_twelve_payments()).value;
  for (auto _ : state) benchmark::DoNotOptimize(write_case(c));
}
BENCHMARK(BM_WriteCase);

}  // namespace
}  // namespace compact
