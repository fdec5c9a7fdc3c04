#pragma once
// How a commission is reduced or ended ("Concluding a commission").

#include "compact/model/enums.hpp"

namespace compact {

#define COMPACT_ENDING_FIELDS(X)                                                       \
  X(kind, EndingKind, kOptional, "end or reduce (absent: end)")                        \
  X(implications_discussed_on, Date, kOptional,                                        \
    "Restrictions on future resources were first discussed with the VCS organisation") \
  X(impact_assessed_on, Date, kOptional,                                               \
    "The impact on beneficiaries, service users and volunteers was assessed")          \
  X(decided_on, Date, kOptional, "The decision to reduce or end was taken")            \
  X(notice_given_on, Date, kOptional, "Notice was given")                              \
  X(notice_in_writing, bool, kOptional, "The notice was in writing")                   \
  X(rationale, std::string, kOptional, "The rationale given for the decision")         \
  X(ends_on, Date, kOptional, "The last day of the commission or support")             \
  X(resource_restriction_known_on, Date, kOptional,                                    \
    "The public body learned of the restriction on future resources")                  \
  X(central_government_funding_ends_on, Date, kOptional,                               \
    "The central government funding behind the commission ends")                       \
  X(central_government_notice_received_on, Date, kOptional,                            \
    "The public body's own notice from central government was received")
COMPACT_ENTITY(Ending, "ending", "The reduction or end of a commission", COMPACT_ENDING_FIELDS)
#undef COMPACT_ENDING_FIELDS

}  // namespace compact
