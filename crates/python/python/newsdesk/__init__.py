"""newsdesk: news articles into structured records (entities, quotes, quantities, dates,
claims, keywords) and a searchable index, on the Rust pipeline of the ``newsdesk`` binary.

``extract`` returns the record ``newsdesk extract --json`` prints for a document, as a
dict; ``extract_many`` does the same for many documents on Rust threads with the GIL
released; ``extract_records`` and ``extract_paths`` read containers and files;
``ingest`` writes files into an index directory, as ``newsdesk ingest`` does.

>>> import newsdesk
>>> doc = newsdesk.extract("Turkey and Russia agreed a ceasefire, officials said.")
>>> sorted(e["name"] for e in doc["entities"])
['Russia', 'Turkey']
"""

from ._newsdesk import (
    NewsdeskError,
    __version__,
    extract,
    extract_many,
    extract_paths,
    extract_records,
    ingest,
)

__all__ = [
    "NewsdeskError",
    "__version__",
    "extract",
    "extract_many",
    "extract_paths",
    "extract_records",
    "ingest",
]
