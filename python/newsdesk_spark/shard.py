"""Executor side: one partition of the manifest becomes one shard index, by the ``newsdesk`` binary."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
import time
import urllib.request
from typing import Dict, Iterable, Iterator, List, Optional, Tuple

from . import manifest

#: Bytes of a shard's tar stream per record sent back to the driver.
CHUNK_BYTES = 16 * 1024 * 1024
#: Paths per ``newsdesk`` invocation, well under the kernel's argument limit.
ARGS_PER_CALL = 2000

_SUMMARY = re.compile(
    r"read (\d+) documents?: (\d+) indexed, (\d+) replaced, (\d+) unchanged, (\d+) failed"
)


class ShardError(RuntimeError):
    """A partition that could not be made into a shard (the message names it and why)."""


def find_binary(name: str) -> str:
    """The ``newsdesk`` executable to run: shipped with ``--files`` (``SparkFiles``), a path, or on ``PATH``."""
    if os.sep not in name:
        try:
            from pyspark import SparkFiles

            shipped = SparkFiles.get(name)
            if os.path.isfile(shipped):
                if not os.access(shipped, os.X_OK):
                    os.chmod(shipped, 0o755)
                return shipped
        except Exception:  # noqa: BLE001 - no SparkContext here: not shipped
            pass
    if os.path.isfile(name) and os.access(name, os.X_OK):
        return os.path.abspath(name)
    found = shutil.which(name)
    if found:
        return found
    raise ShardError(
        f"cannot find the newsdesk binary `{name}`: ship it with spark-submit --files, "
        "or give a path that exists on every node"
    )


def scratch_root() -> Optional[str]:
    """The executor's scratch folder: Spark's or YARN's local directories when set."""
    for var in ("SPARK_LOCAL_DIRS", "LOCAL_DIRS"):
        value = os.environ.get(var)
        if value:
            first = value.split(",")[0]
            if os.path.isdir(first):
                return first
    return None


def fetch_http(url: str, dest: str, timeout: float = 600.0) -> None:
    """Streams an HTTP(S) input to ``dest``."""
    request = urllib.request.Request(url, headers={"User-Agent": "newsdesk-spark"})
    with urllib.request.urlopen(request, timeout=timeout) as response, open(dest, "wb") as out:
        shutil.copyfileobj(response, out, 1024 * 1024)


def parse_summary(stderr: str) -> Dict[str, int]:
    """The counts of ``newsdesk ingest``'s last summary line (zeros when there is none)."""
    counts = {"read": 0, "indexed": 0, "replaced": 0, "unchanged": 0, "failed": 0}
    for m in _SUMMARY.finditer(stderr):
        for key, value in zip(counts, m.groups()):
            counts[key] += int(value)
    return counts


def failures(stderr: str) -> List[str]:
    """The per-document error lines of an ingest's standard error."""
    return [line for line in stderr.splitlines() if line.startswith("error: ")]


def ingest(
    binary: str,
    index: str,
    paths: List[str],
    cwd: Optional[str],
    threads: int,
    extra: List[str],
    label: str,
) -> Tuple[Dict[str, int], List[str]]:
    """Runs ``newsdesk ingest`` over ``paths`` into ``index``; exit 1 (some documents failed) is kept."""
    counts = {"read": 0, "indexed": 0, "replaced": 0, "unchanged": 0, "failed": 0}
    lines: List[str] = []
    for start in range(0, len(paths), ARGS_PER_CALL):
        cmd = [binary, "ingest", "--index", index, "--threads", str(threads), *extra]
        cmd += paths[start : start + ARGS_PER_CALL]
        done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        stderr = done.stderr.decode("utf-8", "replace")
        if done.returncode not in (0, 1):
            raise ShardError(f"{label}: newsdesk ingest exited {done.returncode}: {stderr.strip()}")
        for key, value in parse_summary(stderr).items():
            counts[key] += value
        lines += failures(stderr)
    return counts, lines


def extract_rows(binary: str, paths: List[str], cwd: Optional[str], threads: int, extra: List[str]) -> Iterator[str]:
    """The ``extract --json`` records of ``paths``, one JSON line each, in input order."""
    for start in range(0, len(paths), ARGS_PER_CALL):
        cmd = [binary, "extract", "--json", "--threads", str(threads), *extra]
        cmd += paths[start : start + ARGS_PER_CALL]
        with subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as proc:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.strip():
                    yield line.decode("utf-8")
        if proc.returncode not in (0, 1):
            raise ShardError(f"newsdesk extract exited {proc.returncode}")


def tar_chunks(directory: str, tar_path: str) -> Iterator[bytes]:
    """The shard folder as an uncompressed tar stream, in chunks of :data:`CHUNK_BYTES`."""
    with tarfile.open(tar_path, "w", format=tarfile.PAX_FORMAT) as tar:
        tar.add(directory, arcname=".")
    with open(tar_path, "rb") as f:
        while True:
            chunk = f.read(CHUNK_BYTES)
            if not chunk:
                break
            yield chunk


def make_shard(
    number: int,
    records: Iterable[Tuple[str, str, Optional[bytes]]],
    options: Dict[str, object],
) -> Iterator[Tuple]:
    """Ingests one partition into its own shard index and yields what the driver needs.

    ``records`` are ``(entry, route, bytes)``: local entries are read where they are,
    HTTP entries fetched and Hadoop entries (``bytes`` read by the JVM through
    ``binaryFiles``) written into a staging folder under the entry's own name, so every
    document keeps its entry as ``source``. Yields ``("stats", number, dict)`` once, then
    either nothing more (``shard_dir`` given: the shard is moved there) or
    ``("tar", number, seq, bytes)`` chunks of the shard; with ``parquet`` also
    ``("row", number, seq, json_line)`` per extracted document.
    """
    entered = time.monotonic()
    label = f"shard {number:05d}"
    binary = find_binary(str(options["newsdesk"]))
    threads = int(options.get("threads", 1))  # type: ignore[arg-type]
    extra = list(options.get("ingest_args", []))  # type: ignore[arg-type]
    work = tempfile.mkdtemp(prefix=f"newsdesk-shard-{number:05d}-", dir=scratch_root())
    try:
        stage = os.path.join(work, "stage")
        os.mkdir(stage)
        # Runs of inputs read from one folder: relative local paths from the driver's
        # working folder, fetched inputs from the staging folder under their own names.
        home = str(options.get("cwd") or "")
        if not os.path.isdir(home):
            home = os.getcwd()
        runs: List[Tuple[str, List[str]]] = []
        for entry, kind, data in records:
            if kind == manifest.LOCAL:
                where = home
            else:
                where = stage
                dest = os.path.join(stage, manifest.stage_name(entry))
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                if kind == manifest.HTTP:
                    try:
                        fetch_http(entry, dest)
                    except OSError as e:
                        raise ShardError(f"{label}: cannot fetch {entry}: {e}") from e
                else:
                    with open(dest, "wb") as f:
                        f.write(data or b"")
            if runs and runs[-1][0] == where:
                runs[-1][1].append(entry)
            else:
                runs.append((where, [entry]))
        index = os.path.join(work, "index")
        inputs = sum(len(paths) for _, paths in runs)
        stats: Dict[str, object] = {"inputs": inputs, "errors": []}
        errors: List[str] = []
        began = time.monotonic()
        stats["setup_secs"] = round(began - entered, 3)
        for where, paths in runs:
            counts, lines = ingest(binary, index, paths, where, threads, extra, label)
            for key, value in counts.items():
                stats[key] = int(stats.get(key, 0)) + value  # type: ignore[arg-type]
            errors += lines
        stats["errors"] = errors
        stats["ingest_secs"] = round(time.monotonic() - began, 3)
        # No index when nothing could be read: a shard with nothing to merge.
        stats["shard"] = os.path.isdir(index)
        yield ("stats", number, stats)
        if options.get("parquet"):
            seq = 0
            for where, paths in runs:
                for line in extract_rows(binary, paths, where, threads, list(options.get("extract_args", []))):  # type: ignore[arg-type]
                    yield ("row", number, seq, line)
                    seq += 1
        shard_dir = options.get("shard_dir")
        if not stats["shard"]:
            return
        if shard_dir:
            final = os.path.join(str(shard_dir), f"part-{number:05d}")
            if os.path.exists(final):
                shutil.rmtree(final)
            shutil.move(index, final)
        else:
            for seq, chunk in enumerate(tar_chunks(index, os.path.join(work, "shard.tar"))):
                yield ("tar", number, seq, chunk)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def stats_json(stats: Dict[str, object]) -> str:
    """One shard's counts as a JSON line, for logs."""
    return json.dumps({k: v for k, v in stats.items() if k != "errors"}, sort_keys=True)
