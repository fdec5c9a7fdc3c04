#include "dates.hpp"

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace compact::testing {

Date D(std::string_view iso) {
  absl::StatusOr<Date> date = parse_date(iso);
  if (!date.ok()) {
    std::cerr << "bad date literal in a test: " << date.status() << "\n";
    std::abort();
  }
  return *date;
}

std::vector<Holiday> holidays_of(const Calendar& calendar, int64_t year) {
  absl::StatusOr<std::vector<Holiday>> holidays = calendar.holidays_in(year);
  if (!holidays.ok()) {
    std::cerr << "holidays_of(" << year << "): " << holidays.status() << "\n";
    std::abort();
  }
  return *std::move(holidays);
}

const std::vector<Holiday>& published_england_and_wales_holidays() {
  static const std::vector<Holiday> holidays = [] {
    std::vector<Holiday> out;
    const std::string path =
        std::string(COMPACT_TEST_DATA_DIR) + "/england-and-wales-bank-holidays-2012-2026.tsv";
    std::ifstream in(path);
    if (!in) {
      std::cerr << "cannot read " << path << "\n";
      std::abort();
    }
    std::string line;
    std::getline(in, line);  // header: date, name
    while (std::getline(in, line)) {
      const size_t tab = line.find('\t');
      out.push_back({D(line.substr(0, tab)), line.substr(tab + 1), false});
    }
    return out;
  }();
  return holidays;
}

}  // namespace compact::testing

namespace boost::gregorian {
void PrintTo(const date& d, std::ostream* os) { *os << compact::format_date(d); }
}  // namespace boost::gregorian
