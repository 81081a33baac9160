"""Measurement surface: loaders, KPIs, grouping, objectives, traffic, UTM, report."""

import datetime
import json
import pathlib
from typing import Any

import pandas as pd
import pytest

import smo
from conftest import GOLDEN, ROOT


def golden(name: str) -> Any:
    return json.loads((GOLDEN / "measure" / name).read_text(encoding="utf-8"))


def close(got: float | None, want: float | None) -> None:
    if want is None:
        assert got is None
    else:
        assert got is not None and abs(got - want) < 1e-4, (got, want)


@pytest.mark.parametrize("case", golden("kpi.json")["cases"], ids=lambda c: c["name"])
def test_kpi_golden(case: dict[str, Any]) -> None:
    v = smo.kpi(case["spec"], case["posts"])
    close(v.value, case["value"])
    if "canonical" in case:
        assert v.kpi == case["canonical"] == smo.kpi_canonical(case["spec"])
    if "excluded" in case:
        assert v.excluded == case["excluded"]


FUNCS = {
    "follower_growth_rate": smo.follower_growth_rate,
    "roi": smo.roi,
    "roas": smo.roas,
    "share_of_voice": smo.share_of_voice,
    "daily_engagement_rate": smo.daily_engagement_rate,
    "engagement_rate": smo.engagement_rate,
    "click_through_rate": smo.click_through_rate,
    "cpm": smo.cpm,
    "cpc": smo.cpc,
    "conversion_rate": smo.conversion_rate,
    "bounce_rate": smo.bounce_rate,
    "progress": smo.progress,
}


@pytest.mark.parametrize("case", golden("functions.json")["cases"])
def test_function_golden(case: dict[str, Any]) -> None:
    args = case["args"]
    if case["fn"] == "net_sentiment":
        got = smo.net_sentiment(*args, mode=case["mode"])
    elif case["fn"] == "response_time":
        got = smo.response_time(args, method=case["mode"])
    else:
        got = FUNCS[case["fn"]](*args)
    close(got, case["value"])


def test_channel_golden() -> None:
    cases = golden("channels.json")["cases"]
    for c in cases:
        assert smo.channel_group(c["source"], c["medium"], c["campaign"]) == c["channel"], c
    batch = smo.channel_groups([c["source"] for c in cases], [c["medium"] for c in cases], [c["campaign"] for c in cases])
    assert batch == [c["channel"] for c in cases]


def test_referrer_golden() -> None:
    cases = golden("referrers.json")["cases"]
    for c in cases:
        r = smo.classify_referrer(c["referrer"], c["page_url"])
        assert (r.medium, r.source, r.network, r.term) == (c["medium"], c["source"], c["network"], c["term"]), c
    # The batch path agrees, row by row.
    for c in cases:
        cols = smo.classify_referrers([c["referrer"]], c["page_url"])
        assert (cols["medium"][0], cols["source"][0], cols["network"][0], cols["term"][0]) == (
            c["medium"],
            c["source"],
            c["network"],
            c["term"],
        )


def test_utm_golden() -> None:
    file = golden("utm.json")
    for c in file["build"]:
        kwargs = dict(c["utm"])
        kwargs.setdefault("campaign", "")
        call = lambda: smo.utm_url(  # noqa: E731
            c["url"], existing=c.get("existing", "replace"), lowercase=c.get("lowercase", True), **kwargs
        )
        if "error" in c:
            with pytest.raises(smo.InvalidArgumentError):
                call()
        else:
            assert call() == c["expected"]
    for c in file["parse"]:
        p = smo.parse_utm(c["url"])
        for k, v in c["utm"].items():
            assert p[k] == v
    for c in file["lint"]:
        found = smo.lint_utm(c["links"], site_hosts=c["site_hosts"])
        assert [f.rule for f in found] == c["rules"]


LOADERS = {"posts": smo.load_posts, "web": smo.load_web, "accounts": smo.load_accounts}


@pytest.mark.parametrize("case", golden("loaders.json")["cases"], ids=lambda c: c["name"])
def test_loader_golden(case: dict[str, Any]) -> None:
    load = LOADERS[case["table"]]

    def call() -> smo.LoadResult:
        return load(
            case["text"],
            format=case["format"],
            mapping=case.get("mapping"),
            time_zone=case.get("time_zone", "UTC"),
            decimal_comma=case.get("decimal_comma", False),
            strict=case.get("strict", False),
        )

    if "error" in case:
        err = smo.DataRowError if case["error"] == "row" else smo.InvalidArgumentError
        with pytest.raises(err) as info:
            call()
        if "error_line" in case:
            assert getattr(info.value, "line") == case["error_line"]
        return
    r = call()
    assert len(r) == case["rows"]
    first = r.to_records()[0]
    for k, v in case["first"].items():
        if k == "published":
            assert pd.Timestamp(first[k]).strftime("%Y-%m-%dT%H:%M:%SZ") == v
        else:
            assert first[k] == v
    assert [(x.line, x.field) for x in r.rejected] == [(x["line"], x["field"]) for x in case["rejected"]]
    assert r.ignored_columns == case["ignored_columns"]
    assert r.total == len(r) + len(r.rejected)


@pytest.mark.parametrize("case", golden("grouping.json")["cases"])
def test_grouping_golden(case: dict[str, Any]) -> None:
    g = smo.group_posts(case["posts"], case["kpis"], by=case["by"], period=case["period"], time_zone=case["time_zone"])
    records = g.to_records()
    assert len(records) == len(case["rows"])
    names = [k.split("@")[0].split("?")[0] for k in g.kpis]
    for rec, want in zip(records, case["rows"]):
        for k, v in want["keys"].items():
            assert rec[k] == v
        assert rec["period"] == want["period"]
        assert rec["posts"] == want["posts"]
        for i, name in enumerate(names):
            close(rec[name], want["values"][i])
            close(rec[f"{name}_change_pct"], want["change_pct"][i])
    # The same through a DataFrame (columnar path).
    df = pd.DataFrame(case["posts"])
    g2 = smo.group_posts(df, case["kpis"], by=case["by"], period=case["period"], time_zone=case["time_zone"])
    assert g2.to_records() == records


def test_loaders_take_dataframes_and_report_rejected_rows() -> None:
    df = pd.DataFrame(
        {
            "Date": ["2026-07-01 10:00", "2026-07-02 10:00", "not a date"],
            "Platform": ["instagram", "facebook", "x"],
            "ID": ["a", "b", "c"],
            "Reactions": [10, None, 3],
            "reach": [100.0, 200.0, float("nan")],
        }
    )
    r = smo.load_posts(df, time_zone="Europe/Paris")
    assert len(r) == 2 and r.total == 3
    assert r.rejected[0].line == 3 and r.rejected[0].field == "published"
    assert r.columns["likes"] == "Reactions"
    cols = r.to_columns()
    assert cols["likes"] == [10, None] and cols["reach"] == [100, 200]
    assert pd.DataFrame(r.to_records()).shape[0] == 2


def test_strict_records_raise_with_line() -> None:
    with pytest.raises(smo.DataRowError) as info:
        smo.kpi("reach", [{"published": "2026-07-01", "network": "instagram", "post_id": "a", "reach": -1}])
    assert info.value.line == 1 and info.value.field == "reach"


def test_example_report_and_objectives(tmp_path: pathlib.Path) -> None:
    strategy = smo.Strategy.example()
    data = smo.Dataset.example()
    assert data.posts > 200
    r = smo.report(strategy, data, time_zone="Europe/Paris")
    r2 = smo.report(strategy, data, time_zone="Europe/Paris")
    assert r.to_html() == r2.to_html() and r.hash == r2.hash
    assert r.to_markdown().startswith("# SMO report: Maison Lune")
    statuses = {o["objective"]: o["status"] for o in r.objectives}
    assert statuses["awareness-fediverse"] == "no_data"
    assert all(f.id.split("/")[0] in {"report", "advice"} for f in r.recommendations)
    paths = r.write(str(tmp_path / "report"))
    assert [pathlib.Path(p).suffix for p in paths] == [".html", ".md", ".json"]
    tracks = smo.track_objectives(strategy, data, time_zone="Europe/Paris", as_of=datetime.date(2026, 9, 30))
    assert [t["objective"] for t in tracks] == [o["objective"] for o in r.objectives]


def test_report_joins_audit_findings() -> None:
    audit = [{"rule": "page/og-image-missing", "severity": "error", "message": "no og:image", "path": "/", "source": "x"}]
    r = smo.report(smo.Strategy.example(), smo.Dataset.example(), audit)
    assert any(f.id == "report/audit-errors" for f in r.recommendations)
    assert "page/og-image-missing" in r.to_html()


def test_traffic_breakdowns() -> None:
    b = smo.traffic_breakdown(["https://t.co/x", "", "https://www.google.fr/"])
    assert b["total"] == 3
    log = '1.2.3.4 - - [01/Jul/2026:10:00:00 +0200] "GET / HTTP/1.1" 200 5 "https://chatgpt.com/" "Mozilla/5.0"\nbad line'
    b = smo.access_log_breakdown(log, site="https://www.maisonlune.fr/")
    assert b["sources"][0]["source"] == "ChatGPT"
    assert b["rejected"][0]["line"] == 2


def test_scalar_helpers() -> None:
    assert smo.engagement_rate_of([(10, 100), (100, 10_000)], "mean") == pytest.approx(5.5)
    assert smo.expected("2026-01-01", datetime.date(2026, 6, 30), "2026-04-01") == pytest.approx(0.5)
    assert any(f["id"] == "engagement_rate" for f in smo.kpi_formulas())
    with pytest.raises(smo.InvalidArgumentError):
        smo.kpi("engagement_rate?basis=likes", [])


def test_csv_grouping_vectors(tmp_path) -> None:
    for i, c in enumerate(golden("grouping_csv.json")["cases"]):
        path = tmp_path / f"posts-{i}.csv"
        path.write_text(c["csv"], encoding="utf-8", newline="")
        s = smo.group_posts_csv(path, c["kpis"], by=c["by"], period=c["period"], time_zone=c["time_zone"])
        assert s.rows == c["read"]
        assert [(r.line, r.field) for r in s.rejected] == [(r["line"], r["field"]) for r in c["rejected"]]
        got = s.groups.to_arrow().to_pyarrow().to_pylist()
        assert len(got) == len(c["rows"])
        names = s.groups.to_arrow().column_names[len(c["by"]) + (1 if c["period"] else 0) + (1 if c["period"] else 0) :]
        value_names = [n for n in names if not n.endswith("_change_pct") and (n != "posts" or "posts" in c["kpis"])]
        for row, want in zip(got, c["rows"]):
            assert {k: row[k] for k in c["by"]} == want["keys"]
            assert row.get("period") == want["period"]
            assert row["posts"] == want["posts"]
            for name, v in zip(value_names, want["values"]):
                assert row[name] == pytest.approx(v)


def test_csv_grouping_is_the_whole_file_path(tmp_path) -> None:
    src = ROOT / "docs" / "examples" / "maison-lune" / "data" / "posts.csv"
    loaded = smo.load_posts(src.read_text(encoding="utf-8"))
    for by, period in ((["network"], "month"), (["pillar", "campaign"], "week")):
        want = smo.group_posts(loaded, ["posts", "reach", "engagement_rate"], by=by, period=period).to_records()
        got = smo.group_posts_csv(src, ["posts", "reach", "engagement_rate"], by=by, period=period)
        assert got.groups.to_records() == want
        assert got.rows + len(got.rejected) == loaded.total
        assert [r.line for r in got.rejected] == [r.line for r in loaded.rejected]
    with pytest.raises(smo.InvalidArgumentError, match="cannot open"):
        smo.group_posts_csv(tmp_path / "missing.csv", ["posts"])
