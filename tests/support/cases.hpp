#pragma once
// Building test cases in C++, field by field.

#include <optional>
#include <string>

#include "compact/model/case.hpp"

namespace compact::testing {

// An invoice with the dates given (either may be unrecorded).
Payment invoice(std::string id, std::optional<Date> received, std::optional<Date> paid);

}  // namespace compact::testing
