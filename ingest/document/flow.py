"""The document as running text: lines cleaned of markup (`markup.clean_line`) joined into
paragraphs.

Converted plans break sentences across lines and pages ("… Quyết định số 1452/QĐ-TTg … phê",
blank line, "duyệt Chương trình …"). `Flow` joins such pieces into one paragraph per line of
its `text` and remembers which document line every piece came from, so a match anywhere in
`text` maps back to a `Source` (file, line range).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from plangraph.ingest.models import Source
from plangraph.ingest.text.vntext import fold

_ITEM_START = re.compile(r"^\s*(?:[-+•–]\s|\(?[0-9IVXivx]{1,4}[.)]|[a-zđ][)]|\|)")
# a cell's end left by a copied layout table ("Số: 12/KH-UBND | Hà Nội, ngày … |") also ends
_SENTENCE_END = re.compile(r"[.;:!?…)\"”|]\s*$")
# "Căn cứ" opens a clause of the preamble on its own line, also where the line before it (a
# title, copied web text) ends without punctuation
_CLAUSE_START = re.compile(r"^\s*Căn cứ\s")


# "1452/QĐ-" / "TTg", "116/2021/" / "NĐ-CP": a number and symbol wrapped after its hyphen or
# slash (no space before it) goes on without a space; "Lao động -" / "Thương binh" keeps one
_WRAPPED_SYMBOL = re.compile(r"[\w)][-/]$")
_SYMBOL_GOES_ON = re.compile(r"[-/][A-ZĐ]")  # "116/2021/NĐ" / "-CP"


def join_wrapped(left: str, right: str) -> str:
    """Two pieces of one line of text that wrapping split, joined as they were written."""
    if not left or not right:
        return left or right
    glued = (_WRAPPED_SYMBOL.search(left) and right[:1].isalnum()) or (
        left[-1:].isalnum() and _SYMBOL_GOES_ON.match(right))
    sep = "" if glued else " "
    return left + sep + right


@dataclass
class Flow:
    file: str
    text: str = ""
    _starts: list[int] = field(default_factory=list)  # offset of each piece in text
    _lines: list[int] = field(default_factory=list)  # its 1-based document line
    _folded: str | None = None

    @classmethod
    def of_clean_lines(cls, file: str, lines: list[str], first_line: int = 1) -> Flow:
        """The flow of lines already cleaned of markup (`markup.clean_line`)."""
        flow = cls(file)
        parts: list[str] = []
        pos = 0
        prev_blank = False
        for i, line in enumerate(lines, start=first_line):
            if not line:
                prev_blank = True
                continue
            if parts:
                prev = parts[-1]
                joinable = not ("\t" in prev or "\t" in line or _SENTENCE_END.search(prev)
                                or _ITEM_START.match(line) or _CLAUSE_START.match(line))
                sep = " " if joinable and (line[0].islower() or not prev_blank) else "\n"
                if sep == " " and _WRAPPED_SYMBOL.search(prev) and line[:1].isalnum():
                    sep = ""
                parts.append(sep)
                pos += 1
            flow._starts.append(pos)
            flow._lines.append(i)
            parts.append(line)
            pos += len(line)
            prev_blank = False
        flow.text = "".join(parts)
        return flow

    @property
    def folded(self) -> str:
        if self._folded is None:
            self._folded = fold(self.text)
        return self._folded

    def line_at(self, offset: int) -> int:
        i = bisect.bisect_right(self._starts, offset) - 1
        return self._lines[max(i, 0)] if self._lines else 0

    def source(self, start: int, end: int) -> Source:
        return Source(self.file, self.line_at(start), self.line_at(max(start, end - 1)))

    def paragraphs(self) -> list[tuple[int, int]]:
        """(start, end) offsets of each paragraph of `text`."""
        out, start = [], 0
        for m in re.finditer("\n", self.text):
            out.append((start, m.start()))
            start = m.end()
        out.append((start, len(self.text)))
        return [(s, e) for s, e in out if e > s]
