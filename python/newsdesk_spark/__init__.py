"""newsdesk on Apache Spark: a manifest of inputs becomes shard indexes on the executors, merged into one.

Shaped like Common Crawl's cc-pyspark: the driver reads a manifest of paths or URIs
(local paths, ``file://``, ``http(s)://`` and whatever Hadoop file systems the cluster
has), cuts it into contiguous partitions (balanced by bytes when the sizes are known),
and each executor task ingests its partition into its own shard index with the
``newsdesk`` binary shipped by ``spark-submit --files``. The driver then runs
``newsdesk merge`` over the shards in manifest order, so the merged index is the one a
single ``newsdesk ingest`` of the same inputs gives. Modules: :mod:`.manifest`
(planning, no Spark), :mod:`.shard` (executor side), :mod:`.parquet` (the optional
dataset), :mod:`.job` (the driver; ``spark-submit python/newsdesk_spark/job.py``).
"""

__all__ = ["manifest", "shard", "parquet", "job"]
