"""Deadlines of tasks: the phrase as written, and a normalised period code.

`find_when(text)` picks the deadline phrase out of a task's text ("trước ngày 05/6/2023",
a parenthesis "(thực hiện trong quý IV năm 2023)"); `time_label(text)` reads the value of a
"Thời gian (thực hiện): …" label. `normalise_period(when)` turns what is written into a code
of this small grammar, and `period_matches(code, query)` says whether a code falls in a period
an analyst typed ("Quý II", "quy 2/2024", "6/2024", "2024", "thường xuyên").

Period codes::

    code  := item ("," item)*
    item  := "ongoing"                  thường xuyên, liên tục, hằng năm
           | "by " (date | [year "-"] unit)   trước ngày / chậm nhất ngày / trước Quý III …
           | date                       a day ("ngày 26/6/2024")
           | [year "-"] unit ["-" unit] Quý II -> Q2, Quý I – II -> Q1-Q2, Quý III/2024 -> 2024-Q3
           | year ["-" year]            cả năm 2024 -> 2024, giai đoạn 2021 - 2025 -> 2021-2025
    unit  := "Q"1..4 | "M"1..12 | "H"1..2   quarter, month, half-year
    date  := YYYY-MM-DD | --MM-DD        (ISO; "--06-14" when the year is not written)

No year is invented: "Quý II" stays "Q2" and matches a query of any year.

    >>> normalise_period("Quý I – II"), normalise_period("Tháng 6, 12")
    ('Q1-Q2', 'M6,M12')
    >>> normalise_period("trước ngày 05/6/2023"), normalise_period("xong trong Quý III/2024")
    ('by 2023-06-05', '2024-Q3')
    >>> period_matches("Q1-Q2", "Quý II"), period_matches("2024-M6", "quy 2/2024")
    (True, True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangraph.ingest.text import grammar
from plangraph.ingest.text.vntext import nfc, strip_diacritics

__all__ = ["find_when", "normalise_period", "period_matches", "time_label"]

# ------------------------------------------------------------------ the phrase as written

# "Thời gian thực hiện: cả năm 2024", "thời gian hoàn thành: Quý II", "Thời hạn: …", "Tiến độ: …"
TIME_LABEL = re.compile(
    r"\b" + grammar.alt("time.label") + r"\s*:\s*",
    re.IGNORECASE,
)

_DAY = (r"ngày\s+\d{1,2}\s*(?:[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{4})?"
        r"|tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)")
_BEFORE_DAY = re.compile(
    r"(?:" + grammar.alt("deadline.by", "deadline.by_latest") + r"\s+"
    + _DAY + r"(?:\s+" + grammar.alt("deadline.yearly") + ")?)",
    re.IGNORECASE,
)
# a deadline inside a sentence: "hoàn thành trong tháng 11/2025", "xong trước Quý III",
# "trước tháng 6/2024"
_OF_YEAR = r"(?:\s*/\s*\d{4}|\s+năm\s+\d{4})?"
_PERIOD = (r"(?:" + _DAY + r"|tháng\s+\d{1,2}" + _OF_YEAR + r"|quý\s+(?:IV|III|II|I|[1-4])(?!\w)"
           + _OF_YEAR + r"|năm\s+\d{4})")
_DONE_BY = re.compile(
    r"(?:" + grammar.alt("deadline.done") + r"\s+" + grammar.alt("deadline.by", "deadline.within")
    + "|" + grammar.alt("deadline.by") + r"(?=\s+(?:quý|tháng)\b))\s+" + _PERIOD,
    re.IGNORECASE,
)
# words that make a parenthesis a deadline: "(thực hiện trong quý IV năm 2023)"
_DEADLINE_WORDS = re.compile(
    r"\b(?:" + grammar.alt("deadline.cue") + r"|quý\s+[IV\d]|tháng\s+\d)",
    re.IGNORECASE,
)
_CITATION_WORDS = re.compile(
    r"\b(?:số\s+\d|" + grammar.alt("deadline.citation") + r")\b",
    re.IGNORECASE,
)
_PAREN = re.compile(r"\(([^()]*)\)")


def time_label(text: str) -> str | None:
    """The value of a 'Thời gian thực hiện: …' label, up to ';' or the end of the parenthesis."""
    return _time_label(text, text.lower())


def _time_label(text: str, low: str) -> str | None:
    # most texts hold no label: the case-blind pattern is searched only where one may be
    if ":" not in text or not grammar.may_match(low, "time.label"):
        return None
    m = TIME_LABEL.search(text)
    if not m:
        return None
    value = re.split(r"[;)]", text[m.end():], maxsplit=1)[0]
    return _tidy(value) or None


def find_when(text: str) -> str | None:
    """The deadline written in a task's text, or None.

    A labelled time, else a parenthesis about timing, else a 'trước ngày …' phrase, else a
    'hoàn thành trong tháng …' / 'xong trước Quý …' phrase.
    """
    low = text.lower()
    labelled = _time_label(text, low)
    if labelled:
        return labelled
    if "(" in text:
        for m in _PAREN.finditer(text):
            inner = m.group(1)
            if _DEADLINE_WORDS.search(inner) and not _CITATION_WORDS.search(inner):
                return _tidy(inner)
    # the two phrases open with these words: where none is written, neither is searched for
    by = grammar.may_match(low, "deadline.by")
    phrase = None
    if by or grammar.may_match(low, "deadline.by_latest"):
        phrase = _BEFORE_DAY.search(text)
    if phrase is None and (by or grammar.may_match(low, "deadline.done")):
        phrase = _DONE_BY.search(text)
    return _tidy(phrase.group(0)) if phrase else None


def _tidy(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("*", "").replace("_", " ")).strip(" .,;:")


# ------------------------------------------------------------------ normalised periods

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_Q = r"(?:iv|iii|ii|i|[1-4])"
_YEAR_SEP = r"(?:/\s*|\s+nam\s+)"
_YEAR = _YEAR_SEP + r"(\d{4})"
_QUARTERS = re.compile(
    rf"\bquy\s+({_Q})(?:\s*(?:-|den|va|,)\s*(?:quy\s+)?({_Q}))?(?!\w)(?:\s*{_YEAR})?"
)
_MONTHS = re.compile(
    r"\bthang\s+(\d{1,2})((?:\s*(?:,|va)\s*\d{1,2})*)(?:\s*(?:-|den)\s*(?:thang\s+)?(\d{1,2}))?"
    r"(?:\s*" + _YEAR + ")?"
)
_HALF = re.compile(r"\b6\s+thang\s+(dau|cuoi)\s+nam(?:\s+(\d{4}))?")
_DATE_NUM = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?\b")
_DATE_WORDS = re.compile(r"\bngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?")
_BY = re.compile(grammar.alt("deadline.by", "deadline.by_latest", "deadline.until", folded=True)
                 + r"\s+(?:ngay\s*)?$")
_YEARS = re.compile(r"\b(20\d\d|19\d\d)(?:\s*(?:-|den)\s*(?:nam\s+)?(20\d\d))?\b")
_ONGOING = re.compile(r"\b(?:" + grammar.alt("time.ongoing", folded=True) + r"|ongoing)\b")
_COMPACT = re.compile(r"^(?:(\d{4})-)?([qmh])(\d{1,2})(?:-([qmh])(\d{1,2}))?$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})\s*/\s*(\d{4})$")


def _fold(s: str) -> str:
    return re.sub(r"[\u2010-\u2015\u2212]", "-", strip_diacritics(nfc(s)).lower())


def normalise_period(when: str | None) -> str | None:
    """Period code of a deadline as written (see the module grammar), None if it names none."""
    if not when:
        return None
    items = _items(_fold(when))
    return ",".join(items) if items else None


def _items(s: str) -> list[str]:
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match, code: str) -> None:
        found.append((m.start(), code))
        taken.append(m.span())

    def free(m: re.Match) -> bool:
        return all(m.end() <= a or m.start() >= b for a, b in taken)

    for m in _DATE_WORDS.finditer(s):
        code = _date_code(s, m, m.group(1), m.group(2), m.group(3))
        if code:
            add(m, code)
    for m in _DATE_NUM.finditer(s):
        if free(m) and re.search(r"ngay\s*$", s[: m.start()]):
            code = _date_code(s, m, m.group(1), m.group(2), m.group(3))
            if code:
                add(m, code)
    for m in _HALF.finditer(s):
        if free(m):
            add(m, _with_year(m.group(2), f"H{1 if m.group(1) == 'dau' else 2}"))
    for m in _QUARTERS.finditer(s):
        if free(m):
            a, b = _ROMAN.get(m.group(1), None) or int(m.group(1)), m.group(2)
            unit = f"Q{a}" + (f"-Q{_ROMAN.get(b, None) or int(b)}" if b else "")
            add(m, _by(s, m) + _with_year(m.group(3), unit))
    for m in _MONTHS.finditer(s):
        if not free(m):
            continue
        first, more, last, year = m.group(1), m.group(2), m.group(3), m.group(4)
        months = [first] + re.findall(r"\d{1,2}", more or "")
        if not all(1 <= int(x) <= 12 for x in months + ([last] if last else [])):
            continue
        if last:
            add(m, _by(s, m) + _with_year(year, f"M{int(first)}-M{int(last)}"))
        else:
            found.append((m.start(), _by(s, m) + ",".join(_with_year(year, f"M{int(x)}")
                                                          for x in months)))
            taken.append(m.span())
    for m in _YEARS.finditer(s):
        if free(m):
            add(m, m.group(1) + (f"-{m.group(2)}" if m.group(2) else ""))
    if not found and _ONGOING.search(s):
        return ["ongoing"]
    return [code for _, code in sorted(found)]


def _date_code(s: str, m: re.Match, day: str, month: str, year: str | None) -> str | None:
    d, mo = int(day), int(month)
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    date = f"{year}-{mo:02d}-{d:02d}" if year else f"--{mo:02d}-{d:02d}"
    return _by(s, m) + date


def _by(s: str, m: re.Match) -> str:
    """"by " when the period is a deadline ("trước ngày …", "trước Quý III")."""
    return "by " if _BY.search(s[: m.start()]) else ""


def _with_year(year: str | None, unit: str) -> str:
    return f"{year}-{unit}" if year else unit


# ------------------------------------------------------------------ matching a typed period


@dataclass(frozen=True)
class _Span:
    year: int | None  # None: any year
    first: int  # months 1..12
    last: int
    kind: str  # "part" (quarter/month/day), "year", "ongoing"
    last_year: int | None = None  # year ranges "2021-2025"


def period_matches(period: str | None, query: str) -> bool:
    """Whether a task period code falls in the period a user typed.

    Quarters, months, half-years and days match when they overlap the query (a missing year
    matches any year); a whole year ("2024") matches only a query for that year; "ongoing"
    only a query for "thường xuyên". Raises ValueError when the query names no period.
    """
    wanted = _spans(_query_code(query))
    if not wanted:
        raise ValueError(f'không hiểu kỳ / not a period: "{query}"')
    if not period:
        return False
    have = _spans(period)
    return any(_overlaps(h, w) for h in have for w in wanted)


def _query_code(query: str) -> str:
    q = _fold(query).strip()
    if _COMPACT.match(q):
        return q.upper()
    if q == "ongoing" or re.fullmatch(r"\d{4}(?:-\d{4})?", q):
        return q
    m = _MONTH_YEAR.match(q)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}-M{int(m.group(1))}"
    m = re.fullmatch(rf"quy\s+({_Q})\s*/\s*(\d{{4}})", q)
    if m:
        return f"{m.group(2)}-Q{_ROMAN.get(m.group(1)) or int(m.group(1))}"
    return normalise_period(query) or ""


def _spans(code: str) -> list[_Span]:
    out = []
    for item in filter(None, (x.strip() for x in code.split(","))):
        span = _span(item)
        if span is not None:
            out.append(span)
    return out


def _span(item: str) -> _Span | None:
    if item == "ongoing":
        return _Span(None, 1, 12, "ongoing")
    item = item.removeprefix("by ").strip()
    m = re.fullmatch(r"(\d{4}|-)-(\d{2})-(\d{2})", item)
    if m:
        year = None if m.group(1) == "-" else int(m.group(1))
        return _Span(year, int(m.group(2)), int(m.group(2)), "part")
    m = re.fullmatch(r"(\d{4})(?:-(\d{4}))?", item)
    if m:
        return _Span(int(m.group(1)), 1, 12, "year", int(m.group(2) or m.group(1)))
    m = _COMPACT.match(item.lower())
    if not m:
        return None
    year = int(m.group(1)) if m.group(1) else None
    first = _months(m.group(2), int(m.group(3)))
    last = _months(m.group(4), int(m.group(5))) if m.group(4) else first
    if first is None or last is None:
        return None
    return _Span(year, first[0], last[1], "part")


def _months(unit: str, n: int) -> tuple[int, int] | None:
    if unit == "q" and 1 <= n <= 4:
        return 3 * n - 2, 3 * n
    if unit == "h" and 1 <= n <= 2:
        return 6 * n - 5, 6 * n
    if unit == "m" and 1 <= n <= 12:
        return n, n
    return None


def _overlaps(have: _Span, want: _Span) -> bool:
    if "ongoing" in (have.kind, want.kind):
        return have.kind == want.kind
    if have.kind == "year":
        if want.kind != "year" or want.year is None or have.year is None:
            return False
        return have.year <= want.year <= (have.last_year or have.year)
    if want.kind == "year":
        return have.year is None or (want.year is not None
                                     and want.year <= have.year <= (want.last_year or want.year))
    if have.year is not None and want.year is not None and have.year != want.year:
        return False
    return have.first <= want.last and want.first <= have.last
