"""LadybugDB and Neo4j side by side: load time and each canned question's p50/p95.

    .venv/bin/python benchmarks/bench_neo4j.py --docs 250 1000 [--rounds 15] [--seed 1]

The synthetic national corpus (`corpus.py`) is extracted once (not timed); then, for each size,
the first N documents are loaded into a fresh embedded store and into an empty Neo4j (the
server NEO4J_URI names, credentials as for plangraph, else a Neo4j 5 started from
tools/neo4j-test-server), one document per transaction as `plangraph ingest` does, and every
canned question is run `--rounds` times on each store, alternating between the two so that
the machine's load weighs on both alike (after one untimed warm-up run each). Also checks that
both stores hold the same counts and give the same rows. Prints a Markdown table.

Use a throwaway server: plangraph's nodes there are deleted first.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from neo4j import GraphDatabase

from plangraph.graph.build import plan_rows
from plangraph.graph.ladybug_store import LadybugStore
from plangraph.graph.neo4j_store import Neo4jStore, parse_location
from plangraph.graph.schema import NODES
from plangraph.ingest.extract import extract_file
from plangraph.queries.catalog import catalog
from plangraph.queries.runner import run

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import write_corpus  # noqa: E402

# A value for each required parameter type; optional `tinh` is left unset (the whole country).
SAMPLES = {"province": "tuyen quang", "agency_type": "cong an", "act": "291/QĐ-TTg",
           "programme": "ma tuy", "text": "ma tuy", "period": "2024", "int": "1",
           "string": "x", "date": "2024-01-01"}
SPECIAL = {"so_sanh_hai_tinh": {"a": "tuyen quang", "b": "ha noi"}}


def server_uri() -> tuple[str, object | None]:
    if os.environ.get("NEO4J_URI"):
        return os.environ["NEO4J_URI"], None
    path = HERE.parent / "tools" / "neo4j-test-server" / "server.py"
    spec = importlib.util.spec_from_file_location("neo4j_test_server", path)
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    server = tool.Neo4jTestServer(heap=os.environ.get("PLANGRAPH_NEO4J_TEST_HEAP", "1g"),
                                  pagecache="256m")
    server.start()
    return server.uri_with_credentials, server


def wipe(uri: str) -> None:
    target = parse_location(uri)
    labels = "|".join(n.label for n in NODES)
    with GraphDatabase.driver(target.uri, auth=target.auth) as driver:
        while True:  # in batches: a 1,000-plan graph is too big for one transaction's memory
            records, _, _ = driver.execute_query(
                f"MATCH (n:{labels}) WITH n LIMIT 5000 DETACH DELETE n RETURN count(*) AS n",
                database_=target.database)
            if records[0]["n"] == 0:
                return


def params_for(name: str) -> dict[str, str]:
    if name in SPECIAL:
        return SPECIAL[name]
    return {p.name: SAMPLES[p.type] for p in catalog()[name].params if p.required}


def normalised(rows: list[list[object]]) -> list[str]:
    def value(v: object) -> object:
        return sorted(map(repr, v)) if isinstance(v, list) else repr(v)

    return sorted(repr([value(v) for v in row]) for row in rows)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def load(store, extractions) -> float:
    t0 = time.perf_counter()
    for extraction in extractions:
        store.replace_plan(plan_rows(extraction))
    return time.perf_counter() - t0


def bench(n: int, extractions, uri: str, rounds: int, folder: Path) -> list[str]:
    lines = []
    local = LadybugStore(folder / f"bench{n}.lbdb")
    local_s = load(local, extractions[:n])
    wipe(uri)
    neo = Neo4jStore(uri)
    neo._prepare()  # constraints, indexes and reference data: once per store, not per document
    neo_s = load(neo, extractions[:n])
    same_stats = local.stats() == neo.stats()
    tasks = local.stats()["nodes"]["Task"]
    lines.append(f"\n### {n} documents ({tasks} tasks)\n")
    lines.append(f"Load: LadybugDB {local_s:.1f} s ({n / local_s:.1f} docs/s), Neo4j "
                 f"{neo_s:.1f} s ({n / neo_s:.1f} docs/s); same counts: {same_stats}\n")
    print("\n".join(lines), flush=True)
    lines.append("| question | rows | LadybugDB p50 | p95 | Neo4j p50 | p95 | same rows |")
    lines.append("|---|---|---|---|---|---|---|")
    for name in sorted(catalog()):
        q, params = catalog()[name], params_for(name)
        times: dict[str, list[float]] = {"local": [], "neo": []}
        results = {"local": run(local, q, params), "neo": run(neo, q, params)}  # warm-up
        for _ in range(rounds):
            for key, store in (("local", local), ("neo", neo)):
                t0 = time.perf_counter()
                run(store, q, params)
                times[key].append((time.perf_counter() - t0) * 1000)
        same = normalised(results["local"].rows) == normalised(results["neo"].rows)
        lines.append(f"| {name} | {len(results['local'].rows)} | "
                     f"{statistics.median(times['local']):.0f} ms | "
                     f"{percentile(times['local'], 95):.0f} ms | "
                     f"{statistics.median(times['neo']):.0f} ms | "
                     f"{percentile(times['neo'], 95):.0f} ms | {'yes' if same else 'NO'} |")
        print(lines[-1], flush=True)
    local.close()
    neo.close()
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[250, 1000])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    uri, server = server_uri()
    try:
        with tempfile.TemporaryDirectory(prefix="bench-neo4j-") as tmp:
            folder = Path(tmp)
            paths = write_corpus(folder / "docs", max(args.docs), args.seed)
            t0 = time.perf_counter()
            extractions = [extract_file(p) for p in paths]
            print(f"extracted {len(paths)} documents in {time.perf_counter() - t0:.0f} s "
                  "(not part of the load times)", flush=True)
            out = []
            for n in args.docs:
                out += bench(n, extractions, uri, args.rounds, folder)
            if server is not None:
                out.append(f"\nNeo4j server RSS at the end: {server.rss_mb():.0f} MB")
            print("\n".join(out))
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
