#include "consistency.hpp"

#include "absl/strings/str_cat.h"
#include "compact/util/absl_string_view.hpp"

namespace compact {
namespace {

using Severity = Problem::Severity;

class Checker {
 public:
  explicit Checker(std::vector<Inconsistency>& out) : out_(out) {}

  // Reports `later` when it falls before `earlier` (both recorded). The path points at `later`.
  void order(const std::optional<Date>& earlier, std::string_view earlier_name,
             const std::optional<Date>& later, std::string_view later_name, Severity severity) {
    if (!earlier || !later || *later >= *earlier) return;
    json_source::Path path = path_;
    path.push_back({later_name, -1});
    out_.push_back({{severity, "inconsistent_dates", "", 0, 0,
                     absl::StrCat(to_absl(later_name), " (", format_date(*later), ") is before ",
                                  to_absl(earlier_name), " (", format_date(*earlier), ")")},
                    std::move(path)});
  }

  // Runs `check` with the path extended to list[index].
  template <typename Check>
  void within(std::string_view list, size_t index, Check check) {
    path_.push_back({list, -1});
    path_.push_back({"", static_cast<long long>(index)});
    check();
    path_.resize(path_.size() - 2);
  }
  template <typename Check>
  void within(std::string_view field, Check check) {
    path_.push_back({field, -1});
    check();
    path_.pop_back();
  }

 private:
  std::vector<Inconsistency>& out_;
  json_source::Path path_;
};

}  // namespace

std::vector<Inconsistency> check_consistency(const Case& c) {
  std::vector<Inconsistency> out;
  Checker check(out);
  constexpr Severity kError = Severity::kError;
  constexpr Severity kWarning = Severity::kWarning;

  for (size_t i = 0; i < c.consultations.size(); ++i) {
    const Consultation& x = c.consultations[i];
    check.within("consultations", i,
                 [&] { check.order(x.opens_on, "opens_on", x.closes_on, "closes_on", kError); });
  }
  for (size_t i = 0; i < c.policies.size(); ++i) {
    const Policy& p = c.policies[i];
    check.within("policies", i, [&] {
      check.order(p.development_started_on, "development_started_on", p.decided_on, "decided_on",
                  kWarning);
    });
  }
  for (size_t i = 0; i < c.commissions.size(); ++i) {
    const Commission& m = c.commissions[i];
    check.within("commissions", i, [&] {
      check.order(m.start_on, "start_on", m.end_on, "end_on", kError);
      check.order(m.tender_published_on, "tender_published_on", m.tender_closes_on,
                  "tender_closes_on", kError);
      check.order(m.agreement_signed_on, "agreement_signed_on", m.end_on, "end_on", kWarning);
      for (size_t k = 0; k < m.payments.size(); ++k) {
        const Payment& pay = m.payments[k];
        // A payment in advance of expenditure may precede the claim that accounts for it.
        if (pay.in_advance.value_or(false)) continue;
        check.within("payments", k, [&] {
          check.order(pay.received_on, "received_on", pay.paid_on, "paid_on", kError);
        });
      }
      for (size_t k = 0; k < m.bids.size(); ++k) {
        const Bid& bid = m.bids[k];
        check.within("bids", k, [&] {
          check.order(bid.submitted_on, "submitted_on", bid.feedback_given_on, "feedback_given_on",
                      kError);
        });
      }
      for (size_t k = 0; k < m.variations.size(); ++k) {
        const Variation& v = m.variations[k];
        check.within("variations", k, [&] {
          check.order(v.proposed_on, "proposed_on", v.agreed_on, "agreed_on", kError);
        });
      }
      if (m.ending) {
        const Ending& e = *m.ending;
        check.within("ending", [&] {
          check.order(e.notice_given_on, "notice_given_on", e.ends_on, "ends_on", kError);
          check.order(e.decided_on, "decided_on", e.ends_on, "ends_on", kError);
          check.order(m.start_on, "the commission's start_on", e.ends_on, "ends_on", kWarning);
        });
      }
    });
  }
  for (size_t i = 0; i < c.disputes.size(); ++i) {
    const Dispute& d = c.disputes[i];
    check.within("disputes", i, [&] {
      check.order(d.raised_on, "raised_on", d.resolved_on, "resolved_on", kError);
      for (size_t k = 0; k < d.stages.size(); ++k) {
        const DisputeStage& s = d.stages[k];
        check.within("stages", k, [&] {
          check.order(s.started_on, "started_on", s.completed_on, "completed_on", kError);
          check.order(d.raised_on, "the dispute's raised_on", s.started_on, "started_on", kWarning);
        });
      }
    });
  }
  for (size_t i = 0; i < c.equality_records.size(); ++i) {
    const EqualityRecord& r = c.equality_records[i];
    check.within("equality_records", i, [&] {
      check.order(r.adopted_on, "adopted_on", r.reviewed_on, "reviewed_on", kWarning);
      check.order(r.adopted_on, "adopted_on", r.next_review_due_on, "next_review_due_on", kWarning);
    });
  }
  return out;
}

}  // namespace compact
