"""Legal references, named acts, act-to-act links and programmes of one document.

The pieces are found in the document's running text (`document.flow.Flow`) by `legal.citations`
(numbered acts), `legal.named` (acts cited by name), `legal.links` (relations between them) and
`legal.programmes`; here they are resolved into the document's acts: a later mention
("Nghị định số 116/2021/NĐ-CP", "Quyết định số 2426/QĐ-UBND") is the act cited earlier with
the same number and scope, and adds its source. The document's own number is not a reference.

Identity of acts and programmes (`named_act_key`, `programme_key` …) is in
ingest/text/identity.py, shared with graph/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from plangraph.ingest.document.flow import Flow
from plangraph.ingest.document.model import Document
from plangraph.ingest.legal.citations import ActMention, find_acts
from plangraph.ingest.legal.links import find_links
from plangraph.ingest.legal.named import NamedMention, find_named_acts
from plangraph.ingest.legal.patterns import type_words
from plangraph.ingest.legal.programmes import ProgrammeMention, find_programmes
from plangraph.ingest.models import DocumentInfo, LegalLink, LegalRef, NamedAct, Programme
from plangraph.ingest.read.reader import RawDocument
from plangraph.ingest.text import grammar
from plangraph.ingest.text.identity import named_act_key, named_act_year, programme_key

__all__ = ["LegalExtraction", "act_key", "extract_legal"]


@dataclass
class LegalExtraction:
    basis: list[tuple[str, int | None, str]] = field(default_factory=list)
    legal_refs: list[LegalRef] = field(default_factory=list)
    named_acts: list[NamedAct] = field(default_factory=list)
    legal_links: list[LegalLink] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


_LEADING_ZEROS = re.compile(r"(?<!\d)0+(?=\d)")


def act_key(act_id: str) -> str:
    """Comparison key of a number-symbol: case, dashes and leading zeros folded."""
    key = act_id.upper().replace("–", "-")
    return _LEADING_ZEROS.sub("", key) if "0" in key else key


def extract_legal(doc: Document | RawDocument, info: DocumentInfo) -> LegalExtraction:
    flow = Document.of(doc).flow
    out = LegalExtraction()
    acts = [a for a in find_acts(flow.text, info.province) if not _own_number(a, info, flow)]
    refs = _resolve(acts, flow, info, out)
    named = find_named_acts(flow.text, info.title)
    names = _named_acts(named, flow, out)
    links = find_links(flow.text, acts, named)
    for link in links:
        target = refs[id(link.target)].id if isinstance(link.target, ActMention) \
            else names[id(link.target)]
        src = refs[id(link.source)].id
        if src != target and (src, target) not in {(x.from_, x.to) for x in out.legal_links}:
            out.legal_links.append(LegalLink(src, target, link.relation,
                                             flow.source(link.source.start, link.target.end)))
    linked = {id(link.target) for link in links}
    for a in _basis_mentions(flow, acts, info):
        key = refs[id(a)].key
        if id(a) not in linked and key not in out.basis:
            out.basis.append(key)
    out.programmes = _programmes(flow, acts, refs, info)
    return out


_ANNEXED = re.compile(r"kèm theo\s+$", re.IGNORECASE)


def _own_number(a: ActMention, info: DocumentInfo, flow: Flow) -> bool:
    """The document's number in its header, in the cover line of the attached plan or an
    appendix ("(Kèm theo Kế hoạch số 215/KH-UBND ngày 10/6/2021 …)"), or repeated undated."""
    if not info.number or act_key(a.id) != act_key(info.number):
        return False
    if info.source is None or flow.line_at(a.start) <= info.source.line_end:
        return True
    if _ANNEXED.search(flow.text, max(0, a.start - 30), a.start):
        return True
    return a.issued is None or a.issued == info.issued


def _resolve(acts: list[ActMention], flow: Flow, info: DocumentInfo,
             out: LegalExtraction) -> dict[int, LegalRef]:
    """Each mention to its act; mentions of one act share one LegalRef."""
    refs: dict[int, LegalRef] = {}
    for a in acts:
        scope = a.scope
        if scope is None:
            scope = "national"
            out.warnings.append(f"{flow.source(a.start, a.end)}: {a.id}: không rõ tỉnh / "
                                "province unknown, scope set to national")
        same = [r for r in out.legal_refs if act_key(r.id) == act_key(a.id)]
        bare = a.issued is None and a.issuer_written is None
        scoped = [r for r in same if r.scope == scope]
        if a.issued:
            match = [r for r in scoped if r.issued is None or r.year == a.year]
        else:
            match = [r for r in scoped or (same if bare else [])
                     if a.year is None or r.year in (None, a.year)]
        ref = match[-1] if match else None
        if ref is None:
            ref = LegalRef(id=a.id, type=a.type, issuer=a.issuer, issued=a.issued, year=a.year,
                           scope=scope, name=a.subject)
            out.legal_refs.append(ref)
        else:
            if ref.issued is None and a.issued:
                ref.issued, ref.year = a.issued, a.year
            ref.year = ref.year or a.year
            ref.type = ref.type or a.type
            if a.issuer_written and (ref.issuer is None or not _written_issuer(ref, acts, refs)):
                ref.issuer = a.issuer
            if a.subject and (ref.name is None or ref.name.isupper()):
                ref.name = a.subject
        ref.sources.append(flow.source(a.start, a.end))
        refs[id(a)] = ref
    return refs


def _written_issuer(ref: LegalRef, acts: list[ActMention], refs: dict[int, LegalRef]) -> bool:
    return any(refs.get(id(a)) is ref and a.issuer_written for a in acts)


def _named_acts(named: list[NamedMention], flow: Flow, out: LegalExtraction) -> dict[int, str]:
    """NamedAct per distinct act ('Luật X 2021' = 'Luật X năm 2021' = 'Luật X', but not 'Luật X
    năm 2000'); id(mention) -> the act's name."""
    by_key: dict[str, list[NamedAct]] = {}
    names: dict[int, NamedAct] = {}
    for n in named:
        year = named_act_year(n.name)
        acts = by_key.setdefault(named_act_key(n.name), [])
        same = [a for a in acts if year is None or named_act_year(a.name) in (None, year)]
        act = same[-1] if same else None
        if act is None:
            act = NamedAct(n.name, n.kind)
            acts.append(act)
            out.named_acts.append(act)
        elif year and not named_act_year(act.name):
            act.name = n.name
        act.sources.append(flow.source(n.start, n.end))
        names[id(n)] = act
    return {k: a.name for k, a in names.items()}


_HEADING = re.compile(r"^(?:(?P<roman>[IVX]+)\s*[.)/]|(?P<arabic>\d+)\s*[.)]|[a-zđ]\)|Điều\s+\d|"
                      + grammar.alt("part.phan", case="title") + r"\s|QUYẾT ĐỊNH\s*:|"
                      + grammar.alt("part.muc", case="upper") + r"\s)")
ACT_TYPE_WORDS = r"(?:" + type_words() + r")\b"
# "Trên cơ sở", "Theo", "Nhằm", "Để" found a basis only when an act or an implementing verb
# follows at once; "Trên cơ sở kết quả thực hiện Kế hoạch số …" reviews a past plan.
_BASIS_VERB = re.compile(
    r"^[-–+•]?\s*(?:" + grammar.alt("basis.implementing", case="title") + "|"
    + grammar.alt("basis.before_act", case="title") + r"\s+(?=" + ACT_TYPE_WORDS + r")|"
    + grammar.alt("basis.purpose", case="title") + r"\s+(?=(?:" + grammar.alt("basis.to_chuc")
    + r"\s+)?" + grammar.alt("basis.carrying_out") + r"\b))")
_BASIS_HEADING = re.compile(r"^(?:[IVX]+|\d+)\s*[.)]\s*"
                            + grammar.alt("section.can_cu", case="title"))


def _level(para: str) -> int:
    m = _HEADING.match(para)
    return 0 if not m else 1 if m.group("roman") else 2 if m.group("arabic") else 3


def _basis_mentions(flow: Flow, acts: list[ActMention], info: DocumentInfo) -> list[ActMention]:
    """Mentions in the title, the preamble ("Thực hiện …", "Căn cứ …") or a "Căn cứ" section."""
    src = info.source
    zones: list[tuple[int, int]] = []
    preamble, section = True, 0
    for start, end in flow.paragraphs():
        para, line = flow.text[start:end], flow.line_at(start)
        if src and line <= src.line_end:
            if line >= src.line_start:
                zones.append((start, end))
            continue
        level = _level(para)
        if _BASIS_HEADING.match(para):
            section = level
            continue
        if level or "\t" in para:
            preamble = False
            if section and 0 < level <= section:
                section = 0
        if section or (preamble and _BASIS_VERB.match(para)):
            zones.append((start, end))
    return [a for a in acts if any(s <= a.start < e for s, e in zones)]


def _programmes(flow: Flow, acts: list[ActMention], refs: dict[int, LegalRef],
                info: DocumentInfo) -> list[Programme]:
    own = programme_key(f"{info.kind or ''} {info.title or ''}")
    found: dict[str, Programme] = {}
    for p in find_programmes(flow.text):
        key = programme_key(p.name)
        if key == own:
            continue
        prog = found.get(key)
        if prog is None:
            prog = found[key] = Programme(p.name, p.kind)
        prog.sources.append(flow.source(p.start, p.end))
        _acts_around(flow.text, p, acts, refs, prog)
    return _merge_short_names(found)


_ESTABLISHES_BEFORE = re.compile(r"(?:phê duyệt|ban hành)\s+$", re.IGNORECASE)
_IMPLEMENTS_BEFORE = re.compile(r"(?:triển khai|thực hiện)\s+$", re.IGNORECASE)
_ACT_AFTER = re.compile(r"\s*,?\s*\(?\s*(?:được\s+)?(?:ban hành kèm theo|phê duyệt tại|"
                        r"(?:được\s+)?phê duyệt theo|theo|tại)\s+", re.IGNORECASE)
_ESTABLISHING_TYPES = ("Quyết định", "Nghị quyết", "Nghị định")


def _acts_around(text: str, p: ProgrammeMention, acts: list[ActMention],
                 refs: dict[int, LegalRef], prog: Programme) -> None:
    """'Quyết định … phê duyệt <P>', '<P> (ban hành kèm theo Quyết định …)',
    'Kế hoạch … về thực hiện <P>', '<P> theo Kế hoạch số …'."""
    before = [a for a in acts if a.end <= p.start <= a.subject_end + 1]
    for a in before:
        gap = text[a.end:p.start]
        if len(gap) > 60 or re.search(r"[;()]", gap):
            continue
        if _ESTABLISHES_BEFORE.search(gap) and prog.established_by is None:
            prog.established_by = refs[id(a)].id
        elif _IMPLEMENTS_BEFORE.search(gap) and refs[id(a)].id not in prog.implemented_by:
            prog.implemented_by.append(refs[id(a)].id)
    after = _ACT_AFTER.match(text, p.end)
    if after:
        cited = next((x for x in acts if x.start == after.end()), None)
        if cited is None:
            return
        ref = refs[id(cited)]
        if ref.type in _ESTABLISHING_TYPES:
            prog.established_by = prog.established_by or ref.id
        elif ref.id not in prog.implemented_by:
            prog.implemented_by.append(ref.id)


def _merge_short_names(found: dict[str, Programme]) -> list[Programme]:
    """'Chương trình phòng, chống ma túy' is the one '… đến năm 2020' of the same document
    when it is the only longer name it begins."""
    keys = list(found)
    for k in keys:
        longer = [o for o in keys if o != k and o.startswith(k + " ") and o in found]
        if len(longer) == 1 and k in found:
            into, short = found[longer[0]], found.pop(k)
            into.sources += short.sources
            into.established_by = into.established_by or short.established_by
            into.implemented_by += [i for i in short.implemented_by if i not in into.implemented_by]
    return list(found.values())
