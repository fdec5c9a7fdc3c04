#include "toml_text.hpp"

#include <algorithm>

namespace compact::rules {
namespace {

bool is_ascii(char c) { return static_cast<unsigned char>(c) < 0x80; }

// In a """ string toml++ tests what follows a backslash for whitespace, and after a line-ending
// backslash each character up to the next that is not a space or a line break.
std::optional<TomlTextProblem> after_backslash(std::string_view toml, size_t first, size_t last) {
  const std::string_view string = toml.substr(first, last - first + 1);
  if (!string.starts_with(R"(""")")) return std::nullopt;
  for (size_t at = string.find('\\'); at != std::string_view::npos; at = string.find('\\', at)) {
    ++at;
    while (at < string.size() &&
           std::string_view(" \t\r\n").find(string[at]) != std::string_view::npos) {
      ++at;
    }
    if (at < string.size() && !is_ascii(string[at])) {
      return TomlTextProblem{first + at,
                             "a character outside ASCII may not come straight after a backslash in "
                             "a \"\"\" string, even across a line break"};
    }
    ++at;  // the escaped character: a second backslash escapes nothing further
  }
  return std::nullopt;
}

}  // namespace

std::string_view without_byte_order_mark(std::string_view text) {
  constexpr std::string_view kMark = "\xEF\xBB\xBF";
  if (text.starts_with(kMark)) text.remove_prefix(kMark.size());
  return text;
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return is_ascii(c); });
}

std::string ascii_copy(std::string_view text) {
  std::string copy(text);
  for (char& c : copy) {
    if (!is_ascii(c)) c = 'a';
  }
  return copy;
}

std::optional<TomlTextProblem> check_non_ascii(
    std::string_view toml, const std::vector<std::pair<size_t, size_t>>& strings) {
  auto string = strings.begin();
  bool in_comment = false;
  for (size_t at = 0; at < toml.size(); ++at) {
    while (string != strings.end() && string->second < at) ++string;
    if (string != strings.end() && string->first <= at) {  // in a string: on to its end
      if (std::optional<TomlTextProblem> problem =
              after_backslash(toml, string->first, string->second)) {
        return problem;
      }
      at = string->second;
      continue;
    }
    const char c = toml[at];
    if (c == '\n') {
      in_comment = false;
    } else if (c == '#') {
      in_comment = true;
    } else if (!is_ascii(c) && !in_comment) {
      return TomlTextProblem{at, kNonAsciiOutsideStrings};
    }
  }
  return std::nullopt;
}

}  // namespace compact::rules
