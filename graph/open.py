"""Open the graph store a location names.

A location is a filesystem path (the embedded LadybugDB store, the default) or a
`neo4j://`, `neo4j+s://`, `bolt://` URI (the shared Neo4j store); none given: PLANGRAPH_DB,
else ./plangraph.lbdb. Each implementation is imported only when it is opened.
"""

from __future__ import annotations

from plangraph.graph.store import NEO4J_SCHEMES, GraphStore, resolve_location


def open_store(location: str | None = None, *, read_only: bool = False) -> GraphStore:
    loc = resolve_location(location)
    if loc.startswith(NEO4J_SCHEMES):
        from plangraph.graph.neo4j_store import Neo4jStore

        return Neo4jStore(loc)
    from plangraph.graph.ladybug_store import LadybugStore

    return LadybugStore(loc, read_only=read_only)
