#pragma once
// The problems found while reading one case document, capped, each placed in the text at the end.
//
// Readers report a problem with its path as steps; turning paths into lines and columns needs a walk of
// the text, so it is done once for all of them, after reading.

#include <cstddef>
#include <list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compact/model/case_json.hpp"
#include "json_source.hpp"

namespace compact {

class ProblemLog {
 public:
  ProblemLog(size_t max_problems, std::vector<Problem>& problems)
      : max_problems_(max_problems), problems_(problems) {}

  // True, counting one more dropped problem, once the cap is reached: callers check it before building
  // an expensive message (a "did you mean" over thousands of ids).
  bool full();

  void add(Problem problem, json_source::Path path);
  void error(std::string_view code, std::string message, std::span<const json_source::Step> path);
  // A problem whose path, line and column are already known.
  void add_located(Problem problem);

  // A copy of `key` that lives as long as the log, for a path step naming a key the parser will not
  // keep (an unknown field).
  std::string_view keep(std::string_view key) { return kept_keys_.emplace_back(key); }

  // Fills in each problem's line and column (none when `text` is empty), reports any dropped
  // problems, and puts them all in reading order (problems with no position last).
  void finish(std::string_view text);

 private:
  size_t max_problems_;
  std::vector<Problem>& problems_;
  std::vector<json_source::Path> paths_;  // paths_[i] is the path of problems_[i]
  // A list: its strings stay where they are as it grows, and, unlike a deque, an empty one (a log
  // of a document with no unknown field) allocates nothing.
  std::list<std::string> kept_keys_;
  size_t dropped_ = 0;
};

}  // namespace compact
