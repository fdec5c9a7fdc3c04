#pragma once
// Batch mode for CLI commands: one query per line of input, one answer per line of output, in
// order.

#include <functional>
#include <istream>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace compact::cli {

using LineAnswer = std::function<absl::StatusOr<std::string>(std::string_view line)>;

// Answers every line of `in` (a trailing "\r" is dropped), writing the answer or "error: <why>" on
// its own line. Returns the number of lines that failed. Output is buffered, so a million lines run
// in one process at the speed of the answers themselves.
size_t answer_lines(std::istream& in, std::ostream& out, const LineAnswer& answer);

}  // namespace compact::cli
