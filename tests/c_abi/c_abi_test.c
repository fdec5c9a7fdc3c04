/* The C ABI from plain C99: every answer here is checked against something written down elsewhere
 * (GOV.UK's published bank holidays, DESIGN.md's worked examples, the Stockton example's hand-worked
 * due date), and every error path says what and where. Prints each failed check; exit status 1 if
 * any failed. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "compact/compact.h"
#include "read_file.h"

static void version(void) {
  CHECK(compact_version_number() == COMPACT_VERSION_NUMBER);
  CHECK(strcmp(compact_version_string(), "0.1.0") == 0);
  CHECK(strcmp(compact_status_name(COMPACT_OUT_OF_RANGE), "out_of_range") == 0);
  CHECK(strcmp(compact_status_name((compact_status)99), "unknown") == 0);
  CHECK(strcmp(compact_outcome_name(COMPACT_INSUFFICIENT_DATA), "insufficient_data") == 0);
  CHECK(strcmp(compact_outcome_name((compact_outcome)7), "unknown") == 0);
}

/* Every holiday GOV.UK published for 2012-2026 is the calendar's, by date and name, and no other. */
static void published_holidays(const compact_calendar* calendar) {
  char line[256];
  int year;
  size_t seen[2027] = {0};
  FILE* f = fopen(COMPACT_TEST_DATA "/england-and-wales-bank-holidays-2012-2026.tsv", "r");
  CHECK(f != NULL);
  if (!f) return;
  CHECK(fgets(line, sizeof line, f) != NULL); /* the header */
  while (fgets(line, sizeof line, f)) {
    int y, m, d;
    char name[200];
    compact_date_list* list = NULL;
    size_t i;
    int found = 0;
    if (sscanf(line, "%d-%d-%d\t%199[^\t\n]", &y, &m, &d, name) != 4) continue;
    CHECK(compact_calendar_holidays(calendar, y, &list, NULL) == COMPACT_OK);
    for (i = 0; i < compact_date_list_size(list); ++i) {
      if (same(compact_date_list_date(list, i), date(y, m, d)) &&
          strcmp(compact_date_list_name(list, i), name) == 0) {
        found = 1;
      }
    }
    CHECK(found);
    ++seen[y];
    compact_date_list_free(list);
  }
  fclose(f);
  for (year = 2012; year <= 2026; ++year) {
    compact_date_list* list = NULL;
    CHECK(compact_calendar_holidays(calendar, year, &list, NULL) == COMPACT_OK);
    CHECK(compact_date_list_size(list) == seen[year]);
    compact_date_list_free(list);
  }
}

static void calendar_queries(void) {
  compact_calendar* calendar = NULL;
  compact_error* error = NULL;
  compact_date out, days[400], one[400], many[400];
  int working = -1, flags[400];
  int64_t between = 0, counts[400];
  compact_period three_months = {3, COMPACT_MONTHS}, thirty = {30, COMPACT_WORKING_DAYS};
  size_t i;

  CHECK(compact_calendar_open("england-and-wales", &calendar, &error) == COMPACT_OK);
  CHECK(error == NULL);
  if (!calendar) return;
  CHECK(strcmp(compact_calendar_name(calendar), "england-and-wales") == 0);
  /* DESIGN.md: an invoice received Fri 13 Dec 2024 is due by Wed 29 Jan 2025 under 30 working days. */
  CHECK(compact_calendar_add_working_days(calendar, date(2024, 12, 13), 30, &out, NULL) ==
        COMPACT_OK);
  CHECK(same(out, date(2025, 1, 29)));
  CHECK(compact_calendar_add(calendar, date(2024, 12, 13), thirty, &out, NULL) == COMPACT_OK);
  CHECK(same(out, date(2025, 1, 29)));
  CHECK(compact_calendar_working_days_between(calendar, date(2024, 12, 13), date(2025, 1, 29),
                                              &between, NULL) == COMPACT_OK);
  CHECK(between == 30);
  /* Boxing Day 2025 is a Friday bank holiday. */
  CHECK(compact_calendar_is_working_day(calendar, date(2025, 12, 26), &working, NULL) ==
        COMPACT_OK);
  CHECK(working == 0);
  /* The corresponding date: 31 Jan + 1 month = 28 Feb; 30 Apr less 3 months' notice is 31 Jan. */
  three_months.count = 1;
  CHECK(compact_calendar_add(calendar, date(2025, 1, 31), three_months, &out, NULL) == COMPACT_OK);
  CHECK(same(out, date(2025, 2, 28)));
  three_months.count = 3;
  CHECK(compact_calendar_latest_start(calendar, date(2025, 4, 30), three_months, &out, NULL) ==
        COMPACT_OK);
  CHECK(same(out, date(2025, 1, 31)));
  published_holidays(calendar);

  /* The batch forms give what the single ones give, over every day of 2024 and some of 2025. */
  for (i = 0; i < 400; ++i) {
    days[i] = date(2024, 1, 1);
    CHECK(compact_calendar_add(calendar, date(2024, 1, 1),
                               (compact_period){(int64_t)i, COMPACT_DAYS}, &days[i],
                               NULL) == COMPACT_OK);
    CHECK(compact_calendar_add_working_days(calendar, days[i], 30, &one[i], NULL) == COMPACT_OK);
  }
  CHECK(compact_calendar_add_working_days_batch(calendar, days, 400, 30, many, NULL) == COMPACT_OK);
  for (i = 0; i < 400; ++i) CHECK(same(one[i], many[i]));
  CHECK(compact_calendar_working_days_between_batch(calendar, days, many, 400, counts, NULL) ==
        COMPACT_OK);
  for (i = 0; i < 400; ++i) CHECK(counts[i] == 30);
  CHECK(compact_calendar_is_working_day_batch(calendar, days, 400, flags, NULL) == COMPACT_OK);
  for (i = 0; i < 400; ++i) {
    int single = -1;
    CHECK(compact_calendar_is_working_day(calendar, days[i], &single, NULL) == COMPACT_OK);
    CHECK(flags[i] == single);
  }
  {
    const compact_period twelve_weeks = {12, COMPACT_WEEKS};
    CHECK(compact_calendar_add_batch(calendar, days, 400, twelve_weeks, many, NULL) == COMPACT_OK);
    for (i = 0; i < 400; ++i) {
      CHECK(compact_calendar_add(calendar, days[i], twelve_weeks, &out, NULL) == COMPACT_OK);
      CHECK(same(out, many[i]));
    }
    CHECK(compact_calendar_add_working_days_batch(calendar, days, 400, 30, many, NULL) ==
          COMPACT_OK);
  }
  CHECK(compact_calendar_latest_start_batch(calendar, many, 400, thirty, one, NULL) == COMPACT_OK);
  for (i = 0; i < 400; ++i) {
    /* The latest start for 30 working days before the due day, plus 30 working days, is that day. */
    CHECK(compact_calendar_add_working_days(calendar, one[i], 30, &out, NULL) == COMPACT_OK);
    CHECK(same(out, many[i]));
  }

  /* Errors: what and where; the output left alone. */
  out = date(1, 1, 1);
  CHECK(compact_calendar_add_working_days(calendar, date(2025, 2, 30), 1, &out, &error) ==
        COMPACT_INVALID_ARGUMENT);
  CHECK(error && strstr(compact_error_message(error), "February 2025") != NULL);
  CHECK(same(out, date(1, 1, 1)));
  compact_error_free(error);
  error = NULL;
  CHECK(compact_calendar_add_working_days(calendar, date(2199, 12, 20), 30, &out, &error) ==
        COMPACT_OUT_OF_RANGE);
  CHECK(error && compact_error_code(error) == COMPACT_OUT_OF_RANGE);
  compact_error_free(error);
  error = NULL;
  days[1] = date(2200, 1, 1);
  CHECK(compact_calendar_is_working_day_batch(calendar, days, 3, flags, &error) ==
        COMPACT_OUT_OF_RANGE);
  CHECK(error && strstr(compact_error_message(error), "element 1") != NULL);
  compact_error_free(error);
  error = NULL;
  CHECK(compact_calendar_add(calendar, date(2025, 1, 1),
                             (compact_period){1, (compact_period_unit)9}, &out,
                             &error) == COMPACT_INVALID_ARGUMENT);
  compact_error_free(error);
  CHECK(compact_calendar_add(calendar, date(2025, 1, 1), thirty, NULL, NULL) ==
        COMPACT_INVALID_ARGUMENT);
  CHECK(compact_calendar_add(NULL, date(2025, 1, 1), thirty, &out, NULL) ==
        COMPACT_INVALID_ARGUMENT);
  compact_calendar_free(calendar);

  error = NULL;
  CHECK(compact_calendar_open("england", &calendar, &error) == COMPACT_NOT_FOUND);
  CHECK(error && strstr(compact_error_message(error), "england-and-wales") != NULL);
  compact_error_free(error);
}

static void dates_and_periods(void) {
  compact_date d;
  compact_period p;
  compact_error* error = NULL;
  CHECK(compact_date_parse("2016-02-29", &d, NULL) == COMPACT_OK && same(d, date(2016, 2, 29)));
  CHECK(compact_date_parse("2015-02-29", &d, &error) == COMPACT_INVALID_ARGUMENT);
  compact_error_free(error);
  CHECK(compact_period_parse("30 working days", &p, NULL) == COMPACT_OK);
  CHECK(p.count == 30 && p.unit == COMPACT_WORKING_DAYS);
  CHECK(compact_period_parse("3 months", &p, NULL) == COMPACT_OK);
  CHECK(p.count == 3 && p.unit == COMPACT_MONTHS);
  CHECK(compact_period_parse("4 wks", &p, NULL) == COMPACT_INVALID_ARGUMENT);
}

static void engine_and_report(void) {
  compact_engine* engine = NULL;
  compact_report* report = NULL;
  compact_error* error = NULL;
  compact_pack_info info;
  compact_finding f;
  size_t json_length = 0, length = 0, i, total = 0, breaches = 0, timeline;
  int o;
  char* json = read_file(COMPACT_EXAMPLES_DIR "/stockton/grant-commission.json", &json_length);
  const char* text = NULL;
  compact_engine_options options;
  compact_pack_source bad = {"[pack]\nid = \"x\"\ntitle = 3\n", 0, "bad.toml"};

  memset(&options, 0, sizeof options); /* every option's default is 0 */
  options.struct_size = sizeof options;
  info.struct_size = sizeof info;
  f.struct_size = sizeof f;
  CHECK(json != NULL);
  CHECK(compact_engine_create(NULL, 0, NULL, &engine, &error) == COMPACT_OK);
  if (!engine || !json) return;
  CHECK(compact_engine_pack_count(engine) == 1);
  CHECK(compact_engine_pack(engine, 0, &info, NULL) == COMPACT_OK);
  /* The Compact's own dates: September 2014 to August 2017. */
  CHECK(strcmp(info.id, "stockton-2014") == 0);
  CHECK(info.has_in_force_from && same(info.in_force_from, date(2014, 9, 1)));
  CHECK(info.has_in_force_to && same(info.in_force_to, date(2017, 8, 31)));
  CHECK(strcmp(info.calendar, "england-and-wales") == 0);
  CHECK(info.rule_count > 0);
  CHECK(compact_engine_pack(engine, 1, &info, &error) == COMPACT_NOT_FOUND);
  compact_error_free(error);
  error = NULL;

  CHECK(compact_engine_check_json(engine, json, json_length, date(2016, 6, 30), &report, &error) ==
        COMPACT_OK);
  if (!report) return;
  CHECK(same(compact_report_as_of(report), date(2016, 6, 30)));
  CHECK(compact_report_outside_in_force(report) == 0); /* 2016 is inside 2014-2017 */
  for (o = 0; o < COMPACT_OUTCOME_COUNT; ++o)
    total += compact_report_count(report, (compact_outcome)o);
  CHECK(total == compact_report_finding_count(report));
  for (i = 0; i < compact_report_finding_count(report); ++i) {
    CHECK(compact_report_finding(report, i, &f, NULL) == COMPACT_OK);
    if (f.outcome != COMPACT_BREACH) continue;
    ++breaches;
    /* The claim received Friday 4 December 2015: 30 working days on, across Christmas and New
     * Year, is Wednesday 20 January 2016; paid on Friday the 22nd. */
    CHECK(strcmp(f.rule, "payment.on-time") == 0);
    CHECK(strcmp(f.entity, "commissions[G-2015-007].payments[CLAIM-2015-11]") == 0);
    CHECK(f.has_due && same(f.due, date(2016, 1, 20)));
    CHECK(f.has_actual && same(f.actual, date(2016, 1, 22)));
    CHECK(f.has_margin_days && f.margin_days == -2);
    CHECK(f.has_margin_working_days && f.margin_working_days == -2);
    CHECK(f.struct_size == sizeof f);
    CHECK(strcmp(f.party, "public") == 0);
    CHECK(strstr(f.quote, "30 working days") != NULL);
    CHECK(strcmp(f.message, "paid on 2016-01-22, due by 2016-01-20") == 0);
  }
  CHECK(breaches == compact_report_count(report, COMPACT_BREACH) && breaches == 1);
  timeline = compact_report_timeline_count(report);
  CHECK(timeline > 0);
  for (i = 1; i < timeline; ++i) {
    size_t a, b;
    compact_finding fa, fb;
    fa.struct_size = fb.struct_size = sizeof(compact_finding);
    CHECK(compact_report_timeline_entry(report, i - 1, &a, NULL) == COMPACT_OK);
    CHECK(compact_report_timeline_entry(report, i, &b, NULL) == COMPACT_OK);
    CHECK(compact_report_finding(report, a, &fa, NULL) == COMPACT_OK && fa.has_due);
    CHECK(compact_report_finding(report, b, &fb, NULL) == COMPACT_OK && fb.has_due);
    CHECK(fa.due.year * 10000 + fa.due.month * 100 + fa.due.day <=
          fb.due.year * 10000 + fb.due.month * 100 + fb.due.day);
  }
  /* A struct from an older, shorter header is filled as far as it reaches, and no further. */
  {
    compact_finding shorter;
    memset(&shorter, 0, sizeof shorter);
    shorter.struct_size = offsetof(compact_finding, entity);
    CHECK(compact_report_finding(report, 0, &shorter, NULL) == COMPACT_OK);
    CHECK(shorter.rule != NULL && shorter.pack != NULL && shorter.entity == NULL);
    CHECK(shorter.struct_size == offsetof(compact_finding, entity));
    /* A size that ends inside a field fills the whole fields before it, and says so. */
    memset(&shorter, 0, sizeof shorter);
    shorter.struct_size = offsetof(compact_finding, entity) + 4;
    CHECK(compact_report_finding(report, 0, &shorter, NULL) == COMPACT_OK);
    CHECK(shorter.pack != NULL && shorter.entity == NULL);
    CHECK(shorter.struct_size == offsetof(compact_finding, entity));
    shorter.struct_size = 0;
    CHECK(compact_report_finding(report, 0, &shorter, &error) == COMPACT_INVALID_ARGUMENT);
    CHECK(error && strstr(compact_error_message(error), "struct_size") != NULL);
    compact_error_free(error);
    error = NULL;
  }
  /* Values C allows in an enum that are none of its constants. */
  CHECK(compact_report_count(report, (compact_outcome)42) == 0);
  CHECK(compact_report_json(report, (compact_report_detail)5, &text, &length, &error) ==
        COMPACT_INVALID_ARGUMENT);
  CHECK(error && strstr(compact_error_message(error), "detail 5") != NULL);
  compact_error_free(error);
  error = NULL;
  CHECK(compact_report_json(report, COMPACT_REPORT_LEAN, &text, &length, NULL) == COMPACT_OK);
  CHECK(text && strlen(text) == length && strstr(text, "\"rules\"") != NULL);
  compact_report_free(report);
  report = NULL;

  /* A document that does not read: every problem, each with its path, line and column. */
  CHECK(compact_engine_check_json(engine, "{\"commissions\": [{\"id\": 3}],\n \"x\": 1}", 37,
                                  date(2016, 6, 30), &report, &error) == COMPACT_PARSE_ERROR);
  CHECK(report == NULL);
  CHECK(error && compact_error_problem_count(error) == 3);
  /* The error's own place is its first problem's: the commission has no approach. */
  CHECK(error && strcmp(compact_error_json_path(error), "commissions[0].approach") == 0);
  CHECK(error && compact_error_line(error) == 1 && compact_error_column(error) == 18);
  CHECK(error && strcmp(compact_error_problem_path(error, 1), "commissions[0].id") == 0);
  CHECK(error && strcmp(compact_error_problem_code(error, 1), "wrong_type") == 0);
  CHECK(error && compact_error_problem_line(error, 1) == 1);
  CHECK(error && compact_error_problem_column(error, 1) == 25);
  CHECK(error && strcmp(compact_error_problem_path(error, 2), "x") == 0);
  CHECK(error && compact_error_problem_line(error, 2) == 2);
  CHECK(error && strstr(compact_error_problem_message(error, 2), "unknown field") != NULL);
  CHECK(error && strcmp(compact_error_problem_path(error, 3), "") == 0);
  CHECK(error && strstr(compact_error_message(error), "and 2 more errors") != NULL);
  CHECK(error && strcmp(compact_error_problem_severity(error, 0), "error") == 0);
  CHECK(error && strcmp(compact_error_problem_severity(error, 3), "") == 0);
  compact_error_free(error);
  error = NULL;
  CHECK(compact_engine_check_json(engine, json, json_length, date(1899, 12, 31), &report, &error) ==
        COMPACT_OUT_OF_RANGE);
  compact_error_free(error);
  /* A report keeps its engine: it may be read after the engine is freed. */
  CHECK(compact_engine_check_json(engine, json, json_length, date(2016, 6, 30), &report, NULL) ==
        COMPACT_OK);
  compact_engine_free(engine);
  engine = NULL;
  CHECK(compact_report_finding(report, 0, &f, NULL) == COMPACT_OK);
  CHECK(strcmp(f.pack, "stockton-2014") == 0);
  CHECK(compact_report_json(report, COMPACT_REPORT_FULL, &text, &length, NULL) == COMPACT_OK);
  CHECK(strstr(text, "stockton-2014") != NULL);
  compact_report_free(report);
  report = NULL;

  /* A pack that does not load: its file, line and column. */
  bad.length = strlen(bad.text);
  error = NULL;
  options.without_default_pack = 1;
  CHECK(compact_engine_create(&bad, 1, &options, &engine, &error) == COMPACT_PARSE_ERROR);
  CHECK(engine == NULL);
  CHECK(error && strcmp(compact_error_file(error), "bad.toml") == 0);
  CHECK(error && compact_error_line(error) == 3);
  compact_error_free(error);
  /* An option struct from an older header: only its first field, which the size covers. */
  options.struct_size = sizeof(size_t);
  CHECK(compact_engine_create(NULL, 0, &options, &engine, NULL) == COMPACT_OK);
  CHECK(compact_engine_pack_count(engine) == 1); /* the default pack, as the default options have */
  compact_engine_free(engine);
  free(json);

  compact_engine_free(NULL);
  compact_report_free(NULL);
  compact_error_free(NULL);
  compact_calendar_free(NULL);
  compact_date_list_free(NULL);
}

int main(void) {
  version();
  dates_and_periods();
  calendar_queries();
  engine_and_report();
  return finish();
}
