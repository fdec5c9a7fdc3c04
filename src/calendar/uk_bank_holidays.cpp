#include "uk_bank_holidays.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <string_view>

#include "compact/calendar/weekend.hpp"
#include "easter.hpp"

namespace compact {
namespace {

using boost::gregorian::date_duration;
using boost::gregorian::first_day_of_the_week_in_month;
using boost::gregorian::last_day_of_the_week_in_month;
using boost::gregorian::Monday;
using boost::gregorian::Saturday;
using boost::gregorian::Sunday;

// The Banking and Financial Dealings Act 1971 set today's pattern: Christmas and Boxing Day with
// substitute days, last Mondays in May and August (England, Wales and Northern Ireland). Before it,
// the Bank Holidays Act 1871 (and common law for Good Friday and Christmas Day) applied.
constexpr int kModernYear = 1971;

enum Where : unsigned {
  kEW = 1u << static_cast<unsigned>(UkJurisdiction::kEnglandAndWales),
  kSC = 1u << static_cast<unsigned>(UkJurisdiction::kScotland),
  kNI = 1u << static_cast<unsigned>(UkJurisdiction::kNorthernIreland),
  kUK = kEW | kSC | kNI,
};

// Days proclaimed once: royal occasions, anniversaries, the Millennium.
struct ExtraDay {
  int year, month, day;
  std::string_view name;
  unsigned where;
};
constexpr std::array<ExtraDay, 10> kExtraDays = {{
    {1973, 11, 14, "Wedding of Princess Anne", kUK},
    {1977, 6, 7, "Queen’s Silver Jubilee", kEW | kNI},
    {1981, 7, 29, "Royal wedding", kUK},
    {1999, 12, 31, "Millennium celebrations", kUK},
    {2002, 6, 3, "Queen’s Golden Jubilee", kUK},
    {2011, 4, 29, "Royal wedding", kUK},
    {2012, 6, 5, "Queen’s Diamond Jubilee", kUK},
    {2022, 6, 3, "Platinum Jubilee bank holiday", kUK},
    {2022, 9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II", kUK},
    {2023, 5, 8, "Bank holiday for the coronation of King Charles III", kUK},
}};

// Regular holidays proclaimed on another day for one year, usually to make room for an extra day.
enum class Movable { kEarlyMay, kSpring };
struct MovedDay {
  int year;
  Movable holiday;
  int month, day;
  std::string_view name;
  unsigned where;
};
constexpr std::array<MovedDay, 6> kMovedDays = {{
    {1977, Movable::kSpring, 6, 6, "Spring bank holiday", kEW | kNI},
    {1995, Movable::kEarlyMay, 5, 8, "Early May bank holiday (VE day)", kUK},
    {2002, Movable::kSpring, 6, 4, "Spring bank holiday", kUK},
    {2012, Movable::kSpring, 6, 4, "Spring bank holiday", kUK},
    {2020, Movable::kEarlyMay, 5, 8, "Early May bank holiday (VE day)", kUK},
    {2022, Movable::kSpring, 6, 2, "Spring bank holiday", kUK},
}};

// When a holiday fixed to a date of the year falling on a weekend is moved to a substitute weekday.
enum class Substitute { kNever, kIfSunday, kIfWeekend };

// Collects one year's holidays, then places substitute days: a fixed-date holiday that falls on a
// day its rule moves it from goes to the first weekday after it that is not already a holiday,
// taking the fixed-date holidays in date order. That reproduces every published case: Christmas on
// a Sunday gives Boxing Day on Monday 26th and Christmas on Tuesday 27th; both on a weekend give
// Monday 27th and Tuesday 28th.
class HolidayYear {
 public:
  // Substitution is defined against the statutory weekend, whatever weekend a calendar later uses.
  static constexpr Weekend kWeekend = Weekend::saturday_and_sunday();

  void on(Date d, std::string_view name) { placed_.push_back({d, std::string(name), false}); }

  void fixed(Date d, std::string_view name, Substitute rule) {
    const auto weekday = d.day_of_week().as_enum();
    const bool moves = (rule == Substitute::kIfSunday && weekday == Sunday) ||
                       (rule == Substitute::kIfWeekend && kWeekend.contains(d));
    if (moves) {
      to_move_.push_back({d, std::string(name), true});
    } else {
      on(d, name);
    }
  }

  std::vector<Holiday> finish() && {
    std::sort(to_move_.begin(), to_move_.end(), earlier);
    for (Holiday& holiday : to_move_) {
      do {
        holiday.date += date_duration(1);
      } while (kWeekend.contains(holiday.date) || taken(holiday.date));
      placed_.push_back(std::move(holiday));
    }
    std::sort(placed_.begin(), placed_.end(), earlier);
    return std::move(placed_);
  }

 private:
  bool taken(Date d) const {
    return std::any_of(placed_.begin(), placed_.end(),
                       [d](const Holiday& h) { return h.date == d; });
  }

  std::vector<Holiday> placed_;
  std::vector<Holiday> to_move_;
};

Date first_monday(int year, boost::gregorian::months_of_year month) {
  return first_day_of_the_week_in_month(Monday, month).get_date(static_cast<unsigned short>(year));
}
Date last_monday(int year, boost::gregorian::months_of_year month) {
  return last_day_of_the_week_in_month(Monday, month).get_date(static_cast<unsigned short>(year));
}
Date ymd(int year, int month, int day) {
  return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
              static_cast<unsigned short>(day));
}

// Adds a movable Monday holiday on its usual date, or where a proclamation moved it that year.
void add_movable(HolidayYear& days, unsigned where, int year, Movable holiday, Date usual,
                 std::string_view name) {
  for (const MovedDay& moved : kMovedDays) {
    if (moved.year == year && moved.holiday == holiday && (moved.where & where)) {
      days.on(ymd(year, moved.month, moved.day), moved.name);
      return;
    }
  }
  days.on(usual, name);
}

// The spring holiday, where there is one: Whit Monday under the 1871 Act, the trial dates of
// 1965-1970 (Whit Monday in 1965, 1966 and 1968; the last Monday in May in 1967, 1969 and 1970),
// then the last Monday in May. Scotland had no spring bank holiday before 1978, except in 1967 and
// 1968 when the trial date replaced its first Monday in May.
std::optional<std::pair<Date, std::string_view>> spring_holiday(UkJurisdiction where, int year) {
  const Date whit_monday = easter_sunday(year) + date_duration(50);
  const bool trial_whit = year == 1965 || year == 1966 || year == 1968;
  if (where == UkJurisdiction::kScotland) {
    if (year == 1967 || year == 1968 || year >= 1978) {
      return std::pair{year == 1968 ? whit_monday : last_monday(year, boost::gregorian::May),
                       std::string_view("Spring bank holiday")};
    }
    return std::nullopt;
  }
  if (year < 1965) return std::pair{whit_monday, std::string_view("Whit Monday")};
  return std::pair{
      year < kModernYear && trial_whit ? whit_monday : last_monday(year, boost::gregorian::May),
      std::string_view("Spring bank holiday")};
}

// The summer holiday: the first Monday in August (always, in Scotland); in the rest of the UK, the
// Monday after the last Saturday in August during the 1965-1970 trial, then the last Monday in
// August.
Date summer_holiday(UkJurisdiction where, int year) {
  if (where == UkJurisdiction::kScotland || year < 1965)
    return first_monday(year, boost::gregorian::Aug);
  if (year < kModernYear) {
    return last_day_of_the_week_in_month(Saturday, boost::gregorian::Aug)
               .get_date(static_cast<unsigned short>(year)) +
           date_duration(2);
  }
  return last_monday(year, boost::gregorian::Aug);
}

}  // namespace

std::vector<Holiday> uk_bank_holidays(UkJurisdiction where, int year) {
  const unsigned here = 1u << static_cast<unsigned>(where);
  const bool scotland = where == UkJurisdiction::kScotland;
  const bool modern = year >= kModernYear;
  const Substitute christmas_rule = modern ? Substitute::kIfWeekend : Substitute::kNever;
  const Date easter = easter_sunday(year);
  HolidayYear days;

  if (scotland) {
    days.fixed(ymd(year, 1, 1), "New Year’s Day",
               modern ? Substitute::kIfWeekend : Substitute::kIfSunday);
    if (modern) days.fixed(ymd(year, 1, 2), "2nd January", Substitute::kIfWeekend);
  } else if (year >= 1974) {
    days.fixed(ymd(year, 1, 1), "New Year’s Day", Substitute::kIfWeekend);
  }
  if (where == UkJurisdiction::kNorthernIreland && year >= 1903) {
    days.fixed(ymd(year, 3, 17), "St Patrick’s Day", christmas_rule);
  }
  days.on(easter - date_duration(2), "Good Friday");
  if (!scotland) days.on(easter + date_duration(1), "Easter Monday");

  // The first Monday in May: a bank holiday in Scotland since 1871 (but for the trial years
  // 1967-1968), in the rest of the UK since 1978.
  if (scotland ? (year != 1967 && year != 1968) : year >= 1978) {
    add_movable(days, here, year, Movable::kEarlyMay, first_monday(year, boost::gregorian::May),
                "Early May bank holiday");
  }
  if (const auto spring = spring_holiday(where, year)) {
    add_movable(days, here, year, Movable::kSpring, spring->first, spring->second);
  }
  if (where == UkJurisdiction::kNorthernIreland && year >= 1926) {
    days.fixed(ymd(year, 7, 12), "Battle of the Boyne (Orangemen’s Day)", christmas_rule);
  }
  days.on(summer_holiday(where, year), "Summer bank holiday");
  if (scotland && year >= 2007)
    days.fixed(ymd(year, 11, 30), "St Andrew’s Day", Substitute::kIfWeekend);

  if (scotland) {
    days.fixed(ymd(year, 12, 25), "Christmas Day",
               modern ? Substitute::kIfWeekend : Substitute::kIfSunday);
    if (year >= 1974) days.fixed(ymd(year, 12, 26), "Boxing Day", Substitute::kIfWeekend);
  } else {
    days.fixed(ymd(year, 12, 25), "Christmas Day", christmas_rule);
    // The 1871 Act made 26 December a bank holiday "if a week-day", with no substitute for a
    // Sunday.
    const Date boxing_day = ymd(year, 12, 26);
    if (modern || boxing_day.day_of_week() != Sunday)
      days.fixed(boxing_day, "Boxing Day", christmas_rule);
  }

  for (const ExtraDay& extra : kExtraDays) {
    if (extra.year == year && (extra.where & here))
      days.on(ymd(year, extra.month, extra.day), extra.name);
  }
  return std::move(days).finish();
}

}  // namespace compact
