#pragma once
// Picking one finding out of a report, for tests of a pack's rules.

#include <string_view>
#include <vector>

#include "compact/engine/engine.hpp"
#include "gtest/gtest.h"

namespace compact::testing {

// The engine with the built-in Stockton pack, made once.
inline const Engine& stockton() {
  static const Engine engine = *Engine::with_default_pack();
  return engine;
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
