#include "native_decision.hpp"

#include <cstddef>
#include <optional>
#include <type_traits>

#include "../rules/native_emitter.hpp"

namespace compact {

using rules::NativeSource;
using rules::Pack;
using rules::Rule;
using rules::RulePart;

#if COMPACT_HAS_NATIVE_CODE

namespace {

using namespace Xbyak::util;
using rules::NativeEmitter;
using rules::NativeFrame;
using rules::Value;
using State = Value::State;

// The code is written against Finding's and Value's layout, read by offsetof.
static_assert(std::is_standard_layout_v<Finding> && std::is_standard_layout_v<Value>);
static_assert(sizeof(Outcome) == 1 && sizeof(Inapplicability) == 1 && sizeof(Date) == 4);

constexpr uint32_t byte_of(Outcome o) { return static_cast<uint32_t>(o); }
constexpr uint32_t byte_of(Inapplicability i) { return static_cast<uint32_t>(i); }

// Emits Decision::decide() for one rule: the same steps in the same order (docs/packs.md), each
// part's value inline. rbx holds the frame, r12 the finding; rcx is reloaded with the scope's
// address after each part, since a part's code uses it.
class DecisionEmitter {
 public:
  DecisionEmitter(NativeEmitter& emitter, const Pack& pack, const Rule& rule, bool strict,
                  const rules::NativeContext* context)
      : e_(emitter),
        c_(emitter.code()),
        pack_(pack),
        rule_(rule),
        strict_(strict),
        context_(context) {
    const size_t count = pack.parameters.size();
    as_of_ = slot(count);
    due_ = slot(count + 1);
    actual_ = slot(count + 2);
  }

  void emit() {
    Xbyak::Label give_back;  // to Decision
    Xbyak::Label decided;
    e_.begin();
    if (rule_.arises) arises(give_back, decided);
    if (rule_.when) {
      Xbyak::Label applies;
      part(*rule_.when, give_back);
      c_.test(rdx, rdx);
      c_.jnz(give_back, T);
      c_.test(rax, rax);
      c_.jnz(applies, T);
      not_applicable(Inapplicability::kWhen, decided);
      c_.L(applies);
    }
    if (rule_.unless) {
      // An alternative displaces the rule only when it is known to hold.
      Xbyak::Label applies;
      part(*rule_.unless, give_back);
      c_.test(rdx, rdx);
      c_.jnz(applies, T);
      c_.test(rax, rax);
      c_.jz(applies, T);
      not_applicable(Inapplicability::kUnless, decided);
      c_.L(applies);
    }
    scope();
    c_.mov(byte[rcx + due_ + offsetof(Value, state)], static_cast<uint32_t>(State::kUnrecorded));
    c_.mov(byte[rcx + actual_ + offsetof(Value, state)], static_cast<uint32_t>(State::kUnrecorded));
    if (rule_.due) due(give_back);
    if (rule_.actual) actual(give_back, decided);
    met(give_back, decided);
    c_.L(decided);
    c_.mov(eax, 1);
    e_.end();
    c_.L(give_back);
    c_.xor_(eax, eax);
    e_.end();
  }

 private:
  static constexpr Xbyak::CodeGenerator::LabelType T = Xbyak::CodeGenerator::T_NEAR;

  static uint32_t slot(size_t i) { return static_cast<uint32_t>(i * sizeof(Value)); }

  // A part's value into rax and rdx; a date native code cannot hold hands the finding back.
  void part(const rules::Expression& e, Xbyak::Label& give_back, bool root = false) {
    e_.value(e, root, give_back, context_);
  }

  // rcx: the scope, where due and actual are written for met to read.
  void scope() { c_.mov(rcx, qword[rbx + offsetof(NativeFrame, parameters)]); }

  void set(Outcome outcome) { c_.mov(byte[r12 + offsetof(Finding, outcome)], byte_of(outcome)); }

  void not_applicable(Inapplicability why, Xbyak::Label& decided) {
    c_.mov(byte[r12 + offsetof(Finding, inapplicability)], byte_of(why));
    set(Outcome::kNotApplicable);
    c_.jmp(decided, T);
  }

  // The known day index in rax as a Julian day number into esi, and into the finding's
  // std::optional<Date> at `at`.
  void store_date(size_t at) {
    c_.lea(esi, ptr[rax + kJulianDayOfFirstSupportedDate]);
    c_.mov(dword[r12 + at], esi);
    c_.mov(byte[r12 + at + sizeof(Date)], 1);
  }

  void arises(Xbyak::Label& give_back, Xbyak::Label& decided) {
    Xbyak::Label done;
    Xbyak::Label outside;
    part(*rule_.arises, give_back);
    // Unknown, with no dated parameter to choose (else there is no compiled decision): the finding
    // has no arises, and is not outside the window.
    c_.test(rdx, rdx);
    c_.jnz(done, T);
    store_date(offsetof(Finding, arises));
    if (pack_.in_force_from) {
      c_.mov(rcx, to_day_index(*pack_.in_force_from));
      c_.cmp(rax, rcx);
      c_.jl(outside, T);
    }
    if (pack_.in_force_to) {
      c_.mov(rcx, to_day_index(*pack_.in_force_to));
      c_.cmp(rax, rcx);
      c_.jg(outside, T);
    }
    c_.jmp(done, T);
    c_.L(outside);
    c_.mov(byte[r12 + offsetof(Finding, outside_in_force)], 1);
    if (strict_) not_applicable(Inapplicability::kOutsideInForce, decided);
    c_.L(done);
  }

  void due(Xbyak::Label& give_back) {
    Xbyak::Label done;
    part(*rule_.due, give_back, true);
    scope();
    c_.mov(byte[rcx + due_ + offsetof(Value, state)], dl);
    c_.test(rdx, rdx);
    c_.jnz(done, T);
    store_date(offsetof(Finding, due));
    c_.mov(dword[rcx + due_ + offsetof(Value, day)], esi);
    c_.L(done);
  }

  // As of a date, an act recorded for a later day has not happened yet: it is not recorded.
  void actual(Xbyak::Label& give_back, Xbyak::Label& decided) {
    Xbyak::Label not_recorded;
    Xbyak::Label done;
    part(*rule_.actual, give_back);
    scope();
    c_.test(rdx, rdx);
    c_.jnz(not_recorded, T);
    c_.lea(esi, ptr[rax + kJulianDayOfFirstSupportedDate]);
    c_.cmp(esi, dword[rcx + as_of_ + offsetof(Value, day)]);
    c_.ja(not_recorded, T);
    store_date(offsetof(Finding, actual));
    c_.mov(byte[rcx + actual_ + offsetof(Value, state)], 0);
    c_.mov(dword[rcx + actual_ + offsetof(Value, day)], esi);
    c_.jmp(done, T);
    // Whether that is a problem yet depends on the date; with no deadline at all, an act not yet
    // recorded is simply still to come.
    c_.L(not_recorded);
    if (rule_.due) {
      Xbyak::Label pending;
      c_.cmp(byte[rcx + due_ + offsetof(Value, state)], 0);
      c_.jne(give_back, T);
      if (rule_.due_means != rules::DueMeans::kFirstDay) {
        c_.mov(esi, dword[rcx + as_of_ + offsetof(Value, day)]);
        c_.cmp(esi, dword[rcx + due_ + offsetof(Value, day)]);
        c_.jbe(pending, T);
        set(Outcome::kOverdue);
        c_.jmp(decided, T);
      }
      c_.L(pending);
    }
    set(Outcome::kPending);
    c_.jmp(decided, T);
    c_.L(done);
  }

  void met(Xbyak::Label& give_back, Xbyak::Label& decided) {
    Xbyak::Label is_met;
    Xbyak::Label margins;
    if (!compares_scope_dates(give_back, is_met)) {
      part(*rule_.met, give_back);
      c_.test(rdx, rdx);
      c_.jnz(give_back, T);
      c_.test(rax, rax);
      c_.jnz(is_met, T);
    }
    // Missed: whether explained_by explains it is Decision's to say.
    if (!rule_.explained_by.empty()) c_.jmp(give_back, T);
    set(Outcome::kBreach);
    c_.jmp(margins, T);
    c_.L(is_met);
    set(Outcome::kCompliant);
    c_.L(margins);
    if (rule_.due && rule_.actual) this->margins(decided);
  }

  // A met that compares two of as_of, due and actual, as most rules' does ("actual <= due"), is
  // made on the dates where the decision put them, jumping to `is_met` when it holds: an unknown
  // due or actual leaves it unknown, which hands the finding back.
  bool compares_scope_dates(Xbyak::Label& give_back, Xbyak::Label& is_met) {
    const rules::Expression::Plan& plan = rule_.met->plan();
    const rules::PlanNode& root = plan.nodes[static_cast<size_t>(plan.root)];
    if (root.op != rules::Op::kCompare) return false;
    const auto slot_of = [&](int index) -> std::optional<uint32_t> {
      const rules::PlanNode& n = plan.nodes[static_cast<size_t>(index)];
      const size_t count = pack_.parameters.size();
      if (n.op != rules::Op::kParameter || n.index < count || n.index > count + 2) {
        return std::nullopt;
      }
      return slot(n.index);
    };
    const std::optional<uint32_t> a = slot_of(root.a);
    const std::optional<uint32_t> b = slot_of(root.b);
    if (!a || !b) return false;
    scope();
    for (const uint32_t at : {*a, *b}) {
      if (at == as_of_) continue;  // always known
      c_.cmp(byte[rcx + at + offsetof(Value, state)], 0);
      c_.jne(give_back, T);
    }
    // Julian day numbers, all within 1900-2199: compared as unsigned.
    c_.mov(esi, dword[rcx + *a + offsetof(Value, day)]);
    c_.cmp(esi, dword[rcx + *b + offsetof(Value, day)]);
    switch (root.compare) {
      case rules::CompareOp::kEqual:
        c_.je(is_met, T);
        break;
      case rules::CompareOp::kNotEqual:
        c_.jne(is_met, T);
        break;
      case rules::CompareOp::kLess:
        c_.jb(is_met, T);
        break;
      case rules::CompareOp::kLessOrEqual:
        c_.jbe(is_met, T);
        break;
      case rules::CompareOp::kGreater:
        c_.ja(is_met, T);
        break;
      case rules::CompareOp::kGreaterOrEqual:
        c_.jae(is_met, T);
        break;
    }
    return true;
  }

  // How early (positive) or late the act was, in calendar and working days, when both dates are
  // known: from actual to due for a last day, from due to actual for a first day.
  void margins(Xbyak::Label& decided) {
    scope();
    c_.cmp(byte[rcx + due_ + offsetof(Value, state)], 0);
    c_.jne(decided, T);
    c_.cmp(byte[rcx + actual_ + offsetof(Value, state)], 0);
    c_.jne(decided, T);
    const bool last_day = rule_.due_means == rules::DueMeans::kLastDay;
    c_.mov(esi, dword[rcx + (last_day ? actual_ : due_) + offsetof(Value, day)]);
    c_.mov(edx, dword[rcx + (last_day ? due_ : actual_) + offsetof(Value, day)]);
    c_.mov(eax, edx);
    c_.sub(rax, rsi);  // both zero-extended from 32 bits: the signed difference
    c_.mov(qword[r12 + offsetof(Finding, margin_days)], rax);
    c_.mov(byte[r12 + offsetof(Finding, margin_days) + sizeof(int64_t)], 1);
    c_.sub(rsi, kJulianDayOfFirstSupportedDate);
    c_.sub(rdx, kJulianDayOfFirstSupportedDate);
    c_.mov(rax, rdx);
    e_.working_days(context_);
    c_.test(rdx, rdx);
    c_.jnz(decided, T);
    c_.mov(qword[r12 + offsetof(Finding, margin_working_days)], rax);
    c_.mov(byte[r12 + offsetof(Finding, margin_working_days) + sizeof(int64_t)], 1);
  }

  NativeEmitter& e_;
  Xbyak::CodeGenerator& c_;
  const Pack& pack_;
  const Rule& rule_;
  bool strict_;
  const rules::NativeContext* context_;
  uint32_t as_of_ = 0;  // the scope's slots, as byte offsets
  uint32_t due_ = 0;
  uint32_t actual_ = 0;
};

// Whether the rule's decision can be compiled: every part handled, in-force dates that are real
// dates, and std::optional laid out as the code writes it.
bool compiles(const Pack& pack, const Rule& rule) {
  for (const RulePart part : {RulePart::kWhen, RulePart::kUnless, RulePart::kArises, RulePart::kDue,
                              RulePart::kActual, RulePart::kMet}) {
    const rules::Expression* e = rule.expression(part);
    if (e && !NativeEmitter::handles(*e)) return false;
  }
  if (!rule.met) return false;
  for (const std::optional<Date>& d : {pack.in_force_from, pack.in_force_to}) {
    if (d && d->is_special()) return false;
  }
  return rules::optional_layout_known(Date(2025, 1, 6)) &&
         rules::optional_layout_known(int64_t{-2});
}

}  // namespace

NativeSource decision_source(const Pack& pack, const Rule& rule, bool strict,
                             const rules::NativeContext* context) {
  NativeSource source;
  if (!compiles(pack, rule)) return source;
  // Each part's code, the frame's entry and exit, and the decision's own steps (about 620 bytes
  // with every part; more room costs nothing, too little would leave every rule interpreted).
  source.max_bytes = 2 * NativeEmitter::kFrameBytes + 1024;
  for (const RulePart part : {RulePart::kWhen, RulePart::kUnless, RulePart::kArises, RulePart::kDue,
                              RulePart::kActual, RulePart::kMet}) {
    if (const rules::Expression* e = rule.expression(part)) {
      source.max_bytes += NativeEmitter::max_bytes(*e);
    }
  }
  // A decision runs on the entities its engine covered, and on a scope that is all there: the
  // pack's parameters, then as_of (a supported date) and the due and actual it works out itself,
  // which are day indexes whenever they are known.
  rules::NativeContext own = *context;
  own.bound_slots = rule.path.size() + 1;
  own.known_parameters = pack.parameters.size() + 3;
  source.emit = [&pack, &rule, strict, own](NativeEmitter& emitter) {
    DecisionEmitter(emitter, pack, rule, strict, &own).emit();
  };
  return source;
}

#else

NativeSource decision_source(const Pack&, const Rule&, bool, const rules::NativeContext*) {
  return {};
}

#endif

}  // namespace compact
