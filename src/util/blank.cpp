#include "compact/util/blank.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "compact/util/utf8.hpp"

namespace compact {
namespace {

// Unicode 15's White_Space property (PropList.txt), in order; it has not changed since 6.3.
constexpr uint32_t kWhiteSpace[] = {0x09,   0x0A,   0x0B,   0x0C,   0x0D,   0x20,   0x85,
                                    0xA0,   0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
                                    0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200A, 0x2028,
                                    0x2029, 0x202F, 0x205F, 0x3000};

// The code point of the well-formed sequence of `length` bytes at the start of `text`.
uint32_t code_point(std::string_view text, size_t length) {
  const auto byte = [&](size_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(text[i])); };
  if (length == 1) return byte(0);
  // The lead byte keeps 7 - length bits; each continuation byte adds six.
  uint32_t c = byte(0) & (0x7Fu >> length);
  for (size_t i = 1; i < length; ++i) c = (c << 6) | (byte(i) & 0x3Fu);
  return c;
}

}  // namespace

bool is_blank(std::string_view text) {
  while (!text.empty()) {
    const size_t length = utf8_sequence_length(text);
    if (length == 0) return false;
    if (!std::binary_search(std::begin(kWhiteSpace), std::end(kWhiteSpace),
                            code_point(text, length))) {
      return false;
    }
    text.remove_prefix(length);
  }
  return true;
}

}  // namespace compact
