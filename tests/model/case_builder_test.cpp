#include "compact/model/case_builder.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "boost/json.hpp"
#include "compact/engine/engine.hpp"
#include "compact/util/error_location.hpp"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "support/dates.hpp"
#include "support/document_replay.hpp"
#include "support/status_matchers.hpp"

namespace compact {
namespace {

using ::compact::testing::D;
using ::compact::testing::IsOkAndHolds;
using ::compact::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Optional;
using ::testing::Pair;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::filesystem::path> case_documents() {
  std::vector<std::filesystem::path> documents;
  for (const char* dir : {COMPACT_EXAMPLES_DIR, COMPACT_FUZZ_CORPUS_DIR "/case_document"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (entry.path().extension() == ".json") documents.push_back(entry.path());
    }
  }
  return documents;
}

// The (code, path) of each problem: a built case has no line or column to compare.
std::vector<std::pair<std::string, std::string>> codes_and_paths(const std::vector<Problem>& ps) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const Problem& p : ps) out.emplace_back(p.code, p.path);
  std::sort(out.begin(), out.end());
  return out;
}

// The (code, path, message) of each problem, in order, and whether any has a line or column.
std::vector<std::string> in_order(const std::vector<Problem>& ps) {
  std::vector<std::string> out;
  for (const Problem& p : ps) out.push_back(p.code + " " + p.path + ": " + p.message);
  return out;
}

TEST(CaseBuilder, BuildsEachExampleAsTheReaderReadsIt) {
  const absl::StatusOr<Engine> engine = Engine::with_default_pack();
  ASSERT_TRUE(engine.ok()) << engine.status();
  const std::vector<std::filesystem::path> documents = case_documents();
  ASSERT_GE(documents.size(), 10u);
  for (const std::filesystem::path& path : documents) {
    SCOPED_TRACE(path.string());
    const std::string text = read_file(path);
    const CaseReadResult read = read_case(text, engine->declared_fields());
    ASSERT_TRUE(read.ok()) << (read.problems.empty() ? "" : to_string(read.problems[0]));
    CaseBuilder builder(engine->declared_fields());
    EXPECT_THAT(testing::replay_document(*testing::document_object(text), builder,
                                         engine->declared_fields()),
                IsEmpty());
    const absl::StatusOr<std::shared_ptr<const Case>> built = builder.build();
    ASSERT_TRUE(built.ok()) << built.status();
    EXPECT_EQ(**built, read.value);
    EXPECT_EQ(write_case(**built), write_case(read.value));
  }
}

// Documents with problems only the whole case shows, each met by the builder as by the reader.
TEST(CaseBuilder, FindsTheProblemsTheReaderFinds) {
  const std::vector<std::string> documents = {
      R"({"organisations": [{"id": "a", "sector": "vcse"}, {"id": "a", "sector": "public"}]})",
      R"({"organisations": [{"id": "a"}], "commissions": [{"approach": "grant"}]})",
      R"({"commissions": [{"id": "G1", "approach": "grant", "commissioner": "nobody",
          "payments": [{"id": "P1"}, {"id": "P1", "kind": "invoice"}]}]})",
      R"({"consultations": [{"id": "C1", "opens_on": "2016-03-01", "closes_on": "2016-02-01"}]})",
      R"({"commissions": [{"id": "G1", "approach": "grant", "ending": {}}],
          "disputes": [{}], "policies": [{"id": "P"}, {"id": "P"}]})",
  };
  for (const std::string& text : documents) {
    SCOPED_TRACE(text);
    const CaseReadResult read = read_case(text);
    ASSERT_FALSE(read.ok());
    CaseBuilder builder;
    EXPECT_THAT(
        testing::replay_document(*testing::document_object(text), builder, FieldDeclarations{}),
        IsEmpty());
    EXPECT_EQ(codes_and_paths(builder.problems()), codes_and_paths(read.problems));
    EXPECT_EQ(builder.peek(), read.value);
    // In the order, and the words, of a reader of the builder's own document, with no place given.
    const std::vector<Problem> problems = builder.problems();
    EXPECT_EQ(in_order(problems), in_order(read_case(builder.json()).problems));
    for (const Problem& p : problems) EXPECT_EQ(p.line + p.column, 0) << p.path;
    // build() refuses with the message parse_case gives, places aside.
    EXPECT_THAT(builder.build(), StatusIs(absl::StatusCode::kInvalidArgument,
                                          HasSubstr(builder.problems()[0].message)));
  }
}

TEST(CaseBuilder, SetsEachKindOfField) {
  FieldDeclarations declared;
  ASSERT_TRUE(declared.declare("payment", "approved_on", FieldKind::kDate).ok());
  ASSERT_TRUE(declared.declare("payment", "approver", FieldKind::kText).ok());
  ASSERT_TRUE(declared.declare("payment", "disputed", FieldKind::kBool).ok());
  CaseBuilder b(declared);
  const std::string p = "commissions[0].payments[0].";
  EXPECT_TRUE(b.set_text("organisations[0].id", "sbc").ok());
  EXPECT_TRUE(b.set_text("organisations[0].sector", "public").ok());
  EXPECT_TRUE(b.set_text("commissions[0].id", "G1").ok());
  EXPECT_TRUE(b.set_text("commissions[0].approach", "grant").ok());
  EXPECT_TRUE(b.set_text("commissions[0].commissioner", "sbc").ok());
  EXPECT_TRUE(b.set_text(p + "id", "INV-1").ok());
  EXPECT_TRUE(b.set_text(p + "kind", "invoice").ok());
  EXPECT_TRUE(b.set_date(p + "received_on", D("2016-03-01")).ok());
  EXPECT_TRUE(b.set_money(p + "amount_pence", Money{125'000}).ok());
  // Declared fields, set out of their declared order, are kept in it, as a document's are read.
  EXPECT_TRUE(b.set_bool(p + "disputed", true).ok());
  EXPECT_TRUE(b.set_date(p + "approved_on", D("2016-03-04")).ok());
  EXPECT_TRUE(b.set_text(p + "approver", "J. Smith").ok());
  EXPECT_TRUE(b.add("commissions[0].ending").ok());

  const absl::StatusOr<Case> expected = parse_case(
      R"({"organisations": [{"id": "sbc", "sector": "public"}],
          "commissions": [{"id": "G1", "approach": "grant", "commissioner": "sbc", "ending": {},
            "payments": [{"id": "INV-1", "kind": "invoice", "received_on": "2016-03-01",
                          "amount_pence": 125000, "approver": "J. Smith", "disputed": true,
                          "approved_on": "2016-03-04"}]}]})",
      declared);
  ASSERT_TRUE(expected.ok()) << expected.status();
  const absl::StatusOr<std::shared_ptr<const Case>> built = b.build();
  ASSERT_TRUE(built.ok()) << built.status();
  EXPECT_EQ(**built, *expected);
  EXPECT_EQ(write_case(**built), write_case(*expected));
}

TEST(CaseBuilder, ClearsWhatIsNotRequired) {
  CaseBuilder b;
  ASSERT_TRUE(b.set_text("commissions[0].id", "G1").ok());
  ASSERT_TRUE(b.set_text("commissions[0].approach", "grant").ok());
  ASSERT_TRUE(b.set_date("commissions[0].start_on", D("2016-04-01")).ok());
  ASSERT_TRUE(b.set_date("commissions[0].ending.decided_on", D("2016-06-01")).ok());
  ASSERT_TRUE(b.set_text("commissions[0].payments[0].id", "P1").ok());

  EXPECT_TRUE(b.clear("commissions[0].start_on").ok());
  EXPECT_FALSE(b.peek().commissions[0].start_on.has_value());
  EXPECT_TRUE(b.clear("commissions[0].ending").ok());
  EXPECT_FALSE(b.peek().commissions[0].ending.has_value());
  // The payment's kind was never set: clearing the list takes its missing_field with it.
  EXPECT_THAT(codes_and_paths(b.problems()),
              ElementsAre(Pair("missing_field", "commissions[0].payments[0].kind")));
  EXPECT_TRUE(b.clear("commissions[0].payments").ok());
  EXPECT_THAT(b.problems(), IsEmpty());
  // Clearing what is not there is no change.
  EXPECT_TRUE(b.clear("commissions[0].ending.decided_on").ok());
  EXPECT_TRUE(b.clear("commissions[1].ending").ok());
  EXPECT_EQ(b.peek().commissions.size(), 1u);
  EXPECT_FALSE(b.peek().commissions[0].ending.has_value());

  EXPECT_THAT(b.clear("commissions[0].id"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("commissions[0].id: required, so it cannot be cleared")));
  EXPECT_THAT(b.clear("commissions[0]"),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("clear the whole list")));
}

TEST(CaseBuilder, AddsEntriesInOrderAndCountsThem) {
  CaseBuilder b;
  EXPECT_THAT(b.size("commissions"), IsOkAndHolds(0u));
  EXPECT_THAT(b.size("commissions[0].payments"), IsOkAndHolds(0u));
  EXPECT_TRUE(b.add("commissions[0]").ok());
  EXPECT_TRUE(b.add("commissions[0]").ok());  // there already: no change
  EXPECT_TRUE(b.add("commissions[1].payments[0]").ok());
  EXPECT_THAT(b.size("commissions"), IsOkAndHolds(2u));
  EXPECT_THAT(b.size("commissions[1].payments"), IsOkAndHolds(1u));
  EXPECT_THAT(b.add("commissions[3]"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("commissions[3]: the list has 2 entries, so the next is [2]; [3] "
                                 "would leave a gap")));
  // Each entry made is owed its required fields, as an empty object in a document is.
  EXPECT_THAT(codes_and_paths(b.problems()),
              ElementsAre(Pair("missing_field", "commissions[0].approach"),
                          Pair("missing_field", "commissions[0].id"),
                          Pair("missing_field", "commissions[1].approach"),
                          Pair("missing_field", "commissions[1].id"),
                          Pair("missing_field", "commissions[1].payments[0].id"),
                          Pair("missing_field", "commissions[1].payments[0].kind")));
  EXPECT_EQ(b.problems()[0].message, "required text field \"id\" is missing");
}

// Every refusal names the path, says why, carries the path for a program, and changes nothing.
TEST(CaseBuilder, RefusesWhatTheSchemaDoesNotAllowAndChangesNothing) {
  CaseBuilder b(FieldDeclarations{}, ReadLimits{.max_string_bytes = 8, .max_list_length = 2});
  ASSERT_TRUE(b.set_text("commissions[0].id", "G1").ok());
  ASSERT_TRUE(b.add("commissions[0].payments[0]").ok());
  const std::string before = write_case(b.peek());
  const std::string before_json = b.json();
  const std::vector<Problem> before_problems = b.problems();
  const std::vector<std::pair<absl::Status, std::string>> cases = {
      {b.set_text("commissions[0].aproach", "grant"),
       "commissions[0].aproach: a commission has no field \"aproach\" (did you mean "
       "\"approach\"?)"},
      {b.set_text("commissions[0].approach", "grnat"),
       "commissions[0].approach: \"grnat\" is not an approach; expected one of grant, contract"},
      {b.set_date("commissions[0].approach", D("2016-01-01")),
       "commissions[0].approach: an enum field takes the name of one of its values, as text, "
       "not a date"},
      {b.set_text("commissions[1].payments[0].paid_on", "2016-01-01"),
       "commissions[1].payments[0].paid_on: a date field takes a date, not text"},
      {b.set_money("commissions[1].payments[0].amount_pence", Money{-1}),
       "commissions[1].payments[0].amount_pence: money is a whole, non-negative number of pence"},
      {b.set_date("commissions[1].ending.decided_on", Date(1899, 12, 31)), "1899-12-31"},
      {b.set_text("commissions[1].id", "123456789"), "the text is 9 bytes; the limit is 8"},
      {b.set_text("commissions[1].id", "\xC3("), "not well-formed UTF-8 (byte 1)"},
      {b.set_text("commissions[1]", "G2"), "commissions[1]: a commission, not a value"},
      {b.set_text("commissions[1].ending", "x"), "commissions[1].ending: an ending, not a value"},
      {b.set_text("commissions", "x"),
       "commissions: a list: name an entry, the next being "
       "commissions[1]"},
      {b.set_text("commissions[1].id[0]", "x"), "commissions[1].id: not a list"},
      {b.set_text("commissions[1].id.x", "x"), "commissions[1].id: a text field, with no fields"},
      {b.set_text("commissions[1].approach.x", "x"), "an enum field, with no fields"},
      {b.add("commissions[1].id"), "commissions[1].id: a text field, not an entity: set it"},
      {b.add("commissions[2]"), "gap"},
      {b.add("commissions[1].payments[0].x"), "a payment has no field \"x\""},
      {b.set_text("commissions[0]..id", "x"), "expected a field's name at character 16"},
      {b.set_text("commissions[x].id", "x"),
       "expected an index, a whole number up to 999999999 at character 13"},
      {b.set_text("commissions[99999999999999999999999].id", "x"), "expected an index"},
      {b.set_text("commissions[18446744073709551615].id", "x"), "a whole number up to 999999999"},
      {b.set_text("commissions[1000000000].id", "x"), "a whole number up to 999999999"},
      {b.set_text("commissions[0].payments[1].kind", "x"), "\"x\" is not a payment kind"},
      {b.set_text("commissions[0", "x"), "expected \"]\" at character 14"},
      {b.set_text("", "x"), "expected a field's name at character 1"},
      {b.set_text(std::string(2000, 'a'), "x"), "the path is 2000 bytes; the limit is 1024"},
      {b.size("commissions[0]").status(), "commissions[0]: an entry of a list, not a list"},
  };
  for (const auto& [status, message] : cases) {
    EXPECT_FALSE(status.ok()) << message;
    EXPECT_THAT(std::string(status.message()), HasSubstr(message));
  }
  // Of all those calls, none changed the case, nor what it lacks: nothing was made on the way to a
  // refused field, and no required field counts as set.
  EXPECT_EQ(write_case(b.peek()), before);
  EXPECT_EQ(b.json(), before_json);
  EXPECT_EQ(codes_and_paths(b.problems()), codes_and_paths(before_problems));
  EXPECT_THAT(b.set_date("commissions[0].ending.decided_on", Date(2200, 1, 1)),
              StatusIs(absl::StatusCode::kOutOfRange, HasSubstr("2200")));
  EXPECT_THAT(json_path_of(b.set_text("commissions[0].payments[0].paid_on", "x")),
              Optional(std::string("commissions[0].payments[0].paid_on")));
  EXPECT_THAT(json_path_of(b.set_text("commissions[0]..id", "x")),
              Optional(std::string("commissions[0]..id")));
  EXPECT_THAT(json_path_of(b.set_text("commissions[0].paymnts[0].id", "x")),
              Optional(std::string("commissions[0].paymnts")));
  EXPECT_THAT(json_path_of(b.set_text("comissions[0].id", "x")),
              Optional(std::string("comissions")));
  ASSERT_TRUE(b.add("commissions[1]").ok());
  EXPECT_THAT(b.add("commissions[2]"),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("the list has 2 entries; the limit is 2")));
}

// The document shows what was built: a required field never set is absent, as a reader finds it,
// not its type's default.
TEST(CaseBuilder, WritesWhatWasBuiltAndNothingElse) {
  CaseBuilder b;
  EXPECT_EQ(b.json(), "{}");
  ASSERT_TRUE(b.add("organisations[0]").ok());
  ASSERT_TRUE(b.set_text("commissions[0].approach", "loan").ok());
  ASSERT_TRUE(b.add("commissions[0].payments[0]").ok());
  const std::string json = b.json();
  EXPECT_EQ(json, R"({"organisations":[{}],"commissions":[{"approach":"loan","payments":[{}]}]})");
  const CaseReadResult read = read_case(json);
  EXPECT_EQ(in_order(read.problems), in_order(b.problems()));
  // What the reader read of it is the builder's case, defaults where the fields are missing.
  EXPECT_EQ(read.value, b.peek());
}

// The first error, which a C caller sees as the error's message and place, does not depend on the
// order of the calls.
TEST(CaseBuilder, ListsProblemsInTheSchemasOrderWhateverTheCalls) {
  CaseBuilder commission_first, organisation_first;
  ASSERT_TRUE(commission_first.add("commissions[0]").ok());
  ASSERT_TRUE(commission_first.add("organisations[0]").ok());
  ASSERT_TRUE(organisation_first.add("organisations[0]").ok());
  ASSERT_TRUE(organisation_first.add("commissions[0]").ok());
  const std::vector<Problem> problems = commission_first.problems();
  EXPECT_EQ(in_order(problems), in_order(organisation_first.problems()));
  ASSERT_FALSE(problems.empty());
  EXPECT_EQ(problems.front().path, "organisations[0].id");
  EXPECT_THAT(commission_first.build(),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("organisations[0].id")));
}

TEST(CaseBuilder, AMovedFromBuilderIsANewOne) {
  CaseBuilder b;
  ASSERT_TRUE(b.set_text("organisations[0].id", "a").ok());
  CaseBuilder taken = std::move(b);
  EXPECT_EQ(taken.peek().organisations.size(), 1u);
  EXPECT_EQ(b.json(), "{}");  // NOLINT(bugprone-use-after-move): what a moved-from builder is
  EXPECT_THAT(b.problems(), IsEmpty());
  ASSERT_TRUE(b.set_text("organisations[0].id", "b").ok());
  EXPECT_THAT(codes_and_paths(b.problems()),
              ElementsAre(Pair("missing_field", "organisations[0].sector")));
  b = std::move(taken);
  EXPECT_EQ(b.peek().organisations[0].id, "a");
  EXPECT_TRUE(taken.peek().organisations.empty());  // NOLINT(bugprone-use-after-move)
}

TEST(CaseBuilder, ACaseBuiltNeverChangesUnderItsHolder) {
  CaseBuilder b;
  ASSERT_TRUE(b.set_text("organisations[0].id", "a").ok());
  ASSERT_TRUE(b.set_text("organisations[0].sector", "vcse").ok());
  const absl::StatusOr<std::shared_ptr<const Case>> first = b.build();
  ASSERT_TRUE(first.ok());
  ASSERT_TRUE(b.set_text("organisations[0].id", "b").ok());
  ASSERT_TRUE(b.add("organisations[1]").ok());
  EXPECT_EQ((*first)->organisations.size(), 1u);
  EXPECT_EQ((*first)->organisations[0].id, "a");
  EXPECT_EQ(b.peek().organisations[0].id, "b");
  // A copy of a builder goes its own way.
  CaseBuilder copy = b;
  ASSERT_TRUE(copy.set_text("organisations[0].id", "c").ok());
  EXPECT_EQ(b.peek().organisations[0].id, "b");
  EXPECT_THAT(codes_and_paths(copy.problems()),
              ElementsAre(Pair("missing_field", "organisations[1].id"),
                          Pair("missing_field", "organisations[1].sector")));
}

// A case built evaluates as the same case read: what the C ABI's typed builder promises.
TEST(CaseBuilder, ACaseBuiltEvaluatesAsTheDocument) {
  const absl::StatusOr<Engine> engine = Engine::with_default_pack();
  ASSERT_TRUE(engine.ok());
  const std::string text = read_file(COMPACT_EXAMPLES_DIR "/stockton/grant-commission.json");
  CaseBuilder builder(engine->declared_fields());
  EXPECT_THAT(
      testing::replay_document(*testing::document_object(text), builder, engine->declared_fields()),
      IsEmpty());
  const absl::StatusOr<std::shared_ptr<const Case>> built = builder.build();
  const absl::StatusOr<Case> read = parse_case(text, engine->declared_fields());
  ASSERT_TRUE(built.ok() && read.ok());
  const absl::StatusOr<Report> from_builder = engine->evaluate(**built, D("2016-06-30"));
  const absl::StatusOr<Report> from_document = engine->evaluate(*read, D("2016-06-30"));
  ASSERT_TRUE(from_builder.ok() && from_document.ok());
  EXPECT_EQ(to_json(*from_builder), to_json(*from_document));
  EXPECT_EQ(from_builder->findings.size(), 46u);  // the README's 22 + 1 + 22 + 1
}

}  // namespace
}  // namespace compact
