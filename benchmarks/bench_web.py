"""Server time of the workbench's pages (`plangraph serve`), through its ASGI app in process.

    .venv/bin/python benchmarks/bench_web.py --db plangraph.lbdb [--docs DIR] [--repeat 5]

Each page is asked once to warm caches (the agency resolver, the name lists), then `--repeat`
times; the median of the app's own `Server-Timing` (request in, response out) is reported.
Targets (issue 11): every page of the sample corpus < 300 ms; question pages at 1,000 plans
< 1 s. For 1,000 plans: `benchmarks/corpus.py OUT --docs 1000`, then `plangraph ingest OUT`.
"""

from __future__ import annotations

import argparse
import re
import statistics
import warnings

from plangraph.graph.store import open_store

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
    "/q/nghia_vu_co_quan.csv?co_quan=so+y+te",
    "/q/nghia_vu_co_quan.xlsx?co_quan=so+y+te",
    "/co-quan?ten=so+y+te",
    "/tinh?ten=ha+noi",
    "/goi-y?loai=agency_type&q=so",
    "/tim?q=ha+noi",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--docs", default="examples/plans")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

    from plangraph.web.app import create_app

    store = open_store(args.db, read_only=True)
    client = TestClient(create_app(store, docs=[args.docs]))
    plan = re.search(r'href="(/ke-hoach\?[^"]+)"', client.get("/tinh?ten=ha+noi").text)
    task = plan and re.search(r'href="(/nhiem-vu\?[^"]+)"', client.get(plan[1]).text)
    pages = PAGES + [p[1].replace("&amp;", "&") for p in (plan, task) if p]
    print(f"{'page':60} {'ms (median)':>12} {'max':>8}  status")
    for url in pages:
        client.get(url)
        times, status = [], 0
        for _ in range(args.repeat):
            r = client.get(url)
            status = r.status_code
            times.append(float(r.headers["server-timing"].split("dur=")[1]))
        print(f"{url[:60]:60} {statistics.median(times):12.1f} {max(times):8.1f}  {status}")
    print("stats:", store.stats()["nodes"])
    store.close()


if __name__ == "__main__":
    main()
