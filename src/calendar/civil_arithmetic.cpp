#include "compact/calendar/civil_arithmetic.hpp"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"
#include "compact/calendar/civil_days.hpp"
#include "compact/calendar/period.hpp"

namespace compact {
namespace {

// Months are counted from January 1900, so that month arithmetic is integer arithmetic. The bound
// keeps every intermediate value far from overflow; anything beyond it is outside the supported
// range anyway.
constexpr int64_t kMaxMonthOffset = 12 * (kLastSupportedYear - kFirstSupportedYear + 1);

// The date in month `month_offset` (months since January 1900) whose day is `day`, clamped to the
// month's length; nothing outside the supported years.
std::optional<Date> clamped_day_of_month(int64_t month_offset, int day) {
  if (month_offset < 0 || month_offset >= kMaxMonthOffset) return std::nullopt;
  const int64_t year = kFirstSupportedYear + month_offset / 12;
  const int month = static_cast<int>(month_offset % 12) + 1;
  return from_day_index(
      day_index_from_civil(year, month, std::min(day, days_in_month(year, month))));
}

int64_t month_offset_of(const CivilDay& civil) {
  return (civil.year - kFirstSupportedYear) * 12 + (civil.month - 1);
}

// d + `months` calendar months; `written` is the period as the caller wrote it, for the error
// message.
absl::StatusOr<Date> shift_months(Date d, int64_t months, Period written) {
  if (!is_supported(d)) return check_supported(d);
  const CivilDay civil = civil_from_day_index(to_day_index(d));
  const int64_t target =
      month_offset_of(civil) + std::clamp(months, -kMaxMonthOffset, kMaxMonthOffset);
  const std::optional<Date> result = clamped_day_of_month(target, civil.day);
  if (!result) return sum_out_of_range(d, written);
  return *result;
}

}  // namespace

absl::StatusOr<Date> add_days(Date d, int64_t n) {
  if (!is_supported(d)) return check_supported(d);
  const int64_t index = to_day_index(d) + std::clamp(n, -kSupportedDays, kSupportedDays);
  if (index < 0 || index >= kSupportedDays) return sum_out_of_range(d, Period::days(n));
  return from_day_index(index);
}

absl::StatusOr<Date> add_months(Date d, int64_t n) { return shift_months(d, n, Period::months(n)); }

absl::StatusOr<Date> add_years(Date d, int64_t n) {
  // A year is 12 months under the corresponding-date rule; the clamp keeps 12 * n from overflowing.
  return shift_months(d, 12 * std::clamp(n, -kMaxMonthOffset, kMaxMonthOffset), Period::years(n));
}

absl::StatusOr<Date> latest_start_months(Date x, int64_t n) {
  // Why this is exact: add_months(e, n) never decreases as e increases. A start e in month M - n (M
  // being x's month) lands in month M on day min(e.day, length of M); a start in a later month
  // lands after x, and one in an earlier month lands before it. So the answer is in month M - n:
  // its last day when x is the last day of M (every day of M - n then lands on or before x), else
  // day x.day, clamped to the month.
  if (!is_supported(x)) return check_supported(x);
  const CivilDay civil = civil_from_day_index(to_day_index(x));
  const bool month_end = civil.day == days_in_month(civil.year, civil.month);
  const int64_t target = month_offset_of(civil) - std::clamp(n, -kMaxMonthOffset, kMaxMonthOffset);
  const std::optional<Date> result = clamped_day_of_month(target, month_end ? 31 : civil.day);
  if (!result) return latest_start_out_of_range(x, Period::months(n));
  return *result;
}

absl::Status sum_out_of_range(Date d, Period p) {
  return outside_supported_range(absl::StrCat(format_date(d), " + ", to_string(p)));
}

absl::Status latest_start_out_of_range(Date x, Period p) {
  return outside_supported_range(
      absl::StrCat("the latest start for ", to_string(p), " before ", format_date(x)));
}

}  // namespace compact
