"""The runner's own time per canned query (queries/runner.py: binding, look-ups, shaping the
rows) beside the time inside the store's `run` (the Cypher and the rows leaving the store),
this checkout against older code, interleaved.

    .venv/bin/python benchmarks/bench_runner.py --against /tmp/old [--docs 3000] [--repeat 5]
        [--db STORE] [--only NAME ...] [--lazy]

`--against DIR`: DIR holds a `plangraph` folder of the older code (`git archive <commit>`
unpacked into DIR/plangraph). Each side runs in a process of its own on the same store
(bench_queries.py's cached one, or `--db`), the two asked in turns (old, new, old, new …) so
that the machine's load weighs on both alike; each checks the other's answer is the same
(columns, rows, notes). `--lazy`: as the web app runs them (cells no order depends on left to
be filled for the rows shown). Without `--against`, this checkout alone. Prints a Markdown
table: medians of the whole run (wall clock), of the time inside `store.run` and of the rest
("runner"), and the process's CPU time for the run (less disturbed by a loaded machine).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def worker(db: str, lazy: bool) -> None:
    """Run canned queries named on stdin, one JSON line out each: ms in all, ms in store.run,
    rows, and a digest of the answer."""
    sys.path.insert(0, str(HERE))
    from bench_queries import params_for

    from plangraph.graph.ladybug_store import LadybugStore
    from plangraph.queries.catalog import catalog
    from plangraph.queries.runner import run

    store = LadybugStore(db, read_only=True)
    inside = [0.0]
    store_run = store.run

    def timed_run(*a, **k):
        t0 = time.perf_counter()
        try:
            return store_run(*a, **k)
        finally:
            inside[0] += time.perf_counter() - t0

    store.run = timed_run  # type: ignore[method-assign]
    for line in sys.stdin:
        q = catalog()[line.strip()]
        inside[0] = 0.0
        t0, cpu0 = time.perf_counter(), time.process_time()
        out = run(store, q, params_for(q), lazy=lazy)
        total, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        digest = hashlib.sha256(repr((out.columns, out.ready(), out.notes)).encode()).hexdigest()
        print(json.dumps({"ms": total * 1000, "cpu": cpu * 1000, "store": inside[0] * 1000,
                          "rows": len(out.rows),
                          "digest": digest}), flush=True)
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", help="older code: a folder holding plangraph/")
    ap.add_argument("--docs", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db", help="an existing store (default: bench_queries.py's cached one)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("--lazy", action="store_true")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        worker(args.db, args.lazy)
        return
    sys.path.insert(0, str(HERE))
    from bench_queries import store_path

    from plangraph.queries.catalog import catalog

    db = args.db or str(store_path(args.docs, args.seed))
    sides = {"old": args.against, "new": None} if args.against else {"new": None}
    procs = {}
    for side, root in sides.items():
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        if root:
            env["PYTHONPATH"] = str(Path(root).resolve())
        procs[side] = subprocess.Popen(
            [sys.executable, __file__, "--worker", "--db", db, *(["--lazy"] * args.lazy)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd="/")

    def ask(side: str, name: str) -> dict:
        procs[side].stdin.write(name + "\n")
        procs[side].stdin.flush()
        return json.loads(procs[side].stdout.readline())

    print(f"store {db}, {'lazy' if args.lazy else 'eager'}; load average "
          f"{os.getloadavg()[0]:.1f}\n")
    head = ["query", "rows"]
    for side in sides:
        head += [f"{side} ms", "store.run", "runner", "CPU ms"]
    if args.against:
        head += ["runner old/new", "total old/new", "CPU old/new", "same answer"]
    print("| " + " | ".join(head) + " |\n|" + "---|" * len(head))
    for name in catalog():
        if args.only and name not in args.only:
            continue
        got: dict[str, list[dict]] = {side: [] for side in sides}
        for side in sides:  # warm-up
            ask(side, name)
        for _ in range(args.repeat):
            for side in sides:
                got[side].append(ask(side, name))
        cells = [name, str(got["new"][0]["rows"])]
        med = {}
        for side in sides:
            med[side] = [statistics.median(g["ms"] for g in got[side]),
                         statistics.median(g["store"] for g in got[side]),
                         statistics.median(g["ms"] - g["store"] for g in got[side]),
                         statistics.median(g["cpu"] for g in got[side])]
            cells += [f"{v:.0f}" for v in med[side]]
        if args.against:
            (o_ms, _, o_run, o_cpu), (n_ms, _, n_run, n_cpu) = med["old"], med["new"]
            cells += [f"{o_run / max(n_run, 0.1):.1f}×", f"{o_ms / n_ms:.1f}×",
                      f"{o_cpu / max(n_cpu, 0.1):.1f}×",
                      "yes" if got["old"][0]["digest"] == got["new"][0]["digest"] else "**NO**"]
        print("| " + " | ".join(cells) + " |", flush=True)
    for p in procs.values():
        p.stdin.close()
        p.wait()
    print(f"\nload average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
