#pragma once
// The names an expression can write: field names, parameter names.

#include <string_view>

namespace compact {

// Lower-case ASCII letters, digits and _, starting with a letter or _: the form of every field name in
// the schema, and what the expression language reads as one name.
bool is_identifier(std::string_view name);

}  // namespace compact
