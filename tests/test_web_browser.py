"""The workbench driven in a real headless Chromium (Debian's `chromium`, through Playwright's
Python package; no browser is downloaded): questions asked through their forms, a graph node
and a task followed to their pages, downloads checked, no request leaving 127.0.0.1, hostile
document text inert."""

import csv
import io
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlparse

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from plangraph.cli import main

from .conftest import PLANS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright = pytest.importorskip("playwright.sync_api", reason="playwright not installed "
                                 "(pip install -e '.[dev]')")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (Debian: apt-get install -y chromium)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, docs) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "plangraph", "--db", db, "serve", "--port", str(port),
         "--docs", str(docs)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"})
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(proc.stdout.read().decode())
        try:
            urllib.request.urlopen(base + "/", timeout=5)
            return proc, base
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("plangraph serve did not answer in 60 s")


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(corpus_db):  # noqa: F811
    proc, base = start_server(corpus_db, PLANS)
    yield base
    stop(proc)


@pytest.fixture(scope="module")
def browser():
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM,
                              args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that records every request and every console error or CSP violation."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1500, "height": 950})
    pg = context.new_page()
    pg.requests = []
    pg.problems = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("console", lambda m: m.type == "error" and pg.problems.append(m.text))
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.set_default_timeout(30000)
    yield pg
    hosts = {urlparse(u).hostname for u in pg.requests if not u.startswith(("data:", "blob:"))}
    assert hosts <= {"127.0.0.1"}, hosts  # nothing leaves the machine
    context.close()


def ask(page, base: str, name: str, values: dict[str, str | tuple[str, str]]) -> None:
    """Open a question, fill its form as a person would (typing without diacritics and picking
    the suggestion (typed, picked)), send it and wait for the graph."""
    page.goto(f"{base}/q/{name}")
    for field, value in values.items():
        typed, picked = value if isinstance(value, tuple) else (value, None)
        box = page.locator(f"form.ask [name='{field}']")
        box.fill("")
        box.type(typed, delay=20)
        if picked:
            suggestions = box.locator("xpath=following-sibling::ul[1]/li")
            suggestions.filter(has_text=picked).first.click()
            assert box.input_value() == picked
    page.locator("form.ask button[type=submit]").click()
    page.wait_for_selector("body[data-drawn='1']")


def test_home_and_three_questions_through_their_forms(page, server):
    page.goto(server + "/")
    assert page.locator("h1").inner_text().startswith("Bàn làm việc")
    assert page.locator("a[href^='/q/']").count() >= 10
    ask(page, server, "nghia_vu_co_quan", {"co_quan": ("so y t", "Sở Y tế"),
                                           "tinh": ("tuyen qu", "Tuyên Quang")})
    assert page.locator("form.ask [name='co_quan']").input_value() == "Sở Y tế"
    assert "co_quan=S%E1%BB%9F+Y+t%E1%BA%BF" in page.url  # the permalink
    cells = page.locator("#answer-table tbody tr td:first-child").all_inner_texts()
    assert cells and set(cells) == {"Tuyên Quang"}
    ask(page, server, "chuoi_can_cu", {"tinh": ("ha n", "Hà Nội")})
    assert page.locator("#answer-table tbody tr").count() > 0
    assert page.locator(".pg-canvas canvas").count() == 1
    ask(page, server, "mang_luoi_phoi_hop", {"toi_thieu": "2"})
    assert page.locator("#answer-table tbody tr").count() > 0
    assert page.locator(".pg-legend").inner_text().count("Tỉnh") >= 1
    assert page.problems == []  # no script error, no CSP violation


def click_node(page, href_prefix: str) -> None:
    """Click, with the mouse on the canvas, the first drawn node linking to `href_prefix`."""
    point = page.evaluate("""(prefix) => {
        const holder = document.querySelector('.pg-graph');
        const net = holder.network;
        const target = holder.nodeData.find(n => n.href && n.href.startsWith(prefix));
        net.focus(target.id, {scale: 1.2, animation: false});
        const p = net.canvasToDOM(net.getPositions([target.id])[target.id]);
        const box = holder.querySelector('.pg-canvas').getBoundingClientRect();
        return {x: box.left + p.x, y: box.top + p.y};
    }""", href_prefix)
    page.mouse.click(point["x"], point["y"])


def nodes_in_view(page) -> list[str]:
    """The labels of the graph's nodes drawn inside its canvas as the page opens."""
    return page.evaluate("""() => {
        const holder = document.querySelector('.pg-graph');
        const box = holder.querySelector('.pg-canvas');
        const pos = holder.network.getPositions(holder.nodeData.map(n => n.id));
        return holder.nodeData.filter(n => {
            const p = holder.network.canvasToDOM(pos[n.id]);
            return p.x > 0 && p.y > 0 && p.x < box.clientWidth && p.y < box.clientHeight;
        }).map(n => n.label);
    }""")


def test_a_large_network_opens_on_nodes_not_on_an_empty_corner(page, server):
    page.goto(server + "/q/mang_luoi_phoi_hop")  # four provinces' circles, too big to fit
    page.wait_for_selector("body[data-drawn='1']")
    assert page.evaluate("document.querySelector('.pg-graph').network.getScale()") >= 0.75
    assert len(nodes_in_view(page)) >= 3


def test_a_graph_node_leads_to_its_entity_page(page, server):
    page.goto(server + "/q/chuoi_can_cu?tinh=ha+noi")
    page.wait_for_selector("body[data-drawn='1']")
    click_node(page, "/van-ban")
    page.wait_for_url("**/van-ban?**")
    assert page.locator(".kind").inner_text().lower() == "văn bản pháp lý"
    assert "Kế hoạch dựa vào hoặc trích dẫn" in page.content()


def test_a_node_of_an_entity_graph_leads_to_its_page(page, server):
    page.goto(server + "/tinh?ten=ha+noi")
    page.wait_for_selector("body[data-drawn='1']")
    click_node(page, "/ke-hoach")
    page.wait_for_url("**/ke-hoach?**")
    assert page.locator(".kind").inner_text().lower() == "kế hoạch"
    page.wait_for_selector("body[data-drawn='1']")  # the plan's own graph
    assert page.locator(".pg-canvas canvas").count() == 1
    assert page.problems == []


def test_a_task_leads_to_its_highlighted_source_lines(page, server):
    page.goto(server + "/q/nghia_vu_co_quan?co_quan=cong+an&tinh=ha+noi")
    page.locator("#answer-table a[href^='/nhiem-vu']").first.click()
    page.wait_for_url("**/nhiem-vu?**")
    hot = page.locator("ol.lines li.hot")
    assert hot.count() >= 1
    lines = (PLANS / "003_01d19c3d4aca6329.txt").read_text(encoding="utf-8").splitlines()
    first = int(hot.first.get_attribute("value"))
    assert hot.first.inner_text().strip() == lines[first - 1].strip()
    marked = page.locator("ol.lines li.hot mark.as-written").all_inner_texts()
    assert any("Công an" in m for m in marked)
    assert hot.first.is_visible()


def test_csv_and_xlsx_downloads_hold_the_answer(page, server):
    page.goto(server + "/q/chu_tri_nhieu_nhat?tinh=tuyen+quang")
    shown = page.locator("#answer-table tbody tr").count()
    with page.expect_download() as got:
        page.locator(".downloads a", has_text="CSV").click()
    data = open(got.value.path(), "rb").read()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    table = rows[: rows.index([])]
    assert len(table) == shown + 1 and {r[0] for r in table[1:]} == {"Tuyên Quang"}
    with page.expect_download() as got:
        page.locator(".downloads a", has_text="XLSX").click()
    sheet = load_workbook(io.BytesIO(open(got.value.path(), "rb").read()))["Kết quả"]
    values = [["" if c is None else str(c) for c in r] for r in sheet.iter_rows(values_only=True)]
    assert values == table


def test_hostile_task_text_stays_inert_in_the_browser(browser, tmp_path):
    hostile = ('<script>document.body.dataset.pwned="1"</script>'
               '"><img src=x onerror="document.body.dataset.pwned=2">')
    lines = (PLANS / "003_01d19c3d4aca6329.txt").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("g) Tham mưu Ủy ban"))
    lines[at] = lines[at].replace("Tham mưu", f"Tham mưu {hostile}")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "hostile.txt").write_text("\n".join(lines), encoding="utf-8")
    db = str(tmp_path / "hostile.lbdb")
    assert CliRunner().invoke(main, ["--db", db, "ingest", str(tmp_path / "docs")]).exit_code == 0
    proc, base = start_server(db, tmp_path / "docs")
    try:
        context = browser.new_context()
        pg = context.new_page()
        requests = []
        pg.on("request", lambda r: requests.append(r.url))
        for url in ("/q/tim_nhiem_vu?tu_khoa=pwned", "/q/nghia_vu_co_quan?co_quan=so+y+te"):
            pg.goto(base + url)
            pg.wait_for_selector("body[data-drawn='1']", timeout=30000)
            assert pg.evaluate("document.body.dataset.pwned") is None
        pg.locator("#answer-table a[href^='/nhiem-vu']").first.click()
        pg.wait_for_url("**/nhiem-vu?**")
        assert pg.evaluate("document.body.dataset.pwned") is None
        assert pg.locator("img").count() == 0
        assert all(urlparse(u).hostname == "127.0.0.1" for u in requests)  # no x fetched
        context.close()
    finally:
        stop(proc)
