"""`plangraph export --format ttl|jsonld|graphml|csv -o PATH`: the store's graph as open files."""

from __future__ import annotations

from pathlib import Path

import click

from plangraph.graph.open import open_store
from plangraph.graph.store import StoreError

# graph/export.py's FORMATS (tests/test_export.py checks they agree), here so that the command
# line does not import rdflib and networkx before an export runs.
FORMATS = ("ttl", "jsonld", "graphml", "csv")

_WHAT = {"ttl": "RDF Turtle", "jsonld": "RDF JSON-LD", "graphml": "GraphML",
         "csv": "CSV"}


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="ttl, jsonld: RDF theo từ vựng ontology/plangraph.ttl / RDF in the plangraph "
                   "vocabulary; graphml: for networkx, Gephi; csv: tables for Excel (a folder). "
                   "Mặc định: theo đuôi tệp, không đuôi: ttl / default: by the file's "
                   "extension, ttl without one.")
@click.option("-o", "--output", "output", required=True, metavar="PATH",
              type=click.Path(path_type=Path),
              help="Tệp kết quả; với csv là một thư mục / output file; a directory for csv.")
@click.pass_context
def export_command(ctx: click.Context, fmt: str | None, output: Path) -> None:
    """Xuất đồ thị ra tệp mở / export the graph to open formats."""
    fmt = _format(fmt, output)
    if fmt == "csv" and output.is_file():
        raise click.ClickException(f"{output} là tệp, csv cần một thư mục / is a file; csv "
                                   "needs a directory")
    if fmt != "csv" and output.is_dir():
        raise click.ClickException(f"{output} là thư mục, cần đường dẫn tệp / is a directory; "
                                   "give a file path")
    if fmt != "csv" and not output.parent.is_dir():
        raise click.ClickException(f"Không có thư mục / no such directory: {output.parent}")
    try:
        store = open_store(ctx.obj.get("db") if ctx.obj else None, read_only=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        from plangraph.graph.export import export

        nodes, edges = export(store, fmt, output)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise click.ClickException(f"không ghi được / cannot write {output}: "
                                   f"{exc.strerror or exc}") from exc
    finally:
        store.close()
    click.echo(f"Đã xuất {nodes} nút, {edges} quan hệ ({_WHAT[fmt]}) vào {output}\n"
               f"Exported {nodes} nodes, {edges} edges ({_WHAT[fmt]}) to {output}")


def _format(fmt: str | None, output: Path) -> str:
    """The format asked for, else the one the file's extension names; a file name ending in
    .csv is refused (CSV is a folder of tables: never a folder named "g.csv"), as is a format
    that contradicts the extension."""
    suffix = output.suffix.lower().lstrip(".")
    if suffix == "csv":
        raise click.ClickException(
            f"{output}: xuất csv ghi nhiều bảng vào một thư mục, hãy cho tên thư mục (vd. -o "
            f"{output.with_suffix('')}) / csv export writes one table per label into a folder: "
            f"give a folder name (e.g. -o {output.with_suffix('')})")
    if suffix in FORMATS and fmt not in (None, suffix):
        raise click.ClickException(f"{output}: đuôi .{suffix} khác --format {fmt} / the "
                                   f"extension .{suffix} contradicts --format {fmt}")
    return fmt or (suffix if suffix in FORMATS else "ttl")


COMMANDS = [export_command]
