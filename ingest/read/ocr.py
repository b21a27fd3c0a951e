"""Scanned PDFs (no text layer) read by OCR.

Each page is rasterised by `pdftoppm` (Debian: poppler-utils) and read by Tesseract with its
Vietnamese model (Debian: tesseract-ocr, tesseract-ocr-vie) through pytesseract. The OCR text's
lines are the document's lines, so every source (file, line) points into the text the OCR gave;
`plangraph extract --format text` shows it. OCR runs only for a PDF without a text layer.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from plangraph.ingest.errors import DocumentError

OCR_LANGUAGE = "vie"
OCR_DPI = 300  # Tesseract's models are trained on ~300 dpi text; less loses tone marks
PAGE_TIMEOUT_S = 120
MAX_OCR_PAGES = 300  # a plan with its appendices stays far below; more is not a plan


def ocr_missing() -> str | None:
    """What is missing for OCR on this machine, or None when everything is there."""
    missing = [name for name in ("pdftoppm", "tesseract") if shutil.which(name) is None]
    try:
        import pytesseract  # noqa: F401
    except ImportError:
        missing.append("pytesseract")
    if not missing and OCR_LANGUAGE not in _languages():
        missing.append("tesseract-ocr-vie")
    return ", ".join(missing) or None


def _languages() -> list[str]:
    import pytesseract

    try:
        return pytesseract.get_languages(config="")
    except Exception:  # tesseract present but broken
        return []


def ocr_pdf(path: Path, pages: int, *, progress: bool = False) -> str:
    """The text of a scanned PDF's pages, page after page."""
    import pytesseract
    from PIL import Image

    missing = ocr_missing()
    if missing:
        raise DocumentError(
            f"{path.name}: PDF không có lớp văn bản, cần OCR nhưng thiếu {missing} "
            "(apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie) / "
            f"scanned PDF: OCR needs {missing}"
        )
    if pages > MAX_OCR_PAGES:
        raise DocumentError(
            f"{path.name}: bản quét {pages} trang, quá giới hạn OCR {MAX_OCR_PAGES} trang / "
            f"scanned PDF of {pages} pages is over the OCR limit of {MAX_OCR_PAGES}"
        )
    texts = []
    with tempfile.TemporaryDirectory(prefix="plangraph-ocr-") as tmp:
        for page in range(1, pages + 1):
            _show_progress(path.name, page, pages, progress)
            image = _rasterise(path, page, Path(tmp))
            with Image.open(image) as img:
                try:
                    text = pytesseract.image_to_string(
                        img, lang=OCR_LANGUAGE, timeout=PAGE_TIMEOUT_S
                    )
                except RuntimeError as exc:  # pytesseract's timeout
                    raise DocumentError(
                        f"{path.name}: OCR trang {page} quá {PAGE_TIMEOUT_S} giây / "
                        f"OCR of page {page} took over {PAGE_TIMEOUT_S} s"
                    ) from exc
            image.unlink()
            texts.append(text.rstrip())
    _show_progress(path.name, pages, pages, progress, done=True)
    return "\n".join(texts)


def _rasterise(path: Path, page: int, tmp: Path) -> Path:
    prefix = tmp / f"page{page}"
    try:
        subprocess.run(
            [
                "pdftoppm",
                "-r",
                str(OCR_DPI),
                "-gray",
                "-png",
                "-singlefile",
                "-f",
                str(page),
                "-l",
                str(page),
                str(path),
                str(prefix),
            ],
            capture_output=True,
            timeout=PAGE_TIMEOUT_S,
            check=True,
            stdin=subprocess.DEVNULL,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        raise DocumentError(
            f"{path.name}: không dựng được ảnh trang {page} để OCR / "
            f"could not rasterise page {page} for OCR"
        ) from exc
    return prefix.with_suffix(".png")


def _show_progress(name: str, page: int, pages: int, enabled: bool, done: bool = False) -> None:
    """A one-line bar on stderr while a slow scan is read (only on a terminal)."""
    if not enabled or not sys.stderr.isatty():
        return
    width = 20
    filled = width * (page if done else page - 1) // max(pages, 1)
    bar = "█" * filled + "·" * (width - filled)
    end = "\n" if done else ""
    print(f"\rOCR {name} [{bar}] trang {page}/{pages}", end=end, file=sys.stderr, flush=True)
