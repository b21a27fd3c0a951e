"""Citations of numbered acts in running text.

    find_acts(text, province=None) -> list[ActMention]

Each `ActMention` is one citation, with character offsets into `text`:
`start`..`end` covers the type word, number-symbol, date and issuer ("Quyết định số
1452/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ"); `subject_end` extends it over the subject
("… phê duyệt Chương trình …") when one follows. `id` is the number-symbol in canonical case
("424/QĐ-TTG" -> "424/QĐ-TTg"); `type` the type as written ("Văn bản", "Công văn") or read from
the symbol; `issuer` the issuing body's full name, completed with `province` for a province's
own bodies; `scope` "national", a province name, or None when the province is unknown.

The task extractor uses the spans to avoid reading the issuer of a cited act ("… của Bộ trưởng
Bộ Công an") as an agency assigned to a task. Look-alikes are not citations: dates
("14/12/2023", "26/6"), "Ban Chỉ đạo 138/CP" (a body), a blank number ("Văn bản số /UBND-NC").
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

from plangraph.ingest.legal.data import (
    Province,
    fold,
    issuers,
    province_key,
    provinces,
    type_by_symbol,
    type_by_word,
)
from plangraph.ingest.legal.dates import iso_date
from plangraph.ingest.legal.issuers import (
    complete,
    issuer_at,
    issuer_of_symbol,
    issuer_written,
    symbol_parts,
)
from plangraph.ingest.legal.patterns import (
    BLANK_DATE_TAIL,
    DATE_TAIL,
    ISSUER_TAIL,
    LIST_JOIN,
    QUOTED_SUBJECT,
    SUBJECT_STOP,
    SUBJECT_TAIL,
    YEAR_TAIL,
    citation_matches,
)
from plangraph.ingest.text import grammar
from plangraph.ingest.text.memo import per_document

__all__ = ["ActMention", "canonical_id", "find_acts", "symbol_of"]

_LIST_AND = re.compile(r"\s*(?:,|và|,\s*và)\s*(?:(?i:số)\s*)?")
# an issuer written with one of these is a body of the province ("UBND tỉnh", "Thành ủy")
_PROVINCIAL_WORDS = grammar.pattern("unit.province", "unit.district", "unit.party_committee")


@dataclass
class ActMention:
    start: int
    end: int
    id: str  # "1452/QĐ-TTg"
    type: str | None = None  # "Quyết định"
    issued: str | None = None  # ISO date
    year: int | None = None  # of `issued`, else the year inside the number ("116/2021/NĐ-CP")
    issuer: str | None = None  # "Thủ tướng Chính phủ", "Ủy ban nhân dân tỉnh Trà Vinh"
    issuer_written: str | None = None  # as in the text: "UBND tỉnh"
    scope: str | None = None  # "national" | province name | None (province unknown)
    subject: str | None = None  # trích yếu: "phê duyệt Chương trình …"
    subject_end: int = 0
    id_end: int = 0  # end of the number-symbol
    typed: bool = False  # a type word was written before the number


def canonical_id(act_id: str) -> str:
    """Number-symbol in the case acts are printed in: '424/QĐ-TTG' -> '424/QĐ-TTg'."""
    case = issuers().symbol_case
    return re.sub(r"[A-Za-zĐđ][A-Za-zĐđ0-9]*",
                  lambda m: case.get(m.group(0).upper(), m.group(0).upper()),
                  act_id.replace("–", "-"))


def symbol_of(act_id: str) -> str:
    """'116/2021/NĐ-CP' -> 'NĐ-CP'."""
    return re.sub(r"^\d+(?:/\d{4})?[/-]", "", act_id)


def find_acts(text: str, province: str | Province | None = None) -> list[ActMention]:
    """The acts cited in `text`, in order (each a fresh copy: callers may amend them)."""
    if isinstance(province, str):
        province = provinces().get(province_key(province))
    return [copy.copy(a) for a in _find_acts(text, province)]


@per_document
def _find_acts(text: str, province: Province | None) -> tuple[ActMention, ...]:
    """Header, legal and task readers look at the same sentences: each is read once."""
    return tuple(_read_acts(text, province))


# every number-symbol has a digit followed by "/", "-" or "–": text without one cites nothing
_MAY_CITE = re.compile(r"\d[/\-–]")


def _read_acts(text: str, province: Province | None) -> list[ActMention]:
    if not _MAY_CITE.search(text):
        return []
    out: list[ActMention] = []
    for m in citation_matches(text):
        typed, sym = m.group("type"), m.group("sym")
        sym_type = type_by_symbol().get(symbol_parts(sym)[0].upper())
        follows = bool(out) and LIST_JOIN.fullmatch(text, out[-1].id_end, m.start()) is not None
        if not (typed or m.group("so") or sym_type or follows):
            continue
        if int(m.group("num")) == 0:
            continue
        written_type = type_by_word().get(fold(typed)) if typed else None
        act = ActMention(
            start=m.start(), end=m.end(), id_end=m.end(), typed=bool(typed),
            id=_id_from(text, m),
            type=written_type or sym_type or (out[-1].type if follows else None),
        )
        _read_tail(text, act, province)
        out.append(act)
    _share_list_tails(text, out)
    return out


def _id_from(text: str, m: re.Match) -> str:
    return canonical_id(text[m.start("num"):m.end("sym")])


def _read_tail(text: str, act: ActMention, province: Province | None) -> None:
    pos = act.end
    issuer = None
    written = None
    year = None
    for _ in range(3):
        d = DATE_TAIL.match(text, pos)
        if d and act.issued is None:
            act.issued = iso_date(d)
            pos = d.end()
            continue
        y = YEAR_TAIL.match(text, pos)
        if y and act.issued is None and year is None:
            year, pos = int(y.group("y")), y.end()
            continue
        blank = BLANK_DATE_TAIL.match(text, pos)
        if blank and act.issued is None:
            pos = blank.end()
            continue
        c = ISSUER_TAIL.match(text, pos)
        if c and issuer is None and written is None:
            issuer = issuer_at(text, None, c.end())
            if issuer:
                pos = issuer.end
                continue
            found = issuer_written(text, c.end())
            if found:
                written, pos = found
                continue
        break
    act.end = pos
    act.subject_end = pos
    s = SUBJECT_TAIL.match(text, pos)
    if s:
        about = fold(s.group("verb")) in ("ve", "ve viec", "v/v")
        body_start = s.end() if about else s.start("verb")
        quoted = QUOTED_SUBJECT.match(text, body_start)
        stop = SUBJECT_STOP.search(text, body_start)
        end = quoted.end() if quoted else stop.start() if stop else len(text)
        subject = text[body_start:end].strip(" ,").strip("“”\"")
        if subject:
            act.subject = subject
            act.subject_end = body_start + len(text[body_start:end].rstrip(" ,"))
    if issuer is None and written is None:
        issuer = _issuer_before(text, act.start)
    _resolve_issuer(act, issuer, written, province)
    if act.issued:
        act.year = int(act.issued[:4])
    else:
        y = re.search(r"/((?:19|20)\d{2})/", act.id)
        act.year = year or (int(y.group(1)) if y else None)


_ISSUER_BEFORE = re.compile(r"\bcủa\s+(?:" + grammar.alt("body.head_title") + r"\s+)?")
_AT = re.compile(r"\s*,?\s+tại\s+")


def _issuer_before(text: str, start: int):
    """'theo đề nghị của Giám đốc Sở Lao động - … tại Tờ trình số 412/TTr-LĐTBXH': the body
    written before the act, joined to it by 'tại'."""
    window = max(0, start - 150)
    for m in reversed(list(_ISSUER_BEFORE.finditer(text, window, start))):
        hit = issuer_at(text, None, m.end())
        at = _AT.match(text, hit.end) if hit else None
        if at and at.end() == start:
            return hit
    return None


def _resolve_issuer(act, issuer, written: str | None, province: Province | None) -> None:
    sym_issuer, sym_scope = issuer_of_symbol(symbol_of(act.id))
    if issuer:
        act.issuer_written = issuer.written
        if issuer.provincial:
            where = issuer.province or province
            act.issuer = complete(issuer.template, where, issuer.written)
            act.scope = where.name if where else None
        else:
            act.issuer, act.scope = issuer.template, "national"
        return
    if written:
        act.issuer_written = act.issuer = written
        if _PROVINCIAL_WORDS.search(written):
            act.scope = province.name if province else None
            return
    if sym_scope == "province":
        act.scope = province.name if province else None
        if act.issuer is None:
            act.issuer = complete(sym_issuer, province)
    elif sym_scope == "national":
        act.scope = "national"
        act.issuer = act.issuer or sym_issuer
    else:
        act.scope = "national"


def _share_list_tails(text: str, acts: list[ActMention]) -> None:
    """'Quyết định số 4811/QĐ-UBND và 4812/QĐ-UBND ngày 25/9/2023 của …': both dated."""
    for a, b in zip(reversed(acts[:-1]), reversed(acts[1:]), strict=True):
        if a.end != a.id_end or b.typed or not _LIST_AND.fullmatch(text, a.id_end, b.start):
            continue
        if a.issued is None and b.issued:
            a.issued, a.year = b.issued, int(b.issued[:4])
        if a.issuer is None and b.issuer:
            a.issuer, a.issuer_written, a.scope = b.issuer, b.issuer_written, b.scope
