"""The document model: one file, read once, and the views every extractor shares, each built
once on first use (in the spirit of eyecite's Document).

    doc = Document.read(path)          # or Document.of(raw) for a RawDocument
    doc.lines        the lines as read (NFC); line i (1-based) is lines[i - 1]
    doc.clean_lines  the same lines without markdown and markup (`markup.clean_line`)
    doc.flow         the running text: cleaned lines joined into paragraphs, every offset mapped
                     back to its line (`flow.Flow`) — what citations are read from
    doc.skeleton     numbered items, paragraphs and tables as a tree (`structure.Skeleton`) —
                     what tasks are read from

header, legal and task extractors take a Document; none of them re-reads or re-cleans the file.
The acts cited in a sentence are read once however many extractors ask
(`legal.citations.find_acts` keeps them by text, for one document: `text.memo`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from plangraph.ingest.document.flow import Flow
from plangraph.ingest.document.markup import clean_line
from plangraph.ingest.document.structure import Skeleton, parse_structure
from plangraph.ingest.read.reader import RawDocument, read_document
from plangraph.ingest.text.memo import new_document

__all__ = ["Document"]


@dataclass(eq=False)
class Document:
    raw: RawDocument

    def __post_init__(self) -> None:
        new_document()  # answers remembered for the previous document are forgotten

    @classmethod
    def read(cls, path: str | Path, *, ocr: bool = True, progress: bool = False) -> Document:
        return cls(read_document(path, ocr=ocr, progress=progress))

    @classmethod
    def of(cls, doc: Document | RawDocument) -> Document:
        return doc if isinstance(doc, Document) else cls(doc)

    @property
    def file(self) -> str:
        return self.raw.file

    @property
    def text(self) -> str:
        return self.raw.text

    @property
    def lines(self) -> list[str]:
        return self.raw.lines

    @property
    def warnings(self) -> list[str]:
        return self.raw.warnings

    @cached_property
    def clean_lines(self) -> list[str]:
        return [clean_line(line) for line in self.raw.lines]

    @cached_property
    def flow(self) -> Flow:
        return Flow.of_clean_lines(self.file, self.clean_lines)

    @cached_property
    def skeleton(self) -> Skeleton:
        return parse_structure(self.raw.lines)
