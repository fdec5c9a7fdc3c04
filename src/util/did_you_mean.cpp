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
  // The optimal string alignment distance, a row of the table at a time: row[j] is the distance
  // between the first i letters of a and the first j of b, and swapping two neighbouring letters
  // ("wokring") costs one edit, as a typist makes it. A cell reaches back at most two rows, and by at
  // least one edit, so once two rows in a row exceed the limit, every later row does too.
  std::vector<int> before(b.size() + 1);    // row i - 2
  std::vector<int> previous(b.size() + 1);  // row i - 1
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  int previous_smallest = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    before.swap(previous);
    previous.swap(row);
    row[0] = static_cast<int>(i);
    int smallest = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool same = fold(a[i - 1]) == fold(b[j - 1]);
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) && fold(a[i - 2]) == fold(b[j - 1])) {
        row[j] = std::min(row[j], before[j - 2] + 1);
      }
      smallest = std::min(smallest, row[j]);
    }
    if (smallest > limit && previous_smallest > limit) return limit + 1;
    previous_smallest = smallest;
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
