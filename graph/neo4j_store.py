"""The shared store: a Neo4j server, through the official `neo4j` driver.

Same graph as the embedded store (graph/schema.py), same questions. Credentials come from
PLANGRAPH_NEO4J_USER / PLANGRAPH_NEO4J_PASSWORD or from the location
(neo4j://user:pass@host:7687); the database from PLANGRAPH_NEO4J_DATABASE (default: the
server's). Credentials are never shown: not in `location`, repr or any message.

The statements come from graph/neo4j_cypher.py. A document's load is one write transaction:
find what an earlier load of it wrote, delete that, write the new rows; a failure rolls it all
back. Constraints, indexes and the reference data are written at the first write.
"""

from __future__ import annotations

import logging
import os
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
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

from plangraph.graph import bolt_probe
from plangraph.graph import neo4j_cypher as cypher
from plangraph.graph.build import plan_rows
from plangraph.graph.reference import reference, reference_ids
from plangraph.graph.rows import GraphRows
from plangraph.graph.store import LoadSummary, QueryResult, StoreError

if TYPE_CHECKING:
    from neo4j import ManagedTransaction

    from plangraph.ingest.models import Extraction

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


def parse_location(location: str, env: dict[str, str] | None = None) -> Target:
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

    # -- writing ------------------------------------------------------------------------------

    def load(self, extraction: Extraction) -> LoadSummary:
        return self.load_rows(plan_rows(extraction))

    def load_rows(self, rows: GraphRows) -> LoadSummary:
        """Write one document's rows (`graph/build.py`'s `plan_rows`), replacing what an earlier
        load of the same document (same plan id or same file) wrote. All or nothing."""
        plan = rows.nodes["Plan"][0]
        self._prepare()
        with self._errors("ghi", "write"):
            replaced = self._write(lambda tx: _replace(tx, rows))
        edges: Counter[str] = Counter()
        for e in rows.edges:
            edges[e.rel] += len(e.rows)
        return LoadSummary(plan_id=plan["id"], replaced=replaced,
                           nodes={label: len(r) for label, r in rows.nodes.items()},
                           edges=dict(edges))

    def merge_rows(self, rows: GraphRows) -> None:
        """Write rows no document owns (shared nodes, structural edges), in one transaction."""
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
            for (kind, name), statement in cypher.count_statements().items():
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


def _replace(tx: ManagedTransaction, rows: GraphRows) -> bool:
    lookup = cypher.lookup_statement(rows.nodes["Plan"][0])
    record = tx.run(lookup.cypher, lookup.params).single(strict=True)
    old, agencies = list(record["old"]), list(record["agencies"])
    _run_all(tx, cypher.replace_statements(rows, old, agencies, reference_ids()))
    return bool(old)


def _run_all(tx: ManagedTransaction, statements: list[cypher.Statement]) -> None:
    for statement in statements:
        result = tx.run(statement.cypher, statement.params)
        if statement.expect is None:
            result.consume()
            continue
        written = result.single(strict=True)[0]
        if written != statement.expect:
            raise StoreError(f"{statement.expect - written} quan hệ thiếu đầu mút / edges whose "
                             "end node is missing")


def _masker(secret: str | None) -> Callable[[object], str]:
    """One line of a driver message, with the password (if it were ever there) masked."""
    def mask(message: object) -> str:
        text = " ".join(str(message).split())
        return text.replace(secret, "***") if secret else text

    return mask
