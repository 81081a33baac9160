"""KPI aggregation over post rows: `smo.group_posts` on a DataFrame against the same computation
in pandas.

Run: python tests/bench/kpi_vs_pandas.py [rows]   (10 million by default)

Both take the same DataFrame (published as datetime64, network as str, metrics as float64) and
compute, per network and calendar month (UTC): number of posts, Σ reach, the engagement rate as
the mean of per-post rates ((likes+comments+shares+saves)/reach × 100, Hootsuite) and the
click-through rate as a ratio of sums (Σ clicks/Σ impressions × 100). The results are checked
equal, then each is timed (best of 3) in the same process.
"""

import os
import sys
import time

import numpy as np
import pandas as pd

import smo

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
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


def with_smo(df: pd.DataFrame) -> list[dict]:
    return smo.group_posts(df, KPIS, by=["network"], period="month", time_zone="UTC").to_records()


def best_of(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    df = frame(ROWS)
    p = with_pandas(df)
    s = with_smo(df)
    assert len(s) == len(p), (len(s), len(p))
    for rec in s:
        row = p.loc[(rec["network"], pd.Period(rec["period"], "M"))]
        assert rec["posts"] == row["posts"]
        assert abs(rec["reach"] - row["reach"]) <= 1e-9 * row["reach"]
        assert abs(rec["engagement_rate"] - row["er"]) <= 1e-9 * row["er"]
        assert abs(rec["click_through_rate"] - row["ctr"]) <= 1e-9 * row["ctr"]
    t_pandas = best_of(lambda: with_pandas(df))
    t_smo = best_of(lambda: with_smo(df))
    print(f"cores: {os.cpu_count()}, pandas {pd.__version__}")
    print(f"pandas groupby:   {ROWS:,} posts in {t_pandas:.2f} s")
    print(f"smo.group_posts:  {ROWS:,} posts in {t_smo:.2f} s")
    print(f"speed ratio smo / pandas: {t_pandas / t_smo:.2f}x  ({len(s)} groups, results equal)")


if __name__ == "__main__":
    main()
