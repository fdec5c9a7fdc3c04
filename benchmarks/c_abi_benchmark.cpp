// What the C ABI adds to the C++ API (docs/performance.md): the same work through compact.h. A
// calendar query converts its dates and checks its arguments; an evaluation through
// compact_engine_check_json reads the case into a new report each time and copies its JSON out,
// where BM_EvaluateDefaultPack/json:1 reuses a warm case, report and writer. A case built with the
// typed setters is timed being built, and being evaluated, which reads no JSON.

#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "benchmark_cases.hpp"
#include "boost/json.hpp"
#include "compact/compact.h"
#include "support/document_replay.hpp"

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

compact_status make(compact_case* c, const testing::Setting& s) {
  const char* path = s.path.c_str();
  switch (s.kind) {
    case testing::Setting::Kind::kAdd:
      return compact_case_add(c, path, nullptr);
    case testing::Setting::Kind::kDate:
      return compact_case_set_date(c, path, to_c(s.day), nullptr);
    case testing::Setting::Kind::kBool:
      return compact_case_set_bool(c, path, static_cast<int>(s.number), nullptr);
    case testing::Setting::Kind::kInteger:
      return compact_case_set_integer(c, path, s.number, nullptr);
    case testing::Setting::Kind::kMoney:
      return compact_case_set_money(c, path, s.number, nullptr);
    case testing::Setting::Kind::kText:
      return compact_case_set_text(c, path, s.text.data(), s.text.size(), nullptr);
    case testing::Setting::Kind::kNone:
      break;
  }
  return COMPACT_INVALID_ARGUMENT;
}

// The typical commission, built through the C ABI's setters: one call per field and list entry.
// The number of calls refused, which is 0 for a case that is timed, in *refused.
compact_case* build(const std::vector<testing::Setting>& settings, int* refused) {
  compact_case* c = nullptr;
  compact_case_create(nullptr, &c, nullptr);
  for (const testing::Setting& s : settings) *refused += make(c, s) != COMPACT_OK;
  return c;
}

const std::vector<testing::Setting>& typical_settings() {
  static const std::vector<testing::Setting> settings = testing::settings_of(
      boost::json::parse(benchmarks::typical_commission_json()).as_object(), {});
  return settings;
}

// Building the typical commission from nothing; the counter is the calls made.
void BM_CAbiBuildCase(benchmark::State& state) {
  const std::vector<testing::Setting>& settings = typical_settings();
  int refused = 0;
  for (auto _ : state) compact_case_free(build(settings, &refused));
  if (refused > 0) state.SkipWithError("the builder refused a call");
  state.counters["calls"] = static_cast<double>(settings.size());
}
BENCHMARK(BM_CAbiBuildCase);

// The built case evaluated, as BM_CAbiCheckJson evaluates its document: checked whole, evaluated into
// a new report, lean JSON out. The case is shared with each report, not copied.
void BM_CAbiCheckCase(benchmark::State& state) {
  compact_engine* engine = nullptr;
  if (compact_engine_create(nullptr, 0, nullptr, &engine, nullptr) != COMPACT_OK) {
    state.SkipWithError("no engine");
    return;
  }
  int refused = 0;
  compact_case* c = build(typical_settings(), &refused);
  if (refused > 0 || compact_case_check(c, nullptr) != COMPACT_OK) {
    state.SkipWithError("the built case has problems");
    return;
  }
  const compact_date as_of = {2018, 6, 30};
  for (auto _ : state) {
    compact_report* report = nullptr;
    const char* json = nullptr;
    size_t length = 0;
    compact_engine_check_case(engine, c, as_of, &report, nullptr);
    compact_report_json(report, COMPACT_REPORT_LEAN, &json, &length, nullptr);
    benchmark::DoNotOptimize(json);
    compact_report_free(report);
  }
  compact_case_free(c);
  compact_engine_free(engine);
}
BENCHMARK(BM_CAbiCheckCase);

}  // namespace
}  // namespace compact
