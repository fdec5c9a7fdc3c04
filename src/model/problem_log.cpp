#include "problem_log.hpp"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "compact/util/text_position.hpp"

namespace compact {

bool ProblemLog::full() {
  if (problems_.size() < max_problems_) return false;
  ++dropped_;
  return true;
}

void ProblemLog::add(Problem problem, json_source::Path path) {
  if (full()) return;
  problem.path = json_source::to_string(path);
  problems_.push_back(std::move(problem));
  paths_.push_back(std::move(path));
}

void ProblemLog::error(std::string_view code, std::string message,
                       std::span<const json_source::Step> path) {
  add({Problem::Severity::kError, std::string(code), "", 0, 0, std::move(message)},
      json_source::Path(path.begin(), path.end()));
}

void ProblemLog::add_located(Problem problem) {
  if (full()) return;
  problems_.push_back(std::move(problem));
  paths_.emplace_back();
}

void ProblemLog::finish(std::string_view text) {
  std::vector<size_t> unplaced;  // problems still without a position
  std::vector<json_source::Path> paths;
  for (size_t i = 0; i < problems_.size(); ++i) {
    if (problems_[i].line != 0) continue;
    unplaced.push_back(i);
    paths.push_back(paths_[i]);
  }
  // With no text (a case built in C++: check_case) there is no line or column to give.
  if (!unplaced.empty() && !text.empty()) {
    const std::vector<std::pair<int, int>> places =
        lines_and_columns(text, json_source::locate(text, paths));
    for (size_t k = 0; k < unplaced.size(); ++k) {
      std::tie(problems_[unplaced[k]].line, problems_[unplaced[k]].column) = places[k];
    }
  }
  if (dropped_ > 0) {
    problems_.push_back(
        {Problem::Severity::kError, "too_many_problems", "", 0, 0,
         absl::StrCat(dropped_, " more problems not listed (the limit is ", max_problems_, ")")});
  }
  std::stable_sort(problems_.begin(), problems_.end(), [](const Problem& a, const Problem& b) {
    return std::tuple(a.line == 0, a.line, a.column) < std::tuple(b.line == 0, b.line, b.column);
  });
}

}  // namespace compact
