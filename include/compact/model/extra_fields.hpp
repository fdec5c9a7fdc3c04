#pragma once
// The values of an entity's pack-declared fields (declared_fields.hpp): data a local Compact adds to
// the core schema without a change to C++. Every entity carries them in its `extra` member.

#include <cstdint>
#include <string>
#include <vector>

#include "compact/calendar/date.hpp"

namespace compact {

enum class FieldKind : uint8_t;

// One recorded value of a declared field of one entity. The name and kind travel with the value, so
// that a case is whole on its own: it can be written out, compared and read by rules without the
// declarations at hand.
struct ExtraValue {
  std::string name;
  FieldKind kind{};    // the first kind (a date) until set
  Date day;            // kDate
  int64_t number = 0;  // kBool (0 or 1), kInteger, kMoney (pence)
  std::string text;    // kText

  friend bool operator==(const ExtraValue&, const ExtraValue&) = default;
};

// An entity's recorded declared fields, in the order the declarations list them. A field absent or
// null has no entry, so that both read the same, and a document of empty objects costs no more with
// many declared fields than with none.
using ExtraFields = std::vector<ExtraValue>;

}  // namespace compact
