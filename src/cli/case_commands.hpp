#pragma once

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

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

// After a document's problems: where one is an unknown field, that a pack may declare it. A field a
// local Compact adds is unknown to a command not given that pack, which the message alone does not
// say.
void print_hints(std::ostream& out, const std::string& file, const std::vector<Problem>& problems);

}  // namespace compact::cli
