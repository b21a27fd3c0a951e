"""The store interface every graph store implements, on graph rows (graph/rows.py).

Implementations: graph/ladybug_store.py (embedded LadybugDB, the default) and
graph/neo4j_store.py (a Neo4j server); graph/open.py picks one from a location string. This
module imports neither: callers that only need the interface stay light.

A document's part of the graph is written with `replace_plan(plan_rows(extraction))`
(graph/build.py); what no document owns (reference data, push's remainder) with `merge`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from contextlib import AbstractContextManager
    from typing import Self

    from plangraph.graph.rows import GraphRows
    from plangraph.graph.search import Query

DEFAULT_LOCATION = "plangraph.lbdb"
NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


class StoreError(Exception):
    """A store problem to show the user as one line (no traceback)."""


@dataclass
class LoadSummary:
    plan_id: str
    replaced: bool  # the plan was in the store before and has been replaced
    nodes: dict[str, int] = field(default_factory=dict)  # label -> rows written
    edges: dict[str, int] = field(default_factory=dict)  # type -> rows written


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]


class GraphStore(Protocol):
    """What every store offers (tests/test_store_contract.py holds both stores to it)."""

    location: str  # safe to show: never holds credentials
    dialect: str  # "ladybug" | "neo4j": the Cypher dialect `run` speaks

    def replace_plan(self, rows: GraphRows) -> LoadSummary:
        """Write one document's rows (graph/build.py's `plan_rows`) in place of what earlier
        loads of the same document (same plan id or same file) wrote. All or nothing: on
        failure the store is as it was."""

    def replace_plans(self, documents: list[GraphRows]) -> list[LoadSummary]:
        """`replace_plan` of each document in turn, all in one transaction (all or nothing)
        and far cheaper than one transaction each."""

    def remove_plan(self, file_or_id: str) -> list[str]:
        """Delete what loads of one document (its file name or plan id) wrote, and the shared
        nodes nothing else uses; the plan ids removed (empty: none). All or nothing."""

    def merge(self, rows: GraphRows) -> None:
        """Write rows no document owns (shared nodes, structural edges), in one transaction."""

    def stats(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: count}, "edges": {type: count}} for every label and type."""

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a read-only query with parameters."""

    def snapshot(self) -> AbstractContextManager[None]:
        """A block whose reads belong together (a canned query's look-ups and its answer):
        on LadybugDB they all see the state committed when it began, a write committed
        meanwhile is seen after it. Neo4j reads committed data statement by statement (its
        isolation level): there the block changes nothing."""

    def search_tasks(self, query: Query) -> list[str]:
        """Ids of the tasks whose text holds every phrase of `query` with diacritics ignored
        (the store's full-text index); graph/search.py's `find` then applies the diacritics
        typed."""

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


def load_summary(rows: GraphRows, replaced: bool) -> LoadSummary:
    edges: Counter[str] = Counter()
    for e in rows.edges:
        edges[e.rel] += len(e.rows)
    return LoadSummary(plan_id=rows.nodes["Plan"][0]["id"], replaced=replaced,
                       nodes={label: len(r) for label, r in rows.nodes.items()},
                       edges=dict(edges))


def files_named(plans: list[dict[str, Any]]) -> str:
    """The documents of a failed write, for its message."""
    files = [str(p["file"]) for p in plans]
    return ", ".join(files) if len(files) <= 3 else \
        f"{', '.join(files[:3])} (+{len(files) - 3} văn bản / documents)"


def resolve_location(location: str | None) -> str:
    import os

    return location or os.environ.get("PLANGRAPH_DB") or DEFAULT_LOCATION


def __getattr__(name: str) -> Any:
    # `open_store` lives in graph/open.py; this alias keeps older imports working without
    # importing any implementation when this module loads.
    if name == "open_store":
        from plangraph.graph.open import open_store

        return open_store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
