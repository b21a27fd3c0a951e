"""Bad files given to `extract` and `ingest` (issue 14): each is refused with one line naming
the file — no traceback — with a non-zero exit, within the input limits, and the store keeps
exactly what it held. The limits are in ingest/read/limits.py."""

import json
import re
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.ingest.read import limits

from . import hostile_files as bad
from .conftest import SEEDS
from .long_results import record


def plangraph(*args):
    return CliRunner().invoke(main, [*map(str, args)])


def snapshot(db):
    """Everything a user can see of the store: counts, plans and their hashes, tasks."""
    from plangraph.graph.store import open_store

    with open_store(str(db), read_only=True) as store:
        stats = store.stats()
        plans = store.run("MATCH (p:Plan) RETURN p.id, p.file, p.content_hash ORDER BY p.id").rows
        tasks = store.run("MATCH (t:Task) RETURN t.id, t.text ORDER BY t.id").rows
    return json.dumps([stats, plans, tasks], ensure_ascii=False, sort_keys=True)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """A store holding two sample plans, and its snapshot."""
    db = tmp_path_factory.mktemp("store") / "g.lbdb"
    result = plangraph("--db", db, "ingest", SEEDS["tq2024_table"], SEEDS["tv2023_agency_headed"])
    assert result.exit_code == 0, result.output
    return db, snapshot(db)


def assert_one_line_refusal(result, path):
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = [ln for ln in result.stderr.splitlines() if path.name.split("\n")[0] in ln]
    assert lines, result.stderr
    return lines[0]


@pytest.mark.parametrize("kind", sorted(bad.BAD_FILES))
def test_a_bad_file_is_refused_by_extract_in_one_line(kind, tmp_path):
    path = bad.BAD_FILES[kind](tmp_path)
    result = plangraph("extract", path)
    line = assert_one_line_refusal(result, path)
    assert line.startswith(f"Error: {path.name}: ")
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


@pytest.mark.parametrize("kind", sorted(bad.BAD_FILES))
def test_a_bad_file_is_refused_by_ingest_and_the_store_is_unchanged(kind, tmp_path, loaded):
    db, before = loaded
    path = bad.BAD_FILES[kind](tmp_path)
    result = plangraph("--db", db, "ingest", path)
    line = assert_one_line_refusal(result, path)
    assert line.startswith(f"{path}: ")
    assert snapshot(db) == before


def test_a_folder_of_bad_files_names_each_and_loads_the_good_one(tmp_path, loaded):
    db, before = loaded
    folder = tmp_path / "tai ve"
    folder.mkdir()
    made = [build(folder) for build in bad.BAD_FILES.values()]
    shutil.copy(SEEDS["tq2023_agency_headed"], folder)
    result = plangraph("--db", tmp_path / "new.lbdb", "ingest", folder)
    assert result.exit_code == 1
    assert "Đã nạp 1 văn bản: 1 kế hoạch" in result.stdout
    for path in made:
        assert f"{path}: " in result.stderr
    assert f"Lỗi / failed: {len(made)} văn bản" in result.stderr
    assert "Traceback" not in result.output


# ---------------------------------------------------------------- limits


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = bad.big_text(tmp_path, megabytes=50)
    assert path.stat().st_size > limits.MAX_TEXT_FILE_BYTES
    line = assert_one_line_refusal(plangraph("extract", path), path)
    assert "quá lớn" in line and "too large: 50 MB" in line


def test_too_many_lines_are_refused(tmp_path):
    path = bad.many_lines(tmp_path, n=limits.MAX_LINES + 1)
    assert "quá nhiều dòng / too many lines" in assert_one_line_refusal(plangraph("extract", path),
                                                                         path)


def test_an_overlong_line_is_refused_with_its_number(tmp_path):
    path = bad.long_line(tmp_path, megabytes=1)
    line = assert_one_line_refusal(plangraph("extract", path), path)
    assert "dòng quá dài / line too long" in line
    n = len(bad.PLAN_TEXT.encode()[:3000].decode(errors="ignore").split("\n"))
    assert re.search(rf"\b{n}\b", line), line


def test_a_docx_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    path = bad.docx_zip_bomb(tmp_path)
    line = assert_one_line_refusal(plangraph("extract", path), path)
    assert "giải nén quá lớn / too large uncompressed" in line


def test_the_limits_leave_room_for_every_sample_plan():
    for path in SEEDS.values():
        text = path.read_text(encoding="utf-8")
        assert path.stat().st_size * 20 < limits.MAX_TEXT_FILE_BYTES
        assert len(text.splitlines()) * 20 < limits.MAX_LINES
        assert max(map(len, text.splitlines())) * 5 < limits.MAX_LINE_CHARS


# ---------------------------------------------------------------- encodings that still read


def test_utf16_without_a_bom_is_read(tmp_path):
    result = plangraph("extract", "--format", "json", bad.utf16_without_bom(tmp_path))
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["tasks"]) >= 20


def test_a_file_half_utf8_half_windows_1258_is_read_line_by_line(tmp_path):
    whole = plangraph("extract", "--format", "json", bad.PLAN)
    mixed = plangraph("extract", "--format", "json", bad.mixed_encodings(tmp_path))
    assert mixed.exit_code == 0, mixed.output
    tasks = [t["text"] for t in json.loads(whole.stdout)["tasks"]]
    assert [t["text"] for t in json.loads(mixed.stdout)["tasks"]] == tasks


def test_badly_damaged_utf8_is_refused_rather_than_read_as_mojibake(tmp_path):
    path = bad.invalid_utf8(tmp_path)
    line = assert_one_line_refusal(plangraph("extract", path), path)
    assert "UTF-8" in line


# ---------------------------------------------------------------- names and folders


@pytest.mark.parametrize("name", bad.ODD_NAMES)
def test_odd_file_names_are_read_and_named_as_they_are(name, tmp_path):
    path = bad.odd_name(tmp_path, name)
    result = plangraph("--db", tmp_path / "g.lbdb", "ingest", path)
    assert result.exit_code == 0, result.output
    assert "Đã nạp 1 văn bản: 1 kế hoạch" in result.stdout
    result = plangraph("extract", "--format", "json", path)
    assert json.loads(result.stdout)["file"] == name


def test_symlink_loops_and_dangling_links_are_named_not_followed(tmp_path):
    folder = bad.symlink_loop(tmp_path)
    shutil.copy(SEEDS["tq2023_agency_headed"], folder / "a")
    result = plangraph("--db", tmp_path / "g.lbdb", "ingest", folder)
    assert result.exit_code == 1
    assert "Đã nạp 1 văn bản" in result.stdout
    assert "tu.txt: " in result.stderr and "mat.txt: " in result.stderr
    assert "Traceback" not in result.output


# Limits for a folder of tiny files, on a loaded 2-core machine: seconds per 100 files, and the
# memory of the ingest's biggest process (the ingest or one of its extraction workers).
SECONDS_PER_100_FILES = 60
MAX_RSS_MB = 1024
MEASURE = """
import resource, subprocess, sys, time
t = time.monotonic()
r = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(r.returncode, round(time.monotonic() - t, 1),
      resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
sys.stdout.write(r.stdout); sys.stderr.write(r.stderr)
"""


def a_folder_of_tiny_files_reports_each(tmp_path, loaded, n):
    """Every file named or counted once, one summary, time and memory bounded, the store as
    it was (none of them is a plan)."""
    db, before = loaded
    folder = bad.thousand_files(tmp_path, n)
    run = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "plangraph",
                          "--db", str(db), "ingest", str(folder)], capture_output=True, text=True)
    status, *out = run.stdout.split("\n", 1)
    code, seconds, rss_mb = status.split()
    out = out[0] if out else ""
    assert int(code) == 1 and "Traceback" not in run.stderr, run.stderr[-2000:]
    failed = [ln for ln in run.stderr.splitlines()
              if re.match(rf"{re.escape(str(folder))}/\d{{4}}\.txt: ", ln)]
    loaded_n = [int(m) for m in re.findall(r"Đã nạp (\d+) văn bản", out)]
    assert len(loaded_n) == 1 and len(failed) + loaded_n[0] == n, out
    assert float(seconds) < SECONDS_PER_100_FILES * n / 100, seconds
    assert int(rss_mb) < MAX_RSS_MB, rss_mb
    assert snapshot(db) == before
    record(f"tiny_files_{n}", files=n, refused=len(failed), seconds=float(seconds),
           max_rss_mb=int(rss_mb))


def test_a_folder_of_a_hundred_tiny_files_reports_each(tmp_path, loaded):
    a_folder_of_tiny_files_reports_each(tmp_path, loaded, 100)


@pytest.mark.long
def test_a_folder_of_a_thousand_tiny_files_reports_each(tmp_path, loaded):
    a_folder_of_tiny_files_reports_each(tmp_path, loaded, 1000)
