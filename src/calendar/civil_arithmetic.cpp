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

// Month `month_offset` (months since January 1900): its year, its month and its length; nothing
// outside the supported years.
struct Month {
  int64_t year;
  int month;
  int length;
};
std::optional<Month> month_at(int64_t month_offset) {
  if (month_offset < 0 || month_offset >= kMaxMonthOffset) return std::nullopt;
  const int64_t year = kFirstSupportedYear + month_offset / 12;
  const int month = static_cast<int>(month_offset % 12) + 1;
  return Month{year, month, days_in_month(year, month)};
}

int64_t month_offset_of(const CivilDay& civil) {
  return (civil.year - kFirstSupportedYear) * 12 + (civil.month - 1);
}

absl::StatusOr<Date> date_of_index(int64_t index, Date d, Period written) {
  if (index < 0) return sum_out_of_range(d, written);
  return from_day_index(index);
}

}  // namespace

int64_t add_months_to_index(int64_t index, int64_t n) {
  const CivilDay civil = civil_from_day_index(index);
  const std::optional<Month> target =
      month_at(month_offset_of(civil) + std::clamp(n, -kMaxMonthOffset, kMaxMonthOffset));
  if (!target) return -1;
  return day_index_from_civil(target->year, target->month, std::min(civil.day, target->length));
}

int64_t latest_start_of_index_months(int64_t index, int64_t n, bool* differs_from_counting_back) {
  // Why this is exact: add_months(e, n) never decreases as e increases. A start e in month M - n (M
  // being x's month) lands in month M on day min(e.day, length of M); a start in a later month
  // lands after x, and one in an earlier month lands before it. So the answer is in month M - n:
  // its last day when x is the last day of M (every day of M - n then lands on or before x), else
  // day x.day, clamped to the month. Counting back gives day min(x.day, length of M - n) instead.
  const CivilDay civil = civil_from_day_index(index);
  const bool month_end = civil.day == days_in_month(civil.year, civil.month);
  const std::optional<Month> target =
      month_at(month_offset_of(civil) - std::clamp(n, -kMaxMonthOffset, kMaxMonthOffset));
  if (differs_from_counting_back) {
    *differs_from_counting_back = target && month_end && target->length > civil.day;
  }
  if (!target) return -1;
  return day_index_from_civil(target->year, target->month,
                              month_end ? target->length : std::min(civil.day, target->length));
}

absl::StatusOr<Date> add_days(Date d, int64_t n) {
  if (!is_supported(d)) return check_supported(d);
  const int64_t index = to_day_index(d) + std::clamp(n, -kSupportedDays, kSupportedDays);
  if (index < 0 || index >= kSupportedDays) return sum_out_of_range(d, Period::days(n));
  return from_day_index(index);
}

absl::StatusOr<Date> add_months(Date d, int64_t n) {
  if (!is_supported(d)) return check_supported(d);
  return date_of_index(add_months_to_index(to_day_index(d), n), d, Period::months(n));
}

absl::StatusOr<Date> add_years(Date d, int64_t n) {
  if (!is_supported(d)) return check_supported(d);
  // A year is 12 months under the corresponding-date rule; the clamp keeps 12 * n from overflowing.
  return date_of_index(
      add_months_to_index(to_day_index(d), 12 * std::clamp(n, -kMaxMonthOffset, kMaxMonthOffset)),
      d, Period::years(n));
}

absl::StatusOr<Date> latest_start_months(Date x, int64_t n) {
  if (!is_supported(x)) return check_supported(x);
  const int64_t index = latest_start_of_index_months(to_day_index(x), n, nullptr);
  if (index < 0) return latest_start_out_of_range(x, Period::months(n));
  return from_day_index(index);
}

absl::Status sum_out_of_range(Date d, Period p) {
  return outside_supported_range(absl::StrCat(format_date(d), " + ", to_string(p)));
}

absl::Status latest_start_out_of_range(Date x, Period p) {
  return outside_supported_range(
      absl::StrCat("the latest start for ", to_string(p), " before ", format_date(x)));
}

}  // namespace compact
