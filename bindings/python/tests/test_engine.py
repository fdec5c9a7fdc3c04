"""compact.Engine on the example cases: the reports a Python program gets are the golden reports the
CLI is held to; errors carry the library's details; a batch and threads give what single calls give."""

import datetime
import json
import os
import pathlib
import subprocess
import sys
import threading

import pytest

import compact

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"

CASES = [(e["case"], e["as_of"], e["golden"]) for e in json.loads(
    (GOLDEN / "examples.json").read_text("utf-8"))["examples"]]

ENGINE = compact.Engine()


@pytest.mark.parametrize("case,as_of,golden", CASES)
def test_reports_are_the_golden_ones(case, as_of, golden):
    document = json.loads((EXAMPLES / case).read_text("utf-8"))
    report = ENGINE.check(document, as_of=datetime.date.fromisoformat(as_of))
    expected = json.loads((GOLDEN / golden).read_text("utf-8"))
    assert report.to_dict() == expected
    # The findings as objects say what the JSON says.
    assert [(f.rule, f.entity, f.outcome) for f in report.findings] == [
        (f["rule"], f["entity"], f["outcome"]) for f in expected["findings"]]
    assert [f.due.isoformat() if f.due else None for f in report.findings] == [
        f["due"] for f in expected["findings"]]
    assert report.summary == {k: v for k, v in expected["summary"].items() if k in report.summary}
    assert [(f.rule, f.entity) for f in report.timeline] == [
        (t["rule"], t["entity"]) for t in expected["timeline"]]


def test_a_finding_carries_the_compacts_words_and_its_dates():
    report = ENGINE.check((EXAMPLES / "stockton" / "grant-commission.json").read_text("utf-8"),
                          as_of=datetime.date(2016, 6, 30))
    (breach,) = [f for f in report.findings if f.outcome == "breach"]
    # Received Friday 4 December 2015: 30 working days on, across Christmas, is 20 January 2016.
    assert breach.rule == "payment.on-time"
    assert breach.due == datetime.date(2016, 1, 20) and breach.actual == datetime.date(2016, 1, 22)
    assert breach.margin_days == -2 and breach.margin_working_days == -2
    assert "30 working days" in breach.quote
    assert ENGINE.packs[0].in_force_from == datetime.date(2014, 9, 1)
    assert json.loads(report.json(lean=True))["rules"]


def test_a_case_that_does_not_read_lists_every_problem():
    with pytest.raises(compact.CompactError) as e:
        ENGINE.check({"commissions": [{"id": 3}], "x": 1}, as_of=datetime.date(2016, 6, 30))
    error = e.value
    assert error.code == "parse_error"
    assert [p.path for p in error.problems] == ["commissions[0].approach", "commissions[0].id", "x"]
    assert error.problems[1].code == "wrong_type"
    assert error.json_path == "commissions[0].approach" and error.line == 1


def test_a_pack_that_does_not_load_says_where():
    with pytest.raises(compact.CompactError) as e:
        compact.Engine([("mine.toml", "[pack]\nid = \"mine\"\ntitle = 3\n")])
    assert e.value.code == "parse_error"
    assert (e.value.file, e.value.line) == ("mine.toml", 3)


def test_options_reach_the_engine():
    strict = compact.Engine(strict_in_force=True)
    case = (EXAMPLES / "grant-with-invoices.json").read_text("utf-8")
    lenient = ENGINE.check(case, as_of=datetime.date(2026, 4, 30))
    assert lenient.outside_in_force > 0
    assert strict.check(case, as_of=datetime.date(2026, 4, 30)).summary["not_applicable"] == \
        lenient.summary["not_applicable"] + sum(
            1 for f in lenient.findings if f.outside_in_force and f.outcome != "not_applicable")
    assert compact.Engine(include_default_pack=False).packs == []


def test_a_batch_and_threads_give_what_single_checks_give():
    documents = [(EXAMPLES / case).read_text("utf-8") for case, _, _ in CASES]
    as_of = datetime.date(2017, 6, 30)
    single = [ENGINE.check(d, as_of).json(lean=True) for d in documents]
    assert [r.json(lean=True) for r in ENGINE.check_many(documents, as_of)] == single
    differ = []

    def work(k):
        for i in range(40):
            which = (k + i) % len(documents)
            if ENGINE.check(documents[which], as_of).json(lean=True) != single[which]:
                differ.append(which)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert differ == []


def test_pip_installs_the_package_with_no_network(tmp_path):
    """`pip install ./bindings/python`, offline, bundles the library: the installed package works
    without COMPACT_LIBRARY."""
    library = os.environ["COMPACT_LIBRARY"]
    installed = subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-index", "--no-cache-dir", "--quiet",
         "--target", str(tmp_path / "site"), str(ROOT / "bindings" / "python")],
        capture_output=True, text=True, env={**os.environ, "COMPACT_LIBRARY": library})
    assert installed.returncode == 0, installed.stderr
    assert (tmp_path / "site" / "compact" / "_lib" / "libcompact.so").is_file()
    assert (tmp_path / "site" / "compact" / "py.typed").is_file()
    environment = {k: v for k, v in os.environ.items() if k not in ("COMPACT_LIBRARY", "PYTHONPATH")}
    environment["PYTHONPATH"] = str(tmp_path / "site")
    used = subprocess.run(
        [sys.executable, "-c", "import compact, datetime; print(compact.Calendar()"
         ".add_working_days(datetime.date(2024, 12, 13), 30), compact.__file__)"],
        capture_output=True, text=True, env=environment, cwd=tmp_path)
    assert used.returncode == 0, used.stderr
    assert used.stdout.startswith("2025-01-29 " + str(tmp_path / "site"))


def test_a_report_outlives_its_engine():
    document = (EXAMPLES / "stockton" / "grant-commission.json").read_text("utf-8")
    report = compact.Engine().check(document, as_of=datetime.date(2016, 6, 30))  # engine dropped
    assert [f for f in report.findings if f.outcome == "breach"][0].pack == "stockton-2014"
    assert "stockton-2014" in report.json()


def test_one_report_read_from_many_threads():
    report = ENGINE.check((EXAMPLES / "stockton" / "dispute.json").read_text("utf-8"),
                          as_of=datetime.date(2017, 6, 30))
    expected = {False: report.json(), True: report.json(lean=True)}
    wrong = []

    def work(k):
        for i in range(50):
            lean = (k + i) % 2 == 1
            if report.json(lean) != expected[lean]:
                wrong.append(k)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert wrong == []


def test_one_pack_may_be_named_by_its_path(tmp_path):
    pack = tmp_path / "mine.toml"
    pack.write_text("[pack]\nid = \"mine\"\ntitle = \"Mine\"\n", encoding="utf-8")
    assert [p.id for p in compact.Engine(str(pack)).packs] == ["stockton-2014", "mine"]
    assert [p.id for p in compact.Engine(pack, include_default_pack=False).packs] == ["mine"]


def test_errors_cross_process_boundaries_whole():
    import pickle

    with pytest.raises(compact.CompactError) as e:
        ENGINE.check({"commissions": [{"id": 3}]}, as_of=datetime.date(2016, 6, 30))
    again = pickle.loads(pickle.dumps(e.value))
    assert (again.code, again.message, again.json_path, again.problems) == (
        e.value.code, e.value.message, e.value.json_path, e.value.problems)
    assert again.problems[0].severity == "error"
