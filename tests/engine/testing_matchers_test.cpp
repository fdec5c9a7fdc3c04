// compact/testing.hpp's matchers, as partner software would use them, on the Stockton grant example:
// each matches what the report holds (its breach worked out by hand: a claim received Friday 4
// December 2015 is due 30 working days on, Wednesday 20 January 2016), refuses what it does not, and
// says why in words a person can act on.

#include <fstream>
#include <sstream>
#include <string>

#include "compact/engine/engine.hpp"
#include "compact/model/case_json.hpp"
#include "compact/testing.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace compact {
namespace {

using ::compact::testing::ActualOn;
using ::compact::testing::DueOn;
using ::compact::testing::ForEntity;
using ::compact::testing::HasFinding;
using ::compact::testing::MissingField;
using ::compact::testing::WithOutcome;
using ::testing::HasSubstr;
using ::testing::Not;

class TestingMatchers : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ifstream in(std::string(COMPACT_EXAMPLES_DIR) + "/stockton/grant-commission.json");
    std::stringstream text;
    text << in.rdbuf();
    case_ = *parse_case(text.str());
    report_ = *engine_.evaluate(case_, Date(2016, 6, 30));
  }

  // What `matcher` says of the report when it does not match.
  std::string explain(const ::testing::Matcher<const Report&>& matcher) {
    ::testing::StringMatchResultListener listener;
    EXPECT_FALSE(matcher.MatchAndExplain(report_, &listener));
    return listener.str();
  }

  const Engine engine_ = *Engine::with_default_pack();
  Case case_;
  Report report_;
};

constexpr const char* kLate = "commissions[G-2015-007].payments[CLAIM-2015-11]";

TEST_F(TestingMatchers, MatchWhatTheReportHolds) {
  EXPECT_THAT(report_, HasFinding("payment.on-time"));
  EXPECT_THAT(report_, HasFinding("payment.on-time", Outcome::kBreach));
  EXPECT_THAT(report_,
              HasFinding("payment.on-time", ForEntity(kLate), WithOutcome(Outcome::kBreach),
                         DueOn(Date(2016, 1, 20)), ActualOn(Date(2016, 1, 22))));
  EXPECT_THAT(report_,
              HasFinding("commission.planning-lead-time", MissingField("planning_lead_time")));
}

TEST_F(TestingMatchers, RefuseWhatItDoesNot) {
  EXPECT_THAT(report_,
              Not(HasFinding("payment.on-time", ForEntity(kLate), DueOn(Date(2016, 1, 21)))));
  EXPECT_THAT(report_, Not(HasFinding("payment.on-time", Outcome::kOverdue)));
  EXPECT_THAT(report_, Not(HasFinding("ending.notice-period")));  // the grant has no ending
  EXPECT_THAT(report_, Not(HasFinding("commission.planning-lead-time", MissingField("x"))));
}

TEST_F(TestingMatchers, SayWhyInWords) {
  const ::testing::Matcher<const Report&> due_later =
      HasFinding("payment.on-time", ForEntity(kLate), DueOn(Date(2016, 1, 21)));
  EXPECT_THAT(::testing::DescribeMatcher<const Report&>(due_later),
              HasSubstr("has a finding of rule payment.on-time that"));
  const std::string why = explain(due_later);
  EXPECT_THAT(why, HasSubstr("whose 12 findings of payment.on-time are:"));
  EXPECT_THAT(why, HasSubstr(std::string("payment.on-time ") + kLate +
                             " breach due 2016-01-20 actual 2016-01-22"));
  EXPECT_THAT(explain(HasFinding("ending.notice-period")),
              HasSubstr("which has no finding of rule ending.notice-period (as of 2016-06-30"));
  EXPECT_THAT(explain(HasFinding("commission.planning-lead-time", Outcome::kCompliant)),
              HasSubstr("whose finding of commission.planning-lead-time is:\n  "
                        "commission.planning-lead-time commissions[G-2015-007] insufficient_data "
                        "actual 2014-09-15 (unrecorded) missing planning_lead_time"));
  EXPECT_THAT(::testing::PrintToString(Outcome::kNotApplicable), "not_applicable");
}

}  // namespace
}  // namespace compact
