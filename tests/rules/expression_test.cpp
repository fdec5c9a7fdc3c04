#include "compact/rules/expression.hpp"

#include <set>

#include "absl/strings/str_cat.h"
#include "compact/model/case.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/cases.hpp"
#include "support/dates.hpp"
#include "support/status_matchers.hpp"

namespace compact::rules {
namespace {

using ::compact::testing::D;
using ::compact::testing::invoice;
using ::compact::testing::StatusIs;
using ::testing::HasSubstr;

// A grant with three invoices, the last not yet paid, and no ending; `payment` is bound to one of them.
class ExpressionTest : public ::testing::Test {
 protected:
  ExpressionTest() {
    commission_.id = "G1";
    commission_.approach = Approach::kGrant;
    commission_.title = "Larder";
    commission_.value_pence = Money{2'500'000};
    commission_.decision_notified_on = D("2025-01-01");
    commission_.start_on = D("2025-04-01");
    commission_.end_on = D("2028-03-31");
    commission_.payments = {invoice("P1", D("2024-12-13"), D("2025-01-29")),
                            invoice("P2", D("2025-03-03"), D("2025-03-10")),
                            invoice("P3", D("2025-06-02"), std::nullopt)};
    scope_.bind("commission", access_of<Commission>());
    scope_.bind("payment", access_of<Payment>());
    scope_.declare("payment_period", Type::of(Type::Kind::kPeriod));
    Value period;
    period.period = Period::working_days(30);
    parameters_.push_back(period);
  }

  absl::StatusOr<Expression> compile_here(std::string_view text) const {
    return compile(text, scope_);
  }

  // Evaluates `text` with `payment` bound to payments[index].
  Value eval(std::string_view text, size_t index = 0, Unrecorded* unrecorded = nullptr) {
    absl::StatusOr<Expression> expression = compile_here(text);
    EXPECT_TRUE(expression.ok()) << text << ": " << expression.status();
    if (!expression.ok()) return {};
    const void* entities[] = {&commission_, &commission_.payments[index]};
    return expression->evaluate({entities, parameters_, &Calendar::england_and_wales()},
                                unrecorded);
  }

  bool holds(std::string_view text, size_t index = 0) {
    const Value v = eval(text, index);
    EXPECT_TRUE(v.known()) << text;
    return v.known() && v.boolean;
  }

  Commission commission_;
  Scope scope_;
  std::vector<Value> parameters_;
};

TEST_F(ExpressionTest, LiteralsHaveTheirTypes) {
  const std::pair<const char*, Type::Kind> cases[] = {
      {"true", Type::Kind::kBool},
      {"42", Type::Kind::kInteger},
      {"£12.50", Type::Kind::kMoney},
      {"2025-01-06", Type::Kind::kDate},
      {"12 weeks", Type::Kind::kPeriod},
      {"30 working days", Type::Kind::kPeriod},
      {"\"grant\"", Type::Kind::kText},
      {"'grant'", Type::Kind::kText},
      {"commission", Type::Kind::kEntity},
      {"commission.payments", Type::Kind::kList},
      {"commission.approach", Type::Kind::kEnum},
      {"payment_period", Type::Kind::kPeriod},
  };
  for (const auto& [text, kind] : cases) {
    absl::StatusOr<Expression> e = compile_here(text);
    ASSERT_TRUE(e.ok()) << text << ": " << e.status();
    EXPECT_EQ(e->type().kind, kind) << text;
  }
  EXPECT_EQ(eval("£12.50").number, 1250);
  EXPECT_EQ(eval("£3").number, 300);
  EXPECT_EQ(eval("£0.5").number, 50);
  // (A text value views the expression it came from, so it is compared while that lives.)
  EXPECT_TRUE(holds("'it\\'s' == \"it's\""));
  EXPECT_EQ(eval("3 months").period, Period::months(3));
  EXPECT_EQ(eval("1 working day").period, Period::working_days(1));
}

// Worked examples from DESIGN.md and the Compact, each written as a rule author would.
TEST_F(ExpressionTest, EachOperatorOnWorkedExamples) {
  const char* const true_expressions[] = {
      // An invoice received Fri 13 Dec 2024 is due by Wed 29 Jan 2025 under "30 working days".
      "payment.received_on + 30 working days == 2025-01-29",
      "payment.received_on + payment_period == 2025-01-29",
      "payment.paid_on <= payment.received_on + payment_period",
      // A consultation opening Mon 6 Jan 2025 meets 12 weeks when it closes on or after 31 Mar 2025.
      "2025-01-06 + 12 weeks == 2025-03-31",
      "2025-03-31 - 12 weeks == 2025-01-06",
      // Told by 1 Jan 2025 for a 1 April start: three months' notice exactly.
      "latest_start(commission.start_on, 3 months) == 2025-01-01",
      "commission.decision_notified_on <= latest_start(commission.start_on, 3 months)",
      // 1 Apr 2025 to 31 Mar 2028 is three years.
      "commission.end_on >= commission.start_on + 36 months - 1 day",
      "2025-01-31 + 1 month == 2025-02-28",
      "2024-02-28 + 1 month == 2024-03-28",
      "working_days(2024-12-13, 2025-01-29) == 30",
      "days(2025-01-06, 2025-03-31) == 84",
      "days(2025-03-31, 2025-01-06) == -84",
      "count(commission.payments) == 3",
      "count(commission.variations) == 0",
      "any(commission.payments, payment.id == \"P3\")",
      "all(commission.payments, payment.received_on?)",
      "not all(commission.payments, payment.paid_on?)",
      "min(2025-01-01, 2024-06-30, 2024-07-01) == 2024-06-30",
      "max(1, 5, 3) == 5",
      "min(-3, 2) == -3 and -£5 < £0",
      "max(£1, £2.50) == £2.50",
      "commission.value_pence > £100 and commission.value_pence == £25000",
      "commission.value_pence - £5000 == £20000",
      "count(commission.payments) + 1 == 4",
      "commission.approach == \"grant\"",
      "\"contract\" != commission.approach",
      "commission.title == 'Larder'",
      "commission.title != \"larder\"",
      "payment.paid_on? and not commission.ending?",
      "commission.approach == \"loan\" or commission.start_on < 2026-01-01",
      "(1 < 2) == true",
      "1 - - 2 == 3",
      "not blank(commission.title)",
      "blank('') and blank(\" \u00A0\u3000 \")",
  };
  for (const char* text : true_expressions) EXPECT_TRUE(holds(text)) << text;
  const char* const false_expressions[] = {
      "commission.start_on < 2025-04-01",
      "2025-01-06 + 12 weeks < 2025-03-31",
      "count(commission.payments) > 3",
      "any(commission.payments, payment.received_on > 2025-12-31)",
      "commission.ending.notice_given_on?",
      "commission.approach != \"grant\"",
      "blank(' x ')",
  };
  for (const char* text : false_expressions) EXPECT_FALSE(holds(text)) << text;
}

// An unrecorded field makes the result unknown and is named, never guessed; `?` and the logic of
// and/or decide what they can without it.
TEST_F(ExpressionTest, UnrecordedFieldsAreNamedNotGuessed) {
  Unrecorded unrecorded;
  absl::StatusOr<Expression> e =
      compile_here("payment.paid_on <= payment.received_on + payment_period");
  ASSERT_TRUE(e.ok());
  const void* p3[] = {&commission_, &commission_.payments[2]};
  const Value v = e->evaluate({p3, parameters_, nullptr}, &unrecorded);
  EXPECT_EQ(v.state, Value::State::kUnrecorded);
  ASSERT_EQ(unrecorded.count, 1u);
  EXPECT_EQ(e->field_paths()[unrecorded.fields[0]], "payment.paid_on");

  // A missing entity on the way names the path up to it.
  Unrecorded ending;
  EXPECT_EQ(eval("commission.ending.notice_given_on < commission.end_on", 0, &ending).state,
            Value::State::kUnrecorded);
  ASSERT_EQ(ending.count, 1u);

  // Kleene logic: false decides `and`, true decides `or`; otherwise unknown.
  EXPECT_FALSE(holds("payment.paid_on? and payment.paid_on > 2000-01-01", 2));
  EXPECT_TRUE(holds("payment.paid_on > 2000-01-01 or true", 2));
  EXPECT_TRUE(holds("true or payment.paid_on > 2000-01-01", 2));
  EXPECT_FALSE(holds("payment.paid_on > 2000-01-01 and false", 2));
  for (const char* unknown :
       {"payment.paid_on > 2000-01-01 and true", "false or payment.paid_on > 2000-01-01",
        "not (payment.paid_on > 2000-01-01)", "days(payment.received_on, payment.paid_on) > 3",
        "min(payment.paid_on, 2025-01-01) == 2025-01-01",
        "all(commission.payments, payment.paid_on > 2000-01-01)",
        "blank(commission.ending.rationale)"}) {
    EXPECT_EQ(eval(unknown, 2).state, Value::State::kUnrecorded) << unknown;
  }
  // any() is decided by one true element whatever the others are.
  EXPECT_TRUE(holds("any(commission.payments, payment.paid_on > 2000-01-01)", 2));
}

TEST_F(ExpressionTest, ASlotTheCallerLeavesOutReadsAsUnrecorded) {
  // Only the commission is given: payment's fields are unrecorded and named, not read from memory
  // that holds no payment.
  absl::StatusOr<Expression> e = compile_here("payment.paid_on <= commission.start_on");
  ASSERT_TRUE(e.ok());
  const void* commission_only[] = {&commission_};
  Unrecorded unrecorded;
  EXPECT_EQ(e->evaluate({commission_only, parameters_, nullptr}, &unrecorded).state,
            Value::State::kUnrecorded);
  ASSERT_EQ(unrecorded.count, 1u);
  EXPECT_EQ(e->field_paths()[unrecorded.fields[0]], "payment.paid_on");

  // So does a parameter left out, not read from beyond the parameters given.
  absl::StatusOr<Expression> p = compile_here("commission.start_on + payment_period");
  ASSERT_TRUE(p.ok());
  const void* entities[] = {&commission_, &commission_.payments[0]};
  EXPECT_EQ(p->evaluate({entities, {}, nullptr}).state, Value::State::kUnrecorded);
}

// `as` names the entries of an outer list, so that an inner any() or all() can compare its own
// entries with them: "the earliest payment received" is the one no other was received before. The
// answers are worked out here by brute force over the payments.
TEST_F(ExpressionTest, AsNamesTheEntriesSoThatAnInnerQuantifierCanCompareWithThem) {
  const std::vector<Payment>& payments = commission_.payments;
  ASSERT_GE(payments.size(), 2u);
  const auto earliest_is = [&](std::string_view id) {
    for (const Payment& p : payments) {
      if (p.id != id) continue;
      for (const Payment& other : payments) {
        if (*other.received_on < *p.received_on) return false;
      }
      return true;
    }
    return false;
  };
  for (const Payment& p : payments) {
    const std::string text =
        absl::StrCat("any(commission.payments as first, first.id == '", p.id,
                     "' and all(commission.payments, payment.received_on >= first.received_on))");
    EXPECT_EQ(holds(text), earliest_is(p.id)) << text;
  }
  // Not every payment is received on the earliest day.
  EXPECT_FALSE(
      holds("all(commission.payments as p, all(commission.payments, payment.received_on "
            ">= p.received_on))"));
  // An unrecorded field read through the name is named by its entity's: payment.paid_on.
  Unrecorded unrecorded;
  absl::StatusOr<Expression> e = compile_here(
      "all(commission.payments as p, p.paid_on?) or "
      "all(commission.payments as p, p.paid_on > 2000-01-01)");
  ASSERT_TRUE(e.ok()) << e.status();
  const void* entities[] = {&commission_, &commission_.payments[0]};
  const Value v = e->evaluate({entities, parameters_, nullptr}, &unrecorded);
  ASSERT_EQ(v.state, Value::State::kUnrecorded);
  ASSERT_EQ(unrecorded.count, 1u);
  EXPECT_EQ(e->field_paths()[unrecorded.fields[0]], "payment.paid_on");
}

TEST_F(ExpressionTest, NestedQuantifiersSeeTheirOwnElements) {
  // Inside the inner any(), `payment` is the inner element; after it, the outer one again. The inner
  // any() stops at P1 (paid), so reading P1 for every outer element would make both true.
  const auto brute_force = [&](bool every) {
    bool some_paid = false;
    for (const Payment& p : commission_.payments) some_paid = some_paid || p.paid_on.has_value();
    bool all = true, any = false;
    for (const Payment& outer : commission_.payments) {
      const bool holds_here = some_paid && !outer.paid_on.has_value();
      all = all && holds_here;
      any = any || holds_here;
    }
    return every ? all : any;
  };
  EXPECT_EQ(holds("all(commission.payments, any(commission.payments, payment.paid_on?) and "
                  "not payment.paid_on?)"),
            brute_force(true));
  EXPECT_EQ(holds("any(commission.payments, any(commission.payments, payment.paid_on?) and "
                  "not payment.paid_on?)"),
            brute_force(false));
  EXPECT_FALSE(brute_force(true));
  EXPECT_TRUE(brute_force(false));  // P3 is unpaid
}

TEST_F(ExpressionTest, DatesOutsideTheSupportedRangeFailInsteadOfWrapping) {
  EXPECT_EQ(eval("2199-12-01 + 3 months").state, Value::State::kFailed);
  EXPECT_EQ(eval("1900-01-02 - 1 week").state, Value::State::kFailed);
  EXPECT_EQ(eval("2199-12-01 + 3 months > 2000-01-01 or true").state, Value::State::kKnown);
}

struct ErrorCase {
  const char* text;
  const char* at;  // the caret is at the first occurrence of this text
  const char* message;
};

TEST_F(ExpressionTest, ErrorsSayWhatAndWhereWithACaret) {
  const ErrorCase cases[] = {
      {"payment.in_advance + 3 months", "payment", "cannot add 3 months to a bool"},
      {"commission.strat_on", "strat_on",
       "A commission has no field \"strat_on\"; did you mean \"start_on\"?"},
      {"comission.start_on", "comission",
       "unknown name \"comission\"; did you mean \"commission\"?"},
      {"payment_perod + 1", "payment_perod", "did you mean \"payment_period\"?"},
      {"commission.approach == \"grnt\"", "\"grnt\"",
       "\"grnt\" is not an approach; expected one of grant, contract, loan, training, premises, "
       "other (did you mean \"grant\"?)"},
      {"cout(commission.payments) > 1", "cout",
       "unknown function \"cout\"; did you mean \"count\"?"},
      {"commission.start_on < 2025-02-30", "2025-02-30", "day 30 is not in February 2025"},
      {"12 weeks < 3 months", "12", "periods cannot be compared"},
      {"commission.start_on - commission.end_on", "commission",
       "cannot subtract a date from a date"},
      {"3 months + commission.start_on", "3", "write the date first: a date + 3 months"},
      {"1 < 2 < 3", "< 3", "comparisons do not chain"},
      {"(1 < 2", "", "expected ')' to close the '('"},
      {"commission.payments.paid_on", "commission",
       "commission.payments is a list of payments, which has no fields of its own"},
      {"commission.start_on.year", "commission",
       "commission.start_on is a date, which has no fields"},
      {"count(commission) > 0", "commission)", "commission is a commission; count(list)"},
      {"latest_start(commission.start_on)", "latest_start",
       "latest_start takes 2 arguments, not 1"},
      {"commission.value_pence > 100", "commission",
       "cannot compare money with 100 (write amounts of money like £12.50)"},
      {"commission.title < \"b\"", "commission", "text can only be compared with == or !=, not <"},
      {"not commission.start_on", "commission", "'not' needs a condition (true or false)"},
      {"commission.payments? ", "commission", "a list is always recorded"},
      {"3?", "?", "'?' follows a field"},
      {"commission.title == \"open", "\"open", "the text has no closing double quote"},
      {"commission.start_on # note", "#", "unexpected character #"},
      {"£ > £1", "£ >", "£ must be followed by an amount"},
      {"£1.234 > £1", "£1.234", "one or two digits of pence"},
      {"99999999999999999999 > 1", "9", "the number is too large"},
      {"commission.start_on commission.end_on", "commission.end_on",
       "expected an operator, found a name (is an 'and' or 'or' missing?)"},
      {"commission.value_pence > £50,000", ",000",
       "found ',' (numbers and amounts are written without commas: £50000)"},
      // A byte that is not UTF-8 (the C++ API takes any bytes) is shown escaped, never raw.
      {"commission.start_on \xE2 x", "\xE2", "unexpected character \\xE2 (expressions use"},
      {"2025-01-01 + 30 working weeks", "weeks", "expected 'days' after 'working'"},
      {"min(commission.start_on, 3) > 2025-01-01", "3)", "min's arguments must all be a date"},
      {"any(commission.payments, payment.amount_pence)", "payment.amount_pence",
       "any needs a condition (true or false), but payment.amount_pence is money"},
      {"commission.start_on and true", "commission", "'and' needs a condition"},
      {"", "", "expected an expression, found the end of the expression"},
      {"2025-01-01 + -3 months", "-3", "write date - period to count back"},
      {"- commission.start_on", "-", "a minus sign goes before a number"},
      {"1 + ", "", "expected an expression, found the end"},
      {"blank(commission.start_on)", "commission",
       "commission.start_on is a date; blank(text), as in not blank(ending.rationale)"},
      {"blank(commission.title, 'x')", "blank", "blank takes 1 argument, not 2"},
      {"blnk(commission.title)", "blnk", "did you mean \"blank\"?"},
      {"count(commission.payments as p) > 1", "p)",
       "'as' names the entries of a list only in any() and all()"},
      {"any(commission.payments as commission, true)", "commission,",
       "\"commission\" already names a commission here; choose another name"},
      {"any(commission.payments as payment_period, true)", "payment_period",
       "\"payment_period\" already names a parameter here"},
      {"any(commission.payments as and, true)", "and,",
       "expected a name for the entries after 'as'"},
      {"any(commission.payments, true as x)", "as x",
       "'as' names the entries of the list that comes first"},
      {"as", "as", "expected an expression before 'as'"},
  };
  for (const ErrorCase& c : cases) {
    const std::string text = c.text;
    absl::StatusOr<Expression> e = compile_here(text);
    ASSERT_FALSE(e.ok()) << text;
    EXPECT_EQ(e.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(e.status().message()), HasSubstr(c.message)) << text;
    const size_t expected = *c.at ? text.find(c.at) : text.size();
    EXPECT_EQ(error_offset(e.status()), expected) << text << "\n" << e.status().message();
  }
}

TEST_F(ExpressionTest, TheMessageShowsTheTextWithACaret) {
  absl::StatusOr<Expression> e = compile_here("payment.received_on + payment.in_advance");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(std::string(e.status().message()),
            "column 1: cannot add a bool to a date\n"
            "  payment.received_on + payment.in_advance\n"
            "  ^");
  absl::StatusOr<Expression> field = compile_here("payment.recieved_on + 30 days");
  ASSERT_FALSE(field.ok());
  EXPECT_EQ(std::string(field.status().message()),
            "column 9: A payment has no field \"recieved_on\"; did you mean \"received_on\"?\n"
            "  payment.recieved_on + 30 days\n"
            "          ^");
}

// Hostile expressions are refused by their size or depth, with a message, never by a crash.
TEST_F(ExpressionTest, DeepAndHugeExpressionsAreRefused) {
  const std::string deep_parentheses = std::string(5000, '(') + "1" + std::string(5000, ')');
  std::string deep_not;
  for (int i = 0; i < 3000; ++i) deep_not += "not ";
  deep_not += "true";
  std::string long_sum = "1";
  for (int i = 0; i < 2000; ++i) long_sum += " + 1";
  std::string deep_calls;
  for (int i = 0; i < 1500; ++i) deep_calls += "max(1, ";
  deep_calls += "1" + std::string(1500, ')');
  std::string long_path = "commission";  // found by the fuzzer: a.b.c... overflowed the stack
  for (int i = 0; i < 4000; ++i) long_path += ".x";
  for (const std::string& text : {deep_parentheses, deep_not, long_sum, deep_calls, long_path}) {
    EXPECT_THAT(compile_here(text),
                StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("nested more than 64 deep")))
        << text.substr(0, 20);
  }
  std::string wide = "1";
  for (int i = 0; i < 60; ++i) wide += " + 1";
  EXPECT_EQ(eval(wide + " == 61").boolean, true);
  EXPECT_THAT(compile_here(std::string(20000, ' ') + "1"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("the expression is 20001 bytes long; the limit is 16384")));
}

// Independent check: `+ 30 working days` against a day-by-day walk over GOV.UK's published holidays,
// for every receipt date 2012-2026.
TEST_F(ExpressionTest, WorkingDaysAgreeWithAWalkOverPublishedHolidays) {
  std::set<Date> holidays;
  for (const Holiday& h : testing::published_england_and_wales_holidays()) holidays.insert(h.date);
  const auto working = [&](Date d) {
    return d.day_of_week() != boost::date_time::Saturday &&
           d.day_of_week() != boost::date_time::Sunday && !holidays.contains(d);
  };
  absl::StatusOr<Expression> due = compile_here("payment.received_on + payment_period");
  ASSERT_TRUE(due.ok());
  Payment p = invoice("P", std::nullopt, std::nullopt);
  const void* entities[] = {&commission_, &p};
  int checked = 0;
  for (Date d = D("2012-01-01"); d <= D("2026-10-31"); d += boost::gregorian::days(1)) {
    p.received_on = d;
    Date walk = d;
    for (int n = 0; n < 30;) {
      walk += boost::gregorian::days(1);
      if (working(walk)) ++n;
    }
    const Value v = due->evaluate({entities, parameters_, nullptr});
    ASSERT_TRUE(v.known());
    ASSERT_EQ(v.day, walk) << "received " << format_date(d);
    ++checked;
  }
  EXPECT_GT(checked, 5000);
}

// Independent check: latest_start(x, 3 months) is the latest day e whose corresponding date three
// months on is no later than x, found by search with the corresponding-date rule written out here.
TEST_F(ExpressionTest, LatestStartAgreesWithASearch) {
  const auto plus_three_months = [](Date e) {
    const auto ymd = e.year_month_day();
    int year = ymd.year;
    int month = ymd.month + 3;
    if (month > 12) {
      month -= 12;
      ++year;
    }
    const int last = boost::gregorian::gregorian_calendar::end_of_month_day(
        static_cast<unsigned short>(year), static_cast<unsigned short>(month));
    return Date(static_cast<unsigned short>(year), static_cast<unsigned short>(month),
                static_cast<unsigned short>(std::min<int>(ymd.day, last)));
  };
  absl::StatusOr<Expression> latest = compile_here("latest_start(commission.start_on, 3 months)");
  ASSERT_TRUE(latest.ok());
  Commission c = commission_;
  Payment p;
  const void* entities[] = {&c, &p};
  for (Date x = D("2014-01-01"); x <= D("2018-12-31"); x += boost::gregorian::days(1)) {
    c.start_on = x;
    Date e = x;
    while (plus_three_months(e) > x) e -= boost::gregorian::days(1);
    const Value v = latest->evaluate({entities, {}, nullptr});
    ASSERT_TRUE(v.known());
    ASSERT_EQ(v.day, e) << format_date(x);
  }
}

}  // namespace
}  // namespace compact::rules
