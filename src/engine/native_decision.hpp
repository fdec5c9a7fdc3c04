#pragma once
// A rule's whole decision compiled to machine code: what Decision (engine.cpp) does for one covered
// entity, as one function per rule that evaluates the rule's parts inline and writes the finding
// itself, so that a finding costs one call instead of a call per part with the glue around each.
//
// It decides the findings that need nothing but the rule's parts: compliant, breach (when the rule
// has no explained_by), pending, overdue and not_applicable. It hands back to Decision, which
// decides again from the start, whatever needs more: insufficient_data (Decision names the
// fields), a miss that explained_by may explain, and a date native code cannot hold. A rule that
// reads a dated parameter, or has a part native code does not handle, has no compiled decision.
// engine_reference_test decides every random pack with and without native code; the findings must
// be the same.

#include <cstdint>

#include "../rules/native_code.hpp"
#include "compact/engine/report.hpp"

namespace compact {

// `frame` as for the rule's expressions, with `parameters` the rule's scope (the pack's parameters,
// then as_of, due and actual) and `boundary_sensitive` pointing at the finding's flag. `finding`
// holds its pack, rule, entities and as_of, and otherwise what a new Finding holds. Returns 1 when
// it decided the finding; 0 when Decision is to, having perhaps written some of the finding.
using NativeDecision = int64_t (*)(const rules::NativeFrame* frame, Finding* finding);

// The source of `rule`'s compiled decision (in `pack`, under strict in-force when `strict`, its
// frames as `context` says), for a rule that reads no dated parameter; it emits nothing for a rule
// it does not handle.
rules::NativeSource decision_source(const rules::Pack& pack, const rules::Rule& rule, bool strict,
                                    const rules::NativeContext* context);

}  // namespace compact
