#include "compact/model/case_json.hpp"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "boost/json.hpp"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/did_you_mean.hpp"
#include "compact/util/printable.hpp"
#include "consistency.hpp"
#include "json_document.hpp"
#include "json_source.hpp"

namespace compact {
namespace {

namespace json = boost::json;
using json_source::Path;

std::string_view json_type_name(const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      return "null";
    case json::kind::bool_:
      return "a boolean";
    case json::kind::int64:
    case json::kind::uint64:
    case json::kind::double_:
      return "a number";
    case json::kind::string:
      return "a string";
    case json::kind::array:
      return "an array";
    case json::kind::object:
      return "an object";
  }
  return "a value";
}

std::string_view view(json::string_view s) { return {s.data(), s.size()}; }

// Walks a parsed document along the schema, filling the typed model and collecting problems. Each
// problem remembers its path as steps, so that its line and column can be found in the text at the end.
class Reader {
 public:
  Reader(const ReadLimits& limits, std::vector<Problem>& problems)
      : limits_(limits), problems_(problems) {
    path_.reserve(limits.max_depth + 1);
  }

  template <typename E>
  void read_entity(const json::value& v, E& out) {
    const json::object* object = v.if_object();
    if (!object) return wrong_type(v, "an object");
    size_t known = 0;
    E::visit_fields(out, [&](const FieldInfo& field, auto& member) {
      path_.push_back({field.name, -1});
      const json::value* value =
          object->if_contains(json::string_view(field.name.data(), field.name.size()));
      if (value) ++known;
      if (value && !value->is_null()) {
        read_field(*value, member);
      } else if (field.presence == Presence::kRequired && field.kind != FieldKind::kList) {
        error("missing_field", absl::StrCat("required ", to_absl(field_kind_name(field.kind)),
                                            " field \"", to_absl(field.name), "\" is ",
                                            value ? "null; it must be recorded" : "missing"));
      }
      path_.pop_back();
    });
    if (known == object->size()) return;  // every key is a field: nothing unknown to report
    for (const json::key_value_pair& member : *object) {
      const std::string_view key = view(member.key());
      if (E::kInfo.field(key)) continue;
      if (full()) continue;
      path_.push_back({key, -1});
      std::vector<std::string_view> names;
      for (const FieldInfo& f : E::kInfo.fields) names.push_back(f.name);
      std::string message =
          absl::StrCat("unknown field \"", printable(key), "\" in ", article(E::kInfo.name));
      if (std::optional<std::string> suggestion = closest_match(key, names)) {
        absl::StrAppend(&message, "; did you mean \"", *suggestion, "\"?");
      }
      error("unknown_field", message);
      path_.pop_back();
    }
  }

  void add(Problem problem, Path path) {
    if (full()) return;
    problem.path = json_source::to_string(path);
    problems_.push_back(std::move(problem));
    paths_.push_back(std::move(path));
  }

  // A problem whose path, line and column are already known.
  void add_located(Problem problem) {
    if (full()) return;
    problems_.push_back(std::move(problem));
    paths_.emplace_back();
  }

  // True, counting one more dropped problem, once the cap is reached: callers check it before building
  // an expensive message (a "did you mean" over thousands of ids).
  bool full() {
    if (problems_.size() < limits_.max_problems) return false;
    ++dropped_;
    return true;
  }

  // Fills in each problem's line and column from its path, and reports any dropped problems.
  void locate_all(std::string_view text) {
    std::vector<size_t> unplaced;  // problems still without a position
    std::vector<Path> paths;
    for (size_t i = 0; i < problems_.size(); ++i) {
      if (problems_[i].line != 0) continue;
      unplaced.push_back(i);
      paths.push_back(paths_[i]);
    }
    if (!unplaced.empty()) {
      const std::vector<std::pair<int, int>> places =
          json_source::lines_and_columns(text, json_source::locate(text, paths));
      for (size_t k = 0; k < unplaced.size(); ++k) {
        std::tie(problems_[unplaced[k]].line, problems_[unplaced[k]].column) = places[k];
      }
    }
    if (dropped_ > 0) {
      problems_.push_back({Problem::Severity::kError, "too_many_problems", "", 0, 0,
                           absl::StrCat(dropped_, " more problems not listed (the limit is ",
                                        limits_.max_problems, ")")});
    }
  }

 private:
  static std::string article(std::string_view noun) {
    const bool vowel =
        !noun.empty() && std::string_view("aeiou").find(noun[0]) != std::string_view::npos;
    return absl::StrCat(vowel ? "an " : "a ", to_absl(noun));
  }

  void error(std::string_view code, std::string message) {
    add({Problem::Severity::kError, std::string(code), "", 0, 0, std::move(message)}, path_);
  }

  void wrong_type(const json::value& v, std::string_view expected) {
    error("wrong_type",
          absl::StrCat("expected ", to_absl(expected), ", found ", to_absl(json_type_name(v))));
  }

  template <typename T>
  void read_field(const json::value& v, std::optional<T>& out) {
    T value{};
    if (read_value(v, value)) out = std::move(value);
  }
  template <typename T>
  void read_field(const json::value& v, T& out) {
    read_value(v, out);
  }

  // The string `v` holds, or nullptr after reporting why not. `expected` describes what was wanted:
  // text, or a function that writes it, so that a costly description is built only on failure.
  template <typename Expected>
  const json::string* string_of(const json::value& v, const Expected& expected) {
    const json::string* s = v.if_string();
    if (!s) {
      if constexpr (std::is_invocable_v<Expected>) {
        wrong_type(v, expected());
      } else {
        wrong_type(v, expected);
      }
      return nullptr;
    }
    if (s->size() > limits_.max_string_bytes) {
      error("limit", absl::StrCat("the string is ", s->size(), " bytes; the limit is ",
                                  limits_.max_string_bytes));
      return nullptr;
    }
    return s;
  }

  bool read_value(const json::value& v, Date& out) {
    const json::string* s = string_of(v, "a date (\"YYYY-MM-DD\")");
    if (!s) return false;
    absl::StatusOr<Date> date = parse_date(view(*s));
    if (!date.ok()) {
      error(absl::IsOutOfRange(date.status()) ? "out_of_range" : "invalid_date",
            std::string(date.status().message()));
      return false;
    }
    out = *date;
    return true;
  }

  bool read_value(const json::value& v, bool& out) {
    if (!v.is_bool()) {
      wrong_type(v, "true or false");
      return false;
    }
    out = v.get_bool();
    return true;
  }

  bool read_value(const json::value& v, int64_t& out) {
    if (v.is_int64()) {
      out = v.get_int64();
      return true;
    }
    if (v.is_uint64() || v.is_double()) {
      error("invalid_number",
            "expected a whole number between -9223372036854775808 and 9223372036854775807");
      return false;
    }
    wrong_type(v, "a whole number");
    return false;
  }

  bool read_value(const json::value& v, Money& out) {
    if (v.is_int64() && v.get_int64() >= 0) {
      out.pence = v.get_int64();
      return true;
    }
    if (v.is_number()) {
      error("invalid_number", "expected a whole, non-negative number of pence (£12.50 is 1250)");
      return false;
    }
    wrong_type(v, "a whole number of pence");
    return false;
  }

  bool read_value(const json::value& v, std::string& out) {
    const json::string* s = string_of(v, "text (a string)");
    if (!s) return false;
    out.assign(s->data(), s->size());
    return true;
  }

  bool read_value(const json::value& v, OrganisationRef& out) {
    return read_reference(v, out.id, organisation_ids_, "organisation", "organisations");
  }
  bool read_value(const json::value& v, PolicyRef& out) {
    return read_reference(v, out.id, policy_ids_, "policy", "policies");
  }

  // An id that must name an entry of a list read earlier: the case's organisations and policies come
  // before every entity that refers to them in the schema, so `ids` is complete by now.
  bool read_reference(const json::value& v, std::string& id,
                      const std::vector<std::string_view>& ids, std::string_view noun,
                      std::string_view list) {
    const json::string* s =
        string_of(v, [&] { return absl::StrCat("an ", to_absl(noun), " id (a string)"); });
    if (!s) return false;
    id.assign(s->data(), s->size());
    if (std::binary_search(ids.begin(), ids.end(), std::string_view(id)) || full()) return true;
    std::string message = absl::StrCat("no ", to_absl(noun), " has the id \"", printable(id), "\"");
    if (std::optional<std::string> suggestion = closest_match(id, ids)) {
      absl::StrAppend(&message, "; did you mean \"", printable(*suggestion), "\"?");
    } else {
      absl::StrAppend(&message, "; add it to ", to_absl(list));
    }
    error(absl::StrCat("unknown_", to_absl(noun)), message);
    return true;
  }

  template <typename E>
  requires std::is_enum_v<E>
  bool read_value(const json::value& v, E& out) {
    const EnumInfo& info = EnumTraits<E>::kInfo;
    const json::string* s = string_of(v, [&] {
      return absl::StrCat("one of ", absl::StrJoin(info.values, ", ", append_string_view));
    });
    if (!s) return false;
    if (std::optional<E> value = enum_value<E>(view(*s))) {
      out = *value;
      return true;
    }
    if (full()) return false;
    std::string message =
        absl::StrCat("\"", printable(view(*s)), "\" is not ", article(info.name),
                     "; expected one of ", absl::StrJoin(info.values, ", ", append_string_view));
    if (std::optional<std::string> suggestion = closest_match(view(*s), info.values)) {
      absl::StrAppend(&message, " (did you mean \"", *suggestion, "\"?)");
    }
    error("invalid_enum", message);
    return false;
  }

  template <Entity E>
  bool read_value(const json::value& v, E& out) {
    read_entity(v, out);
    return v.is_object();
  }

  template <Entity E>
  bool read_value(const json::value& v, std::vector<E>& out) {
    const json::array* array = v.if_array();
    if (!array) {
      wrong_type(v, absl::StrCat("a list of ", to_absl(E::kInfo.name), " objects"));
      return false;
    }
    if (array->size() > limits_.max_list_length) {
      error("limit", absl::StrCat("the list has ", array->size(), " entries; the limit is ",
                                  limits_.max_list_length));
      return false;
    }
    out.resize(array->size());
    for (size_t i = 0; i < array->size(); ++i) {
      path_.push_back({"", static_cast<long long>(i)});
      read_entity((*array)[i], out[i]);
      path_.pop_back();
    }
    if constexpr (requires { out[0].id; }) check_unique_ids(out);
    if constexpr (std::is_same_v<E, Organisation>) remember_ids(out, organisation_ids_);
    if constexpr (std::is_same_v<E, Policy>) remember_ids(out, policy_ids_);
    return true;
  }

  template <typename E>
  static void remember_ids(const std::vector<E>& list, std::vector<std::string_view>& ids) {
    for (const E& e : list) ids.push_back(e.id);
    std::sort(ids.begin(), ids.end());
  }

  // Ids must be unique within a list. Sorted (id, index) pairs put repeats side by side, so even a
  // hostile list of 100,000 entries is checked in n log n.
  template <typename E>
  void check_unique_ids(const std::vector<E>& list) {
    std::vector<std::pair<std::string_view, size_t>> ids;
    ids.reserve(list.size());
    for (size_t i = 0; i < list.size(); ++i) {
      if (!list[i].id.empty()) ids.emplace_back(list[i].id, i);
    }
    std::sort(ids.begin(), ids.end());
    for (size_t k = 1, first = 0; k < ids.size(); ++k) {
      if (ids[k].first != ids[first].first) {
        first = k;
        continue;
      }
      Path earlier = path_;
      earlier.push_back({"", static_cast<long long>(ids[first].second)});
      path_.push_back({"", static_cast<long long>(ids[k].second)});
      path_.push_back({"id", -1});
      error("duplicate_id", absl::StrCat("duplicate id \"", printable(ids[k].first),
                                         "\": ", json_source::to_string(earlier), " has it too"));
      path_.resize(path_.size() - 2);
    }
  }

  const ReadLimits& limits_;
  std::vector<Problem>& problems_;
  std::vector<Path> paths_;  // paths_[i] is the path of problems_[i]
  Path path_;
  std::vector<std::string_view> organisation_ids_;  // sorted; views of the case being read
  std::vector<std::string_view> policy_ids_;        // likewise
  size_t dropped_ = 0;
};

// Boost.JSON's messages for the errors a person is most likely to make, in plainer words.
std::string syntax_message(const boost::system::error_code& ec) {
  if (ec == json::error::too_deep) return "the document is nested too deeply";
  if (ec == json::error::syntax) return "invalid JSON here (a missing comma, quote or bracket?)";
  if (ec == json::error::illegal_leading_surrogate ||
      ec == json::error::illegal_trailing_surrogate) {
    return "a \\u escape is half of a surrogate pair, which is not a character";
  }
  if (ec == json::error::incomplete)
    return "the JSON ends too soon (an unclosed object, array or string?)";
  if (ec == json::error::extra_data) return "unexpected text after the end of the JSON document";
  return absl::StrCat("invalid JSON: ", ec.message());
}

}  // namespace

std::string to_string(const Problem& problem) {
  std::string where = problem.path.empty() ? std::string("document") : problem.path;
  if (problem.line > 0)
    absl::StrAppend(&where, " (line ", problem.line, ", column ", problem.column, ")");
  return absl::StrCat(where, ": ",
                      problem.severity == Problem::Severity::kWarning ? "warning: " : "",
                      problem.message);
}

bool CaseReadResult::ok() const {
  return std::none_of(problems.begin(), problems.end(),
                      [](const Problem& p) { return p.severity == Problem::Severity::kError; });
}

CaseReadResult read_case(std::string_view text, const ReadLimits& limits) {
  CaseReadResult result;
  if (text.size() > limits.max_document_bytes) {
    result.problems.push_back({Problem::Severity::kError, "limit", "", 0, 0,
                               absl::StrCat("the document is larger than the limit of ",
                                            limits.max_document_bytes, " bytes")});
    return result;
  }
  json::parse_options options;
  options.max_depth = limits.max_depth;
  // The document lives only while it is read: a monotonic arena, starting on the stack, spares the
  // allocator one call per value.
  unsigned char arena[16 << 10];
  json::monotonic_resource resource(arena, sizeof arena);
  // A UTF-8 byte order mark, as Windows tools often write, is allowed and skipped (RFC 8259 section 8.1
  // lets a parser ignore it); positions are then counted as an editor shows them, without it.
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark)
    text.remove_prefix(kByteOrderMark.size());
  const json_document::Parsed parsed = json_document::parse(text, options, &resource);
  if (const boost::system::error_code& ec = parsed.error) {
    const size_t at = std::min(parsed.consumed, text.size());
    std::string message = syntax_message(ec);
    // Boost.JSON reports bytes that are not UTF-8 as a plain syntax error; say what it really is.
    if (at < text.size() && (static_cast<unsigned char>(text[at]) & 0x80)) {
      if (json_source::first_invalid_utf8(text.substr(at, 4)) == 0)
        message = "the text is not valid UTF-8";
    }
    const auto [line, column] = json_source::line_and_column(text, at);
    result.problems.push_back({Problem::Severity::kError,
                               ec == json::error::too_deep ? "limit" : "syntax", "", line, column,
                               std::move(message)});
    return result;
  }
  const json::value& document = parsed.value;

  Reader reader(limits, result.problems);
  // Only when the text wrote more members than the document kept is a key repeated somewhere.
  const bool repeated_keys = parsed.members_written != json_document::count_members(document);
  if (repeated_keys) {
    std::vector<json_source::DuplicateKey> duplicates =
        json_source::duplicate_keys(text, limits.max_problems);
    for (json_source::DuplicateKey& duplicate : duplicates) {
      const auto [line, column] = json_source::line_and_column(text, duplicate.offset);
      reader.add_located({Problem::Severity::kError, "duplicate_field", std::move(duplicate.path),
                          line, column,
                          absl::StrCat("\"", printable(duplicate.key),
                                       "\" appears more than once in this object")});
    }
    if (duplicates.empty()) {  // the parser counted a repeat the scan could not place
      reader.add_located({Problem::Severity::kError, "duplicate_field", "", 0, 0,
                          "a key appears more than once in one of the objects"});
    }
  }
  reader.read_entity(document, result.value);
  for (Inconsistency& inconsistency : check_consistency(result.value)) {
    reader.add(std::move(inconsistency.problem), std::move(inconsistency.path));
  }
  reader.locate_all(text);
  // In reading order; problems with no position (too_many_problems) last.
  std::stable_sort(result.problems.begin(), result.problems.end(),
                   [](const Problem& a, const Problem& b) {
                     return std::tuple(a.line == 0, a.line, a.column) <
                            std::tuple(b.line == 0, b.line, b.column);
                   });
  return result;
}

absl::StatusOr<Case> parse_case(std::string_view json_text, const ReadLimits& limits) {
  CaseReadResult result = read_case(json_text, limits);
  if (result.ok()) return std::move(result.value);
  const auto first =
      std::find_if(result.problems.begin(), result.problems.end(),
                   [](const Problem& p) { return p.severity == Problem::Severity::kError; });
  // Errors only: warnings do not make a case unreadable, and too_many_problems says its own count.
  const size_t others =
      static_cast<size_t>(std::count_if(result.problems.begin(), result.problems.end(),
                                        [](const Problem& p) {
                                          return p.severity == Problem::Severity::kError &&
                                                 p.code != "too_many_problems";
                                        })) -
      1;
  std::string message = to_string(*first);
  if (others > 0) {
    absl::StrAppend(&message, " (and ", others, others == 1 ? " more error)" : " more errors)");
  }
  return absl::InvalidArgumentError(message);
}

namespace {

json::value to_json(Date d) { return json::value(format_date(d)); }
json::value to_json(bool b) { return json::value(b); }
json::value to_json(int64_t n) { return json::value(n); }
json::value to_json(Money m) { return json::value(m.pence); }
json::value to_json(const std::string& s) { return json::value(s); }
json::value to_json(const OrganisationRef& r) { return json::value(r.id); }
json::value to_json(const PolicyRef& r) { return json::value(r.id); }
template <typename E>
requires std::is_enum_v<E> json::value to_json(E e) {
  const std::string_view name = enum_name(e);
  return json::value(json::string_view(name.data(), name.size()));
}
template <Entity E>
json::value to_json(const E& entity);
template <Entity E>
json::value to_json(const std::vector<E>& list) {
  json::array array;
  array.reserve(list.size());
  for (const E& e : list) array.push_back(to_json(e));
  return array;
}

template <typename T>
bool recorded(const std::optional<T>& v) {
  return v.has_value();
}
template <typename T>
bool recorded(const std::vector<T>& v) {
  return !v.empty();
}
template <typename T>
bool recorded(const T&) {
  return true;
}

template <typename T>
const T& stored(const std::optional<T>& v) {
  return *v;
}
template <typename T>
const T& stored(const T& v) {
  return v;
}

template <Entity E>
json::value to_json(const E& entity) {
  json::object object;
  E::visit_fields(entity, [&](const FieldInfo& field, const auto& member) {
    if (recorded(member))
      object.emplace(json::string_view(field.name.data(), field.name.size()),
                     to_json(stored(member)));
  });
  return object;
}

}  // namespace

std::string write_case(const Case& c) { return json::serialize(to_json(c)); }

}  // namespace compact
