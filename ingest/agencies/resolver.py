"""Agency names as written in plans -> the agency types shared by all provinces.

    >>> r = get_resolver()
    >>> r.resolve("Sở GD – ĐT").type
    'Sở Giáo dục và Đào tạo'
    >>> [m.type for m in r.split_list("Công an tỉnh, Sở LĐTBXH, UBND huyện, thành phố")]
    ['Công an cấp tỉnh', 'Sở Lao động - Thương binh và Xã hội', 'Ủy ban nhân dân cấp huyện']

A mention is read as: a name (an alias, a sector after a head such as "ngành Y tế", a collective
phrase such as "các sở, ban, ngành liên quan", a national body), then the administrative units
written after it ("UBND" + "các huyện, thị xã, thành phố" is the district committee) or a place
name, then an apposition ("Công an tỉnh - Cơ quan Thường trực …"). A head followed by a list of
sectors ("các Sở: Tài chính, Y tế") gives one mention per sector. A name that looks like a body
(head word + capitalised name) but fits no type is kept with how="unknown".
The vocabulary is ontology/agency_types.json (compiled by agencies/lexicon.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from plangraph.ingest.agencies.lexicon import (
    AgencyType,
    Form,
    Lexicon,
    Sense,
    Trie,
    keys,
    load_lexicon,
    soft_gap,
    spaces_only,
    tokenize,
)
from plangraph.ingest.text import grammar
from plangraph.ingest.text.memo import document_number
from plangraph.ingest.text.vntext import match_key, strip_diacritics

__all__ = ["AgencyMatch", "AgencyResolver", "AgencyType", "get_resolver"]


@dataclass(frozen=True)
class AgencyMatch:
    written: str  # the text as written ("Sở GD – ĐT")
    type: str | None  # agency type name from the gold table; None = unknown or national body
    how: str  # exact | alias | fuzzy | collective | unknown
    level: str  # province | district | commune | collective | national | other
    start: int = 0  # character offsets in the text given to scan/split_list
    end: int = 0

    @property
    def national(self) -> bool:
        return self.level == "national"


@dataclass(frozen=True)
class _Span:
    """A mention being read: tokens [i, j) and their meaning."""

    i: int
    j: int
    sense: Sense
    sector_group: str | None = None  # a sector list may continue ("Sở Y tế, Tư pháp")


class _Reader:
    """Reads the mentions of one text. `strict` (running text) checks how names are written:
    capitals of acronyms and names, no word glued to a document number ("QĐ-UBND")."""

    def __init__(self, lex: Lexicon, text: str, strict: bool) -> None:
        self.lex, self.text, self.strict = lex, text, strict
        self.tokens = tokenize(text)

    def mentions(self) -> list[_Span]:
        out: list[_Span] = []
        i, group = 0, None
        tokens = self.tokens
        # in running text most words start nothing: skip them without a call
        first = self.lex.first_words if self.strict else None
        first_loose = self.lex.first_words_loose
        n = len(tokens)
        while i < n:
            span = self.sector_item(i, group) if group and self.listed(i) else None
            if span is not None:
                span = self.apposition(self.scope(span))
            elif first is None or tokens[i].key in first or tokens[i].loose in first_loose:
                span = self.mention_at(i)
            if span is None:
                i, group = i + 1, None
                continue
            out.append(span)
            i, group = span.j, span.sector_group
        return out

    def mention_at(self, i: int) -> _Span | None:
        tok, lex = self.tokens[i], self.lex
        if self.strict:
            key = tok.key
            if key not in lex.first_words:
                # no name, head, collective or national body starts with this word: at most a
                # name misspelt in its diacritics
                span = self.name(i) if tok.loose in lex.first_words_loose else None
                return None if span is None else self.apposition(self.scope(span))
            # in running text words are matched as written: ask only the readers whose
            # vocabulary can start with this word (the others would answer None)
            many = key == "các"
            found = (
                self.name(i),
                self.sector_list(i) if many or key in lex.sector_heads.root else None,
                self.collective(i) if many or key in lex.collective_nouns.root else None,
                self.national_collective(i) if key in lex.national_collective.root else None,
                self.newspaper(i) if lex.newspaper_head[:1] == (key,) else None,
            )
        else:
            found = (self.name(i), self.sector_list(i), self.collective(i),
                     self.national_collective(i), self.newspaper(i))
        spans = [s for s in found if s is not None]
        if spans:
            span = max(spans, key=lambda s: s.j)  # the first of the longest
            return self.apposition(self.scope(span))
        return self.unknown_body(i)

    # --- checks ---------------------------------------------------------------------------

    def fits(self, shape: tuple[str, ...], i: int, j: int) -> bool:
        """The words i..j are written in the shape their form requires, and stand free."""
        if not self.strict:
            return True
        for flag, tok in zip(shape, self.tokens[i:j], strict=False):
            if flag == "A" and not tok.all_caps or flag == "C" and not tok.capitalised:
                return False
        return not self.glued(i, j)

    def fits_form(self, form: Form, i: int, j: int) -> bool:
        return self.fits(form.shape, i, j)

    def glued(self, i: int, j: int) -> bool:
        """Part of a document symbol: '250/QĐ-UBND', 'UBND-NC', '502/BCA-V01'."""
        text, a, b = self.text, self.tokens[i].start, self.tokens[j - 1].end
        before = a >= 2 and text[a - 1] in "-/" and not text[a - 2].isspace()
        after = b + 1 < len(text) and text[b] in "-/" and text[b + 1].isalnum()
        return before or after

    def listed(self, i: int) -> bool:
        return i > 0 and re.fullmatch(
            r"[ \u00a0]*[,:][ \u00a0]*", self.text[self.tokens[i - 1].end : self.tokens[i].start]
        ) is not None

    def find(self, trie: Trie, i: int, **kw) -> tuple[int, Any] | None:
        """Longest phrase of `trie` at token i; without diacritics too when not strict."""
        if i >= len(self.tokens):
            return None
        if self.strict:
            if self.tokens[i].key not in trie.root:  # the usual answer, without a walk
                return None
            return trie.longest(self.text, self.tokens, i, **kw)
        hit = trie.longest(self.text, self.tokens, i, **kw)
        loose = trie.longest(self.text, self.tokens, i, loose=True, **kw)
        if loose and (not hit or loose[0] > hit[0]):
            hit = loose
        return hit

    def is_word(self, i: int, *words: str) -> bool:
        """Token i is one of `words` (given as match keys; without diacritics when lenient)."""
        if i >= len(self.tokens):
            return False
        if self.strict:
            return self.tokens[i].key in words
        return self.tokens[i].loose in {strip_diacritics(w) for w in words}

    def keys_of(self, i: int, j: int) -> tuple[str, ...]:
        return tuple(t.key for t in self.tokens[i:j])

    # --- names ----------------------------------------------------------------------------

    def name(self, i: int) -> _Span | None:
        lex, text, tokens = self.lex, self.text, self.tokens
        tok, names = tokens[i], lex.names
        if tok.key not in names.root and tok.loose not in names.loose_root:
            return None  # no name starts with this word: neither walk below would start
        exact = names.longest(text, tokens, i, accept=self.fits_form)
        loose = lex.names.longest(text, tokens, i, loose=True, accept=self.fits_loose)
        if loose and (not exact or loose[0] > exact[0]):
            return _Span(i, loose[0], replace(loose[1].sense, how="fuzzy"))
        if exact:
            return _Span(i, exact[0], exact[1].sense, self.sector_group_of(i, exact[0]))
        return None

    def fits_loose(self, form: Form, i: int, j: int) -> bool:
        """Diacritics misspelt: in running text only for names of three words or more."""
        return self.fits(form.shape, i, j) and (not self.strict or j - i >= 3)

    def sector_group_of(self, i: int, j: int) -> str | None:
        """'departments' or 'any' when tokens i..j are a sector head and a sector ('Sở Y tế')."""
        k = i + 1 if self.is_word(i, "các") else i
        head = self.find(self.lex.sector_heads, k)
        if head is None:
            return None
        group = head[1][0]
        sector = self.find(self.lex.sectors[group], head[0])
        return group if sector and sector[0] == j else None

    def sector_list(self, i: int) -> _Span | None:
        """'các Sở: Tài chính, …', 'ngành Công an, …', 'các cơ quan Công an, …': first item."""
        text, tokens = self.text, self.tokens
        k = i + 1 if self.is_word(i, "các") else i
        if k >= len(tokens):
            return None
        head = self.find(
            self.lex.sector_heads, k, accept=lambda v, a, b: self.fits(v[1], a, b)
        )
        if head is None or head[0] >= len(tokens):
            return None
        j, group = head[0], head[1][0]
        if text[tokens[j - 1].end : tokens[j].start].strip() not in ("", ":"):
            return None
        item = self.sector_item(j, group)
        return replace(item, i=i) if item else None

    def sector_item(self, i: int, group: str) -> _Span | None:
        tokens = self.tokens
        if group == "any" and not tokens[i].capitalised:
            return None  # "các cơ quan thông tin và truyền thông" are the media
        hit = self.find(self.lex.sectors[group], i, accept=self.fits_form)
        if hit is None:
            return None
        whole = self.name(i)
        if whole and whole.j > hit[0]:
            return None  # a body in its own right ("Tòa án nhân dân tỉnh")
        return _Span(i, hit[0], replace(hit[1].sense, how="alias"), group)

    def collective(self, i: int) -> _Span | None:
        """'các sở, ban, ngành liên quan', 'các cơ quan, đơn vị, địa phương', …"""
        lex, text, tokens = self.lex, self.text, self.tokens
        if not self.is_word(i, "các"):
            return self.bare_collective(i)
        j, nouns = i + 1, list[tuple[str, ...]]()
        while j < len(tokens):
            if nouns and not self.joined(j):
                break
            k = j + 1 if nouns and self.is_word(j, "và", "các") else j
            k = k + 1 if self.is_word(k, "các") and k > j else k
            hit = self.find(lex.collective_nouns, k)
            if hit is None:
                break
            nouns.append(self.keys_of(k, hit[0]))
            j = hit[0]
        if not nouns:
            return None
        modifiers = 0
        while j < len(tokens) and spaces_only(text, tokens[j - 1].end, tokens[j].start):
            hit = self.find(lex.collective_modifiers, j, joined=spaces_only)
            if hit is None and self.keys_of(j - 2, j) == _MEMBERS:
                hit = self.find(lex.collective_members, j)
            if hit is None:
                break
            modifiers, j = modifiers + 1, hit[0]
        if len(nouns) == 1 and not modifiers and nouns[0] not in lex.collective_alone_ok:
            return None
        return _Span(i, j, Sense(lex.collective_type, "collective", "collective"))

    def bare_collective(self, i: int) -> _Span | None:
        """A collective without 'các': one noun and a modifier that makes it one
        ('lực lượng chức năng', 'đơn vị có liên quan')."""
        lex = self.lex
        hit = self.find(lex.collective_nouns, i)
        if hit is None or hit[0] >= len(self.tokens):
            return None
        if not spaces_only(self.text, self.tokens[hit[0] - 1].end, self.tokens[hit[0]].start):
            return None
        mod = self.find(lex.collective_bare_modifiers, hit[0], joined=spaces_only)
        if mod is None:
            return None
        return _Span(i, mod[0], Sense(lex.collective_type, "collective", "collective"))

    def joined(self, j: int) -> bool:
        """Nouns of a collective phrase are joined by a comma or 'và'."""
        gap = self.text[self.tokens[j - 1].end : self.tokens[j].start]
        if gap.strip() == ",":
            return True
        return self.is_word(j, "và", "các") and gap.strip() in ("", ",")

    def national_collective(self, i: int) -> _Span | None:
        hit = self.find(self.lex.national_collective, i, accept=self.fits_form)
        return _Span(i, hit[0], hit[1].sense) if hit else None

    def newspaper(self, i: int) -> _Span | None:
        """'Báo Ấp Bắc': the newspaper head and a proper name."""
        head = self.lex.newspaper_head
        n = len(head)
        if not head or self.tokens[i].key != head[0] or self.keys_of(i, i + n) != head \
                or not self.tokens[i].capitalised:
            return None
        j = self.proper_name_end(i + n)
        if j == i + n:
            return None
        return _Span(i, j, Sense(self.lex.newspaper_type, "alias", "province"))

    def unknown_body(self, i: int) -> _Span | None:
        """A head word ('Trung tâm', 'Ban', 'Cục' …) and a capitalised name fitting no type."""
        tok = self.tokens[i]
        if not tok.capitalised or tok.all_caps and len(tok.text) > 1:
            return None
        head = self.find(self.lex.unknown_heads, i)
        if head is None:
            return None
        j = self.proper_name_end(head[0], lower_syllables=1)
        if j == head[0]:
            return None
        national = self.national_end(j)
        if national is not None:
            return _Span(i, national, Sense(None, "unknown", "national"))
        level = "other"
        if self.keys_of(i, head[0]) == self.lex.ministry_head or any(
            (hit := self.lex.names.longest(self.text, self.tokens, k))
            and hit[1].sense.level == "national"
            for k in range(head[0], j)
        ):
            level = "national"
        return _Span(i, j, Sense(None, "unknown", level))

    def national_end(self, j: int) -> int | None:
        """'Vụ KGVX - Văn phòng Chính phủ', 'Cục CS điều tra … - BCA': a unit of a national
        body. Returns the end of the national body's name."""
        text, tokens = self.text, self.tokens
        for k in range(j, min(j + 8, len(tokens))):
            gap = text[tokens[k - 1].end : tokens[k].start]
            if re.fullmatch(r" *[-\u2013\u2014] *", gap):
                hit = self.lex.names.longest(text, tokens, k)
                return hit[0] if hit and hit[1].sense.level == "national" else None
            if not spaces_only(text, tokens[k - 1].end, tokens[k].start):
                return None
        return None

    def proper_name_end(self, j: int, lower_syllables: int = 0, limit: int = 6) -> int:
        """End of the capitalised words from token j (each followed by at most
        `lower_syllables` lower-case syllables of the same word: 'Trung tâm Y tế')."""
        text, tokens, start, lower = self.text, self.tokens, j, 0
        while j < len(tokens) and j - start < limit:
            if not spaces_only(text, tokens[j - 1].end, tokens[j].start):
                break
            if tokens[j].capitalised:
                lower = 0
            elif j > start and lower < lower_syllables:
                lower += 1
            else:
                break
            j += 1
        return j

    # --- what follows a name --------------------------------------------------------------

    def scope(self, span: _Span) -> _Span:
        """Units after a name set its level ('UBND' + 'các huyện'); a place name may follow."""
        if span.sense.level in ("collective", "national"):
            return span
        j, levels = self.units(span.j)
        if self.town(span.j, j):
            levels = ["district"]
        if not levels:
            if span.sense.level == "province":
                return replace(span, j=self.place_end(span.j))
            return span
        level = _level_of(levels)
        sense = span.sense
        if level not in ("all", sense.level) and sense.family:
            other = self.lex.by_family_level.get((sense.family, level))
            how = sense.how if other else "unknown"
            sense = replace(sense, type=other, level=level, how=how)
        return replace(span, j=j, sense=sense)

    def units(self, j: int) -> tuple[int, list[str]]:
        """'các huyện, thị xã, thành phố', 'cấp xã', 'tỉnh Trà Vinh' from token j."""
        lex, text, tokens = self.lex, self.text, self.tokens
        levels: list[str] = []
        while j < len(tokens):
            gap_ok = soft_gap(text, tokens[j - 1].end, tokens[j].start)
            and_ok = levels and self.is_word(j, "và") and spaces_only(
                text, tokens[j - 1].end, tokens[j].start
            )
            if not (gap_ok or and_ok):
                break
            k = j + 1 if and_ok else j
            if not levels and self.is_word(k, *lex.scope_lead_in):
                hit = self.find(lex.scope_units, k + 1) or self.find(lex.scope_units, k)
            else:
                hit = self.find(lex.scope_units, k)
                if hit is None and levels:
                    hit = self.find(lex.scope_continuation, k)
            if hit is None:
                break
            body = lex.names.longest(text, tokens, k)
            if body and body[0] > hit[0]:
                break  # "Tỉnh đoàn" is the next body, not a unit
            levels.append(hit[1])
            j = hit[0]
        if levels:
            j = self.place_end(j, any_name=True)
        return j, levels

    def town(self, i: int, j: int) -> bool:
        """'UBND thành phố Vinh', 'UBND TP Sóc Trăng': a city inside a province, at the level
        of a district; only the centrally-run cities ('UBND thành phố Hà Nội') are provinces."""
        unit = self.find(self.lex.city_units, i)
        if unit is None or unit[0] >= j:
            return False
        city = self.find(self.lex.cities, unit[0])
        return city is None or city[0] != j

    def place_end(self, j: int, any_name: bool = False) -> int:
        """End of a place name at token j: a province's name or, after a unit word, capitalised
        words that do not start another body."""
        lex, text, tokens = self.lex, self.text, self.tokens
        if j >= len(tokens):
            return j
        gap = text[tokens[j - 1].end : tokens[j].start]
        abbreviated = tokens[j - 1].all_caps and re.fullmatch(r"\. ?", gap)  # "TP. Hồ Chí Minh"
        if not (abbreviated or spaces_only(text, tokens[j - 1].end, tokens[j].start)):
            return j
        hit = self.find(lex.places, j)
        if hit:
            return hit[0]
        tok = tokens[j]
        if not any_name or not tok.text[0].isupper() or tok.all_caps:
            return j
        if lex.names.starts(tok.key) or lex.unknown_heads.starts(tok.key):
            return j
        return self.proper_name_end(j, limit=4)

    def apposition(self, span: _Span) -> _Span:
        """'Công an tỉnh - Cơ quan Thường trực …' is Công an tỉnh; the title goes with it."""
        text, tokens, j = self.text, self.tokens, span.j
        if j >= len(tokens) or not re.fullmatch(
            r" *[-\u2013\u2014] *", text[tokens[j - 1].end : tokens[j].start]
        ):
            return span
        title = self.find(self.lex.appositions, j)
        if title is None:
            return span
        j = title[0]
        if j < len(tokens) and spaces_only(text, tokens[j - 1].end, tokens[j].start):
            body = self.name(j)
            if body is not None:
                j = self.scope(body).j
            else:
                while j < len(tokens) and tokens[j].key in self.lex.topic_words and soft_gap(
                    text, tokens[j - 1].end, tokens[j].start
                ):
                    j += 1
        return replace(span, j=j)

    def match(self, span: _Span) -> AgencyMatch:
        start, end = self.tokens[span.i].start, self.tokens[span.j - 1].end
        written, sense = self.text[start:end], span.sense
        how = sense.how
        # the words of `written` are tokens i..j: their keys are those of keys(written)
        if how == "alias" and sense.type and self.keys_of(span.i, span.j) == keys(sense.type):
            how = "exact"
        return AgencyMatch(written, sense.type, how, sense.level, start, end)


_MEMBERS = keys("thành viên")


def _level_of(levels: list[str]) -> str:
    for level in ("district", "commune", "province"):
        if level in levels:
            return level
    return "all"


# Words that join the items of a list of agencies, or state their role.
# ("đơn vị chủ trì", "cơ quan thực hiện", "phối hợp", "và", …)
_LIST_SEPARATOR = re.compile(
    r"[,;:+]|\b(?:" + grammar.alt("role.list_join") + "|(?:" + grammar.alt("role.holder")
    + r"\s+)?" + grammar.alt("role.chu_tri", "role.phoi_hop") + "|" + grammar.alt("role.holder")
    + r"\s+" + grammar.alt("role.thuc_hien") + r")\b",
    re.IGNORECASE,
)
# A body after one of these words qualifies the item before it ("Tổ … được thành lập theo
# Quyết định … của Ủy ban nhân dân Thành phố").
_GOVERNED_BY = frozenset(match_key(w) for w in "của thuộc theo giúp cho tại về trình".split())
_FILLER = re.compile(r"^[\s\W]*(?:các(?:\s+" + grammar.alt("role.holder") + ")?|"
                     + grammar.alt("assign") + r")?[\s\W]*$", re.IGNORECASE)


# Extractors read the same sentence several times (subjects, support, labels): each text is
# scanned once per document (AgencyMatch is immutable).
_SCAN_CACHE = 4096


class AgencyResolver:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._scanned: dict[str, tuple[AgencyMatch, ...]] = {}
        self._scanned_in = document_number()

    def type_names(self) -> list[str]:
        """Every agency type name: the gold table's, in its order, then the extensions."""
        types = self.lex.types.values()
        return [t.name for t in types if t.gold] + [t.name for t in types if not t.gold]

    def is_gold_type(self, name: str) -> bool:
        t = self.lex.types.get(name)
        return bool(t and t.gold)

    def type_info(self, name: str) -> AgencyType | None:
        """English name, level, whether in the gold table, and the data's source note."""
        return self.lex.types.get(name)

    # --- one name -------------------------------------------------------------------------

    def resolve(self, name: str) -> AgencyMatch:
        """The agency one name stands for; how="unknown" (type None) when nothing fits.

        Lenient about case and diacritics (a user's query, a heading); text after the name
        ("(Ban Thi đua khen thưởng)", scope words) is tolerated. Offsets index `name`."""
        lead = len(name) - len(name.lstrip())
        text = name.strip()
        reader = _Reader(self.lex, text, strict=False)
        spans = reader.mentions()
        found = None
        if spans and not text[: reader.tokens[spans[0].i].start].strip(" -–—.,;:()*"):
            first = reader.match(spans[0])
            if first.how != "unknown" or first.end == len(text):
                found = first
        found = found or self._fuzzy(reader)
        found = found or AgencyMatch(text, None, "unknown", "other", 0, len(text))
        return replace(found, start=found.start + lead, end=found.end + lead)

    def _fuzzy(self, reader: _Reader) -> AgencyMatch | None:
        """Nearest known name within a small edit distance (scope words after it tolerated)."""
        tokens, text = reader.tokens, reader.text
        best: tuple[float, Sense] | None = None
        for cut in range(len(tokens), max(0, len(tokens) - 4), -1):
            if cut < len(tokens):
                j, _ = reader.units(cut)
                if max(j, reader.place_end(cut)) != len(tokens):
                    continue
            key = " ".join(t.key for t in tokens[:cut])
            for known, sense in self.lex.name_keys:
                d = _distance_ratio(key, known)
                if d is not None and (best is None or d < best[0]):
                    best = (d, sense)
        if best is None:
            return None
        return AgencyMatch(text, best[1].type, "fuzzy", best[1].level, 0, len(text))

    # --- free text ------------------------------------------------------------------------

    def scan(self, text: str) -> list[AgencyMatch]:
        """Agency mentions in running text, left to right, longest first, non-overlapping.

        Offsets index `text`. National bodies come back with level="national", type None."""
        if self._scanned_in != document_number():
            self._scanned.clear()
            self._scanned_in = document_number()
        found = self._scanned.get(text)
        if found is None:
            reader = _Reader(self.lex, text, strict=True)
            found = tuple(reader.match(s) for s in reader.mentions())
            if len(self._scanned) >= _SCAN_CACHE:
                self._scanned.clear()
            self._scanned[text] = found
        return list(found)

    def collective_noun(self, text: str) -> AgencyMatch | None:
        """A collective noun that stands for the collective alone ('địa phương', 'đơn vị',
        'ban ngành') at the start of `text`. Bare, such a noun is a collective only where the
        words before make it a party ('phối hợp với địa phương'), which the caller knows;
        elsewhere 'địa phương' is a place ('tại địa phương')."""
        reader = _Reader(self.lex, text, strict=True)
        if not reader.tokens or text[: reader.tokens[0].start].strip():
            return None
        hit = reader.find(self.lex.collective_nouns, 0)
        if hit is None or reader.keys_of(0, hit[0]) not in self.lex.collective_alone_ok:
            return None
        span = _Span(0, hit[0], Sense(self.lex.collective_type, "collective", "collective"))
        return reader.match(span)

    # --- lists ----------------------------------------------------------------------------

    def split_list(self, text: str) -> list[AgencyMatch]:
        """The agencies of a list (table cell, '(Đơn vị thực hiện: …)' parenthesis), in order.

        Parenthesised text explains the item before it ("Sở Nội vụ (Ban Thi đua khen thưởng)")
        and a body after "của", "thuộc" … qualifies the item before it: neither is an item.
        Words between items that name no known body come back as how="unknown"."""
        depth = _paren_depth(text)
        found = [m for m in self.scan(text) if not depth[m.start]]
        out: list[AgencyMatch] = []
        prev_end = 0
        for n, m in enumerate(found):
            gap = _outside_parens(text, prev_end, m.start, depth)
            if out and (not _LIST_SEPARATOR.search(gap) or _last_word(gap) in _GOVERNED_BY):
                continue  # a qualifier of the previous item
            out.extend(self._gap_items(text, prev_end, m.start, depth, after_item=bool(out)))
            if m.how == "unknown":  # no known name ends it: the item runs to the next comma
                limit = found[n + 1].start if n + 1 < len(found) else len(text)
                m = _to_separator(text, m, limit, depth)
            out.append(m)
            prev_end = m.end
        out.extend(self._gap_items(text, prev_end, len(text), depth, after_item=bool(out)))
        return out

    def _gap_items(
        self, text: str, a: int, b: int, depth: list[int], after_item: bool
    ) -> list[AgencyMatch]:
        """Words between list items that name no known body, kept as unknown (or fuzzy)."""
        pieces = list(_pieces(text, a, b, depth))
        if after_item and pieces and not _LIST_SEPARATOR.match(text[a:b].lstrip()):
            pieces = pieces[1:]  # words right after an item qualify it
        items = []
        for s, e in pieces:
            piece = text[s:e]
            if _FILLER.match(piece) or not piece[:1].isupper():
                continue
            m = self.resolve(piece)
            items.append(replace(m, start=s + m.start, end=s + m.end))
        return items


def _distance_ratio(a: str, b: str) -> float | None:
    """Edit distance of a to b relative to b's length, if small for that length (else None)."""
    if abs(len(a) - len(b)) > 3 or len(b) < 6:
        return None
    limit = 1 if len(b) < 20 else 2 if len(b) < 40 else 3
    d = _levenshtein(a, b, limit)
    return d / len(b) if d else None


def _levenshtein(a: str, b: str, limit: int) -> int | None:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return None
        prev = cur
    return prev[-1] if prev[-1] <= limit else None


def _paren_depth(text: str) -> list[int]:
    """Per character: inside how many parentheses (the brackets themselves count as inside)."""
    if "(" not in text:  # a ')' alone opens nothing
        return [0] * (len(text) + 1)
    depth, out = 0, []
    for c in text:
        if c == "(":
            depth += 1
        out.append(depth)
        if c == ")":
            depth = max(0, depth - 1)
    out.append(depth)
    return out


def _outside_parens(text: str, a: int, b: int, depth: list[int]) -> str:
    if not any(depth[a:b]):
        return text[a:b]
    return "".join(c for c, d in zip(text[a:b], depth[a:b], strict=True) if not d)


def _last_word(gap: str) -> str:
    words = re.findall(r"[^\W\d_]+", gap)
    return match_key(words[-1]) if words else ""


def _pieces(text: str, a: int, b: int, depth: list[int]):
    """Spans of text[a:b] outside parentheses, between list separators, trimmed."""
    s = a
    for m in _LIST_SEPARATOR.finditer(text, a, b):
        if not depth[m.start()]:
            yield from _trimmed(text, s, m.start(), depth)
            s = m.end()
    yield from _trimmed(text, s, b, depth)


_TRIM = " \t\n.-–—*"


def _trimmed(text: str, s: int, e: int, depth: list[int]):
    while s < e and (text[s] in _TRIM or depth[s]):
        s += 1
    while e > s and (text[e - 1] in _TRIM or depth[e - 1]):
        e -= 1
    if e > s:
        yield s, e


def _to_separator(text: str, m: AgencyMatch, limit: int, depth: list[int]) -> AgencyMatch:
    end = m.end
    while end < limit and not (text[end] in ",;" and not depth[end]):
        end += 1
    while end > m.end and (text[end - 1] in _TRIM or depth[end - 1]):
        end -= 1
    return replace(m, written=text[m.start : end], end=end) if end > m.end else m


@cache
def get_resolver() -> AgencyResolver:
    """The shared resolver (ontology/agency_types.json is read once)."""
    return AgencyResolver(load_lexicon())
