#include "pack_options.hpp"

#include <iostream>

#include "absl/strings/str_cat.h"

namespace compact::cli {

void add_pack_options(CLI::App& command, PackOptions& options) {
  // One file per --pack, so that a file after it is not taken for another pack.
  command.add_option("--pack", options.packs, "A rule pack (TOML) to apply as well; repeatable")
      ->allow_extra_args(false);
  command.add_flag("--no-default-pack", options.no_default_pack,
                   "Apply only the --pack files, not the built-in Stockton 2014 pack");
  command
      .add_option("--param", options.parameters,
                  "Set a pack's parameter, NAME=VALUE (\"tender_period=6 weeks\"); PACK:NAME where "
                  "two packs have it; repeatable")
      ->allow_extra_args(false);
}

namespace {

absl::StatusOr<Engine> load(const PackOptions& options, EngineOptions engine_options) {
  std::vector<rules::Pack> packs;
  if (!options.no_default_pack) {
    absl::StatusOr<rules::Pack> pack = Engine::default_pack();
    if (!pack.ok()) {
      return absl::InternalError(absl::StrCat("the built-in pack: ", pack.status().message()));
    }
    packs.push_back(*std::move(pack));
  }
  for (const std::string& file : options.packs) {
    absl::StatusOr<rules::Pack> pack = rules::load_pack_file(file);
    if (!pack.ok()) return pack.status();
    packs.push_back(*std::move(pack));
  }
  for (const std::string& setting : options.parameters) {
    const size_t equals = setting.find('=');
    if (equals == std::string::npos) {
      return absl::InvalidArgumentError(
          absl::StrCat("--param ", setting, ": write NAME=VALUE, as in tender_period=6 weeks"));
    }
    const std::string_view text(setting);
    absl::Status set = rules::set_parameter(packs, text.substr(0, equals), text.substr(equals + 1));
    if (!set.ok()) {
      return absl::Status(set.code(), absl::StrCat("--param ", setting, ": ", set.message()));
    }
  }
  return Engine::create(std::move(packs), engine_options);
}

}  // namespace

std::optional<Engine> engine_from(const PackOptions& options, EngineOptions engine_options) {
  absl::StatusOr<Engine> engine = load(options, engine_options);
  if (engine.ok()) return *std::move(engine);
  std::cerr << "error: " << engine.status().message() << "\n";
  return std::nullopt;
}

}  // namespace compact::cli
