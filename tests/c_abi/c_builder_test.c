/* The C ABI's typed case builder, schema, parameters and classification, from plain C99. What a
 * built case gives is checked against the same case as a document read by the library's JSON
 * reader, which shares no code with the builder, and against the Compact's worked dates and the
 * examples' known verdicts. Prints each failed check; exit status 1 if any failed. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "compact/compact.h"

static compact_status text(compact_case* c, const char* path, const char* value) {
  return compact_case_set_text(c, path, value, strlen(value), NULL);
}

/* The grant claim of the Stockton example, on its own: received Friday 4 December 2015, paid Friday
 * 22 January 2016. */
static const char kClaimDocument[] =
    "{\"organisations\":[{\"id\":\"sbc\",\"sector\":\"public\",\"kind\":\"council\"},"
    "{\"id\":\"larder\",\"sector\":\"vcse\"}],"
    "\"commissions\":[{\"id\":\"G1\",\"commissioner\":\"sbc\",\"provider\":\"larder\","
    "\"approach\":\"grant\",\"value_pence\":2500000,\"payments\":[{\"id\":\"CLAIM-1\","
    "\"kind\":\"grant_claim\",\"amount_pence\":625000,\"received_on\":\"2015-12-04\","
    "\"paid_on\":\"2016-01-22\"}]}]}";

static compact_case* claim_case(const compact_engine* engine) {
  compact_case* c = NULL;
  const char* p = "commissions[0].payments[0].";
  char path[64];
  CHECK(compact_case_create(engine, &c, NULL) == COMPACT_OK);
  if (!c) return NULL;
  /* Set in an order of the program's own: the document's order is the schema's. */
  CHECK(text(c, "commissions[0].id", "G1") == COMPACT_OK);
  CHECK(text(c, "commissions[0].approach", "grant") == COMPACT_OK);
  sprintf(path, "%sid", p);
  CHECK(text(c, path, "CLAIM-1") == COMPACT_OK);
  sprintf(path, "%spaid_on", p);
  CHECK(compact_case_set_date(c, path, date(2016, 1, 22), NULL) == COMPACT_OK);
  sprintf(path, "%sreceived_on", p);
  CHECK(compact_case_set_date(c, path, date(2015, 12, 4), NULL) == COMPACT_OK);
  sprintf(path, "%skind", p);
  CHECK(text(c, path, "grant_claim") == COMPACT_OK);
  sprintf(path, "%samount_pence", p);
  CHECK(compact_case_set_money(c, path, 625000, NULL) == COMPACT_OK);
  CHECK(compact_case_set_money(c, "commissions[0].value_pence", 2500000, NULL) == COMPACT_OK);
  CHECK(text(c, "organisations[0].id", "sbc") == COMPACT_OK);
  CHECK(text(c, "organisations[0].sector", "public") == COMPACT_OK);
  CHECK(text(c, "organisations[0].kind", "council") == COMPACT_OK);
  CHECK(text(c, "organisations[1].id", "larder") == COMPACT_OK);
  CHECK(text(c, "organisations[1].sector", "vcse") == COMPACT_OK);
  CHECK(text(c, "commissions[0].commissioner", "sbc") == COMPACT_OK);
  CHECK(text(c, "commissions[0].provider", "larder") == COMPACT_OK);
  return c;
}

static void built_case_reports_as_its_document(void) {
  compact_engine* engine = NULL;
  compact_case* c;
  compact_report *built = NULL, *read = NULL;
  const char *json = NULL, *built_json = NULL, *read_json = NULL;
  size_t length = 0, i, breaches = 0;
  compact_finding f;
  f.struct_size = sizeof f;

  CHECK(compact_engine_create(NULL, 0, NULL, &engine, NULL) == COMPACT_OK);
  c = claim_case(engine);
  if (!engine || !c) return;
  CHECK(compact_case_check(c, NULL) == COMPACT_OK);
  /* The builder writes the document the reader would write of the same case. */
  CHECK(compact_case_json(c, &json, &length, NULL) == COMPACT_OK);
  CHECK(json && strcmp(json, kClaimDocument) == 0 && length == strlen(kClaimDocument));

  CHECK(compact_engine_check_case(engine, c, date(2016, 6, 30), &built, NULL) == COMPACT_OK);
  CHECK(compact_engine_check_json(engine, kClaimDocument, strlen(kClaimDocument), date(2016, 6, 30),
                                  &read, NULL) == COMPACT_OK);
  if (!built || !read) return;
  CHECK(compact_report_json(built, COMPACT_REPORT_FULL, &built_json, NULL, NULL) == COMPACT_OK);
  CHECK(compact_report_json(read, COMPACT_REPORT_FULL, &read_json, NULL, NULL) == COMPACT_OK);
  CHECK(built_json && read_json && strcmp(built_json, read_json) == 0);
  /* 30 working days from Friday 4 December 2015, across Christmas and New Year, is Wednesday 20
   * January 2016: paid two days late. */
  for (i = 0; i < compact_report_finding_count(built); ++i) {
    CHECK(compact_report_finding(built, i, &f, NULL) == COMPACT_OK);
    if (f.outcome != COMPACT_BREACH) continue;
    ++breaches;
    CHECK(strcmp(f.rule, "payment.on-time") == 0);
    CHECK(strcmp(f.entity, "commissions[G1].payments[CLAIM-1]") == 0);
    CHECK(f.has_due && same(f.due, date(2016, 1, 20)));
  }
  CHECK(breaches == 1);

  /* The report keeps the case as it was evaluated: a change afterwards does not reach it. */
  CHECK(compact_case_set_date(c, "commissions[0].payments[0].paid_on", date(2016, 1, 8), NULL) ==
        COMPACT_OK);
  CHECK(compact_report_json(built, COMPACT_REPORT_FULL, &built_json, NULL, NULL) == COMPACT_OK);
  CHECK(built_json && strcmp(built_json, read_json) == 0);
  compact_report_free(built);
  built = NULL;
  CHECK(compact_engine_check_case(engine, c, date(2016, 6, 30), &built, NULL) == COMPACT_OK);
  CHECK(built && compact_report_count(built, COMPACT_BREACH) == 0);

  compact_report_free(built);
  compact_report_free(read);
  compact_case_free(c);
  compact_engine_free(engine);
}

static void refusals_say_what_and_where(void) {
  compact_case* c = NULL;
  compact_report* report = NULL;
  compact_engine* engine = NULL;
  compact_error* error = NULL;
  const char* before = NULL;
  const char* after = NULL;
  char* kept;
  size_t size = 99;

  CHECK(compact_engine_create(NULL, 0, NULL, &engine, NULL) == COMPACT_OK);
  CHECK(compact_case_create(NULL, &c, NULL) == COMPACT_OK);
  if (!c || !engine) return;
  CHECK(text(c, "commissions[0].id", "G1") == COMPACT_OK);
  CHECK(compact_case_json(c, &before, NULL, NULL) == COMPACT_OK);
  kept = malloc(strlen(before) + 1);
  if (!kept) return;
  strcpy(kept, before);

  CHECK(compact_case_set_text(c, "commissions[0].payments[0].paid_on", "2016-01-01", 10, &error) ==
        COMPACT_INVALID_ARGUMENT);
  CHECK(error && strcmp(compact_error_json_path(error), "commissions[0].payments[0].paid_on") == 0);
  CHECK(error && strstr(compact_error_message(error), "a date field takes a date, not text"));
  compact_error_free(error);
  error = NULL;
  CHECK(compact_case_set_date(c, "commissions[0].ending.decided_on", date(2016, 2, 30), &error) ==
        COMPACT_INVALID_ARGUMENT);
  CHECK(error && strcmp(compact_error_json_path(error), "commissions[0].ending.decided_on") == 0);
  compact_error_free(error);
  error = NULL;
  CHECK(compact_case_set_date(c, "commissions[0].ending.decided_on", date(2200, 1, 1), &error) ==
        COMPACT_OUT_OF_RANGE);
  compact_error_free(error);
  error = NULL;
  CHECK(text(c, "commissions[0].approach", "grnat") == COMPACT_INVALID_ARGUMENT);
  CHECK(compact_case_set_money(c, "commissions[0].value_pence", -1, NULL) ==
        COMPACT_INVALID_ARGUMENT);
  CHECK(compact_case_set_bool(c, "commissions[2].consortium", 1, &error) ==
        COMPACT_INVALID_ARGUMENT);
  CHECK(error && strstr(compact_error_message(error), "would leave a gap"));
  compact_error_free(error);
  error = NULL;
  CHECK(compact_case_set_integer(c, "commissions[0]..id", 1, &error) == COMPACT_INVALID_ARGUMENT);
  CHECK(error && strstr(compact_error_message(error), "at character 16"));
  compact_error_free(error);
  error = NULL;
  CHECK(compact_case_clear(c, "commissions[0].id", NULL) == COMPACT_INVALID_ARGUMENT);
  CHECK(compact_case_add(c, "commissions[0].id", NULL) == COMPACT_INVALID_ARGUMENT);
  CHECK(compact_case_list_size(c, "commissions[0]", &size, NULL) == COMPACT_INVALID_ARGUMENT);
  CHECK(size == 99); /* out parameters are untouched on an error */
  /* None of those calls changed the case. */
  CHECK(compact_case_json(c, &after, NULL, NULL) == COMPACT_OK);
  CHECK(after && strcmp(after, kept) == 0);
  free(kept);

  /* The document shows what was built: the approach, never set, is absent, not "grant". */
  CHECK(compact_case_json(c, &after, NULL, NULL) == COMPACT_OK);
  CHECK(after && strcmp(after, "{\"commissions\":[{\"id\":\"G1\"}]}") == 0);
  CHECK(compact_case_list_size(c, "commissions", &size, NULL) == COMPACT_OK && size == 1);
  CHECK(compact_case_list_size(c, "commissions[0].payments", &size, NULL) == COMPACT_OK &&
        size == 0);
  CHECK(compact_case_add(c, "commissions[0].payments[0]", NULL) == COMPACT_OK);
  CHECK(compact_case_list_size(c, "commissions[0].payments", &size, NULL) == COMPACT_OK &&
        size == 1);

  /* What only the whole case shows: every problem, with the reader's codes and paths. */
  CHECK(compact_case_check(c, &error) == COMPACT_PARSE_ERROR);
  CHECK(error && compact_error_problem_count(error) == 3);
  CHECK(error && strcmp(compact_error_problem_path(error, 0), "commissions[0].approach") == 0);
  CHECK(error && strcmp(compact_error_problem_code(error, 0), "missing_field") == 0);
  CHECK(error &&
        strcmp(compact_error_problem_path(error, 2), "commissions[0].payments[0].kind") == 0);
  CHECK(error && compact_error_problem_line(error, 0) == 0);
  CHECK(error && strcmp(compact_error_json_path(error), "commissions[0].approach") == 0);
  compact_error_free(error);
  error = NULL;
  CHECK(compact_engine_check_case(engine, c, date(2016, 6, 30), &report, &error) ==
        COMPACT_PARSE_ERROR);
  CHECK(report == NULL);
  CHECK(error && compact_error_problem_count(error) == 3);
  compact_error_free(error);
  error = NULL;
  CHECK(compact_case_clear(c, "commissions[0].payments", NULL) == COMPACT_OK);
  CHECK(text(c, "commissions[0].approach", "grant") == COMPACT_OK);
  CHECK(compact_case_check(c, NULL) == COMPACT_OK);

  CHECK(compact_case_set_text(c, NULL, "x", 1, NULL) == COMPACT_INVALID_ARGUMENT);
  CHECK(compact_case_set_text(c, "commissions[0].title", NULL, 1, NULL) ==
        COMPACT_INVALID_ARGUMENT);
  CHECK(compact_case_set_text(c, "commissions[0].title", NULL, 0, NULL) == COMPACT_OK);
  CHECK(compact_case_set_bool(NULL, "commissions[0].consortium", 1, NULL) ==
        COMPACT_INVALID_ARGUMENT);
  CHECK(compact_engine_check_case(engine, NULL, date(2016, 6, 30), &report, NULL) ==
        COMPACT_INVALID_ARGUMENT);
  compact_case_free(c);
  compact_case_free(NULL);
  compact_engine_free(engine);
}

/* A field a pack declares is the builder's to set when the case is made for that pack's engine. */
static void declared_fields(void) {
  static const char pack[] =
      "[pack]\nid = \"local\"\ntitle = \"A local Compact\"\n\n"
      "[fields.payment]\napproved_on = { type = \"date\", description = \"Approved for payment\" "
      "}\n";
  compact_pack_source source;
  compact_engine* engine = NULL;
  compact_case *c = NULL, *core = NULL;
  compact_entity_info entity;
  compact_field_info field;
  size_t e, i;
  int found = 0;
  const char* json = NULL;
  source.text = pack;
  source.length = strlen(pack);
  source.name = "local.toml";
  entity.struct_size = sizeof entity;
  field.struct_size = sizeof field;

  CHECK(compact_engine_create(&source, 1, NULL, &engine, NULL) == COMPACT_OK);
  if (!engine) return;
  CHECK(compact_case_create(engine, &c, NULL) == COMPACT_OK);
  CHECK(compact_case_create(NULL, &core, NULL) == COMPACT_OK);
  if (!c || !core) return;
  CHECK(compact_case_set_date(c, "commissions[0].payments[0].approved_on", date(2016, 3, 4),
                              NULL) == COMPACT_OK);
  CHECK(compact_case_json(c, &json, NULL, NULL) == COMPACT_OK);
  CHECK(json && strstr(json, "\"approved_on\":\"2016-03-04\"") != NULL);
  CHECK(compact_case_set_date(core, "commissions[0].payments[0].approved_on", date(2016, 3, 4),
                              NULL) == COMPACT_INVALID_ARGUMENT);
  /* And the engine's schema lists it, declared, after the payment's core fields. */
  for (e = 0; e < compact_engine_entity_count(engine); ++e) {
    CHECK(compact_engine_entity(engine, e, &entity, NULL) == COMPACT_OK);
    if (strcmp(entity.name, "payment") != 0) continue;
    for (i = 0; i < entity.field_count; ++i) {
      CHECK(compact_engine_field(engine, e, i, &field, NULL) == COMPACT_OK);
      if (strcmp(field.name, "approved_on") != 0) continue;
      found = 1;
      CHECK(field.declared == 1 && strcmp(field.kind, "date") == 0);
      CHECK(strcmp(field.description, "Approved for payment") == 0);
      CHECK(i == entity.field_count - 1);
    }
  }
  CHECK(found);
  compact_case_free(c);
  compact_case_free(core);
  compact_engine_free(engine);
}

static void schema(void) {
  compact_engine* engine = NULL;
  compact_entity_info entity, listed;
  compact_field_info field;
  size_t e, i, entities;
  int payment_kind = 0, commissions = 0;
  compact_error* error = NULL;
  entity.struct_size = listed.struct_size = sizeof entity;
  field.struct_size = sizeof field;

  CHECK(compact_engine_create(NULL, 0, NULL, &engine, NULL) == COMPACT_OK);
  if (!engine) return;
  entities = compact_engine_entity_count(engine);
  CHECK(entities > 10);
  CHECK(compact_engine_entity(engine, 0, &entity, NULL) == COMPACT_OK);
  CHECK(strcmp(entity.name, "case") == 0);
  for (e = 0; e < entities; ++e) {
    CHECK(compact_engine_entity(engine, e, &entity, NULL) == COMPACT_OK);
    CHECK(entity.field_count > 0);
    for (i = 0; i < entity.field_count; ++i) {
      CHECK(compact_engine_field(engine, e, i, &field, NULL) == COMPACT_OK);
      CHECK(field.declared == 0); /* the Stockton pack declares none */
      CHECK(field.has_element == (!strcmp(field.kind, "entity") || !strcmp(field.kind, "list")));
      CHECK(!field.has_element || field.element < entities);
      CHECK((field.values != NULL) == (strcmp(field.kind, "enum") == 0));
      if (e == 0 && strcmp(field.name, "commissions") == 0) {
        commissions = 1;
        CHECK(strcmp(field.kind, "list") == 0 && field.required == 0);
        CHECK(compact_engine_entity(engine, field.element, &listed, NULL) == COMPACT_OK);
        CHECK(strcmp(listed.name, "commission") == 0);
      }
      if (strcmp(entity.name, "payment") == 0 && strcmp(field.name, "kind") == 0) {
        payment_kind = 1;
        CHECK(field.required == 1 && field.value_count == 2);
        CHECK(field.values && strcmp(field.values[0], "invoice") == 0 &&
              strcmp(field.values[1], "grant_claim") == 0);
      }
    }
  }
  CHECK(commissions && payment_kind);
  CHECK(compact_engine_entity(engine, entities, &entity, &error) == COMPACT_NOT_FOUND);
  compact_error_free(error);
  error = NULL;
  CHECK(compact_engine_field(engine, 0, 99, &field, &error) == COMPACT_NOT_FOUND);
  CHECK(error && strstr(compact_error_message(error), "field 99 of case") != NULL);
  compact_error_free(error);
  compact_engine_free(engine);
}

/* The parameter `name`'s index, or the count when there is none. */
static size_t parameter_named(const compact_engine* engine, const char* name,
                              compact_parameter_info* info) {
  size_t i, count = compact_engine_parameter_count(engine);
  for (i = 0; i < count; ++i) {
    CHECK(compact_engine_parameter(engine, i, info, NULL) == COMPACT_OK);
    if (strcmp(info->name, name) == 0) return i;
  }
  return count;
}

static void parameters(void) {
  compact_engine *engine = NULL, *set = NULL, *bad = NULL;
  compact_engine_options options;
  compact_parameter_setting settings[1];
  compact_parameter_info info;
  compact_parameter_value value;
  compact_error* error = NULL;
  info.struct_size = sizeof info;
  value.struct_size = sizeof value;
  memset(&options, 0, sizeof options);
  options.struct_size = sizeof options;

  CHECK(compact_engine_create(NULL, 0, NULL, &engine, NULL) == COMPACT_OK);
  if (!engine) return;
  /* The Compact's five figures, and the seven it leaves to the partners. */
  CHECK(compact_engine_parameter_count(engine) == 12);
  CHECK(parameter_named(engine, "payment_period", &info) < 12);
  CHECK(strcmp(info.pack, "stockton-2014") == 0 && strcmp(info.type, "period") == 0);
  CHECK(info.is_set == 1 && strcmp(info.value, "30 working days") == 0 && info.value_count == 1);
  CHECK(compact_engine_parameter_value(engine, parameter_named(engine, "payment_period", &info), 0,
                                       &value, NULL) == COMPACT_OK);
  CHECK(value.has_from == 0 && strcmp(value.value, "30 working days") == 0);
  CHECK(parameter_named(engine, "tender_period", &info) < 12);
  CHECK(info.is_set == 0 && strcmp(info.value, "") == 0 && info.value_count == 0);
  CHECK(strstr(info.description, "appropriate time") != NULL);
  CHECK(compact_engine_parameter_value(engine, parameter_named(engine, "tender_period", &info), 0,
                                       &value, &error) == COMPACT_NOT_FOUND);
  compact_error_free(error);
  error = NULL;
  CHECK(compact_engine_parameter(engine, 12, &info, &error) == COMPACT_NOT_FOUND);
  compact_error_free(error);
  error = NULL;

  settings[0].name = "tender_period";
  settings[0].value = "6 weeks";
  options.parameters = settings;
  options.parameter_count = 1;
  CHECK(compact_engine_create(NULL, 0, &options, &set, NULL) == COMPACT_OK);
  if (!set) return;
  CHECK(parameter_named(set, "tender_period", &info) < 12);
  CHECK(info.is_set == 1 && strcmp(info.value, "6 weeks") == 0 && info.value_count == 1);

  settings[0].value =
      "\xC2\xA3"
      "500"; /* £500: money, where a period is wanted */
  CHECK(compact_engine_create(NULL, 0, &options, &bad, &error) == COMPACT_INVALID_ARGUMENT);
  CHECK(bad == NULL && error && strstr(compact_error_message(error), "tender_period") != NULL);
  compact_error_free(error);
  error = NULL;
  settings[0].name = "tender_periods";
  CHECK(compact_engine_create(NULL, 0, &options, &bad, &error) == COMPACT_NOT_FOUND);
  compact_error_free(error);
  error = NULL;
  settings[0].name = NULL;
  CHECK(compact_engine_create(NULL, 0, &options, &bad, &error) == COMPACT_INVALID_ARGUMENT);
  CHECK(error && strstr(compact_error_message(error), "parameters[0].name is NULL") != NULL);
  compact_error_free(error);
  error = NULL;
  options.parameters = NULL;
  CHECK(compact_engine_create(NULL, 0, &options, &bad, NULL) == COMPACT_INVALID_ARGUMENT);
  /* An options struct from before parameters: they are not read, whatever lies past its end. */
  options.struct_size = offsetof(compact_engine_options, parameters);
  CHECK(compact_engine_create(NULL, 0, &options, &bad, NULL) == COMPACT_OK);
  compact_engine_free(bad);
  compact_engine_free(set);
  compact_engine_free(engine);
}

/* The examples' three organisations (examples/stockton/organisations.json), built field by field:
 * one meets the Compact's definition of the VCSE sector (its eight characteristics: not public or
 * private, then the seven the fields below record), one is allied to a political party, and one's
 * record leaves three characteristics unrecorded. */
static void classification(void) {
  static const char* const kAll[] = {"independent_and_autonomous", "public_or_community_benefit",
                                     "not_for_individual_gain",    "not_allied_to_political_party",
                                     "governed_by_constitution",   "unpaid_board",
                                     "accountable_to_members"};
  static const char kMandale[] =
      "{\"id\": \"mandale-tenants\", \"sector\": \"vcse\", \"kind\": \"community_group\","
      " \"independent_and_autonomous\": true, \"public_or_community_benefit\": true,"
      " \"not_for_individual_gain\": true, \"governed_by_constitution\": true}";
  compact_engine* engine = NULL;
  compact_case* c = NULL;
  compact_classification *meets = NULL, *allied = NULL, *unknown = NULL, *read = NULL;
  compact_characteristic ch;
  compact_error* error = NULL;
  const char *built_json = NULL, *read_json = NULL;
  char path[80];
  size_t i, not_recorded = 0;
  ch.struct_size = sizeof ch;

  CHECK(compact_engine_create(NULL, 0, NULL, &engine, NULL) == COMPACT_OK);
  CHECK(compact_case_create(engine, &c, NULL) == COMPACT_OK);
  if (!engine || !c) return;
  CHECK(text(c, "organisations[0].id", "hardwick-larder") == COMPACT_OK);
  CHECK(text(c, "organisations[1].id", "norton-residents-voice") == COMPACT_OK);
  CHECK(text(c, "organisations[2].id", "mandale-tenants") == COMPACT_OK);
  for (i = 0; i < 3; ++i) {
    sprintf(path, "organisations[%u].sector", (unsigned)i);
    CHECK(text(c, path, "vcse") == COMPACT_OK);
  }
  CHECK(text(c, "organisations[2].kind", "community_group") == COMPACT_OK);
  for (i = 0; i < 7; ++i) {
    sprintf(path, "organisations[0].%s", kAll[i]);
    CHECK(compact_case_set_bool(c, path, 1, NULL) == COMPACT_OK);
    sprintf(path, "organisations[1].%s", kAll[i]);
    CHECK(compact_case_set_bool(c, path, i != 3, NULL) == COMPACT_OK);
    if (i == 3 || i >= 5) continue;
    sprintf(path, "organisations[2].%s", kAll[i]);
    CHECK(compact_case_set_bool(c, path, 1, NULL) == COMPACT_OK);
  }
  CHECK(compact_engine_classify_case(engine, c, 0, NULL, &meets, NULL) == COMPACT_OK);
  CHECK(compact_engine_classify_case(engine, c, 1, "vcse", &allied, NULL) == COMPACT_OK);
  CHECK(compact_engine_classify_case(engine, c, 2, NULL, &unknown, NULL) == COMPACT_OK);
  if (!meets || !allied || !unknown) return;
  CHECK(compact_classification_verdict(meets) == COMPACT_VERDICT_MEETS);
  CHECK(strcmp(compact_classification_organisation(meets), "hardwick-larder") == 0);
  CHECK(strcmp(compact_classification_definition(meets), "vcse") == 0);
  CHECK(strcmp(compact_classification_pack(meets), "stockton-2014") == 0);
  CHECK(compact_classification_characteristic_count(meets) == 8);
  CHECK(compact_classification_verdict(allied) == COMPACT_VERDICT_DOES_NOT_MEET);
  CHECK(compact_classification_characteristic(allied, 4, &ch, NULL) == COMPACT_OK);
  CHECK(ch.holding == COMPACT_HOLDING_LACKS && strstr(ch.quote, "political") != NULL);
  CHECK(compact_classification_verdict(unknown) == COMPACT_VERDICT_INSUFFICIENT_DATA);
  for (i = 0; i < compact_classification_characteristic_count(unknown); ++i) {
    CHECK(compact_classification_characteristic(unknown, i, &ch, NULL) == COMPACT_OK);
    if (ch.holding != COMPACT_HOLDING_NOT_RECORDED) continue;
    ++not_recorded;
    CHECK(strncmp(ch.missing, "organisation.", 13) == 0);
  }
  CHECK(not_recorded == 3);
  /* The same organisation read from its document classifies alike, to the JSON. */
  CHECK(compact_engine_classify_json(engine, kMandale, strlen(kMandale), NULL, &read, NULL) ==
        COMPACT_OK);
  CHECK(read && compact_classification_json(read, &read_json, NULL, NULL) == COMPACT_OK);
  CHECK(compact_classification_json(unknown, &built_json, NULL, NULL) == COMPACT_OK);
  CHECK(read_json && built_json && strcmp(read_json, built_json) == 0);
  CHECK(strstr(built_json, "\"verdict\":\"insufficient_data\"") != NULL);

  CHECK(strcmp(compact_verdict_name(COMPACT_VERDICT_DOES_NOT_MEET), "does_not_meet") == 0);
  CHECK(strcmp(compact_holding_name(COMPACT_HOLDING_NOT_RECORDED), "not_recorded") == 0);
  CHECK(strcmp(compact_holding_name((compact_holding)3), "unknown") == 0);
  CHECK(compact_classification_verdict(NULL) == COMPACT_VERDICT_INSUFFICIENT_DATA);
  compact_classification_free(read);
  read = NULL; /* each refusal below leaves it so */
  CHECK(compact_engine_classify_case(engine, c, 3, NULL, &read, &error) == COMPACT_NOT_FOUND);
  compact_error_free(error);
  error = NULL;
  CHECK(compact_engine_classify_case(engine, c, 0, "charity", &read, &error) == COMPACT_NOT_FOUND);
  CHECK(error && strstr(compact_error_message(error), "vcse") != NULL);
  compact_error_free(error);
  error = NULL;
  CHECK(compact_engine_classify_json(engine, "{\"id\": 1}", 9, NULL, &read, &error) ==
        COMPACT_PARSE_ERROR);
  CHECK(error && compact_error_problem_count(error) == 2);
  CHECK(error && strcmp(compact_error_problem_path(error, 0), "sector") == 0);
  CHECK(error && strcmp(compact_error_problem_path(error, 1), "id") == 0);
  CHECK(read == NULL);
  compact_error_free(error);

  compact_classification_free(meets);
  compact_classification_free(allied);
  compact_classification_free(unknown);
  compact_classification_free(read);
  compact_classification_free(NULL);
  compact_case_free(c);
  compact_engine_free(engine);
}

int main(void) {
  built_case_reports_as_its_document();
  refusals_say_what_and_where();
  declared_fields();
  schema();
  parameters();
  classification();
  return finish();
}
