#include "json_source.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "absl/strings/str_cat.h"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/utf8.hpp"

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

void append_utf8(uint32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

uint32_t hex4(std::string_view s, size_t pos) {
  uint32_t value = 0;
  for (size_t i = pos; i < pos + 4 && i < s.size(); ++i) {
    const char c = s[i];
    value = value * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  return value;
}

// The key of the string at pos as Boost.JSON reads it, escapes decoded ("\u0069d" is "id"), so that
// keys compare as the parsed document's do. A key without escapes is a view of the text; one with them
// is decoded into `storage`, whose elements keep their addresses.
std::string_view key_at(std::string_view s, size_t pos, std::deque<std::string>& storage) {
  const std::string_view raw = raw_string(s, pos);
  if (raw.find('\\') == std::string_view::npos) return raw;
  std::string& out = storage.emplace_back();
  for (size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') {
      out += raw[i];
      continue;
    }
    const char escape = raw[++i];
    switch (escape) {
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        uint32_t cp = hex4(raw, i + 1);
        i += 4;
        // A high surrogate is always followed by a low one here: Boost.JSON refused lone ones.
        if (cp >= 0xD800 && cp <= 0xDBFF && raw.substr(i + 1, 2) == "\\u") {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(raw, i + 3) - 0xDC00);
          i += 6;
        }
        append_utf8(cp, out);
        break;
      }
      default:
        out += escape;  // \" \\ \/
    }
  }
  return out;
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

// Walks the value at pos, recording repeated keys (up to `limit` of them); returns the position after
// the value. One pass: each byte is read once, whatever the nesting. Each object keeps its own set of
// keys, so an object of many keys costs no more than it takes to read.
struct DuplicateSearch {
  std::string_view s;
  size_t limit;
  Path path;
  std::deque<std::string> storage;
  std::vector<DuplicateKey> found;

  size_t walk(size_t pos) {
    const char open = s[pos];
    if (open != '[' && open != '{') return skip_value(s, pos);
    const char close = open == '[' ? ']' : '}';
    std::unordered_set<std::string_view> seen;
    pos = skip_space(s, pos + 1);
    for (long long i = 0; pos < s.size() && s[pos] != close; ++i) {
      if (open == '[') {
        path.push_back({"", i});
      } else {
        const std::string_view key = key_at(s, pos, storage);
        path.push_back({key, -1});
        pos = skip_space(s, skip_space(s, skip_string(s, pos)) + 1);  // past the key and the ':'
        if (!seen.insert(key).second && found.size() < limit) {
          found.push_back({to_string(path), std::string(key), pos});
        }
      }
      pos = skip_space(s, walk(pos));
      path.pop_back();
      if (s[pos] == ',') pos = skip_space(s, pos + 1);
    }
    return pos + 1;
  }
};

}  // namespace

std::string to_string(std::span<const Step> path) {
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

namespace {

// Records the offset of every wanted path in the value at pos (and below it, where wanted); returns
// the position after the value. Subtrees no wanted path enters are skipped, so the text is read once.
size_t find_wanted(std::string_view s, size_t pos, std::string& path,
                   std::unordered_map<std::string, size_t>& wanted,
                   std::deque<std::string>& storage) {
  wanted[path] = pos;
  const char open = s[pos];
  if (open != '[' && open != '{') return skip_value(s, pos);
  const char close = open == '[' ? ']' : '}';
  const size_t length = path.size();
  pos = skip_space(s, pos + 1);
  for (long long i = 0; pos < s.size() && s[pos] != close; ++i) {
    if (open == '[') {
      absl::StrAppend(&path, "[", i, "]");
    } else {
      absl::StrAppend(&path, path.empty() ? "" : ".", to_absl(key_at(s, pos, storage)));
      pos = skip_space(s, skip_space(s, skip_string(s, pos)) + 1);  // past the key and the ':'
    }
    pos = skip_space(
        s, wanted.contains(path) ? find_wanted(s, pos, path, wanted, storage) : skip_value(s, pos));
    path.resize(length);
    if (s[pos] == ',') pos = skip_space(s, pos + 1);
  }
  return pos + 1;
}

}  // namespace

std::vector<size_t> locate(std::string_view json, const std::vector<Path>& paths) {
  // Every prefix of every path, so that a missing field falls back to its deepest existing parent.
  std::unordered_map<std::string, size_t> wanted;
  for (const Path& path : paths) {
    for (size_t n = 0; n <= path.size(); ++n) {
      wanted.emplace(to_string(Path(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(n))),
                     std::string_view::npos);
    }
  }
  std::string current;
  std::deque<std::string> storage;
  const size_t start = skip_space(json, 0);
  if (start < json.size()) find_wanted(json, start, current, wanted, storage);
  std::vector<size_t> offsets;
  offsets.reserve(paths.size());
  for (const Path& path : paths) {
    size_t offset = 0;
    for (size_t n = path.size() + 1; n-- > 0;) {
      const size_t found =
          wanted[to_string(Path(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(n)))];
      if (found != std::string_view::npos) {
        offset = found;
        break;
      }
    }
    offsets.push_back(offset);
  }
  return offsets;
}

std::vector<DuplicateKey> duplicate_keys(std::string_view json, size_t limit) {
  DuplicateSearch search{json, limit, {}, {}, {}};
  const size_t start = skip_space(json, 0);
  if (start < json.size()) search.walk(start);
  return std::move(search.found);
}

size_t first_invalid_utf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t length = utf8_sequence_length(text.substr(i));
    if (length == 0) return i;
    i += length;
  }
  return std::string_view::npos;
}

}  // namespace compact::json_source
