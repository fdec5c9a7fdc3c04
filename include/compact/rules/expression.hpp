#pragma once
// The rule packs' expression language: typed against the model's schema when compiled, evaluated on a
// typed case with no parsing, no lookup by name and no heap allocation. docs/packs.md is the language
// reference; this header is the C++ interface.
//
//   compact::rules::Scope scope;
//   scope.bind("commission", compact::access_of<compact::Commission>());
//   scope.bind("payment", compact::access_of<compact::Payment>());
//   auto due = compact::rules::compile("payment.received_on + 30 working days", scope);
//   ...
//   const void* entities[] = {&commission, &payment};
//   compact::rules::Value v = due->evaluate({entities, {}, &calendar});

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "compact/calendar/calendar.hpp"
#include "compact/calendar/period.hpp"
#include "compact/model/declared_fields.hpp"
#include "compact/model/field_access.hpp"

namespace compact::rules {

// The static type of an expression.
struct Type {
  enum class Kind : uint8_t {
    kBool,
    kInteger,
    kMoney,
    kDate,
    kPeriod,
    kText,
    kEnum,
    kEntity,
    kList
  };
  Kind kind = Kind::kBool;
  const EnumInfo* enumeration = nullptr;  // kEnum
  const EntityInfo* entity = nullptr;     // kEntity; for kList, its elements

  static constexpr Type of(Kind kind) { return {kind, nullptr, nullptr}; }
  friend bool operator==(const Type&, const Type&) = default;
};

// "a bool", "an integer", "money", "a date", "a period", "text", "an approach", "a commission",
// "a list of payments".
std::string describe(const Type& type);

// The result of evaluating an expression. Text and entities are views: of the case evaluated, or (for
// a text literal) of the Expression itself; both must outlive the Value.
struct Value {
  enum class State : uint8_t {
    kKnown,
    kUnrecorded,  // a field it needs is not recorded (Evaluation::unrecorded names it)
    kFailed,      // date arithmetic left the supported range
  };
  // An entity, or the std::vector of a list, with the table to read it.
  struct EntityRef {
    const void* object;
    const EntityAccess* access;
  };

  Value() : number(0) {}

  State state = State::kKnown;
  bool boolean = false;
  // One member holds the value, by the expression's type; a Value is 24 bytes, cheap to pass around.
  union {
    int64_t number;  // integer; money in pence; enum index
    Date day;
    Period period;
    std::string_view text;
    EntityRef entity;
  };

  bool known() const { return state == State::kKnown; }
};

// The names an expression may use: entities bound to slots ("commission", "payment") and parameters.
class Scope {
 public:
  // Binds `name` to the next slot; Environment::entities gives the entity for each slot, in order.
  void bind(std::string name, const EntityAccess& access);
  // Declares a parameter; Environment::parameters gives its value, in order of declaration. One that
  // `may_be_unset` (a pack's value left to the partners) is named, as a field is, where an
  // evaluation finds it not recorded: it is then among field_paths().
  void declare(std::string name, Type type, bool may_be_unset = false);
  // Lets expressions read the fields `fields` declares (a pack's [fields]) as if they were in the
  // schema. `fields` need only outlive the calls of compile() with this scope.
  void declare_fields(const FieldDeclarations& fields) { declared_fields_ = &fields; }

  struct Binding {
    std::string name;
    const EntityAccess* access;
  };
  struct Parameter {
    std::string name;
    Type type;
    bool may_be_unset;
  };
  std::span<const Binding> bindings() const { return bindings_; }
  std::span<const Parameter> parameters() const { return parameters_; }
  const FieldDeclarations* declared_fields() const { return declared_fields_; }

 private:
  std::vector<Binding> bindings_;
  std::vector<Parameter> parameters_;
  const FieldDeclarations* declared_fields_ = nullptr;
};

// What one evaluation reads: the entity in each bound slot, the parameters' values, and the calendar
// for working days (England and Wales when null). A slot left out, or given as null, is an entity not
// recorded: its fields read as unrecorded and are named as such; a parameter left out reads as
// unrecorded. Each entity given must be of the type its slot was bound to: that is not checked.
struct Environment {
  std::span<const void* const> entities;
  std::span<const Value> parameters;
  const Calendar* calendar = nullptr;
};

// The fields found unrecorded during an evaluation, by their index in Expression::field_paths(): the
// first kMax of them, and how many there were.
struct Unrecorded {
  static constexpr size_t kMax = 8;
  std::array<uint16_t, kMax> fields{};
  size_t count = 0;
};

// A compiled expression: immutable, and safe to evaluate from many threads at once.
class Expression {
 public:
  Expression(Expression&&) noexcept;
  Expression& operator=(Expression&&) noexcept;
  ~Expression();

  const Type& type() const;
  std::string_view text() const;

  // Evaluates with `environment`, which must match the Scope compiled with. Fields found unrecorded
  // are added to `unrecorded` when given. When `boundary_sensitive` is given, it says whether the
  // expression is latest_start(x, p) and counting back naively, x - p, gives another day: DESIGN.md's
  // boundary-sensitive results. 30 June - 1 month is 30 May, yet 31 May is still a month before 30
  // June (31 May + 1 month = 30 June), so latest_start is 31 May. Allocates nothing.
  Value evaluate(const Environment& environment, Unrecorded* unrecorded = nullptr,
                 bool* boundary_sensitive = nullptr) const;

  // Every field path the expression reads ("payment.received_on"), and each parameter it reads that
  // may be unset, for naming what is not recorded.
  std::span<const std::string> field_paths() const;
  // The indexes of the parameters (Scope::declare order) it reads.
  std::span<const uint32_t> parameters() const;
  // The entity each slot of the scope it was compiled in was bound to, in order: what
  // Environment::entities must hold.
  std::span<const EntityAccess* const> bindings() const;

  // The compiled form, for the library's own use (native code); its contents are not an API.
  struct Plan;
  const Plan& plan() const { return *plan_; }

 private:
  friend absl::StatusOr<Expression> compile(std::string_view text, const Scope& scope);
  explicit Expression(std::unique_ptr<const Plan> plan);
  std::unique_ptr<const Plan> plan_;
};

// Compiles `text` in `scope`. An error's message says what is wrong and shows the text with a caret
// under the place; error_offset() gives the place as a byte offset into `text`.
absl::StatusOr<Expression> compile(std::string_view text, const Scope& scope);

// An InvalidArgument error at byte `offset` of an expression, and the offset of such an error.
absl::Status expression_error(size_t offset, std::string_view message);
std::optional<size_t> error_offset(const absl::Status& status);

}  // namespace compact::rules
