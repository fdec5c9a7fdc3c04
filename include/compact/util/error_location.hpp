#pragma once
// Where an error applies, carried in the absl::Status itself, so that a caller that is not a person
// (the C ABI, an editor) can point at it without reading the message: a pack's file, line and column,
// or the JSON path of a field of a case.

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace compact {

struct ErrorLocation {
  std::string file;  // as the caller named it
  int line = 0;      // 1-based
  int column = 0;    // 1-based, in characters
};

// `status` with `location` attached (an OK status is returned as it is).
absl::Status with_location(absl::Status status, const ErrorLocation& location);

// The location attached to `status`, if any.
std::optional<ErrorLocation> location_of(const absl::Status& status);

// `status` with the path of the case's field it concerns ("commissions[0].payments[2].paid_on")
// attached (an OK status is returned as it is).
absl::Status with_json_path(absl::Status status, std::string_view path);

// The path attached to `status`, if any.
std::optional<std::string> json_path_of(const absl::Status& status);

}  // namespace compact
