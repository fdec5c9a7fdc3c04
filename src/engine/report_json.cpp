// The report as JSON, in DESIGN.md's keys: what the CLI's --format json, the C ABI's report text and
// the Python package's to_json() all give.

#include "boost/json.hpp"
#include "compact/engine/report.hpp"

namespace compact {
namespace {

namespace json = boost::json;

json::string_view view(std::string_view s) { return {s.data(), s.size()}; }

json::value date_or_null(const std::optional<Date>& d) {
  return d ? json::value(format_date(*d)) : json::value(nullptr);
}

template <typename T>
json::value number_or_null(const std::optional<T>& n) {
  return n ? json::value(*n) : json::value(nullptr);
}

std::string_view inapplicability_name(Inapplicability why) {
  switch (why) {
    case Inapplicability::kNone:
      return "";
    case Inapplicability::kWhen:
      return "when";
    case Inapplicability::kUnless:
      return "unless";
    case Inapplicability::kOutsideInForce:
      return "outside_in_force";
  }
  return "";
}

json::object finding_json(const Finding& f) {
  const rules::Rule& rule = *f.rule;
  json::object o;
  o["rule"] = view(rule.id);
  o["entity"] = f.entity_path();
  o["outcome"] = view(name_of(f.outcome));
  o["due"] = date_or_null(f.due);
  o["actual"] = date_or_null(f.actual);
  o["arises"] = date_or_null(f.arises);
  o["margin"] = json::object{{"days", number_or_null(f.margin_days)},
                             {"working_days", number_or_null(f.margin_working_days)}};
  o["pack"] = view(f.pack->id);
  o["party"] = view(rules::name_of(rule.party));
  o["strength"] = view(rules::name_of(rule.strength));
  o["citation"] = json::object{{"section", view(rule.section)}, {"quote", view(rule.quote)}};
  o["boundary_sensitive"] = f.boundary_sensitive;
  o["outside_in_force"] = f.outside_in_force;
  if (f.outcome == Outcome::kNotApplicable)
    o["not_applicable_because"] = view(inapplicability_name(f.inapplicability));
  json::array missing;
  for (const std::string& field : f.missing_fields()) missing.emplace_back(view(field));
  o["missing"] = std::move(missing);
  o["conventions"] = json::object{
      {"calendar", view(f.pack->calendar_name)},
      {"due_means", view(rules::name_of(rule.due_means))},
      {"event_day_excluded", true},
      {"months", "corresponding date"},
  };
  json::array parameters;
  for (const Finding::ParameterUse& p : f.parameters()) {
    parameters.push_back(json::object{
        {"name", view(p.name)}, {"value", view(p.value)}, {"from", date_or_null(p.from)}});
  }
  o["parameters"] = std::move(parameters);
  json::array trace;
  for (const Finding::TraceEntry& t : f.trace()) {
    trace.push_back(json::object{{"name", view(t.name)}, {"value", view(t.value)}});
  }
  o["trace"] = std::move(trace);
  const std::string message = f.message();
  o["message"] = message.empty() ? json::value(nullptr) : json::value(message);
  return o;
}

}  // namespace

std::string to_json(const Report& report) {
  json::object out;
  out["as_of"] = format_date(report.as_of);
  json::array packs;
  std::vector<const rules::Pack*> seen;
  for (const Finding& f : report.findings) {
    if (std::find(seen.begin(), seen.end(), f.pack) != seen.end()) continue;
    seen.push_back(f.pack);
    packs.push_back(json::object{{"id", view(f.pack->id)},
                                 {"title", view(f.pack->title)},
                                 {"edition", view(f.pack->edition)},
                                 {"in_force_from", date_or_null(f.pack->in_force_from)},
                                 {"in_force_to", date_or_null(f.pack->in_force_to)}});
  }
  out["packs"] = std::move(packs);
  json::array findings;
  for (const Finding& f : report.findings) findings.push_back(finding_json(f));
  out["findings"] = std::move(findings);
  json::array timeline;
  for (const size_t i : report.timeline) {
    const Finding& f = report.findings[i];
    timeline.push_back(json::object{{"due", date_or_null(f.due)},
                                    {"rule", view(f.rule->id)},
                                    {"entity", f.entity_path()},
                                    {"outcome", view(name_of(f.outcome))}});
  }
  out["timeline"] = std::move(timeline);
  json::object summary;
  for (size_t i = 0; i < kOutcomeCount; ++i) {
    summary[view(name_of(static_cast<Outcome>(i)))] = report.summary[i];
  }
  out["summary"] = std::move(summary);
  json::array warnings;
  if (report.outside_in_force > 0) {
    warnings.emplace_back(json::string(
        std::to_string(report.outside_in_force) +
        " findings concern obligations that arose outside their pack's in-force window"));
  }
  out["warnings"] = std::move(warnings);
  return json::serialize(out);
}

}  // namespace compact
