#include "compact/util/did_you_mean.hpp"
#include "gtest/gtest.h"

namespace compact {
namespace {

TEST(EditDistance, CountsInsertionsDeletionsAndSubstitutions) {
  EXPECT_EQ(edit_distance("", ""), 0);
  EXPECT_EQ(edit_distance("abc", ""), 3);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3);
  EXPECT_EQ(edit_distance("wokring", "working"), 2);
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

TEST(ClosestMatch, SuggestsOnlyPlausibleTypos) {
  const std::string_view units[] = {"days", "weeks", "months", "years", "working days"};
  EXPECT_EQ(closest_match("wokring days", units), "working days");
  EXPECT_EQ(closest_match("mnths", units), "months");
  EXPECT_EQ(closest_match("fortnights", units), std::nullopt);
  EXPECT_EQ(closest_match("", units), std::nullopt);
}

}  // namespace
}  // namespace compact
