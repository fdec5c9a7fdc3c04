// Pack-declared fields, end to end: a pack declares them, cases carry them, rules read them, reports
// trace them; and what goes wrong is said at its place.

#include <algorithm>

#include "compact/engine/engine.hpp"
#include "compact/model/case_json.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/dates.hpp"
#include "support/status_matchers.hpp"

namespace compact {
namespace {

using ::compact::testing::D;
using ::compact::testing::StatusIs;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

constexpr std::string_view kLocalPack = R"toml(
[pack]
id = "local"
title = "Local additions"

[fields.payment]
approved_on = { type = "date", description = "The invoice was approved for payment" }
approver = "text"

[fields.commission]
ward = "text"

[[rule]]
id = "payment.approved-promptly"
section = "Local 1"
quote = "Invoices are approved within 5 working days."
party = "public"
strength = "aim"
for = "commission.payment"
when = "commission.ward == 'Mandale'"
due = "payment.received_on + 5 working days"
actual = "payment.approved_on"
met = "actual <= due"
)toml";

// The same field, declared by a second pack after another of its own: its place in the merged
// declarations differs from its place in this pack's.
constexpr std::string_view kOverlayPack = R"toml(
[pack]
id = "overlay"
title = "An overlay"

[fields.payment]
aardvark = "integer"  # first here (keys are taken in order), last in the merged declarations
approved_on = "date"

[[rule]]
id = "payment.approved-before-paid"
section = "Overlay 1"
quote = "Approve before paying."
party = "public"
strength = "must"
for = "commission.payment"
actual = "payment.paid_on"
met = "payment.approved_on <= actual"
)toml";

constexpr std::string_view kCase = R"({
"organisations": [{"id": "sbc", "name": "SBC", "sector": "public", "kind": "council"}],
"commissions": [
 {"id": "G1", "commissioner": "sbc", "provider": "sbc", "approach": "grant", "ward": "Mandale",
  "payments": [
   {"id": "I1", "kind": "invoice", "received_on": "2025-01-06", "approved_on": "2025-01-15", "paid_on": "2025-01-20"},
   {"id": "I2", "kind": "invoice", "received_on": "2025-02-03", "approved_on": null, "approver": "J"},
   {"id": "I3", "kind": "invoice", "received_on": "2025-02-03", "approved_on": "2025-02-05", "paid_on": "2025-02-04"}]},
 {"id": "G2", "commissioner": "sbc", "provider": "sbc", "approach": "grant",
  "payments": [{"id": "J1", "kind": "invoice", "received_on": "2025-01-06"}]}]})";

Engine engine_of(std::initializer_list<std::string_view> texts) {
  std::vector<rules::Pack> packs;
  int n = 0;
  for (std::string_view text : texts) {
    absl::StatusOr<rules::Pack> pack = rules::load_pack(text, "pack" + std::to_string(n++));
    EXPECT_TRUE(pack.ok()) << pack.status();
    packs.push_back(*std::move(pack));
  }
  absl::StatusOr<Engine> engine = Engine::create(std::move(packs));
  EXPECT_TRUE(engine.ok()) << engine.status();
  return *std::move(engine);
}

const Finding& finding(const Report& report, std::string_view rule, std::string_view entity) {
  const auto found = std::find_if(report.findings.begin(), report.findings.end(), [&](auto& f) {
    return f.rule->id == rule && f.entity_path() == entity;
  });
  EXPECT_NE(found, report.findings.end()) << rule << " " << entity;
  return *found;
}

TEST(PackFields, RulesReadDeclaredFieldsLikeCoreOnes) {
  const Engine engine = engine_of({kLocalPack});
  EXPECT_EQ(engine.declared_fields().all().size(), 3u);
  absl::StatusOr<Case> c = parse_case(kCase, engine.declared_fields());
  ASSERT_TRUE(c.ok()) << c.status();
  const Report report = *engine.evaluate(*c, D("2025-03-01"));

  // Received Mon 6 Jan 2025: five working days on is Mon 13 Jan; approved Wed 15 Jan, two days late.
  const Finding& late =
      finding(report, "payment.approved-promptly", "commissions[G1].payments[I1]");
  EXPECT_EQ(late.outcome, Outcome::kBreach);
  EXPECT_EQ(late.due, D("2025-01-13"));
  EXPECT_EQ(late.actual, D("2025-01-15"));
  EXPECT_EQ(late.margin_working_days, -2);
  std::vector<std::string> trace;
  for (const Finding::TraceEntry& e : late.trace()) trace.push_back(e.name + " = " + e.value);
  EXPECT_THAT(trace, Contains("payment.approved_on = 2025-01-15"));
  EXPECT_THAT(trace, Contains("commission.ward = Mandale"));

  EXPECT_EQ(finding(report, "payment.approved-promptly", "commissions[G1].payments[I2]").outcome,
            Outcome::kOverdue);
  EXPECT_EQ(finding(report, "payment.approved-promptly", "commissions[G1].payments[I3]").outcome,
            Outcome::kCompliant);
  // G2 records no ward: the rule cannot say whether it applies, and names the field.
  const Finding& unknown =
      finding(report, "payment.approved-promptly", "commissions[G2].payments[J1]");
  EXPECT_EQ(unknown.outcome, Outcome::kInsufficientData);
  EXPECT_THAT(unknown.missing_fields(), ElementsAre("commission.ward"));
  EXPECT_THAT(to_json(report), HasSubstr(R"("name":"payment.approved_on","value":"2025-01-15")"));
}

TEST(PackFields, DeclaredFieldsAreTypedWhenTheRuleCompiles) {
  const std::string header(kLocalPack.substr(0, kLocalPack.find("[[rule]]")));
  const std::string rule =
      "[[rule]]\nid = \"r\"\nsection = \"S\"\nquote = \"Q\"\nparty = \"public\"\n"
      "strength = \"must\"\nfor = \"commission.payment\"\n";
  EXPECT_THAT(
      rules::load_pack(header + rule + "met = \"payment.approver + 3 months > as_of\"\n",
                       "typed.toml"),
      StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("cannot add 3 months to text")));
  EXPECT_THAT(rules::load_pack(header + rule + "met = \"payment.aproved_on?\"\n", "typed.toml"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("A payment has no field \"aproved_on\"; did you mean "
                                 "\"approved_on\"?")));
  // A field declared on payments is not a field of commissions.
  EXPECT_THAT(rules::load_pack(header + rule + "met = \"commission.approved_on?\"\n", "typed.toml"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("A commission has no field \"approved_on\"")));
}

TEST(PackFields, PacksShareAFieldWhateverItsPlace) {
  const Engine engine = engine_of({kLocalPack, kOverlayPack});
  absl::StatusOr<Case> c = parse_case(kCase, engine.declared_fields());
  ASSERT_TRUE(c.ok()) << c.status();
  const Report report = *engine.evaluate(*c, D("2025-03-01"));
  // I1 was approved on 15 Jan and paid on 20 Jan; I3 paid on 4 Feb, the day before its approval.
  EXPECT_EQ(finding(report, "payment.approved-before-paid", "commissions[G1].payments[I1]").outcome,
            Outcome::kCompliant);
  EXPECT_EQ(finding(report, "payment.approved-before-paid", "commissions[G1].payments[I3]").outcome,
            Outcome::kBreach);

  constexpr std::string_view kConflicting = R"toml(
[pack]
id = "conflicting"
title = "Conflicting"

[fields.payment]
approved_on = "text"
)toml";
  std::vector<rules::Pack> packs;
  packs.push_back(*rules::load_pack(kLocalPack, "local.toml"));
  packs.push_back(*rules::load_pack(kConflicting, "conflicting.toml"));
  EXPECT_THAT(Engine::create(std::move(packs)),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("conflicting.toml:7:1: payment.approved_on is already declared "
                                 "as \"date\" (at local.toml:7:1); it cannot also be \"text\"")));
}

TEST(PackFields, ACaseReadWithoutTheDeclarationsLeavesThemUnrecorded) {
  const Engine engine = engine_of({kLocalPack});
  // The same payments with no declared fields in the document, read with no declarations.
  Case c = *parse_case(kCase, engine.declared_fields());
  for (Commission& g : c.commissions) {
    g.extra.clear();
    for (Payment& p : g.payments) p.extra.clear();
  }
  const Report report = *engine.evaluate(c, D("2025-03-01"));
  const Finding& f = finding(report, "payment.approved-promptly", "commissions[G1].payments[I1]");
  EXPECT_EQ(f.outcome, Outcome::kInsufficientData);
  EXPECT_THAT(f.missing_fields(), ElementsAre("commission.ward"));
}

}  // namespace
}  // namespace compact
