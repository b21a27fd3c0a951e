"""Formats analysts download: saved web pages, old Word files, scanned PDFs.

Each test builds the file from a sample plan's own text, the way a portal, Word or a scanner
would carry it, and checks that plangraph reads the same plan out of it as out of the text file.
The .doc and OCR tests need system packages (`.ci/run` installs them) and skip, saying which,
where they are missing.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.ingest.extract import DocumentError, extract_file
from plangraph.ingest.read.ocr import ocr_missing
from plangraph.ingest.read.office import office_binary
from plangraph.ingest.read.reader import read_document

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"
TABLE_PLAN = PLANS / "000_7ff5c3280978a41d.txt"  # tasks in a chủ trì / phối hợp table


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").split("\n")


def _what_was_read(path: Path, **options) -> dict:
    """The plan as read: header, acts cited, tasks with roles and deadlines (no line numbers)."""
    gold = extract_file(path, **options).to_gold()
    document = {k: v for k, v in gold["document"].items() if k != "source"}
    tasks = [
        (t["key"], t["text"], t["lead"], t["support"], t["implementers"], t["when"])
        for t in gold["tasks"]
    ]
    acts = sorted((r["id"], r["year"], r["scope"]) for r in gold["legal_refs"])
    return {"document": document, "tasks": tasks, "acts": acts}


# ---------------------------------------------------------------- saved web pages


def _web_page(lines: list[str], charset: str = "utf-8") -> str:
    """A plan as a portal page: site chrome, scripts, entities, tables for TAB rows."""
    body: list[str] = []
    table: list[str] = []
    for line in lines + [""]:
        if "\t" in line:
            cells = "".join(f"<td><p>{html.escape(c)}</p></td>" for c in line.split("\t"))
            table.append(f"<tr>{cells}</tr>")
            continue
        if table:
            body.append('<table border="1" cellpadding="3">' + "".join(table) + "</table>")
            table = []
        text = html.escape(line).replace("  ", "&nbsp; ") if line.strip() else "&nbsp;"
        body.append(f'<p style="text-align:justify">{text}</p>')  # Word's "save as web page"
    return (
        "<!DOCTYPE html>\n<html><head>"
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
        "<title>Văn bản</title><script>document.write('<p>Quảng cáo</p>');</script>"
        "<style>p { margin: 0 }</style></head>\n<body>"
        '<nav><a href="/">Trang chủ</a> | <a href="/vb">Văn bản pháp luật</a></nav>\n'
        '<div class="content">\n' + "\n".join(body) + "\n</div>\n"
        "<footer>Cổng thông tin điện tử tỉnh</footer></body></html>\n"
    )


def _cp1258(text: str) -> bytes:
    """Windows-1258 as Windows writes it: base letters with ^ ˘ ' precomposed, tones combining."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out: list[list[str]] = []
    for c in unicodedata.normalize("NFD", text):
        if c in tones and out:
            out[-1][1] += c
        elif unicodedata.combining(c) and out:
            out[-1][0] = unicodedata.normalize("NFC", out[-1][0] + c)
        else:
            out.append([c, ""])
    # what the code page lacks ("₂") becomes a character reference, as pages write it
    text = "".join(base + tone for base, tone in out)
    return text.encode("cp1258", errors="xmlcharrefreplace")


@pytest.mark.parametrize("plan", sorted(PLANS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_saved_web_page_reads_as_the_text_file(plan, tmp_path):
    page = tmp_path / (plan.stem + ".html")
    page.write_text(_web_page(_lines(plan)), encoding="utf-8")
    assert _what_was_read(page) == _what_was_read(plan)


def test_web_page_in_windows_1258(tmp_path):
    page = tmp_path / "kh.htm"
    page.write_bytes(_cp1258(_web_page(_lines(TABLE_PLAN), charset="windows-1258")))
    assert _what_was_read(page) == _what_was_read(TABLE_PLAN)


def test_web_page_layout_tables_and_lists(tmp_path):
    page = tmp_path / "kh.html"
    page.write_text(
        "<html><body><table><tr><td>ỦY BAN NHÂN DÂN<br>TỈNH NINH THUẬN</td>"
        "<td>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</td></tr>"
        "<tr><td>Số: 5971/KH-UBND</td><td>Ninh Thuận, ngày 01 tháng 11 năm 2021</td></tr>"
        "</table><p><b>KẾ HOẠCH</b></p><ol type='a'><li>Công an tỉnh chủ trì,</li>"
        "<li>Sở Y tế phối<br>hợp.</li></ol><script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    doc = extract_file(page)
    assert doc.document.number == "5971/KH-UBND"
    assert doc.document.province == "Ninh Thuận"
    lines = read_document(page).lines
    assert "a) Công an tỉnh chủ trì," in lines
    assert "Sở Y tế phối" in lines[-2] and lines[-1] == "hợp."
    assert not any("alert" in line for line in lines)


# ---------------------------------------------------------------- old Word files (.doc)

needs_office = pytest.mark.skipif(
    office_binary() is None,
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)",
)


def _docx_of(lines: list[str], path: Path) -> Path:
    """A Word document of the plan: TAB rows as a real Word table."""
    import docx

    document = docx.Document()
    i = 0
    while i < len(lines):
        if "\t" not in lines[i]:
            document.add_paragraph(lines[i])
            i += 1
            continue
        rows = []
        while i < len(lines) and "\t" in lines[i]:
            rows.append(lines[i].split("\t"))
            i += 1
        table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
        for r, row in enumerate(rows):
            for c, cell in enumerate(row):
                table.cell(r, c).text = cell
    document.save(str(path))
    return path


def _office_convert(src: Path, fmt: str, outdir: Path) -> Path:
    profile = outdir / "lo-profile"
    subprocess.run(
        [office_binary(), f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", fmt, "--outdir", str(outdir), str(src)],
        check=True, capture_output=True, timeout=300,
    )
    return outdir / f"{src.stem}.{fmt.split(':')[0]}"


@needs_office
def test_old_word_file_reads_as_the_text_file(tmp_path):
    docx_file = _docx_of(_lines(TABLE_PLAN), tmp_path / "ke-hoach.docx")
    (tmp_path / "doc").mkdir()
    doc_file = _office_convert(docx_file, "doc", tmp_path / "doc")
    assert doc_file.read_bytes()[:8] == bytes.fromhex("d0cf11e0a1b11ae1")  # Word 97 binary
    assert _what_was_read(doc_file) == _what_was_read(TABLE_PLAN)


def test_doc_that_is_really_a_web_page_or_docx(tmp_path):
    """Portals often serve a web page or a .docx under a .doc name: read what the file is."""
    page = tmp_path / "kh-web.doc"
    page.write_text(_web_page(_lines(TABLE_PLAN)), encoding="utf-8")
    assert _what_was_read(page) == _what_was_read(TABLE_PLAN)
    renamed = _docx_of(_lines(TABLE_PLAN), tmp_path / "kh.docx").rename(tmp_path / "kh-docx.doc")
    assert _what_was_read(renamed) == _what_was_read(TABLE_PLAN)


def test_doc_that_is_no_office_file_is_refused(tmp_path):
    bad = tmp_path / "khong-phai.doc"
    bad.write_bytes(b"\x00\x01 random bytes " * 20)
    result = CliRunner().invoke(main, ["extract", str(bad)])
    assert result.exit_code != 0
    assert "khong-phai.doc" in result.output and "Traceback" not in result.output


@needs_office
def test_damaged_old_word_file_is_one_clear_line(tmp_path):
    bad = tmp_path / "hong.doc"
    bad.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + b"\x00garbage" * 50)
    result = CliRunner().invoke(main, ["extract", str(bad)])
    assert result.exit_code != 0
    assert "hong.doc" in result.output and "Traceback" not in result.output


# ---------------------------------------------------------------- scanned PDFs (OCR)

needs_ocr = pytest.mark.skipif(
    ocr_missing() is not None or office_binary() is None,
    reason=f"OCR or PDF rendering is missing: {ocr_missing() or 'LibreOffice'} "
    "(apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie libreoffice-writer-nogui)",
)

# The first pages of a plan: the header, the legal bases and the first tasks of its sections.
SCANNED_PLAN, SCANNED_LINES = PLANS / "004_d2e76ff14f87a60d.txt", 30


def _scanned_pdf(lines: list[str], tmp_path: Path) -> Path:
    """The plan printed to PDF, then every page turned into a picture: a scan with no text."""
    from PIL import Image

    printed = _office_convert(_docx_of(lines, tmp_path / "in.docx"), "pdf", tmp_path)
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", "-png", str(printed), str(tmp_path / "page")],
        check=True, capture_output=True, timeout=300,
    )
    pages = [Image.open(p).convert("L") for p in sorted(tmp_path.glob("page*.png"))]
    scan = tmp_path / "ban-quet.pdf"
    pages[0].save(scan, save_all=True, append_images=pages[1:], resolution=300)
    return scan


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    """(scan, the text OCR read, what was read from the scan and from the typed lines).

    The scan is OCRed once (it takes seconds a page): its text is extracted as plangraph
    extracts the scan, the OCR text being the document's lines.
    """
    tmp = tmp_path_factory.mktemp("scan")
    lines = _lines(SCANNED_PLAN)[:SCANNED_LINES]
    typed = tmp / "ban-go.txt"
    typed.write_text("\n".join(lines), encoding="utf-8")
    scan = _scanned_pdf(lines, tmp)
    raw = read_document(scan)
    ocr_text = tmp / "ban-quet.txt"
    ocr_text.write_text(raw.text, encoding="utf-8")
    return scan, raw, extract_file(ocr_text).to_gold(), extract_file(typed).to_gold()


def _similarity(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@needs_ocr
def test_scanned_pdf_is_read_by_ocr(scanned):
    """OCR of a scan at 300 dpi: the header and the acts cited exactly, the text at ≥ 97 %."""
    _, raw, ocred, typed = scanned
    assert any("OCR" in w for w in raw.warnings)
    for field in ("kind", "number", "issued", "issuer", "province", "year"):
        assert ocred["document"][field] == typed["document"][field], field
    assert _similarity(ocred["document"]["title"], typed["document"]["title"]) >= 0.95
    acts = {r["id"] for r in typed["legal_refs"]}
    assert len(acts & {r["id"] for r in ocred["legal_refs"]}) >= 0.9 * len(acts)
    typed_words = " ".join(" ".join(_lines(SCANNED_PLAN)[:SCANNED_LINES]).split())
    assert _similarity(" ".join(raw.text.split()), typed_words) >= 0.97


@needs_ocr
def test_ocr_can_be_turned_off(scanned):
    scan = scanned[0]
    with pytest.raises(DocumentError, match="OCR"):
        extract_file(scan, ocr=False)
    result = CliRunner().invoke(main, ["extract", "--no-ocr", str(scan)])
    assert result.exit_code != 0 and "ban-quet.pdf" in result.output


@needs_office
def test_table_in_a_text_pdf_keeps_who_leads_what(tmp_path):
    """A plan's task table printed to PDF: read in its layout, rows and columns kept."""
    printed = _office_convert(_docx_of(_lines(TABLE_PLAN), tmp_path / "in.docx"), "pdf",
                              tmp_path)
    pdf, typed = _what_was_read(printed)["tasks"], _what_was_read(TABLE_PLAN)["tasks"]
    # measured: 41 of 41 tasks, 40 with their number, roles and text (a row cut by a page
    # break whose columns sit elsewhere on the next page loses its number)
    assert len(pdf) == len(typed)
    assert sum(p[0] == t[0] for p, t in zip(pdf, typed, strict=True)) >= 0.95 * len(typed)
    same_roles = sum(p[2:5] == t[2:5] for p, t in zip(pdf, typed, strict=True))
    same_text = sum(p[1] == t[1] for p, t in zip(pdf, typed, strict=True))
    assert same_roles >= 0.95 * len(typed) and same_text >= 0.9 * len(typed)


def _blank_pdf(path: Path) -> Path:
    """A page with nothing on it: what a scan is to a reader that does not OCR."""
    pypdf = pytest.importorskip("pypdf")
    writer = pypdf.PdfWriter()
    writer.add_blank_page(width=200, height=200)
    with open(path, "wb") as fh:
        writer.write(fh)
    return path


@needs_office
def test_a_pdf_with_text_is_not_ocred(tmp_path):
    """A PDF with a text layer is read from its text: no OCR, no OCR warning."""
    lines = _lines(SCANNED_PLAN)[:SCANNED_LINES]
    printed = _office_convert(_docx_of(lines, tmp_path / "in.docx"), "pdf", tmp_path)
    raw = read_document(printed, ocr=False)
    assert not any("OCR" in w for w in raw.warnings)
    assert "Trà Vinh" in raw.text


def test_scan_with_ocr_turned_off_is_refused(tmp_path):
    with pytest.raises(DocumentError, match="OCR đang tắt|OCR is turned off"):
        extract_file(_blank_pdf(tmp_path / "trang-trang.pdf"), ocr=False)


def test_scan_without_ocr_tools_says_what_to_install(tmp_path, monkeypatch):
    blank = _blank_pdf(tmp_path / "quet.pdf")
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(DocumentError, match="tesseract-ocr-vie"):
        extract_file(blank)
