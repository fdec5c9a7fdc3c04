#include <algorithm>
#include <string>
#include <vector>

#include "compact/util/did_you_mean.hpp"
#include "gtest/gtest.h"

namespace compact {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0);
  EXPECT_EQ(edit_distance("abc", ""), 3);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("wokring", "working"), 1);  // one swap of neighbours
  EXPECT_EQ(edit_distance("titel", "title"), 1);
  EXPECT_EQ(edit_distance("ca", "abc"), 3);  // optimal string alignment: no edit of a swapped pair
  EXPECT_EQ(edit_distance("Friday", "friday"), 0);
}

// The bounded form against the full one, over every pair of a small vocabulary and every limit.
TEST(EditDistance, BoundedAgreesWithFull) {
  const std::string_view words[] = {
      "",       "a",       "id",           "paid_on",      "paid_onn", "received_on", "recieved_on",
      "kitten", "sitting", "working days", "wokring days", "org-1"};
  for (std::string_view a : words) {
    for (std::string_view b : words) {
      const int full = edit_distance(a, b);
      for (int limit = 0; limit <= 12; ++limit) {
        EXPECT_EQ(bounded_edit_distance(a, b, limit), std::min(full, limit + 1))
            << a << " / " << b << " " << limit;
      }
    }
  }
}

// Independent check: the whole optimal-string-alignment table, written out, for every pair of words of
// up to four letters over {a, b, c}.
int reference_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<int>> d(a.size() + 1, std::vector<int>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<int>(i);
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min(
          {d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

TEST(EditDistance, AgreesWithTheWholeTable) {
  std::vector<std::string> words = {""};
  for (size_t start = 0; start < words.size() && words.size() < 121; ++start) {
    if (words[start].size() == 4) continue;
    for (char c : {'a', 'b', 'c'}) words.push_back(words[start] + c);
  }
  for (const std::string& a : words) {
    for (const std::string& b : words) {
      const int expected = reference_distance(a, b);
      ASSERT_EQ(edit_distance(a, b), expected) << a << " / " << b;
      for (int limit = 0; limit <= 4; ++limit) {
        ASSERT_EQ(bounded_edit_distance(a, b, limit), std::min(expected, limit + 1))
            << a << " / " << b << " " << limit;
      }
    }
  }
}

TEST(ClosestMatch, SuggestsOnlyPlausibleTypos) {
  const std::string_view units[] = {"days", "weeks", "months", "years", "working days"};
  EXPECT_EQ(closest_match("wokring days", units), "working days");
  EXPECT_EQ(closest_match("mnths", units), "months");
  EXPECT_EQ(closest_match("fortnights", units), std::nullopt);
  EXPECT_EQ(closest_match("", units), std::nullopt);
}

}  // namespace
}  // namespace compact
