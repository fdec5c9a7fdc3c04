"""The Stockton walk-through (examples/stockton/README.md) end to end: every command the README shows is run
here, its JSON report compared with a golden file, and a few findings of each example worked out again by
hand from the Compact's words and GOV.UK's published bank holidays (sharing no code with the engine).

Regenerate the golden reports after an intended change with COMPACT_UPDATE_GOLDEN=1 (then read the diff).
"""

import datetime
import json
import os
import pathlib
import re
import shlex

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "stockton"
README = EXAMPLES / "README.md"
GOLDEN = ROOT / "tests" / "golden" / "stockton"

# Each command the README shows (run from the repository's root, `compact` for the binary), the golden file
# of its `--format json` output, and its exit status.
RUNS = {
    "grant-commission.2016-06-30":
        ("compact check examples/stockton/grant-commission.json --as-of 2016-06-30", 1),
    "ending-and-reduction.2016-10-31":
        ("compact check examples/stockton/ending-and-reduction.json --as-of 2016-10-31", 1),
    "consultation-and-policy.2016-06-30":
        ("compact check examples/stockton/consultation-and-policy.json --as-of 2016-06-30", 0),
    "tender.2016-10-31":
        ("compact check examples/stockton/tender.json --as-of 2016-10-31", 0),
    "tender.2016-10-31.tender-period":
        ('compact check examples/stockton/tender.json --as-of 2016-10-31 --param tender_period="6 weeks"', 0),
    "dispute.2017-06-30":
        ("compact check examples/stockton/dispute.json --as-of 2017-06-30", 0),
    "dispute.2017-06-30.timescales":
        ("compact check examples/stockton/dispute.json --as-of 2017-06-30"
         ' --param informal_resolution_timescale="20 working days"'
         ' --param compact_contacts_timescale="4 weeks"'
         ' --param strategic_partnership_timescale="8 weeks"', 0),
    "organisations.classify":
        ("compact classify examples/stockton/organisations.json", 1),
}
VALIDATE = "compact validate examples/stockton/*.json"


def arguments(command):
    """The command line's arguments after `compact`, with the repository's paths made absolute."""
    words = shlex.split(command)
    assert words[0] == "compact"
    out = []
    for word in words[1:]:
        if word.startswith("examples/"):
            paths = sorted(ROOT.glob(word)) if "*" in word else [ROOT / word]
            assert paths, word
            out.extend(str(p) for p in paths)
        else:
            out.append(word)
    return out


@pytest.fixture(scope="module")
def run(cli):
    """name -> (exit status, the JSON report) for each of RUNS, each run once."""
    cache = {}

    def get(name):
        if name not in cache:
            result = cli(*arguments(RUNS[name][0]), "--format", "json")
            assert result.returncode in (0, 1), result.stderr
            cache[name] = (result.returncode, json.loads(result.stdout))
        return cache[name]

    return get


# --- by hand: GOV.UK's holidays, and the corresponding-date rule of docs/dates.md ---

def plus_working_days(day, n, holidays):
    """The n-th working day strictly after day (n > 0)."""
    while n > 0:
        day += datetime.timedelta(days=1)
        if day.weekday() < 5 and day not in holidays:
            n -= 1
    return day


def working_days_between(a, b, holidays):
    """Working days in (a, b], negative when b is before a."""
    lo, hi, sign = (a, b, 1) if a <= b else (b, a, -1)
    count = 0
    while lo < hi:
        lo += datetime.timedelta(days=1)
        count += lo.weekday() < 5 and lo not in holidays
    return sign * count


def plus_months(day, n):
    """The corresponding date n months later, or that month's last day where it has no such day."""
    month = day.month - 1 + n
    year, month = day.year + month // 12, month % 12 + 1
    last = (datetime.date(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)).day
    return datetime.date(year, month, min(day.day, last))


def latest_start_months(end, n):
    """The last day e with e + n months <= end, found by walking back."""
    e = end
    while plus_months(e, n) > end:
        e -= datetime.timedelta(days=1)
    return e


def date(text):
    return datetime.date.fromisoformat(text)


def findings(report, rule):
    return {f["entity"]: f for f in report["findings"] if f["rule"] == rule}


# --- the README and the golden reports ---

def readme_commands():
    """Each line of the README's ```sh blocks that runs compact, with continued lines joined."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for line in block.replace("\\\n", " ").splitlines():
            line = " ".join(line.split())
            if line.startswith("compact "):
                commands.append(line)
    return commands


def test_the_readme_shows_exactly_the_commands_tested():
    commands = readme_commands()
    assert sorted(commands) == sorted([c for c, _ in RUNS.values()] + [VALIDATE])


def test_every_example_is_a_valid_case_document(cli):
    result = cli(*arguments(VALIDATE))
    assert result.returncode == 0, result.stdout
    names = sorted(p.name for p in EXAMPLES.glob("*.json"))
    assert len(names) == 6
    for name in names:
        assert f"{EXAMPLES / name}: valid" in result.stdout


def test_every_example_is_valid_under_the_json_schema(cli):
    """The same documents, by an independent validator of the schema `compact schema` prints."""
    jsonschema = pytest.importorskip("jsonschema")
    result = cli("schema", "--json-schema")
    assert result.returncode == 0
    validator = jsonschema.Draft202012Validator(json.loads(result.stdout))
    for example in sorted(EXAMPLES.glob("*.json")):
        assert list(validator.iter_errors(json.loads(example.read_text(encoding="utf-8")))) == [], example


@pytest.mark.parametrize("name", RUNS)
def test_golden_reports(run, name):
    status, report = run(name)
    golden = GOLDEN / f"{name}.json"
    if os.environ.get("COMPACT_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert report == json.loads(golden.read_text(encoding="utf-8")), f"differs from {golden}"
    assert status == RUNS[name][1]
    if isinstance(report, dict):  # a check's report: the exit status follows the summary
        bad = report["summary"]["breach"] + report["summary"]["overdue"]
        assert status == (1 if bad else 0)
        assert sum(report["summary"].values()) == len(report["findings"])


# --- each example, a few findings by hand ---

def test_grant_claims_paid_within_30_working_days(run, published_holidays):
    _, report = run("grant-commission.2016-06-30")
    case = json.loads((EXAMPLES / "grant-commission.json").read_text(encoding="utf-8"))
    grant = case["commissions"][0]
    on_time = findings(report, "payment.on-time")
    assert len(grant["payments"]) == 12
    for claim in grant["payments"]:
        f = on_time[f"commissions[{grant['id']}].payments[{claim['id']}]"]
        due = plus_working_days(date(claim["received_on"]), 30, published_holidays)
        assert f["due"] == due.isoformat(), claim["id"]
        assert f["outcome"] == ("compliant" if date(claim["paid_on"]) <= due else "breach"), claim["id"]
    breaches = [e for e, f in on_time.items() if f["outcome"] == "breach"]
    assert breaches == ["commissions[G-2015-007].payments[CLAIM-2015-11]"]

    # Received Fri 4 Dec 2015: Christmas Day, Boxing Day (Mon 28th) and New Year's Day push the 30th
    # working day to Wed 20 Jan 2016; paid Fri 22nd, two days (two working days) late.
    late = on_time["commissions[G-2015-007].payments[CLAIM-2015-11]"]
    assert (late["due"], late["actual"], late["outcome"]) == ("2016-01-20", "2016-01-22", "breach")
    assert late["margin"] == {"days": -2, "working_days": -2}
    assert late["message"] == "paid on 2016-01-22, due by 2016-01-20"

    # Received on the Early May bank holiday (Mon 4 May 2015): the count starts on Tue 5 May, so it is due
    # on the same day as a claim received on Fri 1 May.
    holiday = on_time["commissions[G-2015-007].payments[CLAIM-2015-04]"]
    assert date("2015-05-04") in published_holidays
    assert holiday["due"] == "2015-06-16"
    assert plus_working_days(date("2015-05-01"), 30, published_holidays) == date("2015-06-16")

    # Told on 18 Dec 2014; three months before the start on 1 Apr 2015 is 1 Jan 2015.
    notice = findings(report, "commission.decision-notice")["commissions[G-2015-007]"]
    assert notice["due"] == latest_start_months(date("2015-04-01"), 3).isoformat() == "2015-01-01"
    assert notice["outcome"] == "compliant"
    assert notice["margin"] == {"days": 14, "working_days": working_days_between(
        date("2014-12-18"), date("2015-01-01"), published_holidays)} == {"days": 14, "working_days": 7}
    # Three years: 1 Apr 2015 to 31 Mar 2018.
    assert plus_months(date("2015-04-01"), 36) - datetime.timedelta(days=1) == date(grant["end_on"])
    assert findings(report, "commission.funding-term")["commissions[G-2015-007]"]["outcome"] == "compliant"
    # The end-of-grant review does not apply before the end, and is not judged against the window.
    review = findings(report, "commission.reviewed-with-vcs")["commissions[G-2015-007]"]
    assert (review["arises"], review["outside_in_force"], review["outcome"]) == (None, False,
                                                                                  "not_applicable")
    assert "warnings" not in report or not report["warnings"]
    assert report["summary"] == {"compliant": 22, "explained": 0, "pending": 0, "overdue": 0, "breach": 1,
                                 "not_applicable": 22, "insufficient_data": 1}


def test_notice_on_the_three_month_boundary_and_a_reduction(run, published_holidays):
    _, report = run("ending-and-reduction.2016-10-31")
    notice = findings(report, "ending.notice-period")
    ended = notice["commissions[K-2014-021].ending"]
    # 31 Mar + 3 months is 30 Jun (June has no 31st), and 1 Apr + 3 months is 1 Jul: notice on 31 Mar is
    # the last day that gives three months. Counting back, 30 Jun - 3 months, gives 30 Mar instead.
    assert latest_start_months(date("2016-06-30"), 3) == date("2016-03-31")
    assert plus_months(date("2016-06-30"), -3) == date("2016-03-30")
    assert (ended["due"], ended["actual"], ended["outcome"]) == ("2016-03-31", "2016-03-31", "compliant")
    assert ended["boundary_sensitive"] is True
    assert ended["margin"] == {"days": 0, "working_days": 0}
    # The reduction is not an end: no notice period applies to it.
    reduced = notice["commissions[G-2014-003].ending"]
    assert (reduced["outcome"], reduced["not_applicable_because"]) == ("not_applicable", "when")

    impact = findings(report, "ending.impact-assessment")
    assert impact["commissions[K-2014-021].ending"]["outcome"] == "compliant"
    late = impact["commissions[G-2014-003].ending"]
    # Decided 24 Feb 2016, the impact assessed 3 Mar: 8 days, 6 working days after the decision.
    assert (late["due"], late["actual"], late["outcome"]) == ("2016-02-24", "2016-03-03", "breach")
    assert late["margin"] == {"days": -8, "working_days": -working_days_between(
        date("2016-02-24"), date("2016-03-03"), published_holidays)} == {"days": -8, "working_days": -6}
    assert [f["outcome"] for f in report["findings"] if f["outcome"] == "breach"] == ["breach"]


def test_a_shortened_consultation_explained_and_a_policy(run, published_holidays):
    _, report = run("consultation-and-policy.2016-06-30")
    period = findings(report, "consultation.min-period")["consultations[CON-2016-02]"]
    # Opened Mon 11 Jan 2016: 12 weeks on is Mon 4 Apr; it closed Mon 7 Mar, after eight weeks.
    due = date("2016-01-11") + datetime.timedelta(weeks=12)
    assert period["due"] == due.isoformat() == "2016-04-04"
    assert period["outcome"] == "explained"
    assert period["margin"] == {"days": -28, "working_days": -working_days_between(
        date("2016-03-07"), due, published_holidays)} == {"days": -28, "working_days": -18}
    for rule in ("policy.progress-updates", "policy.equality-impact-assessed", "policy.equality-included",
                 "policy.vcs-implications"):
        assert findings(report, rule)["policies[P-2016-CT]"]["outcome"] == "compliant", rule
    assert findings(report, "organisation.public-equality-policy")["organisations[sbc]"]["outcome"] == "compliant"
    assert report["summary"]["explained"] == 1 and report["summary"]["breach"] == 0


def test_a_tender_period_the_partners_set(run):
    _, unset = run("tender.2016-10-31")
    f = findings(unset, "commission.tender-period")["commissions[K-2016-044]"]
    assert (f["outcome"], f["insufficient_because"], f["missing"]) == ("insufficient_data", "unrecorded",
                                                                      ["tender_period"])
    _, report = run("tender.2016-10-31.tender-period")
    f = findings(report, "commission.tender-period")["commissions[K-2016-044]"]
    # Published Mon 11 Apr 2016: six weeks on is Mon 23 May; it closed Fri 27 May, four days beyond.
    assert f["due"] == (date("2016-04-11") + datetime.timedelta(weeks=6)).isoformat() == "2016-05-23"
    assert (f["actual"], f["outcome"], f["margin"]) == ("2016-05-27", "compliant",
                                                       {"days": 4, "working_days": 4})
    assert {"name": "tender_period", "value": "6 weeks", "from": None} in f["parameters"]
    # Feedback to unsuccessful bidders has no deadline: pending until given.
    feedback = findings(report, "bid.feedback")
    assert {e: x["outcome"] for e, x in feedback.items()} == {
        "commissions[K-2016-044].bids[BID-1]": "not_applicable",
        "commissions[K-2016-044].bids[BID-2]": "compliant",
        "commissions[K-2016-044].bids[BID-3]": "compliant",
        "commissions[K-2016-044].bids[BID-4]": "pending"}
    # Only the tender period's finding differs between the two runs.
    assert [a for a, b in zip(unset["findings"], report["findings"]) if a != b] == [
        a for a in unset["findings"] if a["rule"] == "commission.tender-period"]


def test_dispute_stages_and_their_timescales(run, published_holidays):
    stages = ["informal-resolution", "compact-contacts", "strategic-partnership", "mediation"]
    parameters = ["informal_resolution_timescale", "compact_contacts_timescale",
                  "strategic_partnership_timescale", None]

    def by_stage(report):
        return {i: findings(report, f"dispute.{rule}")[f"disputes[D-2016-03].stages[{i}]"]
                for i, rule in enumerate(stages)}

    _, unset = run("dispute.2017-06-30")
    for i, f in by_stage(unset).items():
        if parameters[i]:
            assert (f["outcome"], f["missing"]) == ("insufficient_data", [parameters[i]]), stages[i]
    # Mediation has its own complete_by, agreed by the parties: it needs no parameter.
    assert by_stage(unset)[3]["due"] == "2017-05-31" and by_stage(unset)[3]["outcome"] == "compliant"

    _, report = run("dispute.2017-06-30.timescales")
    found = by_stage(report)
    # 20 working days from Mon 7 Nov 2016; four weeks from Mon 5 Dec (Mon 2 Jan 2017, a bank holiday, but
    # weeks are calendar weeks); eight weeks from Mon 9 Jan 2017; mediation's own date.
    expected = [plus_working_days(date("2016-11-07"), 20, published_holidays),
                date("2016-12-05") + datetime.timedelta(weeks=4),
                date("2017-01-09") + datetime.timedelta(weeks=8),
                date("2017-05-31")]
    assert [d.isoformat() for d in expected] == ["2016-12-05", "2017-01-02", "2017-03-06", "2017-05-31"]
    for i, f in found.items():
        assert (f["due"], f["outcome"]) == (expected[i].isoformat(), "compliant"), stages[i]
    assert found[0]["margin"] == {"days": 3, "working_days": 1}
    assert found[1]["margin"]["working_days"] == working_days_between(
        date("2016-12-21"), date("2017-01-02"), published_holidays) == 5
    for rule in ("dispute.known-stage", "dispute.informal-resolution-first"):
        assert {f["outcome"] for f in findings(report, rule).values()} == {"compliant"}, rule
    in_writing = findings(report, "dispute.referral-in-writing")
    assert {e: f["outcome"] for e, f in in_writing.items() if f["outcome"] != "not_applicable"} == {
        "disputes[D-2016-03].stages[1]": "compliant"}  # the referral to the Compact contacts
    assert report["summary"]["insufficient_data"] == 0


def test_classifying_organisations(run):
    _, classified = run("organisations.classify")
    verdicts = {c["organisation"]: c["verdict"] for c in classified}
    assert verdicts == {"hardwick-larder": "meets", "norton-residents-voice": "does_not_meet",
                        "mandale-tenants": "insufficient_data"}
    by_id = {c["organisation"]: {ch["id"]: ch for ch in c["characteristics"]} for c in classified}
    assert len(by_id["hardwick-larder"]) == 8
    assert all(ch["holding"] == "has" for ch in by_id["hardwick-larder"].values())
    assert [i for i, ch in by_id["norton-residents-voice"].items() if ch["holding"] != "has"] == [
        "not-allied-to-a-political-party"]
    assert by_id["norton-residents-voice"]["not-allied-to-a-political-party"]["holding"] == "lacks"
    unrecorded = {i: ch["missing"] for i, ch in by_id["mandale-tenants"].items() if ch["holding"] != "has"}
    assert unrecorded == {
        "not-allied-to-a-political-party": ["organisation.not_allied_to_political_party"],
        "unpaid-board": ["organisation.unpaid_board"],
        "accountable-to-members": ["organisation.accountable_to_members"]}
