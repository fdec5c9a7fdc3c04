// Reading a rule pack: TOML (toml++) to a Pack with every expression compiled. Every error names the
// file, line and column and shows the line with a caret; docs/packs.md documents each key.

// toml++ is used header-only and without exceptions, so that nothing it does can throw through us.
#define TOML_HEADER_ONLY 1
#define TOML_EXCEPTIONS 0
// toml++'s own assertions are off in every build, as NDEBUG turns them off in a release one: 3.3's
// parse_key asserts a key starts with a key character, yet "[!x]" reaches it, and toml++ then
// reports the error itself. With them on, a debug build would abort where a release one answers.
#define TOML_ASSERT(expr) static_assert(true)
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <fstream>
#include <sstream>
#include <system_error>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "compact/model/case.hpp"
#include "compact/rules/pack.hpp"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/article.hpp"
#include "compact/util/did_you_mean.hpp"
#include "compact/util/error_location.hpp"
#include "compact/util/identifier.hpp"
#include "compact/util/printable.hpp"
#include "compact/util/text_position.hpp"
#include "parameter_value.hpp"
#include "plan.hpp"
#include "toml_error_hint.hpp"
#include "toml_text.hpp"

namespace compact::rules {

std::string_view name_of(Party party) {
  constexpr std::string_view kNames[] = {"public", "vcse", "both"};
  return kNames[static_cast<size_t>(party)];
}

std::string_view name_of(Strength strength) {
  switch (strength) {
    case Strength::kMust:
      return "must";
    case Strength::kUndertake:
      return "undertake";
    case Strength::kAim:
      return "aim";
    case Strength::kWherePossible:
      return "where_possible";
  }
  return "must";
}

std::string_view name_of(DueMeans means) {
  return means == DueMeans::kLastDay ? "last_day" : "first_day";
}

const Parameter::Dated& Parameter::in_force_on(Date date) const {
  const Dated* chosen = &values.front();
  for (const Dated& dated : values) {
    if (dated.from && *dated.from <= date) chosen = &dated;
  }
  return *chosen;
}

const Expression* Rule::expression(RulePart part) const {
  const std::optional<Expression>* e = nullptr;
  switch (part) {
    case RulePart::kWhen:
      e = &when;
      break;
    case RulePart::kUnless:
      e = &unless;
      break;
    case RulePart::kArises:
      e = &arises;
      break;
    case RulePart::kDue:
      e = &due;
      break;
    case RulePart::kActual:
      e = &actual;
      break;
    case RulePart::kMet:
      e = &met;
      break;
  }
  return e && *e ? &**e : nullptr;
}

const Rule* Pack::rule(std::string_view rule_id) const {
  for (const Rule& r : rules) {
    if (r.id == rule_id) return &r;
  }
  return nullptr;
}

const Definition* Pack::definition(std::string_view definition_id) const {
  for (const Definition& d : definitions) {
    if (d.id == definition_id) return &d;
  }
  return nullptr;
}

namespace {

constexpr std::string_view kPackKeys[] = {"id",       "title",    "edition",
                                          "in_force", "calendar", "source"};
constexpr std::string_view kRuleKeys[] = {
    "id",     "section", "quote",  "party", "strength",     "for",       "when",   "unless",
    "arises", "due",     "actual", "met",   "explained_by", "due_means", "message"};
constexpr std::string_view kTopKeys[] = {"pack", "params", "fields", "rule", "definition"};
constexpr std::string_view kDefinitionKeys[] = {"id", "title", "section", "characteristic"};
constexpr std::string_view kCharacteristicKeys[] = {"id", "quote", "holds"};
constexpr std::string_view kDeclaredFieldKeys[] = {"type", "description"};
constexpr std::string_view kParameterTypes[] = {"period", "money", "integer",
                                                "bool",   "date",  "text"};
constexpr Type::Kind kParameterKinds[] = {Type::Kind::kPeriod,  Type::Kind::kMoney,
                                          Type::Kind::kInteger, Type::Kind::kBool,
                                          Type::Kind::kDate,    Type::Kind::kText};
static_assert(std::size(kParameterKinds) == std::size(kParameterTypes));
constexpr std::string_view kParties[] = {"public", "vcse", "both"};
constexpr std::string_view kStrengths[] = {"must", "undertake", "aim", "where_possible"};
constexpr std::string_view kDueMeans[] = {"last_day", "first_day"};

// The byte offset of a toml++ position (1-based line, and column in characters).
size_t offset_of(std::string_view text, const toml::source_position& position) {
  size_t at = 0;
  for (uint32_t line = 1; line < position.line && at < text.size(); ++line) {
    const size_t newline = text.find('\n', at);
    if (newline == std::string_view::npos) return text.size();
    at = newline + 1;
  }
  for (uint32_t column = 1; column < position.column && at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80) ++column;
  }
  while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  return at;
}

class PackLoader {
 public:
  PackLoader(std::string_view text, std::string_view source_name)
      : text_(without_byte_order_mark(text)), source_name_(source_name) {}

  absl::StatusOr<Pack> load() {
    if (text_.size() > kMaxPackBytes) {
      return absl::InvalidArgumentError(absl::StrCat(to_absl(source_name_), ": the pack is ",
                                                     text_.size(), " bytes; the limit is ",
                                                     kMaxPackBytes));
    }
    if (absl::Status s = check_non_ascii_first(); !s.ok()) return s;
    toml::parse_result parsed = toml::parse(text_, source_name_);
    if (!parsed) {
      const toml::parse_error& e = parsed.error();
      const size_t at = offset_of(text_, e.source().begin);
      return error_at(
          at, absl::StrCat(to_absl(e.description()), toml_error_hint(text_, at, e.description())));
    }
    const toml::table& top = parsed.table();
    pack_.source_name = std::string(source_name_);
    if (absl::Status s = known_keys(top, kTopKeys, "a pack"); !s.ok()) return s;
    if (absl::Status s = read_header(top); !s.ok()) return s;
    if (absl::Status s = read_parameters(top); !s.ok()) return s;
    if (absl::Status s = read_fields(top); !s.ok()) return s;
    if (absl::Status s = read_rules(top); !s.ok()) return s;
    if (absl::Status s = read_definitions(top); !s.ok()) return s;
    return std::move(pack_);
  }

 private:
  // toml_text.hpp: a pack with characters outside ASCII is parsed as ASCII first; once that parses,
  // a scan finds those characters wherever toml++ would mishandle them.
  absl::Status check_non_ascii_first() const {
    if (is_ascii(text_)) return absl::OkStatus();
    const std::string copy = ascii_copy(text_);
    const toml::parse_result parsed = toml::parse(copy, source_name_);
    if (!parsed) {
      const size_t at = offset_of(copy, parsed.error().source().begin);
      // At a replaced character the error is that character's; elsewhere it is about ASCII text,
      // the same in both.
      if (at < text_.size() && text_[at] != copy[at]) return error_at(at, kNonAsciiOutsideStrings);
      return error_at(at, absl::StrCat(to_absl(parsed.error().description()),
                                       toml_error_hint(copy, at, parsed.error().description())));
    }
    if (const std::optional<TomlTextProblem> problem = check_non_ascii(text_)) {
      return error_at(problem->offset, problem->message);
    }
    return absl::OkStatus();
  }

  absl::Status error_at(size_t offset, std::string_view message) const {
    const auto [line, column] = line_and_column(text_, offset);
    return with_location(absl::InvalidArgumentError(absl::StrCat(
                             to_absl(source_name_), ":", line, ":", column, ": ", to_absl(message),
                             "\n", excerpt_with_caret(text_, offset))),
                         {std::string(source_name_), line, column});
  }
  absl::Status error_at(const toml::node& node, std::string_view message) const {
    return error_at(offset_of(text_, node.source().begin), message);
  }
  absl::Status error_at(const toml::key& key, std::string_view message) const {
    return error_at(offset_of(text_, key.source().begin), message);
  }

  absl::Status known_keys(const toml::table& table, std::span<const std::string_view> keys,
                          std::string_view what) const {
    for (const auto& [key, node] : table) {
      if (std::find(keys.begin(), keys.end(), key.str()) != keys.end()) continue;
      std::string message =
          absl::StrCat("unknown key \"", printable(key.str()), "\" in ", to_absl(what));
      if (std::optional<std::string> suggestion = closest_match(key.str(), keys)) {
        absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
      } else {
        absl::StrAppend(&message, "; the keys are ", absl::StrJoin(keys, ", ", append_string_view));
      }
      return error_at(key, message);
    }
    return absl::OkStatus();
  }

  // The string at `key` of `table`: required, or "" when absent and optional.
  absl::StatusOr<std::string> string_at(const toml::table& table, std::string_view key,
                                        bool required, std::string_view where) const {
    const toml::node* node = table.get(key);
    if (!node) {
      if (!required) return std::string();
      return error_at(table, absl::StrCat(to_absl(where), " needs \"", to_absl(key), "\""));
    }
    const toml::value<std::string>* s = node->as_string();
    if (!s) return error_at(*node, absl::StrCat("\"", to_absl(key), "\" must be a string"));
    return s->get();
  }

  // One of `allowed`, by its index.
  absl::StatusOr<size_t> choice_at(const toml::table& table, std::string_view key,
                                   std::span<const std::string_view> allowed,
                                   std::optional<size_t> otherwise, std::string_view where) const {
    absl::StatusOr<std::string> value = string_at(table, key, !otherwise, where);
    if (!value.ok()) return value.status();
    if (value->empty() && otherwise) return *otherwise;
    const auto found = std::find(allowed.begin(), allowed.end(), *value);
    if (found != allowed.end()) return static_cast<size_t>(found - allowed.begin());
    std::string message =
        absl::StrCat("\"", printable(*value), "\" is not a ", to_absl(key), "; expected one of ",
                     absl::StrJoin(allowed, ", ", append_string_view));
    if (std::optional<std::string> suggestion = closest_match(*value, allowed)) {
      absl::StrAppend(&message, " (did you mean \"", *suggestion, "\"?)");
    }
    return error_at(*table.get(key), message);
  }

  absl::StatusOr<Date> date_of(const toml::node& node, std::string_view what) const {
    const toml::value<toml::date>* d = node.as_date();
    if (!d) {
      return error_at(node, absl::StrCat(to_absl(what),
                                         " must be a date, written 2014-09-01 "
                                         "(without quotes)"));
    }
    absl::StatusOr<Date> date = make_date(d->get().year, d->get().month, d->get().day);
    if (!date.ok()) return error_at(node, std::string(date.status().message()));
    return *date;
  }

  absl::Status read_header(const toml::table& top) {
    const toml::table* header = top["pack"].as_table();
    if (!header) return error_at(top, "a pack starts with a [pack] table (id, title, ...)");
    if (absl::Status s = known_keys(*header, kPackKeys, "[pack]"); !s.ok()) return s;
    for (auto [key, out, required] :
         {std::tuple{"id", &pack_.id, true}, std::tuple{"title", &pack_.title, true},
          std::tuple{"edition", &pack_.edition, false}, std::tuple{"source", &pack_.source, false},
          std::tuple{"calendar", &pack_.calendar_name, false}}) {
      absl::StatusOr<std::string> value = string_at(*header, key, required, "[pack]");
      if (!value.ok()) return value.status();
      *out = std::move(*value);
    }
    if (pack_.calendar_name.empty()) pack_.calendar_name = "england-and-wales";
    absl::StatusOr<Calendar> calendar = Calendar::builtin(pack_.calendar_name);
    if (!calendar.ok()) {
      return error_at(*header->get("calendar"), std::string(calendar.status().message()));
    }
    pack_.calendar = *std::move(calendar);
    if (const toml::node* in_force = header->get("in_force")) {
      const toml::table* window = in_force->as_table();
      if (!window) return error_at(*in_force, "in_force is { from = 2014-09-01, to = 2017-08-31 }");
      constexpr std::string_view kWindowKeys[] = {"from", "to"};
      if (absl::Status s = known_keys(*window, kWindowKeys, "in_force"); !s.ok()) return s;
      for (auto [key, out] :
           {std::pair{"from", &pack_.in_force_from}, std::pair{"to", &pack_.in_force_to}}) {
        if (const toml::node* node = window->get(key)) {
          absl::StatusOr<Date> date = date_of(*node, absl::StrCat("in_force.", key));
          if (!date.ok()) return date.status();
          *out = *date;
        }
      }
      if (pack_.in_force_from && pack_.in_force_to && *pack_.in_force_to < *pack_.in_force_from) {
        return error_at(*in_force, "in_force ends before it starts");
      }
    }
    return absl::OkStatus();
  }

  // A parameter's value: a TOML integer, boolean or date as itself; a string as a period ("30 working
  // days"), an amount ("£12.50") or else text.
  absl::StatusOr<std::pair<Type, Value>> parameter_value(const toml::node& node) {
    Value value;
    if (const auto* i = node.as_integer()) {
      value.number = i->get();
      return std::pair{Type::of(Type::Kind::kInteger), value};
    }
    if (const auto* b = node.as_boolean()) {
      value.boolean = b->get();
      return std::pair{Type::of(Type::Kind::kBool), value};
    }
    if (node.is_date()) {
      absl::StatusOr<Date> date = date_of(node, "the value");
      if (!date.ok()) return date.status();
      value.day = *date;
      return std::pair{Type::of(Type::Kind::kDate), value};
    }
    const auto* s = node.as_string();
    if (!s) {
      return error_at(node,
                      "a parameter is a number, true/false, a date, a period "
                      "(\"30 working days\"), an amount (\"£12.50\") or text");
    }
    const std::string& written = s->get();
    if (!written.empty() && std::isdigit(static_cast<unsigned char>(written[0])) &&
        parse_date(written).ok()) {
      return error_at(node, absl::StrCat("a date is written without quotes, as TOML's own: ",
                                         printable(written), ", not \"", printable(written), "\""));
    }
    absl::StatusOr<std::pair<Type, Value>> read = value_of_text(written, pack_.parameter_texts);
    if (!read.ok()) return error_at(node, error_reason(read.status()));
    return read;
  }

  absl::Status read_parameters(const toml::table& top) {
    const toml::node* params = top.get("params");
    if (!params) return absl::OkStatus();
    const toml::table* table = params->as_table();
    if (!table) return error_at(*params, "params is a table: [params]");
    for (const auto& [key, node] : *table) {
      if (pack_.parameters.size() == kMaxParameters) {
        return error_at(key, absl::StrCat("a pack has at most ", kMaxParameters, " parameters"));
      }
      if (absl::Status s = parameter_name(key); !s.ok()) return s;
      Parameter parameter;
      parameter.name = std::string(key.str());
      const toml::table* dated = node.as_table();
      if (dated && dated->contains("type")) {
        if (absl::Status s = open_parameter(*dated, parameter); !s.ok()) return s;
      } else if (dated) {
        for (const auto& [from, value] : *dated) {
          absl::StatusOr<Date> date = parse_date(from.str());
          if (!date.ok()) {
            return error_at(from, absl::StrCat("a dated value's key is the date the value takes "
                                               "effect: ",
                                               to_absl(std::string(date.status().message()))));
          }
          absl::Status s = add_value(parameter, value, *date);
          if (!s.ok()) return s;
        }
        if (parameter.values.empty()) return error_at(node, "a dated parameter needs a value");
      } else if (absl::Status s = add_value(parameter, node, std::nullopt); !s.ok()) {
        return s;
      }
      std::sort(
          parameter.values.begin(), parameter.values.end(),
          [](const Parameter::Dated& a, const Parameter::Dated& b) { return a.from < b.from; });
      pack_.parameters.push_back(std::move(parameter));
    }
    return absl::OkStatus();
  }

  // `{ type = "period", description = "..." }`: a value the pack leaves to the partners to set, not
  // recorded until they do (set_parameter).
  absl::Status open_parameter(const toml::table& table, Parameter& parameter) {
    if (absl::Status s = known_keys(table, kDeclaredFieldKeys, "a parameter left to be set");
        !s.ok())
      return s;
    absl::StatusOr<size_t> kind =
        choice_at(table, "type", kParameterTypes, std::nullopt, "a parameter left to be set");
    if (!kind.ok()) return kind.status();
    absl::StatusOr<std::string> description = string_at(table, "description", false, "");
    if (!description.ok()) return description.status();
    parameter.type = Type::of(kParameterKinds[*kind]);
    parameter.description = *std::move(description);
    Value unset;
    unset.state = Value::State::kUnrecorded;
    parameter.values.push_back({std::nullopt, unset, "not set"});
    return absl::OkStatus();
  }

  // A parameter is used by its name in expressions, so the name must be one an expression can write
  // and must not be hidden by, or hide, a name the engine binds (an entity, as_of, due, actual).
  absl::Status parameter_name(const toml::key& key) const {
    const std::string_view name = key.str();
    const bool identifier = is_identifier(name);
    if (!identifier) {
      return error_at(key, absl::StrCat("a parameter's name is lower-case letters, digits and _, "
                                        "starting with a letter or _: \"",
                                        printable(name), "\" cannot be written in an expression"));
    }
    constexpr std::string_view kReserved[] = {"as_of", "due", "actual", "case", "true",
                                              "false", "and", "or",     "not"};
    bool reserved =
        std::find(std::begin(kReserved), std::end(kReserved), name) != std::end(kReserved);
    for (const EntityInfo* entity : entities_from(Case::kInfo))
      reserved |= entity->identifier == name;
    if (reserved) {
      return error_at(key, absl::StrCat("\"", to_absl(name),
                                        "\" is a name the engine gives rules (as_of, due, "
                                        "actual, case and the entity names); call the parameter "
                                        "something else"));
    }
    return absl::OkStatus();
  }

  // [fields.payment] approved_on = "date", or { type = "date", description = "..." }: fields case
  // documents may carry beyond the core schema (declared_fields.hpp).
  absl::Status read_fields(const toml::table& top) {
    const toml::node* fields = top.get("fields");
    if (!fields) return absl::OkStatus();
    const toml::table* entities = fields->as_table();
    if (!entities) return error_at(*fields, "fields are declared per entity: [fields.payment]");
    for (const auto& [entity, node] : *entities) {
      if (absl::StatusOr<const EntityInfo*> known = entity_named(entity.str()); !known.ok()) {
        return error_at(entity, error_reason(known.status()));
      }
      const toml::table* declared = node.as_table();
      if (!declared) {
        return error_at(node, absl::StrCat("the fields of ", with_article(entity.str()),
                                           " are a table: [fields.", printable(entity.str()), "]"));
      }
      for (const auto& [name, spec] : *declared) {
        std::string kind_name;
        std::string description;
        const toml::node* kind_node = &spec;
        if (const toml::table* full = spec.as_table()) {
          if (absl::Status s = known_keys(*full, kDeclaredFieldKeys, "a declared field"); !s.ok())
            return s;
          absl::StatusOr<size_t> kind =
              choice_at(*full, "type", kDeclarableKinds, std::nullopt, "a declared field");
          if (!kind.ok()) return kind.status();
          kind_name = kDeclarableKinds[*kind];
          absl::StatusOr<std::string> text = string_at(*full, "description", false, "");
          if (!text.ok()) return text.status();
          description = *std::move(text);
        } else if (const auto* kind = spec.as_string()) {
          kind_name = kind->get();
        } else {
          kind_node = nullptr;
        }
        const std::optional<FieldKind> kind = declarable_kind(kind_name);
        if (!kind) {
          std::string message =
              kind_node
                  ? absl::StrCat("\"", printable(kind_name), "\" is not a type; expected one of ",
                                 absl::StrJoin(kDeclarableKinds, ", ", append_string_view))
                  : std::string(
                        "a declared field is its type, \"date\", \"bool\", "
                        "\"integer\", \"money\" or \"text\", or a table "
                        "{ type = \"date\", description = \"...\" }");
          if (kind_node) {
            if (std::optional<std::string> suggestion = closest_match(kind_name, kDeclarableKinds))
              absl::StrAppend(&message, " (did you mean \"", *suggestion, "\"?)");
          }
          return error_at(spec, message);
        }
        // The place goes with the declaration, for an engine that finds another pack disagrees.
        const auto [line, column] = line_and_column(text_, offset_of(text_, name.source().begin));
        absl::Status s =
            pack_.fields.declare(entity.str(), name.str(), *kind, description,
                                 absl::StrCat(to_absl(source_name_), ":", line, ":", column));
        if (!s.ok()) return error_at(name, error_reason(s));
      }
    }
    return absl::OkStatus();
  }

  absl::Status add_value(Parameter& parameter, const toml::node& node, std::optional<Date> from) {
    absl::StatusOr<std::pair<Type, Value>> value = parameter_value(node);
    if (!value.ok()) return value.status();
    if (!parameter.values.empty() && !(parameter.type == value->first)) {
      return error_at(node,
                      absl::StrCat("every dated value of ", parameter.name, " must be ",
                                   describe(parameter.type), "; this is ", describe(value->first)));
    }
    parameter.type = value->first;
    std::string written;
    if (const auto* text = node.as_string()) {
      written = text->get();
    } else if (value->first.kind == Type::Kind::kDate) {
      written = format_date(value->second.day);
    } else if (value->first.kind == Type::Kind::kBool) {
      written = value->second.boolean ? "true" : "false";
    } else {
      written = absl::StrCat(value->second.number);
    }
    parameter.values.push_back({from, value->second, std::move(written)});
    return absl::OkStatus();
  }

  absl::Status read_rules(const toml::table& top) {
    const toml::node* node = top.get("rule");
    if (!node) return absl::OkStatus();
    const toml::array* rules = node->as_array();
    if (!rules) return error_at(*node, "rules are written [[rule]], one table each");
    if (rules->size() > kMaxRules) {
      return error_at(*node, absl::StrCat("a pack has at most ", kMaxRules, " rules"));
    }
    for (const toml::node& element : *rules) {
      const toml::table* table = element.as_table();
      if (!table) return error_at(element, "each [[rule]] is a table");
      if (absl::Status s = read_rule(*table); !s.ok()) return s;
    }
    return absl::OkStatus();
  }

  // [[definition]] with its [[definition.characteristic]]s, each `holds` a condition on the
  // organisation alone.
  absl::Status read_definitions(const toml::table& top) {
    const toml::node* node = top.get("definition");
    if (!node) return absl::OkStatus();
    const toml::array* tables = node->as_array();
    if (!tables) return error_at(*node, "definitions are written [[definition]], one table each");
    Scope scope;
    scope.declare_fields(pack_.fields);
    scope.bind("organisation", access_for(Organisation::kInfo));
    for (const toml::node& element : *tables) {
      const toml::table* table = element.as_table();
      if (!table) return error_at(element, "each [[definition]] is a table");
      if (absl::Status s = known_keys(*table, kDefinitionKeys, "a [[definition]]"); !s.ok())
        return s;
      Definition definition;
      definition.line = static_cast<int>(table->source().begin.line);
      for (auto [key, out] :
           {std::pair{"id", &definition.id}, std::pair{"title", &definition.title},
            std::pair{"section", &definition.section}}) {
        absl::StatusOr<std::string> value = string_at(*table, key, true, "a [[definition]]");
        if (!value.ok()) return value.status();
        *out = *std::move(value);
      }
      if (!is_identifier_like(definition.id) || pack_.definition(definition.id)) {
        return error_at(*table->get("id"),
                        absl::StrCat("\"", printable(definition.id),
                                     "\" is not a new definition id: lower-case letters, digits, "
                                     "'.' and '-', and not used before in the pack"));
      }
      const toml::array* characteristics =
          table->contains("characteristic") ? table->get("characteristic")->as_array() : nullptr;
      if (!characteristics || characteristics->empty()) {
        return error_at(*table, "a [[definition]] needs its [[definition.characteristic]]s");
      }
      for (const toml::node& c : *characteristics) {
        const toml::table* ct = c.as_table();
        if (!ct) return error_at(c, "each [[definition.characteristic]] is a table");
        if (absl::Status s = known_keys(*ct, kCharacteristicKeys, "a characteristic"); !s.ok())
          return s;
        absl::StatusOr<std::string> id = string_at(*ct, "id", true, "a characteristic");
        if (!id.ok()) return id.status();
        const bool repeated =
            std::any_of(definition.characteristics.begin(), definition.characteristics.end(),
                        [&](const Characteristic& other) { return other.id == *id; });
        if (!is_identifier_like(*id) || repeated) {
          return error_at(
              *ct->get("id"),
              absl::StrCat("\"", printable(*id),
                           "\" is not a new characteristic id: lower-case letters, "
                           "digits, '.' and '-', and not used before in the definition"));
        }
        absl::StatusOr<std::string> quote = string_at(*ct, "quote", true, "a characteristic");
        if (!quote.ok()) return quote.status();
        if (!ct->contains("holds")) return error_at(*ct, "a characteristic needs \"holds\"");
        absl::StatusOr<Expression> holds =
            expression(*ct->get("holds"), "holds", scope, Type::Kind::kBool);
        if (!holds.ok()) return holds.status();
        definition.characteristics.push_back({*std::move(id), *std::move(quote), *std::move(holds),
                                              static_cast<int>(ct->source().begin.line)});
      }
      pack_.definitions.push_back(std::move(definition));
    }
    return absl::OkStatus();
  }

  // A rule's or a definition's id: lower-case letters, digits, '.' and '-'.
  static bool is_identifier_like(std::string_view id) {
    return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    });
  }

  absl::Status read_rule(const toml::table& table) {
    if (absl::Status s = known_keys(table, kRuleKeys, "a [[rule]]"); !s.ok()) return s;
    Rule rule;
    rule.line = static_cast<int>(table.source().begin.line);
    for (auto [key, out, required] :
         {std::tuple{"id", &rule.id, true}, std::tuple{"section", &rule.section, true},
          std::tuple{"quote", &rule.quote, true}, std::tuple{"for", &rule.covers, true},
          std::tuple{"message", &rule.message, false}}) {
      absl::StatusOr<std::string> value = string_at(table, key, required, "a [[rule]]");
      if (!value.ok()) return value.status();
      *out = std::move(*value);
    }
    if (!is_identifier_like(rule.id)) {
      return error_at(*table.get("id"),
                      absl::StrCat("\"", printable(rule.id),
                                   "\" is not a rule id: an id is lower-case letters, digits, '.' "
                                   "and '-', like \"payment.on-time\""));
    }
    if (absl::Status s = check_placeholders(table, rule.message); !s.ok()) return s;
    if (pack_.rule(rule.id)) {
      return error_at(*table.get("id"),
                      absl::StrCat("a second rule with the id \"", rule.id, "\""));
    }
    absl::StatusOr<size_t> party = choice_at(table, "party", kParties, std::nullopt, "a [[rule]]");
    if (!party.ok()) return party.status();
    rule.party = static_cast<Party>(*party);
    absl::StatusOr<size_t> strength =
        choice_at(table, "strength", kStrengths, std::nullopt, "a [[rule]]");
    if (!strength.ok()) return strength.status();
    rule.strength = static_cast<Strength>(*strength);
    absl::StatusOr<size_t> means = choice_at(table, "due_means", kDueMeans, 0, "a [[rule]]");
    if (!means.ok()) return means.status();
    rule.due_means = static_cast<DueMeans>(*means);

    absl::StatusOr<std::vector<const EntityInfo*>> covered = resolve_covers(table, rule);
    if (!covered.ok()) return covered.status();
    const Scope base = scope_for(*covered, false, false);
    const Scope with_parameters = scope_for(*covered, true, false);
    const Scope with_due = scope_for(*covered, true, true);
    struct Slot {
      const char* key;
      std::optional<Expression>* out;
      const Scope* scope;
      Type::Kind kind;
    };
    for (const Slot& slot : {Slot{"when", &rule.when, &with_parameters, Type::Kind::kBool},
                             Slot{"unless", &rule.unless, &with_parameters, Type::Kind::kBool},
                             Slot{"arises", &rule.arises, &base, Type::Kind::kDate},
                             Slot{"due", &rule.due, &with_parameters, Type::Kind::kDate},
                             Slot{"actual", &rule.actual, &base, Type::Kind::kDate},
                             Slot{"met", &rule.met, &with_due, Type::Kind::kBool}}) {
      const toml::node* node = table.get(slot.key);
      if (!node) continue;
      absl::StatusOr<Expression> e = expression(*node, slot.key, *slot.scope, slot.kind);
      if (!e.ok()) return e.status();
      *slot.out = *std::move(e);
    }
    if (!rule.met) return error_at(table, "a [[rule]] needs \"met\": the condition it checks");
    if (const toml::node* node = table.get("explained_by")) {
      const toml::array* fields = node->as_array();
      if (!fields) {
        return error_at(*node, "explained_by is a list of fields: [\"payment.late_reason\"]");
      }
      for (const toml::node& field : *fields) {
        absl::StatusOr<Expression> e = expression(field, "explained_by", base, std::nullopt);
        if (!e.ok()) return e.status();
        rule.explained_by.push_back(*std::move(e));
      }
    }
    trace_fields(rule, with_parameters, pack_.parameters.size());
    pack_.rules.push_back(std::move(rule));
    return absl::OkStatus();
  }

  // The fields and parameters a trace shows: each read by the rule's expressions, once. Paths inside
  // any() and all() name a list's element, which is not in the rule's scope; they are left out.
  static void trace_fields(Rule& rule, const Scope& scope, size_t pack_parameters) {
    std::vector<std::string_view> seen;
    std::vector<const Expression*> expressions;
    for (const std::optional<Expression>* e :
         {&rule.when, &rule.unless, &rule.arises, &rule.due, &rule.actual, &rule.met}) {
      if (*e) expressions.push_back(&**e);
    }
    for (const Expression& e : rule.explained_by) expressions.push_back(&e);
    for (const Expression* e : expressions) {
      for (const uint32_t parameter : e->parameters()) {
        // as_of, due and actual follow the pack's parameters in the scope; they are not parameters.
        if (parameter < pack_parameters && std::find(rule.parameters.begin(), rule.parameters.end(),
                                                     parameter) == rule.parameters.end()) {
          rule.parameters.push_back(parameter);
        }
      }
      for (const std::string& path : e->field_paths()) {
        // A parameter left unset is named among the paths; a finding lists parameters apart.
        const auto named = scope.parameters();
        const bool parameter =
            std::any_of(named.begin(), named.end(), [&](const auto& p) { return p.name == path; });
        if (parameter || std::find(seen.begin(), seen.end(), path) != seen.end()) continue;
        seen.push_back(path);
        absl::StatusOr<Expression> field = compile(path, scope);
        if (field.ok() && field->type().kind != Type::Kind::kEntity &&
            field->type().kind != Type::Kind::kList) {
          rule.traced.push_back(*std::move(field));
        }
      }
    }
  }

  // A message may use only the placeholders Finding::message() fills in.
  absl::Status check_placeholders(const toml::table& table, std::string_view message) const {
    constexpr std::string_view kPlaceholders[] = {"{due}", "{actual}", "{entity}", "{margin_days}"};
    for (size_t open = message.find('{'); open != std::string_view::npos;
         open = message.find('{', open + 1)) {
      const size_t close = message.find('}', open);
      const std::string_view placeholder = message.substr(
          open, close == std::string_view::npos ? std::string_view::npos : close - open + 1);
      if (std::find(std::begin(kPlaceholders), std::end(kPlaceholders), placeholder) ==
          std::end(kPlaceholders)) {
        return error_at(*table.get("message"),
                        absl::StrCat("unknown placeholder ", printable(placeholder),
                                     " in the message; the placeholders are ",
                                     absl::StrJoin(kPlaceholders, ", ", append_string_view)));
      }
    }
    return absl::OkStatus();
  }

  // "commission.payment": each name is an entity listed or held by the one before, from the case.
  absl::StatusOr<std::vector<const EntityInfo*>> resolve_covers(const toml::table& table,
                                                                Rule& rule) const {
    std::vector<const EntityInfo*> covered;
    const EntityInfo* at = &Case::kInfo;
    if (rule.covers == "case") return covered;
    size_t begin = 0;
    while (begin <= rule.covers.size()) {
      size_t end = rule.covers.find('.', begin);
      if (end == std::string::npos) end = rule.covers.size();
      const std::string_view name = std::string_view(rule.covers).substr(begin, end - begin);
      std::vector<std::string_view> here;
      const FieldInfo* found = nullptr;
      for (const FieldInfo& field : at->fields) {
        if (!field.element) continue;
        here.push_back(field.element->identifier);
        if (field.element->identifier == name) found = &field;
      }
      if (!found) {
        std::string message =
            absl::StrCat("\"for\": ", to_absl(at == &Case::kInfo ? "a case" : at->name),
                         " has no \"", printable(name), "\"");
        if (std::optional<std::string> suggestion = closest_match(name, here)) {
          absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
        } else {
          absl::StrAppend(&message, "; it has ", absl::StrJoin(here, ", ", append_string_view));
        }
        return error_at(*table.get("for"), message);
      }
      if (rule.path.size() == kMaxCoverDepth) {
        return error_at(*table.get("for"),
                        absl::StrCat("\"for\" goes at most ", kMaxCoverDepth, " entities deep"));
      }
      rule.path.push_back({&access_for(*at), static_cast<size_t>(found - at->fields.data()),
                           found->kind == FieldKind::kList});
      at = found->element;
      covered.push_back(at);
      begin = end + 1;
    }
    return covered;
  }

  Scope scope_for(const std::vector<const EntityInfo*>& covered, bool parameters, bool due) const {
    Scope scope;
    scope.declare_fields(pack_.fields);
    scope.bind("case", access_of<Case>());
    for (const EntityInfo* entity : covered)
      scope.bind(std::string(entity->identifier), access_for(*entity));
    if (parameters) {
      for (const Parameter& p : pack_.parameters) scope.declare(p.name, p.type, !p.set());
      scope.declare("as_of", Type::of(Type::Kind::kDate));
    }
    if (due) {
      scope.declare("due", Type::of(Type::Kind::kDate));
      scope.declare("actual", Type::of(Type::Kind::kDate));
    }
    return scope;
  }

  // The access table of an entity reached from the case, found by walking the schema's types.
  static const EntityAccess& access_for(const EntityInfo& entity);

  // Compiles the expression in a TOML string, placing any error in the file.
  absl::StatusOr<Expression> expression(const toml::node& node, std::string_view key,
                                        const Scope& scope, std::optional<Type::Kind> kind) const {
    const toml::value<std::string>* s = node.as_string();
    if (!s)
      return error_at(node, absl::StrCat("\"", to_absl(key), "\" is an expression, in quotes"));
    absl::StatusOr<Expression> e = compile(s->get(), scope);
    if (!e.ok()) {
      const size_t offset = error_offset(e.status()).value_or(0);
      return error_at(raw_offset(node, offset), error_reason(e.status()));
    }
    if (kind && e->type().kind != *kind) {
      return error_at(raw_offset(node, 0),
                      absl::StrCat("\"", to_absl(key), "\" must be ", describe(Type::of(*kind)),
                                   "; this is ", describe(e->type())));
    }
    if (!kind && (e->type().kind == Type::Kind::kList || e->field_paths().empty())) {
      return error_at(raw_offset(node, 0),
                      "explained_by lists fields, such as "
                      "\"commission.term_explanation\"");
    }
    return e;
  }

  // The offset in the pack of character `offset` of a string value: past its opening quotes, and
  // counting each escape sequence as the one character it stands for.
  size_t raw_offset(const toml::node& node, size_t offset) const {
    size_t at = offset_of(text_, node.source().begin);
    const bool literal = at < text_.size() && text_[at] == '\'';
    const bool multi_line = text_.substr(at, 3) == "\"\"\"" || text_.substr(at, 3) == "'''";
    at += multi_line ? 3 : 1;
    if (multi_line && at < text_.size() && text_[at] == '\n') ++at;  // TOML trims this newline
    for (size_t decoded = 0; decoded < offset && at < text_.size(); ++decoded) {
      if (!literal && text_[at] == '\\' && at + 1 < text_.size()) {
        const char kind = text_[at + 1];
        at += kind == 'u' ? 6 : kind == 'U' ? 10 : 2;
      } else {
        ++at;
      }
    }
    return std::min(at, text_.size());
  }

  std::string_view text_;
  std::string_view source_name_;
  Pack pack_;
};

template <Entity E>
void collect_access(std::vector<const EntityAccess*>& out) {
  const EntityAccess& access = access_of<E>();
  if (std::find(out.begin(), out.end(), &access) != out.end()) return;
  out.push_back(&access);
  static const E sample{};
  E::visit_fields(sample, [&](const FieldInfo&, const auto& member) {
    using M = std::decay_t<decltype(member)>;
    if constexpr (IsList<M>::value) {
      collect_access<typename M::value_type>(out);
    } else if constexpr (requires { typename M::value_type::EntityType; }) {
      collect_access<typename M::value_type>(out);
    } else if constexpr (Entity<M>) {
      collect_access<M>(out);
    }
  });
}

const EntityAccess& PackLoader::access_for(const EntityInfo& entity) {
  static const std::vector<const EntityAccess*> all = [] {
    std::vector<const EntityAccess*> out;
    collect_access<Case>(out);
    return out;
  }();
  for (const EntityAccess* access : all) {
    if (access->info == &entity) return *access;
  }
  return access_of<Case>();  // unreachable: every entity is reached from the case
}

}  // namespace

std::string_view Parameter::type_name() const {
  const auto kind = std::find(std::begin(kParameterKinds), std::end(kParameterKinds), type.kind);
  return kParameterTypes[static_cast<size_t>(kind - std::begin(kParameterKinds))];
}

absl::StatusOr<Pack> load_pack(std::string_view toml, std::string_view source_name) {
  return PackLoader(toml, source_name).load();
}

absl::Status set_parameter(Pack& pack, std::string_view name, std::string_view value) {
  const auto found = std::find_if(pack.parameters.begin(), pack.parameters.end(),
                                  [&](const Parameter& p) { return p.name == name; });
  if (found == pack.parameters.end()) {
    std::vector<std::string_view> names;
    for (const Parameter& p : pack.parameters) names.push_back(p.name);
    std::string message =
        absl::StrCat("the pack ", to_absl(pack.id), " has no parameter \"", printable(name), "\"");
    if (std::optional<std::string> suggestion = closest_match(name, names))
      absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
    return absl::NotFoundError(message);
  }
  Parameter& parameter = *found;
  const auto refuse = [&](std::string_view why) {
    return absl::InvalidArgumentError(absl::StrCat("cannot set ", to_absl(pack.id), "'s ",
                                                   to_absl(name), " to \"", printable(value),
                                                   "\": ", to_absl(why)));
  };
  Value v;
  switch (parameter.type.kind) {
    case Type::Kind::kBool:
      if (value != "true" && value != "false") return refuse("it is true or false");
      v.boolean = value == "true";
      break;
    case Type::Kind::kInteger:
      if (!absl::SimpleAtoi(to_absl(value), &v.number)) return refuse("it is a whole number");
      break;
    case Type::Kind::kDate: {
      absl::StatusOr<Date> date = parse_date(value);
      if (!date.ok()) return refuse(error_reason(date.status()));
      v.day = *date;
      break;
    }
    default: {
      absl::StatusOr<std::pair<Type, Value>> read = value_of_text(value, pack.parameter_texts);
      if (!read.ok()) return refuse(error_reason(read.status()));
      if (!(read->first == parameter.type)) {
        return refuse(
            absl::StrCat("it is ", describe(parameter.type), "; this is ", describe(read->first)));
      }
      v = read->second;
    }
  }
  parameter.values.assign(1, {std::nullopt, v, std::string(value)});
  return absl::OkStatus();
}

absl::Status set_parameter(std::span<Pack> packs, std::string_view name, std::string_view value) {
  std::string_view pack_id;
  if (const size_t colon = name.find(':'); colon != std::string_view::npos) {
    pack_id = name.substr(0, colon);
    name = name.substr(colon + 1);
  }
  std::vector<Pack*> holders;
  for (Pack& pack : packs) {
    const bool has = std::any_of(pack.parameters.begin(), pack.parameters.end(),
                                 [&](const Parameter& p) { return p.name == name; });
    if (pack_id.empty() ? has : pack.id == pack_id) holders.push_back(&pack);
  }
  if (holders.size() == 1) return set_parameter(*holders.front(), name, value);
  if (holders.size() > 1) {
    std::vector<std::string_view> ids;
    for (const Pack* pack : holders) ids.push_back(pack->id);
    return absl::InvalidArgumentError(absl::StrCat(
        "the packs ", absl::StrJoin(ids, ", ", append_string_view), " each have a parameter \"",
        printable(name), "\"; name the one to set, as in ", to_absl(ids.front()), ":",
        printable(name)));
  }
  if (!pack_id.empty()) {
    return absl::NotFoundError(absl::StrCat("no pack is called \"", printable(pack_id), "\""));
  }
  std::vector<std::string_view> names;
  for (const Pack& pack : packs) {
    for (const Parameter& p : pack.parameters) names.push_back(p.name);
  }
  std::string message = absl::StrCat("no pack has a parameter \"", printable(name), "\"");
  if (std::optional<std::string> suggestion = closest_match(name, names))
    absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
  return absl::NotFoundError(message);
}

absl::StatusOr<Pack> load_pack_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    // The system's reason ("No such file or directory", "Permission denied"), as the open left it.
    const std::string reason = std::generic_category().message(errno);
    return absl::NotFoundError(absl::StrCat("cannot read the pack ", path, ": ", reason));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return absl::DataLossError(absl::StrCat("error reading the pack ", path));
  return load_pack(text.str(), path);
}

}  // namespace compact::rules
