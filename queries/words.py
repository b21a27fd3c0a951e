"""Vietnamese words for the codes the graph stores, for every output a person reads (tables,
CSV, XLSX, HTML); JSON keeps the codes.

    >>> period_words("Q2"), period_words("M6,M12"), period_words("ongoing")
    ('Quý II', 'tháng 6 và 12', 'thường xuyên')
    >>> period_words("2024-Q3"), period_words("by --06-14,by --12-14")
    ('Quý III/2024', 'trước ngày 14/6 và 14/12')

The period grammar is the one of ingest/tasks/deadlines.py; a code this module cannot read is
shown as it is (never hidden).
"""

from __future__ import annotations

import re

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_UNIT = re.compile(r"(?:(\d{4})-)?([QMH])(\d{1,2})(?:-([QMH])(\d{1,2}))?")
_DATE = re.compile(r"(\d{4}|-)-(\d{2})-(\d{2})")
_YEARS = re.compile(r"(\d{4})(?:-(\d{4}))?")


def period_words(code: str | None) -> str:
    """"Quý I – II", "tháng 6/2024", "trước ngày 5/6/2023", "thường xuyên", "2021 – 2025"."""
    if not code:
        return ""
    parts = [_item(item.strip()) for item in code.split(",") if item.strip()]
    if any(p is None for p in parts):
        return code
    return _join(parts)  # type: ignore[arg-type]


def _item(item: str) -> tuple[str, str, str] | None:
    """(prefix, value, suffix): items with the same prefix and suffix are joined ("tháng 6
    và 12")."""
    if item == "ongoing":
        return ("thường xuyên", "", "")
    before = item.startswith("by ")
    if before:
        item = item[3:]
    word = _unit(item) or _day(item) or _years(item)
    if word is None:
        return None
    prefix, value, suffix = word
    if before:  # "by" a day, quarter, month: "trước"; "by" a year: "chậm nhất năm 2024"
        prefix = "chậm nhất năm" if prefix == "năm" else "trước " + prefix
    return prefix, value, suffix


def _unit(item: str) -> tuple[str, str, str] | None:
    m = _UNIT.fullmatch(item)
    if not m:
        return None
    year, kind, n, kind2, n2 = m.groups()
    if kind2 and kind2 != kind:
        return None
    first, last = _unit_value(kind, int(n)), _unit_value(kind, int(n2)) if n2 else None
    if first is None or (n2 and last is None):
        return None
    prefix = {"Q": "Quý", "M": "tháng", "H": ""}[kind]
    value = f"{first} – {last}" if last else first
    if kind == "H":
        value = {"1": "6 tháng đầu năm", "2": "6 tháng cuối năm"}.get(n, value) if not n2 \
            else "cả năm"
    return prefix, value, f"/{year}" if year and kind != "H" else (f" {year}" if year else "")


def _unit_value(kind: str, n: int) -> str | None:
    if kind == "Q":
        return _ROMAN.get(n)
    if kind == "M":
        return str(n) if 1 <= n <= 12 else None
    return str(n) if n in (1, 2) else None


def _day(item: str) -> tuple[str, str, str] | None:
    m = _DATE.fullmatch(item)
    if not m:
        return None
    year, month, day = m.groups()
    value = f"{int(day)}/{int(month)}" + ("" if year == "-" else f"/{year}")
    return "ngày", value, ""


def _years(item: str) -> tuple[str, str, str] | None:
    m = _YEARS.fullmatch(item)
    if not m:
        return None
    return ("năm", m[1], "") if not m[2] else ("giai đoạn", f"{m[1]} – {m[2]}", "")


def _join(parts: list[tuple[str, str, str]]) -> str:
    groups: list[tuple[str, list[str], str]] = []
    for prefix, value, suffix in parts:
        if groups and groups[-1][0] == prefix and groups[-1][2] == suffix and value:
            groups[-1][1].append(value)
        else:
            groups.append((prefix, [value] if value else [], suffix))
    out = []
    for prefix, values, suffix in groups:
        listed = " và ".join([", ".join(values[:-1]), values[-1]] if len(values) > 1 else values)
        out.append(" ".join(w for w in (prefix, listed) if w) + suffix)
    return "; ".join(out)
