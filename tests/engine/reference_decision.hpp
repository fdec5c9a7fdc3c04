#pragma once
// A second implementation of how a finding is decided, for differential tests: docs/packs.md's "How a
// finding is decided", step by step, over a pack of reference expressions (tests/rules), walking the
// case by hand. It shares nothing with the engine but the model and the calendar.

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "compact/engine/report.hpp"
#include "compact/model/case.hpp"
#include "rules/reference_expression.hpp"

namespace compact::reference {

using rules::reference::RefNode;
using rules::reference::RefValue;

struct RefRule {
  std::string id;
  std::string for_path;  // "commission", "commission.payment" or "commission.ending"
  std::unique_ptr<RefNode> when, unless, arises, due, actual, met;
  std::vector<std::string> explained_by;  // field paths
  bool first_day = false;                 // due_means = "first_day"
};

// A parameter: one value, or values by the date each takes effect (in date order).
struct RefParameter {
  std::string name;
  std::vector<std::pair<Date, RefValue>> dated;
  RefValue value;  // when not dated
};

struct RefPack {
  std::optional<Date> in_force_from;
  std::optional<Date> in_force_to;
  std::vector<RefParameter> parameters;
  std::vector<RefRule> rules;
};

// The pack as a TOML file, with id "random".
std::string to_toml(const RefPack& pack);

struct RefFinding {
  std::string rule;
  std::string entity;  // commissions[G1].payments[P1], by index where an entry has no id
  Outcome outcome = Outcome::kNotApplicable;
  std::optional<Date> arises, due, actual;
  std::optional<int64_t> margin_days, margin_working_days;
  bool boundary_sensitive = false;
  bool outside_in_force = false;
  std::set<std::string> missing;   // the fields named, when the finding is insufficient_data
  bool date_out_of_range = false;  // insufficient_data because a date worked out left 1900-2199
  size_t missing_noted = 0;        // how many the steps noted, counting a field once per step
};

// Every finding of `pack` for `c` as of `as_of`: by rule, then entity in case order.
std::vector<RefFinding> decide_all(const RefPack& pack, const Case& c, Date as_of, bool strict);

}  // namespace compact::reference
