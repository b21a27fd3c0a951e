"""Agency names as written in plans -> the agency types shared by all provinces.

    >>> r = get_resolver()
    >>> r.resolve("Sở GD – ĐT").type
    'Sở Giáo dục và Đào tạo'
    >>> [m.type for m in r.split_list("Công an tỉnh, Sở LĐTBXH, UBND huyện, thành phố")]
    ['Công an cấp tỉnh', 'Sở Lao động - Thương binh và Xã hội', 'Ủy ban nhân dân cấp huyện']

A mention is read as: a name (an alias, a head with a sector such as "ngành Y tế", a collective
phrase such as "các sở, ban, ngành liên quan", or a national body), then the administrative
units written after it ("UBND" + "các huyện, thị xã, thành phố" is the district committee),
then an apposition ("Công an tỉnh - Cơ quan Thường trực …"). A head followed by a list of
sectors ("các Sở: Tài chính, Y tế") gives one mention per sector. Names that look like a body
(capitalised head word + capitalised name) but fit no type are kept as how="unknown".
The vocabulary is ontology/agency_types.json (see agency_lexicon.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from plangraph.ingest.agency_lexicon import (
    Lexicon,
    Sense,
    Token,
    keys,
    load_lexicon,
    soft_gap,
    tokenize,
)
from plangraph.ingest.vntext import match_key, nfc

__all__ = ["AgencyMatch", "AgencyResolver", "get_resolver"]


@dataclass(frozen=True)
class AgencyMatch:
    written: str  # the text as written ("Sở GD – ĐT")
    type: str | None  # agency type name from the gold table; None = unknown body
    how: str  # exact | alias | fuzzy | collective | unknown
    level: str  # province | district | commune | collective | national | other
    start: int = 0  # character offsets in the text given to scan/split_list
    end: int = 0

    @property
    def national(self) -> bool:
        return self.level == "national"


# Words that join the items of a list of agencies, or say their role, in a cell or parenthesis.
_LIST_SEPARATOR = re.compile(
    r"[,;:+]|\b(?:và|cùng|với|chủ trì|phối hợp|tham gia|đơn vị thực hiện|cơ quan chủ trì"
    r"|cơ quan phối hợp)\b",
    re.IGNORECASE,
)
# A body after one of these words belongs to the previous item ("Tổ … thành lập theo Quyết
# định … của Ủy ban nhân dân Thành phố").
_GOVERNED_BY = {"của", "thuộc", "theo", "giúp", "cho", "tại", "về", "trình"}
_FILLER = re.compile(r"^[\s\W]*(?:các|các đơn vị|đề nghị|giao)?[\s\W]*$", re.IGNORECASE)


@dataclass
class _Found:
    """A mention under construction: token span and meaning."""

    i: int  # first token
    j: int  # index after the last token
    sense: Sense
    how: str

    def level(self) -> str:
        return self.sense.level


class AgencyResolver:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def type_names(self) -> list[str]:
        """Every agency type name, gold-table types first, in table order."""
        types = self.lex.types.values()
        return [t.name for t in types if t.gold] + [t.name for t in types if not t.gold]

    def is_gold_type(self, name: str) -> bool:
        t = self.lex.types.get(name)
        return bool(t and t.gold)

    # --- one name -------------------------------------------------------------------------

    def resolve(self, name: str) -> AgencyMatch:
        """The agency one name stands for; how="unknown" (type None) when nothing fits."""
        text = nfc(name).strip()
        found = self.scan(text)
        if found and not text[: found[0].start].strip(" -–—.,;:()*").strip():
            first = found[0]
            rest = text[first.end :].strip()
            if first.how != "unknown" or not rest:
                return first
        fuzzy = self._fuzzy(text)
        if fuzzy is not None:
            return fuzzy
        return AgencyMatch(text, None, "unknown", "other", 0, len(text))

    # --- lists ----------------------------------------------------------------------------

    def split_list(self, text: str) -> list[AgencyMatch]:
        """The agencies of a list (table cell, '(Đơn vị thực hiện: …)' parenthesis), in order.

        Parenthesised text explains the item before it ("Sở Nội vụ (Ban Thi đua khen thưởng)")
        and a body governed by "của", "thuộc" … qualifies the item before it; neither is an item.
        Words between items that name no known body come back as how="unknown".
        """
        text = nfc(text)
        depth = _paren_depth(text)
        out: list[AgencyMatch] = []
        prev_end = 0
        found = [m for m in self.scan(text) if not depth[m.start]]
        for n, m in enumerate(found):
            gap = _without_parens(text[prev_end : m.start], depth[prev_end : m.start])
            if out and not _LIST_SEPARATOR.search(gap):
                continue  # a qualifier of the previous item
            if out and _last_word(gap) in _GOVERNED_BY:
                continue
            out.extend(self._gap_items(text, prev_end, m.start, depth, after_item=bool(out)))
            if m.how == "unknown":  # no name to end it: the item runs to the next comma
                limit = found[n + 1].start if n + 1 < len(found) else len(text)
                m = _extend_to_separator(text, m, limit, depth)
            out.append(m)
            prev_end = m.end
        out.extend(self._gap_items(text, prev_end, len(text), depth, after_item=bool(out)))
        return out

    def _gap_items(
        self, text: str, a: int, b: int, depth: list[int], after_item: bool
    ) -> list[AgencyMatch]:
        """Unmatched words between list items, kept as unknown (or fuzzy) items."""
        items = []
        pieces = list(_split_pieces(text, a, b, depth))
        if after_item and pieces and not _LIST_SEPARATOR.match(text[a:b].lstrip()):
            pieces = pieces[1:]  # words right after an item qualify it
        for s, e in pieces:
            piece = text[s:e]
            if _FILLER.match(piece) or not any(c.isupper() for c in piece[:1]):
                continue
            m = self.resolve(piece)
            items.append(replace(m, start=s + (m.start or 0), end=s + (m.end or len(piece))))
        return items

    # --- free text ------------------------------------------------------------------------

    def scan(self, text: str) -> list[AgencyMatch]:
        """Agency mentions in a sentence: longest first, left to right, non-overlapping."""
        text = nfc(text)
        tokens = tokenize(text)
        out: list[AgencyMatch] = []
        i = 0
        head_group: str | None = None  # a sector list continues after "Sở …", "ngành …"
        while i < len(tokens):
            found = None
            if head_group and i > 0 and _comma_between(text, tokens[i - 1], tokens[i]):
                found = self._sector_item(text, tokens, i, head_group)
            if found is None:
                found = self._best_at(text, tokens, i)
                head_group = self._sector_head(text, tokens, found.i) if found else None
            if found is None:
                i += 1
                continue
            found = self._with_scope(text, tokens, found)
            found = self._with_apposition(text, tokens, found)
            out.append(self._match(text, tokens, found))
            i = found.j
        return out

    def _best_at(self, text: str, tokens: list[Token], i: int) -> _Found | None:
        candidates = [
            self._name(text, tokens, i),
            self._sector_list_start(text, tokens, i),
            self._collective(text, tokens, i),
            self._national_collective(text, tokens, i),
            self._newspaper(text, tokens, i),
        ]
        candidates = [c for c in candidates if c is not None]
        if candidates:
            return max(candidates, key=lambda c: c.j)  # first of the longest
        return self._unknown_body(text, tokens, i)

    def _name(self, text: str, tokens: list[Token], i: int) -> _Found | None:
        exact = self.lex.names.longest(text, tokens, i)
        loose = self.lex.names_loose.longest(text, tokens, i, loose=True)
        if loose and (not exact or loose[0] > exact[0]):
            return _Found(i, loose[0], loose[1][0], "fuzzy")
        if exact:
            sense = exact[1][0]
            return _Found(i, exact[0], sense, sense.how)
        return None

    def _sector_head(self, text: str, tokens: list[Token], i: int) -> str | None:
        """The head group ("departments", "any") of a mention starting 'Sở …', 'các ngành …'."""
        k = i + 1 if tokens[i].key == "các" else i
        head = self.lex.sector_heads.longest(text, tokens, k) if k < len(tokens) else None
        return head[1][0] if head else None

    def _sector_list_start(self, text: str, tokens: list[Token], i: int) -> _Found | None:
        """'các Sở: Tài chính, …', 'ngành Công an, …', 'các cơ quan Công an, …': first item."""
        k = i + 1 if tokens[i].key == "các" else i
        head = self.lex.sector_heads.longest(text, tokens, k) if k < len(tokens) else None
        if head is None or head[0] >= len(tokens):
            return None
        j = head[0]
        gap = text[tokens[j - 1].end : tokens[j].start]
        if gap.strip() not in ("", ":"):
            return None
        group = head[1][0]
        item = self._sector_item(text, tokens, j, group)
        if item is None:
            return None
        return _Found(i, item.j, item.sense, item.how)

    def _sector_item(self, text: str, tokens: list[Token], i: int, group: str) -> _Found | None:
        if group == "any" and not tokens[i].capitalised:
            return None  # "các cơ quan thông tin và truyền thông" are media, not the department
        hit = self.lex.sectors[group].longest(text, tokens, i)
        if hit is None:
            return None
        full = self.lex.names.longest(text, tokens, i)
        if full and full[0] > hit[0]:
            return None  # a body in its own right ("Tòa án nhân dân tỉnh")
        return _Found(i, hit[0], hit[1][0], "alias")

    def _collective(self, text: str, tokens: list[Token], i: int) -> _Found | None:
        """'các sở, ban, ngành liên quan', 'các cơ quan, đơn vị, địa phương', …"""
        lex = self.lex
        if tokens[i].key != "các":
            return None
        j, nouns = i + 1, []
        while j < len(tokens):
            k = j + 1 if tokens[j].key == "các" and nouns else j
            if nouns and not _joined(text, tokens, j):
                break
            hit = lex.collective_nouns.longest(text, tokens, k) if k < len(tokens) else None
            if hit is None:
                break
            nouns.append(tuple(t.key for t in tokens[k : hit[0]]))
            j = hit[0]
        if not nouns:
            return None
        mods = 0
        while j < len(tokens) and soft_gap(text, tokens[j - 1].end, tokens[j].start):
            hit = lex.collective_modifiers.longest(text, tokens, j)
            if hit is None:
                break
            mods, j = mods + 1, hit[0]
        if len(nouns) == 1 and not mods and nouns[0] not in lex.collective_alone_ok:
            return None
        sense = Sense(lex.collective_type, "collective", "collective")
        return _Found(i, j, sense, "collective")

    def _national_collective(self, text: str, tokens: list[Token], i: int) -> _Found | None:
        hit = self.lex.national_collective.longest(text, tokens, i)
        return _Found(i, hit[0], hit[1][0], "collective") if hit else None

    def _newspaper(self, text: str, tokens: list[Token], i: int) -> _Found | None:
        """'Báo Ấp Bắc': the newspaper head and a proper name."""
        head = self.lex.newspaper_head
        n = len(head)
        if not head or tuple(t.key for t in tokens[i : i + n]) != head:
            return None
        if not tokens[i].text[0].isupper():
            return None
        j = _proper_name_end(text, tokens, i + n)
        if j == i + n:
            return None
        sense = Sense(self.lex.newspaper_type, "alias", "province")
        return _Found(i, j, sense, "alias")

    def _unknown_body(self, text: str, tokens: list[Token], i: int) -> _Found | None:
        """A head word ('Trung tâm', 'Ban', 'Cục' …) and a capitalised name fitting no type."""
        if not tokens[i].text[0].isupper():
            return None
        head = self.lex.unknown_heads.longest(text, tokens, i)
        if head is None:
            return None
        j = _proper_name_end(text, tokens, head[0], syllables_after_capital=1)
        if j == head[0]:
            return None
        level = "national" if tuple(t.key for t in tokens[i:head[0]]) == self.lex.ministry_head \
            else "other"
        for k in range(head[0], j):
            hit = self.lex.names.longest(text, tokens, k)
            if hit and hit[1][0].level == "national":
                level = "national"
        ministry = self._part_of_national(text, tokens, j)
        if ministry is not None:
            return _Found(i, ministry, Sense(None, "unknown", "national"), "unknown")
        fuzzy = self._fuzzy(text[tokens[i].start : tokens[j - 1].end])
        if fuzzy is not None and fuzzy.type:
            t = self.lex.types[fuzzy.type]
            return _Found(i, j, Sense(t.name, "fuzzy", t.level, t.family), "fuzzy")
        return _Found(i, j, Sense(None, "unknown", level), "unknown")

    def _part_of_national(self, text: str, tokens: list[Token], j: int) -> int | None:
        """'Vụ KGVX - Văn phòng Chính phủ', 'Cục CS điều tra tội phạm về ma túy - BCA': a unit
        of a national body. Returns the end of the national body's name."""
        for k in range(j, min(j + 8, len(tokens))):
            gap = text[tokens[k - 1].end : tokens[k].start]
            if re.fullmatch(r"\s*[-\u2013\u2014]\s*", gap):
                hit = self.lex.names.longest(text, tokens, k)
                if hit and hit[1][0].level == "national":
                    return hit[0]
                return None
            if not re.fullmatch(r"[ \t]+", gap):
                return None
        return None

    # --- what follows a name --------------------------------------------------------------

    def _with_scope(self, text: str, tokens: list[Token], f: _Found) -> _Found:
        """Administrative units after a name decide the level ('UBND' + 'các huyện')."""
        if f.sense.level in ("collective", "national"):
            return f
        j, levels = self._scope(text, tokens, f.j)
        if j == f.j:
            place = _place_after(self.lex, text, tokens, j)
            if place > j and f.sense.level == "province":
                return replace(f, j=place)
            return f
        level = _scope_level(levels)
        sense = f.sense
        if level not in ("all", sense.level) and sense.type is not None:
            other = self.lex.by_family_level.get((sense.family, level)) if sense.family else None
            if other is not None:
                sense = replace(sense, type=other, level=level)
            elif sense.family:
                sense = replace(sense, type=None, level=level)
                return _Found(f.i, j, sense, "unknown")
        return _Found(f.i, j, sense, f.how)

    def _scope(self, text: str, tokens: list[Token], j: int) -> tuple[int, list[str]]:
        lex, levels, start = self.lex, [], j
        while j < len(tokens):
            if not soft_gap(text, tokens[j - 1].end, tokens[j].start) and not (
                levels and _is_and(text, tokens, j)
            ):
                break
            k = j + 1 if tokens[j].key == "và" and levels else j
            if k < len(tokens) and tokens[k].key in lex.scope_lead_in and not levels:
                hit = lex.scope_units.longest(text, tokens, k + 1) if k + 1 < len(tokens) else None
                hit = hit or lex.scope_units.longest(text, tokens, k)
            else:
                hit = lex.scope_units.longest(text, tokens, k) if k < len(tokens) else None
                if hit is None and levels and k < len(tokens):
                    hit = lex.scope_continuation.longest(text, tokens, k)
            if hit is None:
                break
            longer = lex.names.longest(text, tokens, k)
            if longer and longer[0] > hit[0]:
                break  # "tỉnh" of "Tỉnh đoàn" starts the next body
            levels.append(hit[1][0])
            j = hit[0]
        if levels:
            j = max(j, _place_after(lex, text, tokens, j, any_name=True))
        return (j, levels) if levels else (start, [])

    def _with_apposition(self, text: str, tokens: list[Token], f: _Found) -> _Found:
        """'Công an tỉnh - Cơ quan Thường trực …' is Công an tỉnh; the title goes with it."""
        j = f.j
        if j >= len(tokens) or not re.fullmatch(
            r"\s*[-\u2013\u2014]\s*", text[tokens[j - 1].end : tokens[j].start]
        ):
            return f
        title = self.lex.appositions.longest(text, tokens, j)
        if title is None:
            return f
        j = title[0]
        if j < len(tokens) and soft_gap(text, tokens[j - 1].end, tokens[j].start):
            body = self._name(text, tokens, j)
            if body is not None:
                j = self._with_scope(text, tokens, body).j
            else:
                while j < len(tokens) and tokens[j].key in _TOPIC_WORDS and soft_gap(
                    text, tokens[j - 1].end, tokens[j].start
                ):
                    j += 1
        return replace(f, j=j)

    # --- fuzzy ----------------------------------------------------------------------------

    def _fuzzy(self, name: str) -> AgencyMatch | None:
        """Nearest known name within a small edit distance (scope words after it tolerated)."""
        tokens = tokenize(name)
        if not tokens:
            return None
        best: tuple[float, Sense] | None = None
        for cut in range(len(tokens), max(0, len(tokens) - 4), -1):
            if cut < len(tokens):
                j, levels = self._scope(name, tokens, cut)
                place = _place_after(self.lex, name, tokens, cut)
                if max(j, place) != len(tokens):
                    continue
            key = " ".join(t.key for t in tokens[:cut])
            for known, sense in self.lex.name_keys:
                d = _distance_ratio(key, known)
                if d is not None and (best is None or d < best[0]):
                    best = (d, sense)
        if best is None:
            return None
        return AgencyMatch(name, best[1].type, "fuzzy", best[1].level, 0, len(name))

    def _match(self, text: str, tokens: list[Token], f: _Found) -> AgencyMatch:
        start, end = tokens[f.i].start, tokens[f.j - 1].end
        how = f.how
        if how == "alias" and f.sense.type and keys(text[start:end]) == keys(f.sense.type):
            how = "exact"
        return AgencyMatch(text[start:end], f.sense.type, how, f.sense.level, start, end)


_TOPIC_WORDS = {match_key(w) for w in "phòng chống ma túy tuý aids hiv mại dâm tội phạm và".split()}


def _scope_level(levels: list[str]) -> str:
    for level in ("district", "commune", "province"):
        if level in levels:
            return level
    return "all"


def _place_after(lex: Lexicon, text: str, tokens: list[Token], j: int, any_name=False) -> int:
    """End of a place name right after token j-1: a province name, or (after a unit word) any
    capitalised words that do not start another body."""
    if j >= len(tokens) or not re.fullmatch(r"[ \t]+", text[tokens[j - 1].end : tokens[j].start]):
        return j
    hit = lex.places.longest(text, tokens, j)
    if hit:
        return hit[0]
    if any_name and tokens[j].text[0].isupper() and not tokens[j].text[0].isdigit():
        if lex.names.starts(tokens[j].key) or lex.unknown_heads.starts(tokens[j].key):
            return j
        return _proper_name_end(text, tokens, j, limit=4)
    return j


def _proper_name_end(
    text: str, tokens: list[Token], j: int, syllables_after_capital: int = 0, limit: int = 6
) -> int:
    """Capitalised words from token j on (each may carry lower-case syllables of its word)."""
    start, lower_run = j, 0
    while j < len(tokens) and j - start < limit:
        if not re.fullmatch(r"[ \t]+", text[tokens[j - 1].end : tokens[j].start]):
            break
        tok = tokens[j]
        if tok.text[0].isupper() or tok.text[0].isdigit():
            lower_run = 0
        elif j > start and lower_run < syllables_after_capital:
            lower_run += 1
        else:
            break
        j += 1
    while j > start and not (tokens[j - 1].text[0].isupper() or tokens[j - 1].text[0].isdigit()) \
            and syllables_after_capital == 0:
        j -= 1
    return j


def _distance_ratio(a: str, b: str) -> float | None:
    """Edit distance of a to b if small for b's length (else None)."""
    if abs(len(a) - len(b)) > 3 or len(b) < 6:
        return None
    limit = 1 if len(b) < 20 else 2 if len(b) < 40 else 3
    d = _levenshtein(a, b, limit)
    if d is None or d == 0:
        return None
    return d / len(b)


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


def _comma_between(text: str, a: Token, b: Token) -> bool:
    return re.fullmatch(r"\s*[,:]\s*", text[a.end : b.start]) is not None


def _joined(text: str, tokens: list[Token], j: int) -> bool:
    """Nouns of a collective phrase are joined by a comma or 'và'."""
    gap = text[tokens[j - 1].end : tokens[j].start]
    if soft_gap(text, tokens[j - 1].end, tokens[j].start) and "," in gap:
        return True
    return tokens[j].key in ("và", "các") and gap.strip() in ("", ",")


def _is_and(text: str, tokens: list[Token], j: int) -> bool:
    return tokens[j].key == "và" and not text[tokens[j - 1].end : tokens[j].start].strip()


def _extend_to_separator(text: str, m: AgencyMatch, limit: int, depth: list[int]) -> AgencyMatch:
    end = m.end
    while end < limit and not (text[end] in ",;" and not depth[end]):
        end += 1
    end = len(text[:end].rstrip(" \t\n.-–—*"))
    return replace(m, written=text[m.start : end], end=end) if end > m.end else m


def _paren_depth(text: str) -> list[int]:
    depth, out = 0, []
    for c in text:
        if c == "(":
            depth += 1
            out.append(depth)
        elif c == ")":
            out.append(depth)
            depth = max(0, depth - 1)
        else:
            out.append(depth)
    out.append(depth)
    return out


def _without_parens(gap: str, depth: list[int]) -> str:
    return "".join(c for c, d in zip(gap, depth, strict=False) if not d)


def _last_word(gap: str) -> str:
    words = re.findall(r"[^\W\d_]+", gap)
    return match_key(words[-1]) if words else ""


def _split_pieces(text: str, a: int, b: int, depth: list[int]):
    """Spans of text[a:b] outside parentheses between list separators."""
    s = a
    for m in _LIST_SEPARATOR.finditer(text, a, b):
        if depth[m.start()]:
            continue
        yield from _trimmed(text, s, m.start(), depth)
        s = m.end()
    yield from _trimmed(text, s, b, depth)


def _trimmed(text: str, s: int, e: int, depth: list[int]):
    while s < e and (text[s] in " \t\n.-–—*" or depth[s]):
        s += 1
    while e > s and (text[e - 1] in " \t\n.-–—*)" or depth[e - 1]):
        e -= 1
    if e > s:
        yield s, e


@cache
def get_resolver() -> AgencyResolver:
    """The shared resolver (ontology/agency_types.json is read once)."""
    return AgencyResolver(load_lexicon())
