// The calendar's hot paths, one call per iteration over a spread of dates (so neither the branch
// predictor nor the cache sees the same date twice in a row). scripts/bench reports the median of
// 10 repetitions; docs/performance.md records the figures and the targets (<= 5 ns is_working_day,
// <= 20 ns the rest).

#include <vector>

#include "benchmark/benchmark.h"
#include "benchmark_cases.hpp"
#include "compact/calendar/calendar.hpp"

namespace compact {
namespace {

using benchmarks::kMask;
using benchmarks::sample_dates;

void BM_IsWorkingDay(benchmark::State& state) {
  const Calendar& calendar = Calendar::england_and_wales();
  const std::vector<Date>& dates = sample_dates();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(calendar.is_working_day(dates[i++ & kMask]));
}
BENCHMARK(BM_IsWorkingDay);

void BM_AddWorkingDays(benchmark::State& state) {
  const Calendar& calendar = Calendar::england_and_wales();
  const std::vector<Date>& dates = sample_dates();
  const int64_t n = state.range(0);
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(calendar.add_working_days(dates[i++ & kMask], n));
}
BENCHMARK(BM_AddWorkingDays)->Arg(30)->Arg(260)->Arg(-30);

// For comparison: the one-day-at-a-time walk most libraries use, which grows with n.
void BM_AddWorkingDaysDayByDay(benchmark::State& state) {
  const Calendar& calendar = Calendar::england_and_wales();
  const std::vector<Date>& dates = sample_dates();
  const int64_t n = state.range(0);
  size_t i = 0;
  for (auto _ : state) {
    Date d = dates[i++ & kMask];
    for (int64_t k = 0; k < n;) {
      d += boost::gregorian::days(1);
      if (*calendar.is_working_day(d)) ++k;
    }
    benchmark::DoNotOptimize(d);
  }
}
BENCHMARK(BM_AddWorkingDaysDayByDay)->Arg(30)->Arg(260);

void BM_WorkingDaysBetween(benchmark::State& state) {
  const Calendar& calendar = Calendar::england_and_wales();
  const std::vector<Date>& dates = sample_dates();
  const boost::gregorian::days span(state.range(0));
  size_t i = 0;
  for (auto _ : state) {
    const Date a = dates[i++ & kMask];
    benchmark::DoNotOptimize(calendar.working_days_between(a, a + span));
  }
}
BENCHMARK(BM_WorkingDaysBetween)->Arg(365)->Arg(3652);

void BM_AddPeriod(benchmark::State& state, Period period) {
  const Calendar& calendar = Calendar::england_and_wales();
  const std::vector<Date>& dates = sample_dates();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(calendar.add(dates[i++ & kMask], period));
}
BENCHMARK_CAPTURE(BM_AddPeriod, months_3, Period::months(3));
BENCHMARK_CAPTURE(BM_AddPeriod, weeks_12, Period::weeks(12));
BENCHMARK_CAPTURE(BM_AddPeriod, working_days_30, Period::working_days(30));

void BM_AddMonths(benchmark::State& state) {
  const std::vector<Date>& dates = sample_dates();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(add_months(dates[i++ & kMask], 3));
}
BENCHMARK(BM_AddMonths);

void BM_LatestStart(benchmark::State& state, Period period) {
  const Calendar& calendar = Calendar::england_and_wales();
  const std::vector<Date>& dates = sample_dates();
  size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(calendar.latest_start(dates[i++ & kMask], period));
}
BENCHMARK_CAPTURE(BM_LatestStart, months_3, Period::months(3));
BENCHMARK_CAPTURE(BM_LatestStart, working_days_30, Period::working_days(30));

void BM_ParseDate(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_date("2024-12-13"));
}
BENCHMARK(BM_ParseDate);

void BM_ParsePeriod(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(parse_period("30 working days"));
}
BENCHMARK(BM_ParsePeriod);

// Building a built-in calendar's tables: paid once per process, on first use.
void BM_BuildEnglandAndWales(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(Calendar::england_and_wales().with_closures("copy", {}));
}
BENCHMARK(BM_BuildEnglandAndWales)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace compact

BENCHMARK_MAIN();
