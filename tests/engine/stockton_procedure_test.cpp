// What the Compact leaves to the partners, and its definition of the sector: the resolution process's
// stages and timescales (unset until a council sets them, or a stage's own complete_by), the other
// periods the Compact gives no figure for, and `classify` against the VCSE definition. Due dates are
// counted by hand over GOV.UK's bank holidays, not with the engine.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compact/engine/engine.hpp"
#include "compact/model/case_json.hpp"
#include "gtest/gtest.h"
#include "support/cases.hpp"
#include "support/dates.hpp"
#include "support/findings.hpp"

namespace compact {
namespace {

using ::compact::testing::D;
using ::compact::testing::with_commission;

using ::compact::testing::finding;
using ::compact::testing::stage;
using ::compact::testing::stockton_with;
using ::compact::testing::with_dispute;

constexpr std::string_view kInformal = "disputes[D1].stages[0]";

TEST(StocktonProcedure, WithNoTimescaleSetAStageIsInsufficientDataNamingIt) {
  const Engine engine = *Engine::with_default_pack();
  const Case c = with_dispute({stage("informal resolution", D("2016-03-07"), D("2016-03-31"))});
  const Finding f = finding(engine, c, "dispute.informal-resolution", kInformal, D("2016-06-30"));
  EXPECT_EQ(f.outcome, Outcome::kInsufficientData);
  EXPECT_EQ(f.missing_fields(), std::vector<std::string>{"informal_resolution_timescale"});
  EXPECT_FALSE(f.due.has_value());
}

TEST(StocktonProcedure, AStagesOwnCompleteByStandsInForTheTimescale) {
  const Engine engine = *Engine::with_default_pack();  // no timescale set
  Case c = with_dispute({stage("informal resolution", D("2016-03-07"), D("2016-03-31"))});
  c.disputes[0].stages[0].complete_by = D("2016-03-31");
  Finding f = finding(engine, c, "dispute.informal-resolution", kInformal, D("2016-06-30"));
  EXPECT_EQ(f.outcome, Outcome::kCompliant);
  EXPECT_EQ(f.due, D("2016-03-31"));
  c.disputes[0].stages[0].completed_on = D("2016-04-01");
  f = finding(engine, c, "dispute.informal-resolution", kInformal, D("2016-06-30"));
  EXPECT_EQ(f.outcome, Outcome::kBreach);
  // The record's date wins over a timescale the council set, too.
  const Engine set = stockton_with({{"informal_resolution_timescale", "20 working days"}});
  EXPECT_EQ(finding(set, c, "dispute.informal-resolution", kInformal, D("2016-06-30")).due,
            D("2016-03-31"));
}

TEST(StocktonProcedure, ATimescaleTheCouncilSetsIsCountedOverEaster) {
  // Twenty working days after Monday 7 March 2016, skipping Good Friday 25 and Easter Monday 28
  // March: 8-11 (4), 14-18 (9), 21-24 (13), 29-31 (16), 1 April (17), 4-6 April (20).
  const Engine engine = stockton_with({{"informal_resolution_timescale", "20 working days"}});
  const auto outcome = [&](std::optional<Date> completed, Date as_of) {
    const Case c = with_dispute({stage("informal resolution", D("2016-03-07"), completed)});
    const Finding f = finding(engine, c, "dispute.informal-resolution", kInformal, as_of);
    EXPECT_EQ(f.due, D("2016-04-06"));
    return f.outcome;
  };
  EXPECT_EQ(outcome(D("2016-04-06"), D("2016-06-30")), Outcome::kCompliant);
  EXPECT_EQ(outcome(D("2016-04-07"), D("2016-06-30")), Outcome::kBreach);
  EXPECT_EQ(outcome(std::nullopt, D("2016-04-06")), Outcome::kPending);
  EXPECT_EQ(outcome(std::nullopt, D("2016-04-07")), Outcome::kOverdue);
}

TEST(StocktonProcedure, TheStagesAreTheProcessesAndBeginInformally) {
  const Engine engine = *Engine::with_default_pack();
  const Date as_of = D("2016-06-30");
  Case c = with_dispute({stage("compact contacts", D("2016-03-07"), std::nullopt)});
  EXPECT_EQ(finding(engine, c, "dispute.informal-resolution-first", "disputes[D1]", as_of).outcome,
            Outcome::kBreach);
  c = with_dispute({stage("informal resolution", D("2016-03-07"), D("2016-03-20")),
                    stage("mediaton", D("2016-03-21"), std::nullopt)});
  EXPECT_EQ(finding(engine, c, "dispute.informal-resolution-first", "disputes[D1]", as_of).outcome,
            Outcome::kCompliant);
  EXPECT_EQ(finding(engine, c, "dispute.known-stage", "disputes[D1].stages[0]", as_of).outcome,
            Outcome::kCompliant);
  EXPECT_EQ(finding(engine, c, "dispute.known-stage", "disputes[D1].stages[1]", as_of).outcome,
            Outcome::kBreach);
  c = with_dispute({});
  EXPECT_EQ(finding(engine, c, "dispute.informal-resolution-first", "disputes[D1]", as_of).outcome,
            Outcome::kNotApplicable);
}

TEST(StocktonProcedure, AReferralToTheCompactContactsIsInWriting) {
  const Engine engine = *Engine::with_default_pack();
  Case c = with_dispute({stage("compact contacts", D("2016-03-07"), std::nullopt)});
  const auto outcome = [&] {
    return finding(engine, c, "dispute.referral-in-writing", kInformal, D("2016-06-30")).outcome;
  };
  EXPECT_EQ(outcome(), Outcome::kInsufficientData);
  c.disputes[0].stages[0].in_writing = false;
  EXPECT_EQ(outcome(), Outcome::kBreach);
  c.disputes[0].stages[0].in_writing = true;
  EXPECT_EQ(outcome(), Outcome::kCompliant);
}

TEST(StocktonProcedure, AppropriateTimeToApplyIsWhatTheCouncilSets) {
  Commission m;
  m.id = "T1";
  m.approach = Approach::kContract;
  m.tender_published_on = D("2016-01-04");
  m.tender_closes_on = D("2016-02-15");  // 4 January + 42 days
  const Date as_of = D("2016-06-30");
  const Engine unset = *Engine::with_default_pack();
  Finding f =
      finding(unset, with_commission(m), "commission.tender-period", "commissions[T1]", as_of);
  EXPECT_EQ(f.outcome, Outcome::kInsufficientData);
  EXPECT_EQ(f.missing_fields(), std::vector<std::string>{"tender_period"});
  const Engine six_weeks = stockton_with({{"tender_period", "6 weeks"}});
  f = finding(six_weeks, with_commission(m), "commission.tender-period", "commissions[T1]", as_of);
  EXPECT_EQ(f.outcome, Outcome::kCompliant);
  EXPECT_EQ(f.due, D("2016-02-15"));
  m.tender_closes_on = D("2016-02-14");
  EXPECT_EQ(
      finding(six_weeks, with_commission(m), "commission.tender-period", "commissions[T1]", as_of)
          .outcome,
      Outcome::kBreach);
}

TEST(StocktonProcedure, EarlyNoticeOfAChangeIsWithinThePeriodSet) {
  // Ten working days after Thursday 17 December 2015, skipping Christmas, Boxing Day (substitute
  // Monday 28th) and New Year's Day: 18 (1), 21-24 (5), 29-31 (8), 4 (9), 5 January (10).
  const Engine engine = stockton_with({{"change_notice_period", "10 working days"}});
  Commission m;
  m.id = "G1";
  m.approach = Approach::kGrant;
  ChangeNotice n;
  n.id = "CH1";
  n.occurred_on = D("2015-12-17");
  n.notified_on = D("2016-01-05");
  m.change_notices = {n};
  Finding f = finding(engine, with_commission(m), "change-notice.early",
                      "commissions[G1].change_notices[CH1]", D("2016-06-30"));
  EXPECT_EQ(f.due, D("2016-01-05"));
  EXPECT_EQ(f.outcome, Outcome::kCompliant);
  m.change_notices[0].notified_on = D("2016-01-06");
  EXPECT_EQ(finding(engine, with_commission(m), "change-notice.early",
                    "commissions[G1].change_notices[CH1]", D("2016-06-30"))
                .outcome,
            Outcome::kBreach);
}

Organisation vcse_with_every_characteristic() {
  Organisation o;
  o.id = "larder";
  o.sector = Sector::kVcse;
  o.kind = OrganisationKind::kCharity;
  o.independent_and_autonomous = true;
  o.public_or_community_benefit = true;
  o.not_for_individual_gain = true;
  o.not_allied_to_political_party = true;
  o.governed_by_constitution = true;
  o.unpaid_board = true;
  o.accountable_to_members = true;
  return o;
}

TEST(StocktonClassify, EachOfTheSevenCharacteristicsDecides) {
  const Engine engine = *Engine::with_default_pack();
  Organisation o = vcse_with_every_characteristic();
  Classification c = *engine.classify(o, "vcse");
  EXPECT_EQ(c.verdict, Verdict::kMeets);
  ASSERT_EQ(c.characteristics.size(), 8u);
  EXPECT_EQ(c.characteristics[1].characteristic->quote, "They are independent and autonomous");
  // Each of the seven, lacked and then not recorded, alone decides the verdict.
  std::optional<bool> Organisation::*const fields[] = {
      &Organisation::independent_and_autonomous, &Organisation::public_or_community_benefit,
      &Organisation::not_for_individual_gain,    &Organisation::not_allied_to_political_party,
      &Organisation::governed_by_constitution,   &Organisation::unpaid_board,
      &Organisation::accountable_to_members};
  for (size_t i = 0; i < std::size(fields); ++i) {
    Organisation lacking = vcse_with_every_characteristic();
    lacking.*fields[i] = false;
    c = *engine.classify(lacking, "vcse");
    EXPECT_EQ(c.verdict, Verdict::kDoesNotMeet) << i;
    EXPECT_EQ(c.characteristics[i + 1].holding, Holding::kLacks) << i;
    lacking.*fields[i] = std::nullopt;
    c = *engine.classify(lacking, "vcse");
    EXPECT_EQ(c.verdict, Verdict::kInsufficientData) << i;
    EXPECT_EQ(c.characteristics[i + 1].holding, Holding::kNotRecorded) << i;
    EXPECT_EQ(c.characteristics[i + 1].missing.size(), 1u) << i;
  }
}

TEST(StocktonClassify, APublicBodyOrAPrivateFirmIsNotOfTheSectorWhateverItsRecord) {
  const Engine engine = *Engine::with_default_pack();
  Organisation council = vcse_with_every_characteristic();
  council.kind = OrganisationKind::kCouncil;
  EXPECT_EQ(engine.classify(council, "vcse")->verdict, Verdict::kDoesNotMeet);
  Organisation firm = vcse_with_every_characteristic();
  firm.sector = Sector::kPrivate;
  firm.kind = std::nullopt;
  EXPECT_EQ(engine.classify(firm, "vcse")->verdict, Verdict::kDoesNotMeet);
  // With no kind recorded, the recorded sector decides the first characteristic.
  Organisation unkinded = vcse_with_every_characteristic();
  unkinded.kind = std::nullopt;
  EXPECT_EQ(engine.classify(unkinded, "vcse")->verdict, Verdict::kMeets);
  const absl::StatusOr<Classification> unknown = engine.classify(unkinded, "charity");
  EXPECT_EQ(unknown.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(unknown.status().message().find("the packs define vcse"), std::string_view::npos);
}

TEST(StocktonClassify, AnOrganisationsDocumentIsReadWithItsOwnPlaces) {
  OrganisationReadResult read = read_organisation("{\"id\": \"larder\",\n \"sector\": \"vcs\"}");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.problems[0].path, "sector");
  EXPECT_EQ(read.problems[0].line, 2);
  EXPECT_EQ(read.problems[0].column, 12);
  read = read_organisation("{\"id\": \"a\", \"sector\": \"vcse\"}], \"commissions\": [");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.problems[0].column, 30);  // the "]" after the object
  // Columns count characters, as everywhere else: "é" is two bytes and one column.
  read = read_organisation("{\"id\": \"\xC3\xA9\", \"sector\": \"vcse\"} x");
  ASSERT_FALSE(read.ok());
  EXPECT_EQ(read.problems[0].column, 31);
  read = read_organisation("{\"id\": \"a\", \"sector\": \"vcse\", \"unpaid_board\": true}\n");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value.id, "a");
  EXPECT_EQ(read.value.unpaid_board, true);
}

}  // namespace
}  // namespace compact
