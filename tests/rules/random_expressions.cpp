#include "random_expressions.hpp"

#include <array>
#include <string_view>

#include "compact/calendar/civil_days.hpp"

namespace compact::rules::reference {
namespace {

using Op = RefNode::Op;

static_assert(day_index_from_civil(1990, 1, 1) == kDaysFrom1900To1990);

// The fields an expression may read, by type. Paths under `payment` read the bound payment, or
// inside any()/all() over commission.payments the entry.
constexpr std::array kDateFields = {"commission.start_on",
                                    "commission.end_on",
                                    "commission.decision_notified_on",
                                    "commission.ending.ends_on",
                                    "commission.ending.notice_given_on",
                                    "payment.received_on",
                                    "payment.paid_on",
                                    "payment.agreed_pay_by"};
constexpr std::array kBoolFields = {"commission.underspend_terms_agreed",
                                    "commission.ending.notice_in_writing", "payment.in_advance",
                                    "payment.alternative_terms_agreed"};
constexpr std::array kMoneyFields = {"commission.value_pence", "payment.amount_pence"};
constexpr std::array kTextFields = {"commission.id", "commission.title",
                                    "commission.ending.rationale", "payment.id",
                                    "payment.in_advance_need"};
constexpr std::array kOtherFields = {"commission.ending", "commission.approach", "payment.kind"};
constexpr std::array kTexts = {"G1", "P1", "P2", "grant", "Larder", "", " \t", "\u00A0\u3000"};
constexpr std::array kCompares = {"==", "!=", "<", "<=", ">", ">="};

class Generator {
 public:
  Generator(std::mt19937_64& rng, const Names& names) : rng_(rng), names_(names) {}

  std::unique_ptr<RefNode> make(Kind kind, int depth) {
    if (depth <= 0 || chance(4)) return leaf(kind);
    switch (kind) {
      case Kind::kBool:
        return boolean(depth - 1);
      case Kind::kDate:
        return date(depth - 1);
      case Kind::kInteger:
      case Kind::kMoney:
        return number(kind, depth - 1);
      default:
        return choose_or_default(kind, depth - 1);
    }
  }

  // A field of `fields` that can be read here: payment's only where `payment` names something.
  template <typename Array>
  std::string field_of(const Array& fields) {
    for (;;) {
      const std::string path = any_of(fields);
      if (payment_visible() || !path.starts_with("payment.")) return path;
    }
  }

  std::string field_of_kind(Kind kind) {
    switch (kind) {
      case Kind::kBool:
        return field_of(kBoolFields);
      case Kind::kDate:
        return field_of(kDateFields);
      case Kind::kMoney:
        return field_of(kMoneyFields);
      default:
        return field_of(kTextFields);
    }
  }

 private:
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng_); }
  bool chance(size_t one_in) { return pick(one_in) == 0; }
  template <typename Array>
  std::string any_of(const Array& a) {
    return a[pick(a.size())];
  }

  bool payment_visible() const { return names_.payment || quantifiers_ > 0; }

  static std::unique_ptr<RefNode> node(Op op, Kind kind) {
    auto n = std::make_unique<RefNode>();
    n->op = op;
    n->kind = kind;
    return n;
  }
  std::unique_ptr<RefNode> with(std::unique_ptr<RefNode> n, std::unique_ptr<RefNode> a,
                                std::unique_ptr<RefNode> b = nullptr,
                                std::unique_ptr<RefNode> c = nullptr) {
    n->args.push_back(std::move(a));
    if (b) n->args.push_back(std::move(b));
    if (c) n->args.push_back(std::move(c));
    return n;
  }
  static std::unique_ptr<RefNode> field(std::string path, Kind kind) {
    auto n = node(Op::kField, kind);
    n->path = std::move(path);
    return n;
  }
  static std::unique_ptr<RefNode> parameter(std::string name, Kind kind) {
    auto n = node(Op::kParameter, kind);
    n->path = std::move(name);
    return n;
  }
  static std::unique_ptr<RefNode> literal(RefValue v) {
    auto n = node(Op::kLiteral, v.kind);
    n->value = std::move(v);
    return n;
  }

  Date some_date() {
    // Mostly 1990-2035; now and then one in the first or last 60 days of 1900-2199.
    if (chance(8)) {
      const int64_t base = chance(2) ? 0 : kSupportedDays - 60;
      return from_day_index(base + static_cast<int64_t>(pick(60)));
    }
    return from_day_index(kDaysFrom1900To1990 + static_cast<int64_t>(pick(16'800)));
  }

  Period some_period() {
    constexpr std::array units = {PeriodUnit::kDays, PeriodUnit::kWeeks, PeriodUnit::kMonths,
                                  PeriodUnit::kYears, PeriodUnit::kWorkingDays};
    return {static_cast<int64_t>(pick(chance(10) ? 200 : 40)), units[pick(units.size())]};
  }

  std::unique_ptr<RefNode> leaf(Kind kind) {
    RefValue v;
    v.kind = kind;
    switch (kind) {
      case Kind::kBool:
        if (chance(3)) return field(field_of(kBoolFields), kind);
        if (chance(2)) return recorded();
        v.boolean = chance(2);
        return literal(v);
      case Kind::kDate:
        if (chance(2)) return field(field_of(kDateFields), kind);
        if (names_.parameters && chance(4)) {
          const size_t i = pick(names_.dates.size() + 1);
          return parameter(i < names_.dates.size() ? names_.dates[i] : "cutoff", kind);
        }
        v.day = some_date();
        return literal(v);
      case Kind::kInteger:
        if (names_.parameters && chance(4)) return parameter("limit", kind);
        if (chance(3))
          return with(node(Op::kCount, kind), field("commission.payments", Kind::kList));
        v.number = static_cast<int64_t>(pick(400));
        return literal(v);
      case Kind::kMoney:
        if (chance(2)) return field(field_of(kMoneyFields), kind);
        v.number = static_cast<int64_t>(pick(5'000'000));
        return literal(v);
      case Kind::kPeriod:
        if (names_.parameters && chance(3)) return parameter("payment_period", kind);
        v.period = some_period();
        return literal(v);
      default:
        if (chance(2)) return field(field_of(kTextFields), kind);
        v.text = any_of(kTexts);
        return literal(v);
    }
  }

  std::unique_ptr<RefNode> recorded() {
    const size_t which = pick(3);
    const std::string path = which == 0   ? field_of(kDateFields)
                             : which == 1 ? field_of(kBoolFields)
                                          : field_of(kOtherFields);
    return with(node(Op::kRecorded, Kind::kBool), field(path, Kind::kEntity));
  }

  std::unique_ptr<RefNode> comparison(int depth) {
    auto n = node(Op::kCompare, Kind::kBool);
    n->compare = any_of(kCompares);
    switch (pick(5)) {
      case 0:
        return with(std::move(n), make(Kind::kInteger, depth), make(Kind::kInteger, depth));
      case 1:
        return with(std::move(n), make(Kind::kMoney, depth), make(Kind::kMoney, depth));
      case 2: {
        // Text, bools and enums compare with == and != only; an enum with one of its values.
        n->compare = chance(2) ? "==" : "!=";
        if (chance(3))
          return with(std::move(n), make(Kind::kText, depth), make(Kind::kText, depth));
        if (chance(2))
          return with(std::move(n), make(Kind::kBool, depth), make(Kind::kBool, depth));
        RefValue value;
        value.kind = Kind::kText;
        const bool approach = !payment_visible() || chance(2);
        value.text =
            approach ? (chance(2) ? "grant" : "contract") : (chance(2) ? "invoice" : "grant_claim");
        return with(std::move(n),
                    field(approach ? "commission.approach" : "payment.kind", Kind::kEnum),
                    literal(value));
      }
      default:
        return with(std::move(n), make(Kind::kDate, depth), make(Kind::kDate, depth));
    }
  }

  std::unique_ptr<RefNode> boolean(int depth) {
    switch (pick(9)) {
      case 0:
        return with(node(Op::kNot, Kind::kBool), make(Kind::kBool, depth));
      case 1:
        return with(node(Op::kAnd, Kind::kBool), make(Kind::kBool, depth),
                    make(Kind::kBool, depth));
      case 2:
        return with(node(Op::kOr, Kind::kBool), make(Kind::kBool, depth), make(Kind::kBool, depth));
      case 3: {
        auto n = node(chance(2) ? Op::kAny : Op::kAll, Kind::kBool);
        n->element = "payment";
        ++quantifiers_;
        auto condition = make(Kind::kBool, depth);
        --quantifiers_;
        return with(std::move(n), field("commission.payments", Kind::kList), std::move(condition));
      }
      case 4:
        return choose_or_default(Kind::kBool, depth);
      case 5:
        return with(node(Op::kBlank, Kind::kBool), make(Kind::kText, depth));
      default:
        return comparison(depth);
    }
  }

  std::unique_ptr<RefNode> date(int depth) {
    switch (pick(5)) {
      case 0:
        return with(node(Op::kAdd, Kind::kDate), make(Kind::kDate, depth), leaf(Kind::kPeriod));
      case 1:
        return with(node(Op::kSubtract, Kind::kDate), make(Kind::kDate, depth),
                    leaf(Kind::kPeriod));
      case 2:
        return with(node(Op::kLatestStart, Kind::kDate), make(Kind::kDate, depth),
                    leaf(Kind::kPeriod));
      case 3:
        return extreme(Kind::kDate, depth);
      default:
        return choose_or_default(Kind::kDate, depth);
    }
  }

  std::unique_ptr<RefNode> number(Kind kind, int depth) {
    switch (pick(kind == Kind::kInteger ? 6 : 4)) {
      case 0:
        return with(node(Op::kAdd, kind), make(kind, depth), make(kind, depth));
      case 1:
        return with(node(Op::kSubtract, kind), make(kind, depth), make(kind, depth));
      case 2:
        return extreme(kind, depth);
      case 3:
        return choose_or_default(kind, depth);
      default:
        return with(node(chance(2) ? Op::kDays : Op::kWorkingDays, kind), make(Kind::kDate, depth),
                    make(Kind::kDate, depth));
    }
  }

  std::unique_ptr<RefNode> extreme(Kind kind, int depth) {
    auto n = node(chance(2) ? Op::kMin : Op::kMax, kind);
    for (size_t i = 0, count = 2 + pick(2); i < count; ++i) n->args.push_back(make(kind, depth));
    return n;
  }

  // if(condition, a, b), or default(field, value) for a kind that has fields.
  std::unique_ptr<RefNode> choose_or_default(Kind kind, int depth) {
    if (kind == Kind::kInteger || chance(2)) {
      return with(node(Op::kIf, kind), make(Kind::kBool, depth), make(kind, depth),
                  make(kind, depth));
    }
    return with(node(Op::kDefault, kind), field(field_of_kind(kind), kind), make(kind, depth));
  }

  std::mt19937_64& rng_;
  const Names& names_;
  int quantifiers_ = 0;  // how many any()/all() the expression being made is inside
};

}  // namespace

std::unique_ptr<RefNode> random_expression(std::mt19937_64& rng, Kind kind, int depth,
                                           const Names& names) {
  return Generator(rng, names).make(kind, depth);
}

std::string random_field(std::mt19937_64& rng, Kind kind, const Names& names) {
  return Generator(rng, names).field_of_kind(kind);
}

Commission random_commission(std::mt19937_64& rng) {
  const auto chance = [&](int one_in) {
    return std::uniform_int_distribution<int>(0, one_in - 1)(rng) == 0;
  };
  const auto some_date = [&]() -> std::optional<Date> {
    if (chance(4)) return std::nullopt;
    if (chance(15)) {
      const int64_t base = chance(2) ? 0 : kSupportedDays - 60;
      return from_day_index(base + std::uniform_int_distribution<int64_t>(0, 59)(rng));
    }
    return from_day_index(kDaysFrom1900To1990 +
                          std::uniform_int_distribution<int64_t>(0, 16'800)(rng));
  };
  const auto some_bool = [&]() -> std::optional<bool> {
    if (chance(4)) return std::nullopt;
    return chance(2);
  };
  const auto some_text = [&](std::string_view text) -> std::optional<std::string> {
    if (chance(3)) return std::nullopt;
    if (chance(4)) return std::string(chance(2) ? "" : " \u00A0\n");
    return std::string(text);
  };
  Commission c;
  c.id = "G1";
  c.approach = chance(2) ? Approach::kGrant : Approach::kContract;
  if (auto t = some_text("Larder")) c.title = *t;
  if (!chance(4)) c.value_pence = Money{std::uniform_int_distribution<int64_t>(0, 5'000'000)(rng)};
  c.start_on = some_date();
  c.end_on = some_date();
  c.decision_notified_on = some_date();
  c.underspend_terms_agreed = some_bool();
  if (!chance(3)) {
    Ending e;
    e.ends_on = some_date();
    e.notice_given_on = some_date();
    e.notice_in_writing = some_bool();
    if (auto t = some_text("Funding ends")) e.rationale = *t;
    c.ending = e;
  }
  for (int i = 0, n = std::uniform_int_distribution<int>(0, 3)(rng); i < n; ++i) {
    Payment p;
    p.id = chance(5) ? "" : "P" + std::to_string(i + 1);
    p.kind = chance(2) ? PaymentKind::kInvoice : PaymentKind::kGrantClaim;
    if (!chance(4)) p.amount_pence = Money{std::uniform_int_distribution<int64_t>(0, 500'000)(rng)};
    p.received_on = some_date();
    p.paid_on = some_date();
    p.agreed_pay_by = some_date();
    p.in_advance = some_bool();
    p.alternative_terms_agreed = some_bool();
    if (auto t = some_text("cash flow")) p.in_advance_need = *t;
    c.payments.push_back(std::move(p));
  }
  return c;
}

}  // namespace compact::rules::reference
