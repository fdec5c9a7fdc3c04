#pragma once
// The field reference for case documents, written from the schema (never by hand): what
// `compact schema` prints and docs/case-fields.md holds.

#include <string>

#include "compact/model/declared_fields.hpp"

namespace compact {

// Markdown: one section per entity, from the case down, each with a table of its fields (name, type,
// required or not, description). Enums list their values. Fields `declared` declares follow each
// entity's own, with where they were declared.
std::string case_field_reference(const FieldDeclarations& declared = {});

}  // namespace compact
