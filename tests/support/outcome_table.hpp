#pragma once
// Tables of the outcomes Stockton's rules give: rows of one rule, one case, one as-of date and the
// finding the Compact's words give, its due date worked out by hand, never by the engine; and the
// check that a table reaches exactly the outcomes argued possible for each of its rules, so that
// none is silently left untested. A table file lists its rows, instantiates a parameterised test
// that calls expect_row() on each, and argues each rule's outcomes for expect_reaches_exactly().

#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compact/engine/engine.hpp"
#include "gtest/gtest.h"
#include "support/findings.hpp"

namespace compact::testing {

// One rule, one case, one as-of date, and the finding the Compact's words give.
struct Row {
  std::string rule;
  Case (*build)();
  Date as_of;
  Outcome outcome;
  std::optional<Date> due;           // worked out by hand
  std::vector<std::string> missing;  // for insufficient_data: the fields it names
  Inapplicability inapplicability;   // for not_applicable: why
  std::string variant;               // what tells apart rows of one rule and outcome
  Parameters parameters;             // set on the built-in pack for this row (none: as it is)
};

void PrintTo(const Row& row, std::ostream* os);

// `row`, told apart from the rule's other rows with its outcome by `variant`.
Row named(std::string variant, Row row);

// `row`, decided by the built-in pack with `parameters` set: what the pack leaves to the partners.
Row given(Parameters parameters, Row row);

// A finding with an outcome that `met` or the act decided: compliant, explained, breach, pending
// or overdue, and the due date it names.
Row decided(std::string rule, Outcome outcome, Date as_of, std::optional<Date> due,
            Case (*build)());

// insufficient_data, naming `missing`.
Row insufficient(std::string rule, Date as_of, std::vector<std::string> missing, Case (*build)());

// not_applicable, for the reason `why`.
Row inapplicable(std::string rule, Inapplicability why, Date as_of, Case (*build)());

// Checks the finding of `row`'s rule about its entity (entity_of) in its case as of its date: the
// outcome, due date, missing fields and inapplicability the row gives, and an obligation inside the
// Compact's in-force window.
void expect_row(const Row& row);

// The test's name: rule_outcome, then _unless for an `unless`, then the variant; . and - as _.
std::string row_name(const ::testing::TestParamInfo<Row>& param);

// Each rule's possible outcomes, read off its keys as docs/packs.md's "How a finding is decided"
// takes them.
using PossibleOutcomes = std::map<std::string_view, std::set<Outcome>>;

// Checks that `rows` reach, for each rule in `can_give`, exactly the outcomes it lists, and have no
// rule it does not list.
void expect_reaches_exactly(const std::vector<Row>& rows, const PossibleOutcomes& can_give);

}  // namespace compact::testing
