"""Reading a plan document from disk into NFC text lines (stub: UTF-8 text only)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from plangraph.ingest.errors import DocumentError


@dataclass
class RawDocument:
    file: str  # base name, used in every Source
    path: str
    text: str  # NFC, otherwise as written
    lines: list[str]  # text.split("\n"); line i (1-based) is lines[i-1]
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)


def read_document(path: str | Path) -> RawDocument:
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{p.name}: không đọc được / cannot read: {exc}") from exc
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return RawDocument(file=p.name, path=str(p), text=text, lines=text.split("\n"))
