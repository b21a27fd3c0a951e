"""Programmes (Chương trình, Chương trình mục tiêu), schemes (Đề án) and projects (Dự án).

    find_programmes(text) -> list[ProgrammeMention]   (character offsets into text)

Names are read as quoted (Đề án “Tổ chức quản lý …”, Dự án 2 “…”, “Chương trình … 2021 - 2025”)
or, unquoted, up to their time horizon ("đến năm 2020", "giai đoạn 2021 - 2025") or the end of
the phrase. Generic plurals ("các Đề án, Dự án"), "Chương trình này" and lower-case "chương
trình" (an activity, not a programme) are not programmes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangraph.ingest.text import grammar
from plangraph.ingest.text.search import not_after

KINDS = ("Chương trình mục tiêu quốc gia", "Chương trình mục tiêu Quốc gia",
         "Chương trình mục tiêu", "Chương trình", "Tiểu dự án", "Đề án", "Dự án")
_KIND = "|".join(KINDS)
_QUOTED_WHOLE = re.compile(r"[“\"]\s*(?P<name>(?:" + _KIND + r")\s[^”\"\n]{3,300}?)\s*[”\"]")
# Both are searched for with the word before them checked apart (`not_after`): a pattern that
# opens with its words, not a look-behind, is searched for from its first letters only.
_KIND_QUOTED = re.compile(r"(?P<kind>" + _KIND + r")(?P<no>\s+\d{1,2})?\s*[“\"]"
                          r"(?P<q>[^”\"\n]{3,300}?)[”\"]")
_MORE_QUOTED = re.compile(r"\s*(?:,|và|,\s*và)\s*[“\"](?P<q>[^”\"\n]{3,300}?)[”\"]")
_KIND_PLAIN = re.compile(r"(?P<kind>" + _KIND + r")\s+(?P<first>[\wĐđ]+)")
_PLURAL_BEFORE = re.compile(r"(?:(?:các|những|mỗi|\d+)|(?:các|những)\s+(?:" + _KIND + r"),)\s+$",
                            re.IGNORECASE)
_NOT_A_NAME = re.compile(
    r"(?:được|này|theo|của|và|đã|sẽ|là|có|trong|tại|số|các|thì|để|với|do|thuộc|hàng|từ|vào|"
    r"trên|nêu|đề ra|gồm|cho|khi|nhằm|bảo đảm|đảm bảo|đúng|liên quan|khác)$", re.IGNORECASE)
_HARD_STOP = re.compile(r"[;:()\t\n“”\"]|\.(?:\s|$)|…|$")
_HORIZON = re.compile(
    r"(?<!vào)(?<!trong)(?<!từ)(?<!cuối)(?<!đầu)(?<!hết)"
    r"\s(?:đến năm|giai đoạn|năm)\s+(?:19|20)\d{2}"
    r"(?:\s*[-–]\s*(?:19|20)\d{2})?(?:\s*(?:,|và)?\s*(?:định hướng|tầm nhìn) đến năm \d{4})?")
_OWNER = re.compile(r"\scủa\s+(?=[^\W\d_])")
_OWNER_STOP = re.compile(r"\strên địa bàn\s")
_SOFT_STOP = re.compile(r"\s(?:và|vào|từ|" + grammar.alt("deadline.yearly")
                        + r"|tại|theo|do|thuộc|trên địa bàn|khi|nhằm|để|được|cho|gắn với|với)\s"
                        r"|,\s")
_COMMA_BEFORE = re.compile(r"(?:phòng|chống)$")
_COMMA_AFTER = re.compile(r",\s(?:chống|chữa)\b")


@dataclass
class ProgrammeMention:
    name: str
    kind: str
    start: int
    end: int


def programme_kind(name: str) -> str:
    bare = name.lstrip("“\" ")
    for kind in KINDS:
        if bare.startswith(kind):
            return "Chương trình mục tiêu quốc gia" if kind.endswith("Quốc gia") else kind
    return "Chương trình"


def find_programmes(text: str) -> list[ProgrammeMention]:
    out: list[ProgrammeMention] = []
    taken: list[tuple[int, int]] = []

    def add(name: str, start: int, end: int) -> None:
        name = re.sub(r"\s+", " ", name).strip(" ,.")
        if any(s <= start < e for s, e in taken):
            return
        taken.append((start, end))
        out.append(ProgrammeMention(name, programme_kind(name), start, end))

    for m in _QUOTED_WHOLE.finditer(text):
        add(m.group("name"), m.start(), m.end())
    for m in not_after(_KIND_QUOTED, text, ""):
        kind = m.group("kind")
        add(text[m.start():m.end()], m.start(), m.end())
        pos = m.end()
        while more := _MORE_QUOTED.match(text, pos):
            add(f"{kind} “{more.group('q')}”", more.start("q") - 1, more.end())
            pos = more.end()
    for m in not_after(_KIND_PLAIN, text, "“\""):
        if _PLURAL_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue
        if _NOT_A_NAME.match(m.group("first")) or m.group("first").isdigit():
            continue
        end = _plain_end(text, m.end("kind"))
        if end > m.end("kind") + 2 and _named(m.group("kind"), text[m.end("kind"):end]):
            add(text[m.start():end], m.start(), end)
    out.sort(key=lambda p: p.start)
    return out


# What an unquoted "Chương trình …" is about, when it names one: "Chương trình phòng, chống ma
# túy", "Chương trình hành động …", "Chương trình giảm nghèo …". Without such a subject, a period
# or an owner, the capitalised word is the common noun ("Chương trình phù hợp", "ở cơ sở").
_SUBJECT = re.compile(
    r"\s*(?:về\s+)?(?:phòng|chống|mục tiêu|hành động|quốc gia|giảm|nâng cao|hỗ trợ|phát triển|"
    r"bảo đảm|đảm bảo|bảo vệ|chăm sóc|điều trị|cai nghiện|truyền thông|tuyên truyền|giáo dục|"
    r"đào tạo|kiểm soát|quản lý|xây dựng|tăng cường|mỗi|toàn dân)\b", re.IGNORECASE)


def _named(kind: str, rest: str) -> bool:
    if kind != "Chương trình":
        return True
    return bool(_SUBJECT.match(rest) or _HORIZON.search(rest) or _OWNER.search(rest))


def _stop(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """Where `pattern` (which matches at the end of the text at the latest) first matches."""
    m = pattern.search(text, pos)
    return m.start() if m else len(text)


def _plain_end(text: str, pos: int) -> int:
    hard = _stop(_HARD_STOP, text, pos)
    horizon = _HORIZON.search(text, pos, hard)
    if horizon:
        soft = _first_soft_stop(text, pos, horizon.start(), skip_places=True)
        if soft is None:
            end = horizon.end()
            owner = _OWNER.match(text, end)
            if owner and text[owner.end()].isupper():
                stop = _OWNER_STOP.search(text, end, hard)
                end = stop.start() if stop else hard
            return end
        return soft
    soft = _first_soft_stop(text, pos, hard)
    return hard if soft is None else soft


def _first_soft_stop(text: str, pos: int, end: int, skip_places: bool = False) -> int | None:
    for s in _SOFT_STOP.finditer(text, pos, end):
        word = s.group(0).strip()
        if word == "," and _comma_inside_name(text, s.start()):
            continue
        if skip_places and word in ("trên địa bàn", ",", "tại", "cho", "với"):
            continue
        return s.start()
    return None


def _comma_inside_name(text: str, comma: int) -> bool:
    """The comma of 'phòng, chống', 'phòng, chống, nâng cao', 'phòng cháy, chữa cháy'."""
    return bool(_COMMA_BEFORE.search(text, max(0, comma - 6), comma)
                or _COMMA_AFTER.match(text, comma))
