#pragma once
// A working-day calendar: a weekend plus named holidays, and exact date arithmetic over it.
//
// Working days are the days that are neither in the weekend nor holidays. Conventions
// (docs/dates.md):
//  - add_working_days(d, n), n > 0: the n-th working day strictly after d, whether or not d is
//    one. An invoice received Fri 13 Dec 2024 is due by Wed 29 Jan 2025 under "30 working days".
//    n < 0 is the mirror image, strictly before d; n = 0 is d itself.
//  - working_days_between(a, b): the working days in (a, b], negative when b < a. It undoes
//    add_working_days for n >= 0: working_days_between(d, add_working_days(d, n)) == n. For n < 0
//    that holds only when d is a working day, since (a, b] counts b and not a.
//  - latest_start(x, P): the latest e with add(e, P) <= x, for every kind of period. "At least P
//    before x" is met by any event on or before it.
//
// Every query is constant time: the calendar holds, for each day of the supported range, the
// number of working days before it, and the day of each working day by its rank. A Calendar is
// immutable; copies share those tables, and any number of threads may use one at once.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "compact/calendar/civil_arithmetic.hpp"
#include "compact/calendar/date.hpp"
#include "compact/calendar/holiday.hpp"
#include "compact/calendar/period.hpp"
#include "compact/calendar/weekend.hpp"

namespace compact {

class Calendar {
 public:
  // The built-in calendars, built on first use and shared: bank holidays of England and Wales, of
  // Scotland and of Northern Ireland, 1900 to 2199, with Saturday and Sunday as the weekend
  // (docs/calendars.md).
  static const Calendar& england_and_wales();
  static const Calendar& scotland();
  static const Calendar& northern_ireland();

  // "england-and-wales", "scotland", "northern-ireland".
  static std::span<const std::string_view> builtin_names();
  // A built-in calendar by name; NotFound lists the names (and suggests one for a typo).
  static absl::StatusOr<Calendar> builtin(std::string_view name);

  // A calendar with `holidays` (in any order; two on one date are both kept) and `weekend`. A
  // holiday outside the supported range is an InvalidArgument naming it.
  static absl::StatusOr<Calendar> create(std::string name, Weekend weekend,
                                         std::vector<Holiday> holidays);

  // This calendar plus extra closure days (a council's Christmas shutdown, say), and optionally
  // another weekend in place of this one's.
  absl::StatusOr<Calendar> with_closures(std::string name, std::vector<Holiday> closures,
                                         std::optional<Weekend> weekend = std::nullopt) const;

  const std::string& name() const { return tables_->name; }
  Weekend weekend() const { return tables_->weekend; }

  absl::StatusOr<bool> is_working_day(Date d) const {
    if (!is_supported(d)) return check_supported(d);
    const size_t i = static_cast<size_t>(to_day_index(d));
    return tables_->working_before[i + 1] != tables_->working_before[i];
  }

  absl::StatusOr<Date> add_working_days(Date d, int64_t n) const {
    if (!is_supported(d)) return check_supported(d);
    if (n == 0) return d;
    const size_t i = static_cast<size_t>(to_day_index(d));
    // Working days strictly after d start at rank working_before[i + 1]; those strictly before d
    // end at rank working_before[i] - 1. Clamping n first keeps the sum from overflowing: a count
    // beyond the range's length is out of range whatever it is.
    const int64_t m = clamp_count(n);
    const int64_t rank =
        m > 0 ? tables_->working_before[i + 1] + (m - 1) : tables_->working_before[i] + m;
    return working_day_of_rank(rank, d, Period::working_days(n));
  }

  absl::StatusOr<int64_t> working_days_between(Date a, Date b) const {
    if (!is_supported(a)) return check_supported(a);
    if (!is_supported(b)) return check_supported(b);
    const size_t i = static_cast<size_t>(to_day_index(a));
    const size_t j = static_cast<size_t>(to_day_index(b));
    // Working days in (a, b] are those up to b less those up to a; the same difference is the
    // negated count of (b, a] when b < a.
    return static_cast<int64_t>(tables_->working_before[j + 1]) - tables_->working_before[i + 1];
  }

  // The first working day strictly after d, and the last strictly before it.
  absl::StatusOr<Date> next_working_day(Date d) const { return add_working_days(d, 1); }
  absl::StatusOr<Date> previous_working_day(Date d) const { return add_working_days(d, -1); }

  // d itself when it is a working day, otherwise the next (or previous) one.
  absl::StatusOr<Date> working_day_on_or_after(Date d) const;
  absl::StatusOr<Date> working_day_on_or_before(Date d) const;

  // d + p for any kind of period: days, weeks (7 days), months and years (corresponding date) and
  // working days (add_working_days).
  absl::StatusOr<Date> add(Date d, Period p) const;

  // The latest e with add(e, p) <= x. Exact for every kind of period. It is not the same as
  // counting back, add(x, -p): for months, x = 30 Apr and 3 months give 31 Jan (counting back:
  // 30 Jan); for working days, x = Wed 29 Jan 2025 and 30 working days give Sun 15 Dec 2024
  // (counting back: Fri 13 Dec, since Sat 14 and Sun 15 Dec + 30 working days are 29 Jan too).
  absl::StatusOr<Date> latest_start(Date x, Period p) const;

  // The holidays of `year`, in date order (including any that fall on the weekend); OutOfRange
  // outside 1900..2199.
  absl::StatusOr<std::vector<Holiday>> holidays_in(int64_t year) const;

  // The holidays on `d` (none, usually; a closure day may share a date with a bank holiday).
  std::vector<Holiday> holidays_on(Date d) const;

  // The tables the working-day queries read, for code that computes on day indexes itself (rules
  // compiled to machine code). They live as long as any copy of this calendar.
  struct WorkingDayTables {
    // [i]: the working days among the range's first i days (kSupportedDays + 1 entries).
    std::span<const int32_t> working_before;
    // [k]: the day index of the working day of rank k (0-based).
    std::span<const int32_t> working_day;
  };
  WorkingDayTables working_day_tables() const {
    return {tables_->working_before, tables_->working_day};
  }

 private:
  struct Tables {
    std::string name;
    Weekend weekend;
    std::vector<Holiday> holidays;  // sorted by date
    // [i]: the working days among the first i days of the range (size: days in the range + 1).
    std::vector<int32_t> working_before;
    // [k]: the day index of the working day of rank k (0-based).
    std::vector<int32_t> working_day;
  };

  explicit Calendar(std::shared_ptr<const Tables> tables) : tables_(std::move(tables)) {}

  // Any count larger than the number of days in the supported range leads out of it, in every unit;
  // clamped to that, counts can be multiplied (weeks, years) and added to indexes without overflow.
  static constexpr int64_t clamp_count(int64_t n) {
    return n < -kSupportedDays ? -kSupportedDays : (n > kSupportedDays ? kSupportedDays : n);
  }

  // The working day of `rank`, or OutOfRange naming `d + p` when no such working day is in the
  // range.
  absl::StatusOr<Date> working_day_of_rank(int64_t rank, Date d, Period p) const {
    if (rank < 0 || rank >= static_cast<int64_t>(tables_->working_day.size()))
      return sum_out_of_range(d, p);
    return from_day_index(tables_->working_day[static_cast<size_t>(rank)]);
  }

  absl::StatusOr<Date> latest_start_working_days(Date x, int64_t n) const;

  std::shared_ptr<const Tables> tables_;
};

}  // namespace compact
