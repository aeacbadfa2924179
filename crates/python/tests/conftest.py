"""Shared fixtures: the repository root, the `newsdesk` binary to compare against."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "fixtures" / "articles").glob("*.txt"))


def binary() -> Path:
    """The newsdesk binary: $NEWSDESK_BIN, else the workspace's release or debug build."""
    env = os.environ.get("NEWSDESK_BIN")
    if env:
        path = Path(env)
        if not path.is_file():
            raise RuntimeError(f"NEWSDESK_BIN={env} is not a file")
        return path
    for profile in ("release", "debug"):
        path = ROOT / "target" / profile / "newsdesk"
        if path.is_file():
            return path
    pytest.skip("no newsdesk binary: set NEWSDESK_BIN or cargo build -p newsdesk-cli")


def run(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    """Runs the binary from the repository root."""
    return subprocess.run(
        [str(binary()), *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        check=False,
    )


def binary_records(*args: str, stdin: bytes = b"") -> list:
    """The records `newsdesk extract --json ARGS` prints, parsed."""
    out = run("extract", "--json", *args, stdin=stdin)
    assert out.returncode in (0, 1), out.stderr.decode()
    return [json.loads(line) for line in out.stdout.decode().splitlines()]


@pytest.fixture
def at_root(monkeypatch):
    """Runs the test from the repository root, so that relative sources match the binary's."""
    monkeypatch.chdir(ROOT)
    return ROOT
