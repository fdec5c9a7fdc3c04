// The library's version as it runs, which a program compiled against an older header may compare
// with COMPACT_VERSION_NUMBER.

#include "compact/compact.h"

#define COMPACT_STRINGIFY(x) #x
#define COMPACT_VERSION_TEXT(major, minor, patch) \
  COMPACT_STRINGIFY(major) "." COMPACT_STRINGIFY(minor) "." COMPACT_STRINGIFY(patch)

extern "C" {

unsigned compact_version_number(void) { return COMPACT_VERSION_NUMBER; }

const char* compact_version_string(void) {
  return COMPACT_VERSION_TEXT(COMPACT_VERSION_MAJOR, COMPACT_VERSION_MINOR, COMPACT_VERSION_PATCH);
}

}  // extern "C"
