#include "compact/model/schema_reference.hpp"

#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "compact/model/case.hpp"
#include "compact/util/absl_string_view.hpp"

namespace compact {
namespace {

std::string type_of(const FieldInfo& field) {
  switch (field.kind) {
    case FieldKind::kEnum:
      return absl::StrCat("one of ", absl::StrJoin(field.enumeration->values, ", ",
                                                   [](std::string* out, std::string_view v) {
                                                     absl::StrAppend(out, "`", to_absl(v), "`");
                                                   }));
    case FieldKind::kEntity:
      return absl::StrCat("a ", to_absl(field.element->name), " (object)");
    case FieldKind::kList:
      return absl::StrCat("list of ", to_absl(field.element->name));
    case FieldKind::kDate:
      return "date (YYYY-MM-DD)";
    case FieldKind::kMoney:
      return "money (whole pence)";
    case FieldKind::kOrganisation:
      return "organisation id";
    case FieldKind::kPolicy:
      return "policy id";
    default:
      return std::string(field_kind_name(field.kind));
  }
}

}  // namespace

std::string case_field_reference(const FieldDeclarations& declared) {
  const std::vector<const EntityInfo*> entities = entities_from(Case::kInfo);
  std::string out =
      "# Case document fields\n\n"
      "Generated from the schema by `compact schema`; do not edit by hand. Every date is an ISO "
      "`YYYY-MM-DD` string in 1900-01-01..2199-12-31. An optional field that is absent or `null` "
      "is "
      "\"not recorded\". Unknown fields are errors, except those a rule pack declares "
      "([packs.md](packs.md#fields)).\n";
  for (const EntityInfo* entity : entities) {
    absl::StrAppend(&out, "\n## ", to_absl(entity->name), "\n\n", to_absl(entity->description),
                    ".\n\n| field | type | required | description |\n|---|---|---|---|\n");
    for (const FieldInfo& field : entity->fields) {
      absl::StrAppend(&out, "| `", to_absl(field.name), "` | ", type_of(field), " | ",
                      field.presence == Presence::kRequired ? "yes" : "no", " | ",
                      to_absl(field.description), " |\n");
    }
    for (const DeclaredField* d : declared.of(*entity)) {
      const FieldInfo field{d->name,        d->kind, Presence::kOptional,
                            d->description, nullptr, nullptr};
      // A pack's text may hold a "|", which would end the cell.
      const std::string description = absl::StrReplaceAll(d->description, {{"|", "\\|"}});
      absl::StrAppend(&out, "| `", d->name, "` | ", type_of(field), " | no | ", description,
                      description.empty() ? "" : " ", "(declared",
                      d->where.empty() ? "" : absl::StrCat(" at ", d->where), ") |\n");
    }
  }
  return out;
}

}  // namespace compact
