"""Bring-your-own referrer databases from Python: the same fixtures as the Rust tests, paths
and texts, and the classifier and batch paths taking the merged table."""

import pathlib

import pytest

import smo
from conftest import ROOT

FIXTURES = ROOT / "smo-core" / "tests" / "fixtures" / "referers"


def test_files_merge_over_the_table() -> None:
    db = smo.load_referer_database(
        FIXTURES / "snowplow.yml",
        (FIXTURES / "snowplow.json").read_text(encoding="utf-8"),
        FIXTURES / "SearchEngines.yml",
        (FIXTURES / "Socials.yml").read_bytes(),
    )
    assert [(f["format"], f["rules"]) for f in db.files] == [
        ("snowplow", 6),
        ("snowplow", 3),
        ("matomo_search", 3),
        ("matomo_social", 3),
    ]
    assert db.files[0]["name"].endswith("snowplow.yml") and db.files[1]["name"] == "source 2"
    assert db.version == "smo-referrers@2026-12+custom" and len(db) > 300
    r = smo.classify_referrer("https://search.example-corp.com/?qs=linen", database=db)
    assert (r.medium, r.source, r.term, r.table_version) == ("search", "Intranet Search", "linen", db.version)
    assert smo.classify_referrer("https://www.bing.com/images/search?q=x", database=db).source == "Bing Images"
    assert smo.classify_referrer("https://www.bing.com/search?q=x", database=db).source == "Bing (corporate proxy)"
    assert smo.classify_referrer("https://www.bing.com/search?q=x").source == "Bing"
    cols = smo.classify_referrers(["https://webmail.example-corp.com/", "https://deref-gmx.net/m"], database=db)
    assert cols["medium"] == ["email", "email"] and cols["source"] == ["Corporate Mail", "GMX"]
    b = smo.traffic_breakdown(["https://pathsearch.example/s/linen%20sheets"], database=db)
    assert "Path Engine" in str(b)
    log = '1.2.3.4 - - [01/Jul/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 10 "https://webmail.example-corp.com/" "Mozilla/5.0"\n'
    assert "Corporate Mail" in str(smo.access_log_breakdown(log, database=db))


def test_bad_files_are_typed_errors() -> None:
    with pytest.raises(smo.ParseError, match="line"):
        smo.load_referer_database("search:\n  G:\n    domains: [g.example\n")
    with pytest.raises(smo.InvalidValueError, match=r"search\.G\.domains\[1\]"):
        smo.load_referer_database("search:\n  G:\n    domains: [g.example, 3]\n")
    with pytest.raises(smo.InvalidArgumentError, match="format"):
        smo.load_referer_database("x: [a.example]\n", format="matomo")
    with pytest.raises(OSError):
        smo.load_referer_database(FIXTURES / "missing.yml")
    with pytest.raises(TypeError):
        smo.load_referer_database(3)  # type: ignore[arg-type]


GOLDEN_CASES = [
    pytest.param(doc, c, id=c["referrer"])
    for p in sorted((FIXTURES.parents[3] / "tests" / "golden" / "referers").glob("*.json"))
    for doc in [__import__("json").loads(p.read_text(encoding="utf-8"))]
    for c in doc["cases"]
]


@pytest.mark.parametrize(("doc", "case"), GOLDEN_CASES)
def test_golden(doc: dict[str, object], case: dict[str, object]) -> None:
    root = FIXTURES.parents[3]
    files = doc["files"]
    assert isinstance(files, list)
    db = smo.load_referer_database(*[root / f for f in files]) if case["database"] else None
    r = smo.classify_referrer(str(case["referrer"]), database=db)
    assert (r.medium, r.source, r.term, r.table_version) == (
        case["medium"], case["source"], case["term"], case["table_version"]
    )


def test_access_log_from_a_path_streams(tmp_path: pathlib.Path) -> None:
    good = '1.2.3.4 - - [01/Jul/2026:10:00:00 +0000] "GET / HTTP/1.1" 200 10 "https://deref-gmx.net/m" "Mozilla/5.0"\n'
    log = tmp_path / "access.log"
    log.write_bytes((good * 5000).encode() + b'1.2.3.4 - - [x] "GET /\xff HTTP/1.1" 200 1 "-" "M"\n')
    b = smo.access_log_breakdown(log)
    assert b["total"] == 5000
    assert b["rejected"][0]["line"] == 5001 and "UTF-8" in b["rejected"][0]["reason"]
    assert smo.access_log_breakdown(good * 5000)["sources"] == b["sources"]
