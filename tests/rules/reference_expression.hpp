#pragma once
// A second implementation of the expression language, for differential tests: an expression as a
// tree that prints itself as pack text and evaluates itself, written from docs/packs.md's table
// with nothing taken from the library's parser, compiler or evaluator. It is slow and plain on
// purpose: names are looked up as they are met, values carry their own kind, fields are found by
// name in the schema.

#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "compact/calendar/calendar.hpp"
#include "compact/calendar/period.hpp"
#include "compact/model/field_access.hpp"
#include "compact/rules/expression.hpp"

namespace compact::rules::reference {

using Kind = Type::Kind;

struct RefValue {
  Value::State state = Value::State::kKnown;
  Kind kind = Kind::kBool;
  bool boolean = false;
  int64_t number = 0;  // integer, money (pence)
  Date day;
  Period period;
  std::string text;  // text, and an enum's value by name
  // A list: the std::vector and the table to read its entries.
  const void* list = nullptr;
  const EntityAccess* list_access = nullptr;

  bool known() const { return state == Value::State::kKnown; }
};

struct RefNode {
  enum class Op {
    kLiteral,    // `value`
    kField,      // `path`, e.g. "payment.paid_on": a name in scope, then fields
    kParameter,  // `path` is its name
    kRecorded,   // args[0]?
    kNot,
    kAnd,
    kOr,
    kCompare,  // args[0] `compare` args[1]
    kAdd,      // date + period, or numbers
    kSubtract,
    kLatestStart,
    kWorkingDays,
    kDays,
    kCount,
    kAny,  // any(args[0], args[1]): args[1] with `element` naming each entry
    kAll,
    kMin,
    kMax,
    kIf,
    kDefault,
    kBlank,  // blank(args[0])
  };
  Op op = Op::kLiteral;
  Kind kind = Kind::kBool;  // the type of the result
  RefValue value;           // kLiteral
  std::string path;         // kField, kParameter
  std::string compare;      // kCompare: "==", "<=", ...
  std::string element;      // kAny, kAll: the name each entry goes by
  std::vector<std::unique_ptr<RefNode>> args;
};

// Whether `text` is empty or Unicode White_Space alone (docs/packs.md's blank()).
bool only_white_space(std::string_view text);

// The pack text of `node`. With `minimal_parentheses`, only those the precedence rules of
// docs/packs.md need; otherwise around every operation, so that both spellings are exercised.
std::string print(const RefNode& node, bool minimal_parentheses);

// What an evaluation sees: entities by the name the scope gives them (null: bound but absent), the
// parameters by name, and the calendar.
struct RefScope {
  struct Entity {
    const void* object;
    const EntityAccess* access;
  };
  std::map<std::string, Entity> entities;
  std::map<std::string, RefValue> parameters;
  const Calendar* calendar;
};

struct RefResult {
  RefValue value;
  std::set<std::string> unrecorded;  // the fields found unrecorded, by path
  bool boundary_sensitive = false;
};

RefResult evaluate(const RefNode& root, const RefScope& scope);

}  // namespace compact::rules::reference
