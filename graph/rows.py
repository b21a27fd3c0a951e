"""Store-independent rows: what a document (or the reference data) adds to the graph.

`graph/build.py` turns an `Extraction` into `GraphRows`; `graph/reference.py` gives the
reference data (provinces, agency types, themes, successions) as `GraphRows`. Every store writes
`GraphRows` with its own bulk path (LadybugDB COPY / LOAD FROM, Neo4j UNWIND batches).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from plangraph.graph.schema import NODES, OWN_LABELS, REL_BY_NAME, RELS

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


def combine(documents: list[GraphRows]) -> GraphRows:
    """Several documents' rows as one, for one bulk write: what writing each in turn would
    store. A shared node appears once, its first document's properties filled by the later
    ones' where still empty (as a store merges them); a structural edge (no provenance) once,
    with its last document's properties (as a store's MERGE … SET leaves it). The documents
    must be distinct plans (their own nodes and provenance edges are kept as they are)."""
    out = GraphRows()
    shared: dict[tuple[str, str], dict[str, Any]] = {}
    for rows in documents:
        for label, node_rows in rows.nodes.items():
            if label in OWN_LABELS:
                out.nodes.setdefault(label, []).extend(node_rows)
                continue
            for row in node_rows:
                seen = shared.get((label, row["id"]))
                if seen is None:
                    shared[(label, row["id"])] = dict(row)
                    out.add_node(label, shared[(label, row["id"])])
                else:
                    seen.update({k: v for k, v in row.items() if seen.get(k) is None})
    structural: dict[tuple[str, str, str], dict[tuple[Any, Any], dict[str, Any]]] = {}
    for rows in documents:
        for edges in rows.edges:
            kept = out.edge_rows(edges.rel, edges.from_label, edges.to_label)
            if "plan_id" in REL_BY_NAME[edges.rel].props:
                kept.extend(edges.rows)
                continue
            pairs = structural.setdefault((edges.rel, edges.from_label, edges.to_label), {})
            for row in edges.rows:
                pairs[(row["from"], row["to"])] = row
    for (rel, a, b), pairs in structural.items():
        out.edge_rows(rel, a, b)[:] = pairs.values()
    return out
