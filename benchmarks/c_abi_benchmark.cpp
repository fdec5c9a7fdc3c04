// What the C ABI adds to the C++ API (docs/performance.md): the same work through compact.h. A
// calendar query converts its dates and checks its arguments; an evaluation through
// compact_engine_check_json reads the case into a new report each time and copies its JSON out,
// where BM_EvaluateDefaultPack/json:1 reuses a warm case, report and writer.

#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "benchmark_cases.hpp"
#include "compact/compact.h"

namespace compact {
namespace {

compact_date to_c(Date d) {
  const auto ymd = d.year_month_day();
  return {static_cast<int32_t>(ymd.year), static_cast<int32_t>(ymd.month.as_number()),
          static_cast<int32_t>(ymd.day.as_number())};
}

const std::vector<compact_date>& sample_c_dates() {
  static const std::vector<compact_date> dates = [] {
    std::vector<compact_date> out;
    for (const Date d : benchmarks::sample_dates()) out.push_back(to_c(d));
    return out;
  }();
  return dates;
}

compact_calendar* england_and_wales() {
  static compact_calendar* calendar = [] {
    compact_calendar* c = nullptr;
    compact_calendar_open("england-and-wales", &c, nullptr);
    return c;
  }();
  return calendar;
}

// One call per iteration, as BM_AddWorkingDays/30 makes to Calendar::add_working_days.
void BM_CAbiAddWorkingDays(benchmark::State& state) {
  compact_calendar* calendar = england_and_wales();
  const std::vector<compact_date>& dates = sample_c_dates();
  compact_date out;
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(compact_calendar_add_working_days(
        calendar, dates[i++ & benchmarks::kMask], 30, &out, nullptr));
  }
}
BENCHMARK(BM_CAbiAddWorkingDays);

// 4096 dates a call; the time is per date.
void BM_CAbiAddWorkingDaysBatch(benchmark::State& state) {
  compact_calendar* calendar = england_and_wales();
  const std::vector<compact_date>& dates = sample_c_dates();
  std::vector<compact_date> out(dates.size());
  for (auto _ : state) {
    benchmark::DoNotOptimize(compact_calendar_add_working_days_batch(
        calendar, dates.data(), dates.size(), 30, out.data(), nullptr));
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * dates.size()));
}
BENCHMARK(BM_CAbiAddWorkingDaysBatch);

// The whole built-in pack on the typical commission, JSON in and lean JSON out, through the C ABI.
void BM_CAbiCheckJson(benchmark::State& state) {
  compact_engine* engine = nullptr;
  if (compact_engine_create(nullptr, 0, nullptr, &engine, nullptr) != COMPACT_OK) {
    state.SkipWithError("no engine");
    return;
  }
  const std::string text = benchmarks::typical_commission_json();
  const compact_date as_of = {2018, 6, 30};
  for (auto _ : state) {
    compact_report* report = nullptr;
    const char* json = nullptr;
    size_t length = 0;
    compact_engine_check_json(engine, text.data(), text.size(), as_of, &report, nullptr);
    compact_report_json(report, COMPACT_REPORT_LEAN, &json, &length, nullptr);
    benchmark::DoNotOptimize(json);
    compact_report_free(report);
  }
  compact_engine_free(engine);
}
BENCHMARK(BM_CAbiCheckJson);

}  // namespace
}  // namespace compact
