#pragma once

#include <optional>
#include <string>

namespace compact::cli {

// The text of `file` ("-": standard input), read no further than just past `max` bytes: enough for
// the reader to refuse an oversized document without holding all of it. nullopt when unreadable.
std::optional<std::string> read_input(const std::string& file, size_t max);

}  // namespace compact::cli
