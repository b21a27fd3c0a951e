"""Document headers: the five seeds and typical layouts of other provinces."""

import pytest

from plangraph.ingest.header import parse_header
from plangraph.ingest.read.reader import RawDocument, read_document


def header(text: str):
    return parse_header(RawDocument("x.txt", "x.txt", text, text.split("\n")))


SEED_HEADERS = {
    "tq2024_table": ("Chương trình công tác", None, None, "Ủy ban nhân dân tỉnh Tuyên Quang",
                     "Tuyên Quang", 2024, "Phòng, chống AIDS, ma tuý, mại dâm năm 2024"),
    "tq2023_agency_headed": (
        "Kế hoạch", None, "2023-05-31", "Ủy ban nhân dân tỉnh Tuyên Quang", "Tuyên Quang", 2023,
        "Triển khai hưởng ứng Tháng hành động phòng, chống ma túy; Ngày quốc tế phòng, chống ma "
        "túy và Ngày toàn dân phòng, chống ma túy trên địa bàn tỉnh Tuyên Quang năm 2023"),
    "tg2017_numbered": (
        "Kế hoạch", None, None, "Ủy ban nhân dân tỉnh Tiền Giang", "Tiền Giang", 2017,
        "Triển khai thực hiện Quyết định số 424/QĐ-TTg ngày 07 tháng 4 năm 2017 của Thủ tướng "
        "Chính phủ về phê duyệt Chương trình phòng, chống ma túy đến năm 2020 trên địa bàn Tiền "
        "Giang"),
    "hn2024_parentheses": ("Kế hoạch", None, None, "Ủy ban nhân dân thành phố Hà Nội", "Hà Nội",
                           2024, "Phòng, chống ma túy trên địa bàn thành phố Hà Nội năm 2024"),
    "tv2023_agency_headed": (
        "Kế hoạch", None, None, "Ủy ban nhân dân tỉnh Trà Vinh", "Trà Vinh", 2023,
        "Thực hiện Chương trình công tác năm 2023 của Ủy ban Quốc gia phòng, chống AIDS, ma túy, "
        "mại dâm trên địa bàn tỉnh Trà Vinh"),
}


@pytest.mark.parametrize("seed", sorted(SEED_HEADERS))
def test_seed_headers(seeds, seed):
    info = parse_header(read_document(seeds[seed]))
    got = (info.kind, info.number, info.issued, info.issuer, info.province, info.year, info.title)
    assert got == SEED_HEADERS[seed]
    assert info.source is not None and info.source.line_start <= info.source.line_end


def test_full_header_in_two_columns():
    info = header(
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TỈNH NGHỆ AN\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 120/KH-UBND\tNghệ An, ngày 10 tháng 3 năm 2024\n\n"
        "KẾ HOẠCH\n"
        "Thực hiện công tác phòng, chống ma túy\n"
        "trên địa bàn tỉnh năm 2024\n\n"
        "Thực hiện Quyết định số 1452/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ, …\n")
    assert (info.kind, info.number, info.issued, info.issuer, info.province, info.year) == (
        "Kế hoạch", "120/KH-UBND", "2024-03-10", "Ủy ban nhân dân tỉnh Nghệ An", "Nghệ An", 2024)
    assert info.title == "Thực hiện công tác phòng, chống ma túy trên địa bàn tỉnh năm 2024"
    assert (info.source.line_start, info.source.line_end) == (3, 7)


@pytest.mark.parametrize("before", ["Số: 120/KH-UBND, ", "Số: 120/KH-UBND (bản sao), ",
                                    "Số: 120/KH-UBND, trích lục bản lưu trữ của Văn phòng UBND, "])
def test_place_and_date_after_a_comma_on_one_line(before):
    """Copied from a web page, the number, place and date on one line: the place is what
    stands between the last comma (or bracket) and the date, at most 40 characters."""
    info = header(before + "Nghệ An, ngày 10 tháng 3 năm 2024\n\n"
                  "KẾ HOẠCH\nThực hiện công tác phòng, chống ma túy năm 2024\n")
    assert (info.issued, info.province, info.year) == ("2024-03-10", "Nghệ An", 2024)


def test_markdown_table_header_of_a_city_and_blank_day():
    info = header(
        "| ỦY BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "| Số: /KH-UBND | Cần Thơ, ngày    tháng 02 năm 2024 |\n\n"
        "**KẾ HOẠCH**\n\n"
        "**Phòng, chống tệ nạn mại dâm giai đoạn 2024 - 2025**\n\n"
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;\n")
    assert (info.kind, info.number, info.issued, info.province, info.year) == (
        "Kế hoạch", None, None, "Cần Thơ", 2024)
    assert info.issuer == "Ủy ban nhân dân thành phố Cần Thơ"
    assert info.title == "Phòng, chống tệ nạn mại dâm giai đoạn 2024 - 2025"


def test_plan_annexed_to_a_decision_takes_its_number_and_issuer():
    info = header(
        "KẾ HOẠCH\nPhòng, chống HIV/AIDS năm 2023\n"
        "(Ban hành kèm theo Quyết định số 85/QĐ-UBND ngày 20/01/2023 của UBND tỉnh Lào Cai)\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n")
    assert (info.number, info.issued, info.province, info.issuer) == (
        "85/QĐ-UBND", "2023-01-20", "Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai")


def test_province_from_the_text_when_the_header_has_none():
    info = header("CHƯƠNG TRÌNH CÔNG TÁC NĂM 2024\n\n"
                  "1. Tuyên truyền trên địa bàn tỉnh Bắc Kạn; phối hợp với tỉnh Cao Bằng.\n"
                  "2. Kiểm tra các xã của tỉnh Bắc Kạn.\n")
    assert (info.kind, info.province, info.year) == ("Chương trình công tác", "Bắc Kạn", 2024)


def test_year_is_the_first_year_covered_not_a_horizon_or_a_cited_date():
    info = header("KẾ HOẠCH\nThực hiện Chiến lược quốc gia phòng, chống ma túy đến năm 2030 "
                  "giai đoạn 2022 - 2025 trên địa bàn tỉnh Sơn La\n")
    assert (info.year, info.province) == (2022, "Sơn La")
    target = header("KẾ HOẠCH\nThực hiện Chiến lược quốc gia chấm dứt dịch bệnh AIDS vào năm "
                    "2030\ntrên địa bàn tỉnh Lào Cai giai đoạn 2021 - 2025\n")
    assert (target.year, target.province) == (2021, "Lào Cai")
    no_year = header("KẾ HOẠCH\nTriển khai Quyết định số 424/QĐ-TTg ngày 07/4/2017\n\n"
                     "Gửi báo cáo trước ngày 25/8/2017.\n")
    assert no_year.year == 2017


def test_no_header_at_all_leaves_fields_empty():
    info = header("Một đoạn văn không có tiêu đề.\n")
    assert (info.kind, info.number, info.title, info.source) == (None, None, None, None)


def test_issuing_body_under_its_parent_body():
    info = header("UBND TỈNH ĐẮK LẮK\nBAN CHỈ ĐẠO 138\n\nSố: 25/KH-BCĐ\tĐắk Lắk, ngày 15 tháng 02 "
                  "năm 2022\n\nKẾ HOẠCH\nTriển khai Nghị quyết số 98/NQ-CP ngày 26/8/2022 của "
                  "Chính phủ\n")
    assert (info.issuer, info.province, info.number, info.year) == (
        "Ban Chỉ đạo phòng, chống tội phạm tỉnh Đắk Lắk", "Đắk Lắk", "25/KH-BCĐ", 2022)
    department = header("UBND TỈNH LONG AN\nSỞ Y TẾ\nSố: 7/KH-SYT\n\nKẾ HOẠCH\nPhòng, chống "
                        "HIV/AIDS năm 2021\n\n1. Sở Y tế chủ trì.\n")
    assert (department.issuer, department.province) == ("Sở Y tế", "Long An")


_DECISION = ("""ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH
Số: 1021/QĐ-UBND
Hà Tĩnh, ngày 20 tháng 4 năm 2022
QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Chương trình phòng, chống ma túy giai đoạn 2021 - 2025 trên địa bàn tỉnh
ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH
Căn cứ Quyết định số 1452/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ;
QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình phòng, chống """
             """ma túy giai đoạn 2021 - 2025 trên địa bàn tỉnh Hà Tĩnh.
Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký.
TM. ỦY BAN NHÂN DÂN
""")
_ATTACHED = """
KẾ HOẠCH
Thực hiện Chương trình phòng, chống ma túy giai đoạn 2021 - 2025
trên địa bàn tỉnh Hà Tĩnh
(Ban hành kèm theo Quyết định số 1021/QĐ-UBND ngày 20/4/2022 của UBND tỉnh Hà Tĩnh)
I. MỤC ĐÍCH, YÊU CẦU
"""


def test_decision_issuing_a_plan_is_read_as_the_plan():
    info = header(_DECISION + _ATTACHED)
    assert (info.kind, info.number, info.issued, info.issuer, info.province) == (
        "Kế hoạch", "1021/QĐ-UBND", "2022-04-20", "Ủy ban nhân dân tỉnh Hà Tĩnh", "Hà Tĩnh")
    assert info.title == ("Thực hiện Chương trình phòng, chống ma túy giai đoạn 2021 - 2025 trên "
                          "địa bàn tỉnh Hà Tĩnh")
    assert info.year == 2022  # issued within the programme's period 2021 - 2025
    quoted = header(_DECISION.replace("này Kế hoạch", "này “Kế hoạch").replace("Hà Tĩnh.",
                                                                             "Hà Tĩnh”."))
    assert quoted.title == info.title
    without_part = header(_DECISION)
    assert (without_part.kind, without_part.number) == ("Kế hoạch", "1021/QĐ-UBND")
    assert without_part.title == ("Thực hiện Chương trình phòng, chống ma túy giai đoạn 2021 - "
                                  "2025 trên địa bàn tỉnh Hà Tĩnh")


def test_decision_on_something_else_stays_a_decision():
    info = header(_DECISION.replace("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch",
                                    "Điều 1. Phê duyệt Kế hoạch"))
    assert (info.kind, info.number) == ("Quyết định", "1021/QĐ-UBND")
