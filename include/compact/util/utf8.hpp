#pragma once
// UTF-8 as RFC 3629 defines it: no overlong forms, no UTF-16 surrogates, nothing above U+10FFFF.

#include <cstddef>
#include <string_view>

namespace compact {

// The length of the well-formed UTF-8 sequence `text` starts with (1 for ASCII), or 0 when it
// starts with none: a stray continuation byte, a truncated or overlong sequence, a surrogate, a code
// point past U+10FFFF.
size_t utf8_sequence_length(std::string_view text);

}  // namespace compact
