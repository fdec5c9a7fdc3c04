#pragma once
// A depth-first walk over a typed case for the checks that run on it (identity_checks.cpp,
// case_checks.cpp), keeping the JSON path of where it is, so that a problem is reported where a
// case document would have it. A check derives from EntityWalk<Check> and supplies `leaf(value)` for
// the values it looks at; it may also supply `visits<T>()` (whether fields of type T are walked at
// all, so that the walk skips the rest at compile time), `after_fields(entity)` and
// `after_list(list)`.

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <optional>
#include <type_traits>
#include <vector>

#include "compact/model/case.hpp"
#include "json_source.hpp"

namespace compact {

// The most steps a path into an entity of `info` takes: one for a field (its own or a declared one),
// one more for each entity it goes into and two for each list entry (the list, then the index).
constexpr size_t deepest_path(const EntityInfo& info) {
  size_t deepest = 1;
  for (const FieldInfo& field : info.fields) {
    if (field.kind == FieldKind::kEntity)
      deepest = std::max(deepest, 1 + deepest_path(*field.element));
    if (field.kind == FieldKind::kList)
      deepest = std::max(deepest, 2 + deepest_path(*field.element));
  }
  return deepest;
}

// A walk's path, in a plain array as deep as any path into a case: a step costs a store, and the
// code of a walk, which runs once per case over every entity type, stays small.
class WalkPath {
 public:
  static constexpr size_t kMaxSteps = deepest_path(Case::kInfo);

  void push_back(json_source::Step step) {
    assert(size_ < kMaxSteps);
    steps_[size_++] = step;
  }
  void pop_back() { --size_; }
  json_source::Step& back() { return steps_[size_ - 1]; }
  void resize(size_t size) { size_ = size; }  // only ever smaller
  size_t size() const { return size_; }
  // A range, as std::span takes it.
  const json_source::Step* begin() const { return steps_.data(); }
  const json_source::Step* end() const { return steps_.data() + size_; }

 private:
  std::array<json_source::Step, kMaxSteps> steps_;
  size_t size_ = 0;
};

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

  WalkPath path_;

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
