"""Peak memory of each canned query at national scale, one fresh process per query.

    .venv/bin/python benchmarks/bench_query_memory.py [--docs 3000] [--pool 0 512] [--only NAME ...]
        [--together]

The store is bench_queries.py's cached national store, opened read-only as `plangraph query`
opens it; each query runs once (as bench_queries.py asks it) in a process of its own, so that
one query's buffer pool does not count for the next. `--pool` gives LadybugDB buffer-pool sizes
in MiB to try (0: plangraph's for a read-only open, graph/ladybug_store.py's READ_POOL; -1:
LadybugDB's default, 80% of the machine's memory); the peak RSS of each
process, its time and whether the query answered are printed as a Markdown table; `--together`
adds one process that runs every query in turn, as a long-lived `plangraph serve` does.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def one(docs: int, seed: int, name: str, pool_mib: int) -> dict:
    """Run `name` (or every query, `--together`: comma-separated names) once in this process
    with the buffer pool at `pool_mib` (0: plangraph's, -1: LadybugDB's default)."""
    import ladybug
    from bench_queries import params_for, store_path

    from plangraph.graph.ladybug_store import LadybugStore
    from plangraph.queries.catalog import catalog
    from plangraph.queries.runner import run

    path = store_path(docs, seed)
    if pool_mib:
        opened = ladybug.Database.__init__

        def capped(self, *args, **kwargs):
            kwargs["buffer_pool_size"] = max(pool_mib, 0) * 1024 * 1024
            opened(self, *args, **kwargs)

        ladybug.Database.__init__ = capped
    t0 = time.perf_counter()
    rows, errors = 0, []
    with LadybugStore(path, read_only=True) as store:
        for each in name.split(","):
            q = catalog()[each]
            try:
                rows += len(run(store, q, params_for(q)).rows)
            except Exception as exc:  # noqa: BLE001 - reported, the next query runs
                errors.append(f"{each}: {str(exc).splitlines()[0][:80]}")
    return {"rows": rows, "ms": (time.perf_counter() - t0) * 1000, "error": "; ".join(errors),
            "rss": peak_rss_mib()}


def peak_rss_mib() -> float:
    """This process's peak RSS: VmHWM starts afresh at exec (getrusage's ru_maxrss is kept
    across exec, so a child would report the parent's peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pool", type=int, nargs="+", default=[0, 512],
                        help="buffer pool sizes in MiB (0: plangraph's read-only default, "
                             "-1: LadybugDB's)")
    parser.add_argument("--only", nargs="*", default=[], help="these queries only")
    parser.add_argument("--together", action="store_true",
                        help="also every query in turn in one process (as plangraph serve)")
    parser.add_argument("--one", nargs=2, metavar=("NAME", "POOL"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.docs, args.seed, args.one[0], int(args.one[1]))))
        return
    from bench_queries import store_path

    from plangraph.queries.catalog import catalog

    store_path(args.docs, args.seed)  # built once, before the processes time anything
    names = [n for n in catalog() if not args.only or n in args.only]
    pools = ["plangraph's" if p == 0 else "LadybugDB's default" if p < 0 else f"{p} MiB"
             for p in args.pool]
    print(f"\n### {args.docs} documents, one process per query (load average "
          f"{os.getloadavg()[0]:.1f})\n")
    print("| query | rows | " + " | ".join(f"pool {p}: peak RSS MiB (ms)" for p in pools)
          + " |\n|---|---|" + "---|" * len(pools))
    for name in names + ([",".join(names)] if args.together else []):
        cells, rows = [], "—"
        for pool in args.pool:
            out = subprocess.run([sys.executable, __file__, "--docs", str(args.docs), "--seed",
                                  str(args.seed), "--one", name, str(pool)],
                                 capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.splitlines()[-1])
            rows = str(r["rows"]) if not r["error"] else rows
            cells.append(f"{r['rss']:.0f} ({r['ms']:.0f})" if not r["error"]
                         else f"{r['rss']:.0f} **failed**: {r['error']}")
        shown = name if "," not in name else f"all {len(names)} in one process"
        print(f"| {shown} | {rows} | " + " | ".join(cells) + " |", flush=True)
    print(f"\nload average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
