"""smo inside Spark: a few lines over smo's Arrow kernels, so that the work runs in Spark's
Python workers, batch by batch, without a row ever becoming a Python object.

Each helper takes a Spark DataFrame and returns one; Spark plans and runs it. smo must be
installed where the workers run (the same wheel as the driver). Every call passes ``threads=1``:
Spark already runs one task per core, and a pool per task would oversubscribe the machine.

>>> from pyspark.sql import SparkSession               # doctest: +SKIP
>>> spark = SparkSession.builder.master("local[2]").getOrCreate()   # doctest: +SKIP
>>> visits = spark.createDataFrame([("https://t.co/x",), ("https://www.google.fr/search?q=lin",)], ["referrer"])  # doctest: +SKIP
>>> smo.spark.classify_referrers(visits).show()          # doctest: +SKIP

Functions: :func:`classify_referrers` (``mapInArrow``), :func:`audit_pages` (``mapInArrow``
over a crawl stored as (url, html) rows) and :func:`group_posts` (``groupBy(...).applyInArrow``:
each group of keys is computed whole in one task, so the numbers, period-over-period changes
included, are those of :func:`smo.group_posts` over all rows).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import smo

if TYPE_CHECKING:  # pragma: no cover
    import pyarrow as pa
    from pyspark.sql import DataFrame

__all__ = ["classify_referrers", "audit_pages", "group_posts"]

# Spark's Arrow exchange has no dictionaries nor unsigned integers: results are cast to these.
_REFERRER_FIELDS = "medium string, source string, network string, term string, channel string"
_AUDIT_FIELDS = (
    "url string, error string, overall double, previews double, discoverability double, "
    "sharing double, community double, errors int, warnings int, notices int, "
    "failed_rules array<string>, fix_html string, findings string"
)


def _plain(table: pa.Table, schema: pa.Schema) -> Iterator[pa.RecordBatch]:
    """The table cast to Spark's types (dictionaries decoded, unsigned widened)."""
    yield from table.cast(schema).to_batches()


def _schemas(df: DataFrame, ddl: str) -> tuple[Any, pa.Schema]:
    """The Spark schema of a DDL string and its Arrow form, made on the driver (parsing DDL
    needs the JVM, which Python workers do not have)."""
    from pyspark.sql.pandas.types import to_arrow_schema
    from pyspark.sql.types import StructType

    struct = StructType.fromDDL(ddl) if hasattr(StructType, "fromDDL") else df.sparkSession.createDataFrame([], ddl).schema
    return struct, to_arrow_schema(struct, timezone="UTC")


def classify_referrers(
    df: DataFrame,
    referrer: str = "referrer",
    *,
    page: str | None = None,
    page_url: str | None = None,
    keep: Sequence[str] = (),
    internal_hosts: Sequence[str] = (),
    mastodon_instances: Sequence[str] = (),
) -> DataFrame:
    """The columns of ``keep``, then medium, source, network, term and channel of each row's
    ``referrer`` (landing page in column ``page``, or ``page_url`` for all rows)."""
    kept = [f.simpleString().replace(":", " ", 1) for f in df.schema.fields if f.name in keep]
    ddl = ", ".join([*kept, _REFERRER_FIELDS])
    hosts, instances = list(internal_hosts), list(mastodon_instances)
    struct, schema = _schemas(df, ddl)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa

        for b in batches:
            out = smo.classify_referrers(
                b.column(referrer),
                page_url,
                pages=b.column(page) if page else None,
                internal_hosts=hosts,
                mastodon_instances=instances,
                threads=1,
            )
            t = pa.table(out)
            for name in reversed(list(keep)):
                t = t.add_column(0, name, b.column(name))
            yield from _plain(t, schema)

    return df.select(*dict.fromkeys([*keep, referrer, *([page] if page else [])])).mapInArrow(run, struct)


def audit_pages(df: DataFrame, url: str = "url", html: str = "html", **options: Any) -> DataFrame:
    """One row per page of a crawl stored as (url, html) rows: the columns of
    :func:`smo.audit_pages` (``options`` are its keyword arguments)."""

    struct, schema = _schemas(df, _AUDIT_FIELDS)

    def run(batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        import pyarrow as pa

        for b in batches:
            out = smo.audit_pages(b.column(url), b.column(html), threads=1, **options)
            yield from _plain(pa.table(out), schema)

    return df.select(url, html).mapInArrow(run, struct)


def group_posts(
    df: DataFrame,
    kpis: Sequence[str],
    *,
    by: Sequence[str] = (),
    period: str | None = None,
    time_zone: str = "UTC",
    mapping: dict[str, str] | None = None,
    partition_by: Sequence[str] = (),
) -> DataFrame:
    """KPIs per group as :func:`smo.group_posts` computes them, one row per group.

    The rows of each value of the ``partition_by`` columns go to one task
    (``groupBy(*partition_by).applyInArrow``), which groups them by ``by`` and period, so
    period-over-period changes are exact. Name there only columns whose values are already
    canonical (``instagram``, not ``Instagram`` and ``IG``), as smo's loaders write them: a
    group split across two values would come out twice. With none, all rows go to one task."""
    import pyarrow as pa

    # The result's columns depend on the KPIs only: computed once on no rows, on the driver.
    empty = pa.table({f.name: pa.array([], _spark_input_type(f.dataType)) for f in df.schema.fields})
    probe = pa.table(smo.group_posts(empty, list(kpis), by=list(by), period=period, time_zone=time_zone, mapping=mapping))
    ddl = ", ".join(f"`{f.name}` {_ddl_type(f.type)}" for f in probe.schema)
    struct, schema = _schemas(df, ddl)
    kpi_list, by_list = list(kpis), list(by)

    def run(table: pa.Table) -> pa.Table:
        out = smo.group_posts(table, kpi_list, by=by_list, period=period, time_zone=time_zone, mapping=mapping, threads=1)
        return pa.table(out).cast(schema)

    return df.groupBy(*partition_by).applyInArrow(run, struct)


def _spark_input_type(t: Any) -> pa.DataType:
    from pyspark.sql.pandas.types import to_arrow_type

    # Spark's timestamps are instants; Arrow carries them with a zone.
    return to_arrow_type(t, timezone="UTC")


def _ddl_type(t: pa.DataType) -> str:
    import pyarrow as pa

    if pa.types.is_date32(t):
        return "date"
    if pa.types.is_integer(t):
        return "bigint"
    if pa.types.is_floating(t):
        return "double"
    return "string"
