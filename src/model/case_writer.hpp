#pragma once
// write_case (case_json.hpp) with fields left out: a case built in code (case_builder.cpp) whose
// required fields were never set is written without them, as a reader would find them missing,
// rather than with their types' defaults.

#include <span>
#include <string>

#include "compact/model/case.hpp"
#include "json_source.hpp"

namespace compact {

// write_case(c), without the field at each of `left_out` (an object's key, by its path).
std::string write_case_without(const Case& c, std::span<const json_source::Path> left_out);

}  // namespace compact
