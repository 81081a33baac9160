"""Feeds from Python: the shared golden vectors, and bad feeds as typed errors."""

import json
from typing import Any

import pytest

import smo

from conftest import GOLDEN
from test_watch import subset

CASES = [
    pytest.param(c, id=c["name"])
    for p in sorted((GOLDEN / "feed").glob("*.json"))
    for c in json.loads(p.read_text(encoding="utf-8"))["cases"]
]


def iso(d: Any) -> Any:
    """The core's RFC 3339 form of dates (`…Z`), as the golden files write them."""
    if isinstance(d, dict):
        return {k: iso(v) for k, v in d.items()}
    if isinstance(d, list):
        return [iso(v) for v in d]
    return d


@pytest.mark.parametrize("case", CASES)
def test_golden(case: dict[str, Any]) -> None:
    want = case["expect"]
    if "error" in want:
        with pytest.raises(smo.ParseError) as e:
            smo.parse_feed(case["text"])
        assert str(e.value).startswith(want["error"]["starts"]), str(e.value)
        return
    feed = smo.parse_feed(case["text"].encode("utf-8"))
    failures: list[str] = []
    if case["fn"] == "parse":
        subset(iso(feed.to_dict()), want, case["name"], failures)
    else:
        out = smo.unshared_content(feed, case["posts"], smo.Strategy.example(), now=case["now"])
        got = [{"link": u.item["link"], "age_days": u.age_days, "shared_on": u.shared_on, "drafts": u.drafts} for u in out]
        assert len(got) == len(want["items"])
        for g, w in zip(got, want["items"]):
            if isinstance(w["drafts"], int):
                assert len(g["drafts"]) == w["drafts"]
                w = {k: v for k, v in w.items() if k != "drafts"}
            subset(g, w, case["name"], failures)
    assert not failures, "\n".join(failures)


def test_bad_inputs() -> None:
    with pytest.raises(smo.InvalidArgumentError):
        smo.parse_feed(42)  # type: ignore[arg-type]
    with pytest.raises(smo.ParseError, match="no feed root"):
        smo.parse_feed("<html><body>not a feed</body></html>")
    feed = smo.parse_feed(b'{"version": "https://jsonfeed.org/version/1.1", "title": "x", "items": []}')
    assert len(feed) == 0 and feed.kind == "json"
    with pytest.raises(smo.InvalidArgumentError, match="max_age_days"):
        smo.unshared_content(feed, [], smo.Strategy.example(), now="2026-09-30T12:00:00Z", max_age_days=0)
