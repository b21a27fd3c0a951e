"""Fixed positions for a query's graph, so that labels do not overlap and the picture reads.

Two layouts, chosen from the graph's shape, not from the question's name:

- **layered** (columns, left to right) when the graph is acyclic once edges pointing into a
  province are turned round: provinces on the left, then plans, agencies, acts, tasks in the
  order the edges lead. Legal chains become hierarchies (a plan, the acts it rests on, their
  roots); agency → task obligations become two or three columns. Within a column nodes are
  ordered by their neighbours' positions (barycentre sweeps) so edges cross little.
- **groups** otherwise (networks with cycles, e.g. agencies coordinating): one circle of nodes
  per province, each with the province's name above it; nodes of several provinces together.

A third, **columns**, is asked for by whoever builds the graph (an entity page's graph:
`graph.graph["layout"] = "columns"`): each node's `column` attribute says where it goes (the
entity in the middle, what points at it on the left, what it points at on the right); within
a column nodes are grouped by type and ordered like the layered layout's.

Positions are computed here, once, and the browser only draws (physics off): the result is
the same at each load and fast at a few thousand nodes. Sizes are in vis-network pixels; a
label's width is estimated from its length.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable

import networkx as nx

from plangraph.ingest.text.vntext import loose_key

CHAR_PX = 7.8  # a 14 px label, per character
ROW_PX = 46  # vertical distance between the nodes of one column (node + label below it)
COLUMN_GAP = 90
LABEL_MAX = 40  # characters drawn on a node; the tooltip has the rest


def short(text: str, limit: int = LABEL_MAX) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def label_width(text: str) -> float:
    return len(short(text)) * CHAR_PX + 24


def _shown(graph: nx.MultiDiGraph, n: str) -> str:
    a = graph.nodes[n]
    return str(a.get("shown") or a.get("label", n))


def choose(graph: nx.MultiDiGraph, oriented: nx.DiGraph | None = None) -> str:
    """'layered' or 'groups' (see the module docstring); 'empty' for no nodes. (`oriented`:
    `_oriented(graph)` when the caller has it.)"""
    if graph.number_of_nodes() == 0:
        return "empty"
    g = oriented if oriented is not None else _oriented(graph)
    return "layered" if nx.is_directed_acyclic_graph(g) else "groups"


def positions(graph: nx.MultiDiGraph, layout: str | None = None
              ) -> tuple[str, dict[str, tuple[float, float]], list[dict]]:
    """(layout, node -> (x, y), captions): captions are group titles to draw as text
    ({"text", "x", "y", "group"})."""
    layout = layout or graph.graph.get("layout")
    oriented = None
    if not layout:  # the oriented graph read once, to choose and to lay out
        oriented = _oriented(graph)
        layout = choose(graph, oriented)
    if layout == "columns" and graph.number_of_nodes():
        return layout, columns(graph), []
    if layout == "columns":
        return "empty", {}, []
    if layout == "layered":
        return layout, layered(graph, oriented), []
    if layout == "groups":
        pos, captions = groups(graph)
        return layout, pos, captions
    return layout, {}, []


def _oriented(graph: nx.MultiDiGraph) -> nx.DiGraph:
    """The graph with edges into a province turned round (provinces become roots)."""
    g = nx.DiGraph()
    g.add_nodes_from(graph.nodes)
    for u, v in graph.edges():
        if u == v:
            continue
        if graph.nodes[v].get("type") == "Province" and graph.nodes[u].get("type") != "Province":
            u, v = v, u
        g.add_edge(u, v)
    return g


def _sort_key(graph: nx.MultiDiGraph, n: str) -> tuple:
    a = graph.nodes[n]
    return (loose_key(a.get("province") or "~"), loose_key(str(a.get("label", n))))


def layered(graph: nx.MultiDiGraph, oriented: nx.DiGraph | None = None
            ) -> dict[str, tuple[float, float]]:
    g = oriented if oriented is not None else _oriented(graph)
    layer: dict[str, int] = {}
    for n in nx.topological_sort(g):  # longest path from a root
        layer[n] = max((layer[p] + 1 for p in g.predecessors(n)), default=0)
    keys = {n: _sort_key(graph, n) for n in graph.nodes}
    columns = _ordered(graph, g.to_undirected(), layer, keys.__getitem__)
    roots = columns.get(0, [])
    if (len(columns) == 2 and len(roots) == 2
            and all(graph.nodes[n].get("type") == "Province" for n in roots)):
        return _compare(graph, g, roots, columns[1])
    rows = max(12, math.ceil(2 * math.sqrt(graph.number_of_nodes())))
    return _place([[c[i:i + rows] for i in range(0, len(c), rows)]
                   for _, c in sorted(columns.items())], graph)


def columns(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """The "columns" layout: each node in the column its `column` attribute names."""
    layer = {n: int(a.get("column", 0)) for n, a in graph.nodes(data=True)}
    keys = {n: _sort_key(graph, n) for n in graph.nodes}
    cols = _ordered(graph, nx.Graph(graph.to_undirected(as_view=True)), layer,
                    keys.__getitem__, lambda n: str(graph.nodes[n].get("type")))
    rows = max(12, math.ceil(2 * math.sqrt(graph.number_of_nodes())))
    return _place([[c[i:i + rows] for i in range(0, len(c), rows)]
                   for _, c in sorted(cols.items())], graph)


def _ordered(graph: nx.MultiDiGraph, undirected: nx.Graph, layer: dict[str, int],
             key: Callable[[str], tuple], group: Callable[[str], str] = lambda n: ""
             ) -> dict[int, list[str]]:
    """Nodes per column, ordered by their neighbours' positions in the next column (barycentre
    sweeps down and up) so that edges cross little; `key` breaks ties; nodes of one `group`
    stay together."""
    columns: dict[int, list[str]] = defaultdict(list)
    for n in graph.nodes:
        columns[layer[n]].append(n)
    order = {}
    for k in sorted(columns):
        columns[k].sort(key=lambda n: (group(n), key(n)))
        order.update({n: i for i, n in enumerate(columns[k])})
    for sweep in range(4):  # barycentre: down, up, down, up
        ks = sorted(columns) if sweep % 2 == 0 else sorted(columns, reverse=True)
        for k in ks[1:]:
            side = k - 1 if sweep % 2 == 0 else k + 1

            def centre(n: str, side: int = side) -> float:
                near = [order[m] for m in undirected[n] if layer[m] == side]
                return sum(near) / len(near) if near else order[n]

            columns[k].sort(key=lambda n: (group(n), centre(n), key(n)))
            order.update({n: i for i, n in enumerate(columns[k])})
    return columns


def _place(columns: list[list[list[str]]], graph: nx.MultiDiGraph
           ) -> dict[str, tuple[float, float]]:
    """x, y of columns of sub-columns (a long column wraps into several side by side), each
    as wide as its widest label, shorter ones centred vertically."""
    pos: dict[str, tuple[float, float]] = {}
    tallest = max((len(sub) for col in columns for sub in col), default=1)
    x = 0.0
    for col in columns:
        for sub in col:
            if not sub:
                continue
            width = max(label_width(_shown(graph, n)) for n in sub)
            x += width / 2
            offset = (tallest - len(sub)) * ROW_PX / 2
            for i, n in enumerate(sub):
                pos[n] = (x, offset + i * ROW_PX)
            x += width / 2 + COLUMN_GAP / (1 if sub is col[-1] else 2)
    return pos


def _compare(graph: nx.MultiDiGraph, g: nx.DiGraph, roots: list[str], rest: list[str]
             ) -> dict[str, tuple[float, float]]:
    """Two provinces side by side: the first on the left, the second on the right, between
    them what only the first has, what both have, what only the second has."""
    a, b = sorted(roots, key=lambda n: _sort_key(graph, n))
    bands: dict[str, list[str]] = {"a": [], "both": [], "b": []}
    for n in rest:
        has_a, has_b = g.has_edge(a, n), g.has_edge(b, n)
        bands["both" if has_a and has_b else "a" if has_a else "b"].append(n)
    rows = max(12, math.ceil(1.5 * math.sqrt(graph.number_of_nodes())))
    columns: list[list[list[str]]] = [[[a]]]
    for key in ("a", "both", "b"):
        band = sorted(bands[key], key=lambda n: (graph.nodes[n].get("type", ""),
                                                  _sort_key(graph, n)))
        columns.append([band[i:i + rows] for i in range(0, len(band), rows)] or [[]])
    columns.append([[b]])
    return _place(columns, graph)


def groups(graph: nx.MultiDiGraph) -> tuple[dict[str, tuple[float, float]], list[dict]]:
    """One circle per province (nodes of no single province form their own circle), circles
    placed left to right in rows."""
    members: dict[str, list[str]] = defaultdict(list)
    for n, a in graph.nodes(data=True):
        members[a.get("province") or ""].append(n)
    names = sorted(members, key=lambda p: (p == "", loose_key(p)))
    per_row = max(1, math.ceil(math.sqrt(len(names))))
    pos: dict[str, tuple[float, float]] = {}
    captions: list[dict] = []
    x = y = row_height = 0.0
    for i, province in enumerate(names):
        nodes = sorted(members[province], key=lambda n: (-graph.degree(n), _sort_key(graph, n)))
        spacing = max(label_width(_shown(graph, n)) for n in nodes) + 10
        radius = 0.0 if len(nodes) == 1 else max(90.0, len(nodes) * spacing / (2 * math.pi))
        if i and i % per_row == 0:
            x, y, row_height = 0.0, y + row_height + 140, 0.0
        cx, cy = x + radius + spacing / 2, y + radius + 40
        for j, n in enumerate(nodes):
            angle = 2 * math.pi * j / len(nodes) - math.pi / 2
            pos[n] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
        captions.append({"text": province or "Nhiều tỉnh / several provinces", "x": cx,
                         "y": y - 20, "group": province})
        x += 2 * radius + spacing + 120
        row_height = max(row_height, 2 * radius + 80)
    return pos, captions
