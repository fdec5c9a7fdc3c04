#include "classify_command.hpp"

#include <iostream>
#include <memory>

#include "absl/strings/str_join.h"
#include "boost/json.hpp"
#include "case_commands.hpp"
#include "compact/engine/engine.hpp"
#include "compact/model/case_json.hpp"
#include "input.hpp"
#include "pack_options.hpp"

namespace compact::cli {
namespace {

// Exit statuses of `compact classify` (docs/cli.md).
constexpr int kEveryOneMeets = 0;
constexpr int kNotEveryOneMeets = 1;  // one does not meet it, or its record cannot tell
constexpr int kUsage = 2;             // (3, kUnreadable: the document or a pack cannot be read)

struct ClassifyOptions {
  std::string file;
  std::string definition = "vcse";
  PackOptions packs;
  std::string format = "table";
};

// A case document has a list of entities at the top; an organisation's has its fields.
bool is_case_document(std::string_view text) {
  boost::system::error_code error;
  const boost::json::value value = boost::json::parse(text, error);
  if (error || !value.is_object()) return false;
  for (const FieldInfo& field : Case::kInfo.fields) {
    if (value.as_object().contains(boost::json::string_view(field.name.data(), field.name.size())))
      return true;
  }
  return value.as_object().empty();
}

void print_table(const std::vector<Classification>& classified) {
  for (const Classification& c : classified) {
    std::cout << c.organisation << ": "
              << (c.verdict == Verdict::kMeets         ? "meets"
                  : c.verdict == Verdict::kDoesNotMeet ? "does not meet"
                                                       : "cannot tell, from what is recorded, "
                                                         "whether it meets")
              << " the definition of " << c.definition->title << " (" << c.pack->id << ", "
              << c.definition->section << ")\n";
    for (const Classification::Characteristic& ch : c.characteristics) {
      std::cout << "  " << name_of(ch.holding) << std::string(14 - name_of(ch.holding).size(), ' ')
                << ch.characteristic->quote;
      if (!ch.missing.empty())
        std::cout << " (not recorded: " << absl::StrJoin(ch.missing, ", ") << ")";
      std::cout << "\n";
    }
  }
}

int run_classify(const ClassifyOptions& options) {
  const std::optional<std::string> text = read_input(options.file, ReadLimits{}.max_document_bytes);
  if (!text) {
    std::cerr << options.file << ": error: cannot read " << options.file << "\n";
    return kUnreadable;
  }
  const std::optional<Engine> engine = engine_from(options.packs);
  if (!engine) return kUnreadable;
  std::vector<Organisation> organisations;
  std::vector<Problem> problems;
  if (is_case_document(*text)) {
    CaseReadResult read = read_case(*text, engine->declared_fields());
    problems = std::move(read.problems);
    organisations = std::move(read.value.organisations);
  } else {
    OrganisationReadResult read = read_organisation(*text, engine->declared_fields());
    problems = std::move(read.problems);
    organisations.push_back(std::move(read.value));
  }
  if (std::any_of(problems.begin(), problems.end(),
                  [](const Problem& p) { return p.severity == Problem::Severity::kError; })) {
    for (const Problem& p : problems) print_problem(std::cerr, options.file, 0, p);
    print_hints(std::cerr, options.file, problems);
    return kUnreadable;
  }
  std::vector<Classification> classified;
  for (const Organisation& o : organisations) {
    absl::StatusOr<Classification> c = engine->classify(o, options.definition);
    if (!c.ok()) {
      std::cerr << "error: --as: " << c.status().message() << "\n";
      return kUsage;
    }
    classified.push_back(*std::move(c));
  }
  if (options.format == "json") {
    std::cout << to_json(classified) << "\n";
  } else {
    print_table(classified);
  }
  const bool all_meet =
      std::all_of(classified.begin(), classified.end(),
                  [](const Classification& c) { return c.verdict == Verdict::kMeets; });
  return all_meet ? kEveryOneMeets : kNotEveryOneMeets;
}

}  // namespace

void add_classify_command(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<ClassifyOptions>();
  CLI::App* classify = app.add_subcommand(
      "classify",
      "Say whether an organisation meets a pack's definition (the VCSE sector's by default), "
      "naming each characteristic it lacks or does not record; exit 1 unless every one meets it, "
      "3 if the document or a pack cannot be read");
  classify
      ->add_option("file", options->file,
                   "An organisation's document (JSON), or a case document to classify each of its "
                   "organisations; - for standard input")
      ->required();
  classify->add_option("--as", options->definition,
                       "The definition to test against (default vcse: the Compact's VCSE sector)");
  add_pack_options(*classify, options->packs);
  classify->add_option("--format", options->format, "table (default) or json")
      ->check(CLI::IsMember({"table", "json"}));
  classify->callback([options, exit_code] { *exit_code = run_classify(*options); });
}

}  // namespace compact::cli
