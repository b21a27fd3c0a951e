"""Every canned query's p50/p95 in-process on the embedded store at national scale.

    .venv/bin/python benchmarks/bench_queries.py [--docs 1000 3000] [--repeat 20] [--seed 1]
        [--against REV] [--only NAME ...]

The store holds the synthetic national corpus (benchmarks/corpus.py) as graph rows (the five
samples extracted once, each copy re-issued: bench_store.py's `extractions`); it is built once
per size and cached under /tmp (keyed on the size, the seed and the schema / row-building code),
then opened read-only as `plangraph query` opens it. Each query runs through queries/runner.py
with the parameters analysts type (the whole country where a parameter is optional), once to
warm up and `--repeat` times timed. `--against REV` runs the .cypher files of another commit
(`git show REV:queries/NAME.cypher`) interleaved with this checkout's, round by round (the two
share the machine's load), prints both and checks they give the same rows: the check that a
rewritten query's answer did not change. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_store import extractions, fill  # noqa: E402

from plangraph.graph.ladybug_store import LadybugStore  # noqa: E402
from plangraph.queries.catalog import CannedQuery, catalog, parse  # noqa: E402
from plangraph.queries.runner import run  # noqa: E402

CACHE = Path(os.environ.get("PLANGRAPH_BENCH_CACHE", "/tmp/plangraph-bench"))
# The store's content depends on these files only (and the sample plans).
INPUTS = ("graph/schema.py", "graph/build.py", "graph/derived.py", "graph/ladybug_store.py",
          "graph/statements.py", "benchmarks/corpus.py", "benchmarks/bench_store.py")
# What an analyst would type for each required parameter; optional ones stay empty (the whole
# country), the heaviest case.
PARAMS = {"ho_so_co_quan": {"co_quan": "Công an cấp tỉnh"},
          "nghia_vu_co_quan": {"co_quan": "Sở Y tế"},
          "nhiem_vu_theo_ky": {"ky": "2024"},
          "so_sanh_hai_tinh": {"a": "Hà Nội", "b": "Tuyên Quang"},
          "tim_nhiem_vu": {"tu_khoa": "tiền chất"},
          "chuoi_can_cu": {}, "trien_khai_chuong_trinh": {}}
BY_TYPE = {"province": "tuyen quang", "agency_type": "cong an", "act": "291/QĐ-TTg",
           "programme": "ma tuy", "text": "ma tuy", "period": "2024", "plan": "x"}


def fingerprint(docs: int, seed: int) -> str:
    root = HERE.parent
    h = hashlib.sha256(f"{docs}-{seed}".encode())
    for name in INPUTS:
        h.update((root / name).read_bytes())
    for path in sorted((root / "examples" / "plans").glob("*.txt")):
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def store_path(docs: int, seed: int) -> Path:
    """The cached store of `docs` documents, built if missing (bulk, 250 documents a merge)."""
    path = CACHE / f"queries-{docs}-{seed}-{fingerprint(docs, seed)}.lbdb"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    # built under a name of this process (two benchmarks may build the same store at once),
    # then moved in place; parts left by a process that died are removed
    tag = f".part-{os.getpid()}"
    partial = path.with_name(path.name + tag)
    for stale in CACHE.glob(path.name + ".part-*"):
        pid = stale.name[len(path.name) + 6:].split(".")[0]
        if not pid.isdigit() or not Path(f"/proc/{pid}").exists():
            stale.unlink(missing_ok=True)
    t0 = time.perf_counter()
    xs = list(extractions(docs, seed))
    with LadybugStore(partial) as store:
        for start in range(0, len(xs), 250):
            fill(store, xs[start:start + 250])
        run(store, "tim_nhiem_vu", {"tu_khoa": "x"})  # the full-text index built beside it
    if path.exists():  # another process built it meanwhile
        for part in CACHE.glob(partial.name + "*"):
            part.unlink()
        return path
    for part in sorted(CACHE.glob(partial.name + "*"), key=lambda p: p.name == partial.name):
        part.rename(CACHE / part.name.replace(tag, ""))  # index and lock first, the store last
    print(f"built {path} in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return path


def params_for(q: CannedQuery) -> dict[str, str]:
    if q.name in PARAMS:
        return PARAMS[q.name]
    return {p.name: BY_TYPE[p.type] for p in q.params if p.required}


def old_query(rev: str, q: CannedQuery) -> CannedQuery | None:
    try:
        text = subprocess.run(["git", "show", f"{rev}:queries/{q.path.name}"], cwd=HERE.parent,
                              capture_output=True, text=True, check=True).stdout
    except subprocess.CalledProcessError:
        return None
    return parse(text, q.path)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(store, q: CannedQuery, params: dict[str, str]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = run(store, q, params)
    return (time.perf_counter() - t0) * 1000, out


def bench(docs: int, seed: int, repeat: int, against: str | None, only: list[str]) -> None:
    path = store_path(docs, seed)
    with LadybugStore(path, read_only=True) as store:
        stats = store.stats()
        print(f"\n### {docs} documents ({stats['nodes']['Task']} tasks, "
              f"{sum(stats['edges'].values())} edges; load average "
              f"{os.getloadavg()[0]:.1f})\n")
        if against:
            print(f"| query | rows | {against} p50 | p95 | this p50 | p95 | ratio p95 | "
                  "same rows |\n|---|---|---|---|---|---|---|---|")
        else:
            print("| query | rows | p50 ms | p95 ms |\n|---|---|---|---|")
        for name, q in catalog().items():
            if only and name not in only:
                continue
            params = params_for(q)
            old = old_query(against, q) if against else None
            _, out = timed(store, q, params)  # warm-up
            new_ms: list[float] = []
            old_ms: list[float] = []
            same = None
            if old is not None:
                _, old_out = timed(store, old, params)
                same = old_out.columns == out.columns and old_out.rows == out.rows
            for _ in range(repeat):
                if old is not None:
                    old_ms.append(timed(store, old, params)[0])
                new_ms.append(timed(store, q, params)[0])
            cells = [name, str(len(out.rows))]
            if against:
                cells += ([f"{statistics.median(old_ms):.0f}", f"{percentile(old_ms, 95):.0f}"]
                          if old_ms else ["—", "—"])
            cells += [f"{statistics.median(new_ms):.0f}", f"{percentile(new_ms, 95):.0f}"]
            if against:
                cells += [f"{percentile(old_ms, 95) / percentile(new_ms, 95):.1f}×"
                          if old_ms else "—",
                          "—" if same is None else "yes" if same else "**NO**"]
            print("| " + " | ".join(cells) + " |", flush=True)
        print(f"\npeak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB, "
              f"load average {os.getloadavg()[0]:.1f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, nargs="+", default=[1000, 3000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--against", help="a commit whose .cypher files to compare with")
    parser.add_argument("--only", nargs="*", default=[], help="these queries only")
    args = parser.parse_args()
    for docs in args.docs:
        bench(docs, args.seed, args.repeat, args.against, args.only)


if __name__ == "__main__":
    main()
