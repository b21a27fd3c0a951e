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
from dataclasses import dataclass
from functools import cache

from plangraph.ingest.text.vntext import loose_key, match_key, strip_diacritics
from plangraph.ontology.loader import theme_ignore, themes

_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class ThemeMatch:
    theme: str  # theme id
    keyword: str  # the keyword that assigned it (shown by `extract` as the reason)


def theme_key(text: str, *, diacritics: bool = True) -> str:
    key = match_key(text) if diacritics else loose_key(text)
    return _NON_WORD.sub(" ", key).strip()


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


@cache
def _first_words(diacritics: bool) -> re.Pattern[str]:
    """The words a keyword starts with, as whole words of a key (words one space apart)."""
    words = sorted(_matcher(diacritics)[0], key=len, reverse=True)
    return re.compile(r"(?<![^ ])(?:" + "|".join(map(re.escape, words)) + r")(?![^ ])")


def assign_themes(text: str) -> list[ThemeMatch]:
    """The task's themes in scheme order, each with the first keyword that assigned it."""
    diacritics = strip_diacritics(text) != text
    by_first, found = _matcher(diacritics)
    key = theme_key(text, diacritics=diacritics)
    # the longest keyword starting at each word, then the longest of overlapping ones
    spans = [span for m in _first_words(diacritics).finditer(key)
             if (span := _longest(key, m.start(), by_first[m.group()]))]
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
