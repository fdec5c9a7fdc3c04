#pragma once
// Counts heap allocations, so that "no allocation per evaluation" is measured, not assumed: the global
// operator new of any binary that links allocation_counter.cpp (the tests, the benchmarks) is replaced.

#include <cstdint>

namespace compact::testing {

// Allocations made by this process so far.
uint64_t allocations();

}  // namespace compact::testing
