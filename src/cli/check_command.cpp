#include "check_command.hpp"

#include <iostream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "boost/date_time/gregorian/gregorian.hpp"
#include "case_commands.hpp"
#include "compact/engine/engine.hpp"
#include "compact/model/case_json.hpp"
#include "compact/util/absl_string_view.hpp"
#include "input.hpp"
#include "pack_options.hpp"

namespace compact::cli {
namespace {

// Exit statuses of `compact check` (docs/cli.md).
constexpr int kClean = 0;            // nothing is in breach or overdue
constexpr int kBreachOrOverdue = 1;  // (3, kUnreadable: the case or a pack could not be read)
constexpr int kUsage = 2;            // a bad option, such as an --as-of that is not a date

struct CheckOptions {
  std::string file;
  std::string as_of;  // "" for today
  PackOptions packs;
  std::string format = "table";
  std::string detail = "full";
  bool strict = false;
};

std::string date_or_dash(const std::optional<Date>& d) { return d ? format_date(*d) : "-"; }

std::string margin(const Finding& f) {
  if (!f.margin_days) return "";
  std::string out = absl::StrCat(*f.margin_days >= 0 ? "+" : "", *f.margin_days, " d");
  if (f.margin_working_days) {
    absl::StrAppend(&out, " (", *f.margin_working_days >= 0 ? "+" : "", *f.margin_working_days,
                    " wd)");
  }
  return out;
}

// A padded column: the text and enough spaces to reach `width`.
std::string cell(std::string_view text, size_t width) {
  std::string out(text);
  if (out.size() < width) out.append(width - out.size(), ' ');
  return out;
}

void print_table(const Report& report, bool strict) {
  std::cout << "as of " << format_date(report.as_of) << "\n";
  size_t rule_width = 4;
  size_t entity_width = 6;
  for (const Finding& f : report.findings) {
    rule_width = std::max(rule_width, f.rule->id.size());
    entity_width = std::max(entity_width, f.entity_path().size());
  }
  std::cout << cell("RULE", rule_width) << "  " << cell("ENTITY", entity_width) << "  "
            << cell("OUTCOME", 17) << "  " << cell("DUE", 10) << "  " << cell("ACTUAL", 10)
            << "  MARGIN\n";
  for (const Finding& f : report.findings) {
    std::cout << cell(f.rule->id, rule_width) << "  " << cell(f.entity_path(), entity_width) << "  "
              << cell(name_of(f.outcome), 17) << "  " << cell(date_or_dash(f.due), 10) << "  "
              << cell(date_or_dash(f.actual), 10) << "  " << margin(f) << "\n";
    const std::vector<std::string> missing = f.missing_fields();
    if (!missing.empty()) std::cout << "    not recorded: " << absl::StrJoin(missing, ", ") << "\n";
    if (f.outcome == Outcome::kInsufficientData &&
        f.insufficiency == Insufficiency::kDateOutOfRange) {
      std::cout << "    a date worked out leaves 1900-2199\n";
    }
    if (f.outcome == Outcome::kBreach || f.outcome == Outcome::kOverdue ||
        f.outcome == Outcome::kExplained) {
      const std::string message = f.message();
      if (!message.empty()) std::cout << "    " << message << "\n";
      std::cout << "    " << f.rule->section << ": \"" << f.rule->quote << "\"\n";
    }
    if (f.boundary_sensitive) {
      std::cout << "    boundary-sensitive: counting back from the end date gives another day\n";
    }
  }
  std::vector<std::string> counts;
  for (size_t i = 0; i < kOutcomeCount; ++i) {
    if (report.summary[i] > 0) {
      counts.push_back(
          absl::StrCat(report.summary[i], " ", to_absl(name_of(static_cast<Outcome>(i)))));
    }
  }
  std::cout << "summary: " << (counts.empty() ? "no findings" : absl::StrJoin(counts, ", "))
            << "\n";
  if (report.outside_in_force > 0) {
    std::cout << "warning: " << in_force_warning(report.outside_in_force) << " "
              << (strict ? "(not_applicable: --strict)" : "(--strict makes them not_applicable)")
              << "\n";
  }
}

int run_check(const CheckOptions& options) {
  Date as_of = boost::gregorian::day_clock::local_day();
  if (!options.as_of.empty()) {
    absl::StatusOr<Date> parsed = parse_date(options.as_of);
    if (!parsed.ok()) {
      std::cerr << "error: --as-of: " << parsed.status().message() << "\n";
      return kUsage;
    }
    as_of = *parsed;
  }
  const std::optional<std::string> text = read_input(options.file, ReadLimits{}.max_document_bytes);
  if (!text) {
    std::cerr << options.file << ": error: cannot read " << options.file << "\n";
    return kUnreadable;
  }
  const std::optional<Engine> engine = engine_from(options.packs, {options.strict});
  if (!engine) return kUnreadable;
  // The packs' declared fields are part of what a case may hold.
  const CaseReadResult read = read_case(*text, engine->declared_fields());
  if (!read.ok()) {
    for (const Problem& p : read.problems) print_problem(std::cerr, options.file, 0, p);
    print_hints(std::cerr, options.file, read.problems);
    return kUnreadable;
  }
  const absl::StatusOr<Report> evaluated = engine->evaluate(read.value, as_of);
  if (!evaluated.ok()) {
    std::cerr << "error: " << evaluated.status().message() << "\n";
    return kUsage;
  }
  const Report& report = *evaluated;
  if (options.format == "json") {
    ReportJsonWriter writer;
    std::cout << writer.write(report,
                              options.detail == "lean" ? ReportDetail::kLean : ReportDetail::kFull)
              << "\n";
  } else {
    print_table(report, options.strict);
  }
  return report.count(Outcome::kBreach) + report.count(Outcome::kOverdue) > 0 ? kBreachOrOverdue
                                                                              : kClean;
}

}  // namespace

void add_check_command(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<CheckOptions>();
  CLI::App* check = app.add_subcommand(
      "check",
      "Check a case against the Compact as of a date; exit 1 if anything is in breach or overdue, "
      "3 if the case or a pack cannot be read");
  check->add_option("file", options->file, "A case document (JSON); - for standard input")
      ->required();
  check->add_option("--as-of", options->as_of,
                    "The date to judge as of (YYYY-MM-DD; default today)");
  add_pack_options(*check, options->packs);
  check->add_flag("--strict", options->strict,
                  "Findings about obligations that arose outside a pack's in-force window are "
                  "not_applicable");
  check->add_option("--format", options->format, "table (default) or json (DESIGN.md's report)")
      ->check(CLI::IsMember({"table", "json"}));
  check
      ->add_option("--detail", options->detail,
                   "With --format json: full (default) or lean (no trace or quotes in findings; "
                   "each rule's words once, under \"rules\")")
      ->check(CLI::IsMember({"full", "lean"}));
  check->callback([options, exit_code] { *exit_code = run_check(*options); });
}

}  // namespace compact::cli
