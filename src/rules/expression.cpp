#include "compact/rules/expression.hpp"

#include <charconv>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/article.hpp"
#include "compact/util/text_position.hpp"
#include "plan.hpp"

namespace compact::rules {
namespace {

// Status payloads: the byte offset of an expression error, and its reason without the excerpt.
constexpr char kOffsetPayload[] = "compact.expression.offset";
constexpr char kReasonPayload[] = "compact.expression.reason";

std::string_view view(absl::string_view s) { return {s.data(), s.size()}; }

}  // namespace

std::string describe(const Type& type) {
  switch (type.kind) {
    case Type::Kind::kBool:
      return "a bool";
    case Type::Kind::kInteger:
      return "an integer";
    case Type::Kind::kMoney:
      return "money";
    case Type::Kind::kDate:
      return "a date";
    case Type::Kind::kPeriod:
      return "a period";
    case Type::Kind::kText:
      return "text";
    case Type::Kind::kEnum:
      return with_article(type.enumeration->name);
    case Type::Kind::kEntity:
      return with_article(type.entity->name);
    case Type::Kind::kList:
      return absl::StrCat("a list of ", to_absl(type.entity->name), "s");
  }
  return "a value";
}

void Scope::bind(std::string name, const EntityAccess& access) {
  bindings_.push_back({std::move(name), &access});
}

void Scope::declare(std::string name, Type type, bool may_be_unset) {
  parameters_.push_back({std::move(name), type, may_be_unset});
}

absl::Status expression_error(size_t offset, std::string_view message) {
  absl::Status status = absl::InvalidArgumentError(to_absl(message));
  status.SetPayload(kOffsetPayload, absl::Cord(absl::StrCat(offset)));
  return status;
}

std::optional<size_t> error_offset(const absl::Status& status) {
  const auto payload = status.GetPayload(kOffsetPayload);
  if (!payload) return std::nullopt;
  const std::string text(*payload);
  size_t offset = 0;
  if (std::from_chars(text.data(), text.data() + text.size(), offset).ec != std::errc()) {
    return std::nullopt;
  }
  return offset;
}

std::string error_reason(const absl::Status& status) {
  if (const auto reason = status.GetPayload(kReasonPayload)) return std::string(*reason);
  return std::string(view(status.message()));
}

absl::Status with_excerpt(const absl::Status& error, std::string_view text) {
  const size_t offset = error_offset(error).value_or(0);
  absl::Status shown = expression_error(
      offset, absl::StrCat("column ", line_and_column(text, offset).second, ": ",
                           to_absl(view(error.message())), "\n", excerpt_with_caret(text, offset)));
  shown.SetPayload(kReasonPayload, absl::Cord(error.message()));
  return shown;
}

Expression::Expression(std::unique_ptr<const Plan> plan) : plan_(std::move(plan)) {}
Expression::Expression(Expression&&) noexcept = default;
Expression& Expression::operator=(Expression&&) noexcept = default;
Expression::~Expression() = default;

const Type& Expression::type() const { return plan_->nodes[static_cast<size_t>(plan_->root)].type; }
std::string_view Expression::text() const { return plan_->text; }
std::span<const std::string> Expression::field_paths() const { return plan_->field_paths; }
std::span<const uint32_t> Expression::parameters() const { return plan_->parameters; }
std::span<const EntityAccess* const> Expression::bindings() const { return plan_->bindings; }

}  // namespace compact::rules
