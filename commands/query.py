"""`plangraph queries` lists the canned queries; `plangraph query NAME -p key=value …` runs one."""

from __future__ import annotations

import csv
import json
import sys
from typing import Any

import click

from plangraph.graph.render import graph_of, render_html, write_html
from plangraph.graph.store import StoreError, open_store
from plangraph.queries.catalog import CannedQuery, QueryError, catalog
from plangraph.queries.runner import QueryOutput, run

CELL = 60  # table cells are cut here; csv and json keep everything


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
              default="table", show_default=True)
@click.option("--html", "html_file", type=click.Path(dir_okay=False), default=None,
              help="Ghi đồ thị tương tác ra tệp / write the interactive graph to FILE.")
@click.option("--as-of", "as_of", default=None, metavar="DATE",
              help="Hiện tỉnh và cơ quan theo đơn vị kế nhiệm tại ngày này / show provinces "
                   "and agency types as their successors at DATE (YYYY-MM-DD).")
@click.pass_context
def query_command(ctx: click.Context, name: str, params: tuple[str, ...], fmt: str,
                  html_file: str | None, as_of: str | None) -> None:
    """Chạy một truy vấn có sẵn / run a canned query (see `plangraph queries`)."""
    given = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"cần dạng / expected KEY=VALUE: {item}", param_hint="-p")
        given[key.strip()] = value
    try:
        store = open_store(ctx.obj.get("db") if ctx.obj else None, read_only=True)
        try:
            out = run(store, name, given, as_of=as_of)
        finally:
            store.close()
    except (QueryError, StoreError) as exc:
        raise click.ClickException(str(exc)) from exc
    if html_file:
        try:
            write_html(graph_of(out), html_file, title=out.query.question, notes=out.notes)
        except OSError as exc:
            raise click.ClickException(
                f"không ghi được / cannot write {html_file}: {exc.strerror or exc}") from exc
        click.echo(f"Đã ghi đồ thị / graph written: {html_file}", err=True)
    if fmt == "json":
        _dump({"query": out.query.name, "question": out.query.question,
               "params": out.params, "columns": [{"key": c, "label": label} for c, label
                                                 in zip(out.columns, out.labels, strict=True)],
               "rows": out.records(), "notes": out.notes})
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(out.labels)
        writer.writerows([_cell(v) for v in row] for row in out.rows)
        for note in out.notes:
            click.echo(note, err=True)
    elif fmt == "html":
        sys.stdout.write(render_html(graph_of(out), title=out.query.question, notes=out.notes))
    else:
        click.echo(render_table(out))


def render_table(out: QueryOutput) -> str:
    """For a person: node ids left out (csv and json keep them), long cells cut."""
    shown = [i for i, c in enumerate(out.columns) if out.query.kind(c) != "id"]
    labels = [out.labels[i] for i in shown]
    cells = [[_cut(_cell(row[i])) for i in shown] for row in out.rows]
    widths = [max([len(h), *(len(r[i]) for r in cells)]) for i, h in enumerate(labels)]
    line = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()
            for r in cells]
    head = "  ".join(h.ljust(w) for h, w in zip(labels, widths, strict=True)).rstrip()
    return "\n".join([out.query.question, "", head, line, *body, "", *out.notes,
                      f"{len(out.rows)} dòng / rows"])


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "có" if v else "không"
    if isinstance(v, list):
        return "; ".join(_cell(x) for x in v)
    return str(v)


def _cut(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= CELL else s[: CELL - 1] + "…"


def _dump(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
    sys.stdout.write("\n")


COMMANDS = [queries_command, query_command]
