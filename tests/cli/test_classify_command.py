"""`compact classify` and `--param`, end to end: verdicts, exit statuses, and errors with their places."""

import json


def test_each_organisation_of_a_case_gets_a_verdict_and_the_exit_status_says_if_all_meet(cli, tmp_path):
    case = tmp_path / "case.json"
    full = {k: True for k in ("independent_and_autonomous", "public_or_community_benefit",
                              "not_for_individual_gain", "not_allied_to_political_party",
                              "governed_by_constitution", "unpaid_board", "accountable_to_members")}
    case.write_text(json.dumps({"organisations": [
        {"id": "larder", "sector": "vcse", **full},
        {"id": "club", "sector": "vcse", **full, "unpaid_board": False},
        {"id": "group", "sector": "vcse", **{k: v for k, v in full.items() if k != "accountable_to_members"}},
    ]}))
    result = cli("classify", str(case), "--format", "json")
    assert result.returncode == 1
    verdicts = {c["organisation"]: c["verdict"] for c in json.loads(result.stdout)}
    assert verdicts == {"larder": "meets", "club": "does_not_meet", "group": "insufficient_data"}
    group = next(c for c in json.loads(result.stdout) if c["organisation"] == "group")
    missing = [ch for ch in group["characteristics"] if ch["holding"] == "not_recorded"]
    assert [(ch["quote"], ch["missing"]) for ch in missing] == [
        ("They are accountable to their members", ["organisation.accountable_to_members"])]
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"id": "larder", "sector": "vcse", **full}))
    assert cli("classify", str(one)).returncode == 0


def test_an_organisations_document_with_a_mistake_is_refused_at_its_place(cli, tmp_path):
    one = tmp_path / "one.json"
    one.write_text('{"id": "larder",\n "sector": "vcs"}')
    result = cli("classify", str(one))
    assert result.returncode == 3
    assert f"{one}:2:12: error: sector:" in result.stderr
    assert cli("classify", str(one), "--as", "charity").returncode in (2, 3)


def test_a_parameter_left_unset_is_named_until_param_sets_it(cli, tmp_path):
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"commissions": [{"id": "T1", "approach": "contract",
                                                  "tender_published_on": "2016-01-04",
                                                  "tender_closes_on": "2016-02-15"}]}))

    def tender(*extra):
        result = cli("check", str(case), "--as-of", "2016-06-30", "--format", "json", *extra)
        return next(f for f in json.loads(result.stdout)["findings"] if f["rule"] == "commission.tender-period")

    unset = tender()
    assert (unset["outcome"], unset["missing"]) == ("insufficient_data", ["tender_period"])
    assert unset["parameters"] == [{"name": "tender_period", "value": None, "from": None}]
    six = tender("--param", "tender_period=6 weeks")
    assert (six["outcome"], six["due"]) == ("compliant", "2016-02-15")
    seven = tender("--param", "tender_period=7 weeks")
    assert (seven["outcome"], seven["due"]) == ("breach", "2016-02-22")
    wrong = cli("check", str(case), "--param", "tender_period=£5")
    assert wrong.returncode == 3
    assert "cannot set stockton-2014's tender_period to \"£5\": it is a period; this is money" in wrong.stderr
