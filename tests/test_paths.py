"""Where results and stores go (issue 14): --db at a directory, at a file that is not a store,
in a read-only place; --html / -o / export into a missing folder, onto an existing file, onto
/dev/full. Each gives one line and a non-zero exit where it fails, and touches nothing else."""

import os
import stat
import subprocess
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangraph.cli import main

from .conftest import SEEDS

DOC = SEEDS["tq2024_table"]


def plangraph(*args):
    return CliRunner().invoke(main, [*map(str, args)])


def one_line_error(result):
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("Error")]
    assert len(errors) == 1, result.stderr
    return errors[0]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    db = tmp_path_factory.mktemp("paths") / "g.lbdb"
    assert plangraph("--db", db, "ingest", DOC).exit_code == 0
    return db


def test_db_at_a_directory(tmp_path):
    for command in (["ingest", DOC], ["stats"]):
        assert "is a directory" in one_line_error(plangraph("--db", tmp_path, *command))
    assert list(tmp_path.iterdir()) == []


def test_db_at_a_file_that_is_not_a_store_is_left_untouched(tmp_path):
    notes = tmp_path / "ghi chu.txt"
    notes.write_text("Ghi chú của tôi\n", encoding="utf-8")
    for command in (["ingest", DOC], ["stats"], ["query", "chu_tri_nhieu_nhat"]):
        assert "not a plangraph store" in one_line_error(plangraph("--db", notes, *command))
    assert notes.read_text(encoding="utf-8") == "Ghi chú của tôi\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ghi chu.txt"]


def test_db_at_a_device_or_a_pipe_is_refused_and_left_alone(tmp_path):
    pipe = tmp_path / "ong"
    os.mkfifo(pipe)
    places = [pipe] + [Path(d) for d in ("/dev/null", "/dev/full") if Path(d).exists()]
    for place in places:
        for command in (["ingest", DOC], ["stats"]):
            assert "not a regular file" in one_line_error(plangraph("--db", place, *command))
        assert not Path(f"{place}.lock").exists() and not Path(f"{place}.wal").exists()
    assert stat.S_ISFIFO(os.stat(pipe).st_mode) and [p.name for p in tmp_path.iterdir()] == ["ong"]


def test_db_where_nothing_can_be_written():
    line = one_line_error(plangraph("--db", "/proc/plangraph-test.lbdb", "ingest", DOC))
    assert "/proc/plangraph-test.lbdb" in line


@pytest.fixture
def read_only_copy(db, tmp_path):
    """The store on a read-only tmpfs (root only; CI runs as root)."""
    mount = tmp_path / "ro"
    mount.mkdir()
    if os.geteuid() != 0:
        pytest.skip("mounting a tmpfs needs root")
    name = f"plangraph-ro-{uuid.uuid4().hex[:8]}"
    if subprocess.run(["mount", "-t", "tmpfs", name, str(mount)]).returncode:
        pytest.skip("cannot mount a tmpfs here")
    try:
        (mount / db.name).write_bytes(db.read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / db.name
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def test_a_store_in_a_read_only_place_answers_queries_and_refuses_ingest(read_only_copy):
    result = plangraph("--db", read_only_copy, "stats", "--format", "json")
    assert result.exit_code == 0, result.output
    assert '"Plan": 1' in result.stdout
    line = one_line_error(plangraph("--db", read_only_copy, "ingest", DOC))
    assert "lock" in line or "Read-only" in line or "read-only" in line


def test_html_into_a_missing_folder_creates_it(db, tmp_path):
    page = tmp_path / "thư mục" / "mới" / "đồ thị.html"
    result = plangraph("--db", db, "query", "chu_tri_nhieu_nhat", "--html", page)
    assert result.exit_code == 0, result.output
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_html_onto_an_existing_file_replaces_it_and_says_so(db, tmp_path):
    page = tmp_path / "cu.html"
    page.write_text("bản cũ", encoding="utf-8")
    result = plangraph("--db", db, "query", "chu_tri_nhieu_nhat", "--html", page)
    assert result.exit_code == 0, result.output
    assert str(page) in result.stderr
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
@pytest.mark.parametrize("args", [
    ["query", "chu_tri_nhieu_nhat", "--html", "/dev/full"],
    ["query", "chu_tri_nhieu_nhat", "-o", "/dev/full"],
    ["export", "--format", "ttl", "-o", "/dev/full"],
    ["export", "--format", "graphml", "-o", "/dev/full"],
])
def test_writing_onto_dev_full_is_one_line_and_leaves_the_device(db, args):
    result = plangraph("--db", db, *args)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode), "/dev/full was replaced"
    assert result.exit_code in (1, 2), result.output  # 2: -o needs a known file type
    assert "Traceback" not in result.output
    assert len([ln for ln in result.stderr.splitlines() if ln.startswith("Error")]) == 1
    assert "/dev/full" in result.stderr


def test_export_into_a_missing_folder_says_so(db, tmp_path):
    out = tmp_path / "a" / "g.ttl"
    line = one_line_error(plangraph("--db", db, "export", "--format", "ttl", "-o", out))
    assert "no such directory" in line and not out.parent.exists()


def test_a_buffer_pool_too_small_for_the_store_says_how_to_change_it(db, monkeypatch):
    monkeypatch.setenv("PLANGRAPH_READ_POOL_MB", "1")
    line = one_line_error(plangraph("--db", db, "query", "chu_tri_nhieu_nhat"))
    assert "PLANGRAPH_READ_POOL_MB" in line and "1 MiB" in line
    monkeypatch.setenv("PLANGRAPH_READ_POOL_MB", "nhiều")
    assert "cần một số MiB" in one_line_error(plangraph("--db", db, "query",
                                                         "chu_tri_nhieu_nhat"))
    monkeypatch.setenv("PLANGRAPH_READ_POOL_MB", "0")  # LadybugDB's own default
    assert plangraph("--db", db, "query", "chu_tri_nhieu_nhat").exit_code == 0
