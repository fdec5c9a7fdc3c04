// The expression language against its reference implementation (reference_expression.hpp): random
// well-typed expressions, printed as pack text, compiled and evaluated by the library, must give what
// the reference gives from its own tree: the value, its state, the fields named as unrecorded and the
// boundary-sensitive flag.

#include <array>
#include <map>

#include "compact/rules/expression.hpp"
#include "gtest/gtest.h"
#include "native_code.hpp"
#include "random_expressions.hpp"
#include "reference_expression.hpp"

namespace compact::rules::reference {
namespace {

std::string describe_state(Value::State s) {
  switch (s) {
    case Value::State::kKnown:
      return "known";
    case Value::State::kUnrecorded:
      return "unrecorded";
    case Value::State::kFailed:
      return "failed";
  }
  return "?";
}

// A library value as the reference holds one, so that the two are written, and compared, alike.
RefValue as_reference(const Value& v, Kind kind) {
  RefValue r;
  r.state = v.state;
  r.kind = kind;
  r.boolean = v.boolean;
  if (kind == Kind::kDate) r.day = v.day;
  if (kind == Kind::kPeriod) r.period = v.period;
  if (kind == Kind::kText) r.text = std::string(v.text);
  if (kind == Kind::kInteger || kind == Kind::kMoney) r.number = v.number;
  return r;
}

// A value as a failure message shows it, and as it is compared.
std::string written(const RefValue& v) {
  if (!v.known()) return describe_state(v.state);
  switch (v.kind) {
    case Kind::kBool:
      return v.boolean ? "true" : "false";
    case Kind::kDate:
      return format_date(v.day);
    case Kind::kText:
      return v.text;
    default:
      return std::to_string(v.number);
  }
}

TEST(ExpressionReference, RandomExpressionsAgreeWithTheReference) {
  Scope scope;
  scope.bind("commission", access_of<Commission>());
  scope.bind("payment", access_of<Payment>());
  scope.declare("payment_period", Type::of(Kind::kPeriod));
  scope.declare("limit", Type::of(Kind::kInteger));
  scope.declare("cutoff", Type::of(Kind::kDate));
  const Calendar& calendar = Calendar::england_and_wales();

  constexpr std::array kKinds = {Kind::kBool, Kind::kBool,    Kind::kBool,  Kind::kDate,
                                 Kind::kDate, Kind::kInteger, Kind::kMoney, Kind::kText};
  constexpr int kExpressions = 6000;
  constexpr int kCasesEach = 4;
  std::map<std::string, int> seen;  // results by kind and state, so that none goes untested
  std::mt19937_64 rng(20261128);
  for (int e = 0; e < kExpressions; ++e) {
    const Kind kind = kKinds[static_cast<size_t>(e) % kKinds.size()];
    const std::unique_ptr<RefNode> tree = random_expression(rng, kind, 1 + e % 5);
    const std::string text = print(*tree, e % 2 == 0);
    const absl::StatusOr<Expression> compiled = compile(text, scope);
    ASSERT_TRUE(compiled.ok()) << text << "\n" << compiled.status();
    ASSERT_EQ(compiled->type().kind, kind) << text;
    // The same expression compiled to machine code, where native code handles it.
    const Expression* const expressions[] = {&*compiled};
    const std::unique_ptr<const NativeCode> native = NativeCode::compile(expressions);
    for (int k = 0; k < kCasesEach; ++k) {
      const Commission c = random_commission(rng);
      const Payment* payment =
          c.payments.empty() || rng() % 5 == 0 ? nullptr : &c.payments[rng() % c.payments.size()];
      std::vector<Value> parameters(3);
      parameters[0].period = {static_cast<int64_t>(rng() % 60), PeriodUnit::kWorkingDays};
      parameters[1].number = static_cast<int64_t>(rng() % 300);
      parameters[2].day =
          from_day_index(kDaysFrom1900To1990 + static_cast<int64_t>(rng() % 16'000));

      const void* entities[] = {&c, payment};
      Unrecorded unrecorded;
      bool boundary_sensitive = false;
      const Value got =
          compiled->evaluate({entities, parameters, &calendar}, &unrecorded, &boundary_sensitive);

      RefScope ref_scope{{{"commission", {&c, &access_of<Commission>()}},
                          {"payment", {payment, &access_of<Payment>()}}},
                         {},
                         &calendar};
      ref_scope.parameters = {{"payment_period", as_reference(parameters[0], Kind::kPeriod)},
                              {"limit", as_reference(parameters[1], Kind::kInteger)},
                              {"cutoff", as_reference(parameters[2], Kind::kDate)}};
      const RefResult want = evaluate(*tree, ref_scope);

      const std::string where =
          text + "\n(case " + std::to_string(k) + " of expression " + std::to_string(e) + ")";
      ASSERT_EQ(want.value.kind, kind) << where;
      ASSERT_EQ(written(as_reference(got, kind)), written(want.value)) << where;
      ASSERT_EQ(boundary_sensitive, want.boundary_sensitive) << where;
      std::set<std::string> named;
      for (size_t i = 0; i < std::min(unrecorded.count, Unrecorded::kMax); ++i) {
        named.insert(compiled->field_paths()[unrecorded.fields[i]]);
      }
      if (want.unrecorded.size() <= Unrecorded::kMax) {
        ASSERT_EQ(named, want.unrecorded) << where;
        ASSERT_EQ(unrecorded.count, want.unrecorded.size()) << where;
      }
      if (const NativeCode::Function function = native->function(0); function.run) {
        bool native_boundary = false;
        const Value fast =
            run_native(function, *compiled, {entities, parameters, &calendar}, &native_boundary);
        ASSERT_EQ(written(as_reference(fast, kind)), written(want.value)) << "native: " << where;
        ASSERT_EQ(native_boundary, want.boundary_sensitive) << "native: " << where;
        ++seen["native code, " + describe_state(fast.state)];
      }
      ++seen[describe(Type::of(kind)) + ", " + describe_state(got.state)];
      if (boundary_sensitive) ++seen["boundary-sensitive"];
    }
  }
  // Each kind must have been seen known and unrecorded, and dates failed too: a generator that
  // drifted into giving one kind of result would make this test weak without failing it.
  for (const char* bucket :
       {"a bool, known", "a bool, unrecorded", "a date, known", "a date, unrecorded",
        "a date, failed", "an integer, known", "an integer, unrecorded", "money, known",
        "money, unrecorded", "text, known", "text, unrecorded", "boundary-sensitive"}) {
    EXPECT_GE(seen[bucket], 50) << bucket;
  }
  // Native code must have been run often, and met each state, where the build has it.
  if (NativeCode::available()) {
    for (const char* bucket :
         {"native code, known", "native code, unrecorded", "native code, failed"}) {
      EXPECT_GE(seen[bucket], 100) << bucket << ": " << seen[bucket];
    }
  }
}

}  // namespace
}  // namespace compact::rules::reference
