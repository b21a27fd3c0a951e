"""One answer as a file: CSV (UTF-8 with BOM, so that Excel reads Vietnamese), XLSX, JSON (the
writers of queries/output.py, shared with `plangraph query -o FILE`: each states the question
and its parameters), and GraphML (the graph drawn)."""

from __future__ import annotations

import io
from typing import Any

import networkx as nx

from plangraph.queries import output
from plangraph.queries.runner import QueryOutput

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
    "graphml": "application/graphml+xml; charset=utf-8",
}


def to_csv(out: QueryOutput) -> bytes:
    buf = io.StringIO()
    output.write_csv(out, buf)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_json(out: QueryOutput) -> bytes:
    return output.json_text(out).encode("utf-8")


def to_xlsx(out: QueryOutput) -> bytes:
    buf = io.BytesIO()
    output.write_xlsx(out, buf)
    return buf.getvalue()


def to_graphml(graph: nx.MultiDiGraph) -> bytes:
    """The graph as drawn; list attributes (tooltips) become text."""
    g = nx.MultiDiGraph()
    for n, a in graph.nodes(data=True):
        g.add_node(n, **{k: _flat(v) for k, v in a.items() if v is not None})
    for u, v, a in graph.edges(data=True):
        g.add_edge(u, v, **{k: _flat(x) for k, x in a.items() if x is not None})
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    return buf.getvalue()


def _flat(v: Any) -> Any:
    if isinstance(v, list | tuple):
        return "; ".join(": ".join(map(str, x)) if isinstance(x, list | tuple) else str(x)
                         for x in v)
    return v if isinstance(v, str | int | float | bool) else str(v)
