"""The ontology's data files as typed records, each file read once.

- `former_provinces()`, `current_provinces()`: provinces.json (the 63 units named in 2017–2024
  plans; the 34 units from 1/7/2025).
- `agency_type_changes()`: successions.json (the 2025 successions of provincial agency types).
- `theme_scheme()`, `themes()`, `theme_ignore()`: themes.json.
- `agency_types()`: the agency types of agency_types.json (name, English name, kind), the
  collective type ("Các cơ quan liên quan") last; empty while that file is absent.
  `collective_types()`: the names of those of kind "collective".

Confidence marks are those of shared/reference/admin-reforms-2025.md: "✅" confirmed, "⚠️" one
secondary source (loaded, but flagged). Source IDs ("S1", "P1" …) refer to its §7.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import Any

ONTOLOGY = Path(__file__).resolve().parent


@cache
def load(name: str) -> Any:
    """A JSON file of the ontology folder (cached; do not mutate the result)."""
    return json.loads((ONTOLOGY / name).read_text(encoding="utf-8"))


@dataclass(frozen=True)
class FormerProvince:
    name: str
    kind: str  # "tỉnh" | "thành phố"
    valid_to: str  # ISO date: last day of the unit
    successor: str  # name of a CurrentProvince
    confidence: str
    sources: tuple[str, ...]
    date_confidence: str | None = None  # "⚠️" where the date is less sure than the succession


@dataclass(frozen=True)
class CurrentProvince:
    name: str
    kind: str
    valid_from: str  # ISO date: first day of the unit
    formed_from: tuple[str, ...]  # names of FormerProvince units
    confidence: str
    sources: tuple[str, ...]
    centre_in: str | None = None  # former unit holding the centre (merged units only)
    centre_confidence: str | None = None
    valid_from_confidence: str | None = None


@dataclass(frozen=True)
class Successor:
    to: str  # agency type name; equal to the changed type where that type continues
    scope_vi: str
    scope_en: str
    confidence: str
    sources: tuple[str, ...]
    # where the work was split: a task about one of these themes goes to this successor;
    # `task_default`: the successor of the tasks about none of the listed themes
    task_themes: tuple[str, ...] = ()
    task_default: bool = False


@dataclass(frozen=True)
class AgencyTypeChange:
    type: str
    valid_from: str
    ends: bool  # the type ceased to exist on valid_from
    basis: str  # the legal acts, as a note
    confidence: str
    sources: tuple[str, ...]
    successors: tuple[Successor, ...]  # empty: abolished, no successor recorded


@dataclass(frozen=True)
class Theme:
    id: str
    label_vi: str
    label_en: str
    definition_vi: str
    definition_en: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class AgencyType:
    name: str
    name_en: str | None
    kind: str = "agency"  # "collective": names many bodies at once ("Các cơ quan liên quan")


def _fields(cls: type, row: dict[str, Any]) -> dict[str, Any]:
    names = {f.name for f in fields(cls)}
    return {k: tuple(v) if isinstance(v, list) else v for k, v in row.items() if k in names}


@cache
def former_provinces() -> tuple[FormerProvince, ...]:
    return tuple(FormerProvince(**_fields(FormerProvince, r))
                 for r in load("provinces.json")["former"])


@cache
def current_provinces() -> tuple[CurrentProvince, ...]:
    return tuple(CurrentProvince(**_fields(CurrentProvince, r))
                 for r in load("provinces.json")["current"])


@cache
def agency_type_changes() -> tuple[AgencyTypeChange, ...]:
    out = []
    for row in load("successions.json")["changes"]:
        successors = tuple(Successor(**_fields(Successor, s)) for s in row["successors"])
        out.append(AgencyTypeChange(**{**_fields(AgencyTypeChange, row),
                                       "successors": successors}))
    return tuple(out)


def theme_scheme() -> dict[str, str]:
    return load("themes.json")["scheme"]


@cache
def themes() -> tuple[Theme, ...]:
    return tuple(Theme(**_fields(Theme, r)) for r in load("themes.json")["themes"])


def theme_ignore() -> tuple[str, ...]:
    return tuple(load("themes.json")["ignore"])


@cache
def agency_types() -> tuple[AgencyType, ...]:
    try:
        data = load("agency_types.json")
    except FileNotFoundError:
        return ()
    rows = data.get("types", []) + ([data["collective"]] if "collective" in data else [])
    return tuple(AgencyType(t["name"], t.get("en"), t.get("kind", "agency")) for t in rows)


def collective_types() -> frozenset[str]:
    """Names of the agency types of kind "collective" (agency_types.json)."""
    return frozenset(t.name for t in agency_types() if t.kind == "collective")


@cache
def non_root_act_types() -> frozenset[str]:
    """Act types never shown as the root of a chain of legal bases (legal_act_types.json
    `chain_root: false`: letters, notices, reports)."""
    return frozenset(t["name"] for t in load("legal_act_types.json")["types"]
                     if t.get("chain_root") is False)
