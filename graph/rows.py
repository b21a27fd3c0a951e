"""Store-independent rows: what a document (or the reference data) adds to the graph.

`graph/build.py` turns an `Extraction` into `GraphRows`; `graph/reference.py` gives the
reference data (provinces, agency types, themes, successions) as `GraphRows`. Every store writes
`GraphRows` with its own bulk path (LadybugDB COPY / LOAD FROM, Neo4j UNWIND batches).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class EdgeRows:
    rel: str  # relationship type, e.g. "CHU_TRI"
    from_label: str
    to_label: str
    rows: list[dict[str, Any]] = field(default_factory=list)  # each has "from", "to" ids + props


@dataclass
class GraphRows:
    # label -> rows (each a dict of the label's properties, "id" first)
    nodes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    edges: list[EdgeRows] = field(default_factory=list)

    def add_node(self, label: str, row: dict[str, Any]) -> None:
        self.nodes.setdefault(label, []).append(row)

    def edge_rows(self, rel: str, from_label: str, to_label: str) -> list[dict[str, Any]]:
        for e in self.edges:
            if (e.rel, e.from_label, e.to_label) == (rel, from_label, to_label):
                return e.rows
        e = EdgeRows(rel, from_label, to_label)
        self.edges.append(e)
        return e.rows
