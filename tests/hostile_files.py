"""Builders of the bad files an analyst's download folder holds (issue 14), shared by the fast
tests and the long suite. Each builder writes one file (or folder) under `root` and returns it."""

from __future__ import annotations

import functools
import io
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

from .conftest import SEEDS

PLAN = SEEDS["tq2024_table"]
PLAN_TEXT = PLAN.read_text(encoding="utf-8")
_PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
        b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N"
        b"\x00\x00\x00\x00IEND\xaeB`\x82")


def _write(root: Path, name: str, data: bytes) -> Path:
    path = root / name
    path.write_bytes(data)
    return path


def empty(root: Path) -> Path:
    return _write(root, "rong.txt", b"")


def whitespace(root: Path) -> Path:
    return _write(root, "khoang trang.txt", b" \n\t\r\n   \n\xc2\xa0\n")


def binary(root: Path) -> Path:
    return _write(root, "du_lieu.txt", bytes(range(256)) * 64)


def image_as_txt(root: Path) -> Path:
    return _write(root, "anh.txt", _PNG * 20)


def nul_bytes(root: Path) -> Path:
    text = PLAN_TEXT.encode()
    return _write(root, "nul.txt", text[:2000] + b"\x00" * 50 + text[2000:])


def invalid_utf8(root: Path) -> Path:
    # a real plan in which every 40th byte is broken: more damage than a few stray bytes
    data = bytearray(PLAN_TEXT.encode())
    for i in range(0, len(data), 40):
        data[i] = 0xFF
    return _write(root, "utf8 hong.txt", bytes(data))


def utf16_without_bom(root: Path) -> Path:
    return _write(root, "utf16.txt", PLAN_TEXT.encode("utf-16-le"))


_TONES = "\u0300\u0301\u0303\u0309\u0323"  # the five tone marks Windows-1258 combines


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 writes it: base letters precomposed, tone marks combining."""
    out = []
    for c in text:
        try:
            out.append(c.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", c)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
            tones = "".join(p for p in parts if p in _TONES)
            out.append((base + tones).encode("cp1258", errors="replace"))
    return b"".join(out)


def mixed_encodings(root: Path) -> Path:
    """A file pasted together from two sources: its first half UTF-8, the rest Windows-1258."""
    lines = PLAN_TEXT.split("\n")
    half = len(lines) // 2
    data = "\n".join(lines[:half]).encode() + b"\n" + cp1258("\n".join(lines[half:]))
    return _write(root, "tron ma.txt", data)


def broken_html(root: Path) -> Path:
    return _write(root, "trang.html", b"<html")  # lxml: "Document is empty" (found by fuzzing)


def _docx_bytes() -> bytes:
    import docx

    document = docx.Document()
    for line in PLAN_TEXT.splitlines()[:60]:
        document.add_paragraph(line.replace("\t", " "))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def truncated_docx(root: Path) -> Path:
    data = _docx_bytes()
    return _write(root, "cut.docx", data[: len(data) // 2])


def corrupt_docx(root: Path) -> Path:
    data = bytearray(_docx_bytes())
    for i in range(200, len(data), 97):
        data[i] ^= 0x5A
    return _write(root, "hong.docx", bytes(data))


def text_as_docx(root: Path) -> Path:
    return _write(root, "plan.docx", PLAN_TEXT.encode())


def _pdf_bytes() -> bytes:
    lines = ["Ke hoach phong, chong AIDS, ma tuy, mai dam nam 2024"] * 20
    stream = "BT /F1 12 Tf 50 800 Td " + " ".join(f"({ln}) Tj 0 -14 Td" for ln in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = "%PDF-1.4\n"
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{body}\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n"
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    return out.encode("latin-1")


def valid_pdf(root: Path) -> Path:
    return _write(root, "ok.pdf", _pdf_bytes())


def truncated_pdf(root: Path) -> Path:
    data = _pdf_bytes()
    return _write(root, "cut.pdf", data[: len(data) // 3])


def corrupt_pdf(root: Path) -> Path:
    return _write(root, "hong.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 40)


def docx_zip_bomb(root: Path) -> Path:
    """A valid-looking .docx whose document.xml inflates to 256 MB from ~250 KB."""
    return _write(root, "bom.docx", _zip_bomb_bytes())


@functools.cache
def _zip_bomb_bytes() -> bytes:
    base = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in base.infolist():
            if item.filename == "word/document.xml":
                with z.open("word/document.xml", "w", force_zip64=True) as f:
                    head = b'<?xml version="1.0"?><w:document xmlns:w="http://schemas.' \
                           b'openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                    f.write(head)
                    chunk = b" " * (1 << 20)
                    for _ in range(256):
                        f.write(chunk)
                    f.write(b"</w:body></w:document>")
            else:
                z.writestr(item, base.read(item))
    return out.getvalue()


def big_text(root: Path, megabytes: int = 50) -> Path:
    path = root / "lon.txt"
    block = PLAN_TEXT.encode()
    with path.open("wb") as f:
        for _ in range(megabytes * (1 << 20) // len(block) + 1):
            f.write(block)
    return path


def many_lines(root: Path, n: int = 200_000) -> Path:
    return _write(root, "nhieu dong.txt", PLAN_TEXT.encode()[:3000] + b"- a\n" * n)


def long_line(root: Path, megabytes: int = 5) -> Path:
    line = ("Sở Y tế chủ trì " * ((megabytes << 20) // 20)).encode()
    return _write(root, "dong dai.txt", PLAN_TEXT.encode()[:3000] + line + b"\n")


def thousand_files(root: Path, n: int = 1000) -> Path:
    folder = root / "nghin tep"
    folder.mkdir()
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(f"Kế hoạch {i}\n", encoding="utf-8")
    return folder


def symlink_loop(root: Path) -> Path:
    folder = root / "vong"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "lap").symlink_to(folder, target_is_directory=True)
    (folder / "a" / "tu.txt").symlink_to(folder / "a" / "tu.txt")  # a link to itself
    (folder / "a" / "mat.txt").symlink_to(folder / "khong co.txt")  # dangling
    return folder


ODD_NAMES = ["kế hoạch số 1.txt", "it's \"quoted\".txt", "dòng\nmới.txt", "  spaces  .txt",
             "Kế hoạch Sở LĐTBXH (bản sửa).txt"]


def odd_name(root: Path, name: str) -> Path:
    return _write(root, name, PLAN_TEXT.encode())


BAD_FILES: dict[str, Callable[[Path], Path]] = {
    "empty": empty,
    "whitespace": whitespace,
    "binary": binary,
    "image_as_txt": image_as_txt,
    "nul_bytes": nul_bytes,
    "invalid_utf8": invalid_utf8,
    "broken_html": broken_html,
    "truncated_docx": truncated_docx,
    "corrupt_docx": corrupt_docx,
    "text_as_docx": text_as_docx,
    "truncated_pdf": truncated_pdf,
    "corrupt_pdf": corrupt_pdf,
    "docx_zip_bomb": docx_zip_bomb,
}
