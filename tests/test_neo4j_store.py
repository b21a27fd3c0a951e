"""The Neo4j store without a server: the statements a load sends (graph/neo4j_cypher.py), the
transactions it opens (through a fake driver standing in for a server), credentials, one-line
errors, and `plangraph push` from a real embedded store."""

import socket

import pytest
from click.testing import CliRunner
from neo4j.exceptions import AuthError, CypherSyntaxError, ServiceUnavailable

from plangraph.cli import main
from plangraph.commands.push import split_by_plan
from plangraph.graph import neo4j_cypher, neo4j_store
from plangraph.graph import statements as shared
from plangraph.graph.build import plan_rows
from plangraph.graph.ladybug_store import LadybugStore
from plangraph.graph.neo4j_cypher import schema_statements, write_statements
from plangraph.graph.neo4j_store import Neo4jStore, parse_location
from plangraph.graph.open import open_store
from plangraph.graph.reference import reference
from plangraph.graph.rows import read_graph
from plangraph.graph.schema import NODES, REL_BY_NAME, RELS
from plangraph.graph.store import StoreError
from plangraph.ingest.extract import extract_file

PASSWORD = "s3cr3t-Pa55"
USER = "phan_tich"


@pytest.fixture(scope="module")
def tq_rows(seeds):
    return plan_rows(extract_file(seeds["tq2024_table"]))


def sent_rows(statements, cypher_start):
    return [row for s in statements if s.cypher.startswith(cypher_start)
            for row in s.params["rows"]]


# -- statements ----------------------------------------------------------------------------

def test_a_load_sends_every_row_as_parameters_in_unwind_batches(tq_rows):
    statements = write_statements(tq_rows)
    for label, rows in tq_rows.nodes.items():
        assert sent_rows(statements, f"UNWIND $rows AS row MERGE (n:{label} ") == rows
    for edges in tq_rows.edges:
        start = f"UNWIND $rows AS row MATCH (a:{edges.from_label}) "
        sent = [r for s in statements if s.cypher.startswith(start)
                and f"[r:{edges.rel}]->" in s.cypher and f"(b:{edges.to_label})" in s.cypher
                for r in s.params["rows"]]
        assert [{"from": r["from"], "to": r["to"], **r["props"]} for r in sent] == edges.rows
    writes = [s for s in statements if s.cypher.startswith("UNWIND")]
    assert writes and all(set(s.params) == {"rows"} for s in writes)


def test_no_value_of_the_document_is_spliced_into_the_cypher_text(tq_rows):
    sent = [*write_statements(tq_rows), *shared.touched_statements("old").values(),
            *shared.delete_statements("neo4j", ["old"], {"Agency": ["a"]}, ["k"]),
            shared.names_statement("neo4j", ["a"])]
    texts = " ".join(s.cypher for s in sent)
    values = {v for rows in tq_rows.nodes.values() for row in rows for v in row.values()
              if isinstance(v, str) and len(v) > 3}
    values |= {row["to"] for e in tq_rows.edges for row in e.rows}
    assert values and not [v for v in values if v in texts]


def test_every_edge_read_from_the_document_carries_its_provenance(tq_rows, seeds):
    plan = tq_rows.nodes["Plan"][0]
    mentions = 0
    for s in write_statements(tq_rows):
        rel = s.cypher.split("[r:")[1].split("]")[0] if "[r:" in s.cypher else None
        if rel is None or "plan_id" not in REL_BY_NAME[rel].props:
            continue
        for row in s.params["rows"]:
            assert row["props"]["plan_id"] == plan["id"]
            assert row["props"]["file"] == seeds["tq2024_table"].name
            if rel in ("CHU_TRI", "PHOI_HOP", "CO_NHIEM_VU"):
                mentions += 1
                assert 0 < row["props"]["line_start"] <= row["props"]["line_end"]
        assert s.expect == len(s.params["rows"])  # edges whose ends are missing fail the load
    assert mentions > 40


def test_rows_are_sent_in_batches(tq_rows, monkeypatch):
    monkeypatch.setattr(neo4j_cypher, "BATCH", 7)
    tasks = [s for s in write_statements(tq_rows) if s.cypher.startswith(
        "UNWIND $rows AS row MERGE (n:Task ")]
    assert len(tasks) == -(-len(tq_rows.nodes["Task"]) // 7)
    assert all(len(s.params["rows"]) <= 7 for s in tasks)
    assert [r for s in tasks for r in s.params["rows"]] == tq_rows.nodes["Task"]


def test_a_reload_first_deletes_what_the_earlier_load_wrote(tq_rows):
    plan = tq_rows.nodes["Plan"][0]
    sent = []

    def run(statement):  # a store holding an earlier load naming one agency no longer named
        sent.append(statement)
        if statement.cypher.startswith("MATCH (p:Plan)"):
            return [[plan["id"], plan["file"], plan["kind"], plan["title"], plan["province"]]]
        if "(n:Agency) RETURN DISTINCT" in statement.cypher:
            return [["Tuyên Quang|Gone"]]
        if "(n:Province) RETURN DISTINCT" in statement.cypher:
            return [["Tuyên Quang"]]
        return []

    writes = write_statements(tq_rows)
    old = shared.replace_plan(run, "neo4j", tq_rows, writes, ["Tuyên Quang"])
    assert old == [plan["id"]]
    assert sent[0].params == {"ids": [plan["id"]], "files": [plan["file"]]}
    first_write = sent.index(writes[0])
    deletes = [s for s in sent[:first_write] if "DELETE" in s.cypher]
    assert deletes and all(s.params.get("old", [plan["id"]]) == [plan["id"]] for s in deletes)
    # reference nodes are kept even when no document mentions them
    assert not any("Tuyên Quang" in s.params.get("ids", []) for s in deletes)
    assert any("Tuyên Quang|Gone" in s.params.get("ids", []) for s in deletes)
    assert sent[first_write:-1] == writes
    assert "SET a.names" in sent[-1].cypher and "Tuyên Quang|Gone" in sent[-1].params["ids"]
    sent.clear()
    shared.replace_plan(lambda s: sent.append(s) or [], "neo4j", tq_rows, writes, [])
    assert not any("DELETE" in s.cypher for s in sent)


def test_a_document_fills_shared_nodes_and_the_reference_data_overwrites_them(tq_rows):
    agency = next(s for s in write_statements(tq_rows) if "MERGE (n:Agency " in s.cypher)
    assert "ON MATCH SET n.type = coalesce(n.type, row.type)" in agency.cypher
    agency = next(s for s in write_statements(tq_rows, overwrite=True)
                  if "MERGE (n:Agency " in s.cypher)
    assert agency.cypher.endswith("SET n += row")


def test_schema_statements_are_idempotent_and_cover_every_label():
    statements = [s.cypher for s in schema_statements()]
    assert all("IF NOT EXISTS" in s for s in statements)
    for node in NODES:
        assert f"FOR (n:{node.label}) REQUIRE n.id IS UNIQUE" in " ".join(statements)
    # the edges a replace looks for by plan id: between shared nodes
    for rel in ("CAN_CU", "THUOC_TINH", "PHE_DUYET", "TRIEN_KHAI"):
        assert f"FOR ()-[r:{rel}]-() ON (r.plan_id)" in " ".join(statements)


# -- a fake server -------------------------------------------------------------------------

class Record(list):
    """A driver record: values by position or by key."""

    def __init__(self, keys, values):
        super().__init__(values)
        self.keys = keys

    def __getitem__(self, key):
        return super().__getitem__(self.keys.index(key) if isinstance(key, str) else key)

    def values(self):
        return list(self)


class Result:
    def __init__(self, records):
        self.records = records

    def single(self, strict=False):
        assert len(self.records) == 1
        return self.records[0]

    def consume(self):
        return None

    def keys(self):
        return self.records[0].keys if self.records else []

    def __iter__(self):
        return iter(self.records)


class FakeServer:
    """Answers like a Neo4j server would and records what it was sent."""

    def __init__(self):
        self.connect_error = None
        self.query_error = None
        self.read_error = None  # raised by read transactions only (stats, queries)
        self.old = []  # plans an earlier load wrote, as the lookup finds them
        self.missing_ends = 0  # edges each edge batch fails to write
        self.committed, self.rolled_back, self.auto, self.reads = [], [], [], []
        self.drivers = []

    def answer(self, cypher, params):
        if self.query_error:
            raise self.query_error
        if cypher.startswith("MATCH (p:Plan) WHERE p.id IN $ids"):
            # an earlier load of the same document: same id, file, kind, title, province
            return Result([Record(["p.id", "p.file", "p.kind", "p.title", "p.province"],
                                  [plan, None, None, None, None]) for plan in self.old])
        if cypher.startswith("UNWIND $old"):
            return Result([])
        if cypher.startswith("MATCH (n:LegalAct) WHERE n.id = $base"):
            return Result([])  # graph/law_join.py: no law of that name stored yet
        if cypher.endswith("RETURN count(*)"):
            return Result([Record(["count(*)"], [len(params["rows"]) - self.missing_ends])])
        if " RETURN count(" in cypher:
            return Result([Record(["n"], [3])])
        return Result([Record(["province"], ["Tuyên Quang"])])


class Tx:
    def __init__(self, server):
        self.server, self.sent = server, []

    def run(self, cypher, params=None):
        self.sent.append((cypher, params or {}))
        return self.server.answer(cypher, params or {})


class Session:
    def __init__(self, server):
        self.server = server

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def run(self, cypher, params=None):
        self.server.auto.append(cypher)
        return Result([])

    def execute_write(self, work):
        tx = Tx(self.server)
        try:
            out = work(tx)
        except BaseException:
            self.server.rolled_back.append(tx.sent)
            raise
        self.server.committed.append(tx.sent)
        return out

    def execute_read(self, work):
        if self.server.read_error:
            raise self.server.read_error
        tx = Tx(self.server)
        out = work(tx)
        self.server.reads.append(tx.sent)
        return out


class Driver:
    def __init__(self, server, uri, auth):
        self.server, self.uri, self.auth = server, uri, auth
        self.closed = False

    def verify_connectivity(self):
        if self.server.connect_error:
            raise self.server.connect_error

    def session(self, database=None):
        assert database == self.server.database
        return Session(self.server)

    def execute_query(self, cypher, database_=None, routing_=None):
        assert database_ == self.server.database and routing_ == "r"

    def close(self):
        self.closed = True


@pytest.fixture
def server(monkeypatch):
    fake = FakeServer()
    fake.database = None
    monkeypatch.delenv(neo4j_store.ENV_USER, raising=False)
    monkeypatch.delenv(neo4j_store.ENV_PASSWORD, raising=False)
    monkeypatch.delenv(neo4j_store.ENV_DATABASE, raising=False)

    def driver(uri, auth=None, **config):
        d = Driver(fake, uri, auth)
        fake.drivers.append(d)
        return d

    monkeypatch.setattr(neo4j_store.GraphDatabase, "driver", driver)
    return fake


def test_a_load_is_one_write_transaction_and_the_schema_is_made_once(server, seeds):
    store = open_store(f"neo4j://{USER}:{PASSWORD}@graph.example:7687")
    assert isinstance(store, Neo4jStore)
    assert server.drivers[0].uri == "neo4j://graph.example:7687"
    assert server.drivers[0].auth == (USER, PASSWORD)
    x = extract_file(seeds["tq2024_table"])
    summary = store.replace_plan(plan_rows(x))
    assert summary.replaced is False and summary.nodes["Task"] == len(x.tasks)
    # the reference data (if any) first, in its own transaction, then the document
    ref_statements = write_statements(reference(), overwrite=True)
    assert server.committed[:-1] == ([[(s.cypher, s.params) for s in ref_statements]]
                                     if ref_statements else [])
    lookup, *writes = server.committed[-1]
    assert lookup[1]["files"] == [seeds["tq2024_table"].name]
    assert sum(len(p["rows"]) for c, p in writes if "MERGE (n:Task " in c) == len(x.tasks)
    assert server.auto == [s.cypher for s in schema_statements()]
    server.old = [summary.plan_id]
    before = len(server.committed)
    assert store.replace_plan(plan_rows(x)).replaced is True
    assert len(server.committed) == before + 1 and server.auto == [
        s.cypher for s in schema_statements()]
    store.close()
    assert server.drivers[0].closed


def test_a_failed_statement_rolls_the_whole_document_back(server, seeds):
    store = Neo4jStore("bolt://localhost:7687")
    server.missing_ends = 1
    with pytest.raises(StoreError, match="thiếu đầu mút / edges whose end node is missing"):
        store.replace_plan(plan_rows(extract_file(seeds["tq2024_table"])))
    assert server.committed == [] and len(server.rolled_back) == 1


def test_stats_and_queries_read_in_read_transactions(server, monkeypatch):
    server.database = "kehoach"
    monkeypatch.setenv(neo4j_store.ENV_DATABASE, "kehoach")
    store = Neo4jStore("neo4j://localhost:7687")
    stats = store.stats()
    assert list(stats["nodes"]) == [n.label for n in NODES]
    assert list(stats["edges"]) == [r.name for r in RELS]
    query = "MATCH (p:Plan) WHERE p.province = $p RETURN p.province AS province"
    result = store.run(query, {"p": "Tuyên Quang"})
    assert result.columns == ["province"] and result.rows == [["Tuyên Quang"]]
    assert server.reads[-1] == [(query, {"p": "Tuyên Quang"})]
    assert server.committed == [] and server.auto == []


def test_a_query_error_is_one_line(server):
    store = Neo4jStore("neo4j://localhost:7687")
    server.query_error = CypherSyntaxError("Invalid input 'RETRN': expected\n  \"RETURN\"")
    with pytest.raises(StoreError) as err:
        store.run("MATCH (n) RETRN n")
    assert "\n" not in str(err.value) and "không chạy truy vấn được" in str(err.value)


# -- credentials and connection errors ------------------------------------------------------

def test_a_wrong_password_is_one_line_without_the_credentials(server):
    server.connect_error = AuthError("The client is unauthorized due to authentication failure.")
    with pytest.raises(StoreError) as err:
        Neo4jStore(f"neo4j+s://{USER}:{PASSWORD}@graph.example:7687")
    message = str(err.value)
    assert message.startswith("Neo4j từ chối đăng nhập / authentication failed at "
                              "neo4j+s://graph.example:7687")
    assert "\n" not in message and PASSWORD not in message and USER not in message
    assert err.value.__cause__ is None and server.drivers[0].closed


def test_a_driver_message_never_shows_the_password(server, monkeypatch):
    monkeypatch.setenv(neo4j_store.ENV_PASSWORD, PASSWORD)
    server.connect_error = ServiceUnavailable(f"routing failed for basic {PASSWORD}\nretry")
    with pytest.raises(StoreError) as err:
        Neo4jStore("neo4j://graph.example:7687")
    assert "cannot reach Neo4j at neo4j://graph.example:7687" in str(err.value)
    assert PASSWORD not in str(err.value) and "\n" not in str(err.value)


def test_repr_and_location_hide_the_credentials(server):
    store = Neo4jStore(f"bolt://{USER}:{PASSWORD}@localhost:7687")
    assert store.location == "bolt://localhost:7687"
    assert PASSWORD not in repr(store) and USER not in repr(store)
    assert PASSWORD not in str(vars(store))


@pytest.fixture
def closed_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("scheme", ["bolt", "neo4j"])
def test_an_unreachable_server_is_one_line_with_the_real_driver(scheme, closed_port,
                                                                monkeypatch):
    monkeypatch.setenv(neo4j_store.ENV_PASSWORD, PASSWORD)
    with pytest.raises(StoreError) as err:
        Neo4jStore(f"{scheme}://127.0.0.1:{closed_port}")
    message = str(err.value)
    assert message.startswith(f"Không kết nối được Neo4j / cannot reach Neo4j at "
                              f"{scheme}://127.0.0.1:{closed_port}")
    assert "\n" not in message and PASSWORD not in message


def test_credentials_come_from_the_location_or_the_environment():
    env = {"PLANGRAPH_NEO4J_USER": "an", "PLANGRAPH_NEO4J_PASSWORD": "p@ss:w",
           "PLANGRAPH_NEO4J_DATABASE": "kehoach"}
    t = parse_location("neo4j://localhost:7687", env)
    assert (t.uri, t.auth, t.database) == ("neo4j://localhost:7687", ("an", "p@ss:w"), "kehoach")
    t = parse_location("bolt://b%C3%ACnh:p%40ss@10.0.0.5:7687", env)
    assert (t.uri, t.auth) == ("bolt://10.0.0.5:7687", ("bình", "p@ss"))
    assert parse_location("neo4j://h:7687", {"PLANGRAPH_NEO4J_PASSWORD": "x"}).auth == (
        "neo4j", "x")
    assert parse_location("neo4j://h:7687", {}).auth is None  # a server without authentication


@pytest.mark.parametrize(("location", "message"), [
    ("neo4j://an@h:7687", "no Neo4j password for neo4j://h:7687"),
    ("neo4j://h:port", "invalid Neo4j location"),
    ("neo4j://h:7687/kehoach", "PLANGRAPH_NEO4J_DATABASE"),
])
def test_a_bad_location_is_one_line(location, message):
    with pytest.raises(StoreError, match=message):
        parse_location(location, {})


def test_the_cli_shows_an_unreachable_server_as_one_line(closed_port, tmp_path):
    for args in (["--db", f"bolt://127.0.0.1:{closed_port}", "stats"],
                 ["push", "--from", str(tmp_path / "none.lbdb"), "--to", "neo4j://localhost:1"],
                 ["push", "--from", "neo4j://a:b@h:7687", "--to", "neo4j://h:7687"]):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output and result.output.count("\n") == 1
        assert "a:b" not in result.output


def test_ingest_keeps_its_per_file_failures_when_the_final_count_fails(server, seeds, tmp_path):
    server.read_error = ServiceUnavailable("Connection to the server was lost")
    empty = tmp_path / "trong.txt"
    empty.write_text("   \n")
    result = CliRunner().invoke(main, ["--db", "neo4j://localhost:7687", "ingest",
                                       str(seeds["tq2024_table"]), str(empty)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert f"{empty}: " in result.output  # the file that could not be read is still named
    assert "cannot reach Neo4j at neo4j://localhost:7687: Connection to the server was lost" \
        in result.output
    assert "Lỗi / failed: 2 văn bản / documents" in result.output


# -- push ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def embedded(tmp_path_factory, seeds):
    path = tmp_path_factory.mktemp("push") / "plangraph.lbdb"
    extractions = [extract_file(seeds[k]) for k in ("tq2024_table", "hn2024_parentheses")]
    with LadybugStore(path) as store:
        for x in extractions:
            store.replace_plan(plan_rows(x))
    return path, extractions


def same_rows(a, b):
    return sorted(map(repr, a)) == sorted(map(repr, b))


def test_push_cuts_the_embedded_store_into_each_document_s_rows(embedded):
    path, extractions = embedded
    with LadybugStore(path, read_only=True) as store:
        parts, rest = split_by_plan(read_graph(store))
    assert len(parts) == 2
    for x in extractions:
        built = plan_rows(x)
        part = next(p for p in parts if p.nodes["Plan"][0]["id"] == built.nodes["Plan"][0]["id"])
        # the store does not keep the order rows were written in
        assert same_rows(part.nodes["Task"], built.nodes["Task"])
        for edges in built.edges:
            if edges.rel != "LA_LOAI":  # structural: pushed with the rest
                pushed = part.edge_rows(edges.rel, edges.from_label, edges.to_label)
                assert same_rows(pushed, edges.rows), edges.rel
        assert {r["id"] for r in part.nodes["Agency"]} == {r["id"] for r in built.nodes["Agency"]}
    assert rest.edge_rows("LA_LOAI", "Agency", "AgencyType")


def test_push_writes_every_plan_in_its_own_transaction_and_reports(embedded, server):
    path, _ = embedded
    with LadybugStore(path, read_only=True) as store:
        stats = store.stats()
    result = CliRunner().invoke(main, ["push", "--from", str(path), "--to",
                                       f"neo4j://{USER}:{PASSWORD}@localhost:7687"])
    assert result.exit_code == 0, result.output
    first = next(i for i, tx in enumerate(server.committed) if tx[0][0].startswith(
        "MATCH (p:Plan) WHERE p.id IN $ids"))  # after the reference data, if any
    plans, rest = server.committed[first:-1], server.committed[-1]
    assert len(plans) == stats["nodes"]["Plan"]
    sent = [p for tx in plans for c, p in tx if "MERGE (n:Task " in c]
    assert sum(len(p["rows"]) for p in sent) == stats["nodes"]["Task"]
    for rel in ("CHU_TRI", "PHOI_HOP", "THUC_HIEN", "CAN_CU", "TRICH_DAN", "THUOC_TINH"):
        rows = [r for tx in [*plans, rest] for c, p in tx if f"[r:{rel}]" in c
                for r in p["rows"]]
        assert len(rows) == stats["edges"][rel], rel
    assert any("[r:LA_LOAI]" in c for c, _ in rest)
    assert f"Đã đẩy 2 kế hoạch, {stats['nodes']['Task']} nhiệm vụ" in result.output
    assert "neo4j://localhost:7687" in result.output and PASSWORD not in result.output
