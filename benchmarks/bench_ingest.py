"""Ingest speed: the sample corpus copied N times into a fresh embedded store.

    .venv/bin/python benchmarks/bench_ingest.py [--copies 20] [--keep FILE]
    .venv/bin/python benchmarks/bench_ingest.py --gold ../shared/gold [--copies 200]
    .venv/bin/python benchmarks/bench_ingest.py --store [--at 100,1000,3000] [--batch 32]
        [--against REV] [--rows-cache FILE]

Each copy gets its own file name and one extra closing line, so that every copy is a distinct
plan (the seeds have no number, their plan id is the text's hash). Prints documents per second
for extraction and for loading separately, the final store's size and the peak memory (RSS).
With --gold the store is fed the hand-written gold annotations instead of the extractor's
output: the load speed at realistic volumes (~45 tasks, ~150 agency edges per plan), whatever
the state of the extractor.

--store grows a store with the synthetic national corpus (corpus.py, extracted once) and, at
each size of --at, times loading the next --sample documents and replacing them, wall and CPU
time per document, --batch documents per transaction, each in a fresh process. --against REV
times that commit's code too, on a store of its own grown alike (by that code), alternately
first, and prints
old / new: a ratio measured in one run, whatever the machine's load.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from plangraph.graph.build import plan_rows
from plangraph.graph.ladybug_store import LadybugStore
from plangraph.ingest.extract import extract_file
from plangraph.ingest.models import AgencyMention, DocumentInfo, Extraction, LegalRef, Task

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_extract import checkout  # noqa: E402

PLANS = Path(__file__).resolve().parent.parent / "examples" / "plans"


def make_corpus(folder: Path, copies: int) -> list[Path]:
    seeds = sorted(PLANS.glob("*.txt"))
    paths = []
    for n in range(copies):
        for seed in seeds:
            path = folder / f"{seed.stem}_copy{n:04d}.txt"
            path.write_text(seed.read_text(encoding="utf-8") + f"\nBản sao {n}\n",
                            encoding="utf-8")
            paths.append(path)
    return paths


def gold_extraction(gold: dict, copy: int) -> Extraction:
    def mentions(names: list[str]) -> list[AgencyMention]:
        return [AgencyMention(name, name) for name in names]

    return Extraction(
        file=f"{Path(gold['file']).stem}_copy{copy:04d}.txt",
        document=DocumentInfo(**{k: v for k, v in gold["document"].items() if k != "source"}),
        basis=[(b["id"], b["year"], b.get("scope", "national")) for b in gold["basis"]],
        legal_refs=[LegalRef(r["id"], type=r["type"], issuer=r["issuer"], issued=r["issued"],
                             year=r["year"], scope=r["scope"]) for r in gold["legal_refs"]],
        tasks=[Task(t["key"], t["text_start"], lead=mentions(t["lead"]),
                    support=mentions(t["support"]), implementers=mentions(t["implementers"]),
                    when=t["when"]) for t in gold["tasks"]],
        content_hash=hashlib.sha256(f"{gold['file']}-{copy}".encode()).hexdigest(),
    )


def bench_gold(gold_dir: Path, copies: int, db: Path) -> None:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))]
    extractions = [gold_extraction(g, n) for n in range(copies) for g in golds]
    t0 = time.perf_counter()
    with LadybugStore(db) as store:
        for extraction in extractions:
            store.replace_plan(plan_rows(extraction))
        load_s = time.perf_counter() - t0
        t1 = time.perf_counter()
        for extraction in extractions[: len(golds)]:
            store.replace_plan(plan_rows(extraction))  # replacing a plan in a full store
        replace_s = time.perf_counter() - t1
        counts = store.stats()
    n = len(extractions)
    print(f"documents: {n}  tasks: {counts['nodes']['Task']}  "
          f"agency edges: {sum(counts['edges'][r] for r in ('CHU_TRI', 'PHOI_HOP', 'THUC_HIEN'))}")
    print(f"load:    {n / load_s:8.1f} documents/s  ({load_s:.2f} s)")
    print(f"replace: {len(golds) / replace_s:8.1f} documents/s in the full store")


# -- load and replace per document as the store grows (--store) --------------------------------

def corpus_rows(docs: int, cache: Path | None) -> list:
    """The synthetic national corpus's graph rows (benchmarks/corpus.py), extracted on two
    processes; kept in `cache` (a pickle) when given, read from it when it holds enough."""
    import pickle
    from concurrent.futures import ProcessPoolExecutor

    if cache and cache.exists():
        rows = pickle.loads(cache.read_bytes())
        if len(rows) >= docs:
            return rows[:docs]
    from corpus import write_corpus  # benchmarks/corpus.py

    with tempfile.TemporaryDirectory() as tmp, ProcessPoolExecutor(2) as pool:
        paths = write_corpus(Path(tmp), docs)
        rows = list(pool.map(_rows_of, paths, chunksize=8))
    if cache:
        cache.write_bytes(pickle.dumps(rows))
    return rows


def _rows_of(path: Path):
    return plan_rows(extract_file(path))


def store_worker(db: Path, rows_file: Path, first: int, end: int, batch: int,
                 steps: str) -> None:
    """Runs in its own process (this checkout's code or another's, by PYTHONPATH): writes the
    documents first..end of the rows into the store, `batch` per transaction where the code can,
    once per step of `steps` ("load,replace"), and prints each step's wall and CPU seconds
    (after writing the document before `first` again, untimed: imports, caches)."""
    import pickle

    rows = pickle.loads(rows_file.read_bytes())
    docs = rows[first:end]
    out = {}
    with LadybugStore(db) as store:
        batched = getattr(store, "replace_plans", None)
        if first and steps != "fill":  # warm up (imports, the task index): the last one again
            store.replace_plan(rows[first - 1])
        size = batch if batched else 1
        for step in steps.split(","):
            t0, c0 = time.perf_counter(), time.process_time()
            for i in range(0, len(docs), size):
                if batched:
                    batched(docs[i:i + size])
                else:
                    store.replace_plan(docs[i])
            out[step] = {"wall": time.perf_counter() - t0, "cpu": time.process_time() - c0,
                         "batch": size}
    print(json.dumps(out))


def run_store_worker(db: Path, rows_file: Path, first: int, end: int, batch: int, steps: str,
                     pythonpath: Path | None = None) -> dict[str, dict[str, float]]:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    done = subprocess.run([sys.executable, __file__, "--store-worker", str(db), str(rows_file),
                           str(first), str(end), str(batch), steps], env=env, cwd="/",
                          capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def bench_store(docs: int, at: list[int], batch: int, sample: int, against: str | None,
                cache: Path | None) -> None:
    """At each store size of `at`, time loading the next `sample` documents and replacing
    them. With `against`, that commit's code does the same on a store of its own, alternately
    first; each store is filled between the sizes by its own code (the graphs are the same
    whatever code writes them, tests/test_store_contract.py, but the task index's shape may not
    be: graph/task_index.py's VERSION)."""
    import pickle

    rows = corpus_rows(docs + sample, cache)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        rows_file = work / "rows.pickle"
        rows_file.write_bytes(pickle.dumps(rows))
        codes: dict[str, Path | None] = {"this checkout": None}
        if against:
            codes[against] = checkout(against, work / "old")
        stores = {name: work / f"store{i}.lbdb" for i, name in enumerate(codes)}
        order = list(codes)
        size = 0
        print(f"load average at start: {os.getloadavg()[0]:.1f}")
        for target in at:
            for name in codes:  # fill, not timed, each store by its own code (the graphs are
                if target > size:  # the same, the task index's shape may differ)
                    run_store_worker(stores[name], rows_file, size, target, 64, "fill",
                                     codes[name])
            order.reverse()
            results = {name: run_store_worker(stores[name], rows_file, target, target + sample,
                                              batch, "load,replace", codes[name])
                       for name in order}
            size = target + sample
            for step in ("load", "replace"):
                line = f"{step:>7} at {target:5d} documents:"
                for name in codes:
                    r = results[name][step]
                    line += (f"  {name} ({r['batch']:.0f}/tx) {r['wall'] / sample * 1000:6.1f} ms "
                             f"wall {r['cpu'] / sample * 1000:6.1f} ms CPU per document")
                if against:
                    ratio = results[against][step]["wall"] / results["this checkout"][step]["wall"]
                    cpu = results[against][step]["cpu"] / results["this checkout"][step]["cpu"]
                    line += f"  old/new {ratio:4.1f}x wall {cpu:4.1f}x CPU"
                print(line + f"  (load average {os.getloadavg()[0]:.1f})", flush=True)

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="write the store here and keep it")
    parser.add_argument("--gold", type=Path, help="load the gold annotations in this folder")
    parser.add_argument("--store", action="store_true",
                        help="load and replace per document as the store grows (corpus.py)")
    parser.add_argument("--at", default="100,1000,3000", help="--store: store sizes")
    parser.add_argument("--sample", type=int, default=20, help="--store: documents timed")
    parser.add_argument("--batch", type=int, default=32,
                        help="--store: documents per transaction (code that can batch)")
    parser.add_argument("--against", metavar="REV", help="--store: that commit's code too")
    parser.add_argument("--rows-cache", type=Path, help="--store: keep the corpus's rows here")
    parser.add_argument("--store-worker", nargs=6, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.store_worker:
        db, rows_file, first, end, batch, steps = args.store_worker
        store_worker(Path(db), Path(rows_file), int(first), int(end), int(batch), steps)
        return
    if args.store:
        at = [int(n) for n in args.at.split(",")]
        bench_store(max(at), at, args.batch, args.sample, args.against, args.rows_cache)
        return
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.gold:
            db = args.keep or work / "bench.lbdb"
            bench_gold(args.gold, args.copies, db)
            print(f"store:   {os.path.getsize(db) / 2**20:.1f} MiB")
            print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
            return
        paths = make_corpus(work, args.copies)
        db = args.keep or work / "bench.lbdb"
        extract_s = load_s = 0.0
        tasks = 0
        with LadybugStore(db) as store:
            for path in paths:
                t0 = time.perf_counter()
                extraction = extract_file(path)
                t1 = time.perf_counter()
                store.replace_plan(plan_rows(extraction))
                t2 = time.perf_counter()
                extract_s, load_s = extract_s + t1 - t0, load_s + t2 - t1
                tasks += len(extraction.tasks)
            counts = store.stats()
        n = len(paths)
        print(f"documents: {n}  tasks: {tasks}  plans in store: {counts['nodes']['Plan']}")
        print(f"extract: {n / extract_s:8.1f} documents/s  ({extract_s:.2f} s)")
        print(f"load:    {n / load_s:8.1f} documents/s  ({load_s:.2f} s)")
        print(f"total:   {n / (extract_s + load_s):8.1f} documents/s")
        print(f"store:   {os.path.getsize(db) / 2**20:.1f} MiB")
        print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
