#include <string>

#include "compact/util/printable.hpp"
#include "compact/util/utf8.hpp"
#include "gtest/gtest.h"

namespace compact {
namespace {

TEST(Printable, EscapesControlsQuotesAndBytesThatAreNotUtf8) {
  EXPECT_EQ(printable("plain"), "plain");
  EXPECT_EQ(printable("say \"hi\"\\"), "say \\\"hi\\\"\\\\");
  EXPECT_EQ(printable("a\nb\x7F"), "a\\x0Ab\\x7F");
  EXPECT_EQ(printable("£12 ≥ 3 𝄞"), "£12 ≥ 3 𝄞");           // two, three and four bytes, kept
  EXPECT_EQ(printable("\xE2"), "\\xE2");                    // the first byte of ≥ alone
  EXPECT_EQ(printable("\xE2\x89"), "\\xE2\\x89");           // a sequence cut short
  EXPECT_EQ(printable("x\x80y"), "x\\x80y");                // a stray continuation byte
  EXPECT_EQ(printable("\xC0\xAF"), "\\xC0\\xAF");           // an overlong '/'
  EXPECT_EQ(printable("\xED\xA0\x80"), "\\xED\\xA0\\x80");  // a UTF-16 surrogate
  EXPECT_EQ(printable("\xF4\x90\x80\x80"), "\\xF4\\x90\\x80\\x80");  // past U+10FFFF
  EXPECT_EQ(printable("abcdef", 3), "abc…");
  EXPECT_EQ(printable("£££", 2), "££…");  // cut between characters, never inside one
}

// Every two-byte input against the rule for two-byte sequences written out here (RFC 3629: C2-DF
// then 80-BF): such a pair is kept; any other byte at or above 0x80 is escaped, so the output is
// plain ASCII.
TEST(Printable, EveryTwoByteInputFollowsRfc3629) {
  for (int a = 0; a < 256; ++a) {
    for (int b = 0; b < 256; ++b) {
      const std::string input = {static_cast<char>(a), static_cast<char>(b)};
      const std::string out = printable(input);
      const bool pair = a >= 0xC2 && a <= 0xDF && b >= 0x80 && b <= 0xBF;
      if (pair) {
        ASSERT_EQ(out, input) << a << " " << b;
        continue;
      }
      for (const char c : out) ASSERT_LT(static_cast<unsigned char>(c), 0x80) << a << " " << b;
    }
  }
}

// The edges of RFC 3629's table, each side: the second byte's range after E0, ED, F0 and F4.
TEST(Utf8, SequenceLengthsAtTheEdgesOfRfc3629) {
  EXPECT_EQ(utf8_sequence_length("a"), 1u);
  EXPECT_EQ(utf8_sequence_length(""), 0u);
  EXPECT_EQ(utf8_sequence_length("\xC2\x80"), 2u);
  EXPECT_EQ(utf8_sequence_length("\xC1\xBF"), 0u);
  EXPECT_EQ(utf8_sequence_length("\xE0\xA0\x80"), 3u);
  EXPECT_EQ(utf8_sequence_length("\xE0\x9F\xBF"), 0u);
  EXPECT_EQ(utf8_sequence_length("\xED\x9F\xBF"), 3u);
  EXPECT_EQ(utf8_sequence_length("\xED\xA0\x80"), 0u);
  EXPECT_EQ(utf8_sequence_length("\xF0\x90\x80\x80"), 4u);
  EXPECT_EQ(utf8_sequence_length("\xF0\x8F\xBF\xBF"), 0u);
  EXPECT_EQ(utf8_sequence_length("\xF4\x8F\xBF\xBF"), 4u);
  EXPECT_EQ(utf8_sequence_length("\xF4\x90\x80\x80"), 0u);
  EXPECT_EQ(utf8_sequence_length("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(utf8_sequence_length("\xE2\x89"), 0u);  // cut short
  EXPECT_EQ(utf8_sequence_length("\xE2\x89\xA5 more"), 3u);
}

}  // namespace
}  // namespace compact
