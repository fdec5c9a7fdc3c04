#include "support/cases.hpp"

#include <utility>

#include "support/dates.hpp"

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

Consultation consultation() {
  Consultation k;
  k.id = "C1";
  k.lead = OrganisationRef{"sbc"};
  k.significant_effect_on_vcse = true;
  k.opens_on = D("2016-01-04");
  k.closes_on = D("2016-03-28");
  return k;
}

Case with_consultation(const Consultation& k) {
  Case c;
  c.organisations = {organisation("sbc", Sector::kPublic)};
  c.consultations = {k};
  return c;
}

Case with_payment(const Payment& p) {
  Commission m = commission();
  m.payments = {p};
  return with_commission(m);
}

Bid bid() {
  Bid b;
  b.id = "B1";
  b.bidder = OrganisationRef{"vcs"};
  b.submitted_on = D("2016-01-15");
  b.successful = false;
  return b;
}

Case with_bid(const Bid& b) {
  Commission m = commission();
  m.bids = {b};
  return with_commission(m);
}

Ending ending() {
  Ending e;
  e.decided_on = D("2016-10-31");
  e.ends_on = D("2017-02-28");
  return e;
}

Case with_ending(const Ending& e) {
  Commission m = commission();
  m.ending = e;
  return with_commission(m);
}

Policy policy() {
  Policy p;
  p.id = "P1";
  p.lead = OrganisationRef{"sbc"};
  p.likely_to_affect_vcs = true;
  p.development_started_on = D("2015-09-07");
  p.decided_on = D("2016-03-21");
  return p;
}

Case with_policy(const Policy& p, std::vector<EqualityRecord> records) {
  Case c;
  c.organisations = {organisation("sbc", Sector::kPublic)};
  c.policies = {p};
  c.equality_records = std::move(records);
  return c;
}

EqualityRecord equality_record(std::string id, EqualityRecordKind kind,
                               std::optional<std::string> organisation) {
  EqualityRecord r;
  r.id = std::move(id);
  r.kind = kind;
  if (organisation) r.organisation = OrganisationRef{std::move(*organisation)};
  return r;
}

Case with_equality_records(std::vector<EqualityRecord> records) {
  Case c;
  c.organisations = {organisation("sbc", Sector::kPublic), organisation("vcs", Sector::kVcse)};
  for (Organisation& o : c.organisations) o.compact_signatory = true;
  c.equality_records = std::move(records);
  return c;
}

Variation variation() {
  Variation v;
  v.id = "V1";
  v.proposed_on = D("2016-06-06");
  return v;
}

Case with_variation(const Variation& v) {
  Commission m = commission();
  m.approach = Approach::kContract;
  m.variations = {v};
  return with_commission(m);
}

PerformanceIssue performance_issue() {
  PerformanceIssue i;
  i.id = "PI1";
  i.identified_on = D("2016-07-04");
  return i;
}

Case with_performance_issue(const PerformanceIssue& i, std::optional<Ending> e) {
  Commission m = commission();
  m.performance_issues = {i};
  m.ending = std::move(e);
  return with_commission(m);
}

ChangeNotice change_notice() {
  ChangeNotice n;
  n.id = "N1";
  n.change = "The chief officer has resigned.";
  n.occurred_on = D("2016-03-17");
  return n;
}

Case with_change_notice(const ChangeNotice& n) {
  Commission m = commission();
  m.change_notices = {n};
  return with_commission(m);
}

DisputeStage stage(std::string name, std::optional<Date> started, std::optional<Date> completed) {
  DisputeStage s;
  s.name = std::move(name);
  s.started_on = started;
  s.completed_on = completed;
  return s;
}

Case with_dispute(std::vector<DisputeStage> stages) {
  Case c;
  Dispute d;
  d.id = "D1";
  d.raised_on = D("2016-03-04");
  d.stages = std::move(stages);
  c.disputes.push_back(std::move(d));
  return c;
}

std::string entity_of(std::string_view rule) {
  const std::string_view entity = rule.substr(0, rule.find('.'));
  if (entity == "consultation") return "consultations[C1]";
  if (entity == "policy") return "policies[P1]";
  if (rule == "organisation.vcs-equality-policy") return "organisations[vcs]";
  if (entity == "organisation") return "organisations[sbc]";
  if (entity == "payment") return "commissions[G1].payments[INV-1]";
  if (entity == "ending") return "commissions[G1].ending";
  if (entity == "bid") return "commissions[G1].bids[B1]";
  if (entity == "variation") return "commissions[G1].variations[V1]";
  if (entity == "performance-issue") return "commissions[G1].performance_issues[PI1]";
  if (entity == "change-notice") return "commissions[G1].change_notices[N1]";
  if (rule == "dispute.informal-resolution-first") return "disputes[D1]";
  if (entity == "dispute") return "disputes[D1].stages[0]";
  return "commissions[G1]";
}

}  // namespace compact::testing
