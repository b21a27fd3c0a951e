"""Ingest speed: the sample corpus copied N times into a fresh embedded store.

    .venv/bin/python benchmarks/bench_ingest.py [--copies 20] [--keep FILE]
    .venv/bin/python benchmarks/bench_ingest.py --gold ../shared/gold [--copies 200]

Each copy gets its own file name and one extra closing line, so that every copy is a distinct
plan (the seeds have no number, their plan id is the text's hash). Prints documents per second
for extraction and for loading separately, the final store's size and the peak memory (RSS).
With --gold the store is fed the hand-written gold annotations instead of the extractor's
output: the load speed at realistic volumes (~45 tasks, ~150 agency edges per plan), whatever
the state of the extractor.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import tempfile
import time
from pathlib import Path

from plangraph.graph.build import plan_rows
from plangraph.graph.ladybug_store import LadybugStore
from plangraph.ingest.extract import extract_file
from plangraph.ingest.models import AgencyMention, DocumentInfo, Extraction, LegalRef, Task

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--keep", type=Path, help="write the store here and keep it")
    parser.add_argument("--gold", type=Path, help="load the gold annotations in this folder")
    args = parser.parse_args()
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
