"""Results to take away: one query run (`runner.QueryOutput`) as a terminal table, CSV, XLSX,
JSON or an HTML page, each stating the question and the parameters it was run with (including
--as-of). Reused by the CLI and the web app:

    text = table(out, width=100)           # fits 100 columns; wide=True keeps every character
    path = write(out, "ket-qua.xlsx")      # by extension: .csv .xlsx .json .html
    write_csv(out, stream); write_xlsx(out, path_or_binary_stream); json_data(out); html_page(out)
    csv_bytes(out); xlsx_bytes(out)        # for downloads

What a person reads (table, CSV, XLSX, HTML) shows Vietnamese words, not codes ("Quý II", not
"Q2"; "có", not true), leaves internal ids out and marks collective assignees; JSON keeps ids
and codes. Every cell that leaves the program goes through `sanitize_cell` (one place to
neutralise what a spreadsheet or a terminal would interpret).
"""

from __future__ import annotations

import csv
import io
import json
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from plangraph.graph.search import MARKS
from plangraph.ontology.loader import collective_types
from plangraph.queries.words import period_words

if TYPE_CHECKING:
    from plangraph.queries.runner import QueryOutput

FORMATS = (".csv", ".xlsx", ".json", ".html")
COLLECTIVE = "tập thể"  # the mark after a collective assignee ("Các cơ quan liên quan (tập thể)")
MAX_LINES = 3  # lines of one wrapped table cell; more is cut with "…"


def sanitize_cell(text: str, target: str) -> str:
    """The text of one cell as written to `target` ("terminal", "csv", "xlsx", "html").
    Every writer calls it; this is where formula injection and control characters are made
    harmless: escape sequences and control characters (a terminal would obey them, openpyxl
    refuses them) and bidirectional overrides (they disguise text) are removed everywhere; in
    CSV and XLSX a cell a spreadsheet would read as a formula (=, +, -, @, tab or CR first) gets
    a leading apostrophe, unless it is a plain number — also when spaces come first, since
    spreadsheets skip them. Also used for the CSV tables of `plangraph export`."""
    if _CONTROL.search(text):  # (an escape sequence starts with one)
        text = _CONTROL.sub("", _ESCAPE.sub("", text))
    if target in ("csv", "xlsx"):
        head = text.lstrip(" \t\r\n\u00a0\u3000")
        if (text.startswith(_FORMULA) or head.startswith(_FORMULA)) and not _NUMBER.fullmatch(head):
            text = "'" + text
    return text


_ESCAPE = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|[@-_])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_FORMULA = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_NUMBER = re.compile(r"[+-]?\d+([.,]\d+)?")


# --- what a person reads ------------------------------------------------------------------

def cell(out: QueryOutput, column: str, value: Any) -> str:
    """One value in words: periods spelt out, yes/no, lists joined, collectives marked."""
    return _in_words(out.query.kind(column), collective_types())(value)


def _in_words(kind: str | None, collectives: frozenset[str]) -> Callable[[Any], str]:
    """`cell` for one column (its kind looked up once, not per row)."""
    def words(value: Any) -> str:
        if value.__class__ is str and kind is None:
            return value
        if value is None:
            return ""
        if isinstance(value, bool):
            return "có" if value else "không"
        if isinstance(value, list):
            return "; ".join(words(v) for v in value)
        if kind == "period":
            return period_words(str(value))
        if kind == "agency_type" and value in collectives:
            return f"{value} ({COLLECTIVE})"
        return str(value)
    return words


def shown_columns(out: QueryOutput) -> list[int]:
    """Indexes of the columns a person sees: node ids left out (JSON keeps them)."""
    return [i for i, c in enumerate(out.columns) if out.query.kind(c) != "id"]


def human_table(out: QueryOutput) -> tuple[list[str], list[list[str]]]:
    """(Vietnamese labels, rows of words) of the columns a person sees."""
    shown = shown_columns(out)
    collectives = collective_types()
    words = [(i, _in_words(out.query.kind(out.columns[i]), collectives)) for i in shown]
    return ([out.labels[i] for i in shown],
            [[f(row[i]) for i, f in words] for row in out.ready()])


def parameters(out: QueryOutput) -> list[tuple[str, str, str]]:
    """(name, value as run, description) of every parameter, then --as-of when given. A name
    the analyst typed loosely is shown as found ("tinh=Tuyên Quang"); what stands for a list
    (a period, a programme) as typed."""
    rows = []
    for p in out.query.params:
        typed = out.given.get(p.name)
        typed = typed if typed not in (None, "") else (p.default or "")
        bound = out.params.get(p.name)
        value = bound if typed != "" and isinstance(bound, str | int) and bound != "" else typed
        rows.append((p.name, str(value) if value != "" else "(tất cả / all)", p.description))
    if out.as_of:
        rows.append(("--as-of", out.as_of, "tỉnh, cơ quan theo đơn vị kế nhiệm tại ngày này / "
                     "provinces and agencies as their successors on that date"))
    return rows


def parameters_line(out: QueryOutput) -> str:
    shown = [f"{n} {v}" if n.startswith("--") else f"{n}={v}" for n, v, _ in parameters(out)]
    return "Tham số / parameters: " + ("; ".join(shown) if shown else "không có / none")


def context_lines(out: QueryOutput) -> list[str]:
    """The question and how it was asked: every output states them."""
    q = out.query
    return [f"Câu hỏi / question ({q.name}): {q.question}", parameters_line(out)]


# --- the terminal table -------------------------------------------------------------------

def table(out: QueryOutput, width: int | None = 100, *, wide: bool = False) -> str:
    """The table for a terminal `width` columns wide: long columns wrapped (at most
    `MAX_LINES` lines a cell, then "…"); `wide` keeps every cell whole on one line. The
    question heads it; the parameters, notes and row count close it."""
    labels, rows = human_table(out)
    cells = [[sanitize_cell(" ".join(c.split()), "terminal") for c in r] for r in rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(labels)]
    if not wide and width:
        words = [max([0, *(len(w) for r in [labels, *cells] for w in r[i].split())])
                 for i in range(len(labels))]
        widths = _fit(widths, labels, words, width)
    fold = (lambda text: textwrap.wrap(text, width) or [""]) if width and not wide else \
        (lambda text: [text])
    lines = [*fold(out.query.question), ""]
    lines += _lines([_wrap(h, w, None) for h, w in zip(labels, widths, strict=True)], widths)
    lines.append("  ".join("-" * w for w in widths))
    for r in cells:
        lines += _lines([_wrap(c, w) if not wide else [c] for c, w in
                         zip(r, widths, strict=True)], widths)
    lines.append("")
    for text in [*out.notes, parameters_line(out), f"{len(out.rows)} dòng / rows"]:
        lines += fold(sanitize_cell(text, "terminal"))
    return "\n".join(lines)


def _fit(widths: list[int], labels: list[str], words: list[int], width: int) -> list[int]:
    """Column widths that fit `width`: every column keeps a floor (its label's length up to 12,
    its longest word up to 14 — "1452/QĐ-TTg" stays whole —, at least 6, or less when its
    content is shorter; equal shares on a narrow terminal) and shares the rest in proportion to
    its content (counted up to 60 characters), so long texts get most of the room."""
    room = width - 2 * (len(widths) - 1)
    if sum(widths) <= room:
        return list(widths)
    floors = [min(w, max(6, min(len(h), 12), min(longest, 14)))
              for w, h, longest in zip(widths, labels, words, strict=True)]
    if sum(floors) > room:  # many columns: only the longest words stay whole
        floors = [min(w, max(4, min(longest, 12))) for w, longest in zip(widths, words,
                                                                          strict=True)]
    if sum(floors) > room:  # a narrow terminal: equal floors
        floors = [min(w, max(3, room // len(widths))) for w in widths]
    wants = [max(min(w, 60), f) for w, f in zip(widths, floors, strict=True)]
    spare = room - sum(floors)
    extra = sum(w - f for w, f in zip(wants, floors, strict=True))
    if spare <= 0 or extra <= 0:
        return floors  # cannot fit: the terminal wraps what is left
    share = min(1.0, spare / extra)
    return [f + int((w - f) * share) for w, f in zip(wants, floors, strict=True)]


def _wrap(text: str, width: int, max_lines: int | None = MAX_LINES) -> list[str]:
    if len(text) <= width:
        return [text]
    def wrapped(text: str) -> list[str]:
        return textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=False) or [""]

    lines = wrapped(text)
    if max_lines and len(lines) > max_lines and MARKS[1] in text \
            and MARKS[1] not in "".join(lines[:max_lines]):
        # a cut cell keeps the matched words of a search in view: start at the first one
        lines = wrapped("…" + text[text.rfind(" ", 0, text.find(MARKS[0])) + 1:])
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1] + "…"
    return lines


def _lines(wrapped: list[list[str]], widths: list[int]) -> list[str]:
    height = max(len(c) for c in wrapped)
    return ["  ".join((c[k] if k < len(c) else "").ljust(w)
                      for c, w in zip(wrapped, widths, strict=True)).rstrip()
            for k in range(height)]


# --- files --------------------------------------------------------------------------------

def write(out: QueryOutput, path: str | Path) -> Path:
    """Write the result to `path` in the format its extension names (FORMATS); folders are
    created. ValueError for another extension, OSError when the file cannot be written."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(f"{path.name}: đuôi tệp không hỗ trợ / unsupported file type "
                         f"(dùng / use {', '.join(FORMATS)})")
    path.parent.mkdir(parents=True, exist_ok=True)
    if suffix == ".xlsx":
        write_xlsx(out, path)
    elif suffix == ".csv":
        with path.open("w", encoding="utf-8-sig", newline="") as f:  # BOM: Excel reads UTF-8
            write_csv(out, f)
    elif suffix == ".json":
        path.write_text(json_text(out), encoding="utf-8")
    else:
        write_html(out, path)
    return path


def write_html(out: QueryOutput, path: str | Path) -> Path:
    """The interactive graph page at `path` (folders created), whatever its extension."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html_page(out), encoding="utf-8")
    return path


def write_csv(out: QueryOutput, stream: IO[str]) -> None:
    """The table (labels, words, no ids), then an empty row and the question, parameters and
    notes, one per row."""
    writer = csv.writer(stream)
    labels, rows = human_table(out)
    writer.writerow([sanitize_cell(x, "csv") for x in labels])
    writer.writerows([sanitize_cell(x, "csv") for x in r] for r in rows)
    writer.writerow([])
    for line in [*context_lines(out), *out.notes]:
        writer.writerow([sanitize_cell(line, "csv")])


def csv_bytes(out: QueryOutput) -> bytes:
    """The CSV file's bytes (UTF-8 with BOM), e.g. for a download."""
    buffer = io.StringIO()
    write_csv(out, buffer)
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(out: QueryOutput) -> bytes:
    """The workbook's bytes, e.g. for a download."""
    buffer = io.BytesIO()
    write_xlsx(out, buffer)
    return buffer.getvalue()


def write_xlsx(out: QueryOutput, path: str | Path | IO[bytes]) -> None:
    """A workbook: sheet "Kết quả" (header row frozen, column widths to the content, long
    text wrapped), sheet "Câu hỏi" (the question, parameters, --as-of and notes). Written by
    queries/xlsx.py (a national answer of 10,000 rows in a second)."""
    from plangraph.queries.xlsx import Sheet, write

    labels, rows = human_table(out)
    kinds = [out.query.kind(out.columns[i]) for i in shown_columns(out)]
    longest = [max([len(label), *(len(r[i]) for r in rows)]) for i, label in enumerate(labels)]
    table = [[sanitize_cell(x, "xlsx") for x in labels],
             *([_xlsx_value(kind, v) for kind, v in zip(kinds, r, strict=True)] for r in rows)]
    q = out.query

    def clean(text: str) -> str:
        return sanitize_cell(text, "xlsx")

    about: list[list[Any]] = [  # (the labels and parameter names are the program's own)
        ["Câu hỏi / question", clean(q.question)],
        ["Question (English)", clean(q.question_en)], ["Truy vấn / query", q.name], [],
        ["Tham số / parameter", "Giá trị / value", "Mô tả / description"],
        *([name, clean(value), clean(description)]
          for name, value, description in parameters(out)),
        [], ["Số dòng / rows", len(out.rows)],
        *(["Ghi chú / note", clean(note)] for note in out.notes)]
    write([Sheet("Kết quả", table, [min(max(n, 6), 60) + 2 for n in longest], header=True,
                 wrap=[n > 60 for n in longest]),
           Sheet("Câu hỏi", about, [22, 80, 60])], path)


def _xlsx_value(kind: str | None, text: str) -> Any:
    """Numbers stay numbers in the spreadsheet (sortable); the rest is text."""
    if kind is None and text.lstrip("-").isdigit() and len(text) < 16:
        return int(text)
    return sanitize_cell(text, "xlsx")


def json_data(out: QueryOutput) -> dict[str, Any]:
    """Everything, with ids and codes: for programs."""
    return {"query": out.query.name, "question": out.query.question,
            "question_en": out.query.question_en, "params": out.params, "given": out.given,
            "as_of": out.as_of,
            "columns": [{"key": c, "label": label}
                        for c, label in zip(out.columns, out.labels, strict=True)],
            "rows": out.records(), "notes": out.notes}


def json_text(out: QueryOutput) -> str:
    return json.dumps(json_data(out), ensure_ascii=False, indent=1, default=str) + "\n"


def html_page(out: QueryOutput) -> str:
    """The interactive graph page; its title and header state the question and parameters."""
    from plangraph.graph.render import graph_of, render_html

    shown = "; ".join(f"{n} {v}" if n.startswith("--") else f"{n}={v}"
                      for n, v, _ in parameters(out))
    return render_html(graph_of(out), title=out.query.question + (f" — {shown}" if shown else ""),
                       notes=[parameters_line(out), *out.notes])
