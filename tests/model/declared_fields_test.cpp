#include "compact/model/declared_fields.hpp"

#include "compact/model/case_json.hpp"
#include "compact/model/field_access.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/dates.hpp"
#include "support/status_matchers.hpp"

namespace compact {
namespace {

using ::compact::testing::D;
using ::compact::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

// One declared field of each kind, on two entities.
FieldDeclarations local_fields() {
  FieldDeclarations d;
  EXPECT_TRUE(d.declare("payment", "approved_on", FieldKind::kDate).ok());
  EXPECT_TRUE(d.declare("payment", "approver", FieldKind::kText).ok());
  EXPECT_TRUE(d.declare("payment", "disputed", FieldKind::kBool).ok());
  EXPECT_TRUE(d.declare("commission", "ward_number", FieldKind::kInteger).ok());
  EXPECT_TRUE(d.declare("commission", "match_funding_pence", FieldKind::kMoney).ok());
  return d;
}

std::string payments_case(std::string_view payments, std::string_view commission_extra = "") {
  return std::string(
             R"({"organisations": [{"id": "sbc", "name": "SBC", "sector": "public", "kind": "council"}],
"commissions": [{"id": "G1", "commissioner": "sbc", "provider": "sbc", "approach": "grant")") +
         std::string(commission_extra) + R"(,
"payments": [)" +
         std::string(payments) + "]}]}";
}

TEST(FieldDeclarations, RefusesWhatCannotBeDeclared) {
  FieldDeclarations d = local_fields();
  EXPECT_THAT(d.declare("paymnet", "x", FieldKind::kDate),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("no entity \"paymnet\" to declare fields on; did you mean "
                                 "\"payment\"?")));
  EXPECT_THAT(d.declare("payment", "Approved-On", FieldKind::kDate),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("lower-case letters")));
  EXPECT_THAT(d.declare("payment", "paid_on", FieldKind::kText),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("payment.paid_on is already a field of the core schema")));
  EXPECT_THAT(d.declare("payment", "kinds", FieldKind::kEnum),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("a date, bool, integer, money or text, not \"enum\"")));
  EXPECT_THAT(d.declare("payment", "approved_on", FieldKind::kText),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("already declared as \"date\"; it cannot also be \"text\"")));
  // The same declaration again, as a second pack might make it, changes nothing.
  EXPECT_TRUE(d.declare("payment", "approved_on", FieldKind::kDate).ok());
  EXPECT_EQ(d.all().size(), 5u);
  EXPECT_EQ(d.find(Payment::kInfo, "disputed")->position, 2u);
  EXPECT_EQ(d.find(Commission::kInfo, "ward_number")->position, 0u);
  EXPECT_FALSE(d.find(Commission::kInfo, "approver"));

  FieldDeclarations many;
  for (size_t i = 0; i < FieldDeclarations::kMaxPerEntity; ++i) {
    ASSERT_TRUE(many.declare("ending", "f" + std::to_string(i), FieldKind::kBool).ok());
  }
  EXPECT_THAT(many.declare("ending", "one_more", FieldKind::kBool),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("at most 64 declared")));
  EXPECT_TRUE(many.declare("payment", "one_more", FieldKind::kBool).ok());
}

TEST(FieldDeclarations, CasesCarryEachKindAndWriteItBack) {
  const FieldDeclarations declared = local_fields();
  const std::string text = payments_case(
      R"({"id": "I1", "kind": "invoice", "approved_on": "2025-01-15", "approver": "J. Smith", "disputed": false},
         {"id": "I2", "kind": "invoice", "approved_on": null},
         {"id": "I3", "kind": "invoice"})",
      R"(, "ward_number": 17, "match_funding_pence": 250000)");
  absl::StatusOr<Case> c = parse_case(text, declared);
  ASSERT_TRUE(c.ok()) << c.status();
  const Commission& g = c->commissions[0];
  ASSERT_EQ(g.extra.size(), 2u);
  EXPECT_EQ(g.extra[0].name, "ward_number");
  EXPECT_EQ(g.extra[0].number, 17);
  EXPECT_EQ(g.extra[1].number, 250000);
  const ExtraFields& first = g.payments[0].extra;
  ASSERT_EQ(first.size(), 3u);
  EXPECT_EQ(first[0].day, D("2025-01-15"));
  EXPECT_EQ(first[1].text, "J. Smith");
  EXPECT_EQ(first[2].name, "disputed");
  EXPECT_EQ(first[2].number, 0);
  // Null and absent both mean "not recorded": no entry.
  EXPECT_THAT(g.payments[1].extra, IsEmpty());
  EXPECT_THAT(g.payments[2].extra, IsEmpty());
  // Entities with nothing declared carry nothing.
  EXPECT_THAT(c->organisations[0].extra, IsEmpty());

  const std::string written = write_case(*c);
  EXPECT_THAT(written,
              HasSubstr(R"("approved_on":"2025-01-15","approver":"J. Smith","disputed":false)"));
  EXPECT_THAT(written, HasSubstr(R"("ward_number":17,"match_funding_pence":250000)"));
  absl::StatusOr<Case> again = parse_case(written, declared);
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(*again, *c);
  EXPECT_EQ(write_case(*again), written);
}

// Whatever order the keys come in, the values are kept in the declarations' order, so that equal
// cases compare equal; a key given twice keeps its last value, as for core fields (and is reported).
TEST(FieldDeclarations, ValuesKeepTheDeclarationsOrder) {
  const FieldDeclarations declared = local_fields();
  const CaseReadResult read = read_case(
      payments_case(
          R"({"id": "I1", "kind": "invoice", "disputed": true, "approver": "A", "approved_on": "2025-01-15"},
                       {"id": "I2", "kind": "invoice", "approver": "A", "approver": "B"},
                       {"id": "I3", "kind": "invoice", "approver": "A", "approver": null})"),
      declared);
  const std::vector<Payment>& payments = read.value.commissions[0].payments;
  std::vector<std::string> names;
  for (const ExtraValue& v : payments[0].extra) names.push_back(v.name);
  EXPECT_THAT(names, ElementsAre("approved_on", "approver", "disputed"));
  ASSERT_EQ(payments[1].extra.size(), 1u);
  EXPECT_EQ(payments[1].extra[0].text, "B");
  EXPECT_THAT(payments[2].extra, IsEmpty());
  ASSERT_EQ(read.problems.size(), 2u);
  EXPECT_EQ(read.problems[0].code, "duplicate_field");
}

TEST(FieldDeclarations, BadValuesAreProblemsAtTheirPlace) {
  const FieldDeclarations declared = local_fields();
  const std::string text = payments_case(
      R"({"id": "I1", "kind": "invoice", "approved_on": 5},
{"id": "I2", "kind": "invoice", "disputed": "no", "aprover": "x"},
{"id": "I3", "kind": "invoice", "approver": "a", "approver": "b"})",
      R"(, "match_funding_pence": -1)");
  const CaseReadResult read = read_case(text, declared);
  // Each problem's place, found here independently: the line and column of the text it is about.
  const auto at = [&](std::string_view needle) {
    const size_t offset = text.find(needle);
    EXPECT_NE(offset, std::string::npos) << needle;
    const size_t line_start = text.rfind('\n', offset);
    const auto line = std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n') + 1;
    return std::to_string(line) + ":" + std::to_string(offset - line_start);
  };
  std::vector<std::string> found;
  for (const Problem& p : read.problems) {
    found.push_back(p.code + " " + p.path + " " + std::to_string(p.line) + ":" +
                    std::to_string(p.column));
  }
  EXPECT_THAT(found,
              ElementsAre("invalid_number commissions[0].match_funding_pence " + at("-1"),
                          "wrong_type commissions[0].payments[0].approved_on " + at("5}"),
                          "wrong_type commissions[0].payments[1].disputed " + at("\"no\""),
                          "unknown_field commissions[0].payments[1].aprover " + at("\"x\""),
                          "duplicate_field commissions[0].payments[2].approver " + at("\"b\"")));
  EXPECT_THAT(read.problems[3].message, HasSubstr("did you mean \"approver\"?"));

  // Without the declarations, the same keys are unknown.
  const CaseReadResult plain =
      read_case(payments_case(R"({"id": "I1", "kind": "invoice", "approved_on": "2025-01-15"})"));
  ASSERT_EQ(plain.problems.size(), 1u);
  EXPECT_EQ(plain.problems[0].code, "unknown_field");
}

// A rule compiled against one pack's declarations reads a case read with another's (two packs merged
// in another order): by position when the names agree, by name when they do not, and never a value of
// another kind.
TEST(FieldDeclarations, ReadersFindFieldsByNameWhenPositionsDiffer) {
  Payment p;
  p.extra = {{"approver", FieldKind::kText, {}, 0, "J. Smith"},
             {"approved_on", FieldKind::kDate, D("2025-01-15"), 0, ""}};
  const EntityAccess& access = access_of<Payment>();
  EXPECT_EQ(access.declared(&p, 1, "approved_on", FieldKind::kDate).day, D("2025-01-15"));
  EXPECT_EQ(access.declared(&p, 0, "approved_on", FieldKind::kDate).day, D("2025-01-15"));
  EXPECT_EQ(access.declared(&p, 7, "approver", FieldKind::kText).text, "J. Smith");
  EXPECT_FALSE(access.declared(&p, 0, "approver", FieldKind::kDate).recorded);
  EXPECT_FALSE(access.declared(&p, 0, "approval", FieldKind::kText).recorded);
  const Payment bare{};
  EXPECT_FALSE(access.declared(&bare, 0, "approver", FieldKind::kText).recorded);
}

}  // namespace
}  // namespace compact
