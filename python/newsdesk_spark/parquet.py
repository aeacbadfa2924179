"""The extraction as a Parquet dataset: one row per document (first copy in input order), for Spark SQL."""

from __future__ import annotations

import datetime
import json
from typing import Any, Dict, Optional, Tuple


def schema():
    """The dataset's Spark schema: the ``extract --json`` record less ``removed``."""
    from pyspark.sql.types import (
        ArrayType,
        DateType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    def s(name):
        return StructField(name, StringType(), True)

    def n(name):
        return StructField(name, LongType(), True)

    mention = StructType([n("start"), n("end"), s("text")])
    entity = StructType([s("label"), s("name"), StructField("mentions", ArrayType(mention), True)])
    quote = StructType([s("text"), s("speaker"), s("cue"), n("start"), n("end")])
    quantity = StructType(
        [
            s("text"),
            StructField("value", DoubleType(), True),
            s("unit"),
            s("qualifier"),
            s("of"),
            s("count"),
            s("period"),
            n("start"),
            n("end"),
        ]
    )
    date = StructType([s("text"), s("value"), s("timex"), n("start"), n("end")])
    return StructType(
        [
            s("id"),
            s("source"),
            s("title"),
            StructField("published", DateType(), True),
            s("language"),
            s("text"),
            StructField("entities", ArrayType(entity), True),
            StructField("quotes", ArrayType(quote), True),
            StructField("claims", ArrayType(quote), True),
            StructField("quantities", ArrayType(quantity), True),
            StructField("dates", ArrayType(date), True),
            StructField("keywords", ArrayType(StringType()), True),
            StructField("extractors", ArrayType(StringType()), True),
        ]
    )


def _date(value: Optional[str]) -> Optional[datetime.date]:
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _num(value: Any) -> Optional[float]:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _int(value: Any) -> Optional[int]:
    return int(value) if isinstance(value, int) and not isinstance(value, bool) else None


def _str(value: Any) -> Optional[str]:
    return value if isinstance(value, str) else None


def row(record: Dict[str, Any]) -> Tuple:
    """One ``extract --json`` record as a tuple in :func:`schema` order."""
    spans = lambda items, fields: [  # noqa: E731
        tuple(_int(i.get(f)) if f in ("start", "end") else _str(i.get(f)) for f in fields) for i in items or []
    ]
    entities = [
        (_str(e.get("label")), _str(e.get("name")), spans(e.get("mentions"), ("start", "end", "text")))
        for e in record.get("entities") or []
    ]
    quantities = [
        (
            _str(q.get("text")),
            _num(q.get("value")),
            _str(q.get("unit")),
            _str(q.get("qualifier")),
            _str(q.get("of")),
            _str(q.get("count")),
            _str(q.get("period")),
            _int(q.get("start")),
            _int(q.get("end")),
        )
        for q in record.get("quantities") or []
    ]
    quote_fields = ("text", "speaker", "cue", "start", "end")
    return (
        _str(record.get("id")),
        _str(record.get("source")),
        _str(record.get("title")),
        _date(record.get("published")),
        _str(record.get("language")),
        _str(record.get("text")),
        entities,
        spans(record.get("quotes"), quote_fields),
        spans(record.get("claims"), quote_fields),
        quantities,
        spans(record.get("dates"), ("text", "value", "timex", "start", "end")),
        [k for k in record.get("keywords") or [] if isinstance(k, str)],
        [e for e in record.get("extractors") or [] if isinstance(e, str)],
    )


def _first(a, b):
    return a if a[0] <= b[0] else b


def write(spark, out, uri: str) -> int:
    """Writes the ``("row", shard, seq, json)`` records of ``out`` as Parquet at ``uri``.

    A document found in several inputs (the same content id) keeps its first copy in
    manifest order, as the index does. Returns the number of rows.
    """
    keyed = out.filter(lambda r: r[0] == "row").map(lambda r: ((r[1], r[2]), json.loads(r[3])))
    first = keyed.map(lambda kv: (kv[1].get("id"), (kv[0], kv[1]))).reduceByKey(_first)
    rows = first.map(lambda kv: row(kv[1][1]))
    frame = spark.createDataFrame(rows, schema())
    frame.write.mode("overwrite").parquet(uri)
    return spark.read.parquet(uri).count()
