"""Vietnamese text keys for comparing names: NFC, tone placement, diacritics, dashes, quotes.

Stored text is never folded; these functions build comparison keys only.

    >>> match_key("  Sở Giáo dục – Đào tạo. ") == match_key("sở giáo dục-đào tạo")
    True
    >>> match_key("Ủy ban nhân dân tỉnh Khánh Hoà") == match_key("Uỷ ban nhân dân tỉnh Khánh Hòa")
    True
    >>> loose_key("Sở Y tế")
    'so y te'
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from plangraph.ingest.text.memo import per_document

__all__ = [
    "fold",
    "fold_tones",
    "loose_key",
    "match_key",
    "nfc",
    "strip_diacritics",
    "unify_punctuation",
]


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


# In the open syllables oa, oe, uy the tone mark sits on either vowel ("hoà"/"hòa",
# "khoẻ"/"khỏe", "thuý"/"thúy"). Fold to the mark on the first vowel, the convention of the
# gold annotations' scorer. A consonant after the pair ("hoàng", "khuyết") leaves one correct
# place, and after "q" the "u" belongs to the consonant ("quý" is always written so).
def _tone_moves() -> dict[str, str]:
    moves = {}
    for first, second, tones in (("o", "a", "àáảãạ"), ("o", "e", "èéẻẽẹ"), ("u", "y", "ỳýỷỹỵ")):
        for toned in tones:
            mark = unicodedata.normalize("NFD", toned)[1]
            first_toned = unicodedata.normalize("NFC", first + mark)
            moves[first + toned] = first_toned + second
            moves[(first + toned).upper()] = (first_toned + second).upper()
            moves[first.upper() + toned] = first_toned.upper() + second
    return moves


_TONE_MOVES = _tone_moves()
# a first vowel and a toned second one; pairs that are no move (e.g. "uà") are left as written
# (a toned second vowel never starts a pair, so taking them does not hide one)
_TONE_RE = re.compile(r"([oOuU](?<![qQ][oOuU])[" + "".join(sorted({k[1] for k in _TONE_MOVES}))
                      + r"])(?![^\W\d_])")


def fold_tones(s: str) -> str:
    """'hoà' -> 'hòa', 'thuý' -> 'thúy', 'khoẻ' -> 'khỏe' (case kept; input NFC)."""
    if not ("o" in s or "u" in s or "O" in s or "U" in s):  # every move starts with one
        return s
    return _TONE_RE.sub(lambda m: _TONE_MOVES.get(m.group(1), m.group(1)), s)


# Combining marks of the Latin block (U+034F, the grapheme joiner, is not one); others are
# looked up one by one.
_LATIN_MARKS = re.compile(r"[\u0300-\u034e\u0350-\u036f]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _unless_combining(m: re.Match[str]) -> str:
    return "" if unicodedata.combining(m.group()) else m.group()


def strip_diacritics(s: str) -> str:
    """'Sở Y tế' -> 'So Y te', 'Đoàn' -> 'Doan'."""
    if s.isascii():
        return s
    if len(s) <= 100:  # a word or a name: one table look-up per character is quicker
        bare = s.translate(_bare_letters())
        if bare.isascii():  # every letter one of the Latin letters the table knows
            return bare
    return _strip_diacritics(s)


def _strip_diacritics(s: str) -> str:
    decomposed = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    bare = _LATIN_MARKS.sub("", decomposed)
    if not bare.isascii():
        bare = _NON_ASCII.sub(_unless_combining, bare)
    return nfc(bare)


@cache
def _bare_letters() -> dict[int, str | None]:
    """Each letter of the Latin blocks (Vietnamese among them) and each combining mark to what
    `strip_diacritics` makes of it alone, where that is ASCII: a string of such characters
    strips character by character (its marks are removed, its bases are ASCII)."""
    table: dict[int, str | None] = {}
    for ranges in ((0x80, 0x250), (0x300, 0x370), (0x1E00, 0x1F00)):
        for code in range(*ranges):
            bare = _strip_diacritics(chr(code))
            if bare.isascii():
                table[code] = bare or None
    return table


_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_PUNCT_TABLE = str.maketrans(
    {
        **{d: "-" for d in _DASHES},
        **{q: '"' for q in "“”„‟«»″"},
        **{q: "'" for q in "‘’‚‛′"},
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,  # soft hyphen
        "…": "...",
    }
)


_PUNCT_RE = re.compile("[" + "".join(map(chr, _PUNCT_TABLE)) + "]")


def unify_punctuation(s: str) -> str:
    """Every dash to '-', curly/angle quotes to straight ones, odd spaces to ' ', no zero-widths."""
    if s.isascii():
        return s
    return _PUNCT_RE.sub(lambda m: m.group().translate(_PUNCT_TABLE), s)


# "\s*-\s*" -> "-", matching only what changes
_SPACED_DASH = re.compile(r"\s+-\s*|-\s+")
_EDGE_PUNCT = " .,;:!?\"'()[]{}*_/\\-"


def match_key(s: str) -> str:
    """Key for comparing names: tone placement, case, dashes, spaces and edge punctuation folded.

    'Sở GD – ĐT', 'sở gd-đt' and 'SỞ GD - ĐT.' share one key; diacritics are kept.
    """
    s = fold_tones(nfc(unify_punctuation(nfc(s)).casefold()))
    if "-" in s:
        s = _SPACED_DASH.sub("-", s)
    # every run of white space one space (`split` splits on what `\s` matches); the spaces
    # at the edges would be stripped as edge punctuation
    return " ".join(s.split()).strip(_EDGE_PUNCT)


def loose_key(s: str) -> str:
    """match_key without diacritics, for what users type without accents ('so y te').

    Removing a diacritic can expose edge punctuation ('0:' + a stray combining mark), so the
    two steps repeat until the key is stable: loose_key(loose_key(s)) == loose_key(s)."""
    key = strip_diacritics(match_key(s))
    for _ in range(4):
        again = strip_diacritics(match_key(key))
        if again == key:
            break
        key = again
    return key


@per_document  # the same words are folded again within one document
def fold(s: str) -> str:
    """Lower case without diacritics, one character for one ('Đề án' -> 'de an'), so that
    offsets found in the folded text are offsets in `s`."""
    out = strip_diacritics(s).lower()
    if len(out) == len(s):
        return out
    return "".join(strip_diacritics(c).lower()[:1] or c for c in s)
