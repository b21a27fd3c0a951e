"""The document skeleton: numbering levels, page breaks, footnotes, end matter, tables."""

from __future__ import annotations

from plangraph.ingest.document.structure import parse_structure
from plangraph.ingest.read.reader import read_document


def skeleton(text: str):
    return parse_structure(text.split("\n"))


def by_key(sk):
    return {b.key: b for b in sk.walk() if b.kind != "table"}


def test_numbering_levels_of_an_agency_headed_plan(seeds):
    sk = parse_structure(read_document(seeds["tq2023_agency_headed"]).lines)
    blocks = by_key(sk)
    assert blocks["III.1"].text == "Công an tỉnh"  # "#### **1. Công an tỉnh**"
    assert blocks["III.1"].is_title and blocks["III.1"].heading
    assert blocks["III.1.-5"].text.startswith("Phát huy hiệu quả và khai thác tối đa")
    assert blocks["III.5"].text.startswith("Sở Văn hóa - Thể thao và Du lịch: Chỉ đạo")
    # the intro paragraph under a title takes the title's key; paragraphs after a bullet are .pN
    title = next(b for b in sk.walk() if b.text == "Ủy ban nhân dân các huyện, thành phố")
    assert title.key == "III.18" and blocks["III.18"].text.startswith("Chỉ đạo triển khai")
    assert blocks["III.18.-5.p1"].text.startswith("Đối với huyện Chiêm Hóa")
    assert blocks["III.18.-5.p2"].text.startswith("Đối với những huyện, thành phố còn lại")
    assert [b.key for b in sk.blocks] == ["I", "II", "III", "IV"]


def test_page_break_inside_a_paragraph_is_one_paragraph(seeds):
    sk = parse_structure(read_document(seeds["tq2023_agency_headed"]).lines)
    item = by_key(sk)["III.7"]  # lines 93-95: "… phổ biến về tác" / blank / "hại, hậu quả …"
    assert (item.line_start, item.line_end) == (93, 95)
    assert "phổ biến về tác hại, hậu quả của ma túy" in item.text


def test_footnotes_are_set_aside_and_do_not_split_items(seeds):
    sk = parse_structure(read_document(seeds["hn2024_parentheses"]).lines)
    assert [n.line_start for n in sk.notes] == [66, 68, 84]
    blocks = by_key(sk)
    assert blocks["III.1.c.-4"].line_start == 86  # after footnote ³ at line 84
    assert not any("Tính đến ngày 14/12/2023" in b.text for b in sk.walk() if b.text)


def test_recipients_and_signature_are_not_in_the_body(seeds):
    sk = parse_structure(read_document(seeds["hn2024_parentheses"]).lines)
    assert sk.end_line == 282  # "Nơi nhận *sw*"
    assert max(b.line_end for b in sk.walk()) == 280
    text = " ".join(b.text for b in sk.walk())
    assert "Lê Hồng Sơn" not in text and "Chủ tịch UBND Thành phố" not in text


def test_repeated_letter_gets_a_prime_and_markdown_levels_do_not_matter(seeds):
    sk = parse_structure(read_document(seeds["tv2023_agency_headed"]).lines)
    blocks = by_key(sk)
    assert blocks["II.2.d"].text == "Sở Y tế"  # "#### d) Sở Y tế"
    assert blocks["II.2.d'"].text == "Sở Thông tin và Truyền thông"  # a second "d)"
    assert blocks["II.2.m"].text.startswith("Ủy ban nhân dân các huyện")  # "## m) …"
    assert blocks["II.2.a.-4.p1"].text.startswith("Thực hiện tốt vai trò Cơ quan Thường trực")
    assert blocks["IV.2.p1"].text.startswith("Giao Công an tỉnh theo dõi")


def test_tab_separated_table_with_header(seeds):
    sk = parse_structure(read_document(seeds["tq2024_table"]).lines)
    [table] = [b.table for b in sk.walk() if b.kind == "table"]
    assert table.header == ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]
    assert len(table.rows) == 41
    assert table.rows[18].cells[4] == "Tháng 6, 12"


def test_table_row_broken_by_a_page_break_is_rejoined():
    sk = skeleton(
        "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian\n"
        "1\tTriển khai các biện pháp phòng ngừa\tCông an tỉnh\tSở Tài chính,\n"
        "\n"
        "12\n"
        "\n"
        "UBND huyện, thành phố\tThực hiện thường xuyên\n"
        "2\tTổ chức điều trị Methadone\tSở Y tế\tCông an tỉnh\tQuý II"
    )
    [table] = [b.table for b in sk.blocks if b.kind == "table"]
    first, second = table.rows
    assert first.cells == ["1", "Triển khai các biện pháp phòng ngừa", "Công an tỉnh",
                           "Sở Tài chính, UBND huyện, thành phố", "Thực hiện thường xuyên"]
    assert (first.line_start, first.line_end) == (2, 6)
    assert second.cells[0] == "2"


def test_markdown_pipe_table_with_section_rows():
    sk = skeleton(
        "II. NHIỆM VỤ CỤ THỂ\n\n"
        "| STT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
        "|---|---|---|---|---|\n"
        "| I | Công tác tuyên truyền | | | |\n"
        "| 1 | Tuyên truyền trên báo chí | Sở Thông tin và Truyền thông | Công an tỉnh | Quý II |"
    )
    [table] = [b.table for b in sk.walk() if b.kind == "table"]
    assert table.header[2] == "Cơ quan chủ trì"
    assert [r.cells[0] for r in table.rows] == ["I", "1"]


def test_numbering_depth_is_learnt_from_the_document():
    sk = skeleton(
        "KẾ HOẠCH\n\nPHẦN II\nNHIỆM VỤ\n\nA. CÔNG TÁC PHÒNG NGỪA\n\n"
        "1. Công an tỉnh\n1.1. Chủ trì tổ chức xét nghiệm.\n1.2. Rà soát người nghiện.\n"
        "2. Sở Y tế\n+ Điều trị Methadone.\n(1) Tại tuyến huyện.\n"
    )
    keys = {b.text: b.key for b in sk.walk()}
    assert keys["Chủ trì tổ chức xét nghiệm."].endswith("A.1.1")
    assert keys["Rà soát người nghiện."].endswith("A.1.2")
    assert keys["Điều trị Methadone."].endswith("A.2.+1")
    assert keys["Tại tuyến huyện."].endswith("A.2.+1.(1)")


def test_hard_wrapped_lines_join_but_a_title_keeps_its_paragraph():
    sk = skeleton(
        "III. TỔ CHỨC THỰC HIỆN\n"
        "Sở Y tế chủ trì, phối hợp với Sở Lao động - Thương binh và Xã hội triển khai các\n"
        "hoạt động can thiệp giảm tác hại.\n"
        "6. Xây dựng xã, phường không ma túy\n"
        "Thực hiện đánh giá phân loại từng xã."
    )
    blocks = list(sk.walk())
    assert blocks[1].text.endswith("triển khai các hoạt động can thiệp giảm tác hại.")
    assert blocks[3].text == "Thực hiện đánh giá phân loại từng xã."
    assert blocks[2].is_title and blocks[3].key == blocks[2].key


def test_bold_markers_superscripts_and_page_numbers():
    sk = skeleton(
        "I. NHIỆM VỤ\n\n**8.** Đẩy mạnh phong trào toàn dân năm 2023<sup>1</sup>; gồm:"
        " <sup>(1)</sup> mô hình¹.\n\n- 3 -\n\n9. Tiếp tục duy trì."
    )
    items = [b for b in sk.walk() if b.style == "arabic"]
    assert [b.marker for b in items] == ["8", "9"]
    assert items[0].text == "Đẩy mạnh phong trào toàn dân năm 2023; gồm: (1) mô hình."


def test_plan_issued_with_a_decision_follows_its_signature():
    sk = skeleton(
        "QUYẾT ĐỊNH\nBan hành Kế hoạch phòng, chống mại dâm\n"
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống mại dâm.\n"
        "Điều 2. Quyết định này có hiệu lực thi hành kể từ ngày ký./.\n\n"
        "Nơi nhận:\n- Như Điều 3;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n\n"
        "Bùi Đình Long\n\nKẾ HOẠCH\nPhòng, chống mại dâm năm 2022\n\n"
        "I. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\nChỉ đạo các cơ sở y tế cung cấp dịch vụ tư vấn.\n"
    )
    texts = [b.text for b in sk.walk()]
    assert "Sở Y tế" in texts and "Chỉ đạo các cơ sở y tế cung cấp dịch vụ tư vấn." in texts
    assert "Bùi Đình Long" not in " ".join(texts)
