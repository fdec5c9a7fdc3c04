#pragma once
// The run-time description of the Compact entities: every field's name, type, presence and meaning.
//
// Each entity is written once, as a list of fields in an X-macro (see organisation.hpp and the others);
// COMPACT_ENTITY turns that one list into the C++ struct, its FieldInfo table and a visitor over its
// members, so the types, the schema and the JSON codec can never disagree. The rule compiler, the C
// ABI, the CLI and the docs read the schema; nothing keeps a second list by hand.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "compact/calendar/date.hpp"
#include "compact/model/extra_fields.hpp"

namespace compact {

enum class FieldKind : uint8_t {
  kDate,          // ISO YYYY-MM-DD, within the supported range
  kBool,          // true or false
  kInteger,       // a whole number
  kMoney,         // a whole number of pence, never negative
  kText,          // a string
  kEnum,          // one of a fixed list of strings
  kOrganisation,  // the id of an entry in the case's organisations
  kPolicy,        // the id of an entry in the case's policies
  kEntity,        // one nested entity (an object)
  kList,          // a list of entities
};

// "date", "bool", "integer", "money", "text", "enum", "organisation", "policy", "entity", "list".
std::string_view field_kind_name(FieldKind kind);

enum class Presence : uint8_t {
  kRequired,  // the entity makes no sense without it (ids, kinds)
  kOptional,  // absent or null: "not recorded"
};

struct EnumInfo {
  std::string_view name;  // "approach"
  std::span<const std::string_view> values;
};

struct EntityInfo;

struct FieldInfo {
  std::string_view name;
  FieldKind kind;
  Presence presence;
  std::string_view description;
  const EnumInfo* enumeration;  // for kEnum
  const EntityInfo* element;    // for kEntity and kList: the entity held or listed
};

struct EntityInfo {
  std::string_view name;  // "payment", "performance issue"
  std::string_view description;
  std::span<const FieldInfo> fields;
  // The name as one word, an underscore for each space ("performance_issue"): what rule packs
  // write in a `for` path, an expression and a [fields.*] table.
  std::string_view identifier;

  // The field named `name`, or nullptr.
  const FieldInfo* field(std::string_view name) const;
};

// `root` and every entity reachable from it through entity and list fields, each once, in the order a
// reader of the schema meets them (depth first, fields in order).
std::vector<const EntityInfo*> entities_from(const EntityInfo& root);

// An amount of money in pence (£1 = 100), so that sums are exact.
struct Money {
  int64_t pence = 0;
  friend bool operator==(Money, Money) = default;
};

// The id of an organisation listed in the same case.
struct OrganisationRef {
  std::string id;
  friend bool operator==(const OrganisationRef&, const OrganisationRef&) = default;
};

// The id of a policy listed in the same case.
struct PolicyRef {
  std::string id;
  friend bool operator==(const PolicyRef&, const PolicyRef&) = default;
};

// Specialised for each enum by COMPACT_ENUM: kInfo lists its JSON names in enumerator order.
template <typename E>
struct EnumTraits;

template <typename T>
struct IsList : std::false_type {};
template <typename T>
struct IsList<std::vector<T>> : std::true_type {};

template <typename T>
concept Entity = requires {
  T::kInfo;
};

template <typename T>
constexpr FieldKind field_kind_of() {
  if constexpr (std::is_same_v<T, Date>)
    return FieldKind::kDate;
  else if constexpr (std::is_same_v<T, bool>)
    return FieldKind::kBool;
  else if constexpr (std::is_same_v<T, int64_t>)
    return FieldKind::kInteger;
  else if constexpr (std::is_same_v<T, Money>)
    return FieldKind::kMoney;
  else if constexpr (std::is_same_v<T, std::string>)
    return FieldKind::kText;
  else if constexpr (std::is_same_v<T, OrganisationRef>)
    return FieldKind::kOrganisation;
  else if constexpr (std::is_same_v<T, PolicyRef>)
    return FieldKind::kPolicy;
  else if constexpr (std::is_enum_v<T>)
    return FieldKind::kEnum;
  else if constexpr (Entity<T>)
    return FieldKind::kEntity;
  else {
    static_assert(
        IsList<T>::value,
        "a field is a date, bool, integer, money, text, enum, organisation, entity or list");
    return FieldKind::kList;
  }
}

template <typename T>
constexpr FieldInfo field_info(std::string_view name, Presence presence,
                               std::string_view description) {
  const EnumInfo* enumeration = nullptr;
  const EntityInfo* element = nullptr;
  if constexpr (std::is_enum_v<T>) enumeration = &EnumTraits<T>::kInfo;
  if constexpr (Entity<T>) element = &T::kInfo;
  if constexpr (IsList<T>::value) element = &T::value_type::kInfo;
  return {name, field_kind_of<T>(), presence, description, enumeration, element};
}

// How a field is held: required fields and lists as themselves (an absent list is empty), optional
// fields as std::optional (absent and null both mean "not recorded").
template <typename T, Presence P>
using Stored =
    std::conditional_t<P == Presence::kRequired || IsList<T>::value, T, std::optional<T>>;

// The field's type from its member's: T for a T or a std::optional<T>.
template <typename T>
struct Unwrapped {
  using Type = T;
};
template <typename T>
struct Unwrapped<std::optional<T>> {
  using Type = T;
};

// An entity's name with an underscore for each space, and its terminating zero: what
// EntityInfo::identifier views.
template <size_t N>
constexpr std::array<char, N> identifier_of(const char (&name)[N]) {
  std::array<char, N> out{};
  for (size_t i = 0; i < N; ++i) out[i] = name[i] == ' ' ? '_' : name[i];
  return out;
}

// The JSON name of an enum value, e.g. "grant" for Approach::kGrant.
template <typename E>
std::string_view enum_name(E value) {
  return EnumTraits<E>::kInfo.values[static_cast<size_t>(value)];
}

// The enum value with JSON name `name`, if there is one.
template <typename E>
std::optional<E> enum_value(std::string_view name) {
  const auto& values = EnumTraits<E>::kInfo.values;
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i] == name) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace compact

// COMPACT_ENUM(Approach, "approach", VALUES) with VALUES(X) = X(kGrant, "grant") X(kContract, "contract")...
// defines enum class Approach and its EnumTraits. Use inside namespace compact.
#define COMPACT_ENUM(Type, json_name, VALUES)                                  \
  enum class Type : uint8_t { VALUES(COMPACT_ENUMERATOR_) };                   \
  template <>                                                                  \
  struct EnumTraits<Type> {                                                    \
    static constexpr std::string_view kNames[] = {VALUES(COMPACT_ENUM_NAME_)}; \
    static constexpr EnumInfo kInfo{json_name, kNames};                        \
  };
#define COMPACT_ENUMERATOR_(enumerator, text) enumerator,
#define COMPACT_ENUM_NAME_(enumerator, text) text,

// COMPACT_ENTITY(Payment, "payment", "description", FIELDS) with FIELDS(X) = X(name, Type, presence,
// "description") ... defines struct Payment: one member per field, kFields and kInfo (the schema), and
// visit_fields(self, visitor), which calls visitor(const FieldInfo&, member) for each field in order, and
// member_pointer<I>(), the pointer to member of field I (field_access.hpp builds on it). Its `extra`
// member holds the fields a pack declares (declared_fields.hpp). Use inside namespace compact.
#define COMPACT_ENTITY(Type, json_name, entity_description, FIELDS)                              \
  struct Type {                                                                                  \
    using EntityType = Type;                                                                     \
    FIELDS(COMPACT_FIELD_MEMBER_)                                                                \
    ExtraFields extra;                                                                           \
    static constexpr FieldInfo kFields[] = {FIELDS(COMPACT_FIELD_INFO_)};                        \
    static constexpr auto kIdentifier = ::compact::identifier_of(json_name);                     \
    static constexpr EntityInfo kInfo{                                                           \
        json_name, entity_description, kFields, {kIdentifier.data(), kIdentifier.size() - 1}};   \
    template <typename Self, typename Visitor>                                                   \
    static void visit_fields(Self& self, Visitor&& visitor) {                                    \
      size_t index = 0;                                                                          \
      FIELDS(COMPACT_FIELD_VISIT_)                                                               \
    }                                                                                            \
    template <size_t I>                                                                          \
    static constexpr auto member_pointer() {                                                     \
      FIELDS(COMPACT_FIELD_POINTER_) { static_assert(I < std::size(kFields), "no such field"); } \
    }                                                                                            \
    friend bool operator==(const Type&, const Type&) = default;                                  \
  };
// Value-initialised, so that a required enum of an entity built in C++ holds its first value, never
// an indeterminate one.
#define COMPACT_FIELD_MEMBER_(name, Type, presence, description) \
  ::compact::Stored<Type, ::compact::Presence::presence> name{};
#define COMPACT_FIELD_INFO_(name, Type, presence, description) \
  ::compact::field_info<Type>(#name, ::compact::Presence::presence, description),
#define COMPACT_FIELD_VISIT_(name, Type, presence, description) \
  visitor(kFields[index++], self.name);
#define COMPACT_FIELD_POINTER_(field, Type, presence, description) \
  if constexpr (kFields[I].name == std::string_view(#field))       \
    return &EntityType::field;                                     \
  else
