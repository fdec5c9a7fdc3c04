// The report as JSON, in DESIGN.md's keys: what the CLI's --format json, the C ABI's report text and
// the Python package's to_json() all give. Written straight into one string, field by field: a report
// of a hundred findings is a hundred kilobytes, and building a document tree first took ten times as
// long as writing it.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <memory>

#include "absl/strings/str_cat.h"
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

// The text of one report as it is written: raw memory, grown by doubling and kept by each thread from
// one report to the next. Appending is a bounds check and a copy; std::string's appends, each out of
// line, took most of the writing time, and its resize() would zero what is about to be written.
class Buffer {
 public:
  void clear() { size_ = 0; }
  std::string_view text() const { return {data_.get(), size_}; }

  // `n` bytes at the end, to be written at once.
  char* extend(size_t n) {
    if (capacity_ - size_ < n) grow(n);
    char* at = data_.get() + size_;
    size_ += n;
    return at;
  }
  void append(std::string_view s) { std::memcpy(extend(s.size()), s.data(), s.size()); }
  void append(char c) { *extend(1) = c; }

 private:
  void grow(size_t n) {
    const size_t capacity = std::max(2 * capacity_, size_ + n + 4096);
    std::unique_ptr<char[]> data(new char[capacity]);
    if (size_ > 0) std::memcpy(data.get(), data_.get(), size_);
    data_ = std::move(data);
    capacity_ = capacity;
  }

  std::unique_ptr<char[]> data_;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

class JsonWriter {
 public:
  explicit JsonWriter(Buffer& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // A key of the object being written; its value follows. Keys are this file's own names, which
  // need no escaping.
  void key(std::string_view name) {
    separate();
    char* at = out_.extend(name.size() + 3);
    at[0] = '"';
    std::memcpy(at + 1, name.data(), name.size());
    at[name.size() + 1] = '"';
    at[name.size() + 2] = ':';
    after_key_ = true;
  }

  void string(std::string_view s) {
    separate();
    quoted(s);
  }
  void number(int64_t n) {
    separate();
    char digits[24];
    const auto [end, error] = std::to_chars(digits, digits + sizeof digits, n);
    out_.append(std::string_view(digits, static_cast<size_t>(end - digits)));
  }
  void boolean(bool b) {
    separate();
    out_.append(b ? std::string_view("true") : std::string_view("false"));
  }
  void null() {
    separate();
    out_.append("null");
  }
  void date(const std::optional<Date>& d) {
    if (!d) return null();
    separate();
    char* at = out_.extend(12);
    at[0] = '"';
    write_date(at + 1, *d);
    at[11] = '"';
  }
  template <typename T>
  void number_or_null(const std::optional<T>& n) {
    if (n) return number(*n);
    null();
  }

  // A string built by `write(std::string&)`, which appends it; the scratch string is kept by the
  // thread, so that nothing is allocated once it is long enough.
  template <typename Write>
  void string_from(Write write) {
    thread_local std::string scratch;
    scratch.clear();
    write(scratch);
    string(scratch);
  }

 private:
  void open(char c) {
    separate();
    out_.append(c);
    first_ = true;
  }
  void close(char c) {
    out_.append(c);
    first_ = false;
  }
  // A comma before every value but the first of its container, and none after a key.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) out_.append(',');
    first_ = false;
  }

  // RFC 8259: the quote, the backslash and control characters are escaped; the text is UTF-8 already
  // (case documents and packs are checked when read).
  void quoted(std::string_view s) {
    out_.append('"');
    size_t plain = 0;  // s[plain, i) is still to be copied
    size_t i = 0;
    // Eight bytes at a time while none needs escaping: a report is mostly plain text. Fewer than
    // eight left over are tested in the word that ends the text, which overlaps them.
    while (i + 8 <= s.size() && !needs_escape(load(s.data() + i))) i += 8;
    if (i < s.size() && i + 8 > s.size() && s.size() >= 8 &&
        !needs_escape(load(s.data() + s.size() - 8))) {
      i = s.size();
    }
    for (; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (!kEscaped[c]) continue;
      out_.append(s.substr(plain, i - plain));
      plain = i + 1;
      switch (c) {
        case '"':
          out_.append("\\\"");
          break;
        case '\\':
          out_.append("\\\\");
          break;
        case '\n':
          out_.append("\\n");
          break;
        case '\t':
          out_.append("\\t");
          break;
        case '\r':
          out_.append("\\r");
          break;
        default: {
          constexpr char kHex[] = "0123456789abcdef";
          out_.append("\\u00");
          out_.append(kHex[c >> 4]);
          out_.append(kHex[c & 0xF]);
        }
      }
    }
    out_.append(s.substr(plain));
    out_.append('"');
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

  Buffer& out_;
  bool first_ = true;
  bool after_key_ = false;
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

void write_missing(JsonWriter& w, const Finding& f) {
  w.key("missing");
  w.begin_array();
  f.visit_missing_fields([&](const std::string& path) { w.string(path); });
  w.end_array();
}

void write_conventions(JsonWriter& w, const rules::Pack& pack, const rules::Rule& rule) {
  w.key("conventions");
  w.begin_object();
  w.key("calendar");
  w.string(pack.calendar_name);
  w.key("due_means");
  w.string(rules::name_of(rule.due_means));
  w.key("event_day_excluded");
  w.boolean(true);
  w.key("months");
  w.string("corresponding date");
  w.end_object();
}

void write_explanation(JsonWriter& w, const Finding& f) {
  w.key("parameters");
  w.begin_array();
  f.visit_parameters([&](const rules::Parameter& p, const rules::Parameter::Dated& value) {
    w.begin_object();
    w.key("name");
    w.string(p.name);
    w.key("value");
    w.string(value.text);
    w.key("from");
    w.date(value.from);
    w.end_object();
  });
  w.end_array();
  w.key("trace");
  w.begin_array();
  f.visit_trace([&](std::string_view name, const rules::Value& value, const rules::Type& type) {
    w.begin_object();
    w.key("name");
    w.string(name);
    w.key("value");
    if (type.kind == rules::Type::Kind::kDate && value.known()) {
      w.date(value.day);  // the commonest value, written as append_value would, with no scratch
    } else {
      w.string_from([&](std::string& s) { append_value(s, value, type); });
    }
    w.end_object();
  });
  w.end_array();
  w.key("message");
  if (f.has_message()) {
    w.string_from([&](std::string& s) { f.append_message(s); });
  } else {
    w.null();
  }
}

void write_finding(JsonWriter& w, const Finding& f, ReportDetail detail) {
  const rules::Rule& rule = *f.rule;
  w.begin_object();
  w.key("rule");
  w.string(rule.id);
  w.key("entity");
  w.string_from([&](std::string& s) { f.append_entity_path(s); });
  w.key("outcome");
  w.string(name_of(f.outcome));
  w.key("due");
  w.date(f.due);
  w.key("actual");
  w.date(f.actual);
  w.key("arises");
  w.date(f.arises);
  w.key("margin");
  w.begin_object();
  w.key("days");
  w.number_or_null(f.margin_days);
  w.key("working_days");
  w.number_or_null(f.margin_working_days);
  w.end_object();
  w.key("pack");
  w.string(f.pack->id);
  w.key("party");
  w.string(rules::name_of(rule.party));
  w.key("strength");
  w.string(rules::name_of(rule.strength));
  w.key("citation");
  w.begin_object();
  w.key("section");
  w.string(rule.section);
  if (detail == ReportDetail::kFull) {
    w.key("quote");
    w.string(rule.quote);
  }
  w.end_object();
  w.key("boundary_sensitive");
  w.boolean(f.boundary_sensitive);
  w.key("outside_in_force");
  w.boolean(f.outside_in_force);
  if (f.outcome == Outcome::kNotApplicable) {
    w.key("not_applicable_because");
    w.string(inapplicability_name(f.inapplicability));
  }
  write_missing(w, f);
  if (detail == ReportDetail::kFull) {
    write_conventions(w, *f.pack, rule);
    write_explanation(w, f);
  } else {
    w.key("trace");
    w.null();
  }
  w.end_object();
}

// Whether a finding before findings[i] is `same` as it. Engine::evaluate groups findings by pack and
// rule, so the one before usually answers at once; a caller may have reordered them, so the rest are
// looked at too.
template <typename Same>
bool written_before(const Report& report, size_t i, Same same) {
  if (i > 0 && same(report.findings[i - 1])) return true;
  for (size_t j = 0; j + 1 < i; ++j) {
    if (same(report.findings[j])) return true;
  }
  return false;
}

// Lean reports: each rule that has a finding, once, with what its findings leave out.
void write_rules(JsonWriter& w, const Report& report) {
  w.key("rules");
  w.begin_array();
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (written_before(report, i, [&](const Finding& g) { return g.rule == f.rule; })) continue;
    w.begin_object();
    w.key("pack");
    w.string(f.pack->id);
    w.key("id");
    w.string(f.rule->id);
    w.key("section");
    w.string(f.rule->section);
    w.key("quote");
    w.string(f.rule->quote);
    w.key("party");
    w.string(rules::name_of(f.rule->party));
    w.key("strength");
    w.string(rules::name_of(f.rule->strength));
    write_conventions(w, *f.pack, *f.rule);
    w.end_object();
  }
  w.end_array();
}

void write_report(Buffer& buffer, const Report& report, ReportDetail detail) {
  JsonWriter w(buffer);
  w.begin_object();
  w.key("as_of");
  w.date(report.as_of);
  w.key("packs");
  w.begin_array();
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (written_before(report, i, [&](const Finding& g) { return g.pack == f.pack; })) continue;
    w.begin_object();
    w.key("id");
    w.string(f.pack->id);
    w.key("title");
    w.string(f.pack->title);
    w.key("edition");
    w.string(f.pack->edition);
    w.key("in_force_from");
    w.date(f.pack->in_force_from);
    w.key("in_force_to");
    w.date(f.pack->in_force_to);
    w.end_object();
  }
  w.end_array();
  w.key("findings");
  w.begin_array();
  for (const Finding& f : report.findings) write_finding(w, f, detail);
  w.end_array();
  w.key("timeline");
  w.begin_array();
  for (const size_t i : report.timeline) {
    const Finding& f = report.findings[i];
    w.begin_object();
    w.key("due");
    w.date(f.due);
    w.key("rule");
    w.string(f.rule->id);
    w.key("entity");
    w.string_from([&](std::string& s) { f.append_entity_path(s); });
    w.key("outcome");
    w.string(name_of(f.outcome));
    w.end_object();
  }
  w.end_array();
  w.key("summary");
  w.begin_object();
  for (size_t i = 0; i < kOutcomeCount; ++i) {
    w.key(name_of(static_cast<Outcome>(i)));
    w.number(static_cast<int64_t>(report.summary[i]));
  }
  w.end_object();
  w.key("warnings");
  w.begin_array();
  if (report.outside_in_force > 0) {
    w.string(in_force_warning(report.outside_in_force));
  }
  w.end_array();
  if (detail == ReportDetail::kLean) write_rules(w, report);
  w.end_object();
}

}  // namespace

std::string to_json(const Report& report, ReportDetail detail) {
  std::string out;
  out.reserve(512 + report.findings.size() * (detail == ReportDetail::kFull ? 1280 : 320));
  append_json(out, report, detail);
  return out;
}

void append_json(std::string& out, const Report& report, ReportDetail detail) {
  thread_local Buffer buffer;
  buffer.clear();
  write_report(buffer, report, detail);
  out.append(buffer.text());
  // A thread keeps its buffer for the next report, unless this one was unusually large.
  if (buffer.text().size() > (4 << 20)) buffer = Buffer();
}

}  // namespace compact
