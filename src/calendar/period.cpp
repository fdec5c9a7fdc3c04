#include "compact/calendar/period.hpp"

#include <array>
#include <cctype>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/did_you_mean.hpp"

namespace compact {
namespace {

struct UnitSpelling {
  std::string_view text;
  PeriodUnit unit;
};

// Every accepted spelling, lower case with single spaces. The first five are the canonical long
// forms.
constexpr std::array<UnitSpelling, 15> kSpellings = {{
    {"days", PeriodUnit::kDays},
    {"weeks", PeriodUnit::kWeeks},
    {"months", PeriodUnit::kMonths},
    {"years", PeriodUnit::kYears},
    {"working days", PeriodUnit::kWorkingDays},
    {"day", PeriodUnit::kDays},
    {"week", PeriodUnit::kWeeks},
    {"month", PeriodUnit::kMonths},
    {"year", PeriodUnit::kYears},
    {"working day", PeriodUnit::kWorkingDays},
    {"d", PeriodUnit::kDays},
    {"w", PeriodUnit::kWeeks},
    {"m", PeriodUnit::kMonths},
    {"y", PeriodUnit::kYears},
    {"wd", PeriodUnit::kWorkingDays},
}};

// Abbreviations people write that are not accepted, each with the unit meant: too far from any
// spelling above for closest_match ("wks" is two letters from "weeks"), and not accepted as they
// stand because none is needed and "mo" or "bd" could be misread.
constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kAbbreviations = {{
    {"wk", "weeks"},
    {"wks", "weeks"},
    {"mo", "months"},
    {"mos", "months"},
    {"mth", "months"},
    {"mths", "months"},
    {"yr", "years"},
    {"yrs", "years"},
    {"dys", "days"},
    {"wds", "working days"},
    {"workdays", "working days"},
    {"business days", "working days"},
    {"business day", "working days"},
    {"bd", "working days"},
}};

constexpr std::string_view kExpectedUnits =
    "days, weeks, months, years or working days (short forms d, w, m, y, wd)";

// Lower case, runs of spaces and tabs made one space, no leading or trailing space.
std::string normalize(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

absl::Status period_error(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("\"", to_absl(text), "\" is not a period: ", to_absl(why)));
}

}  // namespace

absl::StatusOr<Period> parse_period(std::string_view text) {
  const std::string s = normalize(text);
  if (s.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "empty period: expected a whole number and a unit, like \"12 weeks\" or \"30wd\""));
  }
  size_t pos = 0;
  const bool negative = s[pos] == '-';
  if (s[pos] == '-' || s[pos] == '+') {
    ++pos;
    if (pos < s.size() && s[pos] == ' ') ++pos;  // "- 5 days" reads as "-5 days"
  }
  const size_t digits_start = pos;
  int64_t count = 0;
  while (pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos]))) {
    count = count * 10 + (s[pos] - '0');
    if (count > kMaxPeriodCount) {
      return period_error(text, absl::StrCat("the number is larger than ", kMaxPeriodCount));
    }
    ++pos;
  }
  if (pos == digits_start) {
    if (pos == s.size()) return period_error(text, "expected a whole number after the sign");
    const std::string_view word =
        std::string_view(s).substr(digits_start, s.find(' ', digits_start) - digits_start);
    return period_error(
        text, absl::StrCat("expected a whole number first, found \"", to_absl(word), "\""));
  }
  if (pos < s.size() && (s[pos] == '.' || s[pos] == ',')) {
    return period_error(text, "the count must be a whole number of units");
  }
  const std::string_view unit_text =
      std::string_view(s).substr(pos < s.size() && s[pos] == ' ' ? pos + 1 : pos);
  if (unit_text.empty()) {
    return period_error(
        text, absl::StrCat("no unit after the number; expected ", to_absl(kExpectedUnits)));
  }
  for (const UnitSpelling& spelling : kSpellings) {
    if (spelling.text == unit_text) return Period{negative ? -count : count, spelling.unit};
  }
  std::array<std::string_view, kSpellings.size()> candidates;
  for (size_t i = 0; i < kSpellings.size(); ++i) candidates[i] = kSpellings[i].text;
  std::string why = absl::StrCat("unknown unit \"", to_absl(unit_text), "\"");
  std::optional<std::string> suggestion = closest_match(unit_text, candidates);
  for (const auto& [abbreviation, unit] : kAbbreviations) {
    if (abbreviation == unit_text) suggestion = std::string(unit);
  }
  if (suggestion) {
    absl::StrAppend(&why, "; did you mean \"", *suggestion, "\"?");
  } else {
    absl::StrAppend(&why, "; expected ", to_absl(kExpectedUnits));
  }
  return period_error(text, why);
}

std::string_view unit_name(PeriodUnit unit, int64_t count) {
  const bool singular = count == 1 || count == -1;
  // The canonical plural is kSpellings[unit], its singular kSpellings[unit + 5].
  return kSpellings[static_cast<size_t>(unit) + (singular ? 5 : 0)].text;
}

std::string to_string(Period period) {
  return absl::StrCat(period.count, " ", to_absl(unit_name(period.unit, period.count)));
}

}  // namespace compact
