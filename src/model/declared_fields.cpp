#include "compact/model/declared_fields.hpp"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "compact/model/case.hpp"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/article.hpp"
#include "compact/util/did_you_mean.hpp"
#include "compact/util/identifier.hpp"
#include "compact/util/printable.hpp"

namespace compact {

std::optional<FieldKind> declarable_kind(std::string_view name) {
  if (std::find(std::begin(kDeclarableKinds), std::end(kDeclarableKinds), name) ==
      std::end(kDeclarableKinds)) {
    return std::nullopt;
  }
  for (const FieldKind kind : {FieldKind::kDate, FieldKind::kBool, FieldKind::kInteger,
                               FieldKind::kMoney, FieldKind::kText}) {
    if (field_kind_name(kind) == name) return kind;
  }
  return std::nullopt;
}

absl::StatusOr<const EntityInfo*> entity_named(std::string_view name) {
  const std::vector<const EntityInfo*> entities = entities_from(Case::kInfo);
  std::vector<std::string_view> names;
  for (const EntityInfo* e : entities) {
    if (e->identifier == name) return e;
    names.push_back(e->identifier);
  }
  std::string message =
      absl::StrCat("there is no entity \"", printable(name), "\" to declare fields on");
  if (std::optional<std::string> suggestion = closest_match(name, names)) {
    absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
  } else {
    absl::StrAppend(&message, "; the entities are ",
                    absl::StrJoin(names, ", ", append_string_view));
  }
  return absl::InvalidArgumentError(message);
}

absl::Status FieldDeclarations::declare(std::string_view entity_name, std::string_view name,
                                        FieldKind kind, std::string_view description,
                                        std::string_view where) {
  absl::StatusOr<const EntityInfo*> checked = check(entity_name, name, kind);
  if (!checked.ok()) return checked.status();
  const EntityInfo& entity = **checked;
  if (find(entity, name)) return absl::OkStatus();  // declared before, alike
  fields_.push_back(
      {&entity, std::string(name), kind, std::string(description), std::string(where)});
  return absl::OkStatus();
}

absl::StatusOr<const EntityInfo*> FieldDeclarations::check(std::string_view entity_name,
                                                           std::string_view name,
                                                           FieldKind kind) const {
  absl::StatusOr<const EntityInfo*> found = entity_named(entity_name);
  if (!found.ok()) return found.status();
  const EntityInfo& entity = **found;
  if (!is_identifier(name)) {
    return absl::InvalidArgumentError(
        absl::StrCat("a declared field's name is lower-case letters, digits and _, starting with a "
                     "letter or _: \"",
                     printable(name), "\" cannot be written in an expression"));
  }
  if (entity.field(name)) {
    return absl::InvalidArgumentError(absl::StrCat(to_absl(entity.name), ".", to_absl(name),
                                                   " is already a field of the core schema"));
  }
  if (!declarable_kind(field_kind_name(kind))) {
    return absl::InvalidArgumentError(
        absl::StrCat("a declared field is a date, bool, integer, money or text, not \"",
                     to_absl(field_kind_name(kind)), "\""));
  }
  if (std::optional<Place> earlier = find(entity, name)) {
    const DeclaredField& before = *earlier->field;
    if (before.kind == kind) return &entity;
    return absl::InvalidArgumentError(
        absl::StrCat(to_absl(entity.name), ".", to_absl(name), " is already declared as \"",
                     to_absl(field_kind_name(before.kind)), "\"",
                     before.where.empty() ? "" : absl::StrCat(" (at ", before.where, ")"),
                     "; it cannot also be \"", to_absl(field_kind_name(kind)), "\""));
  }
  if (of(entity).size() == kMaxPerEntity) {
    return absl::InvalidArgumentError(absl::StrCat(with_article(entity.name), " may have at most ",
                                                   kMaxPerEntity, " declared fields"));
  }
  return &entity;
}

absl::Status FieldDeclarations::declare_all(const FieldDeclarations& other) {
  for (const DeclaredField& field : other.fields_) {
    absl::Status declared =
        declare(field.entity->identifier, field.name, field.kind, field.description, field.where);
    if (!declared.ok() && !field.where.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(field.where, ": ", declared.message()));
    }
    if (!declared.ok()) return declared;
  }
  return absl::OkStatus();
}

std::vector<const DeclaredField*> FieldDeclarations::of(const EntityInfo& entity) const {
  std::vector<const DeclaredField*> out;
  for (const DeclaredField& field : fields_) {
    if (field.entity == &entity) out.push_back(&field);
  }
  return out;
}

std::optional<FieldDeclarations::Place> FieldDeclarations::find(const EntityInfo& entity,
                                                                std::string_view name) const {
  size_t position = 0;
  for (const DeclaredField& field : fields_) {
    if (field.entity != &entity) continue;
    if (field.name == name) return Place{&field, position};
    ++position;
  }
  return std::nullopt;
}

const DeclaredField& FieldDeclarations::at(const EntityInfo& entity, size_t position) const {
  for (const DeclaredField& field : fields_) {
    if (field.entity == &entity && position-- == 0) return field;
  }
  return fields_.front();  // unreachable for a position of(entity) has: keeps the function total
}

}  // namespace compact
