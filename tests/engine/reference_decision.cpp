#include "reference_decision.hpp"

#include "absl/strings/str_cat.h"

namespace compact::reference {
namespace {

using rules::reference::Kind;
using rules::reference::RefResult;
using rules::reference::RefScope;
using State = rules::Value::State;

std::string toml_value(const RefValue& v) {
  switch (v.kind) {
    case Kind::kPeriod:
      return "\"" + to_string(v.period) + "\"";
    case Kind::kDate:
      return format_date(v.day);
    default:
      return absl::StrCat(v.number);
  }
}

// "the value in force on the day an obligation arose applies, and the first value applies before
// its own date too".
RefValue in_force_on(const RefParameter& p, Date day) {
  if (p.dated.empty()) return p.value;
  RefValue v = p.dated.front().second;
  for (const auto& [from, value] : p.dated) {
    if (from <= day) v = value;
  }
  return v;
}

bool reads_dated_parameter(const RefNode& n, const RefPack& pack) {
  if (n.op == RefNode::Op::kParameter) {
    for (const RefParameter& p : pack.parameters) {
      // A value that depends on the date: one dated value alone does not.
      if (p.name == n.path && p.dated.size() > 1) return true;
    }
  }
  for (const auto& arg : n.args) {
    if (reads_dated_parameter(*arg, pack)) return true;
  }
  return false;
}

class Decision {
 public:
  Decision(const RefPack& pack, const RefRule& rule, RefScope scope, Date as_of, bool strict,
           RefFinding& f)
      : pack_(pack), rule_(rule), scope_(std::move(scope)), as_of_(as_of), strict_(strict), f_(f) {}

  void decide() {
    // 1. arises picks dated parameters and is judged against the in-force window.
    if (rule_.arises) {
      const RefResult arises = evaluate(*rule_.arises);
      if (!arises.value.known() && uses_dated_parameters()) return insufficient(arises, {&arises});
      if (arises.value.known()) {
        f_.arises = arises.value.day;
        f_.outside_in_force = (pack_.in_force_from && *f_.arises < *pack_.in_force_from) ||
                              (pack_.in_force_to && *f_.arises > *pack_.in_force_to);
      }
    }
    const Date on = f_.arises.value_or(as_of_);
    for (const RefParameter& p : pack_.parameters) scope_.parameters[p.name] = in_force_on(p, on);
    RefValue as_of;
    as_of.kind = Kind::kDate;
    as_of.day = as_of_;
    scope_.parameters["as_of"] = as_of;
    if (strict_ && f_.outside_in_force) return set(Outcome::kNotApplicable);
    // 2. when; 3. unless.
    if (rule_.when) {
      const RefResult when = evaluate(*rule_.when);
      if (!when.value.known()) return insufficient(when, {&when});
      if (!when.value.boolean) return set(Outcome::kNotApplicable);
    }
    if (rule_.unless) {
      const RefResult unless = evaluate(*rule_.unless);
      if (unless.value.known() && unless.value.boolean) return set(Outcome::kNotApplicable);
    }
    // 4. due and actual; an act after the as-of date has not happened yet.
    RefResult due;
    due.value.state = State::kUnrecorded;
    due.value.kind = Kind::kDate;
    RefResult actual = due;
    if (rule_.due) {
      due = evaluate(*rule_.due);
      f_.boundary_sensitive = due.boundary_sensitive;
      if (due.value.known()) f_.due = due.value.day;
    }
    if (rule_.actual) {
      actual = evaluate(*rule_.actual);
      if (actual.value.known() && actual.value.day > as_of_)
        actual.value.state = State::kUnrecorded;
      if (actual.value.known()) f_.actual = actual.value.day;
    }
    // 5. An act not recorded.
    if (rule_.actual && !actual.value.known()) {
      if (!rule_.due) return set(Outcome::kPending);
      if (!due.value.known()) return insufficient(due, {&due});
      return set(rule_.first_day || as_of_ <= due.value.day ? Outcome::kPending
                                                            : Outcome::kOverdue);
    }
    // 6. met, with due and actual bound.
    scope_.parameters["due"] = due.value;
    scope_.parameters["actual"] = actual.value;
    const RefResult met = evaluate(*rule_.met);
    if (!met.value.known()) {
      return insufficient(met,
                          {&met, rule_.due ? &due : nullptr, rule_.actual ? &actual : nullptr});
    }
    if (due.value.known() && actual.value.known()) {
      const Date from = rule_.first_day ? due.value.day : actual.value.day;
      const Date to = rule_.first_day ? actual.value.day : due.value.day;
      f_.margin_days = (to - from).days();
      const absl::StatusOr<int64_t> working = scope_.calendar->working_days_between(from, to);
      if (working.ok()) f_.margin_working_days = *working;
    }
    if (met.value.boolean) return set(Outcome::kCompliant);
    set(explained() ? Outcome::kExplained : Outcome::kBreach);
  }

 private:
  RefResult evaluate(const RefNode& n) const { return rules::reference::evaluate(n, scope_); }

  bool uses_dated_parameters() const {
    for (const RefNode* n : {rule_.when.get(), rule_.unless.get(), rule_.arises.get(),
                             rule_.due.get(), rule_.actual.get(), rule_.met.get()}) {
      if (n && reads_dated_parameter(*n, pack_)) return true;
    }
    return false;
  }

  void set(Outcome outcome) { f_.outcome = outcome; }

  // `deciding` is the step whose value could not be worked out: a date out of range, or a field not
  // recorded.
  void insufficient(const RefResult& deciding, std::initializer_list<const RefResult*> steps) {
    f_.date_out_of_range = deciding.value.state == State::kFailed;
    for (const RefResult* step : steps) {
      if (!step) continue;
      f_.missing.insert(step->unrecorded.begin(), step->unrecorded.end());
      f_.missing_noted += step->unrecorded.size();
    }
    set(Outcome::kInsufficientData);
  }

  // "text that is not blank, a flag that is true, any other value recorded".
  bool explained() const {
    for (const std::string& path : rule_.explained_by) {
      RefNode field;
      field.op = RefNode::Op::kField;
      field.path = path;
      const RefValue v = evaluate(field).value;
      if (!v.known()) continue;
      const FieldInfo* info = field_info(path);
      if (info->kind == FieldKind::kText) {
        if (!rules::reference::only_white_space(v.text)) return true;
      } else if (info->kind == FieldKind::kBool) {
        if (v.boolean) return true;
      } else {
        return true;
      }
    }
    return false;
  }

  // The schema's entry for "entity.field" or "commission.ending.field".
  const FieldInfo* field_info(const std::string& path) const {
    const size_t dot = path.rfind('.');
    const std::string owner = path.substr(0, dot);
    const EntityInfo* entity = owner == "commission.ending" ? access_of<Ending>().info
                               : owner == "payment"         ? access_of<Payment>().info
                                                            : access_of<Commission>().info;
    return entity->field(path.substr(dot + 1));
  }

  const RefPack& pack_;
  const RefRule& rule_;
  RefScope scope_;
  Date as_of_;
  bool strict_;
  RefFinding& f_;
};

std::string entry(std::string_view list, const std::string& id, size_t index) {
  return std::string(list) + "[" + (id.empty() ? std::to_string(index) : id) + "]";
}

}  // namespace

std::string to_toml(const RefPack& pack) {
  std::string out = "[pack]\nid = \"random\"\ntitle = \"Random rules\"\n";
  if (pack.in_force_from || pack.in_force_to) {
    out += "in_force = {";
    if (pack.in_force_from) absl::StrAppend(&out, " from = ", format_date(*pack.in_force_from));
    if (pack.in_force_from && pack.in_force_to) out += ",";
    if (pack.in_force_to) absl::StrAppend(&out, " to = ", format_date(*pack.in_force_to));
    out += " }\n";
  }
  out += "\n[params]\n";
  for (const RefParameter& p : pack.parameters) {
    absl::StrAppend(&out, p.name, " = ");
    if (p.dated.empty()) {
      out += toml_value(p.value);
    } else {
      out += "{";
      for (size_t i = 0; i < p.dated.size(); ++i) {
        absl::StrAppend(&out, i > 0 ? ", " : " ", format_date(p.dated[i].first), " = ",
                        toml_value(p.dated[i].second));
      }
      out += " }";
    }
    out += "\n";
  }
  for (size_t i = 0; i < pack.rules.size(); ++i) {
    const RefRule& r = pack.rules[i];
    absl::StrAppend(&out, "\n[[rule]]\nid = \"", r.id,
                    "\"\nsection = \"s\"\nquote = \"q\"\nparty = \"public\"\nstrength = \"must\"\n",
                    "for = \"", r.for_path, "\"\n");
    const std::pair<const char*, const RefNode*> parts[] = {
        {"when", r.when.get()}, {"unless", r.unless.get()}, {"arises", r.arises.get()},
        {"due", r.due.get()},   {"actual", r.actual.get()}, {"met", r.met.get()}};
    for (const auto& [key, node] : parts) {
      // The expressions' texts are in single quotes and never hold a double one.
      if (node) absl::StrAppend(&out, key, " = \"", print(*node, i % 2 == 0), "\"\n");
    }
    if (!r.explained_by.empty()) {
      out += "explained_by = [";
      for (size_t j = 0; j < r.explained_by.size(); ++j) {
        absl::StrAppend(&out, j > 0 ? ", " : "", "\"", r.explained_by[j], "\"");
      }
      out += "]\n";
    }
    if (r.first_day) out += "due_means = \"first_day\"\n";
  }
  return out;
}

std::vector<RefFinding> decide_all(const RefPack& pack, const Case& c, Date as_of, bool strict) {
  std::vector<RefFinding> findings;
  const Calendar& calendar = Calendar::england_and_wales();
  for (const RefRule& rule : pack.rules) {
    const auto decide = [&](std::string entity, std::map<std::string, RefScope::Entity> names) {
      names.emplace("case", RefScope::Entity{&c, &access_of<Case>()});
      RefFinding& f = findings.emplace_back();
      f.rule = rule.id;
      f.entity = std::move(entity);
      Decision(pack, rule, RefScope{std::move(names), {}, &calendar}, as_of, strict, f).decide();
    };
    for (size_t i = 0; i < c.commissions.size(); ++i) {
      const Commission& commission = c.commissions[i];
      const std::string at = entry("commissions", commission.id, i);
      const RefScope::Entity named{&commission, &access_of<Commission>()};
      if (rule.for_path == "commission") {
        decide(at, {{"commission", named}});
      } else if (rule.for_path == "commission.ending") {
        if (commission.ending) {
          decide(at + ".ending",
                 {{"commission", named}, {"ending", {&*commission.ending, &access_of<Ending>()}}});
        }
      } else {
        for (size_t j = 0; j < commission.payments.size(); ++j) {
          const Payment& payment = commission.payments[j];
          decide(at + "." + entry("payments", payment.id, j),
                 {{"commission", named}, {"payment", {&payment, &access_of<Payment>()}}});
        }
      }
    }
  }
  return findings;
}

}  // namespace compact::reference
