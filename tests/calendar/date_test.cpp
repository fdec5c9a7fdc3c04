#include "compact/calendar/date.hpp"

#include "boost/date_time/gregorian/gregorian.hpp"
#include "compact/calendar/civil_days.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/dates.hpp"
#include "support/status_matchers.hpp"

namespace compact {
namespace {

using ::compact::testing::D;
using ::compact::testing::IsOk;
using ::compact::testing::IsOkAndHolds;
using ::compact::testing::StatusIs;
using ::testing::HasSubstr;

TEST(SupportedRange, ConstantsAgreeWithBoost) {
  EXPECT_EQ(first_supported_date(), Date(1900, 1, 1));
  EXPECT_EQ(last_supported_date(), Date(2199, 12, 31));
  EXPECT_EQ((last_supported_date() - first_supported_date()).days() + 1, kSupportedDays);
  EXPECT_EQ(static_cast<int64_t>(first_supported_date().day_number()),
            kJulianDayOfFirstSupportedDate);
  EXPECT_EQ(to_day_index(first_supported_date()), 0);
  EXPECT_EQ(from_day_index(kSupportedDays - 1), last_supported_date());
}

// Every supported date: ISO text agrees with Boost's own formatter, parses back to itself, and the
// day index round-trips; year, month and day agree with make_date and with Hinnant's conversions
// both ways.
TEST(SupportedRange, EveryDateFormatsParsesAndIndexesExactly) {
  for (int64_t i = 0; i < kSupportedDays; ++i) {
    const Date d = from_day_index(i);
    const std::string iso = format_date(d);
    ASSERT_EQ(iso, boost::gregorian::to_iso_extended_string(d));
    ASSERT_THAT(parse_date(iso), IsOkAndHolds(d)) << iso;
    ASSERT_EQ(to_day_index(d), i);
    const Date::ymd_type ymd = d.year_month_day();
    ASSERT_THAT(make_date(ymd.year, ymd.month, ymd.day), IsOkAndHolds(d));
    const CivilDay civil = civil_from_day_index(i);
    ASSERT_EQ(civil.year, ymd.year);
    ASSERT_EQ(civil.month, ymd.month);
    ASSERT_EQ(civil.day, ymd.day);
    ASSERT_EQ(day_index_from_civil(ymd.year, ymd.month, ymd.day), i);
  }
}

// Every day Boost holds, 1400 to 9999: the conversion to year, month and day (which write_date uses
// for any date, in range or not) agrees with Boost's.
TEST(Civil, EveryDayBoostHoldsConvertsAsBoostConvertsIt) {
  const Date first(1400, 1, 1);
  const Date last(9999, 12, 31);
  const int64_t first_index = to_day_index(first);
  for (int64_t i = first_index; i <= to_day_index(last); ++i) {
    const Date::ymd_type ymd = (first + boost::gregorian::days(i - first_index)).year_month_day();
    const CivilDay civil = civil_from_day_index(i);
    ASSERT_EQ(civil.year, ymd.year) << i;
    ASSERT_EQ(civil.month, ymd.month) << i;
    ASSERT_EQ(civil.day, ymd.day) << i;
  }
}

// Dates outside the supported range (a trace may show one) still format as Boost does: across
// Boost's whole range, 1400 to 9999, every 13th day, which meets every day of every month many times
// over (13 has no factor in common with 28 to 31).
TEST(Formatting, EveryDateBoostHoldsFormatsAsBoostDoes) {
  const Date first(1400, 1, 1);
  const Date last(9999, 12, 31);
  for (Date d = first; d <= last; d += boost::gregorian::days(13)) {
    ASSERT_EQ(format_date(d), boost::gregorian::to_iso_extended_string(d));
  }
}

TEST(Civil, LeapYearsAndMonthLengthsAgreeWithBoost) {
  for (int year = kFirstSupportedYear; year <= kLastSupportedYear; ++year) {
    ASSERT_EQ(is_leap_year(year), boost::gregorian::gregorian_calendar::is_leap_year(
                                      static_cast<unsigned short>(year)));
    for (int month = 1; month <= 12; ++month) {
      ASSERT_EQ(days_in_month(year, month),
                boost::gregorian::gregorian_calendar::end_of_month_day(
                    static_cast<unsigned short>(year), static_cast<unsigned short>(month)));
    }
  }
  EXPECT_FALSE(is_leap_year(1900));
  EXPECT_TRUE(is_leap_year(2000));
  EXPECT_FALSE(is_leap_year(2100));
  EXPECT_TRUE(is_leap_year(2024));
}

TEST(ParseDate, RefusesWhatIsNotAnIsoDateAndSaysWhy) {
  struct Case {
    const char* text;
    absl::StatusCode code;
    const char* message;
  };
  const Case cases[] = {
      {"2025-02-30", absl::StatusCode::kInvalidArgument,
       "\"2025-02-30\" is not a date: day 30 is not in February 2025, which has 28 days"},
      {"2023-02-29", absl::StatusCode::kInvalidArgument, "February 2023, which has 28 days"},
      {"2100-02-29", absl::StatusCode::kInvalidArgument, "February 2100, which has 28 days"},
      {"2025-04-31", absl::StatusCode::kInvalidArgument, "April 2025, which has 30 days"},
      {"2025-13-01", absl::StatusCode::kInvalidArgument, "month 13 is not a month (1 to 12)"},
      {"2025-00-10", absl::StatusCode::kInvalidArgument, "month 0 is not a month"},
      {"2025-01-00", absl::StatusCode::kInvalidArgument, "day 0 is not in January 2025"},
      {"1800-01-01", absl::StatusCode::kOutOfRange,
       "1800-01-01 is outside the supported range 1900-01-01 to 2199-12-31"},
      {"1899-12-31", absl::StatusCode::kOutOfRange, "1899-12-31 is outside the supported range"},
      {"2200-01-01", absl::StatusCode::kOutOfRange, "2200-01-01 is outside the supported range"},
      {"", absl::StatusCode::kInvalidArgument, "\"\" is not a date: expected YYYY-MM-DD"},
      {"2025-1-1", absl::StatusCode::kInvalidArgument, "expected YYYY-MM-DD, like 2025-01-31"},
      {"25-01-01", absl::StatusCode::kInvalidArgument, "expected YYYY-MM-DD"},
      {" 2025-01-01", absl::StatusCode::kInvalidArgument, "expected YYYY-MM-DD"},
      {"2025-01-01 ", absl::StatusCode::kInvalidArgument, "expected YYYY-MM-DD"},
      {"2025/01/01", absl::StatusCode::kInvalidArgument, "expected YYYY-MM-DD"},
      {"2025-01-0x", absl::StatusCode::kInvalidArgument, "expected YYYY-MM-DD"},
      {"+025-01-01", absl::StatusCode::kInvalidArgument, "expected YYYY-MM-DD"},
      {"2025-01-01T00:00", absl::StatusCode::kInvalidArgument, "expected YYYY-MM-DD"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(parse_date(c.text), StatusIs(c.code, HasSubstr(c.message))) << c.text;
  }
}

TEST(CheckSupported, RefusesSpecialValuesAndDatesOutsideTheRange) {
  EXPECT_THAT(check_supported(D("2025-01-01")), IsOk());
  EXPECT_THAT(check_supported(Date(boost::gregorian::not_a_date_time)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not a date")));
  EXPECT_THAT(check_supported(Date(boost::gregorian::pos_infin)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not a date")));
  EXPECT_THAT(check_supported(Date(1600, 3, 1)),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("1600-03-01 is outside the supported range")));
  EXPECT_EQ(format_date(Date(boost::gregorian::not_a_date_time)), "not-a-date");
}

}  // namespace
}  // namespace compact
