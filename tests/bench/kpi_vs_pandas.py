"""KPI aggregation over post rows: `smo.group_posts` against the same computation in pandas and
in Polars, side by side in one process, on the same data.

Run: python tests/bench/kpi_vs_pandas.py [rows ...]   (1 and 10 million by default)

Every contender computes, per network and calendar month (UTC): number of posts, Σ reach, the
engagement rate as the mean of per-post rates ((likes+comments+shares+saves)/reach × 100,
Hootsuite) and the click-through rate as a ratio of sums (Σ clicks/Σ impressions × 100).

- pandas: `groupby` on a DataFrame (published datetime64, network as str objects, float64).
- Polars: a lazy `group_by` on a Polars DataFrame of the same columns (its own threads).
- smo from Arrow: `smo.group_posts(pyarrow.Table)`, the table made from the same data
  (network as a string column, published as timestamp[us, UTC]).
- smo from Polars: `smo.group_posts(polars.DataFrame)` (exported through the Arrow C stream).
- smo from pandas: `smo.group_posts(pandas.DataFrame)` (through pyarrow's conversion when
  pyarrow is installed, as here).
- smo from numpy: `smo.group_post_columns` over the frame's numpy arrays (published as int64
  seconds, network as the object array): the path of frames pyarrow cannot convert without
  changing a result, read through the buffer protocol and converted by smo itself.

Results are checked equal to pandas', then each is timed (best of 5) in the same process.
Check the machine is quiet first (`uptime`): a figure taken under load is not a figure.
"""

import os
import sys
import time

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa

import smo

SIZES = [int(a) for a in sys.argv[1:]] or [1_000_000, 10_000_000]
KPIS = ["posts", "reach", "engagement_rate", "click_through_rate"]


def frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(42)
    start = np.datetime64("2026-01-01T00:00:00", "s").astype("int64")
    published = pd.to_datetime(start + rng.integers(0, 365 * 86_400, n), unit="s")
    nets = np.array(["instagram", "facebook", "pinterest", "linkedin"], dtype=object)
    reach = rng.integers(1, 20_000, n).astype("float64")
    return pd.DataFrame(
        {
            "published": published,
            "network": nets[rng.integers(0, 4, n)],
            "post_id": np.zeros(n, dtype="int64"),
            "likes": rng.integers(0, 500, n).astype("float64"),
            "comments": rng.integers(0, 50, n).astype("float64"),
            "shares": rng.integers(0, 30, n).astype("float64"),
            "saves": rng.integers(0, 40, n).astype("float64"),
            "reach": reach,
            "impressions": reach * 1.3,
            "clicks": rng.integers(0, 100, n).astype("float64"),
        }
    )


def with_pandas(df: pd.DataFrame) -> pd.DataFrame:
    er = (df["likes"] + df["comments"] + df["shares"] + df["saves"]) / df["reach"] * 100
    month = df["published"].dt.to_period("M")
    g = df.assign(er=er, month=month).groupby(["network", "month"], sort=True)
    out = g.agg(posts=("reach", "size"), reach=("reach", "sum"), er=("er", "mean"), clicks=("clicks", "sum"), impressions=("impressions", "sum"))
    out["ctr"] = out["clicks"] / out["impressions"] * 100
    return out


def with_polars(df: pl.DataFrame) -> pl.DataFrame:
    er = (pl.col("likes") + pl.col("comments") + pl.col("shares") + pl.col("saves")) / pl.col("reach") * 100
    return (
        df.lazy()
        .group_by("network", pl.col("published").dt.truncate("1mo").alias("month"))
        .agg(
            pl.len().alias("posts"),
            pl.col("reach").sum(),
            er.mean().alias("er"),
            (pl.col("clicks").sum() / pl.col("impressions").sum() * 100).alias("ctr"),
        )
        .sort("network", "month")
        .collect()
    )


def with_smo(data) -> smo.GroupResult:
    return smo.group_posts(data, KPIS, by=["network"], period="month", time_zone="UTC")


def best_of(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def check(s: list[dict], p: pd.DataFrame, who: str) -> None:
    assert len(s) == len(p), (who, len(s), len(p))
    for rec in s:
        row = p.loc[(rec["network"], pd.Period(rec["period"], "M"))]
        assert rec["posts"] == row["posts"], who
        for k, col in [("reach", "reach"), ("engagement_rate", "er"), ("click_through_rate", "ctr")]:
            assert abs(rec[k] - row[col]) <= 1e-9 * abs(row[col]), (who, k)


def run(rows: int) -> None:
    df = frame(rows)
    table = pa.Table.from_pandas(df, preserve_index=False)
    table = table.set_column(0, "published", table["published"].cast(pa.timestamp("us", tz="UTC")))
    pf = pl.from_arrow(table)
    cols = {c: df[c].to_numpy() for c in df.columns if c not in ("published", "post_id")}
    cols["published"] = df["published"].to_numpy().astype("datetime64[s]").view("int64")
    p = with_pandas(df)
    pol = with_polars(pf)
    assert pol.height == len(p)
    contenders = {
        "smo from Arrow": lambda: with_smo(table),
        "smo from Polars": lambda: with_smo(pf),
        "smo from pandas": lambda: with_smo(df),
        "smo from numpy": lambda: smo.group_post_columns(cols, KPIS, by=["network"], period="month"),
    }
    for who, fn in contenders.items():
        check(fn().to_records(), p, who)
    times = {"pandas": best_of(lambda: with_pandas(df)), "Polars": best_of(lambda: with_polars(pf))}
    times.update({who: best_of(fn) for who, fn in contenders.items()})
    print(f"\n{rows:,} posts, {len(p)} groups, results equal; best of 5")
    for who, t in times.items():
        print(f"  {who:16} {t * 1000:9.1f} ms   pandas/this {times['pandas'] / t:5.2f}x   Polars/this {times['Polars'] / t:5.2f}x")


def main() -> None:
    print(f"cores: {os.cpu_count()}, pandas {pd.__version__}, Polars {pl.__version__}, pyarrow {pa.__version__}")
    print(f"load average before: {os.getloadavg()}")
    for rows in SIZES:
        run(rows)
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
