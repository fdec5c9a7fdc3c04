#include "compact/model/case_json.hpp"

#include <algorithm>
#include <fstream>
#include <functional>
#include <random>
#include <set>
#include <sstream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "boost/json.hpp"
#include "compact/model/json_schema.hpp"
#include "compact/model/schema_reference.hpp"
#include "fast_case_reader.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/allocation_counter.hpp"
#include "support/dates.hpp"
#include "support/status_matchers.hpp"

namespace compact {
namespace {

using ::compact::testing::D;
using ::compact::testing::StatusIs;
using ::testing::HasSubstr;

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Gives every field of every entity a recorded, distinct value, by walking the schema: a case built
// this way exercises each field and each field type without a hand-kept list of them.
class Filler {
 public:
  template <typename E>
  void fill(E& entity) {
    E::visit_fields(entity, [this](const FieldInfo&, auto& member) { set(member); });
  }

 private:
  template <typename T>
  void set(std::optional<T>& member) {
    T value{};
    set(value);
    member = std::move(value);
  }
  void set(Date& d) { d = D("2025-01-01") + boost::gregorian::days(counter_++); }
  void set(bool& b) { b = (counter_++ % 2) == 0; }
  void set(int64_t& n) { n = 1000 + counter_++; }
  void set(Money& m) { m.pence = 125050 + counter_++; }
  void set(std::string& s) { s = "text " + std::to_string(counter_++) + " – “quoted” \\ done"; }
  void set(OrganisationRef& r) { r.id = "org-1"; }
  void set(PolicyRef& r) { r.id = "policy-1"; }
  template <typename E>
  requires std::is_enum_v<E>
  void set(E& e) { e = static_cast<E>(EnumTraits<E>::kInfo.values.size() - 1 - (counter_++ % 2)); }
  template <Entity E>
  void set(E& e) {
    fill(e);
  }
  template <Entity E>
  void set(std::vector<E>& list) {
    list.resize(2);
    for (E& e : list) fill(e);
  }

  int counter_ = 0;
};

Case every_field_recorded() {
  Case c;
  Filler().fill(c);
  c.organisations[0].id = "org-1";
  c.policies[0].id = "policy-1";
  return c;
}

TEST(CaseJson, EveryFieldOfEveryEntityRoundTripsExactly) {
  const Case original = every_field_recorded();
  const std::string text = write_case(original);
  const CaseReadResult read = read_case(text);
  ASSERT_TRUE(read.ok()) << to_string(read.problems.front());
  EXPECT_EQ(read.value, original);
  EXPECT_EQ(write_case(read.value), text);
  // The written document names every field of every entity.
  std::vector<const EntityInfo*> pending = {&Case::kInfo};
  std::set<const EntityInfo*> seen;
  while (!pending.empty()) {
    const EntityInfo* entity = pending.back();
    pending.pop_back();
    if (!seen.insert(entity).second) continue;
    for (const FieldInfo& field : entity->fields) {
      EXPECT_THAT(text, HasSubstr("\"" + std::string(field.name) + "\":"))
          << entity->name << "." << field.name;
      if (field.element) pending.push_back(field.element);
    }
  }
  EXPECT_GE(seen.size(), 13u);
}

TEST(CaseJson, ExamplesAreValidAndRoundTrip) {
  for (const char* name : {"grant-with-invoices.json", "shortened-consultation.json",
                           "contract-ended-with-notice.json"}) {
    const std::string text = read_file(std::string(COMPACT_EXAMPLES_DIR) + "/" + name);
    ASSERT_FALSE(text.empty()) << name;
    const CaseReadResult read = read_case(text);
    ASSERT_TRUE(read.ok()) << name << ": " << to_string(read.problems.front());
    const CaseReadResult again = read_case(write_case(read.value));
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again.value, read.value) << name;
  }
}

TEST(CaseJson, ReadsTheDesignContractExample) {
  // DESIGN.md's example case, with its placeholders made real.
  const CaseReadResult read = read_case(R"({
    "organisations": [{ "id": "catalyst", "name": "Catalyst", "sector": "vcse", "kind": "infrastructure_body" },
                      { "id": "sbc", "sector": "public" }, { "id": "org-7", "sector": "vcse" }],
    "consultations": [{
      "id": "C1", "lead": "sbc", "title": "...", "significant_effect_on_vcse": true,
      "notice_given_on": "2025-01-02", "opens_on": "2025-01-06", "closes_on": "2025-03-31",
      "catalyst_involved_on": "2024-12-10", "shortened_explanation": "...", "feedback_published_on": "2025-05-01"
    }],
    "commissions": [{
      "id": "G1", "commissioner": "sbc", "provider": "org-7", "approach": "grant",
      "decision_notified_on": "2025-01-01", "start_on": "2025-04-01", "end_on": "2028-03-31",
      "term_explanation": "...", "decision_delay_explanation": "...",
      "delivery_terms_agreed_on": "2025-02-01", "monitoring_agreed_on": "2025-02-01", "agreement_signed_on": "2025-02-03",
      "underspend_terms_agreed": true,
      "payments": [{ "id": "INV-1", "kind": "invoice", "received_on": "2025-05-02", "paid_on": "2025-06-10",
                     "alternative_terms_agreed": false, "agreed_pay_by": null }],
      "ending": { "decided_on": "2027-10-01", "impact_assessed_on": "2027-09-01", "notice_given_on": "2027-10-02",
                  "notice_in_writing": true, "rationale": "...", "ends_on": "2028-03-31",
                  "central_government_notice_received_on": null }
    }]
  })");
  ASSERT_TRUE(read.ok()) << to_string(read.problems.front());
  const Commission& g1 = read.value.commissions.at(0);
  EXPECT_EQ(g1.approach, Approach::kGrant);
  EXPECT_EQ(g1.provider->id, "org-7");
  EXPECT_EQ(g1.payments.at(0).paid_on, D("2025-06-10"));
  EXPECT_EQ(g1.payments.at(0).agreed_pay_by, std::nullopt);  // null: not recorded
  EXPECT_EQ(g1.payments.at(0).alternative_terms_agreed, false);
  EXPECT_EQ(g1.ending->ends_on, D("2028-03-31"));
  EXPECT_EQ(g1.ending->central_government_notice_received_on, std::nullopt);
  EXPECT_EQ(read.value.consultations.at(0).closes_on, D("2025-03-31"));
}

struct ErrorCase {
  const char* json;
  const char* code;
  const char* path;
  int line;
  int column;
  const char* message;
};

// Positions were counted independently (by searching the text for the value), not read off the code.
TEST(CaseJson, EachKindOfErrorNamesItsPathPositionAndWhatWasExpected) {
  const ErrorCase cases[] = {
      {R"({"commissions": [{"id": "G1", "approach": "grant",
  "payments": [{"id": "P1", "kind": "invoice", "paid_on": "2025-02-30"}]}]})",
       "invalid_date", "commissions[0].payments[0].paid_on", 2, 59,
       "\"2025-02-30\" is not a date: day 30 is not in February 2025, which has 28 days"},
      {R"({"commissions": [{"id": "G1", "approach": "grant", "start_on": "1800-04-01"}]})",
       "out_of_range", "commissions[0].start_on", 1, 64,
       "1800-04-01 is outside the supported range 1900-01-01 to 2199-12-31"},
      {R"({"commissions": [{"id": "G1", "approach": "grant", "start_on": 20250401}]})",
       "wrong_type", "commissions[0].start_on", 1, 64,
       "expected a date (\"YYYY-MM-DD\"), found a number"},
      {R"({"commissions": [{"id": "G1", "approach": "grant", "underspend_terms_agreed": "yes"}]})",
       "wrong_type", "commissions[0].underspend_terms_agreed", 1, 79,
       "expected true or false, found a string"},
      {R"({"commissions": {"id": "G1"}})", "wrong_type", "commissions", 1, 17,
       "expected a list of commission objects, found an object"},
      {R"({"commissions": [{"id": "G1", "approach": "grant", "strat_on": "2025-04-01"}]})",
       "unknown_field", "commissions[0].strat_on", 1, 64,
       "unknown field \"strat_on\" in a commission; did you mean \"start_on\"?"},
      {R"({"commissions": [{"id": "G1", "approach": "grant"}, {"id": "G1", "approach": "loan"}]})",
       "duplicate_id", "commissions[1].id", 1, 60,
       "duplicate id \"G1\": commissions[0] has it too"},
      {R"({"commissions": [{"id": "G1", "approach": "grant", "provider": "org-9"}]})",
       "unknown_organisation", "commissions[0].provider", 1, 64,
       "no organisation has the id \"org-9\"; add it to organisations"},
      {R"({"commissions": [{"id": "G1", "approach": "grnt"}]})", "invalid_enum",
       "commissions[0].approach", 1, 43,
       "\"grnt\" is not an approach; expected one of grant, contract, loan, training, premises, "
       "other (did you "
       "mean \"grant\"?)"},
      {R"({"consultations": [{"id": "C1", "policy": "P-9"}]})", "unknown_policy",
       "consultations[0].policy", 1, 43, "no policy has the id \"P-9\"; add it to policies"},
      {R"({"commissions": [{"approach": "grant"}]})", "missing_field", "commissions[0].id", 1, 18,
       "required text field \"id\" is missing"},
      {R"({"commissions": [{"id": "G1", "approach": "grant", "value_pence": 12.5}]})",
       "invalid_number", "commissions[0].value_pence", 1, 67,
       "expected a whole, non-negative number of pence"},
      {R"({"commissions": [{"id": "G1", "approach": "grant", "value_pence": -100}]})",
       "invalid_number", "commissions[0].value_pence", 1, 67, "non-negative"},
      {R"({"consultations": [{"id": "C1", "responses_received": 99999999999999999999}]})",
       "invalid_number", "consultations[0].responses_received", 1, 55, "expected a whole number"},
      {R"({"consultations": [{"id": "C1", "opens_on": "2025-01-06", "opens_on": "2025-01-07"}]})",
       "duplicate_field", "consultations[0].opens_on", 1, 71,
       "\"opens_on\" appears more than once in this object"},
      {"{\"commissions\": [{\"id\": \"G1\",, }]}", "syntax", "", 1, 30, "invalid JSON here"},
      {"{\"commissions\": [", "syntax", "", 1, 18, "the JSON ends too soon"},
      {"{\"commissions\": []} x", "syntax", "", 1, 21, "unexpected text after the end"},
      {"{\"consultations\": [{\"id\": \"C\xff\"}]}", "syntax", "", 1, 29,
       "the text is not valid UTF-8"},
      {"[]", "wrong_type", "", 1, 1, "expected an object, found an array"},
  };
  for (const ErrorCase& c : cases) {
    const CaseReadResult read = read_case(c.json);
    EXPECT_FALSE(read.ok()) << c.json;
    ASSERT_EQ(read.problems.size(), 1u)
        << c.json << "\n"
        << (read.problems.empty() ? "" : to_string(read.problems[1]));
    const Problem& p = read.problems[0];
    EXPECT_EQ(p.code, c.code) << c.json;
    EXPECT_EQ(p.path, c.path) << c.json;
    EXPECT_EQ(std::pair(p.line, p.column), std::pair(c.line, c.column)) << c.json << "\n"
                                                                        << to_string(p);
    EXPECT_THAT(p.message, HasSubstr(c.message)) << c.json;
  }
}

TEST(CaseJson, CollectsEveryProblemInOnePassInReadingOrder) {
  const CaseReadResult read = read_case(R"({
  "organisations": [{"id": "sbc", "sector": "public"}],
  "commissions": [{"id": "G1", "approach": "grnt", "commissioner": "sbcc",
    "payments": [{"id": "P1", "kind": "invoice", "paid_on": "2025-02-30", "recieved_on": "2025-01-01"}]}]
})");
  std::vector<std::string> codes;
  for (const Problem& p : read.problems) codes.push_back(p.code + "@" + std::to_string(p.line));
  EXPECT_THAT(codes, ::testing::ElementsAre("invalid_enum@3", "unknown_organisation@3",
                                            "invalid_date@4", "unknown_field@4"));
  EXPECT_THAT(
      parse_case("{\"commissions\": [{}]}"),
      StatusIs(
          absl::StatusCode::kInvalidArgument,
          HasSubstr("commissions[0].id (line 1, column 18): required text field \"id\" is missing "
                    "(and 1 more error)")));
}

TEST(CaseJson, ByteOrderMarksAndEncoding) {
  // A UTF-8 byte order mark is skipped, and positions count from after it.
  EXPECT_TRUE(read_case("\xEF\xBB\xBF{\"policies\": [{\"id\": \"P\"}]}").ok());
  const CaseReadResult bom = read_case("\xEF\xBB\xBF{\"policies\": [{}]}");
  ASSERT_EQ(bom.problems.size(), 1u);
  EXPECT_EQ(std::pair(bom.problems[0].line, bom.problems[0].column), std::pair(1, 15));
  // Well-formed UTF-8 where JSON does not allow it is a syntax error, not an encoding one.
  EXPECT_EQ(read_case("{\"policies\": é}").problems.at(0).message,
            "invalid JSON here (a missing comma, quote or bracket?)");
  // Overlong forms, surrogates and truncated sequences are not UTF-8.
  for (const char* bad :
       {"{\"policies\": [{\"id\": \"\xC0\xAF\"}]}", "{\"policies\": [{\"id\": \"\xED\xA0\x80\"}]}",
        "{\"policies\": [{\"id\": \"\xE2\x82\"}]}",
        "{\"policies\": [{\"id\": \"\xF4\x90\x80\x80\"}]}"}) {
    const CaseReadResult read = read_case(bad);
    ASSERT_EQ(read.problems.size(), 1u) << bad;
    EXPECT_EQ(read.problems[0].message, "the text is not valid UTF-8");
    EXPECT_EQ(read.problems[0].column, 23);  // the first byte after {"policies": [{"id": "
  }
  // Characters beyond ASCII in strings are text like any other, and columns count them as one each.
  const CaseReadResult accents = read_case("{\"policies\": [{\"id\": \"é\", \"title\": 3}]}");
  ASSERT_EQ(accents.problems.size(), 1u);
  EXPECT_EQ(accents.problems[0].column, 36);  // counted by Python's str.index, in characters
}

// Keys compare as decoded, as Boost.JSON reads them: an escaped repeat is still a repeat, and errors are
// placed at the copy the document keeps (the last).
TEST(CaseJson, EscapedAndRepeatedKeys) {
  const std::string escaped =
      R"({"organisations": [{"id": "a", "sector": "vcse", "\u0069d": "b"}]})";
  const CaseReadResult read = read_case(escaped);
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].code, "duplicate_field");
  EXPECT_EQ(read.problems[0].path, "organisations[0].id");
  EXPECT_EQ(read.problems[0].column, static_cast<int>(escaped.find("\"b\"")) + 1);

  const std::string twice = R"({"policies": [{"id": "P"}], "policies": [{"id": "Q", "title": 1}]})";
  const CaseReadResult last = read_case(twice);
  ASSERT_EQ(last.problems.size(), 2u);
  EXPECT_EQ(last.problems[1].path, "policies[0].title");
  EXPECT_EQ(last.problems[1].column, static_cast<int>(twice.find("1}")) + 1);

  const std::string unknown = R"({"polic\u0069es": [{"id": "P", "t\u0069tle": 1}]})";
  const CaseReadResult decoded = read_case(unknown);
  ASSERT_EQ(decoded.problems.size(), 1u);
  EXPECT_EQ(decoded.problems[0].path, "policies[0].title");
  EXPECT_EQ(decoded.problems[0].column, static_cast<int>(unknown.find("1}")) + 1);
}

// The reader streams: keys may come in any order, and a reference may come before the organisation it
// names.
TEST(CaseJson, KeysInAnyOrderAndReferencesBeforeTheirTargets) {
  const CaseReadResult read = read_case(R"({
    "commissions": [{"provider": "larder", "approach": "grant", "id": "G1"}],
    "organisations": [{"sector": "vcse", "id": "larder"}]})");
  EXPECT_TRUE(read.ok()) << (read.problems.empty() ? "" : to_string(read.problems[0]));
  ASSERT_EQ(read.value.commissions.size(), 1u);
  EXPECT_EQ(read.value.commissions[0].provider->id, "larder");
  EXPECT_EQ(read.value.organisations.at(0).sector, Sector::kVcse);
}

// Boost.JSON hands over a long string with escapes in parts (its buffer holds 4 KiB); the parts must
// join into exactly the decoded text, for values and for keys, and count towards the string limit.
TEST(CaseJson, LongEscapedStringsArriveWhole) {
  std::string escaped, decoded;
  for (int i = 0; i < 3000; ++i) {
    escaped += "\\u00e9\\n";
    decoded += "\xC3\xA9\n";
  }
  const CaseReadResult read =
      read_case(R"({"policies": [{"id": "P", "title": ")" + escaped + "\"}]}");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read.value.policies.at(0).title, decoded);

  const CaseReadResult key = read_case(R"({"policies": [{"id": "P", ")" + escaped + "\": 1}]}");
  ASSERT_EQ(key.problems.size(), 1u);
  EXPECT_EQ(key.problems[0].code, "unknown_field");
  EXPECT_EQ(key.problems[0].path, "policies[0]." + decoded);

  ReadLimits limits;
  limits.max_string_bytes = 8000;
  const CaseReadResult limited =
      read_case(R"({"policies": [{"id": "P", "title": ")" + escaped + "\"}]}", limits);
  ASSERT_EQ(limited.problems.size(), 1u);
  EXPECT_EQ(limited.problems[0].message,
            "the string is " + std::to_string(decoded.size()) + " bytes; the limit is 8000");
}

TEST(CaseJson, MessagesEchoUserTextSafely) {
  const CaseReadResult read = read_case("{\"policies\": [{\"id\": \"P\", \"\\u001b[31mred\": 1}]}");
  ASSERT_EQ(read.problems.size(), 1u);
  EXPECT_EQ(read.problems[0].message, "unknown field \"\\x1B[31mred\" in a policy");
  const std::string long_id(10000, 'x');
  const CaseReadResult refs = read_case(
      "{\"commissions\": [{\"id\": \"G\", \"approach\": \"grant\", "
      "\"provider\": \"" +
      long_id + "\"}]}");
  ASSERT_EQ(refs.problems.size(), 1u);
  EXPECT_LT(refs.problems[0].message.size(), 120u);
  EXPECT_THAT(refs.problems[0].message, HasSubstr("xxxx…\""));
  EXPECT_EQ(read_case(R"({"policies": [{"id": "\udc00"}]})").problems.at(0).message,
            "a \\u escape is half of a surrogate pair, which is not a character");
  EXPECT_EQ(read_case(R"({"policies": [{"id": null}]})").problems.at(0).message,
            "required text field \"id\" is null; it must be recorded");
}

// Inputs built to be slow: many keys in one object, many bad references. Each must finish as fast as it
// is read, with its problems capped.
TEST(CaseJson, HostileShapesStayLinear) {
  std::string wide = "{\"policies\": [{\"id\": \"P\"";
  for (int i = 0; i < 20000; ++i) wide += ", \"k" + std::to_string(i) + "\": 1";
  wide += ", \"k7\": 2}]}";
  const CaseReadResult read = read_case(wide);
  ASSERT_EQ(read.problems.size(), 101u);
  EXPECT_EQ(read.problems.back().code, "too_many_problems");
  ReadLimits no_cap;
  no_cap.max_problems = 100'000;
  const CaseReadResult all = read_case(wide, no_cap);
  const auto count = [&](std::string_view code) {
    return std::count_if(all.problems.begin(), all.problems.end(),
                         [&](const Problem& p) { return p.code == code; });
  };
  EXPECT_EQ(count("unknown_field"), 20001);
  EXPECT_EQ(count("duplicate_field"), 1);

  std::string refs = "{\"organisations\": [";
  for (int i = 0; i < 5000; ++i)
    refs += (i ? ", " : "") + std::string("{\"id\": \"org-") + std::to_string(i) +
            "\", \"sector\": \"vcse\"}";
  refs += "], \"commissions\": [";
  for (int i = 0; i < 5000; ++i) {
    refs += (i ? ", " : "") + std::string("{\"id\": \"G") + std::to_string(i) +
            "\", \"approach\": \"grant\", \"provider\": \"nobody-" + std::to_string(i) + "\"}";
  }
  refs += "]}";
  const CaseReadResult bad_refs = read_case(refs);
  ASSERT_EQ(bad_refs.problems.size(), 101u);
  EXPECT_EQ(bad_refs.problems.back().message, "4900 more problems not listed (the limit is 100)");
}

TEST(CaseJson, LimitsAreEnforcedWithClearErrors) {
  ReadLimits limits;
  limits.max_document_bytes = 100;
  EXPECT_EQ(read_case(std::string(200, ' '), limits).problems.at(0).message,
            "the document is larger than the limit of 100 bytes");
  limits = {};
  const std::string deep = std::string(40, '[') + std::string(40, ']');
  EXPECT_EQ(read_case(deep).problems.at(0).code, "limit");
  EXPECT_EQ(read_case(deep).problems.at(0).message, "the document is nested too deeply");
  limits.max_string_bytes = 10;
  EXPECT_THAT(
      read_case(R"({"policies": [{"id": "P", "title": "a title longer than ten bytes"}]})", limits)
          .problems.at(0)
          .message,
      HasSubstr("the string is 29 bytes; the limit is 10"));
  limits = {};
  limits.max_list_length = 2;
  EXPECT_THAT(read_case(R"({"policies": [{"id": "1"}, {"id": "2"}, {"id": "3"}]})", limits)
                  .problems.at(0)
                  .message,
              HasSubstr("the list has 3 entries; the limit is 2"));
  limits = {};
  limits.max_problems = 3;
  const CaseReadResult many = read_case(R"({"policies": [{}, {}, {}, {}, {}, {}]})", limits);
  ASSERT_EQ(many.problems.size(), 4u);
  EXPECT_EQ(many.problems.back().code, "too_many_problems");
  EXPECT_EQ(many.problems.back().message, "3 more problems not listed (the limit is 3)");
}

// One random edit of `text`: a byte replaced, up to `max_erased` bytes erased, or a byte inserted,
// the bytes those that matter to JSON and to UTF-8. An emptied text becomes "{".
void corrupt(std::string& text, std::mt19937& random, size_t max_erased) {
  const std::string bytes = "{}[]\",:0123456789-.eE \n\\tnfu\xff\x80";
  const size_t at = random() % text.size();
  switch (random() % 3) {
    case 0:
      text[at] = bytes[random() % bytes.size()];
      break;
    case 1:
      text.erase(at, 1 + random() % max_erased);
      break;
    case 2:
      text.insert(at, 1, bytes[random() % bytes.size()]);
      break;
  }
  if (text.empty()) text = "{";
}

// Hostile input: thousands of corruptions of a real case. Each must be read without a crash, and either
// be valid or carry at least one error with a known code.
TEST(CaseJson, CorruptedDocumentsNeverCrash) {
  const std::string original =
      read_file(std::string(COMPACT_EXAMPLES_DIR) + "/grant-with-invoices.json");
  const std::set<std::string> codes = {"syntax",           "limit",
                                       "wrong_type",       "missing_field",
                                       "unknown_field",    "duplicate_field",
                                       "invalid_date",     "out_of_range",
                                       "invalid_enum",     "invalid_number",
                                       "duplicate_id",     "unknown_organisation",
                                       "unknown_policy",   "inconsistent_dates",
                                       "too_many_problems"};
  std::mt19937 random(20141);
  for (int round = 0; round < 3000; ++round) {
    std::string text = original;
    const int edits = 1 + static_cast<int>(random() % 4);
    for (int e = 0; e < edits; ++e) corrupt(text, random, 20);
    const CaseReadResult read = read_case(text);
    for (const Problem& p : read.problems) {
      ASSERT_TRUE(codes.contains(p.code)) << p.code << " for\n" << text;
      ASSERT_FALSE(p.message.empty());
    }
    if (read.ok()) {
      ASSERT_EQ(read_case(write_case(read.value)).value, read.value);
    }
  }
}

// Whether two reads of a document came out the same: the same case and the same problems.
void expect_same_read(const CaseReadResult& a, const CaseReadResult& b, std::string_view text) {
  ASSERT_EQ(a.value, b.value) << text;
  ASSERT_EQ(a.problems.size(), b.problems.size()) << text;
  for (size_t i = 0; i < a.problems.size(); ++i) {
    ASSERT_EQ(to_string(a.problems[i]), to_string(b.problems[i])) << text;
    ASSERT_EQ(a.problems[i].code, b.problems[i].code) << text;
  }
}

// The fast path (fast_case_reader.hpp) reads a well-formed document of every field of every entity,
// every type of value among them, and the examples, to the case the full reader reads.
TEST(FastPath, ReadsEveryFieldOfEveryEntityAsTheFullReaderDoes) {
  // The filler's texts hold a backslash, which the fast path leaves to the full reader: a slash
  // instead keeps them plain (and UTF-8, with the filler's curly quotes and dash).
  std::vector<std::string> documents = {
      absl::StrReplaceAll(write_case(every_field_recorded()), {{"\\\\", "/"}})};
  for (const char* name : {"grant-with-invoices.json", "shortened-consultation.json",
                           "contract-ended-with-notice.json"}) {
    documents.push_back(read_file(std::string(COMPACT_EXAMPLES_DIR) + "/" + name));
  }
  for (const std::string& text : documents) {
    Case fast;
    ASSERT_TRUE(read_case_fast(text, ReadLimits{}, fast)) << text;
    const CaseReadResult full = read_case_in_full(text, nullptr);
    EXPECT_TRUE(full.ok());
    EXPECT_EQ(fast, full.value);
    expect_same_read(read_case(text), full, text);
  }
}

// Each object's keys, reordered by `order` (given the keys in document order), recursively.
boost::json::value with_keys_reordered(
    const boost::json::value& v, const std::function<void(std::vector<std::string_view>&)>& order) {
  if (v.is_array()) {
    boost::json::array out;
    for (const boost::json::value& entry : v.get_array()) {
      out.push_back(with_keys_reordered(entry, order));
    }
    return out;
  }
  if (!v.is_object()) return v;
  std::vector<std::string_view> keys;
  for (const auto& [key, value] : v.get_object()) keys.emplace_back(key.data(), key.size());
  order(keys);
  boost::json::object out;
  for (const std::string_view key : keys) {
    const boost::json::string_view k(key.data(), key.size());
    out[k] = with_keys_reordered(v.get_object().at(k), order);
  }
  return out;
}

// The fast path first takes each key to be the field after the last (write_case's order, the
// schema's): the same documents with their keys in the schema's order, reversed and shuffled, and
// keys that differ from the field expected only at their end, read as the full reader reads them.
TEST(FastPath, ReadsKeysInAnyOrderAsTheFullReaderDoes) {
  const boost::json::value every_field =
      boost::json::parse(absl::StrReplaceAll(write_case(every_field_recorded()), {{"\\\\", "/"}}));
  std::mt19937 random(2017);
  const std::vector<std::function<void(std::vector<std::string_view>&)>> orders = {
      [](std::vector<std::string_view>&) {},
      [](std::vector<std::string_view>& keys) { std::reverse(keys.begin(), keys.end()); },
      [&](std::vector<std::string_view>& keys) { std::shuffle(keys.begin(), keys.end(), random); },
      [&](std::vector<std::string_view>& keys) { std::shuffle(keys.begin(), keys.end(), random); },
  };
  for (const auto& order : orders) {
    const std::string text = boost::json::serialize(with_keys_reordered(every_field, order));
    Case fast;
    ASSERT_TRUE(read_case_fast(text, ReadLimits{}, fast)) << text;
    const CaseReadResult full = read_case_in_full(text, nullptr);
    ASSERT_TRUE(full.ok()) << text;
    EXPECT_EQ(fast, full.value);
    expect_same_read(read_case(text), full, text);
  }
  // "id" is expected first, then "kind", then "amount_pence": keys one byte short or long of them.
  for (const char* payment :
       {R"({"i": "INV-1", "kind": "invoice"})", R"({"idx": "INV-1", "kind": "invoice"})",
        R"({"id": "INV-1", "kin": "invoice"})", R"({"id": "INV-1", "kinds": "invoice"})",
        R"({"id": "INV-1", "kind": "invoice", "amount_penc": 1})",
        R"({"id": "INV-1", "kind": "invoice", "amount_pence_": 1})"}) {
    const std::string text = absl::StrCat(
        R"({"commissions": [{"id": "G1", "approach": "grant", "payments": [)", payment, "]}]}");
    Case fast;
    EXPECT_FALSE(read_case_fast(text, ReadLimits{}, fast)) << text;
    expect_same_read(read_case(text), read_case_in_full(text, nullptr), text);
  }
}

// What the fast path does not read, it leaves whole to the full reader: each of these documents it
// gives up on, and read_case reports on it exactly as the full reader alone does.
TEST(FastPath, LeavesEverythingElseToTheFullReader) {
  const std::string payment =
      R"("kind": "invoice", "amount_pence": 125000, "received_on": "2025-01-03")";
  const auto with_payment = [](const std::string& fields) {
    return R"({"organisations": [{"id": "sbc", "name": "Council", "sector": "public", "kind": "council"}],
  "commissions": [{"id": "G1", "commissioner": "sbc", "approach": "grant", "payments": [{)" +
           fields + "}]}]}";
  };
  const std::string plain = with_payment(absl::StrCat(R"("id": "INV-1", )", payment));
  Case read;
  ASSERT_TRUE(read_case_fast(plain, ReadLimits{}, read));
  const std::vector<std::string> documents = {
      with_payment(absl::StrCat(R"("id": "INV\u002d1", )", payment)),  // an escape
      with_payment(absl::StrCat(R"("\u0069d": "INV-1", )", payment)),  // an escape in a key
      with_payment(absl::StrCat(R"("i\"d": "INV-1", "id": "INV-1", )", payment)),  // and a quote
      with_payment(absl::StrCat(R"("id": "INV-1", "id": "INV-2", )", payment)),    // a repeated key
      with_payment(absl::StrCat(R"("id": "INV-1", "colour": "red", )", payment)),  // unknown
      with_payment(absl::StrCat(R"("id": null, )", payment)),                // a required null
      with_payment(R"("id": "INV-1", "kind": "invoice", "paid_on": null)"),  // an optional null
      with_payment(R"("id": "INV-1", "kind": "invoice", "amount_pence": -0)"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "amount_pence": -5)"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "amount_pence": 1.5)"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "amount_pence": 1e3)"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "amount_pence": 012)"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "amount_pence": 9223372036854775807)"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "amount_pence": 99999999999999999999)"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "amount_pence": "12")"),
      with_payment(R"("id": "INV-1", "kind": "cheque")"),  // not an enum value
      with_payment(R"("id": "INV-1")"),                    // a required field
      with_payment(R"("id": "INV-1", "kind": "invoice", "received_on": "2025-02-29")"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "received_on": "1899-12-31")"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "received_on": "2025-1-03")"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "received_on": "2025-01-03T00")"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "received_on": 20250103)"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "in_advance": "yes")"),
      with_payment(R"("id": "INV-1", "kind": "invoice", "in_advance": tru)"),
      with_payment(R"("id": "INV-1", "kind": "invoice",)"),            // a trailing comma
      with_payment("\"id\": \"INV\x01\", \"kind\": \"invoice\""),      // a control
      with_payment("\"id\": \"INV\xC3\x28\", \"kind\": \"invoice\""),  // not UTF-8
      plain + " x",                                                    // after the end
      plain.substr(0, plain.size() - 1),                               // cut short
      "[" + plain + "]",
      "",
  };
  for (const std::string& text : documents) {
    Case fast;
    EXPECT_FALSE(read_case_fast(text, ReadLimits{}, fast)) << text;
    expect_same_read(read_case(text), read_case_in_full(text, nullptr), text);
  }
  // The limits, lowered: a list one longer, a string one longer, one container deeper.
  const std::string two_payments =
      with_payment(absl::StrCat(R"("id": "INV-1", )", payment, R"(}, {"id": "INV-2", )", payment));
  for (const ReadLimits limits : {ReadLimits{.max_list_length = 1},
                                  ReadLimits{.max_string_bytes = 4}, ReadLimits{.max_depth = 4}}) {
    Case fast;
    EXPECT_FALSE(read_case_fast(two_payments, limits, fast));
    expect_same_read(read_case(two_payments, limits),
                     read_case_in_full(two_payments, nullptr, limits), two_payments);
  }
  // A field a pack declares is the full reader's too.
  FieldDeclarations declared;
  ASSERT_TRUE(declared.declare("payment", "cost_centre", FieldKind::kText).ok());
  const std::string with_declared =
      with_payment(absl::StrCat(R"("id": "INV-1", "cost_centre": "CC7", )", payment));
  const CaseReadResult full = read_case_in_full(with_declared, &declared);
  ASSERT_TRUE(full.ok());
  expect_same_read(read_case(with_declared, declared), full, with_declared);
}

// Thousands of corruptions of a real case, some that the fast path still reads (white space, a
// digit of an amount) and most that it leaves: read_case reads each as the full reader alone does.
TEST(FastPath, CorruptedDocumentsReadAsTheFullReaderReadsThem) {
  const std::string original =
      read_file(std::string(COMPACT_EXAMPLES_DIR) + "/grant-with-invoices.json");
  std::mt19937 random(2014);
  int fast_reads = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text = original;
    corrupt(text, random, 4);
    Case fast;
    if (read_case_fast(text, ReadLimits{}, fast)) ++fast_reads;
    expect_same_read(read_case(text), read_case_in_full(text, nullptr), text);
  }
  EXPECT_GT(fast_reads, 100);
  EXPECT_LT(fast_reads, 2900);
}

// A result that held a case, read into again, comes out as a new one would, whatever the two
// documents: each of many (valid ones the fast path reads, with keys in any order; ones it leaves
// to the full reader; invalid ones; one with declared fields) read into a result after each other.
TEST(ReadInto, AResultThatHeldAnyCaseComesOutAsANewOne) {
  std::vector<std::string> documents = {"{}", R"({"organisations": []})"};
  for (const char* name : {"grant-with-invoices.json", "shortened-consultation.json",
                           "contract-ended-with-notice.json"}) {
    documents.push_back(read_file(std::string(COMPACT_EXAMPLES_DIR) + "/" + name));
  }
  const std::string every_field =
      absl::StrReplaceAll(write_case(every_field_recorded()), {{"\\\\", "/"}});
  documents.push_back(every_field);
  documents.push_back(boost::json::serialize(with_keys_reordered(
      boost::json::parse(every_field),
      [](std::vector<std::string_view>& keys) { std::reverse(keys.begin(), keys.end()); })));
  documents.push_back(write_case(every_field_recorded()));  // escapes: the full reader's
  std::mt19937 random(2018);
  for (int i = 0; i < 12; ++i) {
    std::string text = documents[2 + static_cast<size_t>(i) % 3];
    corrupt(text, random, 4);
    documents.push_back(text);
  }
  FieldDeclarations declared;
  ASSERT_TRUE(declared.declare("payment", "cost_centre", FieldKind::kText).ok());
  const std::string with_declared =
      R"({"commissions": [{"id": "G1", "approach": "grant", "payments": [{"id": "INV-1", "kind": "invoice", "cost_centre": "CC7"}]}]})";
  documents.push_back(with_declared);
  for (const std::string& before : documents) {
    for (const std::string& text : documents) {
      CaseReadResult result;
      read_case(before, declared, result);
      read_case(text, declared, result);
      expect_same_read(result, read_case(text, declared), text);
    }
  }
  CaseReadResult result;
  read_case(with_declared, declared, result);
  read_case(documents[0], result);  // without the declarations
  expect_same_read(result, read_case(documents[0]), documents[0]);
}

// A document read again into the result that holds its case allocates nothing: its lists, entries
// and texts are where they were.
TEST(ReadInto, ReadingAgainIntoTheSameResultAllocatesNothing) {
  const std::string text =
      read_file(std::string(COMPACT_EXAMPLES_DIR) + "/grant-with-invoices.json");
  CaseReadResult result;
  read_case(text, result);
  ASSERT_TRUE(result.ok());
  const uint64_t before = testing::allocations();
  read_case(text, result);
  EXPECT_EQ(testing::allocations() - before, 0u);
  EXPECT_EQ(result.value, read_case(text).value);
}

// DESIGN.md fixes these names as a contract; the schema must keep them, with these types.
TEST(Schema, KeepsTheDesignContractFieldNames) {
  struct Expected {
    const EntityInfo& entity;
    std::vector<std::pair<std::string_view, FieldKind>> fields;
  };
  const Expected expected[] = {
      {Case::kInfo,
       {{"organisations", FieldKind::kList},
        {"consultations", FieldKind::kList},
        {"commissions", FieldKind::kList}}},
      {Organisation::kInfo,
       {{"id", FieldKind::kText},
        {"name", FieldKind::kText},
        {"sector", FieldKind::kEnum},
        {"kind", FieldKind::kEnum}}},
      {Consultation::kInfo,
       {{"id", FieldKind::kText},
        {"lead", FieldKind::kOrganisation},
        {"title", FieldKind::kText},
        {"significant_effect_on_vcse", FieldKind::kBool},
        {"notice_given_on", FieldKind::kDate},
        {"opens_on", FieldKind::kDate},
        {"closes_on", FieldKind::kDate},
        {"catalyst_involved_on", FieldKind::kDate},
        {"shortened_explanation", FieldKind::kText},
        {"feedback_published_on", FieldKind::kDate}}},
      {Commission::kInfo,
       {{"id", FieldKind::kText},
        {"commissioner", FieldKind::kOrganisation},
        {"provider", FieldKind::kOrganisation},
        {"approach", FieldKind::kEnum},
        {"decision_notified_on", FieldKind::kDate},
        {"start_on", FieldKind::kDate},
        {"end_on", FieldKind::kDate},
        {"term_explanation", FieldKind::kText},
        {"decision_delay_explanation", FieldKind::kText},
        {"delivery_terms_agreed_on", FieldKind::kDate},
        {"monitoring_agreed_on", FieldKind::kDate},
        {"agreement_signed_on", FieldKind::kDate},
        {"underspend_terms_agreed", FieldKind::kBool},
        {"payments", FieldKind::kList},
        {"ending", FieldKind::kEntity}}},
      {Payment::kInfo,
       {{"id", FieldKind::kText},
        {"kind", FieldKind::kEnum},
        {"received_on", FieldKind::kDate},
        {"paid_on", FieldKind::kDate},
        {"alternative_terms_agreed", FieldKind::kBool},
        {"agreed_pay_by", FieldKind::kDate}}},
      {Ending::kInfo,
       {{"decided_on", FieldKind::kDate},
        {"impact_assessed_on", FieldKind::kDate},
        {"notice_given_on", FieldKind::kDate},
        {"notice_in_writing", FieldKind::kBool},
        {"rationale", FieldKind::kText},
        {"ends_on", FieldKind::kDate},
        {"central_government_notice_received_on", FieldKind::kDate}}},
  };
  for (const Expected& e : expected) {
    for (const auto& [name, kind] : e.fields) {
      const FieldInfo* field = e.entity.field(name);
      ASSERT_NE(field, nullptr) << e.entity.name << "." << name;
      EXPECT_EQ(field->kind, kind) << e.entity.name << "." << name;
    }
  }
  EXPECT_THAT(Commission::kInfo.field("approach")->enumeration->values,
              ::testing::ElementsAre("grant", "contract", "loan", "training", "premises", "other"));
  EXPECT_THAT(Payment::kInfo.field("kind")->enumeration->values,
              ::testing::ElementsAre("invoice", "grant_claim"));
  EXPECT_THAT(Organisation::kInfo.field("sector")->enumeration->values,
              ::testing::ElementsAre("public", "vcse", "private"));
}

// Date checks about the data itself (docs/case-documents.md): errors when impossible, warnings when odd.
TEST(CaseJson, DatesThatContradictEachOther) {
  struct Check {
    const char* json;
    Problem::Severity severity;
    const char* path;
    const char* message;
  };
  const Check checks[] = {
      {R"({"consultations": [{"id": "C", "opens_on": "2025-03-01", "closes_on": "2025-01-01"}]})",
       Problem::Severity::kError, "consultations[0].closes_on",
       "closes_on (2025-01-01) is before opens_on (2025-03-01)"},
      {R"({"commissions": [{"id": "G", "approach": "grant", "start_on": "2025-04-01", "end_on": "2025-03-31"}]})",
       Problem::Severity::kError, "commissions[0].end_on",
       "end_on (2025-03-31) is before start_on (2025-04-01)"},
      {R"({"commissions": [{"id": "G", "approach": "grant", "payments": [{"id": "P", "kind": "invoice",
          "received_on": "2025-05-02", "paid_on": "2025-05-01"}]}]})",
       Problem::Severity::kError, "commissions[0].payments[0].paid_on",
       "paid_on (2025-05-01) is before received_on (2025-05-02)"},
      {R"({"commissions": [{"id": "G", "approach": "grant", "ending": {"notice_given_on": "2025-06-01",
          "ends_on": "2025-05-31"}}]})",
       Problem::Severity::kError, "commissions[0].ending.ends_on",
       "ends_on (2025-05-31) is before notice_given_on (2025-06-01)"},
      {R"({"disputes": [{"id": "D", "raised_on": "2025-02-01", "resolved_on": "2025-01-01"}]})",
       Problem::Severity::kError, "disputes[0].resolved_on",
       "resolved_on (2025-01-01) is before raised_on (2025-02-01)"},
      {R"({"disputes": [{"id": "D", "stages": [{"name": "meeting", "started_on": "2025-02-01", "completed_on": "2025-01-31"}]}]})",
       Problem::Severity::kError, "disputes[0].stages[0].completed_on",
       "completed_on (2025-01-31) is before started_on"},
      {R"({"equality_records": [{"id": "E", "kind": "action_plan", "adopted_on": "2025-01-01", "reviewed_on": "2024-12-01"}]})",
       Problem::Severity::kWarning, "equality_records[0].reviewed_on",
       "reviewed_on (2024-12-01) is before adopted_on"},
  };
  for (const Check& c : checks) {
    const CaseReadResult read = read_case(c.json);
    ASSERT_EQ(read.problems.size(), 1u) << c.json;
    EXPECT_EQ(read.problems[0].code, "inconsistent_dates");
    EXPECT_EQ(read.problems[0].severity, c.severity) << c.json;
    EXPECT_EQ(read.problems[0].path, c.path);
    EXPECT_THAT(read.problems[0].message, HasSubstr(c.message));
    EXPECT_EQ(read.ok(), c.severity == Problem::Severity::kWarning);
  }
  // A payment in advance of expenditure may be paid before the claim is received.
  EXPECT_TRUE(
      read_case(R"({"commissions": [{"id": "G", "approach": "grant", "payments": [{"id": "P",
      "kind": "grant_claim", "in_advance": true, "received_on": "2025-05-02", "paid_on": "2025-04-01"}]}]})")
          .problems.empty());
  // The same day is never a contradiction.
  EXPECT_TRUE(
      read_case(
          R"({"consultations": [{"id": "C", "opens_on": "2025-03-01", "closes_on": "2025-03-01"}]})")
          .problems.empty());
}

TEST(Schema, JsonSchemaInDocsIsGeneratedFromIt) {
  EXPECT_EQ(read_file(std::string(COMPACT_DOCS_DIR) + "/case.schema.json"), case_json_schema())
      << "run: build/dev/bin/compact schema --json-schema > docs/case.schema.json";
}

TEST(Schema, FieldReferenceInDocsIsGeneratedFromIt) {
  EXPECT_EQ(read_file(std::string(COMPACT_DOCS_DIR) + "/case-fields.md"), case_field_reference())
      << "run: build/dev/bin/compact schema > docs/case-fields.md";
}

}  // namespace
}  // namespace compact

namespace compact {
namespace {

// check_case makes read_case's checks on a case built in C++: on what read_case read, it finds what
// read_case found after reading (ids, references, dates against each other), by path, code and
// message.
TEST(CheckCase, FindsWhatReadCaseFindsOnceRead) {
  const char* documents[] = {
      R"({"organisations": [{"id": "sbc", "name": "Council", "sector": "public", "kind": "council"}],
          "commissions": [{"id": "G", "approach": "grant", "commissioner": "sbd",
            "start_on": "2025-04-01", "end_on": "2025-03-31",
            "payments": [{"id": "P", "kind": "invoice", "received_on": "2025-05-02", "paid_on": "2025-05-01"},
                         {"id": "P", "kind": "invoice"}]}]})",
      R"({"consultations": [{"id": "C", "opens_on": "2025-03-01", "closes_on": "2025-01-01"},
                             {"id": "C", "opens_on": "2025-03-01"}]})",
  };
  for (const char* json : documents) {
    const CaseReadResult read = read_case(json);
    ASSERT_FALSE(read.problems.empty()) << json;
    std::vector<std::string> found_by_reading;
    for (const Problem& p : read.problems) {
      found_by_reading.push_back(p.code + " " + p.path + ": " + p.message);
    }
    std::vector<std::string> found_by_checking;
    for (const Problem& p : check_case(read.value)) {
      EXPECT_EQ(p.line, 0) << p.message;
      found_by_checking.push_back(p.code + " " + p.path + ": " + p.message);
    }
    std::sort(found_by_reading.begin(), found_by_reading.end());
    std::sort(found_by_checking.begin(), found_by_checking.end());
    EXPECT_EQ(found_by_checking, found_by_reading) << json;
  }
  for (const char* name : {"grant-with-invoices.json", "shortened-consultation.json",
                           "contract-ended-with-notice.json"}) {
    const CaseReadResult read =
        read_case(read_file(std::string(COMPACT_EXAMPLES_DIR) + "/" + name));
    EXPECT_TRUE(check_case(read.value).empty()) << name;
  }
}

// What only a case built in C++ can hold: dates no document can carry.
TEST(CheckCase, DatesOutsideTheSupportedRangeAndNotADate) {
  Case c;
  Commission g;
  g.id = "G";
  g.start_on = Date(1850, 3, 1);
  Payment p;
  p.id = "P";
  p.paid_on = Date(boost::gregorian::not_a_date_time);
  ExtraValue approved;
  approved.name = "approved_on";
  approved.kind = FieldKind::kDate;
  approved.day = Date(2250, 1, 1);
  p.extra.push_back(approved);
  g.payments.push_back(p);
  c.commissions.push_back(g);
  std::vector<std::string> found;
  for (const Problem& problem : check_case(c)) {
    found.push_back(problem.code + " " + problem.path + ": " + problem.message);
  }
  EXPECT_THAT(found,
              ::testing::UnorderedElementsAre(
                  "out_of_range commissions[0].start_on: 1850-03-01 is outside the supported range "
                  "1900-01-01 to 2199-12-31",
                  "invalid_date commissions[0].payments[0].paid_on: not a date (a special value "
                  "such as not_a_date_time)",
                  "out_of_range commissions[0].payments[0].approved_on: 2250-01-01 is outside the "
                  "supported range 1900-01-01 to 2199-12-31"));
}

}  // namespace
}  // namespace compact
