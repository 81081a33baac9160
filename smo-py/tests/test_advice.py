"""smo.advise: recommendations traced to evidence, on the shared golden vectors and the demo."""

from typing import Any

import pytest

import smo
from conftest import golden_cases


@pytest.mark.parametrize("golden", golden_cases("advice"))
def test_advice_golden_vectors(golden: Any) -> None:
    strategy = smo.Strategy.example()
    for case in golden["cases"]:
        posts = smo.load_posts(case["posts"], format="csv", strict=True)
        a = smo.advise(strategy, posts=posts, time_zone="UTC")
        recs = [r.to_dict() for r in a.recommendations]
        want = case["expect"]
        for p in want["present"]:
            assert any(
                r["id"] == p["id"]
                and r["subject"] == p["subject"]
                and ("priority" not in p or r["priority"] == p["priority"])
                and ("objective" not in p or r.get("objective") == p["objective"])
                and ("source_kind" not in p or r["source"]["kind"] == p["source_kind"])
                for r in recs
            ), (case["name"], p)
        assert not {r["id"] for r in recs} & set(want["absent"]), case["name"]
        for w in want["comparisons"]:
            c = next(c for c in a.comparisons if (c["family"], c["measure"], c["group"]) == (w["family"], w["measure"], w["group"]))
            for k, tol in [("n", 0), ("rest_n", 0), ("mean", 1e-3), ("rest_mean", 1e-3), ("t", 0.01), ("df", 0.1)]:
                if k in w:
                    assert abs(c[k] - w[k]) <= tol, (case["name"], k, c[k], w[k])
            assert c["significant"] == w["significant"]
            if "note_starts" in w:
                assert c["note"].startswith(w["note_starts"])


def test_advise_on_the_demo_cites_evidence_and_source() -> None:
    strategy = smo.Strategy.example()
    site = smo.audit_site(smo.example_site(), strategy=strategy)
    data = smo.Dataset.example()
    a = smo.advise(strategy, audit=site, posts=data, today="2026-09-30")
    assert len(a) > 5 and set(a.inputs) >= {"audit", "posts", "web"}
    for r in a.recommendations:
        assert r.evidence and r.actions and r.source["reference"]
        assert r.priority in {"high", "medium", "low"}
    feed = next(r for r in a.recommendations if r.id == "advice/feed")
    assert '<link rel="alternate"' in feed.actions[0]["snippet"]
    rows = a.records()
    assert rows[0]["id"] == a.recommendations[0].id and "source_kind" in rows[0]
    rep = smo.report(strategy, data, advice=a)
    assert [r.id for r in rep.recommendations] == [r.id for r in a.recommendations]
    assert "Evidence:" in rep.to_markdown()


def test_advise_refuses_bad_options() -> None:
    s = smo.Strategy.example()
    with pytest.raises(smo.SmoError):
        smo.advise(s, alpha=1.5)
    with pytest.raises(smo.SmoError):
        smo.advise(s, disabled=["advice/no-such-rule"])
    with pytest.raises(smo.SmoError):
        smo.advise(s, priorities={"advice/feed": "urgent"})  # type: ignore[dict-item]
