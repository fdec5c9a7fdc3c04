#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"
#include "compact/engine/report.hpp"
#include "compact/util/absl_string_view.hpp"

namespace compact {
namespace {

using rules::Type;
using rules::Value;

std::string format_value(const Value& v, const Type& type) {
  if (v.state == Value::State::kUnrecorded) return "not recorded";
  if (v.state == Value::State::kFailed) return "outside the supported dates";
  switch (type.kind) {
    case Type::Kind::kBool:
      return v.boolean ? "true" : "false";
    case Type::Kind::kInteger:
      return absl::StrCat(v.number);
    case Type::Kind::kMoney:
      return absl::StrFormat("%s£%d.%02d", v.number < 0 ? "-" : "", std::abs(v.number) / 100,
                             std::abs(v.number) % 100);
    case Type::Kind::kDate:
      return format_date(v.day);
    case Type::Kind::kPeriod:
      return to_string(v.period);
    case Type::Kind::kText:
      return std::string(v.text);
    case Type::Kind::kEnum:
      return std::string(type.enumeration->values[static_cast<size_t>(v.number)]);
    case Type::Kind::kEntity:
    case Type::Kind::kList:
      break;
  }
  return "";
}

// The date the finding's dated parameters were chosen by.
Date parameters_on(const Finding& f) { return f.arises.value_or(f.as_of); }

}  // namespace

std::string Finding::entity_path() const {
  if (depth == 0) return "case";
  std::string path;
  for (size_t i = 0; i < depth; ++i) {
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
    absl::StrAppend(&path, "[", key.empty() ? absl::StrCat(indexes[i]) : std::string(key), "]");
  }
  return path;
}

std::vector<std::string> Finding::missing_fields() const {
  std::vector<std::string> out;
  for (size_t i = 0; i < missing_count; ++i) {
    const std::string& path = missing[i].expression->field_paths()[missing[i].field];
    if (std::find(out.begin(), out.end(), path) == out.end()) out.push_back(path);
  }
  return out;
}

std::vector<Finding::TraceEntry> Finding::trace() const {
  std::vector<TraceEntry> out;
  std::vector<Value> values;
  for (const rules::Parameter& p : pack->parameters) {
    values.push_back(p.in_force_on(parameters_on(*this)).value);
  }
  Value as_of_value;
  as_of_value.day = as_of;
  values.push_back(as_of_value);
  const rules::Environment env{{entities.data(), depth + 1}, values, &pack->calendar};
  for (const rules::Expression& field : rule->traced) {
    out.push_back({std::string(field.text()), format_value(field.evaluate(env), field.type())});
  }
  for (const ParameterUse& p : parameters()) out.push_back({p.name, p.value});
  if (rule->due) out.push_back({"due", due ? format_date(*due) : "not known"});
  if (rule->actual) out.push_back({"actual", actual ? format_date(*actual) : "not recorded"});
  return out;
}

std::vector<Finding::ParameterUse> Finding::parameters() const {
  std::vector<ParameterUse> out;
  for (const size_t index : rule->parameters) {
    const rules::Parameter& p = pack->parameters[index];
    const rules::Parameter::Dated& value = p.in_force_on(parameters_on(*this));
    out.push_back({p.name, value.text, value.from});
  }
  return out;
}

std::string Finding::message() const {
  if (rule->message.empty()) return "";
  return absl::StrReplaceAll(
      rule->message, {{"{due}", due ? format_date(*due) : "not known"},
                      {"{actual}", actual ? format_date(*actual) : "not recorded"},
                      {"{entity}", entity_path()},
                      {"{margin_days}", margin_days ? absl::StrCat(*margin_days) : "not known"}});
}

}  // namespace compact
