"""The manifest: which inputs there are, how each is read, and how they are cut into partitions."""

from __future__ import annotations

import os
import posixpath
from typing import Iterable, List, Optional, Sequence, Tuple
from urllib.parse import unquote, urlsplit

#: Read straight from the executor's file system (a plain path or ``file://``).
LOCAL = "local"
#: Fetched over HTTP(S) by the executor itself, streamed to a staging file.
HTTP = "http"
#: Read through the cluster's Hadoop FileSystem (``hdfs://``, ``s3a://``, ``gs://``, ...).
HADOOP = "hadoop"


class ManifestError(ValueError):
    """A manifest line that cannot be used, with the line number it came from."""


def entries(lines: Iterable[str], base: Optional[str] = None) -> List[str]:
    """The inputs a manifest names, in order: blank lines and ``#`` comments skipped.

    A relative entry (no scheme, not absolute) is joined to ``base`` when one is given,
    as Common Crawl's ``warc.paths.gz`` lists ``crawl-data/...`` keys relative to the bucket.
    """
    out = []
    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if base and not has_scheme(line) and not line.startswith("/"):
            line = base.rstrip("/") + "/" + line.lstrip("/")
        if route(line) != LOCAL and ".." in urlsplit(line).path.split("/"):
            raise ManifestError(f"manifest line {number}: `..` in a URI is not allowed: {line}")
        out.append(line)
    return out


def has_scheme(entry: str) -> bool:
    """Whether the entry is a URI (``scheme://...`` or ``scheme:/...``) rather than a path."""
    scheme = urlsplit(entry).scheme
    # A one-letter scheme is a Windows drive, never a file system of a cluster.
    return len(scheme) > 1 and (entry[len(scheme) + 1 :].startswith("/"))


def route(entry: str) -> str:
    """How an executor reads the entry: :data:`LOCAL`, :data:`HTTP` or :data:`HADOOP`."""
    if not has_scheme(entry):
        return LOCAL
    scheme = urlsplit(entry).scheme.lower()
    if scheme == "file":
        return LOCAL
    if scheme in ("http", "https"):
        return HTTP
    return HADOOP


def local_path(entry: str) -> str:
    """The file-system path of a local entry (``file:///a/b`` -> ``/a/b``; paths unchanged)."""
    if has_scheme(entry) and urlsplit(entry).scheme.lower() == "file":
        parts = urlsplit(entry)
        if parts.netloc not in ("", "localhost"):
            raise ManifestError(f"a file URI names another host: {entry}")
        return unquote(parts.path)
    return entry


def expand(path: str) -> List[str]:
    """The files a local path stands for, in the order ``newsdesk ingest`` reads them.

    A file is itself; a directory is walked recursively with hidden entries skipped,
    symbolic links followed, cycles broken and the files in byte-wise sorted path
    order (``newsdesk_ingest::expand_paths``), so that a shard ingest sees its
    documents in the order one ingest of the same paths would.
    """
    if not os.path.isdir(path):
        return [path]
    found = []
    seen = set()
    dirs = [path]
    while dirs:
        current = dirs.pop()
        real = os.path.realpath(current)
        if real in seen:
            continue
        seen.add(real)
        try:
            names = os.listdir(current)
        except OSError:
            # The ingest reports it under the directory's name.
            found.append(current)
            continue
        for name in names:
            if name.startswith("."):
                continue
            child = os.path.join(current, name)
            if os.path.isdir(child):
                dirs.append(child)
            elif os.path.isfile(child):
                found.append(child)
    found.sort(key=os.fsencode)
    return found


def stage_name(entry: str) -> str:
    """Where a fetched entry is written under a staging folder, relative to it.

    The ingest then runs in the staging folder with the entry itself as its argument, so
    ``s3a://bucket/key.warc.gz`` is read from ``s3a:/bucket/key.warc.gz`` there and the
    documents keep the URI as their ``source``.
    """
    name = posixpath.normpath(entry.replace("://", ":/", 1))
    if name.startswith("/") or name.startswith(".."):
        raise ManifestError(f"cannot stage {entry}")
    return name


def cut(items: Sequence[str], partitions: int, sizes: Optional[Sequence[int]] = None) -> List[List[str]]:
    """Cuts the inputs into at most ``partitions`` contiguous runs, keeping their order.

    With ``sizes`` (bytes per input) the runs are balanced by bytes, else by count. Runs
    are never empty; fewer inputs than partitions give one run per input.
    """
    if partitions < 1:
        raise ValueError("the number of partitions must be at least 1")
    n = len(items)
    if n == 0:
        return []
    parts = min(partitions, n)
    weights = [max(1, s) for s in sizes] if sizes is not None else [1] * n
    total = sum(weights)
    out: List[List[str]] = []
    start = 0
    acc = 0
    for k in range(1, parts):
        goal = total * k / parts
        end = start + 1
        acc += weights[start]
        # Extend while the run stays closer to its share, leaving one input per later run.
        while end < n - (parts - k) and abs(acc + weights[end] - goal) <= abs(acc - goal):
            acc += weights[end]
            end += 1
        out.append(list(items[start:end]))
        start = end
    out.append(list(items[start:]))
    return out


def plan(lines: Iterable[str], partitions: int, base: Optional[str] = None) -> List[List[Tuple[str, str]]]:
    """The partitions of a manifest: lists of ``(entry, route)``, local directories expanded."""
    items: List[Tuple[str, str]] = []
    for entry in entries(lines, base):
        kind = route(entry)
        if kind == LOCAL:
            path = local_path(entry)
            items.extend((p, LOCAL) for p in expand(path))
        else:
            items.append((entry, kind))
    sizes: Optional[List[int]] = []
    for entry, kind in items:
        if kind != LOCAL or sizes is None:
            sizes = None
            continue
        try:
            sizes.append(os.path.getsize(entry))
        except OSError:
            sizes.append(0)
    keys = [f"{i}" for i in range(len(items))]
    runs = cut(keys, partitions, sizes)
    return [[items[int(k)] for k in run] for run in runs]
