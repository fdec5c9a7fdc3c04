#pragma once
// JSON text eight bytes at a time, for the case reader's fast path and the report writer: which bytes
// of a word (read low byte first) are a quote, a backslash or a control character, the bytes a plain
// JSON string ends at or must escape.

#include <cstdint>

namespace compact::json_bytes {

inline constexpr uint64_t kOnes = 0x0101010101010101;
inline constexpr uint64_t kHighs = 0x8080808080808080;

// The bytes of `x` that are zero, each as its high bit: the classic test, which can give a false
// positive only after a true one, so that the lowest bit set is always the first zero byte.
constexpr uint64_t zero_bytes(uint64_t x) { return (x - kOnes) & ~x & kHighs; }

// The bytes of `word` that are a quote, a backslash or below 0x20, each as its high bit, the lowest
// set the first of them. The quote and the backslash are zero_bytes() of a word made zero where the
// byte matches; control characters, the same test subtracting 0x20 from each byte instead of 1.
constexpr uint64_t quote_backslash_or_control(uint64_t word) {
  const uint64_t control = (word - kOnes * 0x20) & ~word & kHighs;
  return control | zero_bytes(word ^ (kOnes * '"')) | zero_bytes(word ^ (kOnes * '\\'));
}

}  // namespace compact::json_bytes
