"""Tasks assigned by reference: "Công an tỉnh: chủ trì thực hiện các nhiệm vụ tại điểm 1, 3 và 5
Mục II; phối hợp thực hiện nhiệm vụ tại điểm 2".

    read_references(text) -> list[Reference]    (one per clause that points at items)
    resolve(reference, roots, default) -> the blocks it points at

Some plans list the tasks in one section with no agencies and hand them out in another
("Tổ chức thực hiện", "Phân công nhiệm vụ"), one paragraph per agency that names the tasks by
their numbers: lists ("điểm 1, 3 và 5", "các điểm 2, 4"), ranges ("từ điểm 6 đến điểm 9",
"điểm 6 - 9"), whole parts ("các nhiệm vụ tại Mục 2 Phần II", "khoản 1 Mục II"), nested
points ("điểm a, b khoản 1 Mục II"). A clause with "chủ trì" (or none of the two words: "thực
hiện các nhiệm vụ tại …") leads, one with "phối hợp" supports. A clause that names no part
("phối hợp thực hiện nhiệm vụ tại điểm 2") is in the part of the clause before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plangraph.ingest.document.structure import Block
from plangraph.ingest.text import grammar

__all__ = ["Reference", "default_part", "has_references", "read_references", "resolve"]

_ID = r"(?:[IVX]{1,5}|\d{1,2}(?:\.\d{1,2})*|[a-zđ])"
_LINK = r"\s*(?:,|và|-|–|đến)\s*(?:từ\s+)?(?:\1\s+)?"  # "điểm 2 và điểm 5", not "… và Mục 2"
_PART = grammar.alt("part.outermost_first")  # "điểm", "khoản", "tiểu mục", "mục", "phần"
_REF = re.compile(
    rf"\b(?:các\s+)?({_PART})\s+(?:thứ\s+|từ\s+)?"
    rf"({_ID}(?:{_LINK}{_ID})*)(?![\w/])",
    re.IGNORECASE,
)
_POINTS_AT = re.compile(r"\b" + grammar.alt("part.at") + r"\s+(?:các\s+)?(?:từ\s+)?"
                        + _PART + r"\b", re.IGNORECASE)
_CHU_TRI = grammar.pattern("role.chu_tri")
_PHOI_HOP = grammar.pattern("role.phoi_hop")
_UNIT = r"(?:" + grammar.alt("part.numbered") + r"\s+)?"
_RANGE = re.compile(rf"^(?:từ\s+)?{_UNIT}({_ID})\s*(?:-|–|đến)\s*{_UNIT}({_ID})$", re.IGNORECASE)
_LEAD_WORDS = re.compile(r"^(?:từ\s+)?" + _UNIT, re.IGNORECASE)
# the parts outermost first ("part.phan", "part.muc", …), each named by its usual spelling
_PART_ENTRIES = tuple(f"part.{e}" for e in grammar.kinds()["part"]["groups"]["outermost_first"])
_OUTER = tuple(grammar.words(entry)[0] for entry in _PART_ENTRIES)


@dataclass
class Reference:
    role: str  # "lead" | "support"
    path: list[tuple[str, list[str]]] = field(default_factory=list)  # outermost part first


def has_references(text: str) -> bool:
    # the case-blind pattern only where a part's word is written ("điểm", "Mục" …)
    return grammar.may_match(text.lower(), "part.outermost_first") \
        and _POINTS_AT.search(text) is not None


def read_references(text: str) -> list[Reference]:
    out: list[Reference] = []
    for clause in re.split(r";|\.\s+(?=[A-ZĐÀ-Ỹ])", text):
        at = _POINTS_AT.search(clause)
        if at is None:
            continue
        before = clause[:at.start()]
        role = "support" if _PHOI_HOP.search(before) and not _CHU_TRI.search(before) \
            else "lead"
        # "điểm b khoản 1 và Mục 2 Phần II": two paths, both in Phần II
        groups: list[list[tuple[str, list[str]]]] = []
        last_end = None
        for m in _REF.finditer(clause, at.start()):
            joined = last_end is not None and re.fullmatch(r"\s*(?:,|và)\s*(?:các\s+)?",
                                                           clause[last_end:m.start()])
            if not groups or joined:
                groups.append([])
            groups[-1].append((_part_name(m.group(1)), _values(m.group(2))))
            last_end = m.end()
        for n, parts in enumerate(groups):
            for later in groups[n + 1:]:  # the parts a later path shares (outside its own)
                top = min(_OUTER.index(p[0]) for p in parts)
                own = max(_OUTER.index(p[0]) for p in later)
                parts += [p for p in later if _OUTER.index(p[0]) < min(top, own)]
            parts.sort(key=lambda p: _OUTER.index(p[0]))
            if out and out[-1].path:  # "… tại điểm 2": in the part said before
                top = _OUTER.index(parts[0][0])
                parts[:0] = [p for p in out[-1].path if _OUTER.index(p[0]) < top]
            out.append(Reference(role, parts))
    return out


def _part_name(written: str) -> str:
    """'Mục', 'tiểu  mục' -> 'mục', 'tiểu mục': the usual spelling of the part written."""
    return next(usual for entry, usual in zip(_PART_ENTRIES, _OUTER, strict=True)
                if grammar.pattern(entry).fullmatch(written))


def _values(listed: str) -> list[str]:
    values: list[str] = []
    for piece in re.split(r"\s*(?:,|\bvà\b)\s*", listed.strip()):
        piece = piece.strip()
        if not piece:
            continue
        m = _RANGE.match(piece)
        piece = piece if m else _LEAD_WORDS.sub("", piece)
        if m and m.group(1).isdigit() and m.group(2).isdigit():
            values += [str(n) for n in range(int(m.group(1)), int(m.group(2)) + 1)]
        elif m and len(m.group(1)) == 1 and len(m.group(2)) == 1 and m.group(1).isalpha():
            values += [chr(c) for c in range(ord(m.group(1)), ord(m.group(2)) + 1)]
        else:
            values.append(piece)
    return values


def resolve(reference: Reference, roots: list[Block], default: Block | None) -> list[Block]:
    """The blocks a reference points at: the items themselves, or every task item of a part.
    A path that starts at a Roman-numbered part is read from the document's top level, any
    other from `default`, the part that lists the tasks."""
    levels = [values for _, values in reference.path]
    if not levels:
        return []
    if all(re.fullmatch(r"[IVX]+", v) for v in levels[0]):
        found = _find(roots, levels)
    else:
        found = _find(default.children if default is not None else roots, levels)
    return [x for block in found for x in _task_items(block)]


def default_part(roots: list[Block], here: Block, reference: Reference) -> Block | None:
    """The part a reference with no Roman-numbered part points into: the nearest other
    top-level part whose items carry the numbers it names."""
    if not reference.path:
        return None
    wanted = set(reference.path[0][1])
    others = [b for b in roots if b is not here and b.kind == "item"]
    before = [b for b in others if b.line_start < here.line_start][::-1]
    after = [b for b in others if b.line_start > here.line_start]
    for part in before + after:
        markers = {c.marker for c in part.children if c.kind == "item"}
        if wanted <= markers:
            return part
    return None


def _find(blocks: list[Block], levels: list[list[str]]) -> list[Block]:
    if not levels:
        return []
    hits = [b for b in blocks if b.kind == "item" and b.marker in levels[0]]
    if len(levels) == 1:
        return hits
    return [x for b in hits for x in _find(b.children, levels[1:])]


def _task_items(block: Block) -> list[Block]:
    items = [c for c in block.children if c.kind == "item"]
    if not items or not block.is_title:
        return [block]
    return [x for c in items for x in _task_items(c)]
