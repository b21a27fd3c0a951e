"""`plangraph stats`: how many nodes and edges of each kind the store holds."""

from __future__ import annotations

import json

import click

from plangraph.graph.open import open_store
from plangraph.graph.schema import label_vi
from plangraph.graph.store import StoreError


def stats_table(stats: dict[str, dict[str, int]]) -> str:
    rows = [("Nút / nodes", "", "")]
    rows += [(label_vi(label), label, str(n)) for label, n in stats["nodes"].items()]
    rows += [("", "", ""), ("Quan hệ / edges", "", "")]
    rows += [(label_vi(rel), rel, str(n)) for rel, n in stats["edges"].items()]
    vi_width = max(len(r[0]) for r in rows)
    en_width = max(len(r[1]) for r in rows)
    return "\n".join(f"{vi:<{vi_width}}  {en:<{en_width}}  {n:>6}".rstrip()
                     for vi, en, n in rows)


@click.command("stats")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_context
def stats_command(ctx: click.Context, fmt: str) -> None:
    """Thống kê kho đồ thị / count the store's nodes and edges by kind."""
    try:
        store = open_store(ctx.obj.get("db") if ctx.obj else None, read_only=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        stats = store.stats()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(stats, ensure_ascii=False, indent=1))
    else:
        click.echo(stats_table(stats))


COMMANDS = [stats_command]
