#include "compact/util/text_position.hpp"

#include <algorithm>

namespace compact {
namespace {

// UTF-8 continuation bytes (10xxxxxx) do not start a character.
bool starts_character(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

}  // namespace

std::vector<std::pair<int, int>> lines_and_columns(std::string_view text,
                                                   const std::vector<size_t>& offsets) {
  std::vector<size_t> order(offsets.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return offsets[a] < offsets[b]; });
  std::vector<std::pair<int, int>> out(offsets.size());
  int line = 1;
  int column = 1;
  size_t at = 0;
  for (size_t i : order) {
    for (; at < offsets[i] && at < text.size(); ++at) {
      if (text[at] == '\n') {
        ++line;
        column = 1;
      } else if (starts_character(text[at])) {
        ++column;
      }
    }
    out[i] = {line, column};
  }
  return out;
}

std::pair<int, int> line_and_column(std::string_view text, size_t offset) {
  int line = 1;
  int column = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else if (starts_character(text[i])) {
      ++column;
    }
  }
  return {line, column};
}

std::string excerpt_with_caret(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  // The line holding the offset runs from after the newline before it to the newline at or after it.
  const size_t newline_before = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
  size_t begin = newline_before == std::string_view::npos ? 0 : newline_before + 1;
  size_t end = text.find('\n', offset);
  if (end == std::string_view::npos) end = text.size();
  // Keep 60 bytes either side of the offset at most, cut at character boundaries.
  constexpr size_t kSide = 60;
  std::string prefix_mark, suffix_mark;
  if (offset - begin > kSide) {
    begin = offset - kSide;
    while (begin < offset && !starts_character(text[begin])) ++begin;
    prefix_mark = "…";
  }
  if (end - offset > kSide) {
    end = offset + kSide;
    while (end > offset && end < text.size() && !starts_character(text[end])) --end;
    suffix_mark = "…";
  }
  std::string out = "  " + prefix_mark;
  out.append(text.substr(begin, end - begin));
  out += suffix_mark;
  out += "\n  ";
  if (!prefix_mark.empty()) out += ' ';
  for (size_t i = begin; i < offset; ++i) {
    if (text[i] == '\t') {
      out += '\t';
    } else if (starts_character(text[i])) {
      out += ' ';
    }
  }
  out += '^';
  return out;
}

}  // namespace compact
