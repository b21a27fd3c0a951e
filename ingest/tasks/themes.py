"""Themes of a task from the keywords of ontology/themes.json.

A task has a theme when its text contains one of the theme's keywords as whole words. Text and
keywords are compared through one key: `match_key` (case, tone-mark placement, dashes) with every
run of punctuation and spaces made one space, so "phòng, chống" matches "phòng chống". A text
written without any diacritics is compared without them (`loose_key`).

Keywords overlap ("sau cai" and "cai nghiện", "Sở Giáo dục và Đào tạo" and "giáo dục"): of
overlapping matches the longest wins (then the leftmost), so a phrase counts for one theme only.
Phrases of the scheme's `ignore` list take part in this and assign nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from plangraph.ingest.text.vntext import loose_key, match_key, strip_diacritics
from plangraph.ontology.loader import theme_ignore, themes

_WORD = re.compile(r"[^\W_]+")
# A Latin letter with a diacritic, or a Latin combining mark: `strip_diacritics` changes any
# text holding one, which is found without stripping the whole text.
_MARKED = re.compile("[đĐ\u0300-\u034e\u0350-\u036f" + "".join(
    c for c in (*map(chr, range(0xC0, 0x250)), *map(chr, range(0x1E00, 0x1F00)))
    if unicodedata.normalize("NFD", c) != c) + "]")


@dataclass(frozen=True)
class ThemeMatch:
    theme: str  # theme id
    keyword: str  # the keyword that assigned it (shown by `extract` as the reason)


# ASCII punctuation ("_" among it): a set of characters the regex engine skips ahead to
_ASCII_PUNCT = re.compile(r"[!-/:-@\[-`{-~]")


def theme_key(text: str, *, diacritics: bool = True) -> str:
    key = match_key(text) if diacritics else loose_key(text)
    # every run of punctuation and spaces one space: the usual text has only ASCII punctuation
    # between its words, found without testing every character for a letter
    words = _ASCII_PUNCT.sub(" ", key).split()
    if "".join(words).isalnum():
        return " ".join(words)
    return " ".join(_WORD.findall(key))


@cache
def _matcher(diacritics: bool) -> tuple[dict[str, list[str]], dict[str, ThemeMatch | None]]:
    """Keyword keys by their first word, longest first; what each key assigns."""
    found: dict[str, ThemeMatch | None] = {}
    for theme in themes():
        for keyword in theme.keywords:
            found.setdefault(theme_key(keyword, diacritics=diacritics),
                             ThemeMatch(theme.id, keyword))
    for phrase in theme_ignore():
        found[theme_key(phrase, diacritics=diacritics)] = None
    by_first: dict[str, list[str]] = {}
    for k in sorted(found, key=len, reverse=True):
        if k:
            by_first.setdefault(k.split(" ")[0], []).append(k)
    return by_first, found



def assign_themes(text: str) -> list[ThemeMatch]:
    """The task's themes in scheme order, each with the first keyword that assigned it."""
    diacritics = _MARKED.search(text) is not None or strip_diacritics(text) != text
    by_first, found = _matcher(diacritics)
    key = theme_key(text, diacritics=diacritics)
    # the longest keyword starting at each word, then the longest of overlapping ones
    spans = []
    pos = 0
    for word in key.split(" ") if key else ():
        if (candidates := by_first.get(word)) and (span := _longest(key, pos, candidates)):
            spans.append(span)
        pos += len(word) + 1
    taken: list[tuple[int, int]] = []
    for start, end in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= a or start >= b for a, b in taken):
            taken.append((start, end))
    first: dict[str, ThemeMatch] = {}
    for start, end in sorted(taken):
        match = found[key[start:end]]
        if match is not None:
            first.setdefault(match.theme, match)
    return [first[t.id] for t in themes() if t.id in first]


def _longest(key: str, start: int, candidates: list[str]) -> tuple[int, int] | None:
    """The first (longest) candidate written at `start` as whole words."""
    for k in candidates:
        end = start + len(k)
        if key.startswith(k, start) and (end == len(key) or key[end] == " "):
            return start, end
    return None
