#pragma once
// Checks that a case's dates agree with each other as facts, whatever the Compact says: a consultation
// cannot close before it opens, an invoice cannot be paid before it is received. docs/case-documents.md
// lists each check and whether it is an error (impossible) or a warning (unusual, possibly right).

#include <vector>

#include "compact/model/case.hpp"
#include "compact/model/case_json.hpp"
#include "json_source.hpp"

namespace compact {

struct Inconsistency {
  Problem problem;  // code "inconsistent_dates"; path, line and column filled in by the caller
  json_source::Path path;
};

std::vector<Inconsistency> check_consistency(const Case& c);

}  // namespace compact
