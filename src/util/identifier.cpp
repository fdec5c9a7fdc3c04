#include "compact/util/identifier.hpp"

#include <algorithm>

namespace compact {

namespace {
bool lower(char c) { return c >= 'a' && c <= 'z'; }
bool digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

bool is_identifier(std::string_view name) {
  return !name.empty() && (lower(name[0]) || name[0] == '_') &&
         std::all_of(name.begin(), name.end(),
                     [](char c) { return lower(c) || digit(c) || c == '_'; });
}

}  // namespace compact
