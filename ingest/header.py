"""The document header: kind, number, date, issuer, province, year, title (stub)."""

from __future__ import annotations

from plangraph.ingest.models import DocumentInfo
from plangraph.ingest.reader import RawDocument


def parse_header(doc: RawDocument) -> DocumentInfo:
    return DocumentInfo()
