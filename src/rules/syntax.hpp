#pragma once
// The expression language's syntax: text to a tree, before any types are known. docs/packs.md gives the
// grammar; the compiler (compiler.cpp) checks types and names.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "compact/calendar/date.hpp"
#include "compact/calendar/period.hpp"

namespace compact::rules {

// Expressions are short; these bound what a hostile pack can make the parser do.
inline constexpr size_t kMaxExpressionBytes = 16 << 10;
inline constexpr int kMaxExpressionDepth = 64;

enum class CompareOp : uint8_t {
  kEqual,
  kNotEqual,
  kLess,
  kLessOrEqual,
  kGreater,
  kGreaterOrEqual
};
std::string_view spelling(CompareOp op);  // "==", "<=", ...

struct SyntaxNode {
  enum class Kind : uint8_t {
    kBool,      // true, false: `number` 0 or 1
    kInteger,   // 42: `number`
    kMoney,     // £12.50: `number` in pence
    kDate,      // 2025-01-06: `date`
    kPeriod,    // 12 weeks: `period`
    kText,      // "grant": `text`, decoded
    kName,      // commission, payment_period: `text`
    kMember,    // first.text
    kRecorded,  // first?
    kNot,       // not first
    kAnd,       // first and second
    kOr,        // first or second
    kCompare,   // first `op` second
    kAdd,       // first + second
    kSubtract,  // first - second
    kCall,      // text(args...)
  };
  explicit SyntaxNode(Kind k) : kind(k) {}

  Kind kind;
  size_t begin = 0;  // the node's text is [begin, end) of the expression
  size_t end = 0;
  int first = -1;  // child node indexes
  int second = -1;
  std::vector<int> args;  // kCall
  // kCall: the name `as` gives the first argument's entries, `any(dispute.stages as first, ...)`,
  // and where that name is in the text; "" when none is given.
  std::string alias;
  size_t alias_begin = 0;
  int64_t number = 0;
  Date date;
  Period period;
  std::string text;
  CompareOp op = CompareOp::kEqual;
};

struct SyntaxTree {
  std::vector<SyntaxNode> nodes;
  int root = -1;
};

// The tree of `text`, or the first syntax error (expression_error() in expression.hpp: it carries the
// offset).
absl::StatusOr<SyntaxTree> parse_expression(std::string_view text);

}  // namespace compact::rules
