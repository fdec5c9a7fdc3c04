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
 *    or 0, never NULL (compact_classification_verdict excepted: 0 would be a verdict).
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

/* A parameter's name, "tender_period" (or "stockton-2014:tender_period" where two packs have one so
 * named), and its value as a pack's [params] writes it, without quotes: "6 weeks", "30 working
 * days", "£500", "12", "true", "2025-04-01". The value replaces whatever the pack set, and must be
 * of the parameter's type: COMPACT_NOT_FOUND for a name no pack has, COMPACT_INVALID_ARGUMENT for a
 * value of another type. An array element, so it never grows. */
typedef struct compact_parameter_setting {
  const char* name;
  const char* value;
} compact_parameter_setting;

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
  /* Values for the packs' parameters, given before the engine fixes them (NULL when
   * parameter_count is 0): what the Compact leaves to the partners ("appropriate time"), or a
   * "what if" on a period. Each finding shows the value it used. */
  const compact_parameter_setting* parameters;
  size_t parameter_count;
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

/* The engine's parameters, pack by pack in the packs' order, as they stand once set. */
typedef struct compact_parameter_info {
  size_t struct_size; /* set by the caller: sizeof(compact_parameter_info) */
  const char* pack;   /* its pack's id */
  const char* name;   /* "payment_period" */
  const char* type;   /* "period", "money", "integer", "bool", "date" or "text" */
  /* 0 for a value the pack leaves to the partners and nobody has set: a finding that needs it is
   * insufficient_data until it is set. */
  int is_set;
  const char* value;  /* as written, "30 working days"; the earliest of dated values; "" unset */
  size_t value_count; /* more than 1 when the value changes on given dates */
  const char* description; /* what it is for; "" when the pack says nothing */
} compact_parameter_info;

/* One of a parameter's values: in force from `from` (the earliest also applies before it) or, when
 * has_from is 0, always. */
typedef struct compact_parameter_value {
  size_t struct_size; /* set by the caller: sizeof(compact_parameter_value) */
  int has_from;
  compact_date from;
  const char* value; /* as written */
} compact_parameter_value;

COMPACT_API size_t compact_engine_parameter_count(const compact_engine* engine);
/* Fill *out, as far as out->struct_size reaches; the strings belong to the engine. */
COMPACT_API compact_status compact_engine_parameter(const compact_engine* engine, size_t i,
                                                    compact_parameter_info* out,
                                                    compact_error** error);
/* Value j (0..value_count-1) of parameter i, in date order. */
COMPACT_API compact_status compact_engine_parameter_value(const compact_engine* engine, size_t i,
                                                          size_t j, compact_parameter_value* out,
                                                          compact_error** error);

/* ---- The schema of a case --------------------------------------------------------------------- */

/* Every entity a case holds and every field of each, the core schema's (docs/case-documents.md) and
 * those the engine's packs declare: what a program needs to build cases without hard-coding them.
 * Entity 0 is the case itself; the others follow in the order a reader of the schema meets them. */
typedef struct compact_entity_info {
  size_t struct_size;     /* set by the caller: sizeof(compact_entity_info) */
  const char* name;       /* "payment", "performance issue" */
  const char* identifier; /* the name as packs write it: "performance_issue" */
  const char* description;
  size_t field_count; /* the core fields, then those the packs declare */
} compact_entity_info;

typedef struct compact_field_info {
  size_t struct_size; /* set by the caller: sizeof(compact_field_info) */
  const char* name;   /* "paid_on": a case document's key, and a step of a builder's path */
  /* "date", "bool", "integer", "money", "text", "enum", "organisation" (an organisation's id),
   * "policy" (a policy's id), "entity" (one nested object) or "list" (of objects). */
  const char* kind;
  int required; /* 1: a case that has the entity must record it */
  int declared; /* 1: declared by a pack's [fields], not part of the core schema */
  const char* description;
  int has_element;
  size_t element; /* entity and list: the entity it holds, by its index */
  /* enum: the names of its values, value_count of them; NULL and 0 otherwise. */
  const char* const* values;
  size_t value_count;
} compact_field_info;

COMPACT_API size_t compact_engine_entity_count(const compact_engine* engine);
/* Fill *out, as far as out->struct_size reaches; the strings belong to the engine. */
COMPACT_API compact_status compact_engine_entity(const compact_engine* engine, size_t entity,
                                                 compact_entity_info* out, compact_error** error);
COMPACT_API compact_status compact_engine_field(const compact_engine* engine, size_t entity,
                                                size_t field, compact_field_info* out,
                                                compact_error** error);

/* ---- Building a case -------------------------------------------------------------------------- */

/* A case built field by field with typed setters, for a program that holds its records in its own
 * types: no JSON is written or read. A path names a field as a case document's problems do, field
 * names joined by dots and list entries by index: "commissions[0].payments[2].paid_on". Index n of a
 * list of n entries adds an entry at the end (one further is refused, so lists have no gaps), and
 * setting a field makes each entity on its way that is not yet there. Limits: a path of 1024 bytes,
 * a list of 100,000 entries.
 *
 * Each setter checks its value as the case reader checks a document's (the field's kind, a date's
 * range, an enum's name, money not negative, text well-formed UTF-8 of at most 64 KiB) and refuses
 * with COMPACT_INVALID_ARGUMENT, or COMPACT_OUT_OF_RANGE for a date, the error's json_path the path
 * as far as the step refused ("commissions[0].paymnts" for a misspelt list); a call refused changes
 * nothing. What only the whole case can tell (required fields never set, ids
 * repeated, references to organisations not in the case, dates that contradict each other) is
 * compact_case_check's, in the reader's words. A case belongs to one thread at a time. */
typedef struct compact_case compact_case;

/* An empty case, which may carry the fields `engine`'s packs declare (NULL: only the core schema's). */
COMPACT_API compact_status compact_case_create(const compact_engine* engine, compact_case** out,
                                               compact_error** error);
COMPACT_API void compact_case_free(compact_case* c);

COMPACT_API compact_status compact_case_set_date(compact_case* c, const char* path,
                                                 compact_date value, compact_error** error);
/* 0 is false, anything else true. */
COMPACT_API compact_status compact_case_set_bool(compact_case* c, const char* path, int value,
                                                 compact_error** error);
COMPACT_API compact_status compact_case_set_integer(compact_case* c, const char* path,
                                                    int64_t value, compact_error** error);
/* An amount in pence (£12.50 is 1250), not negative. */
COMPACT_API compact_status compact_case_set_money(compact_case* c, const char* path, int64_t pence,
                                                  compact_error** error);
/* Text (`length` bytes of UTF-8); for an enum field its value's name, "grant"; for an organisation
 * or policy field the id of the one it refers to. `text` may be NULL when `length` is 0. */
COMPACT_API compact_status compact_case_set_text(compact_case* c, const char* path,
                                                 const char* text, size_t length,
                                                 compact_error** error);
/* The field at `path` not recorded: an optional field, a nested entity with all it holds, or a list
 * with all its entries. A required field cannot be cleared, nor one entry of a list. */
COMPACT_API compact_status compact_case_clear(compact_case* c, const char* path,
                                              compact_error** error);
/* Makes the nested entity or list entry at `path` exist with no field set: `{}` in a document. */
COMPACT_API compact_status compact_case_add(compact_case* c, const char* path,
                                            compact_error** error);
/* The entries of the list at `path`, which is the index of the next. */
COMPACT_API compact_status compact_case_list_size(const compact_case* c, const char* path,
                                                  size_t* out, compact_error** error);
/* COMPACT_OK when the case has no error, else COMPACT_PARSE_ERROR with every problem in the error:
 * in the order, and with the codes, paths and messages, that compact_engine_check_json gives
 * compact_case_json's document, but with no line or column. */
COMPACT_API compact_status compact_case_check(const compact_case* c, compact_error** error);
/* The case as a case document, canonical (fields in schema order, nothing unrecorded, so a required
 * field never set is absent): *out belongs to the case and stays valid until it changes, is freed,
 * or this is called again. `length` may be NULL. */
COMPACT_API compact_status compact_case_json(compact_case* c, const char** out, size_t* length,
                                             compact_error** error);

/* ---- Evaluating a case ------------------------------------------------------------------------ */

typedef struct compact_report compact_report;

/* Reads the case document `json` (DESIGN.md's case document; length bytes) and evaluates it as of
 * `as_of` into a new report. A document that does not read is COMPACT_PARSE_ERROR, the error
 * listing every problem with its JSON path, line and column. */
COMPACT_API compact_status compact_engine_check_json(const compact_engine* engine, const char* json,
                                                     size_t length, compact_date as_of,
                                                     compact_report** out, compact_error** error);
/* The same for a built case, which is checked first (compact_case_check's error when it has one).
 * The report keeps the case as it was: later changes to `c` do not reach it. */
COMPACT_API compact_status compact_engine_check_case(const compact_engine* engine,
                                                     const compact_case* c, compact_date as_of,
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

/* ---- Classifying an organisation ------------------------------------------------------------- */

/* Whether an organisation meets a definition a pack gives, such as the Compact's definition of the
 * VCSE sector, characteristic by characteristic: what `compact classify` prints. The organisation's
 * recorded fields decide it, each characteristic by the test the pack gives it. */
typedef struct compact_classification compact_classification;

typedef enum compact_verdict {
  COMPACT_VERDICT_MEETS = 0,             /* it has every characteristic */
  COMPACT_VERDICT_DOES_NOT_MEET = 1,     /* it lacks one */
  COMPACT_VERDICT_INSUFFICIENT_DATA = 2, /* it lacks none, but some are not recorded */
  COMPACT_VERDICT_FORCE_INT = 0x7fffffff
} compact_verdict;

typedef enum compact_holding {
  COMPACT_HOLDING_HAS = 0,
  COMPACT_HOLDING_LACKS = 1,
  COMPACT_HOLDING_NOT_RECORDED = 2, /* a field its test reads is not recorded */
  COMPACT_HOLDING_FORCE_INT = 0x7fffffff
} compact_holding;

/* The organisation document `json` ({"id": "org-7", "sector": "vcse", ...}, one entry of a case's
 * organisations) against the definition `definition` ("vcse" when NULL), from the first of the
 * engine's packs that gives one: COMPACT_NOT_FOUND, naming those there are, when none does. */
COMPACT_API compact_status compact_engine_classify_json(const compact_engine* engine,
                                                        const char* json, size_t length,
                                                        const char* definition,
                                                        compact_classification** out,
                                                        compact_error** error);
/* The same for organisations[organisation] of a built case, which is checked first. */
COMPACT_API compact_status compact_engine_classify_case(const compact_engine* engine,
                                                        const compact_case* c, size_t organisation,
                                                        const char* definition,
                                                        compact_classification** out,
                                                        compact_error** error);
COMPACT_API void compact_classification_free(compact_classification* classification);

/* "meets", "does_not_meet", "insufficient_data"; "unknown" for another value. */
COMPACT_API const char* compact_verdict_name(compact_verdict verdict);
/* "has", "lacks", "not_recorded"; "unknown" for another value. */
COMPACT_API const char* compact_holding_name(compact_holding holding);

/* COMPACT_VERDICT_INSUFFICIENT_DATA, never a verdict that commits, for NULL. */
COMPACT_API compact_verdict compact_classification_verdict(const compact_classification* c);
/* The organisation's id, the definition's id and the id of the pack that gives it. */
COMPACT_API const char* compact_classification_organisation(const compact_classification* c);
COMPACT_API const char* compact_classification_definition(const compact_classification* c);
COMPACT_API const char* compact_classification_pack(const compact_classification* c);

typedef struct compact_characteristic {
  size_t struct_size; /* set by the caller: sizeof(compact_characteristic) */
  const char* id;     /* "independent-and-autonomous" */
  const char* quote;  /* the Compact's words: "They are independent and autonomous" */
  compact_holding holding;
  const char* missing; /* for not_recorded, the fields, comma-separated; else "" */
} compact_characteristic;

COMPACT_API size_t compact_classification_characteristic_count(const compact_classification* c);
/* Fills *out, as far as out->struct_size reaches; the strings belong to the classification. */
COMPACT_API compact_status compact_classification_characteristic(const compact_classification* c,
                                                                 size_t i,
                                                                 compact_characteristic* out,
                                                                 compact_error** error);
/* As `compact classify --format json` prints it: an array of the one organisation's object. *out
 * belongs to the classification. */
COMPACT_API compact_status compact_classification_json(compact_classification* c, const char** out,
                                                       size_t* length, compact_error** error);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* COMPACT_COMPACT_H */
