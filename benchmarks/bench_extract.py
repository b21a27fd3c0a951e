"""Extraction speed per core, in-process, against a plain `re` scan of the same bytes.

    .venv/bin/python benchmarks/bench_extract.py [--count 100] [--rounds 3] [--against REV]
    .venv/bin/python benchmarks/bench_extract.py --docs DIR      # any folder of plan files

The corpus is sample-like: benchmarks/corpus.py, the five sample plans re-issued for other
provinces and years (no copy repeats another's text).
Each measurement runs in a fresh process, on one core: the reference data is loaded and one
document extracted before the clock starts, then every document is read and extracted once.
The floor is a plain `re` scan of the same files (read, decode, find role words and act
numbers) timed in the same process right after: the ratio extraction / floor says how far the
extractor is from reading the bytes, whatever the machine's load.

--against REV measures the code of another commit too (a `git archive` of it, imported in its
own process), interleaved with this checkout round by round, and prints new / old.

Also printed: the peak RSS of the extracting process, and the CPU time of `plangraph --help`
(a fresh interpreter: what the CLI costs before doing anything).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# What the floor looks for: role words and act numbers, the text any extractor must at least read.
_FLOOR = re.compile(r"chủ trì|phối hợp|thực hiện|\d{1,5}/(?:\d{4}/)?[A-ZĐ][A-ZĐa-z\-]*")


def worker(folder: Path) -> dict[str, float]:
    """Runs in its own process: extraction and floor speed over every file of the folder."""
    from plangraph.ingest.extract import extract_file

    files = sorted(folder.glob("*.txt"))
    extract_file(files[0])  # reference data loaded, patterns compiled
    t0 = time.process_time()
    tasks = sum(len(extract_file(f).tasks) for f in files)
    extract_s = time.process_time() - t0
    t1 = time.process_time()
    reps = 20
    for _ in range(reps):
        hits = sum(len(_FLOOR.findall(f.read_bytes().decode("utf-8"))) for f in files)
    floor_s = (time.process_time() - t1) / reps
    return {"docs": len(files), "tasks": tasks, "hits": hits,
            "extract_docs_s": len(files) / extract_s, "floor_docs_s": len(files) / floor_s,
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def help_cpu_s(pythonpath: Path | None) -> float:
    """CPU time (user + system) of `plangraph --help` in a fresh interpreter."""
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "plangraph", "--help"], env=env, cwd="/",
                   capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def run_worker(folder: Path, pythonpath: Path | None) -> dict[str, float]:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    out = subprocess.run([sys.executable, __file__, "--worker", str(folder)], env=env,
                         capture_output=True, text=True, check=True, cwd=folder)
    return json.loads(out.stdout)


def checkout(rev: str, into: Path) -> Path:
    """`rev`'s tree as an importable plangraph package under `into`."""
    pkg = into / "plangraph"
    pkg.mkdir(parents=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True,
                             check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(pkg)], input=archive, check=True)
    return into


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=100, help="documents of the corpus")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--against", metavar="REV", help="also measure this commit, interleaved")
    ap.add_argument("--docs", type=Path, help="a folder of .txt plans instead of the corpus")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.docs or Path(tmp) / "corpus"
        if not args.docs:
            from corpus import write_corpus  # benchmarks/corpus.py

            write_corpus(folder, args.count)
        old = checkout(args.against, Path(tmp) / "old") if args.against else None
        runs: dict[str, list[dict[str, float]]] = {"new": [], "old": []}
        for _ in range(args.rounds):
            runs["new"].append(run_worker(folder, None) | {"help_s": help_cpu_s(None)})
            if old:
                runs["old"].append(run_worker(folder, old) | {"help_s": help_cpu_s(old)})
    first = runs["new"][0]
    print(f"corpus: {first['docs']} documents, {first['tasks']} tasks "
          f"(median of {args.rounds} rounds, CPU time of one process)")
    for name, rs in runs.items():
        if not rs:
            continue
        ext = statistics.median(r["extract_docs_s"] for r in rs)
        floor = statistics.median(r["floor_docs_s"] for r in rs)
        ratio = statistics.median(r["floor_docs_s"] / r["extract_docs_s"] for r in rs)
        label = "this checkout" if name == "new" else args.against
        rss = max(r["peak_rss_mib"] for r in rs)
        help_s = statistics.median(r["help_s"] for r in rs)
        print(f"{label:>14}: extract {ext:8.1f} docs/s   re-scan floor {floor:9.1f} docs/s   "
              f"floor/extract {ratio:7.1f}x   peak RSS {rss:5.0f} MiB   --help {help_s:.2f} s CPU")
    if runs["old"]:
        speedup = statistics.median(n["extract_docs_s"] / o["extract_docs_s"]
                                    for n, o in zip(runs["new"], runs["old"], strict=True))
        print(f"{'speed-up':>14}: {speedup:.2f}x (this checkout / {args.against}, per round)")


if __name__ == "__main__":
    main()
