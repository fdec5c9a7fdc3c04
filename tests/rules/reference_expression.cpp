#include "reference_expression.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "compact/model/schema.hpp"

namespace compact::rules::reference {
namespace {

using Op = RefNode::Op;
using State = Value::State;

// docs/packs.md: "Precedence, loosest first: or; and; not; comparisons; + and -; ?".
int precedence(const RefNode& n) {
  switch (n.op) {
    case Op::kOr:
      return 1;
    case Op::kAnd:
      return 2;
    case Op::kNot:
      return 3;
    case Op::kCompare:
      return 4;
    case Op::kAdd:
    case Op::kSubtract:
      return 5;
    case Op::kRecorded:
      return 6;
    default:
      return 7;  // literals, names and calls
  }
}

std::string literal(const RefValue& v) {
  switch (v.kind) {
    case Kind::kBool:
      return v.boolean ? "true" : "false";
    case Kind::kInteger:
      return absl::StrCat(v.number);
    case Kind::kMoney:
      return absl::StrCat("£", v.number / 100, ".", v.number % 100 < 10 ? "0" : "", v.number % 100);
    case Kind::kDate:
      return format_date(v.day);
    case Kind::kPeriod:
      return to_string(v.period);
    default:
      return absl::StrCat("'", v.text, "'");  // the generator's texts have no quote or backslash
  }
}

class Printer {
 public:
  explicit Printer(bool minimal) : minimal_(minimal) {}

  std::string operator()(const RefNode& n) {
    const auto call = [&](std::string_view name) {
      std::string out = std::string(name) + "(";
      for (size_t i = 0; i < n.args.size(); ++i) {
        absl::StrAppend(&out, i > 0 ? ", " : "", (*this)(*n.args[i]));
      }
      return out + ")";
    };
    switch (n.op) {
      case Op::kLiteral:
        return literal(n.value);
      case Op::kField:
      case Op::kParameter:
        return n.path;
      case Op::kRecorded:
        return (*this)(*n.args[0]) + "?";
      case Op::kNot:
        return "not " + operand(*n.args[0], precedence(n), false);
      case Op::kAnd:
        return binary(n, "and");
      case Op::kOr:
        return binary(n, "or");
      case Op::kCompare:
        return binary(n, n.compare);
      case Op::kAdd:
        return binary(n, "+");
      case Op::kSubtract:
        return binary(n, "-");
      case Op::kLatestStart:
        return call("latest_start");
      case Op::kWorkingDays:
        return call("working_days");
      case Op::kDays:
        return call("days");
      case Op::kCount:
        return call("count");
      case Op::kAny:
        return call("any");
      case Op::kAll:
        return call("all");
      case Op::kMin:
        return call("min");
      case Op::kMax:
        return call("max");
      case Op::kIf:
        return call("if");
      case Op::kDefault:
        return call("default");
      case Op::kBlank:
        return call("blank");
    }
    return "";
  }

 private:
  std::string binary(const RefNode& n, std::string_view op) {
    const int p = precedence(n);
    // Comparisons do not chain, and every operator groups to the left: a left operand of the same
    // level needs parentheses only under a comparison, a right one always.
    return operand(*n.args[0], p, n.op == Op::kCompare) + " " + std::string(op) + " " +
           operand(*n.args[1], p, true);
  }

  std::string operand(const RefNode& child, int parent, bool same_level_needs_them) {
    const int p = precedence(child);
    const bool needed = p < parent || (p == parent && same_level_needs_them);
    if (needed || (!minimal_ && p < 7)) return "(" + (*this)(child) + ")";
    return (*this)(child);
  }

  bool minimal_;
};

State combined(State a, State b) {
  if (a == State::kFailed || b == State::kFailed) return State::kFailed;
  if (a == State::kUnrecorded || b == State::kUnrecorded) return State::kUnrecorded;
  return State::kKnown;
}

RefValue unknown(State state, Kind kind) {
  RefValue v;
  v.state = state;
  v.kind = kind;
  return v;
}

RefValue boolean(bool b) {
  RefValue v;
  v.kind = Kind::kBool;
  v.boolean = b;
  return v;
}

RefValue date_or_failed(const absl::StatusOr<Date>& d) {
  if (!d.ok()) return unknown(State::kFailed, Kind::kDate);
  RefValue v;
  v.kind = Kind::kDate;
  v.day = *d;
  return v;
}

// -1, 0 or 1 as a is before, equal to or after b; for kinds without an order, 0 or 1.
int order(const RefValue& a, const RefValue& b) {
  switch (a.kind) {
    case Kind::kDate:
      return a.day < b.day ? -1 : a.day > b.day ? 1 : 0;
    case Kind::kBool:
      return a.boolean == b.boolean ? 0 : 1;
    case Kind::kText:
    case Kind::kEnum:
      return a.text == b.text ? 0 : 1;
    default:
      return a.number < b.number ? -1 : a.number > b.number ? 1 : 0;
  }
}

bool holds(std::string_view op, int order) {
  if (op == "==") return order == 0;
  if (op == "!=") return order != 0;
  if (op == "<") return order < 0;
  if (op == "<=") return order <= 0;
  if (op == ">") return order > 0;
  return order >= 0;  // ">="
}

class Evaluation {
 public:
  Evaluation(const RefNode& root, const RefScope& scope, RefResult& result)
      : root_(root), scope_(scope), result_(result) {}

  RefValue eval(const RefNode& n) {
    switch (n.op) {
      case Op::kLiteral:
        return n.value;
      case Op::kParameter:
        return scope_.parameters.at(n.path);
      case Op::kField:
        return field(n);
      case Op::kRecorded: {
        // "is the field recorded?": itself always known, and the field is not named as missing.
        const bool outer = quiet_;
        quiet_ = true;
        const bool recorded = eval(*n.args[0]).known();
        quiet_ = outer;
        return boolean(recorded);
      }
      case Op::kNot: {
        RefValue v = eval(*n.args[0]);
        if (v.known()) v.boolean = !v.boolean;
        return v;
      }
      case Op::kAnd:
      case Op::kOr:
        return logical(n, n.op == Op::kAnd);
      case Op::kCompare: {
        const RefValue a = eval(*n.args[0]);
        const RefValue b = eval(*n.args[1]);
        const State s = combined(a.state, b.state);
        if (s != State::kKnown) return unknown(s, Kind::kBool);
        return boolean(holds(n.compare, order(a, b)));
      }
      case Op::kAdd:
      case Op::kSubtract:
        return arithmetic(n, n.op == Op::kAdd ? 1 : -1);
      case Op::kLatestStart: {
        const RefValue x = eval(*n.args[0]);
        const RefValue p = eval(*n.args[1]);
        const State s = combined(x.state, p.state);
        if (s != State::kKnown) return unknown(s, Kind::kDate);
        const absl::StatusOr<Date> latest = scope_.calendar->latest_start(x.day, p.period);
        if (&n == &root_) {
          // DESIGN.md: boundary-sensitive when counting back naively, x - p, gives another day.
          const absl::StatusOr<Date> naive = scope_.calendar->add(x.day, -p.period);
          result_.boundary_sensitive =
              naive.ok() != latest.ok() || (naive.ok() && *naive != *latest);
        }
        return date_or_failed(latest);
      }
      case Op::kWorkingDays:
      case Op::kDays: {
        const RefValue a = eval(*n.args[0]);
        const RefValue b = eval(*n.args[1]);
        const State s = combined(a.state, b.state);
        if (s != State::kKnown) return unknown(s, Kind::kInteger);
        RefValue v;
        v.kind = Kind::kInteger;
        if (n.op == Op::kDays) {
          v.number = (b.day - a.day).days();
          return v;
        }
        const absl::StatusOr<int64_t> count = scope_.calendar->working_days_between(a.day, b.day);
        if (!count.ok()) return unknown(State::kFailed, Kind::kInteger);
        v.number = *count;
        return v;
      }
      case Op::kCount: {
        const RefValue list = eval(*n.args[0]);
        if (!list.known()) return unknown(list.state, Kind::kInteger);
        RefValue v;
        v.kind = Kind::kInteger;
        v.number = static_cast<int64_t>(list.list_access->list_size(list.list));
        return v;
      }
      case Op::kAny:
      case Op::kAll:
        return quantified(n, n.op == Op::kAll);
      case Op::kMin:
      case Op::kMax: {
        State s = State::kKnown;
        RefValue best;
        bool first = true;
        for (const auto& arg : n.args) {
          const RefValue v = eval(*arg);
          s = combined(s, v.state);
          if (!v.known()) continue;
          const int o = first ? 0 : order(v, best);
          if (first || (n.op == Op::kMin ? o < 0 : o > 0)) best = v;
          first = false;
        }
        return s == State::kKnown ? best : unknown(s, n.kind);
      }
      case Op::kIf: {
        const RefValue c = eval(*n.args[0]);
        if (!c.known()) return unknown(c.state, n.kind);
        return eval(*n.args[c.boolean ? 1 : 2]);
      }
      case Op::kDefault: {
        const bool outer = quiet_;
        quiet_ = true;
        const RefValue v = eval(*n.args[0]);
        quiet_ = outer;
        return v.state == State::kUnrecorded ? eval(*n.args[1]) : v;
      }
      case Op::kBlank: {
        const RefValue text = eval(*n.args[0]);
        if (!text.known()) return unknown(text.state, Kind::kBool);
        return boolean(only_white_space(text.text));
      }
    }
    return {};
  }

 private:
  // "a.b.c": the entity named a in scope (or the entry an any()/all() is at), then fields b and c.
  // The first field that cannot be read, of an absent entity or not recorded, is named with the path
  // up to it.
  RefValue field(const RefNode& n) {
    const std::vector<std::string> parts = absl::StrSplit(n.path, '.');
    RefScope::Entity at = entity_named(parts[0]);
    std::string path = parts[0];
    for (size_t i = 1; i < parts.size(); ++i) {
      absl::StrAppend(&path, ".", parts[i]);
      const FieldInfo* info = at.object ? at.access->info->field(parts[i]) : nullptr;
      const FieldValue f =
          info ? at.access->fields[static_cast<size_t>(info - at.access->info->fields.data())](
                     at.object)
               : FieldValue{};
      if (!f.recorded) {
        if (!quiet_) result_.unrecorded.insert(path);
        return unknown(State::kUnrecorded, n.kind);
      }
      if (i + 1 < parts.size()) {
        at = {f.object, f.access};
        continue;
      }
      RefValue v;
      v.kind = n.kind;
      switch (info->kind) {
        case FieldKind::kDate:
          v.day = f.day;
          break;
        case FieldKind::kBool:
          v.boolean = f.number != 0;
          break;
        case FieldKind::kEnum:
          v.text = std::string(info->enumeration->values[static_cast<size_t>(f.number)]);
          break;
        case FieldKind::kText:
        case FieldKind::kOrganisation:
        case FieldKind::kPolicy:
          v.text = std::string(f.text);
          break;
        case FieldKind::kList:
          v.list = f.object;
          v.list_access = f.access;
          break;
        default:
          v.number = f.number;
      }
      return v;
    }
    return {};
  }

  RefScope::Entity entity_named(const std::string& name) const {
    // The innermost any()/all() naming its entries so hides the scope's entity of that name.
    for (auto e = elements_.rbegin(); e != elements_.rend(); ++e) {
      if (e->first == name) return e->second;
    }
    return scope_.entities.at(name);
  }

  RefValue logical(const RefNode& n, bool is_and) {
    const RefValue a = eval(*n.args[0]);
    if (a.known() && a.boolean != is_and) return a;  // false decides an and, true an or
    const RefValue b = eval(*n.args[1]);
    if (b.known() && b.boolean != is_and) return b;
    if (a.known() && b.known()) return boolean(is_and);
    return unknown(combined(a.state, b.state), Kind::kBool);
  }

  RefValue arithmetic(const RefNode& n, int sign) {
    const RefValue a = eval(*n.args[0]);
    const RefValue b = eval(*n.args[1]);
    const State s = combined(a.state, b.state);
    if (s != State::kKnown) return unknown(s, n.kind);
    if (n.kind == Kind::kDate) {
      return date_or_failed(scope_.calendar->add(a.day, sign > 0 ? b.period : -b.period));
    }
    RefValue v;
    v.kind = n.kind;
    v.number = a.number + sign * b.number;
    return v;
  }

  RefValue quantified(const RefNode& n, bool is_all) {
    const RefValue list_value = eval(*n.args[0]);
    if (!list_value.known()) return unknown(list_value.state, Kind::kBool);
    const size_t size = list_value.list_access->list_size(list_value.list);
    State s = State::kKnown;
    RefValue result = boolean(is_all);
    elements_.push_back({n.element, {}});
    for (size_t i = 0; i < size; ++i) {
      elements_.back().second = {list_value.list_access->list_element(list_value.list, i),
                                 list_value.list_access};
      const RefValue v = eval(*n.args[1]);
      if (!v.known()) {
        s = combined(s, v.state);
      } else if (v.boolean != is_all) {  // a false decides all(), a true any()
        result = v;
        s = State::kKnown;
        break;
      }
    }
    elements_.pop_back();
    return s == State::kKnown ? result : unknown(s, Kind::kBool);
  }

  const RefNode& root_;
  const RefScope& scope_;
  RefResult& result_;
  bool quiet_ = false;
  std::vector<std::pair<std::string, RefScope::Entity>> elements_;
};

}  // namespace

// docs/packs.md: blank is Unicode's White_Space and nothing else. Each of them as UTF-8 text, peeled
// off the front one at a time: no decoding, unlike the library.
bool only_white_space(std::string_view text) {
  static constexpr std::string_view kWhiteSpace[] = {
      "\t",     "\n",     "\v",     "\f",     "\r",     " ",      "\u0085", "\u00A0", "\u1680",
      "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006", "\u2007", "\u2008",
      "\u2009", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000"};
  while (!text.empty()) {
    const auto* space = std::find_if(std::begin(kWhiteSpace), std::end(kWhiteSpace),
                                     [&](std::string_view w) { return text.starts_with(w); });
    if (space == std::end(kWhiteSpace)) return false;
    text.remove_prefix(space->size());
  }
  return true;
}

std::string print(const RefNode& node, bool minimal_parentheses) {
  return Printer(minimal_parentheses)(node);
}

RefResult evaluate(const RefNode& root, const RefScope& scope) {
  RefResult result;
  Evaluation evaluation(root, scope, result);
  result.value = evaluation.eval(root);
  return result;
}

}  // namespace compact::rules::reference
