"""Tables as `pdftotext -layout` prints them: fixed-width columns separated by runs of spaces.

    find_layout_tables(lines) -> list[LayoutTable]

A PDF table comes out of a text tool as columns of text at fixed offsets; each cell is wrapped
inside its column, so one row spans several lines and the wrapped lines of the task, lead,
partner and time columns interleave. Rows may or may not be separated by blank lines, and a
page footer ("Trang 2/5", a bare page number), a form feed and the repeated header row can fall
inside the table, even inside a row.

The header row (two or more column names — "TT", "Nội dung", "Cơ quan chủ trì", "Phối hợp",
"Thời gian" … — apart by runs of spaces) opens a table; its wrapped lines below it complete
the names. The column boundaries are the runs of blank positions that cross every line of the
table, nearest to the left of each header name (so a centred header is read too). A row starts
where the number column holds a number; when rows are separated by blank lines and the number
sits lower than the row's first line (cells centred vertically), the row starts at the blank
line, and a stretch cut off by a page break before or after the number joins it. A stretch of
lines with no number after a page break carries on the row before it. The
table ends at a line that crosses a column boundary without a gap (running text, a section
heading), the signature block, or the end of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangraph.ingest.document.flow import join_wrapped
from plangraph.ingest.text import grammar

__all__ = ["END_MATTER", "LayoutTable", "find_layout_tables"]

_GAP = re.compile(r"\S+(?: \S+)*")  # a run of text with single spaces only
_HEADER_WORD = re.compile(r"^" + grammar.alt("column") + r"\b", re.IGNORECASE)
_ROLE_WORD = re.compile(grammar.alt("column.lead", "column.support", "column.implementers"),
                        re.IGNORECASE)
_PAGE = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^(?:Trang|Page)\s+\d+(?:\s*/\s*\d+)?$", re.I)
# "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" … (Nghị định 30/2020/NĐ-CP, Phụ lục I)
END_MATTER = re.compile(
    r"^(?:" + grammar.alt("end.recipients") + "|" + grammar.alt("end.recipients", folded=True)
    + r")(?!\w)|^" + grammar.alt("end.signature") + r"(?!(?<=\w)\w)",
    re.IGNORECASE,
)
_END = re.compile(END_MATTER.pattern + r"|^PHỤ\s+LỤC", re.IGNORECASE)
_NUMBER = re.compile(r"^(?:\d{1,3}|[IVX]{1,5}|[A-Z])[.)]?$")


@dataclass
class LayoutTable:
    first: int  # 1-based line numbers, inclusive
    last: int
    header: list[str]
    rows: list[tuple[list[str], int, int]]  # cells, first line, last line


def _segments(line: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in _GAP.finditer(line)]


def _header_segments(line: str) -> list[tuple[int, int, str]] | None:
    if "\t" in line or "|" in line:  # tab and pipe tables are rows already
        return None
    if "  " not in line and line.isprintable():  # no gap but single spaces: one segment at most
        return None
    segs = _segments(line)
    if len(segs) < 3:
        return None
    named = [s for s in segs if _HEADER_WORD.match(s[2]) and len(s[2].split()) <= 5]
    if len(named) < 3 or len(named) < len(segs) - 1:
        return None
    return segs


def find_layout_tables(lines: list[str]) -> list[LayoutTable]:
    out: list[LayoutTable] = []
    i = 0
    while i < len(lines):
        segs = _header_segments(lines[i])
        if segs is None:
            i += 1
            continue
        table = _read_table(lines, i, segs)
        if table is None:
            i += 1
            continue
        out.append(table)
        i = table.last  # 1-based last line: the next index to look at
    return out


def _read_table(lines: list[str], at: int, segs) -> LayoutTable | None:
    starts = [s for s, _, _ in segs]
    margin = starts[0]
    header_lines = [at]
    j = at + 1
    # wrapped header names: short pieces, no number in the first column, before the first row
    while j < len(lines) and lines[j].strip():
        pieces = _segments(lines[j])
        if any(len(p[2].split()) > 4 for p in pieces) or (pieces and pieces[0][0] <= margin
                                                          and _NUMBER.match(pieces[0][2])):
            break
        header_lines.append(j)
        j += 1
    header_texts = {lines[k].rstrip() for k in header_lines}  # repeated on each page
    # the body: until a line of running text, the signature block or a new section
    body: list[int] = []
    breaks: set[int] = set()  # body lines right after a page break (footer, header repeated)
    paged = False
    k = j
    while k < len(lines):
        raw = lines[k].replace("\f", "")
        text = raw.strip()
        if not text or _PAGE.match(text) or raw.rstrip() in header_texts:
            paged = paged or "\f" in lines[k] or (bool(text) and (
                bool(_PAGE.match(text)) or raw.rstrip() in header_texts))
            k += 1
            continue
        if _END.match(text):
            break
        pieces = _segments(raw)
        if len(pieces) == 1 and pieces[0][0] <= margin and pieces[0][1] > starts[1] + 2:
            break  # running text or a heading from the left margin across the columns
        if paged:
            breaks.add(k)
            paged = False
        body.append(k)
        k += 1
    if not body:
        return None
    bounds = _boundaries(lines, body, starts)
    if bounds is None:
        return None
    header = [""] * len(starts)
    for h in header_lines:
        for n, cell in enumerate(_cut(lines[h], bounds)):
            header[n] = f"{header[n]} {cell}".strip()
    if not any(_ROLE_WORD.search(name) for name in header):  # names wrap: "Cơ quan chủ / trì"
        return None
    rows = _rows(lines, body, bounds, breaks)
    last = body[-1] + 1
    return LayoutTable(at + 1, last, header, rows)


def _boundaries(lines: list[str], body: list[int], starts: list[int]) -> list[int] | None:
    """Start offset of each column: the end of the blank run crossing every body line that is
    nearest to the left of (or at) each header name."""
    width = max(len(lines[k]) for k in body)
    count = [0] * (width + 1)
    for k in body:
        for s, e, _ in _segments(lines[k]):
            for p in range(s, e):
                count[p] += 1
    # a section title in a cell merged across the row may run over a boundary: a few lines
    # crossing a blank run do not close it
    spare = len(body) // 30
    used = [c > spare for c in count]
    bounds = [0]
    for name_start in starts[1:]:
        p = min(name_start, width)
        # walk left from the name to a blank run of two or more positions
        while p > bounds[-1] + 1:
            if not used[p - 1] and not used[p - 2]:
                break
            p -= 1
        else:
            return None
        while p < name_start and not used[p]:
            p += 1
        # the column may begin left of a centred name: the run's right end is the start
        bounds.append(p)
    return bounds


def _cut(line: str, bounds: list[int]) -> list[str]:
    cells = []
    for n, start in enumerate(bounds):
        end = bounds[n + 1] if n + 1 < len(bounds) else len(line)
        cells.append(" ".join(line[start:end].split()))
    return cells


def _rows(lines: list[str], body: list[int], bounds: list[int], breaks: set[int]):
    # chunks: body lines with nothing between them but blank lines of the table itself
    chunks: list[list[int]] = []
    for k in body:
        if chunks and k == chunks[-1][-1] + 1:
            chunks[-1].append(k)
        else:
            chunks.append([k])

    def numbered(k: int) -> bool:
        first = _cut(lines[k], bounds)[0]
        return bool(first) and bool(_NUMBER.match(first))

    # top-aligned unless numbers mostly sit below the first line of their chunk
    low = sum(1 for c in chunks if any(numbered(k) for k in c) and not numbered(c[0]))
    high = sum(1 for c in chunks if numbered(c[0]))
    # (rows not separated by blank lines say nothing of it: several numbers in one stretch)
    centred = low > high and not any(sum(numbered(k) for k in c) > 1 for c in chunks)
    rows: list[list[int]] = []
    open_row = False  # a centred row cut by a page break before its number was printed
    for chunk in chunks:
        count = sum(numbered(k) for k in chunk)
        if centred and count <= 1:
            if rows and chunk[0] in breaks and (count == 0 or open_row):
                rows[-1] += chunk  # the rest of a row cut by the page break
                open_row = False
            else:
                rows.append(list(chunk))
                open_row = count == 0
            continue
        for k in chunk:
            if numbered(k) or not rows:
                rows.append([k])
            else:
                rows[-1].append(k)
    out = []
    for row in rows:
        cells = [""] * len(bounds)
        for k in row:
            for n, cell in enumerate(_cut(lines[k], bounds)):
                cells[n] = join_wrapped(cells[n], cell) if cell else cells[n]
        out.append((cells, row[0] + 1, row[-1] + 1))
    return out
