// Every outcome each of Stockton's commissioning rules not tabled in stockton_outcomes_test.cpp can
// give (commissions, payments in advance, variations, performance problems, endings and change
// notices), each reached by a case built here, with its due date worked out by hand from the
// Compact's words and GOV.UK's England and Wales bank holidays, not by the engine; and a check that
// the table reaches exactly the outcomes argued possible for each rule. Where the Compact gives no
// figure (planning_lead_time, tender_period, change_notice_period) the rule is insufficient_data
// naming the parameter, and its other outcomes are reached with the parameter set as a council
// would. All obligations arise inside the Compact's in-force window (1 September 2014 to 31 August
// 2017).

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

using ::compact::testing::change_notice;
using ::compact::testing::commission;
using ::compact::testing::D;
using ::compact::testing::ending;
using ::compact::testing::invoice;
using ::compact::testing::performance_issue;
using ::compact::testing::variation;
using ::compact::testing::with_change_notice;
using ::compact::testing::with_commission;
using ::compact::testing::with_ending;
using ::compact::testing::with_payment;
using ::compact::testing::with_performance_issue;
using ::compact::testing::with_variation;

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

// commission() with its tender documents published on Monday 30 November 2015.
Commission tendered() {
  Commission m = commission();
  m.tender_published_on = D("2015-11-30");
  return m;
}

// commission() with its funding agreement signed on `signed_on`.
Commission signed_on(Date day) {
  Commission m = commission();
  m.agreement_signed_on = day;
  return m;
}

// An invoice paid in advance of expenditure: received on Monday 1 February 2016, paid on Tuesday 1
// March 2016, for the clear need recorded.
Payment advance() {
  Payment p = invoice("INV-1", D("2016-02-01"), D("2016-03-01"));
  p.in_advance = true;
  p.in_advance_need = "The group has no reserves to buy equipment before the project starts.";
  return p;
}

// What the Compact leaves to the partners, as a council might set it.
Parameters three_months_planning() { return {{"planning_lead_time", "3 months"}}; }
Parameters six_weeks_to_tender() { return {{"tender_period", "6 weeks"}}; }
Parameters ten_working_days_notice() { return {{"change_notice_period", "10 working days"}}; }

const std::vector<Row>& rows() {
  // After every act any case below records: what has happened has happened.
  const Date later = D("2017-06-30");
  static const std::vector<Row> table = {
      // "involved from the beginning": by the day planning began, Monday 1 June 2015.
      decided("commission.vcs-involved-from-beginning", Outcome::kCompliant, later, D("2015-06-01"),
              [] {
                Commission m = commission();
                m.planning_started_on = D("2015-06-01");
                m.vcs_involved_on = D("2015-06-01");
                return with_commission(m);
              }),
      decided("commission.vcs-involved-from-beginning", Outcome::kBreach, later, D("2015-06-01"),
              [] {
                Commission m = commission();
                m.planning_started_on = D("2015-06-01");
                m.vcs_involved_on = D("2015-06-02");
                return with_commission(m);
              }),
      decided("commission.vcs-involved-from-beginning", Outcome::kPending, D("2015-06-01"),
              D("2015-06-01"),
              [] {
                Commission m = commission();
                m.planning_started_on = D("2015-06-01");
                return with_commission(m);
              }),
      decided("commission.vcs-involved-from-beginning", Outcome::kOverdue, D("2015-06-02"),
              D("2015-06-01"),
              [] {
                Commission m = commission();
                m.planning_started_on = D("2015-06-01");
                return with_commission(m);
              }),
      inapplicable("commission.vcs-involved-from-beginning", Inapplicability::kWhen, later,
                   [] {
                     Commission m = commission();
                     m.vcs_involved_on = D("2015-06-01");
                     return with_commission(m);
                   }),

      // "A clear rationale should be provided for the decision": white space is none.
      decided("commission.approach-rationale", Outcome::kCompliant, later, std::nullopt,
              [] {
                Commission m = commission();
                m.approach_rationale = "A grant lets a small group shape the service itself.";
                return with_commission(m);
              }),
      decided("commission.approach-rationale", Outcome::kBreach, later, std::nullopt,
              [] {
                Commission m = commission();
                m.approach_rationale = " \t";
                return with_commission(m);
              }),
      insufficient("commission.approach-rationale", later, {"commission.approach_rationale"},
                   [] { return with_commission(commission()); }),

      // Tender documents "Publicised widely", once published.
      decided("commission.tender-publicised", Outcome::kCompliant, later, std::nullopt,
              [] {
                Commission m = tendered();
                m.tender_publicised_widely = true;
                return with_commission(m);
              }),
      decided("commission.tender-publicised", Outcome::kBreach, later, std::nullopt,
              [] {
                Commission m = tendered();
                m.tender_publicised_widely = false;
                return with_commission(m);
              }),
      inapplicable("commission.tender-publicised", Inapplicability::kWhen, later,
                   [] {
                     Commission m = commission();
                     m.tender_publicised_widely = false;
                     return with_commission(m);
                   }),
      insufficient("commission.tender-publicised", later, {"commission.tender_publicised_widely"},
                   [] { return with_commission(tendered()); }),

      // "Be clear about how applications or tenders will be assessed", once published.
      decided("commission.assessment-criteria", Outcome::kCompliant, later, std::nullopt,
              [] {
                Commission m = tendered();
                m.assessment_criteria_published = true;
                return with_commission(m);
              }),
      decided("commission.assessment-criteria", Outcome::kBreach, later, std::nullopt,
              [] {
                Commission m = tendered();
                m.assessment_criteria_published = false;
                return with_commission(m);
              }),
      inapplicable("commission.assessment-criteria", Inapplicability::kWhen, later,
                   [] {
                     Commission m = commission();
                     m.assessment_criteria_published = false;
                     return with_commission(m);
                   }),
      insufficient("commission.assessment-criteria", later,
                   {"commission.assessment_criteria_published"},
                   [] { return with_commission(tendered()); }),

      // Exit strategies "from the outset": agreed by the signing, Monday 14 March 2016.
      decided("commission.exit-strategy", Outcome::kCompliant, later, D("2016-03-14"),
              [] {
                Commission m = signed_on(D("2016-03-14"));
                m.exit_strategy_agreed_on = D("2016-03-14");
                return with_commission(m);
              }),
      decided("commission.exit-strategy", Outcome::kBreach, later, D("2016-03-14"),
              [] {
                Commission m = signed_on(D("2016-03-14"));
                m.exit_strategy_agreed_on = D("2016-03-15");
                return with_commission(m);
              }),
      decided("commission.exit-strategy", Outcome::kPending, D("2016-03-14"), D("2016-03-14"),
              [] { return with_commission(signed_on(D("2016-03-14"))); }),
      decided("commission.exit-strategy", Outcome::kOverdue, D("2016-03-15"), D("2016-03-14"),
              [] { return with_commission(signed_on(D("2016-03-14"))); }),
      // Agreed, but the signing it must come by is not recorded.
      insufficient("commission.exit-strategy", later, {"commission.agreement_signed_on"},
                   [] {
                     Commission m = commission();
                     m.exit_strategy_agreed_on = D("2016-03-01");
                     return with_commission(m);
                   }),
      // Neither recorded: the day it is due by is not known (not agreeing is not missing data).
      named("nothing_recorded",
            insufficient("commission.exit-strategy", later, {"commission.agreement_signed_on"},
                         [] { return with_commission(commission()); })),

      // A process for managing performance agreed "before signing": by Thursday 31 March 2016.
      decided("commission.performance-process", Outcome::kCompliant, later, D("2016-03-31"),
              [] {
                Commission m = signed_on(D("2016-03-31"));
                m.performance_process_agreed_on = D("2016-03-24");
                return with_commission(m);
              }),
      named("on_the_signing_day",
            decided("commission.performance-process", Outcome::kCompliant, later, D("2016-03-31"),
                    [] {
                      Commission m = signed_on(D("2016-03-31"));
                      m.performance_process_agreed_on = D("2016-03-31");
                      return with_commission(m);
                    })),
      // The day after, across the month's end.
      decided("commission.performance-process", Outcome::kBreach, later, D("2016-03-31"),
              [] {
                Commission m = signed_on(D("2016-03-31"));
                m.performance_process_agreed_on = D("2016-04-01");
                return with_commission(m);
              }),
      decided("commission.performance-process", Outcome::kPending, D("2016-03-31"), D("2016-03-31"),
              [] { return with_commission(signed_on(D("2016-03-31"))); }),
      decided("commission.performance-process", Outcome::kOverdue, D("2016-04-01"), D("2016-03-31"),
              [] { return with_commission(signed_on(D("2016-03-31"))); }),
      insufficient("commission.performance-process", later, {"commission.agreement_signed_on"},
                   [] {
                     Commission m = commission();
                     m.performance_process_agreed_on = D("2016-03-24");
                     return with_commission(m);
                   }),

      // Paid in advance "where there is a clear need": the need recorded.
      decided("payment.advance-need", Outcome::kCompliant, later, std::nullopt,
              [] { return with_payment(advance()); }),
      decided("payment.advance-need", Outcome::kBreach, later, std::nullopt,
              [] {
                Payment p = advance();
                p.in_advance_need = "";
                return with_payment(p);
              }),
      // "a clear need": white space states none.
      named("blank", decided("payment.advance-need", Outcome::kBreach, later, std::nullopt,
                             [] {
                               Payment p = advance();
                               p.in_advance_need = " \u00A0";
                               return with_payment(p);
                             })),
      // Paid in arrears: no need to show.
      inapplicable("payment.advance-need", Inapplicability::kWhen, later,
                   [] {
                     Payment p = advance();
                     p.in_advance = false;
                     p.in_advance_need = std::nullopt;
                     return with_payment(p);
                   }),
      named("in_advance_unrecorded",
            inapplicable("payment.advance-need", Inapplicability::kWhen, later,
                         [] {
                           Payment p = advance();
                           p.in_advance = std::nullopt;
                           p.in_advance_need = std::nullopt;
                           return with_payment(p);
                         })),
      insufficient("payment.advance-need", later, {"payment.in_advance_need"},
                   [] {
                     Payment p = advance();
                     p.in_advance_need = std::nullopt;
                     return with_payment(p);
                   }),

      // "discussed and agreed, including any financial implications": proposed on Monday 6 June
      // 2016; no deadline.
      decided("variation.agreed", Outcome::kCompliant, later, std::nullopt,
              [] {
                Variation v = variation();
                v.agreed_on = D("2016-06-20");
                v.financial_implications_agreed = true;
                return with_variation(v);
              }),
      decided("variation.agreed", Outcome::kBreach, later, std::nullopt,
              [] {
                Variation v = variation();
                v.agreed_on = D("2016-06-20");
                v.financial_implications_agreed = false;
                return with_variation(v);
              }),
      decided("variation.agreed", Outcome::kPending, later, std::nullopt,
              [] { return with_variation(variation()); }),
      // Agreed on the 20th has not been agreed as of the 19th.
      named("agreed_after_as_of",
            decided("variation.agreed", Outcome::kPending, D("2016-06-19"), std::nullopt,
                    [] {
                      Variation v = variation();
                      v.agreed_on = D("2016-06-20");
                      v.financial_implications_agreed = true;
                      return with_variation(v);
                    })),
      insufficient("variation.agreed", later, {"variation.financial_implications_agreed"},
                   [] {
                     Variation v = variation();
                     v.agreed_on = D("2016-06-20");
                     return with_variation(v);
                   }),

      // A timetable to improve, for problems found on Monday 4 July 2016, agreed "before making a
      // decision to end": by the decision, Monday 31 October 2016.
      decided("performance-issue.timetable-before-ending", Outcome::kCompliant, later,
              D("2016-10-31"),
              [] {
                PerformanceIssue i = performance_issue();
                i.improvement_timetable_agreed_on = D("2016-10-31");
                return with_performance_issue(i, ending());
              }),
      decided("performance-issue.timetable-before-ending", Outcome::kBreach, later, D("2016-10-31"),
              [] {
                PerformanceIssue i = performance_issue();
                i.improvement_timetable_agreed_on = D("2016-11-01");
                return with_performance_issue(i, ending());
              }),
      decided("performance-issue.timetable-before-ending", Outcome::kPending, D("2016-10-31"),
              D("2016-10-31"),
              [] { return with_performance_issue(performance_issue(), ending()); }),
      decided("performance-issue.timetable-before-ending", Outcome::kOverdue, D("2016-11-01"),
              D("2016-10-31"),
              [] { return with_performance_issue(performance_issue(), ending()); }),
      // No decision to end.
      inapplicable("performance-issue.timetable-before-ending", Inapplicability::kWhen, later,
                   [] { return with_performance_issue(performance_issue(), std::nullopt); }),
      // A decision to reduce is not one "to end a financial relationship".
      named("reduce",
            inapplicable("performance-issue.timetable-before-ending", Inapplicability::kWhen, later,
                         [] {
                           Ending e = ending();
                           e.kind = EndingKind::kReduce;
                           return with_performance_issue(performance_issue(), e);
                         })),
      // Problems found on Monday 14 November 2016, after the decision: they could not have been
      // discussed before it. Found on the day of the decision, they could.
      named("found_after_decision",
            inapplicable("performance-issue.timetable-before-ending", Inapplicability::kWhen, later,
                         [] {
                           PerformanceIssue i = performance_issue();
                           i.identified_on = D("2016-11-14");
                           return with_performance_issue(i, ending());
                         })),
      named("found_on_decision_day", decided("performance-issue.timetable-before-ending",
                                             Outcome::kOverdue, later, D("2016-10-31"),
                                             [] {
                                               PerformanceIssue i = performance_issue();
                                               i.identified_on = D("2016-10-31");
                                               return with_performance_issue(i, ending());
                                             })),
      insufficient("performance-issue.timetable-before-ending", later,
                   {"performance_issue.identified_on"},
                   [] {
                     PerformanceIssue i = performance_issue();
                     i.identified_on = std::nullopt;
                     return with_performance_issue(i, ending());
                   }),

      // Restrictions known on Thursday 1 September 2016, discussed "as early as possible": by the
      // decision, Monday 31 October 2016.
      decided("ending.resource-implications", Outcome::kCompliant, later, D("2016-10-31"),
              [] {
                Ending e = ending();
                e.resource_restriction_known_on = D("2016-09-01");
                e.implications_discussed_on = D("2016-09-12");
                return with_ending(e);
              }),
      decided("ending.resource-implications", Outcome::kBreach, later, D("2016-10-31"),
              [] {
                Ending e = ending();
                e.resource_restriction_known_on = D("2016-09-01");
                e.implications_discussed_on = D("2016-11-01");
                return with_ending(e);
              }),
      decided("ending.resource-implications", Outcome::kPending, D("2016-10-31"), D("2016-10-31"),
              [] {
                Ending e = ending();
                e.resource_restriction_known_on = D("2016-09-01");
                return with_ending(e);
              }),
      decided("ending.resource-implications", Outcome::kOverdue, D("2016-11-01"), D("2016-10-31"),
              [] {
                Ending e = ending();
                e.resource_restriction_known_on = D("2016-09-01");
                return with_ending(e);
              }),
      inapplicable("ending.resource-implications", Inapplicability::kWhen, later,
                   [] { return with_ending(ending()); }),
      // Learned on Tuesday 15 November 2016, after the decision: no day to judge against.
      named("known_after_decision",
            inapplicable("ending.resource-implications", Inapplicability::kWhen, later,
                         [] {
                           Ending e = ending();
                           e.resource_restriction_known_on = D("2016-11-15");
                           return with_ending(e);
                         })),
      insufficient("ending.resource-implications", later, {"ending.decided_on"},
                   [] {
                     Ending e = ending();
                     e.resource_restriction_known_on = D("2016-09-01");
                     e.decided_on = std::nullopt;
                     return with_ending(e);
                   }),

      // Planning "well in advance" of a start on Monday 29 February 2016, three months as set: by
      // Monday 30 November 2015, the latest day from which three months reach no later than the
      // start (30 November + 3 months is 29 February, February having no 30th; 1 December + 3
      // months is 1 March). Counting back naively, 29 February - 3 months, gives 29 November.
      given(three_months_planning(),
            decided("commission.planning-lead-time", Outcome::kCompliant, later, D("2015-11-30"),
                    [] {
                      Commission m = commission();
                      m.start_on = D("2016-02-29");
                      m.planning_started_on = D("2015-11-30");
                      return with_commission(m);
                    })),
      given(three_months_planning(),
            named("day_before", decided("commission.planning-lead-time", Outcome::kCompliant, later,
                                        D("2015-11-30"),
                                        [] {
                                          Commission m = commission();
                                          m.start_on = D("2016-02-29");
                                          m.planning_started_on = D("2015-11-29");
                                          return with_commission(m);
                                        }))),
      given(three_months_planning(),
            decided("commission.planning-lead-time", Outcome::kBreach, later, D("2015-11-30"),
                    [] {
                      Commission m = commission();
                      m.start_on = D("2016-02-29");
                      m.planning_started_on = D("2015-12-01");
                      return with_commission(m);
                    })),
      given(three_months_planning(), decided("commission.planning-lead-time", Outcome::kPending,
                                             D("2015-11-30"), D("2015-11-30"),
                                             [] {
                                               Commission m = commission();
                                               m.start_on = D("2016-02-29");
                                               return with_commission(m);
                                             })),
      given(three_months_planning(), decided("commission.planning-lead-time", Outcome::kOverdue,
                                             D("2015-12-01"), D("2015-11-30"),
                                             [] {
                                               Commission m = commission();
                                               m.start_on = D("2016-02-29");
                                               return with_commission(m);
                                             })),
      // No start to plan ahead of.
      given(three_months_planning(),
            inapplicable("commission.planning-lead-time", Inapplicability::kWhen, later,
                         [] {
                           Commission m = commission();
                           m.start_on = std::nullopt;
                           m.planning_started_on = D("2015-11-30");
                           return with_commission(m);
                         })),
      // "Well in advance", with no figure set: never a guess.
      insufficient("commission.planning-lead-time", later, {"planning_lead_time"},
                   [] {
                     Commission m = commission();
                     m.start_on = D("2016-02-29");
                     m.planning_started_on = D("2015-11-30");
                     return with_commission(m);
                   }),

      // "embed the principles of social value in procurement", for a grant starting 1 April 2016.
      decided("commission.social-value", Outcome::kCompliant, later, std::nullopt,
              [] {
                Commission m = commission();
                m.social_value_considered = true;
                return with_commission(m);
              }),
      decided("commission.social-value", Outcome::kBreach, later, std::nullopt,
              [] {
                Commission m = commission();
                m.social_value_considered = false;
                return with_commission(m);
              }),
      insufficient("commission.social-value", later, {"commission.social_value_considered"},
                   [] { return with_commission(commission()); }),

      // "Where conflicts arise with European regulations, discuss": a discussion recorded or none.
      decided("commission.european-conflicts-discussed", Outcome::kCompliant, later, std::nullopt,
              [] {
                Commission m = commission();
                m.european_funding = true;
                m.european_regulation_conflicts = true;
                m.european_conflicts_discussed_on = D("2016-02-08");
                return with_commission(m);
              }),
      decided("commission.european-conflicts-discussed", Outcome::kBreach, later, std::nullopt,
              [] {
                Commission m = commission();
                m.european_funding = true;
                m.european_regulation_conflicts = true;
                return with_commission(m);
              }),
      // A discussion on 1 September 2016 has not happened as of 30 June.
      named("discussed_after_as_of", decided("commission.european-conflicts-discussed",
                                             Outcome::kBreach, D("2016-06-30"), std::nullopt,
                                             [] {
                                               Commission m = commission();
                                               m.european_funding = true;
                                               m.european_regulation_conflicts = true;
                                               m.european_conflicts_discussed_on = D("2016-09-01");
                                               return with_commission(m);
                                             })),
      inapplicable("commission.european-conflicts-discussed", Inapplicability::kWhen, later,
                   [] {
                     Commission m = commission();
                     m.european_funding = true;
                     m.european_regulation_conflicts = false;
                     return with_commission(m);
                   }),
      // A commission that records no conflict had none to discuss.
      named("conflicts_unrecorded",
            inapplicable("commission.european-conflicts-discussed", Inapplicability::kWhen, later,
                         [] { return with_commission(commission()); })),

      // "Appropriate time ... to apply", six weeks as set, from publication on Monday 30 November
      // 2015: the first day the tender may close is Monday 11 January 2016 (weeks count every day,
      // Christmas and New Year's Day among them).
      given(six_weeks_to_tender(),
            decided("commission.tender-period", Outcome::kCompliant, later, D("2016-01-11"),
                    [] {
                      Commission m = tendered();
                      m.tender_closes_on = D("2016-01-11");
                      return with_commission(m);
                    })),
      given(six_weeks_to_tender(),
            named("day_after",
                  decided("commission.tender-period", Outcome::kCompliant, later, D("2016-01-11"),
                          [] {
                            Commission m = tendered();
                            m.tender_closes_on = D("2016-01-12");
                            return with_commission(m);
                          }))),
      given(six_weeks_to_tender(),
            decided("commission.tender-period", Outcome::kBreach, later, D("2016-01-11"),
                    [] {
                      Commission m = tendered();
                      m.tender_closes_on = D("2016-01-10");
                      return with_commission(m);
                    })),
      // A closing day not yet set has not fallen short of a minimum, however late.
      given(six_weeks_to_tender(),
            decided("commission.tender-period", Outcome::kPending, later, D("2016-01-11"),
                    [] { return with_commission(tendered()); })),
      given(six_weeks_to_tender(),
            inapplicable("commission.tender-period", Inapplicability::kWhen, later,
                         [] {
                           Commission m = commission();
                           m.tender_closes_on = D("2016-01-11");
                           return with_commission(m);
                         })),
      insufficient("commission.tender-period", later, {"tender_period"},
                   [] {
                     Commission m = tendered();
                     m.tender_closes_on = D("2016-01-11");
                     return with_commission(m);
                   }),

      // "Review programmes and services ... to inform future practice": after the end, Tuesday 28
      // February 2017; no deadline.
      decided("commission.reviewed-with-vcs", Outcome::kCompliant, later, std::nullopt,
              [] {
                Commission m = commission();
                m.ending = ending();
                m.reviewed_with_vcs_on = D("2017-04-03");
                return with_commission(m);
              }),
      decided("commission.reviewed-with-vcs", Outcome::kPending, later, std::nullopt,
              [] { return with_ending(ending()); }),
      // Reviewed on 3 April has not been reviewed as of 31 March.
      named("reviewed_after_as_of", decided("commission.reviewed-with-vcs", Outcome::kPending,
                                            D("2017-03-31"), std::nullopt,
                                            [] {
                                              Commission m = commission();
                                              m.ending = ending();
                                              m.reviewed_with_vcs_on = D("2017-04-03");
                                              return with_commission(m);
                                            })),
      // With no ending recorded, the funded term's own last day, Friday 31 March 2017.
      named("by_its_term",
            decided("commission.reviewed-with-vcs", Outcome::kPending, later, std::nullopt,
                    [] {
                      Commission m = commission();
                      m.end_on = D("2017-03-31");
                      return with_commission(m);
                    })),
      // On its last day it has not yet ended.
      inapplicable("commission.reviewed-with-vcs", Inapplicability::kWhen, D("2017-02-28"),
                   [] { return with_ending(ending()); }),
      // A reduction from Tuesday 28 February 2017 does not end the commission, which runs to 31
      // March 2019: there is nothing to review yet.
      named("reduced", inapplicable("commission.reviewed-with-vcs", Inapplicability::kWhen, later,
                                    [] {
                                      Ending e = ending();
                                      e.kind = EndingKind::kReduce;
                                      return with_ending(e);
                                    })),
      named("no_end_recorded",
            inapplicable("commission.reviewed-with-vcs", Inapplicability::kWhen, later,
                         [] {
                           Commission m = commission();
                           m.end_on = std::nullopt;
                           return with_commission(m);
                         })),

      // "Be clear which organisation is the accountable body in ... consortia".
      decided("commission.accountable-body", Outcome::kCompliant, later, std::nullopt,
              [] {
                Commission m = commission();
                m.consortium = true;
                m.accountable_body = OrganisationRef{"vcs"};
                return with_commission(m);
              }),
      decided("commission.accountable-body", Outcome::kBreach, later, std::nullopt,
              [] {
                Commission m = commission();
                m.consortium = true;
                return with_commission(m);
              }),
      inapplicable("commission.accountable-body", Inapplicability::kWhen, later,
                   [] {
                     Commission m = commission();
                     m.consortium = false;
                     return with_commission(m);
                   }),
      named("consortium_unrecorded",
            inapplicable("commission.accountable-body", Inapplicability::kWhen, later,
                         [] { return with_commission(commission()); })),

      // "Early notice", ten working days as set, of a change on Thursday 17 March 2016: Friday 18
      // (1), 21-24 (5), Good Friday 25 and Easter Monday 28 skipped, 29-31 (8), Friday 1 April (9),
      // Monday 4 April 2016 (10).
      given(ten_working_days_notice(),
            decided("change-notice.early", Outcome::kCompliant, later, D("2016-04-04"),
                    [] {
                      ChangeNotice n = change_notice();
                      n.notified_on = D("2016-04-04");
                      return with_change_notice(n);
                    })),
      given(ten_working_days_notice(),
            named("day_before",
                  decided("change-notice.early", Outcome::kCompliant, later, D("2016-04-04"),
                          [] {
                            ChangeNotice n = change_notice();
                            n.notified_on = D("2016-04-01");
                            return with_change_notice(n);
                          }))),
      given(ten_working_days_notice(),
            decided("change-notice.early", Outcome::kBreach, later, D("2016-04-04"),
                    [] {
                      ChangeNotice n = change_notice();
                      n.notified_on = D("2016-04-05");
                      return with_change_notice(n);
                    })),
      given(ten_working_days_notice(),
            decided("change-notice.early", Outcome::kPending, D("2016-04-04"), D("2016-04-04"),
                    [] { return with_change_notice(change_notice()); })),
      given(ten_working_days_notice(),
            decided("change-notice.early", Outcome::kOverdue, D("2016-04-05"), D("2016-04-04"),
                    [] { return with_change_notice(change_notice()); })),
      // A change with no day recorded: nothing to count from.
      given(ten_working_days_notice(),
            inapplicable("change-notice.early", Inapplicability::kWhen, later,
                         [] {
                           ChangeNotice n = change_notice();
                           n.occurred_on = std::nullopt;
                           n.notified_on = D("2016-04-04");
                           return with_change_notice(n);
                         })),
      insufficient("change-notice.early", later, {"change_notice_period"},
                   [] {
                     ChangeNotice n = change_notice();
                     n.notified_on = D("2016-04-04");
                     return with_change_notice(n);
                   }),

      // "Introduce specific conditions in funding agreements", once one is signed.
      decided("commission.equality-conditions", Outcome::kCompliant, later, std::nullopt,
              [] {
                Commission m = signed_on(D("2016-03-14"));
                m.equality_conditions_included = true;
                return with_commission(m);
              }),
      decided("commission.equality-conditions", Outcome::kBreach, later, std::nullopt,
              [] {
                Commission m = signed_on(D("2016-03-14"));
                m.equality_conditions_included = false;
                return with_commission(m);
              }),
      inapplicable("commission.equality-conditions", Inapplicability::kWhen, later,
                   [] {
                     Commission m = commission();
                     m.equality_conditions_included = false;
                     return with_commission(m);
                   }),
      insufficient("commission.equality-conditions", later,
                   {"commission.equality_conditions_included"},
                   [] { return with_commission(signed_on(D("2016-03-14"))); }),
  };
  return table;
}

class OutcomeOfCommissioningRule : public ::testing::TestWithParam<Row> {};

TEST_P(OutcomeOfCommissioningRule, IsTheOneTheCompactsWordsGive) { expect_row(GetParam()); }

INSTANTIATE_TEST_SUITE_P(StocktonOutcomes, OutcomeOfCommissioningRule, ::testing::ValuesIn(rows()),
                         row_name);

// What each rule can give, read off its keys as docs/packs.md's "How a finding is decided" takes
// them. None has `explained_by` (nothing is explained) or `unless`. Without `actual` nothing is
// pending or overdue; without `due`, or with a first-day `due`, nothing is overdue; without `when`
// the rule always applies.
TEST(StocktonOutcomes, TheCommissioningTableReachesEveryOutcomeEachRuleCanGiveAndNoOther) {
  using enum Outcome;
  const PossibleOutcomes can_give = {
      // Never insufficient: `when` asks whether planning is recorded, due is that day, and the act
      // is recorded or not.
      {"commission.vcs-involved-from-beginning",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable}},
      // No when, no actual; met is insufficient when the rationale is not recorded.
      {"commission.approach-rationale", {kCompliant, kBreach, kInsufficientData}},
      // No actual; `when` asks whether the tender is recorded; met is a flag.
      {"commission.tender-publicised", {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // Likewise.
      {"commission.assessment-criteria", {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // No when; due is the signing, insufficient when that is not recorded.
      {"commission.exit-strategy", {kCompliant, kPending, kOverdue, kBreach, kInsufficientData}},
      // Likewise.
      {"commission.performance-process",
       {kCompliant, kPending, kOverdue, kBreach, kInsufficientData}},
      // No actual; `when` defaults the flag; met is insufficient when the need is not recorded.
      {"payment.advance-need", {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // No when; no due, so never overdue; met is a flag.
      {"variation.agreed", {kCompliant, kPending, kBreach, kInsufficientData}},
      // Insufficient only when it is not recorded when the problems were found: `when` compares that
      // with the decision, which it asks for, and due is the decision.
      {"performance-issue.timetable-before-ending",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
      // due is the decision, which `when` does not ask for: insufficient without it.
      {"ending.resource-implications",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
      // due needs planning_lead_time, which the pack leaves unset.
      {"commission.planning-lead-time",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
      // No when, no actual; met is a flag.
      {"commission.social-value", {kCompliant, kBreach, kInsufficientData}},
      // No actual; never insufficient: `when` defaults the flag, met asks whether a date is
      // recorded.
      {"commission.european-conflicts-discussed", {kCompliant, kBreach, kNotApplicable}},
      // A first-day due: not overdue; due needs tender_period, which the pack leaves unset.
      {"commission.tender-period",
       {kCompliant, kPending, kBreach, kNotApplicable, kInsufficientData}},
      // met is `true`: never breach; no due: never overdue; `when` asks whether dates are recorded
      // and compares only a recorded one.
      {"commission.reviewed-with-vcs", {kCompliant, kPending, kNotApplicable}},
      // No actual; never insufficient: `when` defaults the flag, met asks whether a body is
      // recorded.
      {"commission.accountable-body", {kCompliant, kBreach, kNotApplicable}},
      // due needs change_notice_period, which the pack leaves unset.
      {"change-notice.early",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
      // No actual; `when` asks whether the signing is recorded; met is a flag.
      {"commission.equality-conditions", {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
  };
  expect_reaches_exactly(rows(), can_give);
}

}  // namespace
}  // namespace compact
