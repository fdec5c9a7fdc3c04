#pragma once
// Suggestions for misspelt names ("wokring days" -> "working days"), shared by every parser that
// reports an unknown word: period units now, field names and rule ids later.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace compact {

// The edit distance between `a` and `b`: insertions, deletions, substitutions and swaps of two
// neighbouring letters, each one edit (optimal string alignment: no letter is edited twice), with
// ASCII letters compared case-insensitively.
int edit_distance(std::string_view a, std::string_view b);

// edit_distance(a, b) when it is at most `limit`, otherwise limit + 1: found without finishing the table
// when the answer is plainly larger, which keeps "did you mean" cheap over thousands of candidates.
int bounded_edit_distance(std::string_view a, std::string_view b, int limit);

// The candidate closest to `word`, if it is close enough to be a plausible typo: at most a third of
// the word's length in edits (and at least one edit allowed). Ties go to the earlier candidate.
std::optional<std::string> closest_match(std::string_view word,
                                         std::span<const std::string_view> candidates);

}  // namespace compact
