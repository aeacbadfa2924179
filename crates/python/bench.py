"""Per-document extract throughput: the Python package vs the binary, on the same JSON lines.

    python crates/python/bench.py CORPUS.jsonl NEWSDESK_BIN

CORPUS is the bench's small tier (`cargo xtask bench` writes target/bench/corpus-small.jsonl)
or a prefix of it. Prints documents per second for `newsdesk extract --json --threads 1`
and for `newsdesk.extract(line, format="jsonl")` in a loop, one thread each.
"""

import subprocess
import sys
import time

import newsdesk

corpus, binary = sys.argv[1], sys.argv[2]
lines = open(corpus, "rb").read().splitlines()
t = time.perf_counter()
out = subprocess.run([binary, "extract", "--json", "--threads", "1", corpus], capture_output=True, check=False)
bin_s = time.perf_counter() - t
bin_docs = out.stdout.count(b"\n")
t = time.perf_counter()
py_docs = 0
for line in lines:
    try:
        newsdesk.extract(line, format="jsonl")
        py_docs += 1
    except newsdesk.NewsdeskError:
        pass
py_s = time.perf_counter() - t
print(f"binary: {bin_docs} docs in {bin_s:.2f}s = {bin_docs / bin_s:.1f} docs/s")
print(f"python: {py_docs} docs in {py_s:.2f}s = {py_docs / py_s:.1f} docs/s")
print(f"python / binary: {(py_docs / py_s) / (bin_docs / bin_s):.3f}")
