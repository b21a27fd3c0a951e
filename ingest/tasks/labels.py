"""Assignments written as labels: "(Đơn vị thực hiện: …; Thời gian thực hiện: …)" and tables.

    find_label(text) -> (start, end) of the label in a paragraph, or None
    read_label(label, reader) -> Assignment
    read_cells(lead=…, support=…, implementers=…, reader=…) -> Assignment   (table columns)

Label forms: "(Đơn vị thực hiện: A chủ trì, phối hợp B, C; Thời gian thực hiện: …)",
"Đơn vị thực hiện: A, B" on its own line, "(Cơ quan chủ trì: A; Cơ quan phối hợp: B; Thời
gian: …)". "A chủ trì[, phối hợp B]" makes A lead and B support; units listed with no "chủ
trì" are implementers and nobody is made lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plangraph.ingest.agencies.resolver import AgencyMatch
from plangraph.ingest.tasks.agencies import AgencyReader
from plangraph.ingest.tasks.deadlines import TIME_LABEL, time_label
from plangraph.ingest.text import grammar
from plangraph.ingest.text.memo import per_document

__all__ = ["Assignment", "LABEL", "find_label", "read_cells", "read_label"]

_HOLDER = grammar.alt("role.holder")  # "đơn vị", "cơ quan"
_ROLES = grammar.alt("role.thuc_hien", "role.chu_tri", "role.phu_trach", "role.phoi_hop")
_LEAD_OR_SUPPORT = grammar.alt("role.chu_tri", "role.phoi_hop")
LABEL = re.compile(_HOLDER + r"\s+" + _ROLES + r"\s*:", re.IGNORECASE)
_LABEL_START = re.compile(r"^\s*[(\[]?\s*[-+]?\s*(?:" + LABEL.pattern + "|" + TIME_LABEL.pattern
                          + "|" + _LEAD_OR_SUPPORT + r"\s*:)", re.IGNORECASE)
_PART_LABEL = re.compile(
    r"^\s*(?:(?:(?P<unit>" + _HOLDER + r")\s+)?(?P<role>" + _ROLES + r")|(?P<time>"
    + grammar.alt("time.label") + r")[^:]{0,20})\s*:\s*",
    re.IGNORECASE,
)
# A label at the end of a paragraph or bullet, after its last sentence: "… cộng đồng. Chủ trì:
# Sở Y tế; Phối hợp: Công an tỉnh. Thời gian: Quý II." ("Chủ trì:" / "Phối hợp:" bare or
# after "Cơ quan" / "Đơn vị")
_ROLE_LABEL = re.compile(
    r"(?:" + _HOLDER + r"\s+)?" + _LEAD_OR_SUPPORT + r"\s*:|" + LABEL.pattern,
    re.IGNORECASE,
)
_ANY_LABEL = re.compile(_ROLE_LABEL.pattern + "|" + TIME_LABEL.pattern, re.IGNORECASE)
_SENTENCE_END = ".;!?)”\""  # a sentence ends before a label: its last character, spaces aside
_CHU_TRI = grammar.pattern("role.chu_tri")
_PHOI_HOP = re.compile(r"^\W*(?:và\s+)?" + grammar.alt("role.phoi_hop", "role.support_with")
                       + r"(?:\s+với)?\b", re.IGNORECASE)


@dataclass
class Assignment:
    lead: list[AgencyMatch] = field(default_factory=list)
    support: list[AgencyMatch] = field(default_factory=list)
    implementers: list[AgencyMatch] = field(default_factory=list)
    when: str | None = None
    has_chu_tri: bool = False

    @property
    def agencies(self) -> list[AgencyMatch]:
        return self.lead + self.support + self.implementers


@per_document  # the task reader asks again about the same paragraphs
def find_label(text: str) -> tuple[int, int] | None:
    """Where an assignment label sits in a paragraph: the whole paragraph when it opens with
    one (or with "Thời gian thực hiện:"), else a parenthesis "(Đơn vị thực hiện: …)" (to its
    closing bracket)."""
    if ":" not in text:  # every label form ends in a colon: most paragraphs need no scan
        return None
    if _LABEL_START.match(text):
        return 0, len(text)
    # both searches below find a role word (a time label for the first) before the colon
    if not grammar.may_match(text.lower(), "role.chu_tri", "role.phoi_hop", "role.thuc_hien",
                             "role.phu_trach", "time.label"):
        return None
    for m in _ANY_LABEL.finditer(text):
        before = text[:m.start()]
        if (ended := before.rstrip()) and ended[-1] in _SENTENCE_END and before.count("(") <= \
                before.count(")") and _ROLE_LABEL.search(text, m.start()):
            return m.start(), len(text)
    for m in LABEL.finditer(text):
        opening = text.rfind("(", 0, m.start())
        if opening < 0 or text[opening + 1:m.start()].strip():
            continue
        return opening, _closing(text, opening)
    return None


def _closing(text: str, opening: int) -> int:
    depth = 0
    for i in range(opening, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def read_label(label: str, reader: AgencyReader) -> Assignment:
    """The agencies and time of one label (its text, brackets included or not)."""
    inner = label.strip().strip(".").strip()
    if inner.startswith(("(", "[")):
        inner = inner[1:]
        if inner.endswith((")", "]")):
            inner = inner[:-1]
    out = Assignment(when=time_label(inner))
    # "Đơn vị thực hiện: A, B; C; Thời gian thực hiện: …": a part with no label of its own
    # goes on with the one before it
    parts: list[tuple[str | None, str]] = []
    # labels written as sentences: "Cơ quan chủ trì: A. Cơ quan phối hợp: B."
    inner = re.sub(r"\.\s+(?=" + _ANY_LABEL.pattern + ")", "; ", inner, flags=re.IGNORECASE)
    for part in _split_top(inner, ";"):
        m = _PART_LABEL.match(part)
        if m is not None:
            role = None if m.group("time") else _role(m.group("role"))
            parts.append((role, part[m.end():]))
        elif parts:
            parts[-1] = (parts[-1][0], f"{parts[-1][1]}; {part}")
    for role, value in parts:
        if role == "chu_tri":
            out.lead += _agencies(value, reader)
            out.has_chu_tri = True
        elif role == "phoi_hop":
            out.support += _agencies(value, reader)
        elif role is not None:
            _read_units(value, reader, out)
    return out


def _role(written: str) -> str:
    """'Chủ  trì' -> 'chu_tri', 'phối hợp' -> 'phoi_hop', any other unit role -> 'thuc_hien'."""
    for role in ("chu_tri", "phoi_hop"):
        if grammar.pattern("role." + role).fullmatch(written):
            return role
    return "thuc_hien"


def read_cells(reader: AgencyReader, lead: str = "", support: str = "",
               implementers: str = "") -> Assignment:
    """Roles from the columns of a table row."""
    out = Assignment(lead=_agencies(lead, reader), support=_agencies(support, reader),
                     has_chu_tri=bool(lead.strip()))
    if implementers.strip():
        _read_units(implementers, reader, out)
    return out


def _read_units(value: str, reader: AgencyReader, out: Assignment) -> None:
    """'A chủ trì, phối hợp B, C' -> lead A, support B C; 'A, B' -> implementers A B."""
    m = _CHU_TRI.search(_outside_brackets(value))
    if m is None:
        out.implementers += _agencies(value, reader)
        return
    out.has_chu_tri = True
    out.lead += _agencies(value[:m.start()], reader)
    rest = value[m.end():]
    if _PHOI_HOP.match(rest):
        out.support += _agencies(rest, reader)
    else:
        out.lead += _agencies(rest, reader)


def _agencies(value: str, reader: AgencyReader) -> list[AgencyMatch]:
    return list(_listed(value, reader))


@per_document  # a label is read again each time the task reader meets its paragraph
def _listed(value: str, reader: AgencyReader) -> tuple[AgencyMatch, ...]:
    text = reader.blank_citations(value)
    return tuple(m for m in reader.resolver.split_list(text)
                 if not m.national and m.written.strip())


def _outside_brackets(s: str) -> str:
    if "(" not in s:  # nothing is inside brackets
        return s
    depth, out = 0, []
    for c in s:
        depth += c == "("
        out.append(" " if depth else c)
        depth -= c == ")" and depth > 0
    return "".join(out)


def _split_top(s: str, sep: str) -> list[str]:
    """Split on `sep` outside brackets."""
    if "(" not in s:  # every `sep` is outside
        return s.split(sep)
    parts, depth, cur = [], 0, list[str]()
    for c in s:
        if c == "(":
            depth += 1
        elif c == ")" and depth:
            depth -= 1
        if c == sep and not depth:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    parts.append("".join(cur))
    return parts
