#pragma once
// Building a case in code, field by field, for a program that holds its records in its own types:
// no JSON is written or read. What the C ABI's typed builder is over.
//
//   CaseBuilder builder(engine.declared_fields());
//   absl::Status s = builder.set_text("commissions[0].id", "G1");
//   s.Update(builder.set_text("commissions[0].approach", "grant"));
//   s.Update(builder.set_date("commissions[0].payments[0].received_on", Date(2016, 3, 1)));
//   absl::StatusOr<std::shared_ptr<const Case>> c = builder.build();
//
// A path is what a case document's problems give: field names (the schema's, or those a pack
// declares) joined by dots, and a list entry by its index, "commissions[0].payments[2].paid_on".
// Index n of a list of n entries adds an entry at the end; one further is refused, so that a list
// never has a gap. Setting a field makes every entity on its way that is not there yet. A path is at
// most 1024 bytes.
//
// Each value is checked as it is set, as the reader checks a document's: its kind, a date's range, an
// enum's name, money not negative, text well-formed UTF-8 within ReadLimits. A call refused changes
// nothing. What only the whole case can tell (required fields never set, ids repeated, references to
// organisations not in the case, dates that contradict each other) is problems() and build()'s, with
// read_case's codes and messages: a case built is judged as the same case read from a document.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "absl/functional/function_ref.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "compact/model/case.hpp"
#include "compact/model/case_json.hpp"
#include "compact/model/declared_fields.hpp"

namespace compact {

class CaseBuilder {
 public:
  // An empty case, which may carry the fields `declared` declares (Engine::declared_fields()).
  explicit CaseBuilder(FieldDeclarations declared = {}, ReadLimits limits = {});

  // Each sets the field at `path`, which must be of the kind the setter's name says, or InvalidArgument
  // saying why not; a date outside 1900-2199 is OutOfRange. The error carries the path as far as the
  // step refused (json_path_of): "commissions[0].paymnts" for a misspelt list.
  absl::Status set_date(std::string_view path, Date value);
  absl::Status set_bool(std::string_view path, bool value);
  absl::Status set_integer(std::string_view path, int64_t value);
  absl::Status set_money(std::string_view path, Money value);  // pence, not negative
  // A text field; an enum field by its value's name ("grant"); an organisation or policy reference
  // by the id of the one it refers to.
  absl::Status set_text(std::string_view path, std::string_view value);

  // The field at `path` not recorded: an optional field, a nested entity with all it holds, or a list
  // with all its entries. A required field cannot be cleared, nor one entry of a list (the entries
  // after it would change index).
  absl::Status clear(std::string_view path);
  // Makes the nested entity or list entry at `path` exist with no field set: `{}` in a document.
  absl::Status add(std::string_view path);
  // The number of entries in the list at `path`: the index add() would give a new one. 0 for a list
  // in an entity that is not there.
  absl::StatusOr<size_t> size(std::string_view path) const;

  // Every problem of the case as it stands (see above), up to `max_problems`, in the order, and with
  // the codes, paths and messages, that reading json() gives; but with no line or column.
  std::vector<Problem> problems(size_t max_problems = ReadLimits{}.max_problems) const;
  // The case, or problems()'s first error as InvalidArgument (as parse_case gives it). The case is
  // shared, not copied: a change to the builder afterwards copies it first, so a case built never
  // changes under whoever holds it.
  absl::StatusOr<std::shared_ptr<const Case>> build() const;
  // The case as it stands, unchecked. A required field never set holds its type's default here.
  const Case& peek() const { return *case_; }
  // The case as it stands, as a canonical case document (write_case), with each required field
  // never set left out rather than written with its type's default: what a reader of the document
  // would find missing, as problems() does.
  std::string json() const;

  CaseBuilder(const CaseBuilder&);
  CaseBuilder& operator=(const CaseBuilder&);
  // A builder moved from is as a new one made with no declarations.
  CaseBuilder(CaseBuilder&& other) noexcept;
  CaseBuilder& operator=(CaseBuilder&& other) noexcept;
  ~CaseBuilder();

 private:
  struct Made;
  struct Request;
  class Walk;
  absl::Status apply(std::string_view path, Request& request);
  // Calls visit(made, field) for each required `field` of each entity the builder made that was
  // never set.
  void each_unset(absl::FunctionRef<void(const Made&, const FieldInfo&)> visit) const;

  FieldDeclarations declared_;
  ReadLimits limits_;
  // Shared: with whoever took it from build(), and while nothing is set, with every other builder
  // (an empty case made once). A change copies it first when it is shared.
  std::shared_ptr<Case> case_;
  // Each entity the builder made, in order, with which of its required fields have been set.
  std::vector<Made> made_;
  std::unordered_map<std::string, size_t> made_index_;  // an entity's path -> its index in made_
};

}  // namespace compact
