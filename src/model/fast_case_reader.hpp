#pragma once
// The case reader's fast path: a well-formed document, read straight into the typed model in one pass
// over its text, with no events, no JSON path kept and no problem to report. Anything it does not
// expect of a valid case (an unknown or repeated key, a null, a wrong type, an escape in a string, a
// number that is not a plain whole one, a value past a limit) makes it give up, and the full reader
// (case_reader.hpp) reads the document again from the start and says what is wrong. A document the
// fast path reads, the full reader reads to the same Case with no problem: case_json_test and the
// case_document fuzzer check that on every document they have.

#include <string_view>

#include "compact/model/case.hpp"
#include "compact/model/case_json.hpp"
#include "compact/model/declared_fields.hpp"

namespace compact {

// Whether `text` (a whole document, without a byte order mark) was read into `out`, which may hold a
// case read before: its lists, their entries and its texts are read into where they are, keeping
// their memory, and it ends as the document's case, nothing of the old one left. When not, `out`
// holds whatever was read before the fast path gave up, and the caller empties it.
bool read_case_fast(std::string_view text, const ReadLimits& limits, Case& out);

// read_case without the fast path: the full reader alone, for the tests that compare the two.
CaseReadResult read_case_in_full(std::string_view json, const FieldDeclarations* declared,
                                 const ReadLimits& limits = {});

}  // namespace compact
