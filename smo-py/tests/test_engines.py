"""smo inside distributed engines, for real: PySpark in local mode and a Dask local cluster of
worker processes, on generated data, each result compared row for row with the single-process
batch path. Skipped, visibly, when PySpark or Java is missing (the README's test command
installs both)."""

import os
import shutil
import sys

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import smo

REFS = [
    "https://t.co/x",
    "",
    "https://www.google.fr/search?q=draps+lin",
    "https://l.facebook.com/l.php?u=x",
    "https://mail.google.com/mail/u/0/",
    "https://www.maisonlune.fr/a",
    "https://chatgpt.com/",
    "https://www.bing.com/images/search?q=lin",
    "https://exemple.org/page",
]


def visits(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(11)
    return pd.DataFrame(
        {
            "visit": np.arange(n),
            "referrer": [REFS[i] for i in rng.integers(0, len(REFS), n)],
            "page": ["https://www.maisonlune.fr/draps?gclid=1" if i % 97 == 0 else "https://www.maisonlune.fr/draps" for i in range(n)],
        }
    )


def posts(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(5)
    start = np.datetime64("2026-01-01T00:00:00", "s").astype("int64")
    return pd.DataFrame(
        {
            "published": pd.to_datetime(start + rng.integers(0, 365 * 86_400, n), unit="s", utc=True),
            "network": np.array(["instagram", "facebook", "x", "linkedin"], dtype=object)[rng.integers(0, 4, n)],
            "likes": rng.integers(0, 500, n).astype("float64"),
            "reach": rng.integers(1, 20_000, n).astype("float64"),
            "clicks": rng.integers(0, 100, n).astype("float64"),
            "impressions": rng.integers(1, 30_000, n).astype("float64"),
        }
    )


KPIS = ["posts", "reach", "engagement_rate", "click_through_rate"]

# PySpark 4.3 warns on import of its pandas bridge under pandas 3; smo's helpers exchange Arrow
# with Spark and do not use that bridge, the tests only read results through it.
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")


def same_records(got: list[dict], want: list[dict]) -> None:
    # pandas reads a null float as NaN.
    got = [{k: None if isinstance(v, float) and v != v else v for k, v in r.items()} for r in got]
    key = lambda r: tuple(str(r.get(k)) for k in ("network", "period"))  # noqa: E731
    got, want = sorted(got, key=key), sorted(want, key=key)
    assert len(got) == len(want)
    for g, w in zip(got, want):
        for k, v in w.items():
            if isinstance(v, float):
                assert g[k] == pytest.approx(v, rel=1e-12), k
            else:
                assert g[k] == v, k


def single_group(df: pd.DataFrame) -> list[dict]:
    return smo.group_posts(df, KPIS, by=["network"], period="month").to_arrow().to_pyarrow().to_pylist()


# --- Spark ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def spark():
    pyspark = pytest.importorskip("pyspark", reason="PySpark is not installed")
    if shutil.which("java") is None:
        pytest.skip("no Java for Spark")
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("smo-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "5000")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    assert pyspark.__version__
    yield session
    session.stop()


def test_spark_referrers_match_the_single_process_path(spark) -> None:
    import smo.spark

    df = visits(40_000)
    sdf = spark.createDataFrame(pa.Table.from_pandas(df, preserve_index=False)).repartition(4)
    out = smo.spark.classify_referrers(sdf, page="page", keep=["visit"]).toArrow().to_pandas().sort_values("visit")
    want = smo.classify_referrers(pa.array(df["referrer"]), pages=pa.array(df["page"])).to_pyarrow().to_pandas()
    assert len(out) == len(df)
    for k in ("medium", "source", "network", "term", "channel"):
        assert out[k].astype(object).where(out[k].notna(), None).tolist() == want[k].astype(object).where(want[k].notna(), None).tolist(), k


def test_spark_audits_of_a_crawl(spark) -> None:
    import smo.spark

    pages = smo.example_site() * 20
    crawl = pa.table({"url": [u for u, _ in pages], "html": pa.array([h.encode() for _, h in pages], pa.binary())})
    out = smo.spark.audit_pages(spark.createDataFrame(crawl).repartition(3)).toArrow().to_pandas()
    want = smo.audit_pages(pa.array([u for u, _ in pages]), pa.array([h.encode() for _, h in pages])).to_pyarrow().to_pandas()
    key = ["url", "overall", "errors", "warnings", "notices", "findings"]
    o = out[key].sort_values(key).reset_index(drop=True)
    w = want[key].sort_values(key).reset_index(drop=True)
    pd.testing.assert_frame_equal(o, w, check_dtype=False)


def test_spark_kpi_grouping_matches_the_single_process_path(spark) -> None:
    import smo.spark

    df = posts(30_000)
    sdf = spark.createDataFrame(pa.Table.from_pandas(df, preserve_index=False)).repartition(4)
    for partition_by in ((), ("network",)):
        out = smo.spark.group_posts(sdf, KPIS, by=["network"], period="month", partition_by=partition_by).toArrow()
        got = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()} for r in out.to_pylist()]
        want = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()} for r in single_group(df)]
        same_records(got, want)


# --- Dask ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dask_client():
    distributed = pytest.importorskip("distributed", reason="dask.distributed is not installed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = distributed.Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_dask_referrers_match_the_single_process_path(dask_client) -> None:
    import dask.dataframe as dd

    import smo.dask

    df = visits(40_000)
    ddf = dd.from_pandas(df, npartitions=5)
    out = smo.dask.classify_referrers(ddf, page="page").compute().sort_index()
    want = smo.classify_referrers(pa.array(df["referrer"]), pages=pa.array(df["page"])).to_pyarrow().to_pandas()
    for k in ("medium", "source", "network", "term", "channel"):
        assert out[k].astype(object).where(out[k].notna(), None).tolist() == want[k].astype(object).where(want[k].notna(), None).tolist(), k


def test_dask_over_parquet_kpis_and_audits(dask_client, tmp_path) -> None:
    import dask.dataframe as dd

    import smo.dask

    df = posts(30_000)
    df.to_parquet(tmp_path / "posts.parquet", row_group_size=7_000)
    ddf = dd.read_parquet(tmp_path / "posts.parquet", split_row_groups=True)
    for partition_by in ((), ("network",)):
        out = smo.dask.group_posts(ddf, KPIS, by=["network"], period="month", partition_by=partition_by).compute()
        got = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()} for r in out.to_dict("records")]
        want = [{k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.items()} for r in single_group(df)]
        same_records(got, want)
    pages = pd.DataFrame(smo.example_site() * 5, columns=["url", "html"])
    audited = smo.dask.audit_pages(dd.from_pandas(pages, npartitions=3)).compute()
    want_a = smo.audit_pages(pa.array(pages["url"]), pa.array(pages["html"])).to_pyarrow().to_pandas()
    assert audited["overall"].tolist() == want_a["overall"].tolist()
    assert audited["findings"].tolist() == want_a["findings"].tolist()
