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
  if (has(COMPACT_FIELD_END(compact_engine_options, parameter_count))) {
    options.parameters = given->parameters;
    options.parameter_count = given->parameter_count;
  }
  return options;
}

// Gives each of the options' parameters its value in `packs`.
compact_status set_parameters(const compact_engine_options& options,
                              std::vector<compact::rules::Pack>& packs, compact_error** error) {
  if (options.parameter_count > 0 && !options.parameters) {
    return fail(error, COMPACT_INVALID_ARGUMENT,
                "options->parameters is NULL and options->parameter_count is not 0");
  }
  for (size_t i = 0; i < options.parameter_count; ++i) {
    const compact_parameter_setting& setting = options.parameters[i];
    if (!setting.name || !setting.value) {
      return fail_with(error, COMPACT_INVALID_ARGUMENT, [&] {
        return "options->parameters[" + std::to_string(i) + "]." +
               (setting.name ? "value" : "name") + " is NULL";
      });
    }
    const absl::Status status = compact::rules::set_parameter(packs, setting.name, setting.value);
    if (!status.ok()) return fail(error, status);
  }
  return COMPACT_OK;
}

// The parameter at `i` of the engine's, counted pack by pack, with its pack; nullptr when there are
// not so many.
const compact::rules::Parameter* parameter_at(const compact::Engine& engine, size_t i,
                                              const compact::rules::Pack** pack) {
  for (const compact::rules::Pack& p : engine.packs()) {
    if (i < p.parameters.size()) {
      *pack = &p;
      return &p.parameters[i];
    }
    i -= p.parameters.size();
  }
  return nullptr;
}

compact_status no_parameter(const compact_engine* engine, size_t i, compact_error** error) {
  return fail_with(error, COMPACT_NOT_FOUND, [&] {
    return "parameter " + std::to_string(i) + " of an engine with " +
           std::to_string(compact_engine_parameter_count(engine)) + " parameters";
  });
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
    if (const compact_status set = set_parameters(chosen, loaded, error); set != COMPACT_OK) {
      return set;
    }
    absl::StatusOr<compact::Engine> engine =
        compact::Engine::create(std::move(loaded), {.strict_in_force = chosen.strict_in_force != 0,
                                                    .native_code = chosen.interpret_only == 0});
    if (!engine.ok()) return fail(error, engine.status());
    auto shared = std::make_shared<const compact::Engine>(*std::move(engine));
    compact::c_api::SchemaTable schema = compact::c_api::schema_table(shared->declared_fields());
    *out = new compact_engine{std::move(shared), std::move(schema)};
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

size_t compact_engine_parameter_count(const compact_engine* engine) {
  if (!engine) return 0;
  size_t count = 0;
  for (const compact::rules::Pack& pack : engine->engine->packs()) count += pack.parameters.size();
  return count;
}

compact_status compact_engine_parameter(const compact_engine* engine, size_t i,
                                        compact_parameter_info* out, compact_error** error) {
  COMPACT_REQUIRE(error, engine);
  COMPACT_REQUIRE(error, out);
  const compact::rules::Pack* pack = nullptr;
  const compact::rules::Parameter* parameter = parameter_at(*engine->engine, i, &pack);
  if (!parameter) return no_parameter(engine, i, error);
  compact_parameter_info info{};
  info.pack = pack->id.c_str();
  info.name = parameter->name.c_str();
  info.type = parameter->type_name().data();
  info.is_set = parameter->set();
  info.value = parameter->set() ? parameter->values.front().text.c_str() : "";
  info.value_count = parameter->set() ? parameter->values.size() : 0;
  info.description = parameter->description.c_str();
  using Info = compact_parameter_info;
  return compact::c_api::fill(
      info, out,
      {COMPACT_FIELD_END(Info, pack), COMPACT_FIELD_END(Info, name), COMPACT_FIELD_END(Info, type),
       COMPACT_FIELD_END(Info, is_set), COMPACT_FIELD_END(Info, value),
       COMPACT_FIELD_END(Info, value_count), COMPACT_FIELD_END(Info, description)},
      "compact_parameter_info", error);
}

compact_status compact_engine_parameter_value(const compact_engine* engine, size_t i, size_t j,
                                              compact_parameter_value* out, compact_error** error) {
  COMPACT_REQUIRE(error, engine);
  COMPACT_REQUIRE(error, out);
  const compact::rules::Pack* pack = nullptr;
  const compact::rules::Parameter* parameter = parameter_at(*engine->engine, i, &pack);
  if (!parameter) return no_parameter(engine, i, error);
  const size_t count = parameter->set() ? parameter->values.size() : 0;
  if (j >= count) {
    return fail_with(error, COMPACT_NOT_FOUND, [&] {
      return "value " + std::to_string(j) + " of " + parameter->name + ", which has " +
             std::to_string(count);
    });
  }
  const compact::rules::Parameter::Dated& dated = parameter->values[j];
  compact_parameter_value value{};
  value.has_from = dated.from.has_value();
  if (dated.from) value.from = compact::c_api::to_c(*dated.from);
  value.value = dated.text.c_str();
  using Value = compact_parameter_value;
  return compact::c_api::fill(value, out,
                              {COMPACT_FIELD_END(Value, has_from), COMPACT_FIELD_END(Value, from),
                               COMPACT_FIELD_END(Value, value)},
                              "compact_parameter_value", error);
}

}  // extern "C"
