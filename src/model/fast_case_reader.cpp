#include "fast_case_reader.hpp"

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "compact/calendar/civil_days.hpp"
#include "compact/calendar/date.hpp"
#include "compact/model/field_access.hpp"
#include "compact/util/json_bytes.hpp"
#include "compact/util/utf8.hpp"
#include "field_index.hpp"

namespace compact {
namespace {

// The reader walks the text with `at_`; every method returns false, with nothing reported, at the
// first thing a valid case would not have there.
class FastReader {
 public:
  FastReader(std::string_view text, const ReadLimits& limits)
      : at_(text.data()), end_(text.data() + text.size()), limits_(limits) {}

  bool document(Case& c) {
    if (!entity(c, 1, /*reused=*/true)) return false;
    skip_space();
    return at_ == end_;
  }

 private:
  using FieldRead = bool (*)(FastReader& reader, void* entity, size_t depth);

  // E's object, `depth` containers deep (the document's own object is 1, as the parser counts), into
  // `e`, which is new or, when `reused`, holds an entity read before: its fields the document does
  // not record are cleared after, rather than all of it before, so that its texts and lists keep
  // their memory.
  template <Entity E>
  bool entity(E& e, size_t depth, bool reused) {
    static constexpr auto kSlots = field_slots<E>();
    static constexpr FieldIndex kIndex(E::kFields, kSlots);
    if (depth > limits_.max_depth) return false;
    skip_space();
    if (!take('{')) return false;
    uint64_t seen = 0;
    size_t next = 0;  // the field after the one last read, in the schema's order
    skip_space();
    if (!take('}')) {
      for (;;) {
        if (!take('"')) return false;
        // Documents mostly keep the schema's order (write_case does), so the key is first taken to
        // be the field after the last; where it is not, the index finds it.
        size_t field = next;
        if (!expected(E::kFields, field)) {
          std::string_view key;
          if (!key_text(key)) return false;
          field = kIndex.find(key);
          if (field == FieldIndex::kNotFound) return false;  // perhaps a declared field, or a typo
        }
        const uint64_t bit = uint64_t{1} << field;
        if (seen & bit) return false;
        seen |= bit;
        next = field + 1;
        if (!token(':')) return false;
        if (!reads<E>()[field](*this, &e, depth)) return false;
        if (token(',')) continue;
        if (take('}')) break;  // token() has skipped the white space before it
        return false;
      }
    }
    if (reused) clear_unrecorded(e, seen);
    return (required_fields<E>() & ~seen) == 0;
  }

  // Every field of `e` that `seen` (a bit for each field read) leaves out, as a new E has it; and
  // no declared field, which the fast path never reads.
  template <Entity E>
  static void clear_unrecorded(E& e, uint64_t seen) {
    e.extra.clear();
    [&]<size_t... I>(std::index_sequence<I...>) {
      ((((seen >> I) & 1) != 0 ? void() : clear(e.*E::template member_pointer<I>())), ...);
    }
    (std::make_index_sequence<std::size(E::kFields)>());
  }
  template <typename M>
  static void clear(M& member) {
    if constexpr (IsList<M>::value) {
      member.clear();
    } else {
      member = M{};
    }
  }

  // One reader per field of E, built at compile time: a key's field number picks its reader at once.
  template <Entity E>
  static const std::array<FieldRead, std::size(E::kFields)>& reads() {
    static constexpr std::array<FieldRead, std::size(E::kFields)> kReads =
        make_reads<E>(std::make_index_sequence<std::size(E::kFields)>());
    return kReads;
  }
  template <Entity E, size_t... I>
  static constexpr std::array<FieldRead, sizeof...(I)> make_reads(std::index_sequence<I...>) {
    return {[](FastReader& reader, void* entity, size_t depth) {
      return reader.value(static_cast<E*>(entity)->*E::template member_pointer<I>(), depth);
    }...};
  }

  // A field's value into `member`, as the full reader would store it, in place: what `member` held
  // before (a text, an entity, a list's entries) is overwritten, its memory kept.
  template <typename M>
  bool value(M& member, size_t depth) {
    using Held = typename Unwrapped<M>::Type;
    if constexpr (IsList<Held>::value) {
      return list(member, depth + 1);
    } else if constexpr (std::is_same_v<M, Held>) {
      if constexpr (Entity<Held>) {
        return entity(member, depth + 1, /*reused=*/true);
      } else {
        return scalar(member);
      }
    } else {
      const bool reused = member.has_value();
      if (!reused) member.emplace();
      if constexpr (Entity<Held>) {
        return entity(*member, depth + 1, reused);
      } else {
        return scalar(*member);
      }
    }
  }

  // The entries of a list, each read into the entry `entries` held at its place before, if any.
  template <typename T>
  bool list(std::vector<T>& entries, size_t depth) {
    if (depth > limits_.max_depth || !take('[')) return false;
    skip_space();
    if (take(']')) {
      entries.clear();
      return true;
    }
    // A few entries are the rule, as the full reader has it.
    if (entries.capacity() == 0) entries.reserve(4);
    for (size_t count = 1;; ++count) {
      if (count > limits_.max_list_length) return false;
      const bool reused = count <= entries.size();
      if (!entity(reused ? entries[count - 1] : entries.emplace_back(), depth + 1, reused)) {
        return false;
      }
      if (token(',')) continue;
      if (!take(']')) return false;
      entries.erase(entries.begin() + static_cast<std::ptrdiff_t>(count), entries.end());
      return true;
    }
  }

  // "YYYY-MM-DD" of a day in the supported range, read here; any other text is left to the full
  // reader (parse_date's, which says what is wrong with it).
  bool scalar(Date& out) {
    if (end_ - at_ < 12 || at_[0] != '"' || at_[11] != '"' || at_[5] != '-' || at_[8] != '-') {
      return false;
    }
    unsigned digits[8];
    constexpr std::array<int, 8> kAt = {1, 2, 3, 4, 6, 7, 9, 10};
    for (size_t i = 0; i < 8; ++i) {
      digits[i] = static_cast<unsigned>(static_cast<unsigned char>(at_[kAt[i]])) - '0';
      if (digits[i] > 9) return false;
    }
    const int year =
        static_cast<int>(digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]);
    const int month = static_cast<int>(digits[4] * 10 + digits[5]);
    const int day = static_cast<int>(digits[6] * 10 + digits[7]);
    if (year < kFirstSupportedYear || year > kLastSupportedYear || month < 1 || month > 12 ||
        day < 1 || day > days_in_month(year, month)) {
      return false;
    }
    out = from_day_index(day_index_from_civil(year, month, day));
    at_ += 12;
    return true;
  }

  bool scalar(bool& out) {
    if (literal("true")) {
      out = true;
      return true;
    }
    out = false;
    return literal("false");
  }

  bool scalar(std::string& out) {
    std::string_view text;
    if (!string(text) || text.size() > limits_.max_string_bytes) return false;
    out.assign(text);
    return true;
  }
  bool scalar(OrganisationRef& out) { return scalar(out.id); }
  bool scalar(PolicyRef& out) { return scalar(out.id); }

  bool scalar(Money& out) {
    int64_t pence = 0;
    if (!whole_number(pence) || pence < 0) return false;
    out.pence = pence;
    return true;
  }
  bool scalar(int64_t& out) { return whole_number(out); }

  template <typename E>
  requires std::is_enum_v<E>
  bool scalar(E& out) {
    std::string_view text;
    if (!string(text)) return false;
    const std::optional<E> known = enum_value<E>(text);
    if (!known) return false;
    out = *known;
    return true;
  }

  // -?(0|[1-9][0-9]*) within int64, and no fraction or exponent after it. "-0" is left to the full
  // reader, which takes the parser's word for what it is.
  bool whole_number(int64_t& out) {
    const bool negative = at_ != end_ && *at_ == '-';
    if (negative) ++at_;
    if (at_ == end_ || !digit(*at_)) return false;
    uint64_t magnitude = 0;
    const char* const first = at_;
    if (*at_ == '0') {
      ++at_;
    } else {
      for (; at_ != end_ && digit(*at_); ++at_) {
        if (at_ - first >= 18) return false;  // 19 digits may not fit: the full reader decides
        magnitude = magnitude * 10 + static_cast<uint64_t>(*at_ - '0');
      }
    }
    if (at_ != end_ && (digit(*at_) || *at_ == '.' || *at_ == 'e' || *at_ == 'E')) return false;
    if (negative && magnitude == 0) return false;
    out = negative ? -static_cast<int64_t>(magnitude) : static_cast<int64_t>(magnitude);
    return true;
  }

  // The bytes of `word` that are a quote, a backslash, below 0x20 or above 0x7F, each as its high
  // bit, the lowest set the first of them.
  static uint64_t stops(uint64_t word) {
    return json_bytes::quote_backslash_or_control(word) | (word & json_bytes::kHighs);
  }

  // A string with no escape and no control character, of valid UTF-8, as a view of the text.
  bool string(std::string_view& out) {
    static_assert(std::endian::native == std::endian::little, "words are read low byte first");
    if (at_ == end_ || *at_ != '"') return false;
    const char* const start = ++at_;
    for (;;) {
      // ASCII eight bytes at a time while eight are left, then a byte at a time.
      if (end_ - at_ >= 8) {
        uint64_t word;
        std::memcpy(&word, at_, 8);
        const uint64_t found = stops(word);
        if (found == 0) {
          at_ += 8;
          continue;
        }
        at_ += std::countr_zero(found) / 8;
      } else {
        while (at_ != end_ && *at_ != '"' && *at_ != '\\' &&
               static_cast<unsigned char>(*at_) >= 0x20 &&
               static_cast<unsigned char>(*at_) < 0x80) {
          ++at_;
        }
        if (at_ == end_) return false;
      }
      const auto byte = static_cast<unsigned char>(*at_);
      if (byte == '"') {
        out = std::string_view(start, static_cast<size_t>(at_ - start));
        ++at_;
        return true;
      }
      if (byte < 0x80) return false;  // an escape or a control character
      const size_t length =
          utf8_sequence_length(std::string_view(at_, static_cast<size_t>(end_ - at_)));
      if (length == 0) return false;
      at_ += length;
    }
  }

  // Whether the key after its opening quote is `fields[field]`'s name (for `field` a field's
  // number; any other answers false), and if so, past it and its closing quote.
  bool expected(std::span<const FieldInfo> fields, size_t field) {
    if (field >= fields.size()) return false;
    const std::string_view name = fields[field].name;
    if (static_cast<size_t>(end_ - at_) <= name.size() || at_[name.size()] != '"' ||
        !FieldIndex::same(name, std::string_view(at_, name.size()))) {
      return false;
    }
    at_ += name.size() + 1;
    return true;
  }

  // A key after its opening quote: the text up to the next quote. Only a field's name is of use
  // here, and a field's name is a plain identifier, so a key that matches one is a whole JSON string
  // with no escape; any other text (an escaped quote among it, say) matches none, and the full reader
  // takes the document.
  bool key_text(std::string_view& out) {
    const char* const start = at_;
    const auto found = [&] {
      out = std::string_view(start, static_cast<size_t>(at_ - start));
      ++at_;
      return true;
    };
    for (; end_ - at_ >= 8; at_ += 8) {
      uint64_t word;
      std::memcpy(&word, at_, 8);
      if (const uint64_t quotes = json_bytes::zero_bytes(word ^ (json_bytes::kOnes * '"'))) {
        at_ += std::countr_zero(quotes) / 8;
        return found();
      }
    }
    // The last few bytes of the document.
    while (at_ != end_ && *at_ != '"') ++at_;
    return at_ != end_ && found();
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - at_) < word.size() ||
        std::string_view(at_, word.size()) != word) {
      return false;
    }
    at_ += word.size();
    return true;
  }

  static bool digit(char c) { return c >= '0' && c <= '9'; }

  bool take(char c) {
    if (at_ == end_ || *at_ != c) return false;
    ++at_;
    return true;
  }

  // `c` with any white space before and after it, or false with the white space before it skipped.
  // Documents mostly have none before and one space or none after (`": "`, `", "`): the first tests
  // take those at once.
  bool token(char c) {
    if (end_ - at_ >= 3 && at_[0] == c) {
      if (static_cast<unsigned char>(at_[1]) > ' ') {
        at_ += 1;
        return true;
      }
      if (at_[1] == ' ' && static_cast<unsigned char>(at_[2]) > ' ') {
        at_ += 2;
        return true;
      }
    }
    skip_space();
    if (!take(c)) return false;
    skip_space();
    return true;
  }

  // White space as RFC 8259 has it; a byte above ' ', the usual one, ends the loop at its first test.
  void skip_space() {
    constexpr uint64_t kSpaces = (uint64_t{1} << ' ') | (uint64_t{1} << '\n') |
                                 (uint64_t{1} << '\r') | (uint64_t{1} << '\t');
    while (at_ != end_ && static_cast<unsigned char>(*at_) <= ' ' &&
           ((kSpaces >> static_cast<unsigned char>(*at_)) & 1) != 0) {
      ++at_;
    }
  }

  const char* at_;
  const char* end_;
  const ReadLimits& limits_;
};

}  // namespace

bool read_case_fast(std::string_view text, const ReadLimits& limits, Case& out) {
  return FastReader(text, limits).document(out);
}

}  // namespace compact
