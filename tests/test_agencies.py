"""Agency names as written in the seed plans -> agency types of the gold table.

Every written form below is quoted from examples/plans/<seed>:<line> (or the gold README).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plangraph.ingest.agencies.resolver import AgencyMatch, get_resolver

R = get_resolver()
# The hand-written gold annotations live next to the repository (shared/gold).
GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"


def _gold(name: str) -> dict:
    path = GOLD / name
    if not path.exists():
        pytest.skip("gold annotations not available")
    return json.loads(path.read_text(encoding="utf-8"))

UBND_TINH = "Ủy ban nhân dân cấp tỉnh"
UBND_HUYEN = "Ủy ban nhân dân cấp huyện"
CA = "Công an cấp tỉnh"
LDTBXH = "Sở Lao động - Thương binh và Xã hội"
GD = "Sở Giáo dục và Đào tạo"
TTTT = "Sở Thông tin và Truyền thông"
NN = "Sở Nông nghiệp và Phát triển nông thôn"
BCD = "Ban Chỉ đạo phòng, chống tội phạm cấp tỉnh"
MTTQ = "Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh"
DOAN = "Đoàn Thanh niên Cộng sản Hồ Chí Minh cấp tỉnh"
TOA = "Tòa án nhân dân cấp tỉnh"
VKS = "Viện Kiểm sát nhân dân cấp tỉnh"
REL = "Các cơ quan liên quan"
TO_CONG_TAC = "Tổ công tác liên ngành kiểm soát hoạt động hợp pháp liên quan đến ma túy"


# (written, type, how) — one name each
RESOLVE = [
    # 000 (Tuyên Quang 2024, table)
    ("Công an tỉnh", CA, "alias"),
    ("Sở GD – ĐT", GD, "alias"),
    ("Sở GD-ĐT", GD, "alias"),
    ("Sở TTTT", TTTT, "alias"),
    ("Sở LĐTBXH", LDTBXH, "alias"),
    ("Sở LĐTĐ", LDTBXH, "fuzzy"),
    ("Sở KH - ĐT", "Sở Kế hoạch và Đầu tư", "alias"),
    ("Sở NNPTNT", NN, "alias"),
    ("Bộ Chỉ huy Quân sự tỉnh", "Bộ Chỉ huy Quân sự cấp tỉnh", "alias"),
    ("Đoàn TNCS tỉnh", DOAN, "alias"),
    ("UBND huyện, thành phố", UBND_HUYEN, "alias"),
    ("UBND các huyện, thành phố", UBND_HUYEN, "alias"),
    ("Ban Dân tộc", "Ban Dân tộc", "exact"),
    ("Tòa án nhân dân tỉnh", TOA, "alias"),
    ("Hội Nông dân tỉnh", "Hội Nông dân cấp tỉnh", "alias"),
    ("Các thành viên BCD 138 tỉnh", REL, "collective"),
    ("Các sở, ngành thành viên BCĐ 138", REL, "collective"),
    ("Các sở, ban, ngành có liên quan", REL, "collective"),
    ("Các sở, ban, ngành liên quan", REL, "collective"),
    ("Các cơ quan liên quan", REL, "collective"),
    # 001 (Tuyên Quang 2023, agency headings)
    ("Sở Lao động - Thương binh và Xã hội", LDTBXH, "exact"),
    ("Sở Văn hóa - Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch", "exact"),
    ("Sở Công thương", "Sở Công Thương", "exact"),
    ("Sở Giao thông Vận tải", "Sở Giao thông Vận tải", "exact"),
    ("Liên đoàn Lao động tỉnh", "Liên đoàn Lao động cấp tỉnh", "alias"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", DOAN, "alias"),
    ("Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo cấp ủy tỉnh", "alias"),
    ("Ủy ban Mặt trận Tổ quốc tỉnh", MTTQ, "alias"),
    ("Các sở, ban, ngành còn lại", REL, "collective"),
    ("Ủy ban nhân dân các huyện, thành phố", UBND_HUYEN, "alias"),
    ("Ủy ban nhân dân huyện, thành phố", UBND_HUYEN, "alias"),
    ("Ủy ban nhân dân cấp xã", "Ủy ban nhân dân cấp xã", "exact"),
    ("Ủy ban MTTQ VN tỉnh", MTTQ, "alias"),
    # 002 (Tiền Giang 2017)
    ("Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phong trào toàn dân bảo vệ"
     " an ninh Tổ quốc tỉnh", BCD, "alias"),
    ("Công an tỉnh - Cơ quan Thường trực phòng, chống ma túy", CA, "alias"),
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng cấp tỉnh", "alias"),
    ("Văn phòng Ủy ban nhân tỉnh", "Văn phòng Ủy ban nhân dân cấp tỉnh", "fuzzy"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tiền Giang", MTTQ, "alias"),
    ("Ủy ban nhân dân các huyện, thành phố, thị xã", UBND_HUYEN, "alias"),
    ("Ủy ban nhân dân các huyện, thành, thị", UBND_HUYEN, "alias"),
    ("lực lượng Công an", CA, "alias"),
    ("ngành Công an", CA, "alias"),
    ("Công an địa phương", CA, "alias"),
    ("ngành Y tế", "Sở Y tế", "alias"),
    ("Báo Ấp Bắc", "Báo cấp tỉnh", "alias"),
    ("Đài Phát thanh và Truyền hình", "Đài Phát thanh và Truyền hình cấp tỉnh", "alias"),
    ("các ngành liên quan", REL, "collective"),
    ("các sở, ngành có liên quan", REL, "collective"),
    ("các tổ chức thành viên", REL, "collective"),
    # 003 (Hà Nội 2024)
    ("Công an Thành phố", CA, "alias"),
    ("Công an Thành phố - Cơ quan Thường trực Ban Chỉ đạo 89 Thành phố", CA, "alias"),
    ("Cơ quan thường trực giúp việc Ban Chỉ đạo 89 Thành phố", BCD, "alias"),
    ("Ban Chỉ đạo 89 Thành phố", BCD, "alias"),
    ("Ủy ban nhân dân các quận, huyện, thị xã", UBND_HUYEN, "alias"),
    ("các sở, ban, ngành, đoàn thể Thành phố", REL, "collective"),
    ("Sở Lao động Thương binh", LDTBXH, "fuzzy"),
    ("Sở Lao động Thương binh và xã hội", LDTBXH, "exact"),
    ("Sở thông tin và Truyền thông", TTTT, "exact"),
    ("Đài Phát thanh và truyền hình Hà Nội", "Đài Phát thanh và Truyền hình cấp tỉnh", "alias"),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh Thành phố", DOAN, "alias"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố", MTTQ, "alias"),
    ("Hội Cựu chiến binh Thành phố", "Hội Cựu chiến binh cấp tỉnh", "alias"),
    ("Sở Văn hóa và Thể thao", "Sở Văn hóa và Thể thao", "exact"),
    ("Sở Du lịch", "Sở Du lịch", "exact"),
    ("Sở Nội vụ (Ban Thi đua khen thưởng)", "Sở Nội vụ", "exact"),
    ("Bộ Tư lệnh Thủ đô", "Bộ Tư lệnh Thủ đô", "exact"),
    ("Cục Quản lý thị trường", "Cục Quản lý thị trường", "exact"),
    ("Cục Hải quan Thành phố", "Cục Hải quan", "exact"),
    ("Sở Nông nghiệp và phát triển nông thôn", NN, "exact"),
    ("Viện Kiểm sát nhân dân Thành phố", VKS, "alias"),
    ("Tòa án nhân dân Thành phố", TOA, "alias"),
    ("Ban tuyên giáo Thành ủy", "Ban Tuyên giáo cấp ủy tỉnh", "alias"),
    ("Tổ công tác liên ngành phối hợp kiểm soát các hoạt động hợp pháp liên quan đến ma túy"
     " Thành phố", TO_CONG_TAC, "alias"),
    # 004 (Trà Vinh 2023)
    ("Tỉnh đoàn", DOAN, "alias"),
    ("Hội Liên hiệp Phụ nữ tỉnh", "Hội Liên hiệp Phụ nữ cấp tỉnh", "alias"),
    ("Ủy ban nhân dân các huyện, thị xã, thành phố", UBND_HUYEN, "alias"),
    ("Các sở, ban, ngành tỉnh còn lại", REL, "collective"),
    ("các cơ quan, đơn vị, địa phương có liên quan", REL, "collective"),
    ("các cơ quan, đơn vị chức năng có liên quan", REL, "collective"),
    ("Công an các tỉnh giáp ranh", CA, "alias"),
    # case, tone placement, spaces, dashes
    ("Sở Y Tế", "Sở Y tế", "exact"),
    ("SỞ Y TẾ", "Sở Y tế", "exact"),
    ("Sở Văn hoá,  Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch", "exact"),
    ("Sở Giáo dục – Đào tạo", GD, "alias"),
    ("Uỷ ban nhân dân tỉnh", UBND_TINH, "alias"),
    ("Toà án nhân dân tỉnh", TOA, "alias"),
    ("UBND Thành phố", UBND_TINH, "alias"),
]


@pytest.mark.parametrize(("written", "type_", "how"), RESOLVE)
def test_resolve(written: str, type_: str, how: str) -> None:
    m = R.resolve(written)
    assert (m.type, m.how) == (type_, how), m


def test_every_type_name_resolves_to_itself() -> None:
    for name in R.type_names():
        assert R.resolve(name).type == name, name


def test_type_names_follow_the_gold_readme_table() -> None:
    readme = GOLD / "README.md"
    if not readme.exists():
        pytest.skip("gold README not available")
    table = [
        line.split("|")[1].strip()
        for line in readme.read_text(encoding="utf-8").splitlines()
        if line.startswith("| ") and not line.startswith("| type")
    ]
    gold = [n for n in R.type_names() if R.is_gold_type(n)]
    assert gold == table


def test_levels() -> None:
    assert R.resolve("UBND tỉnh").level == "province"
    assert R.resolve("UBND huyện, thành phố").level == "district"
    assert R.resolve("Ủy ban nhân dân cấp xã").level == "commune"
    assert R.resolve("các sở, ban, ngành liên quan").level == "collective"
    assert R.resolve("Bộ Công an").level == "national"


def test_lower_level_bodies_are_not_the_provincial_one() -> None:
    # 000:13 "lực lượng Công an cấp xã"; 003:178 "lực lượng Công an xã chính quy"
    assert R.resolve("lực lượng Công an cấp xã").type == "Công an cấp xã"
    assert R.resolve("Công an xã").level == "commune"
    # a commune-level mass organisation has no type of its own: kept, not mistaken
    m = R.resolve("Hội Nông dân xã")
    assert (m.type, m.how, m.level) == (None, "unknown", "commune")


NATIONAL = [
    "Bộ Công an", "Bộ Tài chính", "Thủ tướng Chính phủ", "Văn phòng Chính phủ",
    "Ủy ban Quốc gia phòng, chống AIDS, ma túy, mại dâm", "Tổng Liên đoàn Lao động Việt Nam",
    "Bộ Kế hoạch và Đầu tư", "Bộ Thông tin - Truyền thông", "Ban Chỉ đạo 138/CP",
    "Vụ Giáo dục Đại học - Bộ Giáo dục và Đào tạo", "Vụ KGVX - Văn phòng Chính phủ",
    "Bộ Lao động - Thương binh và Xã hội",
]


@pytest.mark.parametrize("written", NATIONAL)
def test_national_bodies_are_flagged(written: str) -> None:
    m = R.resolve(written)
    assert m.level == "national" and m.type is None, m
    assert m.written == written


@pytest.mark.parametrize(
    ("written", "type_"),
    [
        ("Sở Nông nghiệp và Phát triển nông thông", NN),  # one letter off
        ("Sở Giáo dục và Đạo tạo", GD),  # wrong tone
        ("So Y te", "Sở Y tế"),  # typed without diacritics
        ("Ban Chỉ đạo phòng, chống tội phạm, tệ nạn xã hội và xây dựng phòng trào toàn dân bảo"
         " vệ an ninh Tổ quốc tỉnh", BCD),  # 002:194 "phòng trào"
    ],
)
def test_typos_are_resolved_and_reported(written: str, type_: str) -> None:
    m = R.resolve(written)
    assert (m.type, m.how) == (type_, "fuzzy")


@pytest.mark.parametrize(
    "written",
    ["Trung tâm Kiểm soát bệnh tật tỉnh", "Trung tâm Công tác xã hội tỉnh", "Chi cục Kiểm lâm"],
)
def test_unknown_bodies_are_kept(written: str) -> None:
    m = R.resolve(written)
    assert (m.type, m.how) == (None, "unknown")
    assert m.written


def _types(ms: list[AgencyMatch]) -> list[str | None]:
    return [m.type for m in ms]


# (cell or parenthesis as written, types in order)
LISTS = [
    # 000:2
    ("Đoàn TNCS tỉnh, các sở, ngành liên quan, UBND huyện, thành phố", [DOAN, REL, UBND_HUYEN]),
    # 000:4
    ("Công an tỉnh, Sở GD – ĐT, Sở TTTT, Sở LĐTBXH", [CA, GD, TTTT, LDTBXH]),
    # 000:9
    ("Bộ Chỉ huy Quân sự tỉnh, các Sở: Tài chính, Công Thương, Y Tế, NNPTNT, UBND huyện, thành phố",
     ["Bộ Chỉ huy Quân sự cấp tỉnh", "Sở Tài chính", "Sở Công Thương", "Sở Y tế", NN, UBND_HUYEN]),
    # 000:13
    ("Các Sở: LĐTBXH, Y tế, Tòa án nhân dân tỉnh, UBND huyện, thành phố",
     [LDTBXH, "Sở Y tế", TOA, UBND_HUYEN]),
    # 000:31
    ("Các sở, ngành thành viên BCĐ 138; các địa phương", [REL, REL]),
    # 000:36, 000:39, 000:40
    ("Sở KH - ĐT; Sở Tài chính", ["Sở Kế hoạch và Đầu tư", "Sở Tài chính"]),
    ("Công an tỉnh; Sở LĐTBXH", [CA, LDTBXH]),
    ("Công an tỉnh, Sở LĐTĐ", [CA, LDTBXH]),
    # 000:19
    ("Các thành viên BCD 138 tỉnh, UBND huyện, thành phố", [REL, UBND_HUYEN]),
    # 001:113 heading, 001:115 heading
    ("Hội Cựu chiến binh, Hội Liên hiệp Phụ nữ tỉnh",
     ["Hội Cựu chiến binh cấp tỉnh", "Hội Liên hiệp Phụ nữ cấp tỉnh"]),
    ("Viện Kiểm sát nhân dân, Tòa án nhân dân tỉnh", [VKS, TOA]),
    # 004:117 heading
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trà Vinh, Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn",
     [MTTQ, "Hội Liên hiệp Phụ nữ cấp tỉnh", DOAN]),
    # 003:70
    ("Công an Thành phố chủ trì, phối hợp các sở, ban, ngành, đoàn thể Thành phố, Ủy ban nhân dân"
     " các quận, huyện, thị xã", [CA, REL, UBND_HUYEN]),
    # 003:98
    ("Cơ quan thường trực giúp việc Ban Chỉ đạo 89 Thành phố và các sở, ban, ngành, đoàn thể Thành"
     " phố, Ủy ban nhân dân các quận, huyện, thị xã", [BCD, REL, UBND_HUYEN]),
    # 003:108
    ("Sở Y tế chủ trì phối hợp Công an Thành phố, Sở Lao động Thương binh và các sở, ban, ngành"
     " Thành phố, Ủy ban nhân dân các quận, huyện, thị xã",
     ["Sở Y tế", CA, LDTBXH, REL, UBND_HUYEN]),
    # 003:192
    ("Cơ quan thường trực giúp việc Ban Chỉ đạo 89 Thành phố, phối hợp Sở Nội vụ (Ban Thi đua khen"
     " thưởng) và các sở, ban, ngành, đoàn thể Thành phố, Ủy ban nhân dân các quận, huyện, thị xã",
     [BCD, "Sở Nội vụ", REL, UBND_HUYEN]),
    # 003:224
    ("Sở Y tế, Lao động - Thương binh và Xã hội và Ủy ban nhân dân các quận, huyện, thị xã",
     ["Sở Y tế", LDTBXH, UBND_HUYEN]),
    # 003:124
    ("Đài Phát thanh và truyền hình Hà Nội, Công an Thành phố, Sở Lao động - Thương binh và Xã hội",
     ["Đài Phát thanh và Truyền hình cấp tỉnh", CA, LDTBXH]),
    # 003:246: the parenthesised members are not items of the list
    ("Tổ công tác liên ngành phối hợp kiểm soát các hoạt động hợp pháp liên quan đến ma túy Thành"
     " phố được thành lập theo Quyết định số 4811/QĐ-UBND ngày 25/9/2023 của Ủy ban nhân dân Thành"
     " phố (Công an Thành phố, Sở Công thương, Sở Y tế, Sở Nông nghiệp và phát triển nông thôn,"
     " Cục Quản lý thị trường) và Ủy ban nhân dân các quận, huyện, thị xã",
     [TO_CONG_TAC, UBND_HUYEN]),
    # 003:272
    ("Công an Thành phố, Sở Tài chính, Sở Lao động Thương binh và xã hội, Sở Y tế, Cục Hải quan"
     " Thành phố, Viện Kiểm sát nhân dân Thành phố, Tòa án nhân dân Thành phố và các sở, ban, ngành"
     " Thành phố",
     [CA, "Sở Tài chính", LDTBXH, "Sở Y tế", "Cục Hải quan", VKS, TOA, REL]),
    # an unknown body between known ones is kept, whole
    ("Công an tỉnh, Trung tâm Công tác xã hội tỉnh, Sở Y tế", [CA, None, "Sở Y tế"]),
]


@pytest.mark.parametrize(("text", "types"), LISTS)
def test_split_list(text: str, types: list[str | None]) -> None:
    ms = R.split_list(text)
    assert _types(ms) == types, ms
    for m in ms:
        assert text[m.start : m.end] == m.written


def test_split_list_keeps_unknown_item_whole() -> None:
    ms = R.split_list("Công an tỉnh, Trung tâm Công tác xã hội tỉnh, Sở Y tế")
    assert ms[1].written == "Trung tâm Công tác xã hội tỉnh"
    assert ms[1].how == "unknown"


# (sentence, [(written, type)]) — scan finds every mention with its offsets
SCAN = [
    # 001:97
    ("Phối hợp với Công an tỉnh, Sở Y tế tăng cường kiểm tra các cơ sở kinh doanh hóa chất",
     [("Công an tỉnh", CA), ("Sở Y tế", "Sở Y tế")]),
    # 002:121
    ("Phối hợp với ngành Công an, Lao động - Thương binh và Xã hội làm tốt công tác lập hồ sơ",
     [("ngành Công an", CA), ("Lao động - Thương binh và Xã hội", LDTBXH)]),
    # 002:133
    ("Phối hợp với Công an tỉnh, Đài Phát thanh và Truyền hình, Báo Ấp Bắc tuyên truyền sâu rộng",
     [("Công an tỉnh", CA), ("Đài Phát thanh và Truyền hình",
                             "Đài Phát thanh và Truyền hình cấp tỉnh"),
      ("Báo Ấp Bắc", "Báo cấp tỉnh")]),
    # 002:92
    ("Chỉ đạo Công an địa phương phối hợp với ngành Y tế bảo đảm an ninh trật tự",
     [("Công an địa phương", CA), ("ngành Y tế", "Sở Y tế")]),
    # 003:208
    ("Tổ chức ký kết các quy chế, kế hoạch phối hợp giữa các ngành: Công an, Lao động - Thương binh"
     " và Xã hội, Y tế, Tòa án và các cơ quan, đơn vị có liên quan trong công tác xác định",
     [("các ngành: Công an", CA), ("Lao động - Thương binh và Xã hội", LDTBXH),
      ("Y tế", "Sở Y tế"), ("Tòa án", TOA), ("các cơ quan, đơn vị có liên quan", REL)]),
    # 004:49
    ("Tăng cường phối hợp, trao đổi thông tin với Công an các tỉnh giáp ranh trong công tác"
     " điều tra",
     [("Công an các tỉnh", CA)]),
    # 004:77
    ("chuyển gửi đối với người nghiện ma túy với sự tham gia của Tòa án (đang thực hiện thí điểm",
     [("Tòa án", TOA)]),
    # 002:157
    ("8. Bộ Chỉ huy Bộ đội Biên phòng tỉnh phối hợp chặt chẽ với Công an và các lực lượng có liên"
     " quan tổ chức thực hiện",
     [("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng cấp tỉnh"),
      ("Công an", CA), ("các lực lượng có liên quan", REL)]),
    # 003:280
    ("3. Giao Công an Thành phố - Cơ quan Thường trực Ban Chỉ đạo 89 Thành phố có trách nhiệm giúp"
     " Ủy ban nhân dân Thành phố theo dõi",
     [("Công an Thành phố - Cơ quan Thường trực Ban Chỉ đạo 89 Thành phố", CA),
      ("Ủy ban nhân dân Thành phố", UBND_TINH)]),
    # 001:77: an object of "Chỉ đạo" is still a mention (the task extractor decides the role)
    ("Chỉ đạo Trung tâm Y tế cấp huyện khẩn trương tổ chức rà soát cơ sở vật chất",
     [("Trung tâm Y tế cấp huyện", "Trung tâm Y tế cấp huyện")]),
    # 001:113
    ("Phối hợp với lực lượng Công an, các ban, ngành thường xuyên tổ chức rà soát",
     [("lực lượng Công an", CA), ("các ban, ngành", REL)]),
    # 001:99
    ("Phối hợp với các lực lượng chức năng có liên quan kiểm tra phát hiện",
     [("các lực lượng chức năng có liên quan", REL)]),
    # 004:57
    ("Chủ động phối hợp với các sở, ban, ngành tỉnh có liên quan triển khai thực hiện nhiệm vụ"
     " phòng, chống AIDS, ma túy, mại dâm trên địa bàn, tuyển quản lý; phối hợp với Công an tỉnh",
     [("các sở, ban, ngành tỉnh có liên quan", REL), ("Công an tỉnh", CA)]),
    # 003:88: "Ban Chỉ đạo 89 các quận, huyện, thị xã" is district level: no gold type
    ("giữa Ban Chỉ đạo 89 các quận, huyện, thị xã, xã, phường, thị trấn nhất là tại các địa bàn",
     [("Ban Chỉ đạo 89 các quận, huyện, thị xã, xã, phường, thị trấn", None)]),
]


@pytest.mark.parametrize(("text", "expected"), SCAN)
def test_scan(text: str, expected: list[tuple[str, str | None]]) -> None:
    ms = R.scan(text)
    assert [(m.written, m.type) for m in ms] == expected
    for m in ms:
        assert text[m.start : m.end] == m.written


def test_scan_flags_national_bodies() -> None:
    # 000:36
    text = ("Chủ trì, phối hợp với Bộ Kế hoạch và Đầu tư, Bộ Tài chính, các Bộ ngành liên quan và"
            " địa phương rà soát … theo chỉ đạo của Chính phủ, Phó Thủ tướng Chính Phủ - Chủ tịch"
            " ủy ban quốc gia phòng, chống AIDS, ma túy, mại dâm.")
    ms = R.scan(text)
    assert ms and all(m.level == "national" for m in ms), ms
    assert [m.written for m in ms][:3] == [
        "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "các Bộ ngành liên quan"]


def test_scan_does_not_take_media_for_the_department() -> None:
    # 001:83 "các cơ quan thông tin và truyền thông" are newspapers and stations
    ms = R.scan("Chỉ đạo các cơ quan thông tin và truyền thông trên địa bàn tỉnh tăng thời lượng")
    assert TTTT not in _types(ms)


def test_scan_finds_every_gold_agency_of_the_table_seed(seeds) -> None:
    """000 is a table: the agencies of each row's two agency columns are its gold lead+support."""
    gold = _gold("000_7ff5c3280978a41d.json")
    rows = [
        line.split("\t")
        for line in seeds["tq2024_table"].read_text(encoding="utf-8").splitlines()
        if line[:1].isdigit() and "\t" in line
    ]
    assert len(rows) == len(gold["tasks"])
    for row, task in zip(rows, gold["tasks"], strict=True):
        lead = list(dict.fromkeys(m.type for m in R.split_list(row[2])))
        support = list(dict.fromkeys(m.type for m in R.split_list(row[3])))
        assert (lead, support) == (task["lead"], task["support"]), row[0]


def test_resolver_is_shared() -> None:
    assert get_resolver() is R


HEADINGS = [
    # section headings naming the lead agencies (001, 002, 004), numbering and markup removed
    ("Đề nghị Hội Cựu chiến binh, Hội Liên hiệp Phụ nữ tỉnh",  # 001:113
     ["Hội Cựu chiến binh cấp tỉnh", "Hội Liên hiệp Phụ nữ cấp tỉnh"]),
    ("Đề nghị Viện Kiểm sát nhân dân, Tòa án nhân dân tỉnh", [VKS, TOA]),  # 001:115
    ("Đề nghị Ban Tuyên giáo Tỉnh ủy", ["Ban Tuyên giáo cấp ủy tỉnh"]),  # 001:117
    ("Ủy ban nhân dân các huyện, thành phố", [UBND_HUYEN]),  # 001:129
    ("Công an tỉnh - Cơ quan Thường trực phòng, chống ma túy", [CA]),  # 002:82
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tiền Giang và các tổ chức thành viên",
     [MTTQ, REL]),  # 002:180
    ("Văn phòng Ủy ban nhân tỉnh", ["Văn phòng Ủy ban nhân dân cấp tỉnh"]),  # 002:192
    ("Ủy ban nhân dân các huyện, thành phố, thị xã", [UBND_HUYEN]),  # 002:202
    ("Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Trà Vinh, Hội Liên hiệp Phụ nữ tỉnh, Tỉnh đoàn",
     [MTTQ, "Hội Liên hiệp Phụ nữ cấp tỉnh", DOAN]),  # 004:117
    ("Các sở, ban, ngành tỉnh còn lại", [REL]),  # 004:125
]


@pytest.mark.parametrize(("heading", "types"), HEADINGS)
def test_headings(heading: str, types: list[str]) -> None:
    assert _types(R.split_list(heading)) == types


# Running text that names no agency, though words of agency names occur in it.
NOT_AGENCIES = [
    "không có công ăn, việc làm ổn định, có biểu hiện phạm tội hình sự",  # 001:139 ("Công an")
    "rà soát, đảm bảo cơ sở vật chất, nhân lực hệ thống cơ sở y tế đủ điều kiện",  # 001:149
    "nhằm làm tốt công tác phòng ngừa, phát hiện sớm ca làm việc",  # "CA" is the police
    "Quyết định số 250/QĐ-UBND ngày 20/5/2021",  # 001:31, a document symbol
    "(Ban hành kèm theo Văn bản số /UBND-NC ngày tháng 04 năm 2024)",  # 000:5
    "Công văn số 502/BCA-V01 ngày 01 tháng 3 năm 2023",  # 004:23
    "II. NHIỆM VỤ TRỌNG TÂM",  # 001:21, all-capital heading
    "xây dựng mô hình phòng, chống ma túy triển khai trong hệ thống cơ sở đoàn thanh niên",
]


@pytest.mark.parametrize("text", NOT_AGENCIES)
def test_scan_ignores_words_that_are_not_agencies(text: str) -> None:
    assert R.scan(text) == []


def test_scan_stops_at_table_cells() -> None:
    # 000:3, one table row: cells are separated by tabs
    row = "18\tNghiên cứu, báo cáo …\tCông an tỉnh\tCác sở, ban, ngành liên quan\tQuý II"
    ms = R.scan(row)
    assert [(m.written, m.type) for m in ms] == [
        ("Công an tỉnh", CA), ("Các sở, ban, ngành liên quan", REL)]


@pytest.mark.parametrize(
    ("typed", "type_"),
    [
        ("cong an tinh", CA),
        ("ubnd huyen", UBND_HUYEN),
        ("Uy ban nhan dan cac huyen, thanh pho", UBND_HUYEN),
        ("cac so, ban, nganh lien quan", REL),
        ("so lao dong thuong binh va xa hoi", LDTBXH),
        ("tinh doan", DOAN),
    ],
)
def test_resolve_names_typed_without_diacritics(typed: str, type_: str) -> None:
    assert R.resolve(typed).type == type_


@pytest.mark.parametrize(
    ("written", "type_"),
    [
        # forms of other provinces' plans
        ("Sở LĐ-TB&XH", LDTBXH),
        ("Sở GD&ĐT", GD),
        ("Sở VH-TT&DL", "Sở Văn hóa, Thể thao và Du lịch"),
        ("Sở Lao động, Thương binh và Xã hội", LDTBXH),
        ("UBND TP. Hồ Chí Minh", UBND_TINH),
        ("Ủy ban nhân dân tỉnh Bà Rịa – Vũng Tàu", UBND_TINH),
        ("UBND xã, phường, thị trấn", "Ủy ban nhân dân cấp xã"),
        ("Công an huyện", "Công an cấp huyện"),
        ("Đài PT-TH tỉnh", "Đài Phát thanh và Truyền hình cấp tỉnh"),
        ("Báo Tuyên Quang", "Báo cấp tỉnh"),
        ("Hội LHPN tỉnh", "Hội Liên hiệp Phụ nữ cấp tỉnh"),
        ("Ban Chỉ đạo 138 tỉnh", BCD),
    ],
)
def test_resolve_forms_of_other_provinces(written: str, type_: str) -> None:
    assert R.resolve(written).type == type_


def test_every_parenthesis_of_the_hanoi_seed(seeds) -> None:
    """003 assigns work in '(Đơn vị thực hiện: …; Thời gian thực hiện: …)': the agencies of
    each parenthesis are those of the gold task it closes."""
    gold = _gold("003_01d19c3d4aca6329.json")
    text = seeds["hn2024_parentheses"].read_text(encoding="utf-8")
    lists = re.findall(r"\(Đơn vị thực hiện: (.*?); Thời gian thực hiện", text)
    assert len(lists) == 40
    for cell, task in zip(lists, gold["tasks"], strict=False):
        got = list(dict.fromkeys(m.type for m in R.split_list(cell)))
        assert got == task["lead"] + task["support"] + task["implementers"], task["key"]


PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
SEED_LINES = [
    line
    for path in sorted(PLANS.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=3), st.text(max_size=20))
def test_scan_offsets_are_ordered_and_exact(lines: list[str], noise: str) -> None:
    text = noise.join(lines)
    ms = R.scan(text)
    ends = [0] + [m.end for m in ms]
    for m, prev_end in zip(ms, ends, strict=False):
        assert prev_end <= m.start < m.end
        assert text[m.start : m.end] == m.written
        assert m.how in ("exact", "alias", "fuzzy", "collective", "unknown")
        assert (m.type is None) == (m.how == "unknown" or m.level == "national")


def test_type_info() -> None:
    info = R.type_info(LDTBXH)
    assert info.level == "province" and info.gold and "Labour" in info.en
    assert R.type_info("Công an cấp xã").gold is False  # an extension of the gold table
    assert R.type_info("Bộ Công an") is None  # national bodies are not agency types


def test_offsets_index_text_not_in_nfc() -> None:
    import unicodedata

    text = unicodedata.normalize("NFD", "Phối hợp với Công an tỉnh, Sở Y tế tăng cường kiểm tra")
    ms = R.scan(text)
    assert [m.type for m in ms] == [CA, "Sở Y tế"]
    assert all(text[m.start : m.end] == m.written for m in ms)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(
    "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐhHqQkKnN0 \u0300\u0301\u0303\u0309\u0323ßŉİﬁ-–,.")))
def test_words_are_compared_on_the_keys_of_names(text: str) -> None:
    """A word of running text is keyed as a name is (`match_key`, `loose_key`), whatever its
    tone placement, case, composition or odd letters."""
    from plangraph.ingest.agencies.lexicon import tokenize
    from plangraph.ingest.text.vntext import loose_key, match_key, nfc

    for tok in tokenize(text):
        word = text[tok.start : tok.end]
        assert (tok.text, tok.key, tok.loose) == (nfc(word), match_key(word), loose_key(word))


@pytest.mark.parametrize(
    "sentence, written",
    [
        # 002:176 — no 'các', the modifier makes it collective
        ("Tăng cường phối hợp lực lượng chức năng theo dõi, quản lý", "lực lượng chức năng"),
        ("phối hợp với cơ quan có liên quan kiểm tra", "cơ quan có liên quan"),
        # 003:278 — a bare 'Các đơn vị' as the subject of a reporting duty
        ("Các đơn vị thực hiện nghiêm túc chế độ thông tin báo cáo", "Các đơn vị"),
    ],
)
def test_collective_phrases_without_cac_or_modifier(sentence, written):
    found = get_resolver().scan(sentence)
    assert [(m.written, m.type) for m in found] == [(written, "Các cơ quan liên quan")]


@pytest.mark.parametrize(
    "written, type_",
    [
        ("UBND thành phố Sóc Trăng", "Ủy ban nhân dân cấp huyện"),  # city inside a province
        ("Ủy ban nhân dân thành phố Vinh", "Ủy ban nhân dân cấp huyện"),
        ("UBND thành phố Hà Nội", "Ủy ban nhân dân cấp tỉnh"),  # centrally-run city
        ("UBND TP. Hồ Chí Minh", "Ủy ban nhân dân cấp tỉnh"),
        ("Ủy ban nhân dân Thành phố", "Ủy ban nhân dân cấp tỉnh"),  # Hà Nội's own plans
    ],
)
def test_a_city_inside_a_province_is_at_district_level(written: str, type_: str) -> None:
    assert R.resolve(written).type == type_


@pytest.mark.parametrize(
    "written, type_",
    [
        ("BCH Quân sự tỉnh", "Bộ Chỉ huy Quân sự cấp tỉnh"),
        ("Bảo hiểm xã hội tỉnh", "Bảo hiểm xã hội cấp tỉnh"),
        ("Hội Chữ thập đỏ tỉnh", "Hội Chữ thập đỏ cấp tỉnh"),
        ("Ban Quản lý Khu kinh tế tỉnh", "Ban Quản lý Khu kinh tế cấp tỉnh"),
    ],
)
def test_bodies_of_aids_and_border_plans(written: str, type_: str) -> None:
    assert R.resolve(written).type == type_


def test_political_social_organisations_alone_are_a_collective() -> None:
    found = R.scan("Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội")
    assert [m.type for m in found] == [MTTQ, "Các cơ quan liên quan"]
