#pragma once

#include "CLI/CLI.hpp"

namespace compact::cli {

// Adds `compact validate` (check case documents against the schema) and `compact schema` (print the
// field reference). Each writes its exit status to `*exit_code` when it runs.
void add_case_commands(CLI::App& app, int* exit_code);

}  // namespace compact::cli
