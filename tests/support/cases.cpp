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

Organisation organisation(std::string id, Sector sector) {
  Organisation o;
  o.id = std::move(id);
  o.sector = sector;
  return o;
}

Commission commission() {
  Commission m;
  m.id = "G1";
  m.approach = Approach::kGrant;
  m.start_on = Date(2016, 4, 1);
  m.end_on = Date(2019, 3, 31);
  return m;
}

Case with_commission(const Commission& m) {
  Case c;
  c.organisations = {organisation("sbc", Sector::kPublic), organisation("vcs", Sector::kVcse)};
  Commission copy = m;
  copy.commissioner = OrganisationRef{"sbc"};
  copy.provider = OrganisationRef{"vcs"};
  c.commissions.push_back(copy);
  return c;
}

}  // namespace compact::testing
