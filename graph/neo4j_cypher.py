"""The Cypher statements the Neo4j store writes with, derived from graph/schema.py.

Finding, replacing and counting are graph/statements.py's, shared with the embedded store.

Pure functions from rows to `Statement`s (text and parameters), so that what a load sends can be
checked without a server, and linted by Neo4j's own Cypher front end (tools/cypher-lint): row
values always travel as parameters; only schema names (labels, types, property keys) are put
into the text.

    python -m plangraph.graph.neo4j_cypher --lint-schema   # the schema, for tools/cypher-lint
    python -m plangraph.graph.neo4j_cypher --statements    # every statement the store sends
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterator
from typing import Any

from plangraph.graph import law_join, statements
from plangraph.graph.rows import EdgeRows, GraphRows
from plangraph.graph.schema import NODE_BY_LABEL, NODES, OWN_LABELS, REL_BY_NAME, RELS
from plangraph.graph.statements import SHARED_PROVENANCE, Statement

BATCH = 1000  # rows per UNWIND statement
PREFIX = "plangraph"  # names of the constraints and indexes the store creates
TASK_TEXT_INDEX = f"{PREFIX}_task_text"
# Beyond the `id` constraints: what deletes and canned queries look nodes up by.
NODE_INDEXES = {"Plan": ("file", "province"), "Task": ("plan_id", "province", "period"),
                "Agency": ("type", "province"), "LegalAct": ("number",)}


# -- schema --------------------------------------------------------------------------------

def schema_statements() -> list[Statement]:
    """Constraints and indexes, idempotent (IF NOT EXISTS); each runs on its own."""
    out = [Statement(f"CREATE CONSTRAINT {PREFIX}_{n.label}_id IF NOT EXISTS "
                     f"FOR (n:{n.label}) REQUIRE n.id IS UNIQUE", {}) for n in NODES]
    out += [Statement(f"CREATE INDEX {PREFIX}_{label}_{prop} IF NOT EXISTS "
                      f"FOR (n:{label}) ON (n.{prop})", {})
            for label, props in NODE_INDEXES.items() for prop in props]
    out.append(Statement(  # tim_nhiem_vu: words of task texts, diacritics folded (search.py)
        f"CREATE FULLTEXT INDEX {TASK_TEXT_INDEX} IF NOT EXISTS FOR (t:Task) ON EACH [t.text] "
        "OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-folding'}}", {}))
    out += [Statement(f"CREATE INDEX {PREFIX}_{rel}_plan_id IF NOT EXISTS "
                      f"FOR ()-[r:{rel}]-() ON (r.plan_id)", {})
            for rel in dict.fromkeys(rel for rel, _, _ in SHARED_PROVENANCE)]
    return out


# -- writing -------------------------------------------------------------------------------

def write_statements(rows: GraphRows, *, overwrite: bool = False) -> list[Statement]:
    """Nodes then edges, in batches. Shared nodes are merged: `overwrite` replaces their
    properties (reference data), otherwise a document only fills the properties still empty."""
    out: list[Statement] = []
    for node in NODES:
        cypher = _node_cypher(node.label, overwrite)
        out += [Statement(cypher, {"rows": batch})
                for batch in _batches(rows.nodes.get(node.label, []))]
    for edges in rows.edges:
        cypher = _edge_cypher(edges)
        props = REL_BY_NAME[edges.rel].props
        for batch in _batches(edges.rows):
            params = [{"from": r["from"], "to": r["to"], "props": {p: r.get(p) for p in props}}
                      for r in batch]
            out.append(Statement(cypher, {"rows": params}, expect=len(batch)))
    return out


def _node_cypher(label: str, overwrite: bool) -> str:
    merge = f"UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) "
    if label in OWN_LABELS:
        return merge + "SET n = row"
    if overwrite:
        return merge + "SET n += row"
    fill = ", ".join(f"n.{p} = coalesce(n.{p}, row.{p})"
                     for p in NODE_BY_LABEL[label].props if p != "id")
    return merge + "ON CREATE SET n += row" + (f" ON MATCH SET {fill}" if fill else "")


def _edge_cypher(edges: EdgeRows) -> str:
    rel = REL_BY_NAME[edges.rel]
    # Two MATCH clauses: index lookups of each end, not a product of the two labels. (WHERE,
    # not `{id: row.from}`: the linter takes `from` in a pattern map for a node property.)
    ends = (f"UNWIND $rows AS row MATCH (a:{edges.from_label}) WHERE a.id = row.from "
            f"MATCH (b:{edges.to_label}) WHERE b.id = row.to ")
    if "plan_id" in rel.props:  # read from one document: one edge per row
        return ends + f"CREATE (a)-[r:{rel.name}]->(b) SET r = row.props RETURN count(*)"
    # structural: one edge per pair (MERGE on null properties would never match)
    return ends + f"MERGE (a)-[r:{rel.name}]->(b) SET r += row.props RETURN count(*)"


def _batches(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


def search_statement(query: str) -> Statement:
    """Ids of the tasks whose text matches `query` (graph/search.py's `index_query`)."""
    return Statement(f"CALL db.index.fulltext.queryNodes('{TASK_TEXT_INDEX}', $query) "
                     "YIELD node RETURN node.id AS id", {"query": query})


# -- for tools/cypher-lint -----------------------------------------------------------------

def lint_schema() -> dict[str, Any]:
    """plangraph's schema as @neo4j-cypher/language-support's DbSchema wants it."""
    keys = {p for n in NODES for p in n.props} | {p for r in RELS for p in r.props}
    return {
        "labels": [n.label for n in NODES],
        "relationshipTypes": [r.name for r in RELS],
        "propertyKeys": sorted(keys),
        "graphSchema": [{"from": a, "to": b, "relType": r.name} for r in RELS for a, b in r.pairs],
    }


def all_statements() -> list[dict[str, Any]]:
    """One statement of each form the store sends (for a document holding every label and
    relationship of the schema), with example parameters, in the linter's JSON form.

    Statements that differ only in schema names count as one form: the names all come from
    graph/schema.py, which the linter checks them against, and Neo4j's front end takes ~0.2 s a
    statement."""
    rows = GraphRows()
    for n in NODES:
        rows.add_node(n.label, {p: None for p in n.props} | {"id": n.label})
    for r in RELS:
        for a, b in r.pairs:
            rows.edge_rows(r.name, a, b).append({"from": a, "to": b} | dict.fromkeys(r.props))
    shared = {"Agency": ["agency"], "LegalAct": ["act"]}
    sample = [*schema_statements(), statements.lookup_statement(rows.nodes["Plan"]),
              *statements.touched_statements("old").values(),
              statements.agency_types_statement(["agency"]),
              *statements.delete_statements("neo4j", ["old"], shared, ["keep"]),
              *write_statements(rows), *write_statements(rows, overwrite=True),
              statements.names_statement("neo4j", ["agency"]),
              *law_join.sample_statements("neo4j"),
              *(Statement(c, {}) for c in statements.count_statements().values())]
    names = {n.label for n in NODES} | {r.name for r in RELS}
    names |= {p for n in NODES for p in n.props} | {p for r in RELS for p in r.props}
    name = re.compile(r"\b(?:" + "|".join(sorted(names, key=len, reverse=True)) + r")\b")
    forms: dict[str, dict[str, Any]] = {}
    for s in sample:
        form = re.sub(rf"{PREFIX}_\w+", "_", s.cypher)  # constraint and index names
        form = re.sub(r"SET (n\.\w+ = coalesce\(n\.\w+, row\.\w+\)(, )?)+", "SET fill", form)
        form = name.sub("_", form)
        forms.setdefault(form, {"name": f"statement-{len(forms) + 1}", "cypher": s.cypher,
                                "params": s.params})
    return list(forms.values())


def _main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m plangraph.graph.neo4j_cypher")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--lint-schema", action="store_true", help="the schema, as JSON")
    what.add_argument("--statements", action="store_true",
                      help="every statement the Neo4j store sends, as JSON")
    args = parser.parse_args(argv)
    out = lint_schema() if args.lint_schema else all_statements()
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    _main()
