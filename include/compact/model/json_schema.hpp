#pragma once
// A JSON Schema (draft 2020-12) for case documents, generated from the schema: what
// `compact schema --json-schema` prints and docs/case.schema.json holds. It says what the schema can
// say in JSON Schema's terms (types, required fields, enums, no unknown fields, list lengths); what it
// cannot (real calendar dates in range, unique ids, organisation references, date order) only
// read_case checks. Two differences remain: JSON Schema counts a string's maxLength in characters where
// read_case counts bytes, and it takes 1.0 as an integer where read_case wants 1.

#include <string>

#include "compact/model/declared_fields.hpp"

namespace compact {

// The schema as indented JSON text, ending in a newline; with `declared`, the fields it declares
// are properties of their entities too (optional, as every declared field is).
std::string case_json_schema(const FieldDeclarations& declared = {});

}  // namespace compact
