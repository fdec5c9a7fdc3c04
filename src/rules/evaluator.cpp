// Running a plan. prepare() gives each node the function that runs it, chosen for its operation and
// types, so running a node is one indirect call into a few instructions rather than a switch over
// every operation and every type. Values live on the C++ stack and point into the case and the
// plan, so an evaluation allocates nothing; an unrecorded field or a date out of range travels up as
// the value's state.

#include <algorithm>

#include "compact/rules/expression.hpp"
#include "compact/util/blank.hpp"
#include "plan.hpp"

namespace compact::rules {

// One evaluation's state. The runs below are its only users, so its members are open to them.
class Evaluator {
 public:
  Value eval(int index) {
    const PlanNode& n = plan.nodes[static_cast<size_t>(index)];
    return n.run(*this, n);
  }

  // Evaluates without noting unrecorded fields.
  Value quietly(int index) {
    Unrecorded* outer = unrecorded;
    unrecorded = nullptr;
    const Value v = eval(index);
    unrecorded = outer;
    return v;
  }

  void note(uint16_t path) {
    if (!unrecorded) return;
    const auto end = unrecorded->fields.begin() + std::min(unrecorded->count, Unrecorded::kMax);
    if (std::find(unrecorded->fields.begin(), end, path) != end) return;
    if (unrecorded->count < Unrecorded::kMax) unrecorded->fields[unrecorded->count] = path;
    ++unrecorded->count;
  }

  const Calendar& calendar() const {
    return environment.calendar ? *environment.calendar : Calendar::england_and_wales();
  }

  // The entity the scope binds to `slot`; a slot the caller left out reads as an unbound entity.
  const void* bound(uint32_t slot) const {
    return slot < environment.entities.size() ? environment.entities[slot] : nullptr;
  }

  // The elements the any()s and all()s now running are at, innermost first: each lives in its
  // own run's frame, so an evaluation sets up nothing for them.
  struct Element {
    uint32_t slot;
    const void* object;
    const EntityAccess* access;
    const Element* outer;
  };

  const Expression::Plan& plan;
  const Environment& environment;
  Unrecorded* unrecorded;
  const Element* elements = nullptr;
  // For latest_start(x, p) at the root: whether counting back from x, x - p, gives another day.
  bool boundary_sensitive = false;
};

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

// How a value of each kind is held: the runs below are chosen for these five.
Kind held_as(Kind kind) {
  switch (kind) {
    case Kind::kDate:
    case Kind::kBool:
    case Kind::kText:
      return kind;
    case Kind::kEntity:
    case Kind::kList:
      return Kind::kEntity;
    default:  // integer, money, enum, period
      return Kind::kInteger;
  }
}

// The run `Step<K>::run` for the way `kind` is held.
template <template <Kind> typename Step>
Run for_kind(Kind kind) {
  switch (held_as(kind)) {
    case Kind::kDate:
      return &Step<Kind::kDate>::run;
    case Kind::kBool:
      return &Step<Kind::kBool>::run;
    case Kind::kText:
      return &Step<Kind::kText>::run;
    case Kind::kEntity:
      return &Step<Kind::kEntity>::run;
    default:
      return &Step<Kind::kInteger>::run;
  }
}

// A field as read from the model, as a Value held as K.
template <Kind K>
Value from_field(const FieldValue& field) {
  Value v;
  if constexpr (K == Kind::kDate) {
    v.day = field.day;
  } else if constexpr (K == Kind::kBool) {
    v.boolean = field.number != 0;
  } else if constexpr (K == Kind::kText) {
    v.text = field.text;
  } else if constexpr (K == Kind::kEntity) {
    v.entity.object = field.object;
    v.entity.access = field.access;
  } else {
    v.number = field.number;
  }
  return v;
}

// Both operands, evaluated even when one is unknown so that every unrecorded field is named, then
// `f` of them when both are known.
template <typename F>
Value both(Evaluator& e, const PlanNode& n, F f) {
  const Value a = e.eval(n.a);
  const Value b = e.eval(n.b);
  const State state = combined(a.state, b.state);
  if (state != State::kKnown) return unknown(state);
  return f(a, b);
}

// <0, 0, >0 as a is before, equal to or after b.
template <Kind K>
int order(const Value& a, const Value& b) {
  if constexpr (K == Kind::kDate) {
    return a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
  } else if constexpr (K == Kind::kText) {
    const int c = a.text.compare(b.text);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  } else if constexpr (K == Kind::kBool) {
    return static_cast<int>(a.boolean) - static_cast<int>(b.boolean);
  } else {
    return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
  }
}

template <CompareOp Op>
bool holds(int order) {
  switch (Op) {
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

template <CompareOp Op>
struct Comparison {
  template <Kind K>
  struct Of {
    static Value run(Evaluator& e, const PlanNode& n) {
      return both(
          e, n, [](const Value& a, const Value& b) { return boolean(holds<Op>(order<K>(a, b))); });
    }
  };
};

// Reading field n.index of `object`: an unbound owner, or a field not recorded, is noted and
// unrecorded.
template <Kind K>
Value read(Evaluator& e, const PlanNode& n, const void* object, const EntityAccess* access) {
  if (object) {
    if constexpr (K == Kind::kDate) {
      // A field typed as a date is one: EntityAccess::dates has its reader.
      if (const std::optional<Date> d = access->dates[n.index](object)) return day(*d);
    } else {
      const FieldValue value = access->fields[n.index](object);
      if (value.recorded) return from_field<K>(value);
    }
  }
  e.note(n.path);
  return unknown(State::kUnrecorded);
}

// A field of an entity the scope binds (payment.paid_on), most fields: its node holds the slot.
template <Kind K>
struct FieldOfBound {
  static Value run(Evaluator& e, const PlanNode& n) {
    return read<K>(e, n, e.bound(n.owner_slot), n.owner_access);
  }
};

// A field of any other entity: an any()'s element, or an entity reached through another field.
template <Kind K>
struct FieldOf {
  static Value run(Evaluator& e, const PlanNode& n) {
    const Value owner = e.eval(n.a);
    if (!owner.known()) return owner;
    return read<K>(e, n, owner.entity.object, owner.entity.access);
  }
};

template <Kind K>
struct Declared {
  static Value run(Evaluator& e, const PlanNode& n) {
    const Value owner = e.eval(n.a);
    if (!owner.known()) return owner;
    if (owner.entity.object) {
      const FieldValue value = owner.entity.access->declared(owner.entity.object, n.index,
                                                             n.constant.text, n.field_kind);
      if (value.recorded) return from_field<K>(value);
    }
    e.note(n.path);
    return unknown(State::kUnrecorded);
  }
};

// min() and max() of dates, integers or money.
template <bool IsMin>
struct Extreme {
  template <Kind K>
  struct Of {
    static Value run(Evaluator& e, const PlanNode& n) {
      Value best;
      State state = State::kKnown;
      bool first = true;
      for (const int arg : n.args) {
        const Value v = e.eval(arg);
        state = combined(state, v.state);
        if (!v.known()) continue;
        if (first || (IsMin ? order<K>(v, best) < 0 : order<K>(v, best) > 0)) best = v;
        first = false;
      }
      return state == State::kKnown ? best : unknown(state);
    }
  };
};

Value constant(Evaluator&, const PlanNode& n) { return n.constant; }

// A parameter the caller left out reads as not recorded, as an entity left out does; one a pack left
// unset is named as a field is.
Value parameter(Evaluator& e, const PlanNode& n) {
  const Value v = n.index < e.environment.parameters.size() ? e.environment.parameters[n.index]
                                                            : unknown(State::kUnrecorded);
  if (v.state == State::kUnrecorded && n.path != kUnnamed) e.note(n.path);
  return v;
}

Value bound_slot(Evaluator& e, const PlanNode& n) {
  Value v;
  v.entity = {e.bound(n.index), n.constant.entity.access};
  return v;
}

Value element_slot(Evaluator& e, const PlanNode& n) {
  Value v;
  v.entity = {nullptr, nullptr};
  for (const Evaluator::Element* element = e.elements; element; element = element->outer) {
    if (element->slot == n.index) {
      v.entity = {element->object, element->access};
      break;
    }
  }
  return v;
}

Value recorded(Evaluator& e, const PlanNode& n) {
  // Whether it is recorded is itself known: the field is not noted as missing.
  return boolean(e.quietly(n.a).known());
}

Value blank(Evaluator& e, const PlanNode& n) {
  const Value text = e.eval(n.a);
  return text.known() ? boolean(is_blank(text.text)) : text;
}

Value negation(Evaluator& e, const PlanNode& n) {
  Value v = e.eval(n.a);
  if (v.known()) v.boolean = !v.boolean;
  return v;
}

template <bool IsAnd>
Value logical(Evaluator& e, const PlanNode& n) {
  const Value a = e.eval(n.a);
  // false decides an `and`, true an `or`, whatever the other side is.
  if (a.known() && a.boolean != IsAnd) return a;
  const Value b = e.eval(n.b);
  if (b.known() && b.boolean != IsAnd) return b;
  if (a.known() && b.known()) return boolean(IsAnd);
  return unknown(combined(a.state, b.state));
}

template <bool IsAll>
Value quantified(Evaluator& e, const PlanNode& n) {
  const Value list = e.eval(n.a);
  if (!list.known()) return list;
  const size_t size = list.entity.access->list_size(list.entity.object);
  Evaluator::Element element{n.index, nullptr, list.entity.access, e.elements};
  e.elements = &element;
  State state = State::kKnown;
  Value result = boolean(IsAll);
  for (size_t i = 0; i < size; ++i) {
    element.object = list.entity.access->list_element(list.entity.object, i);
    const Value v = e.eval(n.b);
    if (!v.known()) {
      state = combined(state, v.state);
    } else if (v.boolean != IsAll) {  // a false decides all(), a true any()
      result = v;
      state = State::kKnown;
      break;
    }
  }
  e.elements = element.outer;
  return state == State::kKnown ? result : unknown(state);
}

Value choice(Evaluator& e, const PlanNode& n) {
  const Value condition = e.eval(n.args[0]);
  if (!condition.known()) return condition;
  return e.eval(condition.boolean ? n.args[1] : n.args[2]);
}

Value fallback(Evaluator& e, const PlanNode& n) {
  // An unrecorded first value is expected here: it is not noted as missing.
  const Value v = e.quietly(n.args[0]);
  return v.state == State::kUnrecorded ? e.eval(n.args[1]) : v;
}

Value count(Evaluator& e, const PlanNode& n) {
  const Value list = e.eval(n.a);
  if (!list.known()) return list;
  return number(static_cast<int64_t>(list.entity.access->list_size(list.entity.object)));
}

Value add_period(Evaluator& e, const PlanNode& n) {
  return both(e, n, [&](const Value& a, const Value& b) {
    return date_plus(e.calendar(), a.day, b.period);
  });
}

Value subtract_period(Evaluator& e, const PlanNode& n) {
  return both(e, n, [&](const Value& a, const Value& b) {
    return date_plus(e.calendar(), a.day, -b.period);
  });
}

// A sum beyond 64 bits fails, as a date beyond the supported range does, rather than wrap.
Value add_number(Evaluator& e, const PlanNode& n) {
  return both(e, n, [](const Value& a, const Value& b) {
    int64_t sum = 0;
    return __builtin_add_overflow(a.number, b.number, &sum) ? unknown(State::kFailed) : number(sum);
  });
}

Value subtract_number(Evaluator& e, const PlanNode& n) {
  return both(e, n, [](const Value& a, const Value& b) {
    int64_t difference = 0;
    return __builtin_sub_overflow(a.number, b.number, &difference) ? unknown(State::kFailed)
                                                                   : number(difference);
  });
}

Value latest_start(Evaluator& e, const PlanNode& n) {
  return both(e, n, [&](const Value& a, const Value& b) {
    // Only at the root does the result say whether it is boundary-sensitive.
    const bool root = &n == &e.plan.nodes[static_cast<size_t>(e.plan.root)];
    return latest_start_value(e.calendar(), a.day, b.period,
                              root ? &e.boundary_sensitive : nullptr);
  });
}

Value working_days(Evaluator& e, const PlanNode& n) {
  return both(e, n, [&](const Value& a, const Value& b) {
    return working_days_value(e.calendar(), a.day, b.day);
  });
}

// Only between real dates: a case built in C++ may hold not-a-date or an infinity.
Value days(Evaluator& e, const PlanNode& n) {
  return both(e, n, [](const Value& a, const Value& b) {
    if (a.day.is_special() || b.day.is_special()) return unknown(State::kFailed);
    return number((b.day - a.day).days());
  });
}

// The run for `op` on operands of `kind`: each is its own function, so a comparison tests nothing
// but its operands.
Run comparison_for(Kind kind, CompareOp op) {
  switch (op) {
    case CompareOp::kEqual:
      return for_kind<Comparison<CompareOp::kEqual>::Of>(kind);
    case CompareOp::kNotEqual:
      return for_kind<Comparison<CompareOp::kNotEqual>::Of>(kind);
    case CompareOp::kLess:
      return for_kind<Comparison<CompareOp::kLess>::Of>(kind);
    case CompareOp::kLessOrEqual:
      return for_kind<Comparison<CompareOp::kLessOrEqual>::Of>(kind);
    case CompareOp::kGreater:
      return for_kind<Comparison<CompareOp::kGreater>::Of>(kind);
    case CompareOp::kGreaterOrEqual:
      return for_kind<Comparison<CompareOp::kGreaterOrEqual>::Of>(kind);
  }
  return for_kind<Comparison<CompareOp::kEqual>::Of>(kind);
}

Run run_for(PlanNode& n, const Expression::Plan& plan) {
  switch (n.op) {
    case Op::kConstant:
      return &constant;
    case Op::kSlot:
      return &bound_slot;
    case Op::kElement:
      return &element_slot;
    case Op::kParameter:
      return &parameter;
    case Op::kField: {
      const PlanNode& owner = plan.nodes[static_cast<size_t>(n.a)];
      if (owner.op != Op::kSlot) return for_kind<FieldOf>(n.type.kind);
      n.owner_slot = owner.index;
      n.owner_access = owner.constant.entity.access;
      return for_kind<FieldOfBound>(n.type.kind);
    }
    case Op::kDeclared:
      return for_kind<Declared>(n.type.kind);
    case Op::kRecorded:
      return &recorded;
    case Op::kNot:
      return &negation;
    case Op::kAnd:
      return &logical<true>;
    case Op::kOr:
      return &logical<false>;
    case Op::kCompare:
      return comparison_for(plan.nodes[static_cast<size_t>(n.a)].type.kind, n.compare);
    case Op::kAddPeriod:
      return &add_period;
    case Op::kSubtractPeriod:
      return &subtract_period;
    case Op::kAddNumber:
      return &add_number;
    case Op::kSubtractNumber:
      return &subtract_number;
    case Op::kLatestStart:
      return &latest_start;
    case Op::kWorkingDays:
      return &working_days;
    case Op::kDays:
      return &days;
    case Op::kCount:
      return &count;
    case Op::kAny:
      return &quantified<false>;
    case Op::kAll:
      return &quantified<true>;
    case Op::kMin:
      return for_kind<Extreme<true>::Of>(n.type.kind);
    case Op::kMax:
      return for_kind<Extreme<false>::Of>(n.type.kind);
    case Op::kIf:
      return &choice;
    case Op::kDefault:
      return &fallback;
    case Op::kBlank:
      return &blank;
  }
  return &constant;
}

}  // namespace

Value date_plus(const Calendar& calendar, Date d, Period period) {
  return from_status(calendar.add(d, period), &day);
}

Value latest_start_value(const Calendar& calendar, Date d, Period period,
                         bool* boundary_sensitive) {
  const absl::StatusOr<Date> latest = calendar.latest_start(d, period);
  if (boundary_sensitive) {
    // 30 June - 1 month is 30 May, yet 31 May is a month before 30 June: latest_start is 31 May.
    const absl::StatusOr<Date> naive = calendar.add(d, -period);
    *boundary_sensitive = naive.ok() != latest.ok() || (naive.ok() && *naive != *latest);
  }
  return from_status(latest, &day);
}

Value working_days_value(const Calendar& calendar, Date from, Date to) {
  return from_status(calendar.working_days_between(from, to), &number);
}

void prepare(Expression::Plan& plan) {
  for (PlanNode& n : plan.nodes) n.run = run_for(n, plan);
}

Value Expression::evaluate(const Environment& environment, Unrecorded* unrecorded,
                           bool* boundary_sensitive) const {
  Evaluator evaluator{*plan_, environment, unrecorded};
  const Value result = evaluator.eval(plan_->root);
  if (boundary_sensitive) *boundary_sensitive = evaluator.boundary_sensitive;
  return result;
}

}  // namespace compact::rules
