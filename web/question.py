"""A canned question as a page: the form generated from the query header's parameters, the
answer as a sortable, paginated table whose names link to their pages, and its graph.

URL parameters: the query's own parameters, `as_of` (the runner's --as-of), `sort`, `desc`,
`trang` (page). The URL of a page is the permalink of the question and its parameters.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import networkx as nx

from plangraph.graph import render
from plangraph.graph.store import GraphStore
from plangraph.ingest.text.vntext import loose_key
from plangraph.queries.catalog import CannedQuery, catalog
from plangraph.queries.runner import QueryOutput, run
from plangraph.web import links
from plangraph.web.entities import Cell, cut

PAGE_SIZE = 50
GRAPH_ROWS = 600  # rows drawn in the page's graph (the table and downloads have them all)
GRAPH_NODES = 600  # nodes sent to the page's graph; 300 drawn at first, "show more" for more
CONTROL = ("as_of", "sort", "desc", "trang")
_INPUT = {"int": "number", "year": "number", "date": "date"}
_SUGGEST = ("province", "agency_type", "act", "programme", "plan")
_PLACEHOLDER = {"period": "Quý II/2024, tháng 6/2024, 2025", "date": "YYYY-MM-DD",
                "year": "2024"}
# parameter types with a closed set of values (what the runner accepts, shown in words)
_CHOICES = {
    "collectives": [("khong", "không / no"), ("co", "có / yes")],
    "period_scope": [("den_han", "đến hạn trong kỳ / due in the period"),
                     ("tat_ca", "cả đang thực hiện, thường xuyên / also under way, ongoing")],
}
_FORMER = re.compile(r"\s*\(trước: .*\)$")  # "--as-of" shows "X (trước: Y)"


@dataclass
class Answer:
    output: QueryOutput
    nx_graph: nx.MultiDiGraph | None  # the graph drawn (None for a download)
    graph: dict[str, Any]  # render.payload()
    columns: list[tuple[str, str, str]] = field(default_factory=list)  # key, label, sort url
    rows: list[list[Cell]] = field(default_factory=list)  # this page's rows
    page: int = 1
    pages: int = 1
    sort: str = ""
    desc: bool = False
    permalink: str = ""
    downloads: list[tuple[str, str]] = field(default_factory=list)
    page_links: list[tuple[str, str | None]] = field(default_factory=list)


def query_params(q: CannedQuery, given: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in given.items() if q.param(k) is not None and v.strip()}


def ready(q: CannedQuery, given: dict[str, str]) -> bool:
    """Run the question: every required parameter is filled, or the form was sent (then the
    runner's message says what is missing)."""
    params = query_params(q, given)
    return all(p.name in params for p in q.params if p.required) or any(
        p.name in given for p in q.params)


class Answers:
    """The last answers computed, by question and parameters, while the store is unchanged
    (`store_version`): sorting or paging a table does not run the query again, on either
    store (LadybugDB or Neo4j)."""

    def __init__(self, size: int = 16) -> None:
        self.size = size
        self._kept: OrderedDict[tuple, list[Any]] = OrderedDict()

    def clear(self) -> None:
        self._kept.clear()

    def get(self, store: GraphStore, q: CannedQuery, params: dict[str, str],
            as_of: str | None, graph: bool) -> list[Any]:
        """[output, graph drawn or None, its payload once made (the caller fills it)]"""
        with store.snapshot():  # the answer kept under the version it was read at
            key = (store_version(store), q.name, tuple(sorted(params.items())), as_of)
            got = self._kept.get(key)
            if got is None:
                got = [run(store, q, params, as_of=as_of, lazy=True), None, None]
                self._kept[key] = got
                while len(self._kept) > self.size:
                    self._kept.popitem(last=False)
            else:
                self._kept.move_to_end(key)
        if graph and got[1] is None:
            got[1] = _drawn(got[0])
        return got


_PLAN_HASHES = "MATCH (p:Plan) RETURN p.id, p.content_hash"
_NODES = "MATCH (n) RETURN count(n)"


def store_version(store: GraphStore) -> str:
    """What the store holds, in a few bytes, asked of the store itself (so that a Neo4j
    server written by another process counts as well as a file): its plans and their
    contents' hashes (a plan added, removed or replaced), and its count of nodes (reference
    data merged). A few ms at 1,000 plans."""
    plans = sorted((str(i), str(h)) for i, h in store.run(_PLAN_HASHES).rows)
    digest = hashlib.blake2b(repr((plans, store.run(_NODES).rows)).encode(), digest_size=16)
    return digest.hexdigest()


def _drawn(out: QueryOutput) -> nx.MultiDiGraph:
    """The graph of the answer's first GRAPH_ROWS rows (a note says so when there are more)."""
    if len(out.rows) <= GRAPH_ROWS:
        return render.graph_of(out)
    g = render.graph_of(replace(out, rows=out.ready(out.rows[:GRAPH_ROWS])))
    g.graph["notes"] = [*g.graph.get("notes", []),
                        f"Đồ thị vẽ {GRAPH_ROWS:,} / {len(out.rows):,} dòng đầu của bảng / the "
                        f"graph draws the first {GRAPH_ROWS:,} of {len(out.rows):,} rows"]
    return g


def answer(store: GraphStore, q: CannedQuery, given: dict[str, str],
           href: Callable[[str, dict], str | None] | None, *, table: bool = True,
           answers: Answers | None = None) -> Answer | None:
    """The answer of `q` to the parameters `given` (`table`: shaped for the page, with its
    graph's payload; else the output alone, for downloads)."""
    if not ready(q, given):
        return None
    params = query_params(q, given)
    as_of = given.get("as_of", "").strip() or None
    if answers is not None:
        kept = answers.get(store, q, params, as_of, graph=table)
        out, g = kept[0], kept[1]
        if table and kept[2] is None:
            kept[2] = render.payload(g, href=href, max_nodes=GRAPH_NODES)
        drawn = kept[2] if table else {}
    else:
        out = run(store, q, params, as_of=as_of, lazy=True)
        g = _drawn(out) if table else None
        drawn = render.payload(g, href=href, max_nodes=GRAPH_NODES) if table else {}
    result = Answer(out, g, drawn)
    keep = {**params, **({"as_of": as_of} if as_of else {})}
    result.permalink = links.question(q.name, **keep)
    result.downloads = [(fmt.upper(), links.url(f"/q/{q.name}.{fmt}", **keep))
                        for fmt in ("csv", "xlsx", "json", "graphml")]
    if table:
        _table(result, q, given, keep)
    return result


def _table(result: Answer, q: CannedQuery, given: dict[str, str], keep: dict[str, str]) -> None:
    out = result.output
    shown = [i for i, c in enumerate(out.columns) if q.kind(c) != "id"]
    sort = given.get("sort", "")
    desc = given.get("desc") == "1"
    rows = out.rows
    if sort in out.columns:
        i = out.columns.index(sort)
        if i in out.later:  # a column filled on demand: sorted by what it shows
            out.ready()
        rows = sorted(rows, key=lambda r: ((r[i] is None) != desc, _key(r[i])), reverse=desc)
        result.sort, result.desc = sort, desc
    result.pages = max(1, -(-len(rows) // PAGE_SIZE))
    try:
        result.page = min(max(1, int(given.get("trang", "1"))), result.pages)
    except ValueError:
        result.page = 1
    start = (result.page - 1) * PAGE_SIZE
    cells = _cell_makers(q, out.columns)
    for row in out.ready(rows[start:start + PAGE_SIZE]):
        rec = dict(zip(out.columns, row, strict=True))
        result.rows.append([cells[i](rec, row[i]) for i in shown])
    for i in shown:
        c = out.columns[i]
        flip = "0" if (sort == c and desc) else "1" if sort == c else "0"
        result.columns.append((c, out.labels[i],
                               links.question(q.name, **keep, sort=c, desc=flip)))
    if result.pages > 1:
        for n in range(1, result.pages + 1):
            if n in (1, result.pages) or abs(n - result.page) <= 3:
                result.page_links.append((str(n), None if n == result.page else links.question(
                    q.name, **keep, sort=result.sort or None,
                    desc="1" if result.desc else None, trang=n)))
            elif result.page_links and result.page_links[-1][0] != "…":
                result.page_links.append(("…", None))


def _key(v: Any) -> Any:
    if isinstance(v, int | float):
        return (0, v, "")
    return (1, 0, loose_key(str(v)) if v is not None else "")


def _cell_makers(q: CannedQuery, columns: list[str]) -> list[Callable[[dict, Any], Cell]]:
    """For each column, how a value becomes a cell: names link to their pages (province and
    agency-type columns, a node's shown text), sources to the lines they came from."""
    node_text = {}
    for spec in q.nodes:
        node_text.setdefault(spec.text or spec.column, spec)
    marks_cols = [c for c in columns if c in ("names", "as_written") or c.endswith("_names")]
    makers = []
    for c in columns:
        kind = q.kind(c)
        spec = node_text.get(c)
        if kind == "province":
            makers.append(lambda rec, v: _linked(v, links.province))
        elif kind == "agency_type":
            makers.append(lambda rec, v: _linked(v, links.agency_type))
        elif spec is not None:
            def make(rec: dict, v: Any, spec: Any = spec) -> Cell:
                kind = spec.label or rec.get(spec.label_column or "")
                ident = rec.get(spec.column)
                cell = cut(v, 160)
                if ident not in (None, "") and kind:
                    cell.href = links.node(str(kind), str(ident))
                return cell
            makers.append(make)
        elif c.endswith("source"):
            def source(rec: dict, v: Any) -> Cell:
                marks = [m for mc in marks_cols for m in (rec.get(mc) or [])
                         if isinstance(m, str)]
                return Cell("" if v is None else str(v), links.source_of(v, marks) if v else None)
            makers.append(source)
        else:
            makers.append(lambda rec, v: cut(v, 200))
    return makers


def _linked(value: Any, page: Callable[[str], str]) -> Cell:
    if value in (None, ""):
        return Cell("")
    if isinstance(value, list):
        parts = [_linked(v, page) for v in value]
        return Cell("; ".join(p.text for p in parts), parts=parts)
    text = str(value)
    return Cell(text, page(_FORMER.sub("", text)))


def form_fields(q: CannedQuery, given: dict[str, str]) -> list[dict[str, Any]]:
    """One input per parameter of the query header, typed; `as_of` where the answer names
    provinces or agency types."""
    fields = []
    for p in q.params:
        description = p.description
        fields.append({
            "name": p.name, "label": description.split(" / ")[0] or p.name,
            "help": description, "type": _INPUT.get(p.type, "text"),
            "value": given.get(p.name, ""), "required": p.required,
            "suggest": p.type if p.type in _SUGGEST else "",
            "placeholder": p.default or _PLACEHOLDER.get(p.type, ""),
            "choices": _CHOICES.get(p.type, []), "default": p.default or "",
        })
    if any(c.kind in ("province", "agency_type") for c in q.columns):
        fields.append({"name": "as_of", "label": "Tính đến ngày / as of", "type": "date",
                       "help": "Tỉnh và cơ quan theo đơn vị kế nhiệm tại ngày này (sắp xếp 2025) / "
                               "provinces and agency types as their successors at this date",
                       "value": given.get("as_of", ""), "required": False, "suggest": "",
                       "placeholder": "", "choices": [], "default": ""})
    return fields


# (group title, node labels a question draws that put it in the group), first match wins
_GROUPS = (
    ("So sánh các tỉnh / comparing provinces", None),
    ("Căn cứ pháp lý, chương trình / legal basis, programmes", {"LegalAct", "Programme"}),
    ("Cơ quan: ai chủ trì, ai phối hợp / agencies: who leads, who supports",
     {"Agency", "AgencyType"}),
    ("Chủ đề / themes", {"Theme"}),
    ("Nhiệm vụ, thời hạn / tasks and deadlines", {"Task"}),
    ("Khác / other", set()),
)


def groups() -> list[tuple[str, list[CannedQuery]]]:
    """The questions grouped by purpose, read from what each one draws and asks for: two
    province parameters compare provinces; else by the kinds of node it draws."""
    out: dict[str, list[CannedQuery]] = {title: [] for title, _ in _GROUPS}
    for q in catalog().values():
        labels = {n.label for n in q.nodes if n.label}
        if sum(p.type == "province" for p in q.params) >= 2:
            out[_GROUPS[0][0]].append(q)
            continue
        title = next((t for t, want in _GROUPS[1:] if want is None or want & labels or not want),
                     _GROUPS[-1][0])
        out[title].append(q)
    return [(t, qs) for t, qs in out.items() if qs]
