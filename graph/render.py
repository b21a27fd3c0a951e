"""A query's graph drawn with vis-network (as bundled by pyvis): the data for the drawing
(`payload`), and a self-contained offline HTML page of it (`render_html`, for `--html`).

Positions come from graph/layout.py (columns for chains and obligations, circles per
province for networks); the browser only draws, physics off. Nodes are coloured by province
when a graph spans several, shapes tell node types, edge colours tell relationships (legend),
and edge texts are in tooltips rather than on the canvas, where they would overlap. At most
`step` nodes are drawn at first, a "show more" button adds more; an empty answer says so.

Document text is data, never markup: it travels as JSON (with <, >, & escaped) and reaches
the page through `textContent` and the canvas only; tooltips are DOM elements built from
(label, value) pairs. The standalone page inlines vis-network and graph/assets/graph.js and
references no URL; the web app (plangraph.web) serves the same files. When the network has
drawn, the page sets `data-drawn="1"` on <body> (tests and tools wait for it).
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx
import pyvis

from plangraph.graph import layout
from plangraph.graph.schema import NODES, label_vi

if TYPE_CHECKING:
    from plangraph.queries.runner import QueryOutput

MAX_NODES = 1500  # nodes sent to the page at all
STEP = 300  # nodes drawn at first, and added by each "show more"

# node label -> (vis-network shape, colour); the legend draws the same shapes in CSS
STYLE: dict[str, tuple[str, str]] = {
    "Plan": ("box", "#4e79a7"),
    "Task": ("dot", "#9c9c9c"),
    "Agency": ("dot", "#59a14f"),
    "AgencyType": ("dot", "#8cd17d"),
    "LegalAct": ("diamond", "#e15759"),
    "Programme": ("hexagon", "#f28e2b"),
    "Province": ("triangle", "#edc948"),
    "Theme": ("star", "#b07aa1"),
}
_OTHER = ("dot", "#bab0ac")
# one colour per province when a graph spans several (Tableau 10, then greys)
PROVINCE_COLOURS = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
                    "#b07aa1", "#ff9da7", "#9c755f", "#17becf"]
SHARED_COLOUR = "#d0d0d0"  # a node of several provinces
EDGE_COLOURS = {"chủ trì": "#c0392b", "phối hợp": "#2e86c1", "thực hiện": "#7f8c8d",
                "căn cứ": "#8e44ad", "trích dẫn": "#b9770e", "thuộc tỉnh": "#c8c8c8",
                "có nhiệm vụ": "#d5d8dc"}
_EDGE_PALETTE = ["#16a085", "#d35400", "#2c3e50", "#27ae60", "#7d3c98", "#a04000"]

ASSETS = Path(__file__).resolve().parent / "assets"
VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)  # a file the page does not have


def graph_of(out: QueryOutput) -> nx.MultiDiGraph:
    """`out.to_graph()` with each node's province (`province` attribute) where all the rows
    that drew it name one province: what colours and groups the nodes."""
    g = out.to_graph()
    q = out.query
    province_cols = [c for c in out.columns if q.kind(c) == "province"]
    seen: dict[str, set[str]] = {}
    for rec in out.records():
        provinces = {str(rec[c]) for c in province_cols if rec.get(c)}
        for spec in q.nodes:
            value = rec.get(spec.column)
            kind = spec.label or rec.get(spec.label_column or "")
            if value in (None, "") or not kind:
                continue
            node = f"{kind}:{value}"
            if kind == "Province":
                seen[node] = {str(value)}
            elif len(provinces) == 1:
                seen.setdefault(node, set()).update(provinces)
            else:
                seen.setdefault(node, set()).add("*")
    for node, provinces in seen.items():
        if node in g and len(provinces) == 1 and "*" not in provinces:
            g.nodes[node]["province"] = next(iter(provinces))
    return g


def payload(graph: nx.MultiDiGraph, *, max_nodes: int = MAX_NODES, step: int = STEP,
            href: Callable[[str, dict], str | None] | None = None) -> dict[str, Any]:
    """What graph.js draws: nodes with fixed positions, edges, legend, notes."""
    notes = list(graph.graph.get("notes", []))
    nodes = list(graph.nodes)
    if len(nodes) > max_nodes:
        notes.append(f"Kết quả lớn: chỉ gửi {max_nodes:,} / {len(nodes):,} nút đầu tiên / large "
                     f"result: the first {max_nodes:,} of {len(nodes):,} nodes")
        graph = graph.subgraph(nodes[:max_nodes]).copy()  # a view is slow to walk
        nodes = nodes[:max_nodes]
    for n in nodes:  # the text drawn, which the layout makes room for
        a = graph.nodes[n]
        a["shown"] = _node_label(a.get("type", ""), str(a.get("label", n)), a.get("title", []))
    kind, pos, captions = layout.positions(graph)
    provinces = sorted({p for _, p in graph.nodes(data="province") if p},
                       key=layout.loose_key)
    by_province = len(provinces) > 1
    colour_of = {p: PROVINCE_COLOURS[i] if i < len(PROVINCE_COLOURS) else "#9d9d9d"
                 for i, p in enumerate(provinces)}
    index = {n: i for i, n in enumerate(nodes)}
    out_nodes = []
    for n in nodes:
        a = graph.nodes[n]
        typ = a.get("type", "")
        shape, colour = STYLE.get(typ, _OTHER)
        if by_province:
            colour = colour_of.get(a.get("province") or "", SHARED_COLOUR)
        label = str(a.get("label", n))
        x, y = pos.get(n, (0, 0))
        node = {"id": index[n], "label": a["shown"],
                "shape": shape, "color": colour, "x": round(x, 1), "y": round(y, 1),
                "tip": [(label_vi(typ), label), *a.get("title", [])]}
        if shape == "box":  # the label is drawn inside: light on the fill colour
            node["font"] = {"color": "#ffffff"}
        if a.get("province"):
            node["tip"].append(("Tỉnh / Thành phố", a["province"]))
        link = href(n, a) if href else None
        if link:
            node["href"] = link
        out_nodes.append(node)
    weights = [w for *_, w in graph.edges(data="weight") if isinstance(w, int | float)]
    top = max(weights, default=1) or 1
    edge_colours: dict[str, str] = {}
    out_edges = []
    for u, v, a in graph.edges(data=True):
        text = a.get("label", "")
        if text not in edge_colours:
            edge_colours[text] = EDGE_COLOURS.get(
                text, _EDGE_PALETTE[len(edge_colours) % len(_EDGE_PALETTE)])
        w = a.get("weight")
        width = 1 + 5 * math.sqrt(w / top) if isinstance(w, int | float) and w > 0 else 1.5
        tip = [("Quan hệ", text + (f" ({w})" if w not in (None, "") else "")),
               *a.get("title", [])]
        out_edges.append({"from": index[u], "to": index[v], "width": round(width, 2),
                          "color": edge_colours[text], "tip": tip, "rel": text})
    types = [t.label for t in NODES if any(graph.nodes[n].get("type") == t.label for n in nodes)]
    types += sorted({graph.nodes[n].get("type", "") for n in nodes} - set(types))
    return {
        "layout": kind, "nodes": out_nodes, "edges": out_edges, "step": step,
        "captions": [{**c, "color": colour_of.get(c["group"], "#555555")} for c in captions],
        "legend": {
            "types": [(label_vi(t), *STYLE.get(t, _OTHER)) for t in types],
            "edges": list(edge_colours.items()),
            "provinces": [(p, colour_of[p]) for p in provinces] if by_province else [],
        },
        "notes": notes,
        "empty": "Câu hỏi này không có kết quả / this question has no answer" if not nodes
        else "",
    }


def _node_label(typ: str, label: str, title: list[tuple[str, str]]) -> str:
    """The text drawn on a node; a task's item number alone ('III.4.g') says little, so the
    first words of its text follow it."""
    if typ == "Task":
        text = next((v for k, v in title if k == label_vi("Task")), "")
        if text and len(label) < 15:
            return layout.short(f"{label} · {text}", 36)
    return layout.short(label)


def render_html(graph: nx.MultiDiGraph, *, title: str = "", notes: list[str] | None = None,
                max_nodes: int = MAX_NODES, step: int = STEP) -> str:
    """The standalone page for `graph` (node attrs `type`, `label`, `title`, optional
    `province`; edge attrs `label`, `weight`, `title`, as `QueryOutput.to_graph()` makes
    them)."""
    data = payload(graph, max_nodes=max_nodes, step=step)
    if notes is not None:
        data["notes"] = [*notes, *[n for n in data["notes"]
                                   if n not in graph.graph.get("notes", [])]]
    note_html = "".join(f'<p class="note">{html.escape(n)}</p>' for n in data["notes"])
    return _TEMPLATE.format(
        title=html.escape(title or "plangraph"),
        vis_css=(VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        graph_css=(ASSETS / "graph.css").read_text(encoding="utf-8"),
        vis_js=_SOURCE_MAP.sub("", (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")),
        graph_js=(ASSETS / "graph.js").read_text(encoding="utf-8"),
        notes=note_html, data=json_for_script(data),
    )


def write_html(graph: nx.MultiDiGraph, path: str | Path, **kwargs: Any) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(graph, **kwargs), encoding="utf-8")
    return path


def json_for_script(data: Any) -> str:
    """JSON safe inside <script>: no "</script>", no "<!--", no HTML meaning at all."""
    s = json.dumps(data, ensure_ascii=False)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


_json = json_for_script  # the name older callers use

_TEMPLATE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none';
      script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{vis_css}</style>
<style>{graph_css}
body {{ font-family: system-ui, sans-serif; margin: 0; }}
header {{ padding: 8px 16px; border-bottom: 1px solid #ddd; }}
h1 {{ font-size: 18px; margin: 4px 0; }}
.pg-graph {{ height: calc(100vh - 90px); }}
</style>
</head>
<body>
<header><h1>{title}</h1>{notes}</header>
<div class="pg-graph" data-graph="graph-data"></div>
<script id="graph-data" type="application/json">{data}</script>
<script>{vis_js}</script>
<script>{graph_js}</script>
</body>
</html>
"""
