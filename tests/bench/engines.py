"""smo inside Spark (local mode) and Dask (a local cluster of processes) against the single-process
batch path, in one run on this machine: referrer classification of many rows and audits of a
crawl. Reports rows/s, the scaling by worker count and the engine's overhead per row.

Run: python tests/bench/engines.py [referrer rows] [pages] [data dir]
(100 million, 200,000 and $TMPDIR/smo-engines by default). Check the machine is quiet first.

The data is written once as Parquet, then every contender reads the same files, as analysts'
jobs do: referrer i is POOL[(i * 7919) % len(POOL)] with i % 5000 in it (so rows differ, as in a
real log), in files of 1 million rows; page j is page j % n of the example site, in files of
2,000 pages. Single process: each file read with pyarrow and given to `smo.classify_referrers` /
`smo.audit_pages` (the time of the smo calls and the time with reading are both reported);
Spark: the `smo.spark` helpers over `spark.read.parquet`, aggregated so nothing is collected;
Dask: the `smo.dask` helpers over `dd.read_parquet`. Each engine also runs the same plan without
smo (read, and an aggregate over the same column) so that its own cost can be taken out: the
overhead per row is (engine with smo - engine without smo - single-process smo calls) / rows.
"""

import os
import pathlib
import sys
import tempfile
import time

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

import smo

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000_000
PAGES = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
DATA = pathlib.Path(sys.argv[3] if len(sys.argv) > 3 else pathlib.Path(tempfile.gettempdir()) / "smo-engines")
POOL = [
    "https://t.co/x{n}", "", "https://www.google.fr/search?q=draps+lin+{n}", "https://l.facebook.com/l.php?u={n}",
    "https://mail.google.com/mail/u/0/", "https://www.maisonlune.fr/a{n}", "https://chatgpt.com/?q={n}",
    "https://deref-gmx.net/mail/client/{n}/dereferrer/", "https://exemple.org/page{n}", "https://www.bing.com/search?q={n}",
    "https://linktr.ee/maison{n}", "https://www.pinterest.fr/pin/{n}/",
]
VARIANTS = 5000
FILE_ROWS = 1_000_000
FILE_PAGES = 2000


def timed(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def write_data() -> tuple[pathlib.Path, pathlib.Path]:
    refs, pages = DATA / f"referrers-{ROWS}", DATA / f"pages-{PAGES}"
    if not refs.exists():
        tmp = refs.with_suffix(".tmp")
        tmp.mkdir(parents=True, exist_ok=True)
        distinct = pa.array([p.format(n=n) for p in POOL for n in range(VARIANTS)], pa.string())
        for k, lo in enumerate(range(0, ROWS, FILE_ROWS)):
            i = np.arange(lo, min(lo + FILE_ROWS, ROWS), dtype=np.int64)
            codes = ((i * 7919) % len(POOL)) * VARIANTS + i % VARIANTS
            # Plain strings, as a log export holds them (not a dictionary smo could reuse).
            col = distinct.take(pa.array(codes))
            pq.write_table(pa.table({"referrer": col}), tmp / f"part-{k:05}.parquet", compression="zstd")
        tmp.rename(refs)
    if not pages.exists():
        tmp = pages.with_suffix(".tmp")
        tmp.mkdir(parents=True, exist_ok=True)
        site = smo.example_site()
        for k, lo in enumerate(range(0, PAGES, FILE_PAGES)):
            idx = [j % len(site) for j in range(lo, min(lo + FILE_PAGES, PAGES))]
            t = pa.table({
                "url": pa.array([site[j][0] for j in idx]),
                "html": pa.array([site[j][1].encode() for j in idx], pa.binary()),
            })
            pq.write_table(t, tmp / f"part-{k:05}.parquet", compression="zstd")
        tmp.rename(pages)
    return refs, pages


def single_process(refs: pathlib.Path, pages: pathlib.Path, threads: int | None) -> dict[str, float]:
    out = {"referrers": 0.0, "pages": 0.0}
    t0 = time.perf_counter()
    for f in sorted(refs.glob("*.parquet")):
        col = pq.read_table(f).column("referrer")
        out["referrers"] += timed(lambda: smo.classify_referrers(col, threads=threads))
    out["referrers_all"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    for f in sorted(pages.glob("*.parquet")):
        t = pq.read_table(f)
        out["pages"] += timed(lambda: smo.audit_pages(t.column("url"), t.column("html"), threads=threads))
    out["pages_all"] = time.perf_counter() - t0
    return out


def spark_run(workers: int, refs: pathlib.Path, pages: pathlib.Path) -> dict[str, float]:
    os.environ["PYSPARK_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession
    from pyspark.sql import functions as F

    import smo.spark

    spark = (
        SparkSession.builder.master(f"local[{workers}]").config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "4g").config("spark.sql.execution.arrow.maxRecordsPerBatch", "100000")
        .config("spark.sql.files.maxPartitionBytes", str(16 << 20))
        .config("spark.python.worker.faulthandler.enabled", "true")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    r = spark.read.parquet(str(refs))
    p = spark.read.parquet(str(pages))
    # Untimed: starts the Python workers and warms the JIT, on one file of each (a `limit`
    # would stop a worker's iterator halfway).
    first = lambda d: str(sorted(d.glob("*.parquet"))[0])  # noqa: E731
    smo.spark.classify_referrers(spark.read.parquet(first(refs))).groupBy("medium").count().collect()
    smo.spark.audit_pages(spark.read.parquet(first(pages))).agg(F.sum("errors")).collect()
    out = {
        "referrers_plain": timed(lambda: r.agg(F.sum(F.length("referrer"))).collect()),
        "referrers": timed(lambda: smo.spark.classify_referrers(r).groupBy("medium").count().collect()),
    }
    out["pages_plain"] = timed(lambda: p.agg(F.sum(F.length("html"))).collect())
    out["pages"] = timed(lambda: smo.spark.audit_pages(p).agg(F.sum("errors")).collect())
    spark.stop()
    return out


def dask_run(workers: int, refs: pathlib.Path, pages: pathlib.Path) -> dict[str, float]:
    import dask.dataframe as dd
    import distributed

    import smo.dask

    with distributed.LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster, distributed.Client(cluster):
        r = dd.read_parquet(str(refs))
        p = dd.read_parquet(str(pages))
        # Untimed: imports smo and pyarrow in every worker and warms the page cache.
        smo.dask.classify_referrers(r.partitions[:workers])["medium"].value_counts().compute()
        r["referrer"].str.len().sum().compute()
        return {
            "referrers_plain": timed(lambda: r["referrer"].str.len().sum().compute()),
            "referrers": timed(lambda: smo.dask.classify_referrers(r)["medium"].value_counts().compute()),
            "pages_plain": timed(lambda: p["html"].map(len, meta=("html", "int64")).sum().compute()),
            "pages": timed(lambda: smo.dask.audit_pages(p)["errors"].sum().compute()),
        }


def line(name: str, workers: int, e: dict[str, float], one: dict[str, float]) -> str:
    """`one`: the single process on one thread, the work smo does per row; the engine spreads it
    over its workers, and what is left beyond its own plan is its overhead."""
    over_r = (e["referrers"] - e["referrers_plain"] - one["referrers"] / workers) / ROWS * 1e9
    over_p = (e["pages"] - e["pages_plain"] - one["pages"] / workers) / PAGES * 1e6
    return (
        f"{name}: referrers {e['referrers']:.1f} s = {ROWS / e['referrers'] / 1e6:.2f} M rows/s "
        f"(the plan without smo {e['referrers_plain']:.1f} s; overhead {over_r:.0f} ns/row); "
        f"pages {e['pages']:.1f} s = {PAGES / e['pages']:,.0f} pages/s "
        f"(without smo {e['pages_plain']:.1f} s; overhead {over_p:.0f} µs/page)"
    )


def main() -> None:
    print(f"cores: {os.cpu_count()}, load average before: {os.getloadavg()}; {ROWS:,} referrers, {PAGES:,} pages")
    t = time.perf_counter()
    refs, pages = write_data()
    print(f"data in {DATA} ({time.perf_counter() - t:.0f} s to write or find)", flush=True)
    single_process(refs, pages.parent / "none", 1)  # untimed: the page cache
    for threads in (1, None):
        base = single_process(refs, pages, threads)
        if threads == 1:
            one = base
        print(
            f"single process, threads={threads}: referrers {base['referrers']:.1f} s in smo calls = "
            f"{ROWS / base['referrers'] / 1e6:.2f} M rows/s ({base['referrers_all']:.1f} s with reading); "
            f"pages {base['pages']:.1f} s = {PAGES / base['pages']:,.0f} pages/s ({base['pages_all']:.1f} s with reading)",
            flush=True,
        )
    runs: dict[str, dict[str, float]] = {}
    for workers in (1, 2):
        runs[f"Spark local[{workers}]"] = e = spark_run(workers, refs, pages)
        print(line(f"Spark local[{workers}]", workers, e, one), flush=True)
    for workers in (1, 2):
        runs[f"Dask {workers} worker(s)"] = e = dask_run(workers, refs, pages)
        print(line(f"Dask {workers} worker(s)", workers, e, one), flush=True)
    for engine in ("Spark local[{}]", "Dask {} worker(s)"):
        one, two = runs[engine.format(1)], runs[engine.format(2)]
        print(
            f"{engine.format('1→2')} scaling: referrers {one['referrers'] / two['referrers']:.2f}×, "
            f"pages {one['pages'] / two['pages']:.2f}×"
        )
    print(f"load average after: {os.getloadavg()}")


if __name__ == "__main__":
    main()
