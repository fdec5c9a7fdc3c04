#include "fuzz/fuzz_targets.hpp"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "boost/json.hpp"
#include "compact/engine/engine.hpp"
#include "compact/model/case_builder.hpp"
#include "compact/model/case_json.hpp"
#include "compact/rules/expression.hpp"
#include "fast_case_reader.hpp"
#include "native_code.hpp"
#include "support/document_replay.hpp"

namespace compact::fuzz {
namespace {

// One of each entity the rules can cover, with some fields recorded and some not.
constexpr std::string_view kCase = R"({
  "organisations": [
    {"id": "sbc", "name": "Stockton-on-Tees Borough Council", "sector": "public", "kind": "council"},
    {"id": "larder", "name": "Thornaby Community Larder", "sector": "vcse", "kind": "charity"}],
  "policies": [{"id": "P1", "title": "Food strategy", "lead": "sbc"}],
  "consultations": [{"id": "C1", "lead": "sbc", "policy": "P1", "significant_effect_on_vcse": true,
    "opens_on": "2015-01-06", "closes_on": "2015-03-03"}],
  "commissions": [{"id": "G1", "commissioner": "sbc", "provider": "larder", "approach": "grant",
    "decision_notified_on": "2015-01-01", "start_on": "2015-04-01", "end_on": "2018-03-31",
    "bids": [{"id": "B1", "bidder": "larder", "submitted_on": "2014-11-03", "successful": false}],
    "ending": {"decided_on": "2017-09-01", "notice_given_on": "2017-12-20", "ends_on": "2018-03-31",
      "rationale": " \u00a0"},
    "payments": [
      {"id": "INV-1", "kind": "invoice", "received_on": "2015-05-01", "paid_on": "2015-06-20"},
      {"id": "INV-2", "kind": "invoice", "received_on": "2199-12-30"},
      {"id": "INV-3", "kind": "grant_claim", "received_on": "1900-01-01", "paid_on": "1900-01-02"}]}]
})";

// An error must say what is wrong.
std::string check_error(const absl::Status& error, const char* what) {
  return error.message().empty() ? absl::StrCat(what, ": an error with no message") : "";
}

// A known date value must be in the supported range: out-of-range arithmetic fails instead.
std::string check_value(const rules::Value& v, const rules::Type& type) {
  if (v.known() && type.kind == rules::Type::Kind::kDate && !is_supported(v.day)) {
    return "a known date outside 1900-2199";
  }
  return "";
}

// Sets each parameter of `pack` to a value of each type in turn: set, or refused with a reason.
// Whatever was set last stays, so that the evaluations after cover set parameters too.
std::string set_every_parameter(rules::Pack& pack) {
  for (size_t i = 0; i < pack.parameters.size(); ++i) {
    const std::string name = pack.parameters[i].name;
    for (const char* value : {"not a value", "£5", "true", "2016-01-01", "12", "3 months"}) {
      const absl::Status set = rules::set_parameter(pack, name, value);
      if (!set.ok() && set.message().empty()) return "set_parameter: an error with no message";
    }
  }
  return "";
}

}  // namespace

std::string pack(std::string_view text) {
  absl::StatusOr<rules::Pack> loaded = rules::load_pack(text, "fuzz.toml");
  if (!loaded.ok()) {
    if (!absl::StartsWith(loaded.status().message(), "fuzz.toml")) {
      return absl::StrCat("an error that does not name the file: ", loaded.status().message());
    }
    return check_error(loaded.status(), "load_pack");
  }
  if (std::string wrong = set_every_parameter(*loaded); !wrong.empty()) return wrong;
  std::vector<rules::Pack> packs;
  packs.push_back(*std::move(loaded));
  absl::StatusOr<Engine> engine = Engine::create(std::move(packs));
  if (!engine.ok()) return check_error(engine.status(), "Engine::create");
  // The same pack interpreted only, whose reports must be the same, byte for byte.
  std::vector<rules::Pack> again;
  again.push_back(*rules::load_pack(text, "fuzz.toml"));
  set_every_parameter(again.front());
  const absl::StatusOr<Engine> interpreted =
      Engine::create(std::move(again), {.native_code = false});
  if (!interpreted.ok()) return "the pack is refused without native code";
  const CaseReadResult c = read_case(kCase, engine->declared_fields());
  if (!c.ok()) return "the fuzzers' own case does not read";
  for (const char* as_of : {"2016-06-30", "1900-01-01", "2199-12-31"}) {
    const absl::StatusOr<Report> evaluated = engine->evaluate(c.value, *parse_date(as_of));
    if (!evaluated.ok()) return "a supported as-of date refused";
    const Report& report = *evaluated;
    const absl::StatusOr<Report> without = interpreted->evaluate(c.value, *parse_date(as_of));
    if (!without.ok() || to_json(*without) != to_json(report)) {
      return "native code and the interpreter decide differently";
    }
    for (const Finding& f : report.findings) {
      for (const std::optional<Date>& d : {f.due, f.actual, f.arises}) {
        if (d && !is_supported(*d)) return "a finding's date outside 1900-2199";
      }
      (void)f.message();
      (void)f.trace();
      (void)f.parameters();
      (void)f.missing_fields();
    }
    if (to_json(report).empty() || to_json(report, ReportDetail::kLean).empty()) {
      return "an empty JSON report";
    }
  }
  for (const rules::Definition& definition : engine->packs().front().definitions) {
    for (const Organisation& organisation : c.value.organisations) {
      const absl::StatusOr<Classification> classified =
          engine->classify(organisation, definition.id);
      if (!classified.ok()) return "a definition the pack gives cannot be tested";
      if (to_json({*classified}).empty()) return "an empty classification";
    }
  }
  return "";
}

std::string expression(std::string_view text) {
  rules::Scope scope;
  scope.bind("commission", access_of<Commission>());
  scope.bind("payment", access_of<Payment>());
  scope.declare("payment_period", rules::Type::of(rules::Type::Kind::kPeriod));
  absl::StatusOr<rules::Expression> compiled = rules::compile(text, scope);
  if (!compiled.ok()) {
    if (!rules::error_offset(compiled.status())) return "a compile error with no offset";
    if (*rules::error_offset(compiled.status()) > text.size()) return "an offset past the text";
    return check_error(compiled.status(), "compile");
  }
  static const Case c = *parse_case(kCase);
  const Commission& commission = c.commissions.front();
  rules::Value period;
  period.period = Period::working_days(30);
  const rules::Value parameters[] = {period};
  std::vector<const void*> payments = {nullptr};
  for (const Payment& p : commission.payments) payments.push_back(&p);
  // Compiled to machine code too, where native code handles it: it must give what the interpreter
  // gives.
  const rules::Expression* const expressions[] = {&*compiled};
  const std::unique_ptr<const rules::NativeCode> native = rules::NativeCode::compile(expressions);
  for (const void* payment : payments) {
    const void* entities[] = {&commission, payment};
    rules::Unrecorded unrecorded;
    bool boundary_sensitive = false;
    const rules::Value v =
        compiled->evaluate({entities, parameters, nullptr}, &unrecorded, &boundary_sensitive);
    if (std::string wrong = check_value(v, compiled->type()); !wrong.empty()) return wrong;
    if (const rules::NativeCode::Function function = native->function(0); function.run) {
      bool native_boundary = false;
      const rules::Value n =
          run_native(function, *compiled, {entities, parameters, nullptr}, &native_boundary);
      const bool same =
          n.state == v.state && native_boundary == boundary_sensitive &&
          (!v.known() ||
           (compiled->type().kind == rules::Type::Kind::kDate   ? n.day == v.day
            : compiled->type().kind == rules::Type::Kind::kBool ? n.boolean == v.boolean
                                                                : n.number == v.number));
      if (!same) return "native code and the interpreter disagree";
    }
    const size_t named = std::min(unrecorded.count, rules::Unrecorded::kMax);
    for (size_t i = 0; i < named; ++i) {
      if (unrecorded.fields[i] >= compiled->field_paths().size())
        return "an unrecorded field past the paths";
    }
    if (v.state == rules::Value::State::kUnrecorded && unrecorded.count == 0) {
      return "unrecorded, naming no field";
    }
  }
  return "";
}

// Whether two reads of a document came out the same: the same case and the same problems.
bool same_read(const CaseReadResult& a, const CaseReadResult& b) {
  if (!(a.value == b.value) || a.problems.size() != b.problems.size()) return false;
  for (size_t i = 0; i < a.problems.size(); ++i) {
    if (to_string(a.problems[i]) != to_string(b.problems[i]) ||
        a.problems[i].code != b.problems[i].code) {
      return false;
    }
  }
  return true;
}

// A case of many fields and lists, for reads into a result that held it, and before it.
constexpr std::string_view kEarlierCase = R"({"organisations": [
  {"id": "sbc", "name": "Stockton-on-Tees Borough Council", "sector": "public", "kind": "council"},
  {"id": "larder", "name": "Thornaby Community Larder", "sector": "vcse", "kind": "charity"},
  {"id": "x", "sector": "private"}],
 "consultations": [{"id": "C1", "lead": "sbc", "title": "A consultation with a long title",
  "significant_effect_on_vcse": true, "opens_on": "2015-01-06", "closes_on": "2015-03-31"}],
 "commissions": [{"id": "G1", "title": "Meals for older people in Thornaby and Stockton",
  "commissioner": "sbc", "provider": "larder", "approach": "grant", "value_pence": 5000000,
  "start_on": "2015-04-01", "end_on": "2018-03-31", "underspend_terms_agreed": true,
  "payments": [{"id": "INV-1", "kind": "invoice", "amount_pence": 1, "received_on": "2015-05-03"},
   {"id": "INV-2", "kind": "grant_claim", "in_advance": true,
    "in_advance_need": "Cash for the first quarter's food and rent", "paid_on": "2015-04-02"},
   {"id": "INV-3", "kind": "invoice", "alternative_terms_agreed": true, "agreed_pay_by": "2015-09-30"}],
  "ending": {"notice_given_on": "2017-12-20", "notice_in_writing": true,
   "rationale": "The funding from central government ends.", "ends_on": "2018-03-31"}},
  {"id": "G2", "approach": "contract"}]})";

std::string case_document(std::string_view text) {
  const CaseReadResult read = read_case(text);
  // The fast path reads what it reads as the full reader does, and leaves it everything else.
  if (!same_read(read, read_case_in_full(text, nullptr))) {
    return "the fast path and the full reader read it differently";
  }
  // Read into a result that held another case, it comes out as into a new one; and so does the
  // other case, read into the result that held this one.
  CaseReadResult reused;
  read_case(kEarlierCase, reused);
  read_case(text, reused);
  if (!same_read(reused, read)) return "a read into a result that held a case differs";
  read_case(kEarlierCase, reused);
  if (!same_read(reused, read_case(kEarlierCase))) {
    return "a case read into a result that held this one differs";
  }
  for (const Problem& p : read.problems) {
    if (p.code.empty() || p.message.empty()) return "a problem with no code or message";
    if (p.line < 0 || p.column < 0 || (p.line == 0) != (p.column == 0)) {
      return absl::StrCat("a problem with line ", p.line, " and column ", p.column);
    }
  }
  if (!read.ok()) return "";
  const std::string written = write_case(read.value);
  const CaseReadResult again = read_case(written);
  if (!again.ok())
    return absl::StrCat("a written case does not read back: ", to_string(again.problems.front()));
  if (!(again.value == read.value)) return "a written case reads back different";
  // Set field by field through a CaseBuilder, the same content makes the same case, with no problem.
  const std::optional<boost::json::object> document = testing::document_object(text);
  if (!document) return "the case read is not a JSON object to Boost.JSON";
  CaseBuilder builder;
  const auto refused = testing::replay_document(*document, builder, {});
  if (!refused.empty()) {
    return absl::StrCat("the builder refused ", refused.begin()->first, ": ",
                        refused.begin()->second);
  }
  if (!(builder.peek() == read.value)) return "the case built differs from the case read";
  if (!builder.build().ok()) return "the case built has problems the case read has not";
  return "";
}

}  // namespace compact::fuzz
