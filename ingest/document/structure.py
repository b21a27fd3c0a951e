"""The skeleton of a plan document: numbered items, paragraphs and tables, as a tree.

    parse_structure(lines) -> Skeleton

Plans are nested numbered lists: "I." sections, "1." items, "a)" sub-items, "-" and "+"
bullets, "(1)" or "⁽¹⁾" points, "1.1." sub-items; often written as markdown headings
("## 2. Sở Y tế", "#### d) Sở Y tế") or in bold ("**8.** …", "**5. Sở Tư pháp:** …"), with
all-capitals section titles ("TỔ CHỨC THỰC HIỆN"). The depth of a numbering style is learnt
from the document: a style first met under another one is its child, a style met again closes
everything below it. So "1." under "I." and "a)" under "1." need no fixed table, and a
document that starts at "1." works the same.

Lines are grouped into paragraphs. A page break can split a paragraph ("… phổ biến về tác",
blank line, "hại, hậu quả …"): a line that ends without final punctuation is continued by
the next text line when that line starts in lower case, when the first ends with a comma, or
when no blank line separates them (a hard-wrapped line). Footnotes ("¹ …", "<sup>1</sup> …"),
"---" rules and page numbers between the two halves are set aside and do not split it.

Not in the tree: the header (title, number, preamble before the first numbered item, section
title or table: `Skeleton.header`), footnotes (`Skeleton.notes`), the recipients and signature
blocks ("Nơi nhận", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH") up to a following "PHỤ LỤC" or the
kind line of a plan issued with the document ("KẾ HOẠCH" after a Quyết định's signature), and
page numbers alone on a line.

Tables (tab-separated rows, markdown pipe rows) become one Block holding a `Table`: the header
cells and the rows. A row broken over lines (a line break or page break inside a cell: the
line has fewer cells than the header and does not start with a row number) is rejoined.

Every block has a `key`, its numbering path: "III.2.a", "IV.4.-3" (third "-" bullet under
IV.4), "III.18.-5.p1" (first paragraph after bullet 5); a repeated letter gets a prime
("d'"); the first paragraph under a title-only item takes the item's own key.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from plangraph.ingest.document.layout_tables import END_MATTER, find_layout_tables
from plangraph.ingest.document.markup import clean_markup, is_caps
from plangraph.ingest.text import grammar

__all__ = ["Block", "Note", "Row", "Skeleton", "Table", "parse_structure"]


@dataclass
class Row:
    cells: list[str]
    line_start: int
    line_end: int


@dataclass
class Table:
    header: list[str]  # column names, "" where unknown; [] when the table has no header row
    rows: list[Row]


@dataclass(eq=False)
class Block:
    kind: str  # "item" (numbered or bulleted) | "para" | "table"
    text: str  # without the marker and markup, lines joined with spaces
    line_start: int  # 1-based, inclusive
    line_end: int
    style: str | None = None  # roman | upper | part | caps | arabic | arabic_paren | decimal |
    # alpha | alpha_dot | dash | plus | num_paren (None for paragraphs and tables)
    marker: str | None = None  # "II", "3", "a", "-", "+", "1.2", "(1)"
    heading: bool = False  # a markdown heading, a whole line in bold, or all capitals
    table: Table | None = None
    # where in `text` a hard-wrapped line joined the first one with a capital: the first
    # line may be a heading over its paragraph ("5. Sở TTTT, Báo Nghệ An, …" / "Xây dựng …")
    wrap_at: int | None = None
    children: list[Block] = field(default_factory=list)
    parent: Block | None = field(default=None, repr=False)
    key: str = ""

    @property
    def is_title(self) -> bool:
        """An item that names a part of the plan rather than a piece of work.

        "1. Công tác tuyên truyền", "2. Sở Y tế": no final punctuation, short, content below.
        """
        if self.kind != "item" or not self.children:
            return False
        text = self.text.rstrip()
        if not text:
            return True
        words = len(text.split())
        if text.endswith(":"):
            return words <= 8
        if _FINAL_PUNCT.search(text):
            return False
        return words <= (40 if self.heading else 32)

    def walk(self) -> Iterator[Block]:
        yield self
        for c in self.children:
            yield from c.walk()

    def ancestors(self) -> Iterator[Block]:
        b = self.parent
        while b is not None:
            yield b
            b = b.parent


@dataclass
class Note:
    """A footnote: not part of the running text."""

    text: str
    line_start: int
    line_end: int


@dataclass
class Skeleton:
    header: list[Block]  # paragraphs before the body (title, number, preamble)
    blocks: list[Block]  # top-level blocks of the body, each the root of a subtree
    notes: list[Note]
    end_line: int | None  # first line of the recipients / signature block, None if none

    def walk(self) -> Iterator[Block]:
        """Every block of the body in document order."""
        for b in self.blocks:
            yield from b.walk()


# ---------------------------------------------------------------------------- line patterns

_MD_HEADING = re.compile(r"^#{1,6}\s+")
_FOOTNOTE = re.compile(r"^(?:<sup>\s*\d+\s*</sup>|[¹²³⁴⁵⁶⁷⁸⁹⁰]+(?!⁾)|\[\^\d+\]:)\s*\S")
_RULE = re.compile(r"^(?:-{3,}|_{3,}|\*{3,}|={3,})$")
_PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^Trang\s+\d+(?:\s*/\s*\d+)?$", re.I)
_APPENDIX = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)\b")
# The kind line of a document issued with the one before it ("QUYẾT ĐỊNH … Điều 1. Ban hành kèm
# theo Quyết định này Kế hoạch …", signature, then "KẾ HOẠCH"): after end matter, it starts a
# new part like an appendix.
_ATTACHED = re.compile(r"^(?:KẾ\s+HOẠCH|CHƯƠNG\s+TRÌNH(?:\s+CÔNG\s+TÁC)?|ĐỀ\s+ÁN|QUY\s+CHẾ)$")
_PIPE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_FINAL_PUNCT = re.compile(r"[.!?;…](?:[\"'”’)*\]])*$")

_ROMAN_OK = re.compile(r"^(?:X{0,3})(?:IX|IV|V?I{0,3})$")
# (style, pattern); the first that matches wins. Group 1 is the marker.
_MARKERS: list[tuple[str, re.Pattern]] = [
    ("part", re.compile(r"^" + grammar.alt("part.phan", case="title")
                        + r"\s+(?:thứ\s+)?([IVX]+|\d+|[a-zà-ỹ]+)\s*[.:]?\s*(?=\S|$)")),
    ("roman", re.compile(r"^([IVX]{1,5})\s*[.)/]\s*(?=\S)")),
    ("decimal", re.compile(r"^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(?=\S)")),
    ("arabic", re.compile(r"^(\d{1,3})\s*\.(?!\d)\s*(?=\S|$)")),
    ("arabic_paren", re.compile(r"^(\d{1,3})\s*\)\s*(?=\S)")),
    ("num_paren", re.compile(r"^(?:\((\d{1,2})\)|⁽([¹²³⁴⁵⁶⁷⁸⁹⁰]+)⁾)\s*(?=\S)")),
    ("upper", re.compile(r"^([A-HK-UYĐ])\s*[.)]\s+(?=\S)")),
    ("alpha", re.compile(r"^([a-zđ]'?)\s*\)\s*(?=\S|$)")),
    ("alpha_dot", re.compile(r"^([a-zđ])\.\s+(?=[A-ZĐÀ-Ỹ])")),
    ("dash", re.compile(r"^(?:[-–—•·▪●◦]|\*(?=\s))\s*(?=[^\s\d\-–—])")),
    ("plus", re.compile(r"^\+\s*(?=\S)")),
]
_TOP_STYLES = ("part", "caps")
# (only tried on lines in capitals)
_SECTION_WORDS = re.compile(r"^(?:[A-Z]\.\s*)?" + grammar.alt("section"), re.IGNORECASE)
_HEADER_WORDS = grammar.pattern("column")


@dataclass
class _Line:
    no: int
    kind: str  # blank | note | rule | page | end | appendix | row | text
    text: str = ""
    style: str | None = None
    marker: str | None = None
    heading: bool = False
    cells: list[str] = field(default_factory=list)


def _classify(no: int, raw: str) -> _Line:
    s = raw.strip()
    if not s:
        return _Line(no, "blank")
    if "\t" in s or (s.startswith("|") and s.endswith("|") and s.count("|") >= 3):
        if _PIPE_SEPARATOR.match(s):
            return _Line(no, "blank")
        cells = s.strip("|").split("|") if "\t" not in s else raw.split("\t")
        cells = [clean_markup(c.strip())[0] for c in cells]
        while cells and not cells[-1]:
            cells.pop()
        if sum(1 for c in cells if c) >= 2:
            if END_MATTER.match(next(c for c in cells if c)):
                return _Line(no, "end")
            return _Line(no, "row", cells=cells)
        s = " ".join(c for c in cells if c)
    heading = bool(_MD_HEADING.match(s))
    s = _MD_HEADING.sub("", s)
    if _FOOTNOTE.match(s):
        return _Line(no, "note", text=clean_markup(re.sub(r"^\[\^\d+\]:", "", s))[0])
    if _RULE.match(s):
        return _Line(no, "rule")
    text, bold = clean_markup(s)
    if not text:
        return _Line(no, "blank")
    if _PAGE_NUMBER.match(text):
        return _Line(no, "page")
    if END_MATTER.match(text):
        return _Line(no, "end")
    if _APPENDIX.match(text):
        return _Line(no, "appendix", text=text, heading=True)
    line = _Line(no, "text", text=text, heading=heading or bold)
    for style, pattern in _MARKERS:
        m = pattern.match(text)
        if not m:
            continue
        marker = next((g for g in m.groups() if g), None) if m.groups() else None
        if style == "roman" and not _ROMAN_OK.match(marker or ""):
            continue
        line.style = style
        line.marker = _marker(style, marker)
        line.text = text[m.end():].strip()
        break
    if line.style is None and is_caps(text):
        line.heading = True
        if _SECTION_WORDS.match(text):
            line.style = "caps"
    return line


_SUPERSCRIPT = str.maketrans("¹²³⁴⁵⁶⁷⁸⁹⁰", "1234567890")


def _marker(style: str, marker: str | None) -> str:
    if style in ("dash", "plus"):
        return "-" if style == "dash" else "+"
    if style == "num_paren":
        return f"({(marker or '').translate(_SUPERSCRIPT)})"
    return marker or ""


# ---------------------------------------------------------------------------- paragraphs


@dataclass
class _Para:
    kind: str  # text | table | appendix
    text: str
    line_start: int
    line_end: int
    style: str | None = None
    marker: str | None = None
    heading: bool = False
    table: Table | None = None
    wrap_at: int | None = None


def _continues(prev: _Para, line: _Line, blank_gap: bool) -> bool:
    """Whether a text line carries on the paragraph before it (page break, hard wrap)."""
    if prev.kind != "text" or line.style or line.heading or prev.heading:
        return False
    if _FINAL_PUNCT.search(prev.text) or prev.text.endswith(":") or is_caps(prev.text):
        return False
    first = line.text[:1]
    if first.islower() or prev.text.endswith(","):
        return True
    # a hard-wrapped line (text layer of a PDF): long, and no blank line before the next one;
    # a short line is more likely a title over its paragraph
    return not blank_gap and len(prev.text) >= 60 and prev.style not in _TOP_STYLES + ("roman",)


def _paragraphs(lines: list[str]) -> tuple[list[_Para], list[Note], int | None]:
    classified = [_classify(i + 1, raw) for i, raw in enumerate(lines)]
    layout = {t.first: t for t in find_layout_tables(lines)}
    skip_to = 0
    paras: list[_Para] = []
    notes: list[Note] = []
    end_line: int | None = None
    in_end = False
    blank_gap = False
    table_rows: list[Row] | None = None
    for line in classified:
        if line.no <= skip_to:
            continue
        if line.no in layout and not in_end:  # a table printed in fixed-width columns
            t = layout[line.no]
            rows = [Row(cells, first, last) for cells, first, last in t.rows]
            paras.append(_Para("table", "", t.first, t.last, table=Table(t.header, rows)))
            skip_to, table_rows, blank_gap = t.last, None, False
            continue
        if in_end:
            if line.kind == "text" and _ATTACHED.match(line.text):
                line.kind = "appendix"
            if line.kind == "appendix":
                in_end = False
            else:
                continue
        if line.kind == "blank":
            blank_gap = True
            continue
        if line.kind in ("rule", "page"):
            continue
        if line.kind == "note":
            notes.append(Note(line.text, line.no, line.no))
            continue
        if line.kind == "end":
            in_end = True
            end_line = end_line or line.no
            table_rows = None
            continue
        if line.kind == "row":
            if table_rows is not None and _row_continues(table_rows, line.cells):
                _merge_row(table_rows[-1], line.cells, line.no)
            elif table_rows is not None:
                table_rows.append(Row(line.cells, line.no, line.no))
            else:
                table_rows = [Row(line.cells, line.no, line.no)]
                paras.append(_Para("table", "", line.no, line.no, table=Table([], table_rows)))
            paras[-1].line_end = line.no
            blank_gap = False
            continue
        if table_rows is not None:
            last = table_rows[-1]
            if not line.style and (_row_continues(table_rows, [line.text])
                                   or line.text[:1].islower()):
                _merge_row(last, [line.text], line.no)
                paras[-1].line_end = line.no
                continue
            table_rows = None
        prev = paras[-1] if paras else None
        if prev is not None and line.kind == "text" and _continues(prev, line, blank_gap):
            if prev.wrap_at is None and prev.line_end == prev.line_start and \
                    line.text[:1].isupper():
                prev.wrap_at = len(prev.text) + 1
            prev.text = f"{prev.text} {line.text}".strip()
            prev.line_end = line.no
        else:
            kind = "appendix" if line.kind == "appendix" else "text"
            paras.append(_Para(kind, line.text, line.no, line.no, line.style, line.marker,
                               line.heading))
        blank_gap = False
    for p in paras:
        if p.table is not None and not p.table.header:
            _set_header(p.table)
    return paras, notes, end_line


_ROW_INDEX = re.compile(r"^(?:\d{1,3}|[IVX]{1,5}|[a-zđ])[.)]?$")


def _row_continues(rows: list[Row], cells: list[str]) -> bool:
    """A line that completes the row before it: that row is short and this one is unnumbered."""
    if not rows:
        return False
    width = max(len(r.cells) for r in rows[:2])
    last = rows[-1]
    if len(last.cells) >= width or len(last.cells) < 2:
        return False
    first = cells[0] if cells else ""
    return not _ROW_INDEX.match(first) and len(last.cells) + len(cells) - 1 <= width


def _merge_row(row: Row, cells: list[str], line_no: int) -> None:
    """Join the continuation of a cell broken by a line break or page break."""
    if not cells:
        return
    row.cells[-1] = f"{row.cells[-1]} {cells[0]}".strip()
    row.cells.extend(cells[1:])
    row.line_end = line_no


def _set_header(table: Table) -> None:
    """Header rows at the top of a table (two when a merged cell spans sub-columns)."""
    rows = table.rows
    header: list[str] = []
    while rows and _is_header_row(rows[0].cells):
        cells = rows.pop(0).cells
        header = [
            " ".join(x for x in (header[i] if i < len(header) else "",
                                 cells[i] if i < len(cells) else "") if x)
            for i in range(max(len(header), len(cells)))
        ]
    table.header = header


def _is_header_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    hits = sum(1 for c in filled if _HEADER_WORDS.search(c) and len(c.split()) <= 6)
    return hits >= 2 and hits >= len(filled) - 1


# ---------------------------------------------------------------------------- the tree


def parse_structure(lines: list[str]) -> Skeleton:
    paras, notes, end_line = _paragraphs(lines)
    start = next((i for i, p in enumerate(paras) if _starts_body(p)), len(paras))
    header = [_block(p) for p in paras[:start]]
    roots: list[Block] = []
    stack: list[Block] = []
    for p in paras[start:]:
        block = _block(p)
        if p.kind == "appendix":
            stack = []
        if block.kind == "item":
            if block.style in _TOP_STYLES:
                stack = []
            else:
                same = next((i for i in range(len(stack) - 1, -1, -1)
                             if stack[i].style == block.style), None)
                if same is not None:
                    del stack[same:]
        parent = stack[-1] if stack else None
        if parent is None:
            roots.append(block)
        else:
            block.parent = parent
            parent.children.append(block)
        if block.kind == "item":
            stack.append(block)
    _set_keys(roots)
    return Skeleton(header, roots, notes, end_line)


def _starts_body(p: _Para) -> bool:
    if p.kind == "table":
        return bool(p.table and p.table.header)
    return p.kind == "appendix" or p.style not in (None, "dash", "plus")


def _block(p: _Para) -> Block:
    if p.kind == "table":
        return Block("table", "", p.line_start, p.line_end, table=p.table)
    if p.style:
        return Block("item", p.text, p.line_start, p.line_end, p.style, p.marker, p.heading,
                     wrap_at=p.wrap_at)
    return Block("para", p.text, p.line_start, p.line_end, heading=p.heading, wrap_at=p.wrap_at)


def _set_keys(roots: list[Block], parent: Block | None = None) -> None:
    seen: set[str] = set()
    counts: dict[str, int] = {}
    prefix = f"{parent.key}." if parent is not None and parent.key else ""
    for n, b in enumerate(roots):
        if b.kind == "table":
            b.key = parent.key if parent is not None else ""
            continue
        if b.kind == "para":
            if n == 0 and parent is not None and parent.is_title:
                b.key = parent.key  # the title's own text
                continue
            counts["p"] = counts.get("p", 0) + 1
            b.key = f"{prefix}p{counts['p']}"
            continue
        if b.style in ("dash", "plus", "caps"):
            counts[b.style] = counts.get(b.style, 0) + 1
            own = f"{b.marker or 'S'}{counts[b.style]}"
        elif b.style == "decimal" and parent is not None and parent.marker and \
                (b.marker or "").startswith(parent.marker + "."):
            own = (b.marker or "")[len(parent.marker) + 1:]
        else:
            own = b.marker or b.style or "?"
        while own in seen:
            own += "'"
        seen.add(own)
        b.key = prefix + own
        _set_keys(b.children, b)
