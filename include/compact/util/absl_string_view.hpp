#pragma once
// Debian's Abseil is built with ABSL_OPTION_USE_STD_STRING_VIEW 0, so absl::string_view is its own
// type and does not convert from std::string_view. Our APIs take std::string_view; this bridges to
// absl::StrCat & co.

#include <string>
#include <string_view>

#include "absl/strings/string_view.h"

namespace compact {

inline absl::string_view to_absl(std::string_view text) { return {text.data(), text.size()}; }

// A formatter for absl::StrJoin over std::string_view elements.
inline void append_string_view(std::string* out, std::string_view text) { out->append(text); }

}  // namespace compact
