// libFuzzer's entry for compact::fuzz::pack (fuzz_targets.hpp): any report of misbehaviour aborts.
#include <cstdio>
#include <cstdlib>

#include "fuzz/fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string wrong =
      compact::fuzz::pack(std::string_view(reinterpret_cast<const char*>(data), size));
  if (!wrong.empty()) {
    std::fprintf(stderr, "compact::fuzz::pack: %s\n", wrong.c_str());
    std::abort();
  }
  return 0;
}
