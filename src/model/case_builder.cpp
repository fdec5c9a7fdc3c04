// CaseBuilder follows a path through the typed case, checking each step, and carries the request out
// at its end. Where an entity on the way must be made, the first walk only checks the rest (in an
// empty entity of that type, thrown away) and a second walk makes it and carries the request out,
// which cannot then fail but for memory. So a call that is refused leaves the case as it was, and a
// call on entities already there walks once.

#include "compact/model/case_builder.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <span>
#include <type_traits>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "case_checks.hpp"
#include "case_writer.hpp"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/article.hpp"
#include "compact/util/did_you_mean.hpp"
#include "compact/util/error_location.hpp"
#include "compact/util/printable.hpp"
#include "entity_walk.hpp"
#include "field_index.hpp"
#include "json_source.hpp"
#include "problem_log.hpp"
#include "problem_words.hpp"

namespace compact {

struct CaseBuilder::Made {
  json_source::Path path;  // its keys view the schema's names, which live for ever
  const EntityInfo* info;
  uint64_t required_set = 0;  // bit i: info->fields[i] is required and has been set
};

struct CaseBuilder::Request {
  enum class Action { kSet, kClear, kAdd, kSize };
  Action action;
  FieldKind given = FieldKind::kText;  // for kSet: kDate, kBool, kInteger, kMoney or kText
  Date day{};
  int64_t number = 0;
  std::string_view text{};
  size_t size = 0;  // kSize's answer

  bool makes() const { return action == Action::kSet || action == Action::kAdd; }
};

namespace {

// Longer paths are refused before they are read: the deepest real one is under 100 bytes.
constexpr size_t kMaxPathBytes = 1024;
// Far past any list's limit (ReadLimits::max_list_length), and within a path step's index.
constexpr size_t kMaxIndex = 999'999'999;
constexpr std::string_view kPathExample = "commissions[0].payments[2].paid_on";

// One field of a path, and the list index that follows it, if one does.
struct Segment {
  std::string_view name;
  std::optional<size_t> index;
};

// A path's segments: held inline, as deep as any path into a case.
using Segments = absl::InlinedVector<Segment, 8>;

absl::StatusOr<Segments> parse_path(std::string_view path) {
  if (path.size() > kMaxPathBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("the path is ", path.size(), " bytes; the limit is ", kMaxPathBytes));
  }
  size_t i = 0;
  const auto refuse = [&](std::string_view expected) {
    return absl::InvalidArgumentError(absl::StrCat(
        "\"", printable(path), "\" is not a field's path: expected ", to_absl(expected),
        " at character ", i + 1, " (a path reads like ", to_absl(kPathExample), ")"));
  };
  Segments segments;
  while (true) {
    const size_t start = i;
    while (i < path.size() && (absl::ascii_isalnum(path[i]) || path[i] == '_')) ++i;
    if (i == start) return refuse("a field's name");
    Segment& segment = segments.emplace_back(Segment{path.substr(start, i - start), {}});
    if (i < path.size() && path[i] == '[') {
      const size_t digits = ++i;
      while (i < path.size() && absl::ascii_isdigit(path[i])) ++i;
      size_t index = 0;
      const auto [end, ec] = std::from_chars(path.data() + digits, path.data() + i, index);
      if (i == digits || ec != std::errc() || index > kMaxIndex) {
        i = digits;
        return refuse(absl::StrCat("an index, a whole number up to ", kMaxIndex));
      }
      if (i == path.size() || path[i] != ']') return refuse("\"]\"");
      ++i;
      segment.index = index;
    }
    if (i == path.size()) return segments;
    if (path[i] != '.') return refuse(segment.index ? "\".\"" : "\".\" or \"[\"");
    ++i;
  }
}

template <typename T>
struct Optional : std::false_type {};
template <typename T>
struct Optional<std::optional<T>> : std::true_type {};

template <typename T>
struct OptionalEntity : std::false_type {};
template <Entity E>
struct OptionalEntity<std::optional<E>> : std::true_type {};

// What a setter gives, for messages.
std::string_view given_name(FieldKind given) {
  switch (given) {
    case FieldKind::kDate:
      return "a date";
    case FieldKind::kBool:
      return "true or false";
    case FieldKind::kInteger:
      return "a whole number";
    case FieldKind::kMoney:
      return "an amount of money";
    default:
      return "text";
  }
}

// What a field of `kind` is given, for messages.
std::string_view taken_by(FieldKind kind) {
  switch (kind) {
    case FieldKind::kEnum:
      return "the name of one of its values, as text";
    case FieldKind::kOrganisation:
      return "the id of an organisation of the case, as text";
    case FieldKind::kPolicy:
      return "the id of a policy of the case, as text";
    default:
      return given_name(kind);
  }
}

bool takes(FieldKind kind, FieldKind given) {
  return kind == given || (given == FieldKind::kText &&
                           (kind == FieldKind::kEnum || kind == FieldKind::kOrganisation ||
                            kind == FieldKind::kPolicy));
}

// Whether `prefix` is where `path` starts.
bool starts_with(const json_source::Path& path, std::span<const json_source::Step> prefix) {
  return path.size() >= prefix.size() &&
         std::equal(prefix.begin(), prefix.end(), path.begin(), [](const auto& a, const auto& b) {
           return a.key == b.key && a.index == b.index;
         });
}

}  // namespace

class CaseBuilder::Walk {
 public:
  // With `carry_out` false, the walk only checks: it reads the case and changes nothing. With it
  // true, it carries the request out, and makes the entities on the way that are not there when
  // `may_make` is true too; else it only checks from the first of those, and says so (deferred()).
  Walk(CaseBuilder& builder, std::span<const Segment> segments, Request& request, bool carry_out,
       bool may_make)
      : builder_(builder),
        segments_(segments),
        request_(request),
        carry_out_(carry_out),
        may_make_(may_make) {}

  // Whether the request waits for a walk that may make entities.
  bool deferred() const { return deferred_; }

  template <Entity E>
  absl::Status entity(E& entity, size_t at) {
    static_assert(std::size(E::kFields) <= 64, "Made::required_set has a bit for each field");
    static constexpr auto kSlots = field_slots<E>();
    static constexpr FieldIndex kIndex(E::kFields, kSlots);
    const size_t found = kIndex.find(segments_[at].name);
    if (found == FieldIndex::kNotFound) return declared_field(entity.extra, E::kInfo, at);
    const FieldInfo* field = &E::kFields[found];
    const size_t depth = path_.size();
    path_.push_back({field->name, -1});
    absl::Status status;
    E::visit_fields(entity, [&](const FieldInfo& f, auto& member) {
      if (&f == field) status = this->member(member, f, at);
    });
    path_.resize(depth);
    return status;
  }

 private:
  using Action = Request::Action;

  bool last(size_t at) const { return at + 1 == segments_.size(); }

  absl::Status refuse(std::string_view message,
                      absl::StatusCode code = absl::StatusCode::kInvalidArgument) const {
    const std::string path = json_source::to_string(path_);
    return with_json_path(
        absl::Status(
            code, path.empty() ? std::string(message) : absl::StrCat(path, ": ", to_absl(message))),
        path);
  }

  template <typename M>
  absl::Status member(M& member, const FieldInfo& field, size_t at) {
    if constexpr (IsList<M>::value) {
      return list(member, at);
    } else {
      if (segments_[at].index) return refuse("not a list, so it has no entries");
      if constexpr (OptionalEntity<M>::value) {
        return nested(member, at);
      } else {
        static_assert(!Entity<M>, "every nested entity is optional");
        if (!last(at)) {
          return refuse(absl::StrCat(with_article(field_kind_name(field.kind)),
                                     " field, with no fields of its own"));
        }
        return value(member, field);
      }
    }
  }

  // An entity in an entity, such as a commission's ending.
  template <Entity E>
  absl::Status nested(std::optional<E>& member, size_t at) {
    if (last(at)) {
      switch (request_.action) {
        case Action::kAdd:
          if (carry_out_ && !member) make(member);
          return absl::OkStatus();
        case Action::kClear:
          if (carry_out_) {
            member.reset();
            forget(path_);
          }
          return absl::OkStatus();
        case Action::kSet:
          return refuse(absl::StrCat(with_article(E::kInfo.name), ", not a value: set its fields"));
        case Action::kSize:
          return refuse("not a list");
      }
    }
    if (member) return entity(*member, at + 1);
    if (carry_out_ && request_.makes() && may_make_) {
      make(member);
      return entity(*member, at + 1);
    }
    return check_in_new<E>(at + 1);
  }

  template <Entity E>
  absl::Status list(std::vector<E>& list, size_t at) {
    const std::optional<size_t> index = segments_[at].index;
    if (!index) {
      if (!last(at)) {
        return refuse(absl::StrCat("a list: name one of its entries, ",
                                   json_source::to_string(path_), "[0]"));
      }
      switch (request_.action) {
        case Action::kSize:
          request_.size = list.size();
          return absl::OkStatus();
        case Action::kClear:
          if (carry_out_) {
            list.clear();
            forget(path_);
          }
          return absl::OkStatus();
        default:
          return refuse(absl::StrCat("a list: name an entry, the next being ",
                                     json_source::to_string(path_), "[", list.size(), "]"));
      }
    }
    path_.push_back({"", static_cast<long long>(*index)});
    if (*index > list.size()) {
      return refuse(absl::StrCat("the list has ", list.size(), " entries, so the next is [",
                                 list.size(), "]; [", *index, "] would leave a gap"));
    }
    if (last(at)) {
      // Refused before anything is made, so that a refused call changes nothing.
      switch (request_.action) {
        case Action::kClear:
          return refuse(
              "one entry of a list cannot be cleared (those after it would change index); clear "
              "the whole list");
        case Action::kSet:
          return refuse(absl::StrCat(with_article(E::kInfo.name), ", not a value: set its fields"));
        case Action::kSize:
          return refuse("an entry of a list, not a list");
        case Action::kAdd:
          break;
      }
    }
    if (*index == list.size()) {
      if (!request_.makes()) return check_in_new<E>(at + 1);
      if (list.size() >= builder_.limits_.max_list_length) {
        return refuse(absl::StrCat("the list has ", list.size(), " entries; the limit is ",
                                   builder_.limits_.max_list_length));
      }
      if (!carry_out_ || !may_make_) return check_in_new<E>(at + 1);
      make_entry(list);
    }
    return last(at) ? absl::OkStatus() : entity(list[*index], at + 1);
  }

  // Checks the rest of the path, from `at`, in an entity of type E that is not there, as if it were
  // made empty: for a request that makes nothing, or a walk that may not make it.
  template <Entity E>
  absl::Status check_in_new(size_t at) {
    if (carry_out_ && request_.makes()) deferred_ = true;
    if (at == segments_.size()) return absl::OkStatus();
    E empty{};
    const bool carry_out = std::exchange(carry_out_, false);
    absl::Status status = entity(empty, at);
    carry_out_ = carry_out;
    return status;
  }

  template <Entity E>
  void make(std::optional<E>& member) {
    if (!may_make_) {
      deferred_ = true;
      return;
    }
    member.emplace();
    remember(E::kInfo);
  }
  template <Entity E>
  void make_entry(std::vector<E>& list) {
    list.emplace_back();
    remember(E::kInfo);
  }
  void remember(const EntityInfo& info) {
    builder_.made_index_[json_source::to_string(path_)] = builder_.made_.size();
    builder_.made_.push_back({json_source::Path(path_.begin(), path_.end()), &info});
  }
  // Forgets what the builder made at `prefix` and within it, which is no longer there.
  void forget(std::span<const json_source::Step> prefix) {
    std::erase_if(builder_.made_, [&](const Made& made) { return starts_with(made.path, prefix); });
    builder_.made_index_.clear();
    for (size_t i = 0; i < builder_.made_.size(); ++i) {
      builder_.made_index_[json_source::to_string(builder_.made_[i].path)] = i;
    }
  }

  // A value field: its member `M`, a T or a std::optional<T>.
  template <typename M>
  absl::Status value(M& member, const FieldInfo& field) {
    switch (request_.action) {
      case Action::kSet: {
        absl::Status status = check_value(field.kind, field.enumeration);
        if (!status.ok() || !carry_out_) return status;
        member = converted<typename Unwrapped<M>::Type>();
        if (field.presence == Presence::kRequired) required_set(field);
        return absl::OkStatus();
      }
      case Action::kClear:
        if constexpr (Optional<M>::value) {
          if (carry_out_) member.reset();
          return absl::OkStatus();
        } else {
          return refuse("required, so it cannot be cleared");
        }
      case Action::kAdd:
        return refuse(absl::StrCat(with_article(field_kind_name(field.kind)),
                                   " field, not an entity: set it"));
      case Action::kSize:
        return refuse("not a list");
    }
    return absl::OkStatus();
  }

  // Whether the request's value may be set in a field of `kind` (of `enumeration`, for an enum).
  absl::Status check_value(FieldKind kind, const EnumInfo* enumeration) const {
    if (!takes(kind, request_.given)) {
      return refuse(absl::StrCat(with_article(field_kind_name(kind)), " field takes ",
                                 to_absl(taken_by(kind)), ", not ",
                                 to_absl(given_name(request_.given))));
    }
    switch (request_.given) {
      case FieldKind::kDate:
        if (absl::Status status = check_supported(request_.day); !status.ok()) {
          return refuse(std::string_view(status.message().data(), status.message().size()),
                        status.code());
        }
        break;
      case FieldKind::kMoney:
        if (request_.number < 0) {
          return refuse(absl::StrCat(
              "money is a whole, non-negative number of pence; it was given ", request_.number));
        }
        break;
      case FieldKind::kText:
        return check_text(enumeration);
      default:
        break;
    }
    return absl::OkStatus();
  }

  absl::Status check_text(const EnumInfo* enumeration) const {
    const std::string_view text = request_.text;
    if (text.size() > builder_.limits_.max_string_bytes) {
      return refuse(absl::StrCat("the text is ", text.size(), " bytes; the limit is ",
                                 builder_.limits_.max_string_bytes));
    }
    if (const size_t bad = json_source::first_invalid_utf8(text); bad != std::string_view::npos) {
      return refuse(absl::StrCat("the text is not well-formed UTF-8 (byte ", bad + 1, ")"));
    }
    if (!enumeration) return absl::OkStatus();
    const auto& values = enumeration->values;
    if (std::find(values.begin(), values.end(), text) != values.end()) return absl::OkStatus();
    return refuse(invalid_enum_message(text, *enumeration));
  }

  // The request's value as a T, once check_value has passed it.
  template <typename T>
  T converted() const {
    if constexpr (std::is_same_v<T, Date>) {
      return request_.day;
    } else if constexpr (std::is_same_v<T, bool>) {
      return request_.number != 0;
    } else if constexpr (std::is_same_v<T, int64_t>) {
      return request_.number;
    } else if constexpr (std::is_same_v<T, Money>) {
      return Money{request_.number};
    } else if constexpr (std::is_same_v<T, std::string>) {
      return std::string(request_.text);
    } else if constexpr (std::is_same_v<T, OrganisationRef> || std::is_same_v<T, PolicyRef>) {
      return T{std::string(request_.text)};
    } else {
      static_assert(std::is_enum_v<T>);
      return *enum_value<T>(request_.text);
    }
  }

  // Notes that the required `field`, the last step of the path, has been set in its entity.
  void required_set(const FieldInfo& field) {
    const auto made = builder_.made_index_.find(
        json_source::to_string(std::span(path_.begin(), path_.end() - 1)));
    if (made == builder_.made_index_.end()) return;  // the case itself, which requires nothing
    Made& record = builder_.made_[made->second];
    record.required_set |= uint64_t{1} << (&field - record.info->fields.data());
  }

  // A field a pack declares, in an entity of `info` whose declared values are `extra`.
  absl::Status declared_field(ExtraFields& extra, const EntityInfo& info, size_t at) {
    const std::string_view name = segments_[at].name;
    const std::optional<FieldDeclarations::Place> place = builder_.declared_.find(info, name);
    if (!place) return unknown_field(info, name);
    const size_t depth = path_.size();
    path_.push_back({place->field->name, -1});
    absl::Status status = declared_value(extra, info, *place, at);
    path_.resize(depth);
    return status;
  }

  absl::Status declared_value(ExtraFields& extra, const EntityInfo& info,
                              FieldDeclarations::Place place, size_t at) {
    const DeclaredField& field = *place.field;
    if (segments_[at].index) return refuse("not a list, so it has no entries");
    if (!last(at)) {
      return refuse(absl::StrCat(with_article(field_kind_name(field.kind)),
                                 " field, with no fields of its own"));
    }
    const auto here = std::find_if(extra.begin(), extra.end(),
                                   [&](const ExtraValue& v) { return v.name == field.name; });
    switch (request_.action) {
      case Action::kSet: {
        absl::Status status = check_value(field.kind, nullptr);
        if (!status.ok() || !carry_out_) return status;
        ExtraValue value{field.name, field.kind, request_.day,
                         field.kind == FieldKind::kBool ? request_.number != 0 : request_.number,
                         std::string(field.kind == FieldKind::kText ? request_.text : "")};
        if (field.kind != FieldKind::kDate) value.day = Date();
        if (here != extra.end()) {
          *here = std::move(value);
        } else {
          // Values are kept in the order the declarations list them, as a document's are read.
          const auto after = std::find_if(extra.begin(), extra.end(), [&](const ExtraValue& v) {
            return builder_.declared_.find(info, v.name)->position > place.position;
          });
          extra.insert(after, std::move(value));
        }
        return absl::OkStatus();
      }
      case Action::kClear:
        if (carry_out_ && here != extra.end()) extra.erase(here);
        return absl::OkStatus();
      case Action::kAdd:
        return refuse(absl::StrCat(with_article(field_kind_name(field.kind)),
                                   " field, not an entity: set it"));
      case Action::kSize:
        return refuse("not a list");
    }
    return absl::OkStatus();
  }

  absl::Status unknown_field(const EntityInfo& info, std::string_view name) {
    std::vector<std::string_view> names;
    for (const FieldInfo& field : info.fields) names.push_back(field.name);
    for (const DeclaredField* field : builder_.declared_.of(info)) names.push_back(field->name);
    std::string message =
        absl::StrCat(with_article(info.name), " has no field \"", printable(name), "\"");
    if (std::optional<std::string> suggestion = closest_match(name, names)) {
      absl::StrAppend(&message, " (did you mean \"", *suggestion, "\"?)");
    }
    absl::StrAppend(&message, "; its fields are ", absl::StrJoin(names, ", ", append_string_view));
    // The error's path runs to the name refused, a view of the caller's text, which outlives it.
    path_.push_back({name, -1});
    return refuse(message);
  }

  CaseBuilder& builder_;
  std::span<const Segment> segments_;
  Request& request_;
  bool carry_out_;
  bool may_make_;
  bool deferred_ = false;
  WalkPath path_;
};

namespace {

// The case every builder starts from, never changed: held here, it is always shared, so a builder
// copies it before its first change. Made by the first builder's constructor, so that a move, which
// must not throw, finds it made.
const std::shared_ptr<Case>& empty_case() {
  static const std::shared_ptr<Case> kEmpty = std::make_shared<Case>();
  return kEmpty;
}

}  // namespace

CaseBuilder::CaseBuilder(FieldDeclarations declared, ReadLimits limits)
    : declared_(std::move(declared)), limits_(limits), case_(empty_case()) {}

CaseBuilder::CaseBuilder(const CaseBuilder&) = default;
CaseBuilder& CaseBuilder::operator=(const CaseBuilder&) = default;

CaseBuilder::CaseBuilder(CaseBuilder&& other) noexcept
    : declared_(std::exchange(other.declared_, {})),
      limits_(std::exchange(other.limits_, {})),
      case_(std::exchange(other.case_, empty_case())),
      made_(std::exchange(other.made_, {})),
      made_index_(std::exchange(other.made_index_, {})) {}

CaseBuilder& CaseBuilder::operator=(CaseBuilder&& other) noexcept {
  declared_ = std::exchange(other.declared_, {});
  limits_ = std::exchange(other.limits_, {});
  case_ = std::exchange(other.case_, empty_case());
  made_ = std::exchange(other.made_, {});
  made_index_ = std::exchange(other.made_index_, {});
  return *this;
}

CaseBuilder::~CaseBuilder() = default;

absl::Status CaseBuilder::apply(std::string_view path, Request& request) {
  absl::StatusOr<Segments> segments = parse_path(path);
  if (!segments.ok()) return with_json_path(segments.status(), path);
  const bool changes = request.action != Request::Action::kSize;
  // A case built is shared with whoever took it (build()), and must not change under them.
  if (changes && case_.use_count() > 1) case_ = std::make_shared<Case>(*case_);
  Walk first(*this, *segments, request, changes, false);
  absl::Status status = first.entity(*case_, 0);
  if (!status.ok() || !first.deferred()) return status;
  return Walk(*this, *segments, request, true, true).entity(*case_, 0);
}

absl::Status CaseBuilder::set_date(std::string_view path, Date value) {
  Request request{.action = Request::Action::kSet, .given = FieldKind::kDate, .day = value};
  return apply(path, request);
}

absl::Status CaseBuilder::set_bool(std::string_view path, bool value) {
  Request request{.action = Request::Action::kSet, .given = FieldKind::kBool, .number = value};
  return apply(path, request);
}

absl::Status CaseBuilder::set_integer(std::string_view path, int64_t value) {
  Request request{.action = Request::Action::kSet, .given = FieldKind::kInteger, .number = value};
  return apply(path, request);
}

absl::Status CaseBuilder::set_money(std::string_view path, Money value) {
  Request request{
      .action = Request::Action::kSet, .given = FieldKind::kMoney, .number = value.pence};
  return apply(path, request);
}

absl::Status CaseBuilder::set_text(std::string_view path, std::string_view value) {
  Request request{.action = Request::Action::kSet, .given = FieldKind::kText, .text = value};
  return apply(path, request);
}

absl::Status CaseBuilder::clear(std::string_view path) {
  Request request{.action = Request::Action::kClear};
  return apply(path, request);
}

absl::Status CaseBuilder::add(std::string_view path) {
  Request request{.action = Request::Action::kAdd};
  return apply(path, request);
}

absl::StatusOr<size_t> CaseBuilder::size(std::string_view path) const {
  Request request{.action = Request::Action::kSize};
  // Asking a size walks only to check, which reads the case and the builder and changes neither.
  absl::Status status = const_cast<CaseBuilder*>(this)->apply(path, request);
  if (!status.ok()) return status;
  return request.size;
}

void CaseBuilder::each_unset(absl::FunctionRef<void(const Made&, const FieldInfo&)> visit) const {
  for (const Made& made : made_) {
    for (size_t i = 0; i < made.info->fields.size(); ++i) {
      const FieldInfo& field = made.info->fields[i];
      if (field.presence == Presence::kRequired && field.kind != FieldKind::kList &&
          (made.required_set >> i & 1) == 0) {
        visit(made, field);
      }
    }
  }
}

std::vector<Problem> CaseBuilder::problems(size_t max_problems) const {
  std::vector<Problem> problems;
  ProblemLog log(max_problems, problems);
  each_unset([&](const Made& made, const FieldInfo& field) {
    json_source::Path path = made.path;
    path.push_back({field.name, -1});
    log.error("missing_field", missing_field_message(field), path);
  });
  check_case(*case_, log);
  // In the order a reader of json() finds them, which is the schema's: placed in that text and
  // sorted, then their places dropped, since the caller never saw it. Only a case with problems
  // pays for the text.
  log.finish(problems.empty() ? std::string() : json());
  for (Problem& problem : problems) problem.line = problem.column = 0;
  return problems;
}

std::string CaseBuilder::json() const {
  std::vector<json_source::Path> unset;
  each_unset([&](const Made& made, const FieldInfo& field) {
    unset.push_back(made.path);
    unset.back().push_back({field.name, -1});
  });
  return write_case_without(*case_, unset);
}

absl::StatusOr<std::shared_ptr<const Case>> CaseBuilder::build() const {
  if (absl::Status status = to_status(problems()); !status.ok()) return status;
  return std::shared_ptr<const Case>(case_);
}

}  // namespace compact
