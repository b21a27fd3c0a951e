"""The documents behind the store: found by file name under the folders given to `serve`
(`--docs`), read with the ingest reader (so line numbers are those the extractor used), and
checked against the plan's content hash, so that highlighted lines are the lines that were read.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from plangraph.ingest.extract import text_hash
from plangraph.ingest.read.reader import SUPPORTED, read_document
from plangraph.ingest.text.vntext import loose_key, nfc

_SKIP_DIRS = {".git", ".venv", "node_modules", "__pycache__", ".mypy_cache", ".pytest_cache"}


@dataclass
class SourceView:
    file: str
    found: bool
    lines: list[tuple[int, list[tuple[str, bool]], bool]] = field(default_factory=list)
    # (line number, segments (text, is an "as written" name), highlighted)
    first: int = 0
    last: int = 0
    total: int = 0
    matches_store: bool | None = None  # text hash equals the plan's (None: no plan to compare)
    message: str = ""


class DocumentIndex:
    """File name -> path, for every supported document under the roots (walked once)."""

    def __init__(self, roots: list[str | Path]) -> None:
        self.roots = [Path(r) for r in roots]
        self._paths: dict[str, Path] | None = None
        self._cache: dict[Path, tuple[float, list[str], str]] = {}

    def paths(self) -> dict[str, Path]:
        if self._paths is None:
            found: dict[str, Path] = {}
            for root in self.roots:
                if root.is_file():
                    found.setdefault(root.name, root)
                    continue
                for folder, dirs, files in os.walk(root):
                    dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS
                                     and not d.startswith("."))
                    for f in sorted(files):
                        if Path(f).suffix.lower() in SUPPORTED:
                            found.setdefault(f, Path(folder) / f)
            self._paths = found
        return self._paths

    def lines(self, file: str) -> tuple[list[str], str] | None:
        """The document's lines as the extractor numbered them, and its text hash."""
        path = self.paths().get(Path(file).name)
        if path is None:
            return None
        mtime = path.stat().st_mtime
        cached = self._cache.get(path)
        if cached is None or cached[0] != mtime:
            doc = read_document(path)
            cached = (mtime, doc.lines, text_hash(doc.text))
            self._cache[path] = cached
        return cached[1], cached[2]

    def view(self, file: str, start: int | None, end: int | None, *, marks: list[str] = (),
             context: int = 8, whole: bool = False, content_hash: str | None = None
             ) -> SourceView:
        read = self.lines(file)
        if read is None:
            return SourceView(file, False, message=(
                f"Không tìm thấy tệp {file} trong thư mục văn bản / document not found under "
                f"{', '.join(str(r) for r in self.roots) or '—'} (plangraph serve --docs DIR)"))
        lines, digest = read
        total = len(lines)
        start = min(max(start or 1, 1), total)
        end = min(max(end or start, start), total)
        first, last = (1, total) if whole else (max(1, start - context),
                                                  min(total, end + context))
        shown = []
        for i in range(first, last + 1):
            hot = start <= i <= end and bool(start)
            shown.append((i, mark(lines[i - 1], marks if hot else ()), hot))
        return SourceView(file, True, shown, first, last, total,
                          None if content_hash is None else content_hash == digest)


def mark(line: str, names: list[str] | tuple[str, ...]) -> list[tuple[str, bool]]:
    """The line cut into (text, marked) pieces: each name "as written" is marked where it
    occurs, case and tone-mark placement ignored ("hoà"/"hòa")."""
    if not names:
        return [(line, False)]
    text = nfc(line)
    folded = _fold(text)
    spans: list[tuple[int, int]] = []
    for name in sorted({nfc(n) for n in names if n and n.strip()}, key=len, reverse=True):
        key = _fold(name)
        for m in re.finditer(re.escape(key), folded):
            if not any(s < m.end() and m.start() < e for s, e in spans):
                spans.append((m.start(), m.end()))
    if not spans:
        return [(text, False)]
    out, at = [], 0
    for s, e in sorted(spans):
        if s > at:
            out.append((text[at:s], False))
        out.append((text[s:e], True))
        at = e
    if at < len(text):
        out.append((text[at:], False))
    return out


def _fold(s: str) -> str:
    """Same length as `s`: each character folded alone (so offsets stay valid)."""
    return "".join((loose_key(c) or c)[:1] if c.strip() else c for c in s)
