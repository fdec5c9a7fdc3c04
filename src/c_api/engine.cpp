// Engines through the C ABI: made from the built-in pack and packs' text, and described.

#include <cstddef>
#include <string>
#include <vector>

#include "handles.hpp"

namespace {

using compact::c_api::fail;
using compact::c_api::fail_with;
using compact::c_api::guarded;

// The options as this version knows them, from a caller's struct of `struct_size` bytes: a field
// past its end keeps its default, 0, so a program built against an older header still works.
compact_engine_options read_options(const compact_engine_options* given) {
  compact_engine_options options{};
  if (!given) return options;
  const auto has = [&](size_t end) { return given->struct_size >= end; };
  if (has(COMPACT_FIELD_END(compact_engine_options, strict_in_force))) {
    options.strict_in_force = given->strict_in_force;
  }
  if (has(COMPACT_FIELD_END(compact_engine_options, interpret_only))) {
    options.interpret_only = given->interpret_only;
  }
  if (has(COMPACT_FIELD_END(compact_engine_options, without_default_pack))) {
    options.without_default_pack = given->without_default_pack;
  }
  return options;
}

}  // namespace

extern "C" {

compact_status compact_engine_create(const compact_pack_source* packs, size_t pack_count,
                                     const compact_engine_options* options, compact_engine** out,
                                     compact_error** error) {
  COMPACT_REQUIRE(error, out);
  if (pack_count > 0) COMPACT_REQUIRE(error, packs);
  if (options && options->struct_size < sizeof(size_t)) {
    return fail_with(error, COMPACT_INVALID_ARGUMENT, [&] {
      return "options->struct_size is " + std::to_string(options->struct_size) +
             "; set it to sizeof(compact_engine_options)";
    });
  }
  return guarded(error, [&]() -> compact_status {
    const compact_engine_options chosen = read_options(options);
    std::vector<compact::rules::Pack> loaded;
    if (!chosen.without_default_pack) {
      absl::StatusOr<compact::rules::Pack> builtin = compact::Engine::default_pack();
      if (!builtin.ok()) return fail(error, builtin.status());
      loaded.push_back(*std::move(builtin));
    }
    for (size_t i = 0; i < pack_count; ++i) {
      const compact_pack_source& source = packs[i];
      if (!source.text && source.length > 0) {
        return fail_with(error, COMPACT_INVALID_ARGUMENT,
                         [&] { return "packs[" + std::to_string(i) + "].text is NULL"; });
      }
      const std::string name = source.name ? source.name : "packs[" + std::to_string(i) + "]";
      absl::StatusOr<compact::rules::Pack> pack = compact::rules::load_pack(
          std::string_view(source.text ? source.text : "", source.length), name);
      if (!pack.ok()) return fail(error, pack.status());
      loaded.push_back(*std::move(pack));
    }
    absl::StatusOr<compact::Engine> engine =
        compact::Engine::create(std::move(loaded), {.strict_in_force = chosen.strict_in_force != 0,
                                                    .native_code = chosen.interpret_only == 0});
    if (!engine.ok()) return fail(error, engine.status());
    *out = new compact_engine{std::make_shared<const compact::Engine>(*std::move(engine))};
    return COMPACT_OK;
  });
}

void compact_engine_free(compact_engine* engine) { delete engine; }

size_t compact_engine_pack_count(const compact_engine* engine) {
  return engine ? engine->engine->packs().size() : 0;
}

compact_status compact_engine_pack(const compact_engine* engine, size_t i, compact_pack_info* out,
                                   compact_error** error) {
  COMPACT_REQUIRE(error, engine);
  COMPACT_REQUIRE(error, out);
  const std::span<const compact::rules::Pack> packs = engine->engine->packs();
  if (i >= packs.size()) {
    return fail_with(error, COMPACT_NOT_FOUND, [&] {
      return "pack " + std::to_string(i) + " of an engine with " + std::to_string(packs.size()) +
             " packs";
    });
  }
  const compact::rules::Pack& pack = packs[i];
  compact_pack_info info{};
  info.id = pack.id.c_str();
  info.title = pack.title.c_str();
  info.edition = pack.edition.c_str();
  info.calendar = pack.calendar.name().c_str();
  info.has_in_force_from = pack.in_force_from.has_value();
  if (pack.in_force_from) info.in_force_from = compact::c_api::to_c(*pack.in_force_from);
  info.has_in_force_to = pack.in_force_to.has_value();
  if (pack.in_force_to) info.in_force_to = compact::c_api::to_c(*pack.in_force_to);
  info.rule_count = pack.rules.size();
  using Info = compact_pack_info;
  return compact::c_api::fill(
      info, out,
      {COMPACT_FIELD_END(Info, id), COMPACT_FIELD_END(Info, title),
       COMPACT_FIELD_END(Info, edition), COMPACT_FIELD_END(Info, calendar),
       COMPACT_FIELD_END(Info, has_in_force_from), COMPACT_FIELD_END(Info, in_force_from),
       COMPACT_FIELD_END(Info, has_in_force_to), COMPACT_FIELD_END(Info, in_force_to),
       COMPACT_FIELD_END(Info, rule_count)},
      "compact_pack_info", error);
}

}  // extern "C"
