#pragma once
// The days of the week that are never working days in a calendar: Saturday and Sunday unless a
// custom calendar says otherwise (a service that works Saturdays and closes Mondays, say).

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "compact/calendar/date.hpp"

namespace compact {

class Weekend {
 public:
  using Weekday = boost::date_time::weekdays;  // Sunday = 0 ... Saturday = 6, as Boost numbers them

  static constexpr Weekend saturday_and_sunday() {
    return Weekend({boost::date_time::Saturday, boost::date_time::Sunday});
  }

  constexpr Weekend() = default;  // no weekend: every day is a working day unless it is a holiday
  constexpr Weekend(std::initializer_list<Weekday> days) {
    for (Weekday day : days) mask_ = static_cast<uint8_t>(mask_ | (1u << day));
  }

  // Parses a comma-separated list of English day names or their three-letter forms: "sat,sun",
  // "Friday". An empty string is a week with no weekend.
  static absl::StatusOr<Weekend> parse(std::string_view text);

  constexpr bool contains(Weekday day) const { return (mask_ >> day) & 1u; }
  // False for Boost's special values, which have no day of the week (Boost would throw).
  bool contains(Date d) const { return !d.is_special() && contains(d.day_of_week().as_enum()); }

  // "Saturday and Sunday", "Friday", "no weekend".
  std::string to_string() const;

  friend constexpr bool operator==(Weekend, Weekend) = default;

 private:
  uint8_t mask_ = 0;
};

}  // namespace compact
