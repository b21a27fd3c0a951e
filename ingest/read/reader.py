"""Reading a plan document from disk into NFC text lines.

Formats: .txt/.md (UTF-8 with or without BOM, UTF-16, Windows-1258, and text typed with the
legacy TCVN3/VNI fonts), .docx (paragraphs and tables in document order, list numbering,
legacy-font runs converted) and .pdf with a text layer. Anything else raises DocumentError
with a one-line reason.

`RawDocument.encoding` names what the characters were: a codec ("utf-8", "utf-8-sig",
"utf-16", "cp1258"), "unicode" for .docx/.pdf, or "TCVN3"/"VNI" when a legacy font encoding
was converted (then a warning says so).
"""

from __future__ import annotations

import codecs
import logging
import re
import tempfile
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from plangraph.ingest.errors import DocumentError
from plangraph.ingest.read import limits
from plangraph.ingest.read.html import declared_charset, html_to_text
from plangraph.ingest.read.numbering import format_number
from plangraph.ingest.read.office import CONVERTED_BY_OFFICE, convert_to_docx, sniff
from plangraph.ingest.text.legacy_encodings import (
    TCVN3,
    VNI,
    decode_tcvn3,
    decode_vni,
    detect_legacy,
    looks_unicode_vietnamese,
)


@dataclass
class RawDocument:
    file: str  # base name, used in every Source
    path: str
    text: str  # NFC, otherwise as written
    lines: list[str]  # text.split("\n"); line i (1-based) is lines[i-1]
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SUPPORTED = (*TEXT_SUFFIXES, *HTML_SUFFIXES, ".docx", *CONVERTED_BY_OFFICE, ".pdf")

_UNSUPPORTED_HINTS = {
    ".xls": "bảng tính không được hỗ trợ / spreadsheets are not supported",
    ".xlsx": "bảng tính không được hỗ trợ / spreadsheets are not supported",
}


def read_document(path: str | Path, *, ocr: bool = True, progress: bool = False) -> RawDocument:
    """Read a document; `ocr=False` refuses scanned PDFs instead of reading them by OCR, and
    `progress` draws a bar on a terminal while a slow file (OCR) is read."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED:
        hint = _UNSUPPORTED_HINTS.get(suffix, "chỉ đọc " + ", ".join(SUPPORTED))
        raise DocumentError(
            f"{p.name}: định dạng không hỗ trợ / unsupported format '{suffix or p.name}' ({hint})"
        )
    if not p.is_file():
        if p.is_symlink():
            raise DocumentError(f"{p.name}: liên kết hỏng hoặc vòng lặp / broken or looping "
                                "symbolic link")
        raise DocumentError(f"{p.name}: không tìm thấy tệp / file not found")
    try:
        _check_size(p, suffix)
        if suffix == ".docx":
            text, encoding, warnings = _read_docx(p)
        elif suffix in CONVERTED_BY_OFFICE:
            text, encoding, warnings = _read_office(p)
        elif suffix == ".pdf":
            text, encoding, warnings = _read_pdf(p, ocr=ocr, progress=progress)
        elif suffix in HTML_SUFFIXES:
            text, encoding, warnings = _read_html(p.read_bytes(), p.name)
        else:
            text, encoding, warnings = _decode_bytes(p.read_bytes(), p.name)
    except OSError as exc:
        raise DocumentError(f"{p.name}: không đọc được / cannot read: {exc.strerror}") from exc
    _check_shape(text, p.name)
    text, repaired = _repair_double_utf8(text)
    if repaired:
        warnings.append(f"đã sửa {repaired} dòng UTF-8 mã hóa hai lần / double UTF-8 repaired")
    if suffix in TEXT_SUFFIXES:
        _reject_binary(text, p.name)
    if _LEGACY.isdisjoint(encoding.split("+")):
        text, legacy = _convert_legacy(text)
        if legacy:
            encoding = legacy
            warnings.append(_converted_warning(legacy))
    text = _clean(text)
    if not text.strip() and encoding == "ocr":
        raise DocumentError(
            f"{p.name}: PDF bản quét nhưng OCR không đọc được chữ nào / "
            "scanned PDF in which OCR found no text"
        )
    if not text.strip():
        raise DocumentError(f"{p.name}: văn bản rỗng / empty document")
    return RawDocument(
        file=p.name,
        path=str(path),
        text=text,
        lines=text.split("\n"),
        encoding=encoding,
        warnings=warnings,
    )


_LEGACY = {TCVN3, VNI}


# ---------------------------------------------------------------- limits (limits.py)


def _check_size(p: Path, suffix: str) -> None:
    size, limit = p.stat().st_size, limits.size_limit(suffix)
    if size > limit:
        raise DocumentError(f"{p.name}: tệp quá lớn / file too large: {limits.mb(size)} "
                            f"(tối đa / max {limits.mb(limit)} cho / for {suffix})")


def _check_shape(text: str, name: str) -> None:
    """Refuse text past the limits before any per-line work."""
    if len(text) > limits.MAX_TEXT_CHARS:
        raise DocumentError(f"{name}: văn bản quá dài / text too long: {len(text):,} ký tự / "
                            f"characters (tối đa / max {limits.MAX_TEXT_CHARS:,})")
    lines = text.splitlines()  # at every break _clean makes a "\n" …
    if not text or text[-1] in _BREAK_CHARS:
        lines.append("")  # … and the empty line after a last one
    if len(lines) > limits.MAX_LINES:
        raise DocumentError(f"{name}: quá nhiều dòng / too many lines: {len(lines):,} "
                            f"(tối đa / max {limits.MAX_LINES:,})")
    if len(text) > limits.MAX_LINE_CHARS:
        for number, line in enumerate(lines, 1):
            if len(line) > limits.MAX_LINE_CHARS:
                raise DocumentError(
                    f"{name}: dòng quá dài / line too long: dòng / line {number} có / has "
                    f"{len(line):,} ký tự / characters (tối đa / max {limits.MAX_LINE_CHARS:,})")


def _converted_warning(encoding: str) -> str:
    return f"đã chuyển mã {encoding} → Unicode / converted from {encoding}"


# ---------------------------------------------------------------- characters, lines

# Line breaks: "\r\n" and these, where str.splitlines breaks too
_BREAK_CHARS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_ODD_BREAKS = re.compile("[" + _BREAK_CHARS[1:] + "]")  # one set: the engine skips ahead to it
_SPACE_LIKE = ("\u00a0", "\u202f", "\u2007")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _clean(text: str) -> str:
    """NFC, one kind of line break, odd spaces to spaces, invisible characters removed."""
    text = _ODD_BREAKS.sub("\n", text.replace("\r\n", "\n"))
    for odd in _SPACE_LIKE:  # str.translate looks every character up in a dict: slower
        if odd in text:
            text = text.replace(odd, " ")
    return unicodedata.normalize("NFC", _INVISIBLE.sub("", text))


def _convert_legacy(text: str) -> tuple[str, str | None]:
    """Convert the lines of TCVN3/VNI text; lines Unicode letters mark as Unicode stay."""
    legacy = detect_legacy(text)
    if legacy is None:
        return text, None
    decode = decode_tcvn3 if legacy == TCVN3 else decode_vni
    lines = [ln if looks_unicode_vietnamese(ln) else decode(ln) for ln in text.split("\n")]
    return "\n".join(lines), legacy


# UTF-8 read as Windows-1252 and saved again: "Káº¾ hoáº¡ch" for "Kế hoạch".
_CP1252_BYTE = {bytes([i]).decode("latin-1"): i for i in range(256)}
_CP1252_BYTE.update(
    {
        bytes([i]).decode("cp1252"): i
        for i in range(128, 256)
        if i not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
    }
)


def _repair_double_utf8(text: str) -> tuple[str, int]:
    """Undo double UTF-8 line by line; a line is changed only if its bytes are valid UTF-8."""
    lines = text.split("\n")
    repaired = 0
    for i, line in enumerate(lines):
        if line.isascii() or not all(c in _CP1252_BYTE for c in line):
            continue
        try:
            fixed = bytes(_CP1252_BYTE[c] for c in line).decode("utf-8")
        except UnicodeDecodeError:
            continue
        lines[i] = fixed
        repaired += 1
    return "\n".join(lines), repaired


# ---------------------------------------------------------------- plain text files

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _decode_bytes(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """Bytes of a text file -> (text, encoding, warnings)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec, []
            except UnicodeDecodeError as exc:
                raise DocumentError(f"{name}: {codec} hỏng / broken {codec}: {exc.reason}") from exc
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16, []
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    return _decode_lines(data, name)


def _decode_lines(data: bytes, name: str) -> tuple[str, str, list[str]]:
    """A file that is not all UTF-8, line by line: lines valid as UTF-8 are UTF-8, lines whose
    bytes mostly form UTF-8 sequences are damaged UTF-8, the others 8-bit text (Windows-1258 or
    a legacy font). A file joined from two sources holds both; too much damage is refused."""
    lines = data.split(b"\n")
    kinds: list[str] = []
    good = bad = 0
    first_damaged = 0
    for number, line in enumerate(lines, 1):
        if line.isascii():
            kinds.append("ascii")
            continue
        lenient = line.decode("utf-8", errors="replace")
        wrong = lenient.count("\ufffd")
        right = sum(1 for c in lenient if ord(c) > 0x7F) - wrong
        if not wrong:
            kinds.append("utf-8")
        elif right >= wrong:
            kinds.append("damaged")
            first_damaged = first_damaged or number
        else:
            kinds.append("8-bit")
            continue
        good, bad = good + right, bad + wrong
    if "utf-8" not in kinds and "damaged" not in kinds:
        return _decode_8bit(data)
    if good < 10 * bad:  # a few damaged bytes are replaced, more make the text unreliable
        raise DocumentError(
            f"{name}: UTF-8 hỏng / damaged UTF-8: {bad} byte lỗi trên / bad bytes on "
            f"{kinds.count('damaged')} dòng / lines (dòng đầu / first: {first_damaged}); "
            "hãy lấy lại tệp gốc / get the original file again")
    warnings = [f"{bad} byte UTF-8 hỏng đã thay bằng � / {bad} bad UTF-8 bytes"] if bad else []
    if "8-bit" not in kinds:
        return data.decode("utf-8", errors="replace"), "utf-8", warnings
    eight_bit = [i for i, k in enumerate(kinds) if k == "8-bit"]
    text, encoding, _ = _decode_8bit(b"\n".join(lines[i] for i in eight_bit))
    out = [ln.decode("utf-8", errors="replace") for ln in lines]
    for i, decoded in zip(eight_bit, text.split("\n"), strict=True):
        out[i] = decoded
    warnings.append(f"tệp trộn mã: {len(eight_bit)} dòng {encoding}, còn lại UTF-8 / mixed "
                    f"encodings: {len(eight_bit)} lines {encoding}, the rest UTF-8")
    return "\n".join(out), f"utf-8+{encoding}", warnings


def _decode_8bit(data: bytes) -> tuple[str, str, list[str]]:
    # 8-bit: legacy fonts store their codes as Windows-1252 characters; else Windows-1258.
    converted, legacy = _convert_legacy(data.decode("cp1252", errors="replace"))
    if legacy:
        return converted, legacy, [_converted_warning(legacy)]
    return unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")), "cp1258", []


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0) / (len(data) // 2)
    odd_nuls = data[1::2].count(0) / (len(data) // 2)
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return None


# replacement characters and control characters (Unicode category Cc) other than white space
_JUNK = re.compile(r"[\ufffd\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _reject_binary(text: str, name: str) -> None:
    junk = len(_JUNK.findall(text))
    if "\x00" in text or junk > 0.01 * len(text):
        raise DocumentError(f"{name}: không phải văn bản (tệp nhị phân?) / not a text file")


# ---------------------------------------------------------------- PDF


def _read_pdf(p: Path, *, ocr: bool, progress: bool) -> tuple[str, str, list[str]]:
    from pypdf import PdfReader

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)  # its warnings about damage would print stray lines
    try:
        reader = PdfReader(str(p))
        if reader.is_encrypted:
            reader.decrypt("")
        if len(reader.pages) > limits.MAX_PDF_PAGES:
            raise DocumentError(f"{p.name}: PDF quá nhiều trang / too many pages: "
                                f"{len(reader.pages)} (tối đa / max {limits.MAX_PDF_PAGES})")
        pages = _pages_text(reader.pages)
    except DocumentError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on damaged or locked files
        raise DocumentError(
            f"{p.name}: PDF hỏng hoặc bị khóa / damaged or locked PDF: {_one_line(exc)}"
        ) from exc
    finally:
        pypdf_log.setLevel(level)
    text = "\n".join(pages)
    if text.strip():
        return text, "unicode", []
    if not ocr:
        raise DocumentError(
            f"{p.name}: PDF không có lớp văn bản (bản quét?) và OCR đang tắt / "
            "scanned PDF with no text layer, and OCR is turned off"
        )
    from plangraph.ingest.read.ocr import ocr_pdf

    text = ocr_pdf(p, len(pages), progress=progress)
    warning = f"đã nhận dạng chữ (OCR) {len(pages)} trang / read by OCR, {len(pages)} pages"
    return text, "ocr", [warning]


def _pages_text(pages) -> list[str]:
    """The pages' text; a document with a table in its layout reading is read in that layout.

    pypdf's plain reading prints a table cell by cell, losing which agency leads which task;
    its layout reading keeps the columns at their offsets, as `pdftotext -layout` does, which
    the task extractor reads (ingest/document/layout_tables.py). A table runs on over pages
    without its header, so the whole document takes the layout reading; one without a table
    is read plainly (the layout reading pads justified lines with spaces).
    """
    # the table reader is the document layer's; imported here only to choose the reading
    from plangraph.ingest.document.layout_tables import find_layout_tables

    plain = [page.extract_text() or "" for page in pages]
    try:
        laid_out = [page.extract_text(extraction_mode="layout") or "" for page in pages]
    except Exception:  # the layout reading fails on some fonts: the plain reading stands
        return plain
    laid_out = ["\n".join(line.rstrip() for line in text.split("\n")) for text in laid_out]
    lines = "\n".join(laid_out).split("\n")
    return laid_out if find_layout_tables(lines) else plain


# ---------------------------------------------------------------- HTML, old office formats


def _read_html(data: bytes, name: str) -> tuple[str, str, list[str]]:
    charset = declared_charset(data)
    if charset and not any(data.startswith(bom) for bom, _ in _BOMS):
        try:
            markup, encoding = data.decode(charset, errors="replace"), charset
        except LookupError:  # a charset Python does not know: guess as for text files
            markup, encoding, _ = _decode_bytes(data, name)
    else:
        markup, encoding, _ = _decode_bytes(data, name)
    from lxml import etree

    try:
        return html_to_text(markup), encoding, []
    except (etree.Error, ValueError) as exc:  # lxml: "Document is empty", parser errors
        raise DocumentError(f"{name}: tệp HTML rỗng hoặc hỏng / empty or damaged HTML: "
                            f"{_one_line(exc)}") from exc


def _read_office(p: Path) -> tuple[str, str, list[str]]:
    with open(p, "rb") as fh:
        head = fh.read(4096)
    kind = sniff(head)
    if kind == "docx":
        return _read_docx(p)
    if kind == "html":
        return _read_html(p.read_bytes(), p.name)
    if kind is None:
        raise DocumentError(
            f"{p.name}: không phải tệp {p.suffix} (Word, RTF, ODT) / not a {p.suffix} file"
        )
    with tempfile.TemporaryDirectory(prefix="plangraph-doc-") as tmp:
        converted = convert_to_docx(p, kind, Path(tmp))
        try:
            text, encoding, warnings = _read_docx(converted)
        except DocumentError as exc:
            raise DocumentError(str(exc).replace(converted.name, p.name, 1)) from exc
    return text, encoding, warnings


# ---------------------------------------------------------------- DOCX

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_P, _TBL, _TR, _TC, _R, _SDT, _SDT_CONTENT = (
    _W + t for t in ("p", "tbl", "tr", "tc", "r", "sdt", "sdtContent")
)
_TXBX = _W + "txbxContent"
# containers whose children are read as if they stood in the parent
_TRANSPARENT = {
    _W + t
    for t in (
        "sdt",
        "sdtContent",
        "customXml",
        "smartTag",
        "hyperlink",
        "ins",
        "moveTo",
        "fldSimple",
        "dir",
        "bdo",
    )
}
# subtrees holding no visible text of the paragraph (deleted text, properties)
_SKIP = {_W + t for t in ("pPr", "rPr", "del", "moveFrom", "tblPr", "tblGrid", "trPr", "tcPr")}
_SKIP.add(_MC_FALLBACK)
_RUN_TEXT = {
    _W + "t": None,
    _W + "tab": "\t",
    _W + "br": "\n",
    _W + "cr": "\n",
    _W + "noBreakHyphen": "-",
    _W + "softHyphen": "\u00ad",
}


@dataclass
class _Segment:
    text: str
    legacy: str | None  # TCVN3 / VNI when the run's font is a legacy font
    upper: bool = False  # TCVN3 capital fonts (.VnTimeH)


def _read_docx(p: Path) -> tuple[str, str, list[str]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    _check_docx_package(p)
    try:
        document = docx.Document(str(p))
    except PackageNotFoundError as exc:
        raise DocumentError(f"{p.name}: tệp .docx hỏng / not a valid .docx") from exc
    except Exception as exc:  # zipfile/lxml errors on damaged packages
        raise DocumentError(f"{p.name}: tệp .docx hỏng / not a valid .docx: "
                            f"{_one_line(exc)}") from exc
    body = _DocxBody(document)
    paragraphs = list(body.blocks(document.element.body))
    used = _legacy_fonts_used(paragraphs)
    lines = [_paragraph_text(segs, used) for segs in paragraphs]
    warnings = [_converted_warning(enc) for enc in sorted(used)]
    encoding = "+".join(sorted(used)) if used else "unicode"
    return "\n".join(lines), encoding, warnings


def _check_docx_package(p: Path) -> None:
    """A .docx is a zip: refuse a damaged one, and one that would inflate past the limits, from
    its directory alone (zipfile stops any member at its declared size)."""
    try:
        with zipfile.ZipFile(p) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as exc:
        raise DocumentError(f"{p.name}: tệp .docx hỏng (không phải gói zip) / not a valid .docx "
                            "(not a zip package)") from exc
    if not any(m.filename == "word/document.xml" for m in members):
        raise DocumentError(f"{p.name}: tệp .docx hỏng (thiếu word/document.xml) / not a valid "
                            ".docx (no word/document.xml)")
    total = sum(m.file_size for m in members)
    xml = [m for m in members if m.filename.endswith((".xml", ".rels"))]
    xml_total = sum(m.file_size for m in xml)
    inflated = [m for m in xml if m.file_size > 1 * limits.MB
                and m.file_size > limits.MAX_DOCX_RATIO * max(m.compress_size, 1)]
    if total > limits.MAX_DOCX_UNCOMPRESSED_BYTES or xml_total > limits.MAX_DOCX_XML_BYTES \
            or inflated:
        ratio = ""
        if inflated:
            m = inflated[0]
            ratio = f", {m.filename} {m.file_size // max(m.compress_size, 1)}:1"
        raise DocumentError(
            f"{p.name}: .docx giải nén quá lớn / too large uncompressed: "
            f"{limits.mb(total)}, XML {limits.mb(xml_total)}{ratio} (tối đa / max "
            f"{limits.mb(limits.MAX_DOCX_UNCOMPRESSED_BYTES)}, XML "
            f"{limits.mb(limits.MAX_DOCX_XML_BYTES)}, {limits.MAX_DOCX_RATIO}:1)")


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


def _legacy_fonts_used(paragraphs: list[list[_Segment]]) -> set[str]:
    """Legacy encodings whose fonts really hold legacy text.

    Text converted to Unicode often keeps its .VnTime font: a font counts only when its
    paragraphs show more legacy characters than Unicode-only letters.
    """
    votes: dict[str, int] = {}
    for segs in paragraphs:
        for enc in {s.legacy for s in segs if s.legacy}:
            text = "".join(s.text for s in segs if s.legacy == enc)
            if looks_unicode_vietnamese(text):
                votes[enc] = votes.get(enc, 0) - 1
            elif _LATIN1.search(text):
                votes[enc] = votes.get(enc, 0) + 1
    return {enc for enc, v in votes.items() if v > 0}


_LATIN1 = re.compile("[\u00a1-\u00ff]")


def _paragraph_text(segs: list[_Segment], used: set[str]) -> str:
    unicode_paragraph = looks_unicode_vietnamese("".join(s.text for s in segs if s.legacy))
    out = []
    for s in segs:
        if s.legacy in used and not unicode_paragraph:
            out.append(decode_tcvn3(s.text, s.upper) if s.legacy == TCVN3 else decode_vni(s.text))
        else:
            out.append(s.text)
    return "".join(out)


def _font_encoding(name: str | None) -> tuple[str | None, bool]:
    if not name:
        return None, False
    n = name.strip().lower()
    if n.startswith(".vn"):
        return TCVN3, n.endswith("h")
    if n.startswith("vni-"):
        return VNI, False
    return None, False


class _DocxBody:
    """Walks a document body: one list of segments per output line, with list numbering."""

    def __init__(self, document) -> None:
        styles = document.styles.element
        self._styles = {s.get(_W + "styleId"): s for s in styles.iter(_W + "style")}
        self._default_para_style = next(
            (
                s
                for s in styles.iter(_W + "style")
                if s.get(_W + "type") == "paragraph" and s.get(_W + "default") in ("1", "true")
            ),
            None,
        )
        default_fonts = styles.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr/{_W}rFonts")
        self._default_font = _rfonts_name(default_fonts)
        self._numbering = _Numbering(document)

    def blocks(self, container) -> Iterator[list[_Segment]]:
        for child in container:
            if child.tag == _P:
                yield from self._paragraph(child)
            elif child.tag == _TBL:
                yield from self._table(child)
            elif child.tag in _TRANSPARENT:
                yield from self.blocks(child)

    def _table(self, tbl) -> Iterator[list[_Segment]]:
        for tr in _children(tbl, _TR):
            cells: list[list[_Segment]] = []
            for tc in _children(tr, _TC):
                lines = [segs for segs in self.blocks(tc) if "".join(s.text for s in segs).strip()]
                cell: list[_Segment] = []
                for i, segs in enumerate(lines):
                    if i:
                        cell.append(_Segment(" ", None))
                    cell.extend(
                        _Segment(re.sub(r"\s+", " ", s.text), s.legacy, s.upper) for s in segs
                    )
                cells.append(cell)
                span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                extra = int(span.get(_W + "val", "1")) - 1 if span is not None else 0
                cells.extend([] for _ in range(max(0, min(extra, 50))))
            row: list[_Segment] = []
            for i, cell in enumerate(cells):
                if i:
                    row.append(_Segment("\t", None))
                row.extend(cell)
            yield row

    def _paragraph(self, p) -> Iterator[list[_Segment]]:
        style = self._paragraph_style(p)
        boxes: list = []
        segs: list[_Segment] = []
        label = self._numbering_label(p, style)
        if label:
            segs.append(_Segment(label + " ", None))
        self._runs(p, style, segs, boxes)
        for box in boxes:  # text boxes anchored in the paragraph come before it
            yield from self.blocks(box)
        # a line break inside a paragraph starts a new line of the document
        line: list[_Segment] = []
        for s in segs:
            parts = s.text.split("\n")
            for i, part in enumerate(parts):
                if i:
                    yield line
                    line = []
                if part:
                    line.append(_Segment(part, s.legacy, s.upper))
        yield line

    def _runs(self, el, style, segs: list[_Segment], boxes: list) -> None:
        for child in el:
            tag = child.tag
            if tag in _SKIP:
                continue
            if tag == _R:
                legacy, upper = _font_encoding(self._run_font(child, style))
                for item in child.iter():
                    if item.tag == _TXBX and not _nested(item, child):
                        boxes.append(item)
                    elif item.tag in _RUN_TEXT and item.getparent() is child:
                        text = _RUN_TEXT[item.tag]
                        if item.tag == _W + "br" and item.get(_W + "type") == "page":
                            continue
                        text = (item.text or "") if text is None else text
                        segs.append(_Segment(text, legacy, upper))
            else:
                self._runs(child, style, segs, boxes)

    def _paragraph_style(self, p):
        ref = p.find(f"{_W}pPr/{_W}pStyle")
        if ref is not None and ref.get(_W + "val") in self._styles:
            return self._styles[ref.get(_W + "val")]
        return self._default_para_style

    def _style_chain(self, style) -> Iterator:
        seen = set()
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            yield style
            based = style.find(_W + "basedOn")
            style = self._styles.get(based.get(_W + "val")) if based is not None else None

    def _run_font(self, r, para_style) -> str | None:
        name = _rfonts_name(r.find(f"{_W}rPr/{_W}rFonts"))
        if name:
            return name
        ref = r.find(f"{_W}rPr/{_W}rStyle")
        char_style = self._styles.get(ref.get(_W + "val")) if ref is not None else None
        for start in (char_style, para_style):
            for style in self._style_chain(start):
                name = _rfonts_name(style.find(f"{_W}rPr/{_W}rFonts"))
                if name:
                    return name
        return self._default_font

    def _numbering_label(self, p, style) -> str:
        num_pr = p.find(f"{_W}pPr/{_W}numPr")
        ilvl = num_id = None
        if num_pr is not None:
            num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
        if num_id is None:
            for s in self._style_chain(style):
                style_num = s.find(f"{_W}pPr/{_W}numPr")
                if style_num is not None:
                    num_id = _val(style_num, "numId")
                    ilvl = ilvl if ilvl is not None else _val(style_num, "ilvl")
                    break
        if num_id is None:
            return ""
        return self._numbering.label(num_id, int(ilvl or 0))


def _children(el, tag: str) -> Iterator:
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _nested(item, run) -> bool:
    """A text box inside another one, or in the fallback copy of a drawing: read elsewhere."""
    node = item.getparent()
    while node is not None and node is not run:
        if node.tag in (_MC_FALLBACK, _TXBX):
            return True
        node = node.getparent()
    return False


def _rfonts_name(rfonts) -> str | None:
    if rfonts is None:
        return None
    return rfonts.get(_W + "ascii") or rfonts.get(_W + "hAnsi")


def _val(el, tag: str) -> str | None:
    child = el.find(_W + tag)
    return child.get(_W + "val") if child is not None else None


# ---------------------------------------------------------------- DOCX list numbering


@dataclass
class _Level:
    fmt: str
    text: str
    start: int


class _Numbering:
    """Counters for Word's automatic list numbers ("I.", "1.", "a)", "1.2.")."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, _Level]] = {}
        self._counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError):
            return
        abstract = {}
        for an in root.iter(_W + "abstractNum"):
            abstract[an.get(_W + "abstractNumId")] = {
                int(lvl.get(_W + "ilvl", "0")): _Level(
                    _val(lvl, "numFmt") or "decimal",
                    _val(lvl, "lvlText") or "",
                    int(_val(lvl, "start") or 1),
                )
                for lvl in an.iter(_W + "lvl")
            }
        for num in root.iter(_W + "num"):
            levels = dict(abstract.get(_val(num, "abstractNumId"), {}))
            for override in num.iter(_W + "lvlOverride"):
                ilvl, start = int(override.get(_W + "ilvl", "0")), _val(override, "startOverride")
                if start is not None and ilvl in levels:
                    old = levels[ilvl]
                    levels[ilvl] = _Level(old.fmt, old.text, int(start))
            self._levels[num.get(_W + "numId")] = levels

    def label(self, num_id: str, ilvl: int) -> str:
        levels = self._levels.get(num_id, {})
        if ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        level = levels[ilvl]
        if level.fmt == "none":
            return ""
        if level.fmt == "bullet":
            # bullets drawn from symbol fonts sit in the private use area: write a dash
            return "-" if not level.text or ord(level.text[0]) >= 0xE000 else level.text

        def number(m: re.Match[str]) -> str:
            n = int(m.group(1)) - 1
            lvl = levels.get(n)
            value = counters.get(n, lvl.start if lvl else 1)
            return format_number(value, lvl.fmt if lvl else "decimal")

        return re.sub(r"%([1-9])", number, level.text).strip()
