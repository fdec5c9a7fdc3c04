// Parameters a pack leaves unset, and setting any parameter from outside the pack (--param): the
// value read as a pack's [params] reads it, type-checked against the parameter, or refused saying why.

#include <string>
#include <vector>

#include "compact/rules/pack.hpp"
#include "gtest/gtest.h"

namespace compact::rules {
namespace {

constexpr std::string_view kPack = R"([pack]
id = "p"
title = "P"
[params]
tender_period = { type = "period", description = "appropriate time" }
minimum_grant = "£500"
cap = 3
[[rule]]
id = "commission.tender-period"
section = "s"
quote = "q"
party = "public"
strength = "undertake"
for = "commission"
due = "commission.tender_published_on + tender_period"
actual = "commission.tender_closes_on"
met = "actual >= due"
)";

const Parameter& named(const Pack& pack, std::string_view name) {
  for (const Parameter& p : pack.parameters) {
    if (p.name == name) return p;
  }
  ADD_FAILURE() << name;
  return pack.parameters.front();
}

TEST(PackParameters, OneLeftUnsetIsNotRecordedAndNamedByTheRulesThatReadIt) {
  const Pack pack = *load_pack(kPack, "p.toml");
  const Parameter& p = named(pack, "tender_period");
  EXPECT_FALSE(p.set());
  EXPECT_EQ(p.type.kind, Type::Kind::kPeriod);
  EXPECT_EQ(p.description, "appropriate time");
  const std::span<const std::string> paths = pack.rules[0].due->field_paths();
  EXPECT_NE(std::find(paths.begin(), paths.end(), "tender_period"), paths.end());
}

TEST(PackParameters, AnUnsetOneNeedsAKnownType) {
  const absl::StatusOr<Pack> pack = load_pack(
      R"([pack]
id = "p"
title = "P"
[params]
x = { type = "perod" }
)",
      "p.toml");
  ASSERT_FALSE(pack.ok());
  EXPECT_NE(pack.status().message().find("p.toml:5:"), std::string_view::npos) << pack.status();
  EXPECT_NE(pack.status().message().find("did you mean \"period\""), std::string_view::npos);
}

TEST(PackParameters, SettingReadsTheValueAsTheParametersType) {
  Pack pack = *load_pack(kPack, "p.toml");
  ASSERT_TRUE(set_parameter(pack, "tender_period", "6 weeks").ok());
  EXPECT_TRUE(named(pack, "tender_period").set());
  EXPECT_EQ(named(pack, "tender_period").values.front().text, "6 weeks");
  ASSERT_TRUE(set_parameter(pack, "minimum_grant", "£750.50").ok());
  EXPECT_EQ(named(pack, "minimum_grant").values.front().value.number, 75050);
  ASSERT_TRUE(set_parameter(pack, "cap", "5").ok());
  EXPECT_EQ(named(pack, "cap").values.front().value.number, 5);
}

TEST(PackParameters, SettingRefusesWhatIsNotOfTheTypeOrNotThere) {
  Pack pack = *load_pack(kPack, "p.toml");
  const auto refused = [&](std::string_view name, std::string_view value) {
    const absl::Status s = set_parameter(pack, name, value);
    EXPECT_FALSE(s.ok()) << name << "=" << value;
    return std::string(s.message());
  };
  EXPECT_NE(refused("tender_period", "£5").find("it is a period; this is money"),
            std::string::npos);
  EXPECT_NE(refused("tender_period", "6 wks").find("did you mean \"weeks\""), std::string::npos);
  EXPECT_NE(refused("cap", "three").find("it is a whole number"), std::string::npos);
  EXPECT_NE(refused("tender_perod", "6 weeks").find("did you mean \"tender_period\""),
            std::string::npos);
  EXPECT_FALSE(named(pack, "tender_period").set());  // nothing refused was kept
}

TEST(PackParameters, AmongPacksANameTwoShareMustNameThePack) {
  std::vector<Pack> packs;
  packs.push_back(*load_pack(kPack, "p.toml"));
  std::string other(kPack);
  other.replace(other.find("id = \"p\""), 8, "id = \"q\"");
  packs.push_back(*load_pack(other, "q.toml"));
  const absl::Status ambiguous = set_parameter(packs, "cap", "4");
  EXPECT_NE(ambiguous.message().find("the packs p, q each have a parameter \"cap\"; name the one "
                                     "to set, as in p:cap"),
            std::string_view::npos)
      << ambiguous;
  ASSERT_TRUE(set_parameter(packs, "q:cap", "4").ok());
  EXPECT_EQ(named(packs[0], "cap").values.front().value.number, 3);
  EXPECT_EQ(named(packs[1], "cap").values.front().value.number, 4);
  EXPECT_EQ(set_parameter(packs, "r:cap", "4").code(), absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace compact::rules
