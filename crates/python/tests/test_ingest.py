"""ingest: the same index as `newsdesk ingest`, idempotent, failures as exceptions."""

import re

import pytest

import newsdesk
from conftest import ROOT, run

INPUTS = ["fixtures/articles", "fixtures/formats/seeds.jsonl"]


def listing(index, *args):
    out = run(*args[:1], "--index", str(index), *args[1:])
    assert out.returncode == 0, out.stderr.decode()
    return out.stdout.decode()


def test_ingest_gives_the_index_the_binary_gives(at_root, tmp_path):
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    summary = newsdesk.ingest(INPUTS, ours, threads=2)
    out = run("ingest", "--index", str(theirs), "--threads", "2", *INPUTS)
    assert out.returncode == 0, out.stderr.decode()
    # The binary's last line: read 6 documents: I indexed, R replaced, U unchanged, F failed (E extracted) in ...
    line = out.stderr.decode().strip().splitlines()[-1]
    counts = re.match(
        r"read (\d+) documents: (\d+) indexed, (\d+) replaced, (\d+) unchanged, (\d+) failed \((\d+) extracted\)",
        line,
    )
    assert counts, line
    read, indexed, replaced, unchanged, failed, extracted = map(int, counts.groups())
    assert read == 6
    assert summary == {
        "read": read,
        "indexed": indexed,
        "replaced": replaced,
        "unchanged": unchanged,
        "failed": failed,
        "extracted": extracted,
        "failures": [],
        "stories_error": None,
    }
    for query in (["search", "--json", "--all", "ceasefire"], ["stories", "--json", "--min-size", "1"]):
        assert listing(ours, *query) == listing(theirs, *query), query
    assert listing(ours, "stories", "--json", "--min-size", "1").count("\n") >= 1


def test_ingest_is_idempotent_and_accepts_path_objects(at_root, tmp_path):
    index = tmp_path / "index"
    first = newsdesk.ingest([ROOT / "fixtures" / "articles"], str(index), stories=False)
    assert first["indexed"] == 3
    again = newsdesk.ingest([ROOT / "fixtures" / "articles"], index, stories=False)
    assert (again["indexed"], again["unchanged"]) == (0, 3)


def test_failed_documents_raise_after_the_others_are_indexed(at_root, tmp_path):
    index = tmp_path / "index"
    with pytest.raises(newsdesk.NewsdeskError) as raised:
        newsdesk.ingest(["fixtures/articles", "fixtures/bad/empty.txt", "missing.txt"], index)
    err = raised.value
    assert "2 documents failed to ingest into" in str(err)
    assert "fixtures/bad/empty.txt: empty document" in err.failures
    assert any("missing.txt" in f for f in err.failures)
    assert err.summary["indexed"] == 3 and err.summary["failed"] == 2
    hits = listing(index, "search", "--json", "ceasefire")
    assert hits, "the good documents were kept"


def test_failures_are_only_listed_with_errors_ignore(at_root, tmp_path):
    summary = newsdesk.ingest(["fixtures/bad"], tmp_path / "index", errors="ignore", stories=False)
    assert summary["failed"] == len(summary["failures"]) > 0
    assert all(f.startswith("fixtures/bad/") for f in summary["failures"])


def test_an_unusable_index_raises(at_root, tmp_path):
    not_a_dir = tmp_path / "file"
    not_a_dir.write_text("not an index")
    with pytest.raises(newsdesk.NewsdeskError, match="cannot open index"):
        newsdesk.ingest(["fixtures/articles"], not_a_dir)


def test_ingest_arguments_are_checked(tmp_path):
    with pytest.raises(TypeError):
        newsdesk.ingest("fixtures/articles", tmp_path)
    with pytest.raises(ValueError, match="commit_every"):
        newsdesk.ingest([], tmp_path, commit_every=0)
    with pytest.raises(ValueError, match="threads"):
        newsdesk.ingest([], tmp_path, threads=0)
