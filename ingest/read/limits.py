"""Input limits: what a plan document can be, checked before the heavy work so that a stray
file in a download folder costs bounded time and memory (issue 14).

The largest sample plan is 56 KB and 700 lines, its longest line 2,400 characters; a plan's
.docx is rarely over a few MB (images included). The limits leave a margin of 20x and more;
a file past one is refused with a one-line message naming the limit (see SECURITY.md).
"""

from __future__ import annotations

MB = 1 << 20

MAX_TEXT_FILE_BYTES = 10 * MB  # a .txt/.md file on disk
MAX_DOCX_FILE_BYTES = 50 * MB  # a .docx on disk (images included)
MAX_PDF_FILE_BYTES = 100 * MB  # a .pdf on disk
MAX_DOCX_UNCOMPRESSED_BYTES = 200 * MB  # all members of a .docx, as its zip directory declares
MAX_DOCX_XML_BYTES = 30 * MB  # its XML parts, parsed into memory (a 300-page plan: ~10 MB)
MAX_DOCX_RATIO = 200  # uncompressed : compressed of one XML part (Word's are 5-20, a bomb 1000)
MAX_PDF_PAGES = 1_000
MAX_TEXT_CHARS = 10 * MB  # characters of text read from any format
MAX_LINES = 50_000
MAX_LINE_CHARS = 50_000


def size_limit(suffix: str) -> int:
    """Bytes on disk a file with this suffix may have (Word/LibreOffice formats as .docx)."""
    if suffix in (".docx", ".doc", ".rtf", ".odt"):
        return MAX_DOCX_FILE_BYTES
    return MAX_PDF_FILE_BYTES if suffix == ".pdf" else MAX_TEXT_FILE_BYTES


def mb(n: int) -> str:
    return f"{n / MB:.1f} MB" if n < 10 * MB else f"{n // MB} MB"
