#pragma once
// A named day on which a calendar's working days stop: a bank holiday, or a local closure day.

#include <string>

#include "compact/calendar/date.hpp"

namespace compact {

struct Holiday {
  Date date;
  // The published name, e.g. "Christmas Day". A substitute day keeps the name of the holiday it
  // stands for, as GOV.UK publishes it, and is marked by `substitute`.
  std::string name;
  bool substitute = false;

  friend bool operator==(const Holiday&, const Holiday&) = default;
};

// Orders holidays by date alone, for sorting and searching lists of them.
inline bool earlier(const Holiday& a, const Holiday& b) { return a.date < b.date; }

}  // namespace compact
