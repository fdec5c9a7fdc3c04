#include "easter.hpp"

#include "gtest/gtest.h"
#include "support/dates.hpp"

namespace compact {
namespace {

using ::compact::testing::D;

// Published Easter Sundays, including the extremes of the Gregorian computus (22 March, 25 April)
// and the two exceptional epacts the algorithm's m term corrects (1954 and 1981: 18 and 19 April).
TEST(EasterSunday, PublishedDates) {
  EXPECT_EQ(easter_sunday(1913), D("1913-03-23"));
  EXPECT_EQ(easter_sunday(1943), D("1943-04-25"));
  EXPECT_EQ(easter_sunday(1954), D("1954-04-18"));
  EXPECT_EQ(easter_sunday(1981), D("1981-04-19"));
  EXPECT_EQ(easter_sunday(2008), D("2008-03-23"));
  EXPECT_EQ(easter_sunday(2038), D("2038-04-25"));
  EXPECT_EQ(easter_sunday(2285), Date(2285, 3, 22));  // beyond the range D() accepts
}

TEST(EasterSunday, IsAlwaysASundayBetween22MarchAnd25April) {
  for (int year = kFirstSupportedYear; year <= kLastSupportedYear; ++year) {
    const Date easter = easter_sunday(year);
    ASSERT_EQ(easter.day_of_week(), boost::date_time::Sunday) << year;
    ASSERT_GE(easter, Date(static_cast<unsigned short>(year), 3, 22)) << year;
    ASSERT_LE(easter, Date(static_cast<unsigned short>(year), 4, 25)) << year;
  }
}

}  // namespace
}  // namespace compact
