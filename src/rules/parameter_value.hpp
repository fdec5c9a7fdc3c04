#pragma once
// A parameter's value written as text, as a pack's [params] and set_parameter() both take it: a period,
// an amount, or else text. One reading for both, so that "--param x=6 weeks" means what `x = "6 weeks"`
// means in a pack.

#include <deque>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/statusor.h"
#include "compact/rules/expression.hpp"

namespace compact::rules {

// The value `written` stands for. Text is kept in `texts`, which the value views. An error's message
// says what is wrong, without a place: the caller knows where the text came from.
absl::StatusOr<std::pair<Type, Value>> value_of_text(std::string_view written,
                                                     std::deque<std::string>& texts);

}  // namespace compact::rules
