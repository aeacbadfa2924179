"""extract and extract_records: the same records as `newsdesk extract --json`, and bad input."""

import datetime

import pytest

import newsdesk
from conftest import ROOT, SEEDS, binary_records


def rel(path):
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_extract_equals_the_binary_field_for_field(seed):
    [expected] = binary_records(rel(seed))
    got = newsdesk.extract(seed.read_text(encoding="utf-8"), source=rel(seed))
    assert list(got) == list(expected), "same fields in the same order"
    for field in expected:
        assert got[field] == expected[field], field
    assert got["entities"], "the seeds name entities"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_extract_without_source_equals_the_binary_on_stdin(seed):
    data = seed.read_bytes()
    [expected] = binary_records("-", stdin=data)
    assert expected["source"] == "-"
    assert newsdesk.extract(data) == expected
    assert newsdesk.extract(data.decode("utf-8")) == expected


def test_published_is_assumed_and_resolves_relative_dates():
    seed = SEEDS[0]
    [expected] = binary_records("--published", "2020-03-07", rel(seed))
    text = seed.read_text(encoding="utf-8")
    by_str = newsdesk.extract(text, published="2020-03-07", source=rel(seed))
    by_date = newsdesk.extract(text, published=datetime.date(2020, 3, 7), source=rel(seed))
    assert by_str == expected
    assert by_date == expected
    assert expected["published"] == "2020-03-07"


def test_the_acceptance_one_liner():
    path = ROOT / "fixtures" / "articles" / "001_4ab497166198e562.txt"
    entity = newsdesk.extract(open(path).read())["entities"][0]
    assert set(entity) == {"label", "name", "mentions"}
    assert entity["label"] in {"PERSON", "ORG", "LOC", "MISC"}


@pytest.mark.parametrize(
    "name", ["seeds.jsonl", "seeds.warc.gz", "seeds.rss", "seeds.atom", "html/000_c3fdc311a6ea0004.html"]
)
def test_extract_records_equals_the_binary_on_every_format(name):
    path = ROOT / "fixtures" / "formats" / name
    expected = binary_records(rel(path))
    assert expected
    assert newsdesk.extract_records(path.read_bytes(), source=rel(path)) == expected


def test_html_format_is_forced():
    page = (ROOT / "fixtures" / "formats" / "html" / "001_4ab497166198e562.html").read_bytes()
    [expected] = binary_records("--format", "html", "-", stdin=page)
    assert newsdesk.extract(page, format="html") == expected
    as_text = newsdesk.extract(page, format="text")
    assert "<p>" in as_text["text"], "text takes the markup as the body"


def test_a_container_of_several_documents_is_refused_by_extract():
    data = (ROOT / "fixtures" / "formats" / "seeds.jsonl").read_bytes()
    with pytest.raises(newsdesk.NewsdeskError, match="3 documents; extract_records"):
        newsdesk.extract(data, format="jsonl")


def test_extract_records_raises_after_the_good_records_or_leaves_failures_out():
    path = ROOT / "fixtures" / "bad" / "malformed.jsonl"
    expected = binary_records(rel(path))
    assert len(expected) == 3
    with pytest.raises(newsdesk.NewsdeskError) as raised:
        newsdesk.extract_records(path.read_bytes(), source=rel(path))
    assert "fixtures/bad/malformed.jsonl#L3" in str(raised.value)
    assert len(raised.value.failures) == 1
    got = newsdesk.extract_records(path.read_bytes(), source=rel(path), errors="ignore")
    assert got == expected


@pytest.mark.parametrize(
    "name,message",
    [
        ("empty.txt", "empty document"),
        ("garbage.bin", "binary content, not text"),
        ("nobody.html", "no article text found"),
    ],
)
def test_bad_documents_raise_naming_the_document(name, message):
    path = ROOT / "fixtures" / "bad" / name
    with pytest.raises(newsdesk.NewsdeskError) as raised:
        newsdesk.extract(path.read_bytes(), source=rel(path))
    assert str(raised.value) == f"{rel(path)}: {message}"
    # The binary reports the same message for the same file.
    from conftest import run

    out = run("extract", "--json", rel(path))
    assert f"error: {rel(path)}: {message}" in out.stderr.decode()


def test_invalid_utf8_is_decoded_with_a_warning_like_the_binary():
    path = ROOT / "fixtures" / "bad" / "invalid-utf8.txt"
    [expected] = binary_records(rel(path))
    doc = newsdesk.extract(path.read_bytes(), source=rel(path))
    assert doc == expected
    assert "\ufffd" in doc["text"]
    assert doc["warnings"] == ["invalid UTF-8 from byte 129: broken sequences replaced by U+FFFD"]


def test_empty_input_without_a_source_is_named_as_stdin():
    for empty in ("", b""):
        with pytest.raises(newsdesk.NewsdeskError, match="^-: empty document$"):
            newsdesk.extract(empty)


def test_non_utf8_bytes_in_a_legacy_charset_are_decoded():
    text = "Le ministre a déclaré que la trêve tiendrait, selon l'agence.".encode("latin-1")
    doc = newsdesk.extract(text)
    assert "déclaré" in doc["text"]


@pytest.mark.parametrize(
    "kwargs,error,message",
    [
        ({"format": "pdf"}, ValueError, "pdf"),
        ({"published": "yesterday"}, ValueError, "YYYY-MM-DD"),
        ({"published": 20200305}, TypeError, "published"),
    ],
)
def test_bad_arguments_raise_python_errors(kwargs, error, message):
    with pytest.raises(error, match=message):
        newsdesk.extract("Officials said the talks would resume.", **kwargs)


def test_data_must_be_text_or_bytes():
    with pytest.raises(TypeError):
        newsdesk.extract(123)
