#include "compact/calendar/period.hpp"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/status_matchers.hpp"

namespace compact {
namespace {

using ::compact::testing::IsOkAndHolds;
using ::compact::testing::StatusIs;
using ::testing::Eq;
using ::testing::HasSubstr;

TEST(ParsePeriod, ReadsLongAndShortFormsAsTheCompactWritesThem) {
  struct Case {
    const char* text;
    Period expected;
  };
  const Case cases[] = {
      {"12 weeks", Period::weeks(12)},
      {"12w", Period::weeks(12)},
      {"1 week", Period::weeks(1)},
      {"3 months", Period::months(3)},
      {"3m", Period::months(3)},
      {"1 month", Period::months(1)},
      {"30 working days", Period::working_days(30)},
      {"30wd", Period::working_days(30)},
      {"1 working day", Period::working_days(1)},
      {"30 WD", Period::working_days(30)},
      {"3 years", Period::years(3)},
      {"3y", Period::years(3)},
      {"1 year", Period::years(1)},
      {"10 days", Period::days(10)},
      {"10d", Period::days(10)},
      {"1 day", Period::days(1)},
      {"  30   Working   Days ", Period::working_days(30)},
      {"30\tworking days", Period::working_days(30)},
      {"-3m", Period::months(-3)},
      {"- 5 days", Period::days(-5)},
      {"+3m", Period::months(3)},
      {"0 days", Period::days(0)},
      {"1000000 days", Period::days(1000000)},
  };
  for (const Case& c : cases)
    EXPECT_THAT(parse_period(c.text), IsOkAndHolds(Eq(c.expected))) << c.text;
}

TEST(ParsePeriod, ErrorsNameTheBadPart) {
  struct Case {
    const char* text;
    const char* message;
  };
  const Case cases[] = {
      {"12 wokring days",
       "\"12 wokring days\" is not a period: unknown unit \"wokring days\"; did you mean \"working "
       "days\"?"},
      {"12 weks", "unknown unit \"weks\"; did you mean \"weeks\"?"},
      {"3 monhts", "did you mean \"months\"?"},
      // Abbreviations too far from any spelling for an edit-distance match.
      {"4 wks", "\"4 wks\" is not a period: unknown unit \"wks\"; did you mean \"weeks\"?"},
      {"3 mths", "did you mean \"months\"?"},
      {"2 yrs", "did you mean \"years\"?"},
      {"30 business days", "did you mean \"working days\"?"},
      {"12 fortnights",
       "unknown unit \"fortnights\"; expected days, weeks, months, years or working days"},
      {"twelve weeks", "expected a whole number first, found \"twelve\""},
      {"weeks", "expected a whole number first, found \"weeks\""},
      {"12", "\"12\" is not a period: no unit after the number"},
      {"1.5 months", "the count must be a whole number of units"},
      {"1.5 days", "the count must be a whole number of units"},
      {"+", "expected a whole number after the sign"},
      {"-", "expected a whole number after the sign"},
      {"", "empty period"},
      {"   ", "empty period"},
      {"1000001 days", "the number is larger than 1000000"},
      {"99999999999999999999999 days", "the number is larger than 1000000"},
  };
  for (const Case& c : cases) {
    EXPECT_THAT(parse_period(c.text),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr(c.message)))
        << c.text;
  }
}

TEST(PeriodToString, WritesTheLongFormThatParsesBack) {
  EXPECT_EQ(to_string(Period::weeks(12)), "12 weeks");
  EXPECT_EQ(to_string(Period::working_days(1)), "1 working day");
  EXPECT_EQ(to_string(Period::working_days(30)), "30 working days");
  EXPECT_EQ(to_string(Period::months(-1)), "-1 month");
  EXPECT_EQ(to_string(Period::years(3)), "3 years");
  for (PeriodUnit unit : {PeriodUnit::kDays, PeriodUnit::kWeeks, PeriodUnit::kMonths,
                          PeriodUnit::kYears, PeriodUnit::kWorkingDays}) {
    for (int64_t count : {-2, -1, 0, 1, 2, 36}) {
      const Period p{count, unit};
      EXPECT_THAT(parse_period(to_string(p)), IsOkAndHolds(Eq(p))) << to_string(p);
    }
  }
}

TEST(Period, KeepsItsUnitAndNegates) {
  EXPECT_NE(Period::weeks(12), Period::days(84));
  EXPECT_EQ(-Period::months(3), Period::months(-3));
  EXPECT_EQ(-Period::days(INT64_MIN), Period::days(INT64_MAX));
}

}  // namespace
}  // namespace compact
