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

// "00" to "99".
constexpr auto kDigitPairs = [] {
  std::array<std::array<char, 2>, 100> pairs{};
  for (size_t i = 0; i < 100; ++i) {
    pairs[i] = {static_cast<char>('0' + i / 10), static_cast<char>('0' + i % 10)};
  }
  return pairs;
}();

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
  // Hinnant's conversion and two digits at a time: a report writes hundreds of dates, and Boost's
  // year_month_day() with its range-checked parts, and a division per digit, took a sixth of the
  // time of writing a report.
  const CivilDay civil = civil_from_day_index(to_day_index(d));
  // Boost's dates have four-digit years, so the fixed layout YYYY-MM-DD always fits.
  const auto year = static_cast<unsigned>(civil.year);
  char text[10];
  std::memcpy(text, kDigitPairs[year / 100].data(), 2);
  std::memcpy(text + 2, kDigitPairs[year % 100].data(), 2);
  text[4] = '-';
  std::memcpy(text + 5, kDigitPairs[static_cast<size_t>(civil.month)].data(), 2);
  text[7] = '-';
  std::memcpy(text + 8, kDigitPairs[static_cast<size_t>(civil.day)].data(), 2);
  std::memcpy(out, text, sizeof text);
}

}  // namespace compact
