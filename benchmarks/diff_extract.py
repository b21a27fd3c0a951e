"""Does this checkout extract exactly what another revision extracted? Byte for byte.

    .venv/bin/python benchmarks/diff_extract.py [--against main] [--count 100] [--docs DIR]

Every file of the synthetic national corpus (benchmarks/corpus.py) and of examples/plans is
extracted by this checkout (working tree, uncommitted edits included) and by REV (a `git
archive` of it, imported in its own process); the `extract --format json` text of both is
compared. Prints the files that differ and exits 1 if any does: a speed change must not move a
single byte of the output.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench_extract import ROOT, checkout  # benchmarks/bench_extract.py


def worker(files: list[Path]) -> dict[str, str]:
    """Runs in its own process: each file's JSON exactly as `plangraph extract --format json`
    writes it."""
    from plangraph.ingest.extract import extract_file

    return {str(f): json.dumps(extract_file(f).to_gold(), ensure_ascii=False, indent=1)
            for f in files}


def run_worker(files: list[Path], pythonpath: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = str(pythonpath)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as fh:
        json.dump([str(f) for f in files], fh)
    try:
        out = subprocess.run([sys.executable, __file__, "--worker", fh.name], env=env,
                             capture_output=True, text=True, check=True, cwd="/")
    finally:
        os.unlink(fh.name)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--against", metavar="REV", default="main")
    ap.add_argument("--count", type=int, default=100, help="documents of the synthetic corpus")
    ap.add_argument("--docs", type=Path, help="a folder of plans instead of the corpus")
    ap.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        files = [Path(f) for f in json.loads(args.worker.read_text())]
        print(json.dumps(worker(files)))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        if args.docs:
            files = sorted(p for p in args.docs.iterdir() if p.is_file())
        else:
            from corpus import write_corpus  # benchmarks/corpus.py

            write_corpus(Path(tmp) / "corpus", args.count)
            files = sorted((Path(tmp) / "corpus").glob("*.txt"))
            files += sorted(p for p in (ROOT / "examples" / "plans").iterdir() if p.is_file())
        new = run_worker(files, None)
        old = run_worker(files, checkout(args.against, Path(tmp) / "old"))
    differ = [f for f in new if new[f] != old.get(f)]
    for f in differ[:5]:
        print(f"--- {f}")
        sys.stdout.writelines(difflib.unified_diff(
            old.get(f, "").splitlines(True), new[f].splitlines(True), args.against, "this",
            n=1))
    print(f"{len(files)} files, {len(differ)} differ from {args.against}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
