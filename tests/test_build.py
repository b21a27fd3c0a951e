"""graph/build.py: an Extraction as graph rows, on excerpts of the seed plans."""

from pathlib import Path

import pytest

from plangraph.graph.build import named_act_id, plan_id, plan_rows
from plangraph.graph.schema import NODE_BY_LABEL, REL_BY_NAME
from plangraph.ingest.extract import extract_file
from plangraph.ingest.models import (
    AgencyMention,
    DocumentInfo,
    Extraction,
    LegalLink,
    LegalRef,
    NamedAct,
    Programme,
    Source,
    Task,
)

FILE = "000_7ff5c3280978a41d.txt"


def src(a: int, b: int | None = None) -> Source:
    return Source(FILE, a, b or a)


def tq_table(**doc) -> Extraction:
    """Rows 1 and 14 of the Tuyên Quang 2024 table (chủ trì / phối hợp columns)."""
    info = DocumentInfo(kind="Chương trình công tác", province="Tuyên Quang", year=2024,
                        title="Phòng, chống AIDS, ma tuý, mại dâm năm 2024", source=src(3, 5))
    for key, value in doc.items():
        setattr(info, key, value)
    return Extraction(
        file=FILE,
        document=info,
        basis=[("1452/QĐ-TTg", 2021, "national")],
        legal_refs=[LegalRef("1452/QĐ-TTg", type="Quyết định", issuer="Thủ tướng Chính phủ",
                             issued="2021-08-31", year=2021, sources=[src(8)])],
        named_acts=[NamedAct("Luật Phòng, chống ma túy năm 2021", type="Luật", sources=[src(40)])],
        programmes=[Programme("Chương trình phòng, chống ma túy giai đoạn 2021 - 2025",
                              kind="Chương trình", established_by="1452/QĐ-TTg",
                              sources=[src(8)])],
        tasks=[
            Task("1", "Thực hiện có hiệu quả các nhiệm vụ, dự án thuộc “Chương trình phòng, "
                 "chống ma túy giai đoạn 2021 - 2025”",
                 lead=[AgencyMention("Công an tỉnh", "Công an cấp tỉnh", source=src(8))],
                 support=[AgencyMention("Các cơ quan liên quan", "Các cơ quan liên quan",
                                        source=src(8))],
                 when="Thực hiện thường xuyên", source=src(8)),
            Task("14", "Tổ chức tập huấn nâng cao năng lực cho cán bộ các cơ sở y tế thực hiện "
                 "việc xác định tình trạng nghiện.",
                 lead=[AgencyMention("Sở Y tế", "Sở Y tế", source=src(25))],
                 support=[AgencyMention("Công an tỉnh", "Công an cấp tỉnh", source=src(25)),
                          AgencyMention("Sở LĐTBXH", "Sở Lao động - Thương binh và Xã hội",
                                        how="alias", source=src(25)),
                          AgencyMention("Tổ chuyên viên liên ngành PCMT", None, how="unknown",
                                        source=src(25))],
                 themes=["dieu_tri"], source=src(25)),
        ],
        content_hash="0" * 64,
    )


def edges(rows, rel):
    return [r for e in rows.edges if e.rel == rel for r in e.rows]


def nodes(rows, label):
    return {r["id"]: r for r in rows.nodes.get(label, [])}


def test_plan_id_from_number_province_kind_and_date():
    x = tq_table(kind="Kế hoạch", number="44/KH-UBND", issued="2023-05-31")
    assert plan_id(x) == "Tuyên Quang|Kế hoạch|44/KH-UBND|2023-05-31"


def test_plan_id_without_number_follows_the_header_not_the_file(tmp_path: Path):
    text = (Path(__file__).parent.parent / "examples/plans" / FILE).read_text(encoding="utf-8")
    a, b, c, d = (tmp_path / f"{n}.txt" for n in "abcd")
    a.write_text(text, encoding="utf-8")
    b.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))  # same text, Windows line ends
    # the same plan corrected: a task's wording changed, the header as it was
    c.write_text(text.replace("Đa dạng hóa", "Đa dạng hoá"), encoding="utf-8")
    # another plan: the next year's
    d.write_text(text.replace("năm 2024", "năm 2025").replace("NĂM 2024", "NĂM 2025"),
                 encoding="utf-8")
    ids = [plan_id(extract_file(p)) for p in (a, b, c, d)]
    assert ids[0] == ids[1] == ids[2] != ids[3]


def test_one_agency_per_province_and_type_with_the_names_as_written():
    rows = plan_rows(tq_table())
    agencies = nodes(rows, "Agency")
    police = agencies["Tuyên Quang|Công an cấp tỉnh"]
    assert police["names"] == ["Công an tỉnh"] and police["resolved"] is True
    unresolved = agencies["Tuyên Quang|?Tổ chuyên viên liên ngành PCMT"]
    assert unresolved["resolved"] is False and unresolved["type"] is None
    assert len(agencies) == 5
    # the unresolved name has no type to point to
    assert {e["from"] for e in edges(rows, "LA_LOAI")} == set(agencies) - {unresolved["id"]}


def test_a_plan_is_placed_in_the_province_as_it_was_on_the_plans_date():
    before, after = tq_table(issued="2024-04-10"), tq_table(issued="2025-09-15", year=2025)
    assert [e["to"] for e in edges(plan_rows(before), "THUOC_TINH")][0] == "Tuyên Quang"
    rows = plan_rows(after)  # Hà Giang and Tuyên Quang merged into Tuyên Quang on 1/7/2025
    assert {e["to"] for e in edges(rows, "THUOC_TINH")} == {"Tuyên Quang@2025-07-01"}
    assert "Tuyên Quang@2025-07-01|Sở Y tế" in nodes(rows, "Agency")


def test_roles_keep_how_the_document_wrote_the_agency():
    rows = plan_rows(tq_table())
    pid = plan_id(tq_table())
    lead = {(e["from"], e["to"]) for e in edges(rows, "CHU_TRI")}
    assert lead == {("Tuyên Quang|Công an cấp tỉnh", f"{pid}/1"),
                    ("Tuyên Quang|Sở Y tế", f"{pid}/14")}
    support = {e["as_written"]: e for e in edges(rows, "PHOI_HOP")}
    assert support["Sở LĐTBXH"]["how"] == "alias"
    assert support["Sở LĐTBXH"]["from"] == "Tuyên Quang|Sở Lao động - Thương binh và Xã hội"


def test_repeated_task_keys_get_distinct_ids():
    x = tq_table()
    x.tasks.append(Task("1", "Một nhiệm vụ khác cùng số thứ tự", source=src(60)))
    ids = list(nodes(plan_rows(x), "Task"))
    assert len(ids) == len(set(ids)) == 3


def test_legal_acts_basis_citations_and_programmes():
    x = tq_table()
    x.legal_refs.append(LegalRef("36-CT/TW", type="Chỉ thị", year=2019, sources=[src(41)]))
    x.legal_links = [LegalLink("1452/qđ-ttg", "36-CT/TW", source=src(41)),  # case as typed
                     LegalLink("291/QĐ-TTg", "36-CT/TW", source=src(42))]  # 291 is not cited
    rows = plan_rows(x)
    pid = plan_id(x)
    acts = nodes(rows, "LegalAct")
    assert set(acts) == {"1452/QĐ-TTg|2021|national", "36-CT/TW|2019|national",
                         named_act_id("Luật Phòng, chống ma túy năm 2021")}
    assert acts[named_act_id("Luật Phòng, chống ma túy năm 2021")]["number"] is None
    can_cu = {(e["from"], e["to"], e["relation"]) for e in edges(rows, "CAN_CU")}
    assert can_cu == {(pid, "1452/QĐ-TTg|2021|national", "basis"),
                      ("1452/QĐ-TTg|2021|national", "36-CT/TW|2019|national", "implements")}
    [programme] = nodes(rows, "Programme").values()
    assert {e["to"] for e in edges(rows, "TRICH_DAN")} == set(acts) | {programme["id"]}
    assert [(e["from"], e["to"]) for e in edges(rows, "PHE_DUYET")] == [
        ("1452/QĐ-TTg|2021|national", programme["id"])]


def test_a_plan_titled_after_a_programme_implements_it():
    x = tq_table(title="Thực hiện Chương trình Phòng, chống ma tuý giai đoạn 2021 - 2025")
    assert [(e["from"], e["to"]) for e in edges(plan_rows(x), "TRIEN_KHAI")] == [
        (plan_id(x), nodes(plan_rows(x), "Programme").popitem()[0])]
    assert edges(plan_rows(tq_table()), "TRIEN_KHAI") == []


def test_a_programme_the_plan_only_mentions_is_cited_by_the_plan():
    x = tq_table()
    x.programmes.append(Programme("Chương trình Phòng, chống ma túy trong thanh, thiếu niên đến "
                                  "năm 2030", kind="Chương trình", sources=[src(9)]))
    rows = plan_rows(x)
    mentioned = next(k for k, n in nodes(rows, "Programme").items() if "thieu nien" in k)
    assert [(e["from"], e["line_start"]) for e in edges(rows, "TRICH_DAN")
            if e["to"] == mentioned] == [(plan_id(x), 9)]


def test_every_edge_read_from_the_document_carries_its_source():
    rows = plan_rows(tq_table())
    pid = plan_id(tq_table())
    for e in rows.edges:
        if "plan_id" in REL_BY_NAME[e.rel].props:
            for r in e.rows:
                assert (r["plan_id"], r["file"]) == (pid, FILE), e.rel
                assert r["line_start"] is not None, e.rel
    lines = {e["as_written"]: e["line_start"] for e in edges(rows, "CHU_TRI")}
    assert lines == {"Công an tỉnh": 8, "Sở Y tế": 25}


@pytest.mark.parametrize("seed", ["tq2024_table", "tg2017_numbered", "hn2024_parentheses"])
def test_rows_of_a_seed_follow_the_schema_and_every_edge_has_both_ends(seeds, seed):
    rows = plan_rows(extract_file(seeds[seed]))
    ids = {label: set(nodes(rows, label)) for label in NODE_BY_LABEL}
    assert len(rows.nodes["Plan"]) == 1
    for label, node_rows in rows.nodes.items():
        assert all(list(r) == list(NODE_BY_LABEL[label].props) for r in node_rows)
    for e in rows.edges:
        assert (e.from_label, e.to_label) in REL_BY_NAME[e.rel].pairs
        for r in e.rows:
            assert r["from"] in ids[e.from_label] and r["to"] in ids[e.to_label], e.rel


def test_a_law_cited_by_name_is_one_act_whatever_its_spelling():
    # 001:25 "Luật Phòng, chống ma túy năm 2021"; tone marks placed the other way, other case
    assert named_act_id("Luật Phòng, chống ma túy năm 2021") == named_act_id(
        "Luật phòng, chống ma tuý năm 2021")
    assert named_act_id("Luật Phòng, chống ma túy năm 2021") != named_act_id(
        "Luật Phòng, chống ma túy năm 2000")
