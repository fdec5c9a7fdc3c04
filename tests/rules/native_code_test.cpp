// Rules compiled to machine code (src/rules/native_code.hpp): which expressions are compiled, and
// what happens to the values native code cannot hold. That native code gives the interpreter's
// results is tested on random expressions in expression_reference_test and on random packs in
// engine_reference_test.

#include "native_code.hpp"

#include <cstdint>
#include <random>
#include <tuple>
#include <vector>

#include "compact/calendar/date.hpp"
#include "compact/model/commission.hpp"
#include "gtest/gtest.h"
#include "random_expressions.hpp"

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
      // Whether a text field is blank, read where it is.
      {"payment.id? and not blank(payment.in_advance_need)", true},
      {"blank(commission.ending.rationale)", false},
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

// A case built in C++ can hold amounts near the 64-bit limits: a sum beyond them fails, natively as
// in the interpreter, instead of wrapping round.
TEST(NativeCode, ASumBeyond64BitsFailsBothWays) {
  Scope scope;
  scope.declare("limit", Type::of(Type::Kind::kInteger));
  for (const auto& [text, limit, fails] : std::vector<std::tuple<std::string_view, int64_t, bool>>{
           {"limit + 1", INT64_MAX, true},
           {"limit + 1", INT64_MAX - 1, false},
           {"limit - 1", INT64_MIN, true},
           {"0 - limit", INT64_MIN, true},
           {"limit - 1", INT64_MIN + 1, false}}) {
    const Expression e = *compile(text, scope);
    std::vector<Value> parameters(1);
    parameters[0].number = limit;
    const Environment env{{}, parameters, nullptr};
    const Value interpreted = e.evaluate(env);
    EXPECT_EQ(interpreted.state == Value::State::kFailed, fails) << text << " with " << limit;
    const Expression* const expressions[] = {&e};
    const std::unique_ptr<const NativeCode> code = NativeCode::compile(expressions);
    if (!code->function(0).run) continue;
    const Value native = run_native(code->function(0), e, env);
    EXPECT_EQ(native.state, interpreted.state) << text << " with " << limit;
    EXPECT_EQ(native.number, interpreted.number) << text << " with " << limit;
  }
}

// The scope random_expressions.hpp writes for: commission and payment, then payment_period, limit
// and cutoff.
Scope random_scope() {
  Scope scope;
  scope.bind("commission", access_of<Commission>());
  scope.bind("payment", access_of<Payment>());
  scope.declare("payment_period", Type::of(Type::Kind::kPeriod));
  scope.declare("limit", Type::of(Type::Kind::kInteger));
  scope.declare("cutoff", Type::of(Type::Kind::kDate));
  return scope;
}

// `e`, compiled as `function`, evaluated natively and by the interpreter in `env`: the same state,
// boundary flag and value. `known` says whether the value was known.
::testing::AssertionResult same_both_ways(const Expression& e, NativeCode::Function function,
                                          const Environment& env, bool& known) {
  bool want_boundary = false;
  bool got_boundary = false;
  const Value want = e.evaluate(env, nullptr, &want_boundary);
  const Value got = run_native(function, e, env, &got_boundary);
  known = want.known();
  const bool same = got.state == want.state && got_boundary == want_boundary &&
                    (!known || (e.type().kind == Type::Kind::kDate   ? got.day == want.day
                                : e.type().kind == Type::Kind::kBool ? got.boolean == want.boolean
                                                                     : got.number == want.number));
  if (same) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "native: state " << static_cast<int>(got.state) << ", boundary " << got_boundary
         << "; interpreted: state " << static_cast<int>(want.state) << ", boundary "
         << want_boundary << " (or the values differ)";
}

// Environments shorter than the scope (a slot or parameter left out), parameters unrecorded, and dates
// native code cannot hold, in fields and in a date parameter: on each, random expressions must give
// natively what the interpreter gives, boundary flag included.
TEST(NativeCode, AgreesWithTheInterpreterOnShortEnvironmentsAndOddDates) {
  if (!NativeCode::available()) GTEST_SKIP() << "no native code in this build";
  const Scope scope = random_scope();
  const Date odd[] = {Date(1850, 6, 1),
                      Date(1899, 12, 31),
                      Date(2200, 1, 1),
                      Date(boost::date_time::not_a_date_time),
                      Date(boost::date_time::pos_infin),
                      Date(boost::date_time::neg_infin)};
  const auto odd_date = [&](std::mt19937_64& rng) { return odd[rng() % std::size(odd)]; };
  constexpr Type::Kind kKinds[] = {Type::Kind::kBool, Type::Kind::kDate, Type::Kind::kInteger,
                                   Type::Kind::kMoney};
  std::mt19937_64 rng(20261128);
  int native_runs = 0;
  for (int e = 0; e < 4000; ++e) {
    const Type::Kind kind = kKinds[static_cast<size_t>(e) % std::size(kKinds)];
    const auto tree = reference::random_expression(rng, kind, 1 + e % 5);
    const std::string text = reference::print(*tree, e % 2 == 0);
    const absl::StatusOr<Expression> compiled = compile(text, scope);
    ASSERT_TRUE(compiled.ok()) << text << "\n" << compiled.status();
    const Expression* const expressions[] = {&*compiled};
    const std::unique_ptr<const NativeCode> code = NativeCode::compile(expressions);
    const NativeCode::Function function = code->function(0);
    if (!function.run) continue;
    for (int k = 0; k < 4; ++k) {
      Commission c = reference::random_commission(rng);
      if (rng() % 3 == 0) c.start_on = odd_date(rng);
      if (rng() % 3 == 0) c.end_on = odd_date(rng);
      for (Payment& p : c.payments) {
        if (rng() % 3 == 0) p.received_on = odd_date(rng);
        if (rng() % 3 == 0) p.paid_on = odd_date(rng);
      }
      const Payment* payment =
          c.payments.empty() ? nullptr : &c.payments[rng() % c.payments.size()];
      std::vector<Value> parameters(3);
      parameters[0].period = Period::working_days(static_cast<int64_t>(rng() % 60));
      parameters[1].number = static_cast<int64_t>(rng() % 300) - 100;
      parameters[2].day =
          rng() % 4 == 0 ? odd_date(rng) : from_day_index(static_cast<int64_t>(rng() % 100'000));
      if (rng() % 4 == 0) parameters[rng() % 3].state = Value::State::kUnrecorded;
      const void* entities[] = {&c, payment};
      const Environment env{std::span<const void* const>(entities, rng() % 3),
                            std::span<const Value>(parameters.data(), rng() % 4), nullptr};
      bool known = false;
      ASSERT_TRUE(same_both_ways(*compiled, function, env, known)) << text;
      native_runs += known;
    }
  }
  EXPECT_GE(native_runs, 4000);
}

// With a context, native code builds the calendar's tables and fixed parameters into itself: date
// plus a fixed period of each unit and working_days() are then worked out inline (working days only
// when the context has the calendar). On random
// expressions, a calendar with closures, and fixed periods of every unit from -400,000 to 400,000
// (beyond the range's length either way), it must give what the interpreter gives.
TEST(NativeCode, AgreesWithTheInterpreterWhenTheContextFixesCalendarAndParameters) {
  if (!NativeCode::available()) GTEST_SKIP() << "no native code in this build";
  const Scope scope = random_scope();
  const absl::StatusOr<Calendar> calendar = Calendar::england_and_wales().with_closures(
      "shutdown", {{Date(2024, 12, 27), "Christmas shutdown", false},
                   {Date(1900, 1, 2), "an early one", false}});
  ASSERT_TRUE(calendar.ok()) << calendar.status();
  constexpr PeriodUnit kUnits[] = {PeriodUnit::kDays, PeriodUnit::kWeeks, PeriodUnit::kMonths,
                                   PeriodUnit::kYears, PeriodUnit::kWorkingDays};
  constexpr int64_t kCounts[] = {0, 1, -1, 30, -30, 3, 12, 260, -260, 110'000, -400'000, 400'000};
  constexpr Type::Kind kKinds[] = {Type::Kind::kBool, Type::Kind::kDate, Type::Kind::kInteger};
  std::mt19937_64 rng(20261128);
  int native_runs = 0;
  for (int e = 0; e < 3000; ++e) {
    const Type::Kind kind = kKinds[static_cast<size_t>(e) % std::size(kKinds)];
    const auto tree = reference::random_expression(rng, kind, 1 + e % 5);
    const std::string text = reference::print(*tree, e % 2 == 0);
    const absl::StatusOr<Expression> compiled = compile(text, scope);
    ASSERT_TRUE(compiled.ok()) << text << "\n" << compiled.status();
    std::vector<Value> parameters(3);
    parameters[0].period = {kCounts[rng() % std::size(kCounts)], kUnits[rng() % std::size(kUnits)]};
    parameters[1].number = static_cast<int64_t>(rng() % 300) - 100;
    parameters[2].day = from_day_index(static_cast<int64_t>(rng() % kSupportedDays));
    // Every other expression without the calendar in its context: working days then go through
    // the frame's calendar, fixed periods or not.
    NativeContext context{e % 2 == 0 ? &*calendar : nullptr,
                          {&parameters[0], &parameters[1], &parameters[2]}};
    NativeSource source;
    source.expression = &*compiled;
    source.context = &context;
    const std::unique_ptr<const NativeCode> code = NativeCode::compile({&source, 1});
    const NativeCode::Function function = code->function(0);
    if (!function.run) continue;
    for (int k = 0; k < 4; ++k) {
      const Commission c = reference::random_commission(rng);
      const Payment* payment =
          c.payments.empty() ? nullptr : &c.payments[rng() % c.payments.size()];
      const void* entities[] = {&c, payment};
      const Environment env{entities, parameters, &*calendar};
      bool known = false;
      ASSERT_TRUE(same_both_ways(*compiled, function, env, known))
          << text << " with " << to_string(parameters[0].period);
      native_runs += known;
    }
  }
  EXPECT_GE(native_runs, 3000);
}

// Every date within 60 days of the supported range's ends, and every count of each unit up to 40
// either way, added and as latest_start(): where an answer just leaves the range, native code must
// fail exactly where the interpreter does, and note a boundary where it does.
TEST(NativeCode, AFixedPeriodLeavesTheRangeWhereTheInterpreterSaysSo) {
  if (!NativeCode::available()) GTEST_SKIP() << "no native code in this build";
  const Scope scope = random_scope();
  const Calendar& calendar = Calendar::england_and_wales();
  int failed = 0;
  int boundary = 0;
  for (const std::string_view text : {"payment.received_on + payment_period",
                                      "latest_start(payment.received_on, payment_period)"}) {
    const Expression e = *compile(text, scope);
    for (const PeriodUnit unit : {PeriodUnit::kDays, PeriodUnit::kWeeks, PeriodUnit::kMonths,
                                  PeriodUnit::kYears, PeriodUnit::kWorkingDays}) {
      for (int64_t n = -40; n <= 40; ++n) {
        std::vector<Value> parameters(1);
        parameters[0].period = {n, unit};
        NativeContext context{&calendar, {&parameters[0]}};
        NativeSource source;
        source.expression = &e;
        source.context = &context;
        const std::unique_ptr<const NativeCode> code = NativeCode::compile({&source, 1});
        ASSERT_NE(code->function(0).run, nullptr);
        Commission c;
        Payment& payment = c.payments.emplace_back();
        const void* entities[] = {&c, &payment};
        const Environment env{entities, parameters, &calendar};
        for (int64_t i = 0; i < kSupportedDays; i = i == 59 ? kSupportedDays - 60 : i + 1) {
          payment.received_on = from_day_index(i);
          const std::string where = std::string(text) + " on " + format_date(from_day_index(i)) +
                                    " with " + to_string(parameters[0].period);
          bool want_boundary = false;
          bool got_boundary = false;
          const Value want = e.evaluate(env, nullptr, &want_boundary);
          const Value got = run_native(code->function(0), e, env, &got_boundary);
          ASSERT_EQ(got.state, want.state) << where;
          ASSERT_EQ(got_boundary, want_boundary) << where;
          boundary += want_boundary;
          if (want.known()) {
            ASSERT_EQ(got.day, want.day) << where;
          } else {
            ++failed;
          }
        }
      }
    }
  }
  // Answers do leave the range, and some are boundary-sensitive.
  EXPECT_GT(failed, 1000);
  EXPECT_GT(boundary, 100);
}

}  // namespace
}  // namespace compact::rules
