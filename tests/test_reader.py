"""Reading plan files (ingest/read/reader.py): formats, encodings, layouts and errors."""

import unicodedata

import docx
import pytest
from docx.oxml import OxmlElement
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plangraph.ingest.errors import DocumentError
from plangraph.ingest.read.reader import read_document
from plangraph.ingest.text.legacy_encodings import encode_tcvn3, encode_vni

# Real sentences from the sample plans.
TITLE = "KẾ HOẠCH"
PURPOSE = (
    "Thực hiện Quyết định số 424/QĐ-TTg ngày 07 tháng 4 năm 2017 của Thủ tướng Chính phủ "
    "phê duyệt Chương trình phòng, chống ma túy đến năm 2020."
)
ASSIGNMENT = (
    "Ủy ban nhân dân tỉnh xây dựng Kế hoạch tổ chức triển khai thực hiện với các nội dung sau:"
)
BODY = "\n".join([TITLE, PURPOSE, "", ASSIGNMENT])


def _write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# ------------------------------------------------------------------ the seeds


FIRST_LINES = {
    "tq2024_table": "CHƯƠNG TRÌNH CÔNG TÁC PHÒNG, CHỐNG AIDS, MA TUÝ, MẠI DÂM NĂM 2024",
    "tq2023_agency_headed": "Số: /KH-UBND",
    "tg2017_numbered": " KẾ HOẠCH",
    "hn2024_parentheses": "KẾ HOẠCH",
    "tv2023_agency_headed": "## KẾ HOẠCH",
}


@pytest.mark.parametrize("seed", sorted(FIRST_LINES))
def test_seeds_read_as_utf8_unchanged(seeds, seed):
    path = seeds[seed]
    doc = read_document(path)
    raw = path.read_text(encoding="utf-8")
    assert doc.encoding == "utf-8"
    assert doc.warnings == []
    assert doc.file == path.name and doc.path == str(path)
    assert next(line for line in doc.lines if line.strip()) == FIRST_LINES[seed]
    assert doc.lines == unicodedata.normalize("NFC", raw).split("\n")
    assert doc.text == "\n".join(doc.lines)


# ------------------------------------------------------------------ text encodings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (BODY.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + BODY.encode("utf-8"), "utf-8-sig"),
        (BODY.encode("utf-16"), "utf-16"),
        (BODY.encode("utf-16-le"), "utf-16-le"),
        (BODY.encode("utf-16-be"), "utf-16-be"),
        (unicodedata.normalize("NFD", BODY).encode("utf-8"), "utf-8"),
    ],
)
def test_unicode_encodings(tmp_path, data, encoding):
    doc = read_document(_write(tmp_path, "plan.txt", data))
    assert doc.text == BODY
    assert doc.encoding == encoding
    assert doc.lines[1] == PURPOSE


def _cp1258(text):
    """Windows-1258 as Windows writes it: base letters with ^ ˘ ' precomposed, tones combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []  # [base with its other marks, tone marks]
    for c in unicodedata.normalize("NFD", text):
        if c in tones:
            out[-1][1] += c
        elif unicodedata.combining(c):
            out[-1][0] = unicodedata.normalize("NFC", out[-1][0] + c)
        else:
            out.append([c, ""])
    return "".join(base + tone for base, tone in out).encode("cp1258")


def test_cp1258(tmp_path):
    doc = read_document(_write(tmp_path, "plan.txt", _cp1258(BODY)))
    assert doc.encoding == "cp1258"
    assert doc.text == BODY


def test_line_breaks_and_invisible_characters(tmp_path):
    data = "KẾ HOẠCH\r\nPhòng,\u00a0chống ma \u200btúy\rnăm 2024\n".encode()
    doc = read_document(_write(tmp_path, "plan.md", data))
    assert doc.lines == ["KẾ HOẠCH", "Phòng, chống ma túy", "năm 2024", ""]


def test_tone_placement_is_kept_as_written(tmp_path):
    doc = read_document(_write(tmp_path, "plan.txt", "Khánh Hoà, ma tuý".encode()))
    assert doc.text == "Khánh Hoà, ma tuý"


@pytest.mark.parametrize(
    ("text", "wrong_codec"),
    [("Kế hoạch phòng, chống ma túy năm 2024", "cp1252"), (BODY, "latin-1")],
)
def test_double_encoded_utf8_is_repaired(tmp_path, text, wrong_codec):
    mangled = text.encode("utf-8").decode(wrong_codec)  # "Káº¿ hoáº¡ch"
    doc = read_document(_write(tmp_path, "plan.txt", mangled.encode("utf-8")))
    assert doc.text == text
    assert any("UTF-8" in w for w in doc.warnings)


# ------------------------------------------------------------------ legacy font encodings


def test_tcvn3_bytes(tmp_path):
    data = encode_tcvn3(BODY.replace("Ủy", "Uỷ")).encode("cp1252")
    doc = read_document(_write(tmp_path, "plan.txt", data))
    assert doc.encoding == "TCVN3"
    assert doc.text == BODY.replace("Ủy", "Uỷ")
    assert any("TCVN3" in w for w in doc.warnings)


def test_tcvn3_mojibake_saved_as_utf8(tmp_path):
    text = "Uû ban nh©n d©n tØnh Tuyªn Quang\nKÕ HO¹CH\nPhßng, chèng ma tuý n¨m 2023"
    doc = read_document(_write(tmp_path, "plan.txt", text.encode("utf-8")))
    assert doc.encoding == "TCVN3"
    assert doc.lines == [
        "Uỷ ban nhân dân tỉnh Tuyên Quang",
        "KẾ HOẠCH",
        "Phòng, chống ma tuý năm 2023",
    ]


def test_vni_bytes(tmp_path):
    doc = read_document(_write(tmp_path, "plan.txt", encode_vni(BODY).encode("cp1252")))
    assert doc.encoding == "VNI"
    assert doc.text == BODY
    assert any("VNI" in w for w in doc.warnings)


def test_unicode_lines_in_a_tcvn3_file_stay(tmp_path):
    text = "Uû ban nh©n d©n tØnh Tuyªn Quang\nSở Lao động - Thương binh và Xã hội\nKÕ HO¹CH"
    doc = read_document(_write(tmp_path, "plan.txt", text.encode("utf-8")))
    assert doc.lines[1] == "Sở Lao động - Thương binh và Xã hội"


def test_symbols_do_not_trigger_conversion(tmp_path):
    text = "© 2024 Tài chính; «Tài chính»; 25°C\n" + BODY
    doc = read_document(_write(tmp_path, "plan.txt", text.encode("utf-8")))
    assert doc.encoding == "utf-8"
    assert doc.text == text


# ------------------------------------------------------------------ docx


def _docx(tmp_path, build, name="plan.docx"):
    document = docx.Document()
    build(document)
    path = tmp_path / name
    document.save(path)
    return path


def _build_plan_with_table(document):
    document.add_heading("KẾ HOẠCH", level=1)
    document.add_paragraph(PURPOSE)
    table = document.add_table(rows=3, cols=4)
    rows = [
        ["TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp"],
        ["1", "Triển khai “Tháng hành động phòng, chống ma túy”", "Công an tỉnh", "Các sở, ngành"],
        ["2", "Tuyên truyền", "Sở Thông tin\nvà Truyền thông", "Sở Y tế"],
    ]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    table.rows[2].cells[3].add_paragraph("UBND huyện, thành phố")
    merged = table.add_row().cells
    merged[0].merge(merged[3]).text = "II. NHIỆM VỤ KHÁC"
    document.add_paragraph(ASSIGNMENT)


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    doc = read_document(_docx(tmp_path, _build_plan_with_table))
    assert doc.encoding == "unicode"
    assert doc.lines == [
        "KẾ HOẠCH",
        PURPOSE,
        "TT\tNội dung\tCơ quan chủ trì\tCơ quan phối hợp",
        "1\tTriển khai “Tháng hành động phòng, chống ma túy”\tCông an tỉnh\tCác sở, ngành",
        "2\tTuyên truyền\tSở Thông tin và Truyền thông\tSở Y tế UBND huyện, thành phố",
        "II. NHIỆM VỤ KHÁC\t\t\t",
        ASSIGNMENT,
    ]


def _build_numbered(document):
    document.add_paragraph("Nhiệm vụ", style="List Number")
    document.add_paragraph("Giải pháp", style="List Number")
    document.add_paragraph("Tổ chức thực hiện", style="List Number")
    document.add_paragraph("Công an tỉnh", style="List Bullet")


def test_docx_list_numbering(tmp_path):
    doc = read_document(_docx(tmp_path, _build_numbered))
    assert doc.lines[:3] == ["1. Nhiệm vụ", "2. Giải pháp", "3. Tổ chức thực hiện"]
    assert doc.lines[3].endswith(" Công an tỉnh") and doc.lines[3] != "Công an tỉnh"


def _build_legacy_fonts(document):
    p = document.add_paragraph()
    p.add_run("Uû ban nh©n d©n tØnh ").font.name = ".VnTime"
    p.add_run("Tuyên Quang")  # a Unicode run in the same paragraph
    document.add_paragraph().add_run("kÕ ho¹ch phßng, chèng ma tuý").font.name = ".VnTimeH"
    document.add_paragraph().add_run("Thuû töôùng Chính phuû").font.name = "VNI-Times"
    # text converted to Unicode that kept its old font is left alone
    document.add_paragraph().add_run("Ủy ban nhân dân tỉnh có Kế hoạch").font.name = ".VnTime"


def test_docx_legacy_font_runs(tmp_path):
    doc = read_document(_docx(tmp_path, _build_legacy_fonts))
    assert doc.lines == [
        "Uỷ ban nhân dân tỉnh Tuyên Quang",
        "KẾ HOẠCH PHÒNG, CHỐNG MA TUÝ",
        "Thủ tướng Chính phủ",
        "Ủy ban nhân dân tỉnh có Kế hoạch",
    ]
    assert doc.encoding == "TCVN3+VNI"
    assert len(doc.warnings) == 2


def _build_soft_hyphen_tcvn3(document):
    run = document.add_paragraph().add_run("Thñ t")
    run.font.name = ".VnTime"
    run._r.append(OxmlElement("w:softHyphen"))  # how Word stores the TCVN3 byte 0xAD (ư)
    run2 = document.paragraphs[0].add_run("íng ChÝnh phñ")
    run2.font.name = ".VnTime"


def test_docx_tcvn3_soft_hyphen_is_u_horn(tmp_path):
    doc = read_document(_docx(tmp_path, _build_soft_hyphen_tcvn3))
    assert doc.lines == ["Thủ tướng Chính phủ"]


def _build_mojibake_without_font(document):
    for line in ("Uû ban nh©n d©n tØnh Tuyªn Quang", "Phßng, chèng ma tuý n¨m 2023"):
        document.add_paragraph(line)


def test_docx_legacy_text_without_legacy_font(tmp_path):
    doc = read_document(_docx(tmp_path, _build_mojibake_without_font))
    assert doc.encoding == "TCVN3"
    assert doc.lines == ["Uỷ ban nhân dân tỉnh Tuyên Quang", "Phòng, chống ma tuý năm 2023"]


def _build_line_break(document):
    run = document.add_paragraph().add_run("Số: 12/KH-UBND")
    run.add_break()
    run.add_text("Tuyên Quang, ngày 31 tháng 5 năm 2023")
    run._r.append(OxmlElement("w:tab"))
    run.add_text("x")


def test_docx_line_break_starts_a_line(tmp_path):
    doc = read_document(_docx(tmp_path, _build_line_break))
    assert doc.lines == ["Số: 12/KH-UBND", "Tuyên Quang, ngày 31 tháng 5 năm 2023\tx"]


def test_docx_deleted_revision_text_is_not_read(tmp_path):
    def build(document):
        p = document.add_paragraph("Công an tỉnh")
        deleted = OxmlElement("w:del")
        r = OxmlElement("w:r")
        t = OxmlElement("w:delText")
        t.text = " và Sở Y tế"
        r.append(t)
        deleted.append(r)
        p._p.append(deleted)

    assert read_document(_docx(tmp_path, build)).lines == ["Công an tỉnh"]


# ------------------------------------------------------------------ pdf


def _pdf(content: bytes | None) -> bytes:
    """A minimal one-page PDF; `content` is its page content stream (None: no content)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >>"
        + (b" /Contents 5 0 R" if content else b"")
        + b" >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if content:
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def test_pdf_with_text_layer(tmp_path):
    content = (
        b"BT /F1 12 Tf 72 770 Td (KE HOACH) Tj 0 -16 Td "
        b"(Phong, chong ma tuy tren dia ban tinh nam 2024) Tj ET"
    )
    doc = read_document(_write(tmp_path, "plan.pdf", _pdf(content)))
    assert doc.lines[0].strip() == "KE HOACH"
    assert "Phong, chong ma tuy tren dia ban tinh nam 2024" in doc.text


@pytest.mark.parametrize("content", [None, b"0 0 1 rg 72 72 200 200 re f"])
def test_scanned_pdf_asks_for_ocr(tmp_path, content):
    with pytest.raises(DocumentError, match="OCR") as err:
        read_document(_write(tmp_path, "scan.pdf", _pdf(content)))
    assert str(err.value).startswith("scan.pdf:")


# ------------------------------------------------------------------ errors


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("plan.doc", b"\xd0\xcf\x11\xe0 old word", "not a .doc file"),
        ("plan.xlsx", b"PK\x03\x04", "unsupported"),
        ("plan", BODY.encode(), "unsupported"),
        ("empty.txt", b"", "empty document"),
        ("blank.txt", b" \n\t\r\n  \n", "empty document"),
        ("bom-only.txt", b"\xef\xbb\xbf", "empty document"),
        ("image.txt", bytes(range(256)) * 8, "not a text file"),
        ("zip.txt", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" * 20, "not a text file"),
        ("broken.docx", BODY.encode(), "not a valid .docx"),
        ("broken.pdf", b"%PDF-1.4\n garbage", "PDF"),
        ("broken16.txt", b"\xff\xfe\x00\xd8", "utf-16"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, name, data, message):
    with pytest.raises(DocumentError, match=message) as err:
        read_document(_write(tmp_path, name, data))
    assert str(err.value).startswith(name + ":")
    assert "\n" not in str(err.value)


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError, match="not found"):
        read_document(tmp_path / "missing.txt")


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(tmp_path, data):
    path = _write(tmp_path, "any.txt", data)
    try:
        doc = read_document(path)
    except DocumentError:
        return
    assert doc.text == unicodedata.normalize("NFC", doc.text)
    assert "\r" not in doc.text
    assert doc.lines == doc.text.split("\n")


# ------------------------------------------------------------------ line limit, every break


@pytest.mark.parametrize("last", ["", "\n"])
def test_the_line_limit_counts_every_kind_of_line_break(tmp_path, last):
    """'\\r\\n' is one break; '\\r', '\\v', '\\x85', U+2028 … are breaks too; a break at the end
    opens one more (empty) line."""
    from plangraph.ingest.read import limits

    breaks = ["\r\n", "\n", "\r", "\u2028", "\x85", "\v", "\f", "\u2029"]
    n = limits.MAX_LINES - (1 if last else 0)  # lines, the empty one after `last` included
    line = "Sở Y tế chủ trì, phối hợp Công an tỉnh"
    text = line + "".join(breaks[i % len(breaks)] + line for i in range(n - 1))
    at_limit = _write(tmp_path, "at_limit.txt", (text + last).encode("utf-8"))
    assert len(read_document(at_limit).lines) == limits.MAX_LINES
    over = _write(tmp_path, "over.txt", (text + "\r\n" + line + last).encode("utf-8"))
    with pytest.raises(DocumentError, match="too many lines"):
        read_document(over)
