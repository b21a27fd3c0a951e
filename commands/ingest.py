"""`plangraph ingest PATH…`: extract documents and load them into the graph store.

Each document is loaded whole or not at all: one that cannot be read or loaded is reported as
"<file>: <reason>" and leaves the store as it was, the others go on. Extraction runs on one
process per core; this process alone writes, in the documents' order, the documents extracted
by the time it is free together in one transaction.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections import Counter, deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

import click

from plangraph.commands.stopping import StopAfterCurrent
from plangraph.graph.law_join import ambiguous_laws
from plangraph.graph.open import open_store
from plangraph.graph.rows import GraphRows
from plangraph.graph.schema import NODES, RELS, label_vi
from plangraph.graph.space import DiskFullError, ensure_free_space
from plangraph.graph.store import NEO4J_SCHEMES, GraphStore, LoadSummary, StoreError
from plangraph.ingest.read.reader import SUPPORTED as SUFFIXES

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

    from plangraph.ingest.models import Extraction


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


def extract_rows(path: Path, ocr: bool = True,
                 force: bool = False) -> tuple[GraphRows | None, str | None]:
    """A document's graph rows, or why it is not loaded (run in a worker process)."""
    from plangraph.graph.build import plan_rows
    from plangraph.ingest.extract import DocumentError, extract_file

    try:
        extraction = extract_file(path, ocr=ocr)
        if nothing_found(extraction) and not force:
            return None, NOTHING_FOUND
        return plan_rows(extraction), None
    except DocumentError as exc:
        return None, _reason(path, exc)
    except Exception as exc:  # an extractor bug must not stop the other documents
        return None, f"lỗi nội bộ / internal error: {type(exc).__name__}: {exc}"


def _die_with(ingest_alive: Connection) -> None:
    """Worker start: exit when the ingest process is gone. A worker waits for work on a pipe
    whose other end it holds itself, so a `kill -9` of the ingest would leave it (and the fork
    server, and the terminal's pipes they hold) running for ever. `ingest_alive` is the read
    end of a pipe only the ingest process writes to: it ends when that process does."""

    def watch() -> None:
        try:
            ingest_alive.recv()
        except (EOFError, OSError):
            pass
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="die-with-ingest").start()


# Documents written in one transaction at most: what the extraction workers have ready when
# the writer is free, so that a writer behind the workers catches up (a write's cost is mostly
# its statements' fixed cost, shared by the documents of a batch) and one ahead never waits.
BATCH = 32
# While more documents are coming a batch waits for this many: one document a transaction costs
# the writer ~0.1-0.2 s CPU of statements' fixed cost, CPU the extraction workers need.
MIN_BATCH = 8

Extracted = tuple[Path, GraphRows | None, str | None]  # a document's rows, or why not loaded


def extracted(files: list[Path], jobs: int, ocr: bool = True,
              force: bool = False) -> Iterator[list[Extracted]]:
    """`extract_rows` of each file, in order, in batches: each batch the documents ready when
    it is asked for (MIN_BATCH at least while more are coming, BATCH at most). On `jobs`
    processes when there is work enough, kept busy by a queue of files ahead of the writer.
    The workers come from a fork server that imported the extractor once (a fork of this
    process, which holds the open store, could inherit its locks)."""
    if jobs < 2 or len(files) < 2 * jobs:
        yield from ([(path, *extract_rows(path, ocr, force))] for path in files)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["plangraph.commands.ingest", "plangraph.ingest.extract"])
    ingest_alive, alive = context.Pipe(duplex=False)  # read end to the workers; we hold the other
    extract = partial(extract_rows, ocr=ocr, force=force)
    pending: deque[tuple[Path, Future[tuple[GraphRows | None, str | None]]]] = deque()
    queued = iter(files)
    try:
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_die_with,
                                 initargs=(ingest_alive,)) as pool:
            try:
                while True:
                    for path in islice(queued, 2 * BATCH - len(pending)):
                        pending.append((path, pool.submit(extract, path)))
                    if not pending:
                        return
                    path, future = pending.popleft()
                    batch = [(path, *future.result())]
                    while pending and len(batch) < BATCH \
                            and (len(batch) < MIN_BATCH or pending[0][1].done()):
                        path, future = pending.popleft()
                        batch.append((path, *future.result()))
                    yield batch
            finally:  # stopped early (Ctrl+C, a full disk): no more extraction
                for _, future in pending:
                    future.cancel()
    finally:
        alive.close()
        ingest_alive.close()


def write(store: GraphStore, batch: list[tuple[Path, GraphRows]]) -> tuple[
        list[LoadSummary], list[str]]:
    """Write a batch of documents in one transaction; if that fails, each in its own, so that
    only the documents that cannot be written are left out (and named, with the reason)."""
    try:
        return store.replace_plans([rows for _, rows in batch]), []
    except StoreError as exc:
        if len(batch) == 1:
            return [], [f"{batch[0][0]}: {_reason(batch[0][0], exc)}"]
    summaries: list[LoadSummary] = []
    failures: list[str] = []
    for one in batch:
        done, failed = write(store, [one])
        summaries += done
        failures += failed
    return summaries, failures


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--ocr/--no-ocr", default=True, show_default=True,
              help="Đọc PDF bản quét bằng OCR / read scanned PDFs by OCR (tesseract, vie).")
@click.option("--force", is_flag=True, help="Nạp cả văn bản không thấy tiêu đề, căn cứ hay "
                                            "nhiệm vụ nào / load documents in which nothing "
                                            "was found too.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Số tiến trình trích xuất / extraction processes (default: one per core); "
                   "one process writes.")
@click.pass_context
def ingest_command(ctx: click.Context, paths: tuple[str, ...], ocr: bool, force: bool,
                   jobs: int | None) -> None:
    """Nạp văn bản vào kho đồ thị / load plan documents into the graph store.

    PATHS are files or folders (searched recursively for .txt, .md, .html, .docx, .doc, .rtf,
    .odt, .pdf). Documents are extracted in parallel and written by one process, those ready
    together in one transaction, each whole or not at all.
    """
    files = document_paths(paths)
    if not files:
        raise click.ClickException("Không tìm thấy văn bản nào / no documents found "
                                   f"({', '.join(SUFFIXES)})")
    jobs = jobs or len(os.sched_getaffinity(0))
    ctrl_c = StopAfterCurrent().start()  # from here Ctrl+C stops before the next document
    try:
        store = open_store(ctx.obj.get("db") if ctx.obj else None)
    except StoreError as exc:
        ctrl_c.stop()
        raise click.ClickException(str(exc)) from exc
    try:  # Ctrl+C stays ours until the summary is out: a late one is said, not a kill
        code = _load_and_report(store, files, jobs, ocr, force, ctrl_c)
    finally:
        ctrl_c.stop()
    if code:
        ctx.exit(code)


def _load_and_report(store: GraphStore, files: list[Path], jobs: int, ocr: bool, force: bool,
                     ctrl_c: StopAfterCurrent) -> int:
    """Write the documents, then print the summary, the notes and the failures; the exit
    code: 0, 1 (a document failed, the disk is full) or 130 (Ctrl+C)."""
    summaries: list[LoadSummary] = []
    failures: list[str] = []
    stopped = None  # why the ingest stopped before the last document
    embedded = not store.location.startswith(NEO4J_SCHEMES)
    try:
        with click.progressbar(length=len(files), label="Đang nạp / ingesting", file=sys.stderr,
                               item_show_func=lambda path: path.name if path else "") as bar:
            done = 0
            for batch in extracted(files, jobs, ocr, force):
                if ctrl_c.requested:
                    stopped = (f"Đã dừng (Ctrl+C) sau {done}/{len(files)} văn bản / interrupted "
                               f"after {done} of {len(files)} documents", 130)
                    break
                failures += [f"{path}: {failed}" for path, rows, failed in batch if rows is None]
                todo = [(path, rows) for path, rows, _ in batch if rows is not None]
                done += len(batch) - len(todo)
                try:
                    while todo:  # as many documents in one transaction as the disk has room for
                        room = ensure_free_space(store.location, len(todo)) if embedded \
                            else len(todo)
                        written, failed = write(store, todo[:room])
                        summaries += written
                        failures += failed
                        done += room
                        todo = todo[room:]
                except DiskFullError as exc:
                    stopped = (f"{exc} ({done}/{len(files)})", 1)
                    break
                bar.update(len(batch), current_item=batch[-1][0])
        try:
            stats = store.stats()
            ambiguous = ambiguous_laws(store)
        except StoreError as exc:  # the store went away: still report what happened to each file
            stats, ambiguous = None, []
            failures.append(str(exc))
    finally:
        store.close()
    if stats is not None:
        for line in summary_lines(summaries, stats):
            click.echo(line)
    for name, years in ambiguous:
        click.echo(f"Lưu ý / note: “{name}” được trích không ghi năm, kho có {len(years)} luật "
                   f"cùng tên ({', '.join(map(str, years))}): để riêng / cited without its "
                   "year and the store holds laws of that name of several years: kept apart "
                   "(ambiguous)")
    if stopped:
        click.echo(stopped[0], err=True)
    if failures:
        for failure in failures:
            click.echo(failure, err=True)
        click.echo(f"Lỗi / failed: {len(failures)} văn bản / documents", err=True)
    return stopped[1] if stopped else 1 if failures else 0


COMMANDS = [ingest_command]
