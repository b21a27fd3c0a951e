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

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import ladybug
import pandas as pd

from plangraph.graph import statements
from plangraph.graph.lock import WriterLock
from plangraph.graph.reference import reference, reference_ids
from plangraph.graph.rows import EdgeRows, GraphRows
from plangraph.graph.schema import NODE_BY_LABEL, NODES, OWN_LABELS, REL_BY_NAME, RELS
from plangraph.graph.search import Query
from plangraph.graph.store import (
    LoadSummary,
    QueryResult,
    StoreError,
    files_named,
    load_summary,
)
from plangraph.graph.task_index import SUFFIX as INDEX_SUFFIX
from plangraph.graph.task_index import TaskIndex


def _execute(conn: ladybug.Connection, cypher: str,
             params: dict[str, Any] | None = None) -> ladybug.QueryResult:
    """One statement's result (`Connection.execute` gives a list only for several statements,
    which plangraph never sends in one call)."""
    result = conn.execute(cypher, params or {})
    assert not isinstance(result, list)
    return result


def _rows(conn: ladybug.Connection, cypher: str,
          params: dict[str, Any] | None = None) -> list[list[Any]]:
    """All rows of one statement, as lists."""
    return cast(list[list[Any]], _execute(conn, cypher, params).get_all())


def _all_rows(result: ladybug.QueryResult) -> list[list[Any]]:
    """The rows `get_all()` gives, read from the result's native cursor in one loop:
    `get_all()` checks the result is open twice a row, in Python (a third of the time of a
    30,000-row answer)."""
    cursor = getattr(result, "_query_result", None)
    if cursor is None or getattr(result, "as_dict", False):
        return cast(list[list[Any]], result.get_all())
    result.check_for_query_result_close()
    rows, more, row = [], cursor.hasNext, cursor.getNext
    while more():
        rows.append(row())
    return rows


def _is_ladybug_file(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"LBUG"
    except OSError:
        return True  # let LadybugDB say what is wrong


READER_WAIT = 30.0  # seconds a reader waits for a writer's checkpoint to finish
# A read-only open's buffer pool: LadybugDB's default is 80% of the machine's memory, and pages
# read stay cached for the life of the process (`plangraph serve`). At 3,000 plans every canned
# query answers with 512 MiB, alone or all fifteen in turn in one process
# (benchmarks/README.md, "Peak memory"); 768 MiB leaves half as much again above that. A
# query's working memory grows with the store (the 3,000 plans' file: 177 MB), so a larger
# store gets 4x its file; PLANGRAPH_READ_POOL_MB sets it (0: LadybugDB's default).
READ_POOL = 768 * 2**20
POOL_PER_FILE_BYTE = 4


def read_pool(path: Path) -> int:
    """The buffer pool of a read-only open, in bytes (0: LadybugDB's default)."""
    given = os.environ.get("PLANGRAPH_READ_POOL_MB", "").strip()
    if given:
        try:
            return max(0, int(float(given) * 2**20))
        except ValueError:
            raise StoreError(f"PLANGRAPH_READ_POOL_MB={given!r}: cần một số MiB / "
                             "expected a number of MiB") from None
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return max(READ_POOL, POOL_PER_FILE_BYTE * size)


def _pool_full(exc: BaseException) -> bool:
    return "buffer pool is full" in str(exc).lower()


def _pool_error(path: Path) -> StoreError:
    return StoreError("Kho cần nhiều bộ nhớ hơn vùng đệm / the store needs more memory than its "
                      "buffer pool: set PLANGRAPH_READ_POOL_MB (now "
                      f"{read_pool(path) >> 20} MiB; 0 = LadybugDB's default, 80% of RAM)")


def _database(path: Path, read_only: bool) -> ladybug.Database:
    """LadybugDB refuses a read-only open while a checkpoint is pending: a writer checkpointing
    now (wait for it), or one killed while it did (no one holds the lock: recover by opening
    read-write once, under the lock, as LadybugDB asks)."""
    deadline = time.monotonic() + READER_WAIT
    while True:
        try:
            return ladybug.Database(str(path), read_only=read_only,
                                    buffer_pool_size=read_pool(path) if read_only else 0)
        except RuntimeError as exc:
            if not read_only or "recovery is pending" not in str(exc) \
                    or time.monotonic() > deadline:
                raise
        try:
            with WriterLock(path):
                ladybug.Database(str(path)).close()
        except StoreError:  # a writer is at work
            time.sleep(0.05)


def _on_disk(path: Path) -> tuple[tuple[int, int] | None, ...]:
    """The store file's and its write-ahead log's modification time and size: what changes
    when a writer commits."""
    seen: list[tuple[int, int] | None] = []
    for file in (path, Path(f"{path}.wal")):
        try:
            st = file.stat()
        except FileNotFoundError:
            seen.append(None)
        else:
            seen.append((st.st_mtime_ns, st.st_size))
    return tuple(seen)


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
    """graph/store.py's GraphStore on one LadybugDB file."""

    dialect = "ladybug"

    def __init__(self, location: str | Path, read_only: bool = False) -> None:
        self.location = str(location)
        path = Path(location)
        if path.is_dir():
            raise StoreError(f"{path} là thư mục, cần một tệp / is a directory; the embedded "
                             "store is one file (e.g. plangraph.lbdb)")
        if path.exists() and not path.is_file():  # a device, pipe or socket: never written
            raise StoreError(f"{path} không phải tệp thường / is not a regular file (a device, "
                             "pipe or socket): left untouched; choose another --db")
        if path.is_file() and path.stat().st_size and not _is_ladybug_file(path):
            raise StoreError(f"{path} không phải kho plangraph (LadybugDB) / is not a plangraph "
                             "store (LadybugDB file): left untouched; choose another --db")
        if read_only and not path.exists():
            raise StoreError(f"Chưa có kho đồ thị / no graph store at {path}: "
                             "run `plangraph ingest` first")
        self._lock: WriterLock | None = None
        self._seen = _on_disk(path)  # before opening: a commit after this is seen next time
        self._pinned = 0  # inside `snapshot()`: the state stays the one seen at its start
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._lock = WriterLock(path).acquire()
        try:
            self._db = _database(path, read_only)
            self._conn = ladybug.Connection(self._db)
        except (RuntimeError, MemoryError) as exc:
            self._release()
            if read_only and _pool_full(exc):
                raise _pool_error(path) from exc
            # a damaged log is named as such, or its garbage read as a huge record length
            # (std::bad_alloc, seen after kill -9 and a log overwritten in the middle)
            if "WAL file is corrupted" in str(exc) or isinstance(exc, MemoryError) \
                    and Path(f"{path}.wal").exists():
                raise StoreError(
                    f"Kho {path}: nhật ký ghi hỏng (đĩa từng đầy?) / its write-ahead log is "
                    f"damaged (was the disk full?): move {path.name}.wal aside to open the store "
                    "as of its last checkpoint, then ingest again") from exc
            raise StoreError(f"Không mở được kho / cannot open store {path}: {exc}") from exc
        self._path, self._read_only = path, read_only
        self._index: TaskIndex | None = None  # opened at the first search or write
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
            if self._index is not None:
                self._index.close()
                self._index = None
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
        return {row[0] for row in _rows(self._conn, "CALL show_tables() RETURN name")}

    def _create_schema(self) -> None:
        """Tables and reference data in one transaction: a reader opening a new store sees it
        empty of tables or complete, never half made (then it would look outdated)."""
        fresh = "Plan" not in self._tables()

        def create(run: statements.Run) -> None:
            for node in NODES:
                run(statements.Statement(node_ddl(node.label), {}))
            for rel in RELS:
                run(statements.Statement(rel_ddl(rel.name), {}))
            if fresh:
                for statement in write_statements(reference(), True):
                    run(statement)

        self._in_transaction(create)

    def _check_schema(self) -> None:
        if not self._tables():
            raise StoreError(f"Kho {self.location} còn trống (một lệnh nạp đang tạo nó?) / the "
                             "store is still empty (is an ingest creating it?): run `plangraph "
                             "ingest` or wait for it")
        for name, props in [(n.label, n.props) for n in NODES] + [(r.name, r.props) for r in RELS]:
            try:
                info = _rows(self._conn, f"CALL table_info('{name}') RETURN name")
            except RuntimeError:
                info = None
            if info is None or [row[0] for row in info] != list(props):
                raise StoreError(
                    f"Kho {self.location} theo lược đồ cũ / the store's schema is "
                    f"outdated ({name}): delete it and ingest again")
        for rel in RELS:
            pairs = _rows(self._conn, f"CALL show_connection('{rel.name}') RETURN *")
            if sorted((a, b) for a, b, *_ in pairs) != sorted(rel.pairs):
                raise StoreError(f"Kho {self.location} theo lược đồ cũ / the store's schema is "
                                 f"outdated ({rel.name}): delete it and ingest again")

    def load_reference(self) -> None:
        """(Re)load the reference data (provinces, agency types, themes, successions)."""
        self._in_transaction(lambda run: [run(s) for s in write_statements(reference(), True)])

    # -- writing (graph/store.py's GraphStore) ---------------------------------------------------

    def replace_plan(self, rows: GraphRows) -> LoadSummary:
        return self.replace_plans([rows])[0]

    def replace_plans(self, documents: list[GraphRows]) -> list[LoadSummary]:
        plans = [rows.nodes["Plan"][0] for rows in documents]

        def index(olds: list[list[str]]) -> None:
            for plan, rows, old in zip(plans, documents, olds, strict=True):
                self._task_index().remove(old)
                self._task_index().add(plan["id"], plan.get("content_hash"),
                                       [(t["id"], t["text"]) for t in rows.nodes.get("Task", [])])

        try:
            olds = self._in_transaction(lambda run: statements.replace_plans(
                run, self.dialect, documents, lambda rows: write_statements(rows, False),
                reference_ids()), index)
        except RuntimeError as exc:
            raise StoreError(f"không ghi được / cannot write {files_named(plans)}: {exc}") from exc
        return [load_summary(rows, replaced=bool(old))
                for rows, old in zip(documents, olds, strict=True)]

    def remove_plan(self, file_or_id: str) -> list[str]:
        try:
            return self._in_transaction(lambda run: statements.remove_plans(
                run, self.dialect, file_or_id, reference_ids()), self._task_index().remove)
        except RuntimeError as exc:
            raise StoreError(f"không xoá được / cannot remove {file_or_id}: {exc}") from exc

    def merge(self, rows: GraphRows) -> None:
        try:
            self._in_transaction(lambda run: [run(s) for s in write_statements(rows, False)])
        except RuntimeError as exc:
            raise StoreError(f"không ghi được / cannot write: {exc}") from exc

    def _in_transaction(self, work: Callable[[statements.Run], Any],
                        index: Callable[[Any], None] | None = None) -> Any:
        """`work` in one write transaction; `index` (given what `work` returned) changes the
        task index in a transaction of its own, committed just after the store's."""
        # A connection of its own: ladybug caches a prepared statement for every DataFrame
        # passed as a parameter (~7 MB each) until the connection closes.
        task_index = self._task_index() if index else None
        with ladybug.Connection(self._db) as conn:
            def run(statement: statements.Statement) -> list[list[Any]]:
                rows = _rows(conn, statement.cypher, statement.params)
                if statement.expect is not None and rows[0][0] != statement.expect:
                    raise StoreError(f"{statement.expect - rows[0][0]} quan hệ thiếu đầu mút / "
                                     "edges whose end node is missing")
                return rows

            conn.execute("BEGIN TRANSACTION")
            try:
                result = work(run)
                if task_index and index:
                    task_index.begin()
                    index(result)
                conn.execute("COMMIT")
            except BaseException:
                # A failed statement has already rolled the transaction back; a Python error
                # between statements has not.
                if task_index:
                    task_index.rollback()
                try:
                    conn.execute("ROLLBACK")
                except RuntimeError:
                    pass
                raise
            if task_index:
                task_index.commit()
        return result

    # -- the task index (graph/task_index.py) -------------------------------------------------

    def _task_index(self) -> TaskIndex:
        """The task index, rebuilt from the store first if the two disagree (or, opened by a
        writer, if it is in an earlier shape: graph/task_index.py's VERSION)."""
        if self._index is None:
            index = TaskIndex(None if self._read_only and not self._index_file().exists()
                              else self._path)
            plans = {r[0]: r[1] for r in _rows(
                self._conn, "MATCH (p:Plan) RETURN p.id, p.content_hash")}
            if index.plans() != plans or not (self._read_only or index.current()):
                if self._read_only:  # a stale index: build a fresh one in memory only
                    index.close()
                    index = TaskIndex(None)
                tasks = _rows(self._conn, "MATCH (t:Task) RETURN t.id, t.plan_id, t.text")
                index.rebuild(plans, ((i, plan, text) for i, plan, text in tasks))
            self._index = index
        return self._index

    def _index_file(self) -> Path:
        return Path(f"{self._path}{INDEX_SUFFIX}")

    def _follow_writes(self) -> None:
        """A read-only store sees what a writer committed after it was opened (an ingest beside
        `plangraph serve` or a notebook): LadybugDB's read-only database keeps the state it
        opened, so it is opened again when the file or its log changed. Each statement still
        sees one committed state, before or after a document, never half of one."""
        if not self._read_only or self._pinned:
            return
        now = _on_disk(self._path)
        if now == self._seen:
            return
        if self._index is not None:
            self._index.close()
            self._index = None
        self._conn.close()
        self._db.close()
        self._db = _database(self._path, True)
        self._conn = ladybug.Connection(self._db)
        self._seen = now

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        self._follow_writes()
        self._pinned += 1
        try:
            yield
        finally:
            self._pinned -= 1

    def search_tasks(self, query: Query) -> list[str]:
        self._follow_writes()
        return self._task_index().search(query)

    # -- reading ------------------------------------------------------------------------------

    def stats(self) -> dict[str, dict[str, int]]:
        self._follow_writes()
        out: dict[str, dict[str, int]] = {"nodes": {}, "edges": {}}
        for (kind, name), cypher in statements.count_statements().items():
            out[kind][name] = _rows(self._conn, cypher)[0][0]
        return out

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """The statement's rows. One with parameters runs on a connection of its own, closed
        after: LadybugDB keeps each statement it prepared on a connection, and with it the
        memory of its last run (hash tables, collected lists), until the connection closes; a
        process that ran all fifteen canned queries at 3,000 plans held ~700 MiB that way, and
        with a bounded pool the next query failed ("the buffer pool is full"). Preparing again
        costs 2-9 ms a canned query."""
        self._follow_writes()
        conn = ladybug.Connection(self._db) if params else self._conn
        try:
            try:
                result = _execute(conn, cypher, params)
            except RuntimeError as exc:
                if _pool_full(exc):
                    raise _pool_error(Path(self.location)) from exc
                raise StoreError(f"Truy vấn lỗi / query failed: {exc}") from exc
            try:
                return QueryResult(columns=result.get_column_names(), rows=_all_rows(result))
            finally:
                # closed now, not when the garbage collector reaches it: a LadybugDB result
                # freed after its database was closed crashes the process
                result.close()
        finally:
            if conn is not self._conn:
                conn.close()


# -- the bulk write path: one statement per label or edge group, rows in a DataFrame -----------

def write_statements(rows: GraphRows, overwrite: bool) -> Iterator[statements.Statement]:
    """Nodes then edges, each statement built as it is taken (its DataFrame only then). Shared
    nodes are merged: `overwrite` replaces their properties (reference data), otherwise a
    document only fills the properties still empty."""
    for node in NODES:
        if rows.nodes.get(node.label):
            yield _node_statement(node.label, rows.nodes[node.label], overwrite)
    for edges in rows.edges:
        if edges.rows:
            yield _edge_statement(edges)


def _load(columns: dict[str, str], rows: list[dict[str, Any]], body: str,
          expect: int | None = None) -> statements.Statement:
    """`body` run for every row of a DataFrame, in one statement."""
    return statements.Statement(f"LOAD FROM $df {body}", {"df": frame(columns, rows)}, expect)


def _node_statement(label: str, rows: list[dict[str, Any]],
                    overwrite: bool) -> statements.Statement:
    props = NODE_BY_LABEL[label].props
    if label in OWN_LABELS:
        fields = ", ".join(f"{p}: {_typed(p, props)}" for p in props)
        return _load(props, rows, f"CREATE (n:{label} {{{fields}}})")
    others = [p for p in props if p != "id"]
    on_create = ", ".join(f"n.{p} = {_typed(p, props)}" for p in others)
    on_match = ", ".join(f"n.{p} = {_typed(p, props)}" if overwrite
                         else f"n.{p} = coalesce(n.{p}, {_typed(p, props)})" for p in others)
    sets = f" ON CREATE SET {on_create} ON MATCH SET {on_match}" if others else ""
    return _load(props, rows, f"MERGE (n:{label} {{id: id}}){sets}")


def _edge_statement(edges: EdgeRows) -> statements.Statement:
    rel = REL_BY_NAME[edges.rel]
    columns = {"src": "STRING", "dst": "STRING", **rel.props}
    rows = [{"src": r["from"], "dst": r["to"], **r} for r in edges.rows]
    # Two MATCH clauses straight after LOAD FROM are two primary-key lookups; one
    # comma-separated pattern, or a WITH in between, is planned as a join over whole tables.
    ends = f"MATCH (a:{edges.from_label} {{id: src}}) MATCH (b:{edges.to_label} {{id: dst}}) "
    fields = ", ".join(f"{p}: {_typed(p, rel.props)}" for p in rel.props)
    if "plan_id" in rel.props:  # read from one document: one edge per row
        body = f"CREATE (a)-[:{rel.name} {{{fields}}}]->(b)"
    elif edges.from_label in OWN_LABELS:
        # from a node this load created (a task): no edge yet to merge with, and LadybugDB's
        # MERGE reads the other end's whole edge list (a theme's: one edge per task in the
        # store); one edge per pair, the last row's properties, as MERGE … SET would leave it
        rows = list({(r["src"], r["dst"]): r for r in rows}.values())
        body = f"CREATE (a)-[:{rel.name} {{{fields}}}]->(b)"
    else:  # structural: one edge per pair (MERGE on null properties would never match)
        sets = ", ".join(f"r.{p} = {_typed(p, rel.props)}" for p in rel.props)
        body = f"MERGE (a)-[r:{rel.name}]->(b)" + (f" SET {sets}" if sets else "")
    return _load(columns, rows, f"{ends}{body} RETURN count(*)", expect=len(rows))


def _typed(column: str, props: dict[str, str]) -> str:
    # LOAD FROM infers a column's type from its values (an all-null column is STRING); the
    # cast sits where the value is used, since a WITH before MATCH defeats key lookups.
    return column if column == "id" else f"CAST({column} AS {props[column]})"


def frame(columns: dict[str, str], rows: list[dict[str, Any]]) -> pd.DataFrame:
    return pd.DataFrame([[row.get(c) for c in columns] for row in rows], columns=list(columns))
