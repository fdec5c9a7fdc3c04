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

TEST(ClosestMatch, SuggestsOnlyPlausibleTypos) {
  const std::string_view units[] = {"days", "weeks", "months", "years", "working days"};
  EXPECT_EQ(closest_match("wokring days", units), "working days");
  EXPECT_EQ(closest_match("mnths", units), "months");
  EXPECT_EQ(closest_match("fortnights", units), std::nullopt);
  EXPECT_EQ(closest_match("", units), std::nullopt);
}

}  // namespace
}  // namespace compact
