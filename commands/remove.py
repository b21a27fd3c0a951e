"""`plangraph remove DOC…`: take documents' parts out of the store.

DOC is the document's file (a path or its name, as `ingest` read it) or its plan id. Each
removal is one transaction of the store (`GraphStore.remove_plan`): the plan, its tasks and
edges, and the shared nodes nothing else uses go, or nothing does.
"""

from __future__ import annotations

from pathlib import Path

import click

from plangraph.graph.schema import NODES, label_vi
from plangraph.graph.store import StoreError, open_store


@click.command("remove")
@click.argument("docs", nargs=-1, required=True, metavar="DOC…")
@click.pass_context
def remove_command(ctx: click.Context, docs: tuple[str, ...]) -> None:
    """Gỡ văn bản khỏi kho / take documents out of the store (file, file name or plan id)."""
    try:
        store = open_store(ctx.obj.get("db") if ctx.obj else None)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    if not hasattr(store, "remove_plan"):
        store.close()
        raise click.ClickException("kho này chưa hỗ trợ gỡ văn bản / this store cannot remove "
                                   "documents yet")
    missing: list[str] = []
    try:
        for doc in docs:
            try:
                removed = store.remove_plan(doc) or (
                    store.remove_plan(Path(doc).name) if Path(doc).name != doc else [])
            except StoreError as exc:
                raise click.ClickException(f"{doc}: {exc}") from exc
            if removed:
                click.echo(f"Đã gỡ / removed {doc}: {', '.join(removed)}")
            else:
                missing.append(doc)
        stats = store.stats()
    finally:
        store.close()
    click.echo("Kho hiện có / the store now holds: " + ", ".join(
        f"{stats['nodes'][n.label]} {label_vi(n.label).lower()} ({n.label})" for n in NODES))
    for doc in missing:
        click.echo(f"{doc}: không có trong kho / not in the store (plangraph query … hoặc / or "
                   "stats)", err=True)
    if missing:
        ctx.exit(1)


COMMANDS = [remove_command]
