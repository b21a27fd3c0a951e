"""The store interface and the choice of implementation from a location string.

A location is a filesystem path (the embedded LadybugDB store, the default) or a
`neo4j://`, `neo4j+s://`, `bolt://` URI (the shared Neo4j store).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from plangraph.ingest.models import Extraction

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
    """What every store offers. Implementations: graph/ladybug_store.py, graph/neo4j_store.py."""

    location: str

    def load(self, extraction: Extraction) -> LoadSummary:
        """Write one document's part of the graph, replacing what an earlier load of the same
        document wrote. All or nothing: on failure the store is as it was."""

    def stats(self) -> dict[str, dict[str, int]]:
        """{"nodes": {label: count}, "edges": {type: count}} for every label and type."""

    def run(self, cypher: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run a read-only query with parameters."""

    def close(self) -> None: ...


def resolve_location(location: str | None) -> str:
    return location or os.environ.get("PLANGRAPH_DB") or DEFAULT_LOCATION


def open_store(location: str | None = None, *, read_only: bool = False) -> GraphStore:
    loc = resolve_location(location)
    if loc.startswith(NEO4J_SCHEMES):
        try:
            from plangraph.graph.neo4j_store import Neo4jStore
        except ImportError as exc:  # pragma: no cover - until the Neo4j store lands
            raise StoreError(
                f"Neo4j chưa được hỗ trợ / Neo4j stores are not yet supported: {loc}"
            ) from exc
        return Neo4jStore(loc)
    from plangraph.graph.ladybug_store import LadybugStore

    return LadybugStore(loc, read_only=read_only)
