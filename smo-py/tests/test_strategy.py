"""The foundation surface: strategies, findings, rules, networks, handles."""

import datetime
import json
from typing import Any

import pandas as pd
import pytest

import smo
from conftest import golden_cases

KIND = {
    smo.ParseError: "parse",
    smo.InvalidValueError: "invalid_value",
    smo.UnknownNetworkError: "unknown_network",
    smo.UnknownRuleError: "unknown_rule",
    smo.InvalidArgumentError: "invalid_argument",
}


def load(inp: dict[str, Any]) -> smo.Strategy:
    if inp.get("example"):
        return smo.Strategy.example()
    if "json" in inp:
        return smo.Strategy.from_json(json.dumps(inp["json"]))
    if "json_text" in inp:
        return smo.Strategy.from_json(inp["json_text"])
    return smo.Strategy.from_toml(inp["toml"])


@pytest.mark.parametrize("case", golden_cases("strategy"))
def test_strategy_golden(case: dict[str, Any]) -> None:
    opts = case["options"]
    expected = case["expected"]
    if "error" in expected:
        with pytest.raises(smo.SmoError) as info:
            load(case["input"]).validate(
                today=opts.get("today"),
                disabled=opts.get("disabled", []),
                severities=opts.get("severities", {}),
            )
        assert KIND[type(info.value)] == expected["error"]["kind"]
        assert str(info.value) == expected["error"]["message"]
        return
    found = load(case["input"]).validate(
        today=opts.get("today"), disabled=opts.get("disabled", []), severities=opts.get("severities", {})
    )
    assert len(found) == len(expected["findings"]), [f.rule for f in found]
    for f, want in zip(found, expected["findings"]):
        got = f.to_dict()
        for key, value in want.items():
            assert got[key] == value, (key, got)


@pytest.mark.parametrize("file", golden_cases("handles"))
def test_handle_golden(file: dict[str, Any]) -> None:
    for case in file["cases"]:
        c = smo.check_handle(case["network"], case["handle"])
        assert (c.valid, c.display, c.normalized, c.problems) == (
            case["valid"],
            case["display"],
            case["normalized"],
            case["problems"],
        ), case
        assert bool(c) is c.valid


def test_validate_takes_a_date_object_and_defaults_to_today() -> None:
    s = smo.Strategy.example()
    by_date = s.validate(today=datetime.date(2026, 11, 21))
    by_text = s.validate(today="2026-11-21")
    assert by_date == by_text
    # Far in the future every deadline has passed.
    late = s.validate(today=datetime.datetime(2030, 1, 1, 12, 0))
    assert sum(f.rule == "objective/deadline-past" for f in late) == 8
    assert isinstance(s.validate(), list)


def test_validate_accepts_positional_arguments_too() -> None:
    s = smo.Strategy.example()
    assert s.validate("2026-11-21", ["listening/none"]) == s.validate(today="2026-11-21", disabled=["listening/none"])


def test_findings_are_records_pandas_takes() -> None:
    findings = smo.Strategy.example().validate(today="2026-11-21")
    frame = pd.DataFrame([f.to_dict() for f in findings])
    assert list(frame.columns[:3]) == ["rule", "severity", "message"]
    assert frame["severity"].value_counts().to_dict() == {"warning": 9, "error": 6, "notice": 2}


def test_parse_error_says_where() -> None:
    with pytest.raises(smo.ParseError) as info:
        smo.Strategy.from_toml('[brand]\nname = "x"\nsite = "nope"\n')
    e = info.value
    assert isinstance(e, ValueError)
    assert (e.line, e.column, e.path, e.format) == (3, 8, "brand.site", "TOML")


def test_invalid_value_error_has_a_path() -> None:
    text = '{"brand": {"name": " ", "site": "https://x.example/"}}'
    with pytest.raises(smo.InvalidValueError) as info:
        smo.Strategy.from_json(text)
    assert info.value.path == "brand.name"


def test_round_trips_and_dict_form() -> None:
    s = smo.Strategy.example()
    assert smo.Strategy.from_toml(s.to_toml()) == s
    assert smo.Strategy.from_json(s.to_json()) == s
    d = s.to_dict()
    assert d["brand"]["name"] == s.brand_name == "Maison Lune"
    assert d["objectives"][0]["deadline"] == "2027-06-30"
    assert s.site == "https://www.maisonlune.fr/"
    assert "Maison Lune" in repr(s)


def test_rules_registry() -> None:
    rules = smo.rules()
    ids = [r.id for r in rules]
    assert len(ids) == len(set(ids))
    assert {"objective/not-smart", "listening/none", "channel/handle-inconsistent"} <= set(ids)
    assert all(r.source and r.default_severity in {"error", "warning", "notice"} for r in rules)
    assert pd.DataFrame([r.to_dict() for r in rules]).shape[0] == len(rules)


def test_networks_table_carries_provenance() -> None:
    nets = {n.id: n for n in smo.networks()}
    assert len(nets) == 14 and {"x", "bluesky", "mastodon", "whatsapp"} <= set(nets)
    x = nets["x"]
    assert x.name == "X" and x.handle_rule["max_len"] == 15
    row = x.to_dict()
    assert row["handle"]["confidence"] == "platform"
    assert row["profile_url"]["confidence"] == "third_party"
    assert all(row[k]["as_of"] for k in ("profile_url", "handle", "content_types", "metrics"))
    assert "text" not in nets["instagram"].content_types


def test_unknown_network_suggests() -> None:
    with pytest.raises(smo.UnknownNetworkError, match="did you mean `linkedin`"):
        smo.check_handle("linkdin", "x")


def test_findings_are_frozen() -> None:
    f = smo.Strategy.example().validate(today="2026-11-21")[0]
    with pytest.raises(AttributeError):
        f.rule = "x"  # type: ignore[misc]
