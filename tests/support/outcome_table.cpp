#include "support/outcome_table.hpp"

#include <utility>

#include "support/cases.hpp"

namespace compact::testing {

void PrintTo(const Row& row, std::ostream* os) {
  *os << row.rule << " " << name_of(row.outcome) << " as of " << format_date(row.as_of);
  if (!row.variant.empty()) *os << " (" << row.variant << ")";
  for (const auto& [name, value] : row.parameters) *os << " " << name << "=\"" << value << "\"";
}

Row named(std::string variant, Row row) {
  row.variant = std::move(variant);
  return row;
}

Row given(Parameters parameters, Row row) {
  row.parameters = std::move(parameters);
  return row;
}

Row decided(std::string rule, Outcome outcome, Date as_of, std::optional<Date> due,
            Case (*build)()) {
  return {std::move(rule), build, as_of, outcome, due, {}, Inapplicability::kNone, {}, {}};
}

Row insufficient(std::string rule, Date as_of, std::vector<std::string> missing, Case (*build)()) {
  return {std::move(rule),
          build,
          as_of,
          Outcome::kInsufficientData,
          std::nullopt,
          std::move(missing),
          Inapplicability::kNone,
          {},
          {}};
}

Row inapplicable(std::string rule, Inapplicability why, Date as_of, Case (*build)()) {
  return {std::move(rule), build, as_of, Outcome::kNotApplicable, std::nullopt, {}, why, {}, {}};
}

namespace {

void expect_finding(const Engine& engine, const Row& row) {
  const Case c = row.build();
  const Finding f = finding(engine, c, row.rule, entity_of(row.rule), row.as_of);
  EXPECT_EQ(name_of(f.outcome), name_of(row.outcome));
  EXPECT_EQ(f.due, row.due);
  EXPECT_EQ(f.missing_fields(), row.missing);
  EXPECT_EQ(f.inapplicability, row.inapplicability);
  EXPECT_FALSE(f.outside_in_force);
}

}  // namespace

void expect_row(const Row& row) {
  if (row.parameters.empty()) {
    expect_finding(stockton(), row);
    return;
  }
  // The finding points into its engine, which lives until it has been checked.
  const Engine engine = stockton_with(row.parameters);
  expect_finding(engine, row);
}

std::string row_name(const ::testing::TestParamInfo<Row>& param) {
  std::string name = param.param.rule + "_" + std::string(name_of(param.param.outcome));
  // A rule may be not_applicable by its `when` and by its `unless`.
  if (param.param.inapplicability == Inapplicability::kUnless) name += "_unless";
  if (!param.param.variant.empty()) name += "_" + param.param.variant;
  for (char& ch : name) {
    if (ch == '.' || ch == '-') ch = '_';
  }
  return name;
}

namespace {

std::set<std::string_view> names(const std::set<Outcome>& outcomes) {
  std::set<std::string_view> out;
  for (const Outcome o : outcomes) out.insert(name_of(o));
  return out;
}

}  // namespace

void expect_reaches_exactly(const std::vector<Row>& rows, const PossibleOutcomes& can_give) {
  std::map<std::string_view, std::set<std::string_view>> covered;
  for (const Row& row : rows) covered[row.rule].insert(name_of(row.outcome));
  for (const auto& [rule, outcomes] : can_give) {
    EXPECT_EQ(covered[rule], names(outcomes)) << rule;
  }
  EXPECT_EQ(covered.size(), can_give.size()) << "rows for a rule whose outcomes are not argued";
}

}  // namespace compact::testing
