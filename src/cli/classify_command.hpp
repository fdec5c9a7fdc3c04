#pragma once

#include "CLI/CLI.hpp"

namespace compact::cli {

// Adds `compact classify`: whether an organisation (an organisation's document, or each organisation
// of a case document) meets a definition a pack gives, the VCSE sector's by default. Writes its exit
// status to `*exit_code` (docs/cli.md lists them).
void add_classify_command(CLI::App& app, int* exit_code);

}  // namespace compact::cli
