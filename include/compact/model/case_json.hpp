#pragma once
// Reading and writing case documents as JSON (Boost.JSON underneath).
//
// read_case checks a document against the schema in one pass and reports every problem it finds (up to
// a cap), each with its JSON path (commissions[1].payments[0].paid_on), line and column, a stable code
// and a message saying what was expected. write_case writes the canonical form: fields in schema
// order, absent fields left out. read_case(write_case(c)) == c for every case c, and write_case of a
// read case is a fixed point.

#include <algorithm>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "compact/model/case.hpp"
#include "compact/model/declared_fields.hpp"

namespace compact {

struct Problem {
  enum class Severity { kError, kWarning };

  Severity severity = Severity::kError;
  // Stable, for machines: syntax, limit, wrong_type, missing_field, unknown_field, duplicate_field,
  // invalid_date, out_of_range, invalid_enum, invalid_number, duplicate_id, unknown_organisation,
  // unknown_policy,
  // inconsistent_dates (dates that contradict each other), too_many_problems.
  std::string code;
  std::string path;  // "" for the document itself
  int line = 0;      // 1-based; 0 where no position applies
  int column = 0;    // 1-based, in characters (UTF-8 code points)
  std::string message;
};

// "commissions[1].payments[0].paid_on (line 12, column 20): <message>".
std::string to_string(const Problem& problem);

// OK when no problem is an error; else InvalidArgument with the first error and how many more there
// are: "<first> (and 3 more errors)".
absl::Status to_status(std::span<const Problem> problems);

// Limits on what read_case accepts; each is refused with a `limit` problem, never a crash or a hang.
struct ReadLimits {
  size_t max_document_bytes = 16 << 20;  // 16 MiB
  size_t max_depth = 16;                 // nesting of objects and arrays (a case needs 5)
  size_t max_string_bytes = 64 << 10;    // 64 KiB in any one string
  size_t max_list_length = 100'000;      // entries in any one list
  size_t max_problems = 100;             // problems reported before a final too_many_problems
};

struct CaseReadResult {
  Case value;  // everything that could be read; complete only when ok()
  std::vector<Problem> problems;

  // No problem is an error (warnings allowed).
  bool ok() const;
};

CaseReadResult read_case(std::string_view json, const ReadLimits& limits = {});
// The same, accepting the fields `declared` declares (a rule pack's, declared_fields.hpp): each
// recorded one is an ExtraValue in its entity's `extra`, checked as a core field of its kind would be.
CaseReadResult read_case(std::string_view json, const FieldDeclarations& declared,
                         const ReadLimits& limits = {});
// Either, into `result`, which ends as read_case would return it whatever it held before: a reader of
// many documents keeps one result, and a well-formed document is read into the lists, entries and
// texts already there, keeping their memory, instead of into new ones.
void read_case(std::string_view json, CaseReadResult& result, const ReadLimits& limits = {});
void read_case(std::string_view json, const FieldDeclarations& declared, CaseReadResult& result,
               const ReadLimits& limits = {});

// One organisation's document, {"id": "org-7", "sector": "vcse", ...}, as `compact classify` reads
// it: checked as an entry of a case's organisations is, with the fields `declared` declares; each
// problem's path, line and column are within this document ("sector", line 3).
struct OrganisationReadResult {
  Organisation value;
  std::vector<Problem> problems;
  bool ok() const {
    return std::none_of(problems.begin(), problems.end(),
                        [](const Problem& p) { return p.severity == Problem::Severity::kError; });
  }
};
OrganisationReadResult read_organisation(std::string_view json,
                                         const FieldDeclarations& declared = {},
                                         const ReadLimits& limits = {});

// The first error as an InvalidArgument Status ("... (and 3 more errors)"), or the case.
// The checks read_case makes on what it has read, for a case built in C++: every date within
// 1900-2199 (out_of_range), ids unique within their lists and references to organisations and
// policies of the case, and dates that agree with each other (docs/case-documents.md). Each problem
// has its path; a case read from no text has no line or column. Evaluating an unchecked case is safe,
// but its findings are only as good as its data.
std::vector<Problem> check_case(const Case& c, size_t max_problems = ReadLimits{}.max_problems);

absl::StatusOr<Case> parse_case(std::string_view json, const ReadLimits& limits = {});
absl::StatusOr<Case> parse_case(std::string_view json, const FieldDeclarations& declared,
                                const ReadLimits& limits = {});

// The canonical JSON text of `c`, on one line, with recorded declared fields after the core ones.
std::string write_case(const Case& c);

}  // namespace compact
