#include "toml_text.hpp"

#include <algorithm>

namespace compact::rules {
namespace {

bool is_ascii(char c) { return static_cast<unsigned char>(c) < 0x80; }
bool is_space_or_break(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// A scan of TOML that is valid but for characters outside ASCII: there, a quote outside a string
// opens one, and a # outside a string opens a comment, whatever surrounds them.
class Scan {
 public:
  explicit Scan(std::string_view toml) : toml_(toml) {}

  std::optional<TomlTextProblem> run() {
    while (at_ < toml_.size()) {
      const char c = toml_[at_];
      if (c == '#') {  // a comment, to the end of its line
        at_ = std::min(toml_.find('\n', at_), toml_.size());
      } else if (c == '"' || c == '\'') {
        if (std::optional<TomlTextProblem> problem = string(c)) return problem;
      } else if (!is_ascii(c)) {
        return TomlTextProblem{at_, kNonAsciiOutsideStrings};
      } else {
        ++at_;
      }
    }
    return std::nullopt;
  }

 private:
  bool starts_with(std::string_view s) const { return toml_.substr(at_, s.size()) == s; }

  // The string `quote` opens at at_, which the scan then passes. In a basic string ("...") a
  // backslash escapes the next character; a literal one ('...') has no escapes.
  std::optional<TomlTextProblem> string(char quote) {
    const bool basic = quote == '"';
    const std::string_view fence = basic ? R"(""")" : "'''";
    if (!starts_with(fence)) {  // on one line, to the closing quote
      ++at_;
      while (at_ < toml_.size() && toml_[at_] != quote) at_ += basic && toml_[at_] == '\\' ? 2 : 1;
      ++at_;
      return std::nullopt;
    }
    at_ += fence.size();
    while (at_ < toml_.size() && !starts_with(fence)) {
      if (!basic || toml_[at_] != '\\') {
        ++at_;
        continue;
      }
      // toml++ tests what follows a backslash for whitespace, and after a line-ending backslash
      // each character up to the next that is not a space or a line break.
      ++at_;
      while (at_ < toml_.size() && is_space_or_break(toml_[at_])) ++at_;
      if (at_ < toml_.size() && !is_ascii(toml_[at_])) {
        return TomlTextProblem{at_,
                               "a character outside ASCII may not come straight after a backslash "
                               "in a \"\"\" string, even across a line break"};
      }
      ++at_;  // the escaped character, or the first on the next line
    }
    at_ += fence.size();
    // Up to two more quotes after the closing fence still belong to the string.
    for (int extra = 0; extra < 2 && at_ < toml_.size() && toml_[at_] == quote; ++extra) ++at_;
    return std::nullopt;
  }

  std::string_view toml_;
  size_t at_ = 0;
};

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

std::optional<TomlTextProblem> check_non_ascii(std::string_view toml) { return Scan(toml).run(); }

}  // namespace compact::rules
