"""`plangraph queries` lists the canned queries; `plangraph query NAME -p key=value …` runs one."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from typing import Any

import click

from plangraph.graph.open import open_store
from plangraph.graph.store import StoreError
from plangraph.queries.catalog import CannedQuery, QueryError, catalog

# The runner (the extractor's agency lexicon) and the output writers are imported when a
# query runs, so that `plangraph --help` and the other commands do not pay for them.


@click.command("queries")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def queries_command(fmt: str) -> None:
    """Liệt kê các truy vấn có sẵn / list the canned queries."""
    queries = list(catalog().values())
    if fmt == "json":
        _dump([describe(q) for q in queries])
        return
    for q in queries:
        click.echo(f"{q.name}  ({_signature(q)})" if q.params else q.name)
        click.echo(f"    {q.question}\n    {q.question_en}")


def describe(q: CannedQuery) -> dict[str, Any]:
    return {
        "name": q.name, "question": q.question, "question_en": q.question_en,
        "params": [{"name": p.name, "type": p.type, "required": p.required,
                    "default": p.default, "description": p.description} for p in q.params],
        "columns": [{"key": c.key, "label": c.label} for c in q.columns],
    }


def _signature(q: CannedQuery) -> str:
    return ", ".join(p.name if p.required else f"{p.name}={p.default or '…'}"
                     for p in q.params)


@click.command("query")
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE",
              help="Tham số / parameter, e.g. -p tinh=\"tuyen quang\" (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "html"]),
              default=None, help="In ra màn hình / print as (mặc định / default: table, or "
                                 "nothing when -o or --html writes a file).")
@click.option("-o", "--output", "output", type=click.Path(dir_okay=False), default=None,
              metavar="FILE", help="Ghi kết quả ra tệp theo đuôi / write the result to FILE by "
                                   "its extension: .csv (Excel), .xlsx, .json, .html.")
@click.option("--html", "html_file", type=click.Path(dir_okay=False), default=None,
              help="Ghi đồ thị tương tác ra tệp / write the interactive graph to FILE.")
@click.option("--wide", is_flag=True, help="Bảng không cắt, không xuống dòng / table cells "
                                           "whole, whatever the terminal width.")
@click.option("--as-of", "as_of", default=None, metavar="DATE",
              help="Hiện tỉnh và cơ quan theo đơn vị kế nhiệm tại ngày này / show provinces "
                   "and agency types as their successors at DATE (YYYY-MM-DD).")
@click.pass_context
def query_command(ctx: click.Context, name: str, params: tuple[str, ...], fmt: str | None,
                  output: str | None, html_file: str | None, wide: bool,
                  as_of: str | None) -> None:
    """Chạy một truy vấn có sẵn / run a canned query (see `plangraph queries`)."""
    from plangraph.queries import output as results
    from plangraph.queries.runner import run

    given = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"cần dạng / expected KEY=VALUE: {item}", param_hint="-p")
        given[key.strip()] = value
    if output and Path(output).suffix.lower() not in results.FORMATS:
        raise click.BadParameter(f"{output}: đuôi tệp / file type: "
                                 f"{', '.join(results.FORMATS)}", param_hint="-o")
    try:
        store = open_store(ctx.obj.get("db") if ctx.obj else None, read_only=True)
        try:
            out = run(store, name, given, as_of=as_of)
        finally:
            store.close()
    except (QueryError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    for path, what in ((html_file, "đồ thị / graph"), (output, "kết quả / result")):
        if not path:
            continue
        try:  # --html writes the page whatever the file is called
            written = results.write(out, path) if path == output else \
                results.write_html(out, path)
        except OSError as exc:
            raise click.ClickException(
                f"không ghi được / cannot write {path}: {exc.strerror or exc}") from exc
        click.echo(f"Đã ghi {what} written: {written} ({len(out.rows)} dòng / rows)", err=True)
    if fmt is None:
        fmt = None if output or html_file else "table"
    if fmt == "json":
        sys.stdout.write(results.json_text(out))
    elif fmt == "csv":
        results.write_csv(out, sys.stdout)
    elif fmt == "html":
        sys.stdout.write(results.html_page(out))
    elif fmt == "table":
        click.echo(results.table(out, shutil.get_terminal_size((100, 24)).columns, wide=wide))


def _dump(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


COMMANDS = [queries_command, query_command]
