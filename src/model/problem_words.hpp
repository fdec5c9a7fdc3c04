#pragma once
// The words of the case reader's problems that the case builder (case_builder.cpp) gives too, so that
// a case built in code and the same case read from a document are told alike.

#include <string>
#include <string_view>

#include "compact/model/schema.hpp"

namespace compact {

// missing_field: `required text field "id" is missing`.
std::string missing_field_message(const FieldInfo& field);

// invalid_enum: `"grnat" is not an approach; expected one of grant, contract, ... (did you mean
// "grant"?)`.
std::string invalid_enum_message(std::string_view text, const EnumInfo& enumeration);

}  // namespace compact
