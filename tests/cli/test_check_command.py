"""`compact check` end to end: golden reports for the examples, exit statuses, and the payment due dates
recomputed here from GOV.UK's published bank holidays (sharing no code with the engine).

Regenerate the golden reports after an intended change with COMPACT_UPDATE_GOLDEN=1 (then read the diff).
"""

import datetime
import json
import os
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
GOLDEN = ROOT / "tests" / "golden"

# Each example, as of a date that shows its interesting outcomes.
CASES = [
    ("grant-with-invoices", "2026-04-30"),
    ("shortened-consultation", "2025-06-30"),
    ("contract-ended-with-notice", "2025-06-30"),
]


@pytest.mark.parametrize("name,as_of", CASES)
def test_golden_reports(cli, name, as_of):
    result = cli("check", str(EXAMPLES / f"{name}.json"), "--as-of", as_of, "--format", "json")
    assert result.returncode in (0, 1), result.stderr
    report = json.loads(result.stdout)
    golden = GOLDEN / f"{name}.{as_of}.json"
    if os.environ.get("COMPACT_UPDATE_GOLDEN"):
        golden.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert report == json.loads(golden.read_text(encoding="utf-8")), f"differs from {golden}"
    # The exit status follows the summary.
    bad = report["summary"]["breach"] + report["summary"]["overdue"]
    assert result.returncode == (1 if bad else 0)
    assert sum(report["summary"].values()) == len(report["findings"])


def test_payment_due_dates_match_published_holidays(cli, published_holidays):
    """Every payment.on-time due date in the grant example, recomputed by walking the calendar."""
    case = json.loads((EXAMPLES / "grant-with-invoices.json").read_text())
    result = cli("check", str(EXAMPLES / "grant-with-invoices.json"), "--as-of", "2026-04-30", "--format", "json")
    findings = {f["entity"]: f for f in json.loads(result.stdout)["findings"] if f["rule"] == "payment.on-time"}
    checked = 0
    for commission in case["commissions"]:
        for payment in commission.get("payments", []):
            finding = findings[f"commissions[{commission['id']}].payments[{payment['id']}]"]
            if payment.get("in_advance") or payment.get("alternative_terms_agreed"):
                continue
            due = datetime.date.fromisoformat(payment["received_on"])
            counted = 0
            while counted < 30:
                due += datetime.timedelta(days=1)
                if due.weekday() < 5 and due not in published_holidays:
                    counted += 1
            assert finding["due"] == due.isoformat(), payment["id"]
            paid = payment.get("paid_on")
            if paid and paid <= "2026-04-30":
                assert finding["outcome"] == ("compliant" if paid <= due.isoformat() else "breach")
            checked += 1
    assert checked >= 3


def test_exit_statuses_and_errors(cli, tmp_path):
    grant = str(EXAMPLES / "grant-with-invoices.json")
    assert cli("check", grant, "--as-of", "2026-04-30").returncode == 1  # a breach
    assert cli("check", str(EXAMPLES / "shortened-consultation.json"), "--as-of", "2025-06-30").returncode == 0
    bad_date = cli("check", grant, "--as-of", "2025-02-30")
    assert bad_date.returncode == 2
    assert "day 30 is not in February 2025" in bad_date.stderr
    invalid = tmp_path / "invalid.json"
    invalid.write_text('{"commissions": [{"id": "G", "approach": "grnt"}]}')
    refused = cli("check", str(invalid))
    assert refused.returncode == 3
    assert 'did you mean "grant"' in refused.stderr
    pack = tmp_path / "bad.toml"
    met = 'met = "commission.start_on + 3 months"'
    pack.write_text('[pack]\nid = "p"\ntitle = "P"\n[[rule]]\nid = "r"\nsection = "S"\nquote = "Q"\n'
                    'party = "public"\nstrength = "must"\nfor = "commission"\n' + met + '\n')
    bad_pack = cli("check", grant, "--pack", str(pack))
    assert bad_pack.returncode == 3
    column = met.index("commission") + 1  # the expression's first character, on line 11
    assert f'{pack}:11:{column}: "met" must be a bool; this is a date' in bad_pack.stderr


def test_a_pack_that_cannot_be_read_says_why(cli, tmp_path):
    grant = str(EXAMPLES / "grant-with-invoices.json")
    missing = cli("check", grant, "--pack", str(tmp_path / "nowhere.toml"))
    assert missing.returncode == 3
    assert f"cannot read the pack {tmp_path / 'nowhere.toml'}: No such file or directory" in missing.stderr


def test_an_extra_pack_and_strict_mode(cli, tmp_path):
    pack = tmp_path / "overlay.toml"
    pack.write_text('[pack]\nid = "overlay"\ntitle = "Overlay"\n[[rule]]\nid = "payment.prompt"\n'
                    'section = "Regulation 113"\nquote = "Pay within 30 days."\nparty = "public"\n'
                    'strength = "must"\nfor = "commission.payment"\ndue = "payment.received_on + 30 days"\n'
                    'actual = "payment.paid_on"\nmet = "actual <= due"\n')
    grant = str(EXAMPLES / "grant-with-invoices.json")
    both = json.loads(cli("check", grant, "--as-of", "2026-04-30", "--pack", str(pack), "--format", "json").stdout)
    assert {f["pack"] for f in both["findings"]} == {"stockton-2014", "overlay"}
    alone = json.loads(cli("check", grant, "--as-of", "2026-04-30", "--pack", str(pack), "--no-default-pack",
                           "--format", "json").stdout)
    assert {f["pack"] for f in alone["findings"]} == {"overlay"}
    # The example's dates are after the Stockton Compact's window: strictly, none of its rules apply.
    strict = json.loads(cli("check", grant, "--as-of", "2026-04-30", "--strict", "--format", "json").stdout)
    arisen = [f for f in strict["findings"] if f["arises"] is not None]
    assert arisen and all(f["outcome"] == "not_applicable" and
                          f["not_applicable_because"] == "outside_in_force" for f in arisen)


def test_fields_a_pack_declares(cli, tmp_path, published_holidays):
    pack = tmp_path / "local.toml"
    pack.write_text('[pack]\nid = "local"\ntitle = "Local"\n'
                    '[fields.payment]\napproved_on = { type = "date", description = "Approved for payment" }\n'
                    '[[rule]]\nid = "payment.approved-promptly"\nsection = "Local 1"\n'
                    'quote = "Approve invoices within 5 working days."\nparty = "public"\nstrength = "aim"\n'
                    'for = "commission.payment"\ndue = "payment.received_on + 5 working days"\n'
                    'actual = "payment.approved_on"\nmet = "actual <= due"\n')
    case = json.loads((EXAMPLES / "grant-with-invoices.json").read_text())
    payments = case["commissions"][0]["payments"]
    for p in payments:
        p["approved_on"] = p["received_on"]
    payments[0]["approved_on"] = None
    document = tmp_path / "case.json"
    document.write_text(json.dumps(case))

    # Without the pack the field is unknown; with it, a case may carry it. --pack may come first.
    plain = cli("validate", str(document))
    assert plain.returncode == 1 and 'unknown field "approved_on" in a payment' in plain.stdout
    hint = "hint: a field a pack declares in its [fields] is known only where that pack is given: --pack FILE"
    assert hint in plain.stdout
    unchecked = cli("check", str(document))
    assert unchecked.returncode == 3 and hint in unchecked.stderr
    assert cli("validate", "--pack", str(pack), str(document)).returncode == 0
    checked = cli("check", "--pack", str(pack), "--no-default-pack", str(document), "--as-of", "2026-04-30",
                  "--format", "json")
    assert checked.returncode in (0, 1), checked.stderr
    findings = {f["entity"]: f for f in json.loads(checked.stdout)["findings"]}
    assert len(findings) == len(payments)

    def plus_working_days(day, n):  # a walk over GOV.UK's published holidays
        while n > 0:
            day += datetime.timedelta(days=1)
            if day.weekday() < 5 and day not in published_holidays:
                n -= 1
        return day

    for p in payments:
        f = findings[f"commissions[{case['commissions'][0]['id']}].payments[{p['id']}]"]
        due = plus_working_days(datetime.date.fromisoformat(p["received_on"]), 5)
        assert f["due"] == due.isoformat()
        if p["approved_on"] is None:
            assert f["outcome"] == ("overdue" if due.isoformat() < "2026-04-30" else "pending")
        else:
            assert f["outcome"] == "compliant"
            assert {"name": "payment.approved_on", "value": p["approved_on"]} in f["trace"]


def test_the_readme_shows_the_main_job_as_it_runs(cli):
    """The project README's main-job excerpt: the command it shows, run, prints each line it quotes, in
    order ("..." stands for lines left out)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("The main job, on one", 1)[1].split("```\n", 2)[1]
    command, *quoted = block.splitlines()
    assert command.startswith("$ build/dev/bin/compact "), command
    # Run from the repository's root, as the README's commands are.
    args = [str(ROOT / a) if a.startswith("examples/") else a for a in command.split()[2:]]
    result = cli(*args)
    assert result.returncode == 1, result.stderr  # the excerpt shows a breach
    printed = [line.rstrip() for line in result.stdout.splitlines()]
    at = 0
    for line in quoted:
        if line == "...":
            continue
        assert line in printed[at:], f"the README quotes a line the command does not print: {line}"
        at = printed.index(line, at) + 1


def test_the_demo_runs_to_the_end():
    """`./run demo`'s script, on this build's CLI: every example shown, exit status 0."""
    import subprocess

    result = subprocess.run(["bash", str(ROOT / "scripts" / "demo"), os.environ["COMPACT_CLI"]],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert "summary: 22 compliant, 1 breach, 22 not_applicable, 1 insufficient_data" in result.stdout
    assert result.stdout.rstrip().endswith("2025-03-28")
