#pragma once
// A depth-first walk over a typed case for the checks that run on it (identity_checks.cpp,
// case_checks.cpp), keeping the JSON path of where it is, so that a problem is reported where a
// case document would have it. A check derives from EntityWalk<Check> and supplies `leaf(value)` for
// the values it looks at; it may also supply `visits<T>()` (whether fields of type T are walked at
// all, so that the walk skips the rest at compile time), `after_fields(entity)` and
// `after_list(list)`.

#include <optional>
#include <type_traits>
#include <vector>

#include "compact/model/case.hpp"
#include "json_source.hpp"

namespace compact {

template <typename Check>
class EntityWalk {
 public:
  template <Entity E>
  void walk(const E& entity) {
    E::visit_fields(entity, [&](const FieldInfo& field, const auto& member) {
      if constexpr (Check::template visits<std::decay_t<decltype(member)>>()) {
        path_.push_back({field.name, -1});
        visit(member);
        path_.pop_back();
      }
    });
    check().after_fields(entity);
  }

 protected:
  template <typename T>
  static constexpr bool visits() {
    return true;
  }
  template <Entity E>
  void after_fields(const E&) {}
  template <Entity E>
  void after_list(const std::vector<E>&) {}

  json_source::WorkingPath path_;

 private:
  Check& check() { return static_cast<Check&>(*this); }

  template <typename T>
  void visit(const std::optional<T>& value) {
    if (value) visit(*value);
  }
  template <Entity E>
  void visit(const E& entity) {
    walk(entity);
  }
  template <Entity E>
  void visit(const std::vector<E>& list) {
    for (size_t i = 0; i < list.size(); ++i) {
      path_.push_back({"", static_cast<long long>(i)});
      walk(list[i]);
      path_.pop_back();
    }
    check().after_list(list);
  }
  template <typename T>
  void visit(const T& value) {
    check().leaf(value);
  }
};

}  // namespace compact
