// check_case: what read_case checks once it has read a document, for a case built in C++, where
// nothing was read. Dates are checked here as the reader checks each on arrival.

#include "absl/strings/str_cat.h"
#include "compact/model/case_json.hpp"
#include "consistency.hpp"
#include "identity_checks.hpp"
#include "problem_log.hpp"

namespace compact {
namespace {

// Every recorded date, core and declared, within the supported range.
class DateChecker {
 public:
  explicit DateChecker(ProblemLog& log) : log_(log) {}

  template <Entity E>
  void walk(const E& entity) {
    E::visit_fields(entity, [&](const FieldInfo& field, const auto& member) {
      path_.push_back({field.name, -1});
      check(member);
      path_.pop_back();
    });
    for (const ExtraValue& value : entity.extra) {
      if (value.kind != FieldKind::kDate) continue;
      path_.push_back({value.name, -1});
      check(value.day);
      path_.pop_back();
    }
  }

 private:
  template <typename T>
  void check(const std::optional<T>& value) {
    if (value) check(*value);
  }
  template <Entity E>
  void check(const E& entity) {
    walk(entity);
  }
  template <Entity E>
  void check(const std::vector<E>& list) {
    for (size_t i = 0; i < list.size(); ++i) {
      path_.push_back({"", static_cast<long long>(i)});
      walk(list[i]);
      path_.pop_back();
    }
  }
  void check(const Date& day) {
    const absl::Status status = check_supported(day);
    if (status.ok()) return;
    log_.error(absl::IsOutOfRange(status) ? "out_of_range" : "invalid_date",
               std::string(status.message()), path_);
  }
  template <typename T>
  void check(const T&) {}  // text, numbers, enums and references hold no date

  ProblemLog& log_;
  json_source::WorkingPath path_;
};

}  // namespace

std::vector<Problem> check_case(const Case& c, size_t max_problems) {
  std::vector<Problem> problems;
  ProblemLog log(max_problems, problems);
  DateChecker(log).walk(c);
  check_identities(c, log);
  for (Inconsistency& inconsistency : check_consistency(c)) {
    log.add(std::move(inconsistency.problem), std::move(inconsistency.path));
  }
  log.finish("");
  return problems;
}

}  // namespace compact
