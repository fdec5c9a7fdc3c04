// The rule engine against its targets (docs/performance.md): compiling a 60-rule pack <= 2 ms;
// evaluating a case with one commission, 12 payments, an ending and a consultation against it <= 2 us
// from the typed model, <= 10 us from JSON text to JSON report; no allocation per typed evaluation.

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "benchmark/benchmark.h"
#include "benchmark_cases.hpp"
#include "compact/engine/engine.hpp"
#include "compact/model/case_json.hpp"
#include "support/allocation_counter.hpp"

namespace compact {
namespace {

// The `[[rule]]` tables of a pack's text, each up to the next one.
std::vector<std::string> rule_tables(const std::string& pack) {
  std::vector<std::string> tables;
  for (size_t at = pack.find("[[rule]]"); at != std::string::npos;) {
    const size_t next = pack.find("[[rule]]", at + 1);
    tables.push_back(pack.substr(at, next == std::string::npos ? next : next - at));
    at = next;
  }
  return tables;
}

// The 15 rules of the built-in pack that issue 4's targets were set on (those with dates and numbers
// in them), four times over under different ids: 60 rules of the real kinds, whatever rules the pack
// gains.
std::string sixty_rule_pack() {
  constexpr std::string_view kRules[] = {"consultation.min-period",
                                         "consultation.catalyst-involved",
                                         "consultation.notice-given",
                                         "consultation.feedback",
                                         "commission.decision-notice",
                                         "commission.funding-term",
                                         "bid.feedback",
                                         "commission.terms-before-signing",
                                         "commission.underspend",
                                         "payment.on-time",
                                         "commission.monitoring-before-signing",
                                         "ending.impact-assessment",
                                         "ending.notice-period",
                                         "ending.notice-in-writing",
                                         "ending.rationale"};
  std::ifstream in(std::string(COMPACT_PACKS_DIR) + "/stockton-2014.toml");
  std::stringstream text;
  text << in.rdbuf();
  const std::string pack = text.str();
  std::string rules;
  for (const std::string& rule : rule_tables(pack)) {
    const size_t id = rule.find("\nid = \"") + 7;
    const std::string_view name(rule.data() + id, rule.find('"', id) - id);
    if (std::find(std::begin(kRules), std::end(kRules), name) != std::end(kRules)) rules += rule;
  }
  std::string out = pack.substr(0, pack.find("[[rule]]"));
  for (int copy = 0; copy < 4; ++copy) {
    std::string renamed = rules;
    // Each rule's id line is `id = "x"`; the copy gets `id = "x-N"`.
    size_t at = 0;
    while ((at = renamed.find("\nid = \"", at)) != std::string::npos) {
      const size_t close = renamed.find('"', at + 7);
      renamed.insert(close, absl::StrCat("-", copy));
      at = close;
    }
    out += renamed;
  }
  return out;
}

// The same 60 rules with nothing to work out: each keeps its `for` and has only `met = "true"`. What
// evaluating them costs is the engine's own cost of a finding (finding the entities, filling the
// finding, the timeline), the floor under any pack with as many findings.
std::string sixty_trivial_rules() {
  const std::string full = sixty_rule_pack();
  std::string out = full.substr(0, full.find("[[rule]]"));
  for (const std::string& rule : rule_tables(full)) {
    absl::StrAppend(&out, "[[rule]]\n");
    for (const char* key :
         {"\nid = ", "\nsection = ", "\nquote = ", "\nparty = ", "\nstrength = ", "\nfor = "}) {
      const size_t line = rule.find(key);
      absl::StrAppend(&out, rule.substr(line + 1, rule.find('\n', line + 1) - line), "\n");
    }
    absl::StrAppend(&out, "met = \"true\"\n\n");
  }
  return out;
}

// The allocations per iteration since the count was `before`, as a counter: the target is none.
void count_allocations(benchmark::State& state, uint64_t before) {
  state.counters["allocations_per_evaluation"] =
      static_cast<double>(testing::allocations() - before) /
      static_cast<double>(state.iterations());
}

// An engine with `pack`, its rules compiled to machine code unless `native_code` is false.
Engine engine_of(const std::string& pack, bool native_code = true) {
  std::vector<rules::Pack> packs;
  packs.push_back(*rules::load_pack(pack, "sixty.toml"));
  return *Engine::create(std::move(packs), {.native_code = native_code});
}

Engine sixty_rule_engine(bool native_code = true) {
  return engine_of(sixty_rule_pack(), native_code);
}

void BM_CompilePack60(benchmark::State& state) {
  const std::string text = sixty_rule_pack();
  for (auto _ : state) {
    absl::StatusOr<rules::Pack> pack = rules::load_pack(text, "sixty.toml");
    if (!pack.ok() || pack->rules.size() != 60) state.SkipWithError("the pack did not load");
    benchmark::DoNotOptimize(pack);
  }
}
BENCHMARK(BM_CompilePack60)->Unit(benchmark::kMicrosecond);

// All that happens before the first evaluation: the pack loaded and compiled, then the engine
// created, which compiles the rules to machine code (arg 1) or does not (arg 0).
void BM_CreateEngine60(benchmark::State& state) {
  const std::string text = sixty_rule_pack();
  for (auto _ : state) {
    benchmark::DoNotOptimize(engine_of(text, state.range(0) != 0));
  }
}
BENCHMARK(BM_CreateEngine60)->ArgName("native")->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

// Evaluating the typed case into a warm Report, with the rules compiled to machine code (arg 1)
// or interpreted (arg 0).
void evaluate_typed(benchmark::State& state, bool native_code) {
  const Engine engine = sixty_rule_engine(native_code);
  const Case c = *parse_case(benchmarks::typical_commission_json());
  const Date as_of = *parse_date("2018-06-30");
  Report report;
  // Warm-up: the report takes its size.
  if (!engine.evaluate(c, as_of, report).ok()) state.SkipWithError("the evaluation failed");
  const uint64_t before = testing::allocations();
  for (auto _ : state) {
    benchmark::DoNotOptimize(engine.evaluate(c, as_of, report));
    benchmark::DoNotOptimize(report.findings.data());
  }
  state.counters["findings"] = static_cast<double>(report.findings.size());
  count_allocations(state, before);
}
void BM_EvaluateTyped(benchmark::State& state) { evaluate_typed(state, true); }
BENCHMARK(BM_EvaluateTyped);
void BM_EvaluateTypedInterpreted(benchmark::State& state) { evaluate_typed(state, false); }
BENCHMARK(BM_EvaluateTypedInterpreted);

// The whole built-in pack, every rule it has, on the same case: what a council evaluating one
// commission with the Stockton Compact pays. JSON to lean JSON, as BM_EvaluateJsonToJson does.
void BM_EvaluateDefaultPack(benchmark::State& state) {
  const Engine engine = *Engine::with_default_pack();
  const std::string text = benchmarks::typical_commission_json();
  const Date as_of = *parse_date("2018-06-30");
  const bool json = state.range(0) == 1;
  CaseReadResult read;
  read_case(text, engine.declared_fields(), read);
  Report report;
  ReportJsonWriter writer;
  // Warm-up: the report, the case and the writer take their sizes.
  if (!engine.evaluate(read.value, as_of, report).ok())
    state.SkipWithError("the evaluation failed");
  writer.write(report, ReportDetail::kLean);
  const uint64_t before = testing::allocations();
  for (auto _ : state) {
    if (json) read_case(text, engine.declared_fields(), read);
    benchmark::DoNotOptimize(engine.evaluate(read.value, as_of, report));
    if (json) benchmark::DoNotOptimize(writer.write(report, ReportDetail::kLean).data());
  }
  state.counters["rules"] = static_cast<double>(engine.packs().front().rules.size());
  state.counters["findings"] = static_cast<double>(report.findings.size());
  count_allocations(state, before);
}
BENCHMARK(BM_EvaluateDefaultPack)->ArgName("json")->Arg(0)->Arg(1);

// One engine shared by every thread, each with its own Report, as a service would run it: with no
// lock and nothing written to the engine, two threads should do twice the work of one.
void BM_EvaluateTypedSharedEngine(benchmark::State& state) {
  static const Engine engine = sixty_rule_engine();
  const Case c = *parse_case(benchmarks::typical_commission_json());
  const Date as_of = *parse_date("2018-06-30");
  Report report;
  for (auto _ : state) {
    benchmark::DoNotOptimize(engine.evaluate(c, as_of, report));
    benchmark::DoNotOptimize(report.findings.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_EvaluateTypedSharedEngine)->Threads(1)->Threads(2)->UseRealTime();

void BM_EvaluateTypedTrivialRules(benchmark::State& state) {
  const Engine engine = engine_of(sixty_trivial_rules());
  const Case c = *parse_case(benchmarks::typical_commission_json());
  const Date as_of = *parse_date("2018-06-30");
  Report report;
  if (!engine.evaluate(c, as_of, report).ok()) state.SkipWithError("the evaluation failed");
  for (auto _ : state) {
    benchmark::DoNotOptimize(engine.evaluate(c, as_of, report));
    benchmark::DoNotOptimize(report.findings.data());
  }
  state.counters["findings"] = static_cast<double>(report.findings.size());
}
BENCHMARK(BM_EvaluateTypedTrivialRules);

// JSON text in, JSON report out, as a service checking case after case would: the Report and the
// output string are kept from one case to the next. Arg 0: the full report; 1: the lean one.
void BM_EvaluateJsonToJson(benchmark::State& state) {
  const Engine engine = sixty_rule_engine();
  const std::string text = benchmarks::typical_commission_json();
  const Date as_of = *parse_date("2018-06-30");
  const ReportDetail detail = state.range(0) == 0 ? ReportDetail::kFull : ReportDetail::kLean;
  // Each kept from one case to the next, as a service checking many cases keeps them.
  CaseReadResult read;
  Report report;
  ReportJsonWriter writer;
  std::string_view json;
  for (auto _ : state) {
    read_case(text, engine.declared_fields(), read);
    benchmark::DoNotOptimize(engine.evaluate(read.value, as_of, report));
    json = writer.write(report, detail);
    benchmark::DoNotOptimize(json.data());
  }
  state.counters["report_bytes"] = static_cast<double>(json.size());
}
BENCHMARK(BM_EvaluateJsonToJson)->ArgName("lean")->Arg(0)->Arg(1);

// The last part of the above alone: writing the report of an evaluation already made.
void BM_WriteReportJson(benchmark::State& state) {
  const Engine engine = sixty_rule_engine();
  const Case c = *parse_case(benchmarks::typical_commission_json());
  const Report report = *engine.evaluate(c, *parse_date("2018-06-30"));
  const ReportDetail detail = state.range(0) == 0 ? ReportDetail::kFull : ReportDetail::kLean;
  // writer:1, a ReportJsonWriter kept from one report to the next; writer:0, append_json into a
  // string kept likewise, which copies the text once more.
  const bool own_writer = state.range(1) == 1;
  ReportJsonWriter writer;
  std::string appended;
  size_t bytes = 0;
  for (auto _ : state) {
    if (own_writer) {
      const std::string_view json = writer.write(report, detail);
      benchmark::DoNotOptimize(json.data());
      bytes = json.size();
    } else {
      appended.clear();
      append_json(appended, report, detail);
      benchmark::DoNotOptimize(appended.data());
      bytes = appended.size();
    }
  }
  state.counters["report_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WriteReportJson)->ArgNames({"lean", "writer"})->ArgsProduct({{0, 1}, {0, 1}});

}  // namespace
}  // namespace compact
