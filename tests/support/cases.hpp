#pragma once
// Building test cases in C++, field by field.

#include <optional>
#include <string>

#include "compact/model/case.hpp"

namespace compact::testing {

// An invoice with the dates given (either may be unrecorded).
Payment invoice(std::string id, std::optional<Date> received, std::optional<Date> paid);

// An organisation with only its id and sector recorded.
Organisation organisation(std::string id, Sector sector);

// Grant G1, expected to start on 1 April 2016 and end on 31 March 2019, inside the Stockton
// Compact's window; the rest unrecorded.
Commission commission();

// A case of `m`, commissioned by the council "sbc" from the VCSE organisation "vcs".
Case with_commission(const Commission& m);

}  // namespace compact::testing
