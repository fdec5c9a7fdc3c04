#pragma once
// A compiled expression: a tree of typed operations in one array, with every name already resolved to
// a slot, a parameter or a field index. compiler.cpp builds it; evaluator.cpp runs it.

#include <cstdint>
#include <deque>
#include <string>
#include <vector>

#include "compact/rules/expression.hpp"
#include "syntax.hpp"

namespace compact::rules {

// Slots hold the scope's bound entities, then one per any()/all() nested inside another.
inline constexpr size_t kMaxSlots = 16;

enum class Op : uint8_t {
  kConstant,   // `constant`
  kSlot,       // the entity the scope binds to slot `index` (Environment::entities)
  kElement,    // the element an any()/all() has in slot `index`
  kParameter,  // parameter `index`
  kField,      // field `index` of the entity `a`; field_paths[path] names it
  kDeclared,   // declared field `constant.text` of kind `field_kind`, at `index` in `a`'s extra
  kRecorded,   // `a` (a field) is recorded
  kNot,        // not a
  kAnd,        // a and b (Kleene: false wins over unknown)
  kOr,         // a or b (Kleene: true wins over unknown)
  kCompare,    // a `compare` b
  kAddPeriod,  // date a + period b
  kSubtractPeriod,  // date a - period b
  kAddNumber,       // a + b, integers or money
  kSubtractNumber,  // a - b
  kLatestStart,     // latest_start(a, b)
  kWorkingDays,     // working_days(a, b)
  kDays,            // days(a, b)
  kCount,           // count(a)
  kAny,             // any(a, b): b with each element of a in slot `index`
  kAll,             // all(a, b)
  kMin,             // min(args)
  kMax,             // max(args)
  kIf,              // if(args[0], args[1], args[2])
  kDefault,         // default(a, b): a, or b where a is not recorded
  kBlank,           // blank(a): text a is empty or white space
};

class Evaluator;
struct PlanNode;
// What runs a node: chosen for the node's operation and types by prepare(), once.
using Run = Value (*)(Evaluator& evaluator, const PlanNode& node);

// The `path` of a parameter that is always set: never named as unrecorded.
inline constexpr uint16_t kUnnamed = 0xFFFF;

struct PlanNode {
  PlanNode(Op o, Type t) : op(o), type(t) {}

  Op op;
  Type type;
  CompareOp compare = CompareOp::kEqual;
  int a = -1;
  int b = -1;
  uint32_t index = 0;
  uint16_t path = 0;       // kField, kDeclared; kParameter: kUnnamed unless it may be unset
  FieldKind field_kind{};  // kDeclared
  std::vector<int> args;   // kMin, kMax, kIf, kDefault
  Value constant;
  Run run = nullptr;
  // kField of an entity the scope binds: the owner's slot and access, so that reading the field
  // needs no visit to the owner's node.
  uint32_t owner_slot = 0;
  const EntityAccess* owner_access = nullptr;
};

struct Expression::Plan {
  std::string text;
  std::vector<PlanNode> nodes;
  int root = -1;
  std::vector<std::string> field_paths;
  std::vector<uint32_t> parameters;           // read by kParameter nodes, each once
  std::vector<const EntityAccess*> bindings;  // the scope's, by slot
  std::deque<std::string> texts;              // text literals, which constants view
};

// The date operations of the language, shared by the interpreter and native code (native_code.cpp).
// A date worked out beyond 1900-2199 gives a failed value.
Value date_plus(const Calendar& calendar, Date day, Period period);
// latest_start(day, period). With `boundary_sensitive`, also whether counting back naively, day -
// period, gives another day: DESIGN.md's boundary-sensitive results.
Value latest_start_value(const Calendar& calendar, Date day, Period period,
                         bool* boundary_sensitive);
Value working_days_value(const Calendar& calendar, Date from, Date to);

// Gives each node of a compiled plan its run (evaluator.cpp). Called once, when compiling is done.
void prepare(Expression::Plan& plan);

// `error` (from expression_error) with "column N: " before its message and the line of `text` with a
// caret after it; error_reason() still gives the message alone.
absl::Status with_excerpt(const absl::Status& error, std::string_view text);
std::string error_reason(const absl::Status& status);

}  // namespace compact::rules
