"""Driver: plan the partitions, make one shard per partition on the executors, merge the shards.

Run it with spark-submit (the ``newsdesk`` binary shipped beside it)::

    spark-submit --master spark://127.0.0.1:7077 --files target/release/newsdesk \\
        python/newsdesk_spark/job.py --num-partitions 8 manifest.txt out/index

Exit status as ``newsdesk ingest``'s: 0 every document processed, 1 some documents
failed (each reported on standard error), 2 nothing could be done.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.request
import zipfile
from typing import Dict, List, Optional, Sequence

if __package__ in (None, ""):
    # Run as a script by spark-submit: import the package this file belongs to.
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    from newsdesk_spark import manifest, parquet, shard  # noqa: E402
else:
    from . import manifest, parquet, shard


class JobError(RuntimeError):
    """A failure that stops the whole job (exit status 2)."""


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="newsdesk_spark",
        description="Ingest the inputs a manifest lists into shard indexes on Spark executors, "
        "then merge them into one newsdesk index.",
    )
    p.add_argument("manifest", help="file of paths or URIs, one a line (.gz read as gzip); a local path or a Hadoop/HTTP URI")
    p.add_argument("output", help="the merged index: a local directory, or a Hadoop URI to upload it to")
    p.add_argument("--num-partitions", type=int, default=None, help="shards to make (default: the cluster's default parallelism)")
    p.add_argument("--input-base-url", default=None, help="prefix for relative manifest lines (s3a://commoncrawl/ for Common Crawl)")
    p.add_argument("--newsdesk", default="newsdesk", help="the newsdesk binary: a name shipped with --files, a path on every node, or on PATH")
    p.add_argument("--threads", type=int, default=None, help="--threads of each shard's ingest (default: spark.task.cpus)")
    p.add_argument("--format", default=None, help="--format for the ingest (default: auto)")
    p.add_argument("--published", default=None, help="--published for the ingest (YYYY-MM-DD)")
    p.add_argument("--ingest-arg", action="append", default=[], metavar="ARG", help="another argument for each shard's ingest (repeatable)")
    p.add_argument("--shard-dir", default=None, help="a folder every executor and the driver can reach: shards are moved there instead of being sent to the driver through Spark")
    p.add_argument("--work-dir", default=None, help="the driver's local folder for the shards before the merge (default: a temporary folder)")
    p.add_argument("--keep-shards", action="store_true", help="keep the shard indexes after the merge")
    p.add_argument("--shards-only", action="store_true", help="make the shards and stop: no merge (they stay in --work-dir, with stories profiles but no stories: newsdesk merge groups them)")
    p.add_argument("--parquet", default=None, metavar="URI", help="also write the extraction as a Parquet dataset there (one row per document)")
    p.add_argument("--summary", default=None, metavar="PATH", help="write the figures of the run as JSON to this local file")
    args = p.parse_args(list(argv))
    if args.num_partitions is not None and args.num_partitions < 1:
        p.error("--num-partitions must be at least 1")
    if args.threads is not None and args.threads < 1:
        p.error("--threads must be at least 1")
    if args.shards_only and not args.work_dir:
        p.error("--shards-only needs --work-dir (where the shards stay)")
    return args


def read_manifest(sc, uri: str) -> List[str]:
    """The manifest's lines: a local file (gzip when it ends in .gz), HTTP, or any Hadoop URI."""
    kind = manifest.route(uri)
    if kind == manifest.LOCAL:
        path = manifest.local_path(uri)
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:
            raise JobError(f"cannot read the manifest {uri}: {e.strerror}") from e
    elif kind == manifest.HTTP:
        try:
            with urllib.request.urlopen(uri, timeout=120) as r:
                data = r.read()
        except OSError as e:
            raise JobError(f"cannot fetch the manifest {uri}: {e}") from e
    else:
        return [str(line) for line in sc.textFile(uri, 1).collect()]
    if uri.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as e:
            raise JobError(f"the manifest {uri} is not valid gzip: {e}") from e
    return data.decode("utf-8", "replace").splitlines()


def ship_package(sc, work: str) -> None:
    """Sends this package to the executors (so nobody has to pass --py-files)."""
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(work, "newsdesk_spark.zip")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for name in sorted(os.listdir(here)):
            if name.endswith(".py"):
                z.write(os.path.join(here, name), f"newsdesk_spark/{name}")
    sc.addPyFile(target)


def records_rdd(sc, parts):
    """One Spark partition per planned part, records ``(entry, route, bytes or None)`` in order.

    Local and HTTP entries travel as names; a Hadoop entry is read by the executors' JVM
    (``binaryFiles``), so any file system the cluster is configured for works.
    """
    if all(kind != manifest.HADOOP for part in parts for _, kind in part):
        # Names only: one element per slice is one partition per part, and the records
        # stay in the same Python pipeline as the shard (a union and a coalesce would cut
        # it, and start a second Python runner per task).
        named = [[(entry, kind, None) for entry, kind in part] for part in parts]
        return sc.parallelize(named, len(named)).flatMap(lambda part: part)
    rdds = []
    for part in parts:
        pieces = []
        names: List = []
        for entry, kind in part:
            if kind == manifest.HADOOP:
                if names:
                    pieces.append(sc.parallelize(names, 1))
                    names = []
                pieces.append(
                    sc.binaryFiles(entry, 1).map(lambda kv, e=entry: (hadoop_source(e, kv[0]), manifest.HADOOP, kv[1]))
                )
            else:
                names.append((entry, kind, None))
        if names:
            pieces.append(sc.parallelize(names, 1))
        rdd = pieces[0] if len(pieces) == 1 else sc.union(pieces)
        if rdd.getNumPartitions() != 1:
            rdd = rdd.coalesce(1)
        rdds.append(rdd)
    return sc.union(rdds)


def hadoop_source(entry: str, path: str) -> str:
    """The source name of a file ``binaryFiles`` read for a manifest entry: the entry as
    written when it named that file, the file's full URI when the entry was a folder."""
    from urllib.parse import urlsplit

    want = urlsplit(entry).path.rstrip("/")
    got = urlsplit(path).path.rstrip("/")
    return entry if want == got else path


def fetch_shards(out, work: str, parts: int) -> List[Optional[str]]:
    """Writes the shards' tar chunks, partition by partition, under ``work`` and unpacks them."""
    tars: Dict[int, str] = {}
    handle = None
    current = -1
    for rec in out.filter(lambda r: r[0] == "tar").toLocalIterator():
        _, number, _seq, chunk = rec
        if number != current:
            if handle:
                handle.close()
            current = number
            tars[number] = os.path.join(work, f"part-{number:05d}.tar")
            handle = open(tars[number], "wb")
        assert handle is not None
        handle.write(chunk)
    if handle:
        handle.close()
    dirs: List[Optional[str]] = [None] * parts
    for number, tar_path in sorted(tars.items()):
        dest = os.path.join(work, f"part-{number:05d}")
        if os.path.exists(dest):
            shutil.rmtree(dest)
        os.makedirs(dest)
        with tarfile.open(tar_path) as tar:
            try:
                tar.extractall(dest, filter="data")
            except TypeError:  # Python before 3.11.4 has no filter
                tar.extractall(dest)
        os.remove(tar_path)
        dirs[number] = dest
    return dirs


def upload(sc, local: str, uri: str) -> None:
    """Copies a local folder to a Hadoop URI through the driver's Hadoop FileSystem."""
    jvm = sc._jvm
    conf = sc._jsc.hadoopConfiguration()
    dst = jvm.org.apache.hadoop.fs.Path(uri)
    fs = dst.getFileSystem(conf)
    if fs.exists(dst):
        fs.delete(dst, True)
    fs.copyFromLocalFile(False, True, jvm.org.apache.hadoop.fs.Path("file://" + os.path.abspath(local)), dst)


def run(args: argparse.Namespace) -> int:
    from pyspark import SparkConf, SparkContext, StorageLevel

    started = time.monotonic()
    # A bare SparkContext: a SparkSession (seconds more to start, and pyspark.sql to
    # import) is made only when the Parquet dataset is asked for.
    sc = SparkContext.getOrCreate(SparkConf().setAppName("newsdesk"))
    figures: Dict[str, object] = {"session_secs": time.monotonic() - started}
    own_work = args.work_dir is None
    work = tempfile.mkdtemp(prefix="newsdesk-spark-") if own_work else os.path.abspath(args.work_dir)
    os.makedirs(work, exist_ok=True)
    try:
        ship_package(sc, work)
        lines = read_manifest(sc, args.manifest)
        try:
            parts = manifest.plan(lines, args.num_partitions or sc.defaultParallelism, args.input_base_url)
        except manifest.ManifestError as e:
            raise JobError(f"{args.manifest}: {e}") from e
        if not parts:
            raise JobError(f"the manifest {args.manifest} lists no inputs")
        threads = args.threads or int(sc.getConf().get("spark.task.cpus", "1"))
        common = []
        if args.format:
            common += ["--format", args.format]
        if args.published:
            common += ["--published", args.published]
        shard_dir = os.path.abspath(args.shard_dir) if args.shard_dir else None
        if shard_dir:
            os.makedirs(shard_dir, exist_ok=True)
        options = {
            "newsdesk": args.newsdesk,
            "cwd": os.getcwd(),
            "threads": threads,
            # The merge groups the stories over the union; a shard's own grouping would be
            # thrown away, so shards store the profiles (computed on the executors) only.
            "ingest_args": common + ["--defer-stories"] + list(args.ingest_arg),
            "extract_args": common,
            "shard_dir": shard_dir,
            "parquet": bool(args.parquet),
        }
        records = records_rdd(sc, parts)
        out = records.mapPartitionsWithIndex(lambda i, it: shard.make_shard(i, it, options))
        out.persist(StorageLevel.DISK_ONLY)
        t0 = time.monotonic()
        stats = sorted(out.filter(lambda r: r[0] == "stats").map(lambda r: (r[1], r[2])).collect())
        figures["shards_secs"] = time.monotonic() - t0
        failed = 0
        totals = {"read": 0, "indexed": 0, "failed": 0}
        for number, s in stats:
            print(f"shard {number:05d}: {shard.stats_json(s)}", file=sys.stderr)
            for line in s.get("errors", []):
                print(line, file=sys.stderr)
            failed += int(s.get("failed", 0))
            for k in totals:
                totals[k] += int(s.get(k, 0))
        t0 = time.monotonic()
        if shard_dir:
            dirs = [os.path.join(shard_dir, f"part-{n:05d}") if s.get("shard") else None for n, s in stats]
        else:
            dirs = fetch_shards(out, work, len(parts))
        shards = [d for d in dirs if d]
        figures["fetch_secs"] = time.monotonic() - t0
        if args.parquet:
            t0 = time.monotonic()
            from pyspark.sql import SparkSession

            parquet.write(SparkSession.builder.getOrCreate(), out, args.parquet)
            figures["parquet_secs"] = time.monotonic() - t0
        out.unpersist()
        if not shards:
            raise JobError("no shard has any document: nothing to merge")
        if not args.shards_only:
            t0 = time.monotonic()
            merge(args, sc, shards, work)
            figures["merge_secs"] = time.monotonic() - t0
            if not args.keep_shards:
                for d in shards:
                    shutil.rmtree(d, ignore_errors=True)
        figures.update(
            partitions=len(parts),
            shards=len(shards),
            inputs=sum(len(p) for p in parts),
            total_secs=time.monotonic() - started,
            **totals,
        )
        print(
            f"newsdesk_spark: {figures['inputs']} inputs in {len(parts)} partitions, "
            f"{totals['read']} documents read, {totals['indexed']} indexed in shards, {failed} failed; "
            f"shards {figures['shards_secs']:.1f}s, merge {figures.get('merge_secs', 0.0):.1f}s, "
            f"total {figures['total_secs']:.1f}s",
            file=sys.stderr,
        )
        if args.summary:
            with open(args.summary, "w") as f:
                json.dump({**figures, "shard_dirs": shards if args.keep_shards or args.shards_only else []}, f, indent=1, sort_keys=True)
        return 1 if failed else 0
    finally:
        if own_work:
            shutil.rmtree(work, ignore_errors=True)
        sc.stop()


def merge(args: argparse.Namespace, sc, shards: List[str], work: str) -> None:
    """``newsdesk merge --index OUT SHARD...`` on the driver; a Hadoop output is merged locally and uploaded."""
    binary = shard.find_binary(args.newsdesk)
    remote = manifest.route(args.output) != manifest.LOCAL
    target = os.path.join(work, "merged") if remote else manifest.local_path(args.output)
    done = subprocess.run([binary, "merge", "--index", target, *shards], stderr=subprocess.PIPE)
    sys.stderr.write(done.stderr.decode("utf-8", "replace"))
    if done.returncode != 0:
        raise JobError(f"newsdesk merge into {target} exited {done.returncode}")
    if remote:
        upload(sc, target, args.output)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return run(args)
    except (JobError, shard.ShardError, OSError) as e:
        print(f"error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
