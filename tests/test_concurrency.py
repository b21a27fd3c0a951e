"""One writer per embedded store, readers beside it (issue 14): a second writer — another
process or the same one — is refused with a message naming the holder; the lock dies with its
process; queries running beside an ingest see each document whole or not at all; a notebook
holding the store open does not damage it."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from plangraph import api
from plangraph.cli import main
from plangraph.graph.lock import lock_path
from plangraph.graph.store import StoreError, open_store

from .conftest import PLANS, SEEDS

HOLD = """
import sys, time
from plangraph.graph.store import open_store
store = open_store(sys.argv[1])
print("ready", flush=True)
time.sleep(60)
"""


def plangraph(*args):
    return CliRunner().invoke(main, [*map(str, args)])


@pytest.fixture
def writer(tmp_path):
    """Another process holding the store open for writing."""
    db = tmp_path / "g.lbdb"
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE,
                            text=True)
    assert proc.stdout.readline().strip() == "ready"
    yield db, proc
    proc.kill()
    proc.wait()


def test_a_second_writing_process_is_refused_with_the_holders_pid(writer):
    db, proc = writer
    result = plangraph("--db", db, "ingest", SEEDS["tq2024_table"])
    assert result.exit_code == 1
    assert f"PID {proc.pid}" in result.output
    assert "đang được một tiến trình khác ghi" in result.output
    assert "being written by another process" in result.output
    assert "Traceback" not in result.output


def test_a_reader_is_not_refused_beside_a_writer(writer):
    db, _ = writer
    with open_store(str(db), read_only=True) as store:
        assert store.stats()["nodes"]["Plan"] == 0


def test_the_lock_dies_with_its_process(writer):
    db, proc = writer
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert lock_path(db).exists()  # a stale file, locking nothing
    result = plangraph("--db", db, "ingest", SEEDS["tq2024_table"])
    assert result.exit_code == 0, result.output


def test_a_second_writer_in_the_same_process_is_refused(tmp_path):
    db = tmp_path / "g.lbdb"
    with open_store(str(db)):
        with pytest.raises(StoreError, match=f"PID {os.getpid()}"):
            open_store(str(db))
    with open_store(str(db)) as again:  # closing released it
        assert again.stats()["nodes"]["Plan"] == 0


LONG_INGEST = """
import sys
from plangraph.cli import main
main(["--db", sys.argv[1], "ingest", *sys.argv[2:]])
"""


def expected_tasks() -> dict[str, int]:
    from plangraph.ingest.extract import extract_file

    return {p.name: len(extract_file(p).tasks) for p in SEEDS.values()}


def whole(db, expected):
    """What a reader sees: every plan with all its tasks, no task without its plan."""
    with open_store(str(db), read_only=True) as store:
        plans = dict(store.run("MATCH (p:Plan) OPTIONAL MATCH (p)-[:CO_NHIEM_VU]->(t:Task) "
                               "RETURN p.file, count(t)").rows)
        orphans = store.run("MATCH (t:Task) WHERE NOT EXISTS { MATCH (:Plan)-[:CO_NHIEM_VU]->(t) }"
                            " RETURN count(t)").rows[0][0]
    assert orphans == 0
    assert all(expected[f] == n for f, n in plans.items()), plans
    return len(plans)


def test_queries_beside_an_ingest_see_each_document_whole_or_not_at_all(tmp_path):
    db = tmp_path / "g.lbdb"
    assert plangraph("--db", db, "ingest", SEEDS["tq2024_table"]).exit_code == 0
    expected = expected_tasks()
    proc = subprocess.Popen([sys.executable, "-c", LONG_INGEST, str(db),
                             *map(str, sorted(SEEDS.values()) * 3)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen = set()
    while proc.poll() is None:
        seen.add(whole(db, expected))
        time.sleep(0.05)
    assert proc.returncode == 0
    assert whole(db, expected) == 5
    assert len(seen) >= 2  # the reader did run while documents arrived


def test_a_notebook_holding_the_store_open_does_not_damage_it(tmp_path):
    db = tmp_path / "g.lbdb"
    assert plangraph("--db", db, "ingest", SEEDS["tq2024_table"]).exit_code == 0
    notebook = api.open(str(db))
    before = api.run("chu_tri_nhieu_nhat", notebook)
    ingest = subprocess.run([sys.executable, "-c", LONG_INGEST, str(db), str(PLANS)],
                            capture_output=True, text=True)
    assert ingest.returncode == 0, ingest.stderr
    after = api.run("chu_tri_nhieu_nhat", notebook)  # the plans ingested meanwhile are seen
    assert set(after["province"]) > set(before["province"])
    notebook.close()
    clean = tmp_path / "clean.lbdb"
    plangraph("--db", clean, "ingest", PLANS)
    with api.open(str(clean)) as fresh:
        assert after.equals(api.run("chu_tri_nhieu_nhat", fresh))
    stats = [json.loads(plangraph("--db", d, "stats", "--format", "json").stdout)
             for d in (db, clean)]
    assert stats[0] == stats[1]


def test_an_open_reader_sees_plans_ingested_after_it_opened(tmp_path):
    """`plangraph serve` keeps one read-only store open: an ingest from a terminal shows up
    on its next question, as it does on a Neo4j server."""
    db = tmp_path / "g.lbdb"
    assert plangraph("--db", db, "ingest", SEEDS["tq2024_table"]).exit_code == 0
    with open_store(str(db), read_only=True) as reader:
        count = "MATCH (p:Plan) RETURN count(p)"
        assert reader.run(count).rows[0][0] == 1
        ingest = subprocess.run([sys.executable, "-c", LONG_INGEST, str(db),
                                 str(SEEDS["hn2024_parentheses"])], capture_output=True, text=True)
        assert ingest.returncode == 0, ingest.stderr
        assert reader.run(count).rows[0][0] == 2
        assert reader.stats()["nodes"]["Plan"] == 2
        assert plangraph("--db", db, "remove", SEEDS["hn2024_parentheses"].name).exit_code == 0
        assert reader.run(count).rows[0][0] == 1


def test_reads_in_one_snapshot_see_one_state_while_an_ingest_commits(tmp_path):
    """A canned query's look-ups and its answer (or a check over several statements) belong
    together: inside `snapshot()` a commit of another process is not seen, after it it is."""
    db = tmp_path / "g.lbdb"
    assert plangraph("--db", db, "ingest", SEEDS["tq2024_table"]).exit_code == 0
    count = "MATCH (p:Plan) RETURN count(p)"
    with open_store(str(db), read_only=True) as reader:
        with reader.snapshot():
            ids = [r[0] for r in reader.run("MATCH (p:Plan) RETURN p.id").rows]
            ingest = subprocess.run([sys.executable, "-c", LONG_INGEST, str(db),
                                     str(SEEDS["hn2024_parentheses"])],
                                    capture_output=True, text=True)
            assert ingest.returncode == 0, ingest.stderr
            assert reader.run(count).rows[0][0] == len(ids) == 1
            assert reader.run("MATCH ()-[r:CHU_TRI]->() WHERE NOT r.plan_id IN $ids "
                              "RETURN count(r)", {"ids": ids}).rows[0][0] == 0
        assert reader.run(count).rows[0][0] == 2
