"""Citations of numbered acts in real sentences (seeds and typical provincial plans)."""

import pytest

from plangraph.ingest.legal.citations import canonical_id, find_acts


def one(text: str, province: str | None = "Tuyên Quang"):
    acts = find_acts(text, province)
    assert len(acts) == 1, [a.id for a in acts]
    return acts[0]


@pytest.mark.parametrize(
    "text, act_id, type_, issued, issuer, scope",
    [
        ("(ban hành kèm theo Quyết định số 1452/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ)",
         "1452/QĐ-TTg", "Quyết định", "2021-08-31", "Thủ tướng Chính phủ", "national"),
        ("Thực hiện Văn bản số 3426/VPCP-KGVX ngày 15/5/2022 của Văn phòng Chính phủ về việc "
         "triển khai Tháng hành động", "3426/VPCP-KGVX", "Văn bản", "2022-05-15",
         "Văn phòng Chính phủ", "national"),
        ("Kết luận số 95-KL/TW ngày 02 tháng 4 năm 2014 của Ban Bí thư về tiếp tục",
         "95-KL/TW", "Kết luận", "2014-04-02", "Ban Bí thư", "national"),
        ("Thực hiện Công văn số 2891/VPCP-KGVX ngày 26 tháng 4 năm 2023 của Bộ trưởng, Chủ "
         "nhiệm Văn phòng Chính phủ về Chương trình công tác", "2891/VPCP-KGVX", "Công văn",
         "2023-04-26", "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ", "national"),
        ("theo chỉ đạo của Bộ trưởng Bộ Công an tại Công văn số 502/BCA-V01 ngày 01 tháng 3 năm "
         "2023 của Bộ trưởng Bộ Công an về việc phối hợp", "502/BCA-V01", "Công văn",
         "2023-03-01", "Bộ trưởng Bộ Công an", "national"),
        ("Kế hoạch số 44/KH-UBND ngày 14/3/2023 của UBND tỉnh về tổ chức thực hiện",
         "44/KH-UBND", "Kế hoạch", "2023-03-14", "Ủy ban nhân dân tỉnh Tuyên Quang", "Tuyên Quang"),
        ("Chỉ thị số 30-CT/TU ngày 22/01/2020 của Ban Thường vụ Thành ủy;", "30-CT/TU", "Chỉ thị",
         "2020-01-22", "Ban Thường vụ Tỉnh ủy Tuyên Quang", "Tuyên Quang"),
        ("Nghị quyết 04/2023/NQ-HĐND ngày 27 tháng 02 năm 2023 của Hội đồng nhân dân tỉnh quy "
         "định mức hỗ trợ", "04/2023/NQ-HĐND", "Nghị quyết", "2023-02-27",
         "Hội đồng nhân dân tỉnh Tuyên Quang", "Tuyên Quang"),
        ("Chỉ thị số 05/CT-UBND ngày 12 tháng 3 năm 2021 của Ủy ban nhân dân tỉnh Hà Tĩnh về",
         "05/CT-UBND", "Chỉ thị", "2021-03-12", "Ủy ban nhân dân tỉnh Hà Tĩnh", "Hà Tĩnh"),
        ("Quyết định số: 30/2016/QĐ-UBND ngày 5-1-2016 của UBND tỉnh Bà Rịa - Vũng Tàu",
         "30/2016/QĐ-UBND", "Quyết định", "2016-01-05", "Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu",
         "Bà Rịa – Vũng Tàu"),
        ("Thông tư số 62/2015/TT-BCA ngày 10/11/2015 của Bộ trưởng Bộ Công an quy định",
         "62/2015/TT-BCA", "Thông tư", "2015-11-10", "Bộ trưởng Bộ Công an", "national"),
        ("Nghị quyết số 12-NQ/TW ngày 16/01/2012 của Ban Chấp hành Trung ương Đảng khóa XI",
         "12-NQ/TW", "Nghị quyết", "2012-01-16", "Ban Chấp hành Trung ương Đảng", "national"),
        ("QĐ số 123/QĐ-UBND ngày 05.01.2024 của Chủ tịch UBND tỉnh", "123/QĐ-UBND",
         "Quyết định", "2024-01-05", "Chủ tịch Ủy ban nhân dân tỉnh Tuyên Quang", "Tuyên Quang"),
        ("Quyết định số 1452/QĐ-TTg của Thủ tướng Chính phủ ngày 31/8/2021 phê duyệt",
         "1452/QĐ-TTg", "Quyết định", "2021-08-31", "Thủ tướng Chính phủ", "national"),
        ("Công văn số 45/CAT-PV01 ngày 2/2/2023 của Công an tỉnh về", "45/CAT-PV01", "Công văn",
         "2023-02-02", "Công an tỉnh Tuyên Quang", "Tuyên Quang"),
    ],
)
def test_citation_fields(text, act_id, type_, issued, issuer, scope):
    a = one(text)
    assert (a.id, a.type, a.issued, a.issuer, a.scope) == (act_id, type_, issued, issuer, scope)
    assert a.year == int(issued[:4])


def test_symbol_gives_issuer_and_year_when_the_text_does_not():
    a = one("theo quy định tại Điều 17, Nghị định số 116/2021/NĐ-CP của Chính Phủ và tổ chức")
    assert (a.issuer, a.year, a.issued, a.scope) == ("Chính phủ", 2021, None, "national")
    bare = one("sửa đổi, bổ sung Nghị định số 116/2021/NĐ-CP và ban hành theo thẩm quyền")
    assert (bare.issuer, bare.year) == ("Chính phủ", 2021)
    plan = one("Kế hoạch số 55-KH/TU của Tỉnh ủy", province="Hà Nội")
    assert (plan.issuer, plan.scope, plan.year) == ("Thành ủy Hà Nội", "Hà Nội", None)


def test_all_caps_title_restores_printed_case():
    a = one("TRIỂN KHAI THỰC HIỆN QUYẾT ĐỊNH SỐ 424/QĐ-TTG NGÀY 07 THÁNG 4 NĂM 2017 CỦA THỦ "
            "TƯỚNG CHÍNH PHỦ VỀ PHÊ DUYỆT CHƯƠNG TRÌNH")
    assert (a.id, a.issued, a.issuer) == ("424/QĐ-TTg", "2017-04-07", "Thủ tướng Chính phủ")
    assert canonical_id("01/ct-ttg") == "01/CT-TTg"


def test_lists_share_the_date_and_issuer_written_once():
    acts = find_acts("các Quyết định số 4811/QĐ-UBND và 4812/QĐ-UBND ngày 25/9/2023 của UBND "
                     "Thành phố", "Hà Nội")
    assert [(a.id, a.issued, a.scope) for a in acts] == [
        ("4811/QĐ-UBND", "2023-09-25", "Hà Nội"), ("4812/QĐ-UBND", "2023-09-25", "Hà Nội")]
    assert acts[0].issuer == "Ủy ban nhân dân thành phố Hà Nội"
    acts = find_acts("Công văn số 502/BCA-V01 và 503/BCA-V01 ngày 01/3/2023 của Bộ Công an")
    assert [a.id for a in acts] == ["502/BCA-V01", "503/BCA-V01"]
    assert acts[1].type == "Công văn"


def test_items_of_a_semicolon_list_keep_their_own_dates():
    acts = find_acts("Kế hoạch triển khai Chỉ thị số 36-CT/TW; Chỉ thị số 30-CT/TU ngày 22/01/2020 "
                     "của Ban Thường vụ Thành ủy", "Hà Nội")
    assert [(a.id, a.issued) for a in acts] == [("36-CT/TW", None), ("30-CT/TU", "2020-01-22")]


@pytest.mark.parametrize(
    "text",
    [
        "Liên hệ ĐT: 0238.3844.567, Fax 0238/3844568",
        "Ngày toàn dân phòng, chống ma túy 26/6 hằng năm",
        "báo cáo Ban Chỉ đạo 138/CP, Bộ Công an và Ủy ban nhân dân tỉnh",
        "(Ban hành kèm theo Văn bản số /UBND-NC ngày tháng 04 năm 2024)",
        "¹ Tính đến ngày 14/12/2023, toàn Thành phố còn 22 điểm phức tạp về ma túy",
        "Thời gian thực hiện: xong trong Quý III/2024; giai đoạn 2021-2025; HIV/AIDS; COVID-19",
        "Điều trị bằng Methadone/Buprenorphine cho trên 50.000 bệnh nhân",
    ],
)
def test_look_alikes_are_not_citations(text):
    assert find_acts(text) == []


def test_span_covers_the_issuer_so_it_is_not_read_as_an_assigned_agency():
    text = ("Thực hiện tốt vai trò Cơ quan Thường trực theo chỉ đạo của Bộ trưởng Bộ Công an tại "
            "Công văn số 502/BCA-V01 ngày 01/3/2023 của Bộ trưởng Bộ Công an về việc phối hợp.")
    a = one(text)
    assert text[a.start:a.end] == ("Công văn số 502/BCA-V01 ngày 01/3/2023 của Bộ trưởng Bộ "
                                   "Công an")
    assert text[a.start:a.subject_end].endswith("về việc phối hợp")


def test_steering_committee_named_in_full_is_provincial():
    a = one("Thực hiện Kế hoạch số 123/KH-BCĐ ngày 10/01/2024 của Ban Chỉ đạo phòng, chống tội "
            "phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc tỉnh về "
            "triển khai", province="Nghệ An")
    assert a.scope == "Nghệ An"
    assert a.issuer.endswith("bảo vệ an ninh Tổ quốc tỉnh")


def test_year_written_alone_after_the_number():
    act = one("bố trí kinh phí theo Quyết định số 1876/QĐ-UBND năm 2019 của UBND tỉnh quy định "
              "định mức chi cho công tác phòng, chống HIV/AIDS", "Sóc Trăng")
    assert (act.id, act.issued, act.year, act.scope) == ("1876/QĐ-UBND", None, 2019, "Sóc Trăng")
    assert act.issuer == "Ủy ban nhân dân tỉnh Sóc Trăng"


def test_department_named_before_its_act_makes_it_provincial():
    act = one("Theo đề nghị của Giám đốc Sở Lao động - Thương binh và Xã hội tại Tờ trình số "
              "412/TTr-LĐTBXH ngày 02/3/2022.", "Nghệ An")
    assert (act.id, act.year, act.scope) == ("412/TTr-LĐTBXH", 2022, "Nghệ An")
    assert act.issuer == "Sở Lao động - Thương binh và Xã hội"
    ministry = one("theo đề nghị của Bộ Lao động - Thương binh và Xã hội tại Công văn số "
                   "1234/LĐTBXH-PCTNXH ngày 5/4/2022", "Nghệ An")
    assert ministry.scope == "national"


def test_department_name_with_and_and_commas_is_read_whole():
    act = one("Kế hoạch số 30/KH-SVHTTDL ngày 02/3/2022 của Sở Văn hóa, Thể thao và Du lịch về "
              "tổ chức các hoạt động", "Nghệ An")
    assert act.issuer == "Sở Văn hóa, Thể thao và Du lịch"
    joint = one("Kế hoạch liên ngành số 12/KH-SYT ngày 2/3/2022 của Sở Y tế và UBND tỉnh về "
                "phòng, chống HIV", "Nghệ An")
    assert joint.issuer == "Sở Y tế"


@pytest.mark.parametrize(
    "text, subjects",
    [
        # a quoted subject ends at its closing quote; the enacting clause is not a subject
        ("Thực hiện Chỉ thị số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị về “Tăng cường, nâng cao "
         "hiệu quả công tác phòng, chống và kiểm soát ma túy” và Quyết định số 1452/QĐ-TTg ngày "
         "31/8/2021 của Thủ tướng Chính phủ phê duyệt Chương trình phòng, chống ma túy giai đoạn "
         "2021 - 2025, Ủy ban nhân dân Thành phố ban hành Kế hoạch phòng, chống ma túy năm 2024 "
         "trên địa bàn Thành phố, cụ thể như sau:",
         {"36-CT/TW": "Tăng cường, nâng cao hiệu quả công tác phòng, chống và kiểm soát ma túy",
          "1452/QĐ-TTg": "phê duyệt Chương trình phòng, chống ma túy giai đoạn 2021 - 2025"}),
        ("Căn cứ Quyết định số 2596/QĐ-TTg ngày 27/12/2013 của Thủ tướng Chính phủ phê duyệt Đề "
         "án đổi mới công tác cai nghiện ma túy đến năm 2020 và Nghị định số 116/2021/NĐ-CP ngày "
         "21/12/2021 của Chính phủ, UBND tỉnh xây dựng Kế hoạch thực hiện như sau:",
         {"2596/QĐ-TTg": "phê duyệt Đề án đổi mới công tác cai nghiện ma túy đến năm 2020",
          "116/2021/NĐ-CP": None}),
    ],
)
def test_subject_stops_where_the_act_s_title_ends(text, subjects):
    assert {a.id: a.subject for a in find_acts(text, "Hà Nội")} == subjects
