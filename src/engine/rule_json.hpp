#pragma once
// The JSON that depends on a finding's rule alone: its id, pack, party, strength, citation and
// conventions, as the report writer (report_json.cpp) puts them around each finding and timeline
// entry. An engine writes it once for every rule when it is created, so that writing a report copies
// a few pieces per finding instead of escaping the same words a hundred times. Internal to the library.

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "compact/rules/pack.hpp"

namespace compact {

class RuleJson {
 public:
  enum class Piece : uint8_t {
    kFindingHead,  // {"rule":"<id>","entity":
    kCitationLean,  // },"pack":...,"party":...,"strength":...,"citation":{"section":...},"boundary_sensitive":
    kCitationFull,  // the same, with the citation's quote after its section
    kConventions,   // ,"conventions":{...}
    kTimelineRule,  // ,"rule":"<id>","entity":
    kRuleEntry,  // {"pack":...,"id":...,...,"conventions":{...}}, and a comma: its entry under a lean
                 // report's "rules"
  };
  static constexpr size_t kPieces = 6;

  RuleJson(const rules::Pack& pack, const rules::Rule& rule);

  std::string_view piece(Piece p) const {
    const size_t i = static_cast<size_t>(p);
    return {text_.data() + starts_[i], starts_[i + 1] - starts_[i]};
  }
  // The rule's entry under "rules" with its comma, as piece(kRuleEntry), but for a rule of an engine
  // in one run with the other rules' entries, in the engine's order: a writer copies adjacent entries
  // in one piece.
  std::string_view listed() const { return listed_.empty() ? piece(Piece::kRuleEntry) : listed_; }

 private:
  friend class RulesJson;

  std::string text_;  // the pieces, one after another
  std::string_view listed_;
  // Where each piece starts in text_, and where the last ends.
  std::array<uint32_t, kPieces + 1> starts_{};
};

// A RuleJson for every rule of an engine's packs.
class RulesJson {
 public:
  // `packs` must outlive this, at the same addresses.
  explicit RulesJson(std::span<const rules::Pack> packs);
  // Its rules view its own text: it stays where it was made.
  RulesJson(const RulesJson&) = delete;
  RulesJson& operator=(const RulesJson&) = delete;

  // `rule`'s JSON, or null when `pack` is not one of these packs (a report put together by hand).
  const RuleJson* find(const rules::Pack* pack, const rules::Rule* rule) const;

 private:
  std::span<const rules::Pack> packs_;
  std::vector<size_t> first_rule_;  // of packs_[i], in rules_
  std::vector<RuleJson> rules_;
  std::string listed_;  // every rule's entry under "rules", in order, which RuleJson::listed views
};

}  // namespace compact
