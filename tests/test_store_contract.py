"""Every store keeps graph/store.py's contract, checked the same way on each: LadybugDB always,
Neo4j on conftest.py's `neo4j_uri` server (these tests delete plangraph's nodes there).

The contract: a document's rows replace what earlier loads of it wrote, so that the graph is
the one a fresh store would hold; a removed document leaves nothing of its own behind; a
failed write changes nothing; `stats` counts what `run` finds."""

import pytest
from neo4j import GraphDatabase

from plangraph.graph.build import plan_rows
from plangraph.graph.derived import DERIVED, add_derived
from plangraph.graph.ladybug_store import LadybugStore
from plangraph.graph.rows import GraphRows, read_graph
from plangraph.graph.schema import NODES, RELS
from plangraph.graph.search import parse
from plangraph.graph.statements import DIALECTS
from plangraph.graph.store import GraphStore, StoreError
from plangraph.ingest.extract import extract_file


def _wipe_neo4j(uri):
    from plangraph.graph.neo4j_store import parse_location

    target = parse_location(uri)
    labels = "|".join(n.label for n in NODES)
    with GraphDatabase.driver(target.uri, auth=target.auth) as driver:
        driver.execute_query(f"MATCH (n:{labels}) DETACH DELETE n", database_=target.database)


@pytest.fixture(params=["ladybug", "neo4j"])
def fresh(request, tmp_path):
    """A function giving an empty store of the parametrised kind (closing the previous one)."""
    opened = []

    def make():
        while opened:
            opened.pop().close()
        if request.param == "ladybug":
            store = LadybugStore(tmp_path / f"g{len(list(tmp_path.iterdir()))}.lbdb")
        else:
            from plangraph.graph.neo4j_store import Neo4jStore

            uri = request.getfixturevalue("neo4j_uri")
            _wipe_neo4j(uri)
            store = Neo4jStore(uri)
        opened.append(store)
        return store

    yield make
    while opened:
        opened.pop().close()


@pytest.fixture(scope="module")
def docs(seeds):
    """Two real documents of one province (they share agencies, acts and the province) and a
    third of another."""
    return {k: plan_rows(extract_file(seeds[k]))
            for k in ("tq2024_table", "tq2023_agency_headed", "hn2024_parentheses")}


def graph(store: GraphStore) -> dict:
    """The whole graph, order-free: nodes by label, edges by type as sorted tuples."""
    rows = read_graph(store)
    def frozen(row):
        return tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in row.items()))
    return {"nodes": {label: sorted(map(frozen, r)) for label, r in rows.nodes.items()},
            "edges": {(e.rel, e.from_label, e.to_label): sorted(map(frozen, e.rows))
                      for e in rows.edges}}


def edited(rows: GraphRows, keep_tasks: int) -> GraphRows:
    """The same document re-issued with fewer tasks (and so fewer agencies and themes)."""
    out = GraphRows(nodes={k: list(v) for k, v in rows.nodes.items()})
    tasks = {t["id"] for t in rows.nodes["Task"][:keep_tasks]}
    out.nodes["Task"] = [t for t in rows.nodes["Task"] if t["id"] in tasks]
    named = set()
    for e in rows.edges:
        kept = [r for r in e.rows if not ({r["from"], r["to"]} & (
            {t["id"] for t in rows.nodes["Task"]} - tasks))]
        out.edge_rows(e.rel, e.from_label, e.to_label).extend(kept)
        if e.to_label == "Task":
            named |= {r["from"] for r in kept}
    out.nodes["Agency"] = [a for a in rows.nodes["Agency"] if a["id"] in named]
    for e in out.edges:
        if e.from_label == "Agency":
            e.rows[:] = [r for r in e.rows if r["from"] in named]
        if e.rel in DERIVED:  # counted again from the tasks kept
            e.rows.clear()
    add_derived(out)
    return out


def test_a_store_offers_the_interface(fresh):
    with fresh() as store:
        assert store.dialect in DIALECTS
        assert isinstance(store.location, str)
        for method in ("replace_plan", "replace_plans", "remove_plan", "merge", "stats", "run",
                       "close"):
            assert callable(getattr(store, method))


def test_replacing_a_document_gives_the_graph_a_fresh_store_holds(fresh, docs):
    a, b, c = docs.values()
    a2 = edited(a, keep_tasks=5)
    store = fresh()
    for rows in (a, b, c):
        assert store.replace_plan(rows).replaced is False
    summary = store.replace_plan(a2)
    assert summary.replaced is True and summary.nodes["Task"] == 5
    replaced = graph(store)
    store = fresh()  # shared nodes keep the properties their first writer gave them
    for rows in (a2, b, c):
        store.replace_plan(rows)
    assert replaced == graph(store)


def test_loading_the_same_document_twice_changes_nothing(fresh, docs):
    store = fresh()
    for rows in docs.values():
        store.replace_plan(rows)
    before = graph(store)
    assert store.replace_plan(docs["tq2024_table"]).replaced is True
    assert graph(store) == before


def test_removing_a_document_leaves_what_the_others_wrote(fresh, docs):
    a, b, c = docs.values()
    store = fresh()
    for rows in (b, c, a):
        store.replace_plan(rows)
    assert store.remove_plan(a.nodes["Plan"][0]["file"]) == [a.nodes["Plan"][0]["id"]]
    assert store.remove_plan("no-such-file.txt") == []
    removed = graph(store)
    assert not store.run("MATCH ()-[r:THUOC_TINH]->() WHERE r.plan_id = $p RETURN count(*)",
                         {"p": a.nodes["Plan"][0]["id"]}).rows[0][0]
    store = fresh()
    for rows in (b, c):
        store.replace_plan(rows)
    assert removed == graph(store)


def test_a_failed_write_changes_nothing(fresh, docs):
    store = fresh()
    store.replace_plan(docs["tq2024_table"])
    before = graph(store)
    broken = edited(docs["tq2024_table"], keep_tasks=3)
    broken.edge_rows("CHU_TRI", "Agency", "Task").append(
        {"from": "Nowhere|Nobody", "to": broken.nodes["Task"][0]["id"], "plan_id": "x"})
    with pytest.raises(StoreError):
        store.replace_plan(broken)
    assert graph(store) == before


def test_several_documents_in_one_write_give_what_one_write_each_gives(fresh, docs, law_docs):
    a, b, c = docs.values()
    # a replacement, a document twice, and the cross-document law join, all in one call
    batch = [a, b, law_docs["tv"], c, edited(a, keep_tasks=5), law_docs["tq"], c]
    store = fresh()
    replaced = [store.replace_plan(rows).replaced for rows in batch]
    one_by_one = graph(store), sorted(store.search_tasks(parse("ma tuy")))
    store = fresh()
    assert [s.replaced for s in store.replace_plans(batch)] == replaced
    assert (graph(store), sorted(store.search_tasks(parse("ma tuy")))) == one_by_one
    broken = edited(b, keep_tasks=3)
    broken.edge_rows("CHU_TRI", "Agency", "Task").append(
        {"from": "Nowhere|Nobody", "to": broken.nodes["Task"][0]["id"], "plan_id": "x"})
    with pytest.raises(StoreError):
        store.replace_plans([edited(a, keep_tasks=2), broken])
    assert (graph(store), sorted(store.search_tasks(parse("ma tuy")))) == one_by_one


def test_merge_writes_rows_no_document_owns_once(fresh):
    rows = GraphRows()
    rows.add_node("AgencyType", {"id": "Sở Thử nghiệm", "name_en": "Test department"})
    rows.add_node("Theme", {"id": "thu_nghiem", "label_vi": "Thử nghiệm", "label_en": "Test"})
    store = fresh()
    store.merge(rows)
    once = store.stats()
    store.merge(rows)
    assert store.stats() == once
    assert store.run("MATCH (t:AgencyType {id: $id}) RETURN t.name_en",
                     {"id": "Sở Thử nghiệm"}).rows == [["Test department"]]


def test_stats_count_what_queries_find(fresh, docs):
    store = fresh()
    store.replace_plan(docs["hn2024_parentheses"])
    stats = store.stats()
    assert list(stats["nodes"]) == [n.label for n in NODES]
    assert list(stats["edges"]) == [r.name for r in RELS]
    tasks = store.run("MATCH (t:Task) WHERE t.province = $p RETURN count(*) AS n",
                      {"p": "Hà Nội"})
    assert tasks.columns == ["n"] and tasks.rows[0][0] == stats["nodes"]["Task"] > 40


def test_a_task_carries_its_plans_year_and_id(fresh, docs):
    """Derived at load so that questions count tasks by year without a hop to the plan."""
    store = fresh()
    for rows in docs.values():
        store.replace_plan(rows)
    pairs = store.run("MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task) "
                      "RETURN p.year, t.year, p.id, t.plan_id").rows
    assert {p_year for p_year, *_ in pairs} == {2023, 2024}
    assert all(p_year == t_year and p_id == t_plan for p_year, t_year, p_id, t_plan in pairs)


def test_a_plans_theme_summary_counts_its_tasks_of_each_theme(fresh, docs):
    """Derived at load so that theme questions read one edge per (plan, theme)."""
    store = fresh()
    for rows in docs.values():
        store.replace_plan(rows)
    store.replace_plan(docs["hn2024_parentheses"])  # a document loaded again: counted once
    tasks = store.run("MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task)-[r:CO_CHU_DE]->(th:Theme) "
                      "RETURN p.id, th.id, count(*), collect(DISTINCT r.keyword)").rows
    summed = store.run("MATCH (p:Plan)-[c:TONG_HOP_CHU_DE]->(th:Theme) "
                       "RETURN p.id, th.id, c.tasks, c.keywords, c.file, c.line_start").rows
    assert len(tasks) > 20
    assert {(p, th, n, tuple(sorted(k))) for p, th, n, k in tasks} == \
        {(p, th, n, tuple(k)) for p, th, n, k, _, _ in summed}
    assert all(file and line for *_, file, line in summed)


def test_the_task_search_follows_loads_replacements_and_removals(fresh, docs):
    a, b, c = docs.values()
    store = fresh()
    for rows in (a, b, c):
        store.replace_plan(rows)
    query = parse("ma tuy")
    plan = {t["id"]: t["plan_id"] for rows in (a, b, c) for t in rows.nodes["Task"]}
    found = set(store.search_tasks(query))
    assert {plan[t] for t in found} == {rows.nodes["Plan"][0]["id"] for rows in (a, b, c)}
    a2 = edited(a, keep_tasks=5)
    store.replace_plan(a2)
    kept = {t["id"] for t in a2.nodes["Task"]}
    assert {t for t in store.search_tasks(query) if plan[t] == a.nodes["Plan"][0]["id"]} \
        <= kept
    store.remove_plan(b.nodes["Plan"][0]["file"])
    assert not {plan[t] for t in store.search_tasks(query)} & {b.nodes["Plan"][0]["id"]}
    broken = edited(c, keep_tasks=1)
    broken.edge_rows("CHU_TRI", "Agency", "Task").append(
        {"from": "Nowhere|Nobody", "to": broken.nodes["Task"][0]["id"], "plan_id": "x"})
    before = sorted(store.search_tasks(query))
    with pytest.raises(StoreError):
        store.replace_plan(broken)
    assert sorted(store.search_tasks(query)) == before


def test_a_missing_or_stale_task_index_is_rebuilt_from_the_store(tmp_path, docs):
    path = tmp_path / "g.lbdb"
    with LadybugStore(path) as store:
        store.replace_plan(docs["tq2024_table"])
        expected = sorted(store.search_tasks(parse("tiền chất")))
    assert expected
    index = tmp_path / "g.lbdb.fts"
    index.unlink()
    with LadybugStore(path, read_only=True) as store:
        assert sorted(store.search_tasks(parse("tiền chất"))) == expected
    with LadybugStore(path) as store:
        store.replace_plan(docs["hn2024_parentheses"])
    stale = index.read_bytes()
    with LadybugStore(path) as store:
        store.remove_plan(docs["hn2024_parentheses"].nodes["Plan"][0]["file"])
    index.write_bytes(stale)  # an index a crash left behind, one plan ahead of the store
    with LadybugStore(path) as store:
        assert sorted(store.search_tasks(parse("tiền chất"))) == expected



def test_a_task_index_written_before_row_ranges_is_rebuilt_by_a_writer(tmp_path, docs):
    """An index in the shape written before plans kept their tasks' row ranges (tasks found
    by plan id to be deleted): a reader searches it as it is, a writer rebuilds it, and a
    replacement then leaves none of the plan's dropped tasks behind."""
    import sqlite3

    a = docs["tq2024_table"]
    path = tmp_path / "g.lbdb"
    with LadybugStore(path) as store:
        store.replace_plan(a)
        store.replace_plan(docs["hn2024_parentheses"])
        query = parse("ma tuy")
        expected = sorted(store.search_tasks(query))
    tasks = [(t["id"], t["plan_id"], t["text"]) for rows in (a, docs["hn2024_parentheses"])
             for t in rows.nodes["Task"]]
    index = tmp_path / "g.lbdb.fts"
    index.unlink()
    old = sqlite3.connect(index)
    old.execute("CREATE VIRTUAL TABLE task_text USING fts5(task_id UNINDEXED, "
                "plan_id UNINDEXED, words, tokenize = 'unicode61 remove_diacritics 0')")
    old.execute("CREATE TABLE plan (id TEXT PRIMARY KEY, content_hash TEXT)")
    from plangraph.graph.search import folded

    old.executemany("INSERT INTO task_text VALUES (?, ?, ?)",
                    [(t, p, folded(text or "")) for t, p, text in tasks])
    old.executemany("INSERT INTO plan VALUES (?, ?)",
                    [(r.nodes["Plan"][0]["id"], r.nodes["Plan"][0]["content_hash"])
                     for r in (a, docs["hn2024_parentheses"])])
    old.commit()
    old.close()
    with LadybugStore(path, read_only=True) as store:
        assert sorted(store.search_tasks(query)) == expected
    a2 = edited(a, keep_tasks=3)
    with LadybugStore(path) as store:
        store.replace_plan(a2)
        kept = {t["id"] for t in a2.nodes["Task"]}
        found = set(store.search_tasks(query))
    dropped = {t["id"] for t in a.nodes["Task"]} - kept
    assert found & set(expected) - dropped and not found & dropped

# -- one law, one node (graph/law_join.py) ----------------------------------------------------

LAW = "name:luat phong chong ma tuy"


@pytest.fixture(scope="module")
def law_docs(seeds):
    """Trà Vinh's plan cites "Luật Phòng, chống ma túy" without its year; Tuyên Quang's 2023
    plan and Hà Nội's cite it "… năm 2021"; `hn2000` is Hà Nội's plan citing a law of that
    name of 2000 instead (a re-enacted law: two dated laws of one name)."""
    docs = {k: plan_rows(extract_file(seeds[k]))
            for k in ("tv2023_agency_headed", "tq2023_agency_headed", "hn2024_parentheses")}
    hn2000 = GraphRows(nodes={k: [dict(r, id=r["id"].replace(f"{LAW}|2021", f"{LAW}|2000"))
                                  if k == "LegalAct" else r for r in v]
                              for k, v in docs["hn2024_parentheses"].nodes.items()})
    for e in docs["hn2024_parentheses"].edges:
        hn2000.edge_rows(e.rel, e.from_label, e.to_label).extend(
            dict(r, to=r["to"].replace(f"{LAW}|2021", f"{LAW}|2000"),
                 as_written=(r.get("as_written") or "").replace("2021", "2000") or None)
            if "as_written" in r and r["to"] == f"{LAW}|2021" else r for r in e.rows)
    return {"tv": docs["tv2023_agency_headed"], "tq": docs["tq2023_agency_headed"],
            "hn": docs["hn2024_parentheses"], "hn2000": hn2000}


def law_cites(store) -> dict[str, set[str]]:
    """Law node id -> the provinces whose plans cite it."""
    out: dict[str, set[str]] = {}
    for act, province in store.run(
            "MATCH (p:Plan)-[:TRICH_DAN]->(l:LegalAct) WHERE l.id STARTS WITH $law "
            "RETURN l.id, p.province", {"law": LAW}).rows:
        out.setdefault(act, set()).add(province)
    return out


def law_graph(store) -> list:
    """The law's nodes and every edge at them, with all their properties."""
    return sorted(repr([rel, *row]) for rel in ("TRICH_DAN", "CAN_CU") for row in store.run(
        f"MATCH (l:LegalAct)-[r:{rel}]-(o) WHERE l.id STARTS WITH $law RETURN l.id, l.name, "
        "l.type, o.id, r.plan_id, r.file, r.line_start, r.as_written", {"law": LAW}).rows)


def test_a_law_cited_without_its_year_joins_the_one_dated_law(fresh, law_docs):
    store = fresh()
    for key in ("tv", "tq", "hn"):
        store.replace_plan(law_docs[key])
    assert law_cites(store) == {f"{LAW}|2021": {"Trà Vinh", "Tuyên Quang", "Hà Nội"}}
    written = store.run("MATCH (p:Plan)-[r:TRICH_DAN]->(l:LegalAct {id: $id}) "
                        "WHERE p.province = 'Trà Vinh' RETURN r.as_written",
                        {"id": f"{LAW}|2021"}).rows
    assert written == [["Luật Phòng, chống ma túy"]]  # the spelling as written stays
    joined = law_graph(store)
    store = fresh()  # the other order gives the same (shared nodes aside: first writer wins)
    for key in ("hn", "tq", "tv"):
        store.replace_plan(law_docs[key])
    assert law_graph(store) == joined


def test_removing_the_dated_documents_leaves_the_year_less_law_alone(fresh, law_docs):
    store = fresh()
    for key in ("tv", "tq", "hn"):
        store.replace_plan(law_docs[key])
    for key in ("tq", "hn"):
        store.remove_plan(law_docs[key].nodes["Plan"][0]["id"])
    assert law_cites(store) == {LAW: {"Trà Vinh"}}
    alone = graph(store)
    store = fresh()
    store.replace_plan(law_docs["tv"])
    assert graph(store) == alone


def test_two_dated_laws_of_one_name_keep_the_year_less_cite_apart(fresh, law_docs):
    from plangraph.graph.law_join import ambiguous_laws

    store = fresh()
    for key in ("tv", "tq", "hn2000"):
        store.replace_plan(law_docs[key])
    assert law_cites(store) == {LAW: {"Trà Vinh"}, f"{LAW}|2021": {"Tuyên Quang"},
                                f"{LAW}|2000": {"Hà Nội"}}
    assert ambiguous_laws(store) == [("Luật Phòng, chống ma túy", [2000, 2021])]
    store.replace_plan(law_docs["hn"])  # Hà Nội's plan corrected: 2021 after all
    assert law_cites(store) == {f"{LAW}|2021": {"Trà Vinh", "Tuyên Quang", "Hà Nội"}}
    assert ambiguous_laws(store) == []


# -- document identity (issue 12): the content, never the base name ---------------------------

def _as_file(rows: GraphRows, name: str) -> GraphRows:
    """The same document downloaded under another file name."""
    return GraphRows(nodes={k: [dict(r, file=name) if k == "Plan" else r for r in v]
                            for k, v in rows.nodes.items()}, edges=rows.edges)


def test_one_file_name_from_two_provinces_is_two_plans(fresh, docs, law_docs):
    store = fresh()
    tuyen_quang = _as_file(docs["tq2024_table"], "KH.pdf")
    tra_vinh = _as_file(law_docs["tv"], "KH.pdf")
    assert store.replace_plan(tuyen_quang).replaced is False
    assert store.replace_plan(tra_vinh).replaced is False
    assert store.stats()["nodes"]["Plan"] == 2
    # the same content again under another name replaces its plan, and only it
    assert store.replace_plan(_as_file(law_docs["tv"], "ke-hoach.pdf")).replaced is True
    assert sorted(r[0] for r in store.run("MATCH (p:Plan) RETURN p.province").rows) == [
        "Trà Vinh", "Tuyên Quang"]
