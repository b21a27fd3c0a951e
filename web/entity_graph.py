"""The graph beside an entity page's tables: the entity and what it is tied to, drawn by
graph/assets/graph.js like a question's graph (graph/render.py `payload`).

A `Sketch` collects nodes and edges while the page's rows are read (no second query), each
node in a column (the "columns" layout of graph/layout.py: the entity in the middle, what
points at it on its left, what it points at on its right) unless the page asks for the
layered layout (a legal act's chain). Node ids are "<schema label>:<id>", the ids the app's
links take, so every node leads to its page. Nodes are sent in the order they were added
(the most telling first): at most `MAX_NODES`, `STEP` drawn at first, "show more" for the
rest; the tables hold everything.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from plangraph.graph import render
from plangraph.web import links

MAX_NODES = 400
STEP = 120
EMPTY = "Không có quan hệ nào để vẽ / nothing related to draw"


class Sketch:
    def __init__(self, layout: str | None = "columns") -> None:
        self.g = nx.MultiDiGraph(layout=layout, notes=[])
        self.left_out = 0  # nodes not drawn (room() said no)

    def room(self) -> bool:
        """Whether another node may be added; counts the ones refused."""
        if self.g.number_of_nodes() < MAX_NODES:
            return True
        self.left_out += 1
        return False

    def node(self, kind: str, ident: Any, label: Any, column: int = 0, *,
             province: str | None = None, tip: list[tuple[str, Any]] | None = None) -> str:
        """Add a node once (the first column given wins); returns its id."""
        key = f"{kind}:{ident}"
        if key not in self.g:
            self.g.add_node(key, type=kind, label=str(label or ident), column=column,
                            title=[(k, str(v)) for k, v in tip or [] if v not in (None, "")],
                            **({"province": province} if province else {}))
        return key

    def edge(self, u: str, v: str, text: str, weight: int | None = None) -> None:
        """One edge per (u, v, text); `text` is the relationship as the legend shows it."""
        if not self.g.has_edge(u, v, key=text):
            self.g.add_edge(u, v, key=text, label=text, weight=weight, title=[])

    def __len__(self) -> int:
        return self.g.number_of_nodes()

    def payload(self) -> dict[str, Any]:
        if self.left_out:
            self.g.graph["notes"].append(
                f"Đồ thị chỉ vẽ {MAX_NODES} nút đầu, bảng có đủ / the graph shows the first "
                f"{MAX_NODES} nodes, the tables have them all")
        # the entity alone tells nothing the title does not: say there is nothing to draw
        g = self.g if self.g.number_of_edges() else nx.MultiDiGraph(notes=[])
        data = render.payload(g, max_nodes=MAX_NODES, step=STEP, href=_href)
        data["empty"] = EMPTY
        return data


def _href(node: str, attrs: dict) -> str | None:
    kind, _, value = node.partition(":")
    return links.node(kind, value)
