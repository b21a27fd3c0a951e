"""Tasks and the agencies assigned to them.

    extract_tasks(doc, info, resolver) -> list[Task]

A task is a unit of work the document assigns to at least one agency. The document's skeleton
(`structure.parse_structure`) is read section by section, in the first of these forms that
applies:

- tables with "Cơ quan chủ trì / Cơ quan phối hợp / Thời gian" columns: one task per row;
- "(Đơn vị thực hiện: A chủ trì, phối hợp B; Thời gian thực hiện: …)" labels: one task per
  label, covering the text since the previous label (titles left out);
- sections headed by agencies ("2. Sở Y tế", "#### d) Sở Y tế", "**13. Đề nghị Hội Cựu
  chiến binh, Hội Liên hiệp Phụ nữ tỉnh:** …", "Các sở, ban, ngành còn lại"): each bullet or
  paragraph below is one task, led by the heading's agencies;
- items whose text assigns the work ("Giao Công an tỉnh …", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh
  phối hợp …", "Căn cứ Kế hoạch này, các cơ quan, đơn vị, địa phương tổ chức …").

Sections of purpose, requirements, objectives, targets or assessment (Mục đích, Yêu cầu, Mục
tiêu, Chỉ tiêu, Đánh giá …) hold no tasks; items that name nobody are not tasks. A funding
section (Kinh phí) is read like any other: "Sở Tài chính tổng hợp, tham mưu bố trí dự toán"
assigns work. Support ("phối hợp với X") is read from the text of headed and subject tasks; in
tables and labels the columns and label are the whole assignment. Plain subjects are leads,
except in documents whose labels name their units with no "chủ trì": there they are
implementers, as the document's own convention has it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from plangraph.ingest.agencies.resolver import AgencyMatch, AgencyResolver
from plangraph.ingest.document.model import Document
from plangraph.ingest.document.structure import Block, Skeleton
from plangraph.ingest.models import AgencyMention, DocumentInfo, Source, Task
from plangraph.ingest.read.reader import RawDocument
from plangraph.ingest.tasks.agencies import AgencyReader, Subject
from plangraph.ingest.tasks.deadlines import find_when, normalise_period
from plangraph.ingest.tasks.labels import Assignment, find_label, read_cells, read_label
from plangraph.ingest.tasks.references import (
    default_part,
    has_references,
    read_references,
    resolve,
)
from plangraph.ingest.text import grammar

__all__ = ["extract_tasks"]

_NO_TASKS = re.compile(r"^(?:một\s+số\s+|các\s+)?" + grammar.alt("section.no_tasks") + r"\b",
                       re.IGNORECASE)
_HEADING_FILLER = re.compile(r"^(?:" + grammar.alt("assign") + r"|và|các|cùng|"
                             + grammar.alt("unit.province") + r")$", re.IGNORECASE)
_HEAD_LEAD_IN = re.compile(r"^\s*" + grammar.alt("assign") + r"\s+", re.IGNORECASE)
_SECTION_STYLES = ("roman", "upper", "part", "caps")
_CONVENTION_MIN = 3  # labels without "chủ trì" that make a document's plain subjects implementers


@dataclass
class _Unit:
    """A stretch of text that may be a task, before its agencies are known."""

    key: str
    text: str
    line_start: int
    line_end: int
    label: Assignment | None = None  # a "Thời gian thực hiện: …" / "Cơ quan phối hợp: …" line
    kind: str = "item"  # the block's kind: "item" or "para"


class _Extractor:
    def __init__(self, doc: Document, info: DocumentInfo, resolver: AgencyResolver) -> None:
        self.file = doc.file
        self.reader = AgencyReader(resolver, info.province)
        self.skeleton: Skeleton = doc.skeleton
        self.tasks: list[Task] = []
        self.claimed: list[tuple[int, int]] = []  # lines read by by_reference()
        self.plain_role = "implementers" if self._units_without_lead() else "lead"

    # --- the document -----------------------------------------------------------------------

    def run(self) -> list[Task]:
        referred = self.by_reference()
        for block in self.skeleton.blocks:
            self.section(block)
        for target, roles in referred:
            unit = _units(target, self.reader)[0]
            unit.line_end = max(b.line_end for b in target.walk())
            lead = [m for m, _ in roles["lead"]]
            support = [m for m, _ in roles["support"]]
            self.add(unit, lead=lead, support=support,
                     lead_lines=roles["lead"][0][1] if roles["lead"] else None,
                     support_lines=roles["support"][0][1] if roles["support"] else None,
                     claimed_ok=True)
        self.tasks.sort(key=lambda t: (t.source.line_start if t.source else 0))
        seen: set[str] = set()
        for n, task in enumerate(self.tasks, 1):
            if not task.key or task.key in seen:
                task.key = f"{task.key}#{n}" if task.key else str(n)
            seen.add(task.key)
        return self.tasks

    def by_reference(self) -> list[tuple[Block, dict[str, list]]]:
        """Tasks listed in one part and handed out by number in another ('Công an tỉnh: chủ
        trì thực hiện các nhiệm vụ tại điểm 1, 3 Mục II'): the listed items with the roles the
        referring paragraphs give them. Neither is read again as a task of its own."""
        roots = self.skeleton.blocks
        found: dict[int, tuple[Block, dict[str, list]]] = {}
        for top in roots:
            for block in top.walk():
                if block.kind == "table" or not block.text or not has_references(block.text):
                    continue
                heading = self.heading(block, block.children)
                if heading is not None:
                    agencies, rest = heading
                else:
                    subjects = self.reader.subjects(block.text)
                    agencies, rest = (list(subjects[0].chain), block.text) if subjects \
                        else ([], "")
                if not agencies:
                    continue
                hit = False
                for ref in read_references(rest):
                    for target in resolve(ref, roots, default_part(roots, top, ref)):
                        if target is block or target in block.ancestors() or \
                                block in target.ancestors():
                            continue
                        _, roles = found.setdefault(id(target),
                                                    (target, {"lead": [], "support": []}))
                        roles[ref.role] += [(m, block) for m in agencies]
                        hit = True
                if hit:
                    self.claimed.append((block.line_start, block.line_end))
        for target, _ in found.values():
            self.claimed.append((target.line_start, max(b.line_end for b in target.walk())))
        return sorted(found.values(), key=lambda x: x[0].line_start)

    def _units_without_lead(self) -> bool:
        """The document's labels name units with no 'chủ trì' (then plain subjects implement)."""
        labels = [read_label(b.text[s:e], self.reader) for b in self.skeleton.walk()
                  if b.kind != "table" and (span := find_label(b.text)) for s, e in [span]]
        labels = [a for a in labels if a.agencies]
        without = sum(not a.has_chu_tri for a in labels)
        # one stray label is no convention: it takes several, and most of the labels
        return without >= _CONVENTION_MIN and without > len(labels) / 2

    def section(self, block: Block) -> None:
        if _no_tasks(block):
            return
        if block.kind == "table":
            self.table(block)
            return
        if any((a := self._label(b)).lead or a.implementers for b in block.walk()
               if b.kind != "table" and find_label(b.text)):
            self.labelled(block)
            return
        self.walk_all([block])

    def _label(self, block: Block) -> Assignment:
        span = find_label(block.text)
        return read_label(block.text[span[0]:span[1]], self.reader) if span else Assignment()

    def walk(self, block: Block, scope: list[Block] | None = None) -> None:
        """A block outside labelled parts: agency heading, assigning text, or look deeper.

        `scope` is what the block governs: its children, or for a paragraph ending in ':'
        with none, the bullets right after it."""
        if _no_tasks(block):
            return
        if block.kind == "table":
            self.table(block)
            return
        scope = block.children if scope is None else scope
        heading = self.heading(block, scope)
        if heading is not None:
            self.headed(block, *heading, scope)
            return
        if block.text and (not block.is_title or block.text.endswith(":")):
            subjects = self.reader.subjects(block.text)
            if subjects:
                self.subject_task(block, subjects, scope)
                return
        self.walk_all(scope)

    def walk_all(self, blocks: list[Block]) -> None:
        for block, scope in _scoped(blocks):
            self.walk(block, scope)

    # --- agency headings --------------------------------------------------------------------

    def heading(self, block: Block, scope: list[Block]) -> tuple[list[AgencyMatch], str] | None:
        """Agencies a block is headed by, and the text after the heading ('Sở Tư pháp: …')."""
        if block.kind not in ("item", "para") or not block.text:
            return None
        text = block.text
        if block.wrap_at:  # a heading line with its paragraph hard-wrapped onto it
            leads = self._agency_list(text[:block.wrap_at])
            if leads:
                return leads, text[block.wrap_at:]
        colon = text.find(":")
        if 0 < colon <= 200:
            head, rest = text[:colon], text[colon + 1:].strip()
        elif block.is_title or (block.heading and scope):
            head, rest = text, ""
        else:
            return None
        if not rest and not scope:
            return None
        leads = self._agency_list(head)
        return (leads, rest) if leads else None

    def _agency_list(self, head: str) -> list[AgencyMatch]:
        """The agencies a heading consists of; [] unless it is nothing but agencies."""
        lead_in = _HEAD_LEAD_IN.match(head)
        body = head[lead_in.end():] if lead_in else head
        found = self.reader.resolver.scan(body)
        if not found or body[:found[0].start].strip(" -–*.()"):
            return []
        if any(m.type is None or m.national for m in found):
            return []
        left = body
        for m in reversed(found):
            left = left[:m.start] + " " + left[m.end:]
        left = re.sub(r"\([^()]*\)", " ", left)
        words = [w for w in re.split(r"[\s,;:&/()\-–]+", left) if w]
        if [w for w in words if not _HEADING_FILLER.match(w)]:
            return []
        return found

    def headed(self, block: Block, leads: list[AgencyMatch], rest: str,
               scope: list[Block]) -> None:
        units: list[_Unit] = []
        if rest:
            units.append(_Unit(block.key, rest, block.line_start, block.line_end))
        for child, child_scope in _scoped(scope):
            self.headed_child(child, child_scope, leads, units)
        when = _closing_time(scope, self.reader)
        for unit in units:
            _trailing_label(unit, self.reader)
            if when and not (unit.label and unit.label.when) and not find_when(unit.text):
                unit.label = _merged([unit.label or Assignment(), Assignment(when=when)])
            self.add(unit, lead=self.reassigned(unit) or leads,
                     support=self.reader.support(unit.text), lead_lines=block)

    def headed_child(self, child: Block, scope: list[Block], leads: list[AgencyMatch],
                     units: list[_Unit]) -> None:
        if _no_tasks(child):
            return
        if child.kind == "table":
            self.table(child)
            return
        if _attach_label(child, units, self.reader):
            return
        nested = self.heading(child, scope)
        if nested is not None:
            self.headed(child, *nested, scope)
            return
        if child.is_title:
            for grandchild, grand_scope in _scoped(child.children):
                self.headed_child(grandchild, grand_scope, leads, units)
            return
        if scope is not child.children:  # a paragraph's bullets: units of their own
            units += _units(child, self.reader)
            for bullet, bullet_scope in _scoped(scope):
                self.headed_child(bullet, bullet_scope, leads, units)
            return
        units += _units(child, self.reader)

    def reassigned(self, unit: _Unit) -> list[AgencyMatch]:
        """A paragraph under a heading that opens by assigning others ('Đề nghị X …',
        'Giao X …') is theirs, not the heading's."""
        if unit.kind != "para":
            return []
        subjects = self.reader.subjects(unit.text)
        first = subjects[0] if subjects else None
        if first is None or first.how not in ("giao", "de_nghi", "yeu_cau") or \
                unit.text[:first.chain[0].start].count(",") > 0:
            return []
        return list(first.chain)

    # --- assigning text ---------------------------------------------------------------------

    def subject_task(self, block: Block, subjects: list[Subject], scope: list[Block]) -> None:
        explicit = [m for s in subjects if s.explicit_lead for m in s.chain]
        plain = [m for s in subjects if not s.explicit_lead for m in s.chain]
        roles: dict[str, list[AgencyMatch]] = {"lead": explicit, "implementers": []}
        roles[self.plain_role] = roles[self.plain_role] + plain
        if not _bare_intro(block.text, subjects):
            unit = _Unit(block.key, block.text, block.line_start, block.line_end)
            self.add(unit, lead=roles["lead"], implementers=roles["implementers"],
                     support=self.reader.support(block.text))
        if not block.text.rstrip().endswith(":"):
            self.walk_all(scope)
            return
        for child in scope:
            if child.kind == "table":
                continue
            for sub in _units(child, self.reader):
                self.add(sub, lead=roles["lead"], implementers=roles["implementers"],
                         support=self.reader.support(sub.text))

    # --- labelled parts ---------------------------------------------------------------------

    def labelled(self, section: Block) -> None:
        """One task per label, over the blocks since the previous label of the section.

        Consecutive label lines ("- Cơ quan chủ trì: …", "- Cơ quan phối hợp: …", "- Thời
        gian: …") are one label."""
        pending: list[Block] = []
        group: list[tuple[Block, Assignment, str]] = []  # label block, what it says, its text
        # blocks no label assigns, with the time of the label that closes them, if any
        unassigned: list[tuple[list[Block], str | None]] = []

        def flush() -> None:
            if not group:
                return
            assignment = _merged([a for _, a, _ in group])
            if assignment.agencies:
                last, _, _ = group[-1]
                content = {id(b): text for b, _, text in group}
                self.labelled_task(pending, last, content, assignment)
            else:  # "Thời gian hoàn thành: …" alone: the text above assigns ("Giao X chủ trì …")
                unassigned.append((list(pending), assignment.when or None))
            pending.clear()
            group.clear()

        for block in section.walk():
            if block.kind == "table" or _no_tasks(block) or \
                    any(_no_tasks(a) for a in block.ancestors()):
                continue
            span = find_label(block.text)
            if span is None:
                flush()
                if (not block.is_title or _labels_only(block)) and block.text:
                    pending.append(block)
                continue
            s, e = span
            content = _joined(block.text[:s], block.text[e:])
            if content:
                flush()
                pending.append(block)
            group.append((block, read_label(block.text[s:e], self.reader), content))
        flush()
        unassigned.append((pending, None))
        for blocks, when in unassigned:
            leftovers = {id(b) for b in blocks}
            roots = [b for b in section.walk() if id(b) in leftovers
                     and not any(id(a) in leftovers for a in b.ancestors())]
            for n, block in enumerate(roots, 1):
                done = len(self.tasks)
                self.walk_leftover(block)
                if n == len(roots) and when:  # the time line closes the last item above it
                    for task in self.tasks[done:]:
                        task.when = task.when or when
                        task.period = normalise_period(task.when)

    def walk_leftover(self, block: Block) -> None:
        heading = self.heading(block, block.children)
        if heading is not None:
            self.headed(block, *heading, block.children)
            return
        subjects = self.reader.subjects(block.text) if block.text else []
        if subjects:
            self.subject_task(block, subjects, block.children)

    def labelled_task(self, blocks: list[Block], label: Block, content: dict[int, str],
                      assignment: Assignment) -> None:
        texts = [content.get(id(b), b.text) for b in blocks]
        text = " ".join(t for t in texts if t)
        if not text:
            return
        first = blocks[0] if blocks else label
        unit = _Unit(_common_key(blocks or [label]), text, first.line_start, label.line_end)
        self.add(unit, lead=assignment.lead, support=assignment.support,
                 implementers=assignment.implementers, when=assignment.when or None,
                 lead_lines=label)

    # --- tables -----------------------------------------------------------------------------

    def table(self, block: Block) -> None:
        """One task per row. A lead cell left empty (or holding a ditto mark: '"', '-', 'nt')
        under a row that names a lead is a vertically merged cell: the row inherits that lead,
        and the partners too where their cell is merged the same way. A section row ("I",
        "A. CẤP TỈNH") ends the group; a row with an empty lead cell and no group above is a
        task without a lead."""
        table = block.table
        if table is None or not table.header:
            return
        cols = _columns(table.header)
        if "text" not in cols or not ({"lead", "support", "implementers"} & cols.keys()):
            return
        prefix = f"{block.key}." if block.key else ""
        section = ""
        group: Assignment | None = None  # the lead (and partners) of the merged cells above
        partners_merged = not _partners_repeated(table.rows, cols)
        for n, row in enumerate(table.rows, 1):
            def cell(name: str, cells: list[str] = row.cells) -> str:
                i = cols.get(name)
                return cells[i] if i is not None and i < len(cells) else ""

            lead_cell, support_cell = cell("lead"), cell("support")
            merged_lead = "lead" in cols and (not lead_cell.strip() or _ditto(lead_cell))
            assignment = read_cells(
                self.reader, lead="" if merged_lead else lead_cell,
                support="" if _ditto(support_cell) else support_cell,
                implementers=cell("implementers"))
            number = cell("number").strip(" .")
            text = cell("text")
            if _section_row(number, text) and not assignment.agencies:
                if number and re.fullmatch(r"[IVX]+|[A-Z]", number):
                    section = number + "."
                group = None
                continue
            if merged_lead and group is not None:
                assignment.lead = list(group.lead)
                if _ditto(support_cell) or (partners_merged and not support_cell.strip()
                                            and not lead_cell.strip()):
                    assignment.support = list(group.support)
                else:  # partners written anew: the cells below repeat these
                    group.support = list(assignment.support)
            elif assignment.lead:
                group = Assignment(lead=list(assignment.lead), support=list(assignment.support))
            else:
                group = None
            if not assignment.agencies or not text.strip():
                continue
            key = prefix + section + (number or str(n))
            unit = _Unit(key, text, row.line_start, row.line_end)
            when = cell("when").strip() or None
            self.add(unit, lead=assignment.lead, support=assignment.support,
                     implementers=assignment.implementers, when=when, lead_lines=row,
                     row=True)

    # --- one task ---------------------------------------------------------------------------

    def add(self, unit: _Unit, lead: Sequence[AgencyMatch] = (),
            support: Sequence[AgencyMatch] = (), implementers: Sequence[AgencyMatch] = (),
            when: str | None = None,
            lead_lines=None, row: bool = False, support_lines=None,
            claimed_ok: bool = False) -> None:
        if not (lead or support or implementers) or not unit.text.strip():
            return
        if not claimed_ok and any(s <= unit.line_start <= e for s, e in self.claimed):
            return
        if not (lead or implementers or row):
            return  # "phối hợp" alone assigns no work (a table row is a task all the same)
        if unit.label is not None:
            support = [*support, *unit.label.support]
            when = when or unit.label.when
        source = Source(self.file, unit.line_start, unit.line_end)
        head = Source(self.file, lead_lines.line_start, lead_lines.line_end) if lead_lines \
            else source
        when = when or find_when(unit.text)
        self.tasks.append(Task(
            key=unit.key,
            text=unit.text,
            lead=_mentions(lead, head),
            support=_mentions(support, Source(self.file, support_lines.line_start,
                                              support_lines.line_end)
                              if support_lines else source),
            implementers=_mentions(implementers, head if lead_lines else source),
            when=when,
            period=normalise_period(when),
            source=source,
        ))


def extract_tasks(doc: Document | RawDocument, info: DocumentInfo,
                  resolver: AgencyResolver) -> list[Task]:
    return _Extractor(Document.of(doc), info, resolver).run()


# ------------------------------------------------------------------------------ helpers


def _no_tasks(block: Block) -> bool:
    """A section of purpose, objectives, targets, funding …, which holds no tasks."""
    if block.kind == "table" or not block.text:
        return False
    label = block.text.split(":", 1)[0] if ":" in block.text[:60] else ""
    if label and len(label.split()) <= 5 and _NO_TASKS.match(label):
        return True  # a labelled objective: "1. Mục tiêu: Sở Y tế phấn đấu …"
        return True
    if not (block.is_title or block.heading or block.style in _SECTION_STYLES):
        return False
    return bool(_NO_TASKS.match(block.text)) and not _labels_only(block)


_DITTO = re.compile(r'^\s*(?:["“”〃\'\-–—]+|nt|như\s+trên)\s*$', re.IGNORECASE)
_SECTION_ROW = re.compile(r"^(?:[IVX]+|[A-Z])$|^(?:[IVX]+|[A-Z])[.)]\s+\S")


def _ditto(cell: str) -> bool:
    """A cell that repeats the one above: '"', '-', 'nt', 'như trên'."""
    return bool(cell.strip()) and bool(_DITTO.match(cell))


def _partners_repeated(rows, cols: dict[str, int]) -> bool:
    """Whether rows under a merged lead cell write the partners out again when they are the
    same as the row above: then the partner column is not merged, and an empty partner cell
    means no partner."""
    lead, support = cols.get("lead"), cols.get("support")
    if lead is None or support is None:
        return False

    def at(row, i: int) -> str:
        return " ".join(row.cells[i].split()).casefold() if i < len(row.cells) else ""

    return any(not at(row, lead) and at(row, support) and at(row, support) == at(prev, support)
               for prev, row in zip(rows, rows[1:], strict=False))


def _section_row(number: str, text: str) -> bool:
    """A row that opens a part of the table ("I | Công tác tuyên truyền", "A. CẤP TỈNH")."""
    if not number:
        return bool(_SECTION_ROW.match(text.strip())) or text.strip().isupper() or not text
    return bool(_SECTION_ROW.match(number))


_LIST_STYLES = ("dash", "plus", "num_paren")


def _scoped(blocks: list[Block]) -> list[tuple[Block, list[Block]]]:
    """Each block with what it governs: its children, or for a childless paragraph that ends
    in ':' ("Ủy ban nhân dân các huyện, thành phố:"), the bullets that follow it."""
    out: list[tuple[Block, list[Block]]] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        j = i + 1
        if not block.children and block.kind == "para" and block.text.rstrip().endswith(":"):
            while j < len(blocks) and blocks[j].style in _LIST_STYLES:
                j += 1
        out.append((block, block.children if j == i + 1 else blocks[i + 1:j]))
        i = j
    return out


def _bare_intro(text: str, subjects: list[Subject]) -> bool:
    """'Sở Tài chính có trách nhiệm:' introduces the tasks below it and is none itself."""
    if not text.rstrip().endswith(":"):
        return False
    left = text
    for m in sorted((m for s in subjects for m in s.chain), key=lambda m: -m.start):
        left = left[:m.start] + left[m.end:]
    left = re.sub(r"\([^()]*\)", " ", left)
    return len(re.findall(r"\w+", left)) <= 5


def _units(block: Block, reader: AgencyReader) -> list[_Unit]:
    """A block with its numbered sub-items as one unit; paragraphs after it are units too,
    and a label line after it ("Thời gian thực hiện: …") completes it."""
    text, end = [block.text], block.line_end
    paragraphs: list[Block] = []
    for child in block.children:
        if child.kind == "para":
            paragraphs.append(child)
            continue
        for b in child.walk():
            if b.kind != "table" and b.text:
                text.append(b.text)
            end = max(end, b.line_end)
    units = [_Unit(block.key, " ".join(t for t in text if t), block.line_start, end,
                   kind=block.kind)]
    for p in paragraphs:
        if not _attach_label(p, units, reader):
            units += _units(p, reader)
    return [u for u in units if u.text]


def _attach_label(block: Block, units: list[_Unit], reader: AgencyReader) -> bool:
    """A block that is only a label line goes with the unit before it (True if it did)."""
    span = find_label(block.text)
    if span is None or span != (0, len(block.text)) or not units:
        return False
    label = read_label(block.text, reader)
    prev = units[-1]
    prev.label = _merged([prev.label, label]) if prev.label else label
    prev.line_end = max(prev.line_end, block.line_end)
    return True


def _labels_only(block: Block) -> bool:
    """An item whose lines below are all label lines ('2. Triển khai Tháng hành động' /
    '- Cơ quan chủ trì: …' / '- Thời gian: …'): however short, it is the task, not a title."""
    return bool(block.children) and all(
        c.kind != "table" and c.text and find_label(c.text) == (0, len(c.text))
        for c in block.children)


def _trailing_label(unit: _Unit, reader: AgencyReader) -> None:
    """A label closing a bullet under an agency heading ('… Phối hợp: X. Thời gian: Y.')
    completes it and leaves its text."""
    span = find_label(unit.text)
    if span is None or span[0] == 0 or span[1] != len(unit.text):
        return
    label = read_label(unit.text[span[0]:], reader)
    if not label.agencies:
        return
    unit.text = unit.text[:span[0]].rstrip(" (")
    unit.label = _merged([unit.label, label]) if unit.label else label


def _closing_time(scope: list[Block], reader: AgencyReader) -> str | None:
    """The time of a "Thời gian thực hiện: …" line that closes a list and is the list's only
    label line: it dates every item of the list, not only the last."""
    blocks = [b for top in scope for b in top.walk() if b.kind != "table"]
    labels = [b for b in blocks if b.text and find_label(b.text) == (0, len(b.text))]
    if len(labels) != 1 or labels[0] is not blocks[-1]:
        return None
    label = read_label(labels[0].text, reader)
    return None if label.agencies else label.when


def _merged(parts: list[Assignment]) -> Assignment:
    out = Assignment()
    for a in parts:
        out.lead += a.lead
        out.support += a.support
        out.implementers += a.implementers
        out.when = out.when or a.when
        out.has_chu_tri = out.has_chu_tri or a.has_chu_tri
    return out


def _common_key(blocks: list[Block]) -> str:
    """The numbering path shared by all blocks (the key of their nearest common ancestor)."""
    if len(blocks) == 1:
        return blocks[0].key
    chains = [[b, *b.ancestors()][::-1] for b in blocks]
    common: Block | None = None
    for level in zip(*chains, strict=False):
        if all(x is level[0] for x in level):
            common = level[0]
        else:
            break
    return common.key if common is not None else blocks[0].key


def _column(*parts: str) -> re.Pattern[str]:
    return re.compile("".join(parts), re.IGNORECASE)


_IMPLEMENTERS = grammar.alt("column.implementers")
_COLUMN_WORDS = [
    ("number", _column("^", grammar.alt("column.number"), "$")),
    ("when", _column(grammar.alt("column.when"))),
    ("lead", _column(grammar.alt("column.lead"))),
    ("support", _column(grammar.alt("column.support"))),
    ("implementers", _column(grammar.alt("column.holder"), ".*", _IMPLEMENTERS, "|",
                             _IMPLEMENTERS, "$")),
    ("text", _column(grammar.alt("column.text"))),
]


def _columns(header: list[str]) -> dict[str, int]:
    cols: dict[str, int] = {}
    for i, name in enumerate(header):
        for role, pattern in _COLUMN_WORDS:
            if role not in cols and pattern.search(name):
                cols[role] = i
                break
    return cols


def _mentions(matches, source: Source) -> list[AgencyMention]:
    out: list[AgencyMention] = []
    for m in matches:
        if any(x.type == m.type and (m.type or x.written == m.written) for x in out):
            continue
        out.append(AgencyMention(written=m.written, type=m.type, how=m.how, source=source))
    return out


def _joined(before: str, after: str) -> str:
    """Text around a removed label: 'cộng đồng (Đơn vị …).' -> 'cộng đồng.'"""
    text = f"{before.rstrip()} {after.lstrip()}".strip()
    return re.sub(r"\s+([.,;:])", r"\1", text)
