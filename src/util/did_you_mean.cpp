#include "compact/util/did_you_mean.hpp"

#include <algorithm>
#include <vector>

namespace compact {
namespace {

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

int edit_distance(std::string_view a, std::string_view b) {
  return bounded_edit_distance(a, b, static_cast<int>(std::max(a.size(), b.size())));
}

int bounded_edit_distance(std::string_view a, std::string_view b, int limit) {
  // Every edit changes the length by at most one, so a length difference alone can exceed the limit.
  const size_t longer = std::max(a.size(), b.size());
  if (longer - std::min(a.size(), b.size()) > static_cast<size_t>(limit)) return limit + 1;
  // One row of the Wagner-Fischer table at a time: row[j] is the distance between the first i letters
  // of a and the first j letters of b. Distances never shrink from one row to the next, so once a whole
  // row exceeds the limit, the answer does too.
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    int smallest = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const int substitute = diagonal + (fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitute});
      smallest = std::min(smallest, row[j]);
    }
    if (smallest > limit) return limit + 1;
  }
  return std::min(row[b.size()], limit + 1);
}

std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates) {
  const int allowed = std::max(1, static_cast<int>(word.size()) / 3);
  std::optional<std::string> best;
  int best_distance = allowed + 1;
  for (std::string_view candidate : candidates) {
    const int distance = bounded_edit_distance(word, candidate, best_distance - 1);
    if (distance < best_distance) {
      best_distance = distance;
      best = std::string(candidate);
    }
  }
  return best;
}

}  // namespace compact
