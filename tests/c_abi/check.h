/* What the C test programs share: a check that reports and counts its failures, and dates. */
#ifndef COMPACT_TESTS_CHECK_H
#define COMPACT_TESTS_CHECK_H

#include <stdio.h>

#include "compact/compact.h"

static int failures = 0;

#define CHECK(condition)                                                      \
  do {                                                                        \
    if (!(condition)) {                                                       \
      fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #condition); \
      ++failures;                                                             \
    }                                                                         \
  } while (0)

static compact_date date(int year, int month, int day) {
  compact_date d;
  d.year = year;
  d.month = month;
  d.day = day;
  return d;
}

static int same(compact_date a, compact_date b) {
  return a.year == b.year && a.month == b.month && a.day == b.day;
}

/* The exit status: 1 if any check failed, which it says. */
static int finish(void) {
  if (failures) fprintf(stderr, "%d checks failed\n", failures);
  return failures ? 1 : 0;
}

#endif /* COMPACT_TESTS_CHECK_H */
