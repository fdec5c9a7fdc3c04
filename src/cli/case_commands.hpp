#pragma once

#include <cstdint>
#include <ostream>
#include <string>

#include "CLI/CLI.hpp"
#include "compact/model/case_json.hpp"

namespace compact::cli {

// Adds `compact validate` (check case documents against the schema) and `compact schema` (print the
// field reference). Each writes its exit status to `*exit_code` when it runs.
void add_case_commands(CLI::App& app, int* exit_code);

// "case.json:12:20: error: commissions[0].start_on: <message> [code]"; with one document per line,
// `line_offset` turns the document's line into the file's.
void print_problem(std::ostream& out, const std::string& file, int64_t line_offset,
                   const Problem& p);

}  // namespace compact::cli
