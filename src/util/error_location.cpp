#include "compact/util/error_location.hpp"

#include <charconv>
#include <string_view>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "compact/util/absl_string_view.hpp"

namespace compact {
namespace {

// The payload is "line:column:file", the file last since it may hold any character.
constexpr std::string_view kPayload = "compact-engine/location";
constexpr std::string_view kJsonPathPayload = "compact-engine/json-path";

bool read_int(std::string_view& text, int& out) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  if (ec != std::errc() || end == text.data() + text.size() || *end != ':') return false;
  text.remove_prefix(static_cast<size_t>(end - text.data()) + 1);
  return true;
}

}  // namespace

absl::Status with_location(absl::Status status, const ErrorLocation& location) {
  if (status.ok()) return status;
  status.SetPayload(to_absl(kPayload), absl::Cord(absl::StrCat(location.line, ":", location.column,
                                                               ":", location.file)));
  return status;
}

std::optional<ErrorLocation> location_of(const absl::Status& status) {
  const auto payload = status.GetPayload(to_absl(kPayload));
  if (!payload) return std::nullopt;
  const std::string text(*payload);
  std::string_view rest = text;
  ErrorLocation location;
  if (!read_int(rest, location.line) || !read_int(rest, location.column)) return std::nullopt;
  location.file = std::string(rest);
  return location;
}

absl::Status with_json_path(absl::Status status, std::string_view path) {
  if (status.ok()) return status;
  status.SetPayload(to_absl(kJsonPathPayload), absl::Cord(to_absl(path)));
  return status;
}

std::optional<std::string> json_path_of(const absl::Status& status) {
  const auto payload = status.GetPayload(to_absl(kJsonPathPayload));
  if (!payload) return std::nullopt;
  return std::string(*payload);
}

}  // namespace compact
