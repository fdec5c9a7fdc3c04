#include "compact/calendar/weekend.hpp"

#include <array>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/did_you_mean.hpp"

namespace compact {
namespace {

// Indexed by Boost's weekday number, Sunday = 0.
constexpr std::array<std::string_view, 7> kDayNames = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                       "Thursday", "Friday", "Saturday"};

}  // namespace

absl::StatusOr<Weekend> Weekend::parse(std::string_view text) {
  Weekend weekend;
  for (absl::string_view part : absl::StrSplit(to_absl(text), ',', absl::SkipWhitespace())) {
    const std::string word = absl::AsciiStrToLower(absl::StripAsciiWhitespace(part));
    bool found = false;
    for (size_t day = 0; day < kDayNames.size() && !found; ++day) {
      const std::string name = absl::AsciiStrToLower(to_absl(kDayNames[day]));
      if (word == name || word == name.substr(0, 3)) {
        weekend.mask_ = static_cast<uint8_t>(weekend.mask_ | (1u << day));
        found = true;
      }
    }
    if (!found) {
      std::string why = absl::StrCat("\"", word, "\" is not a day of the week");
      if (std::optional<std::string> suggestion = closest_match(word, kDayNames)) {
        absl::StrAppend(&why, "; did you mean \"", *suggestion, "\"?");
      }
      return absl::InvalidArgumentError(why);
    }
  }
  return weekend;
}

std::string Weekend::to_string() const {
  // Listed Monday first, the way a British week is read.
  std::vector<std::string_view> days;
  for (size_t i = 1; i <= kDayNames.size(); ++i) {
    if (contains(static_cast<Weekday>(i % 7))) days.push_back(kDayNames[i % 7]);
  }
  if (days.empty()) return "no weekend";
  std::string out;
  for (size_t i = 0; i < days.size(); ++i) {
    if (i > 0) out += (i + 1 == days.size()) ? " and " : ", ";
    out += days[i];
  }
  return out;
}

}  // namespace compact
