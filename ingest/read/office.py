"""Old and other office formats (.doc, .rtf, .odt) converted to .docx by LibreOffice headless.

Why LibreOffice: it is maintained, reads Word 97–2003 binary files as Word does, and writes
.docx, so the .docx reader's table rows (TAB-separated cells) and automatic list numbers apply
to old files too. antiword and catdoc (unmaintained) print tables as wrapped fixed-width text
and drop list numbers, which loses who leads which task. Debian: `libreoffice-writer-nogui`.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from plangraph.ingest.errors import DocumentError

CONVERTED_BY_OFFICE = (".doc", ".rtf", ".odt")
# What a file's first bytes say it is. Portals often serve RTF, web pages or .docx named ".doc".
OLE2_MAGIC = bytes.fromhex("d0cf11e0a1b11ae1")  # Word 97–2003 binary (and other OLE files)
_IMPORT_FILTERS = {"word97": "MS Word 97", "rtf": "Rich Text Format", "odt": "writer8"}


def sniff(head: bytes) -> str | None:
    """'word97', 'rtf', 'odt' (zip holding ODF), 'docx' (other zip), 'html' or None."""
    if head.startswith(OLE2_MAGIC):
        return "word97"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(b"PK\x03\x04"):
        return "odt" if b"application/vnd.oasis.opendocument" in head[:200] else "docx"
    lowered = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in lowered:
        return "html"
    return None
# A plan of a few hundred pages converts in seconds; a file that takes longer is damaged or
# hostile, and LibreOffice is stopped.
CONVERT_TIMEOUT_S = 180


def office_binary() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, kind: str, workdir: Path) -> Path:
    """Convert an office file of `kind` (see `sniff`) to .docx in `workdir`; DocumentError with
    one line on failure. The import filter is named so that a damaged file fails instead of
    being imported as plain text."""
    binary = office_binary()
    if binary is None:
        raise DocumentError(
            f"{path.name}: cần LibreOffice để đọc tệp {path.suffix} "
            "(apt-get install libreoffice-writer-nogui) hoặc lưu lại thành .docx / "
            f"reading {path.suffix} needs LibreOffice, or save the file as .docx"
        )
    # A private profile per call: two conversions sharing one profile block each other.
    with tempfile.TemporaryDirectory(prefix="plangraph-lo-") as profile:
        command = [
            binary,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            f"--infilter={_IMPORT_FILTERS[kind]}",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(workdir),
            str(path.resolve()),
        ]
        try:
            subprocess.run(
                command,
                capture_output=True,
                timeout=CONVERT_TIMEOUT_S,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            raise DocumentError(
                f"{path.name}: LibreOffice không chuyển đổi xong trong {CONVERT_TIMEOUT_S} giây / "
                f"conversion did not finish in {CONVERT_TIMEOUT_S} s"
            ) from exc
    out = workdir / (path.stem + ".docx")
    if not out.is_file() or out.stat().st_size == 0:
        raise DocumentError(
            f"{path.name}: tệp {path.suffix} hỏng, LibreOffice không đọc được / "
            f"damaged {path.suffix} file: LibreOffice could not read it"
        )
    return out
