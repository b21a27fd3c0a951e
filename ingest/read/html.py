"""Web pages saved from provincial portals and legal-text sites (.html, .htm) as text lines.

A block element (paragraph, heading, list item, div …) is a line, an empty paragraph a blank
line (as in .docx); `<br>` breaks a line; a table
row is one line with its cells separated by TAB, as the .docx reader writes table rows, so the
table layouts of plans read the same from both. Scripts, styles, forms and the page head are
dropped. Ordered lists get their numbers ("1.", "a)") because browsers draw them and plans
number their tasks that way.
"""

from __future__ import annotations

import re

from plangraph.ingest.read.numbering import format_number

BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd div dl dt figcaption figure footer h1 h2 h3 "
    "h4 h5 h6 header hr li main ol p pre section table tbody thead tfoot ul caption".split()
)
DROPPED_TAGS = frozenset(
    "head script style noscript template iframe object embed svg canvas button select "
    "textarea form nav".split()
)

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (`<meta charset>` or http-equiv)."""
    m = _META_CHARSET.search(data[:8192])
    return m.group(1).decode("ascii").lower() if m else None


def html_to_text(markup: str) -> str:
    """The visible text of a page, one line per block and one TAB-separated line per table row."""
    import lxml.html

    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        return ""
    root = lxml.html.document_fromstring(markup)
    body = root.find("body")
    writer = _Lines()
    _walk(body if body is not None else root, writer, pre=False)
    writer.flush()
    return "\n".join(writer.lines)


class _Lines:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self._parts: list[str] = []

    def text(self, s: str, pre: bool) -> None:
        if not s:
            return
        if pre:
            chunks = s.split("\n")
            for i, chunk in enumerate(chunks):
                if i:
                    self.flush()
                self._parts.append(chunk)
        else:
            self._parts.append(_SPACES.sub(" ", s))

    def flush(self) -> None:
        line = "".join(self._parts).strip(" ")
        self._parts = []
        if line.strip():
            self.lines.append(line)

    def line(self, s: str) -> None:
        self.flush()
        if s.strip():
            self.lines.append(s)


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _walk(el, out: _Lines, pre: bool) -> None:
    tag = _tag(el)
    if not tag or tag in DROPPED_TAGS:
        return
    if tag == "table":
        out.flush()
        for row in _rows(el):
            out.line("\t".join(row))
        return
    if tag == "br":
        out.flush()
        return
    block = tag in BLOCK_TAGS
    pre = pre or tag == "pre"
    if block:
        out.flush()
    written = len(out.lines)
    if tag == "li":
        out.text(_list_label(el), pre=False)
    out.text(el.text or "", pre)
    for child in el:
        _walk(child, out, pre)
        out.text(child.tail or "", pre)
    if block:
        out.flush()
        if tag == "p" and len(out.lines) == written:
            # an empty paragraph (Word's "<p>&nbsp;</p>") is the author's blank line
            out.lines.append("")


def _rows(table) -> list[list[str]]:
    """The table's own rows (not those of tables nested in its cells), cells as one line each."""
    rows = []
    for tr in table.iter("tr"):
        if _nearest_table(tr) is not table:
            continue
        cells = []
        for cell in tr:
            if _tag(cell) not in ("td", "th"):
                continue
            cells.append(_cell_text(cell))
            span = cell.get("colspan", "1")
            cells.extend("" for _ in range(min(int(span) - 1, 50) if span.isdigit() else 0))
        if any(c.strip() for c in cells):
            rows.append(cells)
    return rows


def _nearest_table(el):
    node = el.getparent()
    while node is not None and _tag(node) != "table":
        node = node.getparent()
    return node


def _cell_text(cell) -> str:
    inner = _Lines()
    inner.text(cell.text or "", pre=False)
    for child in cell:
        _walk(child, inner, pre=False)
        inner.text(child.tail or "", pre=False)
    inner.flush()
    # a cell is one field of its row: its lines joined by spaces, never a TAB inside
    return " ".join(line.replace("\t", " ").strip() for line in inner.lines)


_OL_TYPES = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}


def _list_label(li) -> str:
    parent = li.getparent()
    if parent is None or _tag(parent) != "ol":
        return ""
    items = [c for c in parent if _tag(c) == "li"]
    start = parent.get("start", "1")
    n = items.index(li) + (int(start) if start.lstrip("-").isdigit() else 1)
    fmt = _OL_TYPES.get(parent.get("type", "1"), "decimal")
    return format_number(n, fmt) + (")" if fmt.endswith("Letter") else ".") + " "
