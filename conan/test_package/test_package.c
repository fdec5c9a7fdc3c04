/* Compact Engine as a package, from C through compact.h alone: the built-in pack finds a grant
 * claim paid two days late (test_package.cpp says why it was due on 20 January 2016). */
#include <stdio.h>
#include <string.h>

#include "compact/compact.h"

static const char kCase[] =
    "{\"organisations\": ["
    "{\"id\": \"sbc\", \"name\": \"Stockton-on-Tees Borough Council\", \"sector\": \"public\","
    " \"kind\": \"council\", \"compact_signatory\": true},"
    "{\"id\": \"neighbours\", \"name\": \"Roseworth Good Neighbours\", \"sector\": \"vcse\","
    " \"kind\": \"charity\", \"compact_signatory\": true}],"
    " \"commissions\": [{\"id\": \"G-2015-007\", \"title\": \"Befriending\","
    " \"commissioner\": \"sbc\", \"provider\": \"neighbours\", \"approach\": \"grant\","
    " \"value_pence\": 9000000,"
    " \"start_on\": \"2015-04-01\", \"end_on\": \"2018-03-31\","
    " \"payments\": [{\"id\": \"CLAIM-2015-11\", \"kind\": \"grant_claim\","
    " \"amount_pence\": 250000, \"received_on\": \"2015-12-04\", \"paid_on\": \"2016-01-22\"}]}]}";

int main(void) {
  compact_engine* engine = NULL;
  compact_report* report = NULL;
  compact_error* error = NULL;
  compact_finding finding;
  const compact_date as_of = {2016, 6, 30};
  size_t i, count;
  int status = 1;

  if (compact_engine_create(NULL, 0, NULL, &engine, &error) != COMPACT_OK ||
      compact_engine_check_json(engine, kCase, sizeof kCase - 1, as_of, &report, &error) !=
          COMPACT_OK) {
    fprintf(stderr, "%s\n", compact_error_message(error));
    compact_error_free(error);
    compact_engine_free(engine);
    return 1;
  }
  count = compact_report_finding_count(report);
  for (i = 0; i < count; ++i) {
    finding.struct_size = sizeof finding;
    if (compact_report_finding(report, i, &finding, &error) != COMPACT_OK) {
      fprintf(stderr, "%s\n", compact_error_message(error));
      compact_error_free(error);
      break;
    }
    if (strcmp(finding.rule, "payment.on-time") != 0 ||
        strcmp(finding.entity, "commissions[G-2015-007].payments[CLAIM-2015-11]") != 0) {
      continue;
    }
    if (finding.outcome == COMPACT_BREACH && finding.has_due && finding.due.year == 2016 &&
        finding.due.month == 1 && finding.due.day == 20) {
      printf("compact %s: payment.on-time breach, due 2016-01-20\n", compact_version_string());
      status = 0;
    } else {
      fprintf(stderr, "payment.on-time is %s\n", compact_outcome_name(finding.outcome));
    }
    break;
  }
  if (i == count) fprintf(stderr, "no payment.on-time finding for CLAIM-2015-11\n");
  compact_report_free(report);
  compact_engine_free(engine);
  return status;
}
