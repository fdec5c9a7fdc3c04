#pragma once
// Reading any field of any entity by its index in the schema, without knowing the entity's C++ type:
// what the rule engine's compiled plans and the C ABI use to read a case.
//
// Each entity has a table of readers, one per field, built at compile time from member_pointer<I>()
// (schema.hpp): reading a field is one indirect call, with no lookup by name and no allocation.

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "compact/model/case.hpp"

namespace compact {

struct EntityAccess;

// One field's value as read. Which member holds it depends on the field's kind:
//   date          `day`              bool     `number` (0 or 1)    integer, money  `number` (pence)
//   text, organisation, policy  `text` (the id for references)     enum  `number` (the value's index)
//   entity        `object`, with `access` for its fields
//   list          `object` (the std::vector), with `access` for its elements
// Views and pointers point into the case read, and live as long as it.
struct FieldValue {
  bool recorded = false;  // false when absent or null; a list is always recorded (absent is empty)
  Date day;
  int64_t number = 0;
  std::string_view text;
  const void* object = nullptr;
  const EntityAccess* access = nullptr;
};

using FieldReader = FieldValue (*)(const void* entity);
// A date field, read as itself: dates are what rules read most, and an optional date comes back in a
// register, where a FieldValue is 56 bytes built in memory.
using DateReader = std::optional<Date> (*)(const void* entity);

// Where a scalar field (a date, bool, integer, money or enum) lives in its entity, for code that
// reads it without a call (rules compiled to machine code): its byte offset; its size, 1 for a bool
// or an enum's index, 4 for a date's day number, 8 for an integer or money in pence; and whether it
// is a std::optional, whose flag saying it is there follows the value as this library lays it out.
struct FieldLocation {
  std::ptrdiff_t offset;
  uint8_t size;
  bool optional;
};
// Measured once, on an entity made for the purpose.
using FieldLocator = FieldLocation (*)();

struct EntityAccess {
  const EntityInfo* info;
  std::span<const FieldReader> fields;  // fields[i] reads info->fields[i]
  std::span<const DateReader> dates;  // dates[i] reads info->fields[i] when it is a date, else null
  // locations[i] locates info->fields[i] when it is a scalar, else null.
  std::span<const FieldLocator> locations;
  // For a std::vector of this entity: its size, and a pointer to its element i.
  size_t (*list_size)(const void* list);
  const void* (*list_element)(const void* list, size_t i);
  // The declared field `name` of kind `kind` (declared_fields.hpp), expected at `position` in the
  // entity's `extra`: found there at once when the case was read with the declarations the position
  // came from, and by its name otherwise. Not recorded when absent, or held with another kind.
  FieldValue (*declared)(const void* entity, size_t position, std::string_view name,
                         FieldKind kind);
};

// What EntityAccess::declared reads, given the entity's `extra`.
FieldValue read_declared(const ExtraFields& extra, size_t position, std::string_view name,
                         FieldKind kind);

template <Entity E>
const EntityAccess& access_of();

namespace field_access_internal {

template <typename T>
void read_into(const T& value, FieldValue& out) {
  if constexpr (std::is_same_v<T, Date>) {
    out.day = value;
  } else if constexpr (std::is_same_v<T, bool>) {
    out.number = value ? 1 : 0;
  } else if constexpr (std::is_same_v<T, int64_t>) {
    out.number = value;
  } else if constexpr (std::is_same_v<T, Money>) {
    out.number = value.pence;
  } else if constexpr (std::is_same_v<T, std::string>) {
    out.text = value;
  } else if constexpr (std::is_same_v<T, OrganisationRef> || std::is_same_v<T, PolicyRef>) {
    out.text = value.id;
  } else if constexpr (std::is_enum_v<T>) {
    out.number = static_cast<int64_t>(value);
  } else if constexpr (Entity<T>) {
    out.object = &value;
    out.access = &access_of<T>();
  } else {
    static_assert(IsList<T>::value);
    out.object = &value;
    out.access = &access_of<typename T::value_type>();
  }
}

template <typename T>
FieldValue read(const T& member) {
  FieldValue out;
  out.recorded = true;
  read_into(member, out);
  return out;
}
template <typename T>
FieldValue read(const std::optional<T>& member) {
  if (!member) return {};
  return read(*member);
}

template <Entity E, size_t I>
FieldValue read_field(const void* entity) {
  return read(static_cast<const E*>(entity)->*E::template member_pointer<I>());
}

template <Entity E, size_t... I>
constexpr std::array<FieldReader, sizeof...(I)> readers(std::index_sequence<I...>) {
  return {&read_field<E, I>...};
}

template <Entity E, size_t I>
std::optional<Date> read_date(const void* entity) {
  return static_cast<const E*>(entity)->*E::template member_pointer<I>();
}

template <Entity E, size_t I>
using Member =
    std::remove_cvref_t<decltype(std::declval<const E&>().*E::template member_pointer<I>())>;

template <typename T>
constexpr bool kScalar =
    std::is_same_v<T, Date> || std::is_same_v<T, bool> || std::is_same_v<T, int64_t> ||
    std::is_same_v<T, Money> || std::is_enum_v<T>;

template <Entity E, size_t I>
constexpr DateReader date_reader() {
  using T = typename Unwrapped<Member<E, I>>::Type;
  if constexpr (std::is_same_v<T, Date>) {
    return &read_date<E, I>;
  } else {
    return nullptr;
  }
}

// Measured on an entity made for the purpose, once: a member's offset is the same in every object.
template <Entity E, size_t I>
FieldLocation field_location() {
  static const E probe{};
  const auto& member = probe.*E::template member_pointer<I>();
  using T = typename Unwrapped<Member<E, I>>::Type;
  static_assert(sizeof(T) == 1 || sizeof(T) == 4 || sizeof(T) == 8);
  return {reinterpret_cast<const char*>(&member) - reinterpret_cast<const char*>(&probe),
          static_cast<uint8_t>(sizeof(T)), !std::is_same_v<Member<E, I>, T>};
}

template <Entity E, size_t I>
constexpr FieldLocator field_locator() {
  if constexpr (kScalar<typename Unwrapped<Member<E, I>>::Type>) {
    return &field_location<E, I>;
  } else {
    return nullptr;
  }
}

template <Entity E, size_t... I>
constexpr std::array<DateReader, sizeof...(I)> date_readers(std::index_sequence<I...>) {
  return {date_reader<E, I>()...};
}

template <Entity E, size_t... I>
constexpr std::array<FieldLocator, sizeof...(I)> field_locators(std::index_sequence<I...>) {
  return {field_locator<E, I>()...};
}

template <Entity E>
FieldValue declared(const void* entity, size_t position, std::string_view name, FieldKind kind) {
  return read_declared(static_cast<const E*>(entity)->extra, position, name, kind);
}

template <Entity E>
size_t list_size(const void* list) {
  return static_cast<const std::vector<E>*>(list)->size();
}
template <Entity E>
const void* list_element(const void* list, size_t i) {
  return &(*static_cast<const std::vector<E>*>(list))[i];
}

}  // namespace field_access_internal

template <Entity E>
const EntityAccess& access_of() {
  constexpr auto kIndexes = std::make_index_sequence<std::size(E::kFields)>();
  static constexpr auto kReaders = field_access_internal::readers<E>(kIndexes);
  static constexpr auto kDates = field_access_internal::date_readers<E>(kIndexes);
  static constexpr auto kLocations = field_access_internal::field_locators<E>(kIndexes);
  static constexpr EntityAccess kAccess{&E::kInfo,
                                        kReaders,
                                        kDates,
                                        kLocations,
                                        &field_access_internal::list_size<E>,
                                        &field_access_internal::list_element<E>,
                                        &field_access_internal::declared<E>};
  return kAccess;
}

}  // namespace compact
