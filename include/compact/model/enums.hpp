#pragma once
// The fixed lists of values in a case document, named as the JSON names them.

#include "compact/model/schema.hpp"

namespace compact {

#define COMPACT_SECTOR_VALUES(X) X(kPublic, "public") X(kVcse, "vcse") X(kPrivate, "private")
COMPACT_ENUM(Sector, "sector", COMPACT_SECTOR_VALUES)

// The kinds of organisation the Compact names: its public bodies ("What is the Public Sector?", the
// signatories) and the VCSE organisations it lists.
#define COMPACT_ORGANISATION_KIND_VALUES(X)                       \
  X(kCouncil, "council")                                          \
  X(kPolice, "police")                                            \
  X(kPoliceAndCrimeCommissioner, "police_and_crime_commissioner") \
  X(kClinicalCommissioningGroup, "clinical_commissioning_group")  \
  X(kFireAndRescueService, "fire_and_rescue_service")             \
  X(kNhsTrust, "nhs_trust")                                       \
  X(kJobcentrePlus, "jobcentre_plus")                             \
  X(kProbationTrust, "probation_trust")                           \
  X(kCharity, "charity")                                          \
  X(kCommunityGroup, "community_group")                           \
  X(kFaithGroup, "faith_group")                                   \
  X(kSocialEnterprise, "social_enterprise")                       \
  X(kCreditUnion, "credit_union")                                 \
  X(kCommunityInterestCompany, "community_interest_company")      \
  X(kInfrastructureBody, "infrastructure_body")                   \
  X(kOther, "other")
COMPACT_ENUM(OrganisationKind, "organisation kind", COMPACT_ORGANISATION_KIND_VALUES)

// "grants, contracts, loan finance, training, use of premises or other support".
#define COMPACT_APPROACH_VALUES(X) \
  X(kGrant, "grant")               \
  X(kContract, "contract")         \
  X(kLoan, "loan") X(kTraining, "training") X(kPremises, "premises") X(kOther, "other")
COMPACT_ENUM(Approach, "approach", COMPACT_APPROACH_VALUES)

#define COMPACT_PAYMENT_KIND_VALUES(X) X(kInvoice, "invoice") X(kGrantClaim, "grant_claim")
COMPACT_ENUM(PaymentKind, "payment kind", COMPACT_PAYMENT_KIND_VALUES)

// "before deciding to reduce or end a commission".
#define COMPACT_ENDING_KIND_VALUES(X) X(kEnd, "end") X(kReduce, "reduce")
COMPACT_ENUM(EndingKind, "ending kind", COMPACT_ENDING_KIND_VALUES)

#define COMPACT_EQUALITY_RECORD_KIND_VALUES(X) \
  X(kImpactAssessment, "impact_assessment")    \
  X(kEqualityPolicy, "equality_and_diversity_policy") X(kActionPlan, "action_plan")
COMPACT_ENUM(EqualityRecordKind, "equality record kind", COMPACT_EQUALITY_RECORD_KIND_VALUES)

#undef COMPACT_SECTOR_VALUES
#undef COMPACT_ORGANISATION_KIND_VALUES
#undef COMPACT_APPROACH_VALUES
#undef COMPACT_PAYMENT_KIND_VALUES
#undef COMPACT_ENDING_KIND_VALUES
#undef COMPACT_EQUALITY_RECORD_KIND_VALUES

}  // namespace compact
