#include "toml_error_hint.hpp"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "compact/util/absl_string_view.hpp"

namespace compact::rules {
namespace {

bool says(std::string_view description, std::string_view words) {
  return description.find(words) != std::string_view::npos;
}

// The line `offset` is on, up to `offset`.
std::string_view line_before(std::string_view toml, size_t offset) {
  offset = std::min(offset, toml.size());
  const size_t start = toml.rfind('\n', offset == 0 ? 0 : offset - 1);
  const size_t from = start == std::string_view::npos || offset == 0 ? 0 : start + 1;
  return toml.substr(from, offset - from);
}

// The number of the first line that reads `[rule]`, or 0.
size_t single_rule_line(std::string_view toml) {
  size_t number = 1;
  for (size_t at = 0; at < toml.size(); ++number) {
    const size_t end = std::min(toml.find('\n', at), toml.size());
    if (absl::StripAsciiWhitespace(to_absl(toml.substr(at, end - at))) == "[rule]") return number;
    at = end + 1;
  }
  return 0;
}

}  // namespace

std::string toml_error_hint(std::string_view toml, size_t offset, std::string_view description) {
  const std::string_view line = line_before(toml, offset);
  if (says(description, "could not determine value type") && line.find('=') != line.npos) {
    return " (text, and so an expression, is written in quotes: met = \"actual <= due\")";
  }
  if (says(description, "expected a comment or whitespace") &&
      std::count(line.begin(), line.end(), '"') >= 2 && line.find('=') != line.npos) {
    return " (a double quote ends the string it is in: write text inside an expression in single "
           "quotes, when = \"payment.kind == 'invoice'\")";
  }
  if (says(description, "unescaped control characters") ||
      says(description, "encountered end-of-file")) {
    if (std::count(line.begin(), line.end(), '"') % 2 == 1) {
      return " (is the string's closing quote missing?)";
    }
  }
  if (says(description, "cannot redefine existing table 'rule' as array-of-tables")) {
    if (const size_t at = single_rule_line(toml)) {
      return absl::StrCat(" (every rule is written [[rule]]; line ", at, " has [rule])");
    }
  }
  return "";
}

}  // namespace compact::rules
