"""What "a task due in a period" means, for `nhiem_vu_theo_ky` and every deadline column.

A task's period code (the grammar of ingest/deadlines.py: "Q2", "Q2-Q4", "by --06-14",
"2024", "ongoing" …) is read in its plan's year: a deadline written without a year ("Quý II",
"trước ngày 14 tháng 6") belongs to the year of the plan that sets it — the year in the plan's
title or date. A plan with no known year leaves it without a year, and then it falls in the
period of any year (`note` says so).

How a task falls in the period the analyst asks for (`Due`):

- **đến hạn trong kỳ / due**: the task's deadline lies in the period. The deadline is the end
  of what is written: "Quý II - IV" is due at the end of Quý IV, "cả năm 2024" at the end of
  2024, "trước ngày 14/6" on 14 June, "Tháng 6, 12" twice (June and December).
- **đang thực hiện / under way**: the task's time overlaps the period but its deadline lies
  outside it ("Quý II - IV" asked for Quý II; "cả năm 2024" asked for Quý II/2024).
- **thường xuyên / ongoing**: "thường xuyên", "hằng năm": under way all through the plan's
  year, never due. Asking for the period "thường xuyên" lists them all.

`nhiem_vu_theo_ky` shows the due tasks; `-p pham_vi=tat_ca` adds the other two kinds, each
row saying which kind it is.

    >>> parse_period("Quý II/2023")
    Period(text='Quý II/2023', first=24279, last=24281, year=2023, ongoing=False)
    >>> classify("Q2-Q4", 2024, parse_period("Quý II/2024")).kind
    'under_way'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from plangraph.ingest.text.vntext import nfc, strip_diacritics

DUE, UNDER_WAY, ONGOING = "due", "under_way", "ongoing"
KIND_VI = {DUE: "đến hạn trong kỳ", UNDER_WAY: "đang thực hiện trong kỳ",
           ONGOING: "thường xuyên"}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_ROMAN_IN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

FORMS = ('"Quý II", "Quý II/2024", "quy 2 nam 2024", "Quý I - II/2024", "tháng 6/2024", '
         '"6/2024", "6 tháng đầu năm 2024", "2024", "2021-2025", "thường xuyên"')


class PeriodError(ValueError):
    """A typed period that names none, or an impossible one ("13/2024")."""


@dataclass(frozen=True)
class Period:
    """A period asked for: months `first`..`last` counted as year * 12 + month - 1; with
    `year` None (typed without a year) the months of any year."""

    text: str
    first: int
    last: int
    year: int | None
    ongoing: bool = False

    def months_in(self, year: int) -> tuple[int, int]:
        """The period's months in `year` (for a period typed without a year)."""
        if self.year is not None or self.last >= 12:
            return self.first, self.last
        return year * 12 + self.first, year * 12 + self.last


@dataclass(frozen=True)
class Due:
    kind: str  # DUE | UNDER_WAY | ONGOING
    deadline: str  # the deadline in words, with its year: "Quý II/2024", "14/6/2023"
    note: str = ""  # how the year was found: "năm của kế hoạch" …

    @property
    def label(self) -> str:
        text = f"{KIND_VI[self.kind]}: {self.deadline}" if self.deadline else KIND_VI[self.kind]
        return f"{text} ({self.note})" if self.note else text


# --- the period an analyst types -----------------------------------------------------------

_Q = r"([ivx]+|\d+)"
_Y = r"(?:\s*/\s*|\s+nam\s+|\s+)(\d{4})"


def _fold(s: str) -> str:
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", strip_diacritics(nfc(s)).lower())
    return re.sub(r"\s+", " ", s).strip()


def _quarter(q: str) -> int:
    n = _ROMAN_IN.get(q) or (int(q) if q.isdigit() else 0)
    if not 1 <= n <= 4:
        raise PeriodError(f"quý {q} không tồn tại / there is no quarter {q} (I–IV)")
    return n


def _month(m: str) -> int:
    if not 1 <= int(m) <= 12:
        raise PeriodError(f"tháng {int(m)} không tồn tại / there is no month {int(m)} (1–12)")
    return int(m)


def _year(y: str | None) -> int | None:
    if y is None:
        return None
    if not 1900 <= int(y) <= 2100:
        raise PeriodError(f"năm {y} không hợp lệ / not a plausible year")
    return int(y)


_PATTERNS: list[tuple[re.Pattern[str], str]] = [(re.compile(p), kind) for p, kind in [
    (r"(?:thuong xuyen|ongoing|hang nam)", "ongoing"),
    (r"(?:ca |trong )?(?:nam )?(\d{4})", "year"),
    (r"(?:giai doan |nam )?(\d{4}) ?(?:-|den) ?(?:nam )?(\d{4})", "years"),
    (rf"(?:quy |q){_Q}(?: ?(?:-|den|va) ?(?:quy |q)?{_Q})?(?:{_Y})?", "quarters"),
    (rf"(\d{{4}})-q{_Q}", "quarter_compact"),
    (rf"(?:thang |m)(\d+)(?: ?(?:-|den) ?(?:thang |m)?(\d+))?(?:{_Y})?", "months"),
    (r"(\d{1,2}) ?/ ?(\d{4})", "month_year"),
    (r"(\d{4})-m(\d+)", "month_compact"),
    (r"6 thang (dau|cuoi) nam(?: (\d{4}))?", "half"),
]]


def parse_period(typed: str) -> Period:
    """The period an analyst typed, or `PeriodError` saying why it is none."""
    text = " ".join(nfc(typed).split())
    s = _fold(typed)
    for pattern, kind in _PATTERNS:
        m = pattern.fullmatch(s)
        if m:
            return _period(text, kind, m.groups())
    raise PeriodError(f'không hiểu kỳ / not a period: "{text}" (vd. / e.g. {FORMS})')


def _period(text: str, kind: str, g: tuple[str | None, ...]) -> Period:
    if kind == "ongoing":
        return Period(text, 0, 0, None, ongoing=True)
    if kind in ("year", "years"):
        first, last = _year(g[0]), _year(g[-1])
        assert first is not None and last is not None  # both groups are required in these forms
        if last < first:
            raise PeriodError(f'"{text}": năm cuối trước năm đầu / the range ends before it starts')
        return Period(text, first * 12, last * 12 + 11, first if first == last else None)
    if kind == "quarter_compact":
        g = (g[1], None, g[0])
        kind = "quarters"
    if kind == "month_compact":
        g = (g[1], None, g[0])
        kind = "months"
    if kind == "month_year":
        g = (g[0], None, g[1])
        kind = "months"
    if kind == "half":
        year = _year(g[1])
        first = 0 if g[0] == "dau" else 6
        return _months(text, first, first + 5, year)
    if kind == "quarters":
        a = _quarter(g[0] or "")
        b = _quarter(g[1]) if g[1] else a
        return _months(text, 3 * a - 3, 3 * b - 1, _year(g[2]))
    a = _month(g[0] or "")
    b = _month(g[1]) if g[1] else a
    return _months(text, a - 1, b - 1, _year(g[2]))


def _months(text: str, first: int, last: int, year: int | None) -> Period:
    if last < first:
        raise PeriodError(f'"{text}": kỳ kết thúc trước khi bắt đầu / the period ends before '
                          "it starts")
    base = 12 * year if year is not None else 0
    return Period(text, base + first, base + last, year)


# --- a task's period, read in its plan's year ------------------------------------------------

_UNIT = re.compile(r"^(?:(\d{4})-)?([QMH])(\d{1,2})(?:-([QMH])(\d{1,2}))?$")
_DATE = re.compile(r"^(\d{4}|-)-(\d{2})-(\d{2})$")
_YEARS = re.compile(r"^(\d{4})(?:-(\d{4}))?$")
_UNIT_MONTHS = {"Q": 3, "H": 6, "M": 1}


@dataclass(frozen=True)
class _Item:
    first: int  # months, year * 12 + month - 1
    last: int
    deadline: str  # in words
    year_from_plan: bool


def _item(code: str, plan_year: int | None) -> _Item | None:
    """One item of a period code as months, or None (ongoing, unreadable, or no year known)."""
    code = code.removeprefix("by ").strip()
    m = _DATE.fullmatch(code)
    if m:
        guessed = m[1] == "-"
        year = plan_year if guessed else int(m[1])
        if year is None:
            return None
        month = year * 12 + int(m[2]) - 1
        return _Item(month, month, f"{int(m[3])}/{int(m[2])}/{year}", guessed)
    m = _YEARS.fullmatch(code)
    if m:
        first, last = int(m[1]), int(m[2] or m[1])
        words = f"năm {first}" if first == last else f"{first} - {last}"
        return _Item(first * 12, last * 12 + 11, words, False)
    m = _UNIT.fullmatch(code)
    if not m:
        return None
    guessed = m[1] is None
    year = plan_year if guessed else int(m[1])
    if year is None:
        return None
    a_unit, a, b_unit, b = m[2], int(m[3]), m[4] or m[2], int(m[5] or m[3])
    first = year * 12 + (a - 1) * _UNIT_MONTHS[a_unit]
    last = year * 12 + b * _UNIT_MONTHS[b_unit] - 1
    return _Item(first, last, _unit_words(a_unit, a, b_unit, b, year), guessed)


def _unit_words(a_unit: str, a: int, b_unit: str, b: int, year: int) -> str:
    def one(unit: str, n: int) -> str:
        return {"Q": f"Quý {ROMAN.get(n, n)}", "M": f"tháng {n}",
                "H": "6 tháng đầu năm" if n == 1 else "6 tháng cuối năm"}[unit]
    text = one(a_unit, a) if (a_unit, a) == (b_unit, b) else f"{one(a_unit, a)} - {one(b_unit, b)}"
    return f"{text}/{year}" if a_unit != "H" else f"{text} {year}"


def _months_of_year(period: Period) -> tuple[int, int]:
    """A period's months within one year (0..11), for deadlines whose year is unknown."""
    if period.year is None and period.last < 12:
        return period.first, period.last
    if period.last - period.first >= 11:
        return 0, 11
    return period.first % 12, period.first % 12 + period.last - period.first


def classify(code: str | None, plan_year: int | None, period: Period) -> Due | None:
    """How a task with period `code`, set by a plan of `plan_year`, falls in `period`; None
    when it does not (or its deadline names no time)."""
    if not code:
        return None
    items = [x.strip() for x in code.split(",") if x.strip()]
    if "ongoing" in items:
        if period.ongoing:
            return Due(ONGOING, f"năm {plan_year}" if plan_year else "")
        if plan_year is None:
            return None
        first, last = period.months_in(plan_year)
        if first <= plan_year * 12 + 11 and plan_year * 12 <= last:
            return Due(ONGOING, f"năm {plan_year}", "năm của kế hoạch")
        return None
    if period.ongoing:
        return None
    found: list[tuple[str, _Item]] = []
    unknown_year = False
    for code_item in items:
        item = _item(code_item, plan_year)
        if item is None:
            item = _item(code_item, 0)  # no year known: compared as months of any year
            if item is None:
                continue
            unknown_year = True
            item = _Item(item.first, item.last, re.sub(r"[/ ]0$", "", item.deadline), False)
            spans = [_months_of_year(period)]
        elif period.year is None and period.last - period.first < 12:
            spans = [period.months_in(y) for y in range(item.first // 12, item.last // 12 + 1)]
        else:
            spans = [(period.first, period.last)]
        if any(first <= item.last <= last for first, last in spans):
            found.insert(0, (DUE, item))
        elif any(first <= item.last and item.first <= last for first, last in spans):
            found.append((UNDER_WAY, item))
    if not found:
        return None
    kind, item = found[0]
    note = ("năm không rõ / year unknown" if unknown_year
            else "năm của kế hoạch" if item.year_from_plan else "")
    return Due(kind, item.deadline, note)


def deadlines(code: str | None, plan_year: int | None) -> list[tuple[float, str]]:
    """The deadlines a period code sets, read in the plan's year, as (sort key, words); the
    sort key orders them in time (year * 12 + month, days as fractions). Ongoing tasks and
    deadlines of unknown year set none."""
    out = []
    for code_item in (code or "").split(","):
        code_item = code_item.strip()
        item = _item(code_item, plan_year) if code_item != "ongoing" else None
        if item is None:
            continue
        m = _DATE.fullmatch(code_item.removeprefix("by ").strip())
        day = int(m[3]) / 32 if m else 31 / 32
        out.append((item.last + day, item.deadline))
    return out
