"""`plangraph remove DOC`: one document's part of the graph leaves the store, all of it and
only it (what stays is what loading the other documents alone gives)."""

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.ladybug_store import LadybugStore
from plangraph.graph.store import open_store

pytestmark = pytest.mark.skipif(not hasattr(LadybugStore, "remove_plan"),
                                reason="the store protocol has no remove_plan yet")


def plangraph(db, *args):
    return CliRunner().invoke(main, ["--db", str(db), *args])


def stats(db):
    store = open_store(str(db), read_only=True)
    try:
        return store.stats()
    finally:
        store.close()


def test_removing_a_document_leaves_what_the_others_alone_give(tmp_path, seeds):
    both, alone = tmp_path / "both.lbdb", tmp_path / "alone.lbdb"
    tq, hn = seeds["tq2024_table"], seeds["hn2024_parentheses"]
    assert plangraph(both, "ingest", str(tq), str(hn)).exit_code == 0
    assert plangraph(alone, "ingest", str(hn)).exit_code == 0
    result = plangraph(both, "remove", str(tq))  # a path; its file name or plan id do too
    assert result.exit_code == 0, result.output
    assert "removed" in result.output and "1 kế hoạch" in result.output
    assert stats(both) == stats(alone)


def test_removing_what_is_not_there_is_one_line_and_changes_nothing(tmp_path, seeds):
    db = tmp_path / "s.lbdb"
    assert plangraph(db, "ingest", str(seeds["tq2024_table"])).exit_code == 0
    before = stats(db)
    result = plangraph(db, "remove", "khong-co.txt")
    assert result.exit_code == 1
    assert "khong-co.txt" in result.output and "not in the store" in result.output
    assert "Traceback" not in result.output
    assert stats(db) == before
    by_name = plangraph(db, "remove", seeds["tq2024_table"].name)
    assert by_name.exit_code == 0 and stats(db)["nodes"]["Plan"] == 0
