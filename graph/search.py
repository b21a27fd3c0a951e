"""Searching task texts: what a typed query means, where it matches, the excerpt shown.

A query is one or more phrases: a quoted part ("tiền chất") is a phrase, and so are the words
typed between quotes ("cai nghien tu nguyen" matches those four words in that order). Every
phrase must match. A word matches a word of the text, case and tone-mark placement ("hòa" /
"hoà") ignored, and:

- typed without diacritics, whatever its diacritics in the text: "tien" finds "tiền", "tiến",
  "tiên";
- typed with diacritics, only those diacritics: "tiền" finds "tiền", never "tiến" or "tiên".

    >>> q = parse("tiền chất")
    >>> bool(find("kiểm soát tiền chất công nghiệp", q)), bool(find("tiên tiến", q))
    (True, False)
    >>> highlight("Quản lý tiền chất công nghiệp", parse("tien chat"))
    'Quản lý «tiền chất» công nghiệp'

The stores' full-text indexes (graph/task_index.py for LadybugDB, a Neo4j fulltext index) find
the candidates by the words without diacritics (`folded`); `find` keeps those that match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangraph.ingest.text.vntext import fold_tones, nfc, strip_diacritics

_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r'["“”„«»]([^"“”„«»]*)["“”„«»]?')
MARKS = ("«", "»")  # around the matched words in an excerpt


@dataclass(frozen=True)
class Word:
    exact: str  # lower case, NFC, tone marks in one place
    folded: str  # the same without diacritics
    accented: bool  # typed with diacritics: match them


def word(text: str) -> Word:
    exact = fold_tones(nfc(text).casefold())
    folded = strip_diacritics(exact)
    return Word(exact, folded, folded != exact)


def words(text: str) -> list[tuple[int, int, Word]]:
    """The words of `text` with their spans."""
    return [(m.start(), m.end(), word(m.group())) for m in _WORD.finditer(nfc(text))]


def folded(text: str) -> str:
    """The words of `text` without diacritics, space-separated: what an index stores."""
    return " ".join(w.folded for _, _, w in words(text))


@dataclass(frozen=True)
class Query:
    phrases: tuple[tuple[Word, ...], ...]

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def index_query(self) -> str:
        """Every phrase without diacritics, quoted, joined by AND: the query syntax of SQLite
        FTS5 over `folded` texts and of Lucene (Neo4j) over a diacritics-folding analyzer."""
        return " AND ".join('"' + " ".join(w.folded for w in p) + '"' for p in self.phrases)


def parse(typed: str) -> Query:
    typed = nfc(typed)
    phrases: list[tuple[Word, ...]] = []
    pos = 0
    for m in _QUOTED.finditer(typed):
        phrases.append(tuple(word(w) for w in _WORD.findall(typed[pos:m.start()])))
        phrases.append(tuple(word(w) for w in _WORD.findall(m.group(1))))
        pos = m.end()
    phrases.append(tuple(word(w) for w in _WORD.findall(typed[pos:])))
    return Query(tuple(p for p in phrases if p))


def _same(typed: Word, written: Word) -> bool:
    return typed.exact == written.exact if typed.accented else typed.folded == written.folded


def find(text: str, query: Query) -> list[tuple[int, int]]:
    """Spans of `text` each phrase of `query` matches; empty unless every phrase matches."""
    have = words(text)
    spans: list[tuple[int, int]] = []
    for phrase in query.phrases:
        found = [(have[i][0], have[i + len(phrase) - 1][1])
                 for i in range(len(have) - len(phrase) + 1)
                 if all(_same(w, have[i + j][2]) for j, w in enumerate(phrase))]
        if not found:
            return []
        spans += found
    return sorted(spans)


def highlight(text: str, query: Query, width: int | None = None) -> str:
    """`text` with the matched words between «», cut to about `width` characters around the
    first match (… marks a cut); `text` unchanged when nothing matches."""
    text = nfc(text)
    spans = find(text, query)
    if not spans:
        return text
    start, end = 0, len(text)
    if width and len(text) > width:
        first = spans[0][0]
        start = max(0, min(first - width // 3, len(text) - width))
        start = text.rfind(" ", 0, start) + 1 if start else 0
        end = min(len(text), start + width)
        end = end if end == len(text) else max(text.rfind(" ", start, end), spans[0][1])
    out, pos = [], start
    for a, b in spans:
        if a < pos or b > end:
            continue
        out += [text[pos:a], MARKS[0], text[a:b], MARKS[1]]
        pos = b
    out.append(text[pos:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")
