"""Tasks and their agencies, one test per layout and assignment form, on real text.

The seeds are the five sample plans; the short excerpts below are written in the style of
other provinces' plans (pipe tables, label lines, decimal numbering, docx paragraphs).
"""

from __future__ import annotations

import pytest

from plangraph.ingest.agencies.resolver import get_resolver
from plangraph.ingest.models import DocumentInfo
from plangraph.ingest.read.reader import RawDocument, read_document
from plangraph.ingest.tasks.extract import extract_tasks


def tasks_of(text: str, province: str | None = None):
    doc = RawDocument(file="excerpt.txt", path="excerpt.txt", text=text, lines=text.split("\n"))
    return extract_tasks(doc, DocumentInfo(province=province), get_resolver())


@pytest.fixture(scope="module")
def seed_tasks(seeds):
    out = {}
    for name, path in seeds.items():
        out[name] = {t.key: t for t in extract_tasks(read_document(path), DocumentInfo(),
                                                       get_resolver())}
    return out


def roles(task):
    return ({m.type for m in task.lead}, {m.type for m in task.support},
            {m.type for m in task.implementers})


# ------------------------------------------------------------------------ the seeds


def test_table_rows_with_lead_support_and_time_columns(seed_tasks):
    tasks = seed_tasks["tq2024_table"]
    assert len(tasks) == 41
    t = tasks["13"]
    assert roles(t) == ({"Công an cấp tỉnh"}, {  # "Các Sở: LĐTBXH, Y tế, Tòa án nhân dân tỉnh, …"
        "Sở Lao động - Thương binh và Xã hội", "Sở Y tế", "Tòa án nhân dân cấp tỉnh",
        "Ủy ban nhân dân cấp huyện"}, set())
    assert (tasks["19"].when, tasks["19"].period) == ("Tháng 6, 12", "M6,M12")
    assert (t.source.line_start, t.source.line_end) == (22, 22)


def test_parenthesised_labels_one_task_per_label(seed_tasks):
    tasks = seed_tasks["hn2024_parentheses"]
    a = tasks["III.1.a"]  # footnotes between the item and its label do not split it
    assert roles(a) == ({"Công an cấp tỉnh"}, {"Các cơ quan liên quan",
                                              "Ủy ban nhân dân cấp huyện"}, set())
    assert (a.when, a.period) == ("xong trong Quý III/2024", "2024-Q3")
    c = tasks["III.1.c"]  # an intro with bullets, one label after the last bullet
    assert c.text.startswith("Thực hiện tốt, phát huy vai trò Ban Chỉ đạo")
    assert "giữa Ban Chỉ đạo 89 các quận" in c.text and (c.source.line_start, c.source.line_end) \
        == (76, 90)
    # no "chủ trì": every unit implements, nobody is invented as lead
    assert roles(tasks["III.2.h"]) == (set(), set(), {
        "Ban Chỉ đạo phòng, chống tội phạm cấp tỉnh", "Sở Nội vụ", "Các cơ quan liên quan",
        "Ủy ban nhân dân cấp huyện"})
    # "; Ủy ban nhân dân các quận, huyện, thị xã;" carries on the unit list
    assert "Ủy ban nhân dân cấp huyện" in roles(tasks["III.2.d"])[2]


def test_one_label_over_several_lettered_items_keys_their_parent(seed_tasks):
    t = seed_tasks["hn2024_parentheses"]["III.5"]
    assert t.text.startswith("Thực hiện nghiêm túc các quy định trong công tác kiểm soát")
    # members named in brackets and the issuer of the founding decision are not units
    assert roles(t) == (set(), set(), {
        "Tổ công tác liên ngành kiểm soát hoạt động hợp pháp liên quan đến ma túy",
        "Ủy ban nhân dân cấp huyện"})


def test_document_convention_makes_plain_subjects_implementers(seed_tasks):
    tasks = seed_tasks["hn2024_parentheses"]
    assert roles(tasks["IV.1"])[0] == set() and "Ban Tuyên giáo cấp ủy tỉnh" in roles(
        tasks["IV.1"])[2]
    assert roles(tasks["IV.3"]) == ({"Công an cấp tỉnh"}, {"Các cơ quan liên quan"}, set())


def test_agency_headed_sections_bullets_and_paragraphs(seed_tasks):
    tasks = seed_tasks["tq2023_agency_headed"]
    assert roles(tasks["III.1.-2"]) == ({"Công an cấp tỉnh"}, {"Các cơ quan liên quan"}, set())
    # "Hướng dẫn Ủy ban nhân dân huyện, thành phố …" is an object, not support
    assert roles(tasks["III.2.-2"]) == ({"Sở Lao động - Thương binh và Xã hội"}, set(), set())
    assert roles(tasks["III.8"]) == ({"Sở Công Thương"}, {"Công an cấp tỉnh", "Sở Y tế"}, set())
    assert roles(tasks["III.13"])[0] == {"Hội Cựu chiến binh cấp tỉnh",
                                        "Hội Liên hiệp Phụ nữ cấp tỉnh"}
    assert roles(tasks["III.17"])[0] == {"Các cơ quan liên quan"}  # "Các sở, ban, ngành còn lại"
    assert tasks["III.18"].text.startswith("Chỉ đạo triển khai nghiêm túc")
    assert roles(tasks["III.18.-5.p2"])[0] == {"Ủy ban nhân dân cấp huyện"}
    assert (tasks["IV.1"].when, tasks["IV.1"].period) == ("trước ngày 05/6/2023", "by 2023-06-05")
    assert roles(tasks["IV.3"])[0] == {"Công an cấp tỉnh"}  # "Giao Công an tỉnh …"
    assert not any(k.startswith(("I.", "II.")) for k in tasks)  # objectives, key tasks


def test_heading_agency_named_again_as_support(seed_tasks):
    tasks = seed_tasks["tv2023_agency_headed"]
    t = tasks["II.2.a.-6"]  # "phối hợp, trao đổi thông tin với Công an các tỉnh giáp ranh"
    assert roles(t) == ({"Công an cấp tỉnh"}, {"Công an cấp tỉnh"}, set())
    assert roles(tasks["II.2.c.-6"])[1] == {"Sở Y tế", "Tòa án nhân dân cấp tỉnh"}
    assert tasks["II.2.d.-2"].when == "thực hiện trong quý IV năm 2023"
    assert tasks["IV.2"].when.startswith("báo cáo 6 tháng trước ngày 14 tháng 6")
    assert roles(tasks["II.1.-4"])[0] == {"Các cơ quan liên quan"}
    assert not any(k.startswith("II.1.-1") for k in tasks)  # names nobody


def test_numbered_items_and_support_rules(seed_tasks):
    tasks = seed_tasks["tg2017_numbered"]
    # agency followed by a verb leads the item
    assert roles(tasks["IV.8"]) == ({"Bộ Chỉ huy Bộ đội Biên phòng cấp tỉnh"},
                                    {"Công an cấp tỉnh", "Các cơ quan liên quan"}, set())
    # "Chỉ đạo Công an địa phương phối hợp với ngành Y tế": only the partner supports
    assert roles(tasks["IV.2.-6"])[1] == {"Sở Y tế"}
    # bodies inside a quoted project name are not support
    assert roles(tasks["IV.12.-2"])[1] == {"Công an cấp tỉnh", "Các cơ quan liên quan"}
    # "+" items under a bullet belong to it
    assert "Dự án “Nâng cao năng lực, phương tiện" in tasks["IV.2.-7"].text
    assert roles(tasks["IV.1"])[0] == {"Ban Chỉ đạo phòng, chống tội phạm cấp tỉnh",
                                       "Các cơ quan liên quan"}
    assert tasks["V.2"].when == "trước ngày 25/8/2017"
    assert not any(k.startswith(("I.", "II.", "III.")) for k in tasks)
    assert "V.4" not in tasks  # Kinh phí


# ------------------------------------------------------------------ other provinces' styles

PIPE_TABLE_PLAN = """\
KẾ HOẠCH
Phòng, chống ma túy năm 2024

Thực hiện Quyết định số 1452/QĐ-TTg ngày 31/8/2021 của Thủ tướng Chính phủ, Ủy ban nhân dân \
tỉnh ban hành Kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU

1. Công an tỉnh chủ trì nâng cao hiệu quả công tác phòng, chống ma túy.

II. NHIỆM VỤ CỤ THỂ

| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| I | Công tác tuyên truyền | | | |
| 1 | Tổ chức tuyên truyền trên các phương tiện thông tin đại chúng | Sở Thông tin và \
Truyền thông | Công an tỉnh, Đài Phát thanh và Truyền hình tỉnh | Quý II/2024 |
| II | Công tác cai nghiện | | | |
| 1 | Rà soát, thống kê người nghiện ma túy | Sở Lao động - Thương binh và Xã hội | Sở Y tế; \
UBND các huyện, thành phố, thị xã | Thường xuyên |

III. TỔ CHỨC THỰC HIỆN

1. Giao Công an tỉnh (Cơ quan Thường trực) chủ trì, phối hợp với Sở Tư pháp theo dõi, đôn đốc \
việc thực hiện Kế hoạch; báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2024.

2. Sở Tài chính có trách nhiệm:

- Tham mưu bố trí kinh phí thực hiện Kế hoạch.

- Hướng dẫn các đơn vị thanh quyết toán kinh phí theo quy định.

Nơi nhận:
- Như trên;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
"""


def test_pipe_table_and_implementation_section_of_another_province():
    tasks = {t.key: t for t in tasks_of(PIPE_TABLE_PLAN, "Nghệ An")}
    assert set(tasks) == {"II.I.1", "II.II.1", "III.1", "III.2.-1", "III.2.-2"}
    assert roles(tasks["II.I.1"]) == ({"Sở Thông tin và Truyền thông"}, {
        "Công an cấp tỉnh", "Đài Phát thanh và Truyền hình cấp tỉnh"}, set())
    assert tasks["II.I.1"].period == "2024-Q2" and tasks["II.II.1"].period == "ongoing"
    # "(Cơ quan Thường trực)" between the subject and "chủ trì"
    assert roles(tasks["III.1"]) == ({"Công an cấp tỉnh"}, {"Sở Tư pháp"}, set())
    assert tasks["III.1"].when == "trước ngày 15/12/2024"
    assert roles(tasks["III.2.-2"])[0] == {"Sở Tài chính"}  # "Sở Tài chính có trách nhiệm:"


def test_label_lines_below_each_item():
    tasks = tasks_of(
        "KẾ HOẠCH\n\nII. NHIỆM VỤ VÀ GIẢI PHÁP\n\n1. Công tác tuyên truyền\n\n"
        "a) Tổ chức tuyên truyền về phòng, chống mại dâm trên địa bàn.\n\n"
        "- Cơ quan chủ trì: Sở Lao động - Thương binh và Xã hội.\n\n"
        "- Cơ quan phối hợp: Sở Thông tin và Truyền thông, Ủy ban nhân dân các huyện.\n\n"
        "- Thời gian thực hiện: Quý II năm 2024.\n\n"
        "b) Kiểm tra các cơ sở kinh doanh dịch vụ nhạy cảm.\n\n"
        "- Cơ quan chủ trì: Công an tỉnh.\n\n- Thời gian thực hiện: Thường xuyên.\n\n"
        "2. Hỗ trợ người bán dâm hòa nhập cộng đồng (Đơn vị chủ trì: Hội Liên hiệp Phụ nữ tỉnh; "
        "đơn vị phối hợp: Sở Y tế; thời gian: cả năm 2024).\n"
    )
    a, b, c = tasks
    assert a.key == "II.1.a"
    assert a.text == "Tổ chức tuyên truyền về phòng, chống mại dâm trên địa bàn."
    assert roles(a) == ({"Sở Lao động - Thương binh và Xã hội"}, {
        "Sở Thông tin và Truyền thông", "Ủy ban nhân dân cấp huyện"}, set())
    assert (a.when, a.period) == ("Quý II năm 2024", "2024-Q2")
    assert roles(b)[0] == {"Công an cấp tỉnh"} and b.period == "ongoing"
    assert c.text == "Hỗ trợ người bán dâm hòa nhập cộng đồng."
    assert roles(c) == ({"Hội Liên hiệp Phụ nữ cấp tỉnh"}, {"Sở Y tế"}, set())


def test_paragraph_headings_in_a_docx_without_blank_lines():
    tasks = tasks_of(
        "KẾ HOẠCH\n"
        "I. KẾT QUẢ THỰC HIỆN NĂM 2023\n"
        "Năm 2023, Sở Y tế đã phối hợp với Công an tỉnh điều trị Methadone cho 1.200 người.\n"
        "II. NHIỆM VỤ TRỌNG TÂM\n"
        "1. Tăng cường phối hợp giữa Sở Y tế và Công an tỉnh trong quản lý người nghiện.\n"
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Sở Y tế: chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội triển khai can thiệp "
        "giảm tác hại.\n"
        "Ủy ban nhân dân các huyện, thành phố:\n"
        "* Bố trí kinh phí cho Trung tâm Y tế cấp huyện triển khai xét nghiệm HIV.\n"
        "* Chỉ đạo Ủy ban nhân dân cấp xã tuyên truyền phòng, chống HIV/AIDS.\n"
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh phối hợp tuyên truyền, vận động Nhân dân.\n"
    )
    assert [roles(t)[0] for t in tasks] == [
        {"Sở Y tế"}, {"Ủy ban nhân dân cấp huyện"}, {"Ủy ban nhân dân cấp huyện"},
        {"Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh"}]
    assert roles(tasks[0])[1] == {"Sở Lao động - Thương binh và Xã hội"}


def test_decimal_items_nested_agency_bullet_and_appendix_table():
    tasks = tasks_of(
        "KẾ HOẠCH\n\nII. PHÂN CÔNG NHIỆM VỤ\n\n1. Công an tỉnh\n"
        "1.1. Chủ trì, phối hợp với Sở Y tế tổ chức xét nghiệm tìm chất ma túy\n"
        "trong cơ thể người sử dụng trái phép chất ma túy.\n"
        "1.2. Hướng dẫn Công an cấp huyện rà soát người nghiện (hoàn thành trước ngày "
        "30/6/2024).\n\n"
        "2. Sở Giáo dục và Đào tạo:\n- Chỉ đạo các trường học tổ chức tuyên truyền.\n"
        "- Thời gian thực hiện: tháng 9/2024.\n\n"
        "III. KINH PHÍ\nSở Tài chính bố trí kinh phí.\n\n"
        "Nơi nhận:\n- Như trên.\n\nPHỤ LỤC\n"
        "TT\tNhiệm vụ\tĐơn vị thực hiện\tThời gian\n"
        "1\tMít tinh hưởng ứng\tCông an tỉnh chủ trì, phối hợp Tỉnh đoàn\tTháng 6\n"
    )
    def by_text(start):
        return next(t for t in tasks if t.text.startswith(start))

    first = by_text("Chủ trì, phối hợp với Sở Y tế")
    assert first.key == "II.1.1" and (first.source.line_start, first.source.line_end) == (6, 7)
    assert by_text("Hướng dẫn Công an cấp huyện").period == "by 2024-06-30"
    school = by_text("Chỉ đạo các trường học")
    assert roles(school)[0] == {"Sở Giáo dục và Đào tạo"} and school.period == "2024-M9"
    # a funding section is no section of objectives: what it assigns is a task (gold README)
    assert roles(by_text("Sở Tài chính bố trí kinh phí"))[0] == {"Sở Tài chính"}
    rally = by_text("Mít tinh hưởng ứng")
    assert roles(rally) == ({"Công an cấp tỉnh"},
                            {"Đoàn Thanh niên Cộng sản Hồ Chí Minh cấp tỉnh"}, set())
    assert len(tasks) == 5


def test_objectives_and_unassigned_solutions_give_no_tasks():
    tasks = tasks_of(
        "KẾ HOẠCH\n\nI. MỤC TIÊU\n\n1. Công an tỉnh phấn đấu triệt xóa 100% tụ điểm.\n\n"
        "II. GIẢI PHÁP\n\n1. Nâng cao năng lực cho Công an tỉnh và Sở Y tế.\n\n"
        "2. Tăng cường phối hợp giữa các sở, ban, ngành trong kiểm tra.\n"
    )
    assert tasks == []


def test_the_committee_handing_work_on_is_not_the_assignee():
    [task] = tasks_of(
        "KẾ HOẠCH\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Ủy ban nhân dân tỉnh giao Sở Y tế chủ trì, phối hợp với Công an tỉnh triển khai "
        "điều trị Methadone; báo cáo Ủy ban nhân dân tỉnh kết quả thực hiện.\n"
    )
    assert roles(task) == ({"Sở Y tế"}, {"Công an cấp tỉnh"}, set())


def test_time_line_closes_the_item_that_assigns_in_its_text():
    tasks = tasks_of(
        "II. NHIỆM VỤ CỤ THỂ\n"
        "1.1. Rà soát người nghiện ma túy sau sắp xếp. Giao Công an tỉnh chủ trì, phối hợp với "
        "Sở Y tế, UBND các xã, phường thực hiện.\nThời gian hoàn thành: Quý IV/2025.\n"
        "1.2. Sở Y tế có trách nhiệm hướng dẫn các trạm y tế xác định tình trạng nghiện.\n"
        "1.3. Sở Nội vụ chủ trì, phối hợp với Sở Tài chính bố trí biên chế.\n"
        "Thời gian hoàn thành: tháng 12/2025.\n"
        "1.4. Đưa nội dung phòng, chống ma túy vào hoạt động trải nghiệm.\n"
        "(Đơn vị thực hiện: Sở Giáo dục và Đào tạo, Tỉnh đoàn; Thời gian: năm học 2025 - 2026)\n"
    )
    got = {t.key: (roles(t), t.when) for t in tasks}
    assert got["II.1.1"] == (({"Công an cấp tỉnh"}, {"Sở Y tế", "Ủy ban nhân dân cấp xã"}, set()),
                             "Quý IV/2025")
    # one label without "chủ trì" is no convention: plain subjects still lead
    assert got["II.1.2"] == (({"Sở Y tế"}, set(), set()), None)
    assert got["II.1.3"] == (({"Sở Nội vụ"}, {"Sở Tài chính"}, set()), "tháng 12/2025")
    assert got["II.1.4"][0] == (set(), set(), {"Sở Giáo dục và Đào tạo",
                                         "Đoàn Thanh niên Cộng sản Hồ Chí Minh cấp tỉnh"})


def test_heading_line_with_its_paragraph_wrapped_onto_it():
    # a PDF text layer: the heading and its paragraph with no blank line between them
    tasks = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "5. Sở Thông tin và Truyền thông, Báo Nghệ An, Đài Phát thanh - Truyền hình Nghệ An\n"
        "Xây dựng chuyên mục, tin bài tuyên truyền về phòng, chống mại dâm, mua bán người; "
        "định hướng các cơ quan báo chí đưa tin đúng quy định.\n"
        "7. Đề nghị Ủy ban MTTQ Việt Nam tỉnh và các tổ chức chính trị - xã hội\n"
        "Tuyên truyền, vận động hội viên, đoàn viên và Nhân dân tham gia phòng, chống mại dâm; "
        "phối hợp với Sở Y tế giám sát việc thực hiện chính sách.\n",
        province="Nghệ An",
    )
    got = {t.key: (t.text[:20], roles(t)) for t in tasks}
    assert got == {
        "IV.5": ("Xây dựng chuyên mục,", ({"Sở Thông tin và Truyền thông", "Báo cấp tỉnh",
                                         "Đài Phát thanh và Truyền hình cấp tỉnh"}, set(), set())),
        "IV.7": ("Tuyên truyền, vận độ", ({"Ủy ban Mặt trận Tổ quốc Việt Nam cấp tỉnh",
                                         "Các cơ quan liên quan"}, {"Sở Y tế"}, set())),
    }


def test_agencies_after_a_short_label_do_the_work():
    [task] = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "9. Chế độ báo cáo: Các sở, ngành, UBND các huyện, thành phố, thị xã báo cáo kết quả "
        "thực hiện (6 tháng trước ngày 15/6, năm trước ngày 15/12) về Sở Lao động - Thương binh "
        "và Xã hội để tổng hợp, báo cáo UBND tỉnh.\n"
    )
    assert (task.key, roles(task)) == ("IV.9", ({"Các cơ quan liên quan",
                                                 "Ủy ban nhân dân cấp huyện"}, set(), set()))
    assert task.when == "6 tháng trước ngày 15/6, năm trước ngày 15/12"


def test_time_line_closing_a_list_dates_every_bullet():
    tasks = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Lao động - Thương binh và Xã hội\n"
        "- Chủ trì, phối hợp với Công an tỉnh tổ chức các đoàn kiểm tra liên ngành.\n"
        "Thời gian thực hiện: hằng năm.\n"
        "- Xây dựng mô hình hỗ trợ giảm hại cho người bán dâm tại thành phố Vinh.\n"
        "2. UBND các huyện, thị xã, thành phố:\n"
        "- Xây dựng kế hoạch tổ chức Tháng hành động tại địa phương.\n"
        "- Báo cáo kết quả thực hiện về Sở Y tế.\n"
        "Thời gian thực hiện: trước ngày 20/12/2020.\n"
    )
    got = {t.key: (t.when, t.period) for t in tasks}
    assert got == {  # a time line inside the list dates only the bullet above it
        "IV.1.-1": ("hằng năm", "ongoing"), "IV.1.-2": (None, None),
        "IV.2.-1": ("trước ngày 20/12/2020", "by 2020-12-20"),
        "IV.2.-2": ("trước ngày 20/12/2020", "by 2020-12-20"),
    }


def test_bare_collective_governed_by_phoi_hop_voi_is_support():
    tasks = tasks_of(
        "II. NHIỆM VỤ\n#### e) Sở Giáo dục và Đào tạo\n\n"
        "- Chỉ đạo các đơn vị, trường học tăng cường phối hợp với địa phương triển khai mô hình "
        "Câu lạc bộ phòng, chống vi phạm pháp luật tại các trường học.\n\n"
        "- Tổ chức tuyên truyền tại địa phương và tại các trường học về tác hại của ma túy.\n"
    )
    got = {t.key: roles(t) for t in tasks}
    assert got == {  # "tại địa phương" is a place, not a party
        "II.e.-1": ({"Sở Giáo dục và Đào tạo"}, {"Các cơ quan liên quan"}, set()),
        "II.e.-2": ({"Sở Giáo dục và Đào tạo"}, set(), set()),
    }


def test_the_standing_body_of_the_plan_leads():
    [task] = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Y tế là cơ quan thường trực, chủ trì tổ chức triển khai Kế hoạch; theo dõi, đôn "
        "đốc các đơn vị thực hiện; tổng hợp báo cáo UBND tỉnh, Bộ Y tế trước ngày 15 tháng 12 "
        "hằng năm.\n"
    )
    assert (roles(task), task.when, task.period) == (
        ({"Sở Y tế"}, set(), set()), "trước ngày 15 tháng 12 hằng năm", "by --12-15")


def test_funding_section_that_assigns_work_holds_a_task():
    [task] = tasks_of(
        "II. NHIỆM VỤ\n1. Mục tiêu: Sở Y tế phấn đấu giảm 10% số người nhiễm HIV mới.\n"
        "III. KINH PHÍ\n"
        "Kinh phí thực hiện từ nguồn vốn Chương trình mục tiêu quốc gia phòng, chống ma túy đến "
        "năm 2030, ngân sách địa phương và các nguồn hợp pháp khác. Sở Tài chính tổng hợp, tham "
        "mưu bố trí dự toán.\n"
    )
    assert (task.key, roles(task)) == ("III", ({"Sở Tài chính"}, set(), set()))


def test_subject_narrowed_to_a_category_before_its_verb():
    tasks = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN\n"
        "3. Các sở, ban, ngành tỉnh thuộc diện sắp xếp, hợp nhất tiếp nhận và thực hiện nhiệm vụ "
        "phòng, chống ma túy của cơ quan cũ, không để gián đoạn.\n"
        "4. Kinh phí của các cơ quan thuộc diện sắp xếp được bố trí theo quy định.\n"
    )
    assert [(t.key, roles(t)) for t in tasks] == [
        ("IV.3", ({"Các cơ quan liên quan"}, set(), set()))]


def test_tasks_assigned_by_reference_from_another_part():
    tasks = tasks_of(
        "PHẦN I. MỤC ĐÍCH, YÊU CẦU\n1. Nâng cao hiệu quả phòng, chống ma túy.\n"
        "PHẦN II. NHIỆM VỤ\n1. Công tác tuyên truyền\n"
        "a) Tuyên truyền trên báo, đài về tác hại của ma túy.\n"
        "b) Tổ chức mít tinh hưởng ứng Tháng hành động.\n"
        "2. Công tác cai nghiện\na) Rà soát người nghiện ma túy.\n"
        "b) Tổ chức cai nghiện tự nguyện tại gia đình, cộng đồng.\n"
        "PHẦN III. TỔ CHỨC THỰC HIỆN\n"
        "1. Sở Thông tin và Truyền thông: chủ trì thực hiện nhiệm vụ tại điểm a khoản 1 Phần II; "
        "phối hợp thực hiện nhiệm vụ tại điểm b.\n"
        "2. Công an tỉnh: chủ trì thực hiện các nhiệm vụ tại điểm b khoản 1 và Mục 2 Phần II.\n"
        "3. Sở Y tế: phối hợp với Công an tỉnh thực hiện các nhiệm vụ tại Mục 2 Phần II.\n"
    )
    got = {t.key: (t.text[:12], roles(t)) for t in tasks}
    assert got == {  # the assigning paragraphs are no tasks themselves
        "II.1.a": ("Tuyên truyền", ({"Sở Thông tin và Truyền thông"}, set(), set())),
        "II.1.b": ("Tổ chức mít ", ({"Công an cấp tỉnh"}, {"Sở Thông tin và Truyền thông"},
                                   set())),
        "II.2.a": ("Rà soát ngườ", ({"Công an cấp tỉnh"}, {"Sở Y tế"}, set())),
        "II.2.b": ("Tổ chức cai ", ({"Công an cấp tỉnh"}, {"Sở Y tế"}, set())),
    }
    # the evidence of a role is the line that gives it
    assert tasks[0].lead[0].source.line_start == 11


def test_labels_closing_a_paragraph_or_bullet_and_label_lines_under_a_short_item():
    tasks = tasks_of(
        "II. NHIỆM VỤ\n"
        "1. Tổ chức tuyên truyền về tác hại của ma túy trong trường học. Chủ trì: Sở Giáo dục và "
        "Đào tạo; Phối hợp: Tỉnh đoàn. Thời gian: Quý III/2024.\n"
        "2. Căn cứ chức năng\n- Cơ quan chủ trì: Sở Y tế.\n- Thời gian thực hiện: hằng năm.\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Công an tỉnh\n"
        "- Rà soát người nghiện ma túy. Phối hợp: Sở Y tế. Thời hạn hoàn thành: tháng 6/2024.\n"
    )
    got = {t.key: (t.text, roles(t), t.when) for t in tasks}
    assert got == {
        "II.1": ("Tổ chức tuyên truyền về tác hại của ma túy trong trường học.", (
            {"Sở Giáo dục và Đào tạo"}, {"Đoàn Thanh niên Cộng sản Hồ Chí Minh cấp tỉnh"},
            set()), "Quý III/2024"),
        # a short item with label lines below is the task, even one that opens like a section
        "II.2": ("Căn cứ chức năng", ({"Sở Y tế"}, set(), set()), "hằng năm"),
        "III.1.-1": ("Rà soát người nghiện ma túy.", ({"Công an cấp tỉnh"}, {"Sở Y tế"}, set()),
                     "tháng 6/2024"),
    }


def test_table_as_pdftotext_layout_prints_it_across_a_page_break():
    tasks = tasks_of(
        "II. NHIỆM VỤ CỤ THỂ\n\n"
        "   STT   Nội dung                      Cơ quan chủ     Cơ quan phối     Thời gian\n"
        "                                       trì             hợp\n"
        "   1     Tổ chức tuyên truyền về       Sở Thông tin    Công an tỉnh,    Quý II/2024\n"
        "         phòng, chống ma túy trên      và Truyền       Đài Phát thanh\n"
        "         các phương tiện thông tin     thông           và Truyền hình\n"
        "\n                                  Trang 2/5\n\f\n"
        "   STT   Nội dung                      Cơ quan chủ     Cơ quan phối     Thời gian\n"
        "                                       trì             hợp\n"
        "         đại chúng                                     tỉnh\n"
        "   2     Rà soát, thống kê người       Sở Lao động -   Sở Y tế          Thường xuyên\n"
        "         nghiện ma túy                 Thương binh và\n"
        "                                       Xã hội\n"
        "\nNơi nhận:\n- Như trên.\n"
    )
    got = {t.key: (t.text, roles(t), t.when) for t in tasks}
    assert got == {
        "II.1": ("Tổ chức tuyên truyền về phòng, chống ma túy trên các phương tiện thông tin "
                 "đại chúng", ({"Sở Thông tin và Truyền thông"}, {
                     "Công an cấp tỉnh", "Đài Phát thanh và Truyền hình cấp tỉnh"}, set()),
                 "Quý II/2024"),
        "II.2": ("Rà soát, thống kê người nghiện ma túy", (
            {"Sở Lao động - Thương binh và Xã hội"}, {"Sở Y tế"}, set()), "Thường xuyên"),
    }
    assert (tasks[0].source.line_start, tasks[0].source.line_end) == (5, 13)
