#include "compact/calendar/civil_arithmetic.hpp"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/dates.hpp"
#include "support/status_matchers.hpp"

namespace compact {
namespace {

using ::compact::testing::D;
using ::compact::testing::IsOkAndHolds;
using ::compact::testing::StatusIs;
using ::testing::Eq;
using ::testing::HasSubstr;

// The corresponding-date rule as a table: each row is a worked example, most from case law or
// DESIGN.md.
TEST(AddMonths, FollowsTheCorrespondingDateRule) {
  struct Case {
    const char* from;
    int64_t months;
    const char* expected;
    const char* why;
  };
  const Case cases[] = {
      {"1978-09-30", 4, "1979-01-30",
       "Dodds v Walker [1981]: 30 Sep + 4 months is 30 Jan, not 31 Jan"},
      {"2025-01-31", 1, "2025-02-28", "no 31 Feb: the last day of February"},
      {"2024-01-31", 1, "2024-02-29", "leap year: 29 Feb"},
      {"2025-02-28", 1, "2025-03-28",
       "a month end is not snapped to the next month end (Boost gets 31 Mar)"},
      {"2024-02-29", 1, "2024-03-29", "29 Feb + 1 month is 29 Mar"},
      {"2025-01-31", 3, "2025-04-30", "issue example: 31 Jan + 3 months"},
      {"2025-03-31", -1, "2025-02-28", "backwards clamps too"},
      {"2024-03-31", -1, "2024-02-29", "backwards into a leap February"},
      {"2025-05-31", 1, "2025-06-30", "31 May + 1 month"},
      {"2025-12-15", 1, "2026-01-15", "across a year end"},
      {"2025-01-15", -1, "2024-12-15", "backwards across a year end"},
      {"2025-04-01", 36, "2028-04-01", "three years of months"},
      {"2025-01-06", 0, "2025-01-06", "zero months"},
      {"2199-11-30", 1, "2199-12-30", "last supported month"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(add_months(D(c.from), c.months), IsOkAndHolds(Eq(D(c.expected)))) << c.why;
  }
}

TEST(AddYears, IsTwelveMonths) {
  EXPECT_THAT(add_years(D("2024-02-29"), 1), IsOkAndHolds(Eq(D("2025-02-28"))));
  EXPECT_THAT(add_years(D("2024-02-29"), 4), IsOkAndHolds(Eq(D("2028-02-29"))));
  EXPECT_THAT(add_years(D("2096-02-29"), 4),
              IsOkAndHolds(Eq(D("2100-02-28"))));  // 2100 is not a leap year
  EXPECT_THAT(add_years(D("2025-04-01"), 3), IsOkAndHolds(Eq(D("2028-04-01"))));
  for (int64_t i = 0; i < kSupportedDays; i += 37) {
    const Date d = from_day_index(i);
    for (int64_t n : {-5, -1, 1, 3, 10}) {
      ASSERT_EQ(add_years(d, n).status().ok(), add_months(d, 12 * n).status().ok());
      if (add_years(d, n).ok()) {
        ASSERT_EQ(*add_years(d, n), *add_months(d, 12 * n));
      }
    }
  }
}

// An independent reference: step one month at a time with Boost's ymd types, then clamp with
// Boost's own month lengths. It shares no code with add_months.
Date reference_add_months(Date d, int64_t n) {
  int year = d.year();
  int month = d.month();
  for (int64_t i = 0; i < (n < 0 ? -n : n); ++i) {
    month += n < 0 ? -1 : 1;
    if (month == 0) month = 12, --year;
    if (month == 13) month = 1, ++year;
  }
  const int last = boost::gregorian::gregorian_calendar::end_of_month_day(
      static_cast<unsigned short>(year), static_cast<unsigned short>(month));
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(std::min<int>(d.day(), last)));
}

TEST(AddMonths, AgreesWithAStepByStepReferenceOverTheWholeRange) {
  for (int64_t i = 0; i < kSupportedDays; i += 3) {
    const Date d = from_day_index(i);
    for (int64_t n : {-25, -13, -12, -1, 1, 2, 3, 11, 12, 36}) {
      const Date expected = reference_add_months(d, n);
      if (is_supported(expected)) {
        ASSERT_THAT(add_months(d, n), IsOkAndHolds(Eq(expected))) << format_date(d) << " + " << n;
      } else {
        ASSERT_THAT(add_months(d, n), StatusIs(absl::StatusCode::kOutOfRange, HasSubstr(" month")));
      }
    }
  }
}

// latest_start_months checked against its definition by search: the latest e with e + n months <=
// x, found by trying every candidate from x + 40 days back to x - (|n| + 1) * 31 days.
TEST(LatestStartMonths, IsTheLatestStartFoundBySearch) {
  for (Date x = D("2023-01-01"); x <= D("2025-12-31"); x += boost::gregorian::days(1)) {
    for (int64_t n : {-13, -1, 0, 1, 2, 3, 4, 12, 36}) {
      const int64_t reach = ((n < 0 ? -n : n) + 1) * 31;
      Date found(boost::gregorian::not_a_date_time);
      for (Date e = x + boost::gregorian::days(reach); e >= x - boost::gregorian::days(reach);
           e -= boost::gregorian::days(1)) {
        if (*add_months(e, n) <= x) {
          found = e;
          break;
        }
      }
      ASSERT_THAT(latest_start_months(x, n), IsOkAndHolds(Eq(found)))
          << format_date(x) << ", " << n;
    }
  }
}

TEST(LatestStartMonths, DiffersFromCountingBackAtMonthEnds) {
  EXPECT_THAT(latest_start_months(D("2025-04-30"), 3), IsOkAndHolds(Eq(D("2025-01-31"))));
  EXPECT_THAT(add_months(D("2025-04-30"), -3), IsOkAndHolds(Eq(D("2025-01-30"))));
  EXPECT_THAT(latest_start_months(D("2025-02-28"), 1), IsOkAndHolds(Eq(D("2025-01-31"))));
  EXPECT_THAT(latest_start_months(D("2024-02-29"), 12), IsOkAndHolds(Eq(D("2023-02-28"))));
  EXPECT_THAT(latest_start_months(D("2025-03-29"), 1), IsOkAndHolds(Eq(D("2025-02-28"))));
}

TEST(CivilArithmetic, RefusesAnswersOutsideTheSupportedRange) {
  EXPECT_THAT(
      add_days(D("2199-12-31"), 1),
      StatusIs(
          absl::StatusCode::kOutOfRange,
          HasSubstr("2199-12-31 + 1 day is outside the supported range 1900-01-01 to 2199-12-31")));
  EXPECT_THAT(add_days(D("1900-01-01"), -1),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("+ -1 day")));
  EXPECT_THAT(add_days(D("2025-01-01"), INT64_MAX),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("outside the supported range")));
  EXPECT_THAT(add_days(D("2025-01-01"), INT64_MIN),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("outside the supported range")));
  EXPECT_THAT(add_months(D("2199-12-01"), 1),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("+ 1 month")));
  EXPECT_THAT(add_months(D("2025-01-01"), INT64_MIN),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("outside the supported range")));
  EXPECT_THAT(add_years(D("2190-01-01"), 10),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("+ 10 years")));
  EXPECT_THAT(add_years(D("2190-01-01"), INT64_MAX),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("outside the supported range")));
  EXPECT_THAT(latest_start_months(D("1900-02-01"), 3),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("the latest start for 3 months before 1900-02-01 is outside")));
  EXPECT_THAT(add_days(Date(boost::gregorian::not_a_date_time), 1),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not a date")));
  EXPECT_THAT(add_months(Date(1700, 1, 1), 1),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("1700-01-01")));
}

}  // namespace
}  // namespace compact
