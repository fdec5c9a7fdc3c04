#include "case_reader.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "boost/json.hpp"
#include "boost/json/basic_parser_impl.hpp"
#include "compact/model/field_access.hpp"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/article.hpp"
#include "compact/util/did_you_mean.hpp"
#include "compact/util/printable.hpp"
#include "field_index.hpp"
#include "problem_words.hpp"

namespace compact {
namespace {

namespace json = boost::json;
using boost::system::error_code;
using json_source::Path;

// A value as the parser delivers it: objects and arrays by their beginning, everything else whole.
struct Value {
  enum class Kind : uint8_t { kString, kInt64, kUint64, kDouble, kBool, kNull, kObject, kArray };
  explicit Value(Kind k) : kind(k) {}

  Kind kind;
  std::string_view text;  // kString, when within the string limit
  size_t size = 0;        // kString: its length in bytes
  int64_t integer = 0;    // kInt64
  bool boolean = false;   // kBool

  bool container() const { return kind == Kind::kObject || kind == Kind::kArray; }
};

std::string_view type_name(const Value& v) {
  switch (v.kind) {
    case Value::Kind::kNull:
      return "null";
    case Value::Kind::kBool:
      return "a boolean";
    case Value::Kind::kInt64:
    case Value::Kind::kUint64:
    case Value::Kind::kDouble:
      return "a number";
    case Value::Kind::kString:
      return "a string";
    case Value::Kind::kArray:
      return "an array";
    case Value::Kind::kObject:
      return "an object";
  }
  return "a value";
}

class EventHandler;

// What the reader needs of one entity type, with the type erased so that one frame type holds any.
struct EntityOps {
  const EntityInfo* info;
  FieldIndex index;
  uint64_t required;  // bit i: fields[i] must be present (lists never must)
  // Reads `value` into field number `field` of `entity`.
  void (*read)(EventHandler& handler, void* entity, size_t field, const Value& value);
  void* (*append)(void* list);  // adds an element to a std::vector of the entity, returning it
  void (*clear)(void* list);
  ExtraFields& (*extra)(void* entity);
};

template <Entity E>
const EntityOps* ops_of();

// The parser's handler (the interface of boost::json::basic_parser). It keeps a stack of frames, one
// per open object or array, and the JSON path of the value being read, for problems. Every value ends
// in exactly one call of end_value(): a scalar at once, an object or array when it closes.
class EventHandler {
 public:
  // No object, array or string is too large for the parser itself: ReadLimits are applied here, with
  // a problem at the value's path rather than a syntax error.
  static constexpr size_t max_object_size = json::object::max_size();
  static constexpr size_t max_array_size = json::array::max_size();
  static constexpr size_t max_key_size = json::string::max_size();
  static constexpr size_t max_string_size = json::string::max_size();

  EventHandler(const ReadLimits& limits, const FieldDeclarations* declared, Case& root,
               ProblemLog& log)
      : limits_(limits), declared_(declared), root_(root), log_(log) {}

  bool repeated_keys() const { return repeated_keys_; }

  bool on_document_begin(error_code&) { return true; }
  bool on_document_end(error_code&) { return true; }
  bool on_object_begin(error_code&) {
    begin(Value(Value::Kind::kObject));
    return true;
  }
  bool on_object_end(size_t members, error_code&) {
    close(members, /*object=*/true);
    return true;
  }
  bool on_array_begin(error_code&) {
    begin(Value(Value::Kind::kArray));
    return true;
  }
  bool on_array_end(size_t elements, error_code&) {
    close(elements, /*object=*/false);
    return true;
  }
  bool on_key_part(json::string_view part, size_t, error_code&) {
    buffer_.append(part.data(), part.size());
    return true;
  }
  bool on_key(json::string_view last, size_t, error_code&) {
    key(whole(last));
    buffer_.clear();
    return true;
  }
  // A string too long for the limit is not kept: only its length is needed, to say so.
  bool on_string_part(json::string_view part, size_t size, error_code&) {
    if (size <= limits_.max_string_bytes) buffer_.append(part.data(), part.size());
    return true;
  }
  bool on_string(json::string_view last, size_t size, error_code&) {
    Value value(Value::Kind::kString);
    value.size = size;
    if (size <= limits_.max_string_bytes) value.text = whole(last);
    begin(value);
    buffer_.clear();
    return true;
  }
  bool on_number_part(json::string_view, error_code&) { return true; }
  bool on_int64(int64_t i, json::string_view, error_code&) {
    Value value(Value::Kind::kInt64);
    value.integer = i;
    begin(value);
    return true;
  }
  bool on_uint64(uint64_t, json::string_view, error_code&) {
    begin(Value(Value::Kind::kUint64));
    return true;
  }
  bool on_double(double, json::string_view, error_code&) {
    begin(Value(Value::Kind::kDouble));
    return true;
  }
  bool on_bool(bool b, error_code&) {
    Value value(Value::Kind::kBool);
    value.boolean = b;
    begin(value);
    return true;
  }
  bool on_null(error_code&) {
    begin(Value(Value::Kind::kNull));
    return true;
  }
  bool on_comment_part(json::string_view, error_code&) { return true; }
  bool on_comment(json::string_view, error_code&) { return true; }

  // Reads `value` into `member`, the field `field` of the entity being read.
  template <typename M>
  void read(const FieldInfo& field, M& member, const Value& value) {
    using Held = typename Unwrapped<M>::Type;
    if (value.kind == Value::Kind::kNull) {
      // Null means "not recorded", which a required field cannot be.
      if (field.presence == Presence::kRequired && field.kind != FieldKind::kList) {
        error("missing_field",
              absl::StrCat("required ", to_absl(field_kind_name(field.kind)), " field \"",
                           to_absl(field.name), "\" is null; it must be recorded"));
      } else {
        member = M{};
      }
      return end_value();
    }
    if constexpr (Entity<Held>) {
      if (value.kind != Value::Kind::kObject) return refuse(value, "an object");
      member = Held{};
      return push(Frame(Frame::Kind::kEntity, ops_of<Held>(), &member_value(member)));
    } else if constexpr (IsList<Held>::value) {
      using Element = typename Held::value_type;
      if (value.kind != Value::Kind::kArray) {
        return refuse(value, absl::StrCat("a list of ", to_absl(Element::kInfo.name), " objects"));
      }
      member.clear();  // a repeated key: the last copy is the one kept
      return push(Frame(Frame::Kind::kList, ops_of<Element>(), &member));
    } else {
      Held converted{};
      if (convert(value, converted)) member = std::move(converted);
      finish_value(value);
    }
  }

 private:
  static constexpr size_t kUnknownField = FieldIndex::kNotFound;
  // A frame's `field` from here up is a declared field: kDeclared + its place among the entity's.
  // An entity has at most 64 fields of its own (required_fields() asserts it).
  static constexpr size_t kDeclared = 64;

  struct Frame {
    enum class Kind : uint8_t { kEntity, kList, kSkip };
    Frame(Kind k, const EntityOps* o, void* t) : kind(k), ops(o), target(t) {}

    Kind kind;
    const EntityOps* ops = nullptr;  // kEntity: the entity's; kList: the elements'
    void* target = nullptr;          // kEntity: the entity; kList: the std::vector of them
    size_t field = kUnknownField;    // kEntity: the field whose value comes next
    uint64_t seen = 0;               // kEntity: bit i, fields[i] has appeared
    size_t count = 0;       // kEntity: unknown keys; kList: elements so far; kSkip: containers open
    bool overflow = false;  // kList: more elements than the limit
  };

  template <typename T>
  static T& member_value(std::optional<T>& member) {
    return *member;
  }
  template <typename T>
  static T& member_value(T& member) {
    return member;
  }

  // The whole of a key or string whose earlier parts went to buffer_.
  std::string_view whole(json::string_view last) {
    if (buffer_.empty()) return {last.data(), last.size()};
    buffer_.append(last.data(), last.size());
    return buffer_;
  }

  void push(Frame frame) { frames_.push_back(frame); }

  // A value begins: an object or array opening, or a whole scalar.
  void begin(const Value& value) {
    if (frames_.empty()) {
      if (value.kind == Value::Kind::kObject)
        return push(Frame(Frame::Kind::kEntity, ops_of<Case>(), &root_));
      return refuse(value, "an object");
    }
    Frame& top = frames_.back();
    switch (top.kind) {
      case Frame::Kind::kSkip:
        if (value.container()) ++top.count;
        return;
      case Frame::Kind::kList:
        return element(top, value);
      case Frame::Kind::kEntity:
        if (top.field == kUnknownField) return finish_value(value);
        if (top.field >= kDeclared) {
          return read_declared(*top.ops->info, top.ops->extra(top.target), top.field - kDeclared,
                               value);
        }
        return top.ops->read(*this, top.target, top.field, value);
    }
  }

  void element(Frame& list, const Value& value) {
    path_.push_back({"", static_cast<long long>(list.count)});
    if (list.count == limits_.max_list_length && !list.overflow) {
      list.overflow = true;  // reported, with the full count, when the list closes
      list.ops->clear(list.target);
    }
    if (list.overflow) return finish_value(value);
    // Every element takes its place, even a wrong one, so that indexes in the model are the JSON's.
    void* entity = list.ops->append(list.target);
    if (value.kind == Value::Kind::kObject)
      return push(Frame(Frame::Kind::kEntity, list.ops, entity));
    refuse(value, "an object");
  }

  // After a value of the wrong type: skips it, if it is an object or array, to its end.
  void refuse(const Value& value, std::string_view expected) {
    wrong_type(value, expected);
    finish_value(value);
  }

  void finish_value(const Value& value) {
    if (!value.container()) return end_value();
    Frame skip(Frame::Kind::kSkip, nullptr, nullptr);
    skip.count = 1;
    push(skip);
  }

  void end_value() {
    if (frames_.empty()) return;  // the document itself
    Frame& parent = frames_.back();
    if (parent.kind == Frame::Kind::kList) ++parent.count;
    path_.pop_back();
  }

  void close(size_t size, bool object) {
    Frame& top = frames_.back();
    switch (top.kind) {
      case Frame::Kind::kSkip:
        if (object && size > 1) repeated_keys_ = true;  // the keys were not looked at
        if (--top.count > 0) return;
        break;
      case Frame::Kind::kEntity:
        report_missing(top);
        break;
      case Frame::Kind::kList:
        if (top.overflow) {
          error("limit", absl::StrCat("the list has ", size, " entries; the limit is ",
                                      limits_.max_list_length));
        }
        break;
    }
    frames_.pop_back();
    end_value();
  }

  void key(std::string_view name) {
    Frame& top = frames_.back();
    if (top.kind != Frame::Kind::kEntity) return;
    const std::span<const FieldInfo> fields = top.ops->info->fields;
    const size_t found = top.ops->index.find(name);
    top.field = found;
    if (found != kUnknownField) {
      const uint64_t bit = uint64_t{1} << found;
      if (top.seen & bit) repeated_keys_ = true;
      top.seen |= bit;
      path_.push_back({fields[found].name, -1});
      return;
    }
    if (++top.count > 1) repeated_keys_ = true;  // two of these keys might be one key twice
    if (declared_) {
      if (const auto declared = declared_->find(*top.ops->info, name)) {
        top.field = kDeclared + declared->position;
        path_.push_back({declared->field->name, -1});
        return;
      }
    }
    // The key's text lives only until the parser moves on; a problem's path outlives it.
    path_.push_back({log_.keep(name), -1});
    if (log_.full()) return;
    std::vector<std::string_view> names;
    for (const FieldInfo& f : fields) names.push_back(f.name);
    if (declared_) {
      for (const DeclaredField* f : declared_->of(*top.ops->info)) names.push_back(f->name);
    }
    std::string message = absl::StrCat("unknown field \"", printable(name), "\" in ",
                                       with_article(top.ops->info->name));
    if (std::optional<std::string> suggestion = closest_match(name, names)) {
      absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
    }
    error("unknown_field", std::move(message));
  }

  void report_missing(const Frame& entity) {
    uint64_t missing = entity.ops->required & ~entity.seen;
    for (size_t i = 0; missing != 0; ++i, missing >>= 1) {
      if (!(missing & 1)) continue;
      const FieldInfo& field = entity.ops->info->fields[i];
      path_.push_back({field.name, -1});
      error("missing_field", missing_field_message(field));
      path_.pop_back();
    }
  }

  void error(std::string_view code, std::string message) {
    log_.error(code, std::move(message), path_);
  }

  void wrong_type(const Value& value, std::string_view expected) {
    error("wrong_type",
          absl::StrCat("expected ", to_absl(expected), ", found ", to_absl(type_name(value))));
  }

  // The string `value` holds, or nullopt after reporting why not. `expected` describes what was
  // wanted: text, or a function that writes it, so that a costly description is built only on
  // failure.
  template <typename Expected>
  std::optional<std::string_view> string_of(const Value& value, const Expected& expected) {
    if (value.kind != Value::Kind::kString) {
      if constexpr (std::is_invocable_v<Expected>) {
        wrong_type(value, expected());
      } else {
        wrong_type(value, expected);
      }
      return std::nullopt;
    }
    if (value.size > limits_.max_string_bytes) {
      error("limit", absl::StrCat("the string is ", value.size, " bytes; the limit is ",
                                  limits_.max_string_bytes));
      return std::nullopt;
    }
    return value.text;
  }

  // The declared field at `position` among `entity`'s, checked as a core field of its kind would be,
  // into `extra` in declaration order; null, or a value refused, leaves it out.
  void read_declared(const EntityInfo& entity, ExtraFields& extra, size_t position,
                     const Value& value) {
    const DeclaredField& field = declared_->at(entity, position);
    ExtraValue read;
    read.name = field.name;
    read.kind = field.kind;
    bool ok = false;
    if (value.kind != Value::Kind::kNull) {
      switch (field.kind) {
        case FieldKind::kDate:
          ok = convert(value, read.day);
          break;
        case FieldKind::kBool: {
          bool b = false;
          ok = convert(value, b);
          read.number = b ? 1 : 0;
          break;
        }
        case FieldKind::kMoney: {
          Money money;
          ok = convert(value, money);
          read.number = money.pence;
          break;
        }
        case FieldKind::kText:
          ok = convert(value, read.text);
          break;
        default:  // kInteger: declarable_kind() admits no other
          ok = convert(value, read.number);
          break;
      }
    }
    // A repeated key (reported as such) leaves the last copy that could be read, as for core fields.
    const auto place = [&](const ExtraValue& v) {
      return declared_->find(entity, v.name)->position;
    };
    const auto at = std::find_if(extra.begin(), extra.end(),
                                 [&](const ExtraValue& v) { return place(v) >= position; });
    const bool present = at != extra.end() && at->name == field.name;
    if (ok && present) {
      *at = std::move(read);
    } else if (ok) {
      extra.insert(at, std::move(read));
    } else if (present && value.kind == Value::Kind::kNull) {
      extra.erase(at);  // a value refused leaves the earlier one, as for core fields
    }
    finish_value(value);
  }

  bool convert(const Value& value, Date& out) {
    const std::optional<std::string_view> text = string_of(value, "a date (\"YYYY-MM-DD\")");
    if (!text) return false;
    absl::StatusOr<Date> date = parse_date(*text);
    if (!date.ok()) {
      error(absl::IsOutOfRange(date.status()) ? "out_of_range" : "invalid_date",
            std::string(date.status().message()));
      return false;
    }
    out = *date;
    return true;
  }

  bool convert(const Value& value, bool& out) {
    if (value.kind != Value::Kind::kBool) {
      wrong_type(value, "true or false");
      return false;
    }
    out = value.boolean;
    return true;
  }

  bool convert(const Value& value, int64_t& out) {
    if (value.kind == Value::Kind::kInt64) {
      out = value.integer;
      return true;
    }
    if (value.kind == Value::Kind::kUint64 || value.kind == Value::Kind::kDouble) {
      error("invalid_number",
            "expected a whole number between -9223372036854775808 and 9223372036854775807");
      return false;
    }
    wrong_type(value, "a whole number");
    return false;
  }

  bool convert(const Value& value, Money& out) {
    if (value.kind == Value::Kind::kInt64 && value.integer >= 0) {
      out.pence = value.integer;
      return true;
    }
    if (value.kind == Value::Kind::kInt64 || value.kind == Value::Kind::kUint64 ||
        value.kind == Value::Kind::kDouble) {
      error("invalid_number", "expected a whole, non-negative number of pence (£12.50 is 1250)");
      return false;
    }
    wrong_type(value, "a whole number of pence");
    return false;
  }

  bool convert(const Value& value, std::string& out) {
    const std::optional<std::string_view> text = string_of(value, "text (a string)");
    if (!text) return false;
    out.assign(*text);
    return true;
  }

  // References are only stored here; identity_checks.hpp checks them once the whole case is read.
  bool convert(const Value& value, OrganisationRef& out) {
    return convert_id(value, "an organisation id (a string)", out.id);
  }
  bool convert(const Value& value, PolicyRef& out) {
    return convert_id(value, "a policy id (a string)", out.id);
  }
  bool convert_id(const Value& value, std::string_view expected, std::string& id) {
    const std::optional<std::string_view> text = string_of(value, expected);
    if (!text) return false;
    id.assign(*text);
    return true;
  }

  template <typename E>
  requires std::is_enum_v<E>
  bool convert(const Value& value, E& out) {
    const EnumInfo& info = EnumTraits<E>::kInfo;
    const std::optional<std::string_view> text = string_of(value, [&] {
      return absl::StrCat("one of ", absl::StrJoin(info.values, ", ", append_string_view));
    });
    if (!text) return false;
    if (std::optional<E> known = enum_value<E>(*text)) {
      out = *known;
      return true;
    }
    if (log_.full()) return false;
    error("invalid_enum", invalid_enum_message(*text, info));
    return false;
  }

  const ReadLimits& limits_;
  const FieldDeclarations* declared_;
  Case& root_;
  ProblemLog& log_;
  absl::InlinedVector<Frame, 12> frames_;
  json_source::WorkingPath path_;
  std::string buffer_;  // the earlier parts of a key or string
  bool repeated_keys_ = false;
};

using FieldReader = void (*)(EventHandler& handler, void* entity, const Value& value);

// One reader per field of E, built at compile time: a key's field number picks its reader at once.
template <Entity E, size_t... I>
constexpr std::array<FieldReader, sizeof...(I)> field_readers(std::index_sequence<I...>) {
  return {[](EventHandler& handler, void* entity, const Value& value) {
    handler.read(E::kFields[I], static_cast<E*>(entity)->*E::template member_pointer<I>(), value);
  }...};
}

template <Entity E>
void read_field(EventHandler& handler, void* entity, size_t field, const Value& value) {
  static constexpr std::array<FieldReader, std::size(E::kFields)> kReaders =
      field_readers<E>(std::make_index_sequence<std::size(E::kFields)>());
  kReaders[field](handler, entity, value);
}

template <Entity E>
void* append_to(void* list) {
  auto& entries = *static_cast<std::vector<E>*>(list);
  // Lists of a few entries are the rule: starting with room for four spares two reallocations.
  if (entries.empty()) entries.reserve(4);
  return &entries.emplace_back();
}

template <Entity E>
void clear(void* list) {
  static_cast<std::vector<E>*>(list)->clear();
}

template <Entity E>
ExtraFields& extra_of(void* entity) {
  return static_cast<E*>(entity)->extra;
}

template <Entity E>
const EntityOps* ops_of() {
  static constexpr auto kSlots = field_slots<E>();
  static constexpr EntityOps kOps{&E::kInfo,
                                  FieldIndex(E::kFields, kSlots),
                                  required_fields<E>(),
                                  &read_field<E>,
                                  &append_to<E>,
                                  &clear<E>,
                                  &extra_of<E>};
  return &kOps;
}

}  // namespace

EventReadResult read_case_events(std::string_view text, const ReadLimits& limits,
                                 const FieldDeclarations* declared, Case& out, ProblemLog& log) {
  json::parse_options options;
  options.max_depth = limits.max_depth;
  json::basic_parser<EventHandler> parser(options, limits, declared, out, log);
  EventReadResult result;
  result.consumed = parser.write_some(false, text.data(), text.size(), result.error);
  // The parser stops after the first complete value; anything but white space after it is an error.
  if (!result.error) {
    const size_t rest = text.find_first_not_of(" \t\r\n", result.consumed);
    if (rest != std::string_view::npos) {
      result.consumed = rest;
      result.error = json::error::extra_data;
    }
  }
  result.repeated_keys = parser.handler().repeated_keys();
  return result;
}

}  // namespace compact
