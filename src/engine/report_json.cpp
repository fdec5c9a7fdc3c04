// The report as JSON, in DESIGN.md's keys: what the CLI's --format json, the C ABI's report text and
// the Python package's to_json() all give. Written straight into one buffer, piece by piece: a report
// of a hundred findings is a hundred kilobytes, and building a document tree first took ten times as
// long as writing it. Each object's keys are known here in order, so the punctuation and keys between
// two values are one literal ("},\"pack\":"), copied in a few stores.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <memory>
#include <vector>

#include "compact/engine/report.hpp"

namespace compact {
namespace {

// The bytes a JSON string cannot hold as themselves.
constexpr std::array<bool, 256> kEscaped = [] {
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

}  // namespace

// The text of one report as it is written: raw memory, grown by doubling and kept by its writer from
// one report to the next (std::string's resize() would zero what is about to be written).
class ReportJsonWriter::Buffer {
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

namespace {

using Buffer = ReportJsonWriter::Buffer;

class Json {
 public:
  explicit Json(Buffer& buffer) : buffer_(buffer) {}

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

  Buffer& buffer_;
};

std::string_view inapplicability_name(Inapplicability why) {
  switch (why) {
    case Inapplicability::kNone:
      return "";
    case Inapplicability::kWhen:
      return "when";
    case Inapplicability::kUnless:
      return "unless";
    case Inapplicability::kOutsideInForce:
      return "outside_in_force";
  }
  return "";
}

Cursor write_entity_path(Json& j, Cursor c, const Finding& f) {
  return j.string_from(c, [&](std::string& s) { f.append_entity_path(s); });
}

// `,"conventions":{...}`, inside a finding or a lean report's rule.
Cursor write_conventions(Json& j, Cursor c, const rules::Pack& pack, const rules::Rule& rule) {
  c = j.raw(c, ",\"conventions\":{\"calendar\":");
  c = j.string(c, pack.calendar_name);
  c = j.raw(c, ",\"due_means\":");
  c = j.name(c, rules::name_of(rule.due_means));
  return j.raw(c, ",\"event_day_excluded\":true,\"months\":\"corresponding date\"}");
}

// `,"parameters":[...],"trace":[...],"message":...`, the full report's explanation of a finding.
Cursor write_explanation(Json& j, Cursor c, const Finding& f) {
  c = j.raw(c, ",\"parameters\":[");
  bool first = true;
  f.visit_parameters([&](const rules::Parameter& p, const rules::Parameter::Dated& value) {
    c = j.raw(c, first ? "{\"name\":" : ",{\"name\":");
    first = false;
    c = j.string(c, p.name);
    c = j.raw(c, ",\"value\":");
    c = j.string(c, value.text);
    c = j.raw(c, ",\"from\":");
    c = j.date(c, value.from);
    c = j.raw(c, "}");
  });
  c = j.raw(c, "],\"trace\":[");
  first = true;
  f.visit_trace([&](std::string_view name, const rules::Value& value, const rules::Type& type) {
    c = j.raw(c, first ? "{\"name\":" : ",{\"name\":");
    first = false;
    c = j.string(c, name);
    c = j.raw(c, ",\"value\":");
    if (type.kind == rules::Type::Kind::kDate && value.known()) {
      c = j.date(c,
                 value.day);  // the commonest value, written as append_value would, with no scratch
    } else {
      c = j.string_from(c, [&](std::string& s) { append_value(s, value, type); });
    }
    c = j.raw(c, "}");
  });
  c = j.raw(c, "],\"message\":");
  if (!f.has_message()) return j.raw(c, "null");
  return j.string_from(c, [&](std::string& s) { f.append_message(s); });
}

// Where a finding's entity path was written, as JSON, for the timeline to copy.
struct Written {
  size_t offset;
  size_t size;
};

Cursor write_finding(Json& j, Cursor c, const Finding& f, ReportDetail detail, Written& entity) {
  const rules::Rule& rule = *f.rule;
  const bool full = detail == ReportDetail::kFull;
  c = j.raw(c, "{\"rule\":");
  c = j.string(c, rule.id);
  c = j.raw(c, ",\"entity\":");
  entity.offset = j.offset(c);
  c = write_entity_path(j, c, f);
  entity.size = j.offset(c) - entity.offset;
  c = j.raw(c, ",\"outcome\":");
  c = j.name(c, name_of(f.outcome));
  c = j.raw(c, ",\"due\":");
  c = j.date(c, f.due);
  c = j.raw(c, ",\"actual\":");
  c = j.date(c, f.actual);
  c = j.raw(c, ",\"arises\":");
  c = j.date(c, f.arises);
  c = j.raw(c, ",\"margin\":{\"days\":");
  c = j.number(c, f.margin_days);
  c = j.raw(c, ",\"working_days\":");
  c = j.number(c, f.margin_working_days);
  c = j.raw(c, "},\"pack\":");
  c = j.string(c, f.pack->id);
  c = j.raw(c, ",\"party\":");
  c = j.name(c, rules::name_of(rule.party));
  c = j.raw(c, ",\"strength\":");
  c = j.name(c, rules::name_of(rule.strength));
  c = j.raw(c, ",\"citation\":{\"section\":");
  c = j.string(c, rule.section);
  if (full) {
    c = j.raw(c, ",\"quote\":");
    c = j.string(c, rule.quote);
  }
  c = j.raw(c, "},\"boundary_sensitive\":");
  c = j.boolean(c, f.boundary_sensitive);
  c = j.raw(c, ",\"outside_in_force\":");
  c = j.boolean(c, f.outside_in_force);
  if (f.outcome == Outcome::kNotApplicable) {
    c = j.raw(c, ",\"not_applicable_because\":");
    c = j.name(c, inapplicability_name(f.inapplicability));
  }
  if (f.outcome == Outcome::kInsufficientData) {
    c = j.raw(c, ",\"insufficient_because\":");
    c = j.name(
        c, f.insufficiency == Insufficiency::kDateOutOfRange ? "date_out_of_range" : "unrecorded");
  }
  c = j.raw(c, ",\"missing\":[");
  bool first = true;
  f.visit_missing_fields([&](const std::string& path) {
    if (!first) c = j.raw(c, ",");
    first = false;
    c = j.string(c, path);
  });
  c = j.raw(c, "]");
  if (full) {
    c = write_conventions(j, c, *f.pack, rule);
    c = write_explanation(j, c, f);
  } else {
    c = j.raw(c, ",\"trace\":null");
  }
  return j.raw(c, "}");
}

// Whether a finding before findings[i] is `same` as it. Engine::evaluate groups findings by pack and
// rule, so the one before usually answers at once; a caller may have reordered them, so the rest are
// looked at too.
template <typename Same>
bool written_before(const Report& report, size_t i, Same same) {
  if (i > 0 && same(report.findings[i - 1])) return true;
  for (size_t k = 0; k + 1 < i; ++k) {
    if (same(report.findings[k])) return true;
  }
  return false;
}

// Lean reports: `,"rules":[...]`, each rule that has a finding, once, with what its findings leave
// out.
Cursor write_rules(Json& j, Cursor c, const Report& report) {
  c = j.raw(c, ",\"rules\":[");
  bool first = true;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (written_before(report, i, [&](const Finding& g) { return g.rule == f.rule; })) continue;
    c = j.raw(c, first ? "{\"pack\":" : ",{\"pack\":");
    first = false;
    c = j.string(c, f.pack->id);
    c = j.raw(c, ",\"id\":");
    c = j.string(c, f.rule->id);
    c = j.raw(c, ",\"section\":");
    c = j.string(c, f.rule->section);
    c = j.raw(c, ",\"quote\":");
    c = j.string(c, f.rule->quote);
    c = j.raw(c, ",\"party\":");
    c = j.name(c, rules::name_of(f.rule->party));
    c = j.raw(c, ",\"strength\":");
    c = j.name(c, rules::name_of(f.rule->strength));
    c = write_conventions(j, c, *f.pack, *f.rule);
    c = j.raw(c, "}");
  }
  return j.raw(c, "]");
}

Cursor write_report(Json& j, Cursor c, const Report& report, ReportDetail detail) {
  c = j.raw(c, "{\"as_of\":");
  c = j.date(c, report.as_of);
  c = j.raw(c, ",\"packs\":[");
  bool first = true;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (written_before(report, i, [&](const Finding& g) { return g.pack == f.pack; })) continue;
    c = j.raw(c, first ? "{\"id\":" : ",{\"id\":");
    first = false;
    c = j.string(c, f.pack->id);
    c = j.raw(c, ",\"title\":");
    c = j.string(c, f.pack->title);
    c = j.raw(c, ",\"edition\":");
    c = j.string(c, f.pack->edition);
    c = j.raw(c, ",\"in_force_from\":");
    c = j.date(c, f.pack->in_force_from);
    c = j.raw(c, ",\"in_force_to\":");
    c = j.date(c, f.pack->in_force_to);
    c = j.raw(c, "}");
  }
  c = j.raw(c, "],\"findings\":[");
  // Each finding's entity path, as written, which the timeline copies rather than builds again. Kept
  // by the thread, so that nothing is allocated once it is long enough.
  thread_local std::vector<Written> entities;
  entities.resize(report.findings.size());
  for (size_t i = 0; i < report.findings.size(); ++i) {
    if (i > 0) c = j.raw(c, ",");
    c = write_finding(j, c, report.findings[i], detail, entities[i]);
  }
  c = j.raw(c, "],\"timeline\":[");
  for (size_t i = 0; i < report.timeline.size(); ++i) {
    const Finding& f = report.findings[report.timeline[i]];
    c = j.raw(c, i > 0 ? ",{\"due\":" : "{\"due\":");
    c = j.date(c, f.due);
    c = j.raw(c, ",\"rule\":");
    c = j.string(c, f.rule->id);
    c = j.raw(c, ",\"entity\":");
    const Written& entity = entities[report.timeline[i]];
    c = j.again(c, entity.offset, entity.size);
    c = j.raw(c, ",\"outcome\":");
    c = j.name(c, name_of(f.outcome));
    c = j.raw(c, "}");
  }
  c = j.raw(c, "],\"summary\":{");
  for (size_t i = 0; i < kOutcomeCount; ++i) {
    c = j.raw(c, i > 0 ? ",\"" : "\"");
    c = j.raw(c, name_of(static_cast<Outcome>(i)));
    c = j.raw(c, "\":");
    c = j.number(c, static_cast<int64_t>(report.summary[i]));
  }
  c = j.raw(c, "},\"warnings\":[");
  if (report.outside_in_force > 0) {
    c = j.string_from(c,
                      [&](std::string& s) { append_in_force_warning(s, report.outside_in_force); });
  }
  c = j.raw(c, "]");
  if (detail == ReportDetail::kLean) c = write_rules(j, c, report);
  return j.raw(c, "}");
}

}  // namespace

ReportJsonWriter::ReportJsonWriter() : buffer_(std::make_unique<Buffer>()) {}
ReportJsonWriter::ReportJsonWriter(ReportJsonWriter&&) noexcept = default;
ReportJsonWriter& ReportJsonWriter::operator=(ReportJsonWriter&&) noexcept = default;
ReportJsonWriter::~ReportJsonWriter() = default;

size_t ReportJsonWriter::memory() const { return buffer_->capacity(); }

std::string_view ReportJsonWriter::write(const Report& report, ReportDetail detail) {
  Json j(*buffer_);
  buffer_->finish(write_report(j, buffer_->start(), report, detail));
  return buffer_->text();
}

std::string to_json(const Report& report, ReportDetail detail) {
  std::string out;
  out.reserve(512 + report.findings.size() * (detail == ReportDetail::kFull ? 1280 : 320));
  append_json(out, report, detail);
  return out;
}

void append_json(std::string& out, const Report& report, ReportDetail detail) {
  thread_local ReportJsonWriter writer;
  out.append(writer.write(report, detail));
  // A thread keeps its memory for the next report, unless this one was unusually large.
  if (writer.memory() > (4 << 20)) writer = ReportJsonWriter();
}

}  // namespace compact
