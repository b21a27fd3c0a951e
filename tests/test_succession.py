"""Provinces and agency types as of a date: the 2025 reorganisation applied, or not."""

from __future__ import annotations

import datetime as dt

import pytest

from plangraph.ontology.succession import (
    Successor,
    agency_type_as_of,
    province_as_of,
    province_node_id,
)

LATE_2026 = "2026-01-01"
LDTBXH = "Sở Lao động - Thương binh và Xã hội"


@pytest.mark.parametrize("old, new", [
    ("Tiền Giang", "Đồng Tháp"),
    ("Trà Vinh", "Vĩnh Long"),
    ("Bến Tre", "Vĩnh Long"),
    ("Hà Giang", "Tuyên Quang"),
    ("Yên Bái", "Lào Cai"),
    ("Bà Rịa – Vũng Tàu", "Hồ Chí Minh"),
    ("Thừa Thiên Huế", "Huế"),
])
def test_merged_provinces_take_their_new_unit(old, new):
    assert province_as_of(old, LATE_2026) == (new, True)
    assert province_as_of(old, dt.date(2026, 1, 1)) == (new, True)


@pytest.mark.parametrize("name", ["Hà Nội", "Tuyên Quang", "Đồng Tháp", "Vĩnh Long"])
def test_a_unit_that_kept_its_name_is_not_changed(name):
    assert province_as_of(name, LATE_2026) == (name, False)


def test_no_change_without_a_date_or_before_the_merger():
    assert province_as_of("Tiền Giang", None) == ("Tiền Giang", False)
    assert province_as_of("Tiền Giang", "2025-06-30") == ("Tiền Giang", False)
    assert province_as_of("Tiền Giang", "2025-07-01") == ("Đồng Tháp", True)
    # Thừa Thiên Huế became a city on 1/1/2025, before the 1/7/2025 merger
    assert province_as_of("Thừa Thiên Huế", "2025-03-01") == ("Huế", True)


def test_names_as_users_type_them():
    assert province_as_of("tien giang", LATE_2026) == ("Đồng Tháp", True)
    assert province_as_of("tỉnh Trà Vinh", LATE_2026) == ("Vĩnh Long", True)
    assert province_as_of("Ba Ria - Vung Tau", LATE_2026) == ("Hồ Chí Minh", True)
    assert province_as_of("TP. Hồ Chí Minh", LATE_2026)[1] is False
    assert province_as_of("Gondor", LATE_2026) == ("Gondor", False)


def test_bad_date_is_a_clear_error():
    with pytest.raises(ValueError, match="not an ISO date"):
        province_as_of("Tiền Giang", "mai")


def test_province_node_ids_tell_the_old_unit_from_the_new():
    assert province_node_id("Đồng Tháp") == "Đồng Tháp"  # the unit 2017–2024 plans name
    assert province_node_id("Đồng Tháp", "2024-12-31") == "Đồng Tháp"
    assert province_node_id("Đồng Tháp", LATE_2026) == "Đồng Tháp@2025-07-01"
    assert province_node_id("Huế") == "Huế@2025-01-01"


def test_ldtbxh_work_splits_by_function():
    successors = agency_type_as_of(LDTBXH, LATE_2026)
    by_type = {s.type: s.scope_note for s in successors}
    assert list(by_type) == ["Sở Nội vụ", "Công an cấp tỉnh", "Sở Y tế"]
    assert "cai nghiện" in by_type["Công an cấp tỉnh"]
    assert "mại dâm" in by_type["Sở Y tế"] and "⚠️" in by_type["Sở Y tế"]  # one source only
    assert "⚠️" not in by_type["Công an cấp tỉnh"]


@pytest.mark.parametrize("old, new", [
    ("Sở Thông tin và Truyền thông", "Sở Khoa học và Công nghệ"),
    ("Sở Kế hoạch và Đầu tư", "Sở Tài chính"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở Nông nghiệp và Môi trường"),
    ("Sở Giao thông Vận tải", "Sở Xây dựng"),
    ("Ban Dân tộc", "Sở Dân tộc và Tôn giáo"),
])
def test_department_successions(old, new):
    assert [s.type for s in agency_type_as_of(old, LATE_2026)] == [new]
    assert agency_type_as_of(old, "2025-02-28") == [Successor(old, "")]


def test_departments_change_on_1_march_and_districts_on_1_july_2025():
    assert agency_type_as_of(LDTBXH, "2025-02-28") == [Successor(LDTBXH, "")]
    assert agency_type_as_of(LDTBXH, "2025-03-01")[0].type == "Sở Nội vụ"
    district = "Ủy ban nhân dân cấp huyện"
    assert agency_type_as_of(district, "2025-06-30") == [Successor(district, "")]
    after = [s.type for s in agency_type_as_of(district, "2025-07-01")]
    assert after == ["Ủy ban nhân dân cấp xã", "Ủy ban nhân dân cấp tỉnh", "Công an cấp tỉnh"]


def test_unchanged_types_and_no_date():
    assert agency_type_as_of("Sở Y tế", LATE_2026) == [Successor("Sở Y tế", "")]
    assert agency_type_as_of(LDTBXH, None) == [Successor(LDTBXH, "")]
    assert agency_type_as_of("sở lao động – thương binh và xã hội", LATE_2026)[0].type == \
        "Sở Nội vụ"


def test_abolished_with_no_recorded_successor():
    [only] = agency_type_as_of("Công an cấp huyện", LATE_2026)
    assert only.type is None and "no successor recorded" in only.scope_note
