// The report as JSON, in DESIGN.md's keys: what the CLI's --format json, the C ABI's report text and
// the Python package's to_json() all give. Written straight into one buffer, piece by piece: a report
// of a hundred findings is a hundred kilobytes, and building a document tree first took ten times as
// long as writing it. Each object's keys are known here in order, so the punctuation and keys between
// two values are one literal ("},\"pack\":"); what depends on the rule alone was written once, when
// the engine was created (rule_json.hpp), and what depends on the entity alone is written once per
// report and copied after that.

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <unordered_map>
#include <vector>

#include "compact/engine/report.hpp"
#include "json_text.hpp"
#include "rule_json.hpp"

namespace compact {
namespace {

using json_text::Cursor;
using json_text::Json;
using Piece = RuleJson::Piece;

// What follows a finding's entity up to its due date, `,"outcome":"breach","due":`, and what ends a
// timeline entry, `,"outcome":"breach"}`, for each outcome: one copy each instead of three. Made when
// the library is loaded (name_of's names are literals, there from the start).
struct OutcomeJson {
  std::string before_due;
  std::string timeline_end;
};
const std::array<OutcomeJson, kOutcomeCount> kOutcomeJson = [] {
  std::array<OutcomeJson, kOutcomeCount> t;
  for (size_t i = 0; i < kOutcomeCount; ++i) {
    const std::string_view name = name_of(static_cast<Outcome>(i));
    t[i].before_due = std::string(",\"outcome\":\"").append(name).append("\",\"due\":");
    t[i].timeline_end = std::string(",\"outcome\":\"").append(name).append("\"}");
  }
  return t;
}();

// A finding's two flags, each pair of values written as one literal.
constexpr std::array<std::string_view, 4> kFlags = {
    "false,\"outside_in_force\":false",
    "false,\"outside_in_force\":true",
    "true,\"outside_in_force\":false",
    "true,\"outside_in_force\":true",
};
constexpr size_t kLongestFlags =
    std::max({kFlags[0].size(), kFlags[1].size(), kFlags[2].size(), kFlags[3].size()});

}  // namespace

// All that a writer keeps from one report to the next.
class ReportJsonWriter::Memory {
 public:
  // Where a piece of text was written in the report, for a later part to copy.
  struct Written {
    size_t offset;
    size_t size;
  };

  // What has been written in the report being written, and where: each entity's path, so that the
  // entity's other findings and the timeline copy it instead of building it again, and each pack
  // and rule listed, so that none is listed twice. An open-addressed table kept from one report to
  // the next, which a new report empties by starting a new generation, not by clearing it. A thing
  // is known by its address and a tag: an entity's is its depth in the case (an entity that is the
  // first member of its parent shares the parent's address, one level further down).
  class Places {
   public:
    void start() {
      if (++generation_ == 0) {  // after four billion reports, the stamps start again from clean
        std::fill(slots_.begin(), slots_.end(), Slot{});
        generation_ = 1;
      }
      used_ = 0;
    }

    static constexpr size_t kPack = Finding::kMaxDepth + 1;
    static constexpr size_t kRule = Finding::kMaxDepth + 2;

    // Where `thing` with `tag` (an entity's depth, kPack or kRule) was written, or null when it
    // was not; then `add` says where it is.
    const Written* find(const void* thing, size_t tag) const {
      if (slots_.empty()) return nullptr;
      for (size_t i = home(thing, tag);; i = (i + 1) & mask()) {
        const Slot& s = slots_[i];
        if (s.generation != generation_) return nullptr;
        if (s.thing == thing && s.tag == tag) return &s.written;
      }
    }
    void add(const void* thing, size_t tag, Written written) {
      // At most half full, so that a search ends soon at an empty slot.
      if (2 * (used_ + 1) > slots_.size()) grow();
      size_t i = home(thing, tag);
      while (slots_[i].generation == generation_) i = (i + 1) & mask();
      slots_[i] = {thing, tag, generation_, written};
      ++used_;
    }

    size_t memory() const { return slots_.capacity() * sizeof(Slot); }

   private:
    struct Slot {
      const void* thing = nullptr;
      size_t tag = 0;
      uint32_t generation = 0;  // of the report that filled it; another's is empty
      Written written{};
    };

    size_t mask() const { return slots_.size() - 1; }
    size_t home(const void* thing, size_t tag) const {
      // Fibonacci hashing: the multiplication mixes the address's middle bits into the top ones.
      const uint64_t key = (reinterpret_cast<uintptr_t>(thing) >> 3) + tag;
      return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & mask();
    }

    void grow() {
      std::vector<Slot> old(std::max<size_t>(64, 2 * slots_.size()));
      old.swap(slots_);
      used_ = 0;
      for (const Slot& s : old) {
        if (s.generation == generation_) add(s.thing, s.tag, s.written);
      }
    }

    std::vector<Slot> slots_;  // a power of two of them
    size_t used_ = 0;
    uint32_t generation_ = 1;
  };

  // What the timeline and the lean report's "rules" take from a finding as it is written: they read
  // these, side by side, instead of the findings, a few hundred bytes apart.
  struct WrittenFinding {
    Written entity;        // its path
    const RuleJson* rule;  // its rule's JSON
    Date due;              // when it has one, as a finding on the timeline has
    Outcome outcome;
  };

  json_text::JsonBuffer text;
  json_text::DateTexts dates;
  Places places;
  std::vector<WrittenFinding> findings;
  // The JSON of rules that the report's engine did not write: a report put together by hand. Made
  // afresh for each report, since its rules may not outlive it.
  std::unordered_map<const rules::Rule*, RuleJson> other_rules;

  // The JSON of `f`'s rule.
  const RuleJson& rule_json(const Report& report, const Finding& f) {
    if (report.rules_json != nullptr) {
      if (const RuleJson* found = report.rules_json->find(f.pack, f.rule)) return *found;
    }
    return other_rules.try_emplace(f.rule, *f.pack, *f.rule).first->second;
  }
};

namespace {

using Memory = ReportJsonWriter::Memory;
using Written = Memory::Written;
using WrittenFinding = Memory::WrittenFinding;

// `f`'s entity path, written, or copied from where it was written before. The path of the entity one
// step up, when written, is this one's start: it is copied, and only the last step is built.
Cursor write_entity(Json& j, Cursor c, Memory& memory, const Finding& f, Written& written) {
  const void* entity = f.entities[f.depth];
  if (const Written* before = memory.places.find(entity, f.depth)) {
    written = *before;
    return j.again(c, before->offset, before->size);
  }
  written.offset = j.offset(c);
  const Written* parent =
      f.depth >= 2 ? memory.places.find(f.entities[f.depth - 1], f.depth - 1) : nullptr;
  if (parent != nullptr) {
    c = j.again(c, parent->offset, parent->size - 1);  // without its closing quote
    c = j.string_from(
        c, [&](std::string& s) { f.append_entity_path(s, f.depth - 1); }, /*quoted=*/false);
    c = j.raw(c, "\"");
  } else {
    c = j.string_from(c, [&](std::string& s) { f.append_entity_path(s); });
  }
  written.size = j.offset(c) - written.offset;
  memory.places.add(entity, f.depth, written);
  return c;
}

// `,"parameters":[...],"trace":[...],"message":...`, the full report's explanation of a finding.
Cursor write_explanation(Json& j, Cursor c, const Finding& f) {
  c = j.raw(c, ",\"parameters\":[");
  bool first = true;
  f.visit_parameters([&](const rules::Parameter& p, const rules::Parameter::Dated& value) {
    c = j.raw(c, first ? "{\"name\":" : ",{\"name\":");
    first = false;
    c = j.string(c, p.name);
    // A value the pack left to the partners, and they have not set, is null.
    c = j.raw(c, ",\"value\":");
    c = value.value.known() ? j.string(c, value.text) : j.raw(c, "null");
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

Cursor write_finding(Json& j, Cursor c, Memory& memory, const Finding& f, const RuleJson& rule,
                     ReportDetail detail, Written& entity) {
  const bool full = detail == ReportDetail::kFull;
  c = j.raw(c, rule.piece(Piece::kFindingHead));
  c = write_entity(j, c, memory, f, entity);
  // The rest up to the flags is a known length but for its dates and numbers: room for the longest,
  // made once, and the pieces put one after another.
  const std::string_view before_due = kOutcomeJson[static_cast<size_t>(f.outcome)].before_due;
  const std::string_view citation = rule.piece(full ? Piece::kCitationFull : Piece::kCitationLean);
  constexpr std::string_view kActual = ",\"actual\":", kArises = ",\"arises\":",
                             kDays = ",\"margin\":{\"days\":", kWorkingDays = ",\"working_days\":";
  c = j.room(c, before_due.size() + kActual.size() + kArises.size() + kDays.size() +
                    kWorkingDays.size() + 3 * Json::kMaxDate + 2 * Json::kMaxNumber +
                    citation.size() + kLongestFlags);
  char* at = Json::put(c.at, before_due);
  at = j.put_date(at, f.due);
  at = Json::put(at, kActual);
  at = j.put_date(at, f.actual);
  at = Json::put(at, kArises);
  at = j.put_date(at, f.arises);
  at = Json::put(at, kDays);
  at = Json::put_number(at, f.margin_days);
  at = Json::put(at, kWorkingDays);
  at = Json::put_number(at, f.margin_working_days);
  at = Json::put(at, citation);
  c.at = Json::put(at, kFlags[2 * size_t{f.boundary_sensitive} + size_t{f.outside_in_force}]);
  if (f.outcome == Outcome::kNotApplicable) {
    c = j.raw(c, ",\"not_applicable_because\":");
    c = j.name(c, name_of(f.inapplicability));
  }
  if (f.outcome == Outcome::kInsufficientData) {
    c = j.raw(c, ",\"insufficient_because\":");
    c = j.name(c, name_of(f.insufficiency));
  }
  // The commonest end of all, as one piece.
  if (f.missing_count == 0 && !full) return j.raw(c, ",\"missing\":[],\"trace\":null}");
  c = j.raw(c, ",\"missing\":[");
  bool first = true;
  f.visit_missing_fields([&](const std::string& path) {
    if (!first) c = j.raw(c, ",");
    first = false;
    c = j.string(c, path);
  });
  c = j.raw(c, "]");
  if (full) {
    c = j.raw(c, rule.piece(Piece::kConventions));
    c = write_explanation(j, c, f);
  } else {
    c = j.raw(c, ",\"trace\":null");
  }
  return j.raw(c, "}");
}

// Whether `thing` (a pack, or a rule's JSON, by `tag`) is met for the first time in the report: it
// is, once. `before` is the previous finding's: findings come grouped by pack and rule, so it usually
// answers at once.
bool first_time(Memory& memory, const void* thing, const void* before, size_t tag) {
  if (thing == before || memory.places.find(thing, tag) != nullptr) return false;
  memory.places.add(thing, tag, {});
  return true;
}

// Lean reports: `,"rules":[...]`, each rule that has a finding, once, with what its findings leave
// out. An engine's findings list its rules in its order, whose entries lie in one run: each run of
// adjacent entries is copied as one piece.
Cursor write_rules(Json& j, Cursor c, Memory& memory) {
  c = j.raw(c, ",\"rules\":[");
  std::string_view run;
  for (size_t i = 0; i < memory.findings.size(); ++i) {
    const RuleJson* rule = memory.findings[i].rule;  // one for each rule
    const void* before = i > 0 ? memory.findings[i - 1].rule : nullptr;
    if (!first_time(memory, rule, before, Memory::Places::kRule)) continue;
    const std::string_view entry = rule->listed();
    if (run.data() + run.size() == entry.data()) {
      run = std::string_view(run.data(), run.size() + entry.size());
    } else {
      c = j.raw(c, run);
      run = entry;
    }
  }
  c = j.raw(c, run);
  if (!run.empty()) --c.at;  // the last entry's comma
  return j.raw(c, "]");
}

Cursor write_report(Json& j, Cursor c, Memory& memory, const Report& report, ReportDetail detail) {
  c = j.raw(c, "{\"as_of\":");
  c = j.date(c, report.as_of);
  c = j.raw(c, ",\"packs\":[");
  memory.places.start();
  bool first = true;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    const void* before = i > 0 ? report.findings[i - 1].pack : nullptr;
    if (!first_time(memory, f.pack, before, Memory::Places::kPack)) continue;
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
  memory.findings.resize(report.findings.size());
  const RuleJson* rule = nullptr;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    if (i > 0) c = j.raw(c, ",");
    const Finding& f = report.findings[i];
    // Findings come grouped by rule: the one before usually has the same.
    if (i == 0 || f.rule != report.findings[i - 1].rule) rule = &memory.rule_json(report, f);
    WrittenFinding& written = memory.findings[i];
    written.rule = rule;
    if (f.due) written.due = *f.due;
    written.outcome = f.outcome;
    c = write_finding(j, c, memory, f, *rule, detail, written.entity);
  }
  c = j.raw(c, "],\"timeline\":[");
  for (size_t i = 0; i < report.timeline.size(); ++i) {
    const WrittenFinding& written = memory.findings[report.timeline[i]];
    const std::string_view start = i > 0 ? ",{\"due\":" : "{\"due\":";
    const std::string_view rule_id = written.rule->piece(Piece::kTimelineRule);
    const std::string_view end = kOutcomeJson[static_cast<size_t>(written.outcome)].timeline_end;
    c = j.room(c,
               start.size() + Json::kMaxDate + rule_id.size() + written.entity.size + end.size());
    char* at = Json::put(c.at, start);
    at = j.put_date(at, written.due);
    at = Json::put(at, rule_id);
    at = Json::put(at, j.written(written.entity.offset, written.entity.size));
    c.at = Json::put(at, end);
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
  if (detail == ReportDetail::kLean) c = write_rules(j, c, memory);
  return j.raw(c, "}");
}

}  // namespace

ReportJsonWriter::ReportJsonWriter() : memory_(std::make_unique<Memory>()) {}
ReportJsonWriter::ReportJsonWriter(ReportJsonWriter&&) noexcept = default;
ReportJsonWriter& ReportJsonWriter::operator=(ReportJsonWriter&&) noexcept = default;
ReportJsonWriter::~ReportJsonWriter() = default;

size_t ReportJsonWriter::memory() const {
  return memory_->text.capacity() + sizeof(memory_->dates) + memory_->places.memory() +
         memory_->findings.capacity() * sizeof(WrittenFinding);
}

std::string_view ReportJsonWriter::write(const Report& report, ReportDetail detail) {
  memory_->other_rules.clear();
  Json j(memory_->text, &memory_->dates);
  memory_->text.finish(write_report(j, memory_->text.start(), *memory_, report, detail));
  return memory_->text.text();
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
