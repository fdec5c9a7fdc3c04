// Classifying an organisation through the C ABI: Engine::classify, and its result read back.

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_join.h"
#include "handles.hpp"

namespace {

using compact::Holding;
using compact::Verdict;
using compact::c_api::fail;
using compact::c_api::fail_with;
using compact::c_api::guarded;

static_assert(static_cast<int>(Verdict::kMeets) == COMPACT_VERDICT_MEETS &&
              static_cast<int>(Verdict::kDoesNotMeet) == COMPACT_VERDICT_DOES_NOT_MEET &&
              static_cast<int>(Verdict::kInsufficientData) == COMPACT_VERDICT_INSUFFICIENT_DATA);
static_assert(static_cast<int>(Holding::kHas) == COMPACT_HOLDING_HAS &&
              static_cast<int>(Holding::kLacks) == COMPACT_HOLDING_LACKS &&
              static_cast<int>(Holding::kNotRecorded) == COMPACT_HOLDING_NOT_RECORDED);

// `organisation` against `definition` (NULL: "vcse") into a new classification at *out.
compact_status classify(const compact_engine& engine, const compact::Organisation& organisation,
                        const char* definition, compact_classification** out,
                        compact_error** error) {
  absl::StatusOr<compact::Classification> classified =
      engine.engine->classify(organisation, definition ? definition : "vcse");
  if (!classified.ok()) return fail(error, classified.status());
  auto result = std::make_unique<compact_classification>();
  result->engine = engine.engine;
  for (const auto& characteristic : classified->characteristics) {
    result->missing.push_back(absl::StrJoin(characteristic.missing, ","));
  }
  result->classification = *std::move(classified);
  *out = result.release();
  return COMPACT_OK;
}

}  // namespace

extern "C" {

compact_status compact_engine_classify_json(const compact_engine* engine, const char* json,
                                            size_t length, const char* definition,
                                            compact_classification** out, compact_error** error) {
  COMPACT_REQUIRE(error, engine);
  COMPACT_REQUIRE(error, out);
  if (length > 0) COMPACT_REQUIRE(error, json);
  return guarded(error, [&]() -> compact_status {
    compact::OrganisationReadResult read = compact::read_organisation(
        std::string_view(json ? json : "", length), engine->engine->declared_fields());
    if (!read.ok()) return fail(error, std::move(read.problems));
    return classify(*engine, read.value, definition, out, error);
  });
}

compact_status compact_engine_classify_case(const compact_engine* engine, const compact_case* c,
                                            size_t organisation, const char* definition,
                                            compact_classification** out, compact_error** error) {
  COMPACT_REQUIRE(error, engine);
  COMPACT_REQUIRE(error, c);
  COMPACT_REQUIRE(error, out);
  return guarded(error, [&]() -> compact_status {
    const absl::StatusOr<std::shared_ptr<const compact::Case>> built = c->builder.build();
    if (!built.ok()) return fail(error, c->builder.problems());
    const auto& organisations = (*built)->organisations;
    if (organisation >= organisations.size()) {
      return fail_with(error, COMPACT_NOT_FOUND, [&] {
        return "organisation " + std::to_string(organisation) + " of a case with " +
               std::to_string(organisations.size());
      });
    }
    return classify(*engine, organisations[organisation], definition, out, error);
  });
}

void compact_classification_free(compact_classification* classification) { delete classification; }

const char* compact_verdict_name(compact_verdict verdict) {
  const int value = compact::c_api::value_of(verdict);
  return value >= COMPACT_VERDICT_MEETS && value <= COMPACT_VERDICT_INSUFFICIENT_DATA
             ? compact::name_of(static_cast<Verdict>(value)).data()
             : "unknown";
}

const char* compact_holding_name(compact_holding holding) {
  const int value = compact::c_api::value_of(holding);
  return value >= COMPACT_HOLDING_HAS && value <= COMPACT_HOLDING_NOT_RECORDED
             ? compact::name_of(static_cast<Holding>(value)).data()
             : "unknown";
}

compact_verdict compact_classification_verdict(const compact_classification* c) {
  return c ? static_cast<compact_verdict>(c->classification.verdict)
           : COMPACT_VERDICT_INSUFFICIENT_DATA;
}

const char* compact_classification_organisation(const compact_classification* c) {
  return c ? c->classification.organisation.c_str() : "";
}

const char* compact_classification_definition(const compact_classification* c) {
  return c ? c->classification.definition->id.c_str() : "";
}

const char* compact_classification_pack(const compact_classification* c) {
  return c ? c->classification.pack->id.c_str() : "";
}

size_t compact_classification_characteristic_count(const compact_classification* c) {
  return c ? c->classification.characteristics.size() : 0;
}

compact_status compact_classification_characteristic(const compact_classification* c, size_t i,
                                                     compact_characteristic* out,
                                                     compact_error** error) {
  COMPACT_REQUIRE(error, c);
  COMPACT_REQUIRE(error, out);
  const auto& characteristics = c->classification.characteristics;
  if (i >= characteristics.size()) {
    return fail_with(error, COMPACT_NOT_FOUND, [&] {
      return "characteristic " + std::to_string(i) + " of a definition with " +
             std::to_string(characteristics.size());
    });
  }
  const compact::Classification::Characteristic& chosen = characteristics[i];
  compact_characteristic characteristic{};
  characteristic.id = chosen.characteristic->id.c_str();
  characteristic.quote = chosen.characteristic->quote.c_str();
  characteristic.holding = static_cast<compact_holding>(chosen.holding);
  characteristic.missing = c->missing[i].c_str();
  using Info = compact_characteristic;
  return compact::c_api::fill(characteristic, out,
                              {COMPACT_FIELD_END(Info, id), COMPACT_FIELD_END(Info, quote),
                               COMPACT_FIELD_END(Info, holding), COMPACT_FIELD_END(Info, missing)},
                              "compact_characteristic", error);
}

compact_status compact_classification_json(compact_classification* c, const char** out,
                                           size_t* length, compact_error** error) {
  COMPACT_REQUIRE(error, c);
  COMPACT_REQUIRE(error, out);
  return guarded(error, [&]() -> compact_status {
    c->json = compact::to_json(std::vector<compact::Classification>{c->classification});
    *out = c->json.c_str();
    if (length) *length = c->json.size();
    return COMPACT_OK;
  });
}

}  // extern "C"
