"""Render speed: a random graph of N nodes written as HTML and drawn by headless Chromium.

    .venv/bin/python benchmarks/bench_render.py [--nodes 1500] [--edges-per-node 2]

Prints the time to write the page (Python) and the wall time until Chromium has drawn it
(`data-drawn` set after physics stabilised and froze). Target: 1,500 nodes well under a minute.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import networkx as nx

from plangraph.graph.render import render_html
from plangraph.graph.schema import NODES


def random_graph(n: int, per_node: int, seed: int = 7) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    labels = [t.label for t in NODES]
    g = nx.MultiDiGraph()
    for i in range(n):
        g.add_node(i, type=rng.choice(labels), label=f"nút {i}", title=[("Nguồn", f"x.txt:{i}")])
    for i in range(1, n):
        for _ in range(per_node):
            g.add_edge(i, rng.randrange(i), label="phối hợp", weight=rng.randint(1, 9), title=[])
    return g


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--nodes", type=int, default=1500)
    ap.add_argument("--edges-per-node", type=int, default=2)
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "g.html"
        t0 = time.perf_counter()
        page.write_text(render_html(random_graph(args.nodes, args.edges_per_node)),
                        encoding="utf-8")
        print(f"page written: {time.perf_counter() - t0:.2f} s, "
              f"{page.stat().st_size / 1e6:.1f} MB")
        if not chromium:
            print("chromium not found: browser time not measured")
            return
        t0 = time.perf_counter()
        dom = subprocess.run(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp}/profile", "--virtual-time-budget=600000", "--dump-dom",
             page.as_uri()], capture_output=True, text=True, timeout=600).stdout
        drawn = 'data-drawn="1"' in dom and 'data-stabilized="1"' in dom
        print(f"chromium: {time.perf_counter() - t0:.1f} s wall, drawn and frozen: {drawn}")


if __name__ == "__main__":
    main()
