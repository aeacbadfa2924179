"""Type stubs of the newsdesk package (the native module newsdesk._newsdesk)."""

import datetime
import os
from typing import Any, Dict, List, Literal, Optional, Sequence, Union

__version__: str

Format = Literal["auto", "text", "html", "jsonl", "warc", "feed"]
Errors = Literal["raise", "ignore"]
Data = Union[str, bytes, bytearray]
Date = Union[str, datetime.date]
Path = Union[str, "os.PathLike[str]"]

# One record, as `newsdesk extract --json` prints it: id, source, title, published,
# language, text, removed, entities, quotes, quantities, dates, claims, keywords,
# extractors, and
# authors, url, outlet, dateline when known (see CONTRACT.md for every field).
Record = Dict[str, Any]

class NewsdeskError(Exception):
    """A document could not be processed, or the index could not be used."""

    failures: List[str]
    """One line per failed document (set when documents failed)."""
    summary: Dict[str, Any]
    """The run's summary (set by ingest)."""

def extract(
    data: Data,
    *,
    format: Format = "auto",
    published: Optional[Date] = None,
    source: Optional[str] = None,
) -> Record:
    """Extract one document: the record `newsdesk extract --json` prints for it."""

def extract_records(
    data: Data,
    *,
    format: Format = "auto",
    published: Optional[Date] = None,
    source: Optional[str] = None,
    errors: Errors = "raise",
) -> List[Record]:
    """Extract every document of one input (JSON lines, WARC, feed, or one document)."""

def extract_many(
    docs: Sequence[Data],
    *,
    format: Format = "auto",
    published: Optional[Date] = None,
    sources: Optional[Sequence[str]] = None,
    threads: Optional[int] = None,
    errors: Errors = "raise",
) -> List[Optional[Record]]:
    """Extract many documents on Rust threads (GIL released), one record each, in order."""

def extract_paths(
    paths: Sequence[Path],
    *,
    format: Format = "auto",
    published: Optional[Date] = None,
    threads: Optional[int] = None,
    errors: Errors = "raise",
) -> List[Record]:
    """Extract every document of files and directories, as `newsdesk extract --json`."""

def ingest(
    paths: Sequence[Path],
    index: Path,
    *,
    format: Format = "auto",
    published: Optional[Date] = None,
    threads: Optional[int] = None,
    stories: bool = True,
    commit_every: int = 10000,
    errors: Errors = "raise",
) -> Dict[str, Any]:
    """Ingest files and directories into an index directory, as `newsdesk ingest`."""
