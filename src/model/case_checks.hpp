#pragma once
// check_case (case_json.hpp) into a log that may already hold problems: a case built in code
// (case_builder.cpp) has its own to report first.

#include "compact/model/case.hpp"
#include "problem_log.hpp"

namespace compact {

void check_case(const Case& c, ProblemLog& log);

}  // namespace compact
