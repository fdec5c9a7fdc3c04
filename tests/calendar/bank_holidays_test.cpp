// The built-in calendars' holidays, against published dates: GOV.UK's list for England and Wales
// 2012-2026 in full, and the historical and devolved cases docs/calendars.md cites.

#include <map>
#include <set>

#include "compact/calendar/calendar.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/dates.hpp"
#include "support/status_matchers.hpp"

namespace compact {
namespace {

using ::compact::testing::D;
using ::compact::testing::holidays_of;
using ::compact::testing::IsOkAndHolds;
using ::compact::testing::published_england_and_wales_holidays;
using ::compact::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::vector<std::string> dates_of(const Calendar& calendar, int year) {
  std::vector<std::string> out;
  for (const Holiday& h : holidays_of(calendar, year)) out.push_back(format_date(h.date));
  return out;
}

TEST(EnglandAndWales, EveryPublishedHolidayAndNoOther) {
  const std::vector<Holiday>& published = published_england_and_wales_holidays();
  ASSERT_EQ(published.size(), 124u);
  std::map<int, std::vector<std::pair<Date, std::string>>> by_year;
  for (const Holiday& h : published) by_year[h.date.year()].push_back({h.date, h.name});
  ASSERT_EQ(by_year.size(), 15u);
  for (const auto& [year, expected] : by_year) {
    std::vector<std::pair<Date, std::string>> actual;
    for (const Holiday& h : holidays_of(Calendar::england_and_wales(), year))
      actual.push_back({h.date, h.name});
    EXPECT_EQ(actual, expected) << year;
  }
}

TEST(EnglandAndWales, PublishedHolidaysAreNotWorkingDaysAndTheirNeighboursFollowTheWeek) {
  const Calendar& calendar = Calendar::england_and_wales();
  std::set<Date> holidays;
  for (const Holiday& h : published_england_and_wales_holidays()) holidays.insert(h.date);
  for (Date d = D("2012-01-01"); d <= D("2026-12-31"); d += boost::gregorian::days(1)) {
    const bool weekend = d.day_of_week() == boost::date_time::Saturday ||
                         d.day_of_week() == boost::date_time::Sunday;
    ASSERT_THAT(calendar.is_working_day(d), IsOkAndHolds(!weekend && !holidays.contains(d)))
        << format_date(d);
  }
}

TEST(EnglandAndWales, SubstituteDaysAreMarked) {
  const Calendar& calendar = Calendar::england_and_wales();
  // 2021: Christmas Day a Saturday, Boxing Day a Sunday: both substituted.
  const std::vector<Holiday> year = *calendar.holidays_in(2021);
  EXPECT_EQ(year[year.size() - 2], (Holiday{D("2021-12-27"), "Christmas Day", true}));
  EXPECT_EQ(year.back(), (Holiday{D("2021-12-28"), "Boxing Day", true}));
  // 2016: Christmas Day a Sunday; Boxing Day keeps the Monday, Christmas moves to Tuesday.
  const std::vector<Holiday> y2016 = *calendar.holidays_in(2016);
  EXPECT_EQ(y2016.back(), (Holiday{D("2016-12-27"), "Christmas Day", true}));
  EXPECT_EQ(y2016[y2016.size() - 2], (Holiday{D("2016-12-26"), "Boxing Day", false}));
}

TEST(EnglandAndWales, HistoricalRulesAndProclamations) {
  const Calendar& ew = Calendar::england_and_wales();
  // 1960, under the 1871 Act: no New Year's Day or May Day; Whit Monday; the first Monday in
  // August; Christmas Day a Sunday, with no substitute; Boxing Day on Monday 26th.
  EXPECT_THAT(dates_of(ew, 1960), ElementsAre("1960-04-15", "1960-04-18", "1960-06-06",
                                              "1960-08-01", "1960-12-25", "1960-12-26"));
  // The trial years (Hansard): 1967 29 May and 28 Aug; 1968 Whit Monday 3 June and 2 Sep; 1965 30
  // Aug.
  EXPECT_THAT(dates_of(ew, 1967), ElementsAre("1967-03-24", "1967-03-27", "1967-05-29",
                                              "1967-08-28", "1967-12-25", "1967-12-26"));
  EXPECT_THAT(dates_of(ew, 1968), ElementsAre("1968-04-12", "1968-04-15", "1968-06-03",
                                              "1968-09-02", "1968-12-25", "1968-12-26"));
  EXPECT_EQ(dates_of(ew, 1965)[3], "1965-08-30");
  EXPECT_EQ(dates_of(ew, 1965)[2], "1965-06-07");
  // 1970: Christmas Friday, Boxing Day Saturday, "on the traditional days" (Hansard): no
  // substitute.
  EXPECT_THAT(ew.is_working_day(D("1970-12-28")), IsOkAndHolds(true));
  // 1971 Act: last Mondays in May and August. New Year's Day from 1974, early May from 1978.
  EXPECT_THAT(dates_of(ew, 1973),
              ElementsAre("1973-04-20", "1973-04-23", "1973-05-28", "1973-08-27", "1973-11-14",
                          "1973-12-25", "1973-12-26"));
  EXPECT_EQ(dates_of(ew, 1974).front(), "1974-01-01");
  EXPECT_EQ(dates_of(ew, 1977).size(),
            8u);  // no early May yet; Spring moved to 6 June, Jubilee 7 June
  EXPECT_THAT(dates_of(ew, 1977),
              ::testing::IsSupersetOf({"1977-01-03", "1977-06-06", "1977-06-07"}));
  EXPECT_EQ(dates_of(ew, 1978)[3], "1978-05-01");
  EXPECT_THAT(dates_of(ew, 1981), ::testing::Contains("1981-07-29"));
  EXPECT_THAT(dates_of(ew, 1995), ::testing::Contains("1995-05-08"));
  EXPECT_THAT(dates_of(ew, 1995), ::testing::Not(::testing::Contains("1995-05-01")));
  EXPECT_THAT(dates_of(ew, 1999),
              ElementsAre("1999-01-01", "1999-04-02", "1999-04-05", "1999-05-03", "1999-05-31",
                          "1999-08-30", "1999-12-27", "1999-12-28", "1999-12-31"));
  EXPECT_EQ(dates_of(ew, 2000).front(), "2000-01-03");
  EXPECT_THAT(dates_of(ew, 2002), ::testing::IsSupersetOf({"2002-06-03", "2002-06-04"}));
  EXPECT_THAT(dates_of(ew, 2002), ::testing::Not(::testing::Contains("2002-05-27")));
  EXPECT_THAT(dates_of(ew, 2011), ::testing::Contains("2011-04-29"));
}

TEST(EnglandAndWales, RulesHoldEveryYearToTheEndOfTheRange) {
  const Calendar& ew = Calendar::england_and_wales();
  for (int year = 2027; year <= kLastSupportedYear; ++year) {
    const std::vector<Holiday> holidays = *ew.holidays_in(year);
    ASSERT_EQ(holidays.size(), 8u) << year;
    for (const Holiday& h : holidays) {
      ASSERT_THAT(ew.is_working_day(h.date), IsOkAndHolds(false)) << format_date(h.date);
    }
    ASSERT_EQ(holidays[3].date.day_of_week(), boost::date_time::Monday);
    ASSERT_LE(holidays[3].date.day(), 7);   // first Monday in May
    ASSERT_GE(holidays[4].date.day(), 25);  // last Monday in May
    ASSERT_GE(holidays[5].date.day(), 25);  // last Monday in August
  }
}

TEST(Scotland, OwnHolidaysAndSubstitutes) {
  const Calendar& sc = Calendar::scotland();
  // 2022: 1 Jan a Saturday, 2 Jan a Sunday; first Monday in August; St Andrew's Day; no Easter
  // Monday.
  EXPECT_THAT(dates_of(sc, 2022),
              ElementsAre("2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02", "2022-06-02",
                          "2022-06-03", "2022-08-01", "2022-09-19", "2022-11-30", "2022-12-26",
                          "2022-12-27"));
  // 2017: 1 Jan a Sunday: 2 Jan keeps its Monday, New Year's Day moves to Tuesday 3 Jan.
  const std::vector<Holiday> y2017 = *sc.holidays_in(2017);
  EXPECT_EQ(y2017[0], (Holiday{D("2017-01-02"), "2nd January", false}));
  EXPECT_EQ(y2017[1], (Holiday{D("2017-01-03"), "New Year’s Day", true}));
  // St Andrew's Day on a Saturday moves to Monday 2 December (2019).
  EXPECT_THAT(dates_of(sc, 2019), ::testing::Contains("2019-12-02"));
  EXPECT_THAT(dates_of(sc, 2006),
              ::testing::Not(::testing::Contains("2006-11-30")));  // from 2007 only
  // 1977: no Scottish move of the spring holiday (the Jubilee was local).
  EXPECT_THAT(dates_of(sc, 1977), ::testing::Not(::testing::Contains("1977-06-07")));
}

TEST(NorthernIreland, StPatricksDayAndTheTwelfth) {
  const Calendar& ni = Calendar::northern_ireland();
  EXPECT_THAT(dates_of(ni, 2013), ::testing::Contains("2013-03-18"));  // 17 March a Sunday
  EXPECT_THAT(dates_of(ni, 2018), ::testing::Contains("2018-03-19"));  // 17 March a Saturday
  EXPECT_THAT(dates_of(ni, 2020), ::testing::Contains("2020-07-13"));  // 12 July a Sunday
  EXPECT_THAT(dates_of(ni, 2025), ::testing::Contains("2025-07-14"));  // 12 July a Saturday
  EXPECT_EQ(dates_of(ni, 2025).size(), 10u);
  // Otherwise as England and Wales.
  for (const Holiday& h : holidays_of(Calendar::england_and_wales(), 2025)) {
    EXPECT_THAT(dates_of(ni, 2025), ::testing::Contains(format_date(h.date)));
  }
}

TEST(BuiltinCalendars, AreFoundByNameAndTyposAreSuggested) {
  EXPECT_EQ(Calendar::builtin("scotland")->name(), "scotland");
  EXPECT_EQ(Calendar::builtin("england-and-wales")->name(), "england-and-wales");
  EXPECT_EQ(Calendar::builtin("northern-ireland")->name(), "northern-ireland");
  EXPECT_THAT(Calendar::builtin("scotlnd"),
              StatusIs(absl::StatusCode::kNotFound, HasSubstr("did you mean \"scotland\"?")));
  EXPECT_THAT(
      Calendar::builtin("wales"),
      StatusIs(absl::StatusCode::kNotFound,
               HasSubstr("the calendars are england-and-wales, scotland, northern-ireland")));
  EXPECT_THAT(Calendar::england_and_wales().holidays_in(1899),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("the year 1899 is outside")));
}

}  // namespace
}  // namespace compact
