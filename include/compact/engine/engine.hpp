#pragma once
// The engine: rule packs loaded once, then any number of cases evaluated as of a date.
//
//   absl::StatusOr<compact::Engine> engine = compact::Engine::with_default_pack();
//   absl::StatusOr<compact::Report> report = engine->evaluate(a_case, as_of);
//
// An Engine is immutable once created and may evaluate from many threads at once (each with its own
// Report).

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "compact/engine/classification.hpp"
#include "compact/engine/report.hpp"
#include "compact/model/case.hpp"
#include "compact/rules/pack.hpp"

namespace compact {

struct EngineOptions {
  // By default a pack applies whatever the dates, and a finding whose obligation arose outside the
  // pack's in-force window is flagged (Finding::outside_in_force). Strict: it is not_applicable.
  bool strict_in_force = false;
  // Rules' expressions compiled to machine code when the engine is created, where this build and
  // machine allow it (x86-64); false keeps to the interpreter. The findings are the same either way
  // (docs/performance.md says how that is tested); only the time differs.
  bool native_code = true;
};

class Engine {
 public:
  Engine(Engine&&) noexcept;
  Engine& operator=(Engine&&) noexcept;
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // An engine with `packs`, applied together; every finding names its pack. Pack ids must differ,
  // and a field two packs both declare must have the same kind in each.
  static absl::StatusOr<Engine> create(std::vector<rules::Pack> packs, EngineOptions options = {});

  // The pack built into the library: The Stockton Borough Compact 2014-2017 (packs/stockton-2014.toml).
  static absl::StatusOr<rules::Pack> default_pack();
  static absl::StatusOr<Engine> with_default_pack(EngineOptions options = {});

  // Evaluates `c` as of `as_of`, which must be a date in 1900-2199 (else OutOfRange or, for a
  // special value such as not_a_date_time, InvalidArgument: a finding judged against no real date
  // would be a guess). The report points into `c` and into the engine, which must both outlive it. A
  // temporary Case or Engine object is refused at compile time, but not an engine reached through a
  // temporary: `Engine::with_default_pack()->evaluate(c, d)` compiles, and its report dangles. Keep
  // the engine in a variable.
  absl::StatusOr<Report> evaluate(const Case& c, Date as_of) const&;
  // The same into `report`, reusing its memory: no allocation once it has held a report this size.
  // On an error, `report` is left empty.
  absl::Status evaluate(const Case& c, Date as_of, Report& report) const&;

  absl::StatusOr<Report> evaluate(const Case&& c, Date as_of) const& = delete;
  absl::Status evaluate(const Case&& c, Date as_of, Report& report) const& = delete;
  absl::StatusOr<Report> evaluate(const Case& c, Date as_of) const&& = delete;
  absl::Status evaluate(const Case& c, Date as_of, Report& report) const&& = delete;

  // Tests `organisation` against the definition `definition` ("vcse": the Compact's definition of
  // the VCSE sector), from the first of the engine's packs that gives one; NotFound, naming those
  // there are, when none does. Its own fields decide it, whatever its recorded sector.
  absl::StatusOr<Classification> classify(const Organisation& organisation,
                                          std::string_view definition) const;

  std::span<const rules::Pack> packs() const { return packs_; }
  const EngineOptions& options() const { return options_; }
  // Every pack's [fields], together: read cases with these (read_case(text, declared_fields())) so
  // that they may carry what the packs declared.
  const FieldDeclarations& declared_fields() const { return declared_fields_; }

 private:
  // What evaluation works out once, in create(): each pack's distinct `for` paths, and for each
  // rule its path and the dated parameters it reads (engine.cpp).
  struct Plan;

  Engine(std::vector<rules::Pack> packs, EngineOptions options, FieldDeclarations declared);

  std::vector<rules::Pack> packs_;
  EngineOptions options_;
  FieldDeclarations declared_fields_;
  std::unique_ptr<const Plan> plan_;
};

}  // namespace compact
