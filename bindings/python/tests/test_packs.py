"""What an engine's packs say beyond findings: their parameters, set and read back; the schema of a
case; and the classification of organisations. Each is held to what the CLI prints of the same
engine (its golden files, `compact schema --json-schema`), which reaches the library another way."""

import datetime
import json
import os
import pathlib
import subprocess

import pytest

import compact

ROOT = pathlib.Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples" / "stockton"
GOLDEN = ROOT / "tests" / "golden" / "stockton"


def document(name):
    return json.loads((EXAMPLES / name).read_text("utf-8"))


def golden(name):
    return json.loads((GOLDEN / name).read_text("utf-8"))


# The CLI's commands for these goldens are in tests/cli/test_stockton_examples.py.
@pytest.mark.parametrize("case,as_of,parameters,expected", [
    ("tender.json", "2016-10-31", {"tender_period": "6 weeks"},
     "tender.2016-10-31.tender-period.json"),
    ("dispute.json", "2017-06-30", {"informal_resolution_timescale": "20 working days",
                                    "compact_contacts_timescale": "4 weeks",
                                    "strategic_partnership_timescale": "8 weeks"},
     "dispute.2017-06-30.timescales.json"),
])
def test_parameters_set_give_the_clis_reports(case, as_of, parameters, expected):
    engine = compact.Engine(parameters=parameters)
    report = engine.check(document(case), as_of=datetime.date.fromisoformat(as_of))
    assert report.to_dict() == golden(expected)
    # The unset engine's report differs: the parameters reached the findings.
    assert compact.Engine().check(document(case), as_of=report.as_of).to_dict() != golden(expected)


def test_parameters_read_back_as_they_stand():
    stock = {p.name: p for p in compact.Engine().parameters}
    assert len(stock) == 12
    payment = stock["payment_period"]
    assert (payment.pack, payment.type, payment.is_set, payment.values) == (
        "stockton-2014", "period", True, ((None, "30 working days"),))
    tender = stock["tender_period"]
    assert (tender.is_set, tender.values) == (False, ())
    assert "appropriate time" in tender.description
    set_ = {p.name: p for p in compact.Engine(parameters={"tender_period": "6 weeks"}).parameters}
    assert set_["tender_period"].values == ((None, "6 weeks"),)
    assert set_["payment_period"] == payment


def test_a_parameter_that_cannot_be_set_says_why():
    with pytest.raises(compact.CompactError) as raised:
        compact.Engine(parameters={"tender_periods": "6 weeks"})
    assert raised.value.code == "not_found" and "tender_period" in raised.value.message
    with pytest.raises(compact.CompactError) as raised:
        compact.Engine(parameters={"tender_period": "£500"})
    assert raised.value.code == "invalid_argument"
    with pytest.raises(compact.CompactError):
        compact.Engine(parameters={"tender_period": "6 weeks\0"})


def json_schema(*arguments):
    return json.loads(subprocess.run([os.environ["COMPACT_CLI"], "schema", "--json-schema",
                                      *arguments], capture_output=True, text=True,
                                     check=True).stdout)


def same_as_json_schema(schema, expected):
    definitions = expected["$defs"]
    assert [e.identifier for e in schema] == list(definitions)
    for entity in schema:
        definition = definitions[entity.identifier]
        assert definition["description"] == entity.description
        assert [f.name for f in entity.fields] == list(definition["properties"])
        assert sorted(f.name for f in entity.fields if f.required) == sorted(
            definition.get("required", []))
        for field in entity.fields:
            property_ = definition["properties"][field.name]
            text = json.dumps(property_)
            assert property_["description"] == field.description
            if field.kind == "enum":
                assert list(field.values) == [v for v in property_["enum"] if v is not None]
            if field.kind == "date":
                assert property_["format"] == "date"
            if field.element:
                identifier = next(e.identifier for e in schema if e.name == field.element)
                assert f'"#/$defs/{identifier}"' in text, (entity.name, field.name)
                assert (field.kind == "list") == ('"array"' in text)


def test_the_schema_is_the_one_the_cli_prints():
    schema = compact.Engine().schema
    assert schema[0].name == "case"
    same_as_json_schema(schema, json_schema())


def test_a_packs_declared_fields_join_the_schema(tmp_path):
    pack = tmp_path / "local.toml"
    pack.write_text('[pack]\nid = "local"\ntitle = "A local Compact"\n\n[fields.payment]\n'
                    'approved_on = { type = "date", description = "Approved for payment" }\n',
                    encoding="utf-8")
    schema = compact.Engine([pack]).schema
    payment = next(e for e in schema if e.name == "payment")
    assert payment.fields[-1] == compact.Field("approved_on", "date", False, True,
                                               "Approved for payment", None, ())
    same_as_json_schema(schema, json_schema("--pack", str(pack)))


def test_organisations_classify_as_the_cli_says():
    engine = compact.Engine()
    expected = golden("organisations.classify.json")
    organisations = document("organisations.json")["organisations"]
    classified = [engine.classify(o) for o in organisations]
    assert [c.to_dict() for c in classified] == expected
    assert [c.verdict for c in classified] == ["meets", "does_not_meet", "insufficient_data"]
    unrecorded = [c for c in classified[2].characteristics if c.holding == "not_recorded"]
    assert [c.missing for c in unrecorded] == [
        ("organisation.not_allied_to_political_party",), ("organisation.unpaid_board",),
        ("organisation.accountable_to_members",)]
    assert classified[0].pack == "stockton-2014" and classified[0].definition == "vcse"


def test_an_organisation_that_does_not_read_lists_its_problems():
    with pytest.raises(compact.CompactError) as raised:
        compact.Engine().classify({"id": 1})
    assert raised.value.code == "parse_error"
    assert [(p.code, p.path) for p in raised.value.problems] == [
        ("missing_field", "sector"), ("wrong_type", "id")]
    with pytest.raises(compact.CompactError) as raised:
        compact.Engine().classify({"id": "a", "sector": "vcse"}, definition="charity")
    assert raised.value.code == "not_found" and "vcse" in raised.value.message
