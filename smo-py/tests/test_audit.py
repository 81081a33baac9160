"""The site audit surface: audit_page, audit_site, on the shared golden vectors."""

import json
import pathlib
from typing import Any

import pandas as pd
import pytest

import smo
from conftest import GOLDEN, golden_cases

SEVERITY_RANK = {"error": 0, "warning": 1, "notice": 2}


def subset(expected: Any, actual: Any, path: str = "features") -> None:
    """`expected` is a subset of `actual`: dicts by key, lists element-wise with equal length."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        for k, v in expected.items():
            subset(v, actual.get(k), f"{path}.{k}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{path}: expected a list, got {actual!r}"
        assert len(expected) == len(actual), f"{path}: {len(expected)} items expected, got {actual!r}"
        for i, (e, a) in enumerate(zip(expected, actual)):
            subset(e, a, f"{path}[{i}]")
    else:
        assert expected == actual, f"{path}: expected {expected!r}, got {actual!r}"


def html_of(case: dict[str, Any]) -> bytes:
    return (GOLDEN / "audit" / case["html_file"]).read_bytes()


def failing(audit: smo.PageAudit) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in audit.findings:
        if f.rule not in out or SEVERITY_RANK[f.severity] < SEVERITY_RANK[out[f.rule]]:
            out[f.rule] = f.severity
    return out


@pytest.mark.parametrize("case", golden_cases("audit"))
def test_audit_golden(case: dict[str, Any]) -> None:
    audit = smo.audit_page(html_of(case), case["url"], limits=case.get("limits"))
    subset(case["features"], audit.features.to_dict())
    got = failing(audit)
    assert sorted(got) == case["rules"]
    for rule, severity in case.get("severities", {}).items():
        assert got[rule] == severity, rule
    for rule in case.get("not_applicable", []):
        assert audit.outcomes[rule] == "not_applicable", rule
    for key, value in case.get("effective", {}).items():
        f = audit.features
        assert (f.tw(key) if key.startswith("twitter:") else f.og(key)) == value
    for line in case.get("fix_html_contains", []):
        assert line in audit.fix_html, (line, audit.fix_html)
    if "scores" in case:
        subset(case["scores"], audit.scores.to_dict(), "scores")


def test_str_and_bytes_give_the_same_audit() -> None:
    url, html = smo.example_site()[1]
    a = smo.audit_page(html, url)
    b = smo.audit_page(html.encode("utf-8"), url)
    assert a.to_dict() == b.to_dict()
    assert json.loads(a.to_json()) == a.to_dict()


def test_features_are_pythonic() -> None:
    url, html = smo.example_site()[1]
    f = smo.audit_page(html, url).features
    assert f.open_graph["og:description"] == [
        "Housse de couette & deux taies en lin lavé, tissées dans les Vosges."
    ]
    assert f.twitter["twitter:card"] == ["product"]
    assert f.canonical == "https://www.maisonlune.fr/"
    assert {s["network"] for s in f.share_links} == {"facebook", "linkedin", "pinterest", "x"}
    assert [(p["network"], p["handle"]) for p in f.profiles] == [
        ("instagram", "maison.lune"),
        ("facebook", "MaisonLuneParis"),
    ]
    assert f.og_images[0]["resolved"] == "https://www.maisonlune.fr/media/produits/parure-sauge-800.jpg"
    assert {r["provider"] for r in f.reviews} == {"schema.org", "trustpilot"}


def test_fix_html_and_scores() -> None:
    url, html = smo.example_site()[3]
    audit = smo.audit_page(html, url, site_name="Maison Lune", x_handle="@maisonlune_officiel")
    assert '<meta property="og:site_name" content="Maison Lune">' in audit.fix_html
    assert '<meta name="twitter:site" content="@maisonlune_officiel">' in audit.fix_html
    assert '<link rel="canonical" href="https://www.maisonlune.fr/contact">' in audit.fix_html
    scores = audit.scores
    assert scores.overall is not None and 0 <= scores.overall < 90
    assert set(scores.to_dict()) == {"previews", "discoverability", "sharing", "community", "overall"}


def test_rule_configuration() -> None:
    url, html = smo.example_site()[3]
    audit = smo.audit_page(html, url, disabled=["og/missing-all"], severities={"canonical/relative": "error"})
    assert "og/missing-all" not in {f.rule for f in audit.findings}
    assert audit.outcomes["og/missing-all"] == "disabled"
    assert [f.severity for f in audit.findings if f.rule == "canonical/relative"] == ["error"]
    with pytest.raises(smo.UnknownRuleError, match="og/missing-all"):
        smo.audit_page(html, url, disabled=["og/missing-al"])


def test_bad_input_raises_typed_errors() -> None:
    with pytest.raises(smo.InvalidArgumentError, match="absolute URL"):
        smo.audit_page("<html></html>", "/relative")
    with pytest.raises(TypeError):
        smo.audit_page(42, "https://example.test/")  # type: ignore[arg-type]
    with pytest.raises(smo.InvalidValueError, match=r"pages\[1\]\.url"):
        smo.audit_site([("https://example.test/", ""), ("nope", "")])


def test_audit_site_with_strategy_and_records() -> None:
    strategy = smo.Strategy.example()
    # Any iterable works: a generator here.
    report = smo.audit_site((p for p in smo.example_site()), strategy=strategy, threads=2)
    assert len(report) == 4
    rules = {f.rule for f in report.strategy_check}
    assert rules == {
        "site/handle-differs-from-strategy",
        "site/planned-network-not-linked",
        "site/unplanned-network-linked",
    }
    assert {f.rule for f in report.inconsistencies} == {
        "site/inconsistent-handle",
        "site/inconsistent-site-name",
    }
    df = pd.DataFrame(report.findings_records())
    assert {"url", "rule", "severity", "category", "line"} <= set(df.columns)
    assert (df["url"] == "https://www.maisonlune.fr/contact").any()
    coverage = {c["feature"]: c["share"] for c in report.coverage}
    assert coverage["canonical"] == 1.0
    assert report.rule_hits[0]["pages"] >= report.rule_hits[-1]["pages"]


def test_audit_site_is_thread_count_independent() -> None:
    pages = smo.example_site() * 50
    one = smo.audit_site(pages, threads=1).to_dict()
    many = smo.audit_site(pages).to_dict()
    assert one == many
    assert len(one["pages"]) == 200


def test_pathological_inputs_end_with_a_page_finding() -> None:
    big = b'<html><head><meta property="og:title" content="' + b"x" * (50 * 1024 * 1024) + b'"></head></html>'
    audit = smo.audit_page(big, "https://example.test/big")
    assert "page/parse-incomplete" in audit.outcomes and audit.outcomes["page/parse-incomplete"] == "fail"
    bad = smo.audit_page(b"<title>\xff\xfe</title>", "https://example.test/bad")
    assert bad.outcomes["page/invalid-encoding"] == "fail"


def test_scan_limits_are_named_and_checked() -> None:
    page = b'<a href="data:image/png;base64,' + b"A" * 20_000 + b'">x</a><meta property="og:type" content="website">'
    roomy = smo.audit_page(page, "https://example.test/p")
    small = smo.audit_page(page, "https://example.test/p", limits={"chunk_size": 1024, "max_parser_memory": 4096})
    assert roomy.features.parse["fallback"] is None
    assert small.features.parse["fallback"] == "The memory limit has been exceeded."
    assert small.features.og("og:type") == "website" and small.outcomes["page/parser-fallback"] == "fail"
    site = smo.audit_site([("https://example.test/p", page)], limits={"chunk_size": 1024, "max_parser_memory": 4096})
    assert any(h["rule"] == "page/parser-fallback" for h in site.rule_hits)
    with pytest.raises(smo.SmoError, match="limits.max_memory"):
        smo.audit_page(page, "https://example.test/p", limits={"max_memory": 1})
    with pytest.raises(smo.SmoError, match="at least 1"):
        smo.audit_page(page, "https://example.test/p", limits={"max_items": 0})


def test_audit_rules_are_listed() -> None:
    ids = {r.id for r in smo.rules()}
    assert {"og/missing-required", "share/deprecated-endpoint", "site/handle-differs-from-strategy"} <= ids


def test_golden_dir_exists() -> None:
    assert pathlib.Path(GOLDEN / "audit").is_dir()


def test_article_tag_rules_propose_the_page_key_phrases() -> None:
    html = (GOLDEN / "audit" / "article-tags-fr.html").read_bytes()
    audit = smo.audit_page(html, "https://www.maisonlune.fr/journal/lin-lave")
    assert audit.features.main_text.startswith("Le lin lavé, de la plante au drap Le lin est cultivé")
    assert "Boutique" not in audit.features.main_text and "Promotion" not in audit.features.main_text
    tag = next(f for f in audit.findings if f.rule == "tags/article-tag-missing")
    assert tag.source == "https://ogp.me/#type_article"
    assert '<meta property="article:tag" content="lin lavé">' in (tag.fix or "")
    assert audit.outcomes["tags/jsonld-keywords-missing"] == "pass"
    short = smo.audit_page(html, "https://www.maisonlune.fr/journal/lin-lave", limits={"max_text_bytes": 13})
    assert short.features.main_text == "Le lin lavé,"  # 13 bytes: the words that fit, whole
    shorter = smo.audit_page(html, "https://www.maisonlune.fr/journal/lin-lave", limits={"max_text_bytes": 12})
    assert shorter.features.main_text == "Le lin"
    with pytest.raises(smo.InvalidArgumentError, match="max_text_bytes"):
        smo.audit_page(html, "https://www.maisonlune.fr/journal/lin-lave", limits={"max_text_bytes": 0})
