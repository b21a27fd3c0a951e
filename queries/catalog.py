"""The canned queries: `queries/*.cypher` files, each a header of `// key: value` lines and a
Cypher body. The header format is described in queries/README.md.

    >>> q = get("chu_tri_nhieu_nhat")
    >>> q.params[0].name, q.params[0].type
    ('tinh', 'province')
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from plangraph.graph.schema import NODE_BY_LABEL, REL_BY_NAME
from plangraph.queries import names

QUERY_DIR = Path(__file__).resolve().parent
DIALECTS = ("ladybug", "neo4j")
# type -> what the analyst types is resolved to (see runner.bind)
PARAM_TYPES = ("string", "int", "date", "year", "province", "agency_type", "period",
               "period_scope", "plan", "programme", "act", "text", "collectives")
# types the runner uses itself, never sent to the Cypher (a text parameter reaches it as the
# ids of the tasks its search found)
RUNNER_ONLY = ("period_scope",)
COLUMN_KINDS = ("province", "agency_type", "id", "due", "deadlines", "period", "root")


class QueryError(ValueError):
    """A bad query file, an unknown query name or a bad parameter: one line for the user."""


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None  # None: required; "" : optional, empty means "all"
    description: str
    column: str | None = None  # text params: the result column holding the task text

    @property
    def required(self) -> bool:
        return self.default is None


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # Vietnamese label shown in tables
    # "province" | "agency_type": --as-of maps these; "id": a node id, left out of tables
    kind: str | None = None


@dataclass(frozen=True)
class NodeSpec:
    column: str  # the column holding the node's id
    label: str | None  # schema node label, or None when `label_column` gives it per row
    label_column: str | None = None
    text: str | None = None  # column shown on the node (default: the id column)
    title: tuple[str, ...] = ()  # columns shown in the tooltip


@dataclass(frozen=True)
class EdgeSpec:
    source: str  # node columns
    target: str
    rel: str | None = None  # schema relationship type (its Vietnamese label is shown)
    rel_column: str | None = None  # or a column holding the type or the text per row
    text: str | None = None  # or a fixed text
    weight: str | None = None
    title: tuple[str, ...] = ()
    when: str | None = None  # draw only for rows where this column is true


@dataclass
class CannedQuery:
    name: str
    question: str
    question_en: str
    path: Path
    bodies: dict[str, str]  # dialect ("" = every dialect) -> Cypher
    params: list[Param] = field(default_factory=list)
    columns: list[Column] = field(default_factory=list)
    nodes: list[NodeSpec] = field(default_factory=list)
    edges: list[EdgeSpec] = field(default_factory=list)
    order: list[tuple[str, bool]] = field(default_factory=list)  # (column, descending)

    def cypher(self, dialect: str) -> str:
        return self.bodies.get(dialect) or self.bodies[""]

    def param(self, name: str) -> Param | None:
        return next((p for p in self.params if p.name == name), None)

    def label(self, column: str) -> str:
        return next((c.label for c in self.columns if c.key == column), column)

    def kind(self, column: str) -> str | None:
        return next((c.kind for c in self.columns if c.key == column), None)


_HEADER = re.compile(r"^//\s*([a-z_]+)\s*:\s*(.*?)\s*$")
_DIALECT = re.compile(r"^//\s*dialect\s*:\s*(\S+)\s*$")
_OPTION = re.compile(r'(\w+)=("[^"]*"|\S+)')


def parse(text: str, path: Path) -> CannedQuery:
    where = path.name
    header: list[tuple[str, str]] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines) and (lines[i].startswith("//") or not lines[i].strip()):
        if _DIALECT.match(lines[i]):
            break
        m = _HEADER.match(lines[i])
        if m:
            header.append((m.group(1), m.group(2)))
        i += 1
    bodies = _split_dialects(lines[i:], where)
    single = {k: v for k, v in header if k in ("name", "question", "question_en")}
    for key in ("name", "question", "question_en"):
        if key not in single:
            raise QueryError(f"{where}: thiếu / missing '// {key}:'")
    q = CannedQuery(single["name"], single["question"], single["question_en"], path, bodies)
    for key, value in header:
        if key == "param":
            q.params.append(_param(value, where))
        elif key == "column":
            q.columns.append(_column(value, where))
        elif key == "node":
            q.nodes.append(_node(value, where))
        elif key == "edge":
            q.edges.append(_edge(value, where))
        elif key == "order":
            q.order = [(c.split()[0], c.split()[-1].lower() == "desc")
                       for c in value.split(",") if c.strip()]
        elif key not in single:
            raise QueryError(f"{where}: khóa lạ / unknown header key '{key}'")
    if not q.order:
        raise QueryError(f"{where}: thiếu / missing '// order:' (the columns that sort the rows "
                         "into one order on every store)")
    _check(q, where)
    return q


def _split_dialects(lines: list[str], where: str) -> dict[str, str]:
    bodies: dict[str, list[str]] = {"": []}
    current = ""
    for line in lines:
        m = _DIALECT.match(line)
        if m:
            current = m.group(1)
            if current not in DIALECTS or current in bodies:
                raise QueryError(f"{where}: dialect '{current}' lạ hoặc lặp / unknown or repeated")
            bodies[current] = []
        else:
            bodies[current].append(line)
    out = {k: "\n".join(v).strip() for k, v in bodies.items() if "\n".join(v).strip()}
    if not out:
        raise QueryError(f"{where}: không có Cypher / no Cypher body")
    if "" not in out and set(out) != set(DIALECTS):
        raise QueryError(f"{where}: cần một thân chung hoặc một thân cho mỗi dialect / needs a "
                         f"common body or one per dialect ({', '.join(DIALECTS)})")
    return out


def _fields(value: str, n: int, where: str, key: str) -> list[str]:
    parts = [p.strip() for p in value.split("|")]
    if len(parts) < n:
        raise QueryError(f"{where}: '// {key}: {value}' cần {n} trường / needs {n} fields")
    return parts


def _param(value: str, where: str) -> Param:
    name, typ, default, *rest = _fields(value, 4, where, "param")
    column = None
    m = re.fullmatch(r"(\w+)\((\w+)\)", typ)
    if m:
        typ, column = m.groups()
    if typ not in PARAM_TYPES or (typ == "text") != (column is not None):
        raise QueryError(f"{where}: kiểu tham số lạ / bad param type '{typ}' (one of "
                         f"{', '.join(PARAM_TYPES)}; text(<column>))")
    if default == "":
        default_value = None
    elif default == '""':
        default_value = ""
    else:
        default_value = default.strip('"')
    return Param(name, typ, default_value, " | ".join(rest), column)


def _column(value: str, where: str) -> Column:
    key, label, *kind = _fields(value, 2, where, "column")
    k = kind[0] if kind and kind[0] else None
    if k is not None and k not in COLUMN_KINDS:
        raise QueryError(f"{where}: loại cột lạ / bad column kind '{k}'")
    return Column(key, label, k)


def _options(text: str) -> dict[str, str]:
    return {k: v.strip('"') for k, v in _OPTION.findall(text)}


def _node(value: str, where: str) -> NodeSpec:
    column, label, *rest = _fields(value, 2, where, "node")
    opts = _options(" ".join(rest))
    per_row = label.startswith("$")
    if not per_row and label not in NODE_BY_LABEL:
        raise QueryError(f"{where}: nhãn nút lạ / unknown node label '{label}'")
    return NodeSpec(column, None if per_row else label, label[1:] if per_row else None,
                    opts.get("text"), _list(opts.get("title")))


def _edge(value: str, where: str) -> EdgeSpec:
    ends, label, *rest = _fields(value, 2, where, "edge")
    m = re.fullmatch(r"(\w+)\s*->\s*(\w+)", ends)
    if not m:
        raise QueryError(f"{where}: cạnh phải là 'a -> b' / edge must read 'a -> b': {ends}")
    opts = _options(" ".join(rest))
    rel = rel_column = text = None
    if label.startswith("$"):
        rel_column = label[1:]
    elif label.startswith('"'):
        text = label.strip('"')
    elif label in REL_BY_NAME:
        rel = label
    else:
        raise QueryError(f"{where}: quan hệ lạ / unknown relationship '{label}' (a type, "
                         f'$column or "text")')
    return EdgeSpec(m.group(1), m.group(2), rel, rel_column, text, opts.get("weight"),
                    _list(opts.get("title")), opts.get("when"))


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split(",")) if value else ()


def _check(q: CannedQuery, where: str) -> None:
    """Every column a header names is a declared result column; every Cypher $param is
    declared (a text param reaches the Cypher as the ids of the tasks its search found)."""
    declared = {c.key for c in q.columns}
    used = {c for n in q.nodes for c in (n.column, n.label_column, n.text, *n.title) if c}
    used |= {c for e in q.edges
             for c in (e.source, e.target, e.rel_column, e.weight, e.when, *e.title) if c}
    used |= {c for c, _ in q.order} | {p.column for p in q.params if p.column}
    if used - declared:
        raise QueryError(f"{where}: cột chưa khai báo / undeclared columns: "
                         f"{', '.join(sorted(used - declared))}")
    node_columns = {n.column for n in q.nodes}
    for e in q.edges:
        if {e.source, e.target} - node_columns:
            raise QueryError(f"{where}: đầu cạnh không phải nút / edge end is not a node column")
    in_cypher = {m for body in q.bodies.values() for m in re.findall(r"\$(\w+)", body)}
    params = {p.name for p in q.params if p.type not in RUNNER_ONLY}
    if in_cypher != params:
        raise QueryError(f"{where}: tham số Cypher và khai báo lệch nhau / Cypher parameters "
                         f"{sorted(in_cypher)} ≠ declared {sorted(params)}")


@cache
def catalog() -> dict[str, CannedQuery]:
    out: dict[str, CannedQuery] = {}
    for path in sorted(QUERY_DIR.glob("*.cypher")):
        q = parse(path.read_text(encoding="utf-8"), path)
        if q.name in out:
            raise QueryError(f"{path.name}: tên trùng / duplicate name '{q.name}'")
        out[q.name] = q
    return out


def get(name: str) -> CannedQuery:
    """A query by name; the name may be typed loosely ("chu-tri", "Chủ trì nhiều nhất")."""
    queries = catalog()
    if name in queries:
        return queries[name]
    try:
        return queries[names.pick(name.replace("_", " "), queries,
                                  what="truy vấn / query")]
    except names.NameMatchError as exc:
        raise QueryError(f"{exc} (plangraph queries)") from exc
