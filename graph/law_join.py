"""One law, one node: a law cited without its year joins the one dated law of that name.

Documents cite "Luật Phòng, chống ma túy" with its year ("… năm 2021") or without. graph/build.py
joins the two within one document; across documents the store does it here, inside the write
transaction of every load and removal (graph/statements.py), so that the answer never depends
on the order documents came in:

- the year-less cites of a law point at its dated node when the store holds exactly one dated
  law of that name (cited with its year by some document);
- otherwise (no dated law, or two: "Luật Phòng, chống ma túy" of 2000 and of 2021 — ambiguous)
  they point at the year-less node "name:<key>", which `ambiguous_laws` reports.

A moved edge keeps its provenance and `as_written`, the name as the document wrote it: the
year-less cites are the TRICH_DAN edges whose `as_written` carries no year, and every edge a
document citing the law only that way wrote at the law (CAN_CU links too) moves with them.
"""

from __future__ import annotations

from collections.abc import Iterable

from plangraph.graph.schema import REL_BY_NAME
from plangraph.graph.statements import Run, Statement
from plangraph.graph.store import GraphStore
from plangraph.ingest.text.identity import law_base, named_act_year

# (relationship, the other end's label, the law node is the edge's end: True / start: False)
_AT_LAW = (("TRICH_DAN", "Plan", True), ("CAN_CU", "Plan", True),
           ("CAN_CU", "LegalAct", True), ("CAN_CU", "LegalAct", False))


def bases(act_ids: Iterable[str]) -> set[str]:
    """The year-less ids of the laws among `act_ids`."""
    return {b for b in map(law_base, act_ids) if b}


def _family(base: str) -> Statement:
    # LegalAct ids are keys: a prefix walk over a few hundred acts, only for laws a load touched
    return Statement("MATCH (n:LegalAct) WHERE n.id = $base OR n.id STARTS WITH $dated "
                     "RETURN n.id, n.type", {"base": base, "dated": base + "|"})


def _cites(ids: list[str]) -> Statement:
    return Statement("UNWIND $ids AS nid MATCH (p:Plan)-[r:TRICH_DAN]->(n:LegalAct {id: nid}) "
                     "RETURN n.id, r.plan_id, r.as_written", {"ids": ids})


def _move(rel: str, other: str, into: bool, source: str, target: str,
          plans: list[str]) -> Statement:
    props = ", ".join(f"{p}: r.{p}" for p in REL_BY_NAME[rel].props)
    law = "(n:LegalAct {id: $source})"
    pattern = f"(o:{other})-[r:{rel}]->{law}" if into else f"{law}-[r:{rel}]->(o:{other})"
    create = f"(o)-[:{rel} {{{props}}}]->(t)" if into else f"(t)-[:{rel} {{{props}}}]->(o)"
    return Statement(f"MATCH {pattern} WHERE r.plan_id IN $plans "
                     f"MATCH (t:LegalAct {{id: $target}}) CREATE {create} DELETE r",
                     {"source": source, "target": target, "plans": plans})


def _year_less(base: str, name: str, kind: str | None) -> Statement:
    return Statement("MERGE (n:LegalAct {id: $id}) SET n.name = $name, "
                     "n.type = coalesce(n.type, $type)", {"id": base, "name": name, "type": kind})


def _delete_unused(dialect: str, ids: list[str]) -> Statement:
    edge = "(n)--()"
    exists = f"EXISTS {{ {edge} }}" if dialect == "neo4j" else f"EXISTS {{ MATCH {edge} }}"
    return Statement(f"UNWIND $ids AS nid MATCH (n:LegalAct {{id: nid}}) WHERE NOT {exists} "
                     "DELETE n", {"ids": ids})


def sample_statements(dialect: str) -> list[Statement]:
    """One statement of each form `rejoin` sends (for graph/neo4j_cypher.py's linting)."""
    base = "name:luat phong chong ma tuy"
    return [_family(base), _cites([base]), _year_less(base, "Luật", "Luật"),
            *(_move(rel, other, into, base, f"{base}|2021", ["plan"])
              for rel, other, into in _AT_LAW),
            _delete_unused(dialect, [base])]


def rejoin(run: Run, dialect: str, law_ids: Iterable[str], keep: Iterable[str] = ()) -> None:
    """Point the year-less cites of each law of `law_ids` (year-less ids, `bases`) where they
    belong now, inside the caller's transaction; delete the law nodes left with no edge."""
    kept = set(keep)
    for base in sorted(set(law_ids)):
        family = {nid: kind for nid, kind in run(_family(base))}
        if not family:
            continue
        with_year: set[str] = set()  # plans writing the law's year
        dated: set[str] = set()  # dated nodes some document cites with the year
        yearless: dict[str, str] = {}  # plan -> the name as written without a year
        for nid, plan, written in run(_cites(sorted(family))):
            if written and named_act_year(written) is None:
                yearless[plan] = min(written, yearless.get(plan, written))
            else:
                with_year.add(plan)
                if nid != base:
                    dated.add(nid)
        plans = sorted(set(yearless) - with_year)
        target = next(iter(dated)) if len(dated) == 1 else base
        if plans and target == base:
            kind = next((k for k in family.values() if k), None)
            name = min(yearless[p] for p in plans)
            run(_year_less(base, name, kind))
        if plans:
            for nid in sorted(set(family) - {target}):
                for rel, other, into in _AT_LAW:
                    run(_move(rel, other, into, nid, target, plans))
        gone = sorted(set(family) - {target} - kept)
        if gone:
            run(_delete_unused(dialect, gone))


def ambiguous_laws(store: GraphStore) -> list[tuple[str, list[int]]]:
    """Laws cited without their year that stay apart because the store holds more than one
    dated law of that name: (the name as cited, the years)."""
    rows = store.run("MATCH (n:LegalAct) WHERE n.id STARTS WITH 'name:' AND n.number IS NULL "
                     "RETURN n.id, n.name").rows
    years: dict[str, list[int]] = {}
    for nid, _name in rows:
        base, _, year = nid.partition("|")
        if law_base(nid) and year.isdigit():
            years.setdefault(base, []).append(int(year))
    return sorted((name, sorted(years[nid])) for nid, name in rows
                  if nid in years and len(years[nid]) > 1)
