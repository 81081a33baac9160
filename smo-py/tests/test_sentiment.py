"""Sentiment (listening): the golden vectors, the trace, the batch form, errors, the data files'
hashes, and the evaluation on the VADER tweets (read from ../shared/conformance or
$SMO_CONFORMANCE_DIR; skipped with a message when absent)."""

import hashlib
import math
import os
import pathlib
from typing import Any

import pandas as pd
import pytest

import smo
from conftest import golden_cases, ROOT

TOL = 6e-5


@pytest.mark.parametrize("golden", golden_cases("sentiment"))
def test_sentiment_golden(golden: dict[str, Any]) -> None:
    for case in golden["cases"]:
        label = case["name"]
        if "error" in case:
            with pytest.raises(smo.InvalidArgumentError):
                smo.sentiment(case["text"], case["lang"])
            with pytest.raises(smo.InvalidArgumentError):
                smo.sentiment_batch([case["text"]], case["lang"])
            continue
        s = smo.sentiment(case["text"], case["lang"])
        want = case["expected"]
        for key in ("label", "lang"):
            if key in want:
                assert getattr(s, key) == want[key], f"{label}: {key}"
        for key in ("compound", "positive", "negative", "neutral"):
            if key in want:
                assert abs(getattr(s, key) - want[key]) <= TOL, f"{label}: {key}"
        trace = s.trace
        if "entries" in want:
            assert len(trace["entries"]) == len(want["entries"]), label
            for got, w in zip(trace["entries"], want["entries"]):
                for key in ("lexeme", "token", "start_byte", "end_byte"):
                    assert got[key] == w[key], f"{label}: {key}"
                assert [f["rule"] for f in got["effects"]] == w["rules"], label
                assert abs(got["valence"] - w["valence"]) <= TOL
                assert abs(got["score"] - w["score"]) <= TOL
        if "punctuation" in want:
            assert [p["rule"] for p in trace["punctuation"]] == want["punctuation"], label
        # Batch gives the same.
        (b,) = smo.sentiment_batch([case["text"]], case["lang"])
        assert b.to_dict() == s.to_dict()


def test_trace_recomputes_the_compound() -> None:
    s = smo.sentiment("I LOVE the shirt but the delivery was not good at all!!", "en")
    t = s.trace
    for e in t["entries"]:
        v = e["valence"]
        for f in e["effects"]:
            v = v + f["value"] if f["op"] == "add" else v * f["value"]
            assert math.isclose(v, f["result"], abs_tol=1e-12)
        assert math.isclose(v, e["score"], abs_tol=1e-12)
    total = sum(e["score"] for e in t["entries"]) + sum(p["value"] for p in t["punctuation"])
    assert math.isclose(total, t["total"], abs_tol=1e-12)
    assert math.isclose(total / math.sqrt(total * total + t["alpha"]), s.compound, abs_tol=1e-12)
    text = "I LOVE the shirt but the delivery was not good at all!!".encode()
    love = t["entries"][0]
    assert text[love["start_byte"] : love["end_byte"]] == b"LOVE"
    assert [f["rule"] for f in love["effects"]] == ["caps", "contrast-before"]


def test_detection_and_records() -> None:
    s = smo.sentiment("Franchement, ce n'est pas terrible")
    assert s.lang == "fr"
    assert s.trace["lang_source"] == "detected"
    assert s.trace["detection"]["french"] > s.trace["detection"]["english"]
    assert smo.sentiment("good", "en").trace["detection"] is None
    frame = pd.DataFrame([x.to_dict() for x in smo.sentiment_batch(["great", "awful", "ok"])])
    assert list(frame["label"]) == ["positive", "negative", "positive"]
    assert "Sentiment(compound=" in repr(s)


def test_batch_threads_and_errors() -> None:
    texts = ["I love it", "Je déteste ça", ""] * 50
    default = [x.compound for x in smo.sentiment_batch(texts)]
    assert [x.compound for x in smo.sentiment_batch(texts, threads=1)] == default
    assert [x.compound for x in smo.sentiment_batch(texts, None, threads=2)] == default
    with pytest.raises(smo.InvalidArgumentError, match="threads"):
        smo.sentiment_batch(texts, threads=0)
    with pytest.raises(smo.InvalidArgumentError, match="`de` is not a language"):
        smo.sentiment("gut", "de")
    with pytest.raises(TypeError):
        smo.sentiment(42)  # type: ignore[arg-type]
    # Lone surrogates are accepted (as U+FFFD).
    assert smo.sentiment("good \ud800").label == "positive"


def test_data_files_hashes() -> None:
    data = ROOT / "smo-core" / "data" / "sentiment"
    for name in ("en.tsv", "fr.tsv", "emoji.tsv"):
        lines = (data / name).read_text(encoding="utf-8").splitlines(keepends=True)
        header = {k: v for k, _, v in (l[2:].strip().partition(": ") for l in lines if l.startswith("# "))}
        body = "".join(l for l in lines if not l.startswith("# "))
        assert hashlib.sha256(body.encode()).hexdigest() == header["data-sha256"], name
        for key in ("source", "licence", "source-sha256", "version"):
            assert header.get(key), f"{name}: {key}"
    for licence in ("LICENSE-VADER", "LICENSE-PATTERN-FR"):
        assert (data / licence).is_file()
    assert header["data-sha256"][:12] in smo.sentiment("x", "en").trace["lexicon"]


def _ground_truth() -> pathlib.Path | None:
    base = pathlib.Path(os.environ.get("SMO_CONFORMANCE_DIR", ROOT.parent / "shared" / "conformance"))
    for p in (base / "vader" / "tweets_GroundTruth.txt", base / "tweets_GroundTruth.txt"):
        if p.is_file():
            return p
    return None


def test_vader_tweets_floor() -> None:
    path = _ground_truth()
    if path is None:
        pytest.skip("vader/tweets_GroundTruth.txt not found (set SMO_CONFORMANCE_DIR)")
    rows = [l.split("\t", 2) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    truth = [float(r[1]) for r in rows]
    got = [s.compound for s in smo.sentiment_batch([r[2] for r in rows], "en")]
    r = pd.Series(got).corr(pd.Series(truth))
    print(f"smo r on VADER tweets: {r:.4f}")
    assert r >= 0.872


def test_batch_past_one_chunk_keeps_order_and_scores() -> None:
    # More texts than one pipelined chunk (2,048): scoring and object creation overlap, and the
    # result must be the one-thread batch, in order.
    texts = [f"text {i} is {('great', 'awful', 'here')[i % 3]} !" * (1 + i % 4) for i in range(5000)]
    every = smo.sentiment_batch(texts, "en")
    one = smo.sentiment_batch(texts, "en", threads=1)
    assert len(every) == len(one) == len(texts)
    assert [s.compound for s in every] == [s.compound for s in one]
    assert every[4999].to_dict() == smo.sentiment(texts[4999], "en").to_dict()
