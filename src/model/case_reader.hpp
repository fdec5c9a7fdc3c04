#pragma once
// Reading a case document straight from the JSON parser's events into the typed model, with no document
// tree in between: each object is matched against its entity's schema as it streams past, and values
// are converted and checked as they arrive.

#include <cstddef>
#include <string_view>

#include "boost/system/error_code.hpp"
#include "compact/model/case.hpp"
#include "compact/model/case_json.hpp"
#include "compact/model/declared_fields.hpp"
#include "problem_log.hpp"

namespace compact {

struct EventReadResult {
  boost::system::error_code error;  // a syntax error or the depth limit; the rest is then void
  size_t consumed = 0;              // bytes accepted: on an error, where it was found
  bool repeated_keys = false;       // some object may hold a key twice: json_source must look
};

// Fills `out` and reports every problem of type and shape to `log`, accepting the keys `declared`
// declares (when given). References and ids are checked afterwards, on the model
// (identity_checks.hpp).
EventReadResult read_case_events(std::string_view text, const ReadLimits& limits,
                                 const FieldDeclarations* declared, Case& out, ProblemLog& log);

}  // namespace compact
