#pragma once
// GoogleTest matchers on reports, for partner software's own tests (docs/testing.md):
//
//   const compact::Report report = *engine.evaluate(a_case, as_of);
//   EXPECT_THAT(report, HasFinding("payment.on-time", Outcome::kBreach));
//   EXPECT_THAT(report, HasFinding("payment.on-time", ForEntity("commissions[G1].payments[INV-1]"),
//                                  DueOn(compact::Date(2025, 1, 29))));
//   EXPECT_THAT(report, Not(HasFinding("ending.notice-period", Outcome::kBreach)));
//
// A failure says what was wanted and lists the rule's findings as they are: entity, outcome, due and
// actual dates, missing fields. Header-only: link GoogleTest's gmock yourself.

#include <string>
#include <utility>
#include <vector>

#include "compact/calendar/date.hpp"
#include "compact/engine/report.hpp"
#include "gmock/gmock.h"

namespace compact {

namespace testing {

// ---- matchers on one finding ----

// Each describes itself in the report's words: "whose outcome is equal to \"breach\"".

// Its outcome is `outcome`.
inline ::testing::Matcher<const Finding&> WithOutcome(Outcome outcome) {
  return ::testing::ResultOf(
      "outcome", [](const Finding& f) { return std::string(name_of(f.outcome)); },
      std::string(name_of(outcome)));
}

// It is about the entity at `path`: "commissions[G1].payments[INV-1]".
inline ::testing::Matcher<const Finding&> ForEntity(std::string path) {
  return ::testing::ResultOf(
      "entity", [](const Finding& f) { return f.entity_path(); }, std::move(path));
}

// Its due date is `day`.
inline ::testing::Matcher<const Finding&> DueOn(Date day) {
  return ::testing::ResultOf(
      "due date", [](const Finding& f) { return f.due ? format_date(*f.due) : "none"; },
      format_date(day));
}

// The act it judged happened on `day`.
inline ::testing::Matcher<const Finding&> ActualOn(Date day) {
  return ::testing::ResultOf(
      "actual date", [](const Finding& f) { return f.actual ? format_date(*f.actual) : "none"; },
      format_date(day));
}

// It names `field` as not recorded ("payment.paid_on", or a parameter's name).
inline ::testing::Matcher<const Finding&> MissingField(std::string field) {
  return ::testing::ResultOf(
      "missing fields", [](const Finding& f) { return f.missing_fields(); },
      ::testing::Contains(std::move(field)));
}

// ---- matchers on a report ----

namespace internal {

class HasFindingMatcher {
 public:
  using is_gtest_matcher = void;

  HasFindingMatcher(std::string rule, ::testing::Matcher<const Finding&> finding)
      : rule_(std::move(rule)), finding_(std::move(finding)) {}

  bool MatchAndExplain(const Report& report, ::testing::MatchResultListener* listener) const {
    std::vector<const Finding*> of_rule;
    for (const Finding& f : report.findings) {
      if (f.rule && f.rule->id == rule_) of_rule.push_back(&f);
    }
    for (const Finding* f : of_rule) {
      if (finding_.Matches(*f)) {
        *listener << "whose finding " << ::testing::PrintToString(*f) << " matches";
        return true;
      }
    }
    if (of_rule.empty()) {
      *listener << "which has no finding of rule " << rule_ << " (as of "
                << format_date(report.as_of) << ", " << report.findings.size() << " findings)";
      return false;
    }
    if (of_rule.size() == 1) {
      *listener << "whose finding of " << rule_ << " is:";
    } else {
      *listener << "whose " << of_rule.size() << " findings of " << rule_ << " are:";
    }
    for (const Finding* f : of_rule) *listener << "\n  " << ::testing::PrintToString(*f);
    return false;
  }

  void DescribeTo(std::ostream* os) const {
    *os << "has a finding of rule " << rule_ << " that ";
    finding_.DescribeTo(os);
  }
  void DescribeNegationTo(std::ostream* os) const {
    *os << "has no finding of rule " << rule_ << " that ";
    finding_.DescribeTo(os);
  }

 private:
  std::string rule_;
  ::testing::Matcher<const Finding&> finding_;
};

}  // namespace internal

// The report has a finding of `rule` (any entity) that matches every one of `matchers` (none: any
// finding of the rule).
template <typename... Matchers>
::testing::Matcher<const Report&> HasFinding(std::string rule, Matchers... matchers) {
  if constexpr (sizeof...(Matchers) == 0) {
    return internal::HasFindingMatcher(std::move(rule), ::testing::A<const Finding&>());
  } else {
    return internal::HasFindingMatcher(
        std::move(rule), ::testing::Matcher<const Finding&>(::testing::AllOf(
                             ::testing::Matcher<const Finding&>(std::move(matchers))...)));
  }
}

// The report has a finding of `rule` with `outcome`.
inline ::testing::Matcher<const Report&> HasFinding(std::string rule, Outcome outcome) {
  return HasFinding(std::move(rule), WithOutcome(outcome));
}

}  // namespace testing
}  // namespace compact
