"""Facts derived at load from one document's assignments, so that questions across 3,000 plans
read a few rows per (agency, plan) instead of walking every role edge of the country.

From a document's rows (graph/build.py) this adds, per plan:

- DUOC_GIAO (Agency -> Plan): one edge per agency the plan assigns tasks to, with how many
  distinct tasks it leads, supports, implements and takes any part in, and the ids of those
  that set a period (a deadlines column reads them);
- CUNG_LAM (Agency -> Agency): one edge per ordered pair of agencies assigned the same tasks and
  per relation between them on a task (as queries/ho_so_co_quan.cypher names it: the first that
  holds of "a leads, b supports", "a supports, b leads", "both implement", "both support",
  else "same task"), with the number of tasks and their keys.

Nothing is invented: every count is a count of the document's own tasks (its CHU_TRI, PHOI_HOP
and THUC_HIEN edges); each derived edge carries the plan's id and file, and the line range of the
tasks it counts, so its source stays one hop away through the tasks. Both go with their
plan when it is replaced or removed (graph/statements.py's generic steps).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from plangraph.graph.rows import GraphRows
from plangraph.graph.schema import REL_BY_NAME

LEAD, SUPPORT, IMPLEMENT = "CHU_TRI", "PHOI_HOP", "THUC_HIEN"
DERIVED = ("DUOC_GIAO", "CUNG_LAM")

# The relation of agency a to agency b on one task, from the roles each holds there: the first
# rule that holds (a task may name one agency in two roles).
RELATIONS = (
    ("chủ trì, cơ quan kia phối hợp", lambda a, b: LEAD in a and SUPPORT in b),
    ("phối hợp, cơ quan kia chủ trì", lambda a, b: SUPPORT in a and LEAD in b),
    ("cùng thực hiện", lambda a, b: IMPLEMENT in a and IMPLEMENT in b),
    ("cùng phối hợp", lambda a, b: SUPPORT in a and SUPPORT in b),
    ("cùng nhiệm vụ", lambda a, b: True),
)


def relation(roles_a: set[str], roles_b: set[str]) -> str:
    """The relation of a to b on one task.

    >>> relation({"CHU_TRI"}, {"PHOI_HOP"})
    'chủ trì, cơ quan kia phối hợp'
    >>> relation({"PHOI_HOP"}, {"PHOI_HOP", "CHU_TRI"})
    'phối hợp, cơ quan kia chủ trì'
    >>> relation({"CHU_TRI"}, {"CHU_TRI"})
    'cùng nhiệm vụ'
    """
    return next(name for name, holds in RELATIONS if holds(roles_a, roles_b))


def add_derived(rows: GraphRows) -> None:
    """Add DUOC_GIAO and CUNG_LAM edges to one document's rows (its tasks and role edges)."""
    plan = rows.nodes["Plan"][0]
    tasks = {t["id"]: t for t in rows.nodes.get("Task", [])}
    agency_type = {a["id"]: a["type"] for a in rows.nodes.get("Agency", [])}
    roles: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # task->agency
    for edges in rows.edges:
        if edges.rel not in (LEAD, SUPPORT, IMPLEMENT):
            continue
        for e in edges.rows:
            roles[e["to"]][e["from"]].add(edges.rel)
    base = {"plan_id": plan["id"], "file": plan["file"], "year": plan["year"]}

    def span(ids: set[str]) -> dict[str, Any]:
        """The lines of the tasks counted (each task keeps its own)."""
        found = [n for t in ids for n in (tasks[t]["line_start"], tasks[t]["line_end"])
                 if n is not None]
        return {"line_start": min(found, default=None), "line_end": max(found, default=None)}

    per_agency: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    pairs: dict[tuple[str, str, str], set[str]] = defaultdict(set)  # (a, b, relation) -> tasks
    for task, held in roles.items():
        # Names that resolved to no agency type share one group (type null): a task several of
        # them lead counts once for the group, on the first of them.
        untyped = sorted(a for a, r in held.items() if LEAD in r and agency_type.get(a) is None)
        if untyped:
            per_agency[untyped[0]]["type_leads"].add(task)
        for a, roles_a in held.items():
            if LEAD in roles_a and agency_type.get(a) is not None:
                per_agency[a]["type_leads"].add(task)
            for role in roles_a:
                per_agency[a][role].add(task)
            per_agency[a]["any"].add(task)
            for b, roles_b in held.items():
                if b != a:
                    pairs[(a, b, relation(roles_a, roles_b))].add(task)
    duoc_giao = rows.edge_rows("DUOC_GIAO", "Agency", "Plan")
    for a in sorted(per_agency):
        counts = per_agency[a]
        duoc_giao.append(_row("DUOC_GIAO", {
            "from": a, "to": plan["id"], **base, **span(counts["any"]),
            "leads": len(counts[LEAD]), "supports": len(counts[SUPPORT]),
            "implements": len(counts[IMPLEMENT]), "tasks": len(counts["any"]),
            "type_leads": len(counts["type_leads"]),
            "dated_tasks": sorted(t for t in counts["any"] if tasks[t]["period"] is not None)}))
    cung_lam = rows.edge_rows("CUNG_LAM", "Agency", "Agency")
    counted: set[tuple[str, str, str]] = set()  # (a, relation, task) counted for an untyped b
    for (a, b, rel) in sorted(pairs):
        shared = pairs[(a, b, rel)]
        if agency_type.get(b) is None:  # as type_leads above
            first = {t for t in shared if (a, rel, t) not in counted}
            counted.update((a, rel, t) for t in first)
        else:
            first = shared
        cung_lam.append(_row("CUNG_LAM", {
            "from": a, "to": b, **base, **span(shared), "province": plan["province"],
            "plan": plan["number"] or plan["title"], "relation": rel, "tasks": len(shared),
            "type_tasks": len(first), "task_keys": sorted({tasks[t]["key"] for t in shared})}))

def _row(rel: str, values: dict[str, Any]) -> dict[str, Any]:
    """An edge row with the schema's properties in the schema's order (as a store reads it)."""
    props = REL_BY_NAME[rel].props
    assert set(values) == {"from", "to", *props}, f"graph/schema.py: {rel}"
    return {"from": values["from"], "to": values["to"], **{p: values[p] for p in props}}
