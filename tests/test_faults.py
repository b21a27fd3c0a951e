"""Faults during an ingest (issue 14): kill -9 at random moments, Ctrl+C, a full disk. After
each the store opens, holds no half-loaded document, and ingesting again converges to exactly
the stats of a clean ingest."""

import os
import random
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

from .faults import (
    assert_no_half_document,
    plangraph,
    start_ingest,
    stats,
    tasks_by_file,
    write_corpus,
)
from .long_results import record


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A synthetic corpus of 12 plans and the stats of its clean ingest."""
    root = tmp_path_factory.mktemp("corpus")
    write_corpus(root / "docs", 12, seed=7)
    clean = root / "clean.lbdb"
    assert plangraph("--db", clean, "ingest", root / "docs").exit_code == 0
    return root / "docs", stats(clean), tasks_by_file(clean)


def kill_during_ingest(docs, db, reference, kills, rng):
    """`kills` times: start an ingest, kill -9 it at a random moment, check the store."""
    survived = 0
    for _ in range(kills):
        proc = start_ingest(db, docs)
        time.sleep(rng.uniform(0.5, 6.0))
        proc.send_signal(signal.SIGKILL)
        # its extraction workers exit with it: else they hold its pipes open for ever
        proc.communicate(timeout=30)
        assert_no_half_document(db, reference)
        survived += 1
    return survived


def test_kill_9_during_an_ingest_leaves_no_half_document(corpus, tmp_path):
    docs, clean_stats, reference = corpus
    db = tmp_path / "g.lbdb"
    survived = kill_during_ingest(docs, db, reference, kills=3, rng=random.Random(14))
    assert survived == 3
    result = plangraph("--db", db, "ingest", docs)
    assert result.exit_code == 0, result.output
    assert stats(db) == clean_stats


def test_ctrl_c_stops_after_the_current_document_with_a_summary(corpus, tmp_path):
    docs, _, reference = corpus
    db = tmp_path / "g.lbdb"
    # one document a transaction (-j 1): with extraction workers an ingest writes 8 to 32 of
    # the 12 documents a transaction, and the one being written when Ctrl+C comes is finished,
    # so whether any is left after the first is in would be a race
    proc = start_ingest(db, "-j", "1", docs)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if db.exists() and assert_no_half_document(db, reference) >= 1:
            break  # the first document is in
        time.sleep(0.1)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "Đã dừng (Ctrl+C) sau" in err and "interrupted after" in err
    assert "Đã nạp" in out and "Loaded" in out
    loaded = assert_no_half_document(db, reference)
    assert 1 <= loaded < len(reference)


TMPFS_MB = 48  # the 12 plans' store with its log and checkpoint: ~25 MB at its peak


@pytest.fixture
def small_disk(tmp_path):
    """A tmpfs of TMPFS_MB (root only; CI runs as root)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={TMPFS_MB}m",
                           f"plangraph-test-{uuid.uuid4().hex[:8]}", str(mount)],
                          capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_full_disk_stops_the_ingest_with_the_store_intact(corpus, small_disk, monkeypatch):
    docs, _, reference = corpus
    big = small_disk / "big.lbdb"
    # the margin must hold one document's write and its checkpoint (the derived counts'
    # tables made that more than 1.5 MB here)
    monkeypatch.setenv("PLANGRAPH_MIN_FREE_MB", "2.5")
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * ((TMPFS_MB - 4) << 20))  # leave ~4 MB to the store
    result = plangraph("--db", big, "ingest", docs)
    assert result.exit_code == 1, result.output
    assert "Đĩa sắp đầy / disk almost full" in result.stderr
    assert "Traceback" not in result.output
    loaded = assert_no_half_document(big, reference)
    assert loaded < len(reference)
    filler.unlink()  # room again: ingesting converges
    result = plangraph("--db", big, "ingest", docs)
    assert result.exit_code == 0, result.output
    assert assert_no_half_document(big, reference) == len(reference)


def test_a_damaged_write_ahead_log_is_named_with_what_to_do(corpus, tmp_path):
    db = tmp_path / "g.lbdb"
    proc = start_ingest(db, corpus[0])
    time.sleep(4)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    wal = Path(f"{db}.wal")
    if not wal.exists():
        pytest.skip("the ingest was killed before it wrote a log")
    data = bytearray(wal.read_bytes())
    data[len(data) // 2:] = b"\xff" * (len(data) - len(data) // 2)
    wal.write_bytes(bytes(data))
    result = plangraph("--db", db, "stats")
    assert result.exit_code == 1
    assert "write-ahead log" in result.output or "cannot open store" in result.output
    assert "Traceback" not in result.output


@pytest.mark.long
def test_twenty_kills_during_a_long_ingest_lose_no_document(tmp_path):
    docs = tmp_path / "docs"
    write_corpus(docs, 40, seed=14)
    clean = tmp_path / "clean.lbdb"
    assert plangraph("--db", clean, "ingest", docs).exit_code == 0
    reference = tasks_by_file(clean)
    db = tmp_path / "g.lbdb"
    survived = kill_during_ingest(docs, db, reference, kills=20, rng=random.Random(2026))
    result = plangraph("--db", db, "ingest", docs)
    assert result.exit_code == 0, result.output
    lost = len(reference) - assert_no_half_document(db, reference)
    assert stats(db) == stats(clean)
    record("kill_9", kills=20, survived=survived, documents=len(reference), lost=lost)
    assert lost == 0
