#include "compact/engine/engine.hpp"

#include <algorithm>

#include "../rules/native_code.hpp"
#include "absl/strings/str_cat.h"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/article.hpp"
#include "compact/util/blank.hpp"
#include "default_pack.hpp"
#include "native_decision.hpp"
#include "rule_json.hpp"

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

std::string_view name_of(Inapplicability why) {
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

std::string_view name_of(Insufficiency why) {
  return why == Insufficiency::kDateOutOfRange ? "date_out_of_range" : "unrecorded";
}

std::string_view Finding::because() const {
  if (outcome == Outcome::kNotApplicable) return name_of(inapplicability);
  if (outcome == Outcome::kInsufficientData) return name_of(insufficiency);
  return "";
}

namespace {

// What the engine works out once for each rule (Engine::Plan).
struct RulePlan {
  size_t path;                           // into the pack's distinct `for` paths
  std::vector<size_t> dated_parameters;  // the ones it reads with more than one dated value
  // Each part, by RulePart (kMet the last), compiled to machine code, or null for the interpreter.
  std::array<rules::NativeCode::Function, static_cast<size_t>(RulePart::kMet) + 1> native{};
  // The whole decision compiled, or null: then Decision decides each finding.
  NativeDecision decide = nullptr;
};

// Decides one rule for one covered entity: DESIGN.md's outcomes, in the order docs/packs.md states
// them (in force, when, unless, due and actual, met, explained_by). Expressions are evaluated without
// noting unrecorded fields; only an undecided finding evaluates its parts again to name them.
class Decision {
 public:
  // `scope` holds the pack's parameters, then as_of, due and actual: the names met may read.
  Decision(const Pack& pack, const Rule& rule, const RulePlan& plan, Date as_of, bool strict,
           std::span<Value> scope, Finding& finding)
      : pack_(pack),
        rule_(rule),
        plan_(plan),
        as_of_(as_of),
        strict_(strict),
        scope_(scope),
        finding_(finding),
        base_{{finding.entities.data(), finding.depth + 1}, {}, &pack.calendar},
        env_{base_.entities, scope, &pack.calendar} {}

  void decide() {
    if (rule_.arises) {
      const Value arises = evaluate(RulePart::kArises, *rule_.arises, base_);
      // Which value of a dated parameter applies depends on this date: without it, no guess.
      if (!arises.known() && !plan_.dated_parameters.empty()) {
        return insufficient(arises.state, {RulePart::kArises});
      }
      if (arises.known()) {
        finding_.arises = arises.day;
        finding_.outside_in_force = (pack_.in_force_from && arises.day < *pack_.in_force_from) ||
                                    (pack_.in_force_to && arises.day > *pack_.in_force_to);
      }
    }
    // Undated parameters and as_of are set once per pack (Engine::evaluate); a dated one takes the
    // value in force when this obligation arose.
    for (const size_t i : plan_.dated_parameters) {
      scope_[i] = pack_.parameters[i].in_force_on(finding_.parameters_on()).value;
    }
    if (strict_ && finding_.outside_in_force) {
      return not_applicable(Inapplicability::kOutsideInForce);
    }
    if (rule_.when) {
      const Value when = evaluate(RulePart::kWhen, *rule_.when, env_);
      if (!when.known()) return insufficient(when.state, {RulePart::kWhen});
      if (!when.boolean) return not_applicable(Inapplicability::kWhen);
    }
    if (rule_.unless) {
      // An alternative displaces the rule only when it is known to hold.
      const Value unless = evaluate(RulePart::kUnless, *rule_.unless, env_);
      if (unless.known() && unless.boolean) return not_applicable(Inapplicability::kUnless);
    }
    // Worked out where met reads them.
    Value& due = scope_[scope_.size() - 2];
    Value& actual = scope_[scope_.size() - 1];
    due.state = Value::State::kUnrecorded;
    actual.state = Value::State::kUnrecorded;
    if (rule_.due) {
      evaluate(RulePart::kDue, *rule_.due, env_, due, &finding_.boundary_sensitive);
      if (due.known()) finding_.due = due.day;
    }
    if (rule_.actual) {
      evaluate(RulePart::kActual, *rule_.actual, env_, actual);
      // As of a date, an act recorded for a later day has not happened yet.
      if (actual.known() && actual.day > as_of_) actual.state = Value::State::kUnrecorded;
      if (actual.known()) finding_.actual = actual.day;
    }
    if (rule_.actual && !actual.known()) {
      // The act is not recorded: whether that is a problem yet depends on the date.
      // With no deadline at all, an act not yet recorded is simply still to come.
      if (!rule_.due) return set(Outcome::kPending);
      // Only due's fields are named: an act not yet done is not missing data, and once due is known
      // the finding is pending or overdue.
      if (!due.known()) return insufficient(due.state, {RulePart::kDue});
      if (rule_.due_means == DueMeans::kFirstDay || as_of_ <= due.day)
        return set(Outcome::kPending);
      return set(Outcome::kOverdue);
    }
    const Value met = evaluate(RulePart::kMet, *rule_.met, env_);
    if (!met.known()) {
      return insufficient(met.state, {RulePart::kMet, RulePart::kDue, RulePart::kActual});
    }
    margins(due, actual);
    if (met.boolean) return set(Outcome::kCompliant);
    return set(explained() ? Outcome::kExplained : Outcome::kBreach);
  }

 private:
  // The rule's expression `part`, `e`, compiled to machine code where it could be, into `out`.
  void evaluate(RulePart part, const Expression& e, const Environment& env, Value& out,
                bool* boundary_sensitive = nullptr) const {
    const rules::NativeCode::Function& native = plan_.native[static_cast<size_t>(part)];
    if (native.run) return rules::run_native(native, e, env, out, boundary_sensitive);
    out = e.evaluate(env, nullptr, boundary_sensitive);
  }
  Value evaluate(RulePart part, const Expression& e, const Environment& env) const {
    Value v;
    evaluate(part, e, env, v);
    return v;
  }

  void set(Outcome outcome) { finding_.outcome = outcome; }

  void not_applicable(Inapplicability why) {
    finding_.inapplicability = why;
    set(Outcome::kNotApplicable);
  }

  // `state` is the deciding value's: failed (a date left the supported range) or unrecorded. The
  // parts that led to it are evaluated again, now naming the fields they found unrecorded: an
  // evaluation depends on nothing but its environment, which is as it was.
  void insufficient(Value::State state, std::initializer_list<RulePart> parts) {
    if (state == Value::State::kFailed) finding_.insufficiency = Insufficiency::kDateOutOfRange;
    for (const RulePart part : parts) {
      const Expression* e = rule_.expression(part);
      if (!e) continue;
      Unrecorded unrecorded;
      e->evaluate(part == RulePart::kArises ? base_ : env_, &unrecorded);
      const size_t count = std::min(unrecorded.count, Unrecorded::kMax);
      for (size_t i = 0; i < count && finding_.missing_count < Finding::kMaxMissing; ++i) {
        finding_.missing[finding_.missing_count++] = {part, unrecorded.fields[i]};
      }
    }
    set(Outcome::kInsufficientData);
  }

  // A miss is explained when any explained_by field holds an explanation: text that is not blank, a
  // flag that is true, or any other value recorded.
  bool explained() const {
    for (const Expression& e : rule_.explained_by) {
      const Value v = e.evaluate(env_);
      if (!v.known()) continue;
      switch (e.type().kind) {
        case rules::Type::Kind::kText:
          if (!is_blank(v.text)) return true;
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
  const RulePlan& plan_;
  Date as_of_;
  bool strict_;
  std::span<Value> scope_;
  Finding& finding_;
  const Environment base_;  // arises, actual and explained_by read no parameters
  const Environment env_;
};

// Appends the position of every entity `path` reaches from the case, depth first in case order.
void cover(std::span<const rules::CoverStep> path, Finding::Position& at, size_t depth,
           std::vector<Finding::Position>& out) {
  if (depth == path.size()) {
    out.push_back(at);
    return;
  }
  // Engine::create refuses a deeper "for"; saying so lets the compiler see the arrays' bound.
  static_assert(Finding::kMaxDepth == rules::kMaxCoverDepth);
  if (depth >= Finding::kMaxDepth) return;
  const rules::CoverStep& step = path[depth];
  const FieldValue field = step.owner->fields[step.field](at.entities[depth]);
  if (!field.recorded) return;
  if (!step.list) {
    at.entities[depth + 1] = field.object;
    at.indexes[depth] = 0;
    return cover(path, at, depth + 1, out);
  }
  const size_t size = field.access->list_size(field.object);
  for (size_t i = 0; i < size; ++i) {
    at.entities[depth + 1] = field.access->list_element(field.object, i);
    at.indexes[depth] = static_cast<uint32_t>(i);
    cover(path, at, depth + 1, out);
  }
}

bool same_path(std::span<const rules::CoverStep> a, std::span<const rules::CoverStep> b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                    [](const rules::CoverStep& x, const rules::CoverStep& y) {
                      return x.owner == y.owner && x.field == y.field && x.list == y.list;
                    });
}

// The names each part may read, as load_pack compiles them (docs/packs.md): the pack's parameters,
// then as_of, due and actual in the scope. arises, actual and explained_by read none of them; when,
// unless and due the parameters and as_of; met all. And `rule.parameters` lists the pack's
// parameters the rule reads, each once, since the engine sets a dated one by it.
absl::Status check_parameters_read(const Pack& pack, const Rule& rule) {
  const size_t count = pack.parameters.size();
  std::vector<size_t> read;
  const auto check = [&](const Expression& e, size_t visible) {
    for (const uint32_t i : e.parameters()) {
      if (i >= visible) {
        return absl::InvalidArgumentError(
            absl::StrCat("\"", to_absl(e.text()), "\" reads ",
                         i < count ? absl::StrCat("the parameter ", pack.parameters[i].name)
                                   : absl::StrCat("name ", i, " of its scope"),
                         ", which that part of a rule cannot see"));
      }
      if (i < count && std::find(read.begin(), read.end(), i) == read.end()) read.push_back(i);
    }
    return absl::OkStatus();
  };
  for (const RulePart part : {RulePart::kWhen, RulePart::kUnless, RulePart::kArises, RulePart::kDue,
                              RulePart::kActual, RulePart::kMet}) {
    const Expression* e = rule.expression(part);
    if (!e) continue;
    const size_t visible = part == RulePart::kArises || part == RulePart::kActual ? 0
                           : part == RulePart::kMet                               ? count + 3
                                                                                  : count + 1;
    if (absl::Status s = check(*e, visible); !s.ok()) return s;
  }
  for (const Expression& e : rule.explained_by) {
    if (absl::Status s = check(e, 0); !s.ok()) return s;
  }
  std::vector<size_t> listed(rule.parameters.begin(), rule.parameters.end());
  std::sort(read.begin(), read.end());
  std::sort(listed.begin(), listed.end());
  if (read != listed) {
    return absl::InvalidArgumentError(
        "its parameters are not those its expressions read, each once");
  }
  return absl::OkStatus();
}

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
    if (absl::Status s = check_parameters_read(pack, rule); !s.ok())
      return error(&rule, std::string(s.message()));
  }
  return absl::OkStatus();
}

}  // namespace

struct Engine::Plan {
  struct PackPlan {
    std::vector<std::span<const rules::CoverStep>> paths;  // each distinct `for` path once
    std::vector<RulePlan> rules;                           // as the pack's
  };
  std::vector<PackPlan> packs;                      // as packs_
  std::unique_ptr<const rules::NativeCode> native;  // what RulePlan::native points into
  std::unique_ptr<const RulesJson> json;            // what reports' JSON copies of each rule
};

Engine::Engine(std::vector<Pack> packs, EngineOptions options, FieldDeclarations declared)
    : packs_(std::move(packs)), options_(options), declared_fields_(std::move(declared)) {
  auto plan = std::make_unique<Plan>();
  for (const Pack& pack : packs_) {
    Plan::PackPlan& p = plan->packs.emplace_back();
    for (const Rule& rule : pack.rules) {
      RulePlan& r = p.rules.emplace_back();
      const auto same = std::find_if(p.paths.begin(), p.paths.end(),
                                     [&](const auto& path) { return same_path(path, rule.path); });
      r.path = static_cast<size_t>(same - p.paths.begin());
      if (same == p.paths.end()) p.paths.emplace_back(rule.path);
      for (const size_t i : rule.parameters) {
        if (pack.parameters[i].dated()) r.dated_parameters.push_back(i);
      }
    }
  }
  if (options_.native_code) {
    // Every rule's parts, and its decision, compiled into one block of machine code.
    std::vector<rules::NativeSource> sources;
    std::vector<std::pair<RulePlan*, size_t>> slots;  // the rule and part of each source
    constexpr size_t kDecision = static_cast<size_t>(RulePart::kMet) + 1;
    // A pack's rules always run on its calendar, and with its undated parameters as they are.
    std::vector<rules::NativeContext> contexts(packs_.size());
    for (size_t p = 0; p < packs_.size(); ++p) {
      contexts[p].calendar = &packs_[p].calendar;
      for (const rules::Parameter& parameter : packs_[p].parameters) {
        contexts[p].fixed_parameters.push_back(parameter.dated() ? nullptr
                                                                 : &parameter.values.front().value);
      }
      for (size_t r = 0; r < packs_[p].rules.size(); ++r) {
        const Rule& rule = packs_[p].rules[r];
        RulePlan& rule_plan = plan->packs[p].rules[r];
        // A dated parameter's value is chosen per finding, which Decision does.
        rules::NativeSource decision =
            rule_plan.dated_parameters.empty()
                ? decision_source(packs_[p], rule, options_.strict_in_force, &contexts[p])
                : rules::NativeSource();
        if (decision.emit) {
          // The few findings a compiled decision hands back are decided with the interpreter.
          sources.push_back(std::move(decision));
          slots.emplace_back(&rule_plan, kDecision);
          continue;
        }
        for (size_t part = 0; part < rule_plan.native.size(); ++part) {
          if (const Expression* e = rule.expression(static_cast<RulePart>(part))) {
            sources.push_back(
                {.expression = e, .emit = {}, .max_bytes = 0, .context = &contexts[p]});
            slots.emplace_back(&rule_plan, part);
          }
        }
      }
    }
    plan->native = rules::NativeCode::compile(sources);
    for (size_t i = 0; i < slots.size(); ++i) {
      auto [rule_plan, part] = slots[i];
      if (part == kDecision) {
        rule_plan->decide =
            reinterpret_cast<NativeDecision>(reinterpret_cast<uintptr_t>(plan->native->entry(i)));
      } else {
        rule_plan->native[part] = plan->native->function(i);
      }
    }
  }
  plan->json = std::make_unique<const RulesJson>(packs_);
  plan_ = std::move(plan);
}

Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() = default;

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
  report.rules_json = plan_->json.get();
  report.findings.clear();
  report.timeline.clear();
  report.summary = {};
  report.outside_in_force = 0;
  if (absl::Status s = check_supported(as_of); !s.ok()) {
    return absl::Status(s.code(), absl::StrCat("the as-of date: ", s.message()));
  }
  Report::Scratch& scratch = report.scratch;
  size_t index = 0;  // of the next finding
  for (size_t p = 0; p < packs_.size(); ++p) {
    const Pack& pack = packs_[p];
    const Plan::PackPlan& plan = plan_->packs[p];
    // The names a rule may read besides fields: the pack's parameters (undated ones set here for
    // all its rules), as_of, then due and actual.
    const size_t count = pack.parameters.size();
    if (scratch.parameter_values.size() < count + 3) scratch.parameter_values.resize(count + 3);
    const std::span<Value> scope(scratch.parameter_values.data(), count + 3);
    for (size_t i = 0; i < count; ++i) scope[i] = pack.parameters[i].values.front().value;
    scope[count] = Value();
    scope[count].day = as_of;
    scratch.covered.clear();
    scratch.covered_from.clear();
    for (const std::span<const rules::CoverStep> path : plan.paths) {
      scratch.covered_from.push_back(scratch.covered.size());
      Finding::Position at;
      at.entities[0] = &c;
      cover(path, at, 0, scratch.covered);
    }
    scratch.covered_from.push_back(scratch.covered.size());
    // What compiled decisions read; each finding sets its entities.
    const Environment environment{{}, scope, &pack.calendar};
    rules::NativeFrame frame{&environment, nullptr, 0, scope.data(), scope.size(), nullptr};
    for (size_t r = 0; r < pack.rules.size(); ++r) {
      const Rule& rule = pack.rules[r];
      const RulePlan& rule_plan = plan.rules[r];
      const size_t depth = rule.path.size();
      frame.entity_count = depth + 1;
      const Finding::Position* const covered = scratch.covered.data();
      const Finding::Position* const end = covered + scratch.covered_from[rule_plan.path + 1];
      for (const Finding::Position* at = covered + scratch.covered_from[rule_plan.path]; at != end;
           ++at) {
        // Built in place: a Finding is a few hundred bytes.
        Finding& finding = report.findings.emplace_back(pack, rule, as_of, depth, *at);
        bool decided = false;
        if (rule_plan.decide) {
          frame.entities = finding.entities.data();
          frame.boundary_sensitive = &finding.boundary_sensitive;
          decided = rule_plan.decide(&frame, &finding) != 0;
          // Decision decides again from the start, on a finding as new.
          if (!decided) finding = Finding(pack, rule, as_of, depth, *at);
        }
        if (!decided) {
          Decision(pack, rule, rule_plan, as_of, options_.strict_in_force, scope, finding).decide();
        }
        ++report.summary[static_cast<size_t>(finding.outcome)];
        if (finding.outside_in_force) ++report.outside_in_force;
        // The timeline is sorted as one integer per finding, its due day's number above its
        // index: ties keep report order, and sorting compares integers instead of reading
        // findings. A day number and an index each fit in 32 bits (a report of 2^32 findings would
        // take hundreds of gigabytes).
        static_assert(sizeof(size_t) >= 8, "the timeline packs a day and an index into a size_t");
        if (finding.due) report.timeline.push_back(size_t{finding.due->day_number()} << 32 | index);
        ++index;
      }
    }
  }
  std::sort(report.timeline.begin(), report.timeline.end());
  for (size_t& entry : report.timeline) entry &= 0xffffffffu;
  return absl::OkStatus();
}

}  // namespace compact
