#pragma once
// Building test cases in C++, field by field. Each builder makes one entity of a Stockton case,
// inside the Compact's in-force window (1 September 2014 to 31 August 2017), with the rest
// unrecorded; each with_...() makes a case of it, its organisations listed.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "compact/model/case.hpp"

namespace compact::testing {

// An invoice with the dates given (either may be unrecorded).
Payment invoice(std::string id, std::optional<Date> received, std::optional<Date> paid);

// An organisation with only its id and sector recorded.
Organisation organisation(std::string id, Sector sector);

// Grant G1, expected to start on 1 April 2016 and end on 31 March 2019, inside the Stockton
// Compact's window; the rest unrecorded.
Commission commission();

// A case of `m`, commissioned by the council "sbc" from the VCSE organisation "vcs".
Case with_commission(const Commission& m);

// Consultation C1, led by the council: opens Monday 4 January 2016 and closes twelve weeks on,
// Easter Monday 28 March (across 29 February); a policy likely to affect the sector significantly.
Consultation consultation();

// A case of `k`, with the council "sbc" that leads it.
Case with_consultation(const Consultation& k);

// A case of commission() with the one payment `p`.
Case with_payment(const Payment& p);

// An unsuccessful application, B1, from "vcs", submitted on Friday 15 January 2016.
Bid bid();

// A case of commission() with the one bid `b`.
Case with_bid(const Bid& b);

// Decided on Monday 31 October 2016, to end on Tuesday 28 February 2017; no notice given yet.
Ending ending();

// A case of commission() ending as `e` says.
Case with_ending(const Ending& e);

// Policy P1, led by the council and likely to affect the sector: its development began on Monday 7
// September 2015 and it was decided on Monday 21 March 2016; nothing else recorded.
Policy policy();

// A case of `p`, with the council "sbc" that leads it, and the equality records `records`.
Case with_policy(const Policy& p, std::vector<EqualityRecord> records = {});

// An equality record of `kind`, `organisation`'s (where given); the rest unrecorded.
EqualityRecord equality_record(std::string id, EqualityRecordKind kind,
                               std::optional<std::string> organisation);

// A case of the council "sbc" (public) and the VCSE organisation "vcs", both signed up to the
// Compact, and the equality records `records`.
Case with_equality_records(std::vector<EqualityRecord> records);

// Variation V1 to commission(), proposed on Monday 6 June 2016; not yet agreed.
Variation variation();

// A case of commission(), let as a contract, with the one variation `v`.
Case with_variation(const Variation& v);

// Problem PI1, found on Monday 4 July 2016; no timetable to improve agreed yet.
PerformanceIssue performance_issue();

// A case of commission() with the one problem `i`, and ending as `e` says where there is one.
Case with_performance_issue(const PerformanceIssue& i, std::optional<Ending> e);

// The provider's notice N1 of a change that happened on Thursday 17 March 2016; not yet given.
ChangeNotice change_notice();

// A case of commission() with the one change notice `n`.
Case with_change_notice(const ChangeNotice& n);

// A stage of the resolution process, as the pack names it ("informal resolution", ...).
DisputeStage stage(std::string name, std::optional<Date> started, std::optional<Date> completed);

// A case of one dispute, D1, raised on Friday 4 March 2016, through `stages` in order.
Case with_dispute(std::vector<DisputeStage> stages);

// The entity each Stockton rule is decided for in the cases built above ("commissions[G1]"), by the
// entity its id names: a dispute stage's is the first stage, an organisation's the one of its
// sector.
std::string entity_of(std::string_view rule);

}  // namespace compact::testing
