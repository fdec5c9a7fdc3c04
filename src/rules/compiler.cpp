// Type checking and name resolution: a syntax tree and a Scope in, a plan (plan.hpp) out, or the first
// error with its offset. Every message says what was found and what would be allowed.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "compact/rules/expression.hpp"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/article.hpp"
#include "compact/util/did_you_mean.hpp"
#include "compact/util/printable.hpp"
#include "plan.hpp"
#include "syntax.hpp"

namespace compact::rules {
namespace {

using Kind = Type::Kind;

constexpr std::string_view kFunctions[] = {"latest_start", "working_days", "days", "count",
                                           "any",          "all",          "min",  "max",
                                           "if",           "default",      "blank"};

Type type_of(const FieldInfo& field) {
  switch (field.kind) {
    case FieldKind::kDate:
      return Type::of(Kind::kDate);
    case FieldKind::kBool:
      return Type::of(Kind::kBool);
    case FieldKind::kInteger:
      return Type::of(Kind::kInteger);
    case FieldKind::kMoney:
      return Type::of(Kind::kMoney);
    case FieldKind::kText:
    case FieldKind::kOrganisation:
    case FieldKind::kPolicy:
      return Type::of(Kind::kText);
    case FieldKind::kEnum:
      return {Kind::kEnum, field.enumeration, nullptr};
    case FieldKind::kEntity:
      return {Kind::kEntity, nullptr, field.element};
    case FieldKind::kList:
      return {Kind::kList, nullptr, field.element};
  }
  return Type::of(Kind::kBool);
}

bool is_literal(SyntaxNode::Kind kind) {
  switch (kind) {
    case SyntaxNode::Kind::kBool:
    case SyntaxNode::Kind::kInteger:
    case SyntaxNode::Kind::kMoney:
    case SyntaxNode::Kind::kDate:
    case SyntaxNode::Kind::kPeriod:
    case SyntaxNode::Kind::kText:
      return true;
    default:
      return false;
  }
}

class Compiler {
 public:
  Compiler(std::string_view text, const SyntaxTree& tree, const Scope& scope,
           Expression::Plan& plan)
      : text_(text), tree_(tree), scope_(scope), plan_(plan) {
    for (size_t i = 0; i < scope.bindings().size(); ++i) {
      names_.push_back({scope.bindings()[i].name, scope.bindings()[i].access->info,
                        static_cast<uint32_t>(i), scope.bindings()[i].access,
                        scope.bindings()[i].name});
    }
  }

  absl::StatusOr<int> compile(int node) {
    const SyntaxNode& s = syntax(node);
    if (is_literal(s.kind)) return literal(s);
    switch (s.kind) {
      case SyntaxNode::Kind::kName:
        return name(s);
      case SyntaxNode::Kind::kMember:
        return member(s);
      case SyntaxNode::Kind::kRecorded:
        return recorded(s);
      case SyntaxNode::Kind::kNot:
        return logical_not(s);
      case SyntaxNode::Kind::kAnd:
      case SyntaxNode::Kind::kOr:
        return logical(s);
      case SyntaxNode::Kind::kCompare:
        return comparison(s);
      case SyntaxNode::Kind::kAdd:
      case SyntaxNode::Kind::kSubtract:
        return arithmetic(s);
      case SyntaxNode::Kind::kCall:
        return call(s);
      default:  // the literals, above
        break;
    }
    return error(s, "unknown expression");
  }

 private:
  struct Name {
    std::string_view name;
    const EntityInfo* entity;
    uint32_t slot;
    const EntityAccess* access;  // null for an any()/all() element: the list gives it
    // The entity's own name, which a field path names it by whatever `as` called it.
    std::string_view entity_name;
  };

  const SyntaxNode& syntax(int node) const { return tree_.nodes[static_cast<size_t>(node)]; }
  const PlanNode& planned(int node) const { return plan_.nodes[static_cast<size_t>(node)]; }
  std::string_view source(const SyntaxNode& s) const {
    return text_.substr(s.begin, s.end - s.begin);
  }

  absl::Status error(const SyntaxNode& s, std::string_view message) const {
    return expression_error(s.begin, message);
  }

  int add(PlanNode node) {
    plan_.nodes.push_back(std::move(node));
    return static_cast<int>(plan_.nodes.size() - 1);
  }

  // How a message names an operand: a literal by its text ("3 months"), anything else by its type.
  std::string operand(const SyntaxNode& s, const Type& type) const {
    if (is_literal(s.kind)) return std::string(source(s));
    return describe(type);
  }

  absl::StatusOr<int> literal(const SyntaxNode& s) {
    PlanNode node{Op::kConstant, Type::of(Kind::kBool)};
    switch (s.kind) {
      case SyntaxNode::Kind::kBool:
        node.constant.boolean = s.number != 0;
        break;
      case SyntaxNode::Kind::kInteger:
      case SyntaxNode::Kind::kMoney:
        node.type = Type::of(s.kind == SyntaxNode::Kind::kMoney ? Kind::kMoney : Kind::kInteger);
        node.constant.number = s.number;
        break;
      case SyntaxNode::Kind::kDate:
        node.type = Type::of(Kind::kDate);
        node.constant.day = s.date;
        break;
      case SyntaxNode::Kind::kPeriod:
        node.type = Type::of(Kind::kPeriod);
        node.constant.period = s.period;
        break;
      default:
        node.type = Type::of(Kind::kText);
        // The text lives in the plan, which outlives every evaluation.
        node.constant.text = plan_.texts.emplace_back(s.text);
        break;
    }
    return add(std::move(node));
  }

  // The entity `name` names here, the innermost first; nullptr when none does.
  const Name* named(std::string_view name) const {
    const auto found =
        std::find_if(names_.rbegin(), names_.rend(), [&](const Name& n) { return n.name == name; });
    return found == names_.rend() ? nullptr : &*found;
  }

  absl::StatusOr<int> name(const SyntaxNode& s) {
    if (const Name* n = named(s.text)) {
      PlanNode node{n->access ? Op::kSlot : Op::kElement, {Kind::kEntity, nullptr, n->entity}};
      node.index = n->slot;
      node.constant.entity.access = n->access;
      return add(std::move(node));
    }
    const std::span<const Scope::Parameter> parameters = scope_.parameters();
    for (size_t i = 0; i < parameters.size(); ++i) {
      if (parameters[i].name != s.text) continue;
      PlanNode node{Op::kParameter, parameters[i].type};
      node.index = static_cast<uint32_t>(i);
      node.path = parameters[i].may_be_unset ? path_index(s.text) : kUnnamed;
      if (std::find(plan_.parameters.begin(), plan_.parameters.end(), node.index) ==
          plan_.parameters.end()) {
        plan_.parameters.push_back(node.index);
      }
      return add(std::move(node));
    }
    std::vector<std::string_view> known;
    for (const Name& n : names_) known.push_back(n.name);
    for (const Scope::Parameter& p : parameters) known.push_back(p.name);
    std::string message = absl::StrCat("unknown name \"", printable(s.text), "\"");
    if (std::optional<std::string> suggestion = closest_match(s.text, known)) {
      absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
    } else if (!known.empty()) {
      absl::StrAppend(&message, "; the names here are ",
                      absl::StrJoin(known, ", ", append_string_view));
    }
    return error(s, message);
  }

  absl::StatusOr<int> member(const SyntaxNode& s) {
    absl::StatusOr<int> owner = compile(s.first);
    if (!owner.ok()) return owner;
    const Type owner_type = planned(*owner).type;
    const SyntaxNode& owner_syntax = syntax(s.first);
    if (owner_type.kind == Kind::kList) {
      return error(s, absl::StrCat(to_absl(source(owner_syntax)), " is ", describe(owner_type),
                                   ", which has no fields of its own; use any(), all() or "
                                   "count() on it"));
    }
    if (owner_type.kind != Kind::kEntity) {
      return error(s, absl::StrCat(to_absl(source(owner_syntax)), " is ", describe(owner_type),
                                   ", which has no fields"));
    }
    const EntityInfo& entity = *owner_type.entity;
    const FieldInfo* field = entity.field(s.text);
    const FieldDeclarations* declarations = scope_.declared_fields();
    if (!field && declarations) {
      if (const auto declared = declarations->find(entity, s.text)) {
        const DeclaredField& d = *declared->field;
        PlanNode node{Op::kDeclared, type_of(FieldInfo{d.name, d.kind, Presence::kOptional, "",
                                                       nullptr, nullptr})};
        node.a = *owner;
        node.index = static_cast<uint32_t>(declared->position);
        node.field_kind = d.kind;
        // The name lives in the plan, which outlives every evaluation.
        node.constant.text = plan_.texts.emplace_back(d.name);
        node.path = path_index(field_path(s));
        return add(std::move(node));
      }
    }
    if (!field) {
      std::vector<std::string_view> names;
      for (const FieldInfo& f : entity.fields) names.push_back(f.name);
      if (declarations) {
        for (const DeclaredField* f : declarations->of(entity)) names.push_back(f->name);
      }
      std::string message =
          absl::StrCat(describe(owner_type), " has no field \"", printable(s.text), "\"");
      message[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(message[0])));
      if (std::optional<std::string> suggestion = closest_match(s.text, names)) {
        absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
      }
      // Point at the field name, after the dot.
      return expression_error(s.end - s.text.size(), message);
    }
    PlanNode node{Op::kField, type_of(*field)};
    node.a = *owner;
    node.index = static_cast<uint32_t>(field - entity.fields.data());
    node.path = path_index(field_path(s));
    return add(std::move(node));
  }

  // The path a finding names the field `s` by: as written, with an entry named by `as` called by
  // its entity's name (payment.paid_on, whatever the condition calls the payment).
  std::string field_path(const SyntaxNode& s) const {
    const SyntaxNode* root = &s;
    while (root->kind == SyntaxNode::Kind::kMember) root = &syntax(root->first);
    const std::string_view path = source(s);
    const Name* n = root->kind == SyntaxNode::Kind::kName ? named(root->text) : nullptr;
    if (!n) return std::string(path);
    return absl::StrCat(to_absl(n->entity_name), to_absl(path.substr(root->text.size())));
  }

  uint16_t path_index(std::string_view path) {
    const auto found = std::find(plan_.field_paths.begin(), plan_.field_paths.end(), path);
    if (found != plan_.field_paths.end())
      return static_cast<uint16_t>(found - plan_.field_paths.begin());
    plan_.field_paths.emplace_back(path);
    return static_cast<uint16_t>(plan_.field_paths.size() - 1);
  }

  absl::StatusOr<int> recorded(const SyntaxNode& s) {
    absl::StatusOr<int> field = compile(s.first);
    if (!field.ok()) return field;
    if (planned(*field).type.kind == Kind::kList) {
      return error(s, absl::StrCat("a list is always recorded (an absent list is empty); write "
                                   "count(",
                                   to_absl(source(syntax(s.first))), ") > 0"));
    }
    PlanNode node{Op::kRecorded, Type::of(Kind::kBool)};
    node.a = *field;
    return add(std::move(node));
  }

  // OK when `as` may give the entries of the call `s` the name `entries`: one the expression does not
  // already use for something else.
  absl::Status name_free(const SyntaxNode& s, std::string_view entries) const {
    if (s.alias.empty()) return absl::OkStatus();
    const auto taken = [&](std::string_view what) {
      return expression_error(
          s.alias_begin, absl::StrCat("\"", to_absl(entries), "\" already names ", to_absl(what),
                                      " here; choose another name"));
    };
    if (const Name* n = named(entries)) return taken(with_article(n->entity->name));
    for (const Scope::Parameter& p : scope_.parameters()) {
      if (p.name == entries) return taken("a parameter");
    }
    return absl::OkStatus();
  }

  absl::StatusOr<int> expect_bool(int syntax_node, std::string_view role) {
    absl::StatusOr<int> node = compile(syntax_node);
    if (!node.ok()) return node;
    const Type& type = planned(*node).type;
    if (type.kind != Kind::kBool) {
      const SyntaxNode& s = syntax(syntax_node);
      return error(s, absl::StrCat(to_absl(role), " needs a condition (true or false), but ",
                                   to_absl(source(s)), " is ", describe(type)));
    }
    return node;
  }

  absl::StatusOr<int> logical_not(const SyntaxNode& s) {
    absl::StatusOr<int> operand = expect_bool(s.first, "'not'");
    if (!operand.ok()) return operand;
    PlanNode node{Op::kNot, Type::of(Kind::kBool)};
    node.a = *operand;
    return add(std::move(node));
  }

  absl::StatusOr<int> logical(const SyntaxNode& s) {
    const bool is_and = s.kind == SyntaxNode::Kind::kAnd;
    absl::StatusOr<int> left = expect_bool(s.first, is_and ? "'and'" : "'or'");
    if (!left.ok()) return left;
    absl::StatusOr<int> right = expect_bool(s.second, is_and ? "'and'" : "'or'");
    if (!right.ok()) return right;
    PlanNode node{is_and ? Op::kAnd : Op::kOr, Type::of(Kind::kBool)};
    node.a = *left;
    node.b = *right;
    return add(std::move(node));
  }

  // A text literal compared with an enum becomes that enum's value, checked against its list.
  absl::StatusOr<int> as_enum(int node, const SyntaxNode& s, const EnumInfo& enumeration) {
    const std::string_view value = planned(node).constant.text;
    const auto found = std::find(enumeration.values.begin(), enumeration.values.end(), value);
    if (found == enumeration.values.end()) {
      std::string message = absl::StrCat(
          "\"", printable(value), "\" is not ", describe({Kind::kEnum, &enumeration, nullptr}),
          "; expected one of ", absl::StrJoin(enumeration.values, ", ", append_string_view));
      if (std::optional<std::string> suggestion = closest_match(value, enumeration.values)) {
        absl::StrAppend(&message, " (did you mean \"", *suggestion, "\"?)");
      }
      return error(s, message);
    }
    PlanNode& constant = plan_.nodes[static_cast<size_t>(node)];
    constant.type = {Kind::kEnum, &enumeration, nullptr};
    constant.constant.number = found - enumeration.values.begin();
    return node;
  }

  absl::StatusOr<int> comparison(const SyntaxNode& s) {
    absl::StatusOr<int> left = compile(s.first);
    if (!left.ok()) return left;
    absl::StatusOr<int> right = compile(s.second);
    if (!right.ok()) return right;
    const SyntaxNode& left_syntax = syntax(s.first);
    const SyntaxNode& right_syntax = syntax(s.second);
    // "grant" == commission.approach as well as commission.approach == "grant".
    if (planned(*left).type.kind == Kind::kEnum && right_syntax.kind == SyntaxNode::Kind::kText) {
      right = as_enum(*right, right_syntax, *planned(*left).type.enumeration);
    } else if (planned(*right).type.kind == Kind::kEnum &&
               left_syntax.kind == SyntaxNode::Kind::kText) {
      left = as_enum(*left, left_syntax, *planned(*right).type.enumeration);
    }
    if (!left.ok()) return left;
    if (!right.ok()) return right;
    const Type& a = planned(*left).type;
    const Type& b = planned(*right).type;
    const bool ordering = s.op != CompareOp::kEqual && s.op != CompareOp::kNotEqual;
    if (a.kind == Kind::kPeriod || b.kind == Kind::kPeriod) {
      return error(s,
                   "periods cannot be compared (3 months is not always 13 weeks); compare the "
                   "dates they lead to");
    }
    if (a.kind == Kind::kEntity || a.kind == Kind::kList || b.kind == Kind::kEntity ||
        b.kind == Kind::kList) {
      return error(s, absl::StrCat("cannot compare ", operand(left_syntax, a), " with ",
                                   operand(right_syntax, b), "; compare their fields"));
    }
    if (!(a == b)) {
      std::string message = absl::StrCat("cannot compare ", operand(left_syntax, a), " with ",
                                         operand(right_syntax, b));
      if ((a.kind == Kind::kMoney && b.kind == Kind::kInteger) ||
          (a.kind == Kind::kInteger && b.kind == Kind::kMoney)) {
        absl::StrAppend(&message, " (write amounts of money like £12.50)");
      }
      return error(s, message);
    }
    if (ordering && (a.kind == Kind::kBool || a.kind == Kind::kText || a.kind == Kind::kEnum)) {
      return error(s, absl::StrCat(describe(a), " can only be compared with == or !=, not ",
                                   to_absl(spelling(s.op))));
    }
    PlanNode node{Op::kCompare, Type::of(Kind::kBool)};
    node.compare = s.op;
    node.a = *left;
    node.b = *right;
    return add(std::move(node));
  }

  absl::StatusOr<int> arithmetic(const SyntaxNode& s) {
    absl::StatusOr<int> left = compile(s.first);
    if (!left.ok()) return left;
    absl::StatusOr<int> right = compile(s.second);
    if (!right.ok()) return right;
    const Type& a = planned(*left).type;
    const Type& b = planned(*right).type;
    const bool plus = s.kind == SyntaxNode::Kind::kAdd;
    PlanNode node{Op::kAddPeriod, a};
    node.a = *left;
    node.b = *right;
    if (a.kind == Kind::kDate && b.kind == Kind::kPeriod) {
      node.op = plus ? Op::kAddPeriod : Op::kSubtractPeriod;
      return add(std::move(node));
    }
    if (a == b && (a.kind == Kind::kInteger || a.kind == Kind::kMoney)) {
      node.op = plus ? Op::kAddNumber : Op::kSubtractNumber;
      return add(std::move(node));
    }
    const std::string left_text = operand(syntax(s.first), a);
    const std::string right_text = operand(syntax(s.second), b);
    if (plus && a.kind == Kind::kPeriod && b.kind == Kind::kDate) {
      return error(s, absl::StrCat("write the date first: ", right_text, " + ", left_text));
    }
    if (!plus && a.kind == Kind::kDate && b.kind == Kind::kDate) {
      return error(s,
                   "cannot subtract a date from a date; days(a, b) and working_days(a, b) "
                   "count the days between them");
    }
    return error(s, plus ? absl::StrCat("cannot add ", right_text, " to ", left_text)
                         : absl::StrCat("cannot subtract ", right_text, " from ", left_text));
  }

  // The argument `i` of a call, compiled and checked to be of `kind`.
  absl::StatusOr<int> argument(const SyntaxNode& call, size_t i, Kind kind,
                               std::string_view usage) {
    absl::StatusOr<int> node = compile(call.args[i]);
    if (!node.ok()) return node;
    if (planned(*node).type.kind != kind) {
      const SyntaxNode& s = syntax(call.args[i]);
      return error(s, absl::StrCat(to_absl(source(s)), " is ", describe(planned(*node).type), "; ",
                                   to_absl(usage)));
    }
    return node;
  }

  absl::StatusOr<int> call(const SyntaxNode& s) {
    const std::string& f = s.text;
    const auto arity = [&](size_t n, std::string_view usage) -> absl::Status {
      if (s.args.size() == n) return absl::OkStatus();
      return error(s, absl::StrCat(f, " takes ", n, n == 1 ? " argument" : " arguments", ", not ",
                                   s.args.size(), ": ", to_absl(usage)));
    };
    if (!s.alias.empty() && f != "any" && f != "all") {
      return expression_error(s.alias_begin,
                              "'as' names the entries of a list only in any() and all()");
    }
    if (f == "latest_start" || f == "working_days" || f == "days") {
      const bool period = f == "latest_start";
      const std::string usage = period ? "latest_start(date, period), as in "
                                         "latest_start(commission.start_on, 3 months)"
                                       : absl::StrCat(f, "(from date, to date)");
      if (absl::Status status = arity(2, usage); !status.ok()) return status;
      absl::StatusOr<int> a = argument(s, 0, Kind::kDate, usage);
      if (!a.ok()) return a;
      absl::StatusOr<int> b = argument(s, 1, period ? Kind::kPeriod : Kind::kDate, usage);
      if (!b.ok()) return b;
      PlanNode node{period        ? Op::kLatestStart
                    : f == "days" ? Op::kDays
                                  : Op::kWorkingDays,
                    Type::of(period ? Kind::kDate : Kind::kInteger)};
      node.a = *a;
      node.b = *b;
      return add(std::move(node));
    }
    if (f == "count" || f == "any" || f == "all") {
      const bool count = f == "count";
      const std::string usage = count ? "count(list), as in count(commission.payments)"
                                      : absl::StrCat(f, "(list, condition), as in ", f,
                                                     "(commission.bids, bid.feedback_given_on?)");
      if (absl::Status status = arity(count ? 1 : 2, usage); !status.ok()) return status;
      absl::StatusOr<int> list = argument(s, 0, Kind::kList, usage);
      if (!list.ok()) return list;
      PlanNode node{count        ? Op::kCount
                    : f == "any" ? Op::kAny
                                 : Op::kAll,
                    Type::of(count ? Kind::kInteger : Kind::kBool)};
      node.a = *list;
      if (!count) {
        // The condition sees each element under its entity's name: payment, bid, ...
        const EntityInfo* element = planned(*list).type.entity;
        const uint32_t slot = static_cast<uint32_t>(names_.size());
        if (slot >= kMaxSlots) {
          return error(s, absl::StrCat("any() and all() nest at most ",
                                       kMaxSlots - scope_.bindings().size(), " deep here"));
        }
        const std::string_view entries = s.alias.empty() ? element->identifier : s.alias;
        if (absl::Status taken = name_free(s, entries); !taken.ok()) return taken;
        names_.push_back({entries, element, slot, nullptr, element->identifier});
        absl::StatusOr<int> condition = expect_bool(s.args[1], f);
        names_.pop_back();
        if (!condition.ok()) return condition;
        node.b = *condition;
        node.index = slot;
      }
      return add(std::move(node));
    }
    if (f == "min" || f == "max") {
      if (s.args.size() < 2) {
        return error(s, absl::StrCat(f, " takes two or more dates, numbers or amounts"));
      }
      PlanNode node{f == "min" ? Op::kMin : Op::kMax, Type::of(Kind::kDate)};
      for (size_t i = 0; i < s.args.size(); ++i) {
        absl::StatusOr<int> arg = compile(s.args[i]);
        if (!arg.ok()) return arg;
        const Type& type = planned(*arg).type;
        const SyntaxNode& arg_syntax = syntax(s.args[i]);
        if (type.kind != Kind::kDate && type.kind != Kind::kInteger && type.kind != Kind::kMoney) {
          return error(arg_syntax,
                       absl::StrCat(f, " takes dates, numbers or amounts; ",
                                    to_absl(source(arg_syntax)), " is ", describe(type)));
        }
        if (i > 0 && !(type == node.type)) {
          return error(arg_syntax,
                       absl::StrCat(f, "'s arguments must all be ", describe(node.type), "; ",
                                    to_absl(source(arg_syntax)), " is ", describe(type)));
        }
        node.type = type;
        node.args.push_back(*arg);
      }
      return add(std::move(node));
    }
    if (f == "if" || f == "default") return choice(s);
    if (f == "blank") {
      const std::string_view usage = "blank(text), as in not blank(ending.rationale)";
      if (absl::Status status = arity(1, usage); !status.ok()) return status;
      absl::StatusOr<int> text = argument(s, 0, Kind::kText, usage);
      if (!text.ok()) return text;
      PlanNode node{Op::kBlank, Type::of(Kind::kBool)};
      node.a = *text;
      return add(std::move(node));
    }
    std::string message = absl::StrCat("unknown function \"", printable(f), "\"");
    if (std::optional<std::string> suggestion = closest_match(f, kFunctions)) {
      absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
    } else {
      absl::StrAppend(&message, "; the functions are ",
                      absl::StrJoin(kFunctions, ", ", append_string_view));
    }
    return error(s, message);
  }

  // if(condition, a, b) and default(field, fallback): two values of one type, one of them chosen.
  absl::StatusOr<int> choice(const SyntaxNode& s) {
    const bool is_if = s.text == "if";
    const std::string usage =
        is_if ? "if(condition, value, otherwise)" : "default(field, value if it is not recorded)";
    const size_t arity = is_if ? 3 : 2;
    if (s.args.size() != arity) {
      return error(s, absl::StrCat(s.text, " takes ", arity, " arguments, not ", s.args.size(),
                                   ": ", usage));
    }
    PlanNode node{is_if ? Op::kIf : Op::kDefault, Type::of(Kind::kBool)};
    if (is_if) {
      absl::StatusOr<int> condition = expect_bool(s.args[0], "if");
      if (!condition.ok()) return condition;
      node.args.push_back(*condition);
    }
    const size_t first = is_if ? 1 : 0;
    absl::StatusOr<int> a = compile(s.args[first]);
    if (!a.ok()) return a;
    absl::StatusOr<int> b = compile(s.args[first + 1]);
    if (!b.ok()) return b;
    // default(approach, "grant"): text beside an enum is one of its values, as in a comparison.
    const SyntaxNode& b_syntax = syntax(s.args[first + 1]);
    if (planned(*a).type.kind == Kind::kEnum && b_syntax.kind == SyntaxNode::Kind::kText) {
      b = as_enum(*b, b_syntax, *planned(*a).type.enumeration);
      if (!b.ok()) return b;
    }
    const Type& type = planned(*a).type;
    if (!(planned(*b).type == type) || type.kind == Kind::kList) {
      return error(b_syntax, absl::StrCat(s.text, "'s two values must be of one type: ",
                                          to_absl(source(syntax(s.args[first]))), " is ",
                                          describe(type), ", ", to_absl(source(b_syntax)), " is ",
                                          describe(planned(*b).type)));
    }
    node.type = type;
    node.args.push_back(*a);
    node.args.push_back(*b);
    return add(std::move(node));
  }

  std::string_view text_;
  const SyntaxTree& tree_;
  const Scope& scope_;
  Expression::Plan& plan_;
  std::vector<Name> names_;  // innermost last
};

}  // namespace

absl::StatusOr<Expression> compile(std::string_view text, const Scope& scope) {
  absl::StatusOr<SyntaxTree> tree = parse_expression(text);
  if (!tree.ok()) return with_excerpt(tree.status(), text);
  auto plan = std::make_unique<Expression::Plan>();
  plan->text = std::string(text);
  Compiler compiler(text, *tree, scope, *plan);
  absl::StatusOr<int> root = compiler.compile(tree->root);
  if (!root.ok()) return with_excerpt(root.status(), text);
  plan->root = *root;
  for (const Scope::Binding& binding : scope.bindings()) plan->bindings.push_back(binding.access);
  prepare(*plan);
  return Expression(std::move(plan));
}

}  // namespace compact::rules
