// The schema of a case through the C ABI: the model's EntityInfo and FieldInfo, and the packs'
// declared fields, as C structs. Every string handed out is a NUL-terminated literal of the schema's
// or a string of the engine's declarations, so the table holds pointers only.

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "handles.hpp"

namespace compact::c_api {

SchemaTable schema_table(const FieldDeclarations& declared) {
  const std::vector<const EntityInfo*> entities = entities_from(Case::kInfo);
  const auto index_of = [&](const EntityInfo* entity) {
    return static_cast<size_t>(std::find(entities.begin(), entities.end(), entity) -
                               entities.begin());
  };
  SchemaTable table;
  for (const EntityInfo* entity : entities) {
    SchemaTable::Entity& row = table.entities.emplace_back();
    for (const FieldInfo& field : entity->fields) {
      SchemaTable::Field& out = row.fields.emplace_back();
      out.info = {sizeof(compact_field_info),
                  field.name.data(),
                  field_kind_name(field.kind).data(),
                  field.presence == Presence::kRequired,
                  0,
                  field.description.data(),
                  field.element != nullptr,
                  field.element ? index_of(field.element) : 0,
                  nullptr,
                  0};
      if (field.enumeration) {
        for (std::string_view value : field.enumeration->values) out.values.push_back(value.data());
        out.info.value_count = out.values.size();
      }
    }
    for (const DeclaredField* field : declared.of(*entity)) {
      row.fields.push_back(
          {{sizeof(compact_field_info), field->name.c_str(), field_kind_name(field->kind).data(), 0,
            1, field->description.c_str(), 0, 0, nullptr, 0},
           {}});
    }
    row.info = {sizeof(compact_entity_info), entity->name.data(), entity->identifier.data(),
                entity->description.data(), row.fields.size()};
  }
  return table;
}

}  // namespace compact::c_api

namespace {

using compact::c_api::fail_with;

// The entity at `i`, or nullptr after failing with NOT_FOUND.
const compact::c_api::SchemaTable::Entity* entity_at(const compact_engine* engine, size_t i,
                                                     compact_error** error) {
  const auto& entities = engine->schema.entities;
  if (i < entities.size()) return &entities[i];
  fail_with(error, COMPACT_NOT_FOUND, [&] {
    return "entity " + std::to_string(i) + " of a schema of " + std::to_string(entities.size());
  });
  return nullptr;
}

}  // namespace

extern "C" {

size_t compact_engine_entity_count(const compact_engine* engine) {
  return engine ? engine->schema.entities.size() : 0;
}

compact_status compact_engine_entity(const compact_engine* engine, size_t entity,
                                     compact_entity_info* out, compact_error** error) {
  COMPACT_REQUIRE(error, engine);
  COMPACT_REQUIRE(error, out);
  const auto* row = entity_at(engine, entity, error);
  if (!row) return COMPACT_NOT_FOUND;
  using Info = compact_entity_info;
  return compact::c_api::fill(
      row->info, out,
      {COMPACT_FIELD_END(Info, name), COMPACT_FIELD_END(Info, identifier),
       COMPACT_FIELD_END(Info, description), COMPACT_FIELD_END(Info, field_count)},
      "compact_entity_info", error);
}

compact_status compact_engine_field(const compact_engine* engine, size_t entity, size_t field,
                                    compact_field_info* out, compact_error** error) {
  COMPACT_REQUIRE(error, engine);
  COMPACT_REQUIRE(error, out);
  const auto* row = entity_at(engine, entity, error);
  if (!row) return COMPACT_NOT_FOUND;
  if (field >= row->fields.size()) {
    return fail_with(error, COMPACT_NOT_FOUND, [&] {
      return "field " + std::to_string(field) + " of " + row->info.name + ", which has " +
             std::to_string(row->fields.size());
    });
  }
  const auto& chosen = row->fields[field];
  compact_field_info info = chosen.info;
  info.values = chosen.values.empty() ? nullptr : chosen.values.data();
  using Info = compact_field_info;
  return compact::c_api::fill(
      info, out,
      {COMPACT_FIELD_END(Info, name), COMPACT_FIELD_END(Info, kind),
       COMPACT_FIELD_END(Info, required), COMPACT_FIELD_END(Info, declared),
       COMPACT_FIELD_END(Info, description), COMPACT_FIELD_END(Info, has_element),
       COMPACT_FIELD_END(Info, element), COMPACT_FIELD_END(Info, values),
       COMPACT_FIELD_END(Info, value_count)},
      "compact_field_info", error);
}

}  // extern "C"
