"""Legal references, named acts, act-to-act links and programmes (stub)."""

from __future__ import annotations

from dataclasses import dataclass, field

from plangraph.ingest.models import DocumentInfo, LegalLink, LegalRef, NamedAct, Programme
from plangraph.ingest.reader import RawDocument


@dataclass
class LegalExtraction:
    basis: list[tuple[str, int | None, str]] = field(default_factory=list)
    legal_refs: list[LegalRef] = field(default_factory=list)
    named_acts: list[NamedAct] = field(default_factory=list)
    legal_links: list[LegalLink] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def extract_legal(doc: RawDocument, info: DocumentInfo) -> LegalExtraction:
    return LegalExtraction()
