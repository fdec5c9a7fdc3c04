// The engine against its reference (reference_decision.hpp): random packs, written out as TOML and
// loaded as a pack author's would be, decide random cases as the reference does, finding by finding:
// outcome, dates, margins, the fields named as missing, the boundary-sensitive and in-force flags.

#include <array>
#include <map>
#include <random>

#include "compact/engine/engine.hpp"
#include "gtest/gtest.h"
#include "reference_decision.hpp"
#include "rules/random_expressions.hpp"

namespace compact::reference {
namespace {

using rules::reference::kDaysFrom1900To1990;
using rules::reference::Kind;
using rules::reference::Names;
using rules::reference::random_commission;
using rules::reference::random_expression;
using rules::reference::random_field;

class RandomPack {
 public:
  explicit RandomPack(std::mt19937_64& rng) : rng_(rng) {}

  RefPack make() {
    RefPack pack;
    if (chance(2)) pack.in_force_from = some_date();
    if (chance(2)) pack.in_force_to = some_date();
    if (pack.in_force_from && pack.in_force_to && *pack.in_force_to < *pack.in_force_from) {
      std::swap(pack.in_force_from, pack.in_force_to);
    }
    RefParameter period{"payment_period", {}, period_value()};
    if (chance(2)) {
      // Dated: the values take effect on dates in order, the first possibly after some obligations.
      Date from = some_date();
      for (size_t i = 0, n = 1 + pick(3); i < n; ++i) {
        period.dated.emplace_back(from, period_value());
        from += boost::gregorian::days(1 + static_cast<int64_t>(pick(3000)));
      }
    }
    pack.parameters.push_back(std::move(period));
    RefValue limit;
    limit.kind = Kind::kInteger;
    limit.number = static_cast<int64_t>(pick(300));
    pack.parameters.push_back({"limit", {}, limit});
    RefValue cutoff;
    cutoff.kind = Kind::kDate;
    cutoff.day = some_date();
    pack.parameters.push_back({"cutoff", {}, cutoff});
    for (size_t i = 0; i < 6; ++i) pack.rules.push_back(rule(i));
    return pack;
  }

 private:
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool chance(size_t one_in) { return pick(one_in) == 0; }

  Date some_date() {
    return from_day_index(kDaysFrom1900To1990 + static_cast<int64_t>(pick(16'800)));
  }

  RefValue period_value() {
    constexpr std::array units = {PeriodUnit::kDays, PeriodUnit::kWeeks, PeriodUnit::kMonths,
                                  PeriodUnit::kWorkingDays};
    RefValue v;
    v.kind = Kind::kPeriod;
    v.period = {static_cast<int64_t>(1 + pick(60)), units[pick(units.size())]};
    return v;
  }

  static std::unique_ptr<RefNode> name(std::string name) {
    auto n = std::make_unique<RefNode>();
    n->op = RefNode::Op::kParameter;
    n->kind = Kind::kDate;
    n->path = std::move(name);
    return n;
  }

  RefRule rule(size_t index) {
    constexpr std::array paths = {"commission", "commission.payment", "commission.ending"};
    RefRule r;
    r.id = "r" + std::to_string(index);
    r.for_path = paths[pick(paths.size())];
    // Rules see their pack's parameters and as_of, but arises, actual and explained_by see neither.
    Names names{r.for_path == "commission.payment", true, {"as_of"}};
    Names plain{names.payment, false, {}};
    const int depth = 1 + static_cast<int>(pick(3));
    if (chance(2)) r.when = random_expression(rng_, Kind::kBool, depth, names);
    if (chance(3)) r.unless = random_expression(rng_, Kind::kBool, depth, names);
    if (chance(2)) r.arises = random_expression(rng_, Kind::kDate, depth, plain);
    if (!chance(4)) r.due = random_expression(rng_, Kind::kDate, depth, names);
    if (!chance(3)) r.actual = random_expression(rng_, Kind::kDate, depth - 1, plain);
    if (chance(2)) {
      // The commonest met of all: the act on or before (or after) the due day.
      auto met = std::make_unique<RefNode>();
      met->op = RefNode::Op::kCompare;
      met->compare = chance(2) ? "<=" : ">=";
      met->args.push_back(name("actual"));
      met->args.push_back(name("due"));
      r.met = std::move(met);
    } else {
      names.dates = {"as_of", "due", "actual"};
      r.met = random_expression(rng_, Kind::kBool, depth, names);
    }
    for (size_t i = 0, n = chance(2) ? 0 : 1 + pick(2); i < n; ++i) {
      constexpr std::array kinds = {Kind::kText, Kind::kBool, Kind::kDate};
      r.explained_by.push_back(random_field(rng_, kinds[pick(kinds.size())], plain));
    }
    r.first_day = chance(5);
    return r;
  }

  std::mt19937_64& rng_;
};

TEST(EngineReference, RandomPacksDecideAsTheReferenceDoes) {
  constexpr int kPacks = 300;
  constexpr int kCasesEach = 4;
  std::mt19937_64 rng(2026'11'28);
  std::map<Outcome, int> seen;
  int boundary_sensitive = 0;
  int date_out_of_range = 0;
  int outside = 0;
  for (int p = 0; p < kPacks; ++p) {
    const RefPack pack = RandomPack(rng).make();
    const std::string toml = to_toml(pack);
    absl::StatusOr<rules::Pack> loaded = rules::load_pack(toml, "random.toml");
    ASSERT_TRUE(loaded.ok()) << loaded.status() << "\n" << toml;
    std::vector<rules::Pack> packs;
    packs.push_back(*std::move(loaded));
    const bool strict = p % 3 == 0;
    // Rules compiled to machine code, and the interpreter alone, must each decide as the reference.
    absl::StatusOr<Engine> native =
        Engine::create(std::move(packs), {.strict_in_force = strict, .native_code = true});
    ASSERT_TRUE(native.ok()) << native.status();
    std::vector<rules::Pack> again;
    again.push_back(*rules::load_pack(toml, "random.toml"));
    absl::StatusOr<Engine> interpreted =
        Engine::create(std::move(again), {.strict_in_force = strict, .native_code = false});
    ASSERT_TRUE(interpreted.ok()) << interpreted.status();
    for (int k = 0; k < kCasesEach; ++k) {
      Case c;
      for (size_t i = 0, n = 1 + rng() % 3; i < n; ++i) {
        c.commissions.push_back(random_commission(rng));
        c.commissions.back().id = rng() % 4 == 0 ? "" : "G" + std::to_string(i + 1);
      }
      const Date as_of = from_day_index(kDaysFrom1900To1990 + static_cast<int64_t>(rng() % 16'800));
      const std::vector<RefFinding> want = decide_all(pack, c, as_of, strict);
      for (const Engine* engine : {&*native, &*interpreted}) {
        const Report report = *engine->evaluate(c, as_of);
        ASSERT_EQ(report.findings.size(), want.size()) << toml;
        for (size_t i = 0; i < want.size(); ++i) {
          const Finding& got = report.findings[i];
          const RefFinding& w = want[i];
          const std::string where =
              "finding " + std::to_string(i) + " (" + w.rule + ", " + w.entity + ") as of " +
              format_date(as_of) + (strict ? ", strict" : "") +
              (engine == &*native ? ", native code" : ", interpreted") + ", of\n" + toml;
          ASSERT_EQ(got.rule->id, w.rule) << where;
          ASSERT_EQ(got.entity_path(), w.entity) << where;
          ASSERT_EQ(name_of(got.outcome), name_of(w.outcome)) << where;
          ASSERT_EQ(got.arises, w.arises) << where;
          ASSERT_EQ(got.due, w.due) << where;
          ASSERT_EQ(got.actual, w.actual) << where;
          ASSERT_EQ(got.margin_days, w.margin_days) << where;
          ASSERT_EQ(got.margin_working_days, w.margin_working_days) << where;
          ASSERT_EQ(got.boundary_sensitive, w.boundary_sensitive) << where;
          ASSERT_EQ(got.outside_in_force, w.outside_in_force) << where;
          if (w.outcome == Outcome::kInsufficientData) {
            ASSERT_EQ(got.insufficiency == Insufficiency::kDateOutOfRange, w.date_out_of_range)
                << where;
            if (engine == &*native) date_out_of_range += w.date_out_of_range;
          }
          if (w.outcome == Outcome::kInsufficientData && w.missing_noted <= Finding::kMaxMissing) {
            const std::vector<std::string> named = got.missing_fields();
            ASSERT_EQ(std::set<std::string>(named.begin(), named.end()), w.missing) << where;
          }
          if (engine != &*native) continue;
          ++seen[w.outcome];
          boundary_sensitive += w.boundary_sensitive;
          outside += w.outside_in_force;
        }
      }
    }
  }
  // Every outcome, and both flags, must have been met often: a generator that drifted into deciding
  // everything one way would make this test weak without failing it.
  for (size_t o = 0; o < kOutcomeCount; ++o) {
    EXPECT_GE(seen[static_cast<Outcome>(o)], 100) << name_of(static_cast<Outcome>(o));
  }
  EXPECT_GE(boundary_sensitive, 20);
  EXPECT_GE(date_out_of_range, 20);
  EXPECT_GE(outside, 100);
}

}  // namespace
}  // namespace compact::reference
