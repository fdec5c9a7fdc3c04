// compact: the command-line face of Compact Engine. It translates arguments into library calls and
// prints the answers; it holds no date or Compact logic of its own.

#include "CLI/CLI.hpp"
#include "case_commands.hpp"
#include "check_command.hpp"
#include "classify_command.hpp"
#include "date_command.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Compact Engine: exact, explained checks of a local Compact's dated promises"};
  app.require_subcommand(1);
  int exit_code = 0;
  compact::cli::add_date_command(app, &exit_code);
  compact::cli::add_case_commands(app, &exit_code);
  compact::cli::add_check_command(app, &exit_code);
  compact::cli::add_classify_command(app, &exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // Usage errors exit with 2 (CLI11's code for --help is 0).
    return app.exit(e) == 0 ? 0 : 2;
  }
  return exit_code;
}
