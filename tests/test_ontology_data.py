"""The ontology's reference data: consistent, sourced, and only what the reference confirms."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from plangraph.graph.reference import reference_rows
from plangraph.graph.schema import NODE_BY_LABEL, REL_BY_NAME
from plangraph.ontology.loader import (
    agency_type_changes,
    agency_types,
    current_provinces,
    former_provinces,
    themes,
)

# ../shared beside the repository, as CI lays it out
SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"
REFERENCE = SHARED / "reference" / "admin-reforms-2025.md"
MARKS = {"✅", "⚠️"}  # ❓ facts are never loaded


def test_63_former_units_become_34():
    former, current = former_provinces(), current_provinces()
    assert len(former) == 63 and len(current) == 34
    assert Counter(p.kind for p in current) == {"tỉnh": 28, "thành phố": 6}
    names = {p.name for p in current}
    assert all(p.successor in names for p in former)
    formed = sorted(n for p in current for n in p.formed_from)
    assert formed == sorted(p.name for p in former)  # each former unit in exactly one new unit
    for p in former:
        assert p.name in next(c for c in current if c.name == p.successor).formed_from


def test_the_seven_seats_outside_the_namesake():
    moved = {p.name: p.centre_in for p in current_provinces()
             if p.centre_in and p.centre_in != p.name}
    assert moved == {"Lào Cai": "Yên Bái", "Bắc Ninh": "Bắc Giang", "Quảng Trị": "Quảng Bình",
                     "Gia Lai": "Bình Định", "Tây Ninh": "Long An", "Đồng Tháp": "Tiền Giang",
                     "An Giang": "Kiên Giang"}


def _records():
    return [*former_provinces(), *current_provinces(), *agency_type_changes(),
            *(s for c in agency_type_changes() for s in c.successors)]


def test_confidence_marks_and_sources():
    for r in _records():
        assert r.confidence in MARKS, r
        for flag in ("date_confidence", "centre_confidence", "valid_from_confidence"):
            assert getattr(r, flag, None) in (None, *MARKS), r
        assert r.sources and all(re.fullmatch(r"[SDMPN]\d+b?", s) for s in r.sources), r


def test_every_source_is_in_the_shared_reference():
    if not REFERENCE.exists():
        pytest.skip(f"the shared reference is not beside the repository ({REFERENCE})")
    text = REFERENCE.read_text(encoding="utf-8")
    for r in _records():
        assert all(f"[{s}]" in text for s in r.sources), r


def test_successions_name_known_agency_types():
    known = {t.name for t in agency_types()}
    for change in agency_type_changes():
        assert change.type in known
        assert all(s.to in known for s in change.successors)


def test_theme_ids_and_keywords_are_distinct():
    ids = [t.id for t in themes()]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[a-z_]+", i) for i in ids)
    keywords = [k.casefold() for t in themes() for k in t.keywords]
    assert len(keywords) == len(set(keywords))
    assert all(t.label_vi and t.label_en and t.definition_vi and t.definition_en
               for t in themes())


def test_reference_rows_follow_the_schema():
    rows = reference_rows()
    for label, nodes in rows.nodes.items():
        props = list(NODE_BY_LABEL[label].props)
        assert all(list(n) == props for n in nodes), label
        assert len({n["id"] for n in nodes}) == len(nodes), label
    ids = {label: {n["id"] for n in nodes} for label, nodes in rows.nodes.items()}
    for e in rows.edges:
        assert (e.from_label, e.to_label) in REL_BY_NAME[e.rel].pairs
        for r in e.rows:
            assert r["from"] in ids[e.from_label] and r["to"] in ids[e.to_label]
            assert r["valid_from"] and r["source"].startswith("admin-reforms-2025 §")


def test_reference_rows_hold_old_and_new_provinces_and_successions():
    rows = reference_rows()
    provinces = {n["id"]: n for n in rows.nodes["Province"]}
    assert len(provinces) == 63 + 34
    assert provinces["Tiền Giang"]["valid_to"] == "2025-06-30"
    assert provinces["Đồng Tháp@2025-07-01"]["valid_from"] == "2025-07-01"
    ke_nhiem = {(r["from"], r["to"]): r for e in rows.edges for r in e.rows}
    tg = ke_nhiem[("Tiền Giang", "Đồng Tháp@2025-07-01")]
    assert "Đồng Tháp" in tg["scope_note"] and "[S1]" in tg["source"]
    assert ("Đồng Tháp", "Đồng Tháp@2025-07-01") in ke_nhiem  # the namesake too
    assert ("Sở Lao động - Thương binh và Xã hội", "Công an cấp tỉnh") in ke_nhiem
    assert not any(a == b for a, b in ke_nhiem)
    assert {n["id"] for n in rows.nodes["Theme"]} == {t.id for t in themes()}
