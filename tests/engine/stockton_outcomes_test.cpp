// Every outcome each of fifteen Stockton rules can give, each reached by a case built here, with its
// due date worked out by hand from the Compact's words, not by the engine; and a check that the table
// reaches exactly the outcomes argued possible for each rule, so that none is silently left untested.
// All obligations arise inside the Compact's in-force window (1 September 2014 to 31 August 2017).

#include <optional>
#include <vector>

#include "compact/engine/engine.hpp"
#include "gtest/gtest.h"
#include "support/cases.hpp"
#include "support/dates.hpp"
#include "support/outcome_table.hpp"

namespace compact {
namespace {

using ::compact::testing::bid;
using ::compact::testing::commission;
using ::compact::testing::consultation;
using ::compact::testing::D;
using ::compact::testing::ending;
using ::compact::testing::invoice;
using ::compact::testing::with_bid;
using ::compact::testing::with_commission;
using ::compact::testing::with_consultation;
using ::compact::testing::with_ending;
using ::compact::testing::with_payment;

using ::compact::testing::decided;
using ::compact::testing::expect_reaches_exactly;
using ::compact::testing::expect_row;
using ::compact::testing::inapplicable;
using ::compact::testing::insufficient;
using ::compact::testing::named;
using ::compact::testing::PossibleOutcomes;
using ::compact::testing::Row;
using ::compact::testing::row_name;

const std::vector<Row>& rows() {
  // After every act any case below records: what has happened has happened.
  const Date later = D("2017-06-30");
  static const std::vector<Row> table = {
      // Due, as the first day the consultation may close: 4 January 2016 + 84 days = 28 March.
      decided("consultation.min-period", Outcome::kCompliant, later, D("2016-03-28"),
              [] { return with_consultation(consultation()); }),
      decided("consultation.min-period", Outcome::kBreach, later, D("2016-03-28"),
              [] {
                Consultation k = consultation();
                k.closes_on = D("2016-03-27");
                return with_consultation(k);
              }),
      decided("consultation.min-period", Outcome::kExplained, later, D("2016-03-28"),
              [] {
                Consultation k = consultation();
                k.closes_on = D("2016-03-27");
                k.shortened_explanation = "The budget had to be set before the Easter recess.";
                k.shortened_explanation_in_writing = true;
                return with_consultation(k);
              }),
      // "a written explanation will be provided": one not in writing, or not recorded as written,
      // or in writing and blank, does not explain.
      named("not_recorded_as_written",
            decided("consultation.min-period", Outcome::kBreach, later, D("2016-03-28"),
                    [] {
                      Consultation k = consultation();
                      k.closes_on = D("2016-03-27");
                      k.shortened_explanation =
                          "The budget had to be set before the Easter recess.";
                      return with_consultation(k);
                    })),
      named("not_in_writing",
            decided("consultation.min-period", Outcome::kBreach, later, D("2016-03-28"),
                    [] {
                      Consultation k = consultation();
                      k.closes_on = D("2016-03-27");
                      k.shortened_explanation =
                          "The budget had to be set before the Easter recess.";
                      k.shortened_explanation_in_writing = false;
                      return with_consultation(k);
                    })),
      named("blank_in_writing",
            decided("consultation.min-period", Outcome::kBreach, later, D("2016-03-28"),
                    [] {
                      Consultation k = consultation();
                      k.closes_on = D("2016-03-27");
                      k.shortened_explanation = " \n ";
                      k.shortened_explanation_in_writing = true;
                      return with_consultation(k);
                    })),
      // Long after the twelve weeks, a consultation still open has not fallen short of a minimum.
      decided("consultation.min-period", Outcome::kPending, later, D("2016-03-28"),
              [] {
                Consultation k = consultation();
                k.closes_on = std::nullopt;
                return with_consultation(k);
              }),
      inapplicable("consultation.min-period", Inapplicability::kWhen, later,
                   [] {
                     Consultation k = consultation();
                     k.significant_effect_on_vcse = false;
                     return with_consultation(k);
                   }),
      insufficient("consultation.min-period", later, {"consultation.significant_effect_on_vcse"},
                   [] {
                     Consultation k = consultation();
                     k.significant_effect_on_vcse = std::nullopt;
                     return with_consultation(k);
                   }),

      // "At the earliest opportunity": by the day before it opens, Sunday 3 January 2016.
      decided("consultation.catalyst-involved", Outcome::kCompliant, later, D("2016-01-03"),
              [] {
                Consultation k = consultation();
                k.catalyst_involved_on = D("2015-11-02");
                return with_consultation(k);
              }),
      decided("consultation.catalyst-involved", Outcome::kBreach, later, D("2016-01-03"),
              [] {
                Consultation k = consultation();
                k.catalyst_involved_on = D("2016-01-04");
                return with_consultation(k);
              }),
      decided("consultation.catalyst-involved", Outcome::kPending, D("2016-01-03"), D("2016-01-03"),
              [] { return with_consultation(consultation()); }),
      decided("consultation.catalyst-involved", Outcome::kOverdue, D("2016-01-04"), D("2016-01-03"),
              [] { return with_consultation(consultation()); }),
      inapplicable("consultation.catalyst-involved", Inapplicability::kWhen, later,
                   [] {
                     Consultation k = consultation();
                     k.significant_effect_on_vcse = false;
                     return with_consultation(k);
                   }),
      insufficient("consultation.catalyst-involved", later,
                   {"consultation.significant_effect_on_vcse"},
                   [] {
                     Consultation k = consultation();
                     k.significant_effect_on_vcse = std::nullopt;
                     return with_consultation(k);
                   }),

      // Notice of a forthcoming consultation: by the day before it opens, 3 January 2016.
      decided("consultation.notice-given", Outcome::kCompliant, later, D("2016-01-03"),
              [] {
                Consultation k = consultation();
                k.notice_given_on = D("2015-12-07");
                return with_consultation(k);
              }),
      decided("consultation.notice-given", Outcome::kBreach, later, D("2016-01-03"),
              [] {
                Consultation k = consultation();
                k.notice_given_on = D("2016-01-04");
                return with_consultation(k);
              }),
      // Notice recorded for 7 December has not been given as of the 6th.
      decided("consultation.notice-given", Outcome::kPending, D("2015-12-06"), D("2016-01-03"),
              [] {
                Consultation k = consultation();
                k.notice_given_on = D("2015-12-07");
                return with_consultation(k);
              }),
      decided("consultation.notice-given", Outcome::kOverdue, D("2016-01-04"), D("2016-01-03"),
              [] { return with_consultation(consultation()); }),
      insufficient("consultation.notice-given", later, {"consultation.opens_on"},
                   [] {
                     Consultation k = consultation();
                     k.opens_on = std::nullopt;
                     return with_consultation(k);
                   }),

      // Feedback once the consultation has closed, explaining views not acted upon unless it says
      // otherwise; no deadline.
      decided("consultation.feedback", Outcome::kCompliant, later, std::nullopt,
              [] {
                Consultation k = consultation();
                k.feedback_published_on = D("2016-04-25");
                return with_consultation(k);
              }),
      decided("consultation.feedback", Outcome::kBreach, later, std::nullopt,
              [] {
                Consultation k = consultation();
                k.feedback_published_on = D("2016-04-25");
                k.feedback_covers_views_not_acted_on = false;
                return with_consultation(k);
              }),
      decided("consultation.feedback", Outcome::kPending, later, std::nullopt,
              [] { return with_consultation(consultation()); }),
      // On its closing day it is still open.
      inapplicable("consultation.feedback", Inapplicability::kWhen, D("2016-03-28"),
                   [] { return with_consultation(consultation()); }),
      insufficient("consultation.feedback", later, {"consultation.closes_on"},
                   [] {
                     Consultation k = consultation();
                     k.closes_on = std::nullopt;
                     return with_consultation(k);
                   }),

      // Three months before a start on Wednesday 30 November 2016: 31 August, since 31 August + 3
      // months = 30 November (no 31st) and 1 September + 3 months = 1 December.
      decided("commission.decision-notice", Outcome::kCompliant, later, D("2016-08-31"),
              [] {
                Commission m = commission();
                m.start_on = D("2016-11-30");
                m.decision_notified_on = D("2016-08-31");
                return with_commission(m);
              }),
      decided("commission.decision-notice", Outcome::kBreach, later, D("2016-08-31"),
              [] {
                Commission m = commission();
                m.start_on = D("2016-11-30");
                m.decision_notified_on = D("2016-09-01");
                return with_commission(m);
              }),
      decided("commission.decision-notice", Outcome::kExplained, later, D("2016-08-31"),
              [] {
                Commission m = commission();
                m.start_on = D("2016-11-30");
                m.decision_notified_on = D("2016-09-01");
                m.decision_delay_explanation =
                    "The panel met late: the fund was confirmed in August.";
                return with_commission(m);
              }),
      decided("commission.decision-notice", Outcome::kPending, D("2016-08-31"), D("2016-08-31"),
              [] {
                Commission m = commission();
                m.start_on = D("2016-11-30");
                return with_commission(m);
              }),
      decided("commission.decision-notice", Outcome::kOverdue, D("2016-09-01"), D("2016-08-31"),
              [] {
                Commission m = commission();
                m.start_on = D("2016-11-30");
                return with_commission(m);
              }),
      // Told, but of a start not recorded: nothing to count back from.
      insufficient("commission.decision-notice", later, {"commission.start_on"},
                   [] {
                     Commission m = commission();
                     m.start_on = std::nullopt;
                     m.decision_notified_on = D("2016-08-01");
                     return with_commission(m);
                   }),

      // Three years from 1 April 2016: 1 April 2016 + 36 months - 1 day = 31 March 2019.
      decided("commission.funding-term", Outcome::kCompliant, later, std::nullopt,
              [] { return with_commission(commission()); }),
      decided("commission.funding-term", Outcome::kBreach, later, std::nullopt,
              [] {
                Commission m = commission();
                m.end_on = D("2019-03-30");
                return with_commission(m);
              }),
      decided("commission.funding-term", Outcome::kExplained, later, std::nullopt,
              [] {
                Commission m = commission();
                m.end_on = D("2019-03-30");
                m.term_explanation = "Central government settles the fund a year at a time.";
                return with_commission(m);
              }),
      insufficient("commission.funding-term", later, {"commission.end_on"},
                   [] {
                     Commission m = commission();
                     m.end_on = std::nullopt;
                     return with_commission(m);
                   }),

      // Delivery terms agreed by the signing, Monday 14 March 2016.
      decided("commission.terms-before-signing", Outcome::kCompliant, later, D("2016-03-14"),
              [] {
                Commission m = commission();
                m.agreement_signed_on = D("2016-03-14");
                m.delivery_terms_agreed_on = D("2016-03-14");
                return with_commission(m);
              }),
      decided("commission.terms-before-signing", Outcome::kBreach, later, D("2016-03-14"),
              [] {
                Commission m = commission();
                m.agreement_signed_on = D("2016-03-14");
                m.delivery_terms_agreed_on = D("2016-03-15");
                return with_commission(m);
              }),
      decided("commission.terms-before-signing", Outcome::kPending, D("2016-03-14"),
              D("2016-03-14"),
              [] {
                Commission m = commission();
                m.agreement_signed_on = D("2016-03-14");
                return with_commission(m);
              }),
      decided("commission.terms-before-signing", Outcome::kOverdue, D("2016-03-15"),
              D("2016-03-14"),
              [] {
                Commission m = commission();
                m.agreement_signed_on = D("2016-03-14");
                return with_commission(m);
              }),
      insufficient("commission.terms-before-signing", later, {"commission.agreement_signed_on"},
                   [] {
                     Commission m = commission();
                     m.delivery_terms_agreed_on = D("2016-03-01");
                     return with_commission(m);
                   }),

      // Monitoring agreed by the signing, Monday 29 February 2016.
      decided("commission.monitoring-before-signing", Outcome::kCompliant, later, D("2016-02-29"),
              [] {
                Commission m = commission();
                m.agreement_signed_on = D("2016-02-29");
                m.monitoring_agreed_on = D("2016-02-26");
                return with_commission(m);
              }),
      decided("commission.monitoring-before-signing", Outcome::kBreach, later, D("2016-02-29"),
              [] {
                Commission m = commission();
                m.agreement_signed_on = D("2016-02-29");
                m.monitoring_agreed_on = D("2016-03-01");
                return with_commission(m);
              }),
      decided("commission.monitoring-before-signing", Outcome::kPending, D("2016-02-29"),
              D("2016-02-29"),
              [] {
                Commission m = commission();
                m.agreement_signed_on = D("2016-02-29");
                return with_commission(m);
              }),
      decided("commission.monitoring-before-signing", Outcome::kOverdue, D("2016-03-01"),
              D("2016-02-29"),
              [] {
                Commission m = commission();
                m.agreement_signed_on = D("2016-02-29");
                return with_commission(m);
              }),
      insufficient("commission.monitoring-before-signing", later,
                   {"commission.agreement_signed_on"},
                   [] { return with_commission(commission()); }),

      decided("commission.underspend", Outcome::kCompliant, later, std::nullopt,
              [] {
                Commission m = commission();
                m.underspend_terms_agreed = true;
                return with_commission(m);
              }),
      decided("commission.underspend", Outcome::kBreach, later, std::nullopt,
              [] {
                Commission m = commission();
                m.underspend_terms_agreed = false;
                return with_commission(m);
              }),
      inapplicable("commission.underspend", Inapplicability::kWhen, later,
                   [] {
                     Commission m = commission();
                     m.approach = Approach::kContract;
                     m.underspend_terms_agreed = false;
                     return with_commission(m);
                   }),
      insufficient("commission.underspend", later, {"commission.underspend_terms_agreed"},
                   [] { return with_commission(commission()); }),

      // 30 working days from Thursday 10 December 2015: 11 Dec (1), 14-18 (6), 21-24 (10; Christmas
      // Day Friday 25th, and Monday 28th for Boxing Day), 29-31 (13; New Year's Day Friday 1 Jan),
      // 4-8 Jan (18), 11-15 (23), 18-22 (28), Monday 25 (29), Tuesday 26 January 2016 (30).
      decided("payment.on-time", Outcome::kCompliant, later, D("2016-01-26"),
              [] { return with_payment(invoice("INV-1", D("2015-12-10"), D("2016-01-26"))); }),
      decided("payment.on-time", Outcome::kBreach, later, D("2016-01-26"),
              [] { return with_payment(invoice("INV-1", D("2015-12-10"), D("2016-01-27"))); }),
      decided("payment.on-time", Outcome::kPending, D("2016-01-26"), D("2016-01-26"),
              [] { return with_payment(invoice("INV-1", D("2015-12-10"), std::nullopt)); }),
      decided("payment.on-time", Outcome::kOverdue, D("2016-01-27"), D("2016-01-26"),
              [] { return with_payment(invoice("INV-1", D("2015-12-10"), std::nullopt)); }),
      inapplicable("payment.on-time", Inapplicability::kWhen, later,
                   [] {
                     Payment p = invoice("INV-1", D("2015-12-10"), std::nullopt);
                     p.in_advance = true;
                     return with_payment(p);
                   }),
      insufficient("payment.on-time", later, {"payment.received_on"},
                   [] { return with_payment(invoice("INV-1", std::nullopt, D("2016-01-15"))); }),

      // Three months before an end on Tuesday 28 February 2017: 30 November 2016, since 30 November
      // + 3 months = 28 February (no 30th) and 1 December + 3 months = 1 March.
      decided("ending.notice-period", Outcome::kCompliant, later, D("2016-11-30"),
              [] {
                Ending e = ending();
                e.notice_given_on = D("2016-11-30");
                return with_ending(e);
              }),
      decided("ending.notice-period", Outcome::kBreach, later, D("2016-11-30"),
              [] {
                Ending e = ending();
                e.notice_given_on = D("2016-12-01");
                return with_ending(e);
              }),
      decided("ending.notice-period", Outcome::kPending, D("2016-11-30"), D("2016-11-30"),
              [] { return with_ending(ending()); }),
      decided("ending.notice-period", Outcome::kOverdue, D("2016-12-01"), D("2016-11-30"),
              [] { return with_ending(ending()); }),
      inapplicable("ending.notice-period", Inapplicability::kWhen, later,
                   [] {
                     Ending e = ending();
                     e.kind = EndingKind::kReduce;
                     e.notice_given_on = D("2017-01-16");
                     return with_ending(e);
                   }),
      // Central government's own funding ends the same day and its notice came a day short of
      // three months (after 30 November), so the council could not give three months either.
      inapplicable("ending.notice-period", Inapplicability::kUnless, later,
                   [] {
                     Ending e = ending();
                     e.central_government_funding_ends_on = D("2017-02-28");
                     e.central_government_notice_received_on = D("2016-12-01");
                     e.notice_given_on = D("2017-01-16");
                     return with_ending(e);
                   }),
      insufficient("ending.notice-period", later, {"ending.ends_on"},
                   [] {
                     Ending e = ending();
                     e.ends_on = std::nullopt;
                     return with_ending(e);
                   }),

      decided("ending.notice-in-writing", Outcome::kCompliant, later, std::nullopt,
              [] {
                Ending e = ending();
                e.notice_given_on = D("2016-11-30");
                e.notice_in_writing = true;
                return with_ending(e);
              }),
      decided("ending.notice-in-writing", Outcome::kBreach, later, std::nullopt,
              [] {
                Ending e = ending();
                e.notice_given_on = D("2016-11-30");
                e.notice_in_writing = false;
                return with_ending(e);
              }),
      // A reduction is not an end, whatever notice of it was given.
      inapplicable("ending.notice-in-writing", Inapplicability::kWhen, later,
                   [] {
                     Ending e = ending();
                     e.kind = EndingKind::kReduce;
                     e.notice_given_on = D("2016-11-30");
                     return with_ending(e);
                   }),
      insufficient("ending.notice-in-writing", later, {"ending.notice_in_writing"},
                   [] {
                     Ending e = ending();
                     e.notice_given_on = D("2016-11-30");
                     return with_ending(e);
                   }),

      decided("ending.rationale", Outcome::kCompliant, later, std::nullopt,
              [] {
                Ending e = ending();
                e.notice_given_on = D("2016-11-30");
                e.rationale =
                    "The service is now commissioned by the clinical commissioning group.";
                return with_ending(e);
              }),
      decided("ending.rationale", Outcome::kBreach, later, std::nullopt,
              [] {
                Ending e = ending();
                e.notice_given_on = D("2016-11-30");
                return with_ending(e);
              }),
      // A rationale of white space alone is none.
      named("blank", decided("ending.rationale", Outcome::kBreach, later, std::nullopt,
                             [] {
                               Ending e = ending();
                               e.notice_given_on = D("2016-11-30");
                               e.rationale = "\t\u00A0";
                               return with_ending(e);
                             })),
      inapplicable("ending.rationale", Inapplicability::kWhen, later,
                   [] { return with_ending(ending()); }),

      // Impact assessed by the decision, Monday 31 October 2016.
      decided("ending.impact-assessment", Outcome::kCompliant, later, D("2016-10-31"),
              [] {
                Ending e = ending();
                e.impact_assessed_on = D("2016-10-17");
                return with_ending(e);
              }),
      decided("ending.impact-assessment", Outcome::kBreach, later, D("2016-10-31"),
              [] {
                Ending e = ending();
                e.impact_assessed_on = D("2016-11-01");
                return with_ending(e);
              }),
      decided("ending.impact-assessment", Outcome::kPending, D("2016-10-31"), D("2016-10-31"),
              [] { return with_ending(ending()); }),
      decided("ending.impact-assessment", Outcome::kOverdue, D("2016-11-01"), D("2016-10-31"),
              [] { return with_ending(ending()); }),
      insufficient("ending.impact-assessment", later, {"ending.decided_on"},
                   [] {
                     Ending e = ending();
                     e.decided_on = std::nullopt;
                     return with_ending(e);
                   }),

      decided("bid.feedback", Outcome::kCompliant, later, std::nullopt,
              [] {
                Bid b = bid();
                b.feedback_given_on = D("2016-03-07");
                return with_bid(b);
              }),
      decided("bid.feedback", Outcome::kPending, later, std::nullopt,
              [] { return with_bid(bid()); }),
      inapplicable("bid.feedback", Inapplicability::kWhen, later,
                   [] {
                     Bid b = bid();
                     b.successful = true;
                     return with_bid(b);
                   }),
      insufficient("bid.feedback", later, {"bid.successful"},
                   [] {
                     Bid b = bid();
                     b.successful = std::nullopt;
                     return with_bid(b);
                   }),
  };
  return table;
}

class OutcomeOfRule : public ::testing::TestWithParam<Row> {};

TEST_P(OutcomeOfRule, IsTheOneTheCompactsWordsGive) { expect_row(GetParam()); }

INSTANTIATE_TEST_SUITE_P(StocktonOutcomes, OutcomeOfRule, ::testing::ValuesIn(rows()), row_name);

// What each rule can give, read off its keys as docs/packs.md's "How a finding is decided" takes
// them. Without `explained_by` a miss cannot be explained; without `actual` nothing is pending or
// overdue; without `due`, or with a first-day `due`, nothing is overdue; without `when` or `unless`
// the rule always applies (in-force marking aside, and these cases are inside the window).
TEST(StocktonOutcomes, TheTableReachesEveryOutcomeEachRuleCanGiveAndNoOther) {
  using enum Outcome;
  const PossibleOutcomes can_give = {
      // Not overdue: the due date is the first day it may close, and an open one has not fallen short.
      {"consultation.min-period",
       {kCompliant, kExplained, kPending, kBreach, kNotApplicable, kInsufficientData}},
      // Not explained: no explained_by.
      {"consultation.catalyst-involved",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
      // Not explained: no explained_by; not not_applicable: no when or unless.
      {"consultation.notice-given", {kCompliant, kPending, kOverdue, kBreach, kInsufficientData}},
      // Not explained: no explained_by; not overdue: no due. met is always decidable once `when`
      // is (actual and closes_on recorded, the flag defaulted), so only `when` is insufficient.
      {"consultation.feedback", {kCompliant, kPending, kBreach, kNotApplicable, kInsufficientData}},
      // Not not_applicable: no when or unless.
      {"commission.decision-notice",
       {kCompliant, kExplained, kPending, kOverdue, kBreach, kInsufficientData}},
      // Not pending or overdue: no actual; not not_applicable: no when or unless.
      {"commission.funding-term", {kCompliant, kExplained, kBreach, kInsufficientData}},
      // Not explained: no explained_by; not not_applicable: no when or unless.
      {"commission.terms-before-signing",
       {kCompliant, kPending, kOverdue, kBreach, kInsufficientData}},
      // Likewise.
      {"commission.monitoring-before-signing",
       {kCompliant, kPending, kOverdue, kBreach, kInsufficientData}},
      // Not explained: no explained_by; not pending or overdue: no actual. (Its `when` reads the
      // approach, which every commission has.)
      {"commission.underspend", {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // Not explained: no explained_by. (Its `when` defaults the flag: never insufficient.)
      {"payment.on-time",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
      // Not explained: no explained_by; central government's short notice makes it not apply.
      {"ending.notice-period",
       {kCompliant, kPending, kOverdue, kBreach, kNotApplicable, kInsufficientData}},
      // Not explained: no explained_by; not pending or overdue: no actual.
      {"ending.notice-in-writing", {kCompliant, kBreach, kNotApplicable, kInsufficientData}},
      // Not explained: no explained_by; not pending or overdue: no actual; not insufficient_data:
      // `when` and `met` only ask whether a field is recorded, which is always known.
      {"ending.rationale", {kCompliant, kBreach, kNotApplicable}},
      // Not explained: no explained_by; not not_applicable: no when or unless.
      {"ending.impact-assessment", {kCompliant, kPending, kOverdue, kBreach, kInsufficientData}},
      // Not breach or explained: met is `true`; not overdue: no due.
      {"bid.feedback", {kCompliant, kPending, kNotApplicable, kInsufficientData}},
  };
  expect_reaches_exactly(rows(), can_give);
}

}  // namespace
}  // namespace compact
