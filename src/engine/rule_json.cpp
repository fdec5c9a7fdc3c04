#include "rule_json.hpp"

#include <functional>

#include "json_text.hpp"

namespace compact {
namespace {

using json_text::Cursor;
using json_text::Json;

// `,"conventions":{...}`.
Cursor write_conventions(Json& j, Cursor c, const rules::Pack& pack, const rules::Rule& rule) {
  c = j.raw(c, ",\"conventions\":{\"calendar\":");
  c = j.string(c, pack.calendar_name);
  c = j.raw(c, ",\"due_means\":");
  c = j.name(c, rules::name_of(rule.due_means));
  return j.raw(c, ",\"event_day_excluded\":true,\"months\":\"corresponding date\"}");
}

// `,"party":"public","strength":"must"`: whom the rule binds, and how strongly.
Cursor write_binding(Json& j, Cursor c, const rules::Rule& rule) {
  c = j.raw(c, ",\"party\":");
  c = j.name(c, rules::name_of(rule.party));
  c = j.raw(c, ",\"strength\":");
  return j.name(c, rules::name_of(rule.strength));
}

Cursor write_citation(Json& j, Cursor c, const rules::Pack& pack, const rules::Rule& rule,
                      bool with_quote) {
  c = j.raw(c, "},\"pack\":");
  c = j.string(c, pack.id);
  c = write_binding(j, c, rule);
  c = j.raw(c, ",\"citation\":{\"section\":");
  c = j.string(c, rule.section);
  if (with_quote) {
    c = j.raw(c, ",\"quote\":");
    c = j.string(c, rule.quote);
  }
  return j.raw(c, "},\"boundary_sensitive\":");
}

Cursor write_rule_entry(Json& j, Cursor c, const rules::Pack& pack, const rules::Rule& rule) {
  c = j.raw(c, "{\"pack\":");
  c = j.string(c, pack.id);
  c = j.raw(c, ",\"id\":");
  c = j.string(c, rule.id);
  c = j.raw(c, ",\"section\":");
  c = j.string(c, rule.section);
  c = j.raw(c, ",\"quote\":");
  c = j.string(c, rule.quote);
  c = write_binding(j, c, rule);
  c = write_conventions(j, c, pack, rule);
  return j.raw(c, "}");
}

}  // namespace

RuleJson::RuleJson(const rules::Pack& pack, const rules::Rule& rule) {
  json_text::JsonBuffer buffer;
  Json j(buffer);
  Cursor c = buffer.start();
  // In Piece's order, each piece's end noted as it is written.
  const auto end_piece = [&](Piece p) {
    starts_[static_cast<size_t>(p) + 1] = static_cast<uint32_t>(buffer.offset(c));
  };
  c = j.raw(c, "{\"rule\":");
  c = j.string(c, rule.id);
  c = j.raw(c, ",\"entity\":");
  end_piece(Piece::kFindingHead);
  c = write_citation(j, c, pack, rule, /*with_quote=*/false);
  end_piece(Piece::kCitationLean);
  c = write_citation(j, c, pack, rule, /*with_quote=*/true);
  end_piece(Piece::kCitationFull);
  c = write_conventions(j, c, pack, rule);
  end_piece(Piece::kConventions);
  c = j.raw(c, ",\"rule\":");
  c = j.string(c, rule.id);
  c = j.raw(c, ",\"entity\":");
  end_piece(Piece::kTimelineRule);
  c = write_rule_entry(j, c, pack, rule);
  c = j.raw(c, ",");
  end_piece(Piece::kRuleEntry);
  buffer.finish(c);
  text_ = buffer.text();
}

RulesJson::RulesJson(std::span<const rules::Pack> packs) : packs_(packs) {
  for (const rules::Pack& pack : packs_) {
    first_rule_.push_back(rules_.size());
    for (const rules::Rule& rule : pack.rules) rules_.emplace_back(pack, rule);
  }
  for (const RuleJson& rule : rules_) listed_ += rule.piece(RuleJson::Piece::kRuleEntry);
  size_t at = 0;
  for (RuleJson& rule : rules_) {
    rule.listed_ =
        std::string_view(listed_).substr(at, rule.piece(RuleJson::Piece::kRuleEntry).size());
    at += rule.listed_.size();
  }
}

const RuleJson* RulesJson::find(const rules::Pack* pack, const rules::Rule* rule) const {
  // std::less orders pointers into different objects too; only within packs_ is the difference taken.
  const std::less<const void*> before;
  if (packs_.empty() || before(pack, packs_.data()) ||
      !before(pack, packs_.data() + packs_.size())) {
    return nullptr;
  }
  const size_t p = static_cast<size_t>(pack - packs_.data());
  const std::vector<rules::Rule>& rules = packs_[p].rules;
  if (rules.empty() || before(rule, rules.data()) || !before(rule, rules.data() + rules.size())) {
    return nullptr;
  }
  return &rules_[first_rule_[p] + static_cast<size_t>(rule - rules.data())];
}

}  // namespace compact
