"""scripts/coverage: the Stockton Compact's undertakings, each accounted for, and the table of them.

The list is checked against the document's own text, so a test here fails when an undertaking has no
row, a row names a rule the pack lacks, or a row's words are not the Compact's.
"""

import pathlib
import re
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "coverage"
PACK = ROOT / "packs" / "stockton-2014.toml"
UNDERTAKINGS = ROOT / "packs" / "stockton-2014-undertakings.toml"
SOURCE = ROOT / "packs" / "sources" / "stockton-borough-compact-2014.txt"
TABLE = ROOT / "docs" / "stockton-2014-coverage.md"


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True,
                          timeout=60)


def load(path):
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_the_list_accounts_for_the_document_and_the_table_is_up_to_date():
    result = run("--check")
    assert result.returncode == 0, result.stderr


def test_every_rule_of_the_pack_is_named_and_every_named_rule_exists():
    rules = {rule["id"] for rule in load(PACK)["rule"]}
    named = {r for u in load(UNDERTAKINGS)["undertaking"] for r in u.get("rules", [])}
    assert named == rules


def test_the_table_has_a_row_for_each_undertaking_and_counts_them():
    undertakings = load(UNDERTAKINGS)["undertaking"]
    table = TABLE.read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \|", table, re.M)
    assert rows == [u["id"] for u in undertakings]
    counts = {s: sum(1 for u in undertakings if s in u)
              for s in ("rules", "characteristics", "principle", "planned")}
    assert (f"{len(undertakings)} undertakings: {counts['rules']} checked by the pack's "
            f"{len(load(PACK)['rule'])} rules, {counts['characteristics']} by `compact classify`, "
            f"{counts['principle']} principles, "
            f"{counts['planned']} planned.") in table


def test_each_bullet_of_the_compact_from_its_definitions_on_is_some_undertakings_words():
    # Independent of the script: the document's bullets, found here by their own marker.
    document = SOURCE.read_text(encoding="utf-8")
    after = document[document.index("\nDefinitions:"):]
    bullets = [re.sub(r"\s+", " ", line.strip()[2:].replace("**", "")).strip()
               for line in after.splitlines() if line.strip().startswith("- ")]
    assert len(bullets) > 100
    texts = [re.sub(r"\s+", " ", u["text"].replace("**", "")).strip()
             for u in load(UNDERTAKINGS)["undertaking"]]
    for bullet in bullets:
        assert any(t in bullet or bullet in t for t in texts), bullet


def checked(undertakings, tmp_path):
    """The script's complaints about `undertakings` written as a list, which it must refuse."""
    lines = []
    for u in undertakings:
        lines.append("[[undertaking]]")
        lines += [f"{key} = {toml_value(value)}" for key, value in u.items()]
        lines.append("")
    path = tmp_path / "undertakings.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    result = run("--undertakings", str(path), "--out", str(tmp_path / "table.md"))
    assert result.returncode == 1
    assert not (tmp_path / "table.md").exists()
    return result.stderr


def toml_value(value):
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{text}"'


def listed():
    return load(UNDERTAKINGS)["undertaking"]


def first_with(undertakings, status):
    return next(u for u in undertakings if status in u)


def test_the_list_as_written_here_passes(tmp_path):
    # The writer below is faithful: the list unchanged passes through it.
    undertakings = listed()
    path = tmp_path / "undertakings.toml"
    path.write_text("\n".join(
        line for u in undertakings
        for line in ["[[undertaking]]", *(f"{k} = {toml_value(v)}" for k, v in u.items()), ""]),
        encoding="utf-8")
    assert load(path)["undertaking"] == undertakings
    assert run("--undertakings", str(path), "--out", str(tmp_path / "table.md")).returncode == 0


def test_a_rule_the_pack_lacks_is_named(tmp_path):
    undertakings = listed()
    u = first_with(undertakings, "rules")
    u["rules"].append("payment.no-such-rule")
    assert f"{u['id']}: the pack has no rule 'payment.no-such-rule'" in checked(undertakings, tmp_path)


def test_a_characteristic_the_pack_lacks_is_named_and_one_left_unnamed_too(tmp_path):
    undertakings = listed()
    u = first_with(undertakings, "characteristics")
    named = u["characteristics"][0]
    u["characteristics"] = ["vcse/no-such-characteristic"]
    found = checked(undertakings, tmp_path)
    assert f"{u['id']}: the pack has no characteristic 'vcse/no-such-characteristic'" in found
    assert f"characteristic {named}: no undertaking names it" in found


def test_words_that_are_not_the_documents_are_refused(tmp_path):
    undertakings = listed()
    u = undertakings[0]
    u["text"] = u["text"].rstrip(".") + " within ten days."
    assert f"{u['id']}: its text is not the document's words" in checked(undertakings, tmp_path)


def test_an_undertaking_needs_exactly_one_status(tmp_path):
    undertakings = listed()
    u = first_with(undertakings, "principle")
    u["planned"] = "a rule"
    assert f"{u['id']}: it needs exactly one of rules, characteristics, principle, planned, and has principle, planned" \
        in checked(undertakings, tmp_path)
    undertakings = listed()
    u = first_with(undertakings, "principle")
    del u["principle"]
    assert f"{u['id']}: it needs exactly one of rules, characteristics, principle, planned, and has none" \
        in checked(undertakings, tmp_path)


def test_a_bullet_with_no_undertaking_is_found_by_its_line(tmp_path):
    undertakings = [u for u in listed() if "independent and autonomous" not in u["text"]]
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    line = 1 + lines.index("- They are independent and autonomous")
    assert f"line {line} of the document: no undertaking accounts for it" \
        in checked(undertakings, tmp_path)


def test_a_rule_no_undertaking_names_and_a_repeated_id_are_found(tmp_path):
    undertakings = listed()
    for u in undertakings:
        if "payment.on-time" in u.get("rules", []):
            u["rules"] = [r for r in u["rules"] if r != "payment.on-time"] or ["bid.feedback"]
    undertakings.append(dict(undertakings[0]))
    stderr = checked(undertakings, tmp_path)
    assert "rule payment.on-time: no undertaking names it" in stderr
    assert f"{undertakings[0]['id']}: the id is used twice" in stderr


def test_a_stale_table_is_found(tmp_path):
    stale = tmp_path / "table.md"
    stale.write_text(TABLE.read_text(encoding="utf-8").replace("principle:", "principle -", 1),
                     encoding="utf-8")
    result = run("--check", "--out", str(stale))
    assert result.returncode == 1
    assert "is not what scripts/coverage writes" in result.stderr
