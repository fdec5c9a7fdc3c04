#pragma once

#include "CLI/CLI.hpp"

namespace compact::cli {

// Adds `compact date ...` (add, sub, between, is-working-day, holidays) to `app`. The command's
// exit status is written to `*exit_code` when it runs: 0, or 1 when any query failed.
void add_date_command(CLI::App& app, int* exit_code);

}  // namespace compact::cli
