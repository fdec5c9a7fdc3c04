#include <algorithm>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "compact/engine/report.hpp"
#include "compact/util/absl_string_view.hpp"

namespace compact {
namespace {

using rules::Type;
using rules::Value;

}  // namespace

void append_value(std::string& out, const Value& v, const Type& type) {
  if (v.state == Value::State::kUnrecorded) {
    out += "not recorded";
    return;
  }
  if (v.state == Value::State::kFailed) {
    out += "outside the supported dates";
    return;
  }
  switch (type.kind) {
    case Type::Kind::kBool:
      out += v.boolean ? "true" : "false";
      return;
    case Type::Kind::kInteger:
      absl::StrAppend(&out, v.number);
      return;
    case Type::Kind::kMoney:
      absl::StrAppend(&out, absl::StrFormat("%s£%d.%02d", v.number < 0 ? "-" : "",
                                            std::abs(v.number) / 100, std::abs(v.number) % 100));
      return;
    case Type::Kind::kDate:
      append_date(out, v.day);
      return;
    case Type::Kind::kPeriod:
      out += to_string(v.period);
      return;
    case Type::Kind::kText:
      out += v.text;
      return;
    case Type::Kind::kEnum:
      out += type.enumeration->values[static_cast<size_t>(v.number)];
      return;
    case Type::Kind::kEntity:
    case Type::Kind::kList:
      return;
  }
}

namespace {}  // namespace

std::string in_force_warning(size_t count) {
  std::string warning;
  append_in_force_warning(warning, count);
  return warning;
}

void append_in_force_warning(std::string& out, size_t count) {
  if (count == 1) {
    out += "1 finding concerns an obligation that arose outside its pack's in-force window";
    return;
  }
  absl::StrAppend(&out, count,
                  " findings concern obligations that arose outside their pack's in-force window");
}

std::ostream& operator<<(std::ostream& os, Outcome outcome) { return os << name_of(outcome); }

void PrintTo(const Finding& f, std::ostream* os) {
  *os << (f.rule ? f.rule->id : "?") << " " << f.entity_path() << " " << f.outcome;
  if (f.due) *os << " due " << format_date(*f.due);
  if (f.actual) *os << " actual " << format_date(*f.actual);
  if (const std::string_view because = f.because(); !because.empty()) *os << " (" << because << ")";
  for (const std::string& field : f.missing_fields()) *os << " missing " << field;
}

std::string Finding::entity_path() const {
  std::string path;
  append_entity_path(path);
  return path;
}

void Finding::append_entity_path(std::string& path) const {
  if (depth == 0) {
    path += "case";
    return;
  }
  append_entity_path(path, 0);
}

void Finding::append_entity_path(std::string& path, size_t first_step) const {
  for (size_t i = first_step; i < depth; ++i) {
    const rules::CoverStep& step = rule->path[i];
    if (i > 0) path += '.';
    path += step.owner->info->fields[step.field].name;
    if (!step.list) continue;
    // The entry's id where it has one, else its index.
    const FieldValue list = step.owner->fields[step.field](entities[i]);
    const EntityInfo& element = *list.access->info;
    const FieldInfo* id = element.field("id");
    std::string_view key;
    if (id && id->kind == FieldKind::kText) {
      key = list.access->fields[static_cast<size_t>(id - element.fields.data())](entities[i + 1])
                .text;
    }
    path += '[';
    if (key.empty()) {
      absl::StrAppend(&path, indexes[i]);
    } else {
      path += key;
    }
    path += ']';
  }
}

void Finding::visit_missing_fields(absl::FunctionRef<void(const std::string& path)> visit) const {
  const auto path_of = [&](const Missing& m) -> const std::string& {
    return rule->expression(m.part)->field_paths()[m.field];
  };
  for (size_t i = 0; i < missing_count; ++i) {
    // A field may be missing from two expressions of the rule: it is named once.
    const std::string& path = path_of(missing[i]);
    bool named = false;
    for (size_t j = 0; j < i && !named; ++j) named = path_of(missing[j]) == path;
    if (!named) visit(path);
  }
}

std::vector<std::string> Finding::missing_fields() const {
  std::vector<std::string> out;
  visit_missing_fields([&](const std::string& path) { out.push_back(path); });
  return out;
}

void Finding::visit_trace(
    absl::FunctionRef<void(std::string_view, const rules::Value&, const rules::Type&)> visit)
    const {
  // The expressions read the pack's parameters and as_of after them.
  const size_t count = pack->parameters.size();
  absl::InlinedVector<Value, 16> values(count + 1);
  for (size_t i = 0; i < count; ++i) {
    values[i] = pack->parameters[i].in_force_on(parameters_on()).value;
  }
  values[count].day = as_of;
  const rules::Environment env{
      {entities.data(), depth + 1}, {values.data(), count + 1}, &pack->calendar};
  for (const rules::Expression& field : rule->traced) {
    visit(field.text(), field.evaluate(env), field.type());
  }
  for (const size_t index : rule->parameters) {
    visit(pack->parameters[index].name, values[index], pack->parameters[index].type);
  }
  const auto visit_date = [&](std::string_view name, const std::optional<Date>& d) {
    Value v;
    if (d) {
      v.day = *d;
    } else {
      v.state = Value::State::kUnrecorded;
    }
    visit(name, v, Type::of(Type::Kind::kDate));
  };
  if (rule->due) visit_date("due", due);
  if (rule->actual) visit_date("actual", actual);
}

std::vector<Finding::TraceEntry> Finding::trace() const {
  std::vector<TraceEntry> out;
  visit_trace([&](std::string_view name, const Value& value, const Type& type) {
    std::string text;
    append_value(text, value, type);
    out.push_back({std::string(name), std::move(text)});
  });
  return out;
}

void Finding::visit_parameters(
    absl::FunctionRef<void(const rules::Parameter&, const rules::Parameter::Dated&)> visit) const {
  for (const size_t index : rule->parameters) {
    const rules::Parameter& p = pack->parameters[index];
    // A dated value hangs on when the obligation arose: where the rule says when (arises) and the
    // case does not record it, no value applied, and listing the as-of date's would be a guess.
    if (p.dated() && rule->arises && !arises) continue;
    visit(p, p.in_force_on(parameters_on()));
  }
}

std::vector<Finding::ParameterUse> Finding::parameters() const {
  std::vector<ParameterUse> out;
  visit_parameters([&](const rules::Parameter& p, const rules::Parameter::Dated& value) {
    out.push_back({p.name, value.text, value.from});
  });
  return out;
}

bool Finding::has_message() const {
  // A message describes what happened; a rule that did not apply or could not be decided has none.
  return !rule->message.empty() && outcome != Outcome::kNotApplicable &&
         outcome != Outcome::kInsufficientData;
}

void Finding::append_message(std::string& out) const {
  if (!has_message()) return;
  // Left to right, each placeholder replaced where it starts and the text after it scanned on: what
  // absl::StrReplaceAll does, without building a string for each replacement.
  static constexpr std::string_view kPlaceholders[] = {"{due}", "{actual}", "{entity}",
                                                       "{margin_days}"};
  const std::string_view text = rule->message;
  size_t copied = 0;  // text[copied, at) is still to be appended
  size_t at = text.find('{');
  while (at != std::string_view::npos) {
    const std::string_view rest = text.substr(at);
    const auto* placeholder = std::find_if(std::begin(kPlaceholders), std::end(kPlaceholders),
                                           [&](std::string_view p) { return rest.starts_with(p); });
    if (placeholder == std::end(kPlaceholders)) {  // a brace of the text itself
      at = text.find('{', at + 1);
      continue;
    }
    out.append(text.substr(copied, at - copied));
    const auto date_or = [&](const std::optional<Date>& d, std::string_view otherwise) {
      if (d) {
        append_date(out, *d);
      } else {
        out += otherwise;
      }
    };
    switch (placeholder - std::begin(kPlaceholders)) {
      case 0:
        date_or(due, "not known");
        break;
      case 1:
        date_or(actual, "not recorded");
        break;
      case 2:
        append_entity_path(out);
        break;
      default:
        if (margin_days) {
          absl::StrAppend(&out, *margin_days);
        } else {
          out += "not known";
        }
        break;
    }
    copied = at + placeholder->size();
    at = text.find('{', copied);
  }
  out.append(text.substr(copied));
}

std::string Finding::message() const {
  std::string out;
  append_message(out);
  return out;
}

}  // namespace compact
