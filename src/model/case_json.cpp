#include "compact/model/case_json.hpp"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "boost/json.hpp"
#include "case_reader.hpp"
#include "case_writer.hpp"
#include "compact/util/absl_string_view.hpp"
#include "compact/util/printable.hpp"
#include "compact/util/text_position.hpp"
#include "consistency.hpp"
#include "fast_case_reader.hpp"
#include "identity_checks.hpp"
#include "json_source.hpp"
#include "problem_log.hpp"

namespace compact {
namespace {

namespace json = boost::json;

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

namespace {

// The full reader: every problem of `text` into `log`; false when it is not JSON at all (a syntax
// error or too deep), which is then the one problem in `result` and its case is void.
bool read_in_full(std::string_view text, const ReadLimits& limits,
                  const FieldDeclarations* declared, CaseReadResult& result, ProblemLog& log) {
  const EventReadResult read = read_case_events(text, limits, declared, result.value, log);
  if (const boost::system::error_code& ec = read.error) {
    // Whatever was read before the error is void: the one problem is the error itself.
    result.value = {};
    result.problems.clear();
    const size_t at = std::min(read.consumed, text.size());
    std::string message = syntax_message(ec);
    // Boost.JSON reports bytes that are not UTF-8 as a plain syntax error; say what it really is.
    if (at < text.size() && (static_cast<unsigned char>(text[at]) & 0x80)) {
      if (json_source::first_invalid_utf8(text.substr(at, 4)) == 0)
        message = "the text is not valid UTF-8";
    }
    const auto [line, column] = line_and_column(text, at);
    result.problems.push_back({Problem::Severity::kError,
                               ec == json::error::too_deep ? "limit" : "syntax", "", line, column,
                               std::move(message)});
    return false;
  }
  if (read.repeated_keys) {
    for (json_source::DuplicateKey& duplicate :
         json_source::duplicate_keys(text, limits.max_problems)) {
      const auto [line, column] = line_and_column(text, duplicate.offset);
      log.add_located({Problem::Severity::kError, "duplicate_field", std::move(duplicate.path),
                       line, column,
                       absl::StrCat("\"", printable(duplicate.key),
                                    "\" appears more than once in this object")});
    }
  }
  return true;
}

// read_case into `result`, whatever it held: an empty one, or one read before, whose memory the fast
// path reuses.
void read_into(std::string_view text, const FieldDeclarations* declared, const ReadLimits& limits,
               CaseReadResult& result, bool fast_path = true) {
  result.problems.clear();
  if (text.size() > limits.max_document_bytes) {
    result.value = {};
    result.problems.push_back({Problem::Severity::kError, "limit", "", 0, 0,
                               absl::StrCat("the document is larger than the limit of ",
                                            limits.max_document_bytes, " bytes")});
    return;
  }
  // A UTF-8 byte order mark, as Windows tools often write, is allowed and skipped (RFC 8259 section 8.1
  // lets a parser ignore it); positions are then counted as an editor shows them, without it.
  constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark)
    text.remove_prefix(kByteOrderMark.size());
  ProblemLog log(limits.max_problems, result.problems);
  // Most documents are well formed, and the fast path reads those in one pass; it leaves any other
  // to the full reader, which reads it again from the start and says what is wrong.
  if (!fast_path || !read_case_fast(text, limits, result.value)) {
    result.value = {};
    if (!read_in_full(text, limits, declared, result, log)) return;
  }
  check_identities(result.value, log);
  for (Inconsistency& inconsistency : check_consistency(result.value)) {
    log.add(std::move(inconsistency.problem), std::move(inconsistency.path));
  }
  log.finish(text);
}

CaseReadResult read_with(std::string_view text, const FieldDeclarations* declared,
                         const ReadLimits& limits, bool fast_path = true) {
  CaseReadResult result;
  read_into(text, declared, limits, result, fast_path);
  return result;
}

absl::StatusOr<Case> first_error(CaseReadResult result) {
  if (result.ok()) return std::move(result.value);
  return to_status(result.problems);
}

}  // namespace

absl::Status to_status(std::span<const Problem> problems) {
  const auto is_error = [](const Problem& p) { return p.severity == Problem::Severity::kError; };
  const auto first = std::find_if(problems.begin(), problems.end(), is_error);
  if (first == problems.end()) return absl::OkStatus();
  // Errors only: warnings do not make a case unreadable, and too_many_problems says its own count.
  const auto others = std::count_if(problems.begin(), problems.end(),
                                    [&](const Problem& p) {
                                      return is_error(p) && p.code != "too_many_problems";
                                    }) -
                      1;
  std::string message = to_string(*first);
  if (others > 0) {
    absl::StrAppend(&message, " (and ", others, others == 1 ? " more error)" : " more errors)");
  }
  return absl::InvalidArgumentError(message);
}

CaseReadResult read_case(std::string_view text, const ReadLimits& limits) {
  return read_with(text, nullptr, limits);
}

CaseReadResult read_case(std::string_view text, const FieldDeclarations& declared,
                         const ReadLimits& limits) {
  return read_with(text, &declared, limits);
}

void read_case(std::string_view text, CaseReadResult& result, const ReadLimits& limits) {
  read_into(text, nullptr, limits, result);
}

void read_case(std::string_view text, const FieldDeclarations& declared, CaseReadResult& result,
               const ReadLimits& limits) {
  read_into(text, &declared, limits, result);
}

absl::StatusOr<Case> parse_case(std::string_view text, const ReadLimits& limits) {
  return first_error(read_with(text, nullptr, limits));
}

absl::StatusOr<Case> parse_case(std::string_view text, const FieldDeclarations& declared,
                                const ReadLimits& limits) {
  return first_error(read_with(text, &declared, limits));
}

namespace {

json::value to_json(Date d) { return json::value(format_date(d)); }
json::value to_json(bool b) { return json::value(b); }
json::value to_json(int64_t n) { return json::value(n); }
json::value to_json(Money m) { return json::value(m.pence); }
json::value to_json(const std::string& s) { return json::value(s); }
json::string_view to_json_key(std::string_view key) { return {key.data(), key.size()}; }

json::value to_json(const OrganisationRef& r) { return json::value(r.id); }
json::value to_json(const PolicyRef& r) { return json::value(r.id); }
template <typename E>
requires std::is_enum_v<E> json::value to_json(E e) {
  const std::string_view name = enum_name(e);
  return json::value(to_json_key(name));
}
json::value to_json(const ExtraValue& value) {
  switch (value.kind) {
    case FieldKind::kDate:
      return to_json(value.day);
    case FieldKind::kBool:
      return to_json(value.number != 0);
    case FieldKind::kText:
      return to_json(value.text);
    default:  // integer, money
      return to_json(value.number);
  }
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
    if (recorded(member)) object.emplace(to_json_key(field.name), to_json(stored(member)));
  });
  for (const ExtraValue& value : entity.extra) {
    object.emplace(value.name, to_json(value));
  }
  return object;
}

}  // namespace

std::string write_case(const Case& c) { return json::serialize(to_json(c)); }

std::string write_case_without(const Case& c, std::span<const json_source::Path> left_out) {
  json::value document = to_json(c);
  for (const json_source::Path& path : left_out) {
    json::value* at = &document;
    for (size_t i = 0; at && i + 1 < path.size(); ++i) {
      const json_source::Step& step = path[i];
      at = step.key.empty() ? &at->as_array().at(static_cast<size_t>(step.index))
                            : at->as_object().if_contains(to_json_key(step.key));
    }
    // In place, keeping the schema's order, which erase() would not.
    if (at && !path.empty()) at->as_object().stable_erase(to_json_key(path.back().key));
  }
  return json::serialize(document);
}

CaseReadResult read_case_in_full(std::string_view json, const FieldDeclarations* declared,
                                 const ReadLimits& limits) {
  return read_with(json, declared, limits, /*fast_path=*/false);
}

}  // namespace compact
