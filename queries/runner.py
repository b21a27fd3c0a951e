"""Run a canned query by name on a store: bind typed parameters, run the Cypher read-only with
them as Cypher parameters (never spliced into the text), then shape the rows.

    out = run(store, "chu_tri_nhieu_nhat", {"tinh": "tuyen quang"})
    out.to_dataframe(); out.to_graph()

After the Cypher: columns `<p>file`, `<p>line_start`, `<p>line_end` become one column
`<p>source` ("file:12-14"); `text` parameters keep the rows whose column contains the typed
words, diacritics and case ignored; the header's `order:` sorts the rows and lists are sorted
(one order on every store, see `sort_key`); `--as-of` shows
each province / agency type by its successor at that date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from plangraph.graph.schema import label_vi
from plangraph.graph.store import NEO4J_SCHEMES, GraphStore
from plangraph.ingest.agencies.resolver import get_resolver
from plangraph.ingest.tasks.deadlines import period_matches
from plangraph.ingest.text.vntext import loose_key, nfc
from plangraph.ontology.loader import collective_types
from plangraph.queries import names
from plangraph.queries.catalog import CannedQuery, Param, QueryError, get

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

_PROVINCE_PREFIXES = ("tỉnh", "thành phố", "tp")


@dataclass
class QueryOutput:
    query: CannedQuery
    params: dict[str, Any]  # the bound values
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)  # shown to the user under the result

    @property
    def labels(self) -> list[str]:
        """Vietnamese column labels."""
        return [self.query.label(c) for c in self.columns]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def to_dataframe(self) -> pd.DataFrame:
        import pandas as pd

        df = pd.DataFrame(self.rows, columns=self.columns)
        df.attrs.update(query=self.query.name, question=self.query.question,
                        labels=dict(zip(self.columns, self.labels, strict=True)),
                        notes=list(self.notes))
        return df

    def to_graph(self) -> nx.MultiDiGraph:
        """Nodes and edges the query header declares, one per distinct node / edge.

        Node attributes: `type` (schema label), `label` (text shown), `title` (tooltip lines,
        (column label, value) pairs). Edge attributes: `rel` (schema type or None), `label`
        (Vietnamese), `weight`, `title`."""
        import networkx as nx

        q = self.query
        g = nx.MultiDiGraph(name=q.name, question=q.question, notes=list(self.notes))
        edge_keys: set[tuple[str, str, str]] = set()
        for rec in self.records():
            ids = {}
            for spec in q.nodes:
                value = rec.get(spec.column)
                kind = spec.label or rec.get(spec.label_column or "")
                if value is None or value == "" or not kind:
                    continue
                node = ids[spec.column] = f"{kind}:{value}"
                if node not in g:
                    shown = rec.get(spec.text) if spec.text else value
                    g.add_node(node, type=kind, label=_text(shown if shown else value),
                               title=self._title(rec, spec.title))
            for e in q.edges:
                if e.source not in ids or e.target not in ids or (e.when and not rec.get(e.when)):
                    continue
                rel = e.rel or rec.get(e.rel_column or "")
                text = e.text or label_vi(str(rel or ""))
                key = (ids[e.source], ids[e.target], text)
                if key in edge_keys:
                    continue
                edge_keys.add(key)
                g.add_edge(ids[e.source], ids[e.target], rel=rel if e.rel or e.rel_column else None,
                           label=text, weight=rec.get(e.weight) if e.weight else None,
                           title=self._title(rec, e.title))
        return g

    def _title(self, rec: dict[str, Any], columns: tuple[str, ...]) -> list[tuple[str, str]]:
        return [(self.query.label(c), _text(rec[c])) for c in columns
                if rec.get(c) not in (None, "", [])]


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return "" if value is None else str(value)


def dialect(store: GraphStore) -> str:
    return "neo4j" if str(store.location).startswith(NEO4J_SCHEMES) else "ladybug"


def run(store: GraphStore, name: str | CannedQuery, params: Mapping[str, Any] | None = None,
        *, as_of: str | dt.date | None = None) -> QueryOutput:
    q = name if isinstance(name, CannedQuery) else get(name)
    bound = bind(q, params or {}, store)
    cypher_params = {p.name: bound[p.name] for p in q.params if p.type != "text"}
    result = store.run(q.cypher(dialect(store)), cypher_params)
    columns, rows = _merge_sources(list(result.columns),
                                   [[_plain(v) for v in r] for r in result.rows])
    for p in q.params:
        if p.type == "text" and bound[p.name]:
            i = columns.index(p.column)
            rows = [r for r in rows if contains_words(_text(r[i]), bound[p.name])]
    sort_rows(q, columns, rows)
    out = QueryOutput(q, bound, columns, rows)
    for p in q.params:
        if p.type == "collectives" and bound[p.name]:
            left_out = ", ".join(bound[p.name][:2]) + (", …" if len(bound[p.name]) > 2 else "")
            out.notes.append(f"Không tính chủ thể tập thể ({left_out}): thêm -p {p.name}=co để "
                             f"tính / collective assignees left out; -p {p.name}=co counts them")
    if as_of is not None:
        _apply_as_of(out, _date(str(as_of), "--as-of"))
    return out


def contains_words(text: str, typed: str) -> bool:
    """Every typed word begins a word of `text`, diacritics and case ignored:
    "cai nghien tu nguyen" finds "cai nghiện ma túy tự nguyện"."""
    have = names.words(text)
    return all(any(w.startswith(q) for w in have) for q in names.words(typed))


def _plain(v: Any) -> Any:
    """Store values as plain Python: LadybugDB sums come back as Decimal; lists (collect) in
    one order on every store: sorted by `sort_key`."""
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, list):
        return sorted((_plain(x) for x in v), key=sort_key)
    return v


# --- one order on every store -------------------------------------------------------------
# Neither store promises an order for ties of ORDER BY nor for the items of collect(), and
# Neo4j has no list sort without plugins: the runner sorts. Rows by the header's `order:`
# columns (which every query declares and which must make rows unique), lists inside rows by
# their items, with one collation: text as Vietnamese readers sort it (letters without
# diacritics first, then the exact text), numbers inside text by value ("IV.2" < "IV.10",
# "f.txt:9" < "f.txt:12"), empty values last.

_NUMBER = re.compile(r"(\d+)")


def sort_key(v: Any) -> tuple:
    if v is None or v == "" or v == []:
        return (2,)
    if isinstance(v, bool):
        return (0, (int(v),))
    if isinstance(v, int | float):
        return (0, (v,))
    if isinstance(v, list):
        return (1, tuple(sort_key(x) for x in v))
    text = str(v)
    chunks = tuple((0, int(c), "") if c.isdigit() else (1, 0, loose_key(c))
                   for c in _NUMBER.split(text) if c)
    return (1, chunks, text)


def sort_rows(q: CannedQuery, columns: list[str], rows: list[list[Any]]) -> None:
    """Sort `rows` in place by the query's `order:` columns (empty values last, also when
    descending)."""
    for col, desc in reversed(q.order):  # stable sorts, last key first
        i = columns.index(col)
        if desc:
            rows.sort(key=lambda r, i=i: _negated(sort_key(r[i])))
        else:
            rows.sort(key=lambda r, i=i: sort_key(r[i]))


def _negated(key: tuple) -> tuple:
    """A key that sorts numbers in reverse and keeps empty values last; text descending is
    sorted as the reverse of its key."""
    if key[0] == 0:
        return (0, tuple(-x for x in key[1]))
    if key[0] == 2:
        return key
    return (1, _Reverse(key))


class _Reverse:
    __slots__ = ("key",)

    def __init__(self, key: tuple) -> None:
        self.key = key

    def __lt__(self, other: _Reverse) -> bool:
        return other.key < self.key

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reverse) and other.key == self.key


def _merge_sources(columns: list[str], rows: list[list[Any]]) -> tuple[list[str], list[list]]:
    for col in list(columns):
        if not col.endswith("file"):
            continue
        prefix = col[: -len("file")]
        start, end = f"{prefix}line_start", f"{prefix}line_end"
        if start not in columns or end not in columns:
            continue
        f, s, e = columns.index(col), columns.index(start), columns.index(end)
        for r in rows:
            r[f] = _source(r[f], r[s], r[e])
        columns[f] = f"{prefix}source"
        for i in sorted((s, e), reverse=True):
            del columns[i]
            for r in rows:
                del r[i]
    return columns, rows


def _source(file: Any, start: Any, end: Any) -> str | None:
    if not file:
        return None
    if start is None:
        return str(file)
    return f"{file}:{start}" if end in (None, start) else f"{file}:{start}-{end}"


# --- parameters --------------------------------------------------------------------------

def bind(q: CannedQuery, given: Mapping[str, Any], store: GraphStore) -> dict[str, Any]:
    """Typed values for every parameter of `q`, or `QueryError` naming the problem."""
    unknown = [k for k in given if q.param(k) is None]
    if unknown:
        accepted = ", ".join(p.name for p in q.params) or "—"
        raise QueryError(f"{q.name}: tham số lạ / unknown parameter {', '.join(unknown)} "
                         f"(nhận / accepts: {accepted})")
    out: dict[str, Any] = {}
    for p in q.params:
        raw = given.get(p.name)
        raw = p.default if raw is None or (isinstance(raw, str) and not raw.strip()) else raw
        if raw is None:
            raise QueryError(f"{q.name}: thiếu tham số / missing parameter {p.name} "
                             f"({p.description}): -p {p.name}=…")
        try:
            out[p.name] = _convert(p, raw, store)
        except names.NameMatchError as exc:
            raise QueryError(f"{q.name}: {p.name}: {exc}") from exc
    return out


def _convert(p: Param, raw: Any, store: GraphStore) -> Any:
    typed = nfc(str(raw)).strip()
    if p.type == "int":
        try:
            return int(typed)
        except ValueError:
            raise QueryError(f"{p.name}: cần một số nguyên / expects an integer, got "
                             f'"{typed}"') from None
    if p.type == "date":
        return _date(typed, p.name)
    if p.type in ("string", "text"):
        return typed
    if p.type == "collectives":
        return [] if _yes(typed, p.name) else sorted(collective_types(), key=loose_key)
    if p.type == "province":
        return typed and names.pick(typed, _values(store, _PROVINCES), what="tỉnh / province",
                                    ignore=_PROVINCE_PREFIXES)
    if p.type == "agency_type":
        return typed and _agency_type(typed, store)
    if not typed:
        return []
    if p.type == "programme":
        rows = store.run(_PROGRAMMES).rows
        found = set(names.search(typed, (name for _, name in rows)))
        if not found:
            raise names.unknown(typed, sorted({n for _, n in rows}),
                                what="chương trình / programme")
        return sorted({i for i, name in rows if name in found})
    if p.type == "act":
        rows = store.run(_ACTS).rows
        number = names.pick(typed, (shown for _, shown in rows), what="văn bản / legal act")
        return sorted({i for i, shown in rows if shown == number})
    if p.type == "period":
        try:
            period_matches(None, typed)  # raises when `typed` names no period
        except ValueError as exc:
            raise QueryError(f"{p.name}: {exc}") from None
        return [c for c in _values(store, _PERIODS) if period_matches(c, typed)]
    raise AssertionError(p.type)  # catalog.parse admits no other type


_PROVINCES = ("MATCH (p:Plan) RETURN DISTINCT p.province AS name "
              "UNION MATCH (p:Province) RETURN p.name AS name")
_AGENCY_TYPES = ("MATCH (a:Agency) RETURN DISTINCT a.type AS name "
                 "UNION MATCH (t:AgencyType) RETURN t.id AS name")
_PROGRAMMES = "MATCH (g:Programme) RETURN g.id, g.name"
_ACTS = "MATCH (l:LegalAct) RETURN l.id, coalesce(l.number, l.name)"
_PERIODS = "MATCH (t:Task) WHERE t.period IS NOT NULL RETURN DISTINCT t.period"


def _agency_type(typed: str, store: GraphStore) -> str:
    """The agency type typed: a name of the types list ("so y te"), else any way plans write
    it ("Tỉnh đoàn", "BCĐ 138"), as ingest resolves names; where several types fit ("cong an"),
    the one ingest reads the words as (plans mean the provincial police), if any."""
    resolver = get_resolver()
    known = sorted({*_values(store, _AGENCY_TYPES), *resolver.type_names()}, key=loose_key)
    try:
        return names.pick(typed, known, what="loại cơ quan / agency type")
    except names.NameMatchError as exc:
        resolved = resolver.resolve(typed).type
        if not resolved or (exc.ambiguous and resolved not in exc.candidates):
            raise
        return resolved


_YES, _NO = {"co", "c", "yes", "y", "1", "true"}, {"khong", "k", "no", "n", "0", "false"}


def _yes(typed: str, what: str) -> bool:
    word = loose_key(typed)
    if word not in _YES | _NO:
        raise QueryError(f'{what}: cần "co" hoặc "khong" / expects yes or no, got "{typed}"')
    return word in _YES


def _values(store: GraphStore, cypher: str) -> list[str]:
    return sorted({r[0] for r in store.run(cypher).rows if r[0]}, key=loose_key)


_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")


def _date(typed: str, what: str) -> str:
    m = _DMY.fullmatch(typed)
    try:
        d = dt.date(int(m[3]), int(m[2]), int(m[1])) if m else dt.date.fromisoformat(typed)
    except ValueError:
        raise QueryError(f'{what}: ngày không hợp lệ / not a date: "{typed}" '
                         "(YYYY-MM-DD hoặc / or DD/MM/YYYY)") from None
    return d.isoformat()


# --- --as-of ------------------------------------------------------------------------------

def _apply_as_of(out: QueryOutput, date: str) -> None:
    """Show each province / agency-type value by what bears its name or does its work on `date`
    (the 2025 reorganisation), keeping the original visible: "Đồng Tháp (trước: Tiền Giang)".
    Where an agency type's work was split, the successors are listed and the note says which
    part each took."""
    from plangraph.ontology.succession import agency_type_as_of, province_as_of

    explained: dict[str, str] = {}

    def current(kind: str, value: Any) -> Any:
        if not isinstance(value, str) or not value:
            return value
        if kind == "province":
            name, changed = province_as_of(value, date)
            return f"{name} (trước: {value})" if changed else value
        successors = agency_type_as_of(value, date)
        if [s.type for s in successors] == [value]:
            return value
        names = " / ".join(s.type or "giải thể / abolished" for s in successors)
        explained[value] = "; ".join(f"{s.type or '—'}: {s.scope_note}" for s in successors)
        return f"{names} (trước: {value})"

    kinds = [(i, out.query.kind(c)) for i, c in enumerate(out.columns)]
    kinds = [(i, k) for i, k in kinds if k in ("province", "agency_type")]
    for row in out.rows:
        for i, kind in kinds:
            row[i] = current(kind, row[i])
    out.notes.append(f"--as-of {date}: tỉnh và cơ quan được ghi theo đơn vị kế nhiệm tại ngày "
                     "này (tên cũ trong ngoặc) / provinces and agencies shown as their successors "
                     "on that date (former name in brackets)")
    out.notes += [f"{old} → {why}" for old, why in explained.items()]
