"""Who issued a cited act, and so its scope: 'national' or the province whose body issued it.

`issuer_at(text, folded, pos)` reads the issuer written at `pos` (the words after "của"; `folded`
is `fold(text)` when the caller has it, else None and only the characters at `pos` are folded);
`issuer_of_symbol(symbol)` reads it from the number-symbol ('NĐ-CP' -> Chính phủ);
`complete(template, province)` fills the province into a provincial issuer's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from plangraph.ingest.legal.data import (
    Issuer,
    Province,
    fold,
    issuers,
    province_key,
    provinces,
    type_by_symbol,
)
from plangraph.ingest.legal.patterns import ISSUER_STOP
from plangraph.ingest.text import grammar

_WORD = re.compile(r"[\wĐđ]+(?:\s*[-–]\s*[\wĐđ]+)?")


@dataclass(frozen=True)
class IssuerMatch:
    written: str  # as in the text: "UBND tỉnh", "Ban Thường vụ Thành ủy"
    template: str  # canonical, maybe with placeholders: "Ủy ban nhân dân {unit} {province}"
    provincial: bool
    province: Province | None  # named in the text right after the body ("… tỉnh Trà Vinh")
    end: int


def province_at(text: str, pos: int) -> tuple[Province | None, int]:
    """The province whose name starts at `pos` (up to five words), and where it ends."""
    best: tuple[Province | None, int] = (None, pos)
    words = list(_WORD.finditer(text, pos, min(len(text), pos + 60)))
    if not words or words[0].start() - pos > 1:
        return best
    table = provinces()
    for n in range(1, min(5, len(words)) + 1):
        chunk = text[words[0].start():words[n - 1].end()]
        if not chunk[:1].isupper():
            break
        found = table.get(province_key(chunk))
        if found:
            best = (found, words[n - 1].end())
    return best


_UNIT_WORD = re.compile(r"\s*" + grammar.alt("unit.province") + r"\s+", re.IGNORECASE)


def issuer_at(text: str, folded: str | None, pos: int) -> IssuerMatch | None:
    longest = _longest_alias()
    # `fold` maps one character to one: the characters at `pos` fold as in the whole text
    head = fold(text[pos:pos + longest]) if folded is None else folded[pos:pos + longest]
    for cand, alias in _aliases_by_first().get(head[:1], ()):
        end = pos + len(alias)
        if not head.startswith(alias) or (end < len(text) and text[end].isalnum()):
            continue
        if cand.alias[:1].isupper() and not text[pos].isupper():
            continue
        return _finish(text, pos, end, cand)
    return None


@cache
def _aliases_by_first() -> dict[str, tuple[tuple[Issuer, str], ...]]:
    """The issuers' aliases (longest first) with their folded form, by first folded letter:
    only those can start where the text has that letter."""
    by_first: dict[str, list[tuple[Issuer, str]]] = {}
    for cand in issuers().aliases:
        alias = fold(cand.alias)
        by_first.setdefault(alias[:1], []).append((cand, alias))
    return {first: tuple(found) for first, found in by_first.items()}


@cache
def _longest_alias() -> int:
    return max(len(alias) for found in _aliases_by_first().values() for _, alias in found)


def _finish(text: str, pos: int, end: int, cand: Issuer) -> IssuerMatch:
    province = None
    if cand.provincial:
        unit = _UNIT_WORD.match(text, end)
        after = unit.end() if unit else end + 1 if text[end:end + 1] == " " else end
        province, p_end = province_at(text, after)
        if province:
            end = p_end
    if cand.name == "{written}":
        end = _written_end(text, end)
    return IssuerMatch(text[pos:end].strip(), cand.name, cand.provincial, province, end)


# "và" or a comma inside a department's name: "Sở Lao động - Thương binh và Xã hội", "Sở Văn
# hóa, Thể thao và Du lịch"; not before another body ("Sở Y tế và UBND tỉnh").
_NAME_GOES_ON = re.compile(r"(?:\s+và|,)\s+(?!" + grammar.alt("body.heads") + r"\b)[A-ZĐÀ-Ỹ]")


def _written_end(text: str, pos: int) -> int:
    while True:
        stop = ISSUER_STOP.search(text, pos)
        if stop is None:
            return pos
        if not _NAME_GOES_ON.match(text, stop.start()):
            return stop.start()
        pos = stop.end()


_COMMITTEE = re.compile(grammar.alt("body.steering")
                        + r"\b[^;()\t]*?(?=\s(?:về|ngày|tại|quy định|hướng dẫn)\s|[;()\t]|\.\s|$)")


def issuer_written(text: str, pos: int) -> tuple[str, int] | None:
    """An issuer the reference data does not know: capitalised words up to a stop word.

    A steering committee's name runs over commas ("Ban Chỉ đạo phòng, chống tội phạm, tệ nạn
    xã hội … tỉnh").
    """
    committee = _COMMITTEE.match(text, pos)
    if committee:
        return committee.group(0).strip(" ,"), committee.end()
    stop = ISSUER_STOP.search(text, pos)
    end = stop.start() if stop else len(text)
    written = text[pos:end].strip()
    if not written or not written[0].isupper() or len(written.split()) > 12:
        return None
    return written, pos + len(text[pos:end].rstrip())


def symbol_parts(symbol: str) -> list[str]:
    return [p for p in re.split(r"[/\-–]", symbol) if p]


def issuer_of_symbol(symbol: str) -> tuple[str | None, str | None]:
    """(issuer template, scope) from the symbol; scope 'province' for a province's bodies.

    The issuer part follows the type abbreviation ('QĐ-TTg', '36-CT/TW', 'NĐ-CP') or, in
    letters without one, comes first ('3426/VPCP-KGVX', '502/BCA-V01').
    """
    parts = symbol_parts(symbol)
    if parts and parts[0].upper() in type_by_symbol():
        parts = parts[1:]
    data = issuers()
    for part in parts[:2]:
        hit = data.suffixes.get(part.upper())
        if hit:
            return hit
        if any(p.fullmatch(part.upper()) for p in data.provincial_symbols):
            return None, "province"
    return None, None


def complete(template: str | None, province: Province | None, written: str = "") -> str | None:
    """'Ủy ban nhân dân {unit} {province}' -> 'Ủy ban nhân dân tỉnh Trà Vinh'."""
    if template is None:
        return None
    if template == "{written}":
        return written or None
    if "{" not in template:
        return template
    if province is None:
        return written or None
    party = "Thành ủy" if province.unit == "thành phố" else "Tỉnh ủy"
    return template.format(unit=province.unit, province=province.name, party=party)
