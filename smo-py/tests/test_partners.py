"""Link exchanges from Python: the shared golden vectors, the example, and bad input as typed
errors."""

import json
from typing import Any

import pandas as pd
import pytest

import smo

from conftest import GOLDEN
from test_watch import subset

CASES = [
    pytest.param(c, id=c["name"])
    for p in sorted((GOLDEN / "partners").glob("*.json"))
    for c in json.loads(p.read_text(encoding="utf-8"))["cases"]
]


def run(case: dict[str, Any]) -> dict[str, Any]:
    if case["fn"] == "load":
        ledger = smo.load_partners(case["text"])
        return {
            "rows": ledger.to_records(),
            "rejected": [[r.line, r.field] for r in ledger.rejected],
        }
    web = smo.load_web(case["web"], strict=True) if "web" in case else None
    kwargs: dict[str, Any] = {}
    if "today" in case:
        kwargs["today"] = case["today"]
    if "grace_days" in case:
        kwargs["grace_days"] = case["grace_days"]
    report = smo.check_partners(
        case["ledger"], [tuple(p) for p in case["pages"]], site=case["site"], web=web, **kwargs
    )
    return {
        "records": report.to_records(),
        "findings": [[f.rule, f.path] for f in report.findings],
    }


@pytest.mark.parametrize("case", CASES)
def test_golden(case: dict[str, Any]) -> None:
    got, want = run(case), case["expect"]
    failures: list[str] = []
    for key in ("findings", "rejected"):
        if key in want and got[key] != want[key]:
            failures.append(f"{key}: {got[key]!r}, want {want[key]!r}")
    for key in ("records", "rows"):
        if key in want:
            subset(got[key], want[key], key, failures)
    assert not failures, "\n".join(failures)


def test_example_review_of_the_exchanges() -> None:
    ledger, pages = smo.example_partners()
    assert ledger.table == "partners" and len(ledger) == 6
    strategy = smo.Strategy.example()
    report = smo.check_partners(ledger, pages, strategy=strategy, web=smo.Dataset.example())
    frame = pd.DataFrame(report.to_records())
    assert list(frame["inbound"]) == ["changed", "present", "missing", "present", "present", "present"]
    rules = [f.rule for f in report.findings]
    assert "partner/paid-link-unqualified" in rules and "partner/our-link-missing" in rules
    assert report.to_markdown().startswith("| Partner |")
    assert report.to_dict()["partners"][0]["inbound"]["links"][0]["url"] == "https://www.maisonlune.fr/"
    advice = smo.advise(strategy, partners=report)
    ids = {r.id for r in advice.recommendations}
    assert {"advice/restore-partner-link", "advice/qualify-paid-link", "advice/rebalance-exchange"} <= ids
    assert "partners" in advice.inputs


def test_bad_input_is_a_typed_error() -> None:
    with pytest.raises(smo.InvalidArgumentError, match="site"):
        smo.check_partners([], [], site="not a url")
    with pytest.raises(smo.InvalidArgumentError, match="site="):
        smo.check_partners([], [])
    with pytest.raises(smo.DataRowError, match="line 2"):
        smo.check_partners("partner,site,their_page\nP,,https://p.example/\n", [], site="https://b.example/")
    with pytest.raises(smo.UnknownRuleError):
        smo.check_partners([], [], site="https://b.example/", disabled=["partner/link-mising"])
    with pytest.raises(TypeError, match="pairs"):
        smo.check_partners([], [1], site="https://b.example/")
    with pytest.raises(smo.InvalidArgumentError, match="LoadResult"):
        smo.check_partners(smo.load_web("date,source,medium,sessions\n"), [], site="https://b.example/")
