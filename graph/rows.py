"""Store-independent rows: what a document (or the reference data) adds to the graph.

`graph/build.py` turns an `Extraction` into `GraphRows`; `graph/reference.py` gives the
reference data (provinces, agency types, themes, successions) as `GraphRows`. Every store writes
`GraphRows` with its own bulk path (LadybugDB COPY / LOAD FROM, Neo4j UNWIND batches).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from plangraph.graph.schema import NODES, RELS

if TYPE_CHECKING:
    from plangraph.graph.store import GraphStore


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


def read_graph(store: GraphStore) -> GraphRows:
    """Every node and relationship of the store, in a stable order."""
    rows = GraphRows()
    for node in NODES:
        props = list(node.props)
        result = store.run(f"MATCH (n:{node.label}) RETURN "
                           + ", ".join(f"n.{p}" for p in props) + " ORDER BY n.id")
        rows.nodes[node.label] = [dict(zip(props, r, strict=True)) for r in result.rows]
    for rel in RELS:
        props = list(rel.props)
        for a, b in rel.pairs:
            columns = ["a.id", "b.id", *(f"r.{p}" for p in props)]
            result = store.run(f"MATCH (a:{a})-[r:{rel.name}]->(b:{b}) RETURN "
                               + ", ".join(columns) + " ORDER BY a.id, b.id")
            edges = rows.edge_rows(rel.name, a, b)
            edges += [{"from": r[0], "to": r[1], **dict(zip(props, r[2:], strict=True))}
                      for r in result.rows]
    return rows
