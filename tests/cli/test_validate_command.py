"""`compact validate` and `compact schema`, end to end."""

import json
import os
import pathlib

import pytest

EXAMPLES = pathlib.Path(__file__).resolve().parents[2] / "examples"
BAD = """{
  "organisations": [{"id": "sbc", "sector": "public"}],
  "commissions": [{"id": "G1", "approach": "grnt", "commissioner": "sbcc",
    "payments": [{"id": "P1", "kind": "invoice", "paid_on": "2025-02-30"}]}]
}
"""


def position(text, needle):
    """Line and column (1-based) of needle in text, counted here rather than trusted from the tool."""
    before = text[: text.index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


@pytest.fixture
def bad_case(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(BAD)
    return path


def test_examples_are_valid(cli):
    files = sorted(str(p) for p in EXAMPLES.glob("*.json"))
    assert len(files) >= 3
    result = cli("validate", *files)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [f"{f}: valid" for f in files]


def test_problems_are_listed_with_file_line_column_path_and_code(cli, bad_case):
    result = cli("validate", str(bad_case))
    assert result.returncode == 1
    (l1, c1), (l2, c2), (l3, c3) = (position(BAD, n) for n in ('"grnt"', '"sbcc"', '"2025-02-30"'))
    assert result.stdout.splitlines() == [
        f'{bad_case}:{l1}:{c1}: error: commissions[0].approach: "grnt" is not an approach; expected one of grant, '
        'contract, loan, training, premises, other (did you mean "grant"?) [invalid_enum]',
        f'{bad_case}:{l2}:{c2}: error: commissions[0].commissioner: no organisation has the id "sbcc"; '
        'did you mean "sbc"? [unknown_organisation]',
        f'{bad_case}:{l3}:{c3}: error: commissions[0].payments[0].paid_on: "2025-02-30" is not a date: day 30 is '
        "not in February 2025, which has 28 days [invalid_date]",
    ]


def test_json_format_for_machines(cli, bad_case):
    result = cli("validate", "--format", "json", str(bad_case))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["file"] == str(bad_case) and report["valid"] is False
    assert [(p["code"], p["path"], (p["line"], p["column"])) for p in report["problems"]] == [
        ("invalid_enum", "commissions[0].approach", position(BAD, '"grnt"')),
        ("unknown_organisation", "commissions[0].commissioner", position(BAD, '"sbcc"')),
        ("invalid_date", "commissions[0].payments[0].paid_on", position(BAD, '"2025-02-30"')),
    ]


def test_standard_input_and_unreadable_files(cli, tmp_path):
    ok = cli("validate", "-", stdin=(EXAMPLES / "grant-with-invoices.json").read_text())
    assert (ok.returncode, ok.stdout) == (0, "-: valid\n")
    missing = cli("validate", str(tmp_path / "nope.json"))
    assert missing.returncode == 1
    assert missing.stdout == f"{tmp_path / 'nope.json'}: error: document: cannot read {tmp_path / 'nope.json'} [io]\n"


def test_one_document_per_line(cli, tmp_path):
    good = json.dumps(json.loads((EXAMPLES / "contract-ended-with-notice.json").read_text()))
    path = tmp_path / "cases.jsonl"
    bad = '{"commissions": [{"id": "X", "approach": "loan", "start_on": "2025-13-01"}]}'
    path.write_text("\n".join([good, "", good, bad, good]) + "\n")
    result = cli("validate", "--lines", str(path))
    assert result.returncode == 1
    column = bad.index('"2025-13-01"') + 1
    assert result.stdout.splitlines() == [
        f'{path}:4:{column}: error: commissions[0].start_on: "2025-13-01" is not a date: month 13 is not a month (1 to 12) [invalid_date]',
        f"{path}: 4 documents, 1 invalid",
    ]


def test_schema_prints_the_generated_field_reference(cli):
    result = cli("schema")
    assert result.returncode == 0
    docs = pathlib.Path(__file__).resolve().parents[2] / "docs" / "case-fields.md"
    assert result.stdout == docs.read_text(encoding="utf-8")
    assert "| `received_on` | date (YYYY-MM-DD) | no |" in result.stdout
    assert "| `approach` | one of `grant`, `contract`, `loan`, `training`, `premises`, `other` | yes |" in result.stdout


def test_warnings_are_listed_but_the_document_is_valid(cli, tmp_path):
    path = tmp_path / "odd.json"
    path.write_text('{"equality_records": [{"id": "E", "kind": "action_plan", "adopted_on": "2025-01-01", '
                    '"reviewed_on": "2024-12-01"}]}')
    result = cli("validate", str(path))
    assert result.returncode == 0
    assert result.stdout.splitlines()[-1] == f"{path}: valid"
    assert "warning: equality_records[0].reviewed_on: reviewed_on (2024-12-01) is before adopted_on (2025-01-01) [inconsistent_dates]" in result.stdout


def test_oversized_documents_are_refused_without_reading_them_whole(cli, tmp_path):
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (17 << 20))
    result = cli("validate", str(big))
    assert result.returncode == 1
    assert result.stdout == f"{big}: error: document: the document is larger than the limit of 16777216 bytes [limit]\n"
    lines = tmp_path / "lines.jsonl"
    good = '{"policies": [{"id": "P"}]}'
    lines.write_text(good + "\n" + " " * (17 << 20) + '{"bad": 1}\n' + good + "\n")
    result = cli("validate", "--lines", str(lines))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"{lines}: error: document: the document is larger than the limit of 16777216 bytes [limit]",
        f"{lines}: 3 documents, 1 invalid",
    ]
