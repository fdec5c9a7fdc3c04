// The report as JSON, in DESIGN.md's keys: what the CLI's --format json, the C ABI's report text and
// the Python package's to_json() all give. Written straight into one string, field by field: a report
// of a hundred findings is a hundred kilobytes, and building a document tree first took ten times as
// long as writing it.

#include <algorithm>
#include <array>

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

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  // A key of the object being written; its value follows. Keys are this file's own names, which
  // need no escaping.
  void key(std::string_view name) {
    separate();
    out_ += '"';
    out_ += name;
    out_ += "\":";
    after_key_ = true;
  }

  void string(std::string_view s) {
    separate();
    quoted(s);
  }
  void number(int64_t n) {
    separate();
    absl::StrAppend(&out_, n);
  }
  void boolean(bool b) {
    separate();
    out_ += b ? "true" : "false";
  }
  void null() {
    separate();
    out_ += "null";
  }
  void date(const std::optional<Date>& d) {
    if (!d) return null();
    separate();
    out_ += '"';
    append_date(out_, *d);
    out_ += '"';
  }
  template <typename T>
  void number_or_null(const std::optional<T>& n) {
    if (n) return number(*n);
    null();
  }

  // A string member built by `write(std::string&)`, escaped on the way in.
  template <typename Write>
  void string_from(Write write) {
    scratch_.clear();
    write(scratch_);
    string(scratch_);
  }

 private:
  void open(char c) {
    separate();
    out_ += c;
    first_ = true;
  }
  void close(char c) {
    out_ += c;
    first_ = false;
  }
  // A comma before every value but the first of its container, and none after a key.
  void separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) out_ += ',';
    first_ = false;
  }

  // RFC 8259: the quote, the backslash and control characters are escaped; the text is UTF-8 already
  // (case documents and packs are checked when read).
  void quoted(std::string_view s) {
    out_ += '"';
    size_t plain = 0;
    for (size_t i = 0; i < s.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(s[i]);
      if (!kEscaped[c]) continue;
      out_.append(s.data() + plain, i - plain);
      plain = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\t':
          out_ += "\\t";
          break;
        case '\r':
          out_ += "\\r";
          break;
        default: {
          constexpr char kHex[] = "0123456789abcdef";
          out_ += "\\u00";
          out_ += kHex[c >> 4];
          out_ += kHex[c & 0xF];
        }
      }
    }
    out_.append(s.data() + plain, s.size() - plain);
    out_ += '"';
  }

  std::string& out_;
  std::string scratch_;
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

void write_finding(JsonWriter& w, const Finding& f) {
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
  w.key("quote");
  w.string(rule.quote);
  w.end_object();
  w.key("boundary_sensitive");
  w.boolean(f.boundary_sensitive);
  w.key("outside_in_force");
  w.boolean(f.outside_in_force);
  if (f.outcome == Outcome::kNotApplicable) {
    w.key("not_applicable_because");
    w.string(inapplicability_name(f.inapplicability));
  }
  w.key("missing");
  w.begin_array();
  for (const std::string& field : f.missing_fields()) w.string(field);
  w.end_array();
  w.key("conventions");
  w.begin_object();
  w.key("calendar");
  w.string(f.pack->calendar_name);
  w.key("due_means");
  w.string(rules::name_of(rule.due_means));
  w.key("event_day_excluded");
  w.boolean(true);
  w.key("months");
  w.string("corresponding date");
  w.end_object();
  w.key("parameters");
  w.begin_array();
  for (const Finding::ParameterUse& p : f.parameters()) {
    w.begin_object();
    w.key("name");
    w.string(p.name);
    w.key("value");
    w.string(p.value);
    w.key("from");
    w.date(p.from);
    w.end_object();
  }
  w.end_array();
  w.key("trace");
  w.begin_array();
  f.visit_trace([&](std::string_view name, const rules::Value& value, const rules::Type& type) {
    w.begin_object();
    w.key("name");
    w.string(name);
    w.key("value");
    w.string_from([&](std::string& s) { append_value(s, value, type); });
    w.end_object();
  });
  w.end_array();
  w.key("message");
  const std::string message = f.message();
  if (message.empty()) {
    w.null();
  } else {
    w.string(message);
  }
  w.end_object();
}

}  // namespace

std::string to_json(const Report& report) {
  std::string out;
  out.reserve(512 + report.findings.size() * 1024);
  JsonWriter w(out);
  w.begin_object();
  w.key("as_of");
  w.date(report.as_of);
  w.key("packs");
  w.begin_array();
  std::vector<const rules::Pack*> seen;
  for (const Finding& f : report.findings) {
    if (std::find(seen.begin(), seen.end(), f.pack) != seen.end()) continue;
    seen.push_back(f.pack);
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
  for (const Finding& f : report.findings) write_finding(w, f);
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
    w.string(absl::StrCat(report.outside_in_force,
                          " findings concern obligations that arose outside their pack's "
                          "in-force window"));
  }
  w.end_array();
  w.end_object();
  return out;
}

}  // namespace compact
