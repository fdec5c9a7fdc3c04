#include "compact/model/json_schema.hpp"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "boost/json.hpp"
#include "compact/model/case.hpp"
#include "compact/model/case_json.hpp"
#include "compact/util/absl_string_view.hpp"

namespace compact {
namespace {

namespace json = boost::json;

json::string_view js(std::string_view s) { return {s.data(), s.size()}; }

// "progress update" -> "progress_update": the entity's name under $defs.
std::string def_name(const EntityInfo& entity) {
  return absl::StrReplaceAll(to_absl(entity.name), {{" ", "_"}});
}

json::value ref(const EntityInfo& entity) {
  return {{"$ref", absl::StrCat("#/$defs/", def_name(entity))}};
}

// The schema of one field's value; optional fields (and lists) also accept null, "not recorded".
json::object field_schema(const FieldInfo& field) {
  json::object s;
  const bool nullable = field.presence == Presence::kOptional || field.kind == FieldKind::kList;
  auto type = [&](std::string_view name) {
    if (nullable) {
      s["type"] = json::array{js(name), "null"};
    } else {
      s["type"] = js(name);
    }
  };
  switch (field.kind) {
    case FieldKind::kDate:
      type("string");
      s["format"] = "date";
      s["pattern"] = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
      break;
    case FieldKind::kBool:
      type("boolean");
      break;
    case FieldKind::kInteger:
      type("integer");
      s["minimum"] = INT64_MIN;
      s["maximum"] = INT64_MAX;
      break;
    case FieldKind::kMoney:
      type("integer");
      s["minimum"] = 0;
      s["maximum"] = INT64_MAX;
      break;
    case FieldKind::kText:
      type("string");
      s["maxLength"] = ReadLimits{}.max_string_bytes;
      break;
    case FieldKind::kOrganisation:
    case FieldKind::kPolicy:
      type("string");
      s["maxLength"] = ReadLimits{}.max_string_bytes;
      break;
    case FieldKind::kEnum: {
      json::array values;
      for (std::string_view v : field.enumeration->values) values.emplace_back(js(v));
      if (nullable) values.emplace_back(nullptr);
      s["enum"] = std::move(values);
      break;
    }
    case FieldKind::kEntity:
      if (nullable) {
        s["anyOf"] = json::array{ref(*field.element), {{"type", "null"}}};
      } else {
        s = ref(*field.element).as_object();
      }
      break;
    case FieldKind::kList:
      type("array");
      s["items"] = ref(*field.element);
      s["maxItems"] = ReadLimits{}.max_list_length;
      break;
  }
  s["description"] = js(field.description);
  return s;
}

json::object entity_schema(const EntityInfo& entity, const FieldDeclarations& declared) {
  json::object properties;
  json::array required;
  for (const FieldInfo& field : entity.fields) {
    properties[js(field.name)] = field_schema(field);
    if (field.presence == Presence::kRequired && field.kind != FieldKind::kList)
      required.emplace_back(js(field.name));
  }
  for (const DeclaredField* d : declared.of(entity)) {
    properties[js(d->name)] =
        field_schema({d->name, d->kind, Presence::kOptional, d->description, nullptr, nullptr});
  }
  json::object s{
      {"type", "object"}, {"description", js(entity.description)}, {"additionalProperties", false}};
  if (!required.empty()) s["required"] = std::move(required);
  s["properties"] = std::move(properties);
  return s;
}

// Two-space indented JSON, keys in insertion order, so the generated file reads well and diffs cleanly.
void write(const json::value& v, int indent, std::string& out) {
  const std::string pad(static_cast<size_t>(indent + 2), ' ');
  if (const json::object* o = v.if_object(); o && !o->empty()) {
    out += "{\n";
    size_t i = 0;
    for (const json::key_value_pair& member : *o) {
      absl::StrAppend(&out, pad, json::serialize(json::string(member.key())), ": ");
      write(member.value(), indent + 2, out);
      absl::StrAppend(&out, ++i < o->size() ? ",\n" : "\n");
    }
    absl::StrAppend(&out, std::string(static_cast<size_t>(indent), ' '), "}");
  } else {
    out += json::serialize(v);
  }
}

}  // namespace

std::string case_json_schema(const FieldDeclarations& declared) {
  const std::vector<const EntityInfo*> entities = entities_from(Case::kInfo);
  json::object defs;
  for (const EntityInfo* entity : entities) {
    defs[def_name(*entity)] = entity_schema(*entity, declared);
  }
  const json::value schema = {{"$schema", "https://json-schema.org/draft/2020-12/schema"},
                              {"title", "Compact Engine case document"},
                              {"description",
                               "Generated from the schema by `compact schema --json-schema`; do "
                               "not edit by hand. Dates must also be "
                               "real calendar dates in 1900-01-01..2199-12-31, ids unique within "
                               "each list, organisation references "
                               "listed in organisations: `compact validate` checks those too."},
                              {"$ref", "#/$defs/case"},
                              {"$defs", std::move(defs)}};
  std::string out;
  write(schema, 0, out);
  out += "\n";
  return out;
}

}  // namespace compact
