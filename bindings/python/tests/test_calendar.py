"""compact.Calendar against GOV.UK's published bank holidays and brute-force walks written here,
sharing no code with the library."""

import calendar as stdlib_calendar
import datetime
import os
import pathlib

import pytest

import compact

DATA = pathlib.Path(__file__).resolve().parents[3] / "tests" / "data"
EW = compact.Calendar("england-and-wales")


def published():
    rows = (DATA / "england-and-wales-bank-holidays-2012-2026.tsv").read_text("utf-8").splitlines()[1:]
    return {datetime.date.fromisoformat(d): name for d, name in (row.split("\t") for row in rows)}


HOLIDAYS = published()


def working(d):
    return d.weekday() < 5 and d not in HOLIDAYS


def walk(d, n):
    """The n-th working day strictly after d, one day at a time."""
    step = 1 if n > 0 else -1
    while n:
        d += datetime.timedelta(days=step)
        if working(d):
            n -= step
    return d


def plus_months(d, n):
    """The corresponding date: the same day n months on, or the month's last day."""
    month = d.month - 1 + n
    year, month = d.year + month // 12, month % 12 + 1
    return datetime.date(year, month, min(d.day, stdlib_calendar.monthrange(year, month)[1]))


DAYS = [datetime.date(2013, 1, 1) + datetime.timedelta(days=i) for i in range(0, 4700, 3)]


def test_the_published_holidays_are_the_calendars():
    for year in range(2012, 2027):
        assert {(h.date, h.name) for h in EW.holidays(year)} == {
            (d, name) for d, name in HOLIDAYS.items() if d.year == year}


def test_working_days_agree_with_a_walk_over_the_published_holidays():
    for d in DAYS:
        assert EW.is_working_day(d) == working(d)
        for n in (1, 30, -30):
            expected = walk(d, n)
            if expected.year < 2012 or expected.year > 2026:
                continue
            assert EW.add_working_days(d, n) == expected, (d, n)
            assert EW.add(d, compact.Period(n, "working days")) == expected


def test_between_counts_the_days_in_the_half_open_interval():
    for d in DAYS[:300]:
        later = d + datetime.timedelta(days=45)
        expected = sum(working(d + datetime.timedelta(days=k)) for k in range(1, 46))
        assert EW.working_days_between(d, later) == expected
        assert EW.working_days_between(later, d) == -expected


def test_months_use_the_corresponding_date_and_latest_start_is_exact():
    assert EW.add(datetime.date(2025, 1, 31), "1 month") == datetime.date(2025, 2, 28)
    assert EW.add(datetime.date(2024, 2, 29), "1 year") == datetime.date(2025, 2, 28)
    for d in DAYS[:400]:
        assert EW.add(d, "3 months") == plus_months(d, 3)
        # The latest e with e + 3 months <= d, by search.
        e = d
        while plus_months(e, 3) > d:
            e -= datetime.timedelta(days=1)
        while plus_months(e + datetime.timedelta(days=1), 3) <= d:
            e += datetime.timedelta(days=1)
        assert EW.latest_start(d, "3 months") == e


def test_the_batch_forms_give_what_the_single_ones_give():
    assert EW.is_working_day_many(DAYS) == [EW.is_working_day(d) for d in DAYS]
    assert EW.add_working_days_many(DAYS, 30) == [EW.add_working_days(d, 30) for d in DAYS]
    assert EW.add_many(DAYS, "12 weeks") == [EW.add(d, "12 weeks") for d in DAYS]
    assert EW.latest_start_many(DAYS, "3 months") == [EW.latest_start(d, "3 months") for d in DAYS]
    pairs = list(zip(DAYS, reversed(DAYS)))
    assert EW.working_days_between_many(pairs) == [EW.working_days_between(a, b) for a, b in pairs]
    assert EW.add_working_days_many([], 30) == []


def test_errors_say_what():
    with pytest.raises(compact.CompactError) as e:
        EW.add_working_days(datetime.date(2199, 12, 20), 30)
    assert e.value.code == "out_of_range" and "2199" in e.value.message
    with pytest.raises(compact.CompactError) as e:
        EW.is_working_day_many([datetime.date(2025, 1, 1), datetime.date(1899, 12, 31)])
    assert e.value.code == "out_of_range" and "element 1" in e.value.message
    with pytest.raises(compact.CompactError) as e:
        compact.Calendar("england")
    assert e.value.code == "not_found" and "england-and-wales" in e.value.message
    with pytest.raises(compact.CompactError) as e:
        EW.add(datetime.date(2025, 1, 1), "4 wks")
    assert e.value.code == "invalid_argument"
    with pytest.raises(TypeError):
        EW.is_working_day("2025-01-01")
    assert compact.Period.parse("30wd") == compact.Period(30, "working days")


def test_the_version_is_the_librarys():
    assert compact.__version__ == compact.library_version() == "0.1.0"
    pyproject = (pathlib.Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert f'version = "{compact.__version__}"' in pyproject
    assert os.environ.get("COMPACT_LIBRARY")  # ctest points the package at the build's library


def test_what_ctypes_would_silently_change_is_refused():
    d = datetime.date(2025, 1, 6)
    for n in (2**63, -(2**63) - 1, 2**64 + 1):
        with pytest.raises(compact.CompactError) as e:
            EW.add_working_days(d, n)
        assert e.value.code == "out_of_range"
    with pytest.raises(compact.CompactError):
        EW.holidays(2**32 + 2024)
    with pytest.raises(compact.CompactError):
        EW.add(d, compact.Period(2**64 + 1, "days"))
    with pytest.raises(compact.CompactError) as e:
        compact.Calendar("england-and-wales\0junk")
    assert e.value.code == "invalid_argument"
    with pytest.raises(compact.CompactError):
        compact.Period.parse("3 days\0garbage")
    with pytest.raises(TypeError):
        EW.is_working_day(datetime.datetime(2025, 1, 6, 12, 0))
    with pytest.raises(TypeError):
        EW.add_working_days(d, True)
