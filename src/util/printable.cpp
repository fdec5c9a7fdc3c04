#include "compact/util/printable.hpp"

#include "absl/strings/str_format.h"

namespace compact {

std::string printable(std::string_view text, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool starts_char =
        (c & 0xC0) != 0x80;  // UTF-8 continuation bytes belong to the char before
    if (starts_char && chars++ == max_chars) {
      out += "…";
      break;
    }
    if (c < 0x20 || c == 0x7F) {
      out += absl::StrFormat("\\x%02X", c);
    } else {
      if (c == '"' || c == '\\') out += '\\';
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace compact
