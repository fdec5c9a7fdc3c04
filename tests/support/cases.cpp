#include "support/cases.hpp"

namespace compact::testing {

Payment invoice(std::string id, std::optional<Date> received, std::optional<Date> paid) {
  Payment p;
  p.id = std::move(id);
  p.kind = PaymentKind::kInvoice;
  p.received_on = received;
  p.paid_on = paid;
  return p;
}

}  // namespace compact::testing
