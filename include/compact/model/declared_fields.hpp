#pragma once
// Fields a rule pack declares beyond the core schema. DESIGN.md: "Unknown fields are an error unless
// the pack declares them". A local Compact that records, say, the date a payment was approved adds
//
//   [fields.payment]
//   approved_on = { type = "date", description = "The invoice was approved for payment" }
//
// and case documents may then carry "approved_on" in each payment, read with these declarations, and
// rules may use payment.approved_on like any core field. Declared fields hold plain values (date,
// bool, integer, money or text); they cannot add entities, lists or references.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "compact/model/schema.hpp"

namespace compact {

struct DeclaredField {
  const EntityInfo* entity;  // the core entity it extends
  std::string name;
  FieldKind kind;  // kDate, kBool, kInteger, kMoney or kText
  std::string description;
  std::string where;  // where it was declared ("local.toml:6:1"), for messages; "" when not known
};

class FieldDeclarations {
 public:
  static constexpr size_t kMaxPerEntity = 64;

  // Declares `name` on the entity named `entity` ("payment"). Refused, with the reason, when there is
  // no such entity, the name is not an identifier, a core field has it, the kind is not a plain value,
  // the entity already has kMaxPerEntity declared fields, or it is already declared with another kind.
  // Declaring it again with the same kind is accepted and changes nothing, so that two packs may both
  // declare a field they share.
  // `where` says where the declaration was made, for later messages.
  absl::Status declare(std::string_view entity, std::string_view name, FieldKind kind,
                       std::string_view description = "", std::string_view where = "");
  // Every declaration of `other`, in its order, as declare() takes them; an error starts with the
  // place of the declaration refused, where known.
  absl::Status declare_all(const FieldDeclarations& other);

  bool empty() const { return fields_.empty(); }
  // Every declaration, in the order made.
  std::span<const DeclaredField> all() const { return fields_; }
  // The fields declared on `entity`, in order; an entity's ExtraFields follow this order.
  std::vector<const DeclaredField*> of(const EntityInfo& entity) const;
  // `name` declared on `entity`, and its position among of(entity), if declared.
  struct Place {
    const DeclaredField* field;
    size_t position;
  };
  std::optional<Place> find(const EntityInfo& entity, std::string_view name) const;
  // The field at `position` among of(entity), which must be one.
  const DeclaredField& at(const EntityInfo& entity, size_t position) const;

 private:
  // The entity, when `name` may be declared on it with `kind` (also when it already is, alike), or
  // why not.
  absl::StatusOr<const EntityInfo*> check(std::string_view entity, std::string_view name,
                                          FieldKind kind) const;

  std::vector<DeclaredField> fields_;
};

// The entity of the schema named `name` ("payment"), or an error saying there is none, with a
// suggestion.
absl::StatusOr<const EntityInfo*> entity_named(std::string_view name);

// The kinds a declared field may have, by their names in a pack.
inline constexpr std::string_view kDeclarableKinds[] = {"date", "bool", "integer", "money", "text"};
// The kind named `name`, if it is one of kDeclarableKinds.
std::optional<FieldKind> declarable_kind(std::string_view name);

}  // namespace compact
