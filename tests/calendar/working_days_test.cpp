// Working-day arithmetic: worked examples, then the constant-time tables against a plain day-by-day
// reference over every date 1990-2060 and every offset -300..300.

#include <set>
#include <thread>

#include "compact/calendar/calendar.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/dates.hpp"
#include "support/status_matchers.hpp"

namespace compact {
namespace {

using boost::gregorian::days;
using ::compact::testing::D;
using ::compact::testing::holidays_of;
using ::compact::testing::IsOkAndHolds;
using ::compact::testing::StatusIs;
using ::testing::Eq;
using ::testing::HasSubstr;

TEST(WorkingDays, WorkedExamples) {
  const Calendar& ew = Calendar::england_and_wales();
  // DESIGN.md: an invoice received Fri 13 Dec 2024 is due by Wed 29 Jan 2025 under "30 working
  // days" (Christmas Day, Boxing Day and New Year's Day are skipped).
  EXPECT_THAT(ew.add_working_days(D("2024-12-13"), 30), IsOkAndHolds(Eq(D("2025-01-29"))));
  EXPECT_THAT(ew.working_days_between(D("2024-12-13"), D("2025-01-29")), IsOkAndHolds(30));
  EXPECT_THAT(ew.working_days_between(D("2025-01-29"), D("2024-12-13")), IsOkAndHolds(-30));
  // Strictly after d, whether or not d is a working day: from a Saturday, 1 working day is the
  // Monday.
  EXPECT_THAT(ew.add_working_days(D("2025-01-04"), 1), IsOkAndHolds(Eq(D("2025-01-06"))));
  EXPECT_THAT(ew.add_working_days(D("2025-01-03"), 1), IsOkAndHolds(Eq(D("2025-01-06"))));
  EXPECT_THAT(ew.add_working_days(D("2025-01-06"), -1), IsOkAndHolds(Eq(D("2025-01-03"))));
  EXPECT_THAT(ew.add_working_days(D("2025-01-05"), 0), IsOkAndHolds(Eq(D("2025-01-05"))));
  // Across Easter 2025 (Good Friday 18 April, Easter Monday 21 April).
  EXPECT_THAT(ew.add_working_days(D("2025-04-17"), 1), IsOkAndHolds(Eq(D("2025-04-22"))));
  EXPECT_THAT(ew.next_working_day(D("2025-12-24")), IsOkAndHolds(Eq(D("2025-12-29"))));
  EXPECT_THAT(ew.previous_working_day(D("2025-12-29")), IsOkAndHolds(Eq(D("2025-12-24"))));
  EXPECT_THAT(ew.working_day_on_or_after(D("2025-12-25")), IsOkAndHolds(Eq(D("2025-12-29"))));
  EXPECT_THAT(ew.working_day_on_or_after(D("2025-12-24")), IsOkAndHolds(Eq(D("2025-12-24"))));
  EXPECT_THAT(ew.working_day_on_or_before(D("2025-12-28")), IsOkAndHolds(Eq(D("2025-12-24"))));
  // A working year: 2025 has 365 days, 104 weekend days and 8 bank holidays on weekdays.
  EXPECT_THAT(ew.working_days_between(D("2024-12-31"), D("2025-12-31")), IsOkAndHolds(253));
  EXPECT_THAT(ew.is_working_day(D("2025-12-26")), IsOkAndHolds(false));
}

TEST(WorkingDays, EdgesOfTheSupportedRangeAreErrorsNotWrongDates) {
  const Calendar& ew = Calendar::england_and_wales();
  EXPECT_THAT(ew.add_working_days(D("2199-12-30"), 5),
              StatusIs(absl::StatusCode::kOutOfRange,
                       HasSubstr("2199-12-30 + 5 working days is outside the supported range")));
  EXPECT_THAT(ew.add_working_days(D("1900-01-03"), -5),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("1900-01-03 + -5 working days")));
  EXPECT_THAT(ew.add_working_days(D("2025-01-01"), INT64_MAX),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("outside")));
  EXPECT_THAT(ew.add_working_days(D("2025-01-01"), INT64_MIN + 1),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("outside")));
  EXPECT_THAT(ew.is_working_day(Date(1899, 12, 31)),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("1899-12-31 is outside")));
  EXPECT_THAT(ew.working_days_between(D("2025-01-01"), Date(2200, 1, 1)),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("2200-01-01 is outside")));
  EXPECT_THAT(ew.is_working_day(Date(boost::gregorian::not_a_date_time)),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("not a date")));
  EXPECT_THAT(
      ew.latest_start(D("1900-01-10"), Period::working_days(30)),
      StatusIs(absl::StatusCode::kOutOfRange,
               HasSubstr("the latest start for 30 working days before 1900-01-10 is outside")));
  // Counts too large for any date, in every unit, are range errors (and never overflow).
  for (PeriodUnit unit : {PeriodUnit::kDays, PeriodUnit::kWeeks, PeriodUnit::kMonths,
                          PeriodUnit::kYears, PeriodUnit::kWorkingDays}) {
    for (int64_t count :
         {INT64_MAX, INT64_MIN, INT64_MIN + 1, kSupportedDays + 1, -kSupportedDays - 1}) {
      EXPECT_THAT(
          ew.add(D("2025-01-01"), Period{count, unit}),
          StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("is outside the supported range")));
      EXPECT_THAT(
          ew.latest_start(D("2025-01-01"), Period{count, unit}),
          StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("is outside the supported range")));
    }
  }
  // The last working day of the range can still be reached exactly.
  EXPECT_THAT(ew.add_working_days(D("2199-12-29"), 1), IsOkAndHolds(Eq(D("2199-12-30"))));
}

// The reference: a walk one day at a time, asking only "is it the weekend, or in the holiday
// list?".
class DayByDay {
 public:
  explicit DayByDay(const Calendar& calendar) {
    for (int year = 1988; year <= 2063; ++year) {
      for (const Holiday& h : holidays_of(calendar, year)) holidays_.insert(h.date);
    }
  }
  bool working(Date d) const {
    const auto weekday = d.day_of_week().as_enum();
    return weekday != boost::date_time::Saturday && weekday != boost::date_time::Sunday &&
           !holidays_.contains(d);
  }

 private:
  std::set<Date> holidays_;
};

TEST(WorkingDays, ConstantTimeTablesAgreeWithADayByDayWalk) {
  const Calendar& ew = Calendar::england_and_wales();
  const DayByDay reference(ew);
  for (Date d = D("1990-01-01"); d <= D("2060-12-31"); d += days(1)) {
    ASSERT_THAT(ew.is_working_day(d), IsOkAndHolds(reference.working(d))) << format_date(d);
    // Forward: walk until the 300th working day after d, checking each n-th on the way; and every
    // working_days_between(d, d + k) for calendar offsets k up to 300 from the same running count.
    int64_t n = 0;
    Date walk = d;
    for (int64_t k = 1; n < 300 || k <= 300; ++k) {
      walk += days(1);
      if (reference.working(walk)) {
        ++n;
        if (n <= 300) {
          ASSERT_EQ(*ew.add_working_days(d, n), walk) << format_date(d) << " + " << n;
        }
      }
      if (k <= 300) {
        ASSERT_EQ(*ew.working_days_between(d, walk), n) << format_date(d) << ", +" << k;
      }
    }
    // Backward, the mirror image: `before` counts working days in [walk, d), `between` those in
    // (walk, d].
    int64_t before = 0;
    int64_t between = 0;
    walk = d;
    for (int64_t k = 1; before < 300 || k <= 300; ++k) {
      if (reference.working(walk)) ++between;
      walk -= days(1);
      if (reference.working(walk) && ++before <= 300) {
        ASSERT_EQ(*ew.add_working_days(d, -before), walk) << format_date(d) << " - " << before;
      }
      if (k <= 300) {
        ASSERT_EQ(*ew.working_days_between(d, walk), -between) << format_date(d) << ", -" << k;
      }
    }
  }
}

// working_days_between undoes add_working_days for n >= 0 from any day, and for n < 0 from working days.
TEST(WorkingDays, BetweenUndoesAdding) {
  const Calendar& ew = Calendar::england_and_wales();
  for (Date d = D("2019-01-01"); d <= D("2021-12-31"); d += days(1)) {
    const bool working = *ew.is_working_day(d);
    for (int64_t n : {0, 1, 2, 30, 260, -1, -30}) {
      const Date moved = *ew.add_working_days(d, n);
      if (n >= 0 || working) {
        ASSERT_THAT(ew.working_days_between(d, moved), IsOkAndHolds(n))
            << format_date(d) << " " << n;
      } else {
        // (moved, d] holds the |n| - 1 working days after moved, but not d.
        ASSERT_THAT(ew.working_days_between(d, moved), IsOkAndHolds(n + 1))
            << format_date(d) << " " << n;
      }
    }
  }
  EXPECT_THAT(ew.add_working_days(D("2025-01-04"), -1), IsOkAndHolds(Eq(D("2025-01-03"))));
  EXPECT_THAT(ew.working_days_between(D("2025-01-04"), D("2025-01-03")), IsOkAndHolds(0));
}

// latest_start against its definition, for every kind of period: add(e, P) <= x and add(e + 1 day,
// P) > x. Because add(., P) never decreases, that pins e as the latest such date;
// MonotoneInTheStart checks that.
TEST(LatestStart, MeetsItsDefinitionForEveryKindOfPeriodAndCalendar) {
  const Period periods[] = {
      Period::days(10),        Period::weeks(12),         Period::months(3),
      Period::months(1),       Period::years(3),          Period::working_days(30),
      Period::working_days(1), Period::working_days(260), Period::days(-5),
      Period::months(-2),      Period::working_days(-20), Period::working_days(0)};
  for (const Calendar* calendar :
       {&Calendar::england_and_wales(), &Calendar::scotland(), &Calendar::northern_ireland()}) {
    for (Date x = D("2010-01-01"); x <= D("2030-12-31"); x += days(1)) {
      for (const Period& p : periods) {
        const absl::StatusOr<Date> e = calendar->latest_start(x, p);
        ASSERT_TRUE(e.ok()) << e.status();
        ASSERT_LE(*calendar->add(*e, p), x)
            << calendar->name() << " " << format_date(x) << " " << to_string(p);
        ASSERT_GT(*calendar->add(*e + days(1), p), x)
            << calendar->name() << " " << format_date(x) << " " << to_string(p);
      }
    }
  }
}

// At the start of the range an answer may depend on days before 1900: then it is a range error, and
// any answer given still meets the definition.
TEST(LatestStart, AtTheStartOfTheRange) {
  const Calendar& sc = Calendar::scotland();  // 1 Jan 1900 was a holiday there: no working day yet
  EXPECT_THAT(
      sc.latest_start(D("1900-01-01"), Period::working_days(-1)),
      StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("the latest start for -1 working day")));
  for (const Calendar* calendar : {&Calendar::england_and_wales(), &Calendar::scotland()}) {
    for (Date x = D("1900-01-01"); x <= D("1900-03-31"); x += days(1)) {
      for (const Period& p :
           {Period::working_days(-1), Period::working_days(-5), Period::working_days(1),
            Period::working_days(5), Period::months(1), Period::days(10)}) {
        const absl::StatusOr<Date> e = calendar->latest_start(x, p);
        if (!e.ok()) {
          ASSERT_EQ(e.status().code(), absl::StatusCode::kOutOfRange);
          continue;
        }
        ASSERT_THAT(calendar->add(*e, p), IsOkAndHolds(::testing::Le(x)))
            << format_date(x) << " " << to_string(p);
        const absl::StatusOr<Date> next = calendar->add(*e + days(1), p);
        ASSERT_TRUE(!next.ok() || *next > x) << format_date(x) << " " << to_string(p);
      }
    }
  }
}

TEST(LatestStart, MonotoneInTheStart) {
  const Calendar& ew = Calendar::england_and_wales();
  for (const Period& p : {Period::months(3), Period::working_days(30), Period::working_days(-7)}) {
    Date previous = *ew.add(D("2019-01-01"), p);
    for (Date e = D("2019-01-02"); e <= D("2021-12-31"); e += days(1)) {
      const Date next = *ew.add(e, p);
      ASSERT_LE(previous, next) << format_date(e) << " " << to_string(p);
      previous = next;
    }
  }
}

TEST(LatestStart, WorkedExamples) {
  const Calendar& ew = Calendar::england_and_wales();
  EXPECT_THAT(ew.latest_start(D("2025-04-30"), Period::months(3)),
              IsOkAndHolds(Eq(D("2025-01-31"))));
  // "Pay within 30 working days" due Wed 29 Jan 2025: any receipt up to Sun 15 Dec 2024 is due by
  // then.
  EXPECT_THAT(ew.latest_start(D("2025-01-29"), Period::working_days(30)),
              IsOkAndHolds(Eq(D("2024-12-15"))));
  EXPECT_THAT(ew.add(D("2024-12-15"), Period::working_days(30)), IsOkAndHolds(Eq(D("2025-01-29"))));
  EXPECT_THAT(ew.add(D("2024-12-16"), Period::working_days(30)), IsOkAndHolds(Eq(D("2025-01-30"))));
  // Counting back instead gives Fri 13 Dec: earlier than the true latest start.
  EXPECT_THAT(ew.add(D("2025-01-29"), Period::working_days(-30)),
              IsOkAndHolds(Eq(D("2024-12-13"))));
  // 12 weeks: a consultation opening Mon 6 Jan 2025 meets "12 weeks" when it closes on or after 31
  // Mar.
  EXPECT_THAT(ew.add(D("2025-01-06"), Period::weeks(12)), IsOkAndHolds(Eq(D("2025-03-31"))));
  EXPECT_THAT(ew.latest_start(D("2025-03-31"), Period::weeks(12)),
              IsOkAndHolds(Eq(D("2025-01-06"))));
}

TEST(CustomCalendar, ClosureDaysAndAnotherWeekend) {
  const Calendar& ew = Calendar::england_and_wales();
  // A council that shuts between Christmas and New Year.
  std::vector<Holiday> shutdown;
  for (const char* day : {"2024-12-27", "2024-12-30", "2024-12-31"})
    shutdown.push_back({D(day), "Council closure"});
  const absl::StatusOr<Calendar> council = ew.with_closures("stockton-council", shutdown);
  ASSERT_TRUE(council.ok()) << council.status();
  EXPECT_EQ(council->name(), "stockton-council");
  EXPECT_THAT(council->is_working_day(D("2024-12-30")), IsOkAndHolds(false));
  EXPECT_THAT(council->add_working_days(D("2024-12-13"), 30), IsOkAndHolds(Eq(D("2025-02-03"))));
  EXPECT_THAT(ew.add_working_days(D("2024-12-13"), 30),
              IsOkAndHolds(Eq(D("2025-01-29"))));  // base unchanged
  EXPECT_EQ(council->holidays_on(D("2024-12-27")).size(), 1u);
  EXPECT_EQ(council->holidays_in(2024)->size(), 11u);
  // Works Saturdays, closed Sundays and Mondays.
  const absl::StatusOr<Calendar> shifted =
      ew.with_closures("sun-mon", {}, Weekend{boost::date_time::Sunday, boost::date_time::Monday});
  ASSERT_TRUE(shifted.ok());
  EXPECT_THAT(shifted->is_working_day(D("2025-01-04")), IsOkAndHolds(true));   // a Saturday
  EXPECT_THAT(shifted->is_working_day(D("2025-01-06")), IsOkAndHolds(false));  // a Monday
  EXPECT_EQ(shifted->weekend().to_string(), "Monday and Sunday");
  // Closures must lie in the supported range.
  EXPECT_THAT(
      ew.with_closures("bad", {{Date(2200, 1, 2), "Far future"}}),
      StatusIs(absl::StatusCode::kInvalidArgument,
               HasSubstr("holiday \"Far future\" in calendar \"bad\": 2200-01-02 is outside")));
}

TEST(CustomCalendar, WithNoWorkingDaysAtAll) {
  const absl::StatusOr<Calendar> never =
      Calendar::create("never", *Weekend::parse("mon,tue,wed,thu,fri,sat,sun"), {});
  ASSERT_TRUE(never.ok());
  EXPECT_THAT(never->is_working_day(D("2025-01-06")), IsOkAndHolds(false));
  EXPECT_THAT(
      never->add_working_days(D("2025-01-06"), 1),
      StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("2025-01-06 + 1 working day is outside")));
  EXPECT_THAT(never->working_days_between(D("1900-01-01"), D("2199-12-31")), IsOkAndHolds(0));
}

TEST(CustomCalendar, FromScratchWithNoWeekend) {
  const absl::StatusOr<Calendar> every_day = Calendar::create("every-day", Weekend(), {});
  ASSERT_TRUE(every_day.ok());
  EXPECT_THAT(every_day->add_working_days(D("2025-01-01"), 30), IsOkAndHolds(Eq(D("2025-01-31"))));
  EXPECT_THAT(every_day->working_days_between(D("1900-01-01"), D("2199-12-31")),
              IsOkAndHolds(kSupportedDays - 1));
}

TEST(Weekend, ParsesDayNames) {
  EXPECT_EQ(*Weekend::parse("sat,sun"), Weekend::saturday_and_sunday());
  EXPECT_EQ(*Weekend::parse("Friday, Saturday"),
            (Weekend{boost::date_time::Friday, boost::date_time::Saturday}));
  EXPECT_EQ(*Weekend::parse(""), Weekend());
  EXPECT_THAT(Weekend::parse("sat,sunday,fryday"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("\"fryday\" is not a day of the week; did you mean \"Friday\"?")));
  EXPECT_EQ(Weekend::saturday_and_sunday().to_string(), "Saturday and Sunday");
  EXPECT_EQ(Weekend().to_string(), "no weekend");
  // Boost's special values have no day of the week; they are in no weekend (and Boost would throw).
  EXPECT_FALSE(Weekend::saturday_and_sunday().contains(Date(boost::gregorian::not_a_date_time)));
  EXPECT_FALSE(Weekend::saturday_and_sunday().contains(Date(boost::gregorian::pos_infin)));
}

// The built-in calendars are built on first use; threads racing to that first use all see one
// calendar.
TEST(BuiltinCalendars, SafeToShareBetweenThreads) {
  std::vector<std::thread> threads;
  std::vector<int64_t> totals(4);
  for (size_t t = 0; t < totals.size(); ++t) {
    threads.emplace_back([t, &totals] {
      const Calendar& calendar = t % 2 ? Calendar::scotland() : Calendar::northern_ireland();
      int64_t total = 0;
      for (Date d = D("2000-01-01"); d <= D("2010-12-31"); d += days(1))
        total += *calendar.working_days_between(d, d + days(30));
      totals[t] = total;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(totals[0], totals[2]);
  EXPECT_EQ(totals[1], totals[3]);
  EXPECT_NE(totals[0], totals[1]);
}

}  // namespace
}  // namespace compact
