#pragma once
// Where a byte offset is in a text, as an editor shows it, and the line it is on with a caret under it,
// for error messages about case documents and rule packs.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace compact {

// 1-based line and column of a byte offset; columns count UTF-8 code points, not bytes.
std::pair<int, int> line_and_column(std::string_view text, size_t offset);

// The same for many offsets, in one sweep of the text.
std::vector<std::pair<int, int>> lines_and_columns(std::string_view text,
                                                   const std::vector<size_t>& offsets);

// The line holding `offset`, indented by two spaces, and under it a caret at the offset:
//   "  payment.in_advance + 3 months\n                       ^"
// Tabs in the line are kept under the caret so that it lines up; a long line is cut around the
// offset.
std::string excerpt_with_caret(std::string_view text, size_t offset);

}  // namespace compact
