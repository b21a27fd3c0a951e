"""Acts cited by name only: laws, codes, strategies, conventions, unnumbered named plans.

    Luật Phòng, chống ma túy năm 2021 · Luật Xử lý vi phạm hành chính · Bộ luật Hình sự ·
    Chiến lược quốc gia phòng, chống và kiểm soát ma túy đến năm 2020 và định hướng đến năm 2030 ·
    Công ước quốc tế về kiểm soát ma túy · Kế hoạch phòng, chống tội phạm năm 2024

An amending law is one act named by what it amends ("Luật sửa đổi, bổ sung một số điều của
Luật A và Luật B"); an abbreviation in brackets stays in the name ("… ở người (HIV/AIDS) năm 2006").
Generic plurals ("các Công ước quốc tế") and the document itself ("ban hành Kế hoạch …") are
not named acts. A name is cut where the citation ends: punctuation, "và" (unless it continues
the name: "phòng, chống và kiểm soát", "và định hướng"), or a word that starts a new clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangraph.ingest.text import grammar
from plangraph.ingest.text.search import not_after
from plangraph.ingest.text.vntext import loose_key

# searched for from its first letters, the word before it checked apart (`not_after`: a leading
# look-behind made the pattern try every position of the text)
_HEAD = re.compile(r"(?P<kind>Bộ luật|Luật|Pháp lệnh|Hiến pháp|Chiến lược|Công ước|"
                   r"Kế hoạch)\s+(?!số\b|\d)")
_PLURAL_BEFORE = re.compile(r"(?:các|những|mọi|một số)\s+$", re.IGNORECASE)
_SELF_BEFORE = re.compile(r"(?:ban hành|xây dựng)\s+$", re.IGNORECASE)
_HARD_STOP = re.compile(r"[;:()\t\n“”\"]|\.(?:\s|$)|…|$")
_ABBREVIATION = re.compile(r"\((?:[A-ZĐ][A-Za-zĐđ0-9]*[/\-&]?)+\)")
_SOFT_STOP = re.compile(
    r",\s(?!chống|chữa)|\s(?:và|ngày|đã|được|theo|tại|thì|để|nhằm|với|hiện hành|sửa đổi|cho|"
    r"trên|đến nay|có hiệu lực|gồm)\s")
_CONTINUES_AND = re.compile(r"\svà\s(?:định hướng|tầm nhìn|kiểm soát|chống|phòng)")
_ABOUT = re.compile(r"\svề\s")
_YEAR_END = re.compile(r"^(?:năm\s+)?(?:19|20)\d{2}")
_PLAN_YEAR = re.compile(r"(?:năm|giai đoạn)\s+(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?")
_PLAN_NOT_NAMED = re.compile(r"(?:này|số|của|triển khai|thực hiện|tổ chức|liên ngành|chi tiết|"
                             r"cụ thể|công tác|năm|" + grammar.alt("deadline.yearly") + r"|và)\b",
                             re.IGNORECASE)


@dataclass
class NamedMention:
    name: str
    kind: str
    start: int
    end: int


def find_named_acts(text: str, own_title: str | None = None) -> list[NamedMention]:
    out: list[NamedMention] = []
    for m in not_after(_HEAD, text, ""):
        kind, start = m.group("kind"), m.start()
        if out and start < out[-1].end or _PLURAL_BEFORE.search(text[max(0, start - 12):start]):
            continue
        amends = _AMENDS.match(text, start)
        if amends:
            end = _amended_end(text, amends.end())
            out.append(NamedMention(text[start:end], kind, start, end))
            continue
        end = _name_end(text, m.end(), kind)
        name = text[start:end].rstrip(" ,.")
        words = name.split()
        if len(words) <= len(kind.split()):
            continue
        first = words[len(kind.split())]
        if kind in ("Luật", "Bộ luật", "Pháp lệnh", "Hiến pháp") and not first[:1].isupper():
            continue
        if kind == "Công ước" and len(words) < 4:
            continue
        if kind == "Kế hoạch" and not _named_plan(text, start, name, own_title):
            continue
        out.append(NamedMention(name, kind, start, start + len(name)))
    return out


# "Luật sửa đổi, bổ sung một số điều của Luật A [và Luật B] năm 2020": one law, named by the
# laws it amends; its year closes the name.
_AMENDS = re.compile(r"(?:Bộ luật|Luật|Pháp lệnh)\s+sửa đổi(?:\s*,\s*bổ sung)?\s+"
                     r"(?:một số điều\s+)?(?:của\s+)?(?=(?:Bộ luật|Luật|Pháp lệnh)\s+[A-ZĐ])")
_NEXT_AMENDED = re.compile(r"\s*(?:,|và|,\s*và)\s*(?=(?:Bộ luật|Luật|Pháp lệnh)\s+[A-ZĐ])")
_AMENDED_LAW = re.compile(r"(?P<kind>Bộ luật|Luật|Pháp lệnh)\s+")


def _amended_end(text: str, pos: int) -> int:
    while True:
        law = _AMENDED_LAW.match(text, pos)
        if law is None:  # the caller matched an amending law's head here
            return pos
        end = _name_end(text, law.end(), law.group("kind"))
        more = _NEXT_AMENDED.match(text, end)
        if _YEAR_END.search(text[max(pos, end - 4):end]) or not more:
            return len(text[:end].rstrip(" ,."))
        pos = more.end()


def _hard_end(text: str, pos: int) -> int:
    """Where the name must end; an abbreviation in brackets belongs to it ("… ở người
    (HIV/AIDS) năm 2006")."""
    while True:
        m = _HARD_STOP.search(text, pos)
        hard = m.start() if m else len(text)
        abbr = _ABBREVIATION.match(text, hard)
        if not abbr:
            return hard
        pos = abbr.end()


def _name_end(text: str, pos: int, kind: str) -> int:
    hard = _hard_end(text, pos)
    end = hard
    for s in _SOFT_STOP.finditer(text, pos, hard):
        if s.group(0).strip() == "và" and _CONTINUES_AND.match(text, s.start()):
            continue
        end = s.start()
        break
    if kind in ("Luật", "Bộ luật", "Pháp lệnh"):
        about = _ABOUT.search(text, pos, end)
        end = about.start() if about else end
        year = re.search(r"\s(?:năm\s+)?(?:19|20)\d{2}\b", text[pos:end])
        end = pos + year.end() if year else end
    return end


def _named_plan(text: str, start: int, name: str, own_title: str | None) -> bool:
    """'Kế hoạch phòng, chống tội phạm năm 2024': a plan named by topic and year."""
    topic = name[len("Kế hoạch"):].strip()
    if _SELF_BEFORE.search(text[max(0, start - 12):start]) or _PLAN_NOT_NAMED.match(topic):
        return False
    year = _PLAN_YEAR.search(topic)
    if not year or year.end() < len(topic) - 1 or len(topic.split()) > 16:
        return False
    if own_title:
        own = set(loose_key(own_title).replace(",", " ").split())
        if set(loose_key(topic).replace(",", " ").split()) <= own:
            return False
    return True
