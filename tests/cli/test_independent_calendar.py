"""The CLI against references that share no code with it.

- Working days: GOV.UK's published England and Wales bank holidays 2012-2026 and a day-by-day walk in Python.
- Months and years: python-dateutil's relativedelta, which implements the corresponding-date rule
  independently (31 Jan + 1 month = 28/29 Feb; 28 Feb + 1 month = 28 Mar).
- latest start: its definition, searched for directly in Python.
- Easter: dateutil's easter(), for every supported year.

Each suite sends thousands of queries through one batch process, as an integrating system would.
"""

import datetime

import pytest
from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

ONE_DAY = datetime.timedelta(days=1)
FIRST, LAST = datetime.date(2012, 1, 1), datetime.date(2026, 12, 31)


def dates(first, last, step=1):
    d = first
    while d <= last:
        yield d
        d += datetime.timedelta(days=step)


def batch(cli, command, queries, *options):
    result = cli("date", *options, command, "-", stdin="".join(q + "\n" for q in queries))
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    answers = result.stdout.splitlines()
    assert len(answers) == len(queries)
    return answers


@pytest.fixture(scope="module")
def working(published_holidays):
    def is_working(d):
        assert FIRST <= d <= LAST, f"{d} is outside the published data"
        return d.weekday() < 5 and d not in published_holidays

    return is_working


def walk_working_days(is_working, d, n):
    step = ONE_DAY if n > 0 else -ONE_DAY
    for _ in range(abs(n)):
        d += step
        while not is_working(d):
            d += step
    return d


def test_is_working_day_on_every_published_date(cli, working):
    days = list(dates(FIRST, LAST))
    answers = batch(cli, "is-working-day", [d.isoformat() for d in days])
    assert answers == [("true" if working(d) else "false") for d in days]


@pytest.mark.parametrize("n", [1, 2, 5, 10, 20, 30, 60, 260, -1, -30])
def test_add_working_days_on_every_date(cli, working, n):
    margin = datetime.timedelta(days=400)
    days = list(dates(FIRST + margin, LAST - margin))
    answers = batch(cli, "add", [f"{d.isoformat()} {n}wd" for d in days])
    assert answers == [walk_working_days(working, d, n).isoformat() for d in days]


@pytest.mark.parametrize("offset", [1, 6, 30, 47, 365, -30])
def test_working_days_between_on_every_date(cli, working, offset):
    margin = datetime.timedelta(days=400)
    days = list(dates(FIRST + margin, LAST - margin))
    answers = batch(cli, "between", [f"{d.isoformat()} {(d + datetime.timedelta(days=offset)).isoformat()}" for d in days])
    expected = []
    for a in days:
        b = a + datetime.timedelta(days=offset)
        lo, hi, sign = (a, b, 1) if a <= b else (b, a, -1)
        expected.append(str(sign * sum(working(d) for d in dates(lo + ONE_DAY, hi))))
    assert answers == expected


@pytest.mark.parametrize("n", [30, 1, 20])
def test_latest_start_for_working_days_is_found_by_search(cli, working, n):
    days = list(dates(datetime.date(2014, 1, 1), datetime.date(2025, 12, 31), step=3))
    answers = batch(cli, "sub", [f"{x.isoformat()} {n} working days" for x in days])
    expected = []
    for x in days:
        e = x
        while walk_working_days(working, e, n) > x:
            e -= ONE_DAY
        expected.append(e.isoformat())
    assert answers == expected


@pytest.mark.parametrize("period, delta", [("1m", relativedelta(months=1)), ("3 months", relativedelta(months=3)),
                                           ("-1m", relativedelta(months=-1)), ("4m", relativedelta(months=4)),
                                           ("3y", relativedelta(years=3)), ("1 year", relativedelta(years=1)),
                                           ("36m", relativedelta(months=36))])
def test_add_months_and_years_agree_with_dateutil_over_the_whole_range(cli, period, delta):
    days = list(dates(datetime.date(1900, 1, 1), datetime.date(2195, 12, 31), step=2))
    days = [d for d in days if datetime.date(1900, 1, 1) <= d + delta <= datetime.date(2199, 12, 31)]
    assert batch(cli, "add", [f"{d.isoformat()} {period}" for d in days]) == [(d + delta).isoformat() for d in days]


@pytest.mark.parametrize("period, delta", [("12 weeks", datetime.timedelta(weeks=12)), ("10d", datetime.timedelta(days=10)),
                                           ("-5 days", datetime.timedelta(days=-5))])
def test_add_days_and_weeks_agree_with_datetime(cli, period, delta):
    days = list(dates(datetime.date(1901, 1, 1), datetime.date(2198, 12, 31), step=5))
    assert batch(cli, "add", [f"{d.isoformat()} {period}" for d in days]) == [(d + delta).isoformat() for d in days]


@pytest.mark.parametrize("months", [1, 3, 12, 36])
def test_latest_start_for_months_is_found_by_search(cli, months):
    delta = relativedelta(months=months)
    days = list(dates(datetime.date(2000, 1, 1), datetime.date(2004, 12, 31)))
    answers = batch(cli, "sub", [f"{x.isoformat()} {months}m" for x in days])
    expected = []
    for x in days:
        e = x
        while e + delta > x:
            e -= ONE_DAY
        expected.append(e.isoformat())
    assert answers == expected


def test_good_friday_and_easter_monday_for_every_supported_year(cli):
    for year in range(1900, 2200):
        listed = cli("date", "holidays", str(year)).stdout
        sunday = easter(year)
        assert f"{(sunday - 2 * ONE_DAY).isoformat()}\tGood Friday" in listed, year
        assert f"{(sunday + ONE_DAY).isoformat()}\tEaster Monday" in listed, year


def test_holidays_match_the_published_list_for_every_published_year(cli, published_holidays):
    for year in range(2012, 2027):
        listed = [line.split("\t")[:2] for line in cli("date", "holidays", str(year)).stdout.splitlines()]
        expected = [[d.isoformat(), name] for d, name in sorted(published_holidays.items()) if d.year == year]
        assert listed == expected, year
