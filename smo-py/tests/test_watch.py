"""The watch analytics from Python: the shared golden vectors, the example brand's listening set,
records for pandas, and the two forms of `share_of_voice`."""

import json
import math
import pathlib
from typing import Any

import pandas as pd
import pytest

import smo

from conftest import GOLDEN, ROOT

DATA = ROOT / "docs" / "examples" / "maison-lune" / "data"

KIND = {smo.InvalidValueError: "invalid_value", smo.InvalidArgumentError: "invalid_argument", smo.ParseError: "parse"}


def subset(got: Any, want: Any, at: str, out: list[str]) -> None:
    """Every key of `want` equals `got`'s (numbers within 1e-9, arrays of the same length)."""
    if isinstance(want, dict):
        for k, v in want.items():
            if not isinstance(got, dict) or k not in got:
                out.append(f"{at}.{k}: missing")
            else:
                subset(got[k], v, f"{at}.{k}", out)
    elif isinstance(want, list):
        if not isinstance(got, list) or len(got) != len(want):
            out.append(f"{at}: {got!r}, want {len(want)} items")
            return
        for i, (g, w) in enumerate(zip(got, want)):
            subset(g, w, f"{at}[{i}]", out)
    elif isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)):
        if not math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9):
            out.append(f"{at}: {got}, want {want}")
    elif got != want:
        out.append(f"{at}: {got!r}, want {want!r}")


def run(case: dict[str, Any]) -> Any:
    o = case["options"]
    scope = {k: o[k] for k in ("start", "end", "filter", "networks", "time_zone") if k in o}
    f = case["fn"]
    if f == "share_of_voice":
        return smo.share_of_voice(case["mentions"], case["brands"], period=o.get("period"), **scope)
    if f == "influencers":
        return smo.influencers(case["mentions"], case["brands"], weights=o.get("weights"), top=o.get("top"), **scope)
    if f == "themes":
        return smo.themes(case["mentions"], case["brands"], **scope)
    if f == "alerts":
        return smo.alerts(case["mentions"], case["brands"], **scope)
    if f == "benchmark":
        return smo.benchmark(case["posts"], o["kpis"], own=o.get("own"))
    raise AssertionError(f"unknown fn {f}")


CASES = [
    pytest.param(c, id=c["name"])
    for p in sorted((GOLDEN / "watch").glob("*.json"))
    for c in json.loads(p.read_text(encoding="utf-8"))["cases"]
]


@pytest.mark.parametrize("case", CASES)
def test_golden(case: dict[str, Any]) -> None:
    want = case["expect"]
    if "error" in want:
        with pytest.raises(smo.SmoError) as e:
            run(case)
        assert KIND[type(e.value)] == want["error"]["kind"]
        assert f"`{want['error']['path']}`" in str(e.value)
        return
    failures: list[str] = []
    subset(run(case).to_dict(), want, case["name"], failures)
    assert not failures, "\n".join(failures)


@pytest.fixture(scope="module")
def example() -> tuple[smo.Strategy, smo.LoadResult, smo.LoadResult]:
    mentions = smo.load_mentions((DATA / "mentions.jsonl").read_text(encoding="utf-8"), format="jsonl", strict=True)
    public = smo.load_posts((DATA / "public-posts.csv").read_text(encoding="utf-8"), strict=True)
    return smo.Strategy.example(), mentions, public


def test_example_brief_and_records(example: tuple[smo.Strategy, smo.LoadResult, smo.LoadResult]) -> None:
    strategy, mentions, public = example
    b = smo.watch_brief(strategy, mentions, public, time_zone="Europe/Paris")
    sov = b.share_of_voice
    assert [r["brand"] for r in sov.totals] == ["Maison Lune", "Atelier Brume", "Draps & Cie"]
    assert math.isclose(sum(r["share_mentions"] or 0 for r in sov.totals), 100.0)
    frame = pd.DataFrame(sov.rows())
    assert {"period", "brand", "share_mentions", "sentiment_positive"} <= set(frame.columns)
    assert frame.groupby("period")["share_mentions"].sum().round(9).isin([100.0, 0.0]).all()
    authors = pd.DataFrame(b.influencers.records())
    assert list(authors["rank"]) == sorted(authors["rank"])
    assert {"followers", "relevance", "resonance", "amplification", "composite", "percentiles_reach"} <= set(authors.columns)
    themes = pd.DataFrame(b.themes.records())
    assert (themes["mentions"] == themes["mention_ids"].map(len)).all()
    rules = {f.rule for f in b.alerts.findings}
    assert rules == {"watch/volume-spike", "watch/negative-spike"}
    bm = b.benchmark
    assert bm is not None and bm.accounts[0] == "Maison Lune"
    assert all(e.split(":")[0] in ("Atelier Brume", "Draps & Cie") for e in bm.explanations)
    # The same numbers through the stand-alone functions.
    direct = smo.share_of_voice(mentions, strategy, period="week", time_zone="Europe/Paris")
    assert direct.to_dict() == sov.to_dict()
    md = b.to_markdown()
    assert "### Share of voice" in md and "### Influencers" in md and "### Competitor benchmark" in md
    report = smo.report(strategy, smo.Dataset.example(), watch=b, time_zone="Europe/Paris")
    assert "## Watch" in report.to_markdown()
    assert "Share of mentions per period" in report.to_html()


def test_share_of_voice_keeps_its_formula_form() -> None:
    assert smo.share_of_voice(50, 150) == 25.0
    assert smo.share_of_voice(0.0, 0.0) is None


def test_bad_inputs_say_where(example: tuple[smo.Strategy, smo.LoadResult, smo.LoadResult]) -> None:
    strategy, mentions, _ = example
    with pytest.raises(smo.InvalidArgumentError, match="smo.load_mentions"):
        smo.influencers(42, strategy)  # type: ignore[arg-type]
    with pytest.raises(smo.InvalidArgumentError, match="brands\\[0\\].query"):
        smo.themes(mentions, [{"name": "A"}])
    with pytest.raises(smo.InvalidValueError, match="weights.reach"):
        smo.influencers(mentions, strategy, weights={"reach": -1})
    with pytest.raises(smo.InvalidArgumentError, match="`nope` is not a component"):
        smo.influencers(mentions, strategy, weights={"nope": 1})
    with pytest.raises(smo.InvalidArgumentError, match="start"):
        smo.alerts(mentions, strategy, start="yesterday")
    with pytest.raises(smo.InvalidArgumentError, match="brand"):
        smo.themes(mentions, strategy, brand="Nobody")
