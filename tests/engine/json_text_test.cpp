#include "json_text.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "compact/calendar/date.hpp"
#include "gtest/gtest.h"

namespace compact::json_text {
namespace {

// Every length a report's pieces have and more, from every alignment of source and destination:
// exactly the bytes asked for are copied, and not one byte either side is touched.
TEST(Copy, EveryLengthCopiesItsBytesAndNoOthers) {
  constexpr size_t kMargin = 16;
  for (size_t n = 0; n <= 200; ++n) {
    for (size_t from_offset = 0; from_offset < 8; ++from_offset) {
      for (size_t to_offset = 0; to_offset < 8; ++to_offset) {
        std::vector<char> from(n + 16);
        for (size_t i = 0; i < from.size(); ++i) from[i] = static_cast<char>(i * 7 + n);
        std::vector<char> to(n + 8 + 2 * kMargin, '\xAA');
        copy(to.data() + kMargin + to_offset, from.data() + from_offset, n);
        for (size_t i = 0; i < to.size(); ++i) {
          const size_t at = i - kMargin - to_offset;  // wraps below the copy: then not < n
          const char want = at < n ? from[from_offset + at] : '\xAA';
          ASSERT_EQ(to[i], want) << "n " << n << ", byte " << i;
        }
      }
    }
  }
}

// A date's text from the cache is format_date's, quoted, whichever dates shared its entry before:
// every supported day (and every 13th beyond, to the ends of Boost's range), each followed by the
// day one cache's length later, which takes the same entry, then by itself again. Special values
// too, day 0 (negative infinity) among them.
TEST(DateTexts, EveryDayIsQuotedAsFormatDateWritesItWhateverCameBefore) {
  DateTexts dates;
  const auto check = [&](Date d) {
    ASSERT_EQ(std::string(dates.quoted(d), 12), "\"" + format_date(d) + "\"") << format_date(d);
  };
  const Date last(9999, 12, 31);
  for (Date d(1400, 1, 1); d <= last;
       d +=
       boost::gregorian::days(d >= first_supported_date() && d <= last_supported_date() ? 1 : 13)) {
    check(d);
    if (d + boost::gregorian::days(1024) <= last) check(d + boost::gregorian::days(1024));
    check(d);
  }
  for (const auto special : {boost::date_time::not_a_date_time, boost::date_time::neg_infin,
                             boost::date_time::pos_infin}) {
    const Date d(special);
    EXPECT_EQ(std::string(dates.quoted(d), 12), "\"not-a-date\"");
    check(Date(2025, 1, 29));
  }
}

}  // namespace
}  // namespace compact::json_text
