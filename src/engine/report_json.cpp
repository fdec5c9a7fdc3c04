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

// What follows a finding's entity up to its due date, `,"outcome":"breach","due":`, and what ends a
// timeline entry, `,"outcome":"breach"}`, for each outcome: one copy each instead of three.
struct OutcomeJson {
  std::string before_due;
  std::string timeline_end;
};
const std::array<OutcomeJson, kOutcomeCount>& outcome_json() {
  static const std::array<OutcomeJson, kOutcomeCount> table = [] {
    std::array<OutcomeJson, kOutcomeCount> t;
    for (size_t i = 0; i < kOutcomeCount; ++i) {
      const std::string_view name = name_of(static_cast<Outcome>(i));
      t[i].before_due = std::string(",\"outcome\":\"").append(name).append("\",\"due\":");
      t[i].timeline_end = std::string(",\"outcome\":\"").append(name).append("\"}");
    }
    return t;
  }();
  return table;
}

// A finding's two flags, each pair of values written as one literal.
constexpr std::array<std::string_view, 4> kFlags = {
    "false,\"outside_in_force\":false",
    "false,\"outside_in_force\":true",
    "true,\"outside_in_force\":false",
    "true,\"outside_in_force\":true",
};

}  // namespace

// All that a writer keeps from one report to the next.
class ReportJsonWriter::Memory {
 public:
  // Where a piece of text was written in the report, for a later part to copy.
  struct Written {
    size_t offset;
    size_t size;
  };

  // Where each entity's path was written in the report being written, so that the entity's other
  // findings and the timeline copy it instead of building it again: an open-addressed table kept from
  // one report to the next, which a new report empties by starting a new generation, not by clearing
  // it. An entity is known by its address and its depth in the case: an entity that is the first
  // member of its parent shares the parent's address, one level further down.
  class EntityPaths {
   public:
    void start() {
      if (++generation_ == 0) {  // after four billion reports, the stamps start again from clean
        std::fill(slots_.begin(), slots_.end(), Slot{});
        generation_ = 1;
      }
      used_ = 0;
    }

    // The place of the path of `entity` at `depth`, or null when it has none yet; then `add` gives
    // it one.
    const Written* find(const void* entity, size_t depth) const {
      if (slots_.empty()) return nullptr;
      for (size_t i = home(entity, depth);; i = (i + 1) & mask()) {
        const Slot& s = slots_[i];
        if (s.generation != generation_) return nullptr;
        if (s.entity == entity && s.depth == depth) return &s.written;
      }
    }
    void add(const void* entity, size_t depth, Written written) {
      // At most half full, so that a search ends soon at an empty slot.
      if (2 * (used_ + 1) > slots_.size()) grow();
      size_t i = home(entity, depth);
      while (slots_[i].generation == generation_) i = (i + 1) & mask();
      slots_[i] = {entity, depth, generation_, written};
      ++used_;
    }

    size_t memory() const { return slots_.capacity() * sizeof(Slot); }

   private:
    struct Slot {
      const void* entity = nullptr;
      size_t depth = 0;
      uint32_t generation = 0;  // of the report that filled it; another's is empty
      Written written{};
    };

    size_t mask() const { return slots_.size() - 1; }
    size_t home(const void* entity, size_t depth) const {
      // Fibonacci hashing: the multiplication mixes the address's middle bits into the top ones.
      const uint64_t key = (reinterpret_cast<uintptr_t>(entity) >> 3) + depth;
      return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 40) & mask();
    }

    void grow() {
      std::vector<Slot> old(std::max<size_t>(64, 2 * slots_.size()));
      old.swap(slots_);
      used_ = 0;
      for (const Slot& s : old) {
        if (s.generation == generation_) add(s.entity, s.depth, s.written);
      }
    }

    std::vector<Slot> slots_;  // a power of two of them
    size_t used_ = 0;
    uint32_t generation_ = 1;
  };

  json_text::JsonBuffer text;
  EntityPaths entity_paths;
  std::vector<Written> finding_entities;  // where each finding's entity path is
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

// `f`'s entity path, written, or copied from where it was written before.
Cursor write_entity(Json& j, Cursor c, Memory& memory, const Finding& f, Written& written) {
  const void* entity = f.entities[f.depth];
  if (const Written* before = memory.entity_paths.find(entity, f.depth)) {
    written = *before;
    return j.again(c, before->offset, before->size);
  }
  written.offset = j.offset(c);
  c = j.string_from(c, [&](std::string& s) { f.append_entity_path(s); });
  written.size = j.offset(c) - written.offset;
  memory.entity_paths.add(entity, f.depth, written);
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

Cursor write_finding(Json& j, Cursor c, Memory& memory, const Finding& f, const RuleJson& rule,
                     ReportDetail detail, Written& entity) {
  const bool full = detail == ReportDetail::kFull;
  c = j.raw(c, rule.piece(Piece::kFindingHead));
  c = write_entity(j, c, memory, f, entity);
  c = j.raw(c, outcome_json()[static_cast<size_t>(f.outcome)].before_due);
  c = j.date(c, f.due);
  c = j.raw(c, ",\"actual\":");
  c = j.date(c, f.actual);
  c = j.raw(c, ",\"arises\":");
  c = j.date(c, f.arises);
  c = j.raw(c, ",\"margin\":{\"days\":");
  c = j.number(c, f.margin_days);
  c = j.raw(c, ",\"working_days\":");
  c = j.number(c, f.margin_working_days);
  c = j.raw(c, rule.piece(full ? Piece::kCitationFull : Piece::kCitationLean));
  c = j.raw(c, kFlags[2 * size_t{f.boundary_sensitive} + size_t{f.outside_in_force}]);
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
    c = j.raw(c, rule.piece(Piece::kConventions));
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
Cursor write_rules(Json& j, Cursor c, Memory& memory, const Report& report) {
  c = j.raw(c, ",\"rules\":[");
  bool first = true;
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    if (written_before(report, i, [&](const Finding& g) { return g.rule == f.rule; })) continue;
    if (!first) c = j.raw(c, ",");
    first = false;
    c = j.raw(c, memory.rule_json(report, f).piece(Piece::kRuleEntry));
  }
  return j.raw(c, "]");
}

Cursor write_report(Json& j, Cursor c, Memory& memory, const Report& report, ReportDetail detail) {
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
  memory.entity_paths.start();
  memory.finding_entities.resize(report.findings.size());
  for (size_t i = 0; i < report.findings.size(); ++i) {
    if (i > 0) c = j.raw(c, ",");
    const Finding& f = report.findings[i];
    c = write_finding(j, c, memory, f, memory.rule_json(report, f), detail,
                      memory.finding_entities[i]);
  }
  c = j.raw(c, "],\"timeline\":[");
  for (size_t i = 0; i < report.timeline.size(); ++i) {
    const Finding& f = report.findings[report.timeline[i]];
    c = j.raw(c, i > 0 ? ",{\"due\":" : "{\"due\":");
    c = j.date(c, f.due);
    c = j.raw(c, memory.rule_json(report, f).piece(Piece::kTimelineRule));
    const Written& entity = memory.finding_entities[report.timeline[i]];
    c = j.again(c, entity.offset, entity.size);
    c = j.raw(c, outcome_json()[static_cast<size_t>(f.outcome)].timeline_end);
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
  if (detail == ReportDetail::kLean) c = write_rules(j, c, memory, report);
  return j.raw(c, "}");
}

}  // namespace

ReportJsonWriter::ReportJsonWriter() : memory_(std::make_unique<Memory>()) {}
ReportJsonWriter::ReportJsonWriter(ReportJsonWriter&&) noexcept = default;
ReportJsonWriter& ReportJsonWriter::operator=(ReportJsonWriter&&) noexcept = default;
ReportJsonWriter::~ReportJsonWriter() = default;

size_t ReportJsonWriter::memory() const {
  return memory_->text.capacity() + memory_->entity_paths.memory() +
         memory_->finding_entities.capacity() * sizeof(Written);
}

std::string_view ReportJsonWriter::write(const Report& report, ReportDetail detail) {
  memory_->other_rules.clear();
  Json j(memory_->text);
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
