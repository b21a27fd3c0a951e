"""`extract --format text`: what was found and where, for a person to read (stub)."""

from __future__ import annotations

from plangraph.ingest.models import Extraction


def render_text(ex: Extraction) -> str:
    d = ex.document
    lines = [f"{ex.file}: {d.kind or '?'} {d.number or ''} — {d.province or '?'} {d.year or ''}"]
    for t in ex.tasks:
        lines.append(f"  [{t.key}] {t.source}: {t.text_start}")
    return "\n".join(lines)
