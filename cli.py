"""Command line: `plangraph [--db LOCATION] COMMAND …`.

Each command lives in its own module under `commands/`; this file only assembles the group.
"""

from __future__ import annotations

import os
import sys

import click

from plangraph import __version__
from plangraph.commands import export, extract, ingest, push, query, remove, serve, stats


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            # `plangraph query … | head`: the reader has what it wanted; stop quietly, exit 0,
            # as Unix tools do (what is still buffered goes nowhere).
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            return None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    "db",
    envvar="PLANGRAPH_DB",
    default=None,
    metavar="LOCATION",
    help="Kho đồ thị / graph store: a path for the embedded store (default "
    "./plangraph.lbdb) or neo4j://… / bolt://… (env PLANGRAPH_DB).",
)
@click.version_option(__version__, prog_name="plangraph")
@click.pass_context
def main(ctx: click.Context, db: str | None) -> None:
    """plangraph — đồ thị tri thức các kế hoạch phòng, chống AIDS, ma túy, mại dâm.

    A knowledge graph of Vietnamese provincial plans on AIDS, drug and prostitution prevention.
    """
    ctx.ensure_object(dict)
    ctx.obj["db"] = db


for module in (extract, ingest, remove, stats, query, export, push, serve):
    for command in module.COMMANDS:
        main.add_command(command)
