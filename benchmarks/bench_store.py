"""The store at national scale: load, replace and canned queries from 100 to 3,000 documents.

    .venv/bin/python benchmarks/bench_store.py [--docs 100,1000,3000] [--seed 1] [--keep FILE]

The documents are the synthetic national corpus (benchmarks/corpus.py), given to the store as
graph rows without running the extractor: each of the five samples is extracted once, and each
copy is that extraction re-issued (province, number, date, year, file) — the rows the extractor
gives for the copy's text, up to task texts. So the store is measured whatever the extractor's
speed. At each size: seconds per document for the last loads before it (a load into a store of
that size) and for replacing documents already there, p50/p95 of every canned query
(in-process), the store's size and the peak RSS. Three queries are also answered with pandas
from the same rows read once, and `tim_nhiem_vu` against a plain `re` scan of every task text:
the floors the store is compared with. The store is filled in bulk up to `--measure`
documents short of each size; those last documents are loaded one by one and timed.

Run it with an older checkout first on the path (PYTHONPATH=DIR, DIR/plangraph a link to the
checkout) to compare: documents reach the older store through its `load(extraction)`.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import os
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import PLANS, SAMPLES, copies  # noqa: E402

import plangraph  # noqa: E402
from plangraph.graph.build import plan_rows  # noqa: E402
from plangraph.graph.ladybug_store import LadybugStore  # noqa: E402
from plangraph.graph.rows import GraphRows  # noqa: E402
from plangraph.graph.schema import OWN_LABELS, REL_BY_NAME  # noqa: E402
from plangraph.ingest.extract import extract_file  # noqa: E402
from plangraph.queries.catalog import catalog  # noqa: E402
from plangraph.queries.runner import run  # noqa: E402

PARAMS = {"ho_so_co_quan": {"co_quan": "Công an cấp tỉnh"},
          "nghia_vu_co_quan": {"co_quan": "Sở Y tế"},
          "nhiem_vu_theo_ky": {"ky": "2024"},
          "so_sanh_hai_tinh": {"a": "Hà Nội", "b": "Tuyên Quang"},
          "tim_nhiem_vu": {"tu_khoa": "tiền chất"}}


def extractions(docs: int, seed: int):
    """The corpus's documents as extractions (one extractor run per sample)."""
    samples = {s.file: extract_file(PLANS / s.file) for s in SAMPLES}
    for c in copies(docs, seed):
        x = copy.deepcopy(samples[c.sample.file])
        doc = x.document
        doc.province, doc.year, doc.issued = c.province, c.year, c.issued
        doc.number = f"{c.number}/{c.sample.symbol}"
        doc.issuer = f"Ủy ban nhân dân {c.sample.kind} {c.province}"
        x.file = c.file
        x.content_hash = hashlib.sha256(c.file.encode()).hexdigest()
        yield x  # (line sources keep the sample's file name)


def timed(f, *args):
    t0 = time.perf_counter()
    out = f(*args)
    return time.perf_counter() - t0, out


def query_times(store, repeat: int) -> dict[str, list[float]]:
    out = {}
    for name in catalog():
        params = PARAMS.get(name, {})
        out[name] = [timed(run, store, name, params)[0] for _ in range(repeat)]
    return out


def pandas_floor(store) -> dict[str, float]:
    """Three answers computed with pandas from rows read once: the in-process floor."""
    import pandas as pd

    def frame(cypher):
        result = store.run(cypher)
        return pd.DataFrame(result.rows, columns=result.columns)

    tasks = frame("MATCH (t:Task) RETURN t.id AS task, t.province AS province")
    leads = frame("MATCH (a:Agency)-[:CHU_TRI]->(t:Task) RETURN a.province AS province, "
                  "a.type AS type, t.id AS task, t.plan_id AS plan")
    themes = frame("MATCH (t:Task)-[:CO_CHU_DE]->(th:Theme) RETURN t.province AS province, "
                   "th.id AS theme")
    texts = frame("MATCH (t:Task) RETURN t.id AS task, t.text AS text")
    out = {}
    t0 = time.perf_counter()
    ranked = leads.groupby(["province", "type"]).agg(tasks=("task", "nunique"),
                                                     plans=("plan", "nunique")).reset_index()
    ranked["rank"] = ranked.groupby("province")["tasks"].rank(method="min", ascending=False)
    ranked[ranked["rank"] <= 3]
    out["chu_tri_nhieu_nhat"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    covered = themes.drop_duplicates()
    provinces = tasks["province"].dropna().unique()
    everywhere = set(covered["theme"])
    {p: everywhere - set(covered[covered.province == p]["theme"]) for p in provinces}
    out["chu_de_con_thieu"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    word = re.compile(r"(?<!\w)tiền chất(?!\w)", re.IGNORECASE)
    [t for t, text in zip(texts["task"], texts["text"], strict=True) if text and word.search(text)]
    out["tim_nhiem_vu (re scan)"] = time.perf_counter() - t0
    return out


def combined(rows_list) -> GraphRows:
    """Many documents' rows as one (shared nodes and structural edges once): to fill a store
    quickly up to the size measured."""
    out, seen = GraphRows(), set()
    for rows in rows_list:
        for label, node_rows in rows.nodes.items():
            for row in node_rows:
                if label in OWN_LABELS or (label, row["id"]) not in seen:
                    seen.add((label, row["id"]))
                    out.add_node(label, row)
        for e in rows.edges:
            target = out.edge_rows(e.rel, e.from_label, e.to_label)
            for row in e.rows:
                key = (e.rel, row["from"], row["to"])
                if "plan_id" in REL_BY_NAME[e.rel].props or key not in seen:
                    seen.add(key)
                    target.append(row)
    return out


def load(store, x):
    """One document, through the store interface (or the older `load` of an Extraction)."""
    if hasattr(store, "replace_plan"):
        return store.replace_plan(plan_rows(x))
    return store.load(x)


def fill(store, xs) -> None:
    rows = combined(plan_rows(x) for x in xs)
    if hasattr(store, "merge"):
        store.merge(rows)
    else:
        store._in_transaction(lambda w: w.write(rows, overwrite=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", default="100,1000,3000")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=10, help="runs of each query")
    parser.add_argument("--measure", type=int, default=30, help="loads timed at each size")
    parser.add_argument("--keep", type=Path, help="write the store here and keep it")
    args = parser.parse_args()
    sizes = sorted(int(n) for n in args.docs.split(","))
    print(f"plangraph from {Path(plangraph.__file__).parent}", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "bench.lbdb"
        docs = list(extractions(sizes[-1] + args.measure, args.seed))
        with LadybugStore(db) as store:
            loaded = 0
            for size in sizes:
                # up to `measure` documents short of the size in bulk, the rest one by one
                bulk = docs[loaded:size - args.measure]
                for start in range(0, len(bulk), 250):
                    fill(store, bulk[start:start + 250])
                run(store, "tim_nhiem_vu", {"tu_khoa": "x"})  # the task index, if any, built
                load_s = [timed(load, store, x)[0] for x in docs[size - args.measure:size]]
                loaded = size
                replace_s = [timed(load, store, x)[0] for x in docs[:20]]
                print(f"\n== {size} documents "
                      f"({store.stats()['nodes']['Task']} tasks)", flush=True)
                print(f"load    {statistics.mean(load_s):.3f} s/doc (last {len(load_s)}), "
                      f"replace {statistics.mean(replace_s):.3f} s/doc (20)")
                for name, times in query_times(store, args.repeat).items():
                    p95 = statistics.quantiles(times, n=20)[-1] if len(times) > 1 else times[0]
                    print(f"  {name:26s} p50 {statistics.median(times) * 1000:8.1f} ms  "
                          f"p95 {p95 * 1000:8.1f} ms")
                for name, seconds in pandas_floor(store).items():
                    print(f"  floor {name:20s} {seconds * 1000:8.1f} ms")
                print(f"store {os.path.getsize(db) / 2**20:.1f} MiB, peak RSS "
                      f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB",
                      flush=True)


if __name__ == "__main__":
    main()
