#pragma once
// "a payment", "an approach": the indefinite article before a schema name in an error message.

#include <string>
#include <string_view>

namespace compact {

// `noun` after "an" when it starts with a vowel letter, else after "a". Schema names are lower-case
// English words, for which the first letter decides.
std::string with_article(std::string_view noun);

}  // namespace compact
