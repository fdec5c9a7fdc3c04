#include "case_commands.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "boost/json.hpp"
#include "compact/model/case_json.hpp"
#include "compact/model/json_schema.hpp"
#include "compact/model/schema_reference.hpp"
#include "input.hpp"
#include "pack_options.hpp"

namespace compact::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool lines = false;  // one case document per line (JSON Lines)
  PackOptions packs;   // whose declared fields a case may carry
};

std::string_view severity_name(const Problem& p) {
  return p.severity == Problem::Severity::kError ? "error" : "warning";
}

// Prints one document's problems; `name` says where the document is ("case.json", "cases.jsonl:12").
// With --lines, `line_offset` turns a problem's line within the document into the file's line.
void report(const ValidateOptions& options, const std::string& file, int64_t line_offset,
            const CaseReadResult& result) {
  if (options.format == "json") {
    boost::json::array problems;
    for (const Problem& p : result.problems) {
      problems.push_back({{"severity", severity_name(p)},
                          {"code", p.code},
                          {"path", p.path},
                          {"line", p.line == 0 ? 0 : p.line + line_offset},
                          {"column", p.column},
                          {"message", p.message}});
    }
    boost::json::object out{
        {"file", file}, {"valid", result.ok()}, {"problems", std::move(problems)}};
    if (options.lines) out["document_line"] = line_offset + 1;
    std::cout << boost::json::serialize(out) << "\n";
    return;
  }
  for (const Problem& p : result.problems) print_problem(std::cout, file, line_offset, p);
  if (!options.lines) print_hints(std::cout, file, result.problems);
  if (result.ok() && !options.lines) std::cout << file << ": valid\n";
}

CaseReadResult unreadable(const std::string& file) {
  CaseReadResult result;
  result.problems.push_back(
      {Problem::Severity::kError, "io", "", 0, 0, absl::StrCat("cannot read ", file)});
  return result;
}

// Reads one line, without its newline, into `line`, keeping at most `max` + 1 bytes of it (enough for
// read_case to refuse it) and skipping the rest. False at the end of the input.
bool read_line(std::istream& in, std::string& line, size_t max) {
  line.clear();
  std::streambuf& buffer = *in.rdbuf();
  int c = buffer.sbumpc();
  if (c == std::char_traits<char>::eof()) return false;
  for (; c != std::char_traits<char>::eof() && c != '\n'; c = buffer.sbumpc()) {
    if (line.size() <= max) line.push_back(static_cast<char>(c));
  }
  return true;
}

// Validates one file; returns the number of invalid documents in it.
size_t validate_file(const ValidateOptions& options, const FieldDeclarations& declared,
                     const std::string& file) {
  const size_t max = ReadLimits{}.max_document_bytes;
  if (!options.lines) {
    const std::optional<std::string> text = read_input(file, max);
    const CaseReadResult result = text ? read_case(*text, declared) : unreadable(file);
    report(options, file, 0, result);
    return result.ok() ? 0 : 1;
  }
  std::ifstream stream;
  if (file != "-") stream.open(file, std::ios::binary);
  std::istream& in = file == "-" ? std::cin : stream;
  if (!in) {
    report(options, file, 0, unreadable(file));
    return 1;
  }
  std::string text;
  // One document per line, read and checked one at a time: memory stays bounded whatever the input.
  size_t invalid = 0;
  size_t documents = 0;
  for (int64_t number = 0; read_line(in, text, max); ++number) {
    // Blank lines are skipped; a line cut at the limit is never blank, whatever its first bytes.
    if (text.size() <= max && text.find_first_not_of(" \t\r") == std::string::npos) continue;
    ++documents;
    const CaseReadResult result = read_case(text, declared);
    if (!result.ok() || !result.problems.empty()) report(options, file, number, result);
    if (!result.ok()) ++invalid;
  }
  if (options.format == "text") {
    std::cout << file << ": " << documents << " documents, " << invalid << " invalid\n";
  }
  return invalid;
}

}  // namespace

void print_problem(std::ostream& out, const std::string& file, int64_t line_offset,
                   const Problem& p) {
  out << file;
  if (p.line > 0) out << ":" << p.line + line_offset << ":" << p.column;
  out << ": " << severity_name(p) << ": " << (p.path.empty() ? "document" : p.path) << ": "
      << p.message << " [" << p.code << "]\n";
}

void print_hints(std::ostream& out, const std::string& file, const std::vector<Problem>& problems) {
  if (std::any_of(problems.begin(), problems.end(),
                  [](const Problem& p) { return p.code == "unknown_field"; })) {
    out << file
        << ": hint: a field a pack declares in its [fields] is known only where that pack is "
           "given: --pack FILE\n";
  }
}

void add_case_commands(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* validate = app.add_subcommand(
      "validate", "Check case documents against the schema; exit 0 only if all are valid");
  validate->add_option("files", options->files, "Case documents (JSON); - for standard input")
      ->required();
  validate
      ->add_option("--format", options->format,
                   "text (default) or json (one object per document, one per line)")
      ->check(CLI::IsMember({"text", "json"}));
  validate->add_flag("--lines", options->lines,
                     "Each line of a file is a separate case document (JSON Lines)");
  add_pack_options(*validate, options->packs);
  validate->callback([options, exit_code] {
    const std::optional<Engine> engine = engine_from(options->packs);
    if (!engine) {
      *exit_code = kUnreadable;
      return;
    }
    size_t invalid = 0;
    for (const std::string& file : options->files) {
      invalid += validate_file(*options, engine->declared_fields(), file);
    }
    *exit_code = invalid == 0 ? 0 : 1;
  });

  auto json_schema = std::make_shared<bool>(false);
  auto schema_packs = std::make_shared<PackOptions>();
  CLI::App* schema =
      app.add_subcommand("schema", "Print the case document field reference (Markdown)");
  schema->add_flag("--json-schema", *json_schema, "Print a JSON Schema (draft 2020-12) instead");
  add_pack_options(*schema, *schema_packs);
  schema->callback([exit_code, json_schema, schema_packs] {
    const std::optional<Engine> engine = engine_from(*schema_packs);
    if (!engine) {
      *exit_code = kUnreadable;
      return;
    }
    const FieldDeclarations& declared = engine->declared_fields();
    std::cout << (*json_schema ? case_json_schema(declared) : case_field_reference(declared));
    *exit_code = 0;
  });
}

}  // namespace compact::cli
