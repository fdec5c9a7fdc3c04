#include "compact/model/schema.hpp"

namespace compact {

std::string_view field_kind_name(FieldKind kind) {
  switch (kind) {
    case FieldKind::kDate:
      return "date";
    case FieldKind::kBool:
      return "bool";
    case FieldKind::kInteger:
      return "integer";
    case FieldKind::kMoney:
      return "money";
    case FieldKind::kText:
      return "text";
    case FieldKind::kEnum:
      return "enum";
    case FieldKind::kPolicy:
      return "policy";
    case FieldKind::kOrganisation:
      return "organisation";
    case FieldKind::kEntity:
      return "entity";
    case FieldKind::kList:
      return "list";
  }
  return "unknown";
}

const FieldInfo* EntityInfo::field(std::string_view field_name) const {
  for (const FieldInfo& f : fields) {
    if (f.name == field_name) return &f;
  }
  return nullptr;
}

namespace {

void collect(const EntityInfo& entity, std::vector<const EntityInfo*>& out) {
  for (const EntityInfo* seen : out) {
    if (seen == &entity) return;
  }
  out.push_back(&entity);
  for (const FieldInfo& field : entity.fields) {
    if (field.element) collect(*field.element, out);
  }
}

}  // namespace

std::vector<const EntityInfo*> entities_from(const EntityInfo& root) {
  std::vector<const EntityInfo*> out;
  collect(root, out);
  return out;
}

}  // namespace compact
