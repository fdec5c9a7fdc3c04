#pragma once
// Writing JSON text fast, for the report writer (report_json.cpp) and the JSON each rule's findings
// share (rule_json.cpp): raw memory grown by doubling, and a writer whose pieces are each a few
// stores. Internal to the library.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "compact/calendar/date.hpp"

namespace compact::json_text {

// The bytes a JSON string cannot hold as themselves.
inline constexpr std::array<bool, 256> kEscaped = [] {
  std::array<bool, 256> escaped{};
  for (int c = 0; c < 0x20; ++c) escaped[static_cast<size_t>(c)] = true;
  escaped['"'] = true;
  escaped['\\'] = true;
  return escaped;
}();

// Where the next byte goes and where the room for it ends. The writers below take and return it by
// value, so that it lives in two registers: kept in memory, it would be reloaded after every byte
// written, since a store through a char pointer may change any object (the buffer's own size, for
// one), and each piece would wait on the one before.
struct Cursor {
  char* at;
  char* end;
};

// JSON text as it is written: raw memory, grown by doubling and kept by its owner from one text to
// the next (std::string's resize() would zero what is about to be written).
class JsonBuffer {
 public:
  Cursor start() {
    size_ = 0;
    return {data_.get(), data_.get() + capacity_};
  }
  // Room for `n` more bytes at `c`: `c` itself when there is, else the same place in larger memory.
  Cursor room(Cursor c, size_t n) {
    if (static_cast<size_t>(c.end - c.at) >= n) return c;
    return grow(c, n);
  }
  void finish(Cursor c) { size_ = static_cast<size_t>(c.at - data_.get()); }
  size_t capacity() const { return capacity_; }
  // Where `c` is, as an offset that stays true when the memory grows.
  size_t offset(Cursor c) const { return static_cast<size_t>(c.at - data_.get()); }
  // `n` bytes written before, at `offset`, again at `c`.
  Cursor again(Cursor c, size_t offset, size_t n) {
    c = room(c, n);  // first: it may move what is copied
    std::memcpy(c.at, data_.get() + offset, n);
    c.at += n;
    return c;
  }
  std::string_view text() const { return {data_.get(), size_}; }

 private:
  Cursor grow(Cursor c, size_t n) {
    const size_t used = static_cast<size_t>(c.at - data_.get());
    const size_t capacity = std::max(2 * capacity_, used + n + 4096);
    std::unique_ptr<char[]> data(new char[capacity]);
    if (used > 0) std::memcpy(data.get(), data_.get(), used);
    data_ = std::move(data);
    capacity_ = capacity;
    return {data_.get() + used, data_.get() + capacity_};
  }

  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

// Writes JSON into a JsonBuffer, piece by piece, each piece taking the cursor and returning it moved on.
class Json {
 public:
  explicit Json(JsonBuffer& buffer) : buffer_(buffer) {}

  // This file's own JSON between values: keys and punctuation, which need no escaping.
  template <size_t N>
  Cursor raw(Cursor c, const char (&literal)[N]) {
    return raw(c, std::string_view(literal, N - 1));
  }
  Cursor raw(Cursor c, std::string_view s) {
    c = buffer_.room(c, s.size());
    std::memcpy(c.at, s.data(), s.size());
    c.at += s.size();
    return c;
  }

  // A name of this library's own (an outcome, a party), which needs no escaping, in quotes.
  Cursor name(Cursor c, std::string_view s) {
    c = buffer_.room(c, s.size() + 2);
    *c.at++ = '"';
    std::memcpy(c.at, s.data(), s.size());
    c.at += s.size();
    *c.at++ = '"';
    return c;
  }

  // RFC 8259: the quote, the backslash and control characters are escaped; the text is UTF-8 already
  // (case documents and packs are checked when read). Most text needs none, so it is copied as it is
  // tested, eight bytes at a time; the first byte that needs escaping hands the rest to
  // escaped_from().
  Cursor string(Cursor c, std::string_view s) {
    c = buffer_.room(c, s.size() + 2);
    *c.at++ = '"';
    const char* from = s.data();
    const size_t n = s.size();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
      const uint64_t word = load(from + i);
      if (needs_escape(word)) break;
      std::memcpy(c.at + i, &word, 8);
    }
    // Fewer than eight bytes left: they are tested in the word that ends the text, which overlaps
    // bytes already copied and copies them again unchanged.
    if (i + 8 > n && n >= 8) {
      const uint64_t word = load(from + n - 8);
      if (!needs_escape(word)) {
        std::memcpy(c.at + n - 8, &word, 8);
        i = n;
      }
    }
    for (; i < n && !kEscaped[static_cast<unsigned char>(from[i])]; ++i) c.at[i] = from[i];
    c.at += i;
    if (i < n) c = escaped_from(c, s.substr(i));
    return raw(c, "\"");
  }

  Cursor date(Cursor c, const std::optional<Date>& d) {
    if (!d) return raw(c, "null");
    c = buffer_.room(c, 12);
    c.at[0] = '"';
    write_date(c.at + 1, *d);
    c.at[11] = '"';
    c.at += 12;
    return c;
  }

  Cursor number(Cursor c, int64_t n) {
    c = buffer_.room(c, 24);
    c.at = std::to_chars(c.at, c.end, n).ptr;
    return c;
  }
  Cursor number(Cursor c, const std::optional<int64_t>& n) {
    return n ? number(c, *n) : raw(c, "null");
  }

  Cursor boolean(Cursor c, bool b) { return b ? raw(c, "true") : raw(c, "false"); }

  size_t offset(Cursor c) const { return buffer_.offset(c); }
  Cursor again(Cursor c, size_t offset, size_t n) { return buffer_.again(c, offset, n); }

  // A string built by `write(std::string&)`, which appends it; the scratch string is kept by the
  // thread, so that nothing is allocated once it is long enough.
  template <typename Write>
  Cursor string_from(Cursor c, Write write) {
    thread_local std::string scratch;
    scratch.clear();
    write(scratch);
    return string(c, scratch);
  }

 private:
  // The slow path: `s` starts with a byte that needs escaping.
  Cursor escaped_from(Cursor c, std::string_view s) {
    size_t plain = 0;  // s[plain, i) is still to be copied
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char byte = static_cast<unsigned char>(s[i]);
      if (!kEscaped[byte]) continue;
      c = raw(c, s.substr(plain, i - plain));
      plain = i + 1;
      switch (byte) {
        case '"':
          c = raw(c, "\\\"");
          break;
        case '\\':
          c = raw(c, "\\\\");
          break;
        case '\n':
          c = raw(c, "\\n");
          break;
        case '\t':
          c = raw(c, "\\t");
          break;
        case '\r':
          c = raw(c, "\\r");
          break;
        default: {
          constexpr char kHex[] = "0123456789abcdef";
          const char escape[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xF]};
          c = raw(c, std::string_view(escape, sizeof escape));
        }
      }
    }
    return raw(c, s.substr(plain));
  }

  static uint64_t load(const char* p) {
    uint64_t word;
    std::memcpy(&word, p, 8);
    return word;
  }

  // Whether any byte of `word` is below 0x20, a quote or a backslash. Each test is the classic
  // "has a zero byte" one, (x - 0x01..) & ~x & 0x80.., on a word made zero where the byte matches;
  // it can give a false positive only for bytes after a true one, which is all this needs.
  static bool needs_escape(uint64_t word) {
    constexpr uint64_t kOnes = 0x0101010101010101;
    constexpr uint64_t kHighs = 0x8080808080808080;
    const auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHighs; };
    const uint64_t control = (word - kOnes * 0x20) & ~word & kHighs;  // a byte below 0x20
    return control | has_zero(word ^ (kOnes * '"')) | has_zero(word ^ (kOnes * '\\'));
  }

  JsonBuffer& buffer_;
};

}  // namespace compact::json_text
