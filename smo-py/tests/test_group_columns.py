"""`smo.group_posts` on DataFrames and `smo.group_post_columns`: columns are read a chunk at a
time (through the buffer protocol, str objects factorized, categoricals by their codes) and must
give the groups of the row path, whatever the column types."""

import math
from typing import Any

import numpy as np
import pandas as pd
import pytest

import smo

KPIS = ["posts", "reach", "engagement_rate", "click_through_rate", "engagement_rate?aggregation=ratio"]
NETS = ["instagram", "facebook", "linkedin", "x"]
PILLARS = ["tips", "team", None, "launch"]


def frame(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    start = np.datetime64("2026-01-01T00:00:00", "s").astype("int64")
    reach = rng.integers(0, 5_000, n).astype("float64")
    reach[rng.integers(0, n, n // 50)] = np.nan
    return pd.DataFrame(
        {
            "published": pd.to_datetime(start + rng.integers(0, 200 * 86_400, n), unit="s"),
            "network": np.array(NETS, dtype=object)[rng.integers(0, len(NETS), n)],
            "post_id": [f"p{i}" for i in range(n)],
            "pillar": np.array(PILLARS, dtype=object)[rng.integers(0, len(PILLARS), n)],
            "likes": rng.integers(0, 300, n).astype("float64"),
            "comments": rng.integers(0, 40, n).astype("float64"),
            "reach": reach,
            "impressions": reach * 2 + rng.integers(0, 9, n),
            "clicks": rng.integers(0, 60, n).astype("int64"),
        }
    )


def same(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> None:
    assert len(a) == len(b)
    for x, y in zip(a, b):
        assert x.keys() == y.keys()
        for k, v in x.items():
            w = y[k]
            if isinstance(v, float) and isinstance(w, float):
                assert math.isclose(v, w, rel_tol=1e-9, abs_tol=1e-12), (k, v, w)
            else:
                assert v == w, (k, v, w)


def as_records(df: pd.DataFrame) -> list[dict[str, Any]]:
    out = []
    for rec in df.to_dict("records"):
        rec["published"] = rec["published"].strftime("%Y-%m-%dT%H:%M:%SZ")
        out.append({k: v for k, v in rec.items() if not (isinstance(v, float) and math.isnan(v)) and v is not None})
    return out


@pytest.mark.parametrize("zone,period", [("UTC", "month"), ("Europe/Paris", "week"), ("America/New_York", "day")])
def test_many_chunks_match_the_row_path(zone: str, period: str) -> None:
    df = frame(50_000)
    by = ["network", "pillar"]
    rows = smo.group_posts(as_records(df), KPIS, by=by, period=period, time_zone=zone)
    # The records say UTC ("Z"); naive times in a frame are local to the zone, so the frame
    # is made UTC-aware first.
    if zone == "UTC":
        same(smo.group_posts(df, KPIS, by=by, period=period).to_records(), rows.to_records())
    utc_frame = df.assign(published=df["published"].dt.tz_localize("UTC"))
    same(smo.group_posts(utc_frame, KPIS, by=by, period=period, time_zone=zone).to_records(), rows.to_records())


def test_column_types_give_the_same_groups() -> None:
    df = frame(40_000, seed=3)
    base = smo.group_posts(df, KPIS, by=["network", "pillar"], period="month").to_records()
    variants = {
        "categorical keys": df.astype({"network": "category", "pillar": "category"}),
        "nullable strings with pd.NA": df.astype({"pillar": "string", "network": "string"}),
        "object keys": df.astype({"network": object, "pillar": object}),
        "float clicks": df.astype({"clicks": "float64"}),
        "nullable ints": df.astype({"clicks": "Int64"}),
        "float32 likes": df.astype({"likes": "float32"}),
        "a sliced frame": pd.concat([df.iloc[:10], df.iloc[10:]]),
        "reversed twice": df.iloc[::-1].iloc[::-1],
    }
    for variant in variants.values():
        got = smo.group_posts(variant, KPIS, by=["network", "pillar"], period="month").to_records()
        same(got, base)
    # Strided columns (every other row) read like contiguous ones.
    strided = df.iloc[::2]
    same(
        smo.group_posts(strided, KPIS, by=["network"], period="week").to_records(),
        smo.group_posts(strided.copy(), KPIS, by=["network"], period="week").to_records(),
    )


def test_tz_aware_published_and_mapping() -> None:
    df = frame(20_000, seed=5).rename(columns={"network": "Platform"})
    df["published"] = df["published"].dt.tz_localize("Asia/Tokyo")
    got = smo.group_posts(df, ["posts"], by=["network"], period="day", time_zone="Asia/Tokyo", mapping={"network": "Platform"})
    assert sum(r["posts"] for r in got.to_records()) == 20_000
    # Local days in Tokyo are the days of the naive times.
    days = df["published"].dt.strftime("%Y-%m-%d").value_counts()
    per_day: dict[str, int] = {}
    for r in got.to_records():
        per_day[r["period"]] = per_day.get(r["period"], 0) + r["posts"]
    assert per_day == days.to_dict()


def test_bad_columns_are_errors_with_the_row() -> None:
    df = frame(30_000)
    df.loc[25_000, "network"] = None
    with pytest.raises(smo.InvalidArgumentError, match=r"row 25000\b.*no network"):
        smo.group_posts(df, ["posts"], by=["network"])
    df = frame(30_000)
    df["published"] = df["published"].astype("datetime64[ns]")
    df.loc[20_001, "published"] = pd.NaT
    with pytest.raises(smo.InvalidArgumentError, match="published.*row 20001"):
        smo.group_posts(df, ["posts"], period="month")
    df = frame(30_000)
    df["pillar"] = df["pillar"].astype(object)
    df.loc[17_000, "pillar"] = 12
    with pytest.raises(TypeError, match="row 17000"):
        smo.group_posts(df, ["posts"], by=["pillar"])
    df = frame(100)
    df.loc[3, "network"] = "myspace"
    with pytest.raises(smo.UnknownNetworkError):
        smo.group_posts(df, ["posts"], by=["network"])


def test_group_post_columns_takes_lists_arrays_and_codes() -> None:
    n = 40_000
    df = frame(n, seed=11)
    ns = df["published"].astype("datetime64[ns]").to_numpy().view("int64")
    codes, names = pd.factorize(df["pillar"])
    want = smo.group_posts(df, KPIS, by=["network", "pillar"], period="quarter").to_records()
    variants: list[dict[str, Any]] = [
        {"published": ns, "network": df["network"].to_numpy(object), "pillar": (codes, list(names))},
        {
            "published": [int(v) for v in ns],
            "network": df["network"].tolist(),
            "pillar": tuple(df["pillar"].tolist()),
        },
    ]
    for cols in variants:
        cols.update(
            likes=df["likes"].to_numpy(),
            comments=df["comments"].tolist(),
            reach=df["reach"].to_numpy(),
            impressions=df["impressions"].to_numpy(),
            clicks=df["clicks"].to_numpy(),
        )
        got = smo.group_post_columns(cols, KPIS, by=["network", "pillar"], period="quarter", published_unit="ns")
        same(got.to_records(), want)
    with pytest.raises(smo.InvalidArgumentError, match="equal lengths"):
        smo.group_post_columns({"published": ns, "network": df["network"].tolist()[:-1]}, ["posts"])
    with pytest.raises(smo.InvalidArgumentError, match="published_unit"):
        smo.group_post_columns({"published": ns, "network": df["network"].tolist()}, ["posts"], published_unit="h")


def test_shared_strided_and_misaligned_buffers_give_the_same_groups() -> None:
    """Contiguous aligned buffers are shared with the core, the others copied: same groups."""
    n = 300_000  # more than one converted batch
    df = frame(n, seed=5)
    ns = df["published"].astype("datetime64[ns]").to_numpy().view("int64")
    base = {"published": ns, "network": df["network"].to_numpy(object), "reach": df["reach"].to_numpy()}
    base["likes"] = df["likes"].to_numpy().astype("int64")
    want = smo.group_post_columns(base, KPIS, by=["network"], period="month", published_unit="ns").to_records()
    strided = {k: np.repeat(v, 2)[::2] for k, v in base.items()}
    raw = np.zeros(n * 8 + 1, dtype=np.uint8)
    misaligned = raw[1:].view(np.float64)
    misaligned[:] = base["reach"]
    for cols in (strided, {**base, "reach": misaligned}):
        got = smo.group_post_columns(cols, KPIS, by=["network"], period="month", published_unit="ns")
        same(got.to_records(), want)


def test_several_windows_of_shared_buffers() -> None:
    """Past a window (a million rows) the core groups on its threads while this thread
    converts; shared buffers are released by this thread, which holds the interpreter."""
    n = 2_500_000
    rng = np.random.default_rng(3)
    cols = {
        "published": 1_767_225_600 + rng.integers(0, 31_536_000, n),
        "network": np.array(["instagram", "x", "linkedin"], dtype=object)[rng.integers(0, 3, n)],
        "likes": rng.integers(0, 500, n).astype("float64"),
        "reach": rng.integers(1, 20_000, n).astype("float64"),
    }
    got = smo.group_post_columns(cols, KPIS[:2], by=["network"], period="month")
    import pyarrow as pa

    table = pa.table({**cols, "published": pa.array(cols["published"], pa.timestamp("s", tz="UTC"))})
    want = smo.group_posts(table, KPIS[:2], by=["network"], period="month")
    same(got.to_records(), want.to_records())
