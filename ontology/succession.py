"""Time-aware names: what a 2017–2024 province or agency type is called on a given date.

The plans name the units of their time: 63 provinces, Sở LĐTBXH, district People's Committees.
The 2025 reorganisation (shared/reference/admin-reforms-2025.md; data in provinces.json and
successions.json) replaced many of them. These functions map an old name to its successor(s)
as of a date, for `plangraph query … --as-of DATE`. A date may be a `datetime.date` or an ISO
string ("2026-01-01"); `None` means "as written" and changes nothing.

province_as_of(name, date) -> (current_name, changed)
    The province (or centrally-run city) that governs the territory of `name` on `date`.
    `changed` is True when that is another unit's name. Before the unit's end date, for a name
    the reference does not know, or with no date: (name, False).
        province_as_of("Tiền Giang", "2026-01-01") == ("Đồng Tháp", True)
        province_as_of("Trà Vinh", "2025-06-30") == ("Trà Vinh", False)
        province_as_of("Hà Nội", "2026-01-01") == ("Hà Nội", False)
    Names match without regard to case, diacritics, dashes or a leading "tỉnh"/"thành phố"/"TP".

agency_type_as_of(agency_type, date) -> list[Successor(type, scope_note)]
    The agency type(s) doing the work of `agency_type` on `date`, one per part of its work.
    Unchanged types (and any type before its change, or with no date) give
    [Successor(agency_type, "")]. A type whose work was split gives several, each with the part
    it took in `scope_note` (Vietnamese / English; "[⚠️ …]" marks a successor the reference
    rests on one secondary source for):
        agency_type_as_of("Sở Lao động - Thương binh và Xã hội", "2026-01-01") ->
            [Successor("Sở Nội vụ", "lao động, tiền lương, … / labour, wages, …"),
             Successor("Công an cấp tỉnh", "quản lý nhà nước về cai nghiện ma túy … / …"),
             Successor("Sở Y tế", "bảo trợ xã hội, … [⚠️ một nguồn / one source]")]
    A type abolished with no successor recorded gives [Successor(None, "giải thể … / abolished …")].
    Types created by the reorganisation (Sở Nội vụ continuing, Sở Y tế …) map to themselves.
    Names match as in agency_types.json, without regard to case, tone placement or dashes.

province_node_id(name, date=None) -> str
    The id of the reference Province node bearing `name` on `date` (graph/reference.py): a
    former unit's id is its name (the id documents use), a unit from the 2025 reorganisation is
    "<name>@<valid_from>" ("Đồng Tháp@2025-07-01"). With no date, a name both bore means the
    former unit; a name only a new unit bears ("Huế") means the new unit.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import NamedTuple

from plangraph.ingest.text.vntext import loose_key, match_key
from plangraph.ontology.loader import (
    AgencyTypeChange,
    CurrentProvince,
    FormerProvince,
    agency_type_changes,
    current_provinces,
    former_provinces,
    themes,
)

__all__ = ["Successor", "agency_type_as_of", "agency_type_for_task", "iso_date",
           "province_as_of", "province_node_id"]

Date = dt.date | str | None


class Successor(NamedTuple):
    type: str | None  # agency type name; None: abolished with no successor recorded
    scope_note: str  # the part of the work it took ("" when the type is unchanged)


def iso_date(date: Date) -> str | None:
    """'2026-01-01' from a date or an ISO string; None stays None."""
    if date is None or isinstance(date, dt.date):
        return date.isoformat() if date else None
    try:
        return dt.date.fromisoformat(date.strip()).isoformat()
    except ValueError:
        raise ValueError(f'ngày không hợp lệ / not an ISO date (YYYY-MM-DD): "{date}"') from None


# --- provinces ------------------------------------------------------------------------------

_UNIT_WORD = re.compile(r"^(?:tinh|thanh pho|tp)\.?\s+")


def province_key(name: str) -> str:
    return _UNIT_WORD.sub("", loose_key(name).replace("-", " "))


@cache
def _former() -> dict[str, FormerProvince]:
    return {province_key(p.name): p for p in former_provinces()}


@cache
def _current() -> dict[str, CurrentProvince]:
    return {province_key(p.name): p for p in current_provinces()}


def province_as_of(name: str, date: Date) -> tuple[str, bool]:
    on = iso_date(date)
    former = _former().get(province_key(name))
    if on is None or former is None or on <= former.valid_to:
        return name, False
    return former.successor, province_key(former.successor) != province_key(name)


def province_node_id(name: str, date: Date = None) -> str:
    on = iso_date(date)
    key = province_key(name)
    former, current = _former().get(key), _current().get(key)
    if current and (former is None or (on is not None and on > former.valid_to)):
        return current_node_id(current)
    return former.name if former else name


def current_node_id(unit: CurrentProvince) -> str:
    return f"{unit.name}@{unit.valid_from}"


# --- agency types ---------------------------------------------------------------------------

@cache
def _changes() -> dict[str, AgencyTypeChange]:
    return {match_key(c.type): c for c in agency_type_changes()}


def agency_type_as_of(agency_type: str, date: Date) -> list[Successor]:
    on = iso_date(date)
    change = _changes().get(match_key(agency_type))
    if on is None or change is None or on < change.valid_from:
        return [Successor(agency_type, "")]
    if not change.successors:
        return [Successor(None, f"giải thể từ {change.valid_from}, chưa ghi nhận cơ quan kế "
                                f"nhiệm / abolished from {change.valid_from}, no successor "
                                "recorded")]
    return [Successor(s.to, scope_note(s.scope_vi, s.scope_en, s.confidence))
            for s in change.successors]


def agency_type_for_task(agency_type: str, date: Date,
                         task_themes: list[str] | tuple[str, ...]) -> tuple[str | None, str]:
    """The one successor doing a task's work on `date`, and why: where a type's work was split
    (Sở LĐTBXH), the successor whose `task_themes` (successions.json) the task has, in the order
    listed, else the `task_default` one. Unchanged types give (agency_type, "").

        agency_type_for_task("Sở Lao động - Thương binh và Xã hội", "2026-01-01",
                             ["treatment_rehab"]) -> ("Công an cấp tỉnh", "chủ đề … ")
    """
    on = iso_date(date)
    change = _changes().get(match_key(agency_type))
    if on is None or change is None or on < change.valid_from:
        return agency_type, ""
    if not change.successors:
        return None, (f"giải thể từ {change.valid_from} / abolished from {change.valid_from}")
    if len(change.successors) == 1:
        s = change.successors[0]
        return s.to, scope_note(s.scope_vi, s.scope_en, s.confidence)
    labels = {t.id: t.label_vi for t in themes()}
    for s in change.successors:
        hit = [t for t in s.task_themes if t in task_themes]
        if hit:
            about = ", ".join(labels.get(t, t) for t in hit)
            return s.to, f"nhiệm vụ có chủ đề / task about {about} → {s.scope_vi}"
    default = next((s for s in change.successors if s.task_default), None)
    if default is None:
        continuing = next((s for s in change.successors if s.to == agency_type), None)
        if continuing is not None:  # the type goes on; a part of its work left
            return agency_type, ""
        return (" / ".join(s.to for s in change.successors),
                "công việc chia cho nhiều cơ quan, chưa có quy tắc theo chủ đề nhiệm vụ / work "
                "split, no rule by task theme: " + "; ".join(f"{s.to}: {s.scope_vi}"
                                                             for s in change.successors))
    listed = sorted({labels.get(t, t) for s in change.successors for t in s.task_themes})
    return default.to, (f"nhiệm vụ không thuộc chủ đề / task about none of {', '.join(listed)}"
                        f" → {default.scope_vi}")


def scope_note(scope_vi: str, scope_en: str, confidence: str) -> str:
    note = f"{scope_vi} / {scope_en}"
    if confidence.startswith("⚠️"):
        note += " [⚠️ một nguồn thứ cấp / one secondary source]"
    return note
