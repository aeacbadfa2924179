"""Planning a manifest: routes, directory order, staging names and balanced contiguous cuts."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))

from newsdesk_spark import manifest, parquet, shard  # noqa: E402


class Routes(unittest.TestCase):
    def test_routes(self):
        cases = [
            ("fixtures/a.txt", manifest.LOCAL),
            ("/abs/b.warc.gz", manifest.LOCAL),
            ("file:///abs/b.warc.gz", manifest.LOCAL),
            ("https://data.example/x.warc.gz", manifest.HTTP),
            ("s3a://commoncrawl/crawl-data/CC-NEWS/x.warc.gz", manifest.HADOOP),
            ("hdfs:///data/x.warc.gz", manifest.HADOOP),
            ("C:/x.txt", manifest.LOCAL),
            ("notes:today.txt", manifest.LOCAL),
        ]
        for entry, expected in cases:
            self.assertEqual(manifest.route(entry), expected, entry)

    def test_file_uris_become_paths(self):
        self.assertEqual(manifest.local_path("file:///a/b%20c.txt"), "/a/b c.txt")
        self.assertEqual(manifest.local_path("rel/x.txt"), "rel/x.txt")
        with self.assertRaises(manifest.ManifestError):
            manifest.local_path("file://otherhost/a")

    def test_entries_skip_comments_and_join_the_base(self):
        lines = ["# CC-NEWS", "", "crawl-data/CC-NEWS/2024/01/a.warc.gz\n", "  /local/b.txt  "]
        self.assertEqual(
            manifest.entries(lines, "s3a://commoncrawl/"),
            ["s3a://commoncrawl/crawl-data/CC-NEWS/2024/01/a.warc.gz", "/local/b.txt"],
        )
        with self.assertRaises(manifest.ManifestError):
            manifest.entries(["s3a://bucket/../escape"])

    def test_stage_names_keep_the_uri(self):
        self.assertEqual(manifest.stage_name("s3a://bucket/k/a.warc.gz"), "s3a:/bucket/k/a.warc.gz")
        self.assertEqual(manifest.stage_name("https://h.example/x?y=1"), "https:/h.example/x?y=1")


class Expand(unittest.TestCase):
    def test_directories_walk_like_the_ingest(self):
        with tempfile.TemporaryDirectory() as d:
            for rel in ["b/2.txt", "b/1.txt", "a.txt", "B.txt", ".hidden/x.txt", "c/.dot.txt", "c/d/e.txt"]:
                path = os.path.join(d, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                open(path, "w").close()
            os.symlink(d, os.path.join(d, "c", "loop"))
            got = [os.path.relpath(p, d) for p in manifest.expand(d)]
            # Byte order: upper case first; hidden skipped; the loop back to the root read once.
            self.assertEqual(got, ["B.txt", "a.txt", "b/1.txt", "b/2.txt", "c/d/e.txt"])
            self.assertEqual(manifest.expand(os.path.join(d, "a.txt")), [os.path.join(d, "a.txt")])


class Cut(unittest.TestCase):
    def check(self, n, parts, sizes, expected):
        items = [str(i) for i in range(n)]
        got = manifest.cut(items, parts, sizes)
        self.assertEqual([len(run) for run in got], expected)
        self.assertEqual([x for run in got for x in run], items)

    def test_cuts(self):
        self.check(10, 2, None, [5, 5])
        self.check(10, 3, None, [3, 4, 3])
        self.check(3, 8, None, [1, 1, 1])
        self.check(0, 4, None, [])
        self.check(4, 2, [100, 1, 1, 1], [1, 3])
        self.check(5, 2, [1, 1, 1, 1, 100], [4, 1])
        self.check(6, 3, [10, 10, 10, 10, 10, 10], [2, 2, 2])

    def test_zero_partitions_is_an_error(self):
        with self.assertRaises(ValueError):
            manifest.cut(["a"], 0)


class Summaries(unittest.TestCase):
    def test_ingest_summary_and_errors(self):
        stderr = (
            "error: bad.txt: empty document\n"
            "stories: 9 documents added (grouped anew), 6 stories, 2 records rebuilt in 0.02s\n"
            "read 46 documents: 9 indexed, 0 replaced, 23 unchanged, 14 failed in 0.33s\n"
        )
        self.assertEqual(
            shard.parse_summary(stderr),
            {"read": 46, "indexed": 9, "replaced": 0, "unchanged": 23, "failed": 14},
        )
        self.assertEqual(shard.failures(stderr), ["error: bad.txt: empty document"])


class Rows(unittest.TestCase):
    def test_a_record_becomes_a_row_in_schema_order(self):
        record = {
            "id": "e6891ba45abfb71d",
            "source": "a.txt",
            "title": None,
            "published": "2020-03-05",
            "language": "en",
            "text": "Erdogan said",
            "entities": [{"label": "PERSON", "name": "Recep Tayyip Erdogan", "mentions": [{"start": 0, "end": 7, "text": "Erdogan"}]}],
            "quotes": [],
            "claims": [],
            "quantities": [{"text": "6km", "value": 6000, "unit": "m", "qualifier": None, "start": 0, "end": 3}],
            "dates": [{"text": "on Thursday", "value": "2020-03-05", "start": 1, "end": 2}],
            "keywords": ["erdogan"],
            "extractors": ["entities", "quotes"],
        }
        row = parquet.row(record)
        self.assertEqual(row[0], "e6891ba45abfb71d")
        self.assertEqual(str(row[3]), "2020-03-05")
        self.assertEqual(row[6], [("PERSON", "Recep Tayyip Erdogan", [(0, 7, "Erdogan")])])
        self.assertEqual(row[9], [("6km", 6000.0, "m", None, None, None, None, 0, 3)])
        self.assertEqual(row[10], [("on Thursday", "2020-03-05", None, 1, 2)])
        self.assertEqual(row[11], ["erdogan"])
        self.assertEqual(row[12], ["entities", "quotes"])

    def test_bad_dates_are_null(self):
        self.assertIsNone(parquet.row({"published": "not a date"})[3])


if __name__ == "__main__":
    unittest.main()
