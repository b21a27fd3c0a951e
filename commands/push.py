"""`plangraph push --to neo4j://…`: copy the embedded store to a Neo4j server.

The embedded store is read whole through its `run` and cut into one part per plan (the plan,
its tasks, the edges carrying its plan id, and the shared nodes and structural edges they
touch); each part is written like an ingested document, in its own transaction, replacing what
an earlier push of that plan wrote. What no plan holds (reference data, successions) follows in
a last transaction. Pushing twice leaves Neo4j as pushing once.
"""

from __future__ import annotations

import sys

import click

from plangraph.graph.open import open_store
from plangraph.graph.rows import GraphRows, read_graph
from plangraph.graph.schema import NODES, OWN_LABELS, REL_BY_NAME, label_vi
from plangraph.graph.store import NEO4J_SCHEMES, LoadSummary, StoreError


def split_by_plan(rows: GraphRows) -> tuple[list[GraphRows], GraphRows]:
    """One part per plan: the plan, its tasks, the edges read from it (its plan id, or an end
    that is its plan or task) and the shared nodes these touch, as `graph/build.py` builds a
    document's rows; and the rest: every shared node and the edges no plan holds (Agency ->
    AgencyType, successions), written last."""
    parts: dict[str, GraphRows] = {}
    owner: dict[tuple[str, str], str] = {}  # (label, id) of a plan or a task -> plan id
    rest = GraphRows()
    for plan in rows.nodes.get("Plan", []):
        parts[plan["id"]] = GraphRows()
        parts[plan["id"]].add_node("Plan", plan)
        owner[("Plan", plan["id"])] = plan["id"]
    for task in rows.nodes.get("Task", []):
        parts.get(task["plan_id"], rest).add_node("Task", task)
        owner[("Task", task["id"])] = task["plan_id"]
    shared = {(label, row["id"]): row for label, label_rows in rows.nodes.items()
              if label not in OWN_LABELS for row in label_rows}
    touched: dict[str, set[tuple[str, str]]] = {plan: set() for plan in parts}
    for edges in rows.edges:
        for row in edges.rows:
            ends = ((edges.from_label, row["from"]), (edges.to_label, row["to"]))
            plan = row.get("plan_id") if "plan_id" in REL_BY_NAME[edges.rel].props else None
            plan = plan if plan in parts else next((owner[e] for e in ends if e in owner), None)
            part = parts.get(plan, rest)
            part.edge_rows(edges.rel, edges.from_label, edges.to_label).append(row)
            if part is not rest:
                touched[plan] |= {e for e in ends if e in shared}
    for plan, keys in touched.items():
        for label, node_id in sorted(keys):
            parts[plan].add_node(label, shared[(label, node_id)])
    for (label, _), row in shared.items():
        rest.add_node(label, row)
    return list(parts.values()), rest


def _counts(stats: dict[str, dict[str, int]]) -> str:
    return ", ".join(f"{label_vi(n.label).lower()} ({n.label}) {stats['nodes'][n.label]}"
                     for n in NODES)


def summary_lines(summaries: list[LoadSummary], source: str, target: str,
                  before: dict[str, dict[str, int]],
                  after: dict[str, dict[str, int]]) -> list[str]:
    tasks = sum(s.nodes.get("Task", 0) for s in summaries)
    replaced = sum(s.replaced for s in summaries)
    lines = [
        f"Đã đẩy {len(summaries)} kế hoạch, {tasks} nhiệm vụ từ {source} lên {target}"
        + (f" ({replaced} kế hoạch thay bản đã đẩy trước)" if replaced else "") + ".",
        f"Pushed {len(summaries)} plans, {tasks} tasks from {source} to {target}"
        + (f" ({replaced} replaced an earlier push)" if replaced else "") + ".",
        "Kho nhúng / embedded store: " + _counts(before),
        "Neo4j: " + _counts(after),
    ]
    differ = [name for kind in ("nodes", "edges") for name, n in before[kind].items()
              if after[kind].get(name) != n]
    if differ:
        lines.append("Khác nhau / differ (Neo4j có thêm kế hoạch khác? / other plans in Neo4j?): "
                     + ", ".join(differ))
    return lines


@click.command("push")
@click.option("--from", "source", metavar="STORE", default=None,
              help="Kho nhúng / the embedded store (default: --db, PLANGRAPH_DB or "
                   "./plangraph.lbdb).")
@click.option("--to", "target", metavar="neo4j://HOST:7687", required=True,
              help="Máy chủ Neo4j / the Neo4j server; credentials from PLANGRAPH_NEO4J_USER and "
                   "PLANGRAPH_NEO4J_PASSWORD, database from PLANGRAPH_NEO4J_DATABASE.")
@click.pass_context
def push_command(ctx: click.Context, source: str | None, target: str) -> None:
    """Đẩy kho nhúng lên Neo4j / copy the embedded store to a Neo4j server.

    Each plan replaces what an earlier push or ingest of it wrote; pushing again is harmless.
    """
    source = source or (ctx.obj.get("db") if ctx.obj else None)
    if source and source.startswith(NEO4J_SCHEMES):
        raise click.ClickException(f"--from cần kho nhúng / --from must be the embedded store, "
                                   f"not {source.split('@')[-1]}")
    if not target.startswith(NEO4J_SCHEMES):
        raise click.ClickException(f"--to cần địa chỉ Neo4j / --to must be a Neo4j location "
                                   f"({', '.join(NEO4J_SCHEMES)})")
    try:
        embedded = open_store(source, read_only=True)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        parts, rest = split_by_plan(read_graph(embedded))
        before = embedded.stats()
        where = embedded.location
    finally:
        embedded.close()
    try:
        neo4j = open_store(target)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    summaries: list[LoadSummary] = []
    try:
        with click.progressbar(parts, label="Đang đẩy / pushing", file=sys.stderr,
                               item_show_func=lambda p: p.nodes["Plan"][0]["file"] if p else "",
                               ) as bar:
            for part in bar:
                summaries.append(neo4j.replace_plan(part))
        neo4j.merge(rest)
        after = neo4j.stats()
        location = neo4j.location
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        neo4j.close()
    for line in summary_lines(summaries, where, location, before, after):
        click.echo(line)


COMMANDS = [push_command]
