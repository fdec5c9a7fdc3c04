#pragma once
// A rule pack: one Compact's undertakings as data (TOML), loaded and compiled once. docs/packs.md is
// the format's reference, with a worked example.

#include <cstddef>
#include <deque>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "compact/calendar/calendar.hpp"
#include "compact/rules/expression.hpp"

namespace compact::rules {

// Limits on what a pack may be, each refused with a clear error.
inline constexpr size_t kMaxPackBytes = 4 << 20;  // 4 MiB of TOML
inline constexpr size_t kMaxRules = 10'000;
inline constexpr size_t kMaxParameters = 256;
inline constexpr size_t kMaxCoverDepth = 4;  // "for" = "commission.payment" is 2

// Who an undertaking binds: the public-sector partners, the VCSE sector, or both, as where "both the
// public sector and VCS agree" (the resolution process, equality in policy development).
enum class Party : uint8_t { kPublic, kVcse, kBoth };
enum class Strength : uint8_t { kMust, kUndertake, kAim, kWherePossible };
// What a rule's `due` date means: the last day on which the act complies (pay by, notify by), or the
// first day on which it may happen (a consultation may close).
enum class DueMeans : uint8_t { kLastDay, kFirstDay };

// Views of string literals, NUL-terminated (report.hpp's name_of says why).
std::string_view name_of(Party party);        // "public", "vcse", "both"
std::string_view name_of(Strength strength);  // "must", "undertake", "aim", "where_possible"
std::string_view name_of(DueMeans means);     // "last_day", "first_day"

// A named value, optionally with dated values: the value in force on a date is the one with the latest
// `from` on or before it (the earliest value applies before its own date too). A pack may also leave a
// value to the partners ("timescales ... appropriate for the issue"): declared with its type and no
// value, it is not set, and reads as not recorded until set_parameter() gives it one.
struct Parameter {
  struct Dated {
    std::optional<Date> from;  // nullopt: undated, the only value
    Value value;
    std::string text;  // as the pack wrote it: "30 working days"
  };
  std::string name;
  Type type;
  std::vector<Dated> values;  // sorted by `from`; one, not recorded, when not set
  std::string description;    // for one left to be set: what the partners decide

  const Dated& in_force_on(Date date) const;
  // The name a pack gives its type: "period", "money", "integer", "bool", "date" or "text" (a view
  // of a NUL-terminated literal).
  std::string_view type_name() const;
  bool set() const { return values.front().value.known(); }
  // Whether the value depends on the date: more than one value.
  bool dated() const { return values.size() > 1; }
};

// One step from the case down to the entities a rule covers: a list (commissions) or an entity
// (ending) field, by its index in the schema.
struct CoverStep {
  const EntityAccess* owner;
  size_t field;
  bool list;
};

// The expressions of a rule, for naming one.
enum class RulePart : uint8_t { kWhen, kUnless, kArises, kDue, kActual, kMet };

// Rules and packs hold compiled expressions, so they move but do not copy (the explicit deletions
// keep std::vector's unconstrained copy from making them look copyable to absl::StatusOr).
struct Rule {
  Rule() = default;
  Rule(Rule&&) noexcept = default;
  Rule& operator=(Rule&&) noexcept = default;
  Rule(const Rule&) = delete;
  Rule& operator=(const Rule&) = delete;

  std::string id;
  std::string section;
  std::string quote;
  Party party = Party::kPublic;
  Strength strength = Strength::kMust;
  std::string covers;                // as written: "commission.payment"
  std::vector<CoverStep> path;       // from the case down to the covered entity
  std::optional<Expression> when;    // bool: the rule applies
  std::optional<Expression> unless;  // bool: an agreed alternative displaces it
  std::optional<Expression> arises;  // date: when the obligation arose
  std::optional<Expression> due;     // date
  std::optional<Expression> actual;  // date: when the act happened
  std::optional<Expression> met;     // bool; may use `due` and `actual`
  std::vector<Expression> explained_by;
  // Each field path the rule's expressions read, compiled on its own, to show its value in a trace.
  std::vector<Expression> traced;
  std::vector<size_t> parameters;  // the pack parameters its expressions read, by index
  DueMeans due_means = DueMeans::kLastDay;
  std::string message;  // optional template
  int line = 0;         // where the rule starts in the pack

  // The expression `part`, or nullptr when the rule has none.
  const Expression* expression(RulePart part) const;
};

// One characteristic of a definition: the Compact's words, and the test of an organisation's record.
struct Characteristic {
  std::string id;     // "independent-and-autonomous"
  std::string quote;  // "They are independent and autonomous"
  Expression holds;   // bool, reading `organisation`
  int line = 0;
};

// A definition the pack gives of a kind of organisation, as characteristics each organisation of that
// kind has ("Whatever the size or purpose they all have the following characteristics in common"):
// what Engine::classify() tests an organisation against.
struct Definition {
  std::string id;       // "vcse"
  std::string title;    // "the Voluntary Community Social Enterprise Sector"
  std::string section;  // where the words are in the Compact
  std::vector<Characteristic> characteristics;
  int line = 0;
};

struct Pack {
  Pack() = default;
  Pack(Pack&&) noexcept = default;
  Pack& operator=(Pack&&) noexcept = default;
  Pack(const Pack&) = delete;
  Pack& operator=(const Pack&) = delete;

  std::string id;
  std::string title;
  std::string edition;
  std::string source;       // where the Compact's text is published
  std::string source_name;  // the file the pack was loaded from, for messages
  std::optional<Date> in_force_from;
  std::optional<Date> in_force_to;
  std::string calendar_name;
  Calendar calendar = Calendar::england_and_wales();
  std::vector<Parameter> parameters;
  FieldDeclarations fields;  // [fields]: what case documents may add to the schema
  std::vector<Rule> rules;
  std::vector<Definition> definitions;      // [[definition]]
  std::deque<std::string> parameter_texts;  // what text parameters' values view (stable addresses)

  // The rule with `id`, or nullptr.
  const Rule* rule(std::string_view id) const;
  // The definition with `id`, or nullptr.
  const Definition* definition(std::string_view id) const;
};

// Loads and compiles a pack from TOML text. `source_name` names it in messages ("packs/x.toml").
// Errors say file:line:column and show the line with a caret.
absl::StatusOr<Pack> load_pack(std::string_view toml, std::string_view source_name);

// The same from a file.
absl::StatusOr<Pack> load_pack_file(const std::string& path);

// Gives the parameter `name` of `pack` the one value `value`, written as in [params] but without TOML's
// quotes ("20 working days", "£500", "12", "true", "2025-04-01"), in place of what the pack set or left
// unset. The value must be of the parameter's type, so the pack's compiled rules stay valid. For a
// council that sets what its Compact leaves open, or runs "what if" on a period; each finding shows
// the value used. Set parameters before Engine::create(), which fixes them.
absl::Status set_parameter(Pack& pack, std::string_view name, std::string_view value);
// The same in whichever of `packs` has the parameter. `name` may name the pack too,
// "stockton-2014:tender_period", and must where more than one of them has a parameter so named.
absl::Status set_parameter(std::span<Pack> packs, std::string_view name, std::string_view value);

}  // namespace compact::rules
