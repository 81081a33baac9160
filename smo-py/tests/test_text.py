"""The post text surface: counting, entities, checks, threads, share links, batch forms, and the
twitter-text conformance suite (read from ../shared/conformance or $SMO_CONFORMANCE_DIR)."""

import os
import pathlib
from typing import Any

import pandas as pd
import pytest

import smo
from conftest import golden_cases, ROOT

KIND = {
    smo.UnknownNetworkError: "unknown_network",
    smo.InvalidArgumentError: "invalid_argument",
    smo.InvalidValueError: "invalid_value",
}


def _only(case: dict[str, Any]) -> dict[str, Any]:
    return {k: case[k] for k in ("field", "x_version", "mastodon_max_characters", "content_warning") if k in case}


@pytest.mark.parametrize("golden", golden_cases("text"))
def test_text_golden(golden: dict[str, Any], request: pytest.FixtureRequest) -> None:
    name = request.node.callspec.id
    for case in golden["cases"]:
        label = case["name"]
        if name == "count":
            got = smo.parse_text(case["text"], case["network"], **_only(case)).to_dict()
            for key, want in case["expected"].items():
                assert got[key] == want, f"{label}: {key}"
        elif name == "entities":
            got = [e.to_dict() for e in smo.extract_entities(case["text"])]
            assert got == case["expected"], label
        elif name == "check":
            found = smo.check_post(
                case["text"],
                case["network"],
                content_type=case.get("content_type"),
                media=case.get("media"),
                link=case.get("link"),
                field=case.get("field"),
                disabled=case.get("disabled", []),
                severities=case.get("severities", {}),
                content_warning=case.get("content_warning"),
            )
            assert [{"rule": f.rule, "severity": f.severity} for f in found] == case["expected"], label
        elif name == "share":
            req = case["request"]
            kwargs = {k: req[k] for k in ("url", "text", "title", "hashtags", "via", "media", "instance") if k in req}
            if "error" in case:
                with pytest.raises(smo.SmoError) as info:
                    smo.share_url(case["target"], **kwargs)
                assert KIND[type(info.value)] == case["error"], label
            else:
                assert smo.share_url(case["target"], **kwargs) == case["expected"], label
        elif name == "thread":
            parts = smo.split_thread(
                case["text"], network=case["network"], numbering=case.get("numbering", True), **_only(case)
            )
            assert "".join(p.text for p in parts) == case["text"], label
            assert all(p.length <= p.limit for p in parts), label
            assert [p.post for p in parts] == case["expected"], label
        else:
            pytest.fail(f"no runner for golden file {name}")


def test_parse_text_fields_and_issue_contract() -> None:
    r = smo.parse_text("Hi http://test.co")
    assert (r.weighted_length, r.valid, r.permillage) == (26, True, 92)
    assert (r.display_range_start, r.display_range_end, r.valid_range_start, r.valid_range_end) == (0, 16, 0, 16)
    assert (r.length, r.limit, r.remaining) == (26, 280, 254)
    bsky = smo.parse_text("é" * 301, network="bluesky")
    assert not bsky and bsky.overflow == 300 and bsky.unit == "graphemes"
    e = smo.extract_entities("🎉 #été @lune")[0]
    assert (e.kind, e.text, e.start, e.end, e.start_utf16, e.end_utf16, e.start_byte, e.end_byte) == (
        "hashtag", "été", 2, 6, 3, 7, 5, 11)


def test_batch_forms_match_single_calls_and_feed_pandas() -> None:
    texts = ["Hi http://test.co", "😊" * 200, "#été @lune lune.fr", ""] * 50
    batch = smo.parse_text_batch(texts, "x")
    assert [b.to_dict() for b in batch] == [smo.parse_text(t).to_dict() for t in texts]
    ents = smo.extract_entities_batch(texts)
    assert ents == [smo.extract_entities(t) for t in texts]
    frame = pd.DataFrame([b.to_dict() for b in batch])
    assert frame["valid"].sum() == 100
    with pytest.raises(smo.UnknownNetworkError):
        smo.parse_text_batch(texts, "myspace")


def test_hostile_inputs_do_not_crash() -> None:
    lone = "a\ud800b #tag"  # a lone surrogate, as Python strings allow
    r = smo.parse_text(lone)
    assert r.code_points == len(lone)
    assert smo.extract_entities(lone)[0].start == 4
    marks = "\u0301" * 10_000
    assert smo.parse_text(marks, "bluesky").graphemes == 1
    big = "a" * 10_000_000
    assert smo.parse_text(big).weighted_length == 10_000_000
    assert smo.extract_entities(big) == []


def test_tables_and_errors() -> None:
    limits = pd.DataFrame(smo.text_limits())
    assert {"network", "field", "value", "unit", "confidence", "source", "as_of"} <= set(limits.columns)
    eps = smo.share_endpoints()
    assert any(e["status"] == "deprecated" and e["target"] == "linkedin" for e in eps)
    assert all(e["url_prefix"] for e in eps)
    assert smo.escape_linkedin("#a (b)") == r"\#a \(b\)"
    with pytest.raises(smo.InvalidArgumentError):
        smo.split_thread("text", network="instagram")
    with pytest.raises(smo.InvalidArgumentError):
        smo.parse_text("x", "x", field="caption")
    assert "post/too-long" in {r.id for r in smo.rules()}


def _suite_dir() -> pathlib.Path | None:
    env = os.environ.get("SMO_CONFORMANCE_DIR")
    base = pathlib.Path(env) if env else ROOT.parent / "shared" / "conformance"
    for d in (base / "twitter-text", base):
        if (d / "validate.yml").is_file():
            return d
    return None


SUITE = _suite_dir()
needs_suite = pytest.mark.skipif(
    SUITE is None, reason="twitter-text conformance files not found (set SMO_CONFORMANCE_DIR)"
)


def _load(name: str) -> dict[str, Any]:
    yaml = pytest.importorskip("yaml")
    assert SUITE is not None
    doc: dict[str, Any] = yaml.safe_load((SUITE / name).read_text(encoding="utf-8"))
    return doc["tests"]  # type: ignore[no-any-return]


def _texts(entities: list[smo.Entity], kind: str | None = None) -> list[str]:
    return [e.text for e in entities if kind is None or e.kind == kind]


@needs_suite
def test_conformance_extract() -> None:
    t = _load("extract.yml")
    n = 0
    for case in t["mentions"]:
        assert _texts(smo.extract_entities(case["text"]), "mention") == case["expected"], case["description"]
        n += 1
    for section in ("urls", "tco_urls_with_params"):
        for case in t[section]:
            got = [e.text for e in smo.extract_entities(case["text"]) if e.kind == "url"]
            assert got == case["expected"], case["description"]
            n += 1
    for section in ("hashtags", "hashtags_from_astral"):
        for case in t[section]:
            assert _texts(smo.extract_entities(case["text"]), "hashtag") == case["expected"], case["description"]
            n += 1
    for case in t["cashtags"]:
        assert _texts(smo.extract_entities(case["text"]), "cashtag") == case["expected"], case["description"]
        n += 1
    for section, key, kind in (
        ("mentions_with_indices", "screen_name", "mention"),
        ("urls_with_indices", "url", "url"),
        ("urls_with_directional_markers", "url", "url"),
        ("hashtags_with_indices", "hashtag", "hashtag"),
        ("cashtags_with_indices", "cashtag", "cashtag"),
    ):
        for case in t[section]:
            got = [(e.text, [e.start, e.end]) for e in smo.extract_entities(case["text"]) if e.kind == kind]
            assert got == [(w[key], w["indices"]) for w in case["expected"]], case["description"]
            n += 1
    for case in t["mentions_or_lists_with_indices"]:
        got = []
        for e in smo.extract_entities(case["text"]):
            if e.kind in ("mention", "list"):
                name, _, slug = e.text.partition("/")
                got.append((name, f"/{slug}" if slug else "", [e.start, e.end]))
        want = [(w["screen_name"], w["list_slug"], w["indices"]) for w in case["expected"]]
        assert got == want, case["description"]
        n += 1
    for case in t["replies"]:
        assert smo.extract_reply(case["text"]) == case["expected"], case["description"]
        n += 1
    assert n == 238


@needs_suite
def test_conformance_validate_weighted() -> None:
    t = _load("validate.yml")
    n = 0
    for section, version in (
        ("WeightedTweetsCounterTest", 2),
        ("WeightedTweetsWithDiscountedEmojiCounterTest", 3),
        ("UnicodeDirectionalMarkerCounterTest", 3),
    ):
        for case in t[section]:
            r = smo.parse_text(case["text"], "x", x_version=version)
            e = case["expected"]
            got = {
                "weightedLength": r.weighted_length,
                "valid": r.valid,
                "permillage": r.permillage,
                "displayRangeStart": r.display_range_start,
                "displayRangeEnd": r.display_range_end,
                "validRangeStart": r.valid_range_start,
                "validRangeEnd": r.valid_range_end,
            }
            assert got == e, case["description"]
            n += 1
    for case in t["tweets"]:
        assert smo.parse_text(case["text"], "x", x_version=1).valid == case["expected"], case["description"]
        n += 1
    for section, kind in (("usernames", "mention"), ("hashtags", "hashtag")):
        for case in t[section]:
            ents = smo.extract_entities(case["text"])
            ok = len(ents) == 1 and ents[0].kind == kind and ents[0].end - ents[0].start == len(case["text"])
            assert ok == case["expected"], case["description"]
            n += 1
    for case in t["lists"]:
        ents = smo.extract_entities(case["text"])
        ok = len(ents) == 1 and ents[0].kind == "list" and ents[0].start == 0 and ents[0].end == len(case["text"])
        assert ok == case["expected"], case["description"]
        n += 1
    for section, protocol in (("urls", True), ("urls_without_protocol", False)):
        for case in t[section]:
            assert smo.is_valid_url(case["text"], require_protocol=protocol) == case["expected"], case["description"]
            n += 1
    assert n == 97


@needs_suite
def test_conformance_hit_highlighting() -> None:
    t = _load("hit_highlighting.yml")
    n = 0
    for section in ("plain_text", "with_links"):
        for case in t[section]:
            hits = [(a, b) for a, b in case["hits"]]
            assert smo.highlight_hits(case["text"], hits) == case["expected"], case["description"]
            n += 1
    assert n == 14
