"""The generated JSON Schema, checked by an independent validator (python3-jsonschema, draft 2020-12)."""

import json
import pathlib

import jsonschema
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def validator(cli):
    result = cli("schema", "--json-schema")
    assert result.returncode == 0
    assert result.stdout == (ROOT / "docs" / "case.schema.json").read_text(encoding="utf-8")
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_examples_are_valid_under_the_schema(validator):
    examples = sorted(ROOT.glob("examples/*.json"))
    assert len(examples) >= 3
    for example in examples:
        assert list(validator.iter_errors(json.loads(example.read_text()))) == [], example


# Faults JSON Schema can express: the schema and `compact validate` must both refuse them.
BOTH_REFUSE = [
    {"commissions": [{"id": "G", "approach": "grnt"}]},
    {"commissions": [{"id": "G", "approach": "grant", "strat_on": "2025-01-01"}]},
    {"commissions": [{"approach": "grant"}]},
    {"commissions": [{"id": "G", "approach": "grant", "value_pence": 12.5}]},
    {"commissions": [{"id": "G", "approach": "grant", "value_pence": -1}]},
    {"commissions": [{"id": "G", "approach": "grant", "start_on": 20250101}]},
    {"commissions": [{"id": "G", "approach": "grant", "payments": [{"id": "P"}]}]},
    {"organisations": [{"id": "x", "sector": "charity"}]},
    {"consultations": {"id": "C"}},
    {"unknown": []},
]

# Faults only `compact validate` can find: real dates, the supported range, unique ids, references.
ONLY_VALIDATE_REFUSES = [
    {"commissions": [{"id": "G", "approach": "grant", "start_on": "2025-02-30"}]},
    {"commissions": [{"id": "G", "approach": "grant", "start_on": "1800-01-01"}]},
    {"commissions": [{"id": "G", "approach": "grant"}, {"id": "G", "approach": "loan"}]},
    {"commissions": [{"id": "G", "approach": "grant", "provider": "nobody"}]},
    {"consultations": [{"id": "C", "opens_on": "2025-03-01", "closes_on": "2025-01-01"}]},
]


@pytest.mark.parametrize("document", BOTH_REFUSE)
def test_schema_and_validate_agree_on_what_json_schema_can_express(cli, validator, document):
    assert list(validator.iter_errors(document)) != []
    assert cli("validate", "-", stdin=json.dumps(document)).returncode == 1


@pytest.mark.parametrize("document", ONLY_VALIDATE_REFUSES)
def test_validate_finds_what_json_schema_cannot(cli, validator, document):
    assert list(validator.iter_errors(document)) == []
    assert cli("validate", "-", stdin=json.dumps(document)).returncode == 1


def test_null_means_not_recorded_in_both(cli, validator):
    document = {"commissions": [{"id": "G", "approach": "grant", "start_on": None, "payments": None, "ending": None}]}
    assert list(validator.iter_errors(document)) == []
    assert cli("validate", "-", stdin=json.dumps(document)).returncode == 0


def test_fields_a_pack_declares_are_in_the_schema(cli, tmp_path):
    pack = tmp_path / "local.toml"
    pack.write_text('[pack]\nid = "local"\ntitle = "Local"\n[fields.payment]\n'
                    'approved_on = { type = "date", description = "Approved | paid" }\n'
                    'disputed_pence = "money"\n')
    result = cli("schema", "--json-schema", "--pack", str(pack))
    assert result.returncode == 0, result.stderr
    validator = jsonschema.Draft202012Validator(json.loads(result.stdout))
    case = {"commissions": [{"id": "G", "approach": "grant", "payments": [
        {"id": "P", "kind": "invoice", "approved_on": "2025-01-02", "disputed_pence": None}]}]}
    for document in [case, {"commissions": [{"id": "G", "approach": "grant", "payments": [
            {"id": "P", "kind": "invoice", "approved_on": 5}]}]},
                     {"commissions": [{"id": "G", "approach": "grant", "payments": [
                         {"id": "P", "kind": "invoice", "disputed_pence": -1}]}]}]:
        path = tmp_path / "case.json"
        path.write_text(json.dumps(document))
        schema_accepts = not list(validator.iter_errors(document))
        validate_accepts = cli("validate", "--pack", str(pack), str(path)).returncode == 0
        assert schema_accepts == validate_accepts == (document is case), document
    # The core schema alone refuses the declared field, as `compact validate` without the pack does.
    core = jsonschema.Draft202012Validator(json.loads(cli("schema", "--json-schema").stdout))
    assert list(core.iter_errors(case))

    reference = cli("schema", "--pack", str(pack)).stdout
    assert f"| `approved_on` | date (YYYY-MM-DD) | no | Approved \\| paid (declared at {pack}:5:1) |" in reference
