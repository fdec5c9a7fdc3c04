#pragma once
// A case document: everything a council's system records about the Compact's undertakings. The JSON
// form is DESIGN.md's contract; docs/case-documents.md is the field reference.

#include "compact/model/commission.hpp"
#include "compact/model/consultation.hpp"
#include "compact/model/dispute.hpp"
#include "compact/model/equality_record.hpp"
#include "compact/model/organisation.hpp"
#include "compact/model/policy.hpp"

namespace compact {

#define COMPACT_CASE_FIELDS(X)                                                                   \
  X(organisations, std::vector<Organisation>, kOptional, "The organisations the case refers to") \
  X(policies, std::vector<Policy>, kOptional, "Policies in development")                         \
  X(consultations, std::vector<Consultation>, kOptional, "Consultations")                        \
  X(commissions, std::vector<Commission>, kOptional, "Grants, contracts and other support")      \
  X(disputes, std::vector<Dispute>, kOptional, "Disputes and non-compliance")                    \
  X(equality_records, std::vector<EqualityRecord>, kOptional,                                    \
    "Equality impact assessments, policies and action plans")
COMPACT_ENTITY(Case, "case", "A case document", COMPACT_CASE_FIELDS)
#undef COMPACT_CASE_FIELDS

}  // namespace compact
