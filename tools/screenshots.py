"""Screenshots of the workbench's main pages for the README (docs/screenshots/*.png).

    .venv/bin/python tools/screenshots.py [--db plangraph.lbdb] [--out docs/screenshots]

Starts `plangraph serve` on a free port over the store (built from examples/plans when it does
not exist), opens each page in Debian's headless Chromium through Playwright and saves a PNG.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PAGES = [
    ("home", "/"),
    ("question-obligations", "/q/nghia_vu_co_quan?co_quan=so+y+te"),
    ("question-legal-chain", "/q/chuoi_can_cu"),
    ("question-network", "/q/mang_luoi_phoi_hop"),
    ("question-compare", "/q/so_sanh_hai_tinh?a=ha+noi&b=tuyen+quang"),
    ("plan", None),  # the first plan of the home page
    ("task-evidence", None),  # the first task of that plan
    ("agency-type", "/co-quan?ten=S%E1%BB%9F+Y+t%E1%BA%BF"),
    ("agency-in-province", "/co-quan?ten=so+y+te&tinh=ha+noi"),
    ("legal-act", None),  # the first act that plan rests on
    ("province", "/tinh?ten=ha+noi"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default=str(REPO / "out" / "screenshots.lbdb"))
    ap.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    args = ap.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        sys.exit("chromium not installed (Debian: apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    plangraph = [sys.executable, "-m", "plangraph", "--db", args.db]
    if not Path(args.db).exists():
        subprocess.run([*plangraph, "ingest", str(REPO / "examples" / "plans")], check=True)
    port = free_port()
    server = subprocess.Popen([*plangraph, "serve", "--port", str(port), "--docs",
                               str(REPO / "examples" / "plans")])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium,
                                        args=["--no-sandbox", "--disable-dev-shm-usage"])
            page = browser.new_page(viewport={"width": 1600, "height": 1000})
            plan_url = task_url = act_url = None
            for name, path in PAGES:
                path = {"plan": plan_url, "task-evidence": task_url,
                        "legal-act": act_url}.get(name, path)
                page.goto(base + path)
                if page.locator(".pg-graph").count():
                    page.wait_for_selector("body[data-drawn='1']", timeout=20000)
                    page.wait_for_timeout(300)
                if name == "home":
                    plan_url = page.locator("a[href^='/tinh']").first.get_attribute("href")
                    page.goto(base + plan_url)
                    plan_url = page.locator("a[href^='/ke-hoach']").first.get_attribute("href")
                    page.goto(base + path)
                if name == "plan":
                    task_url = page.locator("a[href^='/nhiem-vu']").nth(2).get_attribute("href")
                    act_url = page.locator("a[href^='/van-ban']").first.get_attribute("href")
                if name == "task-evidence":  # the highlighted lines in view
                    page.locator("ol.lines li.hot").first.scroll_into_view_if_needed()
                    page.evaluate("window.scrollBy(0, 250)")
                page.screenshot(path=str(out / f"{name}.png"))
                print(out / f"{name}.png")
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
