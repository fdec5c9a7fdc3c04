#include "line_batch.hpp"

namespace compact::cli {

size_t answer_lines(std::istream& in, std::ostream& out, const LineAnswer& answer) {
  constexpr size_t kFlushAt = 1 << 16;
  std::string line;
  std::string buffer;
  size_t failures = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    absl::StatusOr<std::string> result = answer(line);
    if (result.ok()) {
      buffer += *result;
    } else {
      ++failures;
      buffer += "error: ";
      buffer.append(result.status().message().data(), result.status().message().size());
    }
    buffer += '\n';
    if (buffer.size() >= kFlushAt) {
      out << buffer;
      buffer.clear();
    }
  }
  out << buffer;
  out.flush();
  return failures;
}

}  // namespace compact::cli
