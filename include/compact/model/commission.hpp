#pragma once
// A commission: a grant, contract, loan or other support from a public-sector partner to an
// organisation ("Commissioning from VCS", the whole commissioning cycle).

#include "compact/model/commission_parts.hpp"
#include "compact/model/ending.hpp"
#include "compact/model/payment.hpp"

namespace compact {

#define COMPACT_COMMISSION_FIELDS(X)                                                             \
  X(id, std::string, kRequired, "Identifies the commission within the case")                     \
  X(title, std::string, kOptional, "What is commissioned")                                       \
  X(commissioner, OrganisationRef, kOptional, "The public-sector partner commissioning")         \
  X(provider, OrganisationRef, kOptional, "The organisation funded or contracted")               \
  X(consortium, bool, kOptional, "Delivered by a partnership or consortium of organisations")    \
  X(accountable_body, OrganisationRef, kOptional,                                                \
    "For a consortium or partnership: the organisation accountable for it")                      \
  X(approach, Approach, kRequired, "grant, contract, loan, training, premises or other")         \
  X(approach_rationale, std::string, kOptional, "The rationale given for the approach chosen")   \
  X(value_pence, Money, kOptional, "The commission's value, in pence")                           \
  X(social_value_considered, bool, kOptional,                                                    \
    "The principles of social value were applied (Public Services (Social Value) Act 2012)")     \
  X(european_funding, bool, kOptional, "Funded from European funds")                             \
  X(european_regulation_conflicts, bool, kOptional, "Conflicts with European regulations arose") \
  X(european_conflicts_discussed_on, Date, kOptional,                                            \
    "Conflicts with European regulations were discussed with the VCS organisation")              \
  X(planning_started_on, Date, kOptional, "Planning of the programme or service began")          \
  X(vcs_involved_on, Date, kOptional,                                                            \
    "VCS organisations likely to have a view were first involved")                               \
  X(tender_published_on, Date, kOptional, "The application or tender documents were published")  \
  X(tender_publicised_widely, bool, kOptional,                                                   \
    "The application or tender documents were publicised widely")                                \
  X(tender_closes_on, Date, kOptional, "The last day to apply or tender")                        \
  X(assessment_criteria_published, bool, kOptional,                                              \
    "How applications or tenders would be assessed was made clear")                              \
  X(exit_strategy_agreed_on, Date, kOptional, "An approach to exit strategies was agreed")       \
  X(bids, std::vector<Bid>, kOptional, "Applications or tenders received")                       \
  X(decision_notified_on, Date, kOptional, "The organisation was told of the funding decision")  \
  X(decision_delay_explanation, std::string, kOptional,                                          \
    "The justification for telling the organisation less than three months before the start")    \
  X(start_on, Date, kOptional, "The expected start date")                                        \
  X(end_on, Date, kOptional, "The last day of the funded term")                                  \
  X(term_explanation, std::string, kOptional, "Why funding is not committed for three years")    \
  X(risks_discussed_on, Date, kOptional, "The risks to the project were discussed")              \
  X(delivery_terms_agreed_on, Date, kOptional, "Delivery terms were agreed")                     \
  X(performance_process_agreed_on, Date, kOptional,                                              \
    "A process for managing performance and changing circumstances was agreed")                  \
  X(monitoring_agreed_on, Date, kOptional, "How outcomes will be monitored was agreed")          \
  X(agreement_signed_on, Date, kOptional,                                                        \
    "The financial agreement, contract or funding agreement was signed")                         \
  X(underspend_terms_agreed, bool, kOptional,                                                    \
    "For a grant: how underspend will be managed was agreed")                                    \
  X(equality_conditions_included, bool, kOptional,                                               \
    "Equality conditions and monitoring measures are in the funding agreement")                  \
  X(payments, std::vector<Payment>, kOptional, "Invoices and grant claims, and their payment")   \
  X(variations, std::vector<Variation>, kOptional, "Variations to the contract")                 \
  X(performance_issues, std::vector<PerformanceIssue>, kOptional, "Problems with performance")   \
  X(change_notices, std::vector<ChangeNotice>, kOptional,                                        \
    "The provider's notices of significant changes or risks")                                    \
  X(ending, Ending, kOptional, "Its reduction or end")                                           \
  X(reviewed_with_vcs_on, Date, kOptional, "The programme was reviewed with VCS organisations")
COMPACT_ENTITY(Commission, "commission", "A grant, contract or other support to an organisation",
               COMPACT_COMMISSION_FIELDS)
#undef COMPACT_COMMISSION_FIELDS

}  // namespace compact
