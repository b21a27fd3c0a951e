"""The embedded LadybugDB store: schema, replace-on-reload, all-or-nothing loads, queries."""

import subprocess
import sys
import textwrap

import pytest

from plangraph.graph import ladybug_store
from plangraph.graph.build import plan_rows
from plangraph.graph.ladybug_store import LadybugStore
from plangraph.graph.open import open_store
from plangraph.graph.rows import GraphRows
from plangraph.graph.schema import NODES, RELS
from plangraph.graph.store import StoreError
from plangraph.ingest.models import AgencyMention, Task

from .test_build import src, tq_table


@pytest.fixture
def store(tmp_path):
    s = LadybugStore(tmp_path / "sub" / "graph.lbdb")
    yield s
    s.close()


def count(store, cypher, **params):
    return store.run(cypher, params).rows[0][0]


def other_plan():
    """A second Tuyên Quang plan (different file and text) sharing the police agency."""
    x = tq_table(title="Triển khai hưởng ứng Tháng hành động phòng, chống ma túy")
    x.file, x.content_hash = "001_cadd610ea85bac60.txt", "1" * 64
    x.tasks = [Task("1", "Tổ chức các hoạt động tuyên truyền hưởng ứng Tháng hành động",
                    lead=[AgencyMention("Công an Tỉnh", "Công an cấp tỉnh")], source=src(30))]
    return x


def test_a_new_store_has_every_label_and_type_of_the_schema(store):
    stats = store.stats()
    assert list(stats["nodes"]) == [n.label for n in NODES]
    assert list(stats["edges"]) == [r.name for r in RELS]


def test_load_writes_the_rows_and_queries_take_parameters(store):
    summary = store.replace_plan(plan_rows(tq_table()))
    assert summary.replaced is False and summary.nodes["Task"] == 2
    result = store.run("MATCH (a:Agency)-[r:CHU_TRI]->(t:Task) WHERE a.type = $type "
                       "RETURN t.key AS key, r.as_written AS written", {"type": "Sở Y tế"})
    assert result.columns == ["key", "written"]
    assert result.rows == [["14", "Sở Y tế"]]


def test_loading_the_same_document_again_changes_nothing(store):
    store.replace_plan(plan_rows(tq_table()))
    store.replace_plan(plan_rows(other_plan()))
    before = store.stats()
    assert store.replace_plan(plan_rows(tq_table())).replaced is True
    assert store.stats() == before


def test_an_edited_document_replaces_its_tasks_and_unused_shared_nodes(store):
    store.replace_plan(plan_rows(tq_table()))
    store.replace_plan(plan_rows(other_plan()))
    edited = tq_table()
    edited.content_hash = "2" * 64  # new text, same file
    del edited.tasks[1]  # the Sở Y tế row is gone
    assert store.replace_plan(plan_rows(edited)).replaced is True
    assert count(store, "MATCH (p:Plan) RETURN count(p)") == 2
    assert count(store, "MATCH (t:Task) RETURN count(t)") == 2
    assert count(store, "MATCH (a:Agency {type: 'Sở Y tế'}) RETURN count(a)") == 0
    # the police stay (both plans name them); the names follow what remains
    names = store.run("MATCH (a:Agency {type: 'Công an cấp tỉnh'}) RETURN a.names").rows
    assert names == [[["Công an Tỉnh", "Công an tỉnh"]]]


def test_shared_nodes_stay_while_another_plan_mentions_them(store):
    store.replace_plan(plan_rows(other_plan()))
    store.replace_plan(plan_rows(tq_table()))
    emptied = tq_table()
    emptied.tasks, emptied.legal_refs, emptied.basis, emptied.programmes = [], [], [], []
    emptied.named_acts = []
    store.replace_plan(plan_rows(emptied))
    # other_plan cites the same acts and programme and names the police only
    assert count(store, "MATCH (a:LegalAct) RETURN count(a)") == 2
    assert count(store, "MATCH (p:Programme) RETURN count(p)") == 1
    assert store.run("MATCH (a:Agency) RETURN a.type").rows == [["Công an cấp tỉnh"]]
    assert count(store, "MATCH (:Agency)-[r:THUOC_TINH]->(:Province) RETURN count(r)") == 1


def test_a_load_that_fails_midway_leaves_the_store_as_it_was(store, monkeypatch):
    store.replace_plan(plan_rows(tq_table()))
    store.replace_plan(plan_rows(other_plan()))
    before = store.stats()
    calls = {"n": 0}
    real_frame = ladybug_store.frame

    def failing_frame(columns, rows):  # fails after the old plan is deleted and 3 writes
        calls["n"] += 1
        if calls["n"] > 3:
            raise RuntimeError("disk full")
        return real_frame(columns, rows)

    monkeypatch.setattr(ladybug_store, "frame", failing_frame)
    edited = tq_table()
    edited.content_hash = "3" * 64
    with pytest.raises(StoreError, match="disk full"):
        store.replace_plan(plan_rows(edited))
    monkeypatch.undo()
    assert calls["n"] > 3
    assert store.stats() == before
    assert count(store, "MATCH (t:Task {plan_id: $p}) RETURN count(t)",
                 p=store.replace_plan(plan_rows(tq_table())).plan_id) == 2


def test_read_only_store_refuses_writes_and_missing_stores(tmp_path):
    path = tmp_path / "g.lbdb"
    with pytest.raises(StoreError, match="plangraph ingest"):
        open_store(str(path), read_only=True)
    LadybugStore(path).close()
    with open_store(str(path), read_only=True) as ro:
        assert ro.stats()["nodes"]["Plan"] == 0
        with pytest.raises(StoreError):
            ro.run("CREATE (:Province {id: 'X'})")
        with pytest.raises(StoreError):
            ro.replace_plan(plan_rows(tq_table()))


def test_a_directory_is_not_a_store(tmp_path):
    with pytest.raises(StoreError, match="thư mục"):
        LadybugStore(tmp_path)


def test_a_committed_load_survives_a_crash(tmp_path):
    path = tmp_path / "g.lbdb"
    script = textwrap.dedent(f"""
        import os
        from plangraph.graph.build import plan_rows
        from plangraph.graph.ladybug_store import LadybugStore
        from plangraph.tests.test_build import tq_table
        LadybugStore({str(path)!r}).replace_plan(plan_rows(tq_table()))
        os._exit(0)  # no close, no checkpoint
    """)
    subprocess.run([sys.executable, "-c", script], check=True)
    with LadybugStore(path) as s:
        assert s.stats()["nodes"]["Task"] == 2
        assert s.stats()["edges"]["CHU_TRI"] == 2


def test_reference_data_is_loaded_once_kept_and_reloadable(tmp_path, monkeypatch):
    ref = GraphRows()
    ref.add_node("Province", {"id": "Hà Giang", "name": "Hà Giang", "valid_from": None,
                              "valid_to": "2025-06-30"})
    ref.add_node("Province", {"id": "Tuyên Quang", "name": "Tuyên Quang", "valid_from": None,
                              "valid_to": "2025-06-30"})
    ref.add_node("Province", {"id": "Bắc Kạn", "name": "Bắc Kạn", "valid_from": None,
                              "valid_to": "2025-06-30"})  # no edge: only the reference keeps it
    ref.edge_rows("KE_NHIEM", "Province", "Province").append(
        {"from": "Hà Giang", "to": "Tuyên Quang", "valid_from": "2025-07-01",
         "scope_note": "sáp nhập", "source": "NQ 202/2025/QH15"})
    monkeypatch.setattr(ladybug_store, "reference", lambda: ref)
    with LadybugStore(tmp_path / "g.lbdb") as s:
        assert s.stats()["nodes"]["Province"] == 3 and s.stats()["edges"]["KE_NHIEM"] == 1
        s.replace_plan(plan_rows(tq_table()))
        # replaced: unused shared nodes are dropped
        s.replace_plan(plan_rows(tq_table(issued="2024-04-12")))  # the same plan, dated
        stats = s.stats()
        assert stats["nodes"]["Province"] == 3 and stats["edges"]["KE_NHIEM"] == 1
        s.load_reference()
        s.load_reference()
        assert s.stats() == stats
        # the plan's province is the reference node, with its validity kept
        assert s.run("MATCH (:Plan)-[:THUOC_TINH]->(p:Province) RETURN p.id, p.valid_to").rows \
            == [["Tuyên Quang", "2025-06-30"]]


def test_a_store_made_with_an_older_schema_is_refused_with_a_clear_message(tmp_path):
    import ladybug

    path = tmp_path / "old.lbdb"
    conn = ladybug.Connection(ladybug.Database(str(path)))
    for node in NODES:
        conn.execute(ladybug_store.node_ddl(node.label))
    for rel in RELS:  # as before programmes could be cited: TRICH_DAN only Plan -> LegalAct
        ddl = ladybug_store.rel_ddl(rel.name)
        if rel.name == "TRICH_DAN":
            ddl = ddl.replace(", FROM Plan TO Programme", "")
        conn.execute(ddl)
    conn.close()
    with pytest.raises(StoreError, match=r"outdated \(TRICH_DAN\): delete it and ingest again"):
        LadybugStore(path)


def test_a_task_filed_twice_under_one_theme_gets_one_edge_with_the_last_keyword(store):
    rows = plan_rows(tq_table())
    themes = rows.edge_rows("CO_CHU_DE", "Task", "Theme")
    assert themes, "the sample plan's tasks have themes"
    first = themes[0]
    themes.append({**first, "keyword": "tuyên truyền (again)"})
    store.replace_plan(rows)
    store.replace_plan(rows)  # replaced: the old task's edges go with it
    result = store.run("MATCH (t:Task {id: $t})-[r:CO_CHU_DE]->(h:Theme {id: $h}) "
                       "RETURN r.keyword", {"t": first["from"], "h": first["to"]})
    assert result.rows == [["tuyên truyền (again)"]]
