// Compact Engine as a package, from C++: the built-in pack, and the same pack read from the
// package's packs directory, each find a grant claim paid two days late.
#include <iostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "compact/calendar/date.hpp"
#include "compact/engine/engine.hpp"
#include "compact/model/case_json.hpp"

namespace {

// Received on Friday 4 December 2015. Thirty working days later, past Christmas Day, Boxing Day
// (a Saturday, so Monday 28 December) and New Year's Day, is Wednesday 20 January 2016.
constexpr std::string_view kCase = R"({
  "organisations": [
    { "id": "sbc", "name": "Stockton-on-Tees Borough Council", "sector": "public",
      "kind": "council", "compact_signatory": true },
    { "id": "neighbours", "name": "Roseworth Good Neighbours", "sector": "vcse", "kind": "charity",
      "compact_signatory": true }
  ],
  "commissions": [
    { "id": "G-2015-007", "title": "Befriending", "commissioner": "sbc", "provider": "neighbours",
      "approach": "grant", "value_pence": 9000000, "start_on": "2015-04-01", "end_on": "2018-03-31",
      "payments": [
        { "id": "CLAIM-2015-11", "kind": "grant_claim", "amount_pence": 250000,
          "received_on": "2015-12-04", "paid_on": "2016-01-22" }
      ] }
  ]
})";

// 0 when `engine` finds the claim paid late against its due date, else 1 with what it found.
int check(const compact::Engine& engine, std::string_view packs) {
  const compact::CaseReadResult read = compact::read_case(kCase, engine.declared_fields());
  if (!read.ok()) {
    for (const compact::Problem& p : read.problems) std::cerr << compact::to_string(p) << "\n";
    return 1;
  }
  const absl::StatusOr<compact::Report> report =
      engine.evaluate(read.value, compact::Date(2016, 6, 30));
  if (!report.ok()) {
    std::cerr << packs << ": " << report.status() << "\n";
    return 1;
  }
  for (const compact::Finding& finding : report->findings) {
    if (finding.rule->id != "payment.on-time" ||
        finding.entity_path() != "commissions[G-2015-007].payments[CLAIM-2015-11]") {
      continue;
    }
    if (finding.outcome == compact::Outcome::kBreach && finding.due == compact::Date(2016, 1, 20)) {
      std::cout << packs << ": payment.on-time breach, due 2016-01-20, paid 2016-01-22\n";
      return 0;
    }
    std::cerr << packs << ": payment.on-time is " << finding.outcome << ", due "
              << (finding.due ? compact::format_date(*finding.due) : "none") << "\n";
    return 1;
  }
  std::cerr << packs << ": no payment.on-time finding for CLAIM-2015-11\n";
  return 1;
}

}  // namespace

int main() {
  const absl::StatusOr<compact::Engine> built_in = compact::Engine::with_default_pack();
  if (!built_in.ok()) {
    std::cerr << "the built-in pack: " << built_in.status() << "\n";
    return 1;
  }
  const std::string pack_file = std::string(COMPACT_PACKS_DIR) + "/stockton-2014.toml";
  absl::StatusOr<compact::rules::Pack> pack = compact::rules::load_pack_file(pack_file);
  if (!pack.ok()) {
    std::cerr << pack.status() << "\n";
    return 1;
  }
  std::vector<compact::rules::Pack> packs;
  packs.push_back(*std::move(pack));
  const absl::StatusOr<compact::Engine> from_file = compact::Engine::create(std::move(packs));
  if (!from_file.ok()) {
    std::cerr << pack_file << ": " << from_file.status() << "\n";
    return 1;
  }
  return check(*built_in, "the built-in pack") | check(*from_file, pack_file);
}
