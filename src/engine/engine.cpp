#include "compact/engine/engine.hpp"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/article.hpp"
#include "default_pack.hpp"

namespace compact {

using rules::DueMeans;
using rules::Environment;
using rules::Expression;
using rules::Pack;
using rules::Rule;
using rules::RulePart;
using rules::Unrecorded;
using rules::Value;

std::string_view name_of(Outcome outcome) {
  switch (outcome) {
    case Outcome::kCompliant:
      return "compliant";
    case Outcome::kExplained:
      return "explained";
    case Outcome::kPending:
      return "pending";
    case Outcome::kOverdue:
      return "overdue";
    case Outcome::kBreach:
      return "breach";
    case Outcome::kNotApplicable:
      return "not_applicable";
    case Outcome::kInsufficientData:
      return "insufficient_data";
  }
  return "unknown";
}

namespace {

// Decides one rule for one covered entity: DESIGN.md's outcomes, in the order docs/packs.md states
// them (in force, when, unless, due and actual, met, explained_by).
class Decision {
 public:
  Decision(const Pack& pack, const Rule& rule, Date as_of, bool strict, std::span<Value> parameters,
           Finding& finding)
      : pack_(pack),
        rule_(rule),
        as_of_(as_of),
        strict_(strict),
        parameters_(parameters),
        finding_(finding),
        entities_(finding.entities.data(), finding.depth + 1) {}

  void decide() {
    const Environment base{entities_, {}, &pack_.calendar};
    if (rule_.arises) {
      Unrecorded unrecorded;
      const Value arises = rule_.arises->evaluate(base, &unrecorded);
      // Which value of a dated parameter applies depends on this date: without it, no guess.
      if (!arises.known() && uses_dated_parameters()) {
        return insufficient(arises.state, {{RulePart::kArises, &unrecorded}});
      }
      if (arises.known()) {
        finding_.arises = arises.day;
        finding_.outside_in_force = (pack_.in_force_from && arises.day < *pack_.in_force_from) ||
                                    (pack_.in_force_to && arises.day > *pack_.in_force_to);
      }
    }
    // Undated parameters and as_of are set once per pack (Engine::evaluate); a dated one takes the
    // value in force when this obligation arose.
    for (const size_t i : rule_.parameters) {
      const rules::Parameter& p = pack_.parameters[i];
      if (p.dated()) parameters_[i] = p.in_force_on(finding_.parameters_on()).value;
    }
    // The scope's names after the pack's parameters: as_of, then (for met) due and actual.
    const size_t due_slot = pack_.parameters.size() + 1;
    const Environment env{entities_, parameters_.first(due_slot + 2), &pack_.calendar};
    if (strict_ && finding_.outside_in_force) {
      return not_applicable(Inapplicability::kOutsideInForce);
    }
    if (rule_.when) {
      Unrecorded unrecorded;
      const Value when = rule_.when->evaluate(env, &unrecorded);
      if (!when.known()) return insufficient(when.state, {{RulePart::kWhen, &unrecorded}});
      if (!when.boolean) return not_applicable(Inapplicability::kWhen);
    }
    if (rule_.unless) {
      // An alternative displaces the rule only when it is known to hold.
      const Value unless = rule_.unless->evaluate(env);
      if (unless.known() && unless.boolean) return not_applicable(Inapplicability::kUnless);
    }
    Unrecorded due_unrecorded;
    Unrecorded actual_unrecorded;
    Value due;
    due.state = Value::State::kUnrecorded;
    Value actual = due;
    if (rule_.due) {
      due = rule_.due->evaluate(env, &due_unrecorded, &finding_.boundary_sensitive);
      if (due.known()) finding_.due = due.day;
    }
    if (rule_.actual) {
      actual = rule_.actual->evaluate(env, &actual_unrecorded);
      // As of a date, an act recorded for a later day has not happened yet.
      if (actual.known() && actual.day > as_of_) actual.state = Value::State::kUnrecorded;
      if (actual.known()) finding_.actual = actual.day;
    }
    if (rule_.actual && !actual.known()) {
      // The act is not recorded: whether that is a problem yet depends on the date.
      // With no deadline at all, an act not yet recorded is simply still to come.
      if (!rule_.due) return set(Outcome::kPending);
      if (!due.known()) return insufficient(due.state, {{RulePart::kDue, &due_unrecorded}});
      if (rule_.due_means == DueMeans::kFirstDay || as_of_ <= due.day)
        return set(Outcome::kPending);
      return set(Outcome::kOverdue);
    }
    parameters_[due_slot] = due;
    parameters_[due_slot + 1] = actual;
    Unrecorded met_unrecorded;
    const Value met = rule_.met->evaluate(env, &met_unrecorded);
    if (!met.known()) {
      return insufficient(met.state, {{RulePart::kMet, &met_unrecorded},
                                      {RulePart::kDue, &due_unrecorded},
                                      {RulePart::kActual, &actual_unrecorded}});
    }
    margins(due, actual);
    if (met.boolean) return set(Outcome::kCompliant);
    return set(explained(env) ? Outcome::kExplained : Outcome::kBreach);
  }

 private:
  bool uses_dated_parameters() const {
    return std::any_of(rule_.parameters.begin(), rule_.parameters.end(),
                       [&](size_t i) { return pack_.parameters[i].dated(); });
  }

  struct Source {
    rules::RulePart part;
    const Unrecorded* unrecorded;
  };

  void set(Outcome outcome) { finding_.outcome = outcome; }

  void not_applicable(Inapplicability why) {
    finding_.inapplicability = why;
    set(Outcome::kNotApplicable);
  }

  // `state` is the deciding value's: failed (a date left the supported range) or unrecorded.
  void insufficient(Value::State state, std::initializer_list<Source> sources) {
    if (state == Value::State::kFailed) finding_.insufficiency = Insufficiency::kDateOutOfRange;
    for (const Source& source : sources) {
      if (!rule_.expression(source.part)) continue;
      const size_t count = std::min(source.unrecorded->count, Unrecorded::kMax);
      for (size_t i = 0; i < count && finding_.missing_count < Finding::kMaxMissing; ++i) {
        finding_.missing[finding_.missing_count++] = {source.part, source.unrecorded->fields[i]};
      }
    }
    set(Outcome::kInsufficientData);
  }

  // A miss is explained when any explained_by field holds an explanation: text that is not blank, a
  // flag that is true, or any other value recorded.
  bool explained(const Environment& env) const {
    for (const Expression& e : rule_.explained_by) {
      const Value v = e.evaluate(env);
      if (!v.known()) continue;
      switch (e.type().kind) {
        case rules::Type::Kind::kText:
          if (v.text.find_first_not_of(" \t\r\n") != std::string_view::npos) return true;
          break;
        case rules::Type::Kind::kBool:
          if (v.boolean) return true;
          break;
        default:
          return true;
      }
    }
    return false;
  }

  void margins(const Value& due, const Value& actual) {
    if (!due.known() || !actual.known()) return;
    // Positive is good: early for a last day, past the minimum for a first day.
    const bool last_day = rule_.due_means == DueMeans::kLastDay;
    const Date from = last_day ? actual.day : due.day;
    const Date to = last_day ? due.day : actual.day;
    finding_.margin_days = (to - from).days();
    const absl::StatusOr<int64_t> working = pack_.calendar.working_days_between(from, to);
    if (working.ok()) finding_.margin_working_days = *working;
  }

  const Pack& pack_;
  const Rule& rule_;
  Date as_of_;
  bool strict_;
  std::span<Value> parameters_;
  Finding& finding_;
  std::span<const void* const> entities_;
};

// Finds every entity a rule covers, depth first in case order, and decides each.
class Walk {
 public:
  Walk(const Pack& pack, const Rule& rule, Date as_of, bool strict, Report& report)
      : pack_(pack), rule_(rule), as_of_(as_of), strict_(strict), report_(report) {}

  void run(const Case& c) {
    Position at;
    at.entities[0] = &c;
    cover(at, 0);
  }

 private:
  // Where the walk is: the entities from the case down, and their places in their lists.
  struct Position {
    std::array<const void*, Finding::kMaxDepth + 1> entities{};
    std::array<uint32_t, Finding::kMaxDepth> indexes{};
  };

  void cover(Position& at, size_t depth) {
    if (depth == rule_.path.size()) {
      // Built in place: a Finding is a few hundred bytes, and copying `at` cost a tenth of the time.
      Finding& finding = report_.findings.emplace_back();
      finding.pack = &pack_;
      finding.rule = &rule_;
      finding.as_of = as_of_;
      finding.depth = depth;
      // Whole arrays, a few fixed-size moves; past `depth` both hold null and zero.
      finding.entities = at.entities;
      finding.indexes = at.indexes;
      Decision(pack_, rule_, as_of_, strict_, report_.parameter_values, finding).decide();
      return;
    }
    // Engine::create refuses a deeper "for"; saying so lets the compiler see the arrays' bound.
    static_assert(Finding::kMaxDepth == rules::kMaxCoverDepth);
    if (depth >= Finding::kMaxDepth) return;
    const rules::CoverStep& step = rule_.path[depth];
    const FieldValue field = step.owner->fields[step.field](at.entities[depth]);
    if (!field.recorded) return;
    if (!step.list) {
      at.entities[depth + 1] = field.object;
      at.indexes[depth] = 0;
      return cover(at, depth + 1);
    }
    const size_t size = field.access->list_size(field.object);
    for (size_t i = 0; i < size; ++i) {
      at.entities[depth + 1] = field.access->list_element(field.object, i);
      at.indexes[depth] = static_cast<uint32_t>(i);
      cover(at, depth + 1);
    }
  }

  const Pack& pack_;
  const Rule& rule_;
  Date as_of_;
  bool strict_;
  Report& report_;
};

// What load_pack guarantees and evaluation relies on, checked again for a Pack built in C++: every
// parameter has a value, every rule a `met`, a `for` path that follows the schema, and expressions
// compiled for the entities that path gives them.
absl::Status check_built(const Pack& pack) {
  const auto error = [&](const Rule* rule, const std::string& what) {
    return absl::InvalidArgumentError(absl::StrCat(
        pack.source_name, rule ? absl::StrCat(": rule \"", rule->id, "\"") : "", ": ", what));
  };
  for (const rules::Parameter& p : pack.parameters) {
    if (p.values.empty())
      return error(nullptr, absl::StrCat("parameter ", p.name, " has no value"));
  }
  for (const Rule& rule : pack.rules) {
    if (rule.path.size() > rules::kMaxCoverDepth) {
      return error(&rule, absl::StrCat("\"for\" goes ", rule.path.size(),
                                       " entities deep; the most is ", rules::kMaxCoverDepth));
    }
    if (!rule.met) return error(&rule, "it has no \"met\"");
    // The entity each slot holds: the case, then one per step of the path.
    std::vector<const EntityInfo*> covered = {access_of<Case>().info};
    for (const rules::CoverStep& step : rule.path) {
      const bool follows = step.owner && step.owner->info == covered.back() &&
                           step.field < step.owner->info->fields.size() &&
                           step.owner->info->fields[step.field].kind ==
                               (step.list ? FieldKind::kList : FieldKind::kEntity);
      if (!follows) return error(&rule, "its \"for\" path does not follow the schema");
      covered.push_back(step.owner->info->fields[step.field].element);
    }
    std::vector<const Expression*> expressions;
    for (const RulePart part : {RulePart::kWhen, RulePart::kUnless, RulePart::kArises,
                                RulePart::kDue, RulePart::kActual, RulePart::kMet}) {
      if (const Expression* e = rule.expression(part)) expressions.push_back(e);
    }
    for (const Expression& e : rule.explained_by) expressions.push_back(&e);
    for (const Expression& e : rule.traced) expressions.push_back(&e);
    for (const Expression* e : expressions) {
      const std::span<const EntityAccess* const> bound = e->bindings();
      for (size_t i = 0; i < bound.size() && i < covered.size(); ++i) {
        if (bound[i]->info != covered[i]) {
          return error(&rule,
                       absl::StrCat("\"", to_absl(e->text()), "\" was compiled with ",
                                    with_article(bound[i]->info->name), " in slot ", i,
                                    ", where the rule has ", with_article(covered[i]->name)));
        }
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Engine> Engine::create(std::vector<Pack> packs, EngineOptions options) {
  for (size_t i = 0; i < packs.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (packs[i].id == packs[j].id) {
        return absl::InvalidArgumentError(absl::StrCat("two packs have the id \"", packs[i].id,
                                                       "\": ", packs[j].source_name, " and ",
                                                       packs[i].source_name));
      }
    }
  }
  for (const Pack& pack : packs) {
    if (absl::Status s = check_built(pack); !s.ok()) return s;
  }
  FieldDeclarations declared;
  for (const Pack& pack : packs) {
    if (absl::Status s = declared.declare_all(pack.fields); !s.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          s.message(), " (", pack.source_name, "'s [fields], merged with the earlier packs')"));
    }
  }
  return Engine(std::move(packs), options, std::move(declared));
}

absl::StatusOr<Pack> Engine::default_pack() {
  return rules::load_pack(kDefaultPackText, kDefaultPackName);
}

absl::StatusOr<Engine> Engine::with_default_pack(EngineOptions options) {
  absl::StatusOr<Pack> pack = default_pack();
  if (!pack.ok()) return pack.status();
  std::vector<Pack> packs;
  packs.push_back(*std::move(pack));
  return create(std::move(packs), options);
}

absl::StatusOr<Report> Engine::evaluate(const Case& c, Date as_of) const& {
  Report report;
  if (absl::Status s = evaluate(c, as_of, report); !s.ok()) return s;
  return report;
}

absl::Status Engine::evaluate(const Case& c, Date as_of, Report& report) const& {
  report.as_of = as_of;
  report.findings.clear();
  report.timeline.clear();
  report.summary = {};
  report.outside_in_force = 0;
  if (absl::Status s = check_supported(as_of); !s.ok()) {
    return absl::Status(s.code(), absl::StrCat("the as-of date: ", s.message()));
  }
  for (const Pack& pack : packs_) {
    if (report.parameter_values.size() < pack.parameters.size() + 3) {
      report.parameter_values.resize(pack.parameters.size() + 3);
    }
    for (size_t i = 0; i < pack.parameters.size(); ++i) {
      report.parameter_values[i] = pack.parameters[i].values.front().value;
    }
    report.parameter_values[pack.parameters.size()] = Value();
    report.parameter_values[pack.parameters.size()].day = as_of;
    for (const Rule& rule : pack.rules) {
      Walk(pack, rule, as_of, options_.strict_in_force, report).run(c);
    }
  }
  // The timeline is sorted as one integer per finding, its due day's number above its index: ties
  // keep report order, and sorting compares integers instead of reading findings. A day number and
  // an index each fit in 32 bits (a report of 2^32 findings would take hundreds of gigabytes).
  static_assert(sizeof(size_t) >= 8, "the timeline packs a day and an index into a size_t");
  for (size_t i = 0; i < report.findings.size(); ++i) {
    const Finding& f = report.findings[i];
    ++report.summary[static_cast<size_t>(f.outcome)];
    if (f.outside_in_force) ++report.outside_in_force;
    if (f.due) report.timeline.push_back(size_t{f.due->day_number()} << 32 | i);
  }
  std::sort(report.timeline.begin(), report.timeline.end());
  for (size_t& entry : report.timeline) entry &= 0xffffffffu;
  return absl::OkStatus();
}

}  // namespace compact
