"""smo inside Spark (local mode) and Dask (a local cluster of processes) against the single-process
batch path, in one run on this machine: referrer classification of many rows and audits of a
crawl. Reports rows/s, the scaling by worker count and the engine's overhead per row.

Run: python tests/bench/engines.py [referrer rows] [pages]   (100 million and 200,000 by default)

The data is generated where it is used, the same in every contender: referrer i is
POOL[(i * 7919) % len(POOL)] with its number in a query (so rows differ, as in a real log), and
page j is one of the example site's pages. Single process: `smo.classify_referrers` over Arrow
chunks of 1 million rows, `smo.audit_pages` over chunks of 2,000 pages; Spark: `smo.spark`
helpers over `spark.range` data, counted with an aggregation so nothing is collected; Dask:
`smo.dask` helpers over `dd.from_map` partitions. Check the machine is quiet first (`uptime`).
"""

import os
import sys
import time

import pyarrow as pa

import smo

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000
PAGES = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
POOL = [
    "https://t.co/x{n}", "", "https://www.google.fr/search?q=draps+lin+{n}", "https://l.facebook.com/l.php?u={n}",
    "https://mail.google.com/mail/u/0/", "https://www.maisonlune.fr/a{n}", "https://chatgpt.com/?q={n}",
    "https://deref-gmx.net/mail/client/{n}/dereferrer/", "https://exemple.org/page{n}", "https://www.bing.com/search?q={n}",
    "https://linktr.ee/maison{n}", "https://www.pinterest.fr/pin/{n}/",
]
CHUNK = 1_000_000


def referrers(lo: int, hi: int) -> pa.Array:
    return pa.array([POOL[(i * 7919) % len(POOL)].format(n=i % 5000) for i in range(lo, hi)], pa.string())


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def single_process() -> dict[str, float]:
    t_ref = 0.0
    for lo in range(0, ROWS, CHUNK):
        col = referrers(lo, min(lo + CHUNK, ROWS))
        t0 = time.perf_counter()
        smo.classify_referrers(col)
        t_ref += time.perf_counter() - t0
    site = smo.example_site()
    t_aud = 0.0
    for lo in range(0, PAGES, 2000):
        n = min(2000, PAGES - lo)
        urls = pa.array([site[(lo + i) % len(site)][0] for i in range(n)])
        html = pa.array([site[(lo + i) % len(site)][1].encode() for i in range(n)], pa.binary())
        t0 = time.perf_counter()
        smo.audit_pages(urls, html)
        t_aud += time.perf_counter() - t0
    return {"referrers": t_ref, "pages": t_aud}


def spark_run(workers: int) -> dict[str, float]:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession, functions as F

    import smo.spark

    spark = (
        SparkSession.builder.master(f"local[{workers}]").config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "4g").config("spark.sql.execution.arrow.maxRecordsPerBatch", "100000")
        .getOrCreate()
    )
    pool = F.array(*[F.lit(p) for p in POOL])
    ids = spark.range(0, ROWS, numPartitions=max(8, workers * 4))
    refs = ids.select(
        F.regexp_replace(F.element_at(pool, ((F.col("id") * 7919) % len(POOL) + 1).cast("int")), r"\{n\}", (F.col("id") % 5000).cast("string")).alias("referrer")
    )
    t_gen = timed(lambda: refs.agg(F.count(F.length("referrer"))).collect())
    t_ref = timed(lambda: smo.spark.classify_referrers(refs).groupBy("medium").count().collect())
    site = smo.example_site()
    crawl = spark.range(0, PAGES, numPartitions=max(4, workers * 2)).select(
        F.element_at(F.array(*[F.lit(u) for u, _ in site]), (F.col("id") % len(site) + 1).cast("int")).alias("url"),
        F.element_at(F.array(*[F.lit(h.encode()) for _, h in site]), (F.col("id") % len(site) + 1).cast("int")).alias("html"),
    )
    t_pgen = timed(lambda: crawl.agg(F.count("url")).collect())
    t_aud = timed(lambda: smo.spark.audit_pages(crawl).agg(F.sum("errors")).collect())
    spark.stop()
    return {"referrers": t_ref, "referrers_gen": t_gen, "pages": t_aud, "pages_gen": t_pgen}


def _dask_refs(lo: int):
    import pandas as pd

    hi = min(lo + CHUNK, ROWS)
    return pd.DataFrame({"referrer": pd.array(referrers(lo, hi).to_pylist(), dtype="string[pyarrow]")})


def dask_run(workers: int) -> dict[str, float]:
    import dask.dataframe as dd
    import distributed

    import smo.dask

    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, distributed.Client(cluster):
        ddf = dd.from_map(_dask_refs, list(range(0, ROWS, CHUNK)))
        t_gen = timed(lambda: ddf["referrer"].str.len().sum().compute())
        t_ref = timed(lambda: smo.dask.classify_referrers(ddf)["medium"].value_counts().compute())
    return {"referrers": t_ref, "referrers_gen": t_gen}


def main() -> None:
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()}; {ROWS:,} referrers, {PAGES:,} pages")
    base = single_process()
    print(f"single process (smo calls only): referrers {base['referrers']:.1f} s = {ROWS / base['referrers'] / 1e6:.2f} M rows/s, pages {base['pages']:.1f} s = {PAGES / base['pages']:,.0f} pages/s")
    for workers in (1, 2):
        s = spark_run(workers)
        print(
            f"Spark local[{workers}]: referrers {s['referrers']:.1f} s = {ROWS / s['referrers'] / 1e6:.2f} M rows/s "
            f"(the same plan without smo: {s['referrers_gen']:.1f} s; overhead over the single process "
            f"{(s['referrers'] - s['referrers_gen'] - base['referrers']) / ROWS * 1e9:.0f} ns/row); pages {s['pages']:.1f} s = "
            f"{PAGES / s['pages']:,.0f} pages/s (without smo {s['pages_gen']:.1f} s; overhead "
            f"{(s['pages'] - s['pages_gen'] - base['pages']) / PAGES * 1e6:.0f} µs/page)"
        )
    for workers in (1, 2):
        d = dask_run(workers)
        print(
            f"Dask {workers} worker(s): referrers {d['referrers']:.1f} s = {ROWS / d['referrers'] / 1e6:.2f} M rows/s "
            f"(generation and string lengths alone: {d['referrers_gen']:.1f} s; overhead over the single process "
            f"{(d['referrers'] - d['referrers_gen'] - base['referrers']) / ROWS * 1e9:.0f} ns/row)"
        )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
