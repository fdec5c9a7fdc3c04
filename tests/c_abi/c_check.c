/* A C program that checks a case document through the C ABI alone, as `compact check --format json`
 * does: tests/c_abi/test_c_abi.py compares the two reports.
 *
 *   c_check [--lean] [--pack FILE]... CASE.json YYYY-MM-DD
 *
 * Exit status: 0 with the report on standard output; 3 with the error on standard error. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compact/compact.h"
#include "read_file.h"

/* The whole of `path`, NUL-terminated, into *text (free it), its length into *length. */
static int fail(compact_error* error) {
  fprintf(stderr, "error (%s): %s\n", compact_status_name(compact_error_code(error)),
          compact_error_message(error));
  if (compact_error_line(error) > 0) {
    fprintf(stderr, "at %s line %d column %d %s\n", compact_error_file(error),
            compact_error_line(error), compact_error_column(error), compact_error_json_path(error));
  }
  compact_error_free(error);
  return 3;
}

int main(int argc, char** argv) {
  compact_pack_source packs[8];
  char* pack_texts[8];
  size_t pack_count = 0, i, length = 0;
  int lean = 0, arg = 1, status = 0;
  char* json = NULL;
  const char* report_json = NULL;
  compact_date as_of;
  compact_engine* engine = NULL;
  compact_report* report = NULL;
  compact_error* error = NULL;

  for (; arg < argc && strncmp(argv[arg], "--", 2) == 0; ++arg) {
    if (strcmp(argv[arg], "--lean") == 0) {
      lean = 1;
    } else if (strcmp(argv[arg], "--pack") == 0 && arg + 1 < argc && pack_count < 8) {
      ++arg;
      if (!(pack_texts[pack_count] = read_file(argv[arg], &packs[pack_count].length))) {
        fprintf(stderr, "cannot read %s\n", argv[arg]);
        return 3;
      }
      packs[pack_count].text = pack_texts[pack_count];
      packs[pack_count].name = argv[arg];
      ++pack_count;
    } else {
      fprintf(stderr, "unknown option %s\n", argv[arg]);
      return 2;
    }
  }
  if (argc - arg != 2) {
    fprintf(stderr, "usage: c_check [--lean] [--pack FILE]... CASE.json YYYY-MM-DD\n");
    return 2;
  }
  if (!(json = read_file(argv[arg], &length))) {
    fprintf(stderr, "cannot read %s\n", argv[arg]);
    return 3;
  }
  if (compact_date_parse(argv[arg + 1], &as_of, &error) != COMPACT_OK ||
      compact_engine_create(packs, pack_count, NULL, &engine, &error) != COMPACT_OK ||
      compact_engine_check_json(engine, json, length, as_of, &report, &error) != COMPACT_OK ||
      compact_report_json(report, lean ? COMPACT_REPORT_LEAN : COMPACT_REPORT_FULL, &report_json,
                          &length, &error) != COMPACT_OK) {
    status = fail(error);
  } else {
    fwrite(report_json, 1, length, stdout);
    fputc('\n', stdout);
  }
  compact_report_free(report);
  compact_engine_free(engine);
  for (i = 0; i < pack_count; ++i) free(pack_texts[i]);
  free(json);
  return status;
}
