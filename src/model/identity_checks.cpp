#include "identity_checks.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

#include "absl/container/inlined_vector.h"
#include "absl/strings/str_cat.h"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/did_you_mean.hpp"
#include "compact/util/printable.hpp"
#include "entity_walk.hpp"

namespace compact {
namespace {

using json_source::Path;

// Small inline room: a case names a handful of organisations, and checking them should not allocate.
using Ids = absl::InlinedVector<std::string_view, 16>;

class IdentityChecker : public EntityWalk<IdentityChecker> {
 public:
  IdentityChecker(const Case& c, ProblemLog& log) : log_(log) {
    remember_ids(c.organisations, organisation_ids_);
    remember_ids(c.policies, policy_ids_);
  }

 private:
  friend class EntityWalk<IdentityChecker>;

  // Only references, nested entities and lists can hold ids; the walk skips every other field at
  // compile time.
  template <typename T>
  static constexpr bool visits() {
    if constexpr (requires(T t) {
                    *t;
                    t.has_value();
                  })
      return visits<typename T::value_type>();
    else
      return std::is_same_v<T, OrganisationRef> || std::is_same_v<T, PolicyRef> || Entity<T> ||
             IsList<T>::value;
  }

  template <typename E>
  static void remember_ids(const std::vector<E>& list, Ids& ids) {
    for (const E& e : list) ids.push_back(e.id);
    std::sort(ids.begin(), ids.end());
  }

  void leaf(const OrganisationRef& ref) {
    check_reference(ref.id, organisation_ids_, "organisation", "organisations");
  }
  void leaf(const PolicyRef& ref) { check_reference(ref.id, policy_ids_, "policy", "policies"); }

  template <Entity E>
  void after_list(const std::vector<E>& list) {
    if constexpr (requires { list[0].id; }) check_unique_ids(list);
  }

  void check_reference(const std::string& id, const Ids& ids, std::string_view noun,
                       std::string_view list) {
    if (std::binary_search(ids.begin(), ids.end(), std::string_view(id)) || log_.full()) return;
    std::string message = absl::StrCat("no ", to_absl(noun), " has the id \"", printable(id), "\"");
    if (std::optional<std::string> suggestion = closest_match(id, ids)) {
      absl::StrAppend(&message, "; did you mean \"", printable(*suggestion), "\"?");
    } else {
      absl::StrAppend(&message, "; add it to ", to_absl(list));
    }
    log_.error(absl::StrCat("unknown_", to_absl(noun)), std::move(message), path_);
  }

  // Sorted (id, index) pairs put repeats side by side, so even a hostile list of 100,000 entries is
  // checked in n log n.
  template <typename E>
  void check_unique_ids(const std::vector<E>& list) {
    if (list.size() < 2 || hashes_differ(list)) return;
    absl::InlinedVector<std::pair<std::string_view, size_t>, 16> ids;
    ids.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      if (!list[i].id.empty()) ids.emplace_back(list[i].id, i);
    }
    std::sort(ids.begin(), ids.end());
    for (size_t k = 1, first = 0; k < ids.size(); ++k) {
      if (ids[k].first != ids[first].first) {
        first = k;
        continue;
      }
      Path earlier(path_.begin(), path_.end());
      earlier.push_back({"", static_cast<long long>(ids[first].second)});
      path_.push_back({"", static_cast<long long>(ids[k].second)});
      path_.push_back({"id", -1});
      log_.error("duplicate_id",
                 absl::StrCat("duplicate id \"", printable(ids[k].first),
                              "\": ", json_source::to_string(earlier), " has it too"),
                 path_);
      path_.resize(path_.size() - 2);
    }
  }

  // Whether the ids' hashes all differ, and so the ids: the usual answer, found by sorting numbers
  // rather than texts. Equal hashes (a repeat, or rarely two ids that share a hash) leave the answer
  // to the exact check.
  template <typename E>
  static bool hashes_differ(const std::vector<E>& list) {
    absl::InlinedVector<size_t, 16> hashes;
    hashes.reserve(list.size());
    for (const E& e : list) {
      if (!e.id.empty()) hashes.push_back(std::hash<std::string_view>()(e.id));
    }
    std::sort(hashes.begin(), hashes.end());
    return std::adjacent_find(hashes.begin(), hashes.end()) == hashes.end();
  }

  ProblemLog& log_;
  Ids organisation_ids_;  // sorted; views of the case's ids
  Ids policy_ids_;        // likewise
};

}  // namespace

void check_identities(const Case& c, ProblemLog& log) { IdentityChecker(c, log).walk(c); }

}  // namespace compact
