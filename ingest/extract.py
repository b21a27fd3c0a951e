"""One document in, one `Extraction` out: the pipeline that ties the extractors together.

read (any format/encoding -> NFC lines) -> the document model (clean lines, running text,
skeleton: built once, shared) -> header -> legal references and programmes -> tasks with their
agencies -> themes. Nothing here touches a store.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from plangraph.ingest.agencies.resolver import get_resolver
from plangraph.ingest.document.model import Document
from plangraph.ingest.errors import DocumentError
from plangraph.ingest.header import parse_header
from plangraph.ingest.legal.extract import extract_legal
from plangraph.ingest.models import Extraction
from plangraph.ingest.tasks.extract import extract_tasks
from plangraph.ingest.tasks.themes import assign_themes

__all__ = ["DocumentError", "extract_file"]


def extract_file(path: str | Path, *, ocr: bool = True, progress: bool = False) -> Extraction:
    """`ocr=False` refuses a scanned PDF instead of reading it by OCR; `progress` shows a bar on
    a terminal while a slow file is read."""
    doc = Document.read(path, ocr=ocr, progress=progress)
    info = parse_header(doc)
    legal = extract_legal(doc, info)
    tasks = extract_tasks(doc, info, get_resolver())
    for task in tasks:
        matches = assign_themes(task.text)
        task.themes = [m.theme for m in matches]
        task.theme_keywords = {m.theme: m.keyword for m in matches}
    return Extraction(
        file=doc.file,
        document=info,
        basis=legal.basis,
        legal_refs=legal.legal_refs,
        named_acts=legal.named_acts,
        legal_links=legal.legal_links,
        programmes=legal.programmes,
        tasks=tasks,
        warnings=doc.warnings + legal.warnings,
        content_hash=text_hash(doc.text),
    )


def text_hash(text: str) -> str:
    """Hash of a document's text that ignores line endings, re-wrapping and trailing spaces."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()
