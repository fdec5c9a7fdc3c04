#pragma once
// The smaller records of a commission: bids, variations and performance problems.

#include "compact/model/enums.hpp"

namespace compact {

#define COMPACT_BID_FIELDS(X)                                                        \
  X(id, std::string, kRequired, "Identifies the bid within its commission")          \
  X(bidder, OrganisationRef, kOptional, "The organisation that applied or tendered") \
  X(submitted_on, Date, kOptional, "The application or tender was submitted")        \
  X(successful, bool, kOptional, "It was successful")                                \
  X(feedback_given_on, Date, kOptional,                                              \
    "Constructive feedback was given (to an unsuccessful bidder)")
COMPACT_ENTITY(Bid, "bid", "An application or tender for a commission", COMPACT_BID_FIELDS)
#undef COMPACT_BID_FIELDS

#define COMPACT_VARIATION_FIELDS(X)                                               \
  X(id, std::string, kRequired, "Identifies the variation within its commission") \
  X(proposed_on, Date, kOptional, "The variation was proposed")                   \
  X(agreed_on, Date, kOptional, "It was discussed and agreed")                    \
  X(financial_implications_agreed, bool, kOptional, "Its financial implications were agreed")
COMPACT_ENTITY(Variation, "variation", "A variation to a contract", COMPACT_VARIATION_FIELDS)
#undef COMPACT_VARIATION_FIELDS

#define COMPACT_PERFORMANCE_ISSUE_FIELDS(X)                                              \
  X(id, std::string, kRequired, "Identifies the problem within its commission")          \
  X(identified_on, Date, kOptional, "The project was found to be encountering problems") \
  X(improvement_timetable_agreed_on, Date, kOptional,                                    \
    "A timetable of actions to improve performance was discussed and agreed")
COMPACT_ENTITY(PerformanceIssue, "performance issue", "A problem with a project's performance",
               COMPACT_PERFORMANCE_ISSUE_FIELDS)
#undef COMPACT_PERFORMANCE_ISSUE_FIELDS

// "Give early notice to commissioners of significant changes in management, or financial or other risks"
// (the VCS's commitment).
#define COMPACT_CHANGE_NOTICE_FIELDS(X)                                           \
  X(id, std::string, kRequired, "Identifies the change within its commission")    \
  X(change, std::string, kOptional,                                               \
    "The significant change in management, or financial or other risk")           \
  X(occurred_on, Date, kOptional, "The change happened or the risk became known") \
  X(notified_on, Date, kOptional, "The commissioner was told")
COMPACT_ENTITY(ChangeNotice, "change notice", "A provider's notice of a significant change or risk",
               COMPACT_CHANGE_NOTICE_FIELDS)
#undef COMPACT_CHANGE_NOTICE_FIELDS

}  // namespace compact
