#pragma once
// Keeping toml++ 3.3 (Debian 12's) away from text it mishandles. Its whitespace test declares
// U+00A1..U+0499 and other characters impossible and reaches undefined behaviour on them, and it
// runs that test on every character outside strings and comments (and scans on past a bad value for
// its error message). So "[pa£ck]" could crash the program instead of failing to parse. A pack with
// any character outside ASCII is therefore parsed first as ascii_copy(), which toml++ cannot
// mishandle. Once that copy parses, the text is valid TOML but for those characters, so a plain scan
// finds its strings and comments without ambiguity (check_non_ascii); only then is the real text
// parsed.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace compact::rules {

inline constexpr std::string_view kNonAsciiOutsideStrings =
    "a character outside ASCII may appear only in a quoted string or a comment";

struct TomlTextProblem {
  size_t offset;             // of the character, in bytes
  std::string_view message;  // what is wrong there
};

// `text` without the UTF-8 byte order mark some editors write first: it is no part of the TOML, and
// lines and columns are counted after it, as the editor shows them.
std::string_view without_byte_order_mark(std::string_view text);

bool is_ascii(std::string_view text);

// `text` with each byte outside ASCII replaced by 'a': the same length, lines and columns.
std::string ascii_copy(std::string_view text);

// The first character outside ASCII that toml++ would test for whitespace, if any, in `toml` whose
// ascii_copy() parsed. Such a character may be in a string or a comment (TOML 1.0 allows it nowhere
// else), but not, in a multi-line basic string ("""), straight after a backslash, even a
// line-ending one: toml++ tests that character too.
std::optional<TomlTextProblem> check_non_ascii(std::string_view toml);

}  // namespace compact::rules
