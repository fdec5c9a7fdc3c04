// Evaluating a case through the C ABI, and reading the report: as JSON, or finding by finding.

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "absl/strings/str_join.h"
#include "handles.hpp"

namespace {

using compact::Outcome;
using compact::c_api::fail;
using compact::c_api::fail_with;
using compact::c_api::guarded;
using compact::c_api::to_c;

// The outcome a C caller passed, if it is one.
std::optional<Outcome> outcome_of(const compact_outcome& outcome) {
  const int value = compact::c_api::value_of(outcome);
  if (value < COMPACT_COMPLIANT || value >= COMPACT_OUTCOME_COUNT) return std::nullopt;
  return static_cast<Outcome>(value);
}

// A new report of `evaluated` as of `day`, into *out.
compact_status evaluate(const compact_engine& engine,
                        std::shared_ptr<const compact::Case> evaluated, compact::Date day,
                        compact_report** out, compact_error** error) {
  auto report = std::make_unique<compact_report>();
  report->engine = engine.engine;
  report->evaluated = std::move(evaluated);
  const absl::Status status = report->engine->evaluate(*report->evaluated, day, report->report);
  if (!status.ok()) return fail(error, status);
  report->finding_text.resize(report->report.findings.size());
  *out = report.release();
  return COMPACT_OK;
}

}  // namespace

static_assert(COMPACT_OUTCOME_COUNT == compact::kOutcomeCount);
static_assert(static_cast<int>(Outcome::kCompliant) == COMPACT_COMPLIANT &&
              static_cast<int>(Outcome::kExplained) == COMPACT_EXPLAINED &&
              static_cast<int>(Outcome::kPending) == COMPACT_PENDING &&
              static_cast<int>(Outcome::kOverdue) == COMPACT_OVERDUE &&
              static_cast<int>(Outcome::kBreach) == COMPACT_BREACH &&
              static_cast<int>(Outcome::kNotApplicable) == COMPACT_NOT_APPLICABLE &&
              static_cast<int>(Outcome::kInsufficientData) == COMPACT_INSUFFICIENT_DATA);

extern "C" {

const char* compact_outcome_name(compact_outcome outcome) {
  const std::optional<Outcome> known = outcome_of(outcome);
  return known ? compact::name_of(*known).data() : "unknown";
}

compact_status compact_engine_check_json(const compact_engine* engine, const char* json,
                                         size_t length, compact_date as_of, compact_report** out,
                                         compact_error** error) {
  COMPACT_REQUIRE(error, engine);
  COMPACT_REQUIRE(error, out);
  if (length > 0) COMPACT_REQUIRE(error, json);
  return guarded(error, [&]() -> compact_status {
    const absl::StatusOr<compact::Date> day = compact::c_api::to_date(as_of);
    if (!day.ok()) return fail(error, day.status());
    compact::CaseReadResult read = compact::read_case(std::string_view(json ? json : "", length),
                                                      engine->engine->declared_fields());
    if (!read.ok()) return fail(error, std::move(read.problems));
    return evaluate(*engine, std::make_shared<const compact::Case>(std::move(read.value)), *day,
                    out, error);
  });
}

compact_status compact_engine_check_case(const compact_engine* engine, const compact_case* c,
                                         compact_date as_of, compact_report** out,
                                         compact_error** error) {
  COMPACT_REQUIRE(error, engine);
  COMPACT_REQUIRE(error, c);
  COMPACT_REQUIRE(error, out);
  return guarded(error, [&]() -> compact_status {
    const absl::StatusOr<compact::Date> day = compact::c_api::to_date(as_of);
    if (!day.ok()) return fail(error, day.status());
    absl::StatusOr<std::shared_ptr<const compact::Case>> built = c->builder.build();
    if (!built.ok()) return fail(error, c->builder.problems());
    return evaluate(*engine, *std::move(built), *day, out, error);
  });
}

void compact_report_free(compact_report* report) { delete report; }

compact_status compact_report_json(compact_report* report, compact_report_detail detail,
                                   const char** out, size_t* length, compact_error** error) {
  COMPACT_REQUIRE(error, report);
  COMPACT_REQUIRE(error, out);
  const int level = compact::c_api::value_of(detail);
  if (level != COMPACT_REPORT_FULL && level != COMPACT_REPORT_LEAN) {
    return fail_with(error, COMPACT_INVALID_ARGUMENT, [&] {
      return "detail " + std::to_string(level) + " is not a compact_report_detail";
    });
  }
  return guarded(error, [&]() -> compact_status {
    report->json = compact::to_json(report->report, level == COMPACT_REPORT_LEAN
                                                        ? compact::ReportDetail::kLean
                                                        : compact::ReportDetail::kFull);
    *out = report->json.c_str();
    if (length) *length = report->json.size();
    return COMPACT_OK;
  });
}

compact_date compact_report_as_of(const compact_report* report) {
  return report ? to_c(report->report.as_of) : compact_date{0, 0, 0};
}

size_t compact_report_count(const compact_report* report, compact_outcome outcome) {
  const std::optional<Outcome> known = outcome_of(outcome);
  return report && known ? report->report.count(*known) : 0;
}

size_t compact_report_outside_in_force(const compact_report* report) {
  return report ? report->report.outside_in_force : 0;
}

size_t compact_report_finding_count(const compact_report* report) {
  return report ? report->report.findings.size() : 0;
}

compact_status compact_report_finding(compact_report* report, size_t i, compact_finding* out,
                                      compact_error** error) {
  COMPACT_REQUIRE(error, report);
  COMPACT_REQUIRE(error, out);
  const std::vector<compact::Finding>& findings = report->report.findings;
  if (i >= findings.size()) {
    return fail_with(error, COMPACT_NOT_FOUND, [&] {
      return "finding " + std::to_string(i) + " of a report with " +
             std::to_string(findings.size());
    });
  }
  return guarded(error, [&]() -> compact_status {
    const compact::Finding& f = findings[i];
    std::optional<compact_report::FindingText>& text = report->finding_text[i];
    if (!text) {
      text = compact_report::FindingText{f.entity_path(), absl::StrJoin(f.missing_fields(), ","),
                                         f.message()};
    }
    compact_finding c{};
    c.rule = f.rule->id.c_str();
    c.pack = f.pack->id.c_str();
    c.entity = text->entity.c_str();
    c.outcome = static_cast<compact_outcome>(f.outcome);
    // name_of's views are of NUL-terminated literals (report.hpp).
    c.party = compact::rules::name_of(f.rule->party).data();
    c.strength = compact::rules::name_of(f.rule->strength).data();
    c.section = f.rule->section.c_str();
    c.quote = f.rule->quote.c_str();
    c.has_arises = f.arises.has_value();
    if (f.arises) c.arises = to_c(*f.arises);
    c.has_due = f.due.has_value();
    if (f.due) c.due = to_c(*f.due);
    c.has_actual = f.actual.has_value();
    if (f.actual) c.actual = to_c(*f.actual);
    c.has_margin_days = f.margin_days.has_value();
    c.margin_days = f.margin_days.value_or(0);
    c.has_margin_working_days = f.margin_working_days.has_value();
    c.margin_working_days = f.margin_working_days.value_or(0);
    c.boundary_sensitive = f.boundary_sensitive;
    c.outside_in_force = f.outside_in_force;
    c.because = f.because().data();
    c.missing = text->missing.c_str();
    c.message = text->message.c_str();
    using F = compact_finding;
    return compact::c_api::fill(c, out,
                                {COMPACT_FIELD_END(F, rule),
                                 COMPACT_FIELD_END(F, pack),
                                 COMPACT_FIELD_END(F, entity),
                                 COMPACT_FIELD_END(F, outcome),
                                 COMPACT_FIELD_END(F, party),
                                 COMPACT_FIELD_END(F, strength),
                                 COMPACT_FIELD_END(F, section),
                                 COMPACT_FIELD_END(F, quote),
                                 COMPACT_FIELD_END(F, has_arises),
                                 COMPACT_FIELD_END(F, arises),
                                 COMPACT_FIELD_END(F, has_due),
                                 COMPACT_FIELD_END(F, due),
                                 COMPACT_FIELD_END(F, has_actual),
                                 COMPACT_FIELD_END(F, actual),
                                 COMPACT_FIELD_END(F, has_margin_days),
                                 COMPACT_FIELD_END(F, margin_days),
                                 COMPACT_FIELD_END(F, has_margin_working_days),
                                 COMPACT_FIELD_END(F, margin_working_days),
                                 COMPACT_FIELD_END(F, boundary_sensitive),
                                 COMPACT_FIELD_END(F, outside_in_force),
                                 COMPACT_FIELD_END(F, because),
                                 COMPACT_FIELD_END(F, missing),
                                 COMPACT_FIELD_END(F, message)},
                                "compact_finding", error);
  });
}

size_t compact_report_timeline_count(const compact_report* report) {
  return report ? report->report.timeline.size() : 0;
}

compact_status compact_report_timeline_entry(const compact_report* report, size_t i,
                                             size_t* finding, compact_error** error) {
  COMPACT_REQUIRE(error, report);
  COMPACT_REQUIRE(error, finding);
  if (i >= report->report.timeline.size()) {
    return fail_with(error, COMPACT_NOT_FOUND, [&] {
      return "timeline entry " + std::to_string(i) + " of " +
             std::to_string(report->report.timeline.size());
    });
  }
  *finding = report->report.timeline[i];
  return COMPACT_OK;
}

}  // extern "C"
