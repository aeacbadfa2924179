"""extract_many and extract_paths: Rust threads, input order, errors by position."""

import threading

import pytest

import newsdesk
from conftest import ROOT, SEEDS, binary_records

WORDS = ["ceasefire", "corridor", "patrols", "ministers", "border", "talks", "convoy", "summit"]


def report(i):
    """A distinct small article, so that order mistakes show."""
    text = f"Report {i} from the desk. Officials said on Thursday that talks in Geneva would resume."
    for j in range(8):
        text += f" The {WORDS[(i + j) % len(WORDS)]} was discussed in round {j} of case {i}."
    return text


def test_batch_keeps_input_order_and_equals_one_by_one():
    docs = [report(i) for i in range(60)]
    one_by_one = [newsdesk.extract(d) for d in docs]
    for threads in (1, 2, 4):
        got = newsdesk.extract_many(docs, threads=threads)
        assert got == one_by_one, f"threads={threads}"
    assert [d["text"].split(" from")[0] for d in got] == [f"Report {i}" for i in range(60)]


def test_batch_of_seeds_with_sources_equals_the_binary():
    rels = [str(p.relative_to(ROOT)) for p in SEEDS]
    expected = binary_records(*rels)
    docs = [p.read_bytes() for p in SEEDS]
    assert newsdesk.extract_many(docs, sources=rels) == expected
    backwards = newsdesk.extract_many(docs[::-1], sources=rels[::-1], threads=2)
    assert backwards == expected[::-1]


def test_batch_failures_raise_by_position_or_give_none():
    docs = [report(0), "", report(2), b"\x00\x01\x02\xff" * 64]
    with pytest.raises(newsdesk.NewsdeskError) as raised:
        newsdesk.extract_many(docs)
    assert raised.value.failures == [
        "docs[1]: -: empty document",
        "docs[3]: -: binary content, not text",
    ]
    assert str(raised.value).startswith("2 documents failed: docs[1]: -: empty document")
    got = newsdesk.extract_many(docs, errors="ignore", threads=2)
    assert got[1] is None and got[3] is None
    assert got[0] == newsdesk.extract(docs[0]) and got[2] == newsdesk.extract(docs[2])


def test_batch_arguments_are_checked():
    with pytest.raises(ValueError, match="sources has 1 names for 2 documents"):
        newsdesk.extract_many(["a", "b"], sources=["x"])
    with pytest.raises(ValueError, match="threads must be at least 1"):
        newsdesk.extract_many(["a"], threads=0)
    with pytest.raises(ValueError, match="errors must be"):
        newsdesk.extract_many(["a"], errors="skip")
    with pytest.raises(TypeError):
        newsdesk.extract_many("not a list of documents")
    assert newsdesk.extract_many([]) == []


def test_concurrent_python_threads_get_the_same_records():
    docs = [report(i) for i in range(12)]
    expected = [newsdesk.extract(d) for d in docs]
    results = [None] * 4

    def work(k):
        results[k] = [newsdesk.extract(d) for d in docs]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_extract_paths_equals_the_binary_over_directories(at_root):
    expected = binary_records("fixtures/formats", "fixtures/articles")
    got = newsdesk.extract_paths(["fixtures/formats", "fixtures/articles"], threads=2)
    assert got == expected
    assert len(got) == 18


def test_extract_paths_failures_name_the_documents(at_root):
    with pytest.raises(newsdesk.NewsdeskError) as raised:
        newsdesk.extract_paths(["fixtures/bad", "no/such/file.txt"])
    failures = raised.value.failures
    assert any(f.startswith("fixtures/bad/empty.txt:") for f in failures)
    assert any("no/such/file.txt" in f for f in failures)
    good = newsdesk.extract_paths(["fixtures/bad"], errors="ignore")
    assert good == binary_records("fixtures/bad")
