#include <cstdint>
#include <string>

#include "compact/util/blank.hpp"
#include "gtest/gtest.h"

namespace compact {
namespace {

TEST(Blank, WhiteSpaceAloneIsBlank) {
  EXPECT_TRUE(is_blank(""));
  EXPECT_TRUE(is_blank(" "));
  EXPECT_TRUE(is_blank(" \t\r\n\v\f"));
  EXPECT_TRUE(is_blank("\u00A0"));        // the no-break space a word processor pastes
  EXPECT_TRUE(is_blank("\u3000\u2003"));  // the ideographic space, an em space
  EXPECT_TRUE(is_blank("\u2028\u2029"));  // the line and paragraph separators
  EXPECT_FALSE(is_blank("."));
  EXPECT_FALSE(is_blank("  no  "));
  EXPECT_FALSE(is_blank("\u200B"));  // a zero-width space is not White_Space
  EXPECT_FALSE(is_blank("\uFEFF"));  // nor is a byte order mark
  EXPECT_FALSE(is_blank(std::string(1, '\0')));
  EXPECT_FALSE(is_blank("\xC2"));           // the first byte of U+00A0 alone
  EXPECT_FALSE(is_blank("\xC0\xA0"));       // an overlong space
  EXPECT_FALSE(is_blank(" \xA0"));          // a stray continuation byte
  EXPECT_FALSE(is_blank("\xE3\x80\x80x"));  // U+3000, then a letter
}

// UTF-8 written out here from RFC 3629's table, independently of the library's decoding.
std::string utf8(uint32_t c) {
  std::string out;
  const auto put = [&](uint32_t byte) { out.push_back(static_cast<char>(byte)); };
  if (c < 0x80) {
    put(c);
  } else if (c < 0x800) {
    put(0xC0 | (c >> 6));
    put(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    put(0xE0 | (c >> 12));
    put(0x80 | ((c >> 6) & 0x3F));
    put(0x80 | (c & 0x3F));
  } else {
    put(0xF0 | (c >> 18));
    put(0x80 | ((c >> 12) & 0x3F));
    put(0x80 | ((c >> 6) & 0x3F));
    put(0x80 | (c & 0x3F));
  }
  return out;
}

// Every code point: exactly the 25 that Unicode's PropList.txt gives White_Space are blank, alone
// and repeated, and none is blank beside a letter.
TEST(Blank, ExactlyTheTwentyFiveWhiteSpaceCodePointsAreBlank) {
  std::u32string found;
  for (uint32_t c = 0; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates are not characters
    const std::string one = utf8(c);
    if (!is_blank(one)) continue;
    found.push_back(c);
    EXPECT_TRUE(is_blank(one + one + " ")) << std::hex << c;
    EXPECT_FALSE(is_blank(one + "x")) << std::hex << c;
  }
  EXPECT_EQ(found, std::u32string(U"\t\n\v\f\r \u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004"
                                  U"\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F"
                                  U"\u205F\u3000"));
}

}  // namespace
}  // namespace compact
