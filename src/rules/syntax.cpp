#include "syntax.hpp"

#include <algorithm>
#include <cctype>

#include "absl/strings/str_cat.h"
#include "compact/rules/expression.hpp"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/printable.hpp"
#include "compact/util/utf8.hpp"

namespace compact::rules {

std::string_view spelling(CompareOp op) {
  switch (op) {
    case CompareOp::kEqual:
      return "==";
    case CompareOp::kNotEqual:
      return "!=";
    case CompareOp::kLess:
      return "<";
    case CompareOp::kLessOrEqual:
      return "<=";
    case CompareOp::kGreater:
      return ">";
    case CompareOp::kGreaterOrEqual:
      return ">=";
  }
  return "?";
}

namespace {

// Numbers in packs are counts of days, weeks, pence: a bound far above any of them keeps every
// later sum exact.
constexpr int64_t kMaxNumber = 1'000'000'000'000'000;
constexpr std::string_view kPound = "\xC2\xA3";  // £ in UTF-8

struct Token {
  enum class Kind : uint8_t {
    kEnd,
    kName,
    kInteger,
    kDate,
    kMoney,
    kText,
    kLeftParen,
    kRightParen,
    kComma,
    kDot,
    kQuestion,
    kPlus,
    kMinus,
    kCompare,
  };
  Kind kind = Kind::kEnd;
  size_t begin = 0;
  size_t end = 0;
  int64_t number = 0;
  Date date;
  std::string text;
  CompareOp op = CompareOp::kEqual;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool starts_name(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool continues_name(char c) { return starts_name(c) || is_digit(c); }

// Reads `text` one token at a time. Every error is a Status carrying its offset.
class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  absl::StatusOr<Token> next() {
    while (at_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[at_]))) ++at_;
    Token token;
    token.begin = at_;
    if (at_ == text_.size()) {
      token.end = at_;
      return token;
    }
    const char c = text_[at_];
    if (starts_name(c)) {
      while (at_ < text_.size() && continues_name(text_[at_])) ++at_;
      token.kind = Token::Kind::kName;
      token.text = std::string(text_.substr(token.begin, at_ - token.begin));
    } else if (is_digit(c)) {
      if (absl::Status status = number_or_date(token); !status.ok()) return status;
    } else if (text_.substr(at_, kPound.size()) == kPound) {
      if (absl::Status status = money(token); !status.ok()) return status;
    } else if (c == '"' || c == '\'') {
      if (absl::Status status = quoted(token); !status.ok()) return status;
    } else if (!punctuation(token)) {
      return unexpected_character();
    }
    token.end = at_;
    return token;
  }

 private:
  // Names the whole character, not its first byte, and what to write for the look-alikes a word
  // processor puts in: ≥ for >=, curly quotes for straight ones.
  absl::Status unexpected_character() const {
    const std::string_view rest = text_.substr(at_);
    const std::string_view character =
        rest.substr(0, std::max<size_t>(1, utf8_sequence_length(rest)));
    struct LookAlike {
      std::string_view character;
      std::string_view instead;
    };
    static constexpr LookAlike kLookAlikes[] = {
        {"\u2265", ">="}, {"\u2264", "<="}, {"\u2260", "!="}, {"\u2212", "-"}, {"\u2013", "-"},
        {"\u201C", "\""}, {"\u201D", "\""}, {"\u2018", "'"},  {"\u2019", "'"},
    };
    for (const LookAlike& l : kLookAlikes) {
      if (character == l.character) {
        return expression_error(at_, absl::StrCat("unexpected character ", to_absl(character),
                                                  "; write ", to_absl(l.instead)));
      }
    }
    return expression_error(at_, absl::StrCat("unexpected character ", printable(character),
                                              " (expressions use names, numbers, dates, "
                                              "\"text\", + - ( ) , . ? and comparisons)"));
  }

  absl::Status number_or_date(Token& token) {
    const size_t begin = at_;
    while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
    // YYYY-MM-DD is a date, never a subtraction: dates are far commoner in rules than sums.
    if (at_ - begin == 4 && at_ + 6 <= text_.size() && text_[at_] == '-' &&
        is_digit(text_[at_ + 1]) && is_digit(text_[at_ + 2]) && text_[at_ + 3] == '-' &&
        is_digit(text_[at_ + 4]) && is_digit(text_[at_ + 5]) &&
        (at_ + 6 == text_.size() || !continues_name(text_[at_ + 6]))) {
      at_ += 6;
      absl::StatusOr<Date> date = parse_date(text_.substr(begin, 10));
      if (!date.ok()) return expression_error(begin, std::string(date.status().message()));
      token.kind = Token::Kind::kDate;
      token.date = *date;
      return absl::OkStatus();
    }
    token.kind = Token::Kind::kInteger;
    return digits(begin, at_, token.number);
  }

  absl::Status digits(size_t begin, size_t end, int64_t& out) {
    out = 0;
    for (size_t i = begin; i < end; ++i) {
      out = out * 10 + (text_[i] - '0');
      if (out > kMaxNumber) {
        return expression_error(
            begin, absl::StrCat("the number is too large (the largest is ", kMaxNumber, ")"));
      }
    }
    return absl::OkStatus();
  }

  // £12, £12.5 or £12.50: pounds, and pence exactly.
  absl::Status money(Token& token) {
    const size_t begin = at_;
    at_ += kPound.size();
    const size_t pounds_begin = at_;
    while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
    if (at_ == pounds_begin) {
      return expression_error(begin, "£ must be followed by an amount, like £12.50");
    }
    int64_t pounds = 0;
    if (absl::Status status = digits(pounds_begin, at_, pounds); !status.ok()) return status;
    int64_t pence = 0;
    if (at_ < text_.size() && text_[at_] == '.') {
      const size_t pence_begin = ++at_;
      while (at_ < text_.size() && is_digit(text_[at_])) ++at_;
      const size_t places = at_ - pence_begin;
      if (places == 0 || places > 2) {
        return expression_error(begin, "an amount has one or two digits of pence, like £12.50");
      }
      if (absl::Status status = digits(pence_begin, at_, pence); !status.ok()) return status;
      if (places == 1) pence *= 10;
    }
    token.kind = Token::Kind::kMoney;
    token.number = pounds * 100 + pence;
    return absl::OkStatus();
  }

  // "text" or 'text'; a backslash escapes the quote or itself.
  absl::Status quoted(Token& token) {
    const size_t begin = at_;
    const char quote = text_[at_++];
    std::string out;
    while (at_ < text_.size() && text_[at_] != quote) {
      if (text_[at_] == '\\' && at_ + 1 < text_.size() &&
          (text_[at_ + 1] == quote || text_[at_ + 1] == '\\')) {
        ++at_;
      }
      out += text_[at_++];
    }
    if (at_ == text_.size()) {
      return expression_error(begin, absl::StrCat("the text has no closing ",
                                                  quote == '"' ? "double" : "single", " quote"));
    }
    ++at_;
    token.kind = Token::Kind::kText;
    token.text = std::move(out);
    return absl::OkStatus();
  }

  bool punctuation(Token& token) {
    const char c = text_[at_];
    const char after = at_ + 1 < text_.size() ? text_[at_ + 1] : '\0';
    const auto single = [&](Token::Kind kind) {
      token.kind = kind;
      ++at_;
      return true;
    };
    const auto compare = [&](CompareOp op, size_t length) {
      token.kind = Token::Kind::kCompare;
      token.op = op;
      at_ += length;
      return true;
    };
    switch (c) {
      case '(':
        return single(Token::Kind::kLeftParen);
      case ')':
        return single(Token::Kind::kRightParen);
      case ',':
        return single(Token::Kind::kComma);
      case '.':
        return single(Token::Kind::kDot);
      case '?':
        return single(Token::Kind::kQuestion);
      case '+':
        return single(Token::Kind::kPlus);
      case '-':
        return single(Token::Kind::kMinus);
      case '=':
        return after == '=' && compare(CompareOp::kEqual, 2);
      case '!':
        return after == '=' && compare(CompareOp::kNotEqual, 2);
      case '<':
        return after == '=' ? compare(CompareOp::kLessOrEqual, 2) : compare(CompareOp::kLess, 1);
      case '>':
        return after == '=' ? compare(CompareOp::kGreaterOrEqual, 2)
                            : compare(CompareOp::kGreater, 1);
      default:
        return false;
    }
  }

  std::string_view text_;
  size_t at_ = 0;
};

std::string_view describe(const Token& token) {
  switch (token.kind) {
    case Token::Kind::kEnd:
      return "the end of the expression";
    case Token::Kind::kName:
      return "a name";
    case Token::Kind::kInteger:
      return "a number";
    case Token::Kind::kDate:
      return "a date";
    case Token::Kind::kMoney:
      return "an amount";
    case Token::Kind::kText:
      return "text";
    case Token::Kind::kLeftParen:
      return "'('";
    case Token::Kind::kRightParen:
      return "')'";
    case Token::Kind::kComma:
      return "','";
    case Token::Kind::kDot:
      return "'.'";
    case Token::Kind::kQuestion:
      return "'?'";
    case Token::Kind::kPlus:
      return "'+'";
    case Token::Kind::kMinus:
      return "'-'";
    case Token::Kind::kCompare:
      return "a comparison";
  }
  return "a token";
}

std::optional<PeriodUnit> unit_named(std::string_view name) {
  if (name == "day" || name == "days") return PeriodUnit::kDays;
  if (name == "week" || name == "weeks") return PeriodUnit::kWeeks;
  if (name == "month" || name == "months") return PeriodUnit::kMonths;
  if (name == "year" || name == "years") return PeriodUnit::kYears;
  return std::nullopt;
}

// The words that are the language's own, which no name may be.
bool is_reserved(std::string_view word) {
  return word == "and" || word == "or" || word == "not" || word == "as" || word == "true" ||
         word == "false";
}

// Recursive descent over the grammar in docs/packs.md, lowest precedence first:
//   or: and ("or" and)*    and: not ("and" not)*    not: "not" not | compare
//   compare: sum (op sum)?    sum: postfix (("+" | "-") postfix)*    postfix: primary "?"?
//   primary: literal | period | name ("." name)* | name "(" args ")" | "(" or ")"
//   args: (or ("as" name)? ("," or)*)?: `as` names the entries of the first
class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text), lexer_(text) {}

  absl::StatusOr<SyntaxTree> parse() {
    if (text_.size() > kMaxExpressionBytes) {
      return expression_error(0, absl::StrCat("the expression is ", text_.size(),
                                              " bytes long; the limit is ", kMaxExpressionBytes));
    }
    if (absl::Status status = advance(); !status.ok()) return status;
    absl::StatusOr<int> root = parse_or();
    if (!root.ok()) return root.status();
    if (token_.kind != Token::Kind::kEnd) {
      // Outside a call a comma can only be in a number: "£50,000".
      const std::string_view hint = token_.kind == Token::Kind::kComma
                                        ? " (numbers and amounts are written without commas: "
                                          "£50000)"
                                        : " (is an 'and' or 'or' missing?)";
      return expression_error(token_.begin, absl::StrCat("expected an operator, found ",
                                                         to_absl(describe(token_)), to_absl(hint)));
    }
    tree_.root = *root;
    return std::move(tree_);
  }

 private:
  absl::Status advance() {
    absl::StatusOr<Token> token = lexer_.next();
    if (!token.ok()) return token.status();
    token_ = std::move(*token);
    return absl::OkStatus();
  }

  bool at_keyword(std::string_view word) const {
    return token_.kind == Token::Kind::kName && token_.text == word;
  }

  int add(SyntaxNode node) {
    tree_.nodes.push_back(std::move(node));
    return static_cast<int>(tree_.nodes.size() - 1);
  }

  int binary(SyntaxNode::Kind kind, int left, int right) {
    SyntaxNode node{kind};
    node.begin = tree_.nodes[static_cast<size_t>(left)].begin;
    node.end = tree_.nodes[static_cast<size_t>(right)].end;
    node.first = left;
    node.second = right;
    return add(std::move(node));
  }

  // Guards every level that can recurse, so that a 10,000-deep expression is an error, not a crash.
  class Depth {
   public:
    explicit Depth(int& depth) : depth_(depth) { ++depth_; }
    ~Depth() { --depth_; }
    bool too_deep() const { return depth_ > kMaxExpressionDepth; }

   private:
    int& depth_;
  };
  absl::Status too_deep() const {
    return expression_error(token_.begin, absl::StrCat("the expression is nested more than ",
                                                       kMaxExpressionDepth, " deep"));
  }

  absl::StatusOr<int> parse_or() {
    return parse_chain(&Parser::parse_and, [](const Token& t) {
      return t.kind == Token::Kind::kName && t.text == "or" ? SyntaxNode::Kind::kOr
                                                            : SyntaxNode::Kind::kBool;
    });
  }

  absl::StatusOr<int> parse_and() {
    return parse_chain(&Parser::parse_not, [](const Token& t) {
      return t.kind == Token::Kind::kName && t.text == "and" ? SyntaxNode::Kind::kAnd
                                                             : SyntaxNode::Kind::kBool;
    });
  }

  absl::StatusOr<int> parse_sum() {
    return parse_chain(&Parser::parse_postfix, [](const Token& t) {
      if (t.kind == Token::Kind::kPlus) return SyntaxNode::Kind::kAdd;
      if (t.kind == Token::Kind::kMinus) return SyntaxNode::Kind::kSubtract;
      return SyntaxNode::Kind::kBool;
    });
  }

  // operand (op operand)*, left to right. `op_of` gives the node a token makes, or kBool for a token
  // that ends the chain. Each operator deepens the tree by one, and counts towards the depth limit.
  template <typename OpOf>
  absl::StatusOr<int> parse_chain(absl::StatusOr<int> (Parser::*operand)(), OpOf op_of) {
    absl::StatusOr<int> left = (this->*operand)();
    const int outer = depth_;
    for (SyntaxNode::Kind kind; left.ok() && (kind = op_of(token_)) != SyntaxNode::Kind::kBool;) {
      // An error ends the parse, so the depth need not be restored on the way out.
      if (++depth_ > kMaxExpressionDepth) return too_deep();
      if (absl::Status status = advance(); !status.ok()) return status;
      absl::StatusOr<int> right = (this->*operand)();
      if (!right.ok()) return right;
      left = binary(kind, *left, *right);
    }
    depth_ = outer;
    return left;
  }

  absl::StatusOr<int> parse_not() {
    if (!at_keyword("not")) return parse_compare();
    const Depth depth(depth_);
    if (depth.too_deep()) return too_deep();
    const size_t begin = token_.begin;
    if (absl::Status status = advance(); !status.ok()) return status;
    absl::StatusOr<int> operand = parse_not();
    if (!operand.ok()) return operand;
    SyntaxNode node(SyntaxNode::Kind::kNot);
    node.begin = begin;
    node.end = tree_.nodes[static_cast<size_t>(*operand)].end;
    node.first = *operand;
    return add(std::move(node));
  }

  absl::StatusOr<int> parse_compare() {
    absl::StatusOr<int> left = parse_sum();
    if (!left.ok() || token_.kind != Token::Kind::kCompare) return left;
    const CompareOp op = token_.op;
    if (absl::Status status = advance(); !status.ok()) return status;
    absl::StatusOr<int> right = parse_sum();
    if (!right.ok()) return right;
    if (token_.kind == Token::Kind::kCompare) {
      return expression_error(token_.begin, "comparisons do not chain: write a < b and b < c");
    }
    const int node = binary(SyntaxNode::Kind::kCompare, *left, *right);
    tree_.nodes[static_cast<size_t>(node)].op = op;
    return node;
  }

  absl::StatusOr<int> parse_postfix() {
    absl::StatusOr<int> operand = parse_primary();
    if (!operand.ok() || token_.kind != Token::Kind::kQuestion) return operand;
    const SyntaxNode& inner = tree_.nodes[static_cast<size_t>(*operand)];
    if (inner.kind != SyntaxNode::Kind::kMember) {
      return expression_error(token_.begin,
                              "'?' follows a field, as in payment.paid_on? (is it recorded?)");
    }
    SyntaxNode node(SyntaxNode::Kind::kRecorded);
    node.begin = inner.begin;
    node.end = token_.end;
    node.first = *operand;
    if (absl::Status status = advance(); !status.ok()) return status;
    return add(std::move(node));
  }

  absl::StatusOr<int> parse_primary() {
    const Depth depth(depth_);
    if (depth.too_deep()) return too_deep();
    SyntaxNode node(SyntaxNode::Kind::kBool);
    node.begin = token_.begin;
    node.end = token_.end;
    switch (token_.kind) {
      case Token::Kind::kLeftParen:
        return parse_parenthesised();
      case Token::Kind::kInteger:
        return parse_number();
      case Token::Kind::kMinus:
        return parse_negative();
      case Token::Kind::kDate:
        node.kind = SyntaxNode::Kind::kDate;
        node.date = token_.date;
        break;
      case Token::Kind::kMoney:
        node.kind = SyntaxNode::Kind::kMoney;
        node.number = token_.number;
        break;
      case Token::Kind::kText:
        node.kind = SyntaxNode::Kind::kText;
        node.text = token_.text;
        break;
      case Token::Kind::kName:
        if (token_.text == "true" || token_.text == "false") {
          node.number = token_.text == "true";
          break;
        }
        if (token_.text == "and" || token_.text == "or" || token_.text == "not" ||
            token_.text == "as") {
          return expression_error(
              token_.begin, absl::StrCat("expected an expression before '", token_.text, "'"));
        }
        return parse_name();
      default:
        return expression_error(token_.begin, absl::StrCat("expected an expression, found ",
                                                           to_absl(describe(token_))));
    }
    if (absl::Status status = advance(); !status.ok()) return status;
    return add(std::move(node));
  }

  absl::StatusOr<int> parse_parenthesised() {
    const size_t open = token_.begin;
    if (absl::Status status = advance(); !status.ok()) return status;
    absl::StatusOr<int> inner = parse_or();
    if (!inner.ok()) return inner;
    if (token_.kind != Token::Kind::kRightParen) {
      return expression_error(
          token_.begin, absl::StrCat("expected ')' to close the '(' at offset ", open, ", found ",
                                     to_absl(describe(token_))));
    }
    // The parentheses belong to the node's text, so that errors point at all of it.
    tree_.nodes[static_cast<size_t>(*inner)].begin = open;
    tree_.nodes[static_cast<size_t>(*inner)].end = token_.end;
    if (absl::Status status = advance(); !status.ok()) return status;
    return inner;
  }

  // -42 or -£5: a minus sign before a number or an amount (dates move back with date - period).
  absl::StatusOr<int> parse_negative() {
    const size_t begin = token_.begin;
    if (absl::Status status = advance(); !status.ok()) return status;
    if (token_.kind != Token::Kind::kInteger && token_.kind != Token::Kind::kMoney) {
      return expression_error(begin, "a minus sign goes before a number or an amount, as in -5");
    }
    absl::StatusOr<int> node = parse_primary();
    if (!node.ok()) return node;
    SyntaxNode& literal = tree_.nodes[static_cast<size_t>(*node)];
    if (literal.kind == SyntaxNode::Kind::kPeriod) {
      return expression_error(begin, "write date - period to count back, not date + -period");
    }
    literal.number = -literal.number;
    literal.begin = begin;
    return node;
  }

  // 42, or a period: 12 weeks, 3 months, 30 working days.
  absl::StatusOr<int> parse_number() {
    SyntaxNode node(SyntaxNode::Kind::kInteger);
    node.begin = token_.begin;
    node.end = token_.end;
    node.number = token_.number;
    if (absl::Status status = advance(); !status.ok()) return status;
    if (token_.kind != Token::Kind::kName) return add(std::move(node));
    std::optional<PeriodUnit> unit = unit_named(token_.text);
    if (token_.text == "working") {
      if (absl::Status status = advance(); !status.ok()) return status;
      if (token_.kind != Token::Kind::kName || !(token_.text == "day" || token_.text == "days")) {
        return expression_error(token_.begin, "expected 'days' after 'working'");
      }
      unit = PeriodUnit::kWorkingDays;
    }
    if (!unit) return add(std::move(node));
    if (node.number > kMaxPeriodCount) {
      return expression_error(node.begin,
                              absl::StrCat("a period is at most ", kMaxPeriodCount, " units long"));
    }
    node.kind = SyntaxNode::Kind::kPeriod;
    node.period = Period{node.number, *unit};
    node.end = token_.end;
    if (absl::Status status = advance(); !status.ok()) return status;
    return add(std::move(node));
  }

  // A name, a path of names (payment.received_on), or a call (count(commission.payments)).
  absl::StatusOr<int> parse_name() {
    SyntaxNode name(SyntaxNode::Kind::kName);
    name.begin = token_.begin;
    name.end = token_.end;
    name.text = token_.text;
    if (absl::Status status = advance(); !status.ok()) return status;
    if (token_.kind == Token::Kind::kLeftParen) return parse_call(std::move(name));
    int node = add(std::move(name));
    // Each field deepens the tree by one, as an operator does (parse_chain): a.b.c... thousands of
    // names long would otherwise overflow the stack of whatever walks the tree.
    const int outer = depth_;
    while (token_.kind == Token::Kind::kDot) {
      if (++depth_ > kMaxExpressionDepth) return too_deep();
      if (absl::Status status = advance(); !status.ok()) return status;
      if (token_.kind != Token::Kind::kName) {
        return expression_error(
            token_.begin,
            absl::StrCat("expected a field name after '.', found ", to_absl(describe(token_))));
      }
      SyntaxNode member(SyntaxNode::Kind::kMember);
      member.begin = tree_.nodes[static_cast<size_t>(node)].begin;
      member.end = token_.end;
      member.first = node;
      member.text = token_.text;
      node = add(std::move(member));
      if (absl::Status status = advance(); !status.ok()) return status;
    }
    depth_ = outer;
    return node;
  }

  absl::StatusOr<int> parse_call(SyntaxNode call) {
    call.kind = SyntaxNode::Kind::kCall;
    if (absl::Status status = advance(); !status.ok()) return status;  // the '('
    while (token_.kind != Token::Kind::kRightParen) {
      if (!call.args.empty()) {
        if (token_.kind != Token::Kind::kComma) {
          return expression_error(token_.begin,
                                  absl::StrCat("expected ',' or ')' in the call of ", call.text,
                                               ", found ", to_absl(describe(token_))));
        }
        if (absl::Status status = advance(); !status.ok()) return status;
      }
      absl::StatusOr<int> argument = parse_or();
      if (!argument.ok()) return argument;
      call.args.push_back(*argument);
      if (at_keyword("as")) {
        if (call.args.size() > 1) {
          return expression_error(token_.begin,
                                  "'as' names the entries of the list that comes "
                                  "first in any() or all()");
        }
        if (absl::Status status = advance(); !status.ok()) return status;
        if (token_.kind != Token::Kind::kName || is_reserved(token_.text)) {
          return expression_error(token_.begin,
                                  absl::StrCat("expected a name for the entries after 'as', found ",
                                               to_absl(describe(token_))));
        }
        call.alias = token_.text;
        call.alias_begin = token_.begin;
        if (absl::Status status = advance(); !status.ok()) return status;
      }
    }
    call.end = token_.end;
    if (absl::Status status = advance(); !status.ok()) return status;
    return add(std::move(call));
  }

  std::string_view text_;
  Lexer lexer_;
  Token token_;
  SyntaxTree tree_;
  int depth_ = 0;
};

}  // namespace

absl::StatusOr<SyntaxTree> parse_expression(std::string_view text) { return Parser(text).parse(); }

}  // namespace compact::rules
