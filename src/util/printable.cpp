#include "compact/util/printable.hpp"

#include "absl/strings/str_format.h"
#include "compact/util/utf8.hpp"

namespace compact {

std::string printable(std::string_view text, size_t max_chars) {
  std::string out;
  size_t chars = 0;
  for (size_t i = 0; i < text.size();) {
    if (chars++ == max_chars) {
      out += "…";
      break;
    }
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const size_t length = utf8_sequence_length(text.substr(i));
    if (length == 0 || c < 0x20 || c == 0x7F) {
      // A control character, or a byte that is not part of valid UTF-8: the message stays valid
      // UTF-8 whatever it echoes.
      out += absl::StrFormat("\\x%02X", c);
      ++i;
      continue;
    }
    if (c == '"' || c == '\\') out += '\\';
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

}  // namespace compact
