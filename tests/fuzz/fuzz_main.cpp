// libFuzzer's entry for one fuzz target (fuzz_targets.hpp), compiled once per target with
// COMPACT_FUZZ_TARGET naming it: any report of misbehaviour aborts.
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_targets.hpp"

#define COMPACT_FUZZ_NAME_(target) #target
#define COMPACT_FUZZ_NAME(target) COMPACT_FUZZ_NAME_(target)

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string wrong = compact::fuzz::COMPACT_FUZZ_TARGET(
      std::string_view(reinterpret_cast<const char*>(data), size));
  if (!wrong.empty()) {
    std::fprintf(stderr, "compact::fuzz::%s: %s\n", COMPACT_FUZZ_NAME(COMPACT_FUZZ_TARGET),
                 wrong.c_str());
    std::abort();
  }
  return 0;
}
