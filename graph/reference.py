"""The reference data as graph rows: provinces old and new, agency types, themes, successions.

Every store loads these rows once (graph/ladybug_store.py, commands/push.py), so that queries
can follow a 2017–2024 province or agency type to what replaced it in 2025.

- Province: the 63 former units (id = name, the id documents use; `valid_to` their last day)
  and the 34 units from 1/7/2025 (id = "<name>@<valid_from>", see ontology/succession.py).
- AgencyType: every type of ontology/agency_types.json (id = name, `name_en`), and every type
  the successions name.
- Theme: the theme scheme of ontology/themes.json.
- KE_NHIEM: former Province -> its successor unit, and AgencyType -> AgencyType for each part of
  a type's work taken by another type, with `valid_from`, `scope_note` and `source` (the source
  IDs of shared/reference/admin-reforms-2025.md and their confidence mark).
"""

from __future__ import annotations

from functools import cache

from plangraph.graph.rows import GraphRows
from plangraph.ontology.loader import (
    agency_type_changes,
    agency_types,
    current_provinces,
    former_provinces,
    themes,
)
from plangraph.ontology.succession import current_node_id, scope_note

REFERENCE = "admin-reforms-2025"


@cache
def reference() -> GraphRows:
    """The reference rows, built once per process (treat as read-only)."""
    return reference_rows()


def reference_ids() -> list[str]:
    """Ids of every reference node: garbage collection of shared nodes keeps these."""
    return sorted({row["id"] for rows in reference().nodes.values() for row in rows})


def reference_rows() -> GraphRows:
    rows = GraphRows()
    _provinces(rows)
    _agency_types(rows)
    for theme in themes():
        rows.add_node("Theme", {"id": theme.id, "label_vi": theme.label_vi,
                                "label_en": theme.label_en})
    return rows


def source_note(section: str, sources: tuple[str, ...], confidence: str) -> str:
    """'admin-reforms-2025 §1.3 [S1][S2] ✅'"""
    return f"{REFERENCE} {section} {''.join(f'[{s}]' for s in sources)} {confidence}".strip()


def _provinces(rows: GraphRows) -> None:
    current = {p.name: p for p in current_provinces()}
    for p in former_provinces():
        rows.add_node("Province", {"id": p.name, "name": p.name, "valid_from": None,
                                   "valid_to": p.valid_to})
    for c in current.values():
        rows.add_node("Province", {"id": current_node_id(c), "name": c.name,
                                   "valid_from": c.valid_from, "valid_to": None})
    edges = rows.edge_rows("KE_NHIEM", "Province", "Province")
    for p in former_provinces():
        unit = current[p.successor]
        confidence = p.confidence + (f"; ngày / date {p.date_confidence}"
                                     if p.date_confidence else "")
        edges.append({"from": p.name, "to": current_node_id(unit), "valid_from": unit.valid_from,
                      "scope_note": _merger_note(p.name, unit),
                      "source": source_note("§1.3", p.sources, confidence)})


def _merger_note(former: str, unit) -> str:
    others = [n for n in unit.formed_from if n != former]
    if not others:
        if unit.name == former:
            return "không thay đổi / unchanged"
        return f"đổi thành {unit.kind} {unit.name} / became {unit.name}"
    note = (f"hợp nhất với {', '.join(others)} thành {unit.kind} {unit.name} / merged with "
            f"{', '.join(others)} into {unit.name}")
    if unit.centre_in:
        mark = "" if unit.centre_confidence == "✅" else f" [{unit.centre_confidence}]"
        note += (f"; trung tâm hành chính ở {unit.centre_in} cũ / seat in the former "
                 f"{unit.centre_in}{mark}")
    return note


def _agency_types(rows: GraphRows) -> None:
    names = {t.name: t.name_en for t in agency_types()}
    for change in agency_type_changes():
        for name in (change.type, *(s.to for s in change.successors)):
            names.setdefault(name, None)
    for name, name_en in names.items():
        rows.add_node("AgencyType", {"id": name, "name_en": name_en})
    edges = rows.edge_rows("KE_NHIEM", "AgencyType", "AgencyType")
    for change in agency_type_changes():
        for s in change.successors:
            if s.to != change.type:  # a type that continues needs no edge to itself
                edges.append({"from": change.type, "to": s.to, "valid_from": change.valid_from,
                              "scope_note": scope_note(s.scope_vi, s.scope_en, s.confidence),
                              "source": source_note("§2–3", s.sources, s.confidence)})
