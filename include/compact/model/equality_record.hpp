#pragma once
// Equality records ("Advancing Equality"): impact assessments, and each partner's equality and diversity
// policy and action plan, adopted and reviewed.

#include "compact/model/enums.hpp"

namespace compact {

#define COMPACT_EQUALITY_RECORD_FIELDS(X)                                                   \
  X(id, std::string, kRequired, "Identifies the record within the case")                    \
  X(organisation, OrganisationRef, kOptional, "Whose record it is")                         \
  X(kind, EqualityRecordKind, kRequired,                                                    \
    "impact_assessment, equality_and_diversity_policy or action_plan")                      \
  X(subject, std::string, kOptional,                                                        \
    "What it covers (for an impact assessment, the policy assessed)")                       \
  X(policy, PolicyRef, kOptional, "The policy assessed (an id in policies)")                \
  X(adopted_on, Date, kOptional, "Adopted (a policy or plan) or completed (an assessment)") \
  X(published_on, Date, kOptional, "Published")                                             \
  X(reviewed_on, Date, kOptional, "Last reviewed")                                          \
  X(next_review_due_on, Date, kOptional, "The next review is due")
COMPACT_ENTITY(EqualityRecord, "equality record",
               "An equality impact assessment, or an equality and diversity policy or action plan",
               COMPACT_EQUALITY_RECORD_FIELDS)
#undef COMPACT_EQUALITY_RECORD_FIELDS

}  // namespace compact
