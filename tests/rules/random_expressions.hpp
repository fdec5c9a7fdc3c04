#pragma once
// Random well-typed expressions over a commission and one of its payments, and random commissions to
// evaluate them on, for differential tests against the reference implementation. The scope is
// `commission` and `payment` bound in that order, and the parameters payment_period (a period),
// limit (an integer) and cutoff (a date), declared in that order.

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "compact/model/commission.hpp"
#include "reference_expression.hpp"

namespace compact::rules::reference {

// Where the ordinary random dates start: 1990-01-01 (90 years of 365 days and 22 leap days).
inline constexpr int64_t kDaysFrom1900To1990 = 32'872;

struct Names {
  // Whether `payment` names an entity outside any()/all() (inside them it names each entry).
  bool payment = true;
  // Whether the parameters payment_period, limit and cutoff may be read (a rule's arises and actual
  // see none), and the date parameters besides cutoff: a rule's as_of, due and actual.
  bool parameters = true;
  std::vector<std::string> dates;
};

// An expression of type `kind` (bool, integer, money, date or text), at most `depth` operations deep,
// using only `names` and the commission's fields.
std::unique_ptr<RefNode> random_expression(std::mt19937_64& rng, Kind kind, int depth,
                                           const Names& names = {});

// One of the fields above of type `kind` (bool, date, money or text) that `names` can reach.
std::string random_field(std::mt19937_64& rng, Kind kind, const Names& names);

// A commission whose optional fields are each recorded or not, with dates mostly in 1990-2035 and now
// and then within weeks of the supported range's ends (so that date arithmetic can leave it), zero to
// three payments, and an ending or none.
Commission random_commission(std::mt19937_64& rng);

}  // namespace compact::rules::reference
