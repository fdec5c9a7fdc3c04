#pragma once
// Counts heap allocations in the benchmark binary, so that "no allocation per evaluation" is measured,
// not assumed: the global operator new is replaced in allocation_counter.cpp.

#include <cstdint>

namespace compact::benchmarks {

// Allocations made by this process so far.
uint64_t allocations();

}  // namespace compact::benchmarks
