"""The shared store: a Neo4j server, through the official `neo4j` driver.

Same graph as the embedded store (graph/schema.py), same questions. Credentials come from
PLANGRAPH_NEO4J_USER / PLANGRAPH_NEO4J_PASSWORD or from the location
(neo4j://user:pass@host:7687); the database from PLANGRAPH_NEO4J_DATABASE (default: the
server's). Credentials are never shown: not in `location`, repr or any message.

The statements come from graph/statements.py (finding, replacing, counting: shared with the
embedded store) and graph/neo4j_cypher.py (writing). A document's load is one write
transaction: find what an earlier load of it wrote, delete that, write the new rows; a failure
rolls it all back. Constraints, indexes and the reference data are written at the first write.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import SplitResult, unquote, urlsplit, urlunsplit

from neo4j import Driver, GraphDatabase, RoutingControl
from neo4j.exceptions import (
    AuthError,
    ClientError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from plangraph.graph import bolt_probe, statements
from plangraph.graph import neo4j_cypher as cypher
from plangraph.graph.reference import reference, reference_ids
from plangraph.graph.rows import GraphRows
from plangraph.graph.search import Query
from plangraph.graph.store import LoadSummary, QueryResult, StoreError, load_summary

if TYPE_CHECKING:
    from neo4j import ManagedTransaction

ENV_USER = "PLANGRAPH_NEO4J_USER"
ENV_PASSWORD = "PLANGRAPH_NEO4J_PASSWORD"
ENV_DATABASE = "PLANGRAPH_NEO4J_DATABASE"
DEFAULT_USER = "neo4j"

# The driver logs a failed connection as a warning before raising; the raised error is what the
# user sees (one line). Without a handler of its own, Python would print the warning too.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


@dataclass(frozen=True)
class Target:
    uri: str  # without credentials: safe to show
    auth: tuple[str, str] | None
    database: str | None


def parse_location(location: str, env: Mapping[str, str] | None = None) -> Target:
    """The server, credentials and database of a neo4j://… location (and the environment)."""
    env = os.environ if env is None else env
    parts = urlsplit(location)
    host = parts.netloc.rpartition("@")[2]
    uri = urlunsplit((parts.scheme, host, "", parts.query, ""))
    if not _has_host_and_port(parts):
        raise StoreError(f"Địa chỉ Neo4j không hợp lệ / invalid Neo4j location {uri}: "
                         "neo4j://host:7687")
    if parts.path not in ("", "/"):
        raise StoreError(f"Địa chỉ Neo4j không nhận đường dẫn / no path allowed in {uri}; name "
                         f"the database with {ENV_DATABASE}")
    user = unquote(parts.username) if parts.username else env.get(ENV_USER)
    password = unquote(parts.password) if parts.password else env.get(ENV_PASSWORD)
    if user and not password:
        raise StoreError(f"Thiếu mật khẩu Neo4j / no Neo4j password for {uri}: set "
                         f"{ENV_PASSWORD}")
    auth = (user or DEFAULT_USER, password) if password else None
    return Target(uri, auth, env.get(ENV_DATABASE) or None)


class Neo4jStore:
    """graph/store.py's GraphStore on a Neo4j server."""

    dialect = "neo4j"

    def __init__(self, location: str) -> None:
        target = parse_location(location)
        self.location = target.uri
        self._database = target.database
        self._mask = _masker(target.auth[1] if target.auth else None)
        self._prepared = False
        with self._errors("kết nối", "connect"):
            self._driver = _connect(target)
        if self._database:  # a database that does not exist is one line here, for every command
            with self._errors("kết nối", "connect"):
                try:
                    self._driver.execute_query("RETURN 1", database_=self._database,
                                               routing_=RoutingControl.READ)
                except BaseException:
                    self._driver.close()
                    raise

    def __repr__(self) -> str:
        return f"Neo4jStore({self.location!r}, database={self._database!r})"

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._driver.close()

    # -- writing (graph/store.py's GraphStore) ---------------------------------------------------

    def replace_plan(self, rows: GraphRows) -> LoadSummary:
        return self.replace_plans([rows])[0]

    def replace_plans(self, documents: list[GraphRows]) -> list[LoadSummary]:
        self._prepare()
        with self._errors("ghi", "write"):
            olds = self._write(lambda tx: statements.replace_plans(
                _runner(tx), self.dialect, documents, cypher.write_statements, reference_ids()))
        return [load_summary(rows, replaced=bool(old))
                for rows, old in zip(documents, olds, strict=True)]

    def remove_plan(self, file_or_id: str) -> list[str]:
        self._prepare()
        with self._errors("xoá", "remove"):
            return self._write(lambda tx: statements.remove_plans(
                _runner(tx), self.dialect, file_or_id, reference_ids()))

    def merge(self, rows: GraphRows) -> None:
        self._prepare()
        with self._errors("ghi", "write"):
            self._write(lambda tx: _run_all(tx, cypher.write_statements(rows)))

    def _prepare(self) -> None:
        """Constraints and indexes, then the reference data: once per store, idempotent."""
        if self._prepared:
            return
        with self._errors("tạo lược đồ", "create the schema"), self._session() as session:
            for statement in cypher.schema_statements():  # schema changes: one per transaction
                session.run(statement.cypher).consume()
        statements = cypher.write_statements(reference(), overwrite=True)
        if statements:
            with self._errors("nạp dữ liệu tham chiếu", "load the reference data"):
                self._write(lambda tx: _run_all(tx, statements))
        self._prepared = True

    def _write(self, work: Callable[[ManagedTransaction], Any]) -> Any:
        with self._session() as session:
            return session.execute_write(work)

    # -- reading ------------------------------------------------------------------------------

    def stats(self) -> dict[str, dict[str, int]]:
        def count(tx: ManagedTransaction) -> dict[str, dict[str, int]]:
            out: dict[str, dict[str, int]] = {"nodes": {}, "edges": {}}
            for (kind, name), statement in statements.count_statements().items():
                out[kind][name] = tx.run(statement).single(strict=True)[0]
            return out

        with self._errors("đọc", "read"), self._session() as session:
            return session.execute_read(count)

    def run(self, query: str, params: dict[str, Any] | None = None) -> QueryResult:
        def read(tx: ManagedTransaction) -> QueryResult:
            result = tx.run(query, params or {})
            return QueryResult(columns=list(result.keys()), rows=[list(r.values()) for r in result])

        with self._errors("chạy truy vấn", "run the query"), self._session() as session:
            return session.execute_read(read)

    def snapshot(self) -> AbstractContextManager[None]:
        return nullcontext()  # read committed, statement by statement (graph/store.py)

    def search_tasks(self, query: Query) -> list[str]:
        if not query:
            return []
        statement = cypher.search_statement(query.index_query())
        return [row[0] for row in self.run(statement.cypher, statement.params).rows]

    # -- driver ---------------------------------------------------------------------------------

    def _session(self) -> Any:
        return self._driver.session(database=self._database)

    @contextmanager
    def _errors(self, vi: str, en: str) -> Iterator[None]:
        """Driver and server errors as one line naming the server, never the credentials."""
        where = self.location + (f" (database {self._database})" if self._database else "")
        try:
            yield
        except AuthError:
            raise StoreError(f"Neo4j từ chối đăng nhập / authentication failed at {where}: check "
                             f"{ENV_USER} / {ENV_PASSWORD}") from None
        except (ServiceUnavailable, SessionExpired, OSError) as exc:
            raise StoreError(f"Không kết nối được Neo4j / cannot reach Neo4j at {where}: "
                             f"{self._mask(exc)}") from None
        except ClientError as exc:
            if exc.code == "Neo.ClientError.Database.DatabaseNotFound":
                raise StoreError(f"Neo4j không có cơ sở dữ liệu / no such database: {where} "
                                 f"({ENV_DATABASE})") from None
            raise StoreError(f"Neo4j: không {vi} được / cannot {en} ({where}): "
                             f"{self._mask(exc)}") from None
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"Neo4j: không {vi} được / cannot {en} ({where}): "
                             f"{self._mask(exc)}") from None


def _has_host_and_port(parts: SplitResult) -> bool:
    try:
        return bool(parts.hostname) and parts.port != 0
    except ValueError:  # a port that is not a number
        return False


def _connect(target: Target) -> Driver:
    # Bounded waits: a port that is not a Bolt server may never answer the handshake.
    driver = GraphDatabase.driver(target.uri, auth=target.auth, connection_timeout=10,
                                  connection_acquisition_timeout=15)
    try:
        driver.verify_connectivity()
    except ValueError as exc:  # how the driver says a host name does not resolve
        driver.close()
        raise ServiceUnavailable(str(exc)) from None
    except (ServiceUnavailable, SessionExpired, OSError) as exc:
        driver.close()
        # TLS asked for and not offered, or the reverse, or no Bolt server there: say which.
        why = bolt_probe.explain(target.uri)
        if why:
            raise StoreError(why) from None
        raise exc from None
    except BaseException:
        driver.close()
        raise
    return driver


def _runner(tx: ManagedTransaction) -> statements.Run:
    def run(statement: statements.Statement) -> list[list[Any]]:
        rows = [list(r.values()) for r in tx.run(statement.cypher, statement.params)]
        if statement.expect is not None and rows[0][0] != statement.expect:
            raise StoreError(f"{statement.expect - rows[0][0]} quan hệ thiếu đầu mút / edges "
                             "whose end node is missing")
        return rows

    return run


def _run_all(tx: ManagedTransaction, writes: list[statements.Statement]) -> None:
    run = _runner(tx)
    for statement in writes:
        run(statement)


def _masker(secret: str | None) -> Callable[[object], str]:
    """One line of a driver message, with the password (if it were ever there) masked."""
    def mask(message: object) -> str:
        text = " ".join(str(message).split())
        return text.replace(secret, "***") if secret else text

    return mask
