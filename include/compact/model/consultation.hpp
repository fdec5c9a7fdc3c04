#pragma once
// A consultation on a policy ("Involvement in policy development: How to involve?").

#include "compact/model/enums.hpp"

namespace compact {

#define COMPACT_CONSULTATION_FIELDS(X)                                                           \
  X(id, std::string, kRequired, "Identifies the consultation within the case")                   \
  X(lead, OrganisationRef, kOptional, "The public-sector partner consulting")                    \
  X(title, std::string, kOptional, "What the consultation is about")                             \
  X(policy, PolicyRef, kOptional, "The policy consulted on (an id in policies)")                 \
  X(significant_effect_on_vcse, bool, kOptional,                                                 \
    "The policy decision is likely to have a significant effect on the VCSE sector")             \
  X(notice_given_on, Date, kOptional, "Notice of the forthcoming consultation was given")        \
  X(opens_on, Date, kOptional, "The consultation opened")                                        \
  X(closes_on, Date, kOptional, "The consultation closed (the last day for responses)")          \
  X(catalyst_involved_on, Date, kOptional, "Catalyst was first involved")                        \
  X(shortened_explanation, std::string, kOptional,                                               \
    "Why the consultation is shorter than 12 weeks, where it is")                                \
  X(shortened_explanation_in_writing, bool, kOptional, "That explanation was given in writing")  \
  X(publicised_widely, bool, kOptional, "The consultation was publicised widely and accessibly") \
  X(methods_explained, bool, kOptional,                                                          \
    "The consultation methods and the reasons for them were explained")                          \
  X(scope_explained, bool, kOptional,                                                            \
    "Which matters are open to change, and which are not, was explained")                        \
  X(responses_received, int64_t, kOptional, "How many responses were received")                  \
  X(feedback_covers_views_not_acted_on, bool, kOptional,                                         \
    "The feedback explained where respondents' views were not acted upon")                       \
  X(feedback_published_on, Date, kOptional,                                                      \
    "Feedback on how respondents influenced the decision was published")
COMPACT_ENTITY(Consultation, "consultation", "A consultation on a policy",
               COMPACT_CONSULTATION_FIELDS)
#undef COMPACT_CONSULTATION_FIELDS

}  // namespace compact
