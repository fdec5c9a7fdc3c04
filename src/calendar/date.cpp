#include "compact/calendar/date.hpp"

#include <array>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "compact/calendar/civil_days.hpp"
#include "compact/util/absl_string_view.hpp"

namespace compact {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Reads `width` decimal digits at `text[pos]`; -1 if any of them is not a digit.
int64_t read_digits(std::string_view text, size_t pos, size_t width) {
  int64_t value = 0;
  for (size_t i = pos; i < pos + width; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

absl::Status outside_supported_range(std::string_view what) {
  return absl::OutOfRangeError(absl::StrCat(to_absl(what), " is outside the supported range ",
                                            format_date(first_supported_date()), " to ",
                                            format_date(last_supported_date())));
}

absl::Status check_supported(Date d) {
  if (d.is_special())
    return absl::InvalidArgumentError("not a date (a special value such as not_a_date_time)");
  if (!is_supported(d)) {
    return outside_supported_range(format_date(d));
  }
  return absl::OkStatus();
}

absl::StatusOr<Date> make_date(int64_t year, int64_t month, int64_t day) {
  if (month < 1 || month > 12) {
    return absl::InvalidArgumentError(absl::StrCat("month ", month, " is not a month (1 to 12)"));
  }
  const int month_index = static_cast<int>(month);
  if (day < 1 || day > days_in_month(year, month_index)) {
    return absl::InvalidArgumentError(
        absl::StrCat("day ", day, " is not in ", kMonthNames[month_index - 1], " ", year,
                     ", which has ", days_in_month(year, month_index), " days"));
  }
  if (year < kFirstSupportedYear || year > kLastSupportedYear) {
    return outside_supported_range(absl::StrFormat("%04d-%02d-%02d", year, month, day));
  }
  return from_day_index(day_index_from_civil(year, month_index, static_cast<int>(day)));
}

absl::StatusOr<Date> parse_date(std::string_view text) {
  const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
  const int64_t year = shaped ? read_digits(text, 0, 4) : -1;
  const int64_t month = shaped ? read_digits(text, 5, 2) : -1;
  const int64_t day = shaped ? read_digits(text, 8, 2) : -1;
  if (year < 0 || month < 0 || day < 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", to_absl(text), "\" is not a date: expected YYYY-MM-DD, like 2025-01-31"));
  }
  absl::StatusOr<Date> date = make_date(year, month, day);
  if (!date.ok() && absl::IsInvalidArgument(date.status())) {
    return absl::InvalidArgumentError(
        absl::StrCat("\"", to_absl(text), "\" is not a date: ", date.status().message()));
  }
  return date;
}

std::string format_date(Date d) {
  std::string out;
  append_date(out, d);
  return out;
}

void append_date(std::string& out, Date d) {
  char text[10];
  write_date(text, d);
  out.append(text, sizeof text);
}

void write_date(char* out, Date d) {
  if (d.is_special()) {
    std::memcpy(out, "not-a-date", 10);  // ten characters, as a date has
    return;
  }
  const Date::ymd_type ymd = d.year_month_day();
  // Supported years have four digits, so the fixed layout YYYY-MM-DD always fits.
  const unsigned year = ymd.year;
  const unsigned month = ymd.month;
  const unsigned day = ymd.day;
  const char text[10] = {static_cast<char>('0' + year / 1000 % 10),
                         static_cast<char>('0' + year / 100 % 10),
                         static_cast<char>('0' + year / 10 % 10),
                         static_cast<char>('0' + year % 10),
                         '-',
                         static_cast<char>('0' + month / 10),
                         static_cast<char>('0' + month % 10),
                         '-',
                         static_cast<char>('0' + day / 10),
                         static_cast<char>('0' + day % 10)};
  std::memcpy(out, text, sizeof text);
}

}  // namespace compact
