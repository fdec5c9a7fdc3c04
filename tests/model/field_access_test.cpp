#include "compact/model/field_access.hpp"

#include <cstring>
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

// A value other than the default for each kind of scalar member.
template <typename T>
T some_value() {
  if constexpr (std::is_same_v<T, Date>) {
    return D("2025-02-28");
  } else if constexpr (std::is_same_v<T, bool>) {
    return true;
  } else if constexpr (std::is_same_v<T, int64_t>) {
    return -7;
  } else if constexpr (std::is_same_v<T, Money>) {
    return Money{-1234};
  } else {
    return static_cast<T>(1);
  }
}

// The date readers cover exactly the date fields and the locations exactly the scalar ones. Each
// reads what the general reader reads, set or not: a date reader returns it, and a field's location
// holds it (a date as its day number), followed, in a std::optional, by the flag saying it is set.
template <Entity E>
void expect_date_readers_and_locations_agree(E& entity) {
  const EntityAccess& access = access_of<E>();
  ASSERT_EQ(access.dates.size(), std::size(E::kFields));
  ASSERT_EQ(access.locations.size(), std::size(E::kFields));
  for (size_t i = 0; i < std::size(E::kFields); ++i) {
    const FieldKind kind = E::kFields[i].kind;
    const std::string name = std::string(E::kInfo.name) + "." + std::string(E::kFields[i].name);
    const bool is_date = kind == FieldKind::kDate;
    const bool is_scalar = is_date || kind == FieldKind::kBool || kind == FieldKind::kInteger ||
                           kind == FieldKind::kMoney || kind == FieldKind::kEnum;
    EXPECT_EQ(access.dates[i] != nullptr, is_date) << name;
    EXPECT_EQ(access.locations[i] != nullptr, is_scalar) << name;
    if (!is_scalar) continue;
    for (const bool set : {false, true}) {
      // Each scalar field in turn, unset (where it may be) and then set, through visit_fields.
      size_t index = 0;
      E::visit_fields(entity, [&](const FieldInfo&, auto& member) {
        using Member = std::remove_cvref_t<decltype(member)>;
        using T = typename Unwrapped<Member>::Type;
        if constexpr (field_access_internal::kScalar<T>) {
          if (index == i) {
            if (set) {
              member = some_value<T>();
            } else if constexpr (!std::is_same_v<Member, T>) {
              member = std::nullopt;
            }
          }
        }
        ++index;
      });
      const FieldValue general = access.fields[i](&entity);
      if (is_date) {
        const std::optional<Date> date = access.dates[i](&entity);
        EXPECT_EQ(date.has_value(), general.recorded) << name;
        if (date && general.recorded) {
          EXPECT_EQ(*date, general.day) << name;
        }
      }
      // Where the field lives, as native code reads it.
      const FieldLocation where = access.locations[i]();
      const char* const at = reinterpret_cast<const char*>(&entity) + where.offset;
      if (where.optional) {
        EXPECT_EQ(at[where.size] != 0, general.recorded) << name;
      }
      if (!general.recorded) continue;
      int64_t held = 0;
      if (where.size == 1) {
        held = *reinterpret_cast<const uint8_t*>(at);
      } else if (where.size == 4) {
        held = *reinterpret_cast<const uint32_t*>(at);
      } else {
        std::memcpy(&held, at, sizeof(held));
      }
      EXPECT_EQ(held, is_date ? int64_t{general.day.day_number()} : general.number) << name;
      if (set) {
        EXPECT_NE(held, 0) << name;
      }
    }
  }
}

TEST(FieldAccess, DateReadersAndLocationsAgreeWithTheGeneralReaders) {
  const auto check = [](auto entity) { expect_date_readers_and_locations_agree(entity); };
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
