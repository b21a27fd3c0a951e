"""A lean XLSX writer: sheets of text and numbers, a bold frozen header row, column widths,
wrapped columns. What the answers' downloads need and nothing more, written as the XML of the
Office Open XML spreadsheet format straight into the zip: openpyxl builds an object per cell
and took ~20 s for a national answer of 7,600 rows × 11 columns; this takes well under 1 s.

    write([Sheet("Kết quả", rows, widths, header=True, wrap=[False, True])], "ket-qua.xlsx")

Text is written as inline strings (no shared-string table), XML-escaped; characters XML 1.0
forbids are dropped. Neutralising formulas is the caller's job (queries/output.py's
`sanitize_cell`): a cell here is never a formula, only text or a number.
"""

from __future__ import annotations

import math
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any
from xml.sax.saxutils import escape

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
# cell styles (cellXfs): 0 plain, 1 bold (header), 2 wrapped and top-aligned
_STYLES = (_HEAD + f'<styleSheet xmlns="{_MAIN}">'
           '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
           '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
           '<fills count="2"><fill><patternFill patternType="none"/></fill>'
           '<fill><patternFill patternType="gray125"/></fill></fills>'
           '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border>'
           '</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" '
           'borderId="0"/></cellStyleXfs><cellXfs count="3">'
           '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
           '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
           '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1">'
           '<alignment wrapText="1" vertical="top"/></xf></cellXfs>'
           '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>'
           '</cellStyles></styleSheet>')
BOLD, WRAP = 1, 2


@dataclass
class Sheet:
    name: str  # at most 31 characters, none of []:*?/\
    rows: Sequence[Sequence[Any]]  # str, int, float or None (an empty cell)
    widths: Sequence[float] = ()  # column widths in characters
    header: bool = False  # the first row bold and frozen
    wrap: Sequence[bool] = field(default_factory=tuple)  # columns whose text wraps


def column_letter(i: int) -> str:
    """0 -> "A", 25 -> "Z", 26 -> "AA"."""
    letters = ""
    i += 1
    while i:
        i, rest = divmod(i - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _sheet_xml(sheet: Sheet) -> str:
    width = max([len(sheet.widths), *(len(r) for r in sheet.rows)], default=0)
    letters = [column_letter(i) for i in range(width)]
    wrap = [bool(w) for w in sheet.wrap] + [False] * (width - len(sheet.wrap))
    parts = [_HEAD, f'<worksheet xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}">']
    if sheet.header:
        parts.append('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" '
                     'topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
                     '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
                     '</sheetView></sheetViews>')
    if sheet.widths:
        parts.append("<cols>" + "".join(
            f'<col min="{i}" max="{i}" width="{w:g}" customWidth="1"/>'
            for i, w in enumerate(sheet.widths, start=1)) + "</cols>")
    parts.append("<sheetData>")
    for n, row in enumerate(sheet.rows, start=1):
        cells = []
        head = sheet.header and n == 1
        for i, value in enumerate(row):
            if value is None or value == "":
                continue
            ref = f"{letters[i]}{n}"
            style = f' s="{BOLD}"' if head else f' s="{WRAP}"' if wrap[i] else ""
            if isinstance(value, bool):
                value = "có" if value else "không"
            if isinstance(value, int | float) and math.isfinite(value):
                cells.append(f'<c r="{ref}"{style}><v>{value!r}</v></c>')
            else:
                cells.append(f'<c r="{ref}"{style} t="inlineStr"><is><t xml:space="preserve">'
                             f'{_text(str(value))}</t></is></c>')
        parts.append(f'<row r="{n}">{"".join(cells)}</row>')
    parts.append("</sheetData></worksheet>")
    return "".join(parts)


def write(sheets: Sequence[Sheet], path: str | Path | IO[bytes]) -> None:
    """The workbook of `sheets`, in this order, to a path or a binary stream."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        for i in range(1, len(sheets) + 1))
    types = (_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
             'content-types"><Default Extension="rels" ContentType="application/'
             'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
             'ContentType="application/xml"/><Override PartName="/xl/workbook.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
             'sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/'
             'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
             f'{overrides}</Types>')
    root_rels = (_HEAD + f'<Relationships xmlns="{_PKG_RELS}"><Relationship Id="rId1" '
                 f'Type="{_DOC_RELS}/officeDocument" Target="xl/workbook.xml"/>'
                 '</Relationships>')
    workbook = (_HEAD + f'<workbook xmlns="{_MAIN}" xmlns:r="{_DOC_RELS}"><sheets>' + "".join(
        f'<sheet name="{escape(s.name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        for i, s in enumerate(sheets, start=1)) + "</sheets></workbook>")
    rels = (_HEAD + f'<Relationships xmlns="{_PKG_RELS}">' + "".join(
        f'<Relationship Id="rId{i}" Type="{_DOC_RELS}/worksheet" '
        f'Target="worksheets/sheet{i}.xml"/>' for i in range(1, len(sheets) + 1))
        + f'<Relationship Id="rId{len(sheets) + 1}" Type="{_DOC_RELS}/styles" '
        'Target="styles.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", root_rels)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", rels)
        z.writestr("xl/styles.xml", _STYLES)
        for i, sheet in enumerate(sheets, start=1):
            z.writestr(f"xl/worksheets/sheet{i}.xml", _sheet_xml(sheet))
