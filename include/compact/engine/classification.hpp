#pragma once
// Whether an organisation meets a definition a pack gives, such as the Compact's definition of the
// VCSE sector: each characteristic had, lacked or not recorded. What `compact classify` prints.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compact/rules/pack.hpp"

namespace compact {

// An organisation's record against one characteristic.
enum class Holding : uint8_t {
  kHas,
  kLacks,
  kNotRecorded,  // a field the test reads is not recorded: Characteristic::missing names it
};

// The organisation against the whole definition: it meets it when it has every characteristic, does
// not when it lacks one, and the data is insufficient when it lacks none but some are not recorded.
enum class Verdict : uint8_t { kMeets, kDoesNotMeet, kInsufficientData };

std::string_view name_of(Holding holding);  // "has", "lacks", "not_recorded"
std::string_view name_of(Verdict verdict);  // "meets", "does_not_meet", "insufficient_data"

struct Classification {
  struct Characteristic {
    const rules::Characteristic* characteristic;  // its id, quote and test, in the pack
    Holding holding;
    std::vector<std::string> missing;  // for kNotRecorded: the fields ("organisation.unpaid_board")
  };
  const rules::Pack* pack;  // the pack that gives the definition
  const rules::Definition* definition;
  std::string organisation;  // its id
  Verdict verdict;
  std::vector<Characteristic> characteristics;  // in the definition's order
};

// The classifications as a JSON array, one object per organisation: {"organisation", "definition",
// "pack", "verdict", "characteristics": [{"id", "quote", "holding", "missing"}]}.
std::string to_json(const std::vector<Classification>& classifications);

}  // namespace compact
