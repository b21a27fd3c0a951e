"""Legal extraction of whole documents: seeds, plus short plans written like other provinces'."""

import pytest

from plangraph.ingest.header import parse_header
from plangraph.ingest.legal.extract import extract_legal
from plangraph.ingest.read.reader import RawDocument, read_document


def legal_of(path):
    doc = read_document(path)
    return extract_legal(doc, parse_header(doc))


def legal_of_text(text: str):
    doc = RawDocument("x.txt", "x.txt", text, text.split("\n"))
    return extract_legal(doc, parse_header(doc))


def ref(legal, act_id):
    return next(r for r in legal.legal_refs if r.id == act_id)


def test_tq2024_refs_without_the_own_blank_number(seeds):
    legal = legal_of(seeds["tq2024_table"])
    assert [(r.id, r.year, r.scope) for r in legal.legal_refs] == [
        ("1452/QĐ-TTg", 2021, "national"), ("116/2021/NĐ-CP", 2021, "national")]
    assert legal.basis == []
    programmes = {p.name: p for p in legal.programmes}
    assert programmes["Chương trình phòng, chống ma túy giai đoạn 2021 - 2025"].established_by \
        == "1452/QĐ-TTg"
    assert len(programmes) == 3


def test_tq2023_basis_and_later_mentions_resolve_to_one_act(seeds):
    legal = legal_of(seeds["tq2023_agency_headed"])
    assert legal.basis == [("3426/VPCP-KGVX", 2022, "national")]
    plan = ref(legal, "44/KH-UBND")
    assert (plan.year, plan.scope, [s.line_start for s in plan.sources]) == (
        2023, "Tuyên Quang", [39, 143])
    assert [a.name for a in legal.named_acts] == ["Luật Phòng, chống ma túy năm 2021"]
    scheme = next(p for p in legal.programmes if p.kind == "Đề án")
    assert scheme.established_by == "374/QĐ-UBND"


def test_tg2017_title_is_the_basis_and_conclusion_continues_directive(seeds):
    legal = legal_of(seeds["tg2017_numbered"])
    assert legal.basis == [("424/QĐ-TTg", 2017, "national")]
    assert [(x.from_, x.to, x.relation) for x in legal.legal_links] == [
        ("95-KL/TW", "21-CT/TW", "continues")]
    assert ref(legal, "21-CT/TW").issuer == "Bộ Chính trị"
    scheme = next(p for p in legal.programmes if p.name.startswith("Đề án đổi mới"))
    assert (scheme.name, scheme.implemented_by) == (
        "Đề án đổi mới công tác cai nghiện ma túy đến năm 2020", ["286/KH-UBND"])
    # "Chương trình phòng, chống ma túy" later in the text is the programme "… đến năm 2020"
    assert sum(p.name.startswith("Chương trình phòng, chống ma túy") for p in legal.programmes) == 1


def test_hn2024_links_and_provincial_scope(seeds):
    legal = legal_of(seeds["hn2024_parentheses"])
    assert legal.basis == [("36-CT/TW", 2019, "national"), ("1452/QĐ-TTg", 2021, "national")]
    assert {(x.from_, x.to) for x in legal.legal_links} == {
        ("291/QĐ-TTg", "36-CT/TW"), ("175-KH/TU", "36-CT/TW")}
    assert (ref(legal, "13/2023/NQ-HĐND").scope, ref(legal, "13/2023/NQ-HĐND").issuer) == (
        "Hà Nội", "Hội đồng nhân dân thành phố Hà Nội")
    assert ref(legal, "36-CT/TW").year == 2019
    names = [a.name for a in legal.named_acts]
    assert names == ["Luật Phòng, chống ma túy năm 2021", "Kế hoạch phòng, chống tội phạm năm 2024"]
    assert not any("138" in r.id for r in legal.legal_refs)


def test_tv2023_details_links_to_laws_and_annexed_plan(seeds):
    legal = legal_of(seeds["tv2023_agency_headed"])
    links = {(x.from_, x.to, x.relation) for x in legal.legal_links}
    assert ("116/2021/NĐ-CP", "Luật Phòng, chống ma túy", "details") in links
    assert ("116/2021/NĐ-CP", "Luật Xử lý vi phạm hành chính", "details") in links
    assert ("2426/QĐ-UBND", "36-CT/TW", "implements") in links
    decision = ref(legal, "2426/QĐ-UBND")
    assert (decision.year, len(decision.sources)) == (2020, 3)
    assert all(x.source is not None for x in legal.legal_links)
    projects = [p.name for p in legal.programmes if p.kind == "Dự án"]
    assert projects[0].startswith("Dự án 2 “Đấu tranh")
    assert sum(p.kind == "Đề án" for p in legal.programmes) == 2  # Đề án “A” và “B”


@pytest.mark.parametrize("seed", ["tq2024_table", "tq2023_agency_headed", "tg2017_numbered",
                                  "hn2024_parentheses", "tv2023_agency_headed"])
def test_every_item_has_a_source(seeds, seed):
    legal = legal_of(seeds[seed])
    items = legal.legal_refs + legal.named_acts + legal.programmes
    assert items and all(item.sources for item in items)


DECISION = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NINH
Số: 15/KH-UBND\tQuảng Ninh, ngày 20 tháng 01 năm 2024

KẾ HOẠCH
Phòng, chống ma túy năm 2024

Căn cứ Luật Phòng, chống ma túy ngày 30 tháng 3 năm 2021;
Căn cứ Nghị định số 105/2021/NĐ-CP ngày 04/12/2021 của Chính phủ quy định chi tiết và \
hướng dẫn thi hành một số điều của Luật Phòng, chống ma túy;
Theo đề nghị của Công an tỉnh tại Tờ trình số 12/TTr-CAT ngày 10/01/2024.

I. MỤC ĐÍCH, YÊU CẦU
1. Triển khai Quyết định số 1452/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ.
2. Thực hiện Kế hoạch số 15/KH-UBND ngày 20/01/2023 của UBND tỉnh về phòng, chống ma túy năm 2023.
"""


def test_basis_from_can_cu_lines_only_and_own_number_excluded():
    legal = legal_of_text(DECISION)
    assert legal.basis == [("105/2021/NĐ-CP", 2021, "national")]
    ids = [(r.id, r.year) for r in legal.legal_refs]
    assert ("15/KH-UBND", 2023) in ids and ("15/KH-UBND", 2024) not in ids
    assert ("105/2021/NĐ-CP", "Luật Phòng, chống ma túy", "details") in {
        (x.from_, x.to, x.relation) for x in legal.legal_links}
    assert [a.name for a in legal.named_acts] == ["Luật Phòng, chống ma túy"]
    assert ref(legal, "15/KH-UBND").scope == "Quảng Ninh"


_ANNEXED_PLAN = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
Số: 215/KH-UBND
Lào Cai, ngày 10 tháng 6 năm 2021
KẾ HOẠCH
Thực hiện Chiến lược quốc gia chấm dứt dịch bệnh AIDS trên địa bàn tỉnh Lào Cai
Căn cứ Quyết định số 1246/QĐ-TTg ngày 14/8/2020 của Thủ tướng Chính phủ;
I. NHIỆM VỤ
Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này.
PHỤ LỤC
NHIỆM VỤ PHÒNG, CHỐNG HIV/AIDS
(Kèm theo Kế hoạch số 215/KH-UBND ngày 10/6/2021 của UBND tỉnh Lào Cai)
"""


def test_own_number_repeated_in_an_appendix_heading_is_not_a_citation():
    legal = legal_of_text(_ANNEXED_PLAN)
    assert [r.id for r in legal.legal_refs] == ["1246/QĐ-TTg"]


def test_same_number_of_another_date_is_a_citation():
    legal = legal_of_text(_ANNEXED_PLAN.replace(
        "Các nhiệm vụ cụ thể", "Tiếp tục thực hiện Kế hoạch số 215/KH-UBND ngày 02/3/2019 của "
        "UBND tỉnh. Các nhiệm vụ cụ thể"))
    assert [(r.id, r.year) for r in legal.legal_refs] == [("1246/QĐ-TTg", 2020),
                                                           ("215/KH-UBND", 2019)]


def test_results_of_earlier_plans_are_not_a_basis():
    legal = legal_of_text(
        "KẾ HOẠCH\nTriển khai Chương trình mục tiêu quốc gia phòng, chống ma túy đến năm 2030 "
        "trên địa bàn tỉnh Đồng Nai năm 2025 - 2026\n"
        "Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị;\n"
        "Trên cơ sở kết quả thực hiện Kế hoạch số 88/KH-UBND ngày 20/3/2025 của UBND tỉnh Bình "
        "Phước (cũ), Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
        "Trên cơ sở Quyết định số 1452/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ;\n"
        "I. MỤC ĐÍCH\n")
    assert [r[0] for r in legal.basis] == ["36-CT/TW", "1452/QĐ-TTg"]
    assert "88/KH-UBND" in [r.id for r in legal.legal_refs]


def test_a_law_with_and_without_its_year_is_one_act_but_two_enactments_are_two():
    legal = legal_of_text(
        "KẾ HOẠCH\nPhòng, chống ma túy năm 2022\n"
        "Căn cứ Luật Phòng, chống ma túy năm 2021;\n"
        "I. NHIỆM VỤ\n1. Tuyên truyền Luật Phòng, chống ma túy cho học sinh.\n"
        "2. Tổng kết 20 năm thi hành Luật Phòng, chống ma túy năm 2000.\n")
    assert [(a.name, len(a.sources)) for a in legal.named_acts] == [
        ("Luật Phòng, chống ma túy năm 2021", 2), ("Luật Phòng, chống ma túy năm 2000", 1)]
