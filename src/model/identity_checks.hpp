#pragma once
// Checks on a case's ids once it is read: ids are unique within each list, and every reference names an
// organisation or policy of the case. They run on the typed model, not during parsing, because a
// document may list its organisations after the commissions that refer to them.

#include "compact/model/case.hpp"
#include "problem_log.hpp"

namespace compact {

void check_identities(const Case& c, ProblemLog& log);

}  // namespace compact
