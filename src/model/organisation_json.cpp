// An organisation's document read as the only entry of a case's organisations, so that it is checked
// exactly as one there is; its problems are then given the paths and lines of its own text.

#include <string>

#include "boost/json.hpp"
#include "compact/model/case_json.hpp"
#include "compact/util/text_position.hpp"

namespace compact {
namespace {

constexpr std::string_view kPrefix = "{\"organisations\":[\n";  // one line: lines shift by one
constexpr std::string_view kEntry = "organisations[0]";

// Where the one JSON value of `text` ends, skipping whitespace after it: a document that is one
// value ends at its end. nullopt when the text does not hold a value (the reader then says why).
std::optional<size_t> end_of_value(std::string_view text) {
  boost::json::stream_parser parser;
  boost::system::error_code error;
  const size_t used = parser.write_some(text.data(), text.size(), error);
  if (error || !parser.done()) return std::nullopt;
  const size_t rest = text.find_first_not_of(" \t\r\n", used);
  return rest == std::string_view::npos ? text.size() : rest;
}

}  // namespace

OrganisationReadResult read_organisation(std::string_view json, const FieldDeclarations& declared,
                                         const ReadLimits& limits) {
  OrganisationReadResult out;
  if (json.size() <= limits.max_document_bytes) {
    if (const std::optional<size_t> end = end_of_value(json); end && *end < json.size()) {
      // Text after the object would be read as more of the wrapping document: refuse it here.
      const auto [line, column] = line_and_column(json, *end);
      out.problems.push_back({Problem::Severity::kError, "syntax", "", line, column,
                              "an organisation's document is one JSON object; text follows it"});
      return out;
    }
  }
  std::string wrapped(kPrefix);
  wrapped.append(json).append("\n]}");
  ReadLimits wrapped_limits = limits;
  wrapped_limits.max_document_bytes += wrapped.size() - json.size();
  CaseReadResult read = read_case(wrapped, declared, wrapped_limits);
  for (Problem& p : read.problems) {
    if (p.line > 0) --p.line;
    if (p.path.starts_with(kEntry)) {
      p.path.erase(0, kEntry.size());
      if (p.path.starts_with('.')) p.path.erase(0, 1);
    } else if (p.path == "organisations") {
      p.path.clear();
    }
    out.problems.push_back(std::move(p));
  }
  if (out.ok() && read.value.organisations.size() != 1) {
    out.problems.push_back({Problem::Severity::kError, "syntax", "", 1, 1,
                            "an organisation's document is one JSON object"});
  }
  if (read.value.organisations.size() == 1) out.value = std::move(read.value.organisations.front());
  return out;
}

}  // namespace compact
