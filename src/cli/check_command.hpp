#pragma once

#include "CLI/CLI.hpp"

namespace compact::cli {

// Adds `compact check`: evaluate a case against the default pack (and any --pack) as of a date, and
// print the findings. Writes its exit status to `*exit_code` (docs/cli.md lists them).
void add_check_command(CLI::App& app, int* exit_code);

}  // namespace compact::cli
