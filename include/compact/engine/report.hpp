#pragma once
// What evaluating a case gives: a finding per rule and covered entity, a timeline of due dates, and a
// count of outcomes. DESIGN.md's Findings section is the contract; to_json writes its keys.
//
// A Report points into the case and the engine it came from: both must outlive it. Evaluating into
// the same Report again reuses its memory, so a warm Report costs no allocation.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/functional/function_ref.h"
#include "compact/rules/pack.hpp"

namespace compact {

class RulesJson;

enum class Outcome : uint8_t {
  kCompliant,         // the undertaking was met
  kExplained,         // not met, with the explanation the Compact allows
  kPending,           // the deadline is ahead and nothing has happened yet
  kOverdue,           // the deadline has passed and the act is not recorded
  kBreach,            // the act happened, too late or not as required, unexplained
  kNotApplicable,     // the rule does not apply to this entity
  kInsufficientData,  // a field the rule needs is not recorded
};
inline constexpr size_t kOutcomeCount = 7;

// The name_of functions here and in pack.hpp give views of string literals: NUL-terminated and
// valid for the program's life, so that the C ABI hands them out as they are.
// "compliant", "explained", "pending", "overdue", "breach", "not_applicable", "insufficient_data".
std::string_view name_of(Outcome outcome);
// The name, so that streams and GoogleTest print an outcome as the report does.
std::ostream& operator<<(std::ostream& os, Outcome outcome);

// Why a finding is not_applicable.
enum class Inapplicability : uint8_t {
  kNone,
  kWhen,            // its `when` is false
  kUnless,          // its `unless` holds: an agreed alternative
  kOutsideInForce,  // strict mode: the obligation arose outside the pack's in-force window
};
// "when", "unless", "outside_in_force" (the report's not_applicable_because); "" for kNone.
std::string_view name_of(Inapplicability why);

// Why a finding is insufficient_data.
enum class Insufficiency : uint8_t {
  kUnrecorded,      // a field it needs is not recorded: Finding::missing names it
  kDateOutOfRange,  // a date it worked out left 1900-2199 (2199-12-20 + 30 working days)
};
// "unrecorded", "date_out_of_range" (the report's insufficient_because).
std::string_view name_of(Insufficiency why);

struct Finding {
  static constexpr size_t kMaxDepth = 4;  // case > commission > payment, and room to spare
  static constexpr size_t kMaxMissing = 8;

  // Where a covered entity is in the case: entities[0] is the case, entities[depth] the entity
  // covered, and indexes[i] places entities[i + 1] in its list.
  struct Position {
    std::array<const void*, kMaxDepth + 1> entities{};
    std::array<uint32_t, kMaxDepth> indexes{};
  };

  // Provided, so that a vector's emplace_back() runs the member initializers below and no more: an
  // implicit constructor would have it zero the whole finding first.
  Finding() {}
  // A finding of `of_rule` in `of_pack` for the entity at `position`, `covered_depth` steps below
  // the case, evaluated as of `evaluated_as_of`, not yet decided.
  Finding(const rules::Pack& of_pack, const rules::Rule& of_rule, Date evaluated_as_of,
          size_t covered_depth, const Position& position)
      : pack(&of_pack),
        rule(&of_rule),
        entities(position.entities),
        indexes(position.indexes),
        depth(covered_depth),
        as_of(evaluated_as_of) {}

  const rules::Pack* pack = nullptr;
  const rules::Rule* rule = nullptr;
  // entities[0] is the case; entities[depth] the entity covered. indexes[i] places entities[i + 1]
  // in its list.
  std::array<const void*, kMaxDepth + 1> entities{};
  std::array<uint32_t, kMaxDepth> indexes{};
  size_t depth = 0;

  Date as_of;  // of the evaluation
  Outcome outcome = Outcome::kNotApplicable;
  Inapplicability inapplicability = Inapplicability::kNone;
  Insufficiency insufficiency = Insufficiency::kUnrecorded;  // for insufficient_data
  std::optional<Date> arises;  // the date the obligation arose, which picks dated parameters
  std::optional<Date> due;
  std::optional<Date> actual;
  // How early (positive) or late (negative) the act was against its due date, in calendar and in
  // working days; for a first-day rule, how far past the minimum.
  std::optional<int64_t> margin_days;
  std::optional<int64_t> margin_working_days;
  bool boundary_sensitive = false;
  bool outside_in_force = false;  // the obligation arose outside the pack's in-force window

  // The unrecorded fields that left the outcome undecided (insufficient_data). Four bytes each, so
  // that a report of many findings stays small.
  struct Missing {
    rules::RulePart part;  // the expression of the rule that read it
    uint16_t field;        // index into that expression's field_paths()
  };
  std::array<Missing, kMaxMissing> missing;  // the first missing_count are set
  uint8_t missing_count = 0;

  // The date dated parameters are chosen by: when the obligation arose, or else the as-of date.
  Date parameters_on() const { return arises.value_or(as_of); }

  // "commissions[G1].payments[INV-1]": list entries by id where they have one, else by index.
  std::string entity_path() const;
  void append_entity_path(std::string& out) const;
  // The path's steps from `first_step` on (0 to depth - 1): ".payments[INV-1]" for the last of the path
  // above, which its writer adds to the path of the entity one step up.
  void append_entity_path(std::string& out, size_t first_step) const;
  // Why the finding is not_applicable (name_of(inapplicability)) or insufficient_data
  // (name_of(insufficiency)); "" for any other outcome.
  std::string_view because() const;
  // "payment.paid_on", ... for each missing field, once.
  std::vector<std::string> missing_fields() const;
  // The same, one at a time, for writers that allocate nothing.
  void visit_missing_fields(absl::FunctionRef<void(const std::string& path)> visit) const;

  struct TraceEntry {
    std::string name;   // "payment.received_on", "due", "actual", or a parameter's name
    std::string value;  // as in a case document; "not recorded"
  };
  // The values that decided the finding: every field its rule reads, its parameters, due and actual.
  std::vector<TraceEntry> trace() const;
  // The same, one entry at a time and unformatted, for writers that format as they go.
  void visit_trace(
      absl::FunctionRef<void(std::string_view name, const rules::Value&, const rules::Type&)> visit)
      const;

  struct ParameterUse {
    std::string name;
    std::string value;         // as the pack wrote it
    std::optional<Date> from;  // the dated value's start, if dated
  };
  // The parameters the rule reads, each with its value in force on parameters_on(); a dated one is
  // left out when the rule's `arises` is not recorded, since no value of it applied.
  std::vector<ParameterUse> parameters() const;
  // The same, one at a time: each parameter and its value in force.
  void visit_parameters(
      absl::FunctionRef<void(const rules::Parameter&, const rules::Parameter::Dated&)> visit) const;

  // The rule's message with {due}, {actual}, {entity} and {margin_days} filled in; "" when the rule
  // has none, or the finding is not_applicable or insufficient_data.
  std::string message() const;
  // Whether message() is not "", and the message appended to `out`, for writers that allocate
  // nothing.
  bool has_message() const;
  void append_message(std::string& out) const;
};

// One line, as test failures print a finding (GoogleTest finds it): rule, entity, outcome, due and
// actual dates, why not applicable or insufficient, missing fields.
void PrintTo(const Finding& finding, std::ostream* os);

struct Report {
  Date as_of;
  std::vector<Finding> findings;  // by pack, then rule, then entity in case order
  std::vector<size_t> timeline;   // indexes of findings that have a due date, in date order
  std::array<size_t, kOutcomeCount> summary{};  // findings per outcome
  size_t outside_in_force = 0;  // findings whose obligation arose outside their pack's window
  // The JSON its engine wrote of each rule once, when it was created, for writing reports; null in a
  // report put together otherwise, which is written the same, only more slowly.
  const RulesJson* rules_json = nullptr;

  size_t count(Outcome outcome) const { return summary[static_cast<size_t>(outcome)]; }

  // Scratch space for evaluation, kept between evaluations so that a warm Report allocates nothing.
  struct Scratch {
    std::vector<rules::Value> parameter_values;
    // The entities each distinct `for` path of a pack reaches, found once for all its rules: path
    // i's are covered[covered_from[i]] up to covered[covered_from[i + 1]].
    std::vector<Finding::Position> covered;
    std::vector<size_t> covered_from;
  };
  Scratch scratch;
};

// The report's warning when `count` findings concern obligations that arose outside their pack's
// in-force window: "1 finding concerns an obligation ...", "3 findings concern obligations ...".
std::string in_force_warning(size_t count);
// The same, appended to `out`, for writers that allocate nothing.
void append_in_force_warning(std::string& out, size_t count);

// A value as a trace shows it: as in a case document (2025-01-29, £12.50, grant), or "not recorded".
void append_value(std::string& out, const rules::Value& value, const rules::Type& type);

// How much of each finding the JSON report spells out.
enum class ReportDetail : uint8_t {
  // Everything, in every finding: the citation's quote, conventions, parameters, trace and message.
  kFull,
  // For machines that check many cases: each finding keeps DESIGN.md's keys, its dates, margins and
  // missing fields, but its citation is {"section"} alone and its trace is null. Each rule's quote,
  // party, strength and conventions are written once, under "rules". A report a tenth the size,
  // written ten times faster; ask for kFull to explain a finding.
  kLean,
};

// DESIGN.md's JSON form: {"as_of", "packs", "findings", "timeline", "summary", "warnings"}, and with
// kLean, "rules". docs/cli.md (compact check) describes every key.
std::string to_json(const Report& report, ReportDetail detail = ReportDetail::kFull);
// The same, appended to `out`: with `out` kept between reports, no allocation once it is large
// enough.
void append_json(std::string& out, const Report& report, ReportDetail detail = ReportDetail::kFull);

// The same written into memory of the writer's own, kept from one report to the next, for callers
// that write many reports (one writer per thread): once it has held a report that size, writing one
// allocates nothing and copies nothing after it is written.
class ReportJsonWriter {
 public:
  ReportJsonWriter();
  ReportJsonWriter(ReportJsonWriter&&) noexcept;
  ReportJsonWriter& operator=(ReportJsonWriter&&) noexcept;
  ~ReportJsonWriter();

  // The report as to_json() writes it, valid until the next write() or the writer's end.
  std::string_view write(const Report& report, ReportDetail detail = ReportDetail::kFull);
  // The bytes of memory it keeps.
  size_t memory() const;

  class Memory;  // report_json.cpp

 private:
  std::unique_ptr<Memory> memory_;
};

}  // namespace compact
