"""The agency vocabulary of ontology/agency_types.json, compiled into word tries.

Data only: what each written form means. How forms are found in text lives in agencies.py.
Words are compared on `vntext.match_key` (case, tone placement) or, for forms misspelt in their
diacritics, on `vntext.loose_key`. The separators between the words of one name (spaces, dashes,
'/', '&', one comma) do not matter, so "Sở GD – ĐT", "Sở GD-ĐT" and "Sở GD - ĐT" are one form.
Each form remembers its shape: an acronym ("UBND", "CA") must be written in capitals and a name
written with a capital ("Sở Y tế") must start with one in running text, so that "ca làm việc" is
not the police and "cơ sở y tế" is not the Department of Health.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from plangraph.ingest.text.memo import per_document
from plangraph.ingest.text.vntext import fold_tones, loose_key, nfc, strip_diacritics
from plangraph.ontology.loader import (
    CurrentProvince,
    FormerProvince,
    current_provinces,
    former_provinces,
    load,
)

# A word; combining marks count as letters so that text not in NFC keeps its offsets.
WORD = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*")
# The same for text without "_" (the only word character that is no letter or digit): one
# character class repeated, which the regex engine scans without trying two branches a character.
_WORD_NO_UNDERSCORE = re.compile(r"[^\W_][\w\u0300-\u036f]*")
# Between two words of one name: spaces, dashes, '/', '&' and at most one comma; no tab (table
# cells) and no line break.
_SEP_CHARS = " \u00a0-\u2010\u2011\u2012\u2013\u2014\u2015\u2212/&"


@dataclass(frozen=True)
class Sense:
    """What a written form means."""

    type: str | None  # agency type; None for national bodies
    how: str  # exact | alias | fuzzy | collective | unknown
    level: str  # province | district | commune | collective | national | other
    family: str | None = None  # bodies that differ only by level ("Công an", "Ủy ban nhân dân")


@dataclass(frozen=True)
class Form:
    """One written form: its meaning and the shape its words must have in running text."""

    sense: Sense
    shape: tuple[str, ...]  # per word: "A" capitals (acronym), "C" capital first, "" any


@dataclass(frozen=True)
class AgencyType:
    name: str
    en: str
    level: str
    gold: bool  # a type of the gold README table
    family: str | None
    source: str


# Not frozen (never changed all the same): texts are tokenised afresh ~70 words at a time, and
# a frozen dataclass is several times slower to build.
@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    loose: str

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() or self.text[0].isdigit()

    @property
    def all_caps(self) -> bool:
        return self.text.isupper()


def tokenize(text: str) -> list[Token]:
    """Words with their offsets in `text` (which need not be NFC); `Token.text` is NFC."""
    out = []
    end = 0
    # the words without a match object each: a word starts with a letter or digit and the text
    # between two words holds none, so the next word is found first from the previous one's end
    for word in (WORD if "_" in text else _WORD_NO_UNDERSCORE).findall(text):
        # filled in place: ~1.5x faster than the dataclass __init__, ~70 tokens per sentence
        tok = _new_token(Token)
        tok.start = start = text.find(word, end)
        tok.end = end = start + len(word)
        tok.text, tok.key, tok.loose = _word_keys(word)
        out.append(tok)
    return out


_new_token = object.__new__


@per_document
def _word_keys(word: str) -> tuple[str, str, str]:
    """(NFC, match key, loose key) of one word: a plan repeats its words many times.

    The keys are `match_key(word)` and `loose_key(word)`, computed without the steps that
    change nothing in a word (punctuation, dashes, spaces, edge punctuation): a word is letters,
    digits and combining marks."""
    text = nfc(word)
    key = nfc(text.casefold())
    if key.isascii():
        return text, key, key
    key = fold_tones(key)
    loose = strip_diacritics(key)
    return text, key, loose if loose.isascii() else loose_key(word)


@per_document  # names of the reference data and mentions, asked again per mention
def keys(phrase: str, loose: bool = False) -> tuple[str, ...]:
    return tuple(t.loose if loose else t.key for t in tokenize(nfc(phrase)))


def shape(phrase: str) -> tuple[str, ...]:
    out = []
    for n, t in enumerate(tokenize(nfc(phrase))):
        letters = [c for c in t.text if c.isalpha()]
        if len(letters) > 1 and all(c.isupper() for c in letters):
            out.append("A")
        elif n == 0 and t.text[0].isupper():
            out.append("C")
        else:
            out.append("")
    return tuple(out)


def soft_gap(text: str, a: int, b: int) -> bool:
    """text[a:b] is only separators with at most one comma (no regex call: string methods)."""
    if b - a == 1 and text[a] == " ":  # the usual gap
        return True
    gap = text[a:b]
    return not gap.strip(_SEP_CHARS + ",") and gap.count(",") <= 1


def spaces_only(text: str, a: int, b: int) -> bool:
    """text[a:b] is one or more spaces (no-break spaces too)."""
    if b - a == 1:  # the usual gap
        return text[a] in " \u00a0"
    return b > a and not text[a:b].strip(" \u00a0")


Accept = Callable[[Any, int, int], bool]


class Trie:
    """Phrases as word-key sequences, values at phrase ends; walked on match keys or, for
    text whose diacritics are missing or wrong, on loose keys."""

    _END = ""

    def __init__(self) -> None:
        self.root: dict[str, Any] = {}
        self.loose_root: dict[str, Any] = {}

    def add(self, phrase: str, value: Any) -> None:
        for root, words in ((self.root, keys(phrase)), (self.loose_root, keys(phrase, True))):
            if not words:
                return
            node = root
            for w in words:
                node = node.setdefault(w, {})
            values = node.setdefault(self._END, [])
            if value not in values:
                values.append(value)

    def starts(self, word: str) -> bool:
        return word in self.root

    def longest(
        self,
        text: str,
        tokens: list[Token],
        i: int,
        *,
        loose: bool = False,
        accept: Accept | None = None,
        joined: Callable[[str, int, int], bool] = soft_gap,
    ) -> tuple[int, Any] | None:
        """Longest phrase from token i (words joined as `joined` allows) with an accepted value.

        Returns (index after its last token, value) or None.
        """
        n = len(tokens)
        node = self.loose_root if loose else self.root
        if i >= n or (tokens[i].loose if loose else tokens[i].key) not in node:
            return None  # most words start no phrase: no walk
        best = None
        j = i
        while j < n:
            if j > i and not joined(text, tokens[j - 1].end, tokens[j].start):
                break
            tok = tokens[j]
            child = node.get(tok.loose if loose else tok.key)
            if child is None:
                break
            node = child
            j += 1
            for value in node.get(self._END, ()):
                if accept is None or accept(value, i, j):
                    best = (j, value)
                    break
        return best


@dataclass
class Lexicon:
    types: dict[str, AgencyType] = field(default_factory=dict)
    by_family_level: dict[tuple[str, str], str] = field(default_factory=dict)
    names: Trie = field(default_factory=Trie)  # Form values; national bodies included
    name_keys: list[tuple[str, Sense]] = field(default_factory=list)  # for edit distance
    sectors: dict[str, Trie] = field(default_factory=dict)  # head group -> Form values
    sector_heads: Trie = field(default_factory=Trie)  # (group, shape) values
    ministry_head: tuple[str, ...] = ()
    scope_units: Trie = field(default_factory=Trie)  # level values
    scope_continuation: Trie = field(default_factory=Trie)
    scope_lead_in: frozenset[str] = frozenset()
    places: Trie = field(default_factory=Trie)  # province names
    cities: Trie = field(default_factory=Trie)  # centrally-run cities (thành phố trực thuộc TW)
    city_units: Trie = field(default_factory=Trie)  # "thành phố", "TP"
    collective_type: str = ""
    collective_nouns: Trie = field(default_factory=Trie)
    collective_alone_ok: frozenset[tuple[str, ...]] = frozenset()
    collective_modifiers: Trie = field(default_factory=Trie)
    collective_bare_modifiers: Trie = field(default_factory=Trie)
    collective_members: Trie = field(default_factory=Trie)  # bodies after "thành viên"
    national_collective: Trie = field(default_factory=Trie)
    appositions: Trie = field(default_factory=Trie)
    topic_words: frozenset[str] = frozenset()
    unknown_heads: Trie = field(default_factory=Trie)
    newspaper_head: tuple[str, ...] = ()
    newspaper_type: str | None = None

    @cached_property
    def first_words(self) -> frozenset[str]:
        """Match keys a mention in running text can start with: the first words of names,
        sector heads, collective nouns, national collectives, unknown-body heads, 'các' and
        the newspaper head."""
        tries = (self.names, self.sector_heads, self.collective_nouns, self.national_collective,
                 self.unknown_heads)
        extra = {*keys("các"), *self.newspaper_head[:1]}
        return frozenset(k for trie in tries for k in trie.root) | extra

    @cached_property
    def first_words_loose(self) -> frozenset[str]:
        """Loose keys a name misspelt in its diacritics can start with."""
        return frozenset(self.names.loose_root)

    def add_name(self, phrase: str, sense: Sense) -> None:
        self.names.add(phrase, Form(sense, shape(phrase)))
        self.name_keys.append((" ".join(keys(phrase)), sense))


def _how(phrase: str, type_name: str) -> str:
    return "exact" if keys(phrase) == keys(type_name) else "alias"


def _units() -> list[FormerProvince | CurrentProvince]:
    return [*former_provinces(), *current_provinces()]


def _province_names() -> list[str]:
    return sorted({p.name for p in _units()})


def _city_names() -> list[str]:
    """Provinces that are cities ("thành phố trực thuộc Trung ương"), former and current."""
    return sorted({p.name for p in _units() if p.kind == "thành phố"})


def _add_types(lex: Lexicon, data: dict[str, Any]) -> None:
    heads = data["sector_heads"]
    for group in ("departments", "any"):
        lex.sectors[group] = Trie()
        for head in heads[group]:
            lex.sector_heads.add(head, (group, shape(head)))
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
            form = Form(Sense(name, "alias", level, family), shape(sector))
            lex.sectors["any"].add(sector, form)
            if is_department:
                lex.sectors["departments"].add(sector, form)
                for head in dept_heads:
                    phrase = f"{head} {sector}"
                    lex.add_name(phrase, Sense(name, _how(phrase, name), level, family))
        if t.get("named_by"):
            lex.newspaper_head = keys(t["named_by"])
            lex.newspaper_type = name


def _add_collective(lex: Lexicon, coll: dict[str, Any]) -> None:
    lex.collective_type = coll["name"]
    lex.types[coll["name"]] = AgencyType(
        coll["name"], coll["en"], "collective", True, None, coll.get("_source", "")
    )
    for noun in coll["nouns"]:
        lex.collective_nouns.add(noun, noun)
    lex.collective_alone_ok = frozenset(keys(n) for n in coll["alone_ok"])
    for mod in coll["modifiers"]:
        lex.collective_modifiers.add(mod, mod)
    for mod in coll.get("bare_modifiers", []):
        lex.collective_bare_modifiers.add(mod, mod)
    for body in coll["members_of"]:
        lex.collective_members.add(body, body)


def _add_national(lex: Lexicon, data: dict[str, Any]) -> None:
    nat = data["national"]
    national = Sense(None, "alias", "national")
    for alias in nat["aliases"]:
        lex.add_name(alias, national)
    lex.ministry_head = keys(nat["ministry_head"])
    for t in data["types"]:
        for sector in t.get("sectors", []):
            lex.add_name(f"{nat['ministry_head']} {sector}", national)
    for phrase in nat["collective"]:
        form = Form(Sense(None, "collective", "national"), shape(phrase))
        lex.national_collective.add(phrase, form)


def _add_scope(lex: Lexicon, scope: dict[str, Any]) -> None:
    for level in ("province", "district", "commune", "all"):
        for unit in scope[level]:
            lex.scope_units.add(unit, level)
    for unit in scope["continuation"]:
        lex.scope_continuation.add(unit, "district")
    lex.scope_lead_in = frozenset(keys(w)[0] for w in scope["lead_in"])
    for place in _province_names():
        lex.places.add(place, place)
    for city in _city_names():
        lex.cities.add(city, city)
    for unit in scope["city_units"]:
        lex.city_units.add(unit, unit)


def build(data: dict[str, Any]) -> Lexicon:
    lex = Lexicon()
    _add_types(lex, data)
    _add_collective(lex, data["collective"])
    _add_national(lex, data)
    _add_scope(lex, data["scope"])
    for title in data["appositions"]["titles"]:
        lex.appositions.add(title, title)
    lex.topic_words = frozenset(k for w in data["appositions"]["topic_words"] for k in keys(w))
    for head in data["unknown_heads"]["heads"]:
        lex.unknown_heads.add(head, head)
    return lex


@cache
def load_lexicon() -> Lexicon:
    return build(load("agency_types.json"))
