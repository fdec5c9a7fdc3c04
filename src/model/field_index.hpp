#pragma once
// Finding an entity's field by name in constant time, for the reader: every key of a case document is
// looked up once, and a commission has dozens of fields. The table is built at compile time.

#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>

#include "compact/model/schema.hpp"

namespace compact {

// Open addressing with linear probing over at least twice as many slots as fields, so that a probe
// sequence is short. The hash reads four bytes and the length, not the whole key: field names differ
// early or late ("start_on", "end_on"), and the one comparison after the probe settles equality.
class FieldIndex {
 public:
  static constexpr uint8_t kEmpty = 0xFF;
  static constexpr size_t kNotFound = ~size_t{0};

  constexpr FieldIndex(std::span<const FieldInfo> fields, std::span<const uint8_t> slots)
      : fields_(fields), slots_(slots), mask_(slots.size() - 1) {}

  static constexpr size_t slots_for(size_t fields) { return std::bit_ceil(2 * fields + 1); }

  // a == b, inline: a field name is short, and a call of memcmp costs more than comparing it a word
  // at a time, the last word overlapping the one before (bytes 0-7 and 4-11 of 12; 0-3 and 2-5 of 6).
  static constexpr bool same(std::string_view a, std::string_view b) {
    const size_t n = a.size();
    if (n != b.size()) return false;
    if (std::is_constant_evaluated()) return a == b;
    if (n < 4) {  // "id", and no call of memcmp for it
      for (size_t i = 0; i < n; ++i) {
        if (a[i] != b[i]) return false;
      }
      return true;
    }
    const auto equal_at = [&]<typename Word>(size_t i) {
      Word x, y;
      std::memcpy(&x, a.data() + i, sizeof x);
      std::memcpy(&y, b.data() + i, sizeof y);
      return x == y;
    };
    if (n < 8)
      return equal_at.template operator()<uint32_t>(0) &&
             equal_at.template operator()<uint32_t>(n - 4);
    for (size_t i = 0; i + 8 < n; i += 8) {
      if (!equal_at.template operator()<uint64_t>(i)) return false;
    }
    return equal_at.template operator()<uint64_t>(n - 8);
  }

  static constexpr size_t hash(std::string_view key) {
    if (key.empty()) return 0;
    const auto byte = [&](size_t i) { return static_cast<size_t>(static_cast<uint8_t>(key[i])); };
    const size_t n = key.size();
    return (n * 0x9E3779B1u) ^ (byte(0) * 0x85EBCA77u) ^ (byte(n / 2) * 0xC2B2AE3Du) ^
           (byte(n - 1) * 0x27D4EB2Fu) ^ (byte(n > 2 ? n - 3 : 0) * 0x165667B1u);
  }

  // The index of the field named `key` in `fields`, or kNotFound.
  constexpr size_t find(std::string_view key) const {
    for (size_t slot = hash(key) & mask_;; slot = (slot + 1) & mask_) {
      const uint8_t field = slots_[slot];
      if (field == kEmpty) return kNotFound;
      if (same(fields_[field].name, key)) return field;
    }
  }

 private:
  std::span<const FieldInfo> fields_;
  std::span<const uint8_t> slots_;
  size_t mask_;
};

// The slots of E's FieldIndex.
template <typename E>
constexpr auto field_slots() {
  constexpr size_t kFields = std::size(E::kFields);
  static_assert(kFields < FieldIndex::kEmpty, "a slot holds a field's index in one byte");
  std::array<uint8_t, FieldIndex::slots_for(kFields)> slots{};
  slots.fill(FieldIndex::kEmpty);
  for (size_t i = 0; i < kFields; ++i) {
    size_t slot = FieldIndex::hash(E::kFields[i].name) & (slots.size() - 1);
    while (slots[slot] != FieldIndex::kEmpty) slot = (slot + 1) & (slots.size() - 1);
    slots[slot] = static_cast<uint8_t>(i);
  }
  return slots;
}

// Bit i set when E's field i must be present in a document (a list never must: absent, it is empty).
template <typename E>
constexpr uint64_t required_fields() {
  static_assert(std::size(E::kFields) <= 64, "a reader keeps one bit per field");
  uint64_t mask = 0;
  for (size_t i = 0; i < std::size(E::kFields); ++i) {
    const FieldInfo& field = E::kFields[i];
    if (field.presence == Presence::kRequired && field.kind != FieldKind::kList)
      mask |= uint64_t{1} << i;
  }
  return mask;
}

}  // namespace compact
