#pragma once
// An organisation in the case: a public-sector partner or a VCSE organisation. The seven
// characteristics are the Compact's definition of the VCSE sector ("Whatever the size or purpose they
// all have the following characteristics in common").

#include "compact/model/enums.hpp"

namespace compact {

#define COMPACT_ORGANISATION_FIELDS(X)                                                             \
  X(id, std::string, kRequired, "Identifies the organisation within the case")                     \
  X(name, std::string, kOptional, "The organisation's name")                                       \
  X(sector, Sector, kRequired, "public, vcse or private")                                          \
  X(kind, OrganisationKind, kOptional, "What kind of body it is")                                  \
  X(compact_signatory, bool, kOptional, "It has signed up to the Compact")                         \
  X(compact_signed_on, Date, kOptional, "It signed up to the Compact")                             \
  X(independent_and_autonomous, bool, kOptional, "VCSE: it is independent and autonomous")         \
  X(public_or_community_benefit, bool, kOptional,                                                  \
    "VCSE: it exists for public or community benefit")                                             \
  X(not_for_individual_gain, bool, kOptional, "VCSE: it is not for individual gain")               \
  X(not_allied_to_political_party, bool, kOptional, "VCSE: it is not allied to a political party") \
  X(governed_by_constitution, bool, kOptional,                                                     \
    "VCSE: it is governed by a constitution or set of rules")                                      \
  X(unpaid_board, bool, kOptional, "VCSE: it is overseen by unpaid board or committee members")    \
  X(accountable_to_members, bool, kOptional, "VCSE: it is accountable to its members")
COMPACT_ENTITY(Organisation, "organisation", "A public-sector partner or VCSE organisation",
               COMPACT_ORGANISATION_FIELDS)
#undef COMPACT_ORGANISATION_FIELDS

}  // namespace compact
