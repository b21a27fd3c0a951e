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
from functools import cache, cached_property, lru_cache

from plangraph.ingest.text.vntext import fold_tones, nfc, strip_diacritics

_WORD = re.compile(r"\w+")
_QUOTED = re.compile(r'["“”„«»]([^"“”„«»]*)["“”„«»]?')
MARKS = ("«", "»")  # around the matched words in an excerpt


def _fold_table() -> dict[int, str]:
    """Each Latin letter to itself without diacritics, lower case: one character for one, so
    that positions in the folded text are positions in the text."""
    table = {}
    for code in [*range(ord("A"), ord("Z") + 1), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        folded = strip_diacritics(chr(code)).lower()
        if len(folded) == 1 and folded != chr(code):
            table[code] = folded
    return table


_FOLD = _fold_table()


def _letter_classes() -> dict[str, str]:
    """Each folded letter to a regex class of every character that folds to it (itself
    included): a phrase matched in the text itself, without folding every text searched."""
    spelt: dict[str, set[str]] = {}
    for code, letter in _FOLD.items():
        spelt.setdefault(letter, {letter}).add(chr(code))
    return {letter: "[" + "".join(sorted(map(re.escape, chars))) + "]"
            for letter, chars in spelt.items()}


_CLASSES = _letter_classes()


@dataclass(frozen=True)
class Word:
    exact: str  # lower case, NFC, tone marks in one place
    folded: str  # the same without diacritics
    accented: bool  # typed with diacritics: match them


def word(text: str) -> Word:
    exact = fold_tones(nfc(text).casefold())
    folded = strip_diacritics(exact)
    return Word(exact, folded, folded != exact)


def folded(text: str) -> str:
    """The words of `text` without diacritics, space-separated: what an index stores."""
    return " ".join(_WORD.findall(nfc(text).translate(_FOLD)))


@dataclass(frozen=True)
class Phrase:
    words: tuple[Word, ...]

    @cached_property  # (kept in the instance's __dict__: a frozen dataclass allows it)
    def pattern(self) -> re.Pattern[str]:
        """The phrase in a text: its words in order, each letter written with any diacritics
        and case (what folds to it), anything but a letter between."""
        return _pattern(tuple(w.folded for w in self.words))

    @cached_property
    def accented(self) -> bool:
        """Some word was typed with diacritics."""
        return any(w.accented for w in self.words)


@cache
def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    spelt = [[_CLASSES.get(c, re.escape(c)) for c in w] for w in words]
    # "no letter before" tested after the first letter matched, not at every position: 2× faster
    spelt[0].insert(1, r"(?<!\w.)")
    return re.compile(r"\W+".join(map("".join, spelt)) + r"(?!\w)", re.DOTALL)


@dataclass(frozen=True)
class Query:
    phrases: tuple[Phrase, ...]

    def __bool__(self) -> bool:
        return bool(self.phrases)

    def index_query(self) -> str:
        """Every phrase without diacritics, quoted, joined by AND: the query syntax of SQLite
        FTS5 over `folded` texts and of Lucene (Neo4j) over a diacritics-folding analyzer."""
        return " AND ".join('"' + " ".join(w.folded for w in p.words) + '"'
                            for p in self.phrases)


def parse(typed: str) -> Query:
    typed = nfc(typed)
    phrases: list[tuple[Word, ...]] = []
    pos = 0
    for m in _QUOTED.finditer(typed):
        phrases.append(tuple(word(w) for w in _WORD.findall(typed[pos:m.start()])))
        phrases.append(tuple(word(w) for w in _WORD.findall(m.group(1))))
        pos = m.end()
    phrases.append(tuple(word(w) for w in _WORD.findall(typed[pos:])))
    return Query(tuple(Phrase(p) for p in phrases if p))


def find(text: str, query: Query) -> list[tuple[int, int]]:
    """Spans of `text` each phrase of `query` matches; empty unless every phrase matches."""
    text = nfc(text)
    spans: list[tuple[int, int]] = []
    for phrase in query.phrases:
        found = [m.span() for m in phrase.pattern.finditer(text)
                 if _accents_agree(phrase, text[m.start():m.end()])]
        if not found:
            return []
        spans += found
    return sorted(spans)


def _accents_agree(phrase: Phrase, written: str) -> bool:
    """The words typed with diacritics have them in `written` (the span the phrase matched)."""
    if not phrase.accented:
        return True
    have = _WORD.findall(written)
    return all(not w.accented or _exact(h) == w.exact
               for w, h in zip(phrase.words, have, strict=False))


@lru_cache(maxsize=1 << 14)
def _exact(written: str) -> str:
    # cached: the words a phrase matches are the same few in thousands of task texts
    return word(written).exact


def highlight(text: str, query: Query, width: int | None = None) -> str:
    """`text` with the matched words between «», cut to about `width` characters around the
    first match (… marks a cut); `text` unchanged when nothing matches."""
    return excerpt(nfc(text), find(text, query), width)


def excerpt(text: str, spans: list[tuple[int, int]], width: int | None = None) -> str:
    """`highlight` with the spans `find` gave for the (NFC) `text`."""
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
