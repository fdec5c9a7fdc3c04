/*
 * Compact Engine's C ABI: the whole contract, in plain C99. docs/c-abi.md has the rules it keeps
 * (additions only within a major version; a break means a new SONAME) and a worked example.
 *
 * Conventions, as in SQLite, libgit2 and zstd:
 *  - Objects are opaque handles made by a *_create or *_open function and released by its *_free
 *    function; freeing NULL does nothing.
 *  - Functions return a compact_status; results come back through `out` parameters, which are left
 *    untouched on an error (a batch's output array excepted: see the batch forms). Every function
 *    that can fail takes a last `compact_error **error`: when it is not NULL and the call fails,
 *    *error is set to a new error object (free it with compact_error_free; whatever *error held
 *    before is not freed) saying what went wrong and where (file, line, column, JSON path). On
 *    success *error is left as it was.
 *  - No C++ exception ever crosses this interface; an allocation that fails is COMPACT_NO_MEMORY.
 *  - Strings passed in are UTF-8, with an explicit length where they may be large; strings handed
 *    out are UTF-8, NUL-terminated, and owned by the object they came from (valid until it is freed)
 *    unless a function says otherwise. An accessor given NULL, or an index out of range, returns ""
 *    or 0, never NULL.
 *  - A report keeps the engine that made it alive: an engine may be freed before its reports.
 *  - Structs passed either way start with their own size: set `struct_size = sizeof(the struct)`
 *    before the call, so that a later version can add fields at the end and still read, or fill, a
 *    caller's older, shorter struct. The library reads or writes whole fields only, up to that size,
 *    and when it fills a struct it sets struct_size to the bytes it filled (an older library fills
 *    fewer). Every field's zero value is its default, so `{sizeof(s)}` is a valid struct.
 *  - Enums are int-sized (each has a _FORCE_INT value), and a newer library may return values an
 *    older header does not name: treat them as unknown, never index a table with them.
 *  - Dates are civil dates in 1900-01-01..2199-12-31 (compact_date); a date outside that range is
 *    COMPACT_OUT_OF_RANGE, never a wrong answer.
 *  - An engine and a calendar are immutable once made and may be used from many threads at once. A
 *    report, a list of dates and an error belong to one thread at a time.
 */
#ifndef COMPACT_COMPACT_H
#define COMPACT_COMPACT_H

#include <stddef.h>
#include <stdint.h>

#define COMPACT_VERSION_MAJOR 0
#define COMPACT_VERSION_MINOR 1
#define COMPACT_VERSION_PATCH 0
/* MAJOR * 10000 + MINOR * 100 + PATCH: 100 for 0.1.0. */
#define COMPACT_VERSION_NUMBER \
  (COMPACT_VERSION_MAJOR * 10000 + COMPACT_VERSION_MINOR * 100 + COMPACT_VERSION_PATCH)

#if defined(_WIN32)
#if defined(COMPACT_BUILDING_LIBRARY)
#define COMPACT_API __declspec(dllexport)
#else
#define COMPACT_API __declspec(dllimport)
#endif
#elif defined(__GNUC__)
#define COMPACT_API __attribute__((visibility("default")))
#else
#define COMPACT_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* The library's version when it runs, which may be newer than the header's: COMPACT_VERSION_NUMBER
 * and "0.1.0". */
COMPACT_API unsigned compact_version_number(void);
COMPACT_API const char* compact_version_string(void);

/* ---- Status codes and errors ------------------------------------------------------------------ */

typedef enum compact_status {
  COMPACT_OK = 0,
  COMPACT_INVALID_ARGUMENT = 1, /* a NULL handle, a malformed date or period, a bad option */
  COMPACT_PARSE_ERROR = 2,      /* a case document or rule pack that does not read: see the error */
  COMPACT_OUT_OF_RANGE = 3,     /* a date, given or worked out, outside 1900-01-01..2199-12-31 */
  COMPACT_NOT_FOUND = 4,        /* no such calendar, pack, definition or index */
  COMPACT_NO_MEMORY = 5,
  COMPACT_INTERNAL = 6, /* a fault in the library: please report it */
  COMPACT_STATUS_FORCE_INT = 0x7fffffff
} compact_status;

/* "ok", "invalid_argument", ... for any status; "unknown" for a code this version does not know. */
COMPACT_API const char* compact_status_name(compact_status status);

typedef struct compact_error compact_error;

COMPACT_API compact_status compact_error_code(const compact_error* error);
/* The whole message, as the CLI would print it after "error: ". */
COMPACT_API const char* compact_error_message(const compact_error* error);
/* Where it applies; "" and 0 where nothing does. The file is a pack's name as it was given. */
COMPACT_API const char* compact_error_file(const compact_error* error);
COMPACT_API int compact_error_line(const compact_error* error);   /* 1-based */
COMPACT_API int compact_error_column(const compact_error* error); /* 1-based, in characters */
COMPACT_API const char* compact_error_json_path(const compact_error* error);
/* A case document that does not read has every problem found (up to a limit), errors and warnings,
 * the first error of which the accessors above describe. Index 0..count-1; out of range gives ""
 * or 0. */
COMPACT_API size_t compact_error_problem_count(const compact_error* error);
/* "error" or "warning". */
COMPACT_API const char* compact_error_problem_severity(const compact_error* error, size_t i);
COMPACT_API const char* compact_error_problem_code(const compact_error* error, size_t i);
COMPACT_API const char* compact_error_problem_path(const compact_error* error, size_t i);
COMPACT_API int compact_error_problem_line(const compact_error* error, size_t i);
COMPACT_API int compact_error_problem_column(const compact_error* error, size_t i);
COMPACT_API const char* compact_error_problem_message(const compact_error* error, size_t i);
COMPACT_API void compact_error_free(compact_error* error);

/* ---- Dates and periods ------------------------------------------------------------------------ */

typedef struct compact_date {
  int32_t year;  /* 1900..2199 */
  int32_t month; /* 1..12 */
  int32_t day;   /* 1..31 */
} compact_date;

typedef enum compact_period_unit {
  COMPACT_DAYS = 0,
  COMPACT_WEEKS = 1,
  COMPACT_MONTHS = 2, /* the corresponding date: 31 Jan + 1 month = 28 Feb */
  COMPACT_YEARS = 3,  /* 12 months */
  COMPACT_WORKING_DAYS = 4,
  COMPACT_PERIOD_UNIT_FORCE_INT = 0x7fffffff
} compact_period_unit;

typedef struct compact_period {
  int64_t count; /* negative counts back */
  compact_period_unit unit;
} compact_period;

/* "2025-01-31" into a date; "12 weeks", "3 months", "30 working days", "30wd" into a period. */
COMPACT_API compact_status compact_date_parse(const char* text, compact_date* out,
                                              compact_error** error);
COMPACT_API compact_status compact_period_parse(const char* text, compact_period* out,
                                                compact_error** error);

/* A list of dates the library made (a year's holidays). */
typedef struct compact_date_list compact_date_list;
COMPACT_API size_t compact_date_list_size(const compact_date_list* list);
/* The date at `i` ({0, 0, 0} out of range), and its name ("Christmas Day") where it has one, else
 * "". */
COMPACT_API compact_date compact_date_list_date(const compact_date_list* list, size_t i);
COMPACT_API const char* compact_date_list_name(const compact_date_list* list, size_t i);
COMPACT_API void compact_date_list_free(compact_date_list* list);

/* ---- Calendars -------------------------------------------------------------------------------- */

typedef struct compact_calendar compact_calendar;

/* A built-in calendar: "england-and-wales", "scotland" or "northern-ireland" (bank holidays
 * 1900-2199, Saturday and Sunday off). COMPACT_NOT_FOUND lists the names. */
COMPACT_API compact_status compact_calendar_open(const char* name, compact_calendar** out,
                                                 compact_error** error);
COMPACT_API void compact_calendar_free(compact_calendar* calendar);
COMPACT_API const char* compact_calendar_name(const compact_calendar* calendar);

/* docs/dates.md states each convention exactly. */
/* *out = 1 when `d` is neither a weekend day nor a holiday, else 0. */
COMPACT_API compact_status compact_calendar_is_working_day(const compact_calendar* calendar,
                                                           compact_date d, int* out,
                                                           compact_error** error);
/* The n-th working day strictly after d (n > 0), strictly before it (n < 0), or d (n = 0). */
COMPACT_API compact_status compact_calendar_add_working_days(const compact_calendar* calendar,
                                                             compact_date d, int64_t n,
                                                             compact_date* out,
                                                             compact_error** error);
/* The working days in (a, b]; negative when b is before a. */
COMPACT_API compact_status compact_calendar_working_days_between(const compact_calendar* calendar,
                                                                 compact_date a, compact_date b,
                                                                 int64_t* out,
                                                                 compact_error** error);
/* d + p, for any kind of period. */
COMPACT_API compact_status compact_calendar_add(const compact_calendar* calendar, compact_date d,
                                                compact_period p, compact_date* out,
                                                compact_error** error);
/* The latest e with e + p <= x: the last day to act "at least p before x". */
COMPACT_API compact_status compact_calendar_latest_start(const compact_calendar* calendar,
                                                         compact_date x, compact_period p,
                                                         compact_date* out, compact_error** error);
/* The calendar's holidays in `year`, in date order. */
COMPACT_API compact_status compact_calendar_holidays(const compact_calendar* calendar, int32_t year,
                                                     compact_date_list** out,
                                                     compact_error** error);

/* Batch forms: element i of `out` (which has room for `count`) is the answer for element i of the
 * input. One failure stops the batch: the status is that element's, the error's message names its
 * index (when count > 1), and `out` holds the answers before it. The single forms are batches of
 * one. */
COMPACT_API compact_status compact_calendar_is_working_day_batch(const compact_calendar* calendar,
                                                                 const compact_date* days,
                                                                 size_t count, int* out,
                                                                 compact_error** error);
COMPACT_API compact_status compact_calendar_add_working_days_batch(const compact_calendar* calendar,
                                                                   const compact_date* days,
                                                                   size_t count, int64_t n,
                                                                   compact_date* out,
                                                                   compact_error** error);
COMPACT_API compact_status compact_calendar_working_days_between_batch(
    const compact_calendar* calendar, const compact_date* from, const compact_date* to,
    size_t count, int64_t* out, compact_error** error);
COMPACT_API compact_status compact_calendar_add_batch(const compact_calendar* calendar,
                                                      const compact_date* days, size_t count,
                                                      compact_period p, compact_date* out,
                                                      compact_error** error);
COMPACT_API compact_status compact_calendar_latest_start_batch(const compact_calendar* calendar,
                                                               const compact_date* days,
                                                               size_t count, compact_period p,
                                                               compact_date* out,
                                                               compact_error** error);

/* ---- Engines ---------------------------------------------------------------------------------- */

typedef struct compact_engine compact_engine;

/* Every field's default is 0: `compact_engine_options options = {sizeof options};`. */
typedef struct compact_engine_options {
  size_t struct_size; /* sizeof(compact_engine_options) */
  /* 0: a pack applies whatever the dates, and findings outside its in-force window are flagged.
   * 1: such findings are not_applicable. */
  int strict_in_force;
  /* 0: rules compiled to machine code where the machine allows; 1: interpreted only. The findings
   * are the same either way. */
  int interpret_only;
  /* 0: the built-in pack, The Stockton Borough Compact 2014-2017, comes first; 1: it is left out. */
  int without_default_pack;
} compact_engine_options;

/* A rule pack's TOML text (docs/packs.md) and the name its errors give, e.g. "my-compact.toml"
 * (NULL: "packs[i]"); `text` may be NULL when `length` is 0. An array element, so it never grows: a
 * later need gets a new struct. */
typedef struct compact_pack_source {
  const char* text;
  size_t length;
  const char* name;
} compact_pack_source;

/* An engine with the packs given (after the built-in one, unless the options leave it out). `options`
 * NULL means the defaults. A pack that does not load is COMPACT_PARSE_ERROR with its file, line and
 * column. */
COMPACT_API compact_status compact_engine_create(const compact_pack_source* packs,
                                                 size_t pack_count,
                                                 const compact_engine_options* options,
                                                 compact_engine** out, compact_error** error);
COMPACT_API void compact_engine_free(compact_engine* engine);

/* The engine's packs, in order. */
typedef struct compact_pack_info {
  size_t struct_size;  /* set by the caller: sizeof(compact_pack_info) */
  const char* id;      /* "stockton-2014" */
  const char* title;   /* "The Stockton Borough Compact" */
  const char* edition; /* "" when the pack gives none */
  const char* calendar;
  int has_in_force_from;
  compact_date in_force_from;
  int has_in_force_to;
  compact_date in_force_to;
  size_t rule_count;
} compact_pack_info;

COMPACT_API size_t compact_engine_pack_count(const compact_engine* engine);
/* Fills *out, as far as out->struct_size reaches; its strings belong to the engine. */
COMPACT_API compact_status compact_engine_pack(const compact_engine* engine, size_t i,
                                               compact_pack_info* out, compact_error** error);

/* ---- Evaluating a case ------------------------------------------------------------------------ */

typedef struct compact_report compact_report;

/* Reads the case document `json` (DESIGN.md's case document; length bytes) and evaluates it as of
 * `as_of` into a new report. A document that does not read is COMPACT_PARSE_ERROR, the error
 * listing every problem with its JSON path, line and column. */
COMPACT_API compact_status compact_engine_check_json(const compact_engine* engine, const char* json,
                                                     size_t length, compact_date as_of,
                                                     compact_report** out, compact_error** error);
COMPACT_API void compact_report_free(compact_report* report);

typedef enum compact_report_detail {
  COMPACT_REPORT_FULL = 0, /* every finding with its citation, conventions, parameters and trace */
  COMPACT_REPORT_LEAN = 1, /* each rule's words once, in "rules" (docs/cli.md, --detail lean) */
  COMPACT_REPORT_DETAIL_FORCE_INT = 0x7fffffff
} compact_report_detail;

/* The report as DESIGN.md's JSON: *out (NUL-terminated, *length bytes without the NUL) belongs to
 * the report and stays valid until it is freed or this is called again for it. `length` may be NULL. */
COMPACT_API compact_status compact_report_json(compact_report* report, compact_report_detail detail,
                                               const char** out, size_t* length,
                                               compact_error** error);

typedef enum compact_outcome {
  COMPACT_COMPLIANT = 0,
  COMPACT_EXPLAINED = 1,
  COMPACT_PENDING = 2,
  COMPACT_OVERDUE = 3,
  COMPACT_BREACH = 4,
  COMPACT_NOT_APPLICABLE = 5,
  COMPACT_INSUFFICIENT_DATA = 6,
  COMPACT_OUTCOME_FORCE_INT = 0x7fffffff
} compact_outcome;
/* The outcomes this header names; a newer library may add more (compact_outcome_name names them). */
#define COMPACT_OUTCOME_COUNT 7

/* "compliant", "explained", ...: the names the JSON report uses; "unknown" for another value. */
COMPACT_API const char* compact_outcome_name(compact_outcome outcome);

COMPACT_API compact_date compact_report_as_of(const compact_report* report);
/* The findings of each outcome, and those about obligations that arose outside their pack's
 * in-force window. */
COMPACT_API size_t compact_report_count(const compact_report* report, compact_outcome outcome);
COMPACT_API size_t compact_report_outside_in_force(const compact_report* report);

/* One finding, as the JSON report has it. The strings belong to the report. */
typedef struct compact_finding {
  size_t struct_size; /* set by the caller: sizeof(compact_finding) */
  const char* rule;   /* "payment.on-time" */
  const char* pack;   /* "stockton-2014" */
  const char* entity; /* "commissions[G1].payments[INV-1]" */
  compact_outcome outcome;
  const char* party;    /* "public", "vcse", "both" */
  const char* strength; /* "must", "undertake", "aim", "where_possible" */
  const char* section;  /* where the rule's words are in the Compact */
  const char* quote;    /* the Compact's own words */
  int has_arises;
  compact_date arises;
  int has_due;
  compact_date due;
  int has_actual;
  compact_date actual;
  int has_margin_days;
  int64_t margin_days; /* positive: early, or past a minimum */
  int has_margin_working_days;
  int64_t margin_working_days;
  int boundary_sensitive;
  int outside_in_force;
  /* "when", "unless", "outside_in_force" for not_applicable; "unrecorded" or "date_out_of_range"
   * for insufficient_data; "" otherwise. */
  const char* because;
  const char* missing; /* the fields not recorded, comma-separated: "payment.paid_on"; or "" */
  const char* message; /* the rule's message filled in, or "" */
} compact_finding;

COMPACT_API size_t compact_report_finding_count(const compact_report* report);
/* Fills *out, as far as out->struct_size reaches. */
COMPACT_API compact_status compact_report_finding(compact_report* report, size_t i,
                                                  compact_finding* out, compact_error** error);

/* The timeline: the findings with a due date, in date order, as indexes into the findings. */
COMPACT_API size_t compact_report_timeline_count(const compact_report* report);
COMPACT_API compact_status compact_report_timeline_entry(const compact_report* report, size_t i,
                                                         size_t* finding, compact_error** error);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* COMPACT_COMPACT_H */
