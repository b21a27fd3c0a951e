"""The document header: kind, number, date, issuer, province, year, title.

A Vietnamese administrative document opens with the issuer ("ỦY BAN NHÂN DÂN / TỈNH TUYÊN
QUANG"), the national motto, "Số: 44/KH-UBND", the place and date ("Tuyên Quang, ngày 31 tháng
5 năm 2023"), the kind ("KẾ HOẠCH") and the title (trích yếu) on one or more lines. Converted
texts lose parts of it: only the kind and title, or a cover note "(Ban hành kèm theo Văn bản số
/UBND-NC ngày tháng 04 năm 2024)". What the header does not say is looked for in the text:
the issuer in the preamble ("Ủy ban nhân dân tỉnh ban hành Kế hoạch …") or the signature
("TM. ỦY BAN NHÂN DÂN"), the province in the title ("trên địa bàn tỉnh …") or, failing that,
the province the text names most often.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from plangraph.ingest.document.markup import mostly_caps
from plangraph.ingest.document.model import Document
from plangraph.ingest.legal.citations import canonical_id, find_acts, symbol_of
from plangraph.ingest.legal.data import (
    Province,
    act_types,
    fold,
    province_key,
    provinces,
    type_by_symbol,
)
from plangraph.ingest.legal.dates import DATE, DATE_RE, iso_date
from plangraph.ingest.legal.issuers import (
    IssuerMatch,
    complete,
    issuer_at,
    issuer_of_symbol,
    province_at,
)
from plangraph.ingest.legal.programmes import find_programmes
from plangraph.ingest.models import DocumentInfo, Source
from plangraph.ingest.read.reader import RawDocument
from plangraph.ingest.text import grammar

TOP_LINES = 40  # the header is within the first lines
_MOTTO = re.compile(r"CỘNG\s+HÒA\s+XÃ\s+HỘI\s+CHỦ\s+NGHĨA\s+VIỆT\s+NAM|Độc\s+lập\s*[-–]\s*Tự\s+do"
                    r"\s*[-–]\s*Hạnh\s+phúc", re.IGNORECASE)
_NUMBER = re.compile(r"(?<!\w)Số\s*:?\s*(?P<num>[\d.…]*)\s*(?P<sym>/\s*[A-ZĐ][\w/\-–Đđ]*)")
_DATED = (r",\s*ngày\s+(?:" + DATE + r"|(?P<partial>[\d\s.…]*tháng\s*"
          r"[\d\s.…]*năm\s*(?P<py>(?:19|20)\d{2})))")
_PLACE_DATE = re.compile(r"(?P<place>[^\t|,;()\n]{2,40}?)" + _DATED, re.IGNORECASE)
_NOT_PLACE = "\t|,;()\n"  # what a place-name holds none of, as in _PLACE_DATE
_DATED_RE = re.compile(_DATED, re.IGNORECASE)
_COVER = re.compile(r"^\(\s*(?:Ban hành\s+)?kèm theo\s+(?P<rest>.*)\)?$", re.IGNORECASE)
_SEPARATOR = re.compile(r"^[-_=*~.]{3,}$")
_BODY_START = re.compile(
    r"^(?:" + grammar.alt("basis.body_start") + r"|Điều\s+\d+\s*[.:]?|[IVX]+\s*[.)]|"
    r"\d+\s*[.)]|"
    r"[a-zđ]\))\s", re.IGNORECASE)
# "đến năm 2030", "vào năm 2030", "tầm nhìn năm 2045" name a target, not a year the plan covers.
_TITLE_YEAR = re.compile(r"(?P<lead>(?:đến|vào|tầm\s+nhìn)\s+)?năm\s+(?P<y>(?:19|20)\d{2})"
                         r"|giai đoạn\s+(?P<g>(?:19|20)\d{2})", re.IGNORECASE)
_PREAMBLE_ISSUER = re.compile(
    r"(?P<body>" + grammar.alt("body.committee", "body.council", "body.party_standing") + "|"
    + grammar.alt("unit.party_committee", case="title") + "|"
    + grammar.alt("body.steering") + r"[^,;]{0,80}?)(?:\s+(?i:"
    + grammar.alt("unit.province") + r")(?:\s+[A-ZĐ]"
    r"[\wĐđ]*){0,3})?\s+(?:ban hành|xây dựng|triển khai)\s+(?:Kế hoạch|Chương trình|Đề án)",
)
# "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH": the signing authority, its dot optional, then the body
_SIGNATURE = re.compile(
    "^(?:" + "|".join(re.escape(w.rstrip(".")) for w in grammar.words("end.signature"))
    + r")\.?\s+(?P<body>.+)$")
_PROVINCE_CUE = re.compile("(?:" + grammar.alt("unit.province") + r"|địa bàn|Thủ đô)\s+",
                           re.IGNORECASE)


@dataclass
class _Title:
    kind: str
    title: str
    first: int  # 0-based line index of the kind line
    last: int


def parse_header(doc: Document | RawDocument) -> DocumentInfo:
    doc = Document.of(doc)
    lines = doc.clean_lines
    top = min(len(lines), TOP_LINES)
    head = _find_title(lines, 0, top)
    attached = _attached_plan(lines, head) if head else None
    info = DocumentInfo()
    used: list[int] = []
    if head:
        used, shown = [head.first, head.last], attached or head
        info.kind = shown.kind
        title = shown.title
        info.title = _restore_case(title, doc.text) if mostly_caps(title) else title
    pre_end = head.first if head else top
    # Number and place-date are looked for in the header's text, not line by line: text copied
    # from a web page breaks lines anywhere ("Số:" / "2578/KH-UBND", "ngày 15 tháng 3" / "năm
    # 2024"). Offsets map back to lines for the sources.
    region = _Region(lines, top)
    symbol = None
    for n in _NUMBER.finditer(region.text):
        if region.line_of(n.start()) > (head.last if head else top):
            break
        symbol = re.sub(r"\s", "", n.group("sym"))
        if re.search(r"\d", n.group("num")):
            info.number = canonical_id(n.group("num").strip(".…") + symbol)
        used += region.lines_of(n)
        break
    d = _place_date(region.without_motto)
    if d and region.line_of(d.start("place")) <= (head.last + 3 if head else top):
        m = DATE_RE.search(d.group(0))
        info.issued = iso_date(m) if m and not d.group("partial") else None
        info.province = info.province or _province_name(d.group("place"))
        used += region.lines_of(d)
    for i in range(top):
        cover = _COVER.match(lines[i])
        if cover and i <= (head.last + 3 if head else top):
            symbol = symbol or _read_cover(cover.group("rest"), info)
            used.append(i)
    if head is None and symbol:
        # no kind label ("KẾ HOẠCH" lost in copying): the number's symbol says the kind, and
        # the lines after the number and date are the title
        head = _title_after(lines, max(used), symbol)
        if head:
            info.kind, info.title = head.kind, head.title
            used.append(head.last)
            pre_end = min(used)
    issuer, province = _header_issuer(lines[:pre_end])
    if province:
        info.province = province.name
    info.province = info.province or _title_province(info.title) or _frequent_province(doc.text)
    where = provinces().get(province_key(info.province)) if info.province else None
    if issuer:
        written = _restore_case(issuer.written, doc.text)
        info.issuer = complete(issuer.template, issuer.province or where, written)
    info.issuer = info.issuer or _issuer_elsewhere(doc.text, lines, symbol, where)
    info.year = _year(info, doc.text, lines)
    if used:
        info.source = Source(doc.file, min(used) + 1, max(used) + 1)
    return info


def _place_date(text: str) -> re.Match[str] | None:
    """`_PLACE_DATE.search(text)`, looked for from the commas a date follows (the place-name's
    lazy run, tried at every position, cost more than the rest of the header): a place holds no
    comma, so a match's place ends at the first comma after its start, 2-40 characters on."""
    pos = 0
    while (dated := _DATED_RE.search(text, pos)) is not None:
        comma = start = dated.start()
        while start > comma - 40 and start and text[start - 1] not in _NOT_PLACE:
            start -= 1
        if comma - start >= 2 and (m := _PLACE_DATE.match(text, start)):
            return m
        pos = comma + 1
    return None


class _Region:
    """The first lines of a document as one text, with the line each offset falls on."""

    def __init__(self, lines: list[str], stop: int) -> None:
        self.text = "\n".join(lines[:stop])
        self.starts = [0]
        for line in lines[:stop]:
            self.starts.append(self.starts[-1] + len(line) + 1)
        # the motto blanked out, offsets kept: its words are no place name
        self.without_motto = _MOTTO.sub(lambda m: " " * len(m.group()), self.text)

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset) - 1

    def lines_of(self, m: re.Match[str]) -> list[int]:
        return [self.line_of(m.start()), self.line_of(max(m.start(), m.end() - 1))]


# Lines that open a preamble or a section, never a title ("Thực hiện …" may open either).
_NOT_TITLE = re.compile(r"^(?:Căn cứ|Điều\s+\d|[IVX]+\s*[.)]|\d+\s*[.)]|[a-zđ]\))\s", re.IGNORECASE)


def _title_after(lines: list[str], last: int, symbol: str) -> _Title | None:
    """The trích yếu after the header of a document whose kind label is missing."""
    kind = type_by_symbol().get(symbol.strip("/").split("-")[0].upper())
    if kind not in {k for _, k in _kinds()}:
        return None
    first = next((j for j in range(last + 1, min(len(lines), last + 6)) if lines[j].strip()),
                 None)
    if first is None or _NOT_TITLE.match(lines[first].strip()) or _MOTTO.search(lines[first]):
        return None
    title = _collect_title(lines, first - 1, kind, "")
    # a trích yếu is a phrase ("Triển khai thực hiện …"), a preamble a sentence that goes on
    if not title.title or len(title.title) > 400 or lines[title.last].rstrip()[-1:] in ".;,:":
        return None
    text = title.title
    return _Title(kind, text[:1].upper() + text[1:], first, title.last)


def _kinds() -> list[tuple[str, str]]:
    """(folded kind, kind) for kinds a plan document can be, longest first."""
    kinds = [(fold(t.name), t.name) for t in act_types() if t.document_kind]
    return sorted(kinds, key=lambda k: len(k[0]), reverse=True)


def _find_title(lines: list[str], start: int, stop: int) -> _Title | None:
    for i in range(start, stop):
        line = _MOTTO.sub("", lines[i]).strip(" \t|")
        if not line or _NUMBER.search(line):
            continue
        folded = fold(line)
        for fk, kind in _kinds():
            if not folded.startswith(fk) or folded[len(fk):len(fk) + 1].isalnum():
                continue
            rest = line[len(fk):].strip(" :\t")
            if rest and not (mostly_caps(line[:len(fk)]) and len(line) < 400):
                continue
            if not rest and line != line.upper() and line[:len(fk)] != kind:
                continue
            return _collect_title(lines, i, kind, rest)
    return None


_ISSUES_ATTACHED = re.compile(r"^Điều\s+1\s*[.:]?\s*Ban hành kèm theo (?:Quyết định|QĐ) này\s+"
                              r"(?P<rest>.+)$", re.IGNORECASE)


def _attached_plan(lines: list[str], head: _Title) -> _Title | None:
    """A Quyết định that issues a plan ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …")
    is read as the plan: its kind and title are those of the attached part ("KẾ HOẠCH" / title),
    else of the words of Điều 1."""
    if head.kind != "Quyết định":
        return None
    for i in range(head.last + 1, len(lines)):
        m = _ISSUES_ATTACHED.match(lines[i])
        if not m:
            continue
        rest = m.group("rest").strip(" “”\"").rstrip(" ./”\"")
        folded = fold(rest)
        kind = next((k for fk, k in _kinds() if folded.startswith(fk + " ")), None)
        if kind is None or kind == "Quyết định":
            return None
        part = _find_title(lines, i + 1, len(lines))
        if part and part.kind == kind:
            return part
        title = rest[len(kind):].strip()
        return _Title(kind, title[:1].upper() + title[1:], i, i)
    return None


def _collect_title(lines: list[str], i: int, kind: str, rest: str) -> _Title:
    parts = [rest] if rest else []
    last, j, blank = i, i + 1, False
    while j < len(lines):
        line = lines[j].strip()
        if not line:
            blank = True
            j += 1
            continue
        ends = (_SEPARATOR.match(line) or line.startswith("(") or "\t" in line
                or (_BODY_START.match(line) and parts)
                # capitals after a title in mixed case: the signer ("CHỦ TỊCH …"), "QUYẾT ĐỊNH:"
                or (parts and mostly_caps(line) and not mostly_caps(parts[-1]))
                or (blank and parts and not line[0].islower())
                or len(line) > 400)
        if ends:
            break
        parts.append(line)
        last, blank = j, False
        j += 1
    return _Title(kind, re.sub(r"\s+", " ", " ".join(parts)).strip(" ."), i, last)


def _restore_case(title: str, body: str) -> str:
    """An all-caps title in the case the body writes its words; act symbols canonical.

    A word takes the case it has after the same previous word in the body ("tướng Chính"),
    else its most frequent case there; words the body lacks are lower case.
    """
    toks = re.split(r"(\s+)", title)
    parts = [None if not tok.strip() or _is_symbol(tok) else _split_token(tok) for tok in toks]
    pairs, words = _body_cases(body, frozenset(p[1].lower() for p in parts if p))
    out, prev = [], ""
    for n, (tok, part) in enumerate(zip(toks, parts, strict=True)):
        if not tok.strip():
            out.append(tok)
            continue
        if part is None:
            out.append(canonical_id(tok))
            prev = ""
            continue
        lead, word, tail = part
        seen = pairs.get((prev, word.lower())) or words.get(word.lower())
        # the most frequent case, the first seen of equally frequent ones (as Counter.most_common)
        cased = max(seen.items(), key=lambda kv: kv[1])[0] if seen else word.lower()
        if n == 0:
            cased = cased[:1].upper() + cased[1:]
        out.append(lead + cased + tail)
        prev = word.lower()
    return "".join(out)


_TOKEN = re.compile(r"^(\W*)([\wĐđ]*)(.*)$")
# a word after a space that follows a word, a comma or a quote; the word before it on its line
_CASE_HIT = re.compile(r"(?<=[\w,”\"]) (\w+)")


def _is_word_char(c: str) -> bool:
    """What `\\w` matches (str.isalnum is the test re uses), without a regex call per character."""
    return c.isalnum() or c == "_"


def _last_word(text: str, start: int, end: int) -> str | None:
    """The last run of word characters in text[start:end]."""
    j = end
    while j > start and not _is_word_char(text[j - 1]):
        j -= 1
    i = max(start, text.rfind(" ", start, j) + 1)
    if i < j and text[i:j].isalnum():  # the usual word after a space, without a loop
        return text[i:j]
    i = j
    while i > start and _is_word_char(text[i - 1]):
        i -= 1
    return text[i:j] or None


def _split_token(tok: str) -> tuple[str, str, str]:
    """(leading punctuation, word, the rest) of a token without spaces."""
    m = _TOKEN.match(tok)
    return (m.group(1), m.group(2), m.group(3)) if m else ("", "", tok)


def _is_symbol(tok: str) -> bool:
    return bool(re.search(r"\d", tok) and re.search(r"[A-ZĐ]", tok))


def _body_cases(body: str, needed: frozenset[str]
                ) -> tuple[dict[tuple[str, str], dict[str, int]], dict[str, dict[str, int]]]:
    """How the body writes the `needed` words (lower case) where a word, a comma or a quote and
    a space come before them: by (previous word on the line, word) and by word alone. Lines in
    capitals are left out."""
    pairs: dict[tuple[str, str], dict[str, int]] = {}
    words: dict[str, dict[str, int]] = {}
    for start, space, w in _hits(body, needed):
        lw = w.lower()
        cases = words.setdefault(lw, {})
        cases[w] = cases.get(w, 0) + 1
        prev = _last_word(body, start, space)
        if prev and (lp := prev.lower()) in needed:
            cases = pairs.setdefault((lp, lw), {})
            cases[w] = cases.get(w, 0) + 1
    return pairs, words


_CASE_BEFORE_PUNCT = ",”\""  # with a word character, what _CASE_HIT wants before the space


def _hits(body: str, needed: frozenset[str]) -> Iterator[tuple[int, int, str]]:
    """(start of its line, offset of the space before it, the word) for each _CASE_HIT of the
    needed words in the body, in the order of the text; lines in capitals left out."""
    words = sorted((w for w in needed if w), key=len, reverse=True)
    if not words:
        return
    low = body.lower()
    if len(low) == len(body):  # one lower-case character for one: offsets hold
        # _CASE_HIT narrowed to the needed words: each found in the lower-cased body with the
        # space before it by str.find (a pattern of them all was tried at every space), the
        # longest where several end no word at one place, as the pattern would take it
        at: dict[int, str] = {}
        for w in words:  # longest first
            i = low.find(" " + w)
            while i >= 0:
                end = i + 1 + len(w)
                if (end == len(low) or not _is_word_char(low[end])) and i not in at:
                    at[i] = w
                i = low.find(" " + w, i + 1)
        caps: dict[int, bool] = {}
        for space in sorted(at):
            before = body[space - 1] if space else ""
            if not (before and (_is_word_char(before) or before in _CASE_BEFORE_PUNCT)):
                continue
            start = body.rfind("\n", 0, space) + 1
            if start not in caps:
                end = body.find("\n", start)
                caps[start] = mostly_caps(body[start:end if end >= 0 else len(body)])
            if not caps[start]:
                yield start, space, body[space + 1:space + 1 + len(at[space])]
        return
    for start in [0, *(i + 1 for i, c in enumerate(body) if c == "\n")]:
        end = body.find("\n", start)
        end = end if end >= 0 else len(body)
        found = [m for m in _CASE_HIT.finditer(body, start, end) if m.group(1).lower() in needed]
        if found and not mostly_caps(body[start:end]):
            yield from ((start, m.start(), m.group(1)) for m in found)


_UNIT_LEAD = re.compile(r"^\s*" + grammar.alt("unit.province") + r"\s+", re.IGNORECASE)


def _province_name(text: str) -> str | None:
    text = _UNIT_LEAD.sub("", text.strip())
    found = provinces().get(province_key(text))
    return found.name if found else None


def _read_cover(rest: str, info: DocumentInfo) -> str | None:
    """'(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 5/1/2024 của UBND tỉnh)'."""
    acts = find_acts(rest)
    if acts and acts[0].start < 30:
        info.number = acts[0].id
        info.issued = info.issued or acts[0].issued
        return symbol_of(acts[0].id)
    blank = re.search(r"số\s*(/[A-ZĐ][\w/\-Đđ]*)", rest)
    return blank.group(1) if blank else None


def _header_issuer(pre: list[str]) -> tuple[IssuerMatch | None, Province | None]:
    """The issuing body named above the number: the last one where a parent body comes first
    ('UBND TỈNH ĐẮK LẮK / BAN CHỈ ĐẠO 138'), and the province either names."""
    text = " ".join(_MOTTO.sub(" ", line) for line in pre if line)
    text = re.sub(r"[\t|]+", " ", text)
    number = _NUMBER.search(text)
    text = text[:number.start()] if number else text
    folded = fold(text)
    last, province, pos = None, None, 0
    for m in re.finditer(r"(?<![\wĐđ])[^\W\d_]", text):
        if m.start() < pos:
            continue
        hit = issuer_at(text, folded, m.start())
        if hit and hit.provincial:
            last, pos = hit, hit.end
            province = province or hit.province
    return last, province


def _title_province(title: str | None) -> str | None:
    if not title:
        return None
    for m in _PROVINCE_CUE.finditer(title):
        found, _ = province_at(title, m.end())
        if found:
            return found.name
    return None


def _frequent_province(text: str) -> str | None:
    counts: Counter = Counter()
    for m in _PROVINCE_CUE.finditer(text):
        if fold(m.group(0)).strip() == "thu do":
            counts["Hà Nội"] += 1
            continue
        found, _ = province_at(text, m.end())
        if found:
            counts[found.name] += 1
    return counts.most_common(1)[0][0] if counts else None


def _issuer_elsewhere(text: str, lines: list[str], symbol: str | None,
                      where: Province | None) -> str | None:
    """The issuer from the preamble, the signature or the document's own symbol."""
    m = _PREAMBLE_ISSUER.search(text[:5000])
    candidates = [m.group("body")] if m else []
    candidates += [s.group("body") for s in map(_SIGNATURE.match, lines[-40:]) if s]
    for written in candidates:
        hit = issuer_at(written, fold(written), 0)
        if hit:
            return complete(hit.template, hit.province or where, hit.written)
    if symbol:
        template, _ = issuer_of_symbol(symbol.strip("/"))
        return complete(template, where)
    return None


def _year(info: DocumentInfo, text: str, lines: list[str]) -> int | None:
    if info.title:
        cited = [(a.start, a.end) for a in find_acts(info.title)]
        programmes = [(p.start, p.end) for p in find_programmes(info.title)]
        for m in _TITLE_YEAR.finditer(info.title):
            inside = any(s <= m.start() < e for s, e in cited)
            if inside or m.group("lead"):
                continue
            if m.group("g") and info.issued and any(s <= m.start() < e for s, e in programmes):
                # a plan for a programme's period ("thực hiện Chương trình … giai đoạn 2021 -
                # 2025") covers it from the year it is issued
                return max(int(m.group("g")), int(info.issued[:4]))
            return int(m.group("y") or m.group("g"))
    if info.issued:
        return int(info.issued[:4])
    for line in lines[:TOP_LINES]:
        d = _place_date(line) or re.search(r"ngày[\s.…]*tháng[\s\d.…]*năm\s+(?P<py>\d{4})",
                                           line)
        if d and d.groupdict().get("py"):
            return int(d.group("py"))
    acts = find_acts(text)
    spans = [(a.start, a.end) for a in acts]
    years = Counter(int(iso[:4]) for m in DATE_RE.finditer(text)
                    if not any(s <= m.start() < e for s, e in spans) and (iso := iso_date(m)))
    if years:
        best = max(years.values())
        return min(y for y, c in years.items() if c == best)
    dated = [a.year for a in acts if a.year]
    return max(dated) if dated else None
