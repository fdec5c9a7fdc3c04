// Compiling expressions to x86-64 machine code with Xbyak (an assembler in C++ headers). Each node
// leaves its value in two registers, the payload in rax and the state in rdx, as NativeResult is
// returned; an operand waiting for its sibling is pushed, two registers at a time, so the stack
// stays aligned for calls. Parameters and scalar fields are read where they live; with a context
// (NativeContext), fixed parameters are constants, and days, weeks and working days are added and
// working days counted inline on the calendar's tables. Months, latest_start, and fields and the
// calendar without a context are reached through the helpers below, plain functions called by
// address; the rest (logic, comparisons, arithmetic, choices) is inline. A date is its day index:
// only dates within 1900-2199 are, so meeting any other (a case built in C++ may hold one) returns
// kEscape, and the interpreter evaluates the expression instead.

#include "native_code.hpp"

#include <algorithm>
#include <cstddef>
#include <type_traits>

#include "compact/util/blank.hpp"
#include "native_emitter.hpp"
#include "plan.hpp"

namespace compact::rules {
namespace {

using Kind = Type::Kind;
using State = Value::State;

using Native = NativeKind;

Native native_of(Kind kind) {
  switch (kind) {
    case Kind::kDate:
      return Native::kDate;
    case Kind::kBool:
      return Native::kBool;
    default:  // integer, money, enum
      return Native::kNumber;
  }
}

NativeResult unknown(State state) { return {0, static_cast<int64_t>(state)}; }

// A date natively, or kEscape for one that is not in 1900-2199 (or not a date at all).
NativeResult from_date(Date d) {
  if (!is_supported(d)) return {0, kEscape};
  return {to_day_index(d), 0};
}

NativeResult from_value(const Value& v, Native held) {
  if (!v.known()) return unknown(v.state);
  switch (held) {
    case Native::kDate:
      return from_date(v.day);
    case Native::kBool:
      return {v.boolean ? 1 : 0, 0};
    case Native::kNumber:
      return {v.number, 0};
  }
  return {0, kEscape};
}

const void* bound(const NativeFrame* f, uint64_t slot) {
  return slot < f->entity_count ? f->entities[slot] : nullptr;
}

const Calendar& calendar(const NativeFrame* f) {
  const Calendar* c = f->environment->calendar;
  return c ? *c : Calendar::england_and_wales();
}

// The helpers native code calls. Their arguments are integers and pointers, their result two
// registers, so that calling one is a few moves and a call. Native frames carry no unwinding
// information, so nothing may throw through them: the helpers are noexcept, and an allocation that
// fails inside one ends the program, as in any noexcept function.

// A bool, integer, money or enum field: FieldValue::number holds each. For a field of another kind,
// only the state means anything.
NativeResult read_number(const NativeFrame* f, uint64_t slot, FieldReader reader) noexcept {
  if (const void* object = bound(f, slot)) {
    const FieldValue value = reader(object);
    if (value.recorded) return {value.number, 0};
  }
  return unknown(State::kUnrecorded);
}

// blank() of a text field: whether it is empty or white space, where it is recorded.
NativeResult read_blank(const NativeFrame* f, uint64_t slot, FieldReader reader) noexcept {
  if (const void* object = bound(f, slot)) {
    const FieldValue value = reader(object);
    if (value.recorded) return {is_blank(value.text) ? 1 : 0, 0};
  }
  return unknown(State::kUnrecorded);
}

NativeResult date_plus_period(const NativeFrame* f, int64_t day, const Value* period,
                              int64_t subtract) noexcept {
  return from_value(
      date_plus(calendar(f), from_day_index(day), subtract ? -period->period : period->period),
      Native::kDate);
}

NativeResult latest_start_of(const NativeFrame* f, int64_t day, const Value* period,
                             int64_t at_root) noexcept {
  return from_value(latest_start_value(calendar(f), from_day_index(day), period->period,
                                       at_root ? f->boundary_sensitive : nullptr),
                    Native::kDate);
}

// Where a field of a bound entity lives, when native code may read it there: a scalar, held as this
// library's std::optional is laid out (the flag after the value).
std::optional<FieldLocation> located(const Expression::Plan& plan, const PlanNode& field) {
  const EntityAccess& access = *plan.nodes[static_cast<size_t>(field.a)].constant.entity.access;
  const FieldLocator locate = access.locations[field.index];
  if (!locate) return std::nullopt;
  const FieldLocation at = locate();
  const bool layout_known = !at.optional || [&] {
    switch (field.type.kind) {
      case Kind::kDate:
        return optional_layout_known(Date(2025, 1, 6));
      case Kind::kBool:
        return optional_layout_known(true);
      case Kind::kMoney:
        return optional_layout_known(Money{-2});
      default:  // integers, and enums' one-byte indexes
        return at.size == 8 ? optional_layout_known(int64_t{-2})
                            : optional_layout_known(uint8_t{3});
    }
  }();
  if (!layout_known) return std::nullopt;
  return at;
}

bool is_bound_field(const Expression::Plan& plan, int index) {
  const PlanNode& n = plan.nodes[static_cast<size_t>(index)];
  return n.op == Op::kField && plan.nodes[static_cast<size_t>(n.a)].op == Op::kSlot;
}

// Whether native code handles every node under `index`: values of the kinds above, periods as
// literals or parameters, fields of the entities the scope binds.
bool handled(const Expression::Plan& plan, int index, bool period_operand = false) {
  const PlanNode& n = plan.nodes[static_cast<size_t>(index)];
  if (period_operand) {
    return n.type.kind == Kind::kPeriod && (n.op == Op::kConstant || n.op == Op::kParameter);
  }
  switch (n.type.kind) {
    case Kind::kText:
    case Kind::kEntity:
    case Kind::kList:
    case Kind::kPeriod:
      return false;
    default:
      break;
  }
  const auto all = [&](std::initializer_list<int> operands) {
    return std::all_of(operands.begin(), operands.end(),
                       [&](int operand) { return handled(plan, operand); });
  };
  switch (n.op) {
    case Op::kConstant:
      return n.type.kind != Kind::kDate || is_supported(n.constant.day);
    case Op::kParameter:
      return true;
    case Op::kField:
      // A date is always read in place; other fields, where they cannot be, through read_number.
      return plan.nodes[static_cast<size_t>(n.a)].op == Op::kSlot &&
             (n.type.kind != Kind::kDate || located(plan, n));
    case Op::kRecorded:
      // Whether a field of a covered entity is recorded, whatever its kind (ending.rationale?).
      return is_bound_field(plan, n.a) || handled(plan, n.a);
    case Op::kBlank:
      // Of a text field of a covered entity: the text itself stays in the case.
      return is_bound_field(plan, n.a);
    case Op::kNot:
      return handled(plan, n.a);
    case Op::kAnd:
    case Op::kOr:
    case Op::kCompare:
    case Op::kAddNumber:
    case Op::kSubtractNumber:
    case Op::kWorkingDays:
    case Op::kDays:
      return all({n.a, n.b});
    case Op::kAddPeriod:
    case Op::kSubtractPeriod:
    case Op::kLatestStart:
      return handled(plan, n.a) && handled(plan, n.b, true);
    case Op::kMin:
    case Op::kMax:
    case Op::kIf:
    case Op::kDefault:
      return std::all_of(n.args.begin(), n.args.end(), [&](int arg) { return handled(plan, arg); });
    default:  // slots and elements as values, declared fields, count, any, all
      return false;
  }
}

}  // namespace

#if COMPACT_HAS_NATIVE_CODE

// Code is written while the buffer is writable and not executable, then it becomes executable and
// no longer writable. Its size is reckoned beforehand, so that code does not move once written.
struct NativeCode::Buffer : Xbyak::CodeGenerator {
  explicit Buffer(size_t size) : Xbyak::CodeGenerator(size, Xbyak::DontSetProtectRWE) {}
};

using namespace Xbyak::util;

namespace {

uint32_t parameter_offset(uint32_t index) { return index * static_cast<uint32_t>(sizeof(Value)); }

NativeResult from_index(int64_t index) {
  return index < 0 ? unknown(State::kFailed) : NativeResult{index, 0};
}

NativeResult add_months_native(int64_t day, int64_t months) noexcept {
  return from_index(add_months_to_index(day, months));
}

NativeResult latest_start_months_native(const NativeFrame* f, int64_t day, int64_t months,
                                        int64_t at_root) noexcept {
  return from_index(
      latest_start_of_index_months(day, months, at_root ? f->boundary_sensitive : nullptr));
}

}  // namespace

NativeResult working_days_native(const NativeFrame* f, int64_t from, int64_t to) noexcept {
  return from_value(working_days_value(calendar(f), from_day_index(from), from_day_index(to)),
                    Native::kNumber);
}

bool NativeEmitter::handles(const Expression& e) { return handled(e.plan(), e.plan().root); }

// No node takes more than 128 bytes.
size_t NativeEmitter::max_bytes(const Expression& e) { return 128 * e.plan().nodes.size(); }

void NativeEmitter::begin() {
  c_.push(rbp);
  c_.mov(rbp, rsp);
  c_.push(rbx);
  c_.push(r12);
  c_.mov(rbx, rdi);
  c_.mov(r12, rsi);
}

void NativeEmitter::end() {
  c_.lea(rsp, ptr[rbp - 16]);
  c_.pop(r12);
  c_.pop(rbx);
  c_.pop(rbp);
  c_.ret();
}

void NativeEmitter::value(const Expression& e, bool root, Xbyak::Label& escape,
                          const NativeContext* context) {
  plan_ = &e.plan();
  escape_ = &escape;
  context_ = context;
  value(plan_->root, root);
}

// A parameter whose value the context fixes, or null: one read at run time.
const Value* NativeEmitter::fixed_parameter(uint32_t index) const {
  if (!context_ || index >= context_->fixed_parameters.size()) return nullptr;
  const Value* v = context_->fixed_parameters[index];
  return v && v->known() ? v : nullptr;
}

// A period operand known now: a literal, or a fixed parameter.
std::optional<Period> NativeEmitter::fixed_period(int index) const {
  const PlanNode& n = node(index);
  if (n.op == Op::kConstant) return n.constant.period;
  if (const Value* v = fixed_parameter(n.index); v && n.op == Op::kParameter) return v->period;
  return std::nullopt;
}

// rax 0, rdx failed: a date that left the supported range.
void NativeEmitter::failed() {
  c_.xor_(eax, eax);
  c_.mov(edx, static_cast<uint32_t>(State::kFailed));
}

// The known day index in rax plus `p`, as Calendar::add has it, into rax and rdx: days and weeks,
// and working days on the context's calendar (which it must have for them), inline; months and years
// through add_months.
void NativeEmitter::add_fixed_period(Period p) {
  Xbyak::Label done;
  Xbyak::Label out_of_range;
  // Any count beyond the range's length leads out of it; clamped, it cannot overflow below.
  const int64_t n = std::clamp(p.count, -kSupportedDays, kSupportedDays);
  switch (p.unit) {
    case PeriodUnit::kDays:
    case PeriodUnit::kWeeks:
      c_.add(rax, static_cast<uint32_t>(p.unit == PeriodUnit::kWeeks ? 7 * n : n));
      c_.cmp(rax, kSupportedDays);
      c_.jae(out_of_range, Xbyak::CodeGenerator::T_NEAR);  // unsigned: below 0 too
      break;
    case PeriodUnit::kWorkingDays:
      if (n == 0) break;
      {
        // The working day of rank working_before[i + 1] + n - 1 after, working_before[i] + n
        // before (Calendar::add_working_days).
        const Calendar::WorkingDayTables tables = context_->calendar->working_day_tables();
        c_.mov(rcx, reinterpret_cast<size_t>(tables.working_before.data()));
        c_.movsxd(rax, dword[rcx + rax * 4 + (n > 0 ? 4 : 0)]);
        c_.add(rax, static_cast<uint32_t>(n > 0 ? n - 1 : n));
        c_.cmp(rax, static_cast<uint32_t>(tables.working_day.size()));
        c_.jae(out_of_range, Xbyak::CodeGenerator::T_NEAR);
        c_.mov(rcx, reinterpret_cast<size_t>(tables.working_day.data()));
        c_.movsxd(rax, dword[rcx + rax * 4]);
      }
      break;
    case PeriodUnit::kMonths:
    case PeriodUnit::kYears:
      c_.mov(rdi, rax);
      c_.mov(rsi, p.unit == PeriodUnit::kYears ? 12 * n : n);
      call(&add_months_native);
      return;
  }
  c_.xor_(edx, edx);
  c_.jmp(done, Xbyak::CodeGenerator::T_NEAR);
  c_.L(out_of_range);
  failed();
  c_.L(done);
}

void NativeEmitter::working_days(const NativeContext* context) {
  if (context && context->calendar) {
    // Working days in (a, b]: those up to b less those up to a (Calendar::working_days_between).
    c_.mov(rcx,
           reinterpret_cast<size_t>(context->calendar->working_day_tables().working_before.data()));
    c_.movsxd(rsi, dword[rcx + rsi * 4 + 4]);
    c_.movsxd(rax, dword[rcx + rax * 4 + 4]);
    c_.sub(rax, rsi);
    c_.xor_(edx, edx);
    return;
  }
  c_.mov(rdx, rax);
  c_.mov(rdi, rbx);
  call(&working_days_native);
}

void NativeEmitter::push_value() {
  c_.push(rax);
  c_.push(rdx);
}
// The operand pushed before: its payload into rsi, its state into rcx.
void NativeEmitter::pop_operand() {
  c_.pop(rcx);
  c_.pop(rsi);
}

// Both operands worked out (a in rsi, rcx; b in rax, rdx): the combined state into rdx, which is
// the larger (failed over unrecorded over known), and a jump to `unknown` unless it is known.
void NativeEmitter::combine_states(Xbyak::Label& unknown) {
  c_.cmp(rcx, rdx);
  c_.cmova(rdx, rcx);
  c_.test(rdx, rdx);
  c_.jnz(unknown, Xbyak::CodeGenerator::T_NEAR);
}

// The second operand of a binary node, with the first pushed and then popped into rsi and rcx.
void NativeEmitter::operands(const PlanNode& n, bool period) {
  value(n.a, false);
  push_value();
  if (period) {
    period_address(n.b);
  } else {
    value(n.b, false);
  }
  pop_operand();
}

// A binary node whose known result `known` emits from rsi and rax; unknown otherwise.
template <typename F>
void NativeEmitter::binary(const PlanNode& n, bool period, F known) {
  Xbyak::Label unknown;
  Xbyak::Label done;
  operands(n, period);
  combine_states(unknown);
  known();
  c_.jmp(done, Xbyak::CodeGenerator::T_NEAR);
  c_.L(unknown);
  c_.xor_(eax, eax);
  c_.L(done);
}

// After a signed sum: one beyond 64 bits fails, as the interpreter has it.
void NativeEmitter::fail_on_overflow() {
  Xbyak::Label fits;
  c_.jno(fits, Xbyak::CodeGenerator::T_NEAR);
  c_.xor_(eax, eax);
  c_.mov(edx, static_cast<uint32_t>(State::kFailed));
  c_.L(fits);
}

// A period operand: the address of its Value in rax, its state in rdx.
void NativeEmitter::period_address(int index) {
  const PlanNode& n = node(index);
  if (n.op == Op::kConstant) {
    c_.mov(rax, reinterpret_cast<size_t>(&n.constant));
    c_.xor_(edx, edx);
    return;
  }
  Xbyak::Label done;
  parameter_state(n.index, done);
  c_.lea(rax, ptr[rcx + parameter_offset(n.index)]);
  c_.L(done);
}

// Parameter `index`'s state into rdx, with rcx pointing at the parameters; a parameter the caller
// left out is unrecorded, as the interpreter has it, and jumps to `done` with rax 0.
void NativeEmitter::parameter_state(uint32_t index, Xbyak::Label& done) {
  if (!context_ || index >= context_->known_parameters) {
    Xbyak::Label present;
    c_.cmp(qword[rbx + offsetof(NativeFrame, parameter_count)], index);
    c_.ja(present, Xbyak::CodeGenerator::T_NEAR);
    c_.xor_(eax, eax);
    c_.mov(edx, static_cast<uint32_t>(State::kUnrecorded));
    c_.jmp(done, Xbyak::CodeGenerator::T_NEAR);
    c_.L(present);
  }
  c_.mov(rcx, qword[rbx + offsetof(NativeFrame, parameters)]);
  c_.movzx(edx, byte[rcx + parameter_offset(index) + offsetof(Value, state)]);
}

// A scalar field of the entity in `slot`, read where it lives in the entity (a date as its day
// index): unrecorded when the slot is empty or the field absent.
void NativeEmitter::scalar_field(uint32_t slot, FieldLocation location, bool date) {
  Xbyak::Label unrecorded;
  Xbyak::Label done;
  const bool bound = context_ && slot < context_->bound_slots;
  if (!bound) {
    c_.cmp(qword[rbx + offsetof(NativeFrame, entity_count)], slot);
    c_.jbe(unrecorded, Xbyak::CodeGenerator::T_NEAR);
  }
  c_.mov(rcx, qword[rbx + offsetof(NativeFrame, entities)]);
  c_.mov(rcx, qword[rcx + slot * sizeof(void*)]);
  if (!bound) {
    c_.test(rcx, rcx);
    c_.jz(unrecorded, Xbyak::CodeGenerator::T_NEAR);
  }
  const auto at = static_cast<size_t>(location.offset);
  if (location.optional) {
    c_.cmp(byte[rcx + at + location.size], 0);
    c_.je(unrecorded, Xbyak::CodeGenerator::T_NEAR);
  }
  switch (location.size) {
    case 1:  // a bool, 0 or 1, or an enum's index
      c_.movzx(eax, byte[rcx + at]);
      break;
    case 4:  // a date's Julian day number
      c_.mov(eax, dword[rcx + at]);
      break;
    default:  // an integer, or money in pence
      c_.mov(rax, qword[rcx + at]);
      break;
  }
  if (date) {
    julian_day_to_index();
  } else {
    c_.xor_(edx, edx);
  }
  c_.jmp(done, Xbyak::CodeGenerator::T_NEAR);
  c_.L(unrecorded);
  c_.xor_(eax, eax);
  c_.mov(edx, static_cast<uint32_t>(State::kUnrecorded));
  c_.L(done);
}

// The Julian day number in rax as a day index with rdx 0, or an escape to the interpreter for a
// day outside 1900-2199 (or a special value, which Boost holds as an extreme number).
void NativeEmitter::julian_day_to_index() {
  Xbyak::Label in_range;
  c_.sub(rax, kJulianDayOfFirstSupportedDate);
  c_.cmp(rax, kSupportedDays);
  c_.jb(in_range, Xbyak::CodeGenerator::T_NEAR);
  c_.mov(edx, kEscape);
  c_.jmp(*escape_, Xbyak::CodeGenerator::T_NEAR);
  c_.L(in_range);
  c_.xor_(edx, edx);
}

// A parameter's value, read from its Value: a date's Julian day number becomes its day index,
// and one outside 1900-2199 (or a special value) escapes to the interpreter.
void NativeEmitter::parameter(const PlanNode& n) {
  static_assert(std::is_standard_layout_v<Value> && sizeof(Date) == sizeof(uint32_t));
  const Value* fixed = fixed_parameter(n.index);
  if (fixed && (n.type.kind != Kind::kDate || is_supported(fixed->day))) {
    return constant(n.type.kind, *fixed);
  }
  Xbyak::Label done;
  parameter_state(n.index, done);
  const uint32_t at = parameter_offset(n.index);
  c_.xor_(eax, eax);
  c_.test(edx, edx);
  c_.jnz(done, Xbyak::CodeGenerator::T_NEAR);
  switch (native_of(n.type.kind)) {
    case Native::kDate:
      c_.mov(eax, dword[rcx + at + offsetof(Value, day)]);
      // A pack's own parameter is checked, fixed (then outside 1900-2199, which escapes) or not;
      // as_of, due and actual, which an engine writes, need not be.
      if (!fixed && context_ && n.index >= context_->fixed_parameters.size() &&
          n.index < context_->known_parameters) {
        c_.sub(rax, kJulianDayOfFirstSupportedDate);
      } else {
        julian_day_to_index();
      }
      break;
    case Native::kBool:
      c_.movzx(eax, byte[rcx + at + offsetof(Value, boolean)]);
      break;
    case Native::kNumber:
      c_.mov(rax, qword[rcx + at + offsetof(Value, number)]);
      break;
  }
  c_.L(done);
}

// A known value of `kind`; a date is supported.
void NativeEmitter::constant(Kind kind, const Value& v) {
  c_.mov(rax, static_cast<uint64_t>(kind == Kind::kDate   ? to_day_index(v.day)
                                    : kind == Kind::kBool ? (v.boolean ? 1 : 0)
                                                          : v.number));
  c_.xor_(edx, edx);
}

// `helper` of the field `field` of an entity the scope binds, through the field's reader.
void NativeEmitter::read_through(const PlanNode& field, FieldHelper helper) {
  const PlanNode& owner = node(field.a);
  c_.mov(rdi, rbx);
  c_.mov(rsi, owner.index);
  c_.mov(rdx, reinterpret_cast<size_t>(owner.constant.entity.access->fields[field.index]));
  call(helper);
}

void NativeEmitter::value(int index, bool root) {
  const PlanNode& n = node(index);
  switch (n.op) {
    case Op::kConstant:
      return constant(n.type.kind, n.constant);
    case Op::kParameter:
      return parameter(n);
    case Op::kField: {
      const PlanNode& owner = node(n.a);
      if (const std::optional<FieldLocation> at = located(*plan_, n)) {
        scalar_field(owner.index, *at, n.type.kind == Kind::kDate);
      } else {
        read_through(n, &read_number);
        // A bool field reads as 0 or 1, as the interpreter's `number != 0`.
        if (n.type.kind == Kind::kBool) {
          c_.test(rax, rax);
          c_.setne(al);
          c_.movzx(eax, al);
        }
      }
      return;
    }
    case Op::kRecorded:
      if (const PlanNode& field = node(n.a); !handled(*plan_, n.a)) {
        // A field native code does not hold (text, an entity): only whether it is recorded.
        read_through(field, &read_number);
      } else {
        value(n.a, false);
      }
      c_.xor_(eax, eax);
      c_.test(rdx, rdx);
      c_.sete(al);
      c_.xor_(edx, edx);
      return;
    case Op::kBlank:
      return read_through(node(n.a), &read_blank);
    case Op::kNot: {
      Xbyak::Label done;
      value(n.a, false);
      c_.test(rdx, rdx);
      c_.jnz(done, Xbyak::CodeGenerator::T_NEAR);
      c_.xor_(eax, 1);
      c_.L(done);
      return;
    }
    case Op::kAnd:
    case Op::kOr:
      return logical(n, n.op == Op::kAnd);
    case Op::kCompare:
      return binary(n, false, [&] {
        c_.cmp(rsi, rax);
        switch (n.compare) {
          case CompareOp::kEqual:
            c_.sete(al);
            break;
          case CompareOp::kNotEqual:
            c_.setne(al);
            break;
          case CompareOp::kLess:
            c_.setl(al);
            break;
          case CompareOp::kLessOrEqual:
            c_.setle(al);
            break;
          case CompareOp::kGreater:
            c_.setg(al);
            break;
          case CompareOp::kGreaterOrEqual:
            c_.setge(al);
            break;
        }
        c_.movzx(eax, al);
      });
    case Op::kAddNumber:
      return binary(n, false, [&] {
        c_.add(rax, rsi);
        fail_on_overflow();
      });
    case Op::kSubtractNumber:
      return binary(n, false, [&] {
        c_.sub(rsi, rax);
        c_.mov(rax, rsi);  // leaves the flags as the subtraction set them
        fail_on_overflow();
      });
    case Op::kDays:
      return binary(n, false, [&] { c_.sub(rax, rsi); });
    case Op::kWorkingDays:
      return binary(n, false, [&] { working_days(context_); });
    case Op::kAddPeriod:
    case Op::kSubtractPeriod:
      // Working days inline need the calendar's tables; without them, the helper below.
      if (const std::optional<Period> p = fixed_period(n.b);
          p && (p->unit != PeriodUnit::kWorkingDays || (context_ && context_->calendar))) {
        Xbyak::Label done;
        value(n.a, false);
        c_.test(rdx, rdx);
        c_.jnz(done, Xbyak::CodeGenerator::T_NEAR);
        add_fixed_period(n.op == Op::kSubtractPeriod ? -*p : *p);
        c_.L(done);
        return;
      }
      return binary(n, true, [&] {
        c_.mov(rdx, rax);
        c_.mov(rdi, rbx);
        c_.mov(rcx, n.op == Op::kSubtractPeriod ? 1 : 0);
        call(&date_plus_period);
      });
    case Op::kLatestStart:
      if (const std::optional<Period> p = fixed_period(n.b);
          p && (p->unit == PeriodUnit::kMonths || p->unit == PeriodUnit::kYears)) {
        // As Calendar::latest_start has it: a year is 12 months.
        const int64_t count = std::clamp(p->count, -kSupportedDays, kSupportedDays);
        Xbyak::Label done;
        value(n.a, false);
        c_.test(rdx, rdx);
        c_.jnz(done, Xbyak::CodeGenerator::T_NEAR);
        c_.mov(rdi, rbx);
        c_.mov(rsi, rax);
        c_.mov(rdx, p->unit == PeriodUnit::kYears ? 12 * count : count);
        c_.mov(rcx, root ? 1 : 0);
        call(&latest_start_months_native);
        c_.L(done);
        return;
      }
      return binary(n, true, [&] {
        c_.mov(rdx, rax);
        c_.mov(rdi, rbx);
        c_.mov(rcx, root ? 1 : 0);
        call(&latest_start_of);
      });
    case Op::kMin:
    case Op::kMax:
      return extreme(n);
    case Op::kIf: {
      // An unknown condition is the result; neither value is read.
      Xbyak::Label otherwise;
      Xbyak::Label done;
      value(n.args[0], false);
      c_.test(rdx, rdx);
      c_.jnz(done, Xbyak::CodeGenerator::T_NEAR);
      c_.test(rax, rax);
      c_.jz(otherwise, Xbyak::CodeGenerator::T_NEAR);
      value(n.args[1], false);
      c_.jmp(done, Xbyak::CodeGenerator::T_NEAR);
      c_.L(otherwise);
      value(n.args[2], false);
      c_.L(done);
      return;
    }
    case Op::kDefault: {
      Xbyak::Label done;
      value(n.args[0], false);
      c_.cmp(rdx, static_cast<int64_t>(State::kUnrecorded));
      c_.jne(done, Xbyak::CodeGenerator::T_NEAR);
      value(n.args[1], false);
      c_.L(done);
      return;
    }
    default:  // not handled(): never reached
      c_.mov(edx, kEscape);
      c_.jmp(*escape_, Xbyak::CodeGenerator::T_NEAR);
      return;
  }
}

// false decides an `and` and true an `or` whatever the other side is, which is then not read.
void NativeEmitter::logical(const PlanNode& n, bool is_and) {
  Xbyak::Label undecided;
  Xbyak::Label join;
  Xbyak::Label unknown;
  Xbyak::Label done;
  const auto decides = [&](Xbyak::Label& otherwise) {
    c_.test(rdx, rdx);
    c_.jnz(otherwise, Xbyak::CodeGenerator::T_NEAR);
    c_.test(rax, rax);
    if (is_and) {
      c_.jz(done, Xbyak::CodeGenerator::T_NEAR);
    } else {
      c_.jnz(done, Xbyak::CodeGenerator::T_NEAR);
    }
  };
  value(n.a, false);
  decides(undecided);
  c_.L(undecided);
  push_value();
  value(n.b, false);
  pop_operand();
  decides(join);
  c_.L(join);
  // Neither decided: both known gives the identity (true for and), else the combined state.
  c_.mov(r8, rcx);
  c_.or_(r8, rdx);
  c_.jnz(unknown, Xbyak::CodeGenerator::T_NEAR);
  c_.mov(eax, is_and ? 1 : 0);
  c_.jmp(done, Xbyak::CodeGenerator::T_NEAR);
  c_.L(unknown);
  c_.cmp(rcx, rdx);
  c_.cmova(rdx, rcx);
  c_.xor_(eax, eax);
  c_.L(done);
}

// min(a, b, ...): each argument folded into the first; unknown once any is.
void NativeEmitter::extreme(const PlanNode& n) {
  value(n.args[0], false);
  for (size_t k = 1; k < n.args.size(); ++k) {
    Xbyak::Label unknown;
    Xbyak::Label done;
    push_value();
    value(n.args[k], false);
    pop_operand();
    combine_states(unknown);
    c_.cmp(rsi, rax);
    if (n.op == Op::kMin) {
      c_.cmovl(rax, rsi);
    } else {
      c_.cmovg(rax, rsi);
    }
    c_.jmp(done, Xbyak::CodeGenerator::T_NEAR);
    c_.L(unknown);
    c_.xor_(eax, eax);
    c_.L(done);
  }
}

bool NativeCode::available() { return true; }

std::unique_ptr<const NativeCode> NativeCode::compile(std::span<const NativeSource> sources) {
  std::unique_ptr<NativeCode> code(new NativeCode());
  code->functions_.assign(sources.size(), Function());
  code->entries_.assign(sources.size(), nullptr);
  Xbyak::ClearError();
  std::vector<size_t> bytes(sources.size());
  size_t capacity = 0;
  for (size_t i = 0; i < sources.size(); ++i) {
    const Expression* e = sources[i].expression;
    bytes[i] =
        e ? (NativeEmitter::handles(*e) ? NativeEmitter::kFrameBytes + NativeEmitter::max_bytes(*e)
                                        : 0)
          : sources[i].max_bytes;
    capacity += bytes[i];
  }
  if (capacity == 0) return code;
  auto buffer = std::make_unique<Buffer>(capacity);
  NativeEmitter emitter(*buffer);
  std::vector<size_t> starts(sources.size(), SIZE_MAX);
  std::vector<std::pair<size_t, size_t>> distinct;  // the functions kept: start and size
  for (size_t i = 0; i < sources.size(); ++i) {
    if (bytes[i] == 0 || Xbyak::GetError() != 0) continue;
    const size_t start = buffer->getSize();
    if (const Expression* e = sources[i].expression) {
      Xbyak::Label exit;
      emitter.begin();
      emitter.value(*e, true, exit, sources[i].context);
      buffer->L(exit);
      emitter.end();
    } else {
      sources[i].emit(emitter);
    }
    const uint8_t* const text = buffer->getCode();
    const size_t size = buffer->getSize() - start;
    if (size == 0) continue;  // declined
    // The same code as a function before (the same expression in the same scope, or one that reads
    // no field): that one is called instead, so a call site meets fewer distinct targets.
    for (const auto& [other, other_size] : distinct) {
      if (other_size == size && std::equal(text + start, text + start + size, text + other)) {
        starts[i] = other;
        break;
      }
    }
    if (starts[i] == SIZE_MAX) {
      starts[i] = start;
      distinct.emplace_back(start, size);
    } else {
      buffer->setSize(start);
    }
  }
  // An error (code beyond the reckoned size, or no memory) leaves everything to the interpreter.
  if (Xbyak::GetError() != 0 || !buffer->setProtectModeRE(false)) {
    Xbyak::ClearError();
    return code;
  }
  const uint8_t* base = buffer->getCode();
  for (size_t i = 0; i < sources.size(); ++i) {
    if (starts[i] == SIZE_MAX) continue;
    code->entries_[i] = base + starts[i];
    if (const Expression* e = sources[i].expression) {
      code->functions_[i] = {
          reinterpret_cast<NativeFunction>(reinterpret_cast<uintptr_t>(base + starts[i])),
          native_of(e->type().kind)};
    }
  }
  code->buffer_ = std::move(buffer);
  return code;
}

#else

struct NativeCode::Buffer {};

bool NativeCode::available() { return false; }

std::unique_ptr<const NativeCode> NativeCode::compile(std::span<const NativeSource> sources) {
  std::unique_ptr<NativeCode> code(new NativeCode());
  code->functions_.assign(sources.size(), Function());
  code->entries_.assign(sources.size(), nullptr);
  return code;
}

#endif

std::unique_ptr<const NativeCode> NativeCode::compile(
    std::span<const Expression* const> expressions) {
  std::vector<NativeSource> sources(expressions.size());
  for (size_t i = 0; i < expressions.size(); ++i) sources[i].expression = expressions[i];
  return compile(sources);
}

NativeCode::~NativeCode() = default;

}  // namespace compact::rules
