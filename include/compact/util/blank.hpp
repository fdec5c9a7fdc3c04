#pragma once
// Whether a text says anything: a rationale or an explanation of nothing but spaces is none.

#include <string_view>

namespace compact {

// Whether `text` is empty or holds only white space: the characters Unicode gives the White_Space
// property (space, tab, line breaks, the no-break space U+00A0 a word processor pastes, the
// ideographic space U+3000, ...). A byte that is not well-formed UTF-8 is not white space.
bool is_blank(std::string_view text);

}  // namespace compact
