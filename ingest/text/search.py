"""Searching with a pattern the regex engine can skip ahead for.

The engine jumps to where a match can start only when a pattern opens with a literal or with
one of a set of characters written in one case; a pattern that opens with a look-behind is
tried at every position of the text. `not_after` searches for the pattern without its leading
look-behind and checks the character before each match apart:

    >>> import re
    >>> [m.group() for m in not_after(re.compile(r"Luật \\w+"), "Luật A, BộLuật B, (Luật C", "")]
    ['Luật A', 'Luật C']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["not_after"]


def not_after(pattern: re.Pattern[str], text: str, chars: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)` as if it opened with the look-behind `(?<![\\w<chars>])`: its
    matches not right after a word character or one of `chars`."""
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        start = m.start()
        if start and ((c := text[start - 1]).isalnum() or c == "_" or c in chars):
            pos = start + 1
            continue
        yield m
        pos = m.end()
