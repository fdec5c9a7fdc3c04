#include "compact/model/field_access.hpp"

#include <type_traits>

#include "gtest/gtest.h"
#include "support/dates.hpp"

namespace compact {
namespace {

using ::compact::testing::D;

// Every entity's reader table has one reader per schema field, in schema order: reading field i of an
// entity gives the member the schema's field i describes.
TEST(FieldAccess, ReadsEachFieldByItsSchemaIndex) {
  Commission c;
  c.id = "G1";
  c.approach = Approach::kLoan;
  c.value_pence = Money{125};
  c.start_on = D("2025-04-01");
  c.underspend_terms_agreed = false;
  c.commissioner = OrganisationRef{"sbc"};
  c.ending = Ending{};
  c.ending->notice_given_on = D("2025-01-31");
  c.payments.resize(2);
  c.payments[1].id = "P2";
  const EntityAccess& access = access_of<Commission>();
  ASSERT_EQ(access.fields.size(), std::size(Commission::kFields));
  const auto read = [&](std::string_view name) {
    const FieldInfo* field = Commission::kInfo.field(name);
    EXPECT_NE(field, nullptr) << name;
    return access.fields[static_cast<size_t>(field - Commission::kFields)](&c);
  };
  EXPECT_EQ(read("id").text, "G1");
  EXPECT_EQ(read("approach").number, static_cast<int64_t>(Approach::kLoan));
  EXPECT_EQ(read("value_pence").number, 125);
  EXPECT_EQ(read("start_on").day, D("2025-04-01"));
  EXPECT_TRUE(read("underspend_terms_agreed").recorded);
  EXPECT_EQ(read("underspend_terms_agreed").number, 0);
  EXPECT_EQ(read("commissioner").text, "sbc");
  EXPECT_FALSE(read("end_on").recorded);
  EXPECT_FALSE(read("title").recorded);
  EXPECT_TRUE(read("variations").recorded);  // an absent list is empty, not unrecorded

  const FieldValue ending = read("ending");
  ASSERT_TRUE(ending.recorded);
  EXPECT_EQ(ending.access->info, &Ending::kInfo);
  const FieldInfo* notice = Ending::kInfo.field("notice_given_on");
  EXPECT_EQ(ending.access->fields[static_cast<size_t>(notice - Ending::kFields)](ending.object).day,
            D("2025-01-31"));

  const FieldValue payments = read("payments");
  EXPECT_EQ(payments.access->info, &Payment::kInfo);
  ASSERT_EQ(payments.access->list_size(payments.object), 2u);
  EXPECT_EQ(payments.access->fields[0](payments.access->list_element(payments.object, 1)).text,
            "P2");
}

// The date readers cover exactly the date fields, and read what the general readers read, recorded
// or not; each field's location holds what its reader reads.
template <Entity E>
void expect_date_readers_agree(E& entity) {
  const EntityAccess& access = access_of<E>();
  ASSERT_EQ(access.dates.size(), std::size(E::kFields));
  for (size_t i = 0; i < std::size(E::kFields); ++i) {
    const bool is_date = E::kFields[i].kind == FieldKind::kDate;
    EXPECT_EQ(access.dates[i].read != nullptr, is_date)
        << E::kInfo.name << "." << E::kFields[i].name;
    if (!is_date) continue;
    for (const bool set : {false, true}) {
      // Each date field in turn, unset and then set, through visit_fields.
      size_t index = 0;
      E::visit_fields(entity, [&](const FieldInfo&, auto& member) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(member)>, std::optional<Date>>) {
          if (index == i) member = set ? std::optional(D("2025-02-28")) : std::nullopt;
        }
        ++index;
      });
      const FieldValue general = access.fields[i](&entity);
      const std::optional<Date> date = access.dates[i].read(&entity);
      EXPECT_EQ(date.has_value(), general.recorded) << E::kFields[i].name;
      if (date && general.recorded) {
        EXPECT_EQ(*date, general.day) << E::kFields[i].name;
      }
      // Where the field lives, as native code reads it: the member at that offset is the field.
      const DateLocation where = access.dates[i].locate();
      const char* const at = reinterpret_cast<const char*>(&entity) + where.offset;
      if (where.optional) {
        EXPECT_EQ(*reinterpret_cast<const std::optional<Date>*>(at), date) << E::kFields[i].name;
      } else {
        EXPECT_EQ(*reinterpret_cast<const Date*>(at), date) << E::kFields[i].name;
      }
    }
  }
}

TEST(FieldAccess, DateReadersAgreeWithTheGeneralReaders) {
  const auto check = [](auto entity) { expect_date_readers_agree(entity); };
  check(Case{});
  check(Organisation{});
  check(Policy{});
  check(Consultation{});
  check(Commission{});
  check(Payment{});
  check(Ending{});
  check(Bid{});
  check(Variation{});
  check(PerformanceIssue{});
  check(ChangeNotice{});
  check(ProgressUpdate{});
  check(EqualityRecord{});
  check(Dispute{});
  check(DisputeStage{});
}

}  // namespace
}  // namespace compact
