#pragma once
// The field reference for case documents, written from the schema (never by hand): what
// `compact schema` prints and docs/case-fields.md holds.

#include <string>

namespace compact {

// Markdown: one section per entity, from the case down, each with a table of its fields (name, type,
// required or not, description). Enums list their values.
std::string case_field_reference();

}  // namespace compact
