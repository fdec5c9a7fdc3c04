// `compact check --format json`, written against the installed C++ API:
//   cxx_check CASE.json YYYY-MM-DD
#include <fstream>
#include <iostream>
#include <sstream>

#include "compact/engine/engine.hpp"
#include "compact/model/case_json.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: cxx_check CASE.json YYYY-MM-DD\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::stringstream text;
  text << in.rdbuf();
  const absl::StatusOr<compact::Engine> engine = compact::Engine::with_default_pack();
  const absl::StatusOr<compact::Date> as_of = compact::parse_date(argv[2]);
  if (!engine.ok() || !as_of.ok()) return 3;
  const compact::CaseReadResult read = compact::read_case(text.str(), engine->declared_fields());
  if (!read.ok()) {
    for (const compact::Problem& p : read.problems) std::cerr << compact::to_string(p) << "\n";
    return 3;
  }
  const absl::StatusOr<compact::Report> report = engine->evaluate(read.value, *as_of);
  if (!report.ok()) {
    std::cerr << report.status() << "\n";
    return 3;
  }
  std::cout << compact::to_json(*report) << "\n";
  return 0;
}
