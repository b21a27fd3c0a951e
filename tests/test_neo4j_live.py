"""Against a real Neo4j server: the same corpus gives the same graph and the same answers as
the embedded store.

The server is the `neo4j_uri` fixture (tests/conftest.py): the one NEO4J_URI names (credentials
in PLANGRAPH_NEO4J_USER / PLANGRAPH_NEO4J_PASSWORD or in the URI; a throwaway server, these
tests delete plangraph's nodes there), else a real Neo4j 5 started from tools/neo4j-test-server.
See README-neo4j.md.
"""

from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import GraphDatabase

from plangraph.cli import main
from plangraph.graph.neo4j_store import ENV_PASSWORD, Neo4jStore, parse_location
from plangraph.graph.open import open_store
from plangraph.graph.rows import GraphRows
from plangraph.graph.schema import NODES
from plangraph.graph.store import StoreError
from plangraph.queries.catalog import catalog
from plangraph.queries.runner import run

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"

SAMPLES = {"province": "tuyen quang", "agency_type": "cong an", "act": "291/QĐ-TTg",
           "programme": "ma tuy", "text": "ma tuy", "period": "2024", "int": "1",
           "string": "x", "date": "2024-01-01"}


def wipe(uri):
    """Delete plangraph's nodes (only those) on the server."""
    target = parse_location(uri)
    labels = "|".join(n.label for n in NODES)
    with GraphDatabase.driver(target.uri, auth=target.auth) as driver:
        driver.execute_query(f"MATCH (n:{labels}) DETACH DELETE n", database_=target.database)


def cli(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture(scope="module")
def embedded(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("live") / "corpus.lbdb")
    cli("--db", db, "ingest", str(PLANS))
    return db


@pytest.fixture(scope="module")
def uri(neo4j_uri):
    return neo4j_uri


@pytest.fixture(scope="module")
def neo4j(uri):
    wipe(uri)
    cli("--db", uri, "ingest", str(PLANS))
    store = Neo4jStore(uri)
    yield store
    store.close()


def stats_of(location):
    store = open_store(location, read_only=True)
    try:
        return store.stats()
    finally:
        store.close()


def test_the_corpus_gives_the_same_counts_in_both_stores(embedded, neo4j):
    assert neo4j.stats() == stats_of(embedded)


def normalised(rows):
    """Rows as a sorted list; lists inside (collect) sorted: neither store promises an order."""
    def value(v):
        return sorted(map(repr, v)) if isinstance(v, list) else repr(v)

    return sorted(repr([value(v) for v in row]) for row in rows)


@pytest.mark.parametrize("name", sorted(catalog()))
def test_every_canned_query_gives_the_same_rows(name, embedded, neo4j):
    q = catalog()[name]
    params = {p.name: SAMPLES[p.type] for p in q.params if p.required}
    if name == "so_sanh_hai_tinh":
        params = {"a": "tuyen quang", "b": "ha noi"}
    variants = [params]
    if q.param("tinh") and not q.param("tinh").required:
        variants.append({**params, "tinh": "ha noi"})
    local = open_store(embedded, read_only=True)
    try:
        for given in variants:
            a, b = run(local, q, given), run(neo4j, q, given)
            assert a.columns == b.columns
            assert normalised(a.rows) == normalised(b.rows), given
    finally:
        local.close()


def test_ingesting_again_changes_nothing(neo4j, uri):
    before = neo4j.stats()
    result = cli("--db", uri, "ingest", str(PLANS / "000_7ff5c3280978a41d.txt"))
    assert "1 văn bản thay bản đã nạp trước" in result.output
    assert neo4j.stats() == before


def schema_objects(uri):
    """plangraph's constraints and indexes on the server: (kind, name, labels, properties)."""
    target = parse_location(uri)
    with GraphDatabase.driver(target.uri, auth=target.auth) as driver:
        found = []
        for kind in ("CONSTRAINTS", "INDEXES"):
            records, _, _ = driver.execute_query(
                f"SHOW {kind} YIELD name, labelsOrTypes, properties", database_=target.database)
            found += [(kind, r["name"], tuple(r["labelsOrTypes"]), tuple(r["properties"]))
                      for r in records if r["name"].startswith("plangraph_")]
    return sorted(found)


def test_constraints_and_indexes_are_created_once(neo4j, uri):
    made = schema_objects(uri)
    unique_ids = {(labels, props) for kind, _, labels, props in made if kind == "CONSTRAINTS"}
    assert unique_ids == {((n.label,), ("id",)) for n in NODES}
    assert (("Task",), ("plan_id",)) in {(labels, props) for _, _, labels, props in made}
    cli("--db", uri, "ingest", str(PLANS / "001_cadd610ea85bac60.txt"))  # a new connection
    assert schema_objects(uri) == made


def test_a_failed_load_leaves_the_graph_as_it_was(neo4j):
    before = neo4j.stats()
    rows = GraphRows()
    rows.add_node("Plan", {"id": "x|plan", "file": "000_7ff5c3280978a41d.txt"})
    rows.edge_rows("CO_NHIEM_VU", "Plan", "Task").append(
        {"from": "x|plan", "to": "no such task", "plan_id": "x|plan", "file": "x.txt",
         "line_start": 1, "line_end": 1})
    with pytest.raises(StoreError, match="end node is missing"):
        neo4j.replace_plan(rows)
    assert neo4j.stats() == before


def test_push_copies_the_embedded_store(embedded, neo4j, uri):
    wipe(uri)
    result = cli("push", "--from", embedded, "--to", uri)
    assert "Khác nhau" not in result.output
    assert neo4j.stats() == stats_of(embedded)
    cli("push", "--from", embedded, "--to", uri)  # pushing twice is pushing once
    assert neo4j.stats() == stats_of(embedded)


def one_line_failure(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output and result.output.count("\n") == 1, result.output
    return result.output


def test_a_database_that_does_not_exist_is_one_line_for_every_command(uri, embedded, tmp_path,
                                                                      monkeypatch):
    monkeypatch.setenv("PLANGRAPH_NEO4J_DATABASE", "nosuchdb")
    for args in (["--db", uri, "stats"],
                 ["--db", uri, "ingest", str(PLANS / "000_7ff5c3280978a41d.txt")],
                 ["--db", uri, "query", "chu_tri_nhieu_nhat"],
                 ["--db", uri, "export", "-o", str(tmp_path / "g.ttl")],
                 ["push", "--from", embedded, "--to", uri]):
        output = one_line_failure(*args)
        assert "no such database" in output and "nosuchdb" in output, args


def test_tls_asked_of_a_server_without_it_says_so(uri):
    host = uri.split("@")[-1].split("://")[-1]
    for scheme in ("neo4j+s", "bolt+ssc"):
        output = one_line_failure("--db", f"{scheme}://{uri.split('://')[1]}", "stats")
        plain = scheme.split("+")[0]
        assert f"TLS was asked for ({scheme}://) but the server at {host} does not offer it: " \
               f"dùng / use {plain}://{host}" in output
        assert "@" not in output


def test_a_wrong_password_on_the_command_line_is_one_line_without_it(uri):
    host = uri.split("@")[-1].split("://")[-1]
    output = one_line_failure("--db", f"neo4j://neo4j:Sai-mat-khau-42@{host}", "stats")
    assert "authentication failed" in output and "Sai-mat-khau-42" not in output


# Last: a few failed logins in a row may lock the user for seconds.
def test_a_wrong_password_is_one_line(monkeypatch, uri):
    monkeypatch.setenv(ENV_PASSWORD, "not-the-password-9")
    host = uri.split("@")[-1].split("://")[-1]
    with pytest.raises(StoreError, match="authentication failed") as err:
        Neo4jStore(f"{uri.split('://')[0]}://{host}")
    assert "not-the-password-9" not in str(err.value) and "\n" not in str(err.value)
