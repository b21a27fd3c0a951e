"""`plangraph ingest PATH…`: extract documents and load them into the graph store.

Each document is loaded on its own: one that cannot be read or loaded is reported as
"<file>: <reason>" and leaves the store as it was, the others go on.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import click

from plangraph.commands.stopping import StopAfterCurrent
from plangraph.graph.schema import NODES, RELS, label_vi
from plangraph.graph.space import DiskFullError, ensure_free_space
from plangraph.graph.store import NEO4J_SCHEMES, LoadSummary, StoreError, open_store
from plangraph.ingest.extract import DocumentError, extract_file
from plangraph.ingest.models import Extraction
from plangraph.ingest.read.reader import SUPPORTED as SUFFIXES


def document_paths(paths: tuple[str, ...]) -> list[Path]:
    """Files as given; folders walked for documents (hidden files and READMEs skipped)."""
    found: list[Path] = []
    for given in map(Path, paths):
        if given.is_dir():
            found += sorted(
                p for p in _walk(given)
                if p.suffix.lower() in SUFFIXES and not p.name.upper().startswith("README")
            )
        else:
            found.append(given)
    return list(dict.fromkeys(found))


def _walk(folder: Path) -> list[Path]:
    """Files under `folder`, hidden ones left out; linked folders are not entered (no loops),
    a link to a file is a file, a broken or looping link is kept for its error message."""
    files = []
    for top, dirs, names in os.walk(folder, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files += [Path(top) / n for n in names if not n.startswith(".")]
    return files


def nothing_found(extraction: Extraction) -> bool:
    """No plan header (kind, number or title), no legal reference and no task: most likely not
    a plan at all (a letter, a report, the wrong file)."""
    doc = extraction.document
    return not (doc.kind or doc.number or doc.title or extraction.legal_refs
                or extraction.named_acts or extraction.tasks)


NOTHING_FOUND = ("không thấy tiêu đề kế hoạch, căn cứ pháp lý hay nhiệm vụ nào nên không nạp "
                 "(--force để vẫn nạp) / no plan header, legal reference or task found: not "
                 "loaded (--force loads it anyway)")


def _reason(path: Path, exc: Exception) -> str:
    message = str(exc)
    prefix = f"{path.name}: "
    return message[len(prefix):] if message.startswith(prefix) else message


def summary_lines(summaries: list[LoadSummary], stats: dict[str, dict[str, int]]) -> list[str]:
    """What was loaded (documents, plans, tasks), then what the store holds, node and edge
    counts taken from the store itself: the same numbers as `plangraph stats` (rows written
    per document would count an agency or an edge shared by two plans twice)."""
    nodes: Counter[str] = Counter()
    for s in summaries:
        nodes.update(s.nodes)
    replaced = sum(s.replaced for s in summaries)
    edges = stats["edges"]
    return [
        f"Đã nạp {len(summaries)} văn bản: {nodes['Plan']} kế hoạch, {nodes['Task']} nhiệm vụ"
        + (f" ({replaced} văn bản thay bản đã nạp trước)" if replaced else "") + ".",
        f"Loaded {len(summaries)} documents: {nodes['Plan']} plans, {nodes['Task']} tasks"
        + (f" ({replaced} replaced an earlier load)" if replaced else "") + ".",
        "Kho hiện có / the store now holds: " + ", ".join(
            f"{stats['nodes'][n.label]} {label_vi(n.label).lower()} ({n.label})" for n in NODES),
        "Quan hệ trong kho / edges in the store: " + ", ".join(
            f"{label_vi(r.name)} ({r.name}) {edges[r.name]}" for r in RELS if r.name in edges),
    ]


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--ocr/--no-ocr", default=True, show_default=True,
              help="Đọc PDF bản quét bằng OCR / read scanned PDFs by OCR (tesseract, vie).")
@click.option("--force", is_flag=True, help="Nạp cả văn bản không thấy tiêu đề, căn cứ hay "
                                            "nhiệm vụ nào / load documents in which nothing "
                                            "was found too.")
@click.pass_context
def ingest_command(ctx: click.Context, paths: tuple[str, ...], ocr: bool, force: bool) -> None:
    """Nạp văn bản vào kho đồ thị / load plan documents into the graph store.

    PATHS are files or folders (searched recursively for .txt, .md, .html, .docx, .doc, .rtf,
    .odt, .pdf).
    """
    files = document_paths(paths)
    if not files:
        raise click.ClickException("Không tìm thấy văn bản nào / no documents found "
                                   f"({', '.join(SUFFIXES)})")
    ctrl_c = StopAfterCurrent().start()  # from here Ctrl+C stops before the next document
    try:
        store = open_store(ctx.obj.get("db") if ctx.obj else None)
    except StoreError as exc:
        ctrl_c.stop()
        raise click.ClickException(str(exc)) from exc
    summaries: list[LoadSummary] = []
    failures: list[str] = []
    stopped = None  # why the ingest stopped before the last document
    embedded = not store.location.startswith(NEO4J_SCHEMES)
    try:
        with click.progressbar(
                files, label="Đang nạp / ingesting", file=sys.stderr,
                item_show_func=lambda p: p.name if p else "") as bar:
            for done, path in enumerate(bar):
                try:
                    if ctrl_c.requested:
                        raise click.Abort
                    if embedded:
                        ensure_free_space(store.location)
                except click.Abort:
                    stopped = (f"Đã dừng (Ctrl+C) sau {done}/{len(files)} văn bản / interrupted "
                               f"after {done} of {len(files)} documents", 130)
                    break
                except DiskFullError as exc:
                    stopped = (f"{exc} ({done}/{len(files)})", 1)
                    break
                try:
                    extraction = extract_file(path, ocr=ocr)
                    if nothing_found(extraction) and not force:
                        failures.append(f"{path}: {NOTHING_FOUND}")
                        continue
                    summaries.append(store.load(extraction))
                except (DocumentError, StoreError) as exc:
                    failures.append(f"{path}: {_reason(path, exc)}")
                except Exception as exc:  # an extractor bug must not stop the other documents
                    failures.append(f"{path}: lỗi nội bộ / internal error: "
                                    f"{type(exc).__name__}: {exc}")
        try:
            stats = store.stats()
        except StoreError as exc:  # the store went away: still report what happened to each file
            stats = None
            failures.append(str(exc))
    finally:
        store.close()
        ctrl_c.stop()
    if stats is not None:
        for line in summary_lines(summaries, stats):
            click.echo(line)
    if stopped:
        click.echo(stopped[0], err=True)
    if failures:
        for failure in failures:
            click.echo(failure, err=True)
        click.echo(f"Lỗi / failed: {len(failures)} văn bản / documents", err=True)
    if stopped or failures:
        ctx.exit(stopped[1] if stopped else 1)


COMMANDS = [ingest_command]
