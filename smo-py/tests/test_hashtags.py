"""Hashtag suggestions from Python: the shared golden vectors."""

import json
from typing import Any

import pytest

import smo

from conftest import GOLDEN
from test_watch import subset

CASES = [
    pytest.param(c, id=c["name"])
    for p in sorted((GOLDEN / "hashtags").glob("*.json"))
    for c in json.loads(p.read_text(encoding="utf-8"))["cases"]
]


@pytest.mark.parametrize("case", CASES)
def test_golden(case: dict[str, Any]) -> None:
    strategy = smo.Strategy.example() if case["strategy"] else None
    got = smo.suggest_hashtags(case["text"], case["network"], strategy=strategy)
    failures: list[str] = []
    subset(got, case["expect"], case["name"], failures)
    assert not failures, "\n".join(failures)


def test_unknown_network_is_a_typed_error() -> None:
    with pytest.raises(smo.UnknownNetworkError):
        smo.suggest_hashtags("lin", "myspace")
