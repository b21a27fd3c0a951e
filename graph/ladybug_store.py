"""The embedded store: LadybugDB (the maintained Kùzu fork), one database file on disk.

Writes go through pandas DataFrames, one statement per node label or edge group, never one per
row: `LOAD FROM $df … CREATE` for what a document owns (Plan, Task, edges with provenance),
`LOAD FROM $df … MERGE` for nodes documents share (Agency, LegalAct, Programme, Province,
AgencyType, Theme) and edges without provenance (LA_LOAI, CO_CHU_DE, KE_NHIEM). Not `COPY`:
LadybugDB checkpoints the whole database at the commit of every transaction that used COPY
(~0.3 s per document, and the file grows at each), and COPY'd rows bypass the write-ahead log,
so a crash before that checkpoint would lose them. Each load is one transaction; a failed
statement rolls back everything before it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import ladybug
import pandas as pd

from plangraph.graph.build import plan_rows
from plangraph.graph.lock import WriterLock
from plangraph.graph.reference import reference, reference_ids
from plangraph.graph.rows import EdgeRows, GraphRows
from plangraph.graph.schema import MENTIONS, NODE_BY_LABEL, NODES, OWN_LABELS, REL_BY_NAME, RELS
from plangraph.graph.store import LoadSummary, QueryResult, StoreError

if TYPE_CHECKING:
    from plangraph.ingest.models import Extraction



def _is_ladybug_file(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"LBUG"
    except OSError:
        return True  # let LadybugDB say what is wrong


READER_WAIT = 30.0  # seconds a reader waits for a writer's checkpoint to finish


def _database(path: Path, read_only: bool) -> ladybug.Database:
    """LadybugDB refuses a read-only open while a checkpoint is pending: a writer checkpointing
    now (wait for it), or one killed while it did (no one holds the lock: recover by opening
    read-write once, under the lock, as LadybugDB asks)."""
    deadline = time.monotonic() + READER_WAIT
    while True:
        try:
            return ladybug.Database(str(path), read_only=read_only)
        except RuntimeError as exc:
            if not read_only or "recovery is pending" not in str(exc) \
                    or time.monotonic() > deadline:
                raise
        try:
            with WriterLock(path):
                ladybug.Database(str(path)).close()
        except StoreError:  # a writer is at work
            time.sleep(0.05)


def node_ddl(label: str) -> str:
    props = NODE_BY_LABEL[label].props
    columns = ", ".join(f"{name} {kind}" for name, kind in props.items())
    return f"CREATE NODE TABLE IF NOT EXISTS {label}({columns}, PRIMARY KEY (id))"


def rel_ddl(name: str) -> str:
    rel = REL_BY_NAME[name]
    parts = [f"FROM {a} TO {b}" for a, b in rel.pairs]
    parts += [f"{prop} {kind}" for prop, kind in rel.props.items()]
    return f"CREATE REL TABLE IF NOT EXISTS {name}({', '.join(parts)})"


class LadybugStore:
    def __init__(self, location: str | Path, read_only: bool = False) -> None:
        self.location = str(location)
        path = Path(location)
        if path.is_dir():
            raise StoreError(f"{path} là thư mục, cần một tệp / is a directory; the embedded "
                             "store is one file (e.g. plangraph.lbdb)")
        if path.is_file() and path.stat().st_size and not _is_ladybug_file(path):
            raise StoreError(f"{path} không phải kho plangraph (LadybugDB) / is not a plangraph "
                             "store (LadybugDB file): left untouched; choose another --db")
        if read_only and not path.exists():
            raise StoreError(f"Chưa có kho đồ thị / no graph store at {path}: "
                             "run `plangraph ingest` first")
        self._lock: WriterLock | None = None
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = WriterLock(path).acquire()
        try:
            self._db = _database(path, read_only)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            self._release()
            if "WAL file is corrupted" in str(exc):
                raise StoreError(
                    f"Kho {path}: nhật ký ghi hỏng (đĩa từng đầy?) / its write-ahead log is "
                    f"damaged (was the disk full?): move {path.name}.wal aside to open the store "
                    "as of its last checkpoint, then ingest again") from exc
            raise StoreError(f"Không mở được kho / cannot open store {path}: {exc}") from exc
        try:
            if not read_only:
                self._create_schema()
            self._check_schema()
        except BaseException:
            self.close()
            raise

    def __enter__(self) -> LadybugStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self._conn.close()
            self._db.close()
        finally:
            self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    # -- schema -------------------------------------------------------------------------------

    def _tables(self) -> set[str]:
        return {row[0] for row in self._conn.execute("CALL show_tables() RETURN name").get_all()}

    def _create_schema(self) -> None:
        """Tables and reference data in one transaction: a reader opening a new store sees it
        empty of tables or complete, never half made (then it would look outdated)."""
        fresh = "Plan" not in self._tables()

        def create(w: _Writer) -> None:
            for node in NODES:
                w.conn.execute(node_ddl(node.label))
            for rel in RELS:
                w.conn.execute(rel_ddl(rel.name))
            if fresh:
                w.write(reference(), overwrite=True)

        self._in_transaction(create)

    def _check_schema(self) -> None:
        if not self._tables():
            raise StoreError(f"Kho {self.location} còn trống (một lệnh nạp đang tạo nó?) / the "
                             "store is still empty (is an ingest creating it?): run `plangraph "
                             "ingest` or wait for it")
        for name, props in [(n.label, n.props) for n in NODES] + [(r.name, r.props) for r in RELS]:
            try:
                info = self._conn.execute(f"CALL table_info('{name}') RETURN name").get_all()
            except RuntimeError:
                info = None
            if info is None or [row[0] for row in info] != list(props):
                raise StoreError(
                    f"Kho {self.location} theo lược đồ cũ / the store's schema is "
                    f"outdated ({name}): delete it and ingest again")
        for rel in RELS:
            pairs = self._conn.execute(f"CALL show_connection('{rel.name}') RETURN *").get_all()
            if sorted((a, b) for a, b, *_ in pairs) != sorted(rel.pairs):
                raise StoreError(f"Kho {self.location} theo lược đồ cũ / the store's schema is "
                                 f"outdated ({rel.name}): delete it and ingest again")

    def load_reference(self) -> None:
        """(Re)load the reference data (provinces, agency types, themes, successions)."""
        self._in_transaction(lambda w: w.write(reference(), overwrite=True))

    def load(self, extraction: Extraction) -> LoadSummary:
        rows = plan_rows(extraction)
        plan = rows.nodes["Plan"][0]
        try:
            replaced = self._in_transaction(lambda w: w.replace(plan, rows))
        except RuntimeError as exc:
            raise StoreError(f"không ghi được / cannot write {extraction.file}: {exc}") from exc
        return LoadSummary(
            plan_id=plan["id"], replaced=replaced,
            nodes={label: len(r) for label, r in rows.nodes.items()},
            edges=_edge_counts(rows.edges),
        )

    def _in_transaction(self, write: Callable[[_Writer], Any]) -> Any:
        # A connection of its own: ladybug caches a prepared statement for every DataFrame
        # passed as a parameter (~7 MB each) until the connection closes.
        with ladybug.Connection(self._db) as conn:
            conn.execute("BEGIN TRANSACTION")
            try:
                result = write(_Writer(conn))
            except BaseException:
                # A failed statement has already rolled the transaction back; a Python error
                # between statements has not.
                try:
                    conn.execute("ROLLBACK")
                except RuntimeError:
                    pass
                raise
            conn.execute("COMMIT")
        return result

    # -- reading ------------------------------------------------------------------------------

    def stats(self) -> dict[str, dict[str, int]]:
        def count(pattern: str) -> int:
            return self._conn.execute(f"MATCH {pattern} RETURN count(*)").get_all()[0][0]

        return {"nodes": {n.label: count(f"(:{n.label})") for n in NODES},
                "edges": {r.name: count(f"()-[:{r.name}]->()") for r in RELS}}

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        try:
            result = self._conn.execute(cypher, params or {})
        except RuntimeError as exc:
            raise StoreError(f"Truy vấn lỗi / query failed: {exc}") from exc
        try:
            return QueryResult(columns=result.get_column_names(), rows=result.get_all())
        finally:
            # closed now, not when the garbage collector reaches it: a LadybugDB result freed
            # after its database was closed crashes the process
            result.close()


class _Writer:
    """The statements of one write transaction."""

    def __init__(self, conn: ladybug.Connection) -> None:
        self.conn = conn

    def ids(self, cypher: str, **params: Any) -> list[str]:
        return [row[0] for row in self.conn.execute(cypher, params).get_all()]

    def replace(self, plan: dict[str, Any], rows: GraphRows) -> bool:
        """Write a plan's rows in place of what earlier loads of the document wrote."""
        old = self.ids("MATCH (p:Plan) WHERE p.id = $id OR p.file = $file RETURN p.id",
                       id=plan["id"], file=plan["file"])
        named = {row["id"] for row in rows.nodes.get("Agency", [])}
        if old:
            named |= set(self.ids(f"MATCH (t:Task)<-[:{MENTIONS}]-(a:Agency) WHERE t.plan_id "
                                  "IN $old RETURN DISTINCT a.id", old=old))
            self.delete_plans(old)
        self.write(rows, overwrite=False)
        self.conn.execute(
            f"MATCH (a:Agency) WHERE a.id IN $ids OPTIONAL MATCH (a)-[r:{MENTIONS}]->() "
            "WITH a, list_sort(collect(DISTINCT r.as_written)) AS names SET a.names = names",
            {"ids": sorted(named)})
        return bool(old)

    def delete_plans(self, old: list[str]) -> None:
        """Remove what the plans wrote, then the shared nodes no document mentions any more."""
        run = self.conn.execute
        # Edges at a task or the plan go with them; the others are looked for by plan_id.
        for rel in RELS:
            for a, b in rel.pairs:
                if "plan_id" in rel.props and a not in OWN_LABELS and b not in OWN_LABELS:
                    run(f"MATCH (:{a})-[r:{rel.name}]->(:{b}) WHERE r.plan_id IN $old "
                        "DELETE r", {"old": old})
        run("MATCH (t:Task) WHERE t.plan_id IN $old DETACH DELETE t", {"old": old})
        run("MATCH (p:Plan) WHERE p.id IN $old DETACH DELETE p", {"old": old})
        run(f"MATCH (a:Agency) WHERE NOT EXISTS {{ MATCH (a)-[:{MENTIONS}]->() }} "
            "DETACH DELETE a")
        keep = {"keep": reference_ids()}
        for node in NODES:
            if node.label not in OWN_LABELS and node.label != "Agency":
                run(f"MATCH (n:{node.label}) WHERE NOT n.id IN $keep AND "
                    "NOT EXISTS { MATCH (n)--() } DELETE n", keep)

    def write(self, rows: GraphRows, overwrite: bool) -> None:
        for node in NODES:
            if rows.nodes.get(node.label):
                self.nodes(node.label, rows.nodes[node.label], overwrite)
        for edges in rows.edges:
            if edges.rows:
                self.edges(edges)

    def each_row(self, columns: dict[str, str], rows: list[dict[str, Any]], body: str) -> Any:
        """Run `body` for every row of a DataFrame in one statement; the first value returned."""
        result = self.conn.execute(f"LOAD FROM $df {body}", {"df": frame(columns, rows)})
        return result.get_next()[0] if result.has_next() else None

    def nodes(self, label: str, rows: list[dict[str, Any]], overwrite: bool) -> None:
        props = NODE_BY_LABEL[label].props
        if label in OWN_LABELS:
            fields = ", ".join(f"{p}: {_typed(p, props)}" for p in props)
            self.each_row(props, rows, f"CREATE (n:{label} {{{fields}}})")
            return
        others = [p for p in props if p != "id"]
        on_create = ", ".join(f"n.{p} = {_typed(p, props)}" for p in others)
        on_match = ", ".join(f"n.{p} = {_typed(p, props)}" if overwrite
                             else f"n.{p} = coalesce(n.{p}, {_typed(p, props)})" for p in others)
        sets = f" ON CREATE SET {on_create} ON MATCH SET {on_match}" if others else ""
        self.each_row(props, rows, f"MERGE (n:{label} {{id: id}}){sets}")

    def edges(self, edges: EdgeRows) -> None:
        rel = REL_BY_NAME[edges.rel]
        columns = {"src": "STRING", "dst": "STRING", **rel.props}
        rows = [{"src": r["from"], "dst": r["to"], **r} for r in edges.rows]
        # Two MATCH clauses straight after LOAD FROM are two primary-key lookups; one
        # comma-separated pattern, or a WITH in between, is planned as a join over whole tables.
        ends = f"MATCH (a:{edges.from_label} {{id: src}}) MATCH (b:{edges.to_label} {{id: dst}}) "
        if "plan_id" in rel.props:  # read from one document: one edge per row
            fields = ", ".join(f"{p}: {_typed(p, rel.props)}" for p in rel.props)
            body = f"CREATE (a)-[:{rel.name} {{{fields}}}]->(b)"
        else:  # structural: one edge per pair (MERGE on null properties would never match)
            sets = ", ".join(f"r.{p} = {_typed(p, rel.props)}" for p in rel.props)
            body = f"MERGE (a)-[r:{rel.name}]->(b)" + (f" SET {sets}" if sets else "")
        written = self.each_row(columns, rows, f"{ends}{body} RETURN count(*)")
        if written != len(rows):
            raise StoreError(f"{rel.name}: {len(rows) - written} quan hệ thiếu đầu mút / edges "
                             "whose end node is missing")


def _typed(column: str, props: dict[str, str]) -> str:
    # LOAD FROM infers a column's type from its values (an all-null column is STRING); the
    # cast sits where the value is used, since a WITH before MATCH defeats key lookups.
    return column if column == "id" else f"CAST({column} AS {props[column]})"


def frame(columns: dict[str, str], rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame([[row.get(c) for c in columns] for row in rows], columns=list(columns))


def _edge_counts(edges: list[EdgeRows]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in edges:
        counts[e.rel] = counts.get(e.rel, 0) + len(e.rows)
    return counts
