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

}  // namespace compact
