#pragma once
// GoogleMock matchers for absl::Status and absl::StatusOr (Debian's Abseil 20220623 ships none).

#include <ostream>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "gmock/gmock.h"

namespace compact::testing {

inline const absl::Status& status_of(const absl::Status& status) { return status; }
template <typename T>
const absl::Status& status_of(const absl::StatusOr<T>& status_or) {
  return status_or.status();
}

MATCHER(IsOk, "is OK") {
  const absl::Status& status = status_of(arg);
  if (!status.ok()) *result_listener << "whose status is " << status;
  return status.ok();
}

MATCHER_P(
    IsOkAndHolds, value_matcher,
    "is OK and holds a value that " +
        ::testing::DescribeMatcher<typename std::decay_t<arg_type>::value_type>(value_matcher)) {
  if (!arg.ok()) {
    *result_listener << "whose status is " << arg.status();
    return false;
  }
  return ::testing::ExplainMatchResult(value_matcher, *arg, result_listener);
}

// The status has `code` and a message matching `message_matcher` (e.g. HasSubstr("February")).
MATCHER_P2(StatusIs, code, message_matcher,
           "has code " + absl::StatusCodeToString(code) + " and a message that " +
               ::testing::DescribeMatcher<std::string>(message_matcher)) {
  const absl::Status& status = status_of(arg);
  *result_listener << "whose status is " << status;
  return status.code() == code && ::testing::Matches(message_matcher)(std::string(
                                      status.message().data(), status.message().size()));
}

}  // namespace compact::testing
