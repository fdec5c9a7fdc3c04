#include "json_source.hpp"

#include <algorithm>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "compact/util/absl_string_view.hpp"

namespace compact::json_source {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

size_t skip_space(std::string_view s, size_t pos) {
  while (pos < s.size() && is_space(s[pos])) ++pos;
  return pos;
}

// pos is at an opening quote; returns the position after the closing one. A quote closes the string
// unless an odd number of backslashes stands before it.
size_t skip_string(std::string_view s, size_t pos) {
  for (size_t from = pos + 1;;) {
    const void* found = std::memchr(s.data() + from, '"', s.size() - from);
    if (!found) return s.size();
    const size_t quote = static_cast<size_t>(static_cast<const char*>(found) - s.data());
    size_t backslashes = 0;
    while (quote - backslashes > pos + 1 && s[quote - 1 - backslashes] == '\\') ++backslashes;
    if (backslashes % 2 == 0) return quote + 1;
    from = quote + 1;
  }
}

// The raw text between the quotes of the string at pos (escapes left as written).
std::string_view raw_string(std::string_view s, size_t pos) {
  const size_t end = skip_string(s, pos);
  return s.substr(pos + 1, end - pos - 2);
}

// pos is at the start of a value; returns the position after it.
size_t skip_value(std::string_view s, size_t pos) {
  if (s[pos] == '"') return skip_string(s, pos);
  if (s[pos] != '{' && s[pos] != '[') {
    while (pos < s.size() && !is_space(s[pos]) && s[pos] != ',' && s[pos] != '}' && s[pos] != ']')
      ++pos;
    return pos;
  }
  int depth = 0;
  do {
    if (s[pos] == '"') {
      pos = skip_string(s, pos);
      continue;
    }
    if (s[pos] == '{' || s[pos] == '[') ++depth;
    if (s[pos] == '}' || s[pos] == ']') --depth;
    ++pos;
  } while (depth > 0 && pos < s.size());
  return pos;
}

// Calls visit(key, value_position) for each member of the object at pos; stops when visit returns
// false.
template <typename Visit>
void for_each_member(std::string_view s, size_t pos, Visit visit) {
  pos = skip_space(s, pos + 1);
  while (pos < s.size() && s[pos] == '"') {
    const std::string_view key = raw_string(s, pos);
    pos = skip_space(s, skip_string(s, pos));  // at ':'
    const size_t value = skip_space(s, pos + 1);
    if (!visit(key, value)) return;
    pos = skip_space(s, skip_value(s, value));  // at ',' or '}'
    if (s[pos] == ',') pos = skip_space(s, pos + 1);
  }
}

// The position of element `index` of the array at pos, or npos.
size_t element(std::string_view s, size_t pos, long long index) {
  pos = skip_space(s, pos + 1);
  for (long long i = 0; pos < s.size() && s[pos] != ']'; ++i) {
    if (i == index) return pos;
    pos = skip_space(s, skip_value(s, pos));
    if (s[pos] == ',') pos = skip_space(s, pos + 1);
  }
  return std::string_view::npos;
}

// Walks the value at pos, recording repeated keys; returns the position after the value. `seen` holds
// the keys of every object open above pos, each object's after its parent's. One pass: each byte is
// read once, whatever the nesting.
size_t find_duplicates(std::string_view s, size_t pos, Path& path,
                       std::vector<std::string_view>& seen, std::vector<DuplicateKey>& out) {
  const char open = s[pos];
  if (open != '[' && open != '{') return skip_value(s, pos);
  const char close = open == '[' ? ']' : '}';
  const size_t first = seen.size();
  pos = skip_space(s, pos + 1);
  for (long long i = 0; pos < s.size() && s[pos] != close; ++i) {
    if (open == '[') {
      path.push_back({"", i});
    } else {
      const std::string_view key = raw_string(s, pos);
      path.push_back({key, -1});
      pos = skip_space(s, skip_space(s, skip_string(s, pos)) + 1);  // past the key and the ':'
      if (std::find(seen.begin() + static_cast<std::ptrdiff_t>(first), seen.end(), key) !=
          seen.end()) {
        out.push_back({path, pos});
      } else {
        seen.push_back(key);
      }
    }
    pos = skip_space(s, find_duplicates(s, pos, path, seen, out));
    path.pop_back();
    if (s[pos] == ',') pos = skip_space(s, pos + 1);
  }
  seen.resize(first);
  return pos + 1;
}

}  // namespace

std::string to_string(const Path& path) {
  std::string out;
  for (const Step& step : path) {
    if (step.key.empty() && step.index >= 0) {
      absl::StrAppend(&out, "[", step.index, "]");
    } else {
      absl::StrAppend(&out, out.empty() ? "" : ".", to_absl(step.key));
    }
  }
  return out;
}

size_t locate(std::string_view json, const Path& path) {
  size_t pos = skip_space(json, 0);
  for (const Step& step : path) {
    size_t next = std::string_view::npos;
    if (step.index >= 0 && step.key.empty()) {
      if (json[pos] == '[') next = element(json, pos, step.index);
    } else if (json[pos] == '{') {
      for_each_member(json, pos, [&](std::string_view key, size_t value) {
        if (key == step.key) next = value;
        return next == std::string_view::npos;
      });
    }
    if (next == std::string_view::npos) return pos;
    pos = next;
  }
  return pos;
}

std::vector<DuplicateKey> duplicate_keys(std::string_view json) {
  std::vector<DuplicateKey> out;
  Path path;
  std::vector<std::string_view> seen;
  path.reserve(16);
  seen.reserve(64);
  const size_t start = skip_space(json, 0);
  if (start < json.size()) find_duplicates(json, start, path, seen, out);
  return out;
}

size_t first_invalid_utf8(std::string_view text) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  for (size_t i = 0; i < text.size();) {
    const unsigned char lead = byte(i);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    // The lead byte gives the length and the allowed range of the second byte (Table 3-7 of the
    // Unicode Standard); later bytes are always 0x80..0xBF.
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF)
      length = 2;
    else if (lead == 0xE0)
      length = 3, low = 0xA0;
    else if (lead >= 0xE1 && lead <= 0xEC)
      length = 3;
    else if (lead == 0xED)
      length = 3, high = 0x9F;  // no UTF-16 surrogates
    else if (lead >= 0xEE && lead <= 0xEF)
      length = 3;
    else if (lead == 0xF0)
      length = 4, low = 0x90;
    else if (lead >= 0xF1 && lead <= 0xF3)
      length = 4;
    else if (lead == 0xF4)
      length = 4, high = 0x8F;  // nothing above U+10FFFF
    else
      return i;
    if (i + length > text.size() || byte(i + 1) < low || byte(i + 1) > high) return i;
    for (size_t k = 2; k < length; ++k) {
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return i;
    }
    i += length;
  }
  return std::string_view::npos;
}

std::pair<int, int> line_and_column(std::string_view json, size_t offset) {
  int line = 1;
  int column = 1;
  for (size_t i = 0; i < offset && i < json.size(); ++i) {
    if (json[i] == '\n') {
      ++line;
      column = 1;
    } else if ((static_cast<unsigned char>(json[i]) & 0xC0) != 0x80) {
      ++column;  // count code points: UTF-8 continuation bytes do not start a character
    }
  }
  return {line, column};
}

}  // namespace compact::json_source
