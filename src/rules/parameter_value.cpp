#include "parameter_value.hpp"

#include <cctype>

#include "absl/strings/str_cat.h"
#include "compact/calendar/period.hpp"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/printable.hpp"
#include "plan.hpp"

namespace compact::rules {

absl::StatusOr<std::pair<Type, Value>> value_of_text(std::string_view written,
                                                     std::deque<std::string>& texts) {
  Value value;
  if (absl::StatusOr<Period> period = parse_period(written); period.ok()) {
    value.period = *period;
    return std::pair{Type::of(Type::Kind::kPeriod), value};
  }
  // An amount is compiled as an expression literal: the same syntax as in rules.
  absl::StatusOr<Expression> literal = compile(written, Scope());
  if (literal.ok() && literal->type().kind == Type::Kind::kMoney) {
    return std::pair{literal->type(), literal->evaluate({})};
  }
  // Text that starts like a number or an amount was meant as one: say what is wrong with it.
  if (!written.empty() && std::isdigit(static_cast<unsigned char>(written[0]))) {
    // parse_period's message names the text already.
    return parse_period(written).status();
  }
  if (written.starts_with("\xC2\xA3")) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", printable(written), "\" is not an amount: ", error_reason(literal.status()),
        " (write amounts without commas, like £50000 or £12.50)"));
  }
  value.text = texts.emplace_back(written);
  return std::pair{Type::of(Type::Kind::kText), value};
}

}  // namespace compact::rules
