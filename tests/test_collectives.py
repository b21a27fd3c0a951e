"""Collective assignees ("Các cơ quan liên quan", "các sở, ban, ngành", "UBND các huyện, thành
phố"): kept as the plan writes them, marked as their own kind in ontology/agency_types.json,
expanded to members only where the text lists them, and left out of agency rankings unless the
analyst asks for them (-p tap_the=co)."""

import pytest

from plangraph.graph.store import open_store
from plangraph.ingest.agencies.resolver import get_resolver
from plangraph.ontology.loader import agency_types, collective_types
from plangraph.queries.catalog import QueryError
from plangraph.queries.runner import run

RANKINGS = ("chu_tri_nhieu_nhat", "ho_so_co_quan", "mang_luoi_phoi_hop", "co_quan_mot_tinh")


@pytest.fixture(scope="module")
def store(corpus_db):
    s = open_store(corpus_db, read_only=True)
    yield s
    s.close()


def test_the_kind_is_data_of_the_agency_types_file():
    assert {"Các cơ quan liên quan", "Ủy ban nhân dân cấp huyện"} <= collective_types()
    kinds = {t.name: t.kind for t in agency_types()}
    assert kinds["Sở Y tế"] == kinds["Công an cấp tỉnh"] == "agency"


@pytest.mark.parametrize("written, types", [
    ("các sở, ban, ngành liên quan", ["Các cơ quan liên quan"]),
    ("Các cơ quan liên quan", ["Các cơ quan liên quan"]),
    ("UBND các huyện, thành phố", ["Ủy ban nhân dân cấp huyện"]),
    # the text lists the members: one agency each, no collective
    ("Các Sở: LĐTBXH, Y tế, Tòa án nhân dân tỉnh",
     ["Sở Lao động - Thương binh và Xã hội", "Sở Y tế", "Tòa án nhân dân cấp tỉnh"]),
])
def test_collectives_are_expanded_only_where_members_are_listed(written, types):
    assert [m.type for m in get_resolver().split_list(written)] == types


def agency_values(out):
    cols = [i for i, c in enumerate(out.columns) if out.query.kind(c) == "agency_type"]
    return {row[i] for row in out.rows for i in cols}


@pytest.mark.parametrize("name", RANKINGS)
def test_rankings_leave_collectives_out_unless_asked(name, store):
    params = {"co_quan": "so y te"} if name == "ho_so_co_quan" else {}
    default = run(store, name, params)
    assert not agency_values(default) & collective_types()
    assert any("tap_the=co" in n for n in default.notes)
    asked = run(store, name, {**params, "tap_the": "có"})
    if name == "co_quan_mot_tinh":  # every collective of the corpus is in several provinces
        assert asked.rows == default.rows
    else:
        assert agency_values(asked) & collective_types()
    assert not any("tap_the" in n for n in asked.notes)


def test_tien_giang_ranks_its_catch_all_only_when_asked(store):
    def ranked(**extra):
        out = run(store, "chu_tri_nhieu_nhat", {"tinh": "tien giang", **extra})
        return [(r["rank"], r["agency_type"]) for r in out.records()]

    assert (2, "Các cơ quan liên quan") not in ranked()
    assert (2, "Các cơ quan liên quan") in ranked(tap_the="co")
    assert ranked()[0] == (1, "Công an cấp tỉnh")


def test_a_bad_yes_no_is_one_clear_error(store):
    with pytest.raises(QueryError, match="co.*khong"):
        run(store, "chu_tri_nhieu_nhat", {"tap_the": "maybe"})
