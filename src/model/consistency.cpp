#include "consistency.hpp"

#include "absl/strings/str_cat.h"
#include "compact/util/absl_string_view.hpp"
#include "entity_walk.hpp"

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
    json_source::Path path(path_.begin(), path_.end());
    path.push_back({later_name, -1});
    out_.push_back({{severity, "inconsistent_dates", "", 0, 0,
                     absl::StrCat(to_absl(later_name), " (", format_date(*later), ") is before ",
                                  to_absl(earlier_name), " (", format_date(*earlier), ")")},
                    std::move(path)});
  }

  // Runs `check` on each entry of `list`, with the path extended to list[index].
  template <typename Entry, typename Check>
  void each(std::string_view list, const std::vector<Entry>& entries, Check check) {
    if (entries.empty()) return;
    path_.push_back({list, -1});
    path_.push_back({"", 0});
    for (size_t i = 0; i < entries.size(); ++i) {
      path_.back().index = static_cast<long long>(i);
      check(entries[i]);
    }
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
  WalkPath path_;
};

}  // namespace

std::vector<Inconsistency> check_consistency(const Case& c) {
  std::vector<Inconsistency> out;
  Checker check(out);
  constexpr Severity kError = Severity::kError;
  constexpr Severity kWarning = Severity::kWarning;

  check.each("consultations", c.consultations, [&](const Consultation& x) {
    check.order(x.opens_on, "opens_on", x.closes_on, "closes_on", kError);
  });
  check.each("policies", c.policies, [&](const Policy& p) {
    check.order(p.development_started_on, "development_started_on", p.decided_on, "decided_on",
                kWarning);
  });
  check.each("commissions", c.commissions, [&](const Commission& m) {
    check.order(m.start_on, "start_on", m.end_on, "end_on", kError);
    check.order(m.tender_published_on, "tender_published_on", m.tender_closes_on,
                "tender_closes_on", kError);
    check.order(m.agreement_signed_on, "agreement_signed_on", m.end_on, "end_on", kWarning);
    check.each("payments", m.payments, [&](const Payment& pay) {
      // A payment in advance of expenditure may precede the claim that accounts for it.
      if (pay.in_advance.value_or(false)) return;
      check.order(pay.received_on, "received_on", pay.paid_on, "paid_on", kError);
    });
    check.each("bids", m.bids, [&](const Bid& bid) {
      check.order(bid.submitted_on, "submitted_on", bid.feedback_given_on, "feedback_given_on",
                  kError);
    });
    check.each("variations", m.variations, [&](const Variation& v) {
      check.order(v.proposed_on, "proposed_on", v.agreed_on, "agreed_on", kError);
    });
    if (m.ending) {
      const Ending& e = *m.ending;
      check.within("ending", [&] {
        check.order(e.notice_given_on, "notice_given_on", e.ends_on, "ends_on", kError);
        check.order(e.decided_on, "decided_on", e.ends_on, "ends_on", kError);
        check.order(m.start_on, "the commission's start_on", e.ends_on, "ends_on", kWarning);
      });
    }
  });
  check.each("disputes", c.disputes, [&](const Dispute& d) {
    check.order(d.raised_on, "raised_on", d.resolved_on, "resolved_on", kError);
    check.each("stages", d.stages, [&](const DisputeStage& s) {
      check.order(s.started_on, "started_on", s.completed_on, "completed_on", kError);
      check.order(d.raised_on, "the dispute's raised_on", s.started_on, "started_on", kWarning);
    });
  });
  check.each("equality_records", c.equality_records, [&](const EqualityRecord& r) {
    check.order(r.adopted_on, "adopted_on", r.reviewed_on, "reviewed_on", kWarning);
    check.order(r.adopted_on, "adopted_on", r.next_review_due_on, "next_review_due_on", kWarning);
  });
  return out;
}

}  // namespace compact
