"""The agency vocabulary of ontology/agency_types.json, compiled into token tries.

Data only: what each written form means. How forms are found in text lives in agencies.py.
Names are compared word by word on `vntext.match_key` (case, tone placement) or, for forms
misspelt in their diacritics, on `vntext.loose_key`; the separators between words (spaces,
dashes, one comma, '/', '&') do not matter, so "Sở GD – ĐT", "Sở GD-ĐT" and "Sở GD - ĐT" are one
form.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from plangraph.ingest.vntext import loose_key, match_key, nfc

DATA = Path(__file__).resolve().parent.parent / "ontology" / "agency_types.json"
PROVINCES = Path(__file__).resolve().parent.parent / "ontology" / "provinces.json"

WORD = re.compile(r"[^\W_]+")
# Between two words of one name: spaces, dashes, '/', '&' and at most one comma.
SOFT_GAP = re.compile(r"[\s\-\u2010-\u2015\u2212/&]*(,[\s\-\u2010-\u2015\u2212/&]*)?")

LEVELS = ("province", "district", "commune", "collective", "national", "other")


@dataclass(frozen=True)
class Sense:
    """What a written form means."""

    type: str | None
    how: str  # exact | alias | fuzzy
    level: str
    family: str | None = None


@dataclass(frozen=True)
class AgencyType:
    name: str
    en: str
    level: str
    gold: bool
    family: str | None
    source: str


@dataclass
class Token:
    start: int
    end: int
    text: str
    key: str
    loose: str

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() or self.text[0].isdigit()


def tokenize(text: str) -> list[Token]:
    return [
        Token(m.start(), m.end(), m.group(), match_key(m.group()), loose_key(m.group()))
        for m in WORD.finditer(text)
    ]


def keys(phrase: str, loose: bool = False) -> tuple[str, ...]:
    return tuple(t.loose if loose else t.key for t in tokenize(nfc(phrase)))


class Trie:
    """Phrases as word-key sequences; values at phrase ends."""

    _END = ""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}

    def add(self, words: tuple[str, ...], value: Any) -> None:
        if not words:
            return
        node = self.root
        for w in words:
            node = node.setdefault(w, {})
        values = node.setdefault(self._END, [])
        if value not in values:
            values.append(value)

    def starts(self, word: str) -> bool:
        return word in self.root

    def longest(
        self, text: str, tokens: list[Token], i: int, loose: bool = False, first_gap_ok: bool = True
    ) -> tuple[int, list[Any]] | None:
        """Longest phrase starting at token i whose words are joined by soft gaps.

        Returns (index after the last token, values) or None.
        """
        node, best = self.root, None
        j = i
        while j < len(tokens):
            if j > i and not soft_gap(text, tokens[j - 1].end, tokens[j].start):
                break
            tok = tokens[j]
            node = node.get(tok.loose if loose else tok.key)
            if node is None:
                break
            j += 1
            if self._END in node:
                best = (j, node[self._END])
        return best


def soft_gap(text: str, a: int, b: int) -> bool:
    return SOFT_GAP.fullmatch(text, a, b) is not None


@dataclass
class Lexicon:
    types: dict[str, AgencyType] = field(default_factory=dict)
    by_family_level: dict[tuple[str, str], str] = field(default_factory=dict)
    names: Trie = field(default_factory=Trie)  # full names, national bodies included
    names_loose: Trie = field(default_factory=Trie)
    name_keys: list[tuple[str, Sense]] = field(default_factory=list)  # for edit distance
    sectors: dict[str, Trie] = field(default_factory=dict)  # head group -> sector names
    sector_heads: Trie = field(default_factory=Trie)  # head word -> head group
    ministry_head: tuple[str, ...] = ()
    scope_units: Trie = field(default_factory=Trie)  # unit -> level
    scope_continuation: Trie = field(default_factory=Trie)
    scope_lead_in: set[str] = field(default_factory=set)
    places: Trie = field(default_factory=Trie)  # province names
    collective_type: str = ""
    collective_nouns: Trie = field(default_factory=Trie)
    collective_alone_ok: set[tuple[str, ...]] = field(default_factory=set)
    collective_modifiers: Trie = field(default_factory=Trie)
    national_collective: Trie = field(default_factory=Trie)
    appositions: Trie = field(default_factory=Trie)
    unknown_heads: Trie = field(default_factory=Trie)
    newspaper_head: tuple[str, ...] = ()
    newspaper_type: str | None = None

    def add_name(self, phrase: str, sense: Sense) -> None:
        self.names.add(keys(phrase), sense)
        self.names_loose.add(keys(phrase, loose=True), sense)
        self.name_keys.append((" ".join(keys(phrase)), sense))


def _how(phrase: str, type_name: str) -> str:
    return "exact" if keys(phrase) == keys(type_name) else "alias"


def _province_names() -> list[str]:
    data = json.loads(PROVINCES.read_text(encoding="utf-8"))
    names: set[str] = set()
    for p in data.get("former", []):
        names.add(p["name"])
        if p.get("successor"):
            names.add(p["successor"])
    return sorted(names)


def build(data: dict[str, Any]) -> Lexicon:
    lex = Lexicon()
    heads = data["sector_heads"]
    for group in ("departments", "any"):
        lex.sectors[group] = Trie()
        for head in heads[group]:
            lex.sector_heads.add(keys(head), group)
    dept_heads = heads["departments"]

    for t in data["types"]:
        name, level, family = t["name"], t["level"], t.get("family")
        lex.types[name] = AgencyType(
            name, t["en"], level, bool(t.get("gold")), family, t.get("_source", "")
        )
        if family:
            lex.by_family_level.setdefault((family, level), name)
        lex.add_name(name, Sense(name, "exact", level, family))
        for alias in t.get("aliases", []):
            lex.add_name(alias, Sense(name, _how(alias, name), level, family))
        for typo in t.get("typos", []):
            lex.add_name(typo, Sense(name, "fuzzy", level, family))
        is_department = any(keys(name)[: len(keys(h))] == keys(h) for h in dept_heads)
        for sector in t.get("sectors", []):
            sense = Sense(name, "alias", level, family)
            lex.sectors["any"].add(keys(sector), sense)
            if is_department:
                lex.sectors["departments"].add(keys(sector), sense)
                for head in dept_heads:
                    phrase = f"{head} {sector}"
                    lex.add_name(phrase, Sense(name, _how(phrase, name), level, family))
        if t.get("named_by"):
            lex.newspaper_head = keys(t["named_by"])
            lex.newspaper_type = name

    coll = data["collective"]
    lex.collective_type = coll["name"]
    lex.types[coll["name"]] = AgencyType(
        coll["name"], coll["en"], "collective", True, None, coll.get("_source", "")
    )
    for noun in coll["nouns"]:
        lex.collective_nouns.add(keys(noun), noun)
    lex.collective_alone_ok = {keys(n) for n in coll["alone_ok"]}
    for mod in coll["modifiers"] + coll["member_of"]:
        lex.collective_modifiers.add(keys(mod), mod)

    nat = data["national"]
    national = Sense(None, "alias", "national")
    for alias in nat["aliases"]:
        lex.add_name(alias, national)
    lex.ministry_head = keys(nat["ministry_head"])
    for t in data["types"]:
        for sector in t.get("sectors", []):
            lex.add_name(f"{nat['ministry_head']} {sector}", national)
    for phrase in nat["collective"]:
        lex.national_collective.add(keys(phrase), Sense(None, "collective", "national"))

    scope = data["scope"]
    for level in ("province", "district", "commune", "all"):
        for unit in scope[level]:
            lex.scope_units.add(keys(unit), level)
    for unit in scope["continuation"]:
        lex.scope_continuation.add(keys(unit), "district")
    lex.scope_lead_in = {keys(w)[0] for w in scope["lead_in"]}
    for place in _province_names():
        lex.places.add(keys(place), place)

    for title in data["appositions"]["titles"]:
        lex.appositions.add(keys(title), title)
    for head in data["unknown_heads"]["heads"]:
        lex.unknown_heads.add(keys(head), head)
    return lex


@cache
def load_lexicon(path: Path = DATA) -> Lexicon:
    return build(json.loads(path.read_text(encoding="utf-8")))
