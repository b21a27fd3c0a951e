"""Three canned queries against the same answer computed in-process with pandas or networkx
(issue 9: "report … for three queries, against the same answer computed with networkx or
pandas in-process").

    .venv/bin/python benchmarks/bench_floor.py [--docs 3000] [--repeat 10]

On bench_queries.py's cached national store, opened read-only. The floor's input is read once
and not timed: the plain assignment, theme and legal-basis rows, as a notebook would hold them
in DataFrames, and, for the two queries that read them, the counts written at load
(DUOC_GIAO, TONG_HOP_CHU_DE) as a second floor. Then, round by round, the canned query
through queries/runner.py (Cypher, rows out of the store, the runner's shaping) and the floor's
computation on the rows in memory are timed in turn; the two answers are compared (the floor's
rows must be the query's, on the columns named), so the comparison is of one answer:

- chu_tri_nhieu_nhat (pandas): per province, the agency types that lead the most tasks (top 3,
  ties share a rank), with their plans and years; collective assignees left out;
- chu_de_con_thieu (pandas): the themes other provinces have tasks on that a province has none
  on, with the provinces that have them and their tasks;
- chuoi_can_cu (networkx): the legal-basis chains from every plan up to their roots, each
  act -> act edge at its smallest level (breadth-first from the acts plans are based on).

Also `tim_nhiem_vu` ("tiền chất") against a `re` scan of every task text (the task ids found).
Prints a Markdown table: p50 / p95 ms of each, their ratio, the rows, whether the answers agree.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_queries import params_for, percentile, store_path  # noqa: E402

from plangraph.graph.ladybug_store import LadybugStore  # noqa: E402
from plangraph.ontology.loader import collective_types  # noqa: E402
from plangraph.queries.catalog import catalog  # noqa: E402
from plangraph.queries.runner import run  # noqa: E402

LEADS = ("MATCH (a:Agency)-[:CHU_TRI]->(t:Task) RETURN a.province AS province, a.type AS type, "
         "t.id AS task, t.plan_id AS plan, t.year AS year")
THEMES = ("MATCH (t:Task)-[:CO_CHU_DE]->(th:Theme) RETURN t.province AS province, "
          "t.id AS task, th.id AS theme, coalesce(th.label_vi, th.id) AS label")
PLANS = "MATCH (p:Plan) RETURN p.id AS plan, p.province AS province"
BASES = ("MATCH (p:Plan)-[:CAN_CU]->(l:LegalAct) RETURN p.id AS plan, l.id AS act")
ACT_EDGES = ("MATCH (a:LegalAct)-[c:CAN_CU]->(b:LegalAct) RETURN a.id AS a, b.id AS b, "
             "c.file AS file, c.line_start AS line_start")
TEXTS = "MATCH (t:Task) RETURN t.id AS task, t.text AS text"
# the counts written at load that the two queries read (graph/derived.py, graph/build.py)
DUOC_GIAO = ("MATCH (a:Agency)-[d:DUOC_GIAO]->(:Plan) WHERE d.leads > 0 RETURN a.province AS "
             "province, a.type AS type, d.type_leads AS tasks, d.plan_id AS plan, d.year AS year")
THEME_COUNTS = ("MATCH (p:Plan)-[c:TONG_HOP_CHU_DE]->(th:Theme) RETURN p.province AS province, "
                "th.id AS theme, c.tasks AS tasks")


def frame(store, cypher: str):
    import pandas as pd

    result = store.run(cypher)
    return pd.DataFrame(result.rows, columns=result.columns)


# --- the floors: each takes the rows read once, gives the answer as a set of tuples ----------

def top_leads(d: dict[str, Any]) -> set[tuple]:
    leads = d["leads"]
    kept = leads[~leads["type"].isin(d["collectives"]) & leads["province"].notna()]
    groups = kept.groupby(["province", "type"], dropna=False).agg(
        tasks=("task", "nunique"), plans=("plan", "nunique"),
        years=("year", lambda ys: tuple(sorted(set(ys))))).reset_index()
    groups["rank"] = groups.groupby("province")["tasks"].rank(method="min", ascending=False)
    top = groups[groups["rank"] <= 3]
    return {(p, int(r), t if isinstance(t, str) else None, int(n), int(k), y)
            for p, r, t, n, k, y in zip(top["province"], top["rank"], top["type"], top["tasks"],
                                        top["plans"], top["years"], strict=True)}


def top_leads_counted(d: dict[str, Any]) -> set[tuple]:
    """As `top_leads`, from each agency's lead count per plan (DUOC_GIAO) as the query."""
    leads = d["lead_counts"]
    kept = leads[~leads["type"].isin(d["collectives"]) & leads["province"].notna()]
    groups = kept.groupby(["province", "type"], dropna=False).agg(
        tasks=("tasks", "sum"), plans=("plan", "nunique"),
        years=("year", lambda ys: tuple(sorted(set(ys))))).reset_index()
    groups["rank"] = groups.groupby("province")["tasks"].rank(method="min", ascending=False)
    top = groups[groups["rank"] <= 3]
    return {(p, int(r), t if isinstance(t, str) else None, int(n), int(k), y)
            for p, r, t, n, k, y in zip(top["province"], top["rank"], top["type"], top["tasks"],
                                        top["plans"], top["years"], strict=True)}


def missing_themes_counted(d: dict[str, Any]) -> set[tuple]:
    """As `missing_themes`, from each plan's tasks per theme (TONG_HOP_CHU_DE) as the query."""
    counts = d["theme_counts"]
    per_theme = counts.groupby("theme").agg(tasks=("tasks", "sum"),
                                            covered=("province", lambda p: frozenset(p.dropna())))
    provinces = set(d["plans"]["province"].dropna())
    return {(p, theme, int(n)) for theme, n, covered in zip(per_theme.index, per_theme["tasks"],
                                                           per_theme["covered"], strict=True)
            for p in provinces - covered}


def missing_themes(d: dict[str, Any]) -> set[tuple]:
    themes = d["themes"]
    per_theme = themes.groupby("theme").agg(tasks=("task", "size"),
                                            covered=("province", lambda p: frozenset(p.dropna())))
    provinces = set(d["plans"]["province"].dropna())
    return {(p, theme, int(n)) for theme, n, covered in zip(per_theme.index, per_theme["tasks"],
                                                           per_theme["covered"], strict=True)
            for p in provinces - covered}


def chains(d: dict[str, Any]) -> set[tuple]:
    import networkx as nx

    g: nx.MultiDiGraph = d["acts"]
    bases = d["bases"]
    out = {(1, plan, act) for plan, act in zip(bases["plan"], bases["act"], strict=True)}
    sources = set(bases["act"]) & set(g)  # (acts with no act above or below: no edge)
    # breadth-first from every act a plan is based on at once: each act's smallest depth
    depth = nx.multi_source_dijkstra_path_length(g, sources, cutoff=11, weight=lambda *_: 1)
    for a, b in g.edges():
        if a in depth:
            out.add((depth[a] + 2, a, b))
    return out


def scanned(d: dict[str, Any]) -> set[tuple]:
    word = re.compile(r"(?<!\w)tiền chất(?!\w)", re.IGNORECASE)
    return {(t,) for t, text in d["texts"] if text and word.search(text)}


# --- the canned queries' answers on the same columns ------------------------------------------

def as_set(name: str, columns: list[str], rows: list[list[Any]]) -> set[tuple]:
    at = {c: i for i, c in enumerate(columns)}
    if name == "chu_tri_nhieu_nhat":
        return {(r[at["province"]], r[at["rank"]], r[at["agency_type"]], r[at["tasks"]],
                 r[at["plans"]], tuple(r[at["years"]])) for r in rows}
    if name == "chu_de_con_thieu":
        return {(r[at["province"]], r[at["theme_id"]], r[at["tasks_elsewhere"]]) for r in rows}
    if name == "chuoi_can_cu":
        return {(r[at["level"]], r[at["from_id"]], r[at["to_id"]]) for r in rows}
    return {(r[at["task_id"]],) for r in rows}


FLOORS: list[tuple[str, str, Callable[[dict[str, Any]], set[tuple]]]] = [
    ("chu_tri_nhieu_nhat", "pandas, lead edges", top_leads),
    ("chu_tri_nhieu_nhat", "pandas, counts written at load", top_leads_counted),
    ("chu_de_con_thieu", "pandas, (task, theme) pairs", missing_themes),
    ("chu_de_con_thieu", "pandas, counts written at load", missing_themes_counted),
    ("chuoi_can_cu", "networkx", chains),
    ("tim_nhiem_vu", "re scan", scanned),
]


def read_once(store) -> tuple[dict[str, Any], float]:
    import networkx as nx

    t0 = time.perf_counter()
    edges = frame(store, ACT_EDGES)
    acts = nx.MultiDiGraph()
    acts.add_edges_from(zip(edges["a"], edges["b"], strict=True))
    texts = store.run(TEXTS).rows
    data = {"leads": frame(store, LEADS), "themes": frame(store, THEMES),
            "plans": frame(store, PLANS), "bases": frame(store, BASES), "acts": acts,
            "texts": texts, "collectives": sorted(collective_types()),
            "lead_counts": frame(store, DUOC_GIAO), "theme_counts": frame(store, THEME_COUNTS)}
    return data, (time.perf_counter() - t0) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with LadybugStore(store_path(args.docs, args.seed), read_only=True) as store:
        data, read_ms = read_once(store)
        print(f"\n### {args.docs} documents (load average {os.getloadavg()[0]:.1f}; the floors' "
              f"rows read once in {read_ms:.0f} ms, not timed below)\n")
        print("| query | floor | rows | query p50 / p95 ms | floor p50 / p95 ms | "
              "ratio p50 | same answer |\n|---|---|---|---|---|---|---|")
        for name, kind, floor in FLOORS:
            q = catalog()[name]
            params = params_for(q)
            out = run(store, q, params)  # warm-up, and the answers compared
            mine = as_set(name, out.columns, out.rows)
            theirs = floor(data)
            same = "yes" if mine == theirs else (f"**NO** ({len(mine - theirs)} only in the "
                                                 f"query, {len(theirs - mine)} only in the floor)")
            q_ms, f_ms = [], []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                run(store, q, params)
                q_ms.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                floor(data)
                f_ms.append((time.perf_counter() - t0) * 1000)
            qp50, fp50 = statistics.median(q_ms), statistics.median(f_ms)
            print(f"| {name} | {kind} | {len(out.rows)} | {qp50:.0f} / {percentile(q_ms, 95):.0f}"
                  f" | {fp50:.0f} / {percentile(f_ms, 95):.0f} | {qp50 / fp50:.1f}× | {same} |",
                  flush=True)
        print(f"\nload average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
