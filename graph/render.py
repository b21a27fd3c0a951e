"""A query's graph as one self-contained, offline HTML page (vis-network, as bundled by pyvis).

pyvis assembles the nodes and edges; the page is our own template, because pyvis's links
Bootstrap and vis-network from CDNs: here the vis-network script and stylesheet are inlined
and the page references no URL at all. Document text is data, never markup: it travels as
JSON (with <, >, & escaped) and reaches the page through `textContent` and the canvas only;
tooltips are DOM elements built from (label, value) pairs. Layout: physics runs a bounded
number of iterations, then is switched off, so large graphs settle in seconds and stay still.
When the network has drawn, the page sets `data-drawn="1"` on <body> (tests and tools wait
for it).
"""

from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from pyvis.network import Network

from plangraph.graph.schema import NODES, label_vi

MAX_NODES = 1500

# node label -> (vis-network shape, colour); the legend draws the same shapes in CSS
STYLE: dict[str, tuple[str, str]] = {
    "Plan": ("box", "#4e79a7"),
    "Task": ("dot", "#9c9c9c"),
    "Agency": ("ellipse", "#59a14f"),
    "AgencyType": ("ellipse", "#8cd17d"),
    "LegalAct": ("diamond", "#e15759"),
    "Programme": ("hexagon", "#f28e2b"),
    "Province": ("triangle", "#edc948"),
    "Theme": ("star", "#b07aa1"),
}
_OTHER = ("dot", "#bab0ac")
_VIS = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=.*$", re.M)  # a file the page does not have


def render_html(graph: nx.MultiDiGraph, *, title: str = "", notes: list[str] | None = None,
                max_nodes: int = MAX_NODES) -> str:
    """The page for `graph` (node attrs `type`, `label`, `title`; edge attrs `label`,
    `weight`, `title`, as `QueryOutput.to_graph()` makes them)."""
    notes = list(notes if notes is not None else graph.graph.get("notes", []))
    nodes = list(graph.nodes)
    if len(nodes) > max_nodes:
        notes.append(f"Kết quả lớn: chỉ vẽ {max_nodes:,} / {len(nodes):,} nút đầu tiên / large "
                     f"result: drawing the first {max_nodes:,} of {len(nodes):,} nodes")
        nodes = nodes[:max_nodes]
    net = Network(directed=True)
    index = {n: i for i, n in enumerate(nodes)}
    for n in nodes:
        a = graph.nodes[n]
        shape, colour = STYLE.get(a.get("type", ""), _OTHER)
        tip = [(label_vi(a.get("type", "")), a.get("label", str(n))), *a.get("title", [])]
        net.add_node(index[n], label=_short(a.get("label", str(n))), shape=shape, color=colour,
                     tip=tip)
    weights = [w for *_, w in graph.edges(data="weight") if isinstance(w, int | float)]
    top = max(weights, default=1) or 1
    for u, v, a in graph.edges(data=True):
        if u not in index or v not in index:
            continue
        w = a.get("weight")
        width = 1 + 5 * math.sqrt(w / top) if isinstance(w, int | float) and w > 0 else 1.5
        label = a.get("label", "") + (f" ({w})" if w not in (None, "") else "")
        tip = [("Quan hệ", a.get("label", "")), *a.get("title", [])]
        net.add_edge(index[u], index[v], label=label, width=width, tip=tip)
    types = [t for t in [n.label for n in NODES] + sorted({graph.nodes[n].get("type", "")
                                                            for n in nodes})
             if any(graph.nodes[n].get("type") == t for n in nodes)]
    return _page(title, notes, net.nodes, net.edges, list(dict.fromkeys(types)), len(nodes))


def write_html(graph: nx.MultiDiGraph, path: str | Path, **kwargs: Any) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(graph, **kwargs), encoding="utf-8")
    return path


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _json(data: Any) -> str:
    """JSON safe inside <script>: no "</script>", no "<!--", no HTML meaning at all."""
    s = json.dumps(data, ensure_ascii=False)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _options(n_nodes: int) -> dict[str, Any]:
    return {
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        "physics": {
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
            "stabilization": {"iterations": 300 if n_nodes <= 300 else 120,
                              "updateInterval": 50},
        },
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
                  "font": {"size": 11, "align": "middle"}, "smooth": False,
                  "color": {"color": "#8a8a8a", "highlight": "#333333"}},
        "nodes": {"font": {"size": 14}, "size": 16},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    }


def _page(title: str, notes: list[str], nodes: list, edges: list, types: list[str],
          n_nodes: int) -> str:
    legend = "".join(
        f'<li><span class="sw {STYLE.get(t, _OTHER)[0]}" '
        f'style="background:{STYLE.get(t, _OTHER)[1]}"></span>{html.escape(label_vi(t))}</li>'
        for t in types)
    note_html = "".join(f'<p class="note">{html.escape(n)}</p>' for n in notes)
    return _TEMPLATE.format(
        title=html.escape(title or "plangraph"),
        vis_css=(_VIS / "vis-network.css").read_text(encoding="utf-8"),
        vis_js=_SOURCE_MAP.sub("", (_VIS / "vis-network.min.js").read_text(encoding="utf-8")),
        notes=note_html, legend=legend,
        data=_json({"nodes": nodes, "edges": edges, "options": _options(n_nodes)}),
    )


# Braces of the CSS and JS are doubled for str.format.
_TEMPLATE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none';
      script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title>
<style>{vis_css}</style>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0; }}
header {{ padding: 8px 16px; border-bottom: 1px solid #ddd; }}
h1 {{ font-size: 18px; margin: 4px 0; }}
.note {{ margin: 4px 0; color: #8a4b00; }}
#graph {{ position: absolute; top: 0; left: 0; right: 220px; bottom: 0; }}
#wrap {{ position: relative; height: calc(100vh - 90px); }}
#legend {{ position: absolute; top: 0; right: 0; width: 210px; padding: 8px;
          font-size: 13px; }}
#legend ul {{ list-style: none; padding: 0; margin: 0; }}
#legend li {{ margin: 4px 0; }}
.sw {{ display: inline-block; width: 14px; height: 14px; margin-right: 6px;
      vertical-align: middle; }}
.sw.dot {{ border-radius: 50%; }}
.sw.ellipse {{ width: 20px; border-radius: 50%; }}
.sw.box {{ border-radius: 2px; }}
.sw.diamond {{ clip-path: polygon(50% 0, 100% 50%, 50% 100%, 0 50%); }}
.sw.triangle {{ clip-path: polygon(50% 0, 100% 100%, 0 100%); }}
.sw.hexagon {{ clip-path: polygon(25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%); }}
.sw.star {{ clip-path: polygon(50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%,
          32% 57%, 2% 35%, 39% 35%); }}
div.vis-tooltip {{ max-width: 480px; white-space: normal; font-size: 13px; }}
.tip-row b {{ font-weight: 600; }}
</style>
</head>
<body>
<header><h1>{title}</h1>{notes}</header>
<div id="wrap"><div id="graph"></div>
<aside id="legend"><strong>Chú giải / legend</strong><ul>{legend}</ul></aside></div>
<script>{vis_js}</script>
<script id="graph-data" type="application/json">{data}</script>
<script>
(function () {{
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  function tip(rows) {{
    var box = document.createElement("div");
    rows.forEach(function (r) {{
      var line = document.createElement("div"), key = document.createElement("b");
      line.className = "tip-row";
      key.textContent = r[0] + ": ";
      line.appendChild(key);
      line.appendChild(document.createTextNode(r[1]));
      box.appendChild(line);
    }});
    return box;
  }}
  [data.nodes, data.edges].forEach(function (items) {{
    items.forEach(function (x) {{ if (x.tip) {{ x.title = tip(x.tip); delete x.tip; }} }});
  }});
  var network = new vis.Network(document.getElementById("graph"),
    {{nodes: new vis.DataSet(data.nodes), edges: new vis.DataSet(data.edges)}}, data.options);
  network.once("stabilizationIterationsDone", function () {{
    network.setOptions({{physics: false}});
    document.body.setAttribute("data-stabilized", "1");
  }});
  network.on("afterDrawing", function () {{
    document.body.setAttribute("data-drawn", "1");
  }});
}})();
</script>
</body>
</html>
"""
