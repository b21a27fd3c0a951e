"""Tasks and the agencies assigned to them (stub)."""

from __future__ import annotations

from plangraph.ingest.agencies import AgencyResolver
from plangraph.ingest.models import DocumentInfo, Task
from plangraph.ingest.reader import RawDocument


def extract_tasks(doc: RawDocument, info: DocumentInfo, resolver: AgencyResolver) -> list[Task]:
    return []
