// Rules compiled to machine code (src/rules/native_code.hpp): which expressions are compiled, and
// what happens to the values native code cannot hold. That native code gives the interpreter's
// results is tested on random expressions in expression_reference_test and on random packs in
// engine_reference_test.

#include "native_code.hpp"

#include <vector>

#include "compact/calendar/date.hpp"
#include "compact/model/commission.hpp"
#include "gtest/gtest.h"

namespace compact::rules {
namespace {

class NativeCodeTest : public ::testing::Test {
 protected:
  NativeCodeTest() {
    scope_.bind("commission", access_of<Commission>());
    scope_.bind("payment", access_of<Payment>());
    scope_.declare("payment_period", Type::of(Type::Kind::kPeriod));
  }

  Expression compiled(std::string_view text) const { return *compile(text, scope_); }

  // The expression evaluated natively (it must have been compiled so) and by the interpreter, on a
  // payment received on `received`.
  std::pair<Value, Value> both_ways(std::string_view text, Date received) {
    const Expression e = compiled(text);
    const Expression* const expressions[] = {&e};
    const std::unique_ptr<const NativeCode> code = NativeCode::compile(expressions);
    EXPECT_NE(code->function(0).run, nullptr) << text;
    Commission c;
    c.payments.emplace_back().received_on = received;
    const void* entities[] = {&c, &c.payments[0]};
    std::vector<Value> parameters(1);
    parameters[0].period = Period::working_days(30);
    const Environment env{entities, parameters, nullptr};
    if (!code->function(0).run) return {};
    return {run_native(code->function(0), e, env), e.evaluate(env)};
  }

  Scope scope_;
};

TEST_F(NativeCodeTest, IsAvailableWhereTheBuildSaysSo) {
#ifdef COMPACT_EXPECT_NATIVE_CODE
  EXPECT_TRUE(NativeCode::available());
#else
  EXPECT_FALSE(NativeCode::available());
#endif
}

TEST_F(NativeCodeTest, CompilesWhatItHandlesAndLeavesTheRest) {
  if (!NativeCode::available()) GTEST_SKIP() << "no native code in this build";
  const std::vector<std::pair<std::string_view, bool>> cases = {
      {"payment.received_on + payment_period", true},
      {"not default(payment.in_advance, false)", true},
      {"if(payment.alternative_terms_agreed, payment.agreed_pay_by, payment.received_on)", true},
      {"latest_start(commission.start_on, 3 months)", true},
      {"min(payment.received_on, payment.paid_on, 2025-01-01) < 2026-01-01", true},
      {"commission.approach == 'grant' and payment.paid_on?", true},
      // Whether a text or entity field is recorded, though not its value.
      {"payment.id? and commission.ending?", true},
      // Text, lists and the quantifiers are the interpreter's.
      {"commission.id == 'G1'", false},
      {"count(commission.payments) > 2", false},
      {"any(commission.payments, payment.paid_on?)", false},
  };
  std::vector<Expression> expressions;
  for (const auto& [text, _] : cases) expressions.push_back(compiled(text));
  std::vector<const Expression*> pointers;
  for (const Expression& e : expressions) pointers.push_back(&e);
  const std::unique_ptr<const NativeCode> code = NativeCode::compile(pointers);
  for (size_t i = 0; i < cases.size(); ++i) {
    EXPECT_EQ(code->function(i).run != nullptr, cases[i].second) << cases[i].first;
  }
  // The same expression twice shares one function.
  const Expression* const twice[] = {&expressions[0], &expressions[0]};
  const std::unique_ptr<const NativeCode> shared = NativeCode::compile(twice);
  EXPECT_EQ(shared->function(0).run, shared->function(1).run);
}

// A case built in C++ may hold a date outside 1900-2199, which native code does not hold as a day
// index: the interpreter decides, and the result is the same.
TEST_F(NativeCodeTest, ADateOutsideTheSupportedRangeIsLeftToTheInterpreter) {
  if (!NativeCode::available()) GTEST_SKIP() << "no native code in this build";
  const std::vector<std::pair<std::string_view, Date>> received = {
      {"1850-06-01", Date(1850, 6, 1)},
      {"2250-01-01", Date(2250, 1, 1)},
      {"not a date", Date(boost::date_time::not_a_date_time)},
      {"+infinity", Date(boost::date_time::pos_infin)}};
  for (const auto& [name, day] : received) {
    for (const std::string_view text :
         {"payment.received_on < 2000-01-01", "payment.received_on > 2000-01-01",
          "payment.received_on != 2000-01-01", "payment.received_on >= payment.received_on",
          "days(payment.received_on, 2000-01-01) > 0", "payment.received_on + payment_period",
          "max(payment.received_on, 2000-01-01) == 2000-01-01", "payment.received_on?",
          "default(payment.received_on, 2000-01-01) == 2000-01-01"}) {
      const auto [native, interpreted] = both_ways(text, day);
      EXPECT_EQ(native.state, interpreted.state) << text << " on " << name;
      EXPECT_EQ(native.boolean, interpreted.boolean) << text << " on " << name;
    }
  }
  // Within the range, the same expressions are answered natively, as the interpreter answers them.
  const auto [native, interpreted] =
      both_ways("payment.received_on + payment_period", Date(2025, 12, 19));
  ASSERT_TRUE(native.known());
  EXPECT_EQ(native.day, Date(2026, 2, 4));  // 30 working days over Christmas and New Year
  EXPECT_EQ(native.day, interpreted.day);
}

}  // namespace
}  // namespace compact::rules
