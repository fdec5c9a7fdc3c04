#pragma once
// The options that choose rule packs (--pack, --no-default-pack, --param), shared by the commands that read
// cases the way the packs say: check evaluates with them, validate accepts the fields they declare.

#include <optional>
#include <string>
#include <vector>

#include "CLI/CLI.hpp"
#include "absl/status/statusor.h"
#include "compact/engine/engine.hpp"

namespace compact::cli {

struct PackOptions {
  std::vector<std::string> packs;       // files
  std::vector<std::string> parameters;  // NAME=VALUE, set in the packs before the engine is made
  bool no_default_pack = false;
};

void add_pack_options(CLI::App& command, PackOptions& options);

// The exit status of a command that cannot read its case or a pack (2 is a usage error).
inline constexpr int kUnreadable = 3;

// The engine with the built-in pack (unless --no-default-pack) and each --pack file; or nullopt,
// once the error (with file, line and column) is printed to standard error.
std::optional<Engine> engine_from(const PackOptions& options, EngineOptions engine_options = {});

}  // namespace compact::cli
