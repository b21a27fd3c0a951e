"""Run a canned query by name on a store: bind typed parameters, run the Cypher read-only with
them as Cypher parameters (never spliced into the text), then shape the rows.

    out = run(store, "chu_tri_nhieu_nhat", {"tinh": "tuyen quang"})
    out.to_dataframe(); out.to_graph()

After the Cypher: columns `<p>file`, `<p>line_start`, `<p>line_end` become one column
`<p>source` ("file:12-14"); a `text` parameter is searched in the store's full-text index of
task texts (the Cypher gets the ids of the tasks found as that parameter), then the rows whose
column holds the typed phrases with the diacritics typed are kept (graph/search.py), and a
column `excerpt` gets the matched words highlighted; the header's `order:` sorts the rows and
lists are sorted (one order on every store, see `sort_key`); `--as-of` shows each province /
agency type by its successor at that date.

A web page shows 50 rows of a national answer of 10,000s: `run(..., lazy=True)` leaves the
cells no order depends on (a search's highlighted excerpt, a row's nearest deadlines) to be
filled for the rows shown (`QueryOutput.ready`); everything else (filtering, sorting) is done.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache, partial
from itertools import chain, repeat
from operator import add, eq, itemgetter, mul
from typing import TYPE_CHECKING, Any

from plangraph.graph import search
from plangraph.graph.schema import label_vi
from plangraph.graph.store import GraphStore
from plangraph.ingest.agencies.resolver import get_resolver
from plangraph.ingest.text.vntext import loose_key, nfc
from plangraph.ontology.loader import collective_types, non_root_act_types
from plangraph.queries import names, periods
from plangraph.queries.catalog import RUNNER_ONLY, CannedQuery, Param, QueryError, get

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd

_PROVINCE_PREFIXES = ("tỉnh", "thành phố", "tp")
# A text parameter's matches, highlighted, go to this column where a query returns one.
EXCERPT, EXCERPT_WIDTH = "excerpt", 180


@dataclass
class QueryOutput:
    query: CannedQuery
    params: dict[str, Any]  # the bound values
    columns: list[str]
    rows: list[list[Any]]
    notes: list[str] = field(default_factory=list)  # shown to the user under the result
    given: dict[str, Any] = field(default_factory=dict)  # the parameters as typed
    as_of: str | None = None  # the --as-of date, ISO
    # cells filled on demand (lazy run): column index -> the cell's value from its raw row;
    # not copied by dataclasses.replace (ready the rows first)
    later: dict[int, Callable[[list[Any]], Any]] = field(default_factory=dict, init=False,
                                                         repr=False, compare=False)
    _readied: set[int] = field(default_factory=set, init=False, repr=False, compare=False)

    def ready(self, rows: list[list[Any]] | None = None) -> list[list[Any]]:
        """`rows` (of `self.rows`; default: all of them) with their cells filled on demand."""
        if not self.later:
            return self.rows if rows is None else rows
        todo = self.rows if rows is None else rows
        fills = list(self.later.items())
        for row in todo:
            if id(row) not in self._readied:
                self._readied.add(id(row))
                for i, fill in fills:
                    row[i] = fill(row)
        if rows is None:
            self.later.clear()
            self._readied.clear()
        return todo

    @property
    def labels(self) -> list[str]:
        """Vietnamese column labels."""
        return [self.query.label(c) for c in self.columns]

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.ready()]

    def to_dataframe(self) -> pd.DataFrame:
        import pandas as pd

        df = pd.DataFrame(self.ready(), columns=self.columns)
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


def _highlight(i: int, spans: dict[int, tuple[list[Any], Any]], row: list[Any]) -> str:
    """A search row's excerpt (column `i`) with the matches found when the rows were filtered."""
    return search.excerpt(nfc(_text(row[i])), spans.pop(id(row))[1], EXCERPT_WIDTH)


def _plain_columns(q: CannedQuery, names: list[str],
                   rows: list[list[Any]]) -> tuple[list[str], list[list[Any]]]:
    """The store's rows as columns of plain values (`_plain`), each `<p>file, <p>line_start,
    <p>line_end` made one `<p>source`. Column by column: a column's types are checked at
    once (most hold only strings and numbers, left as they are), not each cell in Python."""
    columns = list(names)
    cols = [list(col) for col in zip(*rows, strict=True)] if rows else [[] for _ in columns]
    for i, col in enumerate(cols):
        # a `deadlines` column's task ids are read, not shown: left unsorted (thousands a row)
        if q.kind(columns[i]) != "deadlines" and not _SIMPLE.issuperset(map(type, col)):
            cols[i] = _plain_column(col)
    for name in list(columns):
        prefix = name[: -len("file")]
        start, end = f"{prefix}line_start", f"{prefix}line_end"
        if not name.endswith("file") or start not in columns or end not in columns:
            continue
        f, s, e = columns.index(name), columns.index(start), columns.index(end)
        cols[f] = list(map(_source, cols[f], cols[s], cols[e]))
        columns[f] = f"{prefix}source"
        for i in sorted((s, e), reverse=True):
            del columns[i], cols[i]
    return columns, cols


def _plain_column(col: list[Any]) -> list[Any]:
    """One column's cells as `_plain` gives them. Two common columns the fast way: sums
    (LadybugDB's Decimal) that are whole numbers, and lists of text (names, plans, keys: each
    distinct text's place in `sort_key`'s order found once, then every list sorted by those
    places; as `sorted(key=sort_key)`, whose keys differ for different texts)."""
    kinds = set(map(type, col))
    if kinds == {Decimal}:
        whole = list(map(int, col))
        if all(map(eq, col, whole)):
            return whole
    elif kinds <= {list, type(None)}:
        lists = [c for c in col if c]
        if {str}.issuperset(map(type, chain.from_iterable(lists))):
            texts = sorted(set(chain.from_iterable(lists)), key=sort_key)
            place = {text: n for n, text in enumerate(texts)}.__getitem__
            return [sorted(c, key=place) if c else c for c in col]
    return list(map(partial(_plain, sorted_lists={}), col))


def _typed_name(cell: Any, typed: list[tuple[set[str], str]]) -> Any:
    """A list cell that is a parameter's bound values: the name the analyst typed."""
    if cell.__class__ is not list or not cell or cell[0].__class__ is list \
            or not any(cell[0] in v for v, _ in typed):
        return cell  # (a list equal to a bound set holds its values: cheap test first)
    return next((name for values, name in typed if values == set(cell)), cell)


def dialect(store: GraphStore) -> str:
    return store.dialect


def run(store: GraphStore, name: str | CannedQuery, params: Mapping[str, Any] | None = None,
        *, as_of: str | dt.date | None = None, lazy: bool = False) -> QueryOutput:
    """The answer; `lazy`: cells no order depends on are left to `QueryOutput.ready`. Its
    look-ups and its query read one state of the store, even while an ingest commits."""
    with store.snapshot(), _no_cycle_collection():
        return _answer(store, name, params, as_of, lazy)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Python's cycle collector paused while an answer is built: the rows of a national answer
    (tens of thousands of lists, none in a cycle) would start several full collections, each
    walking every object of the process (a third of the runner's time at 30,000 rows)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _answer(store: GraphStore, name: str | CannedQuery, params: Mapping[str, Any] | None,
            as_of: str | dt.date | None, lazy: bool) -> QueryOutput:
    q = name if isinstance(name, CannedQuery) else get(name)
    on = _date(str(as_of), "--as-of") if as_of is not None else None
    bound = bind(q, params or {}, store, as_of=on)
    searches = {p.name: search.parse(bound[p.name]) for p in q.params if p.type == "text"}
    cypher_params = {p.name: store.search_tasks(searches[p.name]) if p.type == "text"
                     else list(v) if isinstance(v, list) else v
                     for p in q.params if p.type not in RUNNER_ONLY for v in [bound[p.name]]}
    result = store.run(q.cypher(dialect(store)), cypher_params)
    columns, cols = _plain_columns(q, result.columns, result.rows)
    later: dict[int, Callable[[list[Any]], Any]] = {}
    searched: tuple[int, list[list[tuple[int, int]]]] | None = None  # column, spans per row
    for p in q.params:
        if p.type == "text":  # the index ignores diacritics; the words typed with them count
            assert p.column is not None  # a text parameter names the column it searches
            i = columns.index(p.column)
            spans = [search.find(_text(v), searches[p.name]) for v in cols[i]]
            keep = [n for n, found in enumerate(spans) if found]
            if len(keep) < len(spans):
                cols = [[col[n] for n in keep] for col in cols]
            searched = (i, [spans[n] for n in keep])
    typed = [(set(v), v.typed) for v in bound.values()  # names (a period's bound holds maps)
             if isinstance(v, Bound) and v.typed and all(x.__class__ is str for x in v)]
    for i, col in enumerate(cols if typed else ()):  # `$tinh AS province` gives the bound
        if not _SIMPLE.issuperset(map(type, col)):  # list back: show the name typed
            cols[i] = [_typed_name(cell, typed) for cell in col]
    rows = list(map(list, zip(*cols, strict=True)))
    if searched and EXCERPT in columns:  # highlighted where shown, with the spans found
        i, spans = searched  # (keyed by the row, which is held: its id stays its own)
        later[columns.index(EXCERPT)] = partial(
            _highlight, i, {id(r): (r, found) for r, found in zip(rows, spans, strict=True)})
    out = QueryOutput(q, _shown(bound), columns, rows, given=dict(params or {}), as_of=on)
    out.later.update(later)
    _fill_due(out, bound)
    _fill_deadlines(out, store)
    _fill_roots(out)
    if any(columns[i] in dict(q.order) for i in later):  # an order that reads them: fill first
        out.ready()
    sort_rows(q, columns, rows)
    for p in q.params:
        if p.type == "collectives" and bound[p.name]:
            left_out = ", ".join(bound[p.name][:2]) + (", …" if len(bound[p.name]) > 2 else "")
            out.notes.append(f"Không tính chủ thể tập thể ({left_out}): thêm -p {p.name}=co để "
                             f"tính / collective assignees left out; -p {p.name}=co counts them")
    if on is not None:
        from plangraph.queries.as_of import apply_as_of

        apply_as_of(out, on, store, {p.name: bound[p.name] for p in q.params
                                     if p.type == "agency_type"},
                    (next((bound[p.name] for p in q.params if p.type == "year"), 0),
                     next((list(bound[p.name]) for p in q.params if p.type == "plan"), [])))
    if not out.rows:
        out.notes += explain_empty(q, bound, store)
    if not lazy:
        out.ready()
    return out


class Bound(list):
    """A parameter bound to several values (sent to the Cypher as a plain list), with what
    the analyst typed and, for periods, how a task's (period code, plan year) falls in it."""

    def __init__(self, values, typed: str = "",
                 dues: dict[tuple[str, int | None], periods.Due] | None = None,
                 note: str = ""):
        super().__init__(values)
        self.typed = typed
        self.dues = dues or {}
        self.note = note


def _shown(bound: dict[str, Any]) -> dict[str, Any]:
    """The bound parameters as shown to the analyst (a typed name rather than ids)."""
    return {k: (v.typed if isinstance(v, Bound) and v.typed else
                list(v) if isinstance(v, list) else v) for k, v in bound.items()}


def _fill_due(out: QueryOutput, bound: dict[str, Any]) -> None:
    """Columns of kind `due`: how the row's task falls in the period asked (its `period` code
    read in the row's `year`, its plan's)."""
    dues = next((v for v in bound.values() if isinstance(v, Bound) and v.dues), None)
    due_cols = [i for i, c in enumerate(out.columns) if out.query.kind(c) == "due"]
    if not due_cols or "period" not in out.columns or "year" not in out.columns:
        return
    code, year = out.columns.index("period"), out.columns.index("year")
    for row in out.rows:
        due = dues.dues.get((row[code], row[year])) if dues else None
        for i in due_cols:
            row[i] = due.label if due else None
    notes = [v.note for v in bound.values() if isinstance(v, Bound) and v.note]
    out.notes += notes


def _fill_roots(out: QueryOutput) -> None:
    """Columns of kind `root` (true: nothing above the act is known) say "gốc" (root), or
    "không rõ căn cứ" for a letter or notice (a Công văn is never a chain's root), or ""; the
    act's type is the row's `to_type`."""
    cols = [i for i, c in enumerate(out.columns) if out.query.kind(c) == "root"]
    if not cols or "to_type" not in out.columns:
        return
    kind = out.columns.index("to_type")
    for row in out.rows:
        for i in cols:
            row[i] = ("" if not row[i] else "không rõ căn cứ / basis unknown"
                      if row[kind] in non_root_act_types() else "gốc")


NEAREST = 3  # deadlines shown in a `deadlines` column


def _fill_deadlines(out: QueryOutput, store: GraphStore) -> None:
    """Columns of kind `deadlines` hold task ids, or lists of them (one per plan, as the store
    collected them): shown as the earliest deadlines those tasks set, each read in its plan's
    year, with how many tasks share it ("Quý II/2024 (3)")."""
    cols = [i for i, c in enumerate(out.columns) if out.query.kind(c) == "deadlines"]
    if not cols or not out.rows:
        return
    group: dict[str, int] = {}  # task -> its (period, year) among the few distinct ones
    sets: list[frozenset[tuple[float, str]]] = []  # the deadlines each of those sets
    for n, (code, year, ids) in enumerate(store.run(_TASK_PERIODS).rows):
        sets.append(frozenset(periods.deadlines(code, year)))
        group.update(dict.fromkeys(ids, n))

    def nearest(row: list[Any], i: int) -> str:
        tasks: Counter[tuple[float, str]] = Counter()
        cell = row[i] or []
        ids = chain.from_iterable(cell) if cell[:1] and cell[0].__class__ is list else cell
        for n, many in Counter(map(group.get, ids)).items():
            for deadline in sets[n] if n is not None else ():
                tasks[deadline] += many
        return "; ".join(f"{words} ({n})" if n > 1 else words
                         for (_, words), n in sorted(tasks.items())[:NEAREST])

    for i in cols:
        out.later[i] = partial(nearest, i=i)


def explain_empty(q: CannedQuery, bound: dict[str, Any], store: GraphStore) -> list[str]:
    """Why an answer is empty, where a parameter names something the store has no plan of."""
    notes = []
    for p in q.params:
        value = bound.get(p.name)
        if p.type == "province" and value:
            have = {r[0] for r in store.run(_PLAN_PROVINCES).rows}
            missing = [v for v in value if v not in have]
            if len(missing) == len(value):
                shown = value.typed if isinstance(value, Bound) and value.typed else value[0]
                notes.append(f"{shown}: chưa có kế hoạch nào trong kho / no plan of this "
                             f"province in the store (có / present: {', '.join(sorted(have))})")
        elif p.type == "agency_type" and value:
            n = store.run("MATCH (a:Agency)-[:CHU_TRI|PHOI_HOP|THUC_HIEN]->(:Task) "
                          "WHERE a.type IN $types RETURN count(a)", {"types": list(value)})
            if not n.rows[0][0]:
                shown = value.typed if isinstance(value, Bound) and value.typed else value[0]
                notes.append(f"{shown}: không có nhiệm vụ nào trong kho / no task of this "
                             "agency type in the store")
        elif p.type == "year" and value:
            years = sorted({r[0] for r in store.run(_PLAN_YEARS).rows if r[0]})
            if value not in years:
                notes.append(f"năm {value}: chưa có kế hoạch nào trong kho / no plan of that "
                             f"year in the store (có / present: "
                             f"{', '.join(map(str, years))})")
    return notes


def contains_words(text: str, typed: str) -> bool:
    """`text` holds what was typed, as graph/search.py reads a query: "cai nghien tu nguyen"
    finds "cai nghiện tự nguyện"; "tiền chất" finds "tiền chất", not "tiên tiến"."""
    return bool(search.find(text, search.parse(typed)))


_SIMPLE = frozenset({str, int, float, bool, type(None)})  # values `_plain` leaves as they are


def _plain(v: Any, sorted_lists: dict[tuple, list] | None = None) -> Any:
    """Store values as plain Python: LadybugDB sums come back as Decimal; lists (collect) in
    one order on every store: sorted by `sort_key` (`sorted_lists`: lists of text sorted
    before, by their items: a column repeats the same few names in thousands of rows)."""
    if isinstance(v, Decimal):
        return int(v) if v == v.to_integral_value() else float(v)
    if isinstance(v, list):
        if len(v) < 2:
            return [x if x.__class__ in _SIMPLE else _plain(x) for x in v]
        if sorted_lists is not None and {str} == set(map(type, v)):
            texts = tuple(v)
            done = sorted_lists.get(texts)
            if done is None:
                done = sorted_lists[texts] = sorted(v, key=sort_key)
            return list(done)
        items = [x if x.__class__ in _SIMPLE else _plain(x) for x in v]
        return sorted(items, key=sort_key)
    return v


# --- one order on every store -------------------------------------------------------------
# Neither store promises an order for ties of ORDER BY nor for the items of collect(), and
# Neo4j has no list sort without plugins: the runner sorts. Rows by the header's `order:`
# columns (which every query declares and which must make rows unique), lists inside rows by
# their items, with one collation: text as Vietnamese readers sort it (letters without
# diacritics first, then the exact text), numbers inside text by value ("IV.2" < "IV.10",
# "f.txt:9" < "f.txt:12"), empty values last.

_NUMBER = re.compile(r"(\d+)")


_EMPTY = (2,)


def sort_key(v: Any) -> tuple:
    if v.__class__ is str:  # most cells: the fast way
        return _text_key(v) if v else _EMPTY
    if v is None or v == "" or v == []:
        return _EMPTY
    if isinstance(v, bool):
        return (0, (int(v),))
    if isinstance(v, int | float):
        return (0, (v,))
    if isinstance(v, list):
        return (1, tuple(sort_key(x) for x in v))
    return _text_key(str(v))


@lru_cache(maxsize=1 << 16)
def _text_key(text: str) -> tuple:
    # cached: a national answer repeats the same provinces, acts and agency types in thousands
    # of rows, and folding each one again cost seconds
    chunks = tuple((0, int(c), "") if c.isdigit() else (1, 0, loose_key(c))
                   for c in _NUMBER.split(text) if c)
    return (1, chunks, text)


def sort_rows(q: CannedQuery, columns: list[str], rows: list[list[Any]]) -> None:
    """Sort `rows` in place by the query's `order:` columns (empty values last, also when
    descending). Each column's distinct values are ranked once (a national answer repeats its
    provinces and plans thousands of times), then rows compare as one number, their ranks
    written in mixed radix (ints compare faster than tuples). A column of values nearly all
    distinct (a source, a task's text) with only ascending columns after it only breaks the
    ties left: those rows are sorted among themselves (ranking 20,000 distinct texts cost more
    than the rest of the sort)."""
    if not q.order or len(rows) < 2:
        return
    key: list[int] = [0] * len(rows)  # the ranks of a row's order columns as one number
    for n, (col, desc) in enumerate(q.order):
        if len(set(key)) == len(rows):  # no ties left: the next columns cannot reorder rows
            break
        values = list(map(itemgetter(columns.index(col)), rows))
        rest = q.order[n:]
        if n and not any(d for _, d in rest) and _mostly_distinct(values):
            _sort_ties(rows, key, [columns.index(c) for c, _ in rest])
            return
        rank, lists = _ranks(values, desc)
        ranks = map(rank.__getitem__, map(_hashable, values) if lists else values)
        key = list(map(add, map(mul, key, repeat(len(rank) + 1)), ranks))
    order = sorted(range(len(rows)), key=key.__getitem__)
    rows[:] = [rows[n] for n in order]


def _mostly_distinct(values: list[Any]) -> bool:
    lists = list in set(map(type, values))
    return len(set(map(_hashable, values) if lists else values)) > len(values) // 2


def _sort_ties(rows: list[list[Any]], key: list[int], columns: list[int]) -> None:
    """`rows` in the order of `key`, rows of one key sorted by `columns` (ascending), as the
    ranks of those columns would sort them; rows equal in all keep their order."""
    groups: dict[int, list[int]] = {}
    for n, k in enumerate(key):
        groups.setdefault(k, []).append(n)
    order: list[int] = []
    for k in sorted(groups):
        members = groups[k]
        if len(members) > 1:
            members.sort(key=lambda n: tuple(sort_key(rows[n][i]) for i in columns))
        order.extend(members)
    rows[:] = [rows[n] for n in order]


def _ranks(values: list[Any], desc: bool) -> tuple[dict[Any, int], bool]:
    """Each distinct value's place in the column's order (equal `sort_key`s: one place; places
    0, 1, … below the number of distinct values), and whether the column holds lists.
    Descending: numbers reversed first, then text reversed, then empty values, as `sort_key`
    classes them."""
    lists = list in set(map(type, values))
    if lists:
        distinct: dict[Any, Any] = {}  # hashable form -> the value
        for v in values:
            distinct.setdefault(_hashable(v), v)
        names, shown = list(distinct), list(distinct.values())
    else:
        names = shown = list(dict.fromkeys(values))
    keyed = sorted((sort_key(v), n) for n, v in enumerate(shown))
    rank: dict[Any, int] = {}
    place, previous, big = -1, None, len(names) + 1
    for key, n in keyed:
        if key != previous:
            place, previous = place + 1, key
        rank[names[n]] = (place if not desc else 2 * big if key[0] == 2
                          else big * key[0] - place)
    dense = {r: n for n, r in enumerate(sorted(set(rank.values())))}  # 0, 1, … in order
    return {v: dense[r] for v, r in rank.items()}, lists


def _hashable(v: Any) -> Any:
    return tuple(map(_hashable, v)) if v.__class__ is list else v


def _source(file: Any, start: Any, end: Any) -> str | None:
    if not file:
        return None
    if start is None:
        return str(file)
    return f"{file}:{start}" if end in (None, start) else f"{file}:{start}-{end}"


# --- parameters --------------------------------------------------------------------------

def bind(q: CannedQuery, given: Mapping[str, Any], store: GraphStore, *,
         as_of: str | None = None) -> dict[str, Any]:
    """Typed values for every parameter of `q`, or `QueryError` naming the problem.

    With `as_of`, a province or agency type typed by its name on that date also stands for
    the former units whose work it took over ("Đồng Tháp" finds Tiền Giang's plans)."""
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
            if p.type == "period":
                scope = next((given.get(x.name) or x.default for x in q.params
                              if x.type == "period_scope"), None)
                out[p.name] = _period(p, nfc(str(raw)).strip(), scope, store)
            else:
                out[p.name] = _convert(p, raw, store, as_of)
        except names.NameMatchError as exc:
            raise QueryError(f"{q.name}: {p.name}: {exc}") from exc
    provinces = [p.name for p in q.params if p.type == "province" and out[p.name]]
    for i, a in enumerate(provinces):
        for b in provinces[i + 1:]:
            if set(out[a]) & set(out[b]):
                raise QueryError(f"{q.name}: {a} và {b} là cùng một tỉnh / {a} and {b} name the "
                                 f"same province ({out[a].typed or out[a][0]}): chọn hai tỉnh "
                                 "khác nhau / pick two different provinces")
    return out


def _period(p: Param, typed: str, scope: str | None, store: GraphStore) -> Bound:
    """The tasks that fall in the period typed, each task's period read in its plan's year
    (queries/periods.py), as `{year, codes}`: the period codes that fall in it, for each plan
    year (0: none); `scope` "den_han" keeps the due ones only. Each distinct (code, year) is
    classified once and the Cypher keeps the tasks that have one (the ids of 25,000 tasks
    read, then looked up one by one, cost ~1 s at 3,000 plans)."""
    try:
        period = periods.parse_period(typed)
    except periods.PeriodError as exc:
        raise QueryError(f"{p.name}: {exc}") from None
    everything = (scope or "den_han") != "den_han"
    dues: dict[tuple[str, int | None], periods.Due] = {}
    left_out: Counter[str] = Counter()
    for code, year, tasks in store.run(_PERIOD_CODES).rows:
        due = periods.classify(code, year, period)
        if due is None:
            continue
        if everything or due.kind == periods.DUE or period.ongoing:
            dues[code, year] = due
        else:
            left_out[due.kind] += tasks
    left_out = Counter({k: left_out[k] for k in periods.KIND_VI if left_out[k]})  # one order
    note = ""
    if left_out:
        note = ("Chỉ tính nhiệm vụ đến hạn trong kỳ; thêm -p pham_vi=tat_ca để xem cả "
                + ", ".join(f"{n} nhiệm vụ {periods.KIND_VI[k]}" for k, n in left_out.items())
                + " / only tasks due in the period; -p pham_vi=tat_ca adds "
                + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in left_out.items()))
    codes: dict[int, list[str]] = {0: []}  # never empty: LadybugDB types no empty list of maps
    for code, year in dues:
        codes.setdefault(year or 0, []).append(code)
    return Bound([{"year": year, "codes": sorted(found)} for year, found in sorted(codes.items())],
                 typed, dues, note)


def _convert(p: Param, raw: Any, store: GraphStore, as_of: str | None = None) -> Any:
    typed = nfc(str(raw)).strip()
    if p.type == "period_scope":
        if typed not in ("den_han", "tat_ca"):
            raise QueryError(f'{p.name}: "den_han" (đến hạn trong kỳ / due in the period) hoặc '
                             f'/ or "tat_ca" (cả đang thực hiện, thường xuyên / also under way '
                             f'and ongoing), không phải / not "{typed}"')
        return typed
    if p.type == "year":
        if not typed:
            return 0
        if not re.fullmatch(r"(19|20)\d\d", typed):
            raise QueryError(f'{p.name}: cần một năm / expects a year (vd. / e.g. 2024), got '
                             f'"{typed}"')
        return int(typed)
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
    if not typed:
        return [] if p.type not in ("string", "text") else typed
    if p.type == "province":
        name = names.pick(typed, _values(store, _PROVINCES), what="tỉnh / province",
                          ignore=_PROVINCE_PREFIXES)
        return Bound(_with_predecessors(name, _values(store, _PLAN_PROVINCES), as_of, "province"),
                     name)
    if p.type == "agency_type":
        name = _agency_type(typed, store)
        return Bound(_with_predecessors(name, _values(store, _AGENCY_TYPES), as_of,
                                        "agency_type"), name)
    if p.type == "plan":
        rows = store.run(_PLANS).rows
        shown = {pid: " ".join(str(x) for x in (number, title, file, year) if x)
                 for pid, number, title, file, year in rows}
        found = set(names.search(typed, shown.values())) or {
            v for pid, v in shown.items() if typed in (pid, *v.split())}
        if not found:
            raise names.unknown(typed, sorted(shown.values()), what="kế hoạch / plan")
        return Bound(sorted(pid for pid, v in shown.items() if v in found), typed)
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
    raise AssertionError(p.type)  # catalog.parse admits no other type


_PROVINCES = ("MATCH (p:Plan) RETURN DISTINCT p.province AS name "
              "UNION MATCH (p:Province) RETURN p.name AS name")
_AGENCY_TYPES = ("MATCH (a:Agency) RETURN DISTINCT a.type AS name "
                 "UNION MATCH (t:AgencyType) RETURN t.id AS name")
_PROGRAMMES = "MATCH (g:Programme) RETURN g.id, g.name"
_ACTS = "MATCH (l:LegalAct) RETURN l.id, coalesce(l.number, l.name)"
# the tasks by (period, plan's year): a few hundred rows, not one per task
_TASK_PERIODS = ("MATCH (t:Task) WHERE t.period IS NOT NULL "
                 "RETURN t.period, t.year, collect(t.id)")
# a task's year is its plan's (derived at load)
_PERIOD_CODES = ("MATCH (t:Task) WHERE t.period IS NOT NULL "
                 "RETURN t.period, t.year, count(*)")
_PLAN_PROVINCES = "MATCH (p:Plan) RETURN DISTINCT p.province"
_PLAN_YEARS = "MATCH (p:Plan) RETURN DISTINCT p.year"
_PLANS = "MATCH (p:Plan) RETURN p.id, p.number, p.title, p.file, p.year"


def _with_predecessors(name: str, known: list[str], as_of: str | None, kind: str) -> list[str]:
    """`name`, and with `as_of` every name in the store whose work `name` does on that date."""
    if as_of is None:
        return [name]
    from plangraph.ontology.succession import agency_type_as_of, province_as_of

    if kind == "province":
        before = [k for k in known if province_as_of(k, as_of)[0] == name]
    else:
        before = [k for k in known if name in {s.type for s in agency_type_as_of(k, as_of)}]
    return sorted({name, *before}, key=loose_key)


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
