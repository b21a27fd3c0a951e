"""Reference data for the header and legal extractors, read from `ontology/` (cached).

- `act_types()`: types of acts (`legal_act_types.json`): name, type words, symbol abbreviations.
- `issuers()`: issuing bodies and symbol suffixes (`legal_issuers.json`).
- `provinces()`: province names and their unit ('tỉnh' / 'thành phố') from `provinces.json`,
  which another part of the project maintains; any list of objects with a "name" is read, so
  new sections of that file are picked up without change here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from plangraph.ingest.text.memo import per_document
from plangraph.ingest.text.vntext import fold, match_key, strip_diacritics
from plangraph.ontology.loader import (
    CurrentProvince,
    FormerProvince,
    current_provinces,
    former_provinces,
    load,
)


@dataclass(frozen=True)
class ActType:
    name: str  # "Quyết định"
    words: tuple[str, ...]  # every way the type is written before a number, longest first
    symbols: tuple[str, ...]  # "QĐ"
    document_kind: bool


@cache
def act_types() -> tuple[ActType, ...]:
    out = []
    for t in load("legal_act_types.json")["types"]:
        words = tuple(sorted({t["name"], *t.get("words", [])}, key=len, reverse=True))
        out.append(ActType(t["name"], words, tuple(t.get("symbols", [])),
                           bool(t.get("document_kind"))))
    return tuple(out)


@cache
def type_by_symbol() -> dict[str, str]:
    """'QĐ' -> 'Quyết định' (keys upper case)."""
    out: dict[str, str] = {}
    for t in act_types():
        for s in t.symbols:
            out.setdefault(s.upper(), t.name)
    return out


@cache
def type_by_word() -> dict[str, str]:
    """Folded type word -> type name: 'quyet dinh' and 'qd' -> 'Quyết định'."""
    out: dict[str, str] = {}
    for t in act_types():
        for w in t.words:
            out.setdefault(fold(w), t.name)
    return out


@dataclass(frozen=True)
class Issuer:
    name: str  # canonical name; may hold {unit} {province} {party} {written} placeholders
    alias: str  # as matched
    provincial: bool


@dataclass(frozen=True)
class IssuerData:
    aliases: tuple[Issuer, ...]  # longest alias first
    suffixes: dict[str, tuple[str | None, str | None]]  # "CP" -> ("Chính phủ", "national")
    provincial_symbols: tuple[re.Pattern, ...]
    symbol_case: dict[str, str]  # "TTG" -> "TTg"


@cache
def issuers() -> IssuerData:
    d = load("legal_issuers.json")
    found: list[Issuer] = []
    for body in d["national"]:
        found += [Issuer(body["name"], a, False) for a in body["aliases"]]
    for m in d["ministries"]["list"]:
        for a in (m["name"], *m.get("aliases", [])):
            found.append(Issuer(m["name"], a, False))
            found.append(Issuer("Bộ trưởng " + m["name"], "Bộ trưởng " + a, False))
    for body in d["provincial"]:
        found += [Issuer(body["name"], a, True) for a in body["aliases"]]
    suffixes = {k.upper(): (v["issuer"], v["scope"]) for k, v in d["symbol_suffixes"].items()}
    for m in d["ministries"]["list"]:
        suffixes.setdefault(m["symbol"].upper(), (m["name"], "national"))
    patterns = tuple(re.compile(p) for p in d["provincial_symbols"]["patterns"])
    case = {s.upper(): s for s in d["symbol_case"]}
    for k in d["symbol_suffixes"]:
        case.setdefault(k.upper(), k)
    return IssuerData(tuple(sorted(found, key=lambda i: len(i.alias), reverse=True)),
                      suffixes, patterns, case)


@dataclass(frozen=True)
class Province:
    name: str  # "Tuyên Quang", "Hà Nội"
    unit: str  # "tỉnh" | "thành phố"


@cache
def provinces() -> dict[str, Province]:
    """Province by loose key of its name ('tuyen quang', 'ha noi', 'ba ria - vung tau')."""
    # a name both bore (Đồng Tháp) takes the current unit's kind
    units: list[FormerProvince | CurrentProvince] = [*former_provinces(), *current_provinces()]
    return {province_key(u.name): Province(u.name, u.kind) for u in units}


@per_document  # names and short chunks, asked thousands of times per document
def province_key(name: str) -> str:
    return strip_diacritics(match_key(name)).replace(" - ", "-").replace("-", " ")
