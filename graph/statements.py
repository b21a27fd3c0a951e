"""The statements that find, replace and count a document's part of the graph, once per dialect.

Both stores (graph/ladybug_store.py, graph/neo4j_store.py) replace a document the same way, in
one write transaction (`replace_plan`); several documents in one transaction go through each
step together (`replace_plans`: one statement per step for all of them, not one per document):

1. find the plans an earlier load of the document wrote (same plan id, or same file) and the
   shared nodes they touched (agencies, acts, programmes, themes, provinces, agency types);
2. delete those plans, their tasks and every edge they wrote, then those touched shared nodes
   that nothing points at any more (reference nodes stay);
3. write the new rows (each store's own bulk path: LadybugDB `LOAD FROM` a DataFrame, Neo4j
   `UNWIND` batches);
4. set each named agency's `names` to the names its mentions were written with;
5. point the year-less cites of the laws touched at their dated law (graph/law_join.py).

Every statement starts from a node looked up by its key (`{id: …}`) and walks edges from there:
none scans a whole relationship table, and the only label read whole is Plan's (one row per
document) to find an earlier load by its file name, so a load costs the same in a store of 100 or
3,000 documents. The walks rely on what graph/build.py writes: every task hangs off its plan
(CO_NHIEM_VU), every act a document mentions is cited by its plan (TRICH_DAN or CAN_CU), and an
agency is written only for a task that names it, so with its count edge to the plan (DUOC_GIAO,
graph/derived.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from plangraph.graph.rows import GraphRows, combine
from plangraph.graph.schema import MENTIONS, NODES, OWN_LABELS, RELS
from plangraph.ingest.text.vntext import loose_key

DIALECTS = ("ladybug", "neo4j")


class Statement(NamedTuple):
    cypher: str
    params: dict[str, Any]
    expect: int | None = None  # the count the statement must return (edges whose ends exist)


# A store runs one statement inside the open transaction and returns its rows.
Run = Callable[[Statement], list[list[Any]]]

# Edges a document wrote between shared nodes (the others go with its plan and tasks), and how
# their start nodes are reached from the plan `p`.
SHARED_PROVENANCE = tuple((r.name, a, b) for r in RELS if "plan_id" in r.props
                          for a, b in r.pairs if a not in OWN_LABELS and b not in OWN_LABELS)
_CITES = "CAN_CU|TRICH_DAN"
# One statement per old plan, its id a parameter: LadybugDB walks from the plan found by its key,
# whereas `UNWIND $ids … MATCH (p:Plan {id: …})-[…]->…` is planned as hash joins over whole
# tables once the store is large (~1 s a statement at 3,000 documents).
_PLAN = "(p:Plan {id: $pid})"
_REACH = {
    # every agency a document writes is assigned one of its tasks (graph/build.py), so it has
    # its DUOC_GIAO edge to the plan (graph/derived.py): one edge per agency, where the path
    # through the tasks gives one per mention (each then walking the agency's CUNG_LAM edges:
    # ~17 ms a plan at 3,000 documents, ~1 ms from DUOC_GIAO)
    "Agency": f"{_PLAN}<-[:DUOC_GIAO]-(n:Agency)",
    "LegalAct": f"{_PLAN}-[:{_CITES}]->(n:LegalAct)",
    "Programme": f"{_PLAN}-[:TRIEN_KHAI|TRICH_DAN]->(n:Programme)",
    "Theme": f"{_PLAN}-[:CO_NHIEM_VU]->(:Task)-[:CO_CHU_DE]->(n:Theme)",
    "Province": f"{_PLAN}-[:THUOC_TINH]->(n:Province)",
}
assert {a for _, a, _ in SHARED_PROVENANCE} <= set(_REACH), "graph/statements.py: _REACH"


def _exists(dialect: str, pattern: str) -> str:
    # Both dialects read `EXISTS { MATCH … }`; Neo4j also takes the bare pattern, which its
    # linter prefers.
    return f"EXISTS {{ {pattern} }}" if dialect == "neo4j" else f"EXISTS {{ MATCH {pattern} }}"


# -- finding what an earlier load wrote -------------------------------------------------------

def lookup_statement(plans: list[dict[str, Any]]) -> Statement:
    """Plans that may be earlier loads of these documents: the same id, or the same file name
    (`earlier_loads` decides on the latter)."""
    return Statement("MATCH (p:Plan) WHERE p.id IN $ids OR p.file IN $files "
                     "RETURN p.id, p.file, p.kind, p.title, p.province",
                     {"ids": [p["id"] for p in plans], "files": [p["file"] for p in plans]})


def earlier_loads(plan: dict[str, Any], found: list[list[Any]]) -> list[str]:
    """The ids of the plans an earlier load of this document wrote.

    The same id (its number, header or text: identity.plan_node_id) is the same plan. A file
    name alone is not: two provinces' "KH.pdf" are two plans. A file of the same name is the
    same document edited only when its header agrees: the same kind and title, and no other
    province (cutting a document may lose the line that named it).
    """
    def same_header(kind: Any, title: Any, province: Any) -> bool:
        return (kind == plan.get("kind") and bool(title) and loose_key(str(title))
                == loose_key(str(plan.get("title") or ""))
                and (province is None or plan.get("province") is None
                     or province == plan.get("province")))

    return [pid for pid, file, kind, title, province in found
            if pid == plan["id"] or file == plan["file"] and same_header(kind, title, province)]


def touched_statements(pid: str) -> dict[str, Statement]:
    """label -> the ids of the shared nodes of that label the plan `pid` touched."""
    out = {label: Statement(f"MATCH {walk} RETURN DISTINCT n.id", {"pid": pid})
           for label, walk in _REACH.items()}
    # acts and programmes only linked from a cited act (a hub act's edges, one per citing plan,
    # are read from its adjacency list: ~10 ms at 3,000 documents); provinces of tasks and
    # agencies; agency types of the agencies
    out["LegalAct+"] = Statement(
        f"MATCH {_PLAN}-[:{_CITES}]->(:LegalAct)-[r:CAN_CU|PHE_DUYET|TRIEN_KHAI]->(n) "
        "WHERE r.plan_id = $pid RETURN DISTINCT n.id", {"pid": pid})
    out["Province+"] = Statement(
        f"MATCH {_PLAN}-[:CO_NHIEM_VU]->(:Task)-[:THUOC_TINH]->(n:Province) "
        "RETURN DISTINCT n.id", {"pid": pid})
    return out


def agency_types_statement(agencies: list[str]) -> Statement:
    return Statement("UNWIND $ids AS aid MATCH (:Agency {id: aid})-[:LA_LOAI]->(n:AgencyType) "
                     "RETURN DISTINCT n.id", {"ids": agencies})


def touched(run: Run, old: list[str]) -> dict[str, list[str]]:
    """label -> ids of the shared nodes the plans `old` touched ("LegalAct" also holds the
    programmes an act links to: `delete_statements` looks them up as programmes too)."""
    found: dict[str, set[str]] = {}
    for pid in old:
        for key, statement in touched_statements(pid).items():
            found.setdefault(key.rstrip("+"), set()).update(r[0] for r in run(statement))
    agencies = sorted(found.get("Agency", ()))
    found["AgencyType"] = {r[0] for r in run(agency_types_statement(agencies))} if agencies \
        else set()
    return {label: sorted(ids) for label, ids in found.items()}


# -- deleting ---------------------------------------------------------------------------------

def delete_statements(dialect: str, old: list[str], shared: dict[str, list[str]],
                      keep: list[str]) -> list[Statement]:
    """Delete the plans `old` with their tasks and every edge they wrote; then the shared nodes
    in `shared` (label -> ids, from `touched`) nothing points at any more, except `keep`."""
    out = []
    for pid in old:
        out += [Statement(f"MATCH {_REACH[a]}-[r:{rel}]->(:{b}) WHERE r.plan_id = $pid DELETE r",
                          {"pid": pid}) for rel, a, b in SHARED_PROVENANCE]
        out += [Statement(f"MATCH {_PLAN}-[:CO_NHIEM_VU]->(t:Task) DETACH DELETE t",
                          {"pid": pid}),
                Statement(f"MATCH {_PLAN} DETACH DELETE p", {"pid": pid})]
    # reference nodes stay whatever points at them: only the others are looked at, each id
    # under its label (a statement with no id of its label still costs ~20 ms at 3,000 plans)
    kept = set(keep)
    gone = "NOT " + _exists(dialect, "(n)--()")
    if shared.get("Agency"):
        out.append(Statement(
            "UNWIND $ids AS nid MATCH (n:Agency {id: nid}) WHERE NOT "
            + _exists(dialect, f"(n)-[:{MENTIONS}]->()") + " DETACH DELETE n",
            {"ids": shared["Agency"]}))
    for node in NODES:
        if node.label in (*OWN_LABELS, "Agency"):
            continue
        ids = set(shared.get(node.label, ()))
        if node.label == "Programme":  # `touched` files the programmes an act links to there
            ids |= set(shared.get("LegalAct", ()))
        if ids - kept:
            out.append(Statement(f"UNWIND $ids AS nid MATCH (n:{node.label} {{id: nid}}) "
                                 f"WHERE {gone} DELETE n", {"ids": sorted(ids - kept)}))
    return out


# -- after writing ----------------------------------------------------------------------------

def names_statement(dialect: str, agencies: list[str]) -> Statement:
    """Set each agency's `names` to the names its mentions were written with, sorted."""
    walk = f"UNWIND $ids AS aid MATCH (a:Agency {{id: aid}}) OPTIONAL MATCH (a)-[r:{MENTIONS}]->() "
    if dialect == "neo4j":
        return Statement(walk + "WITH a, r.as_written AS name ORDER BY name "
                         "WITH a, collect(DISTINCT name) AS names SET a.names = names",
                         {"ids": agencies})
    return Statement(walk + "WITH a, list_sort(collect(DISTINCT r.as_written)) AS names "
                     "SET a.names = names", {"ids": agencies})


def count_statements() -> dict[tuple[str, str], str]:
    """("nodes" | "edges", label or type) -> the statement counting them (both dialects)."""
    out = {("nodes", n.label): f"MATCH (n:{n.label}) RETURN count(n)" for n in NODES}
    out |= {("edges", r.name): f"MATCH ()-[r:{r.name}]->() RETURN count(r)" for r in RELS}
    return out


# -- the whole replacement --------------------------------------------------------------------

def replace_plan(run: Run, dialect: str, rows: GraphRows, writes: Iterable[Statement],
                 keep: list[str]) -> list[str]:
    """Replace what earlier loads of the document of `rows` wrote by `writes` (the store's
    statements writing `rows`), inside the caller's transaction. Returns the old plan ids."""
    return replace_plans(run, dialect, [rows], lambda _rows: writes, keep)[0]


def replace_plans(run: Run, dialect: str, documents: list[GraphRows],
                  write: Callable[[GraphRows], Iterable[Statement]],
                  keep: list[str]) -> list[list[str]]:
    """`replace_plan` of each document in turn, inside the caller's transaction, with the
    statements of a whole run of documents sent once (`write` gives the store's statements
    writing some rows): a load costs the statements' fixed cost far more than their rows.
    Returns each document's old plan ids."""
    out: list[list[str]] = []
    for group in _distinct_runs(documents):
        out += _replace_group(run, dialect, group, write, keep)
    return out


def _distinct_runs(documents: list[GraphRows]) -> list[list[GraphRows]]:
    """Consecutive runs of documents of distinct plan ids and file names: within a run no
    document replaces another, so the run can be written as one (graph/rows.py's combine)."""
    runs: list[list[GraphRows]] = []
    ids: set[str] = set()
    files: set[str] = set()
    for rows in documents:
        plan = rows.nodes["Plan"][0]
        if not runs or plan["id"] in ids or plan["file"] in files:
            runs.append([])
            ids, files = set(), set()
        runs[-1].append(rows)
        ids.add(plan["id"])
        files.add(plan["file"])
    return runs


def _replace_group(run: Run, dialect: str, group: list[GraphRows],
                   write: Callable[[GraphRows], Iterable[Statement]],
                   keep: list[str]) -> list[list[str]]:
    from plangraph.graph import law_join

    plans = [rows.nodes["Plan"][0] for rows in group]
    found = run(lookup_statement(plans))
    olds: list[list[str]] = []
    claimed: set[str] = set()  # an old plan is replaced once, by the first document it matches
    for plan in plans:
        olds.append([pid for pid in earlier_loads(plan, found) if pid not in claimed])
        claimed.update(olds[-1])
    old = sorted(claimed)
    named = {row["id"] for rows in group for row in rows.nodes.get("Agency", [])}
    laws = law_join.bases(row["id"] for rows in group for row in rows.nodes.get("LegalAct", []))
    if old:
        shared = touched(run, old)
        named |= set(shared.get("Agency", []))
        laws |= law_join.bases(shared.get("LegalAct", []))
        for statement in delete_statements(dialect, old, shared, keep):
            run(statement)
    for statement in write(group[0] if len(group) == 1 else combine(group)):
        run(statement)
    if named:
        run(names_statement(dialect, sorted(named)))
    law_join.rejoin(run, dialect, laws, keep)
    return olds


def remove_plans(run: Run, dialect: str, file_or_id: str, keep: list[str]) -> list[str]:
    """Delete what loads of one document (its file name or plan id) wrote; the old plan ids."""
    # the user names the document: by its plan id or by the file it was loaded from
    old = [r[0] for r in run(Statement("MATCH (p:Plan) WHERE p.id = $id OR p.file = $file "
                                       "RETURN p.id", {"id": file_or_id, "file": file_or_id}))]
    if old:
        from plangraph.graph import law_join

        shared = touched(run, old)
        for statement in delete_statements(dialect, old, shared, keep):
            run(statement)
        if shared.get("Agency"):
            run(names_statement(dialect, shared["Agency"]))
        law_join.rejoin(run, dialect, law_join.bases(shared.get("LegalAct", [])), keep)
    return old
