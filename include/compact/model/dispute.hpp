#pragma once
// A dispute or non-compliance with the Compact, taken through the resolution process ("In the event of
// a dispute or non compliance with this Compact both the public sector and VCS agree to adhere to the
// resolution process"; the Compact's flow chart leaves the timescales "appropriate for the issue").

#include "compact/model/enums.hpp"

namespace compact {

#define COMPACT_DISPUTE_STAGE_FIELDS(X)                                                    \
  X(name, std::string, kRequired, "The stage of the procedure, as the pack names it")      \
  X(started_on, Date, kOptional, "The stage began")                                        \
  X(complete_by, Date, kOptional,                                                          \
    "The day the parties agreed to finish the stage by, in place of the pack's timescale") \
  X(completed_on, Date, kOptional, "The stage ended")                                      \
  X(in_writing, bool, kOptional, "The referral that began the stage was made in writing")  \
  X(outcome, std::string, kOptional, "What it concluded")
COMPACT_ENTITY(DisputeStage, "dispute stage", "One stage of the resolution process",
               COMPACT_DISPUTE_STAGE_FIELDS)
#undef COMPACT_DISPUTE_STAGE_FIELDS

#define COMPACT_DISPUTE_FIELDS(X)                                                         \
  X(id, std::string, kRequired, "Identifies the dispute within the case")                 \
  X(raised_by, OrganisationRef, kOptional, "The organisation raising it")                 \
  X(against, OrganisationRef, kOptional, "The organisation it is raised against")         \
  X(commitment, std::string, kOptional,                                                   \
    "The Compact commitment concerned: a rule id or the section's words")                 \
  X(raised_on, Date, kOptional, "It was raised")                                          \
  X(stages, std::vector<DisputeStage>, kOptional, "The stages it went through, in order") \
  X(resolved_on, Date, kOptional, "It was resolved")                                      \
  X(outcome, std::string, kOptional, "How it was resolved")
COMPACT_ENTITY(Dispute, "dispute",
               "A dispute or non-compliance taken through the resolution process",
               COMPACT_DISPUTE_FIELDS)
#undef COMPACT_DISPUTE_FIELDS

}  // namespace compact
