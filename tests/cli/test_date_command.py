"""`compact date`: the answers the issue fixes, batch mode, and bad input."""

import pytest


@pytest.mark.parametrize(
    "args, expected",
    [
        (["add", "2024-12-13", "30wd"], "2025-01-29"),
        (["add", "2025-01-31", "3m"], "2025-04-30"),
        (["sub", "2025-04-30", "3m"], "2025-01-31"),
        (["between", "2024-12-13", "2025-01-29"], "30"),
        (["between", "--days", "2024-12-13", "2025-01-29"], "47"),
        (["between", "2025-01-29", "2024-12-13"], "-30"),
        (["is-working-day", "2025-12-26"], "false"),
        (["is-working-day", "2025-12-24"], "true"),
        (["add", "1978-09-30", "4 months"], "1979-01-30"),
        (["add", "2025-02-28", "1 month"], "2025-03-28"),
        (["add", "2025-01-06", "12 weeks"], "2025-03-31"),
        (["add", "2024-12-13", "30", "working", "days"], "2025-01-29"),
        (["sub", "2025-01-29", "30wd"], "2024-12-15"),
        (["--calendar", "scotland", "is-working-day", "2025-08-04"], "false"),
        (["--calendar", "scotland", "is-working-day", "2025-04-21"], "true"),
        (["--calendar", "northern-ireland", "add", "2025-07-11", "1wd"], "2025-07-15"),
        (["is-working-day", "--calendar", "northern-ireland", "2025-03-17"], "false"),
    ],
)
def test_answers(cli, args, expected):
    result = cli("date", *args)
    assert (result.returncode, result.stdout, result.stderr) == (0, expected + "\n", "")


def test_holidays_lists_dates_and_names(cli):
    result = cli("date", "holidays", "2026")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "2026-01-01\tNew Year’s Day",
        "2026-04-03\tGood Friday",
        "2026-04-06\tEaster Monday",
        "2026-05-04\tEarly May bank holiday",
        "2026-05-25\tSpring bank holiday",
        "2026-08-31\tSummer bank holiday",
        "2026-12-25\tChristmas Day",
        "2026-12-28\tBoxing Day\tsubstitute day",
    ]


@pytest.mark.parametrize(
    "args, message",
    [
        (["add", "2025-02-30", "3m"], '"2025-02-30" is not a date: day 30 is not in February 2025, which has 28 days'),
        (["add", "1800-01-01", "3m"], "1800-01-01 is outside the supported range 1900-01-01 to 2199-12-31"),
        (["add", "2025-01-01", "12 wokring days"],
         '"12 wokring days" is not a period: unknown unit "wokring days"; did you mean "working days"?'),
        (["add", "2025-01-01"], 'expected a date and a period, like "2024-12-13 30wd"'),
        (["between", "2025-01-01"], 'expected two dates, like "2024-12-13 2025-01-29"'),
        (["add", "2199-12-30", "5wd"], "2199-12-30 + 5 working days is outside the supported range"),
        (["sub", "1900-01-10", "30wd"], "the latest start for 30 working days before 1900-01-10 is outside"),
        (["holidays", "1800"], "the year 1800 is outside the supported range"),
        (["holidays", "twenty"], 'expected a year, like "2026"'),
        (["--calendar", "scotlnd", "holidays", "2026"], 'no calendar named "scotlnd"; did you mean "scotland"?'),
    ],
)
def test_bad_input_is_an_error_naming_what_is_wrong(cli, args, message):
    result = cli("date", *args)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("error: ") and result.stderr.endswith("\n")
    assert message in result.stderr and result.stderr.count("\n") == 1


def test_holidays_has_no_batch_mode(cli):
    result = cli("date", "holidays", "-", stdin="2026\n")
    assert result.returncode == 1
    assert result.stderr == 'error: "-" is not a query; expected a year, like "2026"\n'


def test_negative_periods_count_back(cli):
    result = cli("date", "add", "2025-03-31", "-1m")
    assert (result.returncode, result.stdout) == (0, "2025-02-28\n")


def test_usage_errors_exit_2(cli):
    assert cli("date").returncode == 2
    assert cli("date", "frobnicate").returncode == 2
    assert cli("date", "add").returncode == 2


def test_batch_answers_each_line_in_order_and_reports_bad_lines_in_place(cli):
    lines = [
        "2024-12-13 30wd",
        "",
        "2025-02-30 1m",
        "2025-01-31 1 month",
        "1800-01-01 3m",
        "2025-01-01 12 wokring days",
        "  2025-01-31   3m  ",
        "2024-12-13 30wd\r",
    ]
    result = cli("date", "add", "-", stdin="\n".join(lines) + "\n")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "2025-01-29",
        'error: empty query; expected a date and a period, like "2024-12-13 30wd"',
        'error: "2025-02-30" is not a date: day 30 is not in February 2025, which has 28 days',
        "2025-02-28",
        "error: 1800-01-01 is outside the supported range 1900-01-01 to 2199-12-31",
        'error: "12 wokring days" is not a period: unknown unit "wokring days"; did you mean "working days"?',
        "2025-04-30",
        "2025-01-29",
    ]


@pytest.mark.parametrize(
    "command, stdin, expected",
    [
        ("sub", "2025-04-30 3m\n2025-01-29 30wd\n", "2025-01-31\n2024-12-15\n"),
        ("between", "2024-12-13 2025-01-29\n2025-01-29 2024-12-13\n", "30\n-30\n"),
        ("is-working-day", "2025-12-26\n2025-12-24\n", "false\ntrue\n"),
    ],
)
def test_batch_for_every_query_command(cli, command, stdin, expected):
    result = cli("date", command, "-", stdin=stdin)
    assert (result.returncode, result.stdout) == (0, expected)


def test_batch_with_no_bad_lines_exits_0_and_empty_input_prints_nothing(cli):
    assert cli("date", "add", "-", stdin="").returncode == 0
    assert cli("date", "add", "-", stdin="").stdout == ""
