// The built-in Stockton pack's rules, each on both sides of what decides it: a flag true, false and
// not recorded; a date the day before, on and after its deadline, across a month's end and 29 February;
// the act not yet recorded before and after the deadline; the rule not applying. Each expected outcome
// is read off the Compact's words as the rule's comment in packs/stockton-2014.toml states them.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compact/engine/engine.hpp"
#include "gtest/gtest.h"
#include "support/cases.hpp"
#include "support/dates.hpp"
#include "support/findings.hpp"

namespace compact {
namespace {

using ::compact::testing::commission;
using ::compact::testing::D;
using ::compact::testing::with_commission;

using ::compact::testing::finding;
using ::compact::testing::stockton;

// A case of one consultation, C1, led by the council, open from `opens` to `closes`.
Case with_consultation(bool significant, Date opens, Date closes) {
  Consultation k = ::compact::testing::consultation();
  k.significant_effect_on_vcse = significant;
  k.opens_on = opens;
  k.closes_on = closes;
  return ::compact::testing::with_consultation(k);
}

// A rule whose `met` is a flag of a commission: true, false, not recorded, and not applying.
struct FlagCase {
  std::string rule;
  std::optional<bool> Commission::*flag;
  bool needs_tender;     // applies only once tender documents are published
  bool needs_agreement;  // applies only once a funding agreement is signed
  std::string field;     // as insufficient_data names it
};

class CommissionFlag : public ::testing::TestWithParam<FlagCase> {};

TEST_P(CommissionFlag, TrueFalseUnrecordedAndNotApplying) {
  const FlagCase& p = GetParam();
  Commission m = commission();
  if (p.needs_tender) m.tender_published_on = D("2015-11-02");
  if (p.needs_agreement) m.agreement_signed_on = D("2016-02-29");
  const Date as_of = D("2016-06-30");
  m.*p.flag = true;
  EXPECT_EQ(finding(with_commission(m), p.rule, "commissions[G1]", as_of).outcome,
            Outcome::kCompliant);
  m.*p.flag = false;
  EXPECT_EQ(finding(with_commission(m), p.rule, "commissions[G1]", as_of).outcome,
            Outcome::kBreach);
  m.*p.flag = std::nullopt;
  const Finding unrecorded = finding(with_commission(m), p.rule, "commissions[G1]", as_of);
  EXPECT_EQ(unrecorded.outcome, Outcome::kInsufficientData);
  EXPECT_EQ(unrecorded.missing_fields(), std::vector<std::string>{p.field});
  if (p.needs_tender || p.needs_agreement) {
    Commission without = commission();
    without.*p.flag = true;
    const Finding none = finding(with_commission(without), p.rule, "commissions[G1]", as_of);
    EXPECT_EQ(none.outcome, Outcome::kNotApplicable);
    EXPECT_EQ(none.inapplicability, Inapplicability::kWhen);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Stockton, CommissionFlag,
    ::testing::Values(
        FlagCase{"commission.tender-publicised", &Commission::tender_publicised_widely, true, false,
                 "commission.tender_publicised_widely"},
        FlagCase{"commission.assessment-criteria", &Commission::assessment_criteria_published, true,
                 false, "commission.assessment_criteria_published"},
        FlagCase{"commission.equality-conditions", &Commission::equality_conditions_included, false,
                 true, "commission.equality_conditions_included"}),
    [](const ::testing::TestParamInfo<FlagCase>& param) {
      std::string name = param.param.rule.substr(param.param.rule.find('.') + 1);
      std::erase(name, '-');
      return name;
    });

// The consultation's three flags, likewise: every consultation, whatever its effect on the sector.
TEST(StocktonRules, AConsultationIsPublicisedItsMethodsAndScopeExplained) {
  const struct {
    std::string rule;
    std::optional<bool> Consultation::*flag;
    std::string field;
  } flags[] = {
      {"consultation.publicised", &Consultation::publicised_widely,
       "consultation.publicised_widely"},
      {"consultation.methods-explained", &Consultation::methods_explained,
       "consultation.methods_explained"},
      {"consultation.scope-explained", &Consultation::scope_explained,
       "consultation.scope_explained"},
  };
  for (const auto& p : flags) {
    Case c = with_consultation(false, D("2015-12-21"), D("2016-03-14"));
    for (const std::optional<bool> value :
         {std::optional<bool>(true), std::optional<bool>(false), std::optional<bool>()}) {
      c.consultations[0].*p.flag = value;
      const Finding f = finding(c, p.rule, "consultations[C1]", D("2016-06-30"));
      EXPECT_EQ(f.outcome, !value   ? Outcome::kInsufficientData
                           : *value ? Outcome::kCompliant
                                    : Outcome::kBreach)
          << p.rule;
      EXPECT_EQ(f.arises, D("2015-12-21"));
      if (!value) {
        EXPECT_EQ(f.missing_fields(), std::vector<std::string>{p.field});
      }
    }
  }
}

// A rule whose act is due by a day the case records, and how to set that day and the act.
struct DueByRule {
  std::string rule;
  std::string entity;
  std::function<void(Commission&, Date)> set_day;
  std::function<void(Commission&, std::optional<Date>)> set_act;
};
// The act on or not yet by a day, as of a day, and what comes of it.
struct DueByCase {
  std::optional<Date> act;
  Date as_of;
  Outcome outcome;
  std::optional<int64_t> days, working_days;
};

// A commission with an ending and a performance issue, so that any rule above has its entity.
Commission commission_ending_with_an_issue() {
  Commission m = commission();
  m.ending = Ending();
  PerformanceIssue issue;
  issue.id = "P1";
  issue.identified_on = D("2016-01-11");
  m.performance_issues = {issue};
  return m;
}

void expect_due_by(const std::vector<DueByRule>& rules, Date day,
                   const std::vector<DueByCase>& cases) {
  for (const DueByRule& r : rules) {
    for (const DueByCase& k : cases) {
      Commission m = commission_ending_with_an_issue();
      r.set_day(m, day);
      r.set_act(m, k.act);
      const Finding f = finding(with_commission(m), r.rule, r.entity, k.as_of);
      EXPECT_EQ(f.outcome, k.outcome) << r.rule << " as of " << format_date(k.as_of);
      EXPECT_EQ(f.due, day) << r.rule;
      EXPECT_EQ(f.margin_days, k.days) << r.rule;
      EXPECT_EQ(f.margin_working_days, k.working_days) << r.rule;
    }
  }
}

// Exit strategies and the performance process, agreed by the time the funding agreement is signed:
// signed on Monday 29 February 2016, agreed the Sunday and the Friday before, on the day and the day
// after (1 March, across the month's end); not agreed yet, as of the signing day and the day after;
// the signing not recorded.
TEST(StocktonRules, WhatMustBeAgreedBySigningOnEachSideOfTheSigningDay) {
  const std::vector<DueByRule> rules = {
      {"commission.exit-strategy", "commissions[G1]",
       [](Commission& m, Date d) { m.agreement_signed_on = d; },
       [](Commission& m, std::optional<Date> d) { m.exit_strategy_agreed_on = d; }},
      {"commission.performance-process", "commissions[G1]",
       [](Commission& m, Date d) { m.agreement_signed_on = d; },
       [](Commission& m, std::optional<Date> d) { m.performance_process_agreed_on = d; }},
  };
  const Date signed_on = D("2016-02-29");
  expect_due_by(rules, signed_on,
                {
                    {D("2016-02-28"), D("2016-06-30"), Outcome::kCompliant, 1, 1},
                    {D("2016-02-26"), D("2016-06-30"), Outcome::kCompliant, 3, 1},
                    {signed_on, D("2016-06-30"), Outcome::kCompliant, 0, 0},
                    {D("2016-03-01"), D("2016-06-30"), Outcome::kBreach, -1, -1},
                    {std::nullopt, signed_on, Outcome::kPending, std::nullopt, std::nullopt},
                    {std::nullopt, D("2016-03-01"), Outcome::kOverdue, std::nullopt, std::nullopt},
                });
  for (const DueByRule& r : rules) {
    const Finding f = finding(with_commission(commission()), r.rule, r.entity, D("2016-06-30"));
    EXPECT_EQ(f.outcome, Outcome::kInsufficientData) << r.rule;
    EXPECT_EQ(f.missing_fields(), (std::vector<std::string>{"commission.agreement_signed_on"}))
        << r.rule;
  }
}

// Three acts due by a day the case records, each on both sides of that day (Thursday 31 March
// 2016, the day after in April, a week before across Good Friday and Easter Monday): the VCS involved
// by the day planning starts; resource implications discussed by the decision to end; a timetable to
// improve performance agreed by it.
TEST(StocktonRules, ActsDueByADayTheCaseRecords) {
  const Date day = D("2016-03-31");
  const std::vector<DueByRule> rules = {
      {"commission.vcs-involved-from-beginning", "commissions[G1]",
       [](Commission& m, Date d) { m.planning_started_on = d; },
       [](Commission& m, std::optional<Date> d) { m.vcs_involved_on = d; }},
      {"ending.resource-implications", "commissions[G1].ending",
       [](Commission& m, Date d) {
         m.ending->decided_on = d;
         m.ending->resource_restriction_known_on = D("2016-01-04");
       },
       [](Commission& m, std::optional<Date> d) { m.ending->implications_discussed_on = d; }},
      {"performance-issue.timetable-before-ending", "commissions[G1].performance_issues[P1]",
       [](Commission& m, Date d) { m.ending->decided_on = d; },
       [](Commission& m, std::optional<Date> d) {
         m.performance_issues.front().improvement_timetable_agreed_on = d;
       }},
  };
  expect_due_by(rules, day,
                {
                    {D("2016-03-30"), D("2016-06-30"), Outcome::kCompliant, 1, 1},
                    {D("2016-03-24"), D("2016-06-30"), Outcome::kCompliant, 7, 3},
                    {day, D("2016-06-30"), Outcome::kCompliant, 0, 0},
                    {D("2016-04-01"), D("2016-06-30"), Outcome::kBreach, -1, -1},
                    {std::nullopt, day, Outcome::kPending, std::nullopt, std::nullopt},
                    {std::nullopt, D("2016-04-01"), Outcome::kOverdue, std::nullopt, std::nullopt},
                });
  // Each applies only when its day is there to count to: no planning date, no decision, no
  // restriction; and an ending that only reduces is not a decision to end.
  Commission m = commission_ending_with_an_issue();
  for (const DueByRule& r : rules) {
    EXPECT_EQ(finding(with_commission(m), r.rule, r.entity, D("2016-06-30")).outcome,
              Outcome::kNotApplicable)
        << r.rule;
  }
  m.ending->decided_on = day;
  m.ending->kind = EndingKind::kReduce;
  EXPECT_EQ(finding(with_commission(m), rules[2].rule, rules[2].entity, D("2016-06-30")).outcome,
            Outcome::kNotApplicable);
}

// The due dates of the rules with numbers in them, worked out by hand from the Compact's words and
// GOV.UK's bank holidays, not by the engine: 30 working days across Christmas and across Easter and
// both May bank holidays, from a receipt on a weekend or a holiday; 12 weeks; three months back from
// a month's end, onto 29 February and where counting back naively gives another day; three years less
// a day from 29 February.
TEST(StocktonRules, DueDatesAsTheCompactCountsThem) {
  const auto payment_due = [](Date received) {
    Commission m = commission();
    m.payments = {compact::testing::invoice("INV-1", received, std::nullopt)};
    return finding(with_commission(m), "payment.on-time", "commissions[G1].payments[INV-1]",
                   D("2025-12-31"))
        .due;
  };
  // Fri 13 Dec 2024: 16-20, 23, 24, 27, 30, 31 Dec, 2, 3 Jan (12), then four weeks to 29 Jan.
  EXPECT_EQ(payment_due(D("2024-12-13")), D("2025-01-29"));
  EXPECT_EQ(payment_due(D("2024-12-14")), D("2025-01-29"));  // a Saturday: counting starts Monday
  // Boxing Day, a holiday: 27, 30, 31 Dec, 2, 3 Jan (5), then five weeks to Fri 7 Feb.
  EXPECT_EQ(payment_due(D("2024-12-26")), D("2025-02-07"));
  // Thu 17 Apr 2025: 22-25 Apr (4), 28 Apr-2 May (9), 6-9 May (13, 5 May a holiday), 12-23 May (23),
  // 27-30 May (27, 26 May a holiday), 2-4 Jun (30).
  EXPECT_EQ(payment_due(D("2025-04-17")), D("2025-06-04"));

  Case c = with_consultation(true, D("2025-01-06"), D("2025-03-30"));
  const Finding short_by_a_day =
      finding(c, "consultation.min-period", "consultations[C1]", D("2025-06-30"));
  EXPECT_EQ(short_by_a_day.due, D("2025-03-31"));  // the first day it may close: 12 weeks on
  EXPECT_EQ(short_by_a_day.outcome, Outcome::kBreach);
  EXPECT_EQ(short_by_a_day.margin_days, -1);
  c.consultations[0].closes_on = D("2025-03-31");
  EXPECT_EQ(finding(c, "consultation.min-period", "consultations[C1]", D("2025-06-30")).outcome,
            Outcome::kCompliant);

  const auto decision = [](Date start) {
    Commission m = commission();
    m.start_on = start;
    m.decision_notified_on = D("2015-01-05");
    return finding(with_commission(m), "commission.decision-notice", "commissions[G1]",
                   D("2016-12-31"));
  };
  // The last day from which three months reach no later than the start: 29 Feb 2016 for 31 May (1
  // March would reach 1 June); 31 March for 30 June, where 30 June less three months is 30 March.
  EXPECT_EQ(decision(D("2016-05-31")).due, D("2016-02-29"));
  EXPECT_FALSE(decision(D("2016-05-31")).boundary_sensitive);
  EXPECT_EQ(decision(D("2016-06-30")).due, D("2016-03-31"));
  EXPECT_TRUE(decision(D("2016-06-30")).boundary_sensitive);

  Commission ending = commission();
  ending.ending = Ending();
  ending.ending->ends_on = D("2017-06-30");
  ending.ending->notice_given_on = D("2017-03-31");
  const Finding notice = finding(with_commission(ending), "ending.notice-period",
                                 "commissions[G1].ending", D("2017-12-31"));
  EXPECT_EQ(notice.due, D("2017-03-31"));
  EXPECT_EQ(notice.outcome, Outcome::kCompliant);
  EXPECT_TRUE(notice.boundary_sensitive);
  ending.ending->notice_given_on = D("2017-04-01");
  EXPECT_EQ(finding(with_commission(ending), "ending.notice-period", "commissions[G1].ending",
                    D("2017-12-31"))
                .outcome,
            Outcome::kBreach);

  // Three years from 29 Feb 2016 end on 27 Feb 2019: 36 months on is 28 Feb (2019 has no 29th),
  // less a day.
  Commission term = commission();
  term.start_on = D("2016-02-29");
  term.end_on = D("2019-02-27");
  EXPECT_EQ(
      finding(with_commission(term), "commission.funding-term", "commissions[G1]", D("2016-06-30"))
          .outcome,
      Outcome::kCompliant);
  term.end_on = D("2019-02-26");
  EXPECT_EQ(
      finding(with_commission(term), "commission.funding-term", "commissions[G1]", D("2016-06-30"))
          .outcome,
      Outcome::kBreach);
  term.term_explanation = "Central government settles the fund for two years only.";
  EXPECT_EQ(
      finding(with_commission(term), "commission.funding-term", "commissions[G1]", D("2016-06-30"))
          .outcome,
      Outcome::kExplained);
}

// The Compact was in force from 1 September 2014 to 31 August 2017. A 2025 case is evaluated as any
// other, each finding marked outside the window and the report warning of them; strictly, those are
// not_applicable. An obligation that arose on 31 August 2017 is inside; on 1 September 2017, outside.
TEST(StocktonRules, TheInForceWindowMarksWhatAroseOutsideIt) {
  const auto payment = [](Date received, bool strict) {
    Commission m = commission();
    m.payments = {
        compact::testing::invoice("INV-1", received, received + boost::gregorian::days(10))};
    static const Engine strict_engine = *Engine::with_default_pack({.strict_in_force = true});
    const Case c = with_commission(m);
    const Report report = *(strict ? strict_engine : stockton()).evaluate(c, D("2026-01-30"));
    for (const Finding& f : report.findings) {
      if (f.rule->id == "payment.on-time") return std::make_pair(f, report.outside_in_force);
    }
    return std::make_pair(Finding(), size_t{0});
  };
  const auto [in_2025, outside_2025] = payment(D("2025-03-03"), false);
  EXPECT_EQ(in_2025.outcome, Outcome::kCompliant);
  EXPECT_TRUE(in_2025.outside_in_force);
  EXPECT_GT(outside_2025, 0u);
  EXPECT_NE(in_force_warning(outside_2025).find("outside their pack's in-force window"),
            std::string::npos);
  const auto [strict_2025, strict_count] = payment(D("2025-03-03"), true);
  EXPECT_EQ(strict_2025.outcome, Outcome::kNotApplicable);
  EXPECT_EQ(strict_2025.inapplicability, Inapplicability::kOutsideInForce);
  EXPECT_FALSE(payment(D("2017-08-31"), true).first.outside_in_force);
  EXPECT_EQ(payment(D("2017-08-31"), true).first.outcome, Outcome::kCompliant);
  EXPECT_TRUE(payment(D("2017-09-01"), false).first.outside_in_force);
  EXPECT_FALSE(payment(D("2014-09-01"), false).first.outside_in_force);
  EXPECT_TRUE(payment(D("2014-08-29"), false).first.outside_in_force);
}

// The Compact's own exceptions: a pay-by date agreed instead of 30 working days; less than three
// months' notice from central government (its funding ending 31 March 2017, whose latest start for
// three months is 31 December 2016); an underspend rule for grants, not contracts; notice for an end,
// not a reduction.
TEST(StocktonRules, TheCompactsOwnExceptions) {
  Commission m = commission();
  Payment agreed = compact::testing::invoice("INV-1", D("2025-01-02"), D("2025-03-31"));
  agreed.alternative_terms_agreed = true;
  agreed.agreed_pay_by = D("2025-03-31");
  m.payments = {agreed};
  const Finding on_the_day = finding(with_commission(m), "payment.on-time",
                                     "commissions[G1].payments[INV-1]", D("2025-12-31"));
  EXPECT_EQ(on_the_day.due, D("2025-03-31"));
  EXPECT_EQ(on_the_day.outcome, Outcome::kCompliant);
  m.payments[0].paid_on = D("2025-04-01");
  EXPECT_EQ(finding(with_commission(m), "payment.on-time", "commissions[G1].payments[INV-1]",
                    D("2025-12-31"))
                .outcome,
            Outcome::kBreach);

  Commission ending = commission();
  ending.ending = Ending();
  ending.ending->ends_on = D("2017-03-31");
  ending.ending->notice_given_on = D("2017-02-01");  // two months: short of three
  ending.ending->central_government_funding_ends_on = D("2017-03-31");
  const auto notice = [&](Date government_notice) {
    Commission with = ending;
    with.ending->central_government_notice_received_on = government_notice;
    return finding(with_commission(with), "ending.notice-period", "commissions[G1].ending",
                   D("2017-06-30"));
  };
  EXPECT_EQ(notice(D("2017-01-03")).outcome, Outcome::kNotApplicable);
  EXPECT_EQ(notice(D("2017-01-03")).inapplicability, Inapplicability::kUnless);
  // Central government's notice on 31 December is three months': no exception, and two is short.
  EXPECT_EQ(notice(D("2016-12-31")).outcome, Outcome::kBreach);
  ending.ending->kind = EndingKind::kReduce;
  EXPECT_EQ(finding(with_commission(ending), "ending.notice-period", "commissions[G1].ending",
                    D("2017-06-30"))
                .inapplicability,
            Inapplicability::kWhen);

  Commission contract = commission();
  contract.approach = Approach::kContract;
  contract.underspend_terms_agreed = false;
  EXPECT_EQ(finding(with_commission(contract), "commission.underspend", "commissions[G1]",
                    D("2016-06-30"))
                .outcome,
            Outcome::kNotApplicable);
  contract.approach = Approach::kGrant;
  EXPECT_EQ(finding(with_commission(contract), "commission.underspend", "commissions[G1]",
                    D("2016-06-30"))
                .outcome,
            Outcome::kBreach);
}

// A clear rationale for the approach: recorded (even one word) or not, or recorded empty or as
// white space alone (spaces and a line break, a word processor's no-break space).
TEST(StocktonRules, TheApproachHasARationale) {
  Commission m = commission();
  m.approach_rationale = "Grant: the larder designs the service with its users.";
  EXPECT_EQ(finding(with_commission(m), "commission.approach-rationale", "commissions[G1]",
                    D("2016-06-30"))
                .outcome,
            Outcome::kCompliant);
  for (const char* none : {"", "  \n\t", "\u00A0 \u3000"}) {
    m.approach_rationale = none;
    EXPECT_EQ(finding(with_commission(m), "commission.approach-rationale", "commissions[G1]",
                      D("2016-06-30"))
                  .outcome,
              Outcome::kBreach)
        << '"' << none << '"';
  }
  m.approach_rationale = std::nullopt;
  const Finding f = finding(with_commission(m), "commission.approach-rationale", "commissions[G1]",
                            D("2016-06-30"));
  EXPECT_EQ(f.outcome, Outcome::kInsufficientData);
  EXPECT_EQ(f.missing_fields(), std::vector<std::string>{"commission.approach_rationale"});
}

// A payment in advance records the clear need for it; one in arrears is not this rule's.
TEST(StocktonRules, APaymentInAdvanceRecordsItsNeed) {
  Commission m = commission();
  Payment advance;
  advance.id = "ADV-1";
  advance.kind = PaymentKind::kGrantClaim;
  advance.in_advance = true;
  advance.paid_on = D("2016-04-01");
  Payment arrears = advance;
  arrears.id = "INV-1";
  arrears.in_advance = std::nullopt;
  arrears.received_on = D("2016-05-03");
  const auto outcome = [&](std::optional<std::string> need, const Payment& p) {
    Commission with = m;
    Payment paid = p;
    paid.in_advance_need = std::move(need);
    with.payments = {paid};
    return finding(with_commission(with), "payment.advance-need",
                   "commissions[G1].payments[" + paid.id + "]", D("2016-06-30"))
        .outcome;
  };
  EXPECT_EQ(outcome("Rent and food for the first quarter, before any claim", advance),
            Outcome::kCompliant);
  EXPECT_EQ(outcome("", advance), Outcome::kBreach);
  EXPECT_EQ(outcome(std::nullopt, advance), Outcome::kInsufficientData);
  EXPECT_EQ(outcome(std::nullopt, arrears), Outcome::kNotApplicable);
}

// A variation is agreed with its financial implications: agreed with them, without them, not yet
// agreed (no deadline: still to come), and agreed with them not recorded.
TEST(StocktonRules, AVariationIsAgreedWithItsFinancialImplications) {
  Commission m = commission();
  Variation v;
  v.id = "V1";
  v.proposed_on = D("2016-09-30");
  const auto decided = [&](std::optional<Date> agreed, std::optional<bool> money) {
    Variation with = v;
    with.agreed_on = agreed;
    with.financial_implications_agreed = money;
    Commission c = m;
    c.variations = {with};
    return finding(with_commission(c), "variation.agreed", "commissions[G1].variations[V1]",
                   D("2016-12-30"));
  };
  EXPECT_EQ(decided(D("2016-10-14"), true).outcome, Outcome::kCompliant);
  EXPECT_EQ(decided(D("2016-10-14"), false).outcome, Outcome::kBreach);
  EXPECT_EQ(decided(std::nullopt, std::nullopt).outcome, Outcome::kPending);
  const Finding unrecorded = decided(D("2016-10-14"), std::nullopt);
  EXPECT_EQ(unrecorded.outcome, Outcome::kInsufficientData);
  EXPECT_EQ(unrecorded.missing_fields(),
            std::vector<std::string>{"variation.financial_implications_agreed"});
  EXPECT_EQ(decided(D("2016-10-14"), true).arises, D("2016-09-30"));
}

}  // namespace
}  // namespace compact
