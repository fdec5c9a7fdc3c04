// Every outcome each of Stockton's rules on consultations, policies and the partners' equality
// records can give, each reached by a case built here, and a check that the table reaches exactly
// the outcomes argued possible for each rule. None of these rules has a due date: each asks whether
// something was done, or done by the policy decision. All obligations arise inside the Compact's
// in-force window (1 September 2014 to 31 August 2017); the equality policies' rules have no
// `arises` and are never judged against it.

#include <optional>
#include <vector>

#include "compact/engine/engine.hpp"
#include "gtest/gtest.h"
#include "support/cases.hpp"
#include "support/dates.hpp"
#include "support/outcome_table.hpp"

namespace compact {
namespace {

using ::compact::testing::consultation;
using ::compact::testing::D;
using ::compact::testing::equality_record;
using ::compact::testing::policy;
using ::compact::testing::with_consultation;
using ::compact::testing::with_equality_records;
using ::compact::testing::with_policy;

using ::compact::testing::decided;
using ::compact::testing::expect_reaches_exactly;
using ::compact::testing::expect_row;
using ::compact::testing::inapplicable;
using ::compact::testing::insufficient;
using ::compact::testing::named;
using ::compact::testing::PossibleOutcomes;
using ::compact::testing::Row;
using ::compact::testing::row_name;

// The sector told of progress on `given_on`.
ProgressUpdate update(Date given_on) {
  ProgressUpdate u;
  u.given_on = given_on;
  return u;
}

// P1's impact assessment, completed by the council on Monday 14 March 2016, a week before the
// decision.
EqualityRecord impact_assessment() {
  EqualityRecord r =
      equality_record("EIA-1", EqualityRecordKind::kImpactAssessment, std::string("sbc"));
  r.policy = PolicyRef{"P1"};
  r.adopted_on = D("2016-03-14");
  return r;
}

// `organisation`'s equality and diversity policy and its action plan, adopted on Monday 1 June 2015
// and published on Monday 15 June 2015.
std::vector<EqualityRecord> policy_and_plan(const std::string& organisation) {
  std::vector<EqualityRecord> out = {
      equality_record(organisation + "-policy", EqualityRecordKind::kEqualityPolicy, organisation),
      equality_record(organisation + "-plan", EqualityRecordKind::kActionPlan, organisation)};
  for (EqualityRecord& r : out) {
    r.adopted_on = D("2015-06-01");
    r.published_on = D("2015-06-15");
  }
  return out;
}

const std::vector<Row>& rows() {
  // After every act any case below records: what has happened has happened.
  const Date later = D("2017-06-30");
  static const std::vector<Row> table = {
      // "Publicise consultation exercises widely": whether it was, for a consultation that opened
      // on 4 January 2016.
      decided("consultation.publicised", Outcome::kCompliant, later, std::nullopt,
              [] {
                Consultation k = consultation();
                k.publicised_widely = true;
                return with_consultation(k);
              }),
      decided("consultation.publicised", Outcome::kBreach, later, std::nullopt,
              [] {
                Consultation k = consultation();
                k.publicised_widely = false;
                return with_consultation(k);
              }),
      insufficient("consultation.publicised", later, {"consultation.publicised_widely"},
                   [] { return with_consultation(consultation()); }),

      // "explain the reasons for selecting them".
      decided("consultation.methods-explained", Outcome::kCompliant, later, std::nullopt,
              [] {
                Consultation k = consultation();
                k.methods_explained = true;
                return with_consultation(k);
              }),
      decided("consultation.methods-explained", Outcome::kBreach, later, std::nullopt,
              [] {
                Consultation k = consultation();
                k.methods_explained = false;
                return with_consultation(k);
              }),
      insufficient("consultation.methods-explained", later, {"consultation.methods_explained"},
                   [] { return with_consultation(consultation()); }),

      // "Explain which matters are open to change ... and which are not".
      decided("consultation.scope-explained", Outcome::kCompliant, later, std::nullopt,
              [] {
                Consultation k = consultation();
                k.scope_explained = true;
                return with_consultation(k);
              }),
      decided("consultation.scope-explained", Outcome::kBreach, later, std::nullopt,
              [] {
                Consultation k = consultation();
                k.scope_explained = false;
                return with_consultation(k);
              }),
      insufficient("consultation.scope-explained", later, {"consultation.scope_explained"},
                   [] { return with_consultation(consultation()); }),

      // "Inform the sector of progress in developing policy": an update before the decision, Monday
      // 21 March 2016, or on its day; one only after it informed no one of progress.
      decided("policy.progress-updates", Outcome::kCompliant, later, std::nullopt,
              [] {
                Policy p = policy();
                p.progress_updates = {update(D("2016-01-18"))};
                return with_policy(p);
              }),
      named("on_the_decision_day",
            decided("policy.progress-updates", Outcome::kCompliant, later, std::nullopt,
                    [] {
                      Policy p = policy();
                      p.progress_updates = {update(D("2016-03-21"))};
                      return with_policy(p);
                    })),
      decided("policy.progress-updates", Outcome::kBreach, later, std::nullopt,
              [] {
                Policy p = policy();
                p.progress_updates = {update(D("2016-03-22"))};
                return with_policy(p);
              }),
      named("none", decided("policy.progress-updates", Outcome::kBreach, later, std::nullopt,
                            [] { return with_policy(policy()); })),
      inapplicable("policy.progress-updates", Inapplicability::kWhen, later,
                   [] {
                     Policy p = policy();
                     p.likely_to_affect_vcs = false;
                     return with_policy(p);
                   }),
      // Still in development: the updates run until the decision.
      named("not_yet_decided",
            inapplicable("policy.progress-updates", Inapplicability::kWhen, later,
                         [] {
                           Policy p = policy();
                           p.decided_on = std::nullopt;
                           return with_policy(p);
                         })),
      insufficient("policy.progress-updates", later, {"policy.likely_to_affect_vcs"},
                   [] {
                     Policy p = policy();
                     p.likely_to_affect_vcs = std::nullopt;
                     return with_policy(p);
                   }),

      // "Identify implications for the VCS when assessing the impact": once an assessment is made.
      decided("policy.vcs-implications", Outcome::kCompliant, later, std::nullopt,
              [] {
                Policy p = policy();
                p.impact_assessed_on = D("2016-02-01");
                p.vcs_implications_identified = true;
                return with_policy(p);
              }),
      decided("policy.vcs-implications", Outcome::kBreach, later, std::nullopt,
              [] {
                Policy p = policy();
                p.impact_assessed_on = D("2016-02-01");
                p.vcs_implications_identified = false;
                return with_policy(p);
              }),
      inapplicable("policy.vcs-implications", Inapplicability::kWhen, later,
                   [] { return with_policy(policy()); }),
      insufficient("policy.vcs-implications", later, {"policy.vcs_implications_identified"},
                   [] {
                     Policy p = policy();
                     p.impact_assessed_on = D("2016-02-01");
                     return with_policy(p);
                   }),

      // "Include equality and diversity as a key requirement in new policy development", begun on 7
      // September 2015.
      decided("policy.equality-included", Outcome::kCompliant, later, std::nullopt,
              [] {
                Policy p = policy();
                p.equality_and_diversity_included = true;
                return with_policy(p);
              }),
      decided("policy.equality-included", Outcome::kBreach, later, std::nullopt,
              [] {
                Policy p = policy();
                p.equality_and_diversity_included = false;
                return with_policy(p);
              }),
      insufficient("policy.equality-included", later, {"policy.equality_and_diversity_included"},
                   [] { return with_policy(policy()); }),

      // An impact assessment of P1 completed by its decision on Monday 21 March 2016.
      decided("policy.equality-impact-assessed", Outcome::kCompliant, later, std::nullopt,
              [] { return with_policy(policy(), {impact_assessment()}); }),
      named("on_the_decision_day",
            decided("policy.equality-impact-assessed", Outcome::kCompliant, later, std::nullopt,
                    [] {
                      EqualityRecord r = impact_assessment();
                      r.adopted_on = D("2016-03-21");
                      return with_policy(policy(), {r});
                    })),
      // Completed the day after the decision: no evidence for it.
      decided("policy.equality-impact-assessed", Outcome::kBreach, later, std::nullopt,
              [] {
                EqualityRecord r = impact_assessment();
                r.adopted_on = D("2016-03-22");
                return with_policy(policy(), {r});
              }),
      named("of_another_policy",
            decided("policy.equality-impact-assessed", Outcome::kBreach, later, std::nullopt,
                    [] {
                      EqualityRecord r = impact_assessment();
                      r.policy = PolicyRef{"P2"};
                      return with_policy(policy(), {r});
                    })),
      // A case without equality records, one about the policy alone.
      inapplicable("policy.equality-impact-assessed", Inapplicability::kWhen, later,
                   [] { return with_policy(policy()); }),
      named("not_yet_decided",
            inapplicable("policy.equality-impact-assessed", Inapplicability::kWhen, later,
                         [] {
                           Policy p = policy();
                           p.decided_on = std::nullopt;
                           return with_policy(p, {impact_assessment()});
                         })),
      // An assessment of P1 without the day it was completed: before the decision or not is
      // unknown.
      insufficient("policy.equality-impact-assessed", later, {"equality_record.adopted_on"},
                   [] {
                     EqualityRecord r = impact_assessment();
                     r.adopted_on = std::nullopt;
                     return with_policy(policy(), {r});
                   }),

      // The council's own published policy "along with its action plan".
      decided("organisation.public-equality-policy", Outcome::kCompliant, later, std::nullopt,
              [] { return with_equality_records(policy_and_plan("sbc")); }),
      // The plan adopted and never published.
      decided("organisation.public-equality-policy", Outcome::kBreach, later, std::nullopt,
              [] {
                std::vector<EqualityRecord> records = policy_and_plan("sbc");
                records[1].published_on = std::nullopt;
                return with_equality_records(records);
              }),
      named("no_action_plan",
            decided("organisation.public-equality-policy", Outcome::kBreach, later, std::nullopt,
                    [] {
                      std::vector<EqualityRecord> records = policy_and_plan("sbc");
                      records.pop_back();
                      return with_equality_records(records);
                    })),
      inapplicable("organisation.public-equality-policy", Inapplicability::kWhen, later,
                   [] {
                     Case c = with_equality_records(policy_and_plan("sbc"));
                     c.organisations[0].compact_signatory = std::nullopt;
                     return c;
                   }),
      // The case carries only the VCS organisation's records: the council's are not in it.
      named("no_records_of_its_own",
            inapplicable("organisation.public-equality-policy", Inapplicability::kWhen, later,
                         [] { return with_equality_records(policy_and_plan("vcs")); })),
      // An impact assessment of a policy is not the council's own policy or plan.
      named("impact_assessment_only",
            inapplicable("organisation.public-equality-policy", Inapplicability::kWhen, later,
                         [] { return with_equality_records({impact_assessment()}); })),
      // A published policy whose organisation is not recorded: the council's or not is unknown.
      insufficient("organisation.public-equality-policy", later, {"equality_record.organisation"},
                   [] {
                     std::vector<EqualityRecord> records = policy_and_plan("sbc");
                     records.pop_back();
                     records[0].organisation = std::nullopt;
                     return with_equality_records(records);
                   }),

      // The VCS organisation's own policy or statement "along with its own action plan", adopted.
      decided("organisation.vcs-equality-policy", Outcome::kCompliant, later, std::nullopt,
              [] { return with_equality_records(policy_and_plan("vcs")); }),
      // Its plan drafted and not adopted.
      decided("organisation.vcs-equality-policy", Outcome::kBreach, later, std::nullopt,
              [] {
                std::vector<EqualityRecord> records = policy_and_plan("vcs");
                records[1].adopted_on = std::nullopt;
                records[1].published_on = std::nullopt;
                return with_equality_records(records);
              }),
      // One not recorded as signed up to the Compact is not held to it.
      inapplicable("organisation.vcs-equality-policy", Inapplicability::kWhen, later,
                   [] {
                     Case c = with_equality_records(policy_and_plan("vcs"));
                     c.organisations[1].compact_signatory = std::nullopt;
                     return c;
                   }),
      named("no_records_of_its_own",
            inapplicable("organisation.vcs-equality-policy", Inapplicability::kWhen, later,
                         [] { return with_equality_records(policy_and_plan("sbc")); })),
      insufficient("organisation.vcs-equality-policy", later, {"equality_record.organisation"},
                   [] {
                     std::vector<EqualityRecord> records = policy_and_plan("vcs");
                     records.pop_back();
                     records[0].organisation = std::nullopt;
                     return with_equality_records(records);
                   }),
  };
  return table;
}

class OutcomeOfPolicyRule : public ::testing::TestWithParam<Row> {};

TEST_P(OutcomeOfPolicyRule, IsTheOneTheCompactsWordsGive) { expect_row(GetParam()); }

INSTANTIATE_TEST_SUITE_P(StocktonOutcomes, OutcomeOfPolicyRule, ::testing::ValuesIn(rows()),
                         row_name);

// What each rule can give, read off its keys as docs/packs.md's "How a finding is decided" takes
// them. None has `explained_by` (nothing is explained) or `actual` (nothing is pending or overdue).
TEST(StocktonOutcomes, ThePolicyTableReachesEveryOutcomeEachRuleCanGiveAndNoOther) {
  using enum Outcome;
  const PossibleOutcomes can_give = {
      // No when or unless: always applies; met is a flag, true, false or not recorded.
      {"consultation.publicised", {kCompliant, kBreach, kInsufficientData}},
      // Likewise.
      {"consultation.methods-explained", {kCompliant, kBreach, kInsufficientData}},
      // Likewise.
      {"consultation.scope-explained", {kCompliant, kBreach, kInsufficientData}},
      // met is always decidable (an update's given_on is required, decided_on recorded under
      // `when`): only `when`'s flag can be insufficient.
      {"policy.progress-updates", {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // `when` asks only whether an assessment is recorded; met is a flag.
      {"policy.vcs-implications", {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // No when or unless; met is a flag.
      {"policy.equality-included", {kCompliant, kBreach, kInsufficientData}},
      // `when` asks whether things are recorded and counts, always known; met is insufficient where
      // an assessment's policy or completion is unrecorded.
      {"policy.equality-impact-assessed", {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // No arises; `when` defaults the signatory flag, and is insufficient where a record's
      // organisation is unrecorded.
      {"organisation.public-equality-policy",
       {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // Likewise.
      {"organisation.vcs-equality-policy",
       {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
  };
  expect_reaches_exactly(rows(), can_give);
}

}  // namespace
}  // namespace compact
