#include "compact/engine/engine.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <sstream>
#include <thread>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "boost/json.hpp"
#include "compact/model/case_json.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/allocation_counter.hpp"
#include "support/cases.hpp"
#include "support/dates.hpp"
#include "support/status_matchers.hpp"

namespace compact {
namespace {

using ::compact::testing::D;
using ::compact::testing::invoice;
using ::compact::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// A small pack: one rule of each shape the engine decides. Dates are worked by hand in the tests.
constexpr std::string_view kTestPack = R"toml(
[pack]
id = "test"
title = "A test Compact"
edition = "2014"
in_force = { from = 2014-09-01, to = 2017-08-31 }

[params]
payment_period = { 2014-09-01 = "30 working days", 2018-01-01 = "20 working days", 2019-01-01 = "30 working days" }
notice = "1 month"

[[rule]]
id = "payment.on-time"
section = "Making payments"
quote = "Pay within 30 working days, unless alternative arrangements have been agreed."
party = "public"
strength = "aim"
for = "commission.payment"
unless = "payment.in_advance"
arises = "payment.received_on"
due = "if(default(payment.alternative_terms_agreed, false), payment.agreed_pay_by, payment.received_on + payment_period)"
actual = "payment.paid_on"
met = "actual <= due"
message = "paid on {actual}, due by {due}"

[[rule]]
id = "consultation.min-period"
section = "How to involve"
quote = "allowing a minimum of 12 weeks"
party = "public"
strength = "where_possible"
for = "consultation"
when = "consultation.significant_effect_on_vcse"
due = "consultation.opens_on + 12 weeks"
due_means = "first_day"
actual = "consultation.closes_on"
met = "actual >= due"
explained_by = ["consultation.shortened_explanation"]

[[rule]]
id = "commission.underspend"
section = "Agreeing delivery terms"
quote = "For grants, agree how underspend will be managed."
party = "public"
strength = "undertake"
for = "commission"
when = "commission.approach == 'grant'"
met = "commission.underspend_terms_agreed"

[[rule]]
id = "ending.notice"
section = "Concluding a commission"
quote = "Give a month's notice."
party = "public"
strength = "undertake"
for = "commission.ending"
due = "latest_start(ending.ends_on, notice)"
actual = "ending.notice_given_on"
met = "actual <= due"
)toml";

class EngineTest : public ::testing::Test {
 protected:
  static Engine make_engine(EngineOptions options = {}) {
    absl::StatusOr<rules::Pack> pack = rules::load_pack(kTestPack, "test.toml");
    EXPECT_TRUE(pack.ok()) << pack.status();
    std::vector<rules::Pack> packs;
    packs.push_back(*std::move(pack));
    return *Engine::create(std::move(packs), options);
  }

  // The finding of `rule` for the entity at `entity`.
  static const Finding& finding(const Report& report, std::string_view rule,
                                std::string_view entity) {
    for (const Finding& f : report.findings) {
      if (f.rule->id == rule && f.entity_path() == entity) return f;
    }
    ADD_FAILURE() << "no finding " << rule << " for " << entity;
    return report.findings.front();
  }

  Case grant_with(std::vector<Payment> payments) {
    Case c;
    Commission g;
    g.id = "G1";
    g.approach = Approach::kGrant;
    g.payments = std::move(payments);
    c.commissions.push_back(std::move(g));
    return c;
  }

  Engine engine_ = make_engine();
};

TEST_F(EngineTest, EachOfTheSevenOutcomes) {
  Case c = grant_with({
      invoice("ON-TIME", D("2024-12-13"), D("2025-01-29")),  // due Wed 29 Jan 2025 (DESIGN.md)
      invoice("LATE", D("2024-12-13"), D("2025-01-30")),
      invoice("UNPAID-DUE-LATER", D("2025-06-02"), std::nullopt),
      invoice("UNPAID-PAST-DUE", D("2025-01-02"), std::nullopt),
      invoice("NO-RECEIPT", std::nullopt, std::nullopt),
  });
  c.commissions[0].underspend_terms_agreed = true;
  Commission contract;
  contract.id = "C1";
  contract.approach = Approach::kContract;
  c.commissions.push_back(contract);
  Consultation short_one;
  short_one.id = "CON1";
  short_one.significant_effect_on_vcse = true;
  short_one.opens_on = D("2025-01-06");
  short_one.closes_on = D("2025-03-24");  // a week short of 31 March
  short_one.shortened_explanation = "A statutory deadline left eleven weeks.";
  c.consultations.push_back(short_one);

  const Report report = *engine_.evaluate(c, D("2025-06-30"));
  const auto outcome = [&](std::string_view rule, std::string_view entity) {
    return finding(report, rule, entity).outcome;
  };
  EXPECT_EQ(outcome("payment.on-time", "commissions[G1].payments[ON-TIME]"), Outcome::kCompliant);
  EXPECT_EQ(outcome("payment.on-time", "commissions[G1].payments[LATE]"), Outcome::kBreach);
  EXPECT_EQ(outcome("payment.on-time", "commissions[G1].payments[UNPAID-DUE-LATER]"),
            Outcome::kPending);
  EXPECT_EQ(outcome("payment.on-time", "commissions[G1].payments[UNPAID-PAST-DUE]"),
            Outcome::kOverdue);
  EXPECT_EQ(outcome("consultation.min-period", "consultations[CON1]"), Outcome::kExplained);
  EXPECT_EQ(outcome("commission.underspend", "commissions[C1]"), Outcome::kNotApplicable);
  EXPECT_EQ(outcome("commission.underspend", "commissions[G1]"), Outcome::kCompliant);
  const Finding& no_receipt =
      finding(report, "payment.on-time", "commissions[G1].payments[NO-RECEIPT]");
  EXPECT_EQ(no_receipt.outcome, Outcome::kInsufficientData);
  EXPECT_THAT(no_receipt.missing_fields(), ElementsAre("payment.received_on"));

  EXPECT_EQ(report.count(Outcome::kCompliant), 2u);
  EXPECT_EQ(report.count(Outcome::kBreach), 1u);
  size_t total = 0;
  for (size_t n : report.summary) total += n;
  EXPECT_EQ(total, report.findings.size());

  const Finding& late = finding(report, "payment.on-time", "commissions[G1].payments[LATE]");
  EXPECT_EQ(late.due, D("2025-01-29"));
  EXPECT_EQ(late.actual, D("2025-01-30"));
  EXPECT_EQ(late.margin_days, -1);
  EXPECT_EQ(late.margin_working_days, -1);
  EXPECT_EQ(late.message(), "paid on 2025-01-30, due by 2025-01-29");
  // The explained consultation: its due is the first day it could close, 12 weeks on.
  const Finding& consultation = finding(report, "consultation.min-period", "consultations[CON1]");
  EXPECT_EQ(consultation.due, D("2025-03-31"));
  EXPECT_EQ(consultation.margin_days, -7);
}

TEST_F(EngineTest, AsOfBeforeOnAndAfterTheDueDate) {
  const Case c = grant_with({invoice("P", D("2024-12-13"), std::nullopt)});
  EXPECT_EQ(engine_.evaluate(c, D("2025-01-28"))->findings.at(0).outcome, Outcome::kPending);
  EXPECT_EQ(engine_.evaluate(c, D("2025-01-29"))->findings.at(0).outcome, Outcome::kPending);
  EXPECT_EQ(engine_.evaluate(c, D("2025-01-30"))->findings.at(0).outcome, Outcome::kOverdue);
  // As of a day before the payment, it had not happened yet.
  const Case paid = grant_with({invoice("P", D("2024-12-13"), D("2025-01-20"))});
  EXPECT_EQ(engine_.evaluate(paid, D("2025-01-19"))->findings.at(0).outcome, Outcome::kPending);
  EXPECT_EQ(engine_.evaluate(paid, D("2025-01-20"))->findings.at(0).outcome, Outcome::kCompliant);
  const Case paid_late = grant_with({invoice("P", D("2024-12-13"), D("2025-02-03"))});
  EXPECT_EQ(engine_.evaluate(paid_late, D("2025-02-01"))->findings.at(0).outcome,
            Outcome::kOverdue);
  EXPECT_EQ(engine_.evaluate(paid_late, D("2025-02-03"))->findings.at(0).outcome, Outcome::kBreach);
  // A first-day rule is never overdue: a consultation still open is simply not closed yet.
  Case open;
  Consultation con;
  con.id = "C";
  con.significant_effect_on_vcse = true;
  con.opens_on = D("2025-01-06");
  open.consultations.push_back(con);
  EXPECT_EQ(engine_.evaluate(open, D("2026-01-01"))->findings.at(0).outcome, Outcome::kPending);
}

// On the due day itself, and a day either side, for a last day ("actual <= due") and a first day
// ("actual >= due"), with the built-in pack's rules for both (without the explanation, which would
// leave a miss to the interpreter), compiled to machine code whole and interpreted: the same
// outcomes and margins both ways.
TEST_F(EngineTest, TheActOnItsDueDayMeetsTheRuleEitherWay) {
  std::ifstream in(std::string(COMPACT_PACKS_DIR) + "/stockton-2014.toml");
  std::stringstream read;
  read << in.rdbuf();
  std::string text = read.str();
  const std::string explained =
      "explained_by = [\"consultation.shortened_explanation_in_writing and not "
      "blank(consultation.shortened_explanation)\"]\n";
  ASSERT_NE(text.find(explained), std::string::npos);
  text.erase(text.find(explained), explained.size());
  for (const bool native : {true, false}) {
    std::vector<rules::Pack> packs;
    packs.push_back(*rules::load_pack(text, "stockton-2014.toml"));
    const Engine engine = *Engine::create(std::move(packs), {.native_code = native});
    // Received Fri 13 Dec 2024: 30 working days later is Wed 29 Jan 2025.
    for (const auto& [paid, outcome, margin] : {std::tuple{"2025-01-28", Outcome::kCompliant, 1},
                                                std::tuple{"2025-01-29", Outcome::kCompliant, 0},
                                                std::tuple{"2025-01-30", Outcome::kBreach, -1}}) {
      const Case c = grant_with({invoice("P", D("2024-12-13"), D(paid))});
      const Report report = *engine.evaluate(c, D("2025-06-30"));
      const Finding& f = finding(report, "payment.on-time", "commissions[G1].payments[P]");
      EXPECT_EQ(f.outcome, outcome) << paid << (native ? "" : ", interpreted");
      EXPECT_EQ(f.margin_working_days, margin) << paid;
    }
    // Opened Mon 6 Jan 2025: 12 weeks later is Mon 31 Mar 2025, the first day it may close.
    for (const auto& [closes, outcome, margin] :
         {std::tuple{"2025-03-30", Outcome::kBreach, -1},
          std::tuple{"2025-03-31", Outcome::kCompliant, 0},
          std::tuple{"2025-04-01", Outcome::kCompliant, 1}}) {
      Case c;
      Consultation& con = c.consultations.emplace_back();
      con.id = "C";
      con.significant_effect_on_vcse = true;
      con.opens_on = D("2025-01-06");
      con.closes_on = D(closes);
      const Report report = *engine.evaluate(c, D("2025-06-30"));
      const Finding& f = finding(report, "consultation.min-period", "consultations[C]");
      EXPECT_EQ(f.outcome, outcome) << closes << (native ? "" : ", interpreted");
      EXPECT_EQ(f.margin_days, margin) << closes;
    }
  }
}

TEST_F(EngineTest, UnlessAndAgreedAlternatives) {
  Payment advance = invoice("ADV", D("2025-01-02"), std::nullopt);
  advance.in_advance = true;
  Payment agreed = invoice("AGREED", D("2024-12-13"), D("2025-02-14"));
  agreed.alternative_terms_agreed = true;
  agreed.agreed_pay_by = D("2025-02-14");
  const Case c = grant_with({advance, agreed});
  const Report report = *engine_.evaluate(c, D("2025-06-30"));
  const Finding& a = finding(report, "payment.on-time", "commissions[G1].payments[ADV]");
  EXPECT_EQ(a.outcome, Outcome::kNotApplicable);
  EXPECT_EQ(a.inapplicability, Inapplicability::kUnless);
  const Finding& b = finding(report, "payment.on-time", "commissions[G1].payments[AGREED]");
  EXPECT_EQ(b.outcome, Outcome::kCompliant);
  EXPECT_EQ(b.due, D("2025-02-14"));
}

// DESIGN.md: where counting back naively gives another day than the exact inverse, say so.
TEST_F(EngineTest, BoundarySensitiveNoticeDates) {
  Case c = grant_with({});
  c.commissions[0].ending = Ending{};
  c.commissions[0].ending->ends_on = D("2025-06-30");
  c.commissions[0].ending->notice_given_on = D("2025-05-31");
  const Report first = *engine_.evaluate(c, D("2025-07-01"));
  const Finding& month_end = first.findings.back();
  ASSERT_EQ(month_end.rule->id, "ending.notice");
  // 31 May + 1 month = 30 June, so notice on 31 May is a month's notice, though 30 June - 1 month
  // is 30 May.
  EXPECT_EQ(month_end.due, D("2025-05-31"));
  EXPECT_EQ(month_end.outcome, Outcome::kCompliant);
  EXPECT_TRUE(month_end.boundary_sensitive);

  c.commissions[0].ending->ends_on = D("2025-06-15");
  c.commissions[0].ending->notice_given_on = D("2025-05-15");
  const Report second = *engine_.evaluate(c, D("2025-07-01"));
  const Finding& mid_month = second.findings.back();
  EXPECT_EQ(mid_month.due, D("2025-05-15"));
  EXPECT_FALSE(mid_month.boundary_sensitive);
}

// The value in force on the day the obligation arose applies, and the finding says which.
TEST_F(EngineTest, DatedParametersAndTheInForceWindow) {
  const Case c = grant_with({invoice("OLD", D("2017-12-01"), std::nullopt),
                             invoice("NEW", D("2018-03-01"), std::nullopt),
                             invoice("IN", D("2016-03-01"), std::nullopt)});
  const Report report = *engine_.evaluate(c, D("2019-01-01"));
  const Finding& old_rule = finding(report, "payment.on-time", "commissions[G1].payments[OLD]");
  EXPECT_EQ(old_rule.due, D("2018-01-17"));  // 30 working days, over Christmas and New Year
  ASSERT_EQ(old_rule.parameters().size(), 1u);
  EXPECT_EQ(old_rule.parameters()[0].value, "30 working days");
  EXPECT_EQ(old_rule.parameters()[0].from, D("2014-09-01"));
  const Finding& new_rule = finding(report, "payment.on-time", "commissions[G1].payments[NEW]");
  EXPECT_EQ(new_rule.due, D("2018-03-29"));  // 20 working days
  EXPECT_EQ(new_rule.parameters()[0].from, D("2018-01-01"));

  // By default the pack applies anyway, with a warning; strictly, not at all.
  EXPECT_TRUE(old_rule.outside_in_force);
  EXPECT_FALSE(finding(report, "payment.on-time", "commissions[G1].payments[IN]").outside_in_force);
  EXPECT_EQ(report.outside_in_force, 2u);
  const Engine strict_engine = make_engine({.strict_in_force = true});
  const Report strict = *strict_engine.evaluate(c, D("2019-01-01"));
  const Finding& excluded = finding(strict, "payment.on-time", "commissions[G1].payments[NEW]");
  EXPECT_EQ(excluded.outcome, Outcome::kNotApplicable);
  EXPECT_EQ(excluded.inapplicability, Inapplicability::kOutsideInForce);
  EXPECT_EQ(finding(strict, "payment.on-time", "commissions[G1].payments[IN]").outcome,
            Outcome::kOverdue);

  // With no receipt date the dated payment period has no value in force: none is listed.
  const Case no_dates = grant_with({invoice("X", std::nullopt, std::nullopt)});
  const Report undated = *engine_.evaluate(no_dates, D("2019-01-01"));
  const Finding& no_receipt = finding(undated, "payment.on-time", "commissions[G1].payments[X]");
  EXPECT_EQ(no_receipt.outcome, Outcome::kInsufficientData);
  EXPECT_TRUE(no_receipt.parameters().empty());

  // The window's first and last days are in it; the days either side are not.
  const Case edges = grant_with({invoice("BEFORE", D("2014-08-31"), std::nullopt),
                                 invoice("FIRST", D("2014-09-01"), std::nullopt),
                                 invoice("LAST", D("2017-08-31"), std::nullopt),
                                 invoice("AFTER", D("2017-09-01"), std::nullopt)});
  const Report at_edges = *engine_.evaluate(edges, D("2019-01-01"));
  for (const auto& [id, outside] : {std::pair{"BEFORE", true}, std::pair{"FIRST", false},
                                    std::pair{"LAST", false}, std::pair{"AFTER", true}}) {
    EXPECT_EQ(
        finding(at_edges, "payment.on-time", std::string("commissions[G1].payments[") + id + "]")
            .outside_in_force,
        outside)
        << id;
  }
}

TEST_F(EngineTest, TwoPacksAtOnceEachFindingNamesItsPack) {
  constexpr std::string_view kOverlay = R"toml(
[pack]
id = "statutory"
title = "A statutory overlay"

[[rule]]
id = "payment.prompt"
section = "Regulation 113"
quote = "Pay undisputed invoices within 30 days."
party = "public"
strength = "must"
for = "commission.payment"
due = "payment.received_on + 30 days"
actual = "payment.paid_on"
met = "actual <= due"
)toml";
  std::vector<rules::Pack> packs;
  packs.push_back(*rules::load_pack(kTestPack, "test.toml"));
  packs.push_back(*rules::load_pack(kOverlay, "overlay.toml"));
  absl::StatusOr<Engine> engine = Engine::create(std::move(packs));
  ASSERT_TRUE(engine.ok()) << engine.status();
  const Case c = grant_with({invoice("P", D("2024-12-13"), D("2025-01-20"))});
  const Report report = *engine->evaluate(c, D("2025-06-30"));
  const Finding& ours = finding(report, "payment.on-time", "commissions[G1].payments[P]");
  const Finding& theirs = finding(report, "payment.prompt", "commissions[G1].payments[P]");
  EXPECT_EQ(ours.pack->id, "test");
  EXPECT_EQ(theirs.pack->id, "statutory");
  EXPECT_EQ(ours.outcome, Outcome::kCompliant);
  EXPECT_EQ(theirs.outcome, Outcome::kBreach);  // 30 calendar days from 13 Dec is 12 Jan
  EXPECT_EQ(theirs.due, D("2025-01-12"));

  std::vector<rules::Pack> twice;
  twice.push_back(*rules::load_pack(kTestPack, "a.toml"));
  twice.push_back(*rules::load_pack(kTestPack, "b.toml"));
  EXPECT_THAT(Engine::create(std::move(twice)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("two packs have the id \"test\": a.toml and b.toml")));
}

// A writer kept from one report to the next writes what to_json() writes, each report in turn, and
// once warm allocates nothing.
TEST_F(EngineTest, AReportJsonWriterWritesWhatToJsonWrites) {
  ReportJsonWriter writer;
  std::vector<Report> reports;
  for (const char* as_of : {"2025-01-01", "2025-06-30", "2026-01-01"}) {
    Case c = grant_with({invoice("A", D("2024-12-13"), D("2025-01-29")),
                         invoice("B", D("2024-12-13"), std::nullopt)});
    for (const ReportDetail detail : {ReportDetail::kFull, ReportDetail::kLean}) {
      const Report report = *engine_.evaluate(c, D(as_of));
      EXPECT_EQ(writer.write(report, detail), to_json(report, detail)) << as_of;
    }
  }
  const Case c = grant_with({invoice("A", D("2024-12-13"), D("2025-01-29"))});
  const Report report = *engine_.evaluate(c, D("2025-06-30"));
  const std::string want(writer.write(report));
  const uint64_t before = testing::allocations();
  for (int i = 0; i < 10; ++i) EXPECT_EQ(writer.write(report), want);
  EXPECT_EQ(testing::allocations() - before, 0u);
  EXPECT_GT(writer.memory(), want.size());
}

// The JSON the engine wrote of each rule when it was created is what the writer writes of a rule
// itself, for a report put together by hand: the same report without its engine's, or with another
// engine's, is written the same. Reversed, each finding is written as before, and each rule and pack once, in the order of
// their first findings.
TEST_F(EngineTest, AReportPutTogetherByHandIsWrittenAsTheEnginesIs) {
  Case c = grant_with({invoice("A", D("2024-12-13"), D("2025-01-29")),
                       invoice("B", D("2024-12-13"), std::nullopt)});
  c.commissions[0].ending = Ending{};
  c.commissions[0].ending->ends_on = D("2025-06-30");
  const Report report = *engine_.evaluate(c, D("2025-06-30"));
  ASSERT_NE(report.rules_json, nullptr);
  Report by_hand = report;
  by_hand.rules_json = nullptr;
  // Another engine's, with the same rules at other addresses: none of them is this report's.
  const Engine other = make_engine();
  Report mismatched = report;
  mismatched.rules_json = other.evaluate(c, D("2025-06-30"))->rules_json;
  ASSERT_NE(mismatched.rules_json, report.rules_json);
  for (const ReportDetail detail : {ReportDetail::kFull, ReportDetail::kLean}) {
    EXPECT_EQ(to_json(by_hand, detail), to_json(report, detail));
    EXPECT_EQ(to_json(mismatched, detail), to_json(report, detail));
  }

  std::reverse(by_hand.findings.begin(), by_hand.findings.end());
  for (size_t& i : by_hand.timeline) i = report.findings.size() - 1 - i;
  const boost::json::value engines = boost::json::parse(to_json(report, ReportDetail::kLean));
  const boost::json::value reversed = boost::json::parse(to_json(by_hand, ReportDetail::kLean));
  boost::json::array findings = engines.at("findings").as_array();
  std::reverse(findings.begin(), findings.end());
  EXPECT_EQ(reversed.at("findings").as_array(), findings);
  EXPECT_EQ(reversed.at("timeline"), engines.at("timeline"));
  EXPECT_EQ(reversed.at("packs"), engines.at("packs"));
  std::vector<std::string> rule_ids;
  for (const boost::json::value& f : findings) {
    const std::string id(f.at("rule").as_string());
    if (std::find(rule_ids.begin(), rule_ids.end(), id) == rule_ids.end()) rule_ids.push_back(id);
  }
  std::vector<std::string> written;
  for (const boost::json::value& r : reversed.at("rules").as_array()) {
    written.emplace_back(r.at("id").as_string());
  }
  EXPECT_EQ(written, rule_ids);
  EXPECT_GE(rule_ids.size(), 3u);
}

// DESIGN's "no allocation per evaluation": once a Report has held a report of this size, evaluating
// into it again allocates nothing, whatever the outcomes.
TEST_F(EngineTest, EvaluatingIntoAWarmReportAllocatesNothing) {
  Case c = grant_with({invoice("A", D("2024-12-13"), D("2025-01-29")),
                       invoice("B", D("2024-12-13"), std::nullopt),
                       invoice("C", std::nullopt, std::nullopt)});
  c.commissions[0].ending = Ending{};
  c.commissions[0].ending->ends_on = D("2025-06-30");
  Report report;
  const uint64_t cold = testing::allocations();
  ASSERT_TRUE(engine_.evaluate(c, D("2025-06-30"), report).ok());
  EXPECT_GT(testing::allocations(), cold);  // the counter counts: a cold report grows
  const uint64_t before = testing::allocations();
  for (int i = 0; i < 100; ++i)
    ASSERT_TRUE(engine_.evaluate(c, D("2025-01-01") + boost::gregorian::days(i), report).ok());
  EXPECT_EQ(testing::allocations() - before, 0u);
  EXPECT_EQ(report.findings.size(), 5u);
}

// Only a real explanation explains: a blank text or a flag recorded as false does not.
TEST_F(EngineTest, ExplanationsMustSaySomething) {
  constexpr std::string_view kPack = R"toml(
[pack]
id = "x"
title = "X"
[params]
period = { 2014-01-01 = "12 weeks", 2020-01-01 = "13 weeks" }
[[rule]]
id = "consultation.min-period"
section = "S"
quote = "Q"
party = "public"
strength = "must"
for = "consultation"
arises = "consultation.opens_on"
due = "consultation.opens_on + period"
due_means = "first_day"
actual = "consultation.closes_on"
met = "actual >= due"
explained_by = ["consultation.shortened_explanation", "consultation.shortened_explanation_in_writing"]
message = "closed on {actual}"
)toml";
  std::vector<rules::Pack> packs;
  packs.push_back(*rules::load_pack(kPack, "x.toml"));
  const Engine engine = *Engine::create(std::move(packs));
  Case c;
  for (int i = 0; i < 5; ++i) {
    Consultation con;
    con.id = "C" + std::to_string(i);
    con.opens_on = D("2025-01-06");
    con.closes_on = D("2025-03-03");
    c.consultations.push_back(con);
  }
  c.consultations[1].shortened_explanation = "   ";
  c.consultations[2].shortened_explanation_in_writing = false;
  c.consultations[3].shortened_explanation_in_writing = true;
  c.consultations[4].opens_on.reset();  // the dated period cannot be chosen: no guess
  const Report report = *engine.evaluate(c, D("2025-06-30"));
  EXPECT_EQ(report.findings[0].outcome, Outcome::kBreach);
  EXPECT_EQ(report.findings[0].message(), "closed on 2025-03-03");
  EXPECT_EQ(report.findings[1].outcome, Outcome::kBreach);
  EXPECT_EQ(report.findings[2].outcome, Outcome::kBreach);
  EXPECT_EQ(report.findings[3].outcome, Outcome::kExplained);
  EXPECT_EQ(report.findings[4].outcome, Outcome::kInsufficientData);
  EXPECT_THAT(report.findings[4].missing_fields(), ElementsAre("consultation.opens_on"));
  EXPECT_EQ(report.findings[4].message(), "");  // nothing happened to describe
}

// The writer skips plain text a word at a time and tests the last few bytes in the word that ends the
// text: every ASCII byte, at every place in texts of 1 to 40 bytes (several words and a tail), must
// come back from Boost.JSON's parser as it went in.
TEST(ReportJson, EscapesEveryByteAtEveryPlace) {
  rules::Pack pack;
  pack.id = "p";
  rules::Rule rule;
  rule.id = "r";
  Finding f;
  f.pack = &pack;
  f.rule = &rule;
  Report report;
  report.findings.push_back(f);
  std::string json;
  for (const char filler : {'a', '"'}) {
    for (size_t length = 1; length <= 40; ++length) {
      for (size_t at = 0; at < length; ++at) {
        for (int byte = 0; byte < 0x80; ++byte) {
          rule.quote.assign(length, filler);
          rule.quote[at] = static_cast<char>(byte);
          json.clear();
          append_json(json, report);
          boost::system::error_code error;
          const boost::json::value parsed = boost::json::parse(json, error);
          ASSERT_FALSE(error) << "length " << length << ", byte " << byte << " at " << at;
          ASSERT_EQ(parsed.at("findings").at(0).at("citation").at("quote").as_string(), rule.quote)
              << "length " << length << ", byte " << byte << " at " << at;
        }
      }
    }
  }
}

// Each finding's and timeline entry's "entity" must read back as Finding::entity_path() gives it, for
// ids that need escaping, ids that need none and entries with no id (by index), whether an entity's
// path is written before or after the path of the entity above it.
TEST_F(EngineTest, JsonEntityPathsAreFindingEntityPaths) {
  Case c = grant_with({invoice("INV \"1\"", D("2024-12-13"), D("2025-01-30")),
                       invoice("", D("2025-01-06"), D("2025-01-07")),
                       invoice("back\\slash\nnew line \x01", D("2025-02-03"), std::nullopt),
                       invoice("plain-id-longer-than-a-word", D("2025-03-03"), std::nullopt)});
  c.commissions[0].id = "G\"1";
  c.commissions.push_back(c.commissions[0]);
  c.commissions[1].id = "";
  const Report report = *engine_.evaluate(c, D("2025-06-30"));
  ASSERT_EQ(report.findings.size(), 10u);
  // Reversed as well, so that each commission's path is written before its payments', which the
  // writer then builds on.
  Report reversed = report;
  std::reverse(reversed.findings.begin(), reversed.findings.end());
  for (size_t& i : reversed.timeline) i = report.findings.size() - 1 - i;
  const Report* const reports[] = {&report, &reversed};
  for (const Report* r : reports) {
    for (const ReportDetail detail : {ReportDetail::kFull, ReportDetail::kLean}) {
      const boost::json::value json = boost::json::parse(to_json(*r, detail));
      for (size_t i = 0; i < r->findings.size(); ++i) {
        EXPECT_EQ(json.at("findings").at(i).at("entity").as_string(), r->findings[i].entity_path());
      }
      for (size_t i = 0; i < r->timeline.size(); ++i) {
        EXPECT_EQ(json.at("timeline").at(i).at("entity").as_string(),
                  r->findings[r->timeline[i]].entity_path());
      }
    }
  }
  EXPECT_EQ(report.findings[0].entity_path(), "commissions[G\"1].payments[INV \"1\"]");
  EXPECT_EQ(report.findings[1].entity_path(), "commissions[G\"1].payments[1]");
  EXPECT_EQ(report.findings[4].entity_path(), "commissions[1].payments[INV \"1\"]");
  EXPECT_EQ(report.findings[8].entity_path(), "commissions[G\"1]");
  EXPECT_EQ(report.findings[9].entity_path(), "commissions[1]");
}

TEST(FindingMessage, FillsPlaceholdersAsStrReplaceAllWould) {
  rules::Rule rule;
  Finding f;
  f.rule = &rule;
  f.outcome = Outcome::kBreach;
  const char* templates[] = {"",
                             "plain",
                             "{due}",
                             "{due}{due}",
                             "{{due}}",
                             "{dues} {due",
                             "{",
                             "}{",
                             "x{actual}y",
                             "{entity} by {margin_days}",
                             "{margin_days",
                             "{due{actual}}",
                             "{{{entity}}}",
                             "{margin_days}{actual}{due}{entity}"};
  for (const bool known : {true, false}) {
    f.due = known ? std::optional(D("2025-01-29")) : std::nullopt;
    f.actual = known ? std::optional(D("2025-02-03")) : std::nullopt;
    f.margin_days = known ? std::optional<int64_t>(-5) : std::nullopt;
    for (const char* text : templates) {
      rule.message = text;
      // The reference: the same replacements, made by Abseil.
      const std::string expected =
          absl::StrReplaceAll(text, {{"{due}", known ? "2025-01-29" : "not known"},
                                     {"{actual}", known ? "2025-02-03" : "not recorded"},
                                     {"{entity}", "case"},
                                     {"{margin_days}", known ? "-5" : "not known"}});
      EXPECT_EQ(f.message(), expected) << text;
      EXPECT_EQ(f.has_message(), !rule.message.empty()) << text;
      std::string appended = "before:";
      f.append_message(appended);
      EXPECT_EQ(appended, "before:" + expected) << text;
    }
  }
  rule.message = "{due}";
  f.outcome = Outcome::kNotApplicable;
  EXPECT_FALSE(f.has_message());
  EXPECT_EQ(f.message(), "");
}

// An engine is immutable once built: evaluating from several threads at once gives each the report a
// single thread gets.
TEST_F(EngineTest, ManyThreadsGetTheSerialAnswers) {
  std::vector<Case> cases;
  for (int i = 0; i < 8; ++i) {
    const Date received = D("2024-11-01") + boost::gregorian::days(7 * i);
    cases.push_back(grant_with({invoice("A", received, received + boost::gregorian::days(40)),
                                invoice("B", received, std::nullopt)}));
  }
  std::vector<std::string> serial;
  for (const Case& c : cases) serial.push_back(to_json(*engine_.evaluate(c, D("2025-03-01"))));
  std::vector<int> mismatches(8, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      Report report;
      for (int round = 0; round < 200; ++round) {
        const size_t which = static_cast<size_t>((t + round) % 8);
        EXPECT_TRUE(engine_.evaluate(cases[which], D("2025-03-01"), report).ok());
        if (to_json(report) != serial[which]) ++mismatches[static_cast<size_t>(t)];
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(mismatches, ::testing::Each(0));
}

TEST_F(EngineTest, TheTimelineListsDueDatesInOrder) {
  const Case c = grant_with({invoice("B", D("2025-03-03"), std::nullopt),
                             invoice("A", D("2024-12-13"), std::nullopt),
                             invoice("X", std::nullopt, std::nullopt)});
  const Report report = *engine_.evaluate(c, D("2025-01-01"));
  std::vector<Date> dues;
  for (size_t i : report.timeline) dues.push_back(*report.findings[i].due);
  EXPECT_THAT(dues, ElementsAre(D("2025-01-29"), D("2025-04-14")));

  // Many due dates, with ties, against a stable sort of the findings by due date: ties keep report
  // order.
  std::vector<Payment> many;
  for (int i = 0; i < 60; ++i) {
    const Date received = D("2024-01-01") + boost::gregorian::days((i * 37) % 23 * 9);
    many.push_back(invoice(absl::StrCat("P", i), received, std::nullopt));
  }
  const Case big = grant_with(std::move(many));
  const Report big_report = *engine_.evaluate(big, D("2025-01-01"));
  std::vector<size_t> expected;
  for (size_t i = 0; i < big_report.findings.size(); ++i) {
    if (big_report.findings[i].due) expected.push_back(i);
  }
  std::stable_sort(expected.begin(), expected.end(), [&](size_t a, size_t b) {
    return *big_report.findings[a].due < *big_report.findings[b].due;
  });
  ASSERT_GE(expected.size(), 60u);
  EXPECT_EQ(big_report.timeline, expected);
}

TEST_F(EngineTest, APackBuiltInCppIsCheckedLikeALoadedOne) {
  rules::Pack pack = *rules::load_pack(kTestPack, "test.toml");
  rules::Rule& rule = pack.rules.front();
  while (rule.path.size() <= rules::kMaxCoverDepth) rule.path.push_back(rule.path.front());
  std::vector<rules::Pack> packs;
  packs.push_back(std::move(pack));
  EXPECT_THAT(Engine::create(std::move(packs)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("test.toml: rule \"payment.on-time\": \"for\" goes 5 entities "
                                 "deep; the most is 4")));

  // Each of these would make evaluation read what is not there; each is refused, by name.
  const auto refused = [](const std::function<void(rules::Pack&)>& spoil) {
    rules::Pack spoilt = *rules::load_pack(kTestPack, "test.toml");
    spoil(spoilt);
    std::vector<rules::Pack> one;
    one.push_back(std::move(spoilt));
    const absl::StatusOr<Engine> engine = Engine::create(std::move(one));
    return engine.ok() ? std::string("accepted") : std::string(engine.status().message());
  };
  EXPECT_EQ(refused([](rules::Pack& p) { p.rules.front().met.reset(); }),
            "test.toml: rule \"payment.on-time\": it has no \"met\"");
  EXPECT_EQ(refused([](rules::Pack& p) { p.parameters.front().values.clear(); }),
            "test.toml: parameter notice has no value");
  EXPECT_EQ(refused([](rules::Pack& p) {
              std::swap(p.rules.front().path.front(), p.rules.front().path.back());
            }),
            "test.toml: rule \"payment.on-time\": its \"for\" path does not follow the schema");
  EXPECT_EQ(refused([](rules::Pack& p) {
              // Compiled for a payment straight after the case, where the rule has a commission.
              rules::Scope scope;
              scope.bind("case", access_of<Case>());
              scope.bind("payment", access_of<Payment>());
              p.rules.front().met = *rules::compile("payment.paid_on?", scope);
            }),
            "test.toml: rule \"payment.on-time\": \"payment.paid_on?\" was compiled with a payment "
            "in slot 1, where the rule has a commission");
  // Each part reads only the names load_pack would let it: arises none, when the parameters and
  // as_of, never due (docs/packs.md); and a rule lists the parameters it reads.
  EXPECT_THAT(
      refused([](rules::Pack& p) { p.rules.front().arises.swap(p.rules.front().due); }),
      HasSubstr("reads the parameter payment_period, which that part of a rule cannot see"));
  EXPECT_EQ(refused([](rules::Pack& p) {
              rules::Scope scope;
              scope.bind("case", access_of<Case>());
              scope.bind("commission", access_of<Commission>());
              scope.bind("payment", access_of<Payment>());
              for (const rules::Parameter& param : p.parameters)
                scope.declare(param.name, param.type);
              for (const char* name : {"as_of", "due", "actual"}) {
                scope.declare(name, rules::Type::of(rules::Type::Kind::kDate));
              }
              p.rules.front().when = *rules::compile("due > as_of", scope);
            }),
            "test.toml: rule \"payment.on-time\": \"due > as_of\" reads name 3 of its scope, which "
            "that part of a rule cannot see");
  EXPECT_EQ(refused([](rules::Pack& p) { p.rules.front().parameters.clear(); }),
            "test.toml: rule \"payment.on-time\": its parameters are not those its expressions "
            "read, each once");
  EXPECT_EQ(refused([](rules::Pack&) {}), "accepted");
}

// A date parameter outside 1900-2199, dated or not, which only a pack built in C++ can hold: native
// code decides as the interpreter does (the date arithmetic fails), and reads nothing it should not.
TEST_F(EngineTest, AParameterOutsideTheSupportedRangeIsDecidedAsTheInterpreterDecidesIt) {
  constexpr std::string_view kPack = R"toml(
[pack]
id = "cutoffs"
title = "Cut-offs"
edition = "1"
[params]
cutoff = { 2000-01-01 = 2020-01-01, 2010-01-01 = 2030-01-01 }
fixed_cutoff = 2020-01-01
[[rule]]
id = "dated"
section = "s"
quote = "q"
party = "public"
strength = "must"
for = "commission.payment"
arises = "payment.received_on"
due = "cutoff + 3 working days"
actual = "payment.paid_on"
met = "actual <= due"
[[rule]]
id = "fixed"
section = "s"
quote = "q"
party = "public"
strength = "must"
for = "commission.payment"
due = "fixed_cutoff + 3 working days"
actual = "payment.paid_on"
met = "actual <= due"
)toml";
  const Case c = grant_with({invoice("P", D("2024-12-13"), D("2025-01-20"))});
  std::string reports[2];
  for (const bool native : {true, false}) {
    rules::Pack pack = *rules::load_pack(kPack, "cutoffs.toml");
    for (rules::Parameter& p : pack.parameters) {
      for (rules::Parameter::Dated& value : p.values) value.value.day = Date(1850, 1, 1);
    }
    std::vector<rules::Pack> packs;
    packs.push_back(std::move(pack));
    const Engine engine = *Engine::create(std::move(packs), {.native_code = native});
    const Report report = *engine.evaluate(c, D("2025-06-30"));
    for (const Finding& f : report.findings) {
      EXPECT_EQ(f.outcome, Outcome::kInsufficientData) << f.rule->id;
      EXPECT_EQ(f.insufficiency, Insufficiency::kDateOutOfRange) << f.rule->id;
    }
    reports[native ? 0 : 1] = to_json(report);
  }
  EXPECT_EQ(reports[0], reports[1]);
}

TEST_F(EngineTest, TheJsonReportHasDesignMdsKeys) {
  const Case c = grant_with({invoice("INV-1", D("2024-12-13"), D("2025-01-30"))});
  const Report report = *engine_.evaluate(c, D("2025-06-30"));
  const boost::json::value json = boost::json::parse(to_json(report));
  EXPECT_EQ(json.at("as_of"), "2025-06-30");
  const boost::json::object& f = json.at("findings").at(0).as_object();
  for (const char* key : {"rule", "entity", "outcome", "due", "actual", "pack", "party", "strength",
                          "citation", "boundary_sensitive", "trace", "margin", "conventions"}) {
    EXPECT_TRUE(f.contains(key)) << key;
  }
  EXPECT_EQ(f.at("rule"), "payment.on-time");
  EXPECT_EQ(f.at("entity"), "commissions[G1].payments[INV-1]");
  EXPECT_EQ(f.at("outcome"), "breach");
  EXPECT_EQ(f.at("due"), "2025-01-29");
  EXPECT_EQ(f.at("citation").at("section"), "Making payments");
  EXPECT_EQ(f.at("party"), "public");
  EXPECT_EQ(f.at("strength"), "aim");
  bool traced_receipt = false;
  for (const boost::json::value& t : f.at("trace").as_array()) {
    if (t.at("name") == "payment.received_on") {
      EXPECT_EQ(t.at("value"), "2024-12-13");
      traced_receipt = true;
    }
  }
  EXPECT_TRUE(traced_receipt);
  EXPECT_EQ(json.at("summary").at("breach"), 1);
  EXPECT_EQ(json.at("timeline").at(0).at("due"), "2025-01-29");
}

// docs/packs.md's example of a margin: due Friday 17 January 2025, paid Tuesday 21st, is 4 days and
// 2 working days late.
TEST_F(EngineTest, TheMarginIsAsDocsPacksMdWorksIt) {
  Payment p = invoice("INV-1", D("2024-12-01"), D("2025-01-21"));
  p.alternative_terms_agreed = true;
  p.agreed_pay_by = D("2025-01-17");
  const Case c = grant_with({p});
  const Report report = *engine_.evaluate(c, D("2025-06-30"));
  const Finding& f = finding(report, "payment.on-time", "commissions[G1].payments[INV-1]");
  EXPECT_EQ(f.outcome, Outcome::kBreach);
  EXPECT_EQ(f.margin_days, -4);
  EXPECT_EQ(f.margin_working_days, -2);
}

// A finding judged against no real date would be a guess: an as-of date outside 1900-2199, or not a
// date at all, is an error, and a warm report is left empty.
TEST_F(EngineTest, AnAsOfDateOutsideTheSupportedRangeIsAnError) {
  const Case c = grant_with({invoice("INV-1", D("2024-12-13"), std::nullopt)});
  EXPECT_THAT(
      engine_.evaluate(c, Date(boost::gregorian::not_a_date_time)).status(),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("the as-of date: not a date")));
  EXPECT_THAT(engine_.evaluate(c, Date(2250, 1, 1)).status(),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("the as-of date: 2250-01-01 is outside the supported range")));
  EXPECT_THAT(engine_.evaluate(c, Date(1899, 12, 31)).status(),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("1899-12-31")));
  Report report = *engine_.evaluate(c, D("2025-06-30"));
  ASSERT_FALSE(report.findings.empty());
  EXPECT_FALSE(engine_.evaluate(c, Date(2250, 1, 1), report).ok());
  EXPECT_TRUE(report.findings.empty());
  EXPECT_TRUE(report.timeline.empty());
  EXPECT_TRUE(engine_.evaluate(c, D("1900-01-01")).ok());
  EXPECT_TRUE(engine_.evaluate(c, D("2199-12-31")).ok());
}

// insufficient_data says why: a field not recorded (named), or a date worked out beyond 2199, which a
// case document can lead to (an invoice received on 20 December 2199 is due after it).
TEST_F(EngineTest, InsufficientDataSaysWhy) {
  const Case c = grant_with({invoice("LATE", D("2199-12-20"), std::nullopt),
                             invoice("UNDATED", std::nullopt, std::nullopt)});
  const Report report = *engine_.evaluate(c, D("2199-12-31"));
  const Finding& late = finding(report, "payment.on-time", "commissions[G1].payments[LATE]");
  EXPECT_EQ(late.outcome, Outcome::kInsufficientData);
  EXPECT_EQ(late.insufficiency, Insufficiency::kDateOutOfRange);
  EXPECT_TRUE(late.missing_fields().empty());
  const Finding& undated = finding(report, "payment.on-time", "commissions[G1].payments[UNDATED]");
  EXPECT_EQ(undated.insufficiency, Insufficiency::kUnrecorded);
  const boost::json::value json = boost::json::parse(to_json(report));
  EXPECT_EQ(json.at("findings").at(0).at("insufficient_because"), "date_out_of_range");
  EXPECT_EQ(json.at("findings").at(1).at("insufficient_because"), "unrecorded");
  for (size_t i = 0; i < report.findings.size(); ++i) {
    EXPECT_EQ(json.at("findings").at(i).as_object().contains("insufficient_because"),
              report.findings[i].outcome == Outcome::kInsufficientData);
  }
}

TEST_F(EngineTest, TheInForceWarningCountsFindingsInGoodEnglish) {
  EXPECT_EQ(in_force_warning(1),
            "1 finding concerns an obligation that arose outside its pack's in-force window");
  EXPECT_EQ(in_force_warning(3),
            "3 findings concern obligations that arose outside their pack's in-force window");
  const Case c = grant_with({invoice("LATE", D("2018-03-01"), D("2018-03-02"))});
  const Report report = *engine_.evaluate(c, D("2019-01-01"));
  ASSERT_EQ(report.outside_in_force, 1u);
  EXPECT_EQ(boost::json::parse(to_json(report)).at("warnings"),
            boost::json::parse("[\"" + in_force_warning(1) + "\"]"));
}

// The lean report says the same of every finding as the full one, leaving out only what it promises
// to, and gives each rule's words once.
TEST_F(EngineTest, TheLeanJsonReportAgreesWithTheFullOne) {
  Case c = grant_with({invoice("INV-1", D("2024-12-13"), D("2025-01-30")),
                       invoice("INV-2", D("2025-01-06"), std::nullopt),
                       invoice("INV-3", std::nullopt, D("2025-02-10"))});
  const Report report = *engine_.evaluate(c, D("2025-06-30"));
  const boost::json::value full = boost::json::parse(to_json(report));
  std::string lean_text = "prefix:";
  append_json(lean_text, report, ReportDetail::kLean);
  ASSERT_TRUE(lean_text.starts_with("prefix:"));
  const boost::json::value lean = boost::json::parse(lean_text.substr(7));
  EXPECT_LT(lean_text.size(), to_json(report).size());

  const boost::json::array& full_findings = full.at("findings").as_array();
  const boost::json::array& lean_findings = lean.at("findings").as_array();
  ASSERT_EQ(full_findings.size(), report.findings.size());
  ASSERT_EQ(lean_findings.size(), full_findings.size());
  for (size_t i = 0; i < full_findings.size(); ++i) {
    const boost::json::object& f = full_findings[i].as_object();
    const boost::json::object& l = lean_findings[i].as_object();
    for (const auto& [key, value] : f) {
      if (key == "citation") {
        EXPECT_EQ(l.at("citation"),
                  boost::json::object({{"section", f.at("citation").at("section")}}));
      } else if (key == "trace") {
        EXPECT_TRUE(l.at("trace").is_null());
      } else if (key == "conventions" || key == "parameters" || key == "message") {
        EXPECT_FALSE(l.contains(key)) << key;
      } else {
        EXPECT_EQ(l.at(key), value) << key << " of finding " << i;
      }
    }
    EXPECT_EQ(l.size(), f.size() - 3);
  }
  for (const char* key : {"as_of", "packs", "timeline", "summary", "warnings"}) {
    EXPECT_EQ(lean.at(key), full.at(key)) << key;
  }
  // Each rule with a finding, once, with what the findings left out.
  std::vector<std::string> ids;
  for (const boost::json::value& r : lean.at("rules").as_array()) {
    ids.emplace_back(r.at("id").as_string());
    const rules::Rule& rule = *engine_.packs()[0].rule(ids.back());
    EXPECT_EQ(r.at("quote").as_string(), rule.quote);
    EXPECT_EQ(std::string_view(r.at("conventions").at("due_means").as_string()),
              rules::name_of(rule.due_means));
  }
  EXPECT_THAT(ids, ElementsAre("payment.on-time", "commission.underspend"));

  // A caller may reorder the findings: each rule and pack is still written once.
  Report reordered = *engine_.evaluate(c, D("2025-06-30"));
  ASSERT_EQ(reordered.findings.size(), 4u);  // on-time three times, then underspend
  std::swap(reordered.findings[1], reordered.findings.back());
  const boost::json::value again = boost::json::parse(to_json(reordered, ReportDetail::kLean));
  EXPECT_EQ(again.at("rules").as_array().size(), 2u);
  EXPECT_EQ(again.at("packs").as_array().size(), 1u);
}

// A report that was never filled (its as_of is Boost's not-a-date) is written, not thrown.
TEST_F(EngineTest, AnEmptyReportIsWrittenNotThrown) {
  std::string json;
  EXPECT_NO_THROW(json = to_json(Report{}));
  EXPECT_THAT(json, HasSubstr(R"("as_of":"not-a-date")"));
}

struct BadPack {
  const char* toml;
  const char* at;  // where the caret goes: the first occurrence of this text
  const char* message;
};

// Bad packs get an error naming the file, line and column, with the line and a caret.
TEST(PackLoader, ErrorsNameFileLineAndColumn) {
  const std::string header = "[pack]\nid = \"p\"\ntitle = \"P\"\n";
  const std::string rule =
      "[[rule]]\nid = \"r\"\nsection = \"S\"\nquote = \"Q\"\nparty = \"public\"\n"
      "strength = \"must\"\nfor = \"commission.payment\"\n";
  const BadPack cases[] = {
      {"[pack\nid = 1", "\n", "Error while parsing table header"},
      // toml++ 3.3 asserted here in a debug build (found by the fuzzer): an error, as in release.
      {"[!x]\n", "!x", "expected bare key starting character or string delimiter, saw '!'"},
      {"[pack]\nid = \"p\"\ntitel = \"P\"\n", "titel",
       "unknown key \"titel\" in [pack]; did you mean \"title\"?"},
      {"[pack]\ntitle = \"P\"\n", "[pack]", "[pack] needs \"id\""},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\ncalendar = \"england\"\n", "\"england\"", "england"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\nin_force = { from = 2017-08-31, to = 2014-09-01 }\n",
       "{ from", "in_force ends before it starts"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[params]\np = { 2018-13-01 = \"3 months\" }\n",
       "2018-13-01", "month 13 is not a month"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[params]\np = { 2014-01-01 = \"3 months\", 2018-01-01 = "
       "5 }\n",
       "5 }", "every dated value of p must be a period; this is an integer"},
      {"RULE met = \"payment.paid_on <= payment.recieved_on + 30 working days\"\n", "recieved_on",
       "A payment has no field \"recieved_on\"; did you mean \"received_on\"?"},
      {"RULE met = 'payment.in_advance + 3 months'\n", "payment.in_advance +",
       "cannot add 3 months to a bool"},
      {"RULE due = \"payment.paid_on?\"\nmet = \"true\"\n", "payment.paid_on?",
       "\"due\" must be a date; this is a bool"},
      {"RULE met = \"true\"\nstrenght = \"must\"\n", "strenght",
       "unknown key \"strenght\" in a [[rule]]; did you mean \"strength\"?"},
      {"RULE\n", "[[rule]]", "a [[rule]] needs \"met\""},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[params]\ndue = 2020-01-01\n",
       "due =", "\"due\" is a name the engine gives rules"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[params]\ncommission = 3\n",
       "commission =", "call the parameter something else"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[params]\n\"Grace-Days\" = 3\n", "\"Grace-Days\"",
       "lower-case letters, digits and _"},
      // Said once, with the unit meant (the unit is too far from "weeks" for an edit distance).
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[params]\np = \"4 wks\"\n", "\"4 wks\"",
       ":5: \"4 wks\" is not a period: unknown unit \"wks\"; did you mean \"weeks\"?"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[params]\nstart = \"2019-04-01\"\n", "\"2019-04-01\"",
       "a date is written without quotes, as TOML's own: 2019-04-01, not \"2019-04-01\""},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[params]\np = { 2024-02-30 = \"3 months\" }\n",
       "2024-02-30",
       "a dated value's key is the date the value takes effect: \"2024-02-30\" is not a date: day "
       "30 "
       "is not in February 2024"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[[rule]]\nid = \"Payment.Late\"\nsection = \"S\"\nquote "
       "= "
       "\"Q\"\nparty = \"public\"\nstrength = \"must\"\nfor = \"case\"\nmet = \"true\"\n",
       "\"Payment.Late\"",
       "\"Payment.Late\" is not a rule id: an id is lower-case letters, digits"},
      // toml++'s errors, with what to write instead.
      {"RULE met = actual >= due\n", "actual >=",
       "could not determine value type (text, and so an expression, is written in quotes"},
      {"RULE met = \"payment.kind == \"invoice\"\"\n", "invoice\"\"",
       "write text inside an expression in single quotes"},
      {"[pack]\nid = \"p\ntitle = \"P\"\n", "\ntitle", "(is the string's closing quote missing?)"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[rule]\nid = \"a\"\n[[rule]]\nid = \"b\"\n", "[[rule]]",
       "(every rule is written [[rule]]; line 4 has [rule])"},
      // A look-alike a word processor puts in: named whole, with what to write.
      {"RULE met = \"actual ≥ due\"\n", "≥", "unexpected character ≥; write >="},
      {"RULE met = \"payment.kind == “invoice”\"\n", "“", "unexpected character “; write \""},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[params]\np = \"£50,000\"\n", "\"£50,000\"",
       "write amounts without commas"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[fields.paymnet]\nx = \"date\"\n", "paymnet",
       "there is no entity \"paymnet\" to declare fields on; did you mean \"payment\"?"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[fields.payment]\napproved_on = \"dat\"\n", "\"dat\"",
       "\"dat\" is not a type; expected one of date, bool, integer, money, text (did you mean "
       "\"date\"?)"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[fields.payment]\napproved_on = 3\n", "3",
       "a declared field is its type"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[fields.payment]\npaid_on = \"date\"\n", "paid_on",
       "payment.paid_on is already a field of the core schema"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[fields.payment]\nApproved = \"date\"\n", "Approved",
       "lower-case letters, digits and _"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[fields.payment]\nx = { type = \"date\", descripton = "
       "\"d\" }\n",
       "descripton",
       "unknown key \"descripton\" in a declared field; did you mean \"description\"?"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[fields.payment]\nx = { type = \"list\" }\n", "\"list\"",
       "\"list\" is not a type; expected one of date, bool, integer, money, text"},
      {"[pack]\nid = \"p\"\ntitle = \"P\"\n[fields]\npayment = 3\n", "3",
       "the fields of a payment are a table: [fields.payment]"},
      {"RULE met = \"true\"\nmessage = \"paid {actual}, due {deadline}\"\n", "\"paid",
       "unknown placeholder {deadline} in the message; the placeholders are {due}, {actual}"},
      // toml++ 3.3 reaches undefined behaviour on these (found by the fuzzer); TOML 1.0 allows
      // them only in strings and comments.
      {"[pa£ck]\nid = 1", "£", "a character outside ASCII may appear only in a quoted string"},
      {"[pack]\nid = \"p\" é\n", "é", "only in a quoted string or a comment"},
      // Where the text is wrong before the character, that is the error (toml++ would scan on
      // past the value for its message, into the é).
      {"[pack]\nid =0\"té\"\n", "0\"", "could not determine value type"},
      {"[pack]\nid = \"p\"\ntitle = \"\"\"a \\\n  £1\"\"\"\n", "£1",
       "may not come straight after a backslash in a \"\"\" string, even across a line break"},
      {"RULE met = \"true\"\n[[rule]]\nid = \"r\"\nsection = \"S\"\nquote = \"Q\"\nparty = "
       "\"public\"\n"
       "strength = \"must\"\nfor = \"case\"\nmet = \"true\"\n",
       "\"r\"\nsection = \"S\"\nquote = \"Q\"\nparty = \"public\"\nstrength = \"must\"\nfor = "
       "\"case\"",
       "a second rule with the id \"r\""},
  };
  for (const BadPack& c : cases) {
    std::string text = c.toml;
    if (text.starts_with("RULE")) text = header + rule + text.substr(5);
    absl::StatusOr<rules::Pack> pack = rules::load_pack(text, "bad.toml");
    ASSERT_FALSE(pack.ok()) << text;
    const std::string message(pack.status().message());
    EXPECT_THAT(message, HasSubstr(c.message)) << text;
    // The place: the line and column of the expected text, counted here independently.
    const size_t at = text.find(c.at);
    ASSERT_NE(at, std::string::npos) << c.at;
    const size_t line_start = text.rfind('\n', at == 0 ? 0 : at - 1);
    const size_t line =
        static_cast<size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n')) +
        1;
    const size_t column =
        at - (line_start == std::string::npos || at == 0 ? 0 : line_start + 1) + 1;
    EXPECT_THAT(message,
                HasSubstr("bad.toml:" + std::to_string(line) + ":" + std::to_string(column) + ": "))
        << message;
    EXPECT_THAT(message, HasSubstr("\n  ")) << "no excerpt: " << message;
  }
}

// Characters outside ASCII are refused only where TOML 1.0 refuses them: each kind of string and a
// comment may hold them, and toml++ reads them there as the TOML specification says.
TEST(PackLoader, NonAsciiIsWelcomeInStringsAndComments) {
  const std::string text = R"toml(# A comment: £ é “ ”
[pack]
id = "p"
title = "Café \"£\" ‘quoted’"   # after a value: £
edition = 'literal £ \'
source = """multi-line £ \""" and "" still £""""
[[rule]]
id = "r"
section = "S"
quote = '''multi-line literal £ '' £'''''
party = "public"
strength = "must"
for = "case"
met = "true"
)toml";
  absl::StatusOr<rules::Pack> pack = rules::load_pack(text, "unicode.toml");
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->title, "Café \"£\" ‘quoted’");
  EXPECT_EQ(pack->edition, "literal £ \\");
  EXPECT_EQ(pack->source, "multi-line £ \"\"\" and \"\" still £\"");
  EXPECT_EQ(pack->rules.front().quote, "multi-line literal £ '' £''");

  // Found in review: a key met again keeps toml++'s position of its first appearance, so the scan
  // cannot take positions from the parsed tree. Refused at the £, and toml++ never sees it:
  for (const std::string hidden :
       {"a.\"#\".b = 1\na.\"#\".c£ = 2\n", "[a.\"#\"]\nx = 1\n[a.\"#\".b£]\n"}) {
    const size_t at = hidden.find("£");
    const size_t line = static_cast<size_t>(std::count(
                            hidden.begin(), hidden.begin() + static_cast<long>(at), '\n')) +
                        1;
    const size_t column = at - hidden.rfind('\n', at);
    EXPECT_THAT(rules::load_pack(hidden, "hidden.toml"),
                StatusIs(absl::StatusCode::kInvalidArgument,
                         HasSubstr(absl::StrCat("hidden.toml:", line, ":", column,
                                                ": a character outside ASCII may appear only"))))
        << hidden;
  }
  // And valid TOML with such keys met twice is not refused for them (it is not a pack: the error
  // is the pack's own).
  for (const char* valid : {"[t.\"é\"]\n[t.\"é\".u]\n", "[[\"é\"]]\n[[\"é\"]]\n",
                            "k = { a.\"é\".b = 1, a.\"é\".c = 2 }\n"}) {
    const absl::StatusOr<rules::Pack> not_a_pack = rules::load_pack(valid, "valid.toml");
    ASSERT_FALSE(not_a_pack.ok());
    EXPECT_THAT(std::string(not_a_pack.status().message()), Not(HasSubstr("outside ASCII")))
        << valid;
  }

  // A byte order mark, which Windows editors write, is not part of the text: lines and columns are
  // counted after it.
  absl::StatusOr<rules::Pack> marked = rules::load_pack("\xEF\xBB\xBF" + text, "marked.toml");
  ASSERT_TRUE(marked.ok()) << marked.status();
  EXPECT_EQ(marked->title, pack->title);
  EXPECT_THAT(rules::load_pack("\xEF\xBB\xBF[pack\nid = 1", "marked.toml"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("marked.toml:1:6: ")));
}

TEST(PackLoader, HostilePacksAreRefusedCleanly) {
  const std::string header =
      "[pack]\nid = \"p\"\ntitle = \"P\"\n[[rule]]\nid = \"r\"\nsection = \"S\"\n"
      "quote = \"Q\"\nparty = \"public\"\nstrength = \"must\"\nfor = \"case\"\n";
  EXPECT_THAT(rules::load_pack(header + "met = \"" + std::string(5000, '(') + "true" +
                                   std::string(5000, ')') + "\"\n",
                               "deep.toml"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("nested more than 64 deep")));
  std::string deep_not = "met = \"";
  for (int i = 0; i < 10000; ++i) deep_not += "not ";
  EXPECT_THAT(rules::load_pack(header + deep_not + "true\"\n", "deep.toml"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("bytes long; the limit is")));
  EXPECT_THAT(rules::load_pack(std::string(5 << 20, '#'), "huge.toml"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("huge.toml: the pack is 5242880 bytes; the limit is 4194304")));
  std::string nested_tables = "a = ";
  for (int i = 0; i < 10000; ++i) nested_tables += "[";
  EXPECT_FALSE(rules::load_pack(nested_tables, "nested.toml").ok());
  EXPECT_THAT(
      rules::load_pack("[pack]\nid = \"p\"\ntitle = \"P\"\n[[rule]]\nid = \"r\"\nsection = \"S\"\n"
                       "quote = \"Q\"\nparty = \"public\"\nstrength = \"must\"\n"
                       "for = \"commission.paymnt\"\nmet = \"true\"\n",
                       "for.toml"),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("\"for\": commission has no \"paymnt\"; did you mean \"payment\"?")));
}

// Every entity of the schema, reached by its path from the case, is named in `for` and in expressions
// by its one-word identifier ("performance issue" as performance_issue); its name with a space is not
// a name there.
TEST(PackLoader, EveryEntityIsNamedByItsIdentifierInForAndInExpressions) {
  EXPECT_EQ(PerformanceIssue::kInfo.name, "performance issue");
  EXPECT_EQ(PerformanceIssue::kInfo.identifier, "performance_issue");
  EXPECT_EQ(Payment::kInfo.identifier, "payment");
  int loaded = 0;
  const std::function<void(const EntityInfo&, std::string, int)> visit =
      [&](const EntityInfo& entity, std::string path, int depth) {
        for (const FieldInfo& field : entity.fields) {
          if (!field.element || depth == 4) continue;
          const std::string id(field.element->identifier);
          EXPECT_EQ(id.find(' '), std::string::npos) << field.element->name;
          const std::string here = path.empty() ? id : path + "." + id;
          const std::string pack =
              "[pack]\nid = \"p\"\ntitle = \"P\"\n[[rule]]\nid = \"r\"\nsection = \"S\"\n"
              "quote = \"Q\"\nparty = \"public\"\nstrength = \"must\"\nfor = \"" +
              here + "\"\nmet = \"" + id + "." + std::string(field.element->fields.front().name) +
              "?\"\n";
          const absl::StatusOr<rules::Pack> loaded_pack = rules::load_pack(pack, "entity.toml");
          EXPECT_TRUE(loaded_pack.ok()) << here << ": " << loaded_pack.status();
          ++loaded;
          visit(*field.element, here, depth + 1);
        }
      };
  visit(Case::kInfo, "", 0);
  EXPECT_GE(loaded, 12);
  EXPECT_THAT(rules::load_pack("[pack]\nid = \"p\"\ntitle = \"P\"\n[[rule]]\nid = \"r\"\n"
                               "section = \"S\"\nquote = \"Q\"\nparty = \"public\"\n"
                               "strength = \"must\"\nfor = \"commission.performance issue\"\n"
                               "met = \"true\"\n",
                               "spaced.toml"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("did you mean \"performance_issue\"?")));
}

// docs/packs.md's worked example, taken from the page itself, gives the answers the page states.
TEST(PackDocs, TheWorkedExampleBehavesAsDocumented) {
  std::ifstream in(std::string(COMPACT_DOCS_DIR) + "/packs.md");
  std::stringstream page;
  page << in.rdbuf();
  const std::string text = page.str();
  const size_t begin = text.find("```toml\n[pack]");
  ASSERT_NE(begin, std::string::npos);
  const size_t end = text.find("```", begin + 7);
  absl::StatusOr<rules::Pack> pack =
      rules::load_pack(text.substr(begin + 8, end - begin - 8), "docs/packs.md");
  ASSERT_TRUE(pack.ok()) << pack.status();
  std::vector<rules::Pack> packs;
  packs.push_back(*std::move(pack));
  const Engine engine = *Engine::create(std::move(packs));
  Case c;
  Commission g;
  g.id = "G1";
  g.approach = Approach::kGrant;
  g.payments = {invoice("EARLY", D("2024-12-13"), D("2025-01-13")),
                invoice("LATE", D("2024-12-13"), D("2025-01-16")),
                invoice("UNPAID", D("2024-12-13"), std::nullopt)};
  c.commissions.push_back(g);
  const Report report = *engine.evaluate(c, D("2025-01-15"));
  ASSERT_EQ(report.findings.size(), 3u);
  EXPECT_EQ(report.findings[0].due, D("2025-01-15"));
  EXPECT_EQ(report.findings[0].outcome, Outcome::kCompliant);
  EXPECT_EQ(report.findings[0].margin_days, 2);
  EXPECT_EQ(report.findings[0].margin_working_days, 2);
  EXPECT_EQ(report.findings[1].outcome, Outcome::kPending);  // as of the 15th, not paid yet
  EXPECT_EQ(report.findings[2].outcome, Outcome::kPending);
  const Report later = *engine.evaluate(c, D("2025-01-16"));
  EXPECT_EQ(later.findings[1].outcome, Outcome::kBreach);
  EXPECT_EQ(later.findings[1].margin_days, -1);
  EXPECT_EQ(later.findings[2].outcome, Outcome::kOverdue);
  EXPECT_EQ(later.findings[0].message(), "paid on 2025-01-13; due by 2025-01-15");
}

// Every rule of the built-in pack quotes the Compact word for word (packs/sources/ holds its text).
TEST(DefaultPack, QuotesTheCompactVerbatim) {
  std::ifstream in(std::string(COMPACT_PACKS_DIR) + "/sources/stockton-borough-compact-2014.txt");
  std::stringstream text;
  text << in.rdbuf();
  const std::string compact = text.str();
  ASSERT_GT(compact.size(), 10000u);
  absl::StatusOr<rules::Pack> pack = Engine::default_pack();
  ASSERT_TRUE(pack.ok()) << pack.status();
  for (const rules::Rule& rule : pack->rules) {
    EXPECT_NE(compact.find(rule.quote), std::string::npos) << rule.id << ": " << rule.quote;
  }
}

TEST(DefaultPack, LoadsAndCarriesTheFixedRuleIds) {
  absl::StatusOr<rules::Pack> pack = Engine::default_pack();
  ASSERT_TRUE(pack.ok()) << pack.status();
  EXPECT_EQ(pack->id, "stockton-2014");
  EXPECT_EQ(pack->in_force_from, D("2014-09-01"));
  EXPECT_EQ(pack->in_force_to, D("2017-08-31"));
  for (const char* id :
       {"consultation.min-period", "consultation.catalyst-involved", "consultation.notice-given",
        "consultation.feedback", "commission.decision-notice", "commission.funding-term",
        "commission.terms-before-signing", "commission.monitoring-before-signing",
        "commission.underspend", "payment.on-time", "ending.notice-period",
        "ending.notice-in-writing", "ending.rationale", "ending.impact-assessment",
        "bid.feedback"}) {
    EXPECT_NE(pack->rule(id), nullptr) << id;
  }
}

}  // namespace
}  // namespace compact
