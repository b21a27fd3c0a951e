"""The entity pages: a plan, a task (with its evidence), an agency type, a legal act, a
programme, a province. Each page is a title, facts and tables of cells, every name a link.

Plain read-only Cypher that both stores accept (no label() / type() functions: one query per
relationship type instead).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from plangraph.graph.schema import label_vi
from plangraph.graph.store import GraphStore
from plangraph.ingest.text.vntext import loose_key
from plangraph.queries import names
from plangraph.queries.catalog import catalog
from plangraph.web import links
from plangraph.web.entity_graph import Sketch

ROLES = (("CHU_TRI", "chủ trì"), ("PHOI_HOP", "phối hợp"), ("THUC_HIEN", "thực hiện"))
TEXT_CUT = 220


@dataclass
class Cell:
    text: str
    href: str | None = None
    title: str | None = None  # full text when cut
    parts: list[Cell] | None = None  # several linked names in one cell

    @classmethod
    def of(cls, value: Any, href: str | None = None) -> Cell:
        return cls(_text(value), href)


@dataclass
class Section:
    title: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[Cell]] = field(default_factory=list)
    facts: list[tuple[str, Cell]] = field(default_factory=list)
    empty: str = "Không có / none"


@dataclass
class Page:
    kind: str  # schema label (its Vietnamese name is shown above the title)
    title: str
    sections: list[Section]
    asks: list[tuple[str, str]] = field(default_factory=list)  # (question, url) to go on
    source: Any = None  # a SourceView to show (task evidence)
    graph: dict[str, Any] | None = None  # what graph.js draws beside the tables


class NotFound(LookupError):
    """No such entity: the page answers 404 with this message."""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    return str(value)


def cut(value: Any, limit: int = TEXT_CUT) -> Cell:
    text = " ".join(_text(value).split())
    if len(text) <= limit:
        return Cell(text)
    return Cell(text[: limit - 1] + "…", title=text)


def _rows(store: GraphStore, cypher: str, **params: Any) -> list[list[Any]]:
    return store.run(cypher, params).rows


def _lines(start: Any, end: Any) -> str:
    if start is None:
        return ""
    return f"{start}" if end in (None, start) else f"{start}–{end}"


def _source_cell(file: Any, start: Any, end: Any, marks: list[str] | None = None) -> Cell:
    if not file:
        return Cell("")
    return Cell(f"{file}:{_lines(start, end)}", links.source(str(file), start, end, marks))


def asks_for(param_type: str, value: str) -> list[tuple[str, str]]:
    """Canned questions taking a parameter of this type, pre-filled with `value`."""
    out = []
    for q in catalog().values():
        p = next((p for p in q.params if p.type == param_type), None)
        if p is not None:
            out.append((q.question, links.question(q.name, **{p.name: value})))
    return out


# --- plan ------------------------------------------------------------------------------------

def plan_page(store: GraphStore, plan_id: str) -> Page:
    found = _rows(store, "MATCH (p:Plan) WHERE p.id = $id RETURN p.kind, p.number, p.issued, "
                  "p.issuer, p.province, p.year, p.title, p.file, p.line_start, p.line_end",
                  id=plan_id)
    if not found:
        raise NotFound(f"Không có kế hoạch / no plan {plan_id}")
    kind, number, issued, issuer, province, year, title, file, start, end = found[0]
    # columns: agencies -> tasks <- the plan -> its acts and programmes
    sketch = Sketch()
    me = sketch.node("Plan", plan_id, number or title, 2, province=province,
                     tip=[("Tên / title", title), ("Năm / year", year)])
    facts = Section("Văn bản / document", facts=[
        ("Loại / kind", Cell.of(kind)), ("Số / number", Cell.of(number or "—")),
        ("Ngày ban hành / issued", Cell.of(issued)), ("Cơ quan ban hành / issuer", Cell.of(issuer)),
        ("Tỉnh / province", Cell.of(province, links.province(province) if province else None)),
        ("Năm / year", Cell.of(year)), ("Tệp nguồn / source", _source_cell(file, start, end)),
    ])
    basis = Section("Căn cứ / legal basis", ["Văn bản", "Loại", "Cơ quan ban hành", "Năm",
                                             "Nguồn"])
    for act_id, shown, typ, act_issuer, act_year, f, s, e in _rows(
            store, "MATCH (p:Plan)-[c:CAN_CU]->(l:LegalAct) WHERE p.id = $id RETURN l.id, "
            "coalesce(l.number, l.name), l.type, l.issuer, l.year, c.file, c.line_start, "
            "c.line_end ORDER BY c.line_start", id=plan_id):
        basis.rows.append([Cell.of(shown, links.act(act_id)), Cell.of(typ), Cell.of(act_issuer),
                           Cell.of(act_year), _source_cell(f, s, e)])
        sketch.edge(me, sketch.node("LegalAct", act_id, shown, 3, tip=[("Loại / type", typ)]),
                    label_vi("CAN_CU"))
    cited = Section("Văn bản, chương trình được trích dẫn / cited", ["Tên", "Loại", "Nguồn"])
    for act_id, shown, typ, f, s, e in _rows(
            store, "MATCH (p:Plan)-[c:TRICH_DAN]->(l:LegalAct) WHERE p.id = $id RETURN l.id, "
            "coalesce(l.number, l.name), l.type, c.file, c.line_start, c.line_end "
            "ORDER BY c.line_start", id=plan_id):
        cited.rows.append([Cell.of(shown, links.act(act_id)), Cell.of(typ), _source_cell(f, s, e)])
    for rel in ("TRIEN_KHAI", "TRICH_DAN"):
        for prog_id, name, f, s, e in _rows(
                store, f"MATCH (p:Plan)-[c:{rel}]->(g:Programme) WHERE p.id = $id RETURN g.id, "
                "g.name, c.file, c.line_start, c.line_end ORDER BY c.line_start", id=plan_id):
            cited.rows.append([Cell.of(name, links.programme(prog_id)),
                               Cell.of(label_vi("Programme") + f" ({label_vi(rel)})"),
                               _source_cell(f, s, e)])
            sketch.edge(me, sketch.node("Programme", prog_id, name, 3), label_vi(rel))
    roles: dict[str, dict[str, list[Cell]]] = {}
    agencies: dict[str, list[tuple[str, str, str | None]]] = {}
    for rel, _ in ROLES:
        for task_id, agency_type, agency_province in _rows(
                store, f"MATCH (a:Agency)-[r:{rel}]->(t:Task) WHERE t.plan_id = $id "
                "RETURN t.id, a.type, a.province ORDER BY a.type", id=plan_id):
            roles.setdefault(task_id, {}).setdefault(rel, []).append(
                Cell.of(agency_type, links.agency_type(agency_type, agency_province)))
            agencies.setdefault(task_id, []).append((rel, agency_type, agency_province))
    tasks = Section("Nhiệm vụ / tasks", ["Mục", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thực hiện",
                                         "Thời hạn", "Dòng"])
    for task_id, key, text, when, s, e, _file in _rows(
            store, "MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task) WHERE p.id = $id RETURN t.id, t.key, "
            "t.text, t.when_text, t.line_start, t.line_end, t.file ORDER BY t.line_start",
            id=plan_id):
        r = roles.get(task_id, {})
        tasks.rows.append([Cell.of(key, links.task(task_id)), cut(text),
                           *[_join(r.get(rel, [])) for rel, _ in ROLES], Cell.of(when),
                           Cell(_lines(s, e), links.task(task_id))])
        task = sketch.node("Task", task_id, key, 1, province=province,
                           tip=[(label_vi("Task"), _short(text, 300)), ("Thời hạn", when)])
        sketch.edge(me, task, label_vi("CO_NHIEM_VU"))
        for rel, agency_type, agency_province in agencies.get(task_id, []):
            sketch.edge(_agency(sketch, agency_type, agency_province, 0), task, label_vi(rel))
    return Page("Plan", f"{kind or 'Kế hoạch'} {number or ''} — {title or ''}".replace("  ", " "),
                [facts, basis, cited, tasks], graph=sketch.payload())


def _agency(sketch: Sketch, agency_type: str, province: str | None, column: int) -> str:
    """An agency of a province, its node id being what links.node() reads ("<province>|<type>")."""
    ident = f"{province}|{agency_type}" if province else agency_type
    return sketch.node("Agency", ident, agency_type, column, province=province)


def _join(cells: list[Cell]) -> Cell:
    """Several linked names in one cell."""
    return Cell("; ".join(x.text for x in cells), parts=cells)


# --- task (evidence) -------------------------------------------------------------------------

def task_page(store: GraphStore, task_id: str, documents: Any) -> Page:
    found = _rows(store, "MATCH (p:Plan)-[:CO_NHIEM_VU]->(t:Task) WHERE t.id = $id RETURN t.key, "
                  "t.text, t.when_text, t.period, t.themes, t.file, t.line_start, t.line_end, "
                  "p.id, coalesce(p.number, p.title), p.content_hash, p.province", id=task_id)
    if not found:
        raise NotFound(f"Không có nhiệm vụ / no task {task_id}")
    key, text, when, period, themes, file, start, end, plan_id, plan, digest, province = found[0]
    roles = Section("Vai trò / roles (tên như văn bản ghi / as written)",
                    ["Vai trò", "Cơ quan (loại)", "Tên như văn bản ghi", "Cách nhận", "Dòng"])
    marks: list[str] = []
    for rel, role in ROLES:
        for agency_type, agency_province, written, how, s, e in _rows(
                store, f"MATCH (a:Agency)-[r:{rel}]->(t:Task) WHERE t.id = $id RETURN a.type, "
                "a.province, r.as_written, r.how, r.line_start, r.line_end "
                "ORDER BY r.line_start", id=task_id):
            if written:
                marks.append(written)
            roles.rows.append([Cell(role), Cell.of(agency_type, links.agency_type(
                agency_type, agency_province)), Cell.of(written), Cell.of(how),
                Cell(_lines(s, e), links.source(file, s, e, [written] if written else None))])
    facts = Section("Nhiệm vụ / task", facts=[
        ("Kế hoạch / plan", Cell.of(plan, links.plan(plan_id))),
        ("Tỉnh / province", Cell.of(province, links.province(province) if province else None)),
        ("Mục / item", Cell.of(key)), ("Nội dung / text", Cell.of(text)),
        ("Thời hạn / deadline", Cell.of(when)), ("Kỳ / period", Cell.of(period)),
        ("Chủ đề / themes", Cell.of(themes)),
        ("Nguồn / source", _source_cell(file, start, end, marks)),
    ])
    view = documents.view(file, start, end, marks=marks, content_hash=digest) if file else None
    return Page("Task", f"Nhiệm vụ {key} — {plan}", [facts, roles], source=view)


# --- agency type -----------------------------------------------------------------------------

def agency_type_names(store: GraphStore) -> list[str]:
    return sorted({r[0] for r in _rows(store, "MATCH (a:Agency) RETURN DISTINCT a.type") if r[0]}
                  | {r[0] for r in _rows(store, "MATCH (t:AgencyType) RETURN t.id") if r[0]},
                  key=loose_key)


def agency_type_page(store: GraphStore, typed: str, province: str | None = None) -> Page:
    name = _pick(typed, agency_type_names(store), "loại cơ quan / agency type")
    if province:
        province = _pick(province, province_names(store), "tỉnh / province",
                         ignore=("tỉnh", "thành phố", "tp"))
    where = "a.type = $ten" + (" AND a.province = $tinh" if province else "")
    params = {"ten": name, "tinh": province} if province else {"ten": name}
    # without a province: provinces -> the type -> its partners (counts as edge widths);
    # in one province: the agency -> its tasks <- the partners sharing them
    sketch = Sketch()
    me = (_agency(sketch, name, province, 0) if province
          else sketch.node("AgencyType", name, name, 1))
    per_province: dict[str, list[int]] = {}
    for i, (rel, _) in enumerate(ROLES):
        for prov, n in _rows(store, f"MATCH (a:Agency)-[:{rel}]->(t:Task) WHERE {where} "
                             "RETURN a.province, count(DISTINCT t)", **params):
            per_province.setdefault(prov, [0, 0, 0])[i] = n
    written = {prov: ws for prov, ws in _rows(
        store, f"MATCH (a:Agency) WHERE {where} RETURN a.province, a.names", **params)}
    counts = Section("Theo tỉnh / by province", ["Tỉnh / Thành phố", "Chủ trì", "Phối hợp",
                                                  "Thực hiện", "Tên như văn bản ghi"])
    for prov in sorted(set(per_province) | set(written), key=loose_key):
        c = per_province.get(prov, [0, 0, 0])
        counts.rows.append([Cell.of(prov, links.province(prov)), *map(Cell.of, c),
                            cut(written.get(prov) or [])])
        if not province and prov:
            there = sketch.node("Province", prov, prov, 0)
            for (rel, _), n in zip(ROLES, c, strict=True):
                if n:
                    sketch.edge(me, there, label_vi(rel), n)
    partners = Section("Cơ quan cùng làm / partners (nhiệm vụ chung / shared tasks)",
                       ["Cơ quan (loại)", "Số nhiệm vụ chung"])
    for other, n in _rows(
            store, "MATCH (a:Agency)-[:CHU_TRI|PHOI_HOP|THUC_HIEN]->(t:Task)"
            "<-[:CHU_TRI|PHOI_HOP|THUC_HIEN]-(b:Agency) WHERE " + where +
            " AND b.id <> a.id RETURN b.type, count(DISTINCT t) AS n ORDER BY n DESC, b.type "
            "LIMIT 25", **params):
        partners.rows.append([Cell.of(other, links.agency_type(other, province)), Cell.of(n)])
        if not province:
            sketch.edge(me, sketch.node("AgencyType", other, other, 2), "cùng làm / together", n)
    tasks = Section("Nhiệm vụ / obligations", ["Tỉnh", "Vai trò", "Kế hoạch", "Mục", "Nhiệm vụ",
                                               "Thời hạn"])
    for rel, role in ROLES:
        for prov, plan_id, plan, task_id, key, text, when, _line in _rows(
                store, f"MATCH (a:Agency)-[:{rel}]->(t:Task)<-[:CO_NHIEM_VU]-(p:Plan) WHERE "
                f"{where} RETURN a.province, p.id, coalesce(p.number, p.title), t.id, t.key, "
                "t.text, t.when_text, t.line_start ORDER BY a.province, p.id, t.line_start "
                "LIMIT 500", **params):
            tasks.rows.append([Cell.of(prov, links.province(prov)), Cell(role),
                               Cell.of(_short(plan), links.plan(plan_id)),
                               Cell.of(key, links.task(task_id)), cut(text, 160), Cell.of(when)])
            if province and (f"Task:{task_id}" in sketch.g or sketch.room()):
                sketch.edge(me, sketch.node("Task", task_id, key, 1, province=prov, tip=[
                    (label_vi("Task"), _short(text, 300)), (label_vi("Plan"), plan)]),
                    label_vi(rel))
    if province:  # who else is named on the tasks drawn
        drawn = [n.partition(":")[2] for n, t in sketch.g.nodes(data="type") if t == "Task"]
        for rel, _ in ROLES:
            for task_id, other, prov in _rows(
                    store, f"MATCH (b:Agency)-[:{rel}]->(t:Task) WHERE t.id IN $ids AND NOT "
                    "(b.type = $ten AND b.province = $tinh) RETURN t.id, b.type, b.province",
                    ids=drawn, ten=name, tinh=province):
                sketch.edge(_agency(sketch, other, prov, 2), f"Task:{task_id}", label_vi(rel))
    successors = Section("Sau sắp xếp 2025 / after the 2025 reorganisation",
                         ["Kế nhiệm / successor", "Từ ngày", "Ghi chú"])
    for other, since, note in _rows(
            store, "MATCH (t:AgencyType)-[k:KE_NHIEM]->(s:AgencyType) WHERE t.id = $ten "
            "RETURN s.id, k.valid_from, k.scope_note", ten=name):
        successors.rows.append([Cell.of(other, links.agency_type(other)), Cell.of(since),
                                cut(note)])
    title = name + (f" — {province}" if province else "")
    sections = [counts, partners, tasks] + ([successors] if successors.rows else [])
    return Page("AgencyType", title, sections, asks_for("agency_type", name),
                graph=sketch.payload())


# --- legal act -------------------------------------------------------------------------------

def act_page(store: GraphStore, act_id: str) -> Page:
    found = _rows(store, "MATCH (l:LegalAct) WHERE l.id = $id RETURN l.number, l.type, "
                  "l.issuer, l.issued, l.year, l.scope, l.name", id=act_id)
    if not found:
        raise NotFound(f"Không có văn bản / no legal act {act_id}")
    number, typ, issuer, issued, year, scope, name = found[0]
    # layered: plans and acts resting on it -> the act -> the acts it rests on, up to the roots
    sketch = Sketch(layout=None)
    me = sketch.node("LegalAct", act_id, number or _short(name, 60), tip=[("Loại / type", typ)])
    facts = Section("Văn bản / act", facts=[
        ("Số, ký hiệu / number", Cell.of(number or "—")), ("Loại / type", Cell.of(typ)),
        ("Cơ quan ban hành / issuer", Cell.of(issuer)), ("Ngày / issued", Cell.of(issued)),
        ("Năm / year", Cell.of(year)), ("Phạm vi / scope", Cell.of(scope)),
        ("Trích yếu / name", cut(name, 400))])
    cited = Section("Kế hoạch dựa vào hoặc trích dẫn / plans resting on or citing it",
                    ["Tỉnh", "Kế hoạch", "Năm", "Quan hệ", "Nguồn"])
    citing: list[tuple[Any, ...]] = []
    for rel in ("CAN_CU", "TRICH_DAN"):
        for plan_id, plan, prov, plan_year, f, s, e in _rows(
                store, f"MATCH (p:Plan)-[c:{rel}]->(l:LegalAct) WHERE l.id = $id RETURN p.id, "
                "coalesce(p.number, p.title), p.province, p.year, c.file, c.line_start, "
                "c.line_end ORDER BY p.province, p.year", id=act_id):
            cited.rows.append([Cell.of(prov, links.province(prov) if prov else None),
                               Cell.of(_short(plan), links.plan(plan_id)), Cell.of(plan_year),
                               Cell(label_vi(rel)), _source_cell(f, s, e)])
            citing.append((plan_id, plan, prov, plan_year, rel))
    up = Section("Căn cứ lên trên / rests on (up the chain)", ["Văn bản", "Loại", "Năm"])
    for other, shown, t, y in _rows(
            store, "MATCH (l:LegalAct)-[:CAN_CU*1..12]->(b:LegalAct) WHERE l.id = $id "
            "RETURN DISTINCT b.id, coalesce(b.number, b.name), b.type, b.year", id=act_id):
        up.rows.append([Cell.of(_short(shown), links.act(other)), Cell.of(t), Cell.of(y)])
        sketch.node("LegalAct", other, _short(shown, 60), tip=[("Loại / type", t)])
    down = Section("Văn bản, kế hoạch dựa vào nó / what rests on it (down the chain)",
                   ["Văn bản / kế hoạch", "Loại", "Tỉnh / năm"])
    for other, shown, t, y in _rows(
            store, "MATCH (b:LegalAct)-[:CAN_CU*1..12]->(l:LegalAct) WHERE l.id = $id "
            "RETURN DISTINCT b.id, coalesce(b.number, b.name), b.type, b.year", id=act_id):
        down.rows.append([Cell.of(_short(shown), links.act(other)), Cell.of(t), Cell.of(y)])
        sketch.node("LegalAct", other, _short(shown, 60), tip=[("Loại / type", t)])
    chain = [n.partition(":")[2] for n in sketch.g]
    for a, b in _rows(store, "MATCH (a:LegalAct)-[:CAN_CU]->(b:LegalAct) WHERE a.id IN $ids "
                      "AND b.id IN $ids RETURN a.id, b.id", ids=chain):
        sketch.edge(f"LegalAct:{a}", f"LegalAct:{b}", label_vi("CAN_CU"))
    for plan_id, plan, kind, prov in _rows(
            store, "MATCH (p:Plan)-[:CAN_CU*1..12]->(l:LegalAct) WHERE l.id = $id "
            "RETURN DISTINCT p.id, coalesce(p.number, p.title), p.kind, p.province", id=act_id):
        down.rows.append([Cell.of(_short(plan), links.plan(plan_id)), Cell.of(kind),
                          Cell.of(prov, links.province(prov) if prov else None)])
    progs = Section("Chương trình / programmes", ["Chương trình", "Quan hệ", "Nguồn"])
    for rel in ("PHE_DUYET", "TRIEN_KHAI"):
        for prog_id, pname, f, s, e in _rows(
                store, f"MATCH (l:LegalAct)-[c:{rel}]->(g:Programme) WHERE l.id = $id "
                "RETURN g.id, g.name, c.file, c.line_start, c.line_end", id=act_id):
            progs.rows.append([Cell.of(pname, links.programme(prog_id)), Cell(label_vi(rel)),
                               _source_cell(f, s, e)])
            sketch.edge(me, sketch.node("Programme", prog_id, pname), label_vi(rel))
    for plan_id, plan, prov, plan_year, rel in citing:  # last: there may be hundreds
        if f"Plan:{plan_id}" in sketch.g or sketch.room():
            sketch.edge(sketch.node("Plan", plan_id, plan, province=prov,
                                    tip=[("Năm / year", plan_year)]), me, label_vi(rel))
    return Page("LegalAct", f"{number or ''} {typ or ''} — {_short(name or '', 120)}".strip(),
                [facts, cited, up, down, progs], asks_for("act", number or name or ""),
                graph=sketch.payload())


# --- programme -------------------------------------------------------------------------------

def programme_page(store: GraphStore, prog_id: str) -> Page:
    found = _rows(store, "MATCH (g:Programme) WHERE g.id = $id RETURN g.name, g.kind", id=prog_id)
    if not found:
        raise NotFound(f"Không có chương trình / no programme {prog_id}")
    name, kind = found[0]
    # columns: plans and acts implementing it -> the programme <- the acts establishing it
    sketch = Sketch()
    me = sketch.node("Programme", prog_id, name, 1, tip=[("Loại / kind", kind)])
    approved = Section("Phê duyệt bởi / established by", ["Văn bản", "Nguồn"])
    for act_id, shown, f, s, e in _rows(
            store, "MATCH (l:LegalAct)-[c:PHE_DUYET]->(g:Programme) WHERE g.id = $id RETURN l.id, "
            "coalesce(l.number, l.name), c.file, c.line_start, c.line_end", id=prog_id):
        approved.rows.append([Cell.of(shown, links.act(act_id)), _source_cell(f, s, e)])
        sketch.edge(sketch.node("LegalAct", act_id, _short(shown, 60), 2), me,
                    label_vi("PHE_DUYET"))
    used = Section("Triển khai, trích dẫn bởi / implemented or cited by",
                   ["Tỉnh", "Kế hoạch / văn bản", "Quan hệ", "Nguồn"])
    for rel in ("TRIEN_KHAI", "TRICH_DAN"):
        for plan_id, plan, prov, f, s, e in _rows(
                store, f"MATCH (p:Plan)-[c:{rel}]->(g:Programme) WHERE g.id = $id RETURN p.id, "
                "coalesce(p.number, p.title), p.province, c.file, c.line_start, c.line_end "
                "ORDER BY p.province", id=prog_id):
            used.rows.append([Cell.of(prov, links.province(prov) if prov else None),
                              Cell.of(_short(plan), links.plan(plan_id)), Cell(label_vi(rel)),
                              _source_cell(f, s, e)])
            if f"Plan:{plan_id}" in sketch.g or sketch.room():
                sketch.edge(sketch.node("Plan", plan_id, plan, 0, province=prov), me,
                            label_vi(rel))
    for act_id, shown, f, s, e in _rows(
            store, "MATCH (l:LegalAct)-[c:TRIEN_KHAI]->(g:Programme) WHERE g.id = $id RETURN "
            "l.id, coalesce(l.number, l.name), c.file, c.line_start, c.line_end", id=prog_id):
        used.rows.append([Cell(""), Cell.of(shown, links.act(act_id)),
                          Cell(label_vi("TRIEN_KHAI")), _source_cell(f, s, e)])
        sketch.edge(sketch.node("LegalAct", act_id, _short(shown, 60), 0), me,
                    label_vi("TRIEN_KHAI"))
    facts = Section("Chương trình / programme", facts=[("Tên / name", Cell.of(name)),
                                                       ("Loại / kind", Cell.of(kind))])
    return Page("Programme", name or prog_id, [facts, approved, used],
                asks_for("programme", name or ""), graph=sketch.payload())


# --- province --------------------------------------------------------------------------------

def province_names(store: GraphStore) -> list[str]:
    return sorted({r[0] for r in _rows(store, "MATCH (p:Province) RETURN p.name") if r[0]}
                  | {r[0] for r in _rows(store, "MATCH (p:Plan) RETURN DISTINCT p.province")
                     if r[0]}, key=loose_key)


def province_page(store: GraphStore, typed: str) -> Page:
    name = _pick(typed, province_names(store), "tỉnh / province",
                 ignore=("tỉnh", "thành phố", "tp"))
    # columns: its agencies (edge widths: tasks) and themes -> the province -> its plans
    sketch = Sketch()
    me = sketch.node("Province", name, name, 1)
    plans = Section("Kế hoạch / plans", ["Năm", "Loại", "Số", "Tên", "Ngày"])
    for plan_id, kind, number, year, title, issued in _rows(
            store, "MATCH (p:Plan) WHERE p.province = $ten RETURN p.id, p.kind, p.number, "
            "p.year, p.title, p.issued ORDER BY p.year, p.issued", ten=name):
        plans.rows.append([Cell.of(year), Cell.of(kind), Cell.of(number or "—"),
                           Cell.of(_short(title, 140), links.plan(plan_id)), Cell.of(issued)])
        if sketch.room():
            sketch.edge(sketch.node("Plan", plan_id, f"{number or kind or ''} ({year})", 2,
                                    tip=[("Tên / title", title)]), me, label_vi("THUOC_TINH"))
    per_agency: dict[str, list[int]] = {}
    for i, (rel, _) in enumerate(ROLES):
        for typ, n in _rows(store, f"MATCH (a:Agency)-[:{rel}]->(t:Task) WHERE a.province = $ten "
                            "RETURN a.type, count(DISTINCT t)", ten=name):
            per_agency.setdefault(typ, [0, 0, 0])[i] = n
    agencies = Section("Cơ quan / agencies", ["Cơ quan (loại)", "Chủ trì", "Phối hợp",
                                              "Thực hiện"])
    # an agency of no known type (a.type null) is counted on a row of its own, unlinked
    for typ, c in sorted(per_agency.items(),
                         key=lambda kv: (-sum(kv[1]), loose_key(kv[0] or ""))):
        agencies.rows.append([Cell.of(typ or "(chưa rõ loại / type not known)",
                                      links.agency_type(typ, name) if typ else None),
                              *map(Cell.of, c)])
        if typ and c[0] and sketch.room():  # the agencies that lead something
            sketch.edge(_agency(sketch, typ, name, 0), me, label_vi("CHU_TRI"), c[0])
    themes = Section("Chủ đề / themes", ["Chủ đề", "Số nhiệm vụ"])
    for label, n in _rows(store, "MATCH (t:Task)-[:CO_CHU_DE]->(h:Theme) WHERE t.province = $ten "
                          "RETURN h.label_vi, count(DISTINCT t) AS n ORDER BY n DESC, h.label_vi",
                          ten=name):
        themes.rows.append([Cell.of(label), Cell.of(n)])
        sketch.edge(sketch.node("Theme", label, label, 0), me, "chủ đề / theme", n)
    changes = Section("Sắp xếp 2025 / 2025 reorganisation", ["Quan hệ", "Tỉnh", "Từ ngày",
                                                              "Ghi chú"])
    for other, since, note in _rows(
            store, "MATCH (p:Province)-[k:KE_NHIEM]->(q:Province) WHERE p.name = $ten AND "
            "q.name <> $ten RETURN q.name, k.valid_from, k.scope_note", ten=name):
        changes.rows.append([Cell("kế nhiệm bởi / succeeded by"),
                             Cell.of(other, links.province(other)), Cell.of(since), cut(note)])
        sketch.edge(me, sketch.node("Province", other, other, 2), label_vi("KE_NHIEM"))
    for other, since, note in _rows(
            store, "MATCH (p:Province)-[k:KE_NHIEM]->(q:Province) WHERE q.name = $ten AND "
            "p.name <> $ten RETURN p.name, k.valid_from, k.scope_note", ten=name):
        changes.rows.append([Cell("kế nhiệm của / successor of"),
                             Cell.of(other, links.province(other)), Cell.of(since), cut(note)])
        sketch.edge(sketch.node("Province", other, other, 0), me, label_vi("KE_NHIEM"))
    return Page("Province", name, [plans, agencies, themes, changes],
                asks_for("province", name), graph=sketch.payload())


def _pick(typed: str, candidates: list[str], what: str, ignore: tuple[str, ...] = ()) -> str:
    if typed in candidates:
        return typed
    try:
        return names.pick(typed, candidates, what=what, ignore=ignore)
    except names.NameMatchError as exc:
        raise NotFound(str(exc)) from exc


def _short(text: Any, limit: int = 90) -> str:
    text = " ".join(_text(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
