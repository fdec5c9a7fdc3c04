// Running a plan. Values live on the C++ stack and point into the case and the plan, so an evaluation
// allocates nothing; an unrecorded field or a date out of range travels up as the value's state.

#include <algorithm>

#include "compact/rules/expression.hpp"
#include "plan.hpp"

namespace compact::rules {
namespace {

using Kind = Type::Kind;
using State = Value::State;

Value unknown(State state) {
  Value v;
  v.state = state;
  return v;
}

Value boolean(bool b) {
  Value v;
  v.boolean = b;
  return v;
}

Value number(int64_t n) {
  Value v;
  v.number = n;
  return v;
}

Value day(Date d) {
  Value v;
  v.day = d;
  return v;
}

// The state of a result that needs both operands: failed wins over unrecorded, which wins over known.
State combined(State a, State b) {
  if (a == State::kFailed || b == State::kFailed) return State::kFailed;
  if (a == State::kUnrecorded || b == State::kUnrecorded) return State::kUnrecorded;
  return State::kKnown;
}

template <typename T>
Value from_status(const absl::StatusOr<T>& result, Value (*make)(T)) {
  return result.ok() ? make(*result) : unknown(State::kFailed);
}

bool compare(CompareOp op, const Value& a, const Value& b, Kind kind) {
  int order = 0;  // <0, 0, >0 as a is before, equal to or after b
  switch (kind) {
    case Kind::kDate:
      order = a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
      break;
    case Kind::kText:
      order = a.text.compare(b.text);
      break;
    case Kind::kBool:
      order = static_cast<int>(a.boolean) - static_cast<int>(b.boolean);
      break;
    default:  // integer, money, enum
      order = a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
      break;
  }
  switch (op) {
    case CompareOp::kEqual:
      return order == 0;
    case CompareOp::kNotEqual:
      return order != 0;
    case CompareOp::kLess:
      return order < 0;
    case CompareOp::kLessOrEqual:
      return order <= 0;
    case CompareOp::kGreater:
      return order > 0;
    case CompareOp::kGreaterOrEqual:
      return order >= 0;
  }
  return false;
}

// A field as read from the model, as a Value of the field's type.
Value from_field(const FieldValue& field, Kind kind) {
  Value v;
  switch (kind) {
    case Kind::kDate:
      v.day = field.day;
      break;
    case Kind::kBool:
      v.boolean = field.number != 0;
      break;
    case Kind::kText:
      v.text = field.text;
      break;
    case Kind::kEntity:
    case Kind::kList:
      v.entity.object = field.object;
      v.entity.access = field.access;
      break;
    default:  // integer, money, enum
      v.number = field.number;
      break;
  }
  return v;
}

class Evaluator {
 public:
  Evaluator(const Expression::Plan& plan, const Environment& environment, Unrecorded* unrecorded)
      : plan_(plan),
        environment_(environment),
        calendar_(environment.calendar ? *environment.calendar : Calendar::england_and_wales()),
        unrecorded_(unrecorded) {
    std::copy_n(environment.entities.begin(), std::min(environment.entities.size(), kMaxSlots),
                slots_.begin());
  }

  Value run(int node) { return eval(node); }

  // For latest_start(x, p) at the root: whether counting back from x, x - p, gives another day. The
  // operands are the ones the evaluation itself computed, so nothing is worked out twice.
  bool boundary_sensitive() const { return boundary_sensitive_; }

 private:
  const PlanNode& node(int i) const { return plan_.nodes[static_cast<size_t>(i)]; }

  void note(uint16_t path) {
    if (!unrecorded_) return;
    const auto end = unrecorded_->fields.begin() + std::min(unrecorded_->count, Unrecorded::kMax);
    if (std::find(unrecorded_->fields.begin(), end, path) != end) return;
    if (unrecorded_->count < Unrecorded::kMax) unrecorded_->fields[unrecorded_->count] = path;
    ++unrecorded_->count;
  }

  Value eval(int index) {
    const PlanNode& n = node(index);
    switch (n.op) {
      case Op::kConstant:
        return n.constant;
      case Op::kSlot:
        return slot(n);
      case Op::kParameter:
        return environment_.parameters[n.index];
      case Op::kField:
      case Op::kDeclared:
        return field(n);
      case Op::kRecorded:
        // Whether it is recorded is itself known: the field is not noted as missing.
        return boolean(quietly(n.a).known());
      case Op::kNot: {
        Value v = eval(n.a);
        if (v.known()) v.boolean = !v.boolean;
        return v;
      }
      case Op::kAnd:
      case Op::kOr:
        return logical(n);
      case Op::kAny:
      case Op::kAll:
        return quantified(n);
      case Op::kMin:
      case Op::kMax:
        return extreme(n);
      case Op::kIf: {
        const Value condition = eval(n.args[0]);
        if (!condition.known()) return condition;
        return eval(condition.boolean ? n.args[1] : n.args[2]);
      }
      case Op::kDefault: {
        // An unrecorded first value is expected here: it is not noted as missing.
        const Value v = quietly(n.args[0]);
        return v.state == State::kUnrecorded ? eval(n.args[1]) : v;
      }
      case Op::kCount: {
        const Value list = eval(n.a);
        return list.known()
                   ? number(static_cast<int64_t>(list.entity.access->list_size(list.entity.object)))
                   : list;
      }
      default:
        return binary(n);
    }
  }

  // Evaluates without noting unrecorded fields.
  Value quietly(int index) {
    Unrecorded* outer = unrecorded_;
    unrecorded_ = nullptr;
    const Value v = eval(index);
    unrecorded_ = outer;
    return v;
  }

  Value field(const PlanNode& n) {
    // Most fields belong to a bound entity (payment.paid_on): read its slot without a call of eval.
    const PlanNode& owner_node = node(n.a);
    const Value owner = owner_node.op == Op::kSlot ? slot(owner_node) : eval(n.a);
    if (!owner.known()) return owner;
    if (!owner.entity.object) {  // an entity left unbound by the caller: treated as not recorded
      note(n.path);
      return unknown(State::kUnrecorded);
    }
    const FieldValue value = n.op == Op::kField
                                 ? owner.entity.access->fields[n.index](owner.entity.object)
                                 : owner.entity.access->declared(owner.entity.object, n.index,
                                                                 n.constant.text, n.field_kind);
    if (!value.recorded) {
      note(n.path);
      return unknown(State::kUnrecorded);
    }
    return from_field(value, n.type.kind);
  }

  Value slot(const PlanNode& n) const {
    // A scope's binding carries its access in the plan; an any()/all() element, the list's.
    Value v;
    v.entity.object = slots_[n.index];
    v.entity.access = n.constant.entity.access ? n.constant.entity.access : slot_access_[n.index];
    return v;
  }

  Value logical(const PlanNode& n) {
    const bool is_and = n.op == Op::kAnd;
    const Value a = eval(n.a);
    // false decides an `and`, true an `or`, whatever the other side is.
    if (a.known() && a.boolean != is_and) return a;
    const Value b = eval(n.b);
    if (b.known() && b.boolean != is_and) return b;
    if (a.known() && b.known()) return boolean(is_and);
    return unknown(combined(a.state, b.state));
  }

  Value quantified(const PlanNode& n) {
    const bool is_all = n.op == Op::kAll;
    const Value list = eval(n.a);
    if (!list.known()) return list;
    // The slot is this any()'s alone while it runs: nested ones have slots of their own, and a later
    // one sets it afresh, so nothing need be restored.
    const size_t size = list.entity.access->list_size(list.entity.object);
    slot_access_[n.index] = list.entity.access;
    State state = State::kKnown;
    Value result = boolean(is_all);
    for (size_t i = 0; i < size; ++i) {
      slots_[n.index] = list.entity.access->list_element(list.entity.object, i);
      const Value v = eval(n.b);
      if (!v.known()) {
        state = combined(state, v.state);
      } else if (v.boolean != is_all) {  // a false decides all(), a true any()
        result = v;
        state = State::kKnown;
        break;
      }
    }
    return state == State::kKnown ? result : unknown(state);
  }

  Value extreme(const PlanNode& n) {
    const bool is_min = n.op == Op::kMin;
    Value best;
    State state = State::kKnown;
    bool first = true;
    for (const int arg : n.args) {
      const Value v = eval(arg);
      state = combined(state, v.state);
      if (!v.known()) continue;
      const bool better =
          first || compare(is_min ? CompareOp::kLess : CompareOp::kGreater, v, best, n.type.kind);
      if (better) best = v;
      first = false;
    }
    return state == State::kKnown ? best : unknown(state);
  }

  Value binary(const PlanNode& n) {
    // Both sides are evaluated even when one is unknown, so that every unrecorded field is named.
    const Value a = eval(n.a);
    const Value b = eval(n.b);
    const State state = combined(a.state, b.state);
    if (state != State::kKnown) return unknown(state);
    switch (n.op) {
      case Op::kCompare:
        return boolean(compare(n.compare, a, b, node(n.a).type.kind));
      case Op::kAddPeriod:
        return from_status(calendar_.add(a.day, b.period), &day);
      case Op::kSubtractPeriod:
        return from_status(calendar_.add(a.day, -b.period), &day);
      case Op::kAddNumber:
        return number(a.number + b.number);
      case Op::kSubtractNumber:
        return number(a.number - b.number);
      case Op::kLatestStart: {
        const absl::StatusOr<Date> latest = calendar_.latest_start(a.day, b.period);
        if (&n == &node(plan_.root)) {
          const absl::StatusOr<Date> naive = calendar_.add(a.day, -b.period);
          boundary_sensitive_ = naive.ok() != latest.ok() || (naive.ok() && *naive != *latest);
        }
        return from_status(latest, &day);
      }
      case Op::kWorkingDays:
        return from_status(calendar_.working_days_between(a.day, b.day), &number);
      case Op::kDays:
        return number((b.day - a.day).days());
      default:
        return unknown(State::kFailed);
    }
  }

  const Expression::Plan& plan_;
  const Environment& environment_;
  const Calendar& calendar_;
  Unrecorded* unrecorded_;
  bool boundary_sensitive_ = false;
  // Left uninitialised on purpose: an evaluation is a few hundred nanoseconds, and zeroing these took
  // a good part of it. Slots of the scope are copied in; any()/all() slots are set before they are
  // read (the compiler gives them indexes past the scope's).
  std::array<const void*, kMaxSlots> slots_;
  std::array<const EntityAccess*, kMaxSlots> slot_access_;
};

}  // namespace

Value Expression::evaluate(const Environment& environment, Unrecorded* unrecorded,
                           bool* boundary_sensitive) const {
  Evaluator evaluator(*plan_, environment, unrecorded);
  const Value result = evaluator.run(plan_->root);
  if (boundary_sensitive) *boundary_sensitive = evaluator.boundary_sensitive();
  return result;
}

}  // namespace compact::rules
