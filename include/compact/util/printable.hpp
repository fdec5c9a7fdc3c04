#pragma once
// Echoing a user's text in an error message safely: control characters (which could drive a terminal)
// are written as \xNN, and long text is cut, so that a hostile 8 MB value cannot flood a log.

#include <cstddef>
#include <string>
#include <string_view>

namespace compact {

// `text` with bytes below 0x20, 0x7F and any byte not in a valid UTF-8 sequence written as \xNN, a
// backslash or double quote preceded by a backslash, cut after `max_chars` characters with "…"
// (never inside a UTF-8 sequence).
std::string printable(std::string_view text, size_t max_chars = 60);

}  // namespace compact
