"""smo inside Dask: ``map_partitions`` over smo's Arrow kernels, with ``meta`` given so that
Dask builds its graph without running smo on a sample.

Each helper takes a Dask DataFrame (say from ``dask.dataframe.read_parquet``) and returns one.
Partitions are converted to Arrow without copying where pandas allows, and every call passes
``threads=1``: Dask's workers already run one task per thread.

>>> import dask.dataframe as dd                         # doctest: +SKIP
>>> visits = dd.read_parquet("visits/")                 # doctest: +SKIP
>>> smo.dask.classify_referrers(visits).medium.value_counts().compute()   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import smo

if TYPE_CHECKING:  # pragma: no cover
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["classify_referrers", "audit_pages", "group_posts"]


def _frame(table: smo.ArrowTable, index: Any) -> pd.DataFrame:
    out = table.to_pandas()
    out.index = index
    return out


def _meta(table: smo.ArrowTable) -> pd.DataFrame:
    return table.to_pandas().iloc[:0]


def classify_referrers(
    ddf: dd.DataFrame,
    referrer: str = "referrer",
    *,
    page: str | None = None,
    page_url: str | None = None,
    internal_hosts: Sequence[str] = (),
    mastodon_instances: Sequence[str] = (),
) -> dd.DataFrame:
    """medium, source, network, term and channel of each row's ``referrer`` (categoricals),
    on the partitions' own index."""
    import pyarrow as pa

    opts: dict[str, Any] = {"internal_hosts": list(internal_hosts), "mastodon_instances": list(mastodon_instances)}

    def run(part: pd.DataFrame) -> pd.DataFrame:
        pages = pa.array(part[page], pa.string()) if page else None
        out = smo.classify_referrers(pa.array(part[referrer], pa.string()), page_url, pages=pages, threads=1, **opts)
        return _frame(out, part.index)

    meta = _meta(smo.classify_referrers(pa.array([], pa.string())))
    return ddf.map_partitions(run, meta=meta)


def audit_pages(ddf: dd.DataFrame, url: str = "url", html: str = "html", **options: Any) -> dd.DataFrame:
    """One row per page of a crawl stored as (url, html) rows: the columns of
    :func:`smo.audit_pages` (``options`` are its keyword arguments)."""
    import pyarrow as pa

    def run(part: pd.DataFrame) -> pd.DataFrame:
        urls = pa.array(part[url], pa.string())
        pages = pa.array(part[html], pa.binary() if len(part) and isinstance(part[html].iloc[0], bytes) else pa.string())
        return _frame(smo.audit_pages(urls, pages, threads=1, **options), part.index)

    meta = _meta(smo.audit_pages(pa.array([], pa.string()), pa.array([], pa.binary())))
    return ddf.map_partitions(run, meta=meta)


def group_posts(
    ddf: dd.DataFrame,
    kpis: Sequence[str],
    *,
    by: Sequence[str] = (),
    period: str | None = None,
    time_zone: str = "UTC",
    mapping: dict[str, str] | None = None,
    partition_by: Sequence[str] = (),
) -> dd.DataFrame:
    """KPIs per group as :func:`smo.group_posts` computes them, one row per group.

    The rows are shuffled so that each value of the ``partition_by`` columns lies in one
    partition (``shuffle(on=partition_by)``), then each partition is grouped in one task; name
    there only columns whose values are canonical ids, as in :func:`smo.spark.group_posts`.
    With none, all rows are grouped in one task."""
    kw: dict[str, Any] = {"by": list(by), "period": period, "time_zone": time_zone, "mapping": mapping}
    kpi_list = list(kpis)

    def run(part: pd.DataFrame) -> pd.DataFrame:
        return smo.group_posts(part, kpi_list, threads=1, **kw).to_arrow().to_pandas()

    meta = run(ddf._meta)
    if partition_by:
        return ddf.shuffle(on=list(partition_by)).map_partitions(run, meta=meta)
    return ddf.repartition(npartitions=1).map_partitions(run, meta=meta)
