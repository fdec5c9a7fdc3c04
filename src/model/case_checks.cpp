// check_case: what read_case checks once it has read a document, for a case built in C++, where
// nothing was read. Dates are checked here as the reader checks each on arrival.

#include "case_checks.hpp"

#include "absl/strings/str_cat.h"
#include "compact/model/case_json.hpp"
#include "consistency.hpp"
#include "entity_walk.hpp"
#include "identity_checks.hpp"
#include "problem_log.hpp"

namespace compact {
namespace {

// Every recorded date, core and declared, within the supported range.
class DateChecker : public EntityWalk<DateChecker> {
 public:
  explicit DateChecker(ProblemLog& log) : log_(log) {}

 private:
  friend class EntityWalk<DateChecker>;

  void leaf(const Date& day) {
    const absl::Status status = check_supported(day);
    if (status.ok()) return;
    log_.error(absl::IsOutOfRange(status) ? "out_of_range" : "invalid_date",
               std::string(status.message()), path_);
  }
  template <typename T>
  void leaf(const T&) {}  // text, numbers, enums and references hold no date

  template <Entity E>
  void after_fields(const E& entity) {
    for (const ExtraValue& value : entity.extra) {
      if (value.kind != FieldKind::kDate) continue;
      path_.push_back({value.name, -1});
      leaf(value.day);
      path_.pop_back();
    }
  }

  ProblemLog& log_;
};

}  // namespace

void check_case(const Case& c, ProblemLog& log) {
  DateChecker(log).walk(c);
  check_identities(c, log);
  for (Inconsistency& inconsistency : check_consistency(c)) {
    log.add(std::move(inconsistency.problem), std::move(inconsistency.path));
  }
}

std::vector<Problem> check_case(const Case& c, size_t max_problems) {
  std::vector<Problem> problems;
  ProblemLog log(max_problems, problems);
  check_case(c, log);
  log.finish("");
  return problems;
}

}  // namespace compact
