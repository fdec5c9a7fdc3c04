#pragma once
// Picking one finding out of a report, for tests of a pack's rules.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compact/engine/engine.hpp"
#include "compact/rules/pack.hpp"
#include "gtest/gtest.h"

namespace compact::testing {

// The engine with the built-in Stockton pack, made once.
inline const Engine& stockton() {
  static const Engine engine = *Engine::with_default_pack();
  return engine;
}

// Parameters to set, NAME and VALUE as rules::set_parameter takes them: {{"tender_period", "6
// weeks"}}.
using Parameters = std::vector<std::pair<std::string, std::string>>;

// The built-in pack with `parameters` set, as a council sets what its Compact leaves to the
// partners; a test failure for any it refuses. Keep the engine in a variable: findings point into
// it.
inline Engine stockton_with(const Parameters& parameters) {
  rules::Pack pack = *Engine::default_pack();
  for (const auto& [name, value] : parameters) {
    const absl::Status set = rules::set_parameter(pack, name, value);
    EXPECT_TRUE(set.ok()) << set;
  }
  std::vector<rules::Pack> packs;
  packs.push_back(std::move(pack));
  return *Engine::create(std::move(packs));
}

// The one finding of `rule` about `entity` in `engine`'s report on `c` as of `as_of`; a test failure,
// and an empty finding, when there is not exactly one. The engine must outlive the finding.
inline Finding finding(const Engine& engine, const Case& c, std::string_view rule,
                       std::string_view entity, Date as_of) {
  const Report report = *engine.evaluate(c, as_of);
  std::vector<Finding> found;
  for (const Finding& f : report.findings) {
    if (f.rule->id == rule && f.entity_path() == entity) found.push_back(f);
  }
  EXPECT_EQ(found.size(), 1u) << rule << " " << entity;
  return found.empty() ? Finding() : found.front();
}

// The same from the built-in pack.
inline Finding finding(const Case& c, std::string_view rule, std::string_view entity, Date as_of) {
  return finding(stockton(), c, rule, entity, as_of);
}

}  // namespace compact::testing
