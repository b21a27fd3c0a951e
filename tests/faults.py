"""Helpers of the fault tests: a synthetic corpus, its clean-ingest reference, invariants."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.schema import RELS
from plangraph.graph.store import StoreError, open_store

from .conftest import REPO


def plangraph(*args):
    return CliRunner().invoke(main, [*map(str, args)])


@cache
def _corpus_module():
    name = "plangraph_benchmarks_corpus"
    spec = importlib.util.spec_from_file_location(name, REPO / "benchmarks" / "corpus.py")
    module = sys.modules[name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(folder: Path, docs: int, seed: int = 1) -> list[Path]:
    return _corpus_module().write_corpus(folder, docs, seed)


def stats(db) -> dict:
    result = plangraph("--db", db, "stats", "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def tasks_by_file(db) -> dict[str, int]:
    with open_store(str(db), read_only=True) as store:
        return dict(store.run("MATCH (p:Plan) OPTIONAL MATCH (p)-[:CO_NHIEM_VU]->(t:Task) "
                              "RETURN p.file, count(t)").rows)


def assert_no_half_document(db, reference: dict[str, int]) -> int:
    """Every plan with all its tasks, no task without its plan, no edge of a missing plan."""
    if not Path(db).exists():  # killed before it created the store
        return 0
    try:
        store = open_store(str(db), read_only=True)
    except StoreError as exc:
        if "still empty" in str(exc):  # killed, or still running, before its schema commit
            return 0
        raise
    with store, store.snapshot():  # one state: an ingest may commit between the reads
        run = store.run
        plans = dict(run("MATCH (p:Plan) OPTIONAL MATCH (p)-[:CO_NHIEM_VU]->(t:Task) "
                         "RETURN p.file, count(t)").rows)
        assert run("MATCH (t:Task) WHERE NOT EXISTS { MATCH (:Plan)-[:CO_NHIEM_VU]->(t) } "
                   "RETURN count(t)").rows[0][0] == 0
        ids = [r[0] for r in run("MATCH (p:Plan) RETURN p.id").rows]
        for rel in RELS:
            if "plan_id" in rel.props:
                dangling = run(f"MATCH ()-[r:{rel.name}]->() WHERE NOT r.plan_id IN $ids "
                               "RETURN count(r)", {"ids": ids}).rows[0][0]
                assert dangling == 0, rel.name
    for file, n in plans.items():
        assert n == reference[file], (file, n, reference[file])
    return len(plans)


INGEST = [sys.executable, "-c", "from plangraph.cli import main; main()"]


def start_ingest(db, *paths, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([*INGEST, "--db", str(db), "ingest", *map(str, paths)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
