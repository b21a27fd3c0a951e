"""Taking results away: Vietnamese words instead of codes, tables that fit the terminal, files
by extension (.csv with BOM, .xlsx, .json, .html), each stating the question and parameters."""

import json

import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.store import open_store
from plangraph.queries import output
from plangraph.queries.runner import run
from plangraph.queries.words import period_words

CODES = ("Q2", "M6,M12", "ongoing")


def cli(db, *args, env=None):
    return CliRunner().invoke(main, ["--db", db, *args], env=env)


@pytest.fixture(scope="module")
def store(corpus_db):  # noqa: F811
    s = open_store(corpus_db, read_only=True)
    yield s
    s.close()


@pytest.mark.parametrize("code, words", [
    ("Q2", "Quý II"),
    ("Q1-Q3", "Quý I – III"),
    ("2024-Q3", "Quý III/2024"),
    ("M6,M12", "tháng 6 và 12"),
    ("2024-M6", "tháng 6/2024"),
    ("ongoing", "thường xuyên"),
    ("2024", "năm 2024"),
    ("2021-2025", "giai đoạn 2021 – 2025"),
    ("by 2023-06-05", "trước ngày 5/6/2023"),
    ("by --06-14,by --12-14", "trước ngày 14/6 và 14/12"),
    ("something new", "something new"),  # never hidden
])
def test_periods_read_as_vietnamese(code, words):
    assert period_words(code) == words


def test_the_table_says_quarters_and_months_in_words_and_hides_ids(corpus_db):  # noqa: F811
    result = cli(corpus_db, "query", "nhiem_vu_theo_ky", "-p", "ky=2024", "-p",
                 "tinh=tuyen quang", "--wide")
    assert result.exit_code == 0, result.output
    assert "Quý II" in result.output and "tháng 6 và 12" in result.output
    cells = {c.strip() for line in result.output.splitlines() for c in line.split("  ")}
    assert not cells & set(CODES)
    assert "|task|" not in result.output  # no task ids
    as_json = json.loads(cli(corpus_db, "query", "nhiem_vu_theo_ky", "-p", "ky=2024",
                             "--format", "json").output)
    assert "M6,M12" in {r["period"] for r in as_json["rows"]}  # JSON keeps the codes
    assert all(r["task_id"] for r in as_json["rows"])  # and the ids


@pytest.mark.parametrize("width", [80, 120])
def test_tables_fit_the_terminal_and_wide_keeps_everything(store, width):
    out = run(store, "nghia_vu_co_quan", {"co_quan": "so y te"})
    text = output.table(out, width)
    assert max(len(line) for line in text.splitlines()) <= width
    longest = max((r[out.columns.index("task_text")] for r in out.rows), key=len)
    assert longest not in text
    wide = output.table(out, width, wide=True)
    assert " ".join(longest.split()) in wide


def test_the_table_footer_states_the_parameters_and_as_of(corpus_db):  # noqa: F811
    result = cli(corpus_db, "query", "chu_tri_nhieu_nhat", "-p", "tinh=tien giang",
                 "--as-of", "2026-01-01")
    footer = " ".join(result.output.split("Tham số / parameters:")[-1].split())
    assert "tinh=Tiền Giang" in footer and "--as-of 2026-01-01" in footer


def test_csv_file_opens_in_excel_without_ids_and_states_the_question(corpus_db, tmp_path):  # noqa: F811,E501
    path = tmp_path / "out" / "tq.csv"
    result = cli(corpus_db, "query", "nhiem_vu_theo_ky", "-p", "ky=quy 2", "--as-of",
                 "2026-01-01", "-o", str(path))
    assert result.exit_code == 0, result.output
    assert str(path) in result.output
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM
    text = raw.decode("utf-8-sig")
    header = text.splitlines()[0]
    assert header.startswith("Tỉnh / Thành phố,Kế hoạch,") and "Mã" not in header
    assert "Quý II" in text and ",Q2," not in text
    assert "Câu hỏi" in text and "ky=quy 2" in text and "--as-of 2026-01-01" in text
    assert "Tỉnh / Thành phố" not in result.stdout  # a file was asked for: no table


def test_xlsx_has_a_frozen_header_widths_and_the_question_sheet(corpus_db, tmp_path):  # noqa: F811,E501
    from openpyxl import load_workbook

    path = tmp_path / "ket-qua.xlsx"
    result = cli(corpus_db, "query", "chu_tri_nhieu_nhat", "-p", "top=2", "--as-of",
                 "2026-01-01", "-o", str(path))
    assert result.exit_code == 0, result.output
    wb = load_workbook(path)
    assert wb.sheetnames == ["Kết quả", "Câu hỏi"]
    sheet = wb["Kết quả"]
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]][:3] == ["Tỉnh / Thành phố", "Hạng", "Cơ quan (loại)"]
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["B"].width
    assert isinstance(sheet["D2"].value, int)  # counts stay numbers
    about = [[c.value for c in row] for row in wb["Câu hỏi"].iter_rows()]
    flat = [v for row in about for v in row if v is not None]
    assert "Ở mỗi tỉnh, cơ quan nào chủ trì nhiều nhiệm vụ nhất?" in flat
    assert ["top", "2"] == [str(v) for v in about[next(i for i, r in enumerate(about)
                                                      if r[0] == "top")][:2]]
    assert "--as-of" in flat and "2026-01-01" in flat


def test_json_and_html_files_by_extension(corpus_db, tmp_path):  # noqa: F811
    data = tmp_path / "r.json"
    assert cli(corpus_db, "query", "can_cu_chung", "-o", str(data)).exit_code == 0
    loaded = json.loads(data.read_text(encoding="utf-8"))
    assert loaded["query"] == "can_cu_chung" and loaded["rows"][0]["act_id"]
    page = tmp_path / "r.html"
    result = cli(corpus_db, "query", "can_cu_chung", "-p", "so_tinh=3", "-o", str(page))
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    title = html.split("<title>")[1].split("</title>")[0]
    assert "Văn bản pháp lý nào" in title and "so_tinh=3" in title


def test_an_unknown_extension_is_one_line(corpus_db, tmp_path):  # noqa: F811
    result = cli(corpus_db, "query", "can_cu_chung", "-o", str(tmp_path / "r.pdf"))
    assert result.exit_code != 0 and ".xlsx" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "r.pdf").exists()


def test_html_writes_the_page_says_where_and_prints_the_table_only_when_asked(
        corpus_db, tmp_path):  # noqa: F811
    page = tmp_path / "g.html"
    quiet = cli(corpus_db, "query", "can_cu_chung", "--html", str(page))
    assert quiet.exit_code == 0, quiet.output
    assert page.exists() and str(page) in quiet.stderr
    assert quiet.stdout == ""
    asked = cli(corpus_db, "query", "can_cu_chung", "--html", str(page), "--format", "table")
    assert "Văn bản" in asked.stdout and "15 dòng / rows" in asked.stdout


def test_collectives_are_marked_in_what_people_read(store):
    out = run(store, "chu_tri_nhieu_nhat", {"tinh": "tien giang", "tap_the": "co"})
    _, rows = output.human_table(out)
    assert any("Các cơ quan liên quan (tập thể)" in r for r in rows)
    assert "Các cơ quan liên quan" in {r["agency_type"] for r in out.records()}


def test_export_never_makes_a_folder_named_like_a_csv_file(corpus_db, tmp_path):  # noqa: F811
    for args in (["-o", str(tmp_path / "g.csv")],
                 ["--format", "csv", "-o", str(tmp_path / "g.csv")]):
        result = cli(corpus_db, "export", *args)
        assert result.exit_code != 0 and "folder" in result.output
        assert not (tmp_path / "g.csv").exists()
    result = cli(corpus_db, "export", "--format", "csv", "-o", str(tmp_path / "g"))
    assert result.exit_code == 0 and (tmp_path / "g" / "nodes_Plan.csv").is_file()
    result = cli(corpus_db, "export", "-o", str(tmp_path / "g.graphml"))  # format by extension
    assert result.exit_code == 0 and "GraphML" in result.output
    assert "<graphml" in (tmp_path / "g.graphml").read_text(encoding="utf-8")[:500]


def test_downloads_are_the_same_files(store):
    from io import BytesIO

    from openpyxl import load_workbook

    out = run(store, "chu_tri_nhieu_nhat", {})
    assert output.csv_bytes(out).startswith(b"\xef\xbb\xbf")
    assert load_workbook(BytesIO(output.xlsx_bytes(out))).sheetnames == ["Kết quả", "Câu hỏi"]


@pytest.mark.parametrize("width", [80, 120])
def test_a_cut_search_excerpt_keeps_the_matched_words_in_view(store, width):
    out = run(store, "tim_nhiem_vu", {"tu_khoa": "tiền chất"})
    assert out.rows
    text = output.table(out, width)
    shown = [line for line in text.splitlines()]
    # each found task shows «tiền chất» (perhaps wrapped between lines) in its excerpt cell
    assert "".join(shown).replace(" ", "").count("«tiền") >= len(out.rows)


def test_the_workbook_holds_the_csv_cells_with_long_text_wrapped(store):
    import csv
    from io import BytesIO, StringIO

    from openpyxl import load_workbook

    out = run(store, "tim_nhiem_vu", {"tu_khoa": "ma tuy"})
    sheet = load_workbook(BytesIO(output.xlsx_bytes(out)))["Kết quả"]
    cells = [["" if c.value is None else str(c.value) for c in row] for row in sheet.iter_rows()]
    written = list(csv.reader(StringIO(output.csv_bytes(out).decode("utf-8-sig"))))
    assert len(cells) == len(out.rows) + 1 > 100
    assert cells == [r + [""] * (len(cells[0]) - len(r)) for r in written[:len(cells)]]
    assert all(c.font.b for c in sheet[1]) and not sheet["A2"].font.b
    text = cells[0].index("Nhiệm vụ")
    assert sheet.cell(2, text + 1).alignment.wrap_text  # long text wraps
    assert not sheet["A2"].alignment.wrap_text
    assert sheet.column_dimensions["A"].width < sheet.column_dimensions[
        sheet.cell(1, text + 1).column_letter].width <= 62
