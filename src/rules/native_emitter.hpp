#pragma once
// Internal: emitting machine code for expressions, into functions of native code's own
// (NativeCode::compile) or into functions another layer writes around them (the engine's compiled
// decisions, engine/native_decision.cpp). Built only where native code is (x86-64 with Xbyak);
// COMPACT_HAS_NATIVE_CODE says whether it is.
//
// The conventions every emitted function keeps: rbx holds the NativeFrame, r12 whatever else the
// function was given; a value is left with its payload in rax and its state in rdx, as NativeResult
// is returned; operands waiting for a sibling are pushed two registers at a time, so that the stack
// stays 16-byte aligned for calls from a body that begins aligned (after begin()).

#include <cstddef>
#include <cstring>
#include <optional>

#include "native_code.hpp"

#if defined(COMPACT_NATIVE_CODE) && defined(__x86_64__)
#define XBYAK_NO_EXCEPTION
#include <xbyak/xbyak.h>
#define COMPACT_HAS_NATIVE_CODE 1
#else
#define COMPACT_HAS_NATIVE_CODE 0
#endif

namespace compact::rules {

// Whether a std::optional<T> is laid out as native code reads and writes one: the value's bytes
// first, then the flag saying it is there, 1 or 0. Measured once per type, on `some`.
template <typename T>
bool optional_layout_known(T some) {
  static const bool known = [&] {
    if (sizeof(std::optional<T>) != 2 * sizeof(T)) return false;
    const std::optional<T> with = some;
    const std::optional<T> without;
    unsigned char a[sizeof(with)];
    unsigned char b[sizeof(without)];
    std::memcpy(a, &with, sizeof(a));
    std::memcpy(b, &without, sizeof(b));
    return std::memcmp(a, &some, sizeof(T)) == 0 && a[sizeof(T)] == 1 && b[sizeof(T)] == 0;
  }();
  return known;
}

}  // namespace compact::rules

#if COMPACT_HAS_NATIVE_CODE

#include "compact/model/field_access.hpp"
#include "plan.hpp"

namespace compact::rules {

// working_days(from, to) on day indexes, for code emitted elsewhere (the engine's margins).
NativeResult working_days_native(const NativeFrame* frame, int64_t from, int64_t to) noexcept;

class NativeEmitter {
 public:
  explicit NativeEmitter(Xbyak::CodeGenerator& code) : c_(code) {}

  Xbyak::CodeGenerator& code() { return c_; }

  // Whether native code handles every node of `e`, and an upper bound of the bytes value() emits
  // for it.
  static bool handles(const Expression& e);
  static size_t max_bytes(const Expression& e);
  // The bytes begin() and end() take together, at most.
  static constexpr size_t kFrameBytes = 64;

  // A frame as compilers make one (rbp pointing at the caller's rbp, above the return address), so
  // that profilers and debuggers can walk through it; rbx holds the first argument and r12 the
  // second. Three pushes after the return address leave the stack 16-byte aligned, as calls need.
  void begin();
  // The return, restoring the stack from rbp whatever is still pushed: any exit may jump here.
  void end();

  // The value of `e` (handles(e)) into rax and rdx. A date it cannot hold as a day index (outside
  // 1900-2199, or a special value) jumps to `escape` with edx = kEscape and operands perhaps still
  // pushed. `root`: `e` is a whole rule part, whose latest_start notes whether it was
  // boundary-sensitive (NativeFrame::boundary_sensitive).
  // `context`, if given, is what every frame the code runs with will have.
  void value(const Expression& e, bool root, Xbyak::Label& escape,
             const NativeContext* context = nullptr);

  // working_days(a, b), a the day index in rsi and b that in rax, into rax and rdx: on the
  // calendar's tables when `context` has the calendar, else through the frame's.
  void working_days(const NativeContext* context);

  // Calls a helper, a plain function, by its address.
  template <typename F>
  void call(F* helper) {
    c_.mov(c_.rax, reinterpret_cast<size_t>(helper));
    c_.call(c_.rax);
  }

 private:
  const PlanNode& node(int index) const { return plan_->nodes[static_cast<size_t>(index)]; }
  void value(int index, bool root);
  void push_value();
  void pop_operand();
  void combine_states(Xbyak::Label& unknown);
  void operands(const PlanNode& n, bool period);
  template <typename F>
  void binary(const PlanNode& n, bool period, F known);
  void fail_on_overflow();
  void period_address(int index);
  void parameter_state(uint32_t index, Xbyak::Label& done);
  void scalar_field(uint32_t slot, FieldLocation location, bool date);
  using FieldHelper = NativeResult (*)(const NativeFrame*, uint64_t, FieldReader) noexcept;
  void read_through(const PlanNode& field, FieldHelper helper);
  void julian_day_to_index();
  void parameter(const PlanNode& n);
  void constant(Type::Kind kind, const Value& v);
  void logical(const PlanNode& n, bool is_and);
  void extreme(const PlanNode& n);
  const Value* fixed_parameter(uint32_t index) const;
  std::optional<Period> fixed_period(int index) const;
  void add_fixed_period(Period p);
  void failed();

  Xbyak::CodeGenerator& c_;
  const Expression::Plan* plan_ = nullptr;
  Xbyak::Label* escape_ = nullptr;
  const NativeContext* context_ = nullptr;
};

}  // namespace compact::rules

#endif
