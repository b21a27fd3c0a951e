"""Regular expressions of legal citations, built once from the reference data.

A citation reads: type word, optional "số", number-symbol, then optionally its date, its
issuer ("của …") and its subject ("về …"):

    Quyết định số 1452/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ phê duyệt …
    Chỉ thị số 36-CT/TW ngày 16 tháng 8 năm 2019 của Bộ Chính trị về …
    Nghị quyết 04/2023/NQ-HĐND ngày 27 tháng 02 năm 2023 của Hội đồng nhân dân tỉnh …
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from plangraph.ingest.legal.data import act_types
from plangraph.ingest.legal.dates import DATE
from plangraph.ingest.text import grammar

# One part of a symbol: "QĐ", "TTg", "HĐND", "V01", "BCĐ138".
SYMBOL_PART = r"[A-ZĐ][A-Za-zĐđ0-9]*"
# "1452/QĐ-TTg", "36-CT/TW", "116/2021/NĐ-CP", "502/BCA-V01"; no spaces inside.
NUMBER_SYMBOL = (
    r"(?P<num>\d{1,5})(?P<yr>/(?:19|20)\d{2})?[/\-–](?P<sym>" + SYMBOL_PART
    + r"(?:[/\-–]" + SYMBOL_PART + r")*)(?![\w/])"
)

DATE_TAIL = re.compile(r"\s*,?\s*(?:(?i:ban hành)\s+)?(?i:ngày)\s+" + DATE, re.IGNORECASE)
BLANK_DATE_TAIL = re.compile(r"\s*,?\s*ngày\s+(?:\d{1,2}\s+)?tháng\s+\d{0,2}\s*năm\s+\d{4}",
                             re.IGNORECASE)
# "Quyết định số 1876/QĐ-UBND năm 2019 của UBND tỉnh": the year alone, no day or month.
YEAR_TAIL = re.compile(r"\s*,?\s*(?i:năm)\s+(?P<y>(?:19|20)\d{2})(?![\d/])")
ISSUER_TAIL = re.compile(r"\s*,?\s*(?i:của)\s+")
SUBJECT_TAIL = re.compile(
    r"\s*,?\s*(?P<verb>(?i:về việc|về|v/v|quy định|phê duyệt|ban hành|hướng dẫn|triển khai))\s+")
# Words that end an issuer written after "của" that the reference data does not know.
ISSUER_STOP = re.compile(
    r"\s(?:về|quy định|phê duyệt|ban hành|hướng dẫn|triển khai|thực hiện|tại|đã|ngày|theo|"
    r"và|với|trong|trên|đối với|cho)\s|,(?!\s*chống)|[;.:()\t\"“”]|$", re.IGNORECASE)
# The end of a subject ("về …"): the clause ends, another act's citation begins ("…, Quyết
# định số", "… và Quyết định số"), or the preamble's enacting clause follows ("…, Ủy ban nhân
# dân Thành phố ban hành Kế hoạch …").
SUBJECT_STOP = re.compile(
    r"[;()\t]|\.(?:\s|$)|(?:,|\s(?:và|cùng))\s(?=[A-ZĐ][a-zà-ỹđ]+(?:\s[a-zà-ỹđ]+){0,2}\s+số\b)"
    r"|,\s(?=(?:" + grammar.alt("body.adopting") + "|"
    + grammar.alt("unit.party_committee", case="title") + r")\b[^,;.]{0,80}?"
    r"\b(?:ban hành|xây dựng)\b)|$")
# A subject written in quotes ("về “Tăng cường …”") ends at its closing quote.
QUOTED_SUBJECT = re.compile(r"“[^“”]{1,400}”|\"[^\"]{1,400}\"")
# Between two numbers of one list: "Quyết định số 4811/QĐ-UBND và 4812/QĐ-UBND".
LIST_JOIN = re.compile(r"\s*(?:,|;|và|,\s*và)\s*(?:(?i:số)\s*)?$")


@cache
def type_words() -> str:
    words = sorted({w for t in act_types() for w in t.words}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in words)


@cache
def citation_re() -> re.Pattern:
    """Type word and/or "số" before a number-symbol, or a bare number-symbol."""
    return re.compile(
        r"(?<![\wĐđ])(?:(?P<type>(?i:" + type_words() + r"))\s*(?:(?i:số)\s*:?\s*)?"
        r"|(?P<so>(?i:số))\s*:?\s*)?" + NUMBER_SYMBOL
    )


_NUMBER_SYMBOL_RE = re.compile(NUMBER_SYMBOL)


def citation_matches(text: str) -> Iterator[re.Match]:
    """`citation_re().finditer(text)`, tried only before number-symbols.

    A citation holds a number-symbol, and what comes before it (type word, "số", spaces, a
    colon) holds no digit, so a citation starting before the next number-symbol starts at
    most a type word, "số" and their spaces before it: the full pattern is searched from
    there, not tried at every position of a 40 k-character plan.
    """
    pos = 0
    while (num := _NUMBER_SYMBOL_RE.search(text, pos)) is not None:
        m = citation_re().search(text, _prefix_start(text, num.start(), pos))
        if m is None:
            return
        yield m
        pos = m.end()


def _prefix_start(text: str, n: int, pos: int) -> int:
    """No citation whose number-symbol starts at `n` starts before the returned offset."""
    k = n
    while k > pos and (text[k - 1].isspace() or text[k - 1] == ":"):  # `\s*:?\s*`
        k -= 1
    k -= len("số")
    while k > pos and text[k - 1].isspace():
        k -= 1
    return max(pos, k - _longest_type_word())


@cache
def _longest_type_word() -> int:
    return max(len(w) for t in act_types() for w in t.words)
