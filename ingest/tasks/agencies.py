"""Who does a task, read from its running text: subjects (who is assigned) and support.

    reader = AgencyReader(resolver, province)
    reader.subjects("Giao Công an tỉnh có trách nhiệm theo dõi …")  -> [Subject(…)]
    reader.support("Phối hợp với Công an tỉnh, Sở Y tế tăng cường …") -> [AgencyMatch, …]

Mentions come from the agency resolver; a list ("Công an tỉnh, Sở Y tế và các ngành liên
quan") is one chain. Ignored everywhere: national bodies (ministries are never provincial
assignees), issuers inside legal citations ("… của Bộ trưởng Bộ Công an"), names inside quotes
(programme and project names: Dự án “… của Bộ Công an, Bộ Quốc phòng …”).

Support is a chain governed by "phối hợp (với)", "kết hợp với", "cùng", "với sự tham gia
của", or by "với" in a clause about working together ("trao đổi thông tin với", "kế hoạch liên
ngành giữa … với …"); a bare collective noun right after "phối hợp với" ("tăng cường phối hợp
với địa phương") is the collective. The objects of "Chỉ đạo X", "Hướng dẫn X", "báo cáo X",
"giúp X" are not.

A subject is a chain that opens a clause and is followed by a verb ("Bộ Chỉ huy Bộ đội Biên
phòng tỉnh phối hợp …", "Căn cứ Kế hoạch này, các cơ quan, đơn vị, địa phương tổ chức …",
"Định kỳ 06 tháng và năm các cơ quan … báo cáo …", "Các sở, ngành thuộc diện sắp xếp tiếp
nhận …") or by its standing role ("Sở Y tế là cơ
quan thường trực, chủ trì …", a lead), or one introduced by "Giao", "Đề nghị",
"Yêu cầu". A comma-opened clause counts only after an adverbial opening ("Căn cứ …, ",
"Kết thúc …, ") or after other subjects; a clause after a short label ("Chế độ báo cáo: Các
sở, ngành … báo cáo …") counts too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from plangraph.ingest.agencies.resolver import AgencyMatch, AgencyResolver
from plangraph.ingest.legal.citations import find_acts
from plangraph.ingest.text import grammar
from plangraph.ingest.text.memo import per_document

__all__ = ["AgencyReader", "Subject", "mask"]


@dataclass(frozen=True)
class Subject:
    chain: tuple[AgencyMatch, ...]
    how: str  # "giao" | "de_nghi" | "yeu_cau" | "chu_tri" | "trach_nhiem" | "plain"

    @property
    def explicit_lead(self) -> bool:
        """Assigned in words that make it lead whatever the document's convention."""
        return self.how in ("giao", "chu_tri", "trach_nhiem")


_QUOTED = re.compile(r"“[^”]{0,400}”|\"[^\"]{0,400}\"")
# what may stand between two agencies of one list
_LIST_GAP = re.compile(r"^(?:\s|,|;|\bvà\b|\bhoặc\b|\bcác\b|\([^()]{0,120}\))*$")
_ADVERBS = r"(?:\s+" + grammar.alt("role.manner") + ")*"
_SUPPORT = grammar.alt("role.support")  # "phối hợp", "kết hợp", "hợp tác" …
_SUPPORT_BEFORE = re.compile(
    r"(?:\b" + _SUPPORT + _ADVERBS + r"(?:\s+với)?"
    r"|\b" + grammar.alt("role.support_with") + r"(?:\s+với)?"
    r"|\bvới\s+sự\s+" + grammar.alt("role.support_by") + r"\s+của)\s*$",
    re.IGNORECASE,
)
# a bare collective noun right after "phối hợp với" is the collective ("phối hợp với địa phương")
_GOVERNS = re.compile(r"\b" + _SUPPORT + _ADVERBS + r"\s+với\s+", re.IGNORECASE)
_WITH_BEFORE = re.compile(r"\bvới\s*$", re.IGNORECASE)
_TOGETHER = grammar.pattern("role.together")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-ZĐÀ-Ỹ\d“\"(])|[.!?]$")
_CLAUSE_PUNCT = ",;:"
# "Giao X …", "Đề nghị X …": the group named after the verb's entry ("giao", "de_nghi", …)
_LEAD_IN = re.compile(
    "^(?:" + "|".join(f"(?P<{name.split('.')[1]}>{grammar.alt(name)})"
                      for name in grammar.names("assign")) + ")$",
    re.IGNORECASE,
)
_DELEGATED = re.compile(r"^(.+?)\s+(" + grammar.alt("assign") + ")$", re.IGNORECASE)
# a chain followed by these hands the work on ("giao", "đề", "yêu")
_DELEGATING = {w.split()[0] for w in grammar.words("assign")}
_TIME_FIRST = {"định", "hàng", "hằng", "mỗi", "trước", "trong", "sau", "cuối", "đầu", "vào"}
_TIME_WORDS = _TIME_FIRST | {"kỳ", "tháng", "năm", "quý", "ngày", "tuần", "và", "hoặc"}
_OPENER = re.compile(r"^" + grammar.alt("clause.opener", "time.periodic") + r"\b", re.IGNORECASE)
# "Sở Y tế là cơ quan thường trực, chủ trì …": the body named to run the plan leads it
_STANDING = re.compile(r"^là\s+" + grammar.alt("role.holder") + r"\s+"
                       + grammar.alt("role.standing", "role.chu_tri"), re.IGNORECASE)
# the subject narrowed to a category before its verb: "Các sở … thuộc diện sắp xếp tiếp nhận …"
_CHU_TRI = grammar.pattern("role.chu_tri")
_RESPONSIBLE = grammar.pattern("role.responsible")
_CATEGORY = re.compile(r"^thuộc\s+(?:diện|phạm\s+vi|đối\s+tượng)\b")
# a short label that opens a sentence ("Chế độ báo cáo: Các sở, ngành … báo cáo …"): its subject
# does the work
_LABEL = re.compile(r"^\s*[^\W\d]\w*(?:\s+\w+){0,5}\s*:$")
# words after a chain that show it is not the subject of a verb
_NOT_VERB = {"của", "thuộc", "tại", "trên", "về", "và", "cho", "ở", "với", "trong", "theo", "từ",
             "đến", "là", "các", "những", "nơi", "do", "bởi", "được", "đã", "cấp"}
_AFTER_CHAIN = re.compile(r"^\s*(?:\([^()]{0,200}\)\s*)?(?:-\s*)?([^\s,.;:()]+)")


def mask(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the given spans blanked out (same length, so offsets stay valid)."""
    chars = list(text)
    for a, b in spans:
        for i in range(max(0, a), min(len(chars), b)):
            if chars[i] not in "\n":
                chars[i] = " "
    return "".join(chars)


class AgencyReader:
    def __init__(self, resolver: AgencyResolver, province: str | None = None) -> None:
        self.resolver = resolver
        self.province = province

    # --- mentions ---------------------------------------------------------------------------

    def blank_citations(self, text: str) -> str:
        """Legal citations and quoted names blanked out: their bodies are not assignees."""
        return _blank_citations(text, self.province)

    def mentions(self, text: str) -> list[AgencyMatch]:
        """Provincial (or collective) agencies named in running text, in order."""
        clean = self.blank_citations(text)
        return [m for m in self.resolver.scan(clean) if not m.national]

    def chains(self, text: str) -> list[list[AgencyMatch]]:
        out: list[list[AgencyMatch]] = []
        for m in self.mentions(text):
            if out and _LIST_GAP.match(text[out[-1][-1].end:m.start]):
                out[-1].append(m)
            else:
                out.append([m])
        return out

    # --- support ----------------------------------------------------------------------------

    def support(self, text: str) -> list[AgencyMatch]:
        """Agencies brought in to work alongside: 'phối hợp với X', 'cùng X', …"""
        out: list[AgencyMatch] = []
        for chain in self.chains(text):
            start = chain[0].start
            before = text[max(0, start - 120):start]
            before = before[_last_sentence_end(before):]
            if _SUPPORT_BEFORE.search(before) or (
                _WITH_BEFORE.search(before) and _TOGETHER.search(before)
            ):
                out.extend(chain)
        return sorted(out + self._governed_collectives(text), key=lambda m: m.start)

    def _governed_collectives(self, text: str) -> list[AgencyMatch]:
        clean = self.blank_citations(text)
        out: list[AgencyMatch] = []
        if not grammar.may_match(clean.lower(), "role.support"):  # _GOVERNS opens with one
            return out
        taken = [(m.start, m.end) for m in self.resolver.scan(clean)]
        for g in _GOVERNS.finditer(clean):
            m = self.resolver.collective_noun(clean[g.end():g.end() + 40])
            if m is None or any(a < g.end() + m.end and g.end() + m.start < b for a, b in taken):
                continue
            out.append(replace(m, start=g.end() + m.start, end=g.end() + m.end))
        return out

    # --- subjects ---------------------------------------------------------------------------

    def subjects(self, text: str) -> list[Subject]:
        """Chains that a clause assigns work to (see the module docstring)."""
        found: list[Subject] = []
        sentence_start = 0
        sentence_subjects = 0
        sentence_chains = 0
        bounds = [m.end() for m in _SENTENCE_END.finditer(text)]
        for chain in self.chains(text):
            start = chain[0].start
            new_start = max([b for b in bounds if b <= start], default=0)
            if new_start != sentence_start:
                sentence_start, sentence_subjects, sentence_chains = new_start, 0, 0
            sentence_chains += 1
            before = text[sentence_start:start]
            cut = max(before.rfind(c) for c in _CLAUSE_PUNCT)
            tail = before[cut + 1:].strip() if cut >= 0 else before.strip()
            if cut >= 0 and not (_OPENER.match(before.strip())
                                 or sentence_subjects == sentence_chains - 1 > 0
                                 or (sentence_chains == 1 and _LABEL.match(before[:cut + 1]))):
                continue
            delegated = _DELEGATED.match(tail)
            if delegated and self._only_agencies(delegated.group(1)):
                tail = delegated.group(2)  # "Ủy ban nhân dân tỉnh giao Sở Y tế …"
            how = _how(tail, text[chain[-1].end:])
            if how is None:
                continue
            found.append(Subject(tuple(chain), how))
            sentence_subjects += 1
        return found


    def _only_agencies(self, s: str) -> bool:
        found = self.resolver.scan(s)
        rest = s
        for m in reversed(found):
            rest = rest[:m.start] + rest[m.end:]
        return bool(found) and not rest.strip(" ,;-")


@per_document  # support, subjects and collectives read the same sentence
def _blank_citations(text: str, province: str | None) -> str:
    spans = [(a.start, max(a.end, a.subject_end)) for a in find_acts(text, province)]
    spans += [m.span() for m in _QUOTED.finditer(text)]
    return mask(text, spans)


def _last_sentence_end(s: str) -> int:
    ends = [m.end() for m in _SENTENCE_END.finditer(s)]
    return ends[-1] if ends else 0


def _how(tail: str, after: str) -> str | None:
    """How a chain with `tail` before it (in its clause) and `after` it is assigned, if it is."""
    m = _LEAD_IN.match(tail)
    if m:
        return m.lastgroup
    if tail and not _is_time_adverbial(tail):
        return None
    nxt = _AFTER_CHAIN.match(after)
    if nxt is None:
        return None
    word = nxt.group(1)
    rest = after[nxt.start(1):].lower()
    if _STANDING.match(rest):
        return "chu_tri"
    if _CATEGORY.match(rest):  # "Các sở, ban, ngành tỉnh thuộc diện sắp xếp, … tiếp nhận …"
        return "plain"
    if not word[:1].islower() or word.lower() in _NOT_VERB | _DELEGATING:
        return None
    if _CHU_TRI.match(rest):
        return "chu_tri"
    if _RESPONSIBLE.match(rest):  # "có trách nhiệm", "chịu trách nhiệm"
        return "trach_nhiem"
    return "plain"


def _is_time_adverbial(tail: str) -> bool:
    words = tail.lower().split()
    return bool(words) and words[0] in _TIME_FIRST and all(
        w in _TIME_WORDS or re.fullmatch(r"[\d/]+", w) for w in words
    )
