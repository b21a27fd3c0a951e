"""Vietnamese grammar words as data: ontology/grammar.json compiled into regex pieces.

    >>> bool(pattern("role.chu_tri").search("Sở Y tế CHỦ   TRÌ, phối hợp …"))
    True
    >>> words("assign.giao")
    ('giao', 'giao cho')
    >>> bool(pattern("time.ongoing", folded=True).search("thuc hien hang nam"))
    True
    >>> [bool(re.match(alt("part.phan", case="title"), w)) for w in ("PHẦN", "Phần", "phần")]
    [True, True, False]

A name is "kind.entry" ("role.chu_tri"), "kind.group" ("section.no_tasks": the entries a
kind's `groups` lists) or a kind alone ("column": all its entries). `alt(...)` gives the
source of a non-capturing group for extractors to build their structural regexes around
("(?:đơn vị|cơ quan) + role + ':'"); `pattern(...)` a compiled whole-word pattern. Words
match ignoring case, with any white space between them (`\\s*` after a comma), and with the
tone mark of oa/oe/uy on either vowel; `folded=True` gives the same words without diacritics
(for text folded with `strip_diacritics`). Everything is compiled once per name (cached).

A case-blind alternation is tried at every position of a text (the regex engine skips ahead
only to a literal or a set of first characters written in one case). `may_match(low, ...)`
answers first, from the lower-cased text, whether any of the words can be there at all:

    >>> may_match("sở y tế chủ   trì", "role.chu_tri"), may_match("sở y tế", "role.chu_tri")
    (True, False)
"""

from __future__ import annotations

import re
from functools import cache

from plangraph.ingest.text.vntext import _TONE_MOVES, fold_tones, nfc, strip_diacritics
from plangraph.ontology.loader import load

__all__ = ["alt", "cues", "kinds", "may_match", "names", "pattern", "words"]

_FILE = "grammar.json"
# "hòa" -> "hoà": the tone mark on the second vowel of oa/oe/uy, keyed by the first-vowel form
_SECOND_PLACE = {first: second for second, first in _TONE_MOVES.items()}
_FIRST_PLACED = re.compile("(?<![qQ])(" + "|".join(map(re.escape, _SECOND_PLACE))
                           + r")(?![^\W\d_])")


def kinds() -> dict[str, dict]:
    """The kinds of grammar words, as in the data file (do not mutate)."""
    return load(_FILE)["kinds"]


def names(kind: str) -> tuple[str, ...]:
    """The entry names of one kind ("role" -> ("role.chu_tri", …))."""
    return tuple(f"{kind}.{entry}" for entry in kinds()[kind]["words"])


@cache
def words(*names: str) -> tuple[str, ...]:
    """The ways the named entries are written (NFC, data order, no repeats)."""
    out: list[str] = []
    for name in names:
        kind, _, entry = name.partition(".")
        if kind not in kinds():
            raise KeyError(f"no grammar kind {kind!r} in ontology/{_FILE}")
        data = kinds()[kind]
        if not entry:
            entries = list(data["words"])
        elif entry in data.get("groups", {}):
            entries = data["groups"][entry]
        elif entry in data["words"]:
            entries = [entry]
        else:
            raise KeyError(f"no grammar entry {name!r} in ontology/{_FILE}")
        for e in entries:
            out += [nfc(w) for w in data["words"][e] if nfc(w) not in out]
    return tuple(out)


def _either_place(first: str) -> str:
    return f"(?:{re.escape(first)}|{re.escape(_SECOND_PLACE[first])})"


@cache
def alt(*names: str, folded: bool = False, case: str = "") -> str:
    """Regex source of a non-capturing group matching any of the named words (longest first,
    so that "thời gian thực hiện" wins over "thời gian").

    For patterns that are case-sensitive, `case="upper"` gives the words in capitals only
    ("MỤC") and `case="title"` with a capital first letter or in capitals ("Phần", "PHẦN");
    by default they are as the data writes them."""
    written = words(*names)
    if case == "upper":
        written = tuple(w.upper() for w in written)
    elif case == "title":
        written = tuple(v for w in written for v in (w[:1].upper() + w[1:], w.upper()))
    elif case:
        raise ValueError(f"case is 'upper' or 'title', not {case!r}")
    variants = sorted(dict.fromkeys(written), key=len, reverse=True)
    sources = dict.fromkeys(_escape_word(w, folded) for w in variants)  # folded forms repeat
    return "(?:" + "|".join(sources) + ")"


def _escape_word(word: str, folded: bool) -> str:
    tokens = (strip_diacritics(word) if folded else fold_tones(word)).split()
    out = ""
    for i, token in enumerate(tokens):
        if i:  # after a comma ("phối, kết hợp") the space may be missing
            out += r"\s+" if tokens[i - 1][-1:].isalnum() else r"\s*"
        pieces = _FIRST_PLACED.split(token)  # odd pieces: a toned oa/oe/uy pair
        out += "".join(_either_place(p) if i % 2 else re.escape(p) for i, p in enumerate(pieces))
    return out


@cache
def pattern(*names: str, folded: bool = False) -> re.Pattern[str]:
    """A compiled pattern finding any of the named words as whole words (ignoring case)."""
    return re.compile(r"(?<!\w)" + alt(*names, folded=folded) + r"(?!\w)", re.IGNORECASE)


# Characters str.lower() does not map to the letter a case-blind regex matches them with:
# "ı" and "ſ" match "i" and "s" (and "ẛ" "ṡ"), "İ" lowers to "i" + U+0307 where the regex reads
# "i". In a text holding one, `may_match` says True (tests/test_grammar.py checks the list).
CASE_ODD = ("ı", "ſ", "ẛ", "\u0307")


@cache
def cues(*names: str, folded: bool = False) -> tuple[str, ...]:
    """Lower-case literals, one of which is in the lower-cased text wherever `alt(*names)` or
    `pattern(*names)` matches ignoring case: the first word of each way of writing them, with
    the tone mark of oa/oe/uy on either vowel ("hòa", "hoà")."""
    out: dict[str, None] = {}
    for word in words(*names):
        first = (strip_diacritics(word) if folded else fold_tones(word)).lower().split()[0]
        if folded:
            out[first] = None
            continue
        variants = [""]
        for i, piece in enumerate(_FIRST_PLACED.split(first)):  # odd pieces: a toned pair
            placed = (piece, _SECOND_PLACE[piece]) if i % 2 else (piece,)
            variants = [v + p for v in variants for p in placed]
        out.update(dict.fromkeys(variants))
    return tuple(out)


def may_match(low: str, *names: str, folded: bool = False) -> bool:
    """False only when the named words (ignoring case) are nowhere in the text whose
    `str.lower()` is `low`: a cheap test before a case-blind search of them."""
    return any(c in low for c in cues(*names, folded=folded)) or any(c in low for c in CASE_ODD)
