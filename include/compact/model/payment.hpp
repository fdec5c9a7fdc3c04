#pragma once
// A payment under a commission ("Making payments").

#include "compact/model/enums.hpp"

namespace compact {

#define COMPACT_PAYMENT_FIELDS(X)                                                               \
  X(id, std::string, kRequired,                                                                 \
    "Identifies the payment within its commission (an invoice number)")                         \
  X(kind, PaymentKind, kRequired, "invoice or grant_claim")                                     \
  X(amount_pence, Money, kOptional, "The amount, in pence")                                     \
  X(received_on, Date, kOptional, "The invoice or grant claim was received")                    \
  X(paid_on, Date, kOptional, "It was paid")                                                    \
  X(in_advance, bool, kOptional, "A payment in advance of expenditure")                         \
  X(in_advance_need, std::string, kOptional, "The clear need that justifies paying in advance") \
  X(alternative_terms_agreed, bool, kOptional, "Alternative payment arrangements were agreed")  \
  X(agreed_pay_by, Date, kOptional, "The pay-by date those arrangements set")
COMPACT_ENTITY(Payment, "payment", "An invoice or grant claim and its payment",
               COMPACT_PAYMENT_FIELDS)
#undef COMPACT_PAYMENT_FIELDS

}  // namespace compact
