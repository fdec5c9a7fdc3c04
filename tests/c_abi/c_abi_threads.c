/* One engine shared by 8 threads, each making 10,000 evaluations through the C ABI of the example
 * cases in turn: each report must be byte for byte the one a single thread made first. Runs under
 * ThreadSanitizer with the tsan preset (its test name has "Thread" in it). */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compact/compact.h"
#include "read_file.h"

#define THREADS 8
#define EVALUATIONS 10000
#define CASES 4

static const char* const kCases[CASES] = {"stockton/grant-commission.json",
                                          "stockton/ending-and-reduction.json",
                                          "stockton/dispute.json", "grant-with-invoices.json"};
static char* case_text[CASES];
static size_t case_length[CASES];
static char* serial[CASES];
static compact_engine* engine;
static const compact_date kAsOf = {2017, 6, 30};

/* The lean report of case `which`, copied (free it), or NULL on an error. */
static char* evaluate(size_t which) {
  compact_report* report = NULL;
  const char* json = NULL;
  size_t length = 0;
  char* copy = NULL;
  if (compact_engine_check_json(engine, case_text[which], case_length[which], kAsOf, &report,
                                NULL) == COMPACT_OK &&
      compact_report_json(report, COMPACT_REPORT_LEAN, &json, &length, NULL) == COMPACT_OK) {
    copy = malloc(length + 1);
    if (copy) memcpy(copy, json, length + 1);
  }
  compact_report_free(report);
  return copy;
}

static void* work(void* argument) {
  const size_t thread = (size_t)argument;
  size_t i, *mismatches = calloc(1, sizeof(size_t));
  if (!mismatches) return NULL;
  for (i = 0; i < EVALUATIONS; ++i) {
    const size_t which = (thread + i) % CASES;
    char* report = evaluate(which);
    if (!report || strcmp(report, serial[which]) != 0) ++*mismatches;
    free(report);
  }
  return mismatches;
}

int main(void) {
  pthread_t threads[THREADS];
  size_t i, failures = 0;
  char path[512];
  if (compact_engine_create(NULL, 0, NULL, &engine, NULL) != COMPACT_OK) return 1;
  for (i = 0; i < CASES; ++i) {
    snprintf(path, sizeof path, "%s/%s", COMPACT_EXAMPLES_DIR, kCases[i]);
    case_text[i] = read_file(path, &case_length[i]);
    if (!case_text[i] || !(serial[i] = evaluate(i))) {
      fprintf(stderr, "cannot evaluate %s\n", path);
      return 1;
    }
  }
  for (i = 0; i < THREADS; ++i) {
    if (pthread_create(&threads[i], NULL, work, (void*)i) != 0) return 1;
  }
  for (i = 0; i < THREADS; ++i) {
    void* result = NULL;
    pthread_join(threads[i], &result);
    if (!result) {
      ++failures;
      continue;
    }
    if (*(size_t*)result) fprintf(stderr, "thread %zu: %zu reports differ\n", i, *(size_t*)result);
    failures += *(size_t*)result;
    free(result);
  }
  for (i = 0; i < CASES; ++i) {
    free(case_text[i]);
    free(serial[i]);
  }
  compact_engine_free(engine);
  printf("%d threads x %d evaluations: %zu differ from the serial reports\n", THREADS, EVALUATIONS,
         failures);
  return failures ? 1 : 0;
}
