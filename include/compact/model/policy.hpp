#pragma once
// The development of a policy ("Involvement in policy development": when to involve, support to
// involve, and the equality commitments for new policy).

#include "compact/model/enums.hpp"

namespace compact {

#define COMPACT_PROGRESS_UPDATE_FIELDS(X)                                     \
  X(given_on, Date, kRequired, "The sector was told of progress on this day") \
  X(summary, std::string, kOptional, "What it was told")
COMPACT_ENTITY(ProgressUpdate, "progress update",
               "The sector informed of progress in developing policy",
               COMPACT_PROGRESS_UPDATE_FIELDS)
#undef COMPACT_PROGRESS_UPDATE_FIELDS

#define COMPACT_POLICY_FIELDS(X)                                                        \
  X(id, std::string, kRequired, "Identifies the policy within the case")                \
  X(lead, OrganisationRef, kOptional, "The public-sector partner developing it")        \
  X(title, std::string, kOptional, "The policy")                                        \
  X(likely_to_affect_vcs, bool, kOptional, "A relevant issue likely to affect the VCS") \
  X(development_started_on, Date, kOptional, "Policy development began")                \
  X(vcs_involved_on, Date, kOptional, "The VCS was first involved")                     \
  X(impact_assessed_on, Date, kOptional, "The impact of the policy was assessed")       \
  X(vcs_implications_identified, bool, kOptional,                                       \
    "Implications for the VCS were identified in that assessment")                      \
  X(equality_and_diversity_included, bool, kOptional,                                   \
    "Equality and diversity was included as a key requirement of the policy")           \
  X(progress_updates, std::vector<ProgressUpdate>, kOptional,                           \
    "Progress updates given to the sector")                                             \
  X(decided_on, Date, kOptional, "The policy decision was taken")
COMPACT_ENTITY(Policy, "policy", "A policy in development", COMPACT_POLICY_FIELDS)
#undef COMPACT_POLICY_FIELDS

}  // namespace compact
