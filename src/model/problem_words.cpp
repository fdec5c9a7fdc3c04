#include "problem_words.hpp"

#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/article.hpp"
#include "compact/util/did_you_mean.hpp"
#include "compact/util/printable.hpp"

namespace compact {

std::string missing_field_message(const FieldInfo& field) {
  return absl::StrCat("required ", to_absl(field_kind_name(field.kind)), " field \"",
                      to_absl(field.name), "\" is missing");
}

std::string invalid_enum_message(std::string_view text, const EnumInfo& enumeration) {
  std::string message = absl::StrCat("\"", printable(text), "\" is not ",
                                     with_article(enumeration.name), "; expected one of ",
                                     absl::StrJoin(enumeration.values, ", ", append_string_view));
  if (std::optional<std::string> suggestion = closest_match(text, enumeration.values)) {
    absl::StrAppend(&message, " (did you mean \"", *suggestion, "\"?)");
  }
  return message;
}

}  // namespace compact
