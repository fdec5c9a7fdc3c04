#pragma once
// Plain words for the toml++ errors a pack author meets most. toml++ says what its parser expected
// ("could not determine value type"); the author needs to know what to write instead ("an expression
// goes in quotes"), which shows in the line the error is on.

#include <cstddef>
#include <string>
#include <string_view>

namespace compact::rules {

// A hint, starting with a space, for toml++'s error `description` at byte `offset` of `toml`; "" when
// there is none to give.
std::string toml_error_hint(std::string_view toml, size_t offset, std::string_view description);

}  // namespace compact::rules
