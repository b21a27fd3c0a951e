"""Server time of the workbench's pages (`plangraph serve`), through its ASGI app in process.

    .venv/bin/python benchmarks/bench_web.py --db plangraph.lbdb [--docs DIR] [--repeat 5]
    .venv/bin/python benchmarks/bench_web.py --plans 1000 [--repeat 3] [--profile]

Each page is asked once to warm caches (the agency resolver, the name lists), then `--repeat`
times, the app's kept answers emptied before (so that they do not serve it); the median of
the app's own `Server-Timing` (request in, response out) is reported, the CPU time of the
process meanwhile (`cpu ms`: all its threads, the store's too; on cores shared with other work
it moves less than the wall time), with the part of the wall time spent
in the store's queries (`query`) and in the runner (`runner`: the queries and the shaping of
their rows, queries/runner.py; the rest is the web side), and `again`: the same question
asked again in that app, sorted the other way (a kept answer).
Targets (issue 11): every page of the sample corpus < 300 ms; question pages at 1,000 plans
< 1 s. `--plans N` writes N plans of the synthetic national corpus (benchmarks/corpus.py) and
builds their store with `plangraph ingest`, as an analyst would, cached under /tmp (keyed on
the corpus, the schema and row-building code; `--rebuild` to build it again; ~2-5 min at
1,000 plans); the source views read the corpus written.
`--profile` prints, per page, where the time went (cProfile, top functions by own time).

    .venv/bin/python benchmarks/bench_web.py --plans 1000 --against /tmp/old [--repeat 3]

`--against DIR`: the same pages served by older code (DIR holds a `plangraph` folder, e.g.
`git archive <commit>` unpacked into DIR/plangraph) and by this code, each in its own
process on the same store, requests interleaved (old, new, old, new …) so that the machine's
load weighs on both alike: the ratio old / new of the medians is the measure.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import time
import warnings
from pathlib import Path

from plangraph.graph.store import StoreError, open_store

CACHE = Path(os.environ.get("PLANGRAPH_BENCH_CACHE", "/tmp/plangraph-bench"))
# The store's content depends on these files only (and the sample plans; the extractor's
# output is pinned by the gold scores).
INPUTS = ("graph/schema.py", "graph/build.py", "graph/rows.py", "benchmarks/corpus.py")

PAGES = [
    "/",
    "/q/can_cu_chung",
    "/q/chuoi_can_cu",
    "/q/chuoi_can_cu?tinh=ha+noi",
    "/q/nghia_vu_co_quan?co_quan=so+y+te",
    "/q/nghia_vu_co_quan?co_quan=so+y+te&tinh=ha+noi",
    "/q/mang_luoi_phoi_hop",
    "/q/mang_luoi_phoi_hop?tinh=tuyen+quang",
    "/q/so_sanh_hai_tinh?a=ha+noi&b=tuyen+quang",
    "/q/chu_tri_nhieu_nhat",
    "/q/ho_so_co_quan?co_quan=cong+an",
    "/q/tim_nhiem_vu?tu_khoa=cai+nghien",
    "/q/can_cu_truc_tiep",
    "/q/chu_de_theo_tinh",
    "/q/chu_de_con_thieu?tinh=ha+noi",
    "/q/co_quan_mot_tinh",
    "/q/nghia_vu_tong_hop",
    "/q/nghia_vu_tong_hop?co_quan=so+y+te",
    "/q/nhiem_vu_theo_ky?ky=Qu%C3%BD+II%2F2024",
    "/q/nhiem_vu_theo_ky?ky=2023&pham_vi=tat_ca",
    "/q/trien_khai_chuong_trinh",
    "/q/nghia_vu_co_quan.csv?co_quan=so+y+te",
    "/q/nghia_vu_co_quan.xlsx?co_quan=so+y+te",
    "/co-quan?ten=so+y+te",
    "/tinh?ten=ha+noi",
    "/goi-y?loai=agency_type&q=so",
    "/tim?q=ha+noi",
]


def national_store(plans: int, seed: int, rebuild: bool) -> tuple[Path, Path]:
    """A store of `plans` documents of the synthetic corpus and the folder of its documents,
    made as an analyst makes one: the texts written (benchmarks/corpus.py) and read by
    `plangraph ingest`. (Not bench_queries.py's store, whose documents are the five samples'
    rows re-labelled: there every province cites the samples' provincial acts and
    programmes, 40 legal acts at 1,000 plans where an ingest of the same texts holds 969.)
    Cached under /tmp, keyed on the corpus, the samples and the schema and row-building code;
    built again when the store refuses to open (an outdated schema) or with `--rebuild`."""
    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(f"{plans}-{seed}".encode())
    for name in INPUTS:
        h.update((root / name).read_bytes())
    for sample in sorted((root / "examples" / "plans").glob("*.txt")):
        h.update(sample.read_bytes())
    base = CACHE / f"web-{plans}-{seed}-{h.hexdigest()[:12]}"
    db, docs = Path(f"{base}.lbdb"), Path(f"{base}.docs")
    if db.exists() and not rebuild:
        try:
            open_store(str(db), read_only=True).close()
            return db, docs
        except StoreError as exc:
            print(f"rebuilding {db}: {exc}", file=sys.stderr)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from corpus import write_corpus

    for old in CACHE.glob(f"{base.name}.*"):
        shutil.rmtree(old) if old.is_dir() else old.unlink()
    part = CACHE / f"{base.name}.part{os.getpid()}"  # two builds never share their files
    t0 = time.perf_counter()
    write_corpus(Path(f"{part}.docs"), plans, seed)
    subprocess.run([sys.executable, "-m", "plangraph", "--db", f"{part}.lbdb", "ingest",
                    f"{part}.docs"], check=True, stdout=subprocess.DEVNULL)
    for made in CACHE.glob(f"{part.name}.*"):  # the store, its index, its lock, the documents
        made.rename(CACHE / made.name.replace(part.name, base.name))
    print(f"built {db} in {time.perf_counter() - t0:.0f} s", file=sys.stderr, flush=True)
    return db, docs


class Profiled:
    """An ASGI app profiled while it serves when `prof` is set: the test client runs the app
    in a thread of its own, which a profiler enabled around `client.get` does not see."""

    def __init__(self, app) -> None:
        self.app, self.prof = app, None

    async def __call__(self, scope, receive, send) -> None:
        if self.prof is None:
            await self.app(scope, receive, send)
            return
        self.prof.enable()
        try:
            await self.app(scope, receive, send)
        finally:
            self.prof.disable()


def timed(fn, total: list[float]):
    """`fn`, adding the seconds each call takes to total[0]."""

    def call(*a, **k):
        t0 = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            total[0] += time.perf_counter() - t0

    return call


def worker(db: str, docs: str) -> None:
    """Serve timing requests on stdin ("URL" per line), one JSON line out per request: the
    app's server time (its kept answers emptied first) and the status. Runs the `plangraph`
    found first on the path (older code under --against)."""
    from starlette.testclient import TestClient

    from plangraph.web.app import create_app

    store = open_store(db, read_only=True)
    client = TestClient(create_app(store, docs=[docs]))
    kept = getattr(client.app.state, "answers", None)
    for line in sys.stdin:
        url = line.strip()
        if kept is not None:
            kept.clear()
        cpu = time.process_time()
        r = client.get(url)
        cpu = (time.process_time() - cpu) * 1000
        ms = float(r.headers["server-timing"].split("dur=")[1])
        print(json.dumps({"ms": ms, "cpu": cpu, "status": r.status_code}), flush=True)
    store.close()


def against(old: str, db: str, docs: str, pages: list[str], repeat: int) -> None:
    """Each page in old and new code, interleaved; medians and their ratio."""
    here = str(Path(__file__).resolve().parent.parent.parent)  # holds this checkout
    procs = {}
    for name, root in (("old", old), ("new", None)):
        env = {**os.environ, "PYTHONWARNINGS": "ignore"}
        if root:
            env["PYTHONPATH"] = root
        procs[name] = subprocess.Popen(
            [sys.executable, __file__, "--worker", "--db", db, "--docs", docs],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env, cwd=here)

    def ask(name: str, url: str) -> dict:
        procs[name].stdin.write(url + "\n")
        procs[name].stdin.flush()
        return json.loads(procs[name].stdout.readline())

    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'page':60} {'old ms':>9} {'new ms':>9} {'old/new':>8} {'old cpu':>8} {'new cpu':>8}"
          f" {'cpu o/n':>8}  status")
    for url in pages:
        times: dict[str, list[float]] = {"old": [], "new": []}
        cpus: dict[str, list[float]] = {"old": [], "new": []}
        status = {}
        for name in ("old", "new"):  # warm-up
            ask(name, url)
        for _ in range(repeat):
            for name in ("old", "new"):
                got = ask(name, url)
                times[name].append(got["ms"])
                cpus[name].append(got["cpu"])
                status[name] = got["status"]
        o, n = statistics.median(times["old"]), statistics.median(times["new"])
        co, cn = statistics.median(cpus["old"]), statistics.median(cpus["new"])
        print(f"{url[:60]:60} {o:9.1f} {n:9.1f} {o / n:8.2f} {co:8.1f} {cn:8.1f} {co / cn:8.2f}"
              f"  {status['old']}/{status['new']}", flush=True)
    for p in procs.values():
        p.stdin.close()
        p.wait()
    print(f"load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", help="an existing store (default: --plans N built under /tmp)")
    ap.add_argument("--plans", type=int, help="build (or reuse) a store of N synthetic plans")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--docs", help="the documents' folder, for the source views (default: the "
                    "sample plans with --db, the corpus written with --plans)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--only", help="only the pages whose URL contains this text")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--against", help="older code to compare with (a folder holding plangraph/)")
    ap.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.db and not args.plans:
        ap.error("--db or --plans")
    warnings.simplefilter("ignore")
    if args.worker:
        worker(args.db, args.docs)
        return
    db, docs = args.db, args.docs or "examples/plans"
    if not db:
        made, corpus = national_store(args.plans, args.seed, args.rebuild)
        db, docs = str(made), args.docs or str(corpus)
    args.docs = docs
    if args.against:
        pages = [p for p in PAGES if not args.only or args.only in p]
        against(args.against, db, str(Path(docs).resolve()), pages, args.repeat)
        return
    from starlette.testclient import TestClient

    from plangraph.web.app import create_app

    store = open_store(str(db), read_only=True)
    from plangraph.web import question

    queried, ran = [0.0], [0.0]
    store.run = timed(store.run, queried)
    question.run = timed(question.run, ran)
    app = create_app(store, docs=[args.docs])
    profiled = Profiled(app)
    client = TestClient(profiled)
    kept = getattr(app.state, "answers", None)  # older code keeps none
    plan = re.search(r'href="(/ke-hoach\?[^"]+)"', client.get("/tinh?ten=ha+noi").text)
    task = plan and re.search(r'href="(/nhiem-vu\?[^"]+)"', client.get(plan[1]).text)
    act = re.search(r'href="(/van-ban\?[^"]+)"', client.get("/q/chuoi_can_cu").text)
    prog = plan and re.search(r'href="(/chuong-trinh\?[^"]+)"', client.get(plan[1]).text)
    found = [p[1].replace("&amp;", "&") for p in (plan, task, act, prog) if p]
    pages = [p for p in PAGES + found if not args.only or args.only in p]
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'page':60} {'ms (median)':>12} {'cpu ms':>8} {'query':>8} {'runner':>8} {'max':>8}"
          f" {'again':>8}  status")
    for url in pages:
        client.get(url)
        times, cpus, spent, ran_ms, again, status = [], [], [], [], [], 0
        for _ in range(args.repeat):
            if kept is not None:
                kept.clear()
            queried[0] = ran[0] = 0.0
            cpu = time.process_time()
            r = client.get(url)
            cpus.append((time.process_time() - cpu) * 1000)
            status = r.status_code
            times.append(float(r.headers["server-timing"].split("dur=")[1]))
            spent.append(queried[0] * 1000)
            ran_ms.append(ran[0] * 1000)
            if url.startswith("/q/") and "." not in url.split("?")[0]:
                r = client.get(url + ("&" if "?" in url else "?") + "desc=1")
                again.append(float(r.headers["server-timing"].split("dur=")[1]))
        print(f"{url[:60]:60} {statistics.median(times):12.1f} {statistics.median(cpus):8.1f}"
              f" {statistics.median(spent):8.1f}"
              f" {statistics.median(ran_ms):8.1f} {max(times):8.1f}"
              f" {statistics.median(again) if again else 0:8.1f}  {status}",
              flush=True)
        if args.profile:  # asked afresh, profiled in the thread that serves it
            if kept is not None:
                kept.clear()
            prof = profiled.prof = cProfile.Profile()
            client.get(url)
            profiled.prof = None
            out = io.StringIO()
            pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(12)
            print("\n".join(out.getvalue().splitlines()[6:22]))
    print("stats:", store.stats()["nodes"])
    print(f"load average {os.getloadavg()[0]:.1f}")
    store.close()


if __name__ == "__main__":
    main()
