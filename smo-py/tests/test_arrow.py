"""Arrow in and out: the golden vectors of `tests/golden/arrow/` and the measurement vectors given
as pyarrow and Polars columns, the Arrow paths against the list and pandas paths, result schemas,
pickling, threads."""

import datetime as dt
import json
import pickle
import subprocess
import sys

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

import smo
from conftest import GOLDEN

GROUPING = json.loads((GOLDEN / "arrow" / "grouping.json").read_text(encoding="utf-8"))["cases"]


def arrow_type(name: str) -> pa.DataType:
    if name.startswith("timestamp["):
        unit, _, zone = name[len("timestamp[") : -1].partition(", ")
        return pa.timestamp(unit, tz=zone or None)
    return {
        "string": pa.string(),
        "large_string": pa.large_string(),
        "string_view": pa.string_view(),
        "dictionary<string>": pa.dictionary(pa.int32(), pa.string()),
        "date32": pa.date32(),
        "float64": pa.float64(),
        "float32": pa.float32(),
        "int64": pa.int64(),
        "int32": pa.int32(),
        "uint32": pa.uint32(),
        "boolean": pa.bool_(),
    }[name]


def column(spec: dict) -> pa.Array:
    ty = arrow_type(spec["type"])
    values = spec["values"]
    if pa.types.is_timestamp(ty):
        values = [None if v is None else dt.datetime.fromisoformat(v) for v in values]
    elif pa.types.is_date32(ty):
        values = [dt.date.fromisoformat(v) for v in values]
    if pa.types.is_dictionary(ty):
        return pa.array(values, pa.string()).dictionary_encode()
    return pa.array(values, ty)


def table(case: dict) -> pa.Table:
    return pa.table({k: column(v) for k, v in case["columns"].items()})


def group(data, case):
    return smo.group_posts(data, case["kpis"], by=case["by"], period=case["period"], time_zone=case["time_zone"])


def check_rows(result: smo.GroupResult, case: dict) -> None:
    got = result.to_arrow().to_pyarrow().to_pylist()
    assert len(got) == len(case["rows"]), got
    names = [n for n, _ in case["schema"]]
    value_names = [n for n in names[len(case["by"]) :] if n not in ("period", "period_start", "posts") and not n.endswith("_change_pct")]
    if len(value_names) < len(case["kpis"]):
        value_names = ["posts"] + value_names
    for row, want in zip(got, case["rows"]):
        assert {k: row[k] for k in case["by"]} == want["keys"]
        assert row.get("period") == want.get("period")
        if "period_start" in want:
            assert row["period_start"].isoformat() == want["period_start"]
        for i, name in enumerate(value_names):
            assert row[name] == pytest.approx(want["values"][i], abs=1e-9, nan_ok=False) if want["values"][i] is not None else row[name] is None
            ch = want["change_pct"][i]
            assert row[f"{name}_change_pct"] == (pytest.approx(ch, abs=1e-9) if ch is not None else None)


@pytest.mark.parametrize("case", GROUPING, ids=[c["name"] for c in GROUPING])
def test_arrow_grouping_vectors(case: dict) -> None:
    t = table(case)
    if "error" in case:
        with pytest.raises(smo.SmoError, match=case["error"].replace("(", r"\(").replace(")", r"\)").replace("`", "`")):
            group(t, case)
        return
    result = group(t, case)
    check_rows(result, case)
    schema = [(f.name, str(f.type)) for f in pa.table(result).schema]
    want = [(n, {"utf8": "string", "date32": "date32[day]", "float64": "double", "uint64": "uint64"}[ty]) for n, ty in case["schema"]]
    assert schema == want
    # The same table through Polars (its own string and time layouts) and as record batches.
    check_rows(group(pl.from_arrow(t), case), case)
    check_rows(group(t.to_batches()[0], case), case)


def test_measure_referrer_vectors_through_arrow() -> None:
    cases = json.loads((GOLDEN / "measure" / "referrers.json").read_text(encoding="utf-8"))["cases"]
    refs = pa.array([c["referrer"] for c in cases])
    pages = pa.array([c["page_url"] for c in cases], pa.string())
    for col in (refs, refs.dictionary_encode(), pl.Series([c["referrer"] for c in cases])):
        got = smo.classify_referrers(col, pages=pages).to_pyarrow().to_pylist()
        for row, c in zip(got, cases):
            assert (row["medium"], row["source"], row["network"], row["term"]) == (c["medium"], c["source"], c["network"], c["term"]), c


def test_arrow_referrers_match_the_list_path() -> None:
    rng = np.random.default_rng(7)
    pool = ["https://t.co/x", "", "https://www.google.fr/search?q=draps+lin", "https://l.facebook.com/l.php", "https://mail.google.com/mail/u/0/", "https://www.maisonlune.fr/a", "https://chatgpt.com/", "https://deref-gmx.net/mail/client/x/dereferrer/?redirectUrl=y", "https://exemple.org/page"]
    refs = [pool[i] for i in rng.integers(0, len(pool), 200_000)]
    listed = smo.classify_referrers(refs, "https://www.maisonlune.fr/draps")
    arrow = smo.classify_referrers(pa.chunked_array([refs[:70_000], refs[70_000:]]), "https://www.maisonlune.fr/draps").to_pyarrow()
    for k in ("medium", "source", "network", "term", "channel"):
        assert arrow[k].to_pylist() == listed[k], k
    assert smo.classify_referrers(pa.array(refs), threads=1).to_pyarrow().equals(smo.classify_referrers(pa.array(refs)).to_pyarrow())


def posts_frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    start = np.datetime64("2026-01-01T00:00:00", "s").astype("int64")
    frame = pd.DataFrame(
        {
            "published": pd.to_datetime(start + rng.integers(0, 365 * 86_400, n), unit="s", utc=True),
            "network": np.array(["instagram", "facebook", "x", "linkedin"], dtype=object)[rng.integers(0, 4, n)],
            "pillar": np.array(["Savoir-faire", "Maison", None], dtype=object)[rng.integers(0, 3, n)],
            "likes": rng.integers(0, 500, n).astype("float64"),
            "reach": rng.integers(0, 20_000, n).astype("float64"),
            "clicks": rng.integers(0, 100, n).astype("float64"),
            "impressions": rng.integers(0, 30_000, n).astype("float64"),
        }
    )
    frame.loc[::17, "likes"] = np.nan
    frame["post_id"] = np.arange(n)
    return frame


def test_arrow_grouping_matches_the_pandas_path() -> None:
    df = posts_frame(300_000)
    kpis = ["posts", "reach", "engagement_rate", "click_through_rate"]
    for by, period, tz in ((["network"], "month", "Europe/Paris"), (["pillar", "network"], "week", "UTC")):
        want = smo.group_posts(df, kpis, by=by, period=period, time_zone=tz).to_records()
        t = pa.Table.from_pandas(df, preserve_index=False)
        for data in (t, pl.from_pandas(df), t.to_reader(max_chunksize=50_000)):
            got = smo.group_posts(data, kpis, by=by, period=period, time_zone=tz).to_records()
            assert len(got) == len(want)
            for g, w in zip(got, want):
                assert g.keys() == w.keys()
                for k, v in w.items():
                    assert g[k] == (pytest.approx(v, rel=1e-12) if isinstance(v, float) else v), (by, k)
        assert smo.group_posts(t, kpis, by=by, period=period, time_zone=tz, threads=1).to_records() == smo.group_posts(t, kpis, by=by, period=period, time_zone=tz).to_records()


def test_results_export_arrow_and_pickle() -> None:
    df = posts_frame(1_000)
    result = smo.group_posts(pa.Table.from_pandas(df), ["reach"], by=["network"])
    assert pl.DataFrame(result).columns == ["network", "posts", "reach", "reach_change_pct"]
    table = result.to_arrow()
    assert table.num_rows == len(result) and table.column_names[0] == "network"
    assert ("posts", "UInt64", False) in table.schema
    back = pickle.loads(pickle.dumps(table))
    assert isinstance(back, smo.ArrowTable) and back.to_pyarrow().equals(table.to_pyarrow())
    assert table.to_pandas()["network"].tolist() == [r["network"] for r in result.to_records()]


def test_bad_arrow_input_is_a_typed_error_with_its_row() -> None:
    t = pa.table({"published": pa.array([dt.datetime(2026, 7, 1), None]), "network": ["x", "x"]})
    with pytest.raises(smo.InvalidArgumentError, match=r"column `published`, row 1"):
        smo.group_posts(t, ["posts"])
    with pytest.raises(smo.InvalidArgumentError, match=r"no column for required field\(s\) network"):
        smo.group_posts(pa.table({"published": pa.array([dt.datetime(2026, 7, 1)])}), ["posts"])
    with pytest.raises(smo.SmoError, match="give text"):
        smo.classify_referrers(pa.array([1, 2]))
    with pytest.raises(TypeError, match="at least 1"):
        smo.classify_referrers(pa.array(["x"]), threads=0)
    with pytest.raises(TypeError, match="pages= is read with Arrow input"):
        smo.classify_referrers(["x"], pages=["y"])  # type: ignore[call-overload]


def test_no_thread_is_started_at_import() -> None:
    code = (
        "import re\n"
        "def threads():\n"
        "    return int(re.search(r'Threads:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n"
        "before = threads()\nimport smo\nafter = threads()\n"
        "smo.classify_referrers(['https://t.co/x'] * 100_000)\n"
        "print(before, after, threads())\n"
    )
    before, after, used = map(int, subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split())
    assert after == before, "importing smo started threads"
    assert used > after, "the first batch call starts the pool"


TEXT_COUNTS = json.loads((GOLDEN / "text" / "count.json").read_text(encoding="utf-8"))["cases"]
ENTITIES = json.loads((GOLDEN / "text" / "entities.json").read_text(encoding="utf-8"))["cases"]


def with_nulls(texts: list[str]) -> list[str | None]:
    return [x for t in texts for x in (None, t)]


@pytest.mark.parametrize("case", TEXT_COUNTS, ids=[c["name"] for c in TEXT_COUNTS])
def test_text_count_vectors_through_arrow(case: dict) -> None:
    kw = {k: case[k] for k in ("field", "x_version", "mastodon_max_characters", "content_warning") if k in case}
    rows = with_nulls([case["text"]])
    for col in (pa.array(rows), pa.array(rows, pa.large_string()), pl.Series(rows)):
        got = smo.parse_text_batch(col, case["network"], **kw).to_pyarrow().to_pylist()
        assert got[0] == {k: None for k in got[0]}
        for k, want in case["expected"].items():
            assert got[1][k] == want, k
        listed = smo.parse_text_batch([case["text"]], case["network"], **kw)[0].to_dict()
        assert got[1] == listed


def test_entity_vectors_through_arrow() -> None:
    texts = [c["text"] for c in ENTITIES]
    t = smo.extract_entities_batch(pa.array(with_nulls(texts)).dictionary_encode(), threads=1)
    assert t.column_names[:3] == ["row", "kind", "text"]
    got: list[list[dict]] = [[] for _ in texts]
    for r in t.to_pyarrow().to_pylist():
        assert r["row"] % 2 == 1
        got[r.pop("row") // 2].append(r)
    assert got == [c["expected"] for c in ENTITIES]
    # A stream of chunks numbers its rows as one column.
    chunked = pa.chunked_array([texts[:2], texts[2:]])
    rows = smo.extract_entities_batch(chunked).to_pyarrow().column("row").to_pylist()
    assert sorted(set(rows)) == [i for i, c in enumerate(ENTITIES) if c["expected"]]


def test_sentiment_through_arrow_matches_the_objects() -> None:
    texts = []
    for f in ("en.json", "fr.json"):
        doc = json.loads((GOLDEN / "sentiment" / f).read_text(encoding="utf-8"))
        texts += [c["text"] for c in doc["cases"] if isinstance(c.get("text"), str) and not c.get("error")]
    for lang in (None, "en", "fr"):
        t = smo.sentiment_batch(pl.Series(with_nulls(texts)), lang, threads=2).to_pyarrow()
        objs = smo.sentiment_batch(texts, lang)
        rows = t.to_pylist()
        assert all(v is None for v in rows[0].values())
        for r, s in zip(rows[1::2], objs, strict=True):
            assert r == {
                "compound": s.compound,
                "positive": s.positive,
                "negative": s.negative,
                "neutral": s.neutral,
                "label": s.label,
                "lang": s.lang,
            }


def test_access_log_as_a_column_of_lines() -> None:
    good = '1.2.3.4 - - [01/Jul/2026:10:00:00 +0200] "GET / HTTP/1.1" 200 5 "https://chatgpt.com/" "Mozilla/5.0"'
    lines = [good, "bad line", "", good.replace("chatgpt.com", "t.co")] * 50
    want = smo.access_log_breakdown("\n".join(lines), site="https://www.maisonlune.fr/")
    table = pa.table({"value": lines})
    for col in (table, pa.chunked_array([lines[:7], lines[7:]]), pl.DataFrame({"value": lines})):
        assert smo.access_log_breakdown(col, site="https://www.maisonlune.fr/") == want
    with pytest.raises(smo.InvalidArgumentError, match="lines"):
        smo.access_log_breakdown(pa.array([1, 2]))


def test_text_batches_refuse_what_is_not_text() -> None:
    with pytest.raises(smo.InvalidArgumentError, match="give text"):
        smo.parse_text_batch(pa.array([1, 2]))
    with pytest.raises(smo.InvalidArgumentError, match="give text"):
        smo.sentiment_batch(pa.array([1.5]))
    with pytest.raises(TypeError):
        smo.extract_entities_batch("one string, not a list")
