#include "date_command.hpp"

#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "compact/calendar/calendar.hpp"
#include "compact/util/absl_string_view.hpp"
#include "line_batch.hpp"

namespace compact::cli {
namespace {

struct DateOptions {
  std::string calendar = "england-and-wales";
  bool calendar_days = false;  // `between --days`
  std::vector<std::string> args;
};

std::vector<std::string_view> words(std::string_view line) {
  std::vector<std::string_view> out;
  for (absl::string_view word :
       absl::StrSplit(to_absl(line), absl::ByAnyChar(" \t"), absl::SkipEmpty())) {
    out.emplace_back(word.data(), word.size());
  }
  return out;
}

absl::Status usage_error(std::string_view line, std::string_view usage) {
  if (absl::StripAsciiWhitespace(to_absl(line)).empty()) {
    return absl::InvalidArgumentError(absl::StrCat("empty query; expected ", to_absl(usage)));
  }
  return absl::InvalidArgumentError(
      absl::StrCat("\"", to_absl(line), "\" is not a query; expected ", to_absl(usage)));
}

// "DATE PERIOD": the first word is the date, the rest of the line the period ("30 working days").
absl::StatusOr<std::pair<Date, Period>> date_and_period(std::string_view line) {
  constexpr std::string_view kUsage = "a date and a period, like \"2024-12-13 30wd\"";
  const absl::string_view trimmed = absl::StripAsciiWhitespace(to_absl(line));
  const size_t space = trimmed.find_first_of(" \t");
  if (space == absl::string_view::npos) return usage_error(line, kUsage);
  absl::StatusOr<Date> date = parse_date(std::string_view(trimmed.data(), space));
  if (!date.ok()) return date.status();
  const absl::string_view rest = trimmed.substr(space + 1);
  absl::StatusOr<Period> period = parse_period(std::string_view(rest.data(), rest.size()));
  if (!period.ok()) return period.status();
  return std::pair{*date, *period};
}

absl::StatusOr<std::string> dated(const absl::StatusOr<Date>& date) {
  if (!date.ok()) return date.status();
  return format_date(*date);
}

absl::StatusOr<std::string> answer_add(const Calendar& calendar, std::string_view line) {
  absl::StatusOr<std::pair<Date, Period>> query = date_and_period(line);
  if (!query.ok()) return query.status();
  return dated(calendar.add(query->first, query->second));
}

absl::StatusOr<std::string> answer_sub(const Calendar& calendar, std::string_view line) {
  absl::StatusOr<std::pair<Date, Period>> query = date_and_period(line);
  if (!query.ok()) return query.status();
  return dated(calendar.latest_start(query->first, query->second));
}

absl::StatusOr<std::string> answer_between(const Calendar& calendar, std::string_view line,
                                           bool calendar_days) {
  const std::vector<std::string_view> parts = words(line);
  if (parts.size() != 2) return usage_error(line, "two dates, like \"2024-12-13 2025-01-29\"");
  absl::StatusOr<Date> from = parse_date(parts[0]);
  if (!from.ok()) return from.status();
  absl::StatusOr<Date> to = parse_date(parts[1]);
  if (!to.ok()) return to.status();
  if (calendar_days) return absl::StrCat((*to - *from).days());
  absl::StatusOr<int64_t> count = calendar.working_days_between(*from, *to);
  if (!count.ok()) return count.status();
  return absl::StrCat(*count);
}

absl::StatusOr<std::string> answer_is_working_day(const Calendar& calendar, std::string_view line) {
  const std::vector<std::string_view> parts = words(line);
  if (parts.size() != 1) return usage_error(line, "one date, like \"2025-12-26\"");
  absl::StatusOr<Date> date = parse_date(parts[0]);
  if (!date.ok()) return date.status();
  absl::StatusOr<bool> working = calendar.is_working_day(*date);
  if (!working.ok()) return working.status();
  return std::string(*working ? "true" : "false");
}

absl::StatusOr<std::string> answer_holidays(const Calendar& calendar, std::string_view line) {
  const std::vector<std::string_view> parts = words(line);
  int64_t year = 0;
  if (parts.size() != 1 || !absl::SimpleAtoi(to_absl(parts[0]), &year)) {
    return usage_error(line, "a year, like \"2026\"");
  }
  absl::StatusOr<std::vector<Holiday>> holidays = calendar.holidays_in(year);
  if (!holidays.ok()) return holidays.status();
  std::vector<std::string> rows;
  for (const Holiday& holiday : *holidays) {
    rows.push_back(absl::StrCat(format_date(holiday.date), "\t", holiday.name,
                                holiday.substitute ? "\tsubstitute day" : ""));
  }
  return absl::StrJoin(rows, "\n");
}

int report_error(const absl::Status& status) {
  std::cerr << "error: " << status.message() << "\n";
  return 1;
}

// Runs one query from the command line or, where `batch` allows, with "-" one query per line of
// standard input. Returns the exit code.
int run(const std::vector<std::string>& args, bool batch, const LineAnswer& answer) {
  if (batch && args.size() == 1 && args[0] == "-") {
    return answer_lines(std::cin, std::cout, answer) == 0 ? 0 : 1;
  }
  absl::StatusOr<std::string> result = answer(absl::StrJoin(args, " "));
  if (!result.ok()) return report_error(result.status());
  std::cout << *result << "\n";
  return 0;
}

}  // namespace

void add_date_command(CLI::App& app, int* exit_code) {
  auto options = std::make_shared<DateOptions>();
  CLI::App* date = app.add_subcommand("date", "Date arithmetic over a working-day calendar");
  date->require_subcommand(1);
  date->add_option("--calendar", options->calendar,
                   absl::StrCat("The calendar: ",
                                absl::StrJoin(Calendar::builtin_names(), ", ", append_string_view),
                                " (default ", options->calendar, ")"));

  struct Query {
    const char* name;
    const char* help;
    const char* args;
    bool batch;  // whether "-" reads one query per line from standard input
    std::function<absl::StatusOr<std::string>(const Calendar&, std::string_view)> answer;
  };
  const std::vector<Query> queries = {
      {"add", "DATE + PERIOD (PERIOD: 12 weeks, 3 months, 30 working days, or 12w, 3m, 30wd ...)",
       "DATE PERIOD", true, answer_add},
      {"sub", "The latest start e with e + PERIOD <= DATE", "DATE PERIOD", true, answer_sub},
      {"between", "Working days in (FROM, TO], negative when TO is before FROM", "FROM TO", true,
       [options](const Calendar& calendar, std::string_view line) {
         return answer_between(calendar, line, options->calendar_days);
       }},
      {"is-working-day", "true or false", "DATE", true, answer_is_working_day},
      {"holidays", "The holidays of YEAR: date, name, and \"substitute day\" where one is", "YEAR",
       false, answer_holidays},
  };
  for (const Query& query : queries) {
    CLI::App* command = date->add_subcommand(query.name, query.help);
    command->fallthrough();
    command
        ->add_option("args", options->args,
                     absl::StrCat(query.args, query.batch ? ", or - to read one query per line "
                                                            "from standard input"
                                                          : ""))
        ->required();
    if (std::string_view(query.name) == "between") {
      command->add_flag("--days", options->calendar_days,
                        "Count calendar days instead of working days");
    }
    command->callback([options, exit_code, batch = query.batch, answer = query.answer] {
      absl::StatusOr<Calendar> calendar = Calendar::builtin(options->calendar);
      if (!calendar.ok()) {
        *exit_code = report_error(calendar.status());
        return;
      }
      *exit_code =
          run(options->args, batch, [&](std::string_view line) { return answer(*calendar, line); });
    });
  }
}

}  // namespace compact::cli
