"""One answer as a file: CSV (UTF-8 with BOM, so that Excel reads Vietnamese), XLSX (the table,
and a sheet with the question, its parameters and notes), JSON, GraphML (the graph drawn)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import networkx as nx

from plangraph.queries.runner import QueryOutput

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
    "graphml": "application/graphml+xml; charset=utf-8",
}


def cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "có" if v else "không"
    if isinstance(v, list):
        return "; ".join(str(cell(x)) for x in v)
    return v


def _params(out: QueryOutput) -> dict[str, Any]:
    return {k: v for k, v in out.params.items()}


def to_csv(out: QueryOutput) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(out.labels)
    w.writerows([cell(v) for v in row] for row in out.rows)
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def to_json(out: QueryOutput, url: str = "") -> bytes:
    data = {"query": out.query.name, "question": out.query.question,
            "question_en": out.query.question_en, "params": _params(out), "url": url,
            "columns": [{"key": c, "label": label}
                        for c, label in zip(out.columns, out.labels, strict=True)],
            "rows": out.records(), "notes": out.notes}
    return json.dumps(data, ensure_ascii=False, indent=1, default=str).encode("utf-8")


def to_xlsx(out: QueryOutput, url: str = "") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    sheet = wb.active
    sheet.title = "Kết quả"
    sheet.append(out.labels)
    for c in sheet[1]:
        c.font = Font(bold=True)
    for row in out.rows:
        sheet.append([cell(v) for v in row])
    sheet.freeze_panes = "A2"
    about = wb.create_sheet("Câu hỏi")
    about.append(["Câu hỏi / question", out.query.question])
    about.append(["", out.query.question_en])
    about.append(["Truy vấn / query", out.query.name])
    for k, v in _params(out).items():
        about.append([f"Tham số / parameter {k}", cell(v)])
    for note in out.notes:
        about.append(["Ghi chú / note", note])
    if url:
        about.append(["URL", url])
    about.append(["Số dòng / rows", len(out.rows)])
    for ws in wb.worksheets:
        _no_formulas(ws)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _no_formulas(sheet: Any) -> None:
    """Text starting with '=' is data, not a formula for the spreadsheet to run."""
    for row in sheet.iter_rows():
        for c in row:
            if c.data_type == "f":
                c.data_type = "s"


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
