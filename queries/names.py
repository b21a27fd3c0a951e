"""Match what an analyst types against known names, without diacritics or case.

"so y te" finds "Sở Y tế", "Sở LĐTBXH" finds "Sở Lao động - Thương binh và Xã hội" (a typed word
may stand for the initials of consecutive words, "và" skipped), "ha noi" finds "Hà Nội".
An unknown or ambiguous name raises `NameMatchError`, whose message lists the candidates.

    >>> pick("so y te", ["Sở Y tế", "Sở Tư pháp"], what="loại cơ quan / agency type")
    'Sở Y tế'
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from plangraph.ingest.text.vntext import loose_key

_WORD = re.compile(r"[a-z0-9]+")
_SKIPPED_IN_INITIALS = {"va"}  # "Giáo dục và Đào tạo" -> GDĐT
_SHOWN = 12  # candidates listed in an error message


class NameMatchError(ValueError):
    """No candidate or several candidates fit a typed name; the message lists them."""

    def __init__(self, message: str, candidates: list[str], *, ambiguous: bool = False):
        super().__init__(message)
        self.candidates = candidates
        self.ambiguous = ambiguous  # several candidates fit (else none did)


def words(s: str) -> list[str]:
    return _WORD.findall(loose_key(s))


def begins_words(text: str, typed: str) -> bool:
    """Every typed word begins a word of `text`, diacritics and case ignored: what a picker
    matches while the name is still being typed ("tuyen q" finds "Tuyên Quang").

    >>> begins_words("Tuyên Quang", "tuyen q"), begins_words("Tuyên Quang", "quang tri")
    (True, False)
    """
    have = words(text)
    return all(any(w.startswith(q) for w in have) for q in words(typed))


def _initials_end(initials: str, cand: list[str], start: int) -> int | None:
    """Index after the consecutive words of `cand` from `start` whose first letters spell
    `initials` ("và" may be skipped), or None."""
    i, j = 0, start
    while i < len(initials) and j < len(cand):
        if cand[j][0] == initials[i]:
            i, j = i + 1, j + 1
        elif cand[j] in _SKIPPED_IN_INITIALS and j > start:
            j += 1
        else:
            return None
    return j if i == len(initials) else None


def _match(query: list[str], cand: list[str]) -> tuple[bool, bool] | None:
    """(anchored, complete) if the query words fit `cand` in order, else None.

    Anchored: the first query word fits the candidate's first word; complete: the query
    accounts for every candidate word. Greedy, which suits names of a few words."""
    j = 0
    anchored = None
    for q in query:
        while j < len(cand):
            end = j + 1 if cand[j] == q else (_initials_end(q, cand, j) if len(q) > 1 else None)
            if end is not None:
                if anchored is None:
                    anchored = j == 0
                j = end
                break
            j += 1
        else:
            return None
    return bool(anchored), j == len(cand) and bool(anchored)


def matches(typed: str, candidates: Iterable[str], ignore: Iterable[str] = ()) -> list[str]:
    """Candidates that fit `typed`, best tier only: an exact key, else the candidates that fit
    from their first word to their last, else from their first word, else anywhere.

    `ignore`: leading words the user may add that candidates do not carry ("tỉnh", "TP")."""
    cands = list(dict.fromkeys(candidates))
    query = words(typed)
    dropped = [words(w) for w in ignore]
    changed = True
    while changed and query:
        changed = False
        for w in dropped:
            if w and query[: len(w)] == w and len(query) > len(w):
                query = query[len(w):]
                changed = True
    if not query:
        return []
    exact = [c for c in cands if words(c) == query]
    if exact:
        return exact
    tiers: tuple[list[str], list[str], list[str]] = ([], [], [])
    for c in cands:
        m = _match(query, words(c))
        if m is not None:
            tiers[0 if m == (True, True) else 1 if m[0] else 2].append(c)
    return next((t for t in tiers if t), [])


def pick(typed: str, candidates: Iterable[str], *, what: str,
         ignore: Iterable[str] = ()) -> str:
    """The one candidate that `typed` names; `NameMatchError` if none or several."""
    cands = sorted(dict.fromkeys(candidates), key=loose_key)
    found = matches(typed, cands, ignore)
    if len(found) == 1:
        return found[0]
    if found:
        raise NameMatchError(
            f'"{typed}" khớp nhiều {what}, hãy ghi rõ hơn / matches several, be more '
            f"specific: {'; '.join(found[:_SHOWN])}", found, ambiguous=True)
    raise unknown(typed, cands, what=what)


def unknown(typed: str, candidates: list[str], *, what: str) -> NameMatchError:
    """The error for a name that fits nothing: close candidates first, else all of them."""
    by_key = {loose_key(c): c for c in candidates}
    close = [by_key[k] for k in difflib.get_close_matches(loose_key(typed), by_key, n=5,
                                                          cutoff=0.6)]
    if close:
        hint = f"gần giống / did you mean: {'; '.join(close)}"
    elif candidates:
        more = f"; … (+{len(candidates) - _SHOWN})" if len(candidates) > _SHOWN else ""
        hint = f"có / known: {'; '.join(candidates[:_SHOWN])}{more}"
    else:
        hint = "kho đồ thị chưa có dữ liệu / the graph store holds none"
    return NameMatchError(f'Không tìm thấy {what} "{typed}" / not found — {hint}',
                          close or candidates)


def search(typed: str, candidates: Iterable[str]) -> list[str]:
    """Every candidate containing the typed words in order (a search, not a pick): for long
    names such as programmes, "chong ma tuy 2021" finds each plan's way of writing it."""
    query = words(typed)
    return [c for c in dict.fromkeys(candidates) if query and _match(query, words(c))]
