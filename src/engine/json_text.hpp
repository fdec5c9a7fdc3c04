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
#include "compact/util/json_bytes.hpp"

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

// Copies `n` bytes from `from` to `to`, which do not overlap. Most pieces of a report are under 64
// bytes and of a length known only when written: two overlapping loads and stores of the widest size
// that fits (e.g. 16 and 16 bytes for 20) copy them in a few instructions, where a call of memcpy
// first works out which of its own ways to take.
inline void copy(char* to, const char* from, size_t n) {
  // Words of 4, 8 and 16 bytes held in registers (a char array would live on the stack, and each
  // copy would go through it); GCC's and Clang's vector extension gives the 16-byte one portably.
  using Word16 = char __attribute__((vector_size(16)));
  const auto both_ends = [&]<typename Word>() {
    Word head, tail;
    std::memcpy(&head, from, sizeof(Word));
    std::memcpy(&tail, from + n - sizeof(Word), sizeof(Word));
    std::memcpy(to, &head, sizeof(Word));
    std::memcpy(to + n - sizeof(Word), &tail, sizeof(Word));
  };
  if (n >= 64) {
    std::memcpy(to, from, n);
  } else if (n >= 32) {
    // The first 32 bytes and the last 32, which overlap unless n is 64.
    Word16 a, b, c, d;
    std::memcpy(&a, from, 16);
    std::memcpy(&b, from + 16, 16);
    std::memcpy(&c, from + n - 32, 16);
    std::memcpy(&d, from + n - 16, 16);
    std::memcpy(to, &a, 16);
    std::memcpy(to + 16, &b, 16);
    std::memcpy(to + n - 32, &c, 16);
    std::memcpy(to + n - 16, &d, 16);
  } else if (n >= 16) {
    both_ends.template operator()<Word16>();
  } else if (n >= 8) {
    both_ends.template operator()<uint64_t>();
  } else if (n >= 4) {
    both_ends.template operator()<uint32_t>();
  } else if (n > 0) {
    // One, two or three bytes: the first, the middle and the last cover them all.
    const char first = from[0], middle = from[n / 2], last = from[n - 1];
    to[0] = first;
    to[n / 2] = middle;
    to[n - 1] = last;
  }
}

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
  std::string_view written(size_t offset, size_t n) const { return {data_.get() + offset, n}; }
  // `n` bytes written before, at `offset`, again at `c`.
  Cursor again(Cursor c, size_t offset, size_t n) {
    c = room(c, n);  // first: it may move what is copied
    copy(c.at, data_.get() + offset, n);
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

// The text of dates written lately, `"2025-01-29"` with its quotes, by day. A report's dates are
// few and repeated (each payment's, its due dates, the as-of date), and copying twelve bytes is
// cheaper than working out year, month and day again. Direct-mapped on Boost's day number, which
// every date has, special values included; an entry is empty while it holds day 1, which no date has.
class DateTexts {
 public:
  DateTexts() {
    for (Entry& e : entries_) e.day = 1;
  }

  const char* quoted(Date d) {
    const uint32_t day = d.day_number();
    Entry& e = entries_[day % kEntries];
    if (e.day != day) {
      e.day = day;
      e.text[0] = '"';
      write_date(e.text + 1, d);
      e.text[11] = '"';
    }
    return e.text;
  }

 private:
  static constexpr size_t kEntries = 1024;  // some three years of days
  struct Entry {
    uint32_t day;
    char text[12];
  };
  std::array<Entry, kEntries> entries_;
};

// Writes JSON into a JsonBuffer, piece by piece, each piece taking the cursor and returning it moved
// on; dates through `dates`, when given, else converted each time.
class Json {
 public:
  explicit Json(JsonBuffer& buffer, DateTexts* dates = nullptr) : buffer_(buffer), dates_(dates) {}

  // Keys and punctuation, and JSON written before: what needs no escaping.
  template <size_t N>
  Cursor raw(Cursor c, const char (&literal)[N]) {
    c = buffer_.room(c, N - 1);
    c.at = put(c.at, literal);
    return c;
  }
  Cursor raw(Cursor c, std::string_view s) {
    c = buffer_.room(c, s.size());
    c.at = put(c.at, s);
    return c;
  }

  // A name of this library's own (an outcome, a party), which needs no escaping, in quotes.
  Cursor name(Cursor c, std::string_view s) {
    c = buffer_.room(c, s.size() + 2);
    *c.at++ = '"';
    copy(c.at, s.data(), s.size());
    c.at += s.size();
    *c.at++ = '"';
    return c;
  }

  // RFC 8259: the quote, the backslash and control characters are escaped; the text is UTF-8 already
  // (case documents and packs are checked when read). Most text needs none, so it is copied as it is
  // tested, eight bytes at a time; the first byte that needs escaping hands the rest to
  // escaped_from().
  Cursor string(Cursor c, std::string_view s) {
    c = buffer_.room(c, 1);
    *c.at++ = '"';
    c = escaped(c, s);
    return raw(c, "\"");
  }

  // The inside of a string: `s`, escaped, without quotes.
  Cursor escaped(Cursor c, std::string_view s) {
    c = buffer_.room(c, s.size());
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
    return c;
  }

  Cursor date(Cursor c, const std::optional<Date>& d) {
    c = buffer_.room(c, kMaxDate);
    c.at = put_date(c.at, d);
    return c;
  }

  Cursor number(Cursor c, const std::optional<int64_t>& n) {
    c = buffer_.room(c, kMaxNumber);
    c.at = put_number(c.at, n);
    return c;
  }

  // Room for `n` more bytes at `c`, for the put writers below: a writer that knows how long a run
  // of pieces can be makes room for all of them at once, then puts them without looking again.
  Cursor room(Cursor c, size_t n) { return buffer_.room(c, n); }
  static constexpr size_t kMaxDate = 12;    // "2025-01-29" with its quotes, or null
  static constexpr size_t kMaxNumber = 20;  // -9223372036854775808, or null

  // Each writes at `at`, which has room, and returns where it ended.
  template <size_t N>
  static char* put(char* at, const char (&literal)[N]) {
    std::memcpy(at, literal, N - 1);
    return at + N - 1;
  }
  static char* put(char* at, std::string_view s) {
    copy(at, s.data(), s.size());
    return at + s.size();
  }
  char* put_date(char* at, const std::optional<Date>& d) {
    if (!d) return put(at, "null");
    if (dates_ != nullptr) {
      std::memcpy(at, dates_->quoted(*d), 12);
    } else {
      at[0] = '"';
      write_date(at + 1, *d);
      at[11] = '"';
    }
    return at + 12;
  }
  static char* put_number(char* at, const std::optional<int64_t>& n) {
    if (!n) return put(at, "null");
    return std::to_chars(at, at + kMaxNumber, *n).ptr;
  }

  size_t offset(Cursor c) const { return buffer_.offset(c); }
  Cursor again(Cursor c, size_t offset, size_t n) { return buffer_.again(c, offset, n); }
  // `n` bytes written before, at `offset`: valid until the memory next grows.
  std::string_view written(size_t offset, size_t n) const { return buffer_.written(offset, n); }

  // A string, or the inside of one (`quoted` false), built by `write(std::string&)`, which appends
  // it; the scratch string is kept by the thread, so that nothing is allocated once it is long enough.
  template <typename Write>
  Cursor string_from(Cursor c, Write write, bool quoted = true) {
    thread_local std::string scratch;
    scratch.clear();
    write(scratch);
    return quoted ? string(c, scratch) : escaped(c, scratch);
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

  // Whether any byte of `word` is below 0x20, a quote or a backslash.
  static bool needs_escape(uint64_t word) {
    return json_bytes::quote_backslash_or_control(word) != 0;
  }

  JsonBuffer& buffer_;
  DateTexts* dates_;
};

}  // namespace compact::json_text
