#include "compact/engine/classification.hpp"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "boost/json.hpp"
#include "compact/engine/engine.hpp"
#include "compact/util/absl_string_view.hpp"

namespace compact {

std::string_view name_of(Holding holding) {
  constexpr std::string_view kNames[] = {"has", "lacks", "not_recorded"};
  return kNames[static_cast<size_t>(holding)];
}

std::string_view name_of(Verdict verdict) {
  constexpr std::string_view kNames[] = {"meets", "does_not_meet", "insufficient_data"};
  return kNames[static_cast<size_t>(verdict)];
}

absl::StatusOr<Classification> Engine::classify(const Organisation& organisation,
                                                std::string_view definition) const {
  std::vector<std::string_view> known;
  for (const rules::Pack& pack : packs_) {
    const rules::Definition* d = pack.definition(definition);
    if (!d) {
      for (const rules::Definition& other : pack.definitions) known.push_back(other.id);
      continue;
    }
    Classification out{&pack, d, organisation.id, Verdict::kMeets, {}};
    const void* const entities[] = {&organisation};
    const rules::Environment env{entities, {}, &pack.calendar};
    bool lacks = false;
    bool unrecorded = false;
    for (const rules::Characteristic& c : d->characteristics) {
      rules::Unrecorded fields;
      const rules::Value v = c.holds.evaluate(env, &fields);
      Classification::Characteristic result{&c, Holding::kHas, {}};
      if (!v.known()) {
        result.holding = Holding::kNotRecorded;
        for (size_t i = 0; i < std::min(fields.count, rules::Unrecorded::kMax); ++i)
          result.missing.push_back(c.holds.field_paths()[fields.fields[i]]);
        unrecorded = true;
      } else if (!v.boolean) {
        result.holding = Holding::kLacks;
        lacks = true;
      }
      out.characteristics.push_back(std::move(result));
    }
    out.verdict = lacks        ? Verdict::kDoesNotMeet
                  : unrecorded ? Verdict::kInsufficientData
                               : Verdict::kMeets;
    return out;
  }
  return absl::NotFoundError(absl::StrCat(
      "no pack defines \"", to_absl(definition), "\"",
      known.empty()
          ? std::string("; the packs give no definitions")
          : absl::StrCat("; the packs define ", absl::StrJoin(known, ", ", append_string_view))));
}

std::string to_json(const std::vector<Classification>& classifications) {
  namespace json = boost::json;
  const auto str = [](std::string_view s) { return json::string(s.data(), s.size()); };
  json::array all;
  for (const Classification& c : classifications) {
    json::array characteristics;
    for (const Classification::Characteristic& ch : c.characteristics) {
      json::array missing;
      for (const std::string& m : ch.missing) missing.push_back(str(m));
      characteristics.push_back(json::object{{"id", str(ch.characteristic->id)},
                                             {"quote", str(ch.characteristic->quote)},
                                             {"holding", str(name_of(ch.holding))},
                                             {"missing", std::move(missing)}});
    }
    all.push_back(json::object{{"organisation", str(c.organisation)},
                               {"definition", str(c.definition->id)},
                               {"title", str(c.definition->title)},
                               {"section", str(c.definition->section)},
                               {"pack", str(c.pack->id)},
                               {"verdict", str(name_of(c.verdict))},
                               {"characteristics", std::move(characteristics)}});
  }
  return json::serialize(all);
}

}  // namespace compact
