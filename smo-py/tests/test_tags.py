"""Content tags: the golden vectors, positions in code points and bytes, the batch form with
and without threads, errors, and no failure on odd input."""

import math
from typing import Any

import pytest

import smo
from conftest import golden_cases

TOL = 1e-9


@pytest.mark.parametrize("golden", golden_cases("tags"))
def test_tags_golden(golden: dict[str, Any]) -> None:
    for case in golden["cases"]:
        name, text, lang, top = case["name"], case["text"], case["lang"], case["top"]
        if "error" in case:
            with pytest.raises(smo.InvalidArgumentError, match="lang"):
                smo.extract_tags(text, lang, top)
            with pytest.raises(smo.InvalidArgumentError, match="lang"):
                smo.extract_tags_batch([text], lang, top)
            continue
        tags = smo.extract_tags(text, lang, top)
        want = case["expected"]
        assert [t.phrase for t in tags] == [w["phrase"] for w in want], name
        for t, w in zip(tags, want):
            assert math.isclose(t.score, w["score"], rel_tol=0, abs_tol=TOL), name
            assert [list(p) for p in t.byte_positions] == w["positions"], name
            raw = text.encode("utf-8")
            for (s, e), (bs, be) in zip(t.positions, t.byte_positions):
                assert text[s:e] == raw[bs:be].decode("utf-8"), name
        assert smo.extract_tags_batch([text, text], lang, top) == [tags, tags], name


def test_tag_object() -> None:
    text = "Le linge de lit en lin lavé. Le lin lavé est doux. Le lin lavé de Maison Lune."
    tags = smo.extract_tags(text, "fr", top=3)
    assert 0 < len(tags) <= 3
    t = next(t for t in tags if t.phrase == "lin lavé")
    assert [text[s:e] for s, e in t.positions] == ["lin lavé"] * 3
    d = t.to_dict()
    assert d["phrase"] == "lin lavé" and d["score"] == t.score
    assert d["positions"] == [list(p) for p in t.positions]
    assert d["byte_positions"] == [list(p) for p in t.byte_positions]
    assert "lin lavé" in repr(t)
    scores = [t.score for t in tags]
    assert scores == sorted(scores)


def test_batch_threads_and_language() -> None:
    texts = ["Washed linen sheets from the Vosges. Washed linen is soft.", "Du linge de lit en lin lavé."] * 20
    every = smo.extract_tags_batch(texts)
    assert smo.extract_tags_batch(texts, threads=1) == every
    assert every[1] == smo.extract_tags(texts[1])
    assert smo.extract_tags_batch([]) == []
    with pytest.raises(smo.InvalidArgumentError):
        smo.extract_tags_batch(texts, threads=0)
    with pytest.raises(smo.InvalidArgumentError):
        smo.extract_tags("x", "de")


@pytest.mark.parametrize(
    "text",
    ["", " ", "...", "1 2 3", "@a #b https://x.y", "\ud800 lone surrogate", "é" * 10_000, "a-" * 5_000, "\x00\n\n\t"],
)
def test_odd_input(text: str) -> None:
    for lang in (None, "en", "fr"):
        tags = smo.extract_tags(text, lang)
        assert len(tags) <= 10
        for t in tags:
            for s, e in t.positions:
                assert 0 <= s < e <= len(text)
    assert smo.extract_tags("linen", top=0) == []
