"""Act-to-act relations the text states, between citations found in the same sentence.

    Quyết định số 291/QĐ-TTg … ban hành Kế hoạch triển khai Chỉ thị số 36-CT/TW   -> implements
    Kết luận số 95-KL/TW … về tiếp tục thực hiện Chỉ thị số 21-CT/TW              -> continues
    Nghị định số 116/2021/NĐ-CP … quy định chi tiết một số điều của Luật …, Luật …   -> details
    Kế hoạch triển khai … Chỉ thị số 36-CT/TW … ban hành kèm theo Quyết định số 2426/QĐ-UBND
                                                           -> 2426/QĐ-UBND implements 36-CT/TW
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangraph.ingest.legal.citations import ActMention
from plangraph.ingest.legal.named import NamedMention

_CONTINUES = re.compile(r"\s*,?\s*(?:về\s+)?(?:việc\s+)?tiếp tục\s+(?:đẩy mạnh\s+)?"
                        r"(?:triển khai\s*,?\s*)?(?:thực hiện\s+)?", re.IGNORECASE)
_DETAILS = re.compile(r"\s*,?\s*(?:quy định chi tiết và hướng dẫn thi hành|quy định chi tiết|"
                      r"hướng dẫn thi hành|hướng dẫn thực hiện)(?:\s+(?:thi hành\s+)?một số điều"
                      r"(?:\s+và biện pháp thi hành)?)?(?:\s+của)?\s+", re.IGNORECASE)
_IMPLEMENTS = re.compile(
    r"\s*,?\s*(?:về\s+)?(?:việc\s+)?(?:ban hành\s+(?:Kế hoạch|Chương trình)(?:\s+hành động)?"
    r"(?:\s+của\s+[^;,]{3,60}?)?\s+)?(?:tổ chức\s+)?(?:quán triệt\s*,?\s*)?(?:triển khai\s*,?\s*)?"
    r"(?:thực hiện\s+)?", re.IGNORECASE)
_VERB = re.compile(r"triển khai|thực hiện|quán triệt|ban hành", re.IGNORECASE)
_ANNEXED_TO = re.compile(r"\s*,?\s*\(?\s*(?:được\s+)?ban hành kèm theo\s+$", re.IGNORECASE)
_LIST_SEP = re.compile(r"\s*(?:,|và|;)\s*")


@dataclass
class Link:
    source: ActMention
    target: ActMention | NamedMention
    relation: str  # implements | details | continues


def find_links(text: str, acts: list[ActMention], named: list[NamedMention]) -> list[Link]:
    at = {a.start: a for a in acts}
    named_at = {n.start: n for n in named}
    links: list[Link] = []
    for a in acts:
        for rel, pattern in (("continues", _CONTINUES), ("details", _DETAILS),
                             ("implements", _IMPLEMENTS)):
            m = pattern.match(text, a.end)
            if not m or (rel == "implements" and not _VERB.search(m.group(0))):
                continue
            targets = _targets_at(text, m.end(), at, named_at)
            links += [Link(a, t, rel) for t in targets]
            if targets:
                break
    links += _annexed(text, acts)
    return links


def _targets_at(text: str, pos: int, at: dict, named_at: dict) -> list:
    """The act at `pos`, or the named acts listed from `pos` ('Luật A, Luật B')."""
    if pos in at:
        return [at[pos]]
    out = []
    while pos in named_at:
        n = named_at[pos]
        out.append(n)
        sep = _LIST_SEP.match(text, n.end)
        if not sep:
            break
        pos = sep.end()
    return out


def _annexed(text: str, acts: list[ActMention]) -> list[Link]:
    """'Kế hoạch triển khai … <B> … ban hành kèm theo <A>': A issues the plan implementing B."""
    out = []
    for i, a in enumerate(acts):
        clause_start = max(text.rfind(";", 0, a.start), text.rfind("\n", 0, a.start)) + 1
        before = [b for b in acts[:i] if b.start >= clause_start]
        if not before or not _ANNEXED_TO.search(text, max(before[-1].end, a.start - 40), a.start):
            continue
        b = before[0]
        head = text[clause_start:b.start]
        verb = re.search(r"(Kế hoạch|Chương trình(?: hành động)?|Quy chế|Đề án)\s+"
                         r"(?:(?:tổ chức|quán triệt|triển khai|thực hiện)\s*,?\s*)+$", head)
        if verb:
            out.append(Link(a, b, "implements"))
    return out
