// Every outcome each of Stockton's resolution-process rules can give, each reached by a case built
// here, with its due date worked out by hand from GOV.UK's England and Wales bank holidays and the
// calendar, not by the engine; and a check that the table reaches exactly the outcomes argued
// possible for each rule. The Compact leaves each stage's timescale "appropriate for the issue": a
// stage is insufficient_data naming its parameter until a council sets it, or the parties agree the
// stage's own complete_by, and its other outcomes are reached with the parameter set. All
// obligations arise inside the Compact's in-force window (1 September 2014 to 31 August 2017).

#include <optional>
#include <string>
#include <vector>

#include "compact/engine/engine.hpp"
#include "gtest/gtest.h"
#include "support/cases.hpp"
#include "support/dates.hpp"
#include "support/outcome_table.hpp"

namespace compact {
namespace {

using ::compact::testing::D;
using ::compact::testing::stage;
using ::compact::testing::with_dispute;

using ::compact::testing::decided;
using ::compact::testing::expect_reaches_exactly;
using ::compact::testing::expect_row;
using ::compact::testing::given;
using ::compact::testing::inapplicable;
using ::compact::testing::insufficient;
using ::compact::testing::named;
using ::compact::testing::Parameters;
using ::compact::testing::PossibleOutcomes;
using ::compact::testing::Row;
using ::compact::testing::row_name;

// Each stage's timescale as a council might set it, and when the stage began (the dispute was
// raised on Friday 4 March 2016).
//
// Informal resolution, 20 working days from Monday 2 May 2016, itself the Early May bank holiday:
// 3-6 May (4), 9-13 (9), 16-20 (14), 23-27 (19), the Spring bank holiday Monday 30 May skipped,
// Tuesday 31 May 2016 (20).
Parameters informal_timescale() { return {{"informal_resolution_timescale", "20 working days"}}; }
Case informal(std::optional<Date> completed) {
  return with_dispute({stage("informal resolution", D("2016-05-02"), completed)});
}

// The Compact contacts, a month from Tuesday 31 May 2016: Thursday 30 June 2016, June having no
// 31st.
Parameters contacts_timescale() { return {{"compact_contacts_timescale", "1 month"}}; }
Case contacts(std::optional<Date> completed) {
  return with_dispute({stage("compact contacts", D("2016-05-31"), completed)});
}

// The Strategic Partnership, 10 working days from Monday 19 December 2016: 20-23 (4), Boxing Day
// Monday 26 and Christmas Day's substitute Tuesday 27 skipped, 28-30 (7), New Year's Day's
// substitute Monday 2 January skipped, Thursday 5 January 2017 (10).
Parameters partnership_timescale() {
  return {{"strategic_partnership_timescale", "10 working days"}};
}
Case partnership(std::optional<Date> completed) {
  return with_dispute({stage("strategic partnership", D("2016-12-19"), completed)});
}

// Mediation, six weeks from Monday 6 March 2017: Monday 17 April 2017, Easter Monday (weeks count
// every day; only working days skip holidays).
Parameters mediation_timescale() { return {{"mediation_timescale", "6 weeks"}}; }
Case mediation(std::optional<Date> completed) {
  return with_dispute({stage("mediation", D("2017-03-06"), completed)});
}

// `c` with its first stage to be completed by `complete_by`, as the parties agreed for the issue.
Case agreed(Case c, Date complete_by) {
  c.disputes[0].stages[0].complete_by = complete_by;
  return c;
}

// `c` with its first stage's start not recorded.
Case not_started(Case c) {
  c.disputes[0].stages[0].started_on = std::nullopt;
  return c;
}

const std::vector<Row>& rows() {
  // After every act any case below records: what has happened has happened.
  const Date later = D("2017-06-30");
  static const std::vector<Row> table = {
      // A stage the resolution process has, or not (names are as the pack writes them).
      decided("dispute.known-stage", Outcome::kCompliant, later, std::nullopt,
              [] { return mediation(D("2017-04-10")); }),
      decided("dispute.known-stage", Outcome::kBreach, later, std::nullopt,
              [] { return with_dispute({stage("arbitration", D("2016-05-02"), std::nullopt)}); }),

      // The process begins informally (the chart on page 21 did not survive; the pack's stages).
      decided("dispute.informal-resolution-first", Outcome::kCompliant, later, std::nullopt,
              [] {
                return with_dispute({stage("informal resolution", D("2016-05-02"), D("2016-05-27")),
                                     stage("compact contacts", D("2016-05-31"), std::nullopt)});
              }),
      decided("dispute.informal-resolution-first", Outcome::kBreach, later, std::nullopt,
              [] { return contacts(std::nullopt); }),
      // Both stages, but the referral to the Compact contacts on Monday 7 March 2016 came before
      // informal resolution, begun on Friday 1 April; begun the same day, neither came first.
      named("informal_second",
            decided("dispute.informal-resolution-first", Outcome::kBreach, later, std::nullopt,
                    [] {
                      return with_dispute(
                          {stage("compact contacts", D("2016-03-07"), std::nullopt),
                           stage("informal resolution", D("2016-04-01"), std::nullopt)});
                    })),
      named("same_day",
            decided("dispute.informal-resolution-first", Outcome::kCompliant, later, std::nullopt,
                    [] {
                      return with_dispute(
                          {stage("compact contacts", D("2016-04-01"), std::nullopt),
                           stage("informal resolution", D("2016-04-01"), std::nullopt)});
                    })),
      // When the referral began is not recorded: which came first is not known.
      insufficient("dispute.informal-resolution-first", later, {"dispute_stage.started_on"},
                   [] {
                     return with_dispute(
                         {stage("informal resolution", D("2016-05-02"), D("2016-05-27")),
                          stage("compact contacts", std::nullopt, std::nullopt)});
                   }),
      // Raised, and no stage begun.
      inapplicable("dispute.informal-resolution-first", Inapplicability::kWhen, later,
                   [] { return with_dispute({}); }),

      given(informal_timescale(),
            decided("dispute.informal-resolution", Outcome::kCompliant, later, D("2016-05-31"),
                    [] { return informal(D("2016-05-31")); })),
      // Ended on the bank holiday before its last day.
      given(
          informal_timescale(),
          named("day_before", decided("dispute.informal-resolution", Outcome::kCompliant, later,
                                      D("2016-05-31"), [] { return informal(D("2016-05-30")); }))),
      given(informal_timescale(),
            decided("dispute.informal-resolution", Outcome::kBreach, later, D("2016-05-31"),
                    [] { return informal(D("2016-06-01")); })),
      given(informal_timescale(),
            decided("dispute.informal-resolution", Outcome::kPending, D("2016-05-31"),
                    D("2016-05-31"), [] { return informal(std::nullopt); })),
      given(informal_timescale(),
            decided("dispute.informal-resolution", Outcome::kOverdue, D("2016-06-01"),
                    D("2016-05-31"), [] { return informal(std::nullopt); })),
      // The parties' own day, Friday 20 May, needs no timescale set.
      named("agreed_complete_by",
            decided("dispute.informal-resolution", Outcome::kBreach, later, D("2016-05-20"),
                    [] { return agreed(informal(D("2016-05-23")), D("2016-05-20")); })),
      inapplicable("dispute.informal-resolution", Inapplicability::kWhen, later,
                   [] { return contacts(D("2016-06-30")); }),
      named("not_started",
            inapplicable("dispute.informal-resolution", Inapplicability::kWhen, later,
                         [] { return not_started(informal(D("2016-05-31"))); })),
      insufficient("dispute.informal-resolution", later, {"informal_resolution_timescale"},
                   [] { return informal(D("2016-05-31")); }),

      // "a written referral to the Compact contacts".
      decided("dispute.referral-in-writing", Outcome::kCompliant, later, std::nullopt,
              [] {
                Case c = contacts(std::nullopt);
                c.disputes[0].stages[0].in_writing = true;
                return c;
              }),
      decided("dispute.referral-in-writing", Outcome::kBreach, later, std::nullopt,
              [] {
                Case c = contacts(std::nullopt);
                c.disputes[0].stages[0].in_writing = false;
                return c;
              }),
      inapplicable("dispute.referral-in-writing", Inapplicability::kWhen, later,
                   [] { return informal(D("2016-05-31")); }),
      insufficient("dispute.referral-in-writing", later, {"dispute_stage.in_writing"},
                   [] { return contacts(std::nullopt); }),

      given(contacts_timescale(),
            decided("dispute.compact-contacts", Outcome::kCompliant, later, D("2016-06-30"),
                    [] { return contacts(D("2016-06-30")); })),
      given(contacts_timescale(),
            decided("dispute.compact-contacts", Outcome::kBreach, later, D("2016-06-30"),
                    [] { return contacts(D("2016-07-01")); })),
      given(contacts_timescale(),
            decided("dispute.compact-contacts", Outcome::kPending, D("2016-06-30"), D("2016-06-30"),
                    [] { return contacts(std::nullopt); })),
      given(contacts_timescale(),
            decided("dispute.compact-contacts", Outcome::kOverdue, D("2016-07-01"), D("2016-06-30"),
                    [] { return contacts(std::nullopt); })),
      named("agreed_complete_by",
            decided("dispute.compact-contacts", Outcome::kCompliant, later, D("2016-07-15"),
                    [] { return agreed(contacts(D("2016-07-15")), D("2016-07-15")); })),
      inapplicable("dispute.compact-contacts", Inapplicability::kWhen, later,
                   [] { return informal(D("2016-05-31")); }),
      named("not_started", inapplicable("dispute.compact-contacts", Inapplicability::kWhen, later,
                                        [] { return not_started(contacts(D("2016-06-30"))); })),
      insufficient("dispute.compact-contacts", later, {"compact_contacts_timescale"},
                   [] { return contacts(D("2016-06-30")); }),

      given(partnership_timescale(),
            decided("dispute.strategic-partnership", Outcome::kCompliant, later, D("2017-01-05"),
                    [] { return partnership(D("2017-01-05")); })),
      given(partnership_timescale(),
            named("day_before",
                  decided("dispute.strategic-partnership", Outcome::kCompliant, later,
                          D("2017-01-05"), [] { return partnership(D("2017-01-04")); }))),
      given(partnership_timescale(),
            decided("dispute.strategic-partnership", Outcome::kBreach, later, D("2017-01-05"),
                    [] { return partnership(D("2017-01-06")); })),
      given(partnership_timescale(),
            decided("dispute.strategic-partnership", Outcome::kPending, D("2017-01-05"),
                    D("2017-01-05"), [] { return partnership(std::nullopt); })),
      given(partnership_timescale(),
            decided("dispute.strategic-partnership", Outcome::kOverdue, D("2017-01-06"),
                    D("2017-01-05"), [] { return partnership(std::nullopt); })),
      named("agreed_complete_by",
            decided("dispute.strategic-partnership", Outcome::kCompliant, later, D("2017-01-31"),
                    [] { return agreed(partnership(D("2017-01-20")), D("2017-01-31")); })),
      inapplicable("dispute.strategic-partnership", Inapplicability::kWhen, later,
                   [] { return mediation(D("2017-04-10")); }),
      named("not_started",
            inapplicable("dispute.strategic-partnership", Inapplicability::kWhen, later,
                         [] { return not_started(partnership(D("2017-01-05"))); })),
      insufficient("dispute.strategic-partnership", later, {"strategic_partnership_timescale"},
                   [] { return partnership(D("2017-01-05")); }),

      given(mediation_timescale(),
            decided("dispute.mediation", Outcome::kCompliant, later, D("2017-04-17"),
                    [] { return mediation(D("2017-04-17")); })),
      // Ended on Easter Sunday.
      given(
          mediation_timescale(),
          named("day_before", decided("dispute.mediation", Outcome::kCompliant, later,
                                      D("2017-04-17"), [] { return mediation(D("2017-04-16")); }))),
      given(mediation_timescale(),
            decided("dispute.mediation", Outcome::kBreach, later, D("2017-04-17"),
                    [] { return mediation(D("2017-04-18")); })),
      given(mediation_timescale(),
            decided("dispute.mediation", Outcome::kPending, D("2017-04-17"), D("2017-04-17"),
                    [] { return mediation(std::nullopt); })),
      given(mediation_timescale(),
            decided("dispute.mediation", Outcome::kOverdue, D("2017-04-18"), D("2017-04-17"),
                    [] { return mediation(std::nullopt); })),
      named("agreed_complete_by",
            decided("dispute.mediation", Outcome::kCompliant, later, D("2017-05-31"),
                    [] { return agreed(mediation(D("2017-05-26")), D("2017-05-31")); })),
      inapplicable("dispute.mediation", Inapplicability::kWhen, later,
                   [] { return partnership(D("2017-01-05")); }),
      named("not_started", inapplicable("dispute.mediation", Inapplicability::kWhen, later,
                                        [] { return not_started(mediation(D("2017-04-17"))); })),
      insufficient("dispute.mediation", later, {"mediation_timescale"},
                   [] { return mediation(D("2017-04-17")); }),
  };
  return table;
}

class OutcomeOfDisputeRule : public ::testing::TestWithParam<Row> {};

TEST_P(OutcomeOfDisputeRule, IsTheOneTheCompactsWordsGive) { expect_row(GetParam()); }

INSTANTIATE_TEST_SUITE_P(StocktonOutcomes, OutcomeOfDisputeRule, ::testing::ValuesIn(rows()),
                         row_name);

// What each rule can give, read off its keys as docs/packs.md's "How a finding is decided" takes
// them. None has `explained_by` (nothing is explained) or `unless`; a stage's name is required, so
// a condition on it alone is always decided.
TEST(StocktonOutcomes, TheDisputeTableReachesEveryOutcomeEachRuleCanGiveAndNoOther) {
  using enum Outcome;
  const PossibleOutcomes can_give = {
      // No when, no actual; met reads only the name.
      {"dispute.known-stage", {kCompliant, kBreach}},
      // No actual; `when` counts the stages; met compares their starts, which may be unrecorded.
      {"dispute.informal-resolution-first",
       {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // due needs the parameter, which the pack leaves unset, where no complete_by is agreed.
      {"dispute.informal-resolution",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
      // No actual; met is a flag.
      {"dispute.referral-in-writing", {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // As informal resolution.
      {"dispute.compact-contacts",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
      // Likewise.
      {"dispute.strategic-partnership",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
      // Likewise.
      {"dispute.mediation",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
  };
  expect_reaches_exactly(rows(), can_give);
}

}  // namespace
}  // namespace compact
