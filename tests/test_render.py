"""The interactive HTML graph: offline, legend and Vietnamese labels, capped, inert text; and
drawn by a real browser (headless Chromium) for the legal-basis and coordination queries."""

import json
import re
import shutil
import subprocess

import networkx as nx
import pytest
from click.testing import CliRunner

from plangraph.cli import main
from plangraph.graph.open import open_store
from plangraph.graph.render import graph_of, payload, render_html
from plangraph.queries.runner import run

from .test_queries import PLANS

HOSTILE = ("<script>document.body.setAttribute('data-pwned','1')</script>"
           "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (Debian: apt-get install -y chromium)")


def page_data(page: str) -> dict:
    m = re.search(r'<script id="graph-data" type="application/json">(.*?)</script>', page, re.S)
    return json.loads(m[1])


def external_references(page: str) -> list[str]:
    return re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]*""", page, re.I) + \
        re.findall(r"""@import|url\(\s*["']?(?:https?:)?//""", page, re.I)


def small_graph(text: str = "Tổ chức tuyên truyền phòng, chống ma túy") -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("Task:1", type="Task", label="III.1.a",
               title=[("Nhiệm vụ", text), ("Nguồn", "003_01d19c3d4aca6329.txt:70-72")])
    g.add_node("Agency:x", type="Agency", label="Công an cấp tỉnh", title=[])
    g.add_node("LegalAct:y", type="LegalAct", label="36-CT/TW", title=[])
    g.add_edge("Agency:x", "Task:1", rel="CHU_TRI", label="chủ trì", weight=None, title=[])
    g.add_edge("Agency:x", "LegalAct:y", rel=None, label="căn cứ", weight=3, title=[])
    return g


def test_the_page_is_offline_with_legend_and_vietnamese_labels():
    page = render_html(small_graph(), title="Câu hỏi")
    assert external_references(page) == []
    assert "vis.Network" in page  # vis-network is inlined
    data = page_data(page)
    assert [t[0] for t in data["legend"]["types"]] == ["Nhiệm vụ", "Cơ quan", "Văn bản pháp lý"]
    # edge texts are in the legend (by colour) and tooltips, not drawn over each other
    assert {e["rel"] for e in data["edges"]} == {"chủ trì", "căn cứ"}
    assert ["Quan hệ", "căn cứ (3)"] in [t for e in data["edges"] for t in e["tip"]]
    assert [c for c, _ in data["legend"]["edges"]] == ["chủ trì", "căn cứ"]
    tips = [n["tip"] for n in data["nodes"] if n["label"].startswith("III.1.a")][0]
    assert ["Nguồn", "003_01d19c3d4aca6329.txt:70-72"] in tips


def test_a_task_node_shows_its_item_and_the_start_of_its_text():
    g = small_graph()
    g.nodes["Task:1"]["title"] = [("Nhiệm vụ", "Tổ chức tuyên truyền phòng, chống ma túy")]
    label = [n["label"] for n in page_data(render_html(g))["nodes"] if n["shape"] == "dot"][0]
    assert label.startswith("III.1.a · Tổ chức tuyên truyền")


def test_document_text_is_data_not_markup():
    page = render_html(small_graph(HOSTILE), title=HOSTILE, notes=[HOSTILE])
    assert "<script>document" not in page and "<img" not in page
    assert "&lt;script&gt;" in page.split("<body>")[1]  # title and note, escaped
    data = page_data(page)
    assert any(HOSTILE in value for n in data["nodes"] for _, value in n["tip"])


def test_a_large_result_is_capped_and_drawn_in_steps_with_a_visible_note():
    g = nx.MultiDiGraph()
    for i in range(2000):
        g.add_node(f"Task:{i}", type="Task", label=str(i), title=[])
        if i:
            g.add_edge(f"Task:{i}", f"Task:{i - 1}", label="x", title=[])
    page = render_html(g, max_nodes=1500, step=300)
    data = page_data(page)
    assert len(data["nodes"]) == 1500 and data["step"] == 300
    assert "1,500 / 2,000" in page.split("<body>")[1]


def test_an_empty_answer_says_so():
    data = page_data(render_html(nx.MultiDiGraph(), title="Câu hỏi"))
    assert data["nodes"] == [] and "không có kết quả" in data["empty"]


def overlaps(nodes: list[dict]) -> list[tuple[str, str]]:
    """Pairs of node labels whose estimated boxes (label below the node) intersect."""
    from plangraph.graph.layout import CHAR_PX

    boxes = [(n["x"] - len(n["label"]) * CHAR_PX / 2, n["y"] - 12,
              n["x"] + len(n["label"]) * CHAR_PX / 2, n["y"] + 34, n["label"]) for n in nodes]
    return [(a[4], b[4]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]]


@pytest.mark.parametrize("name, params", [
    ("chuoi_can_cu", {}), ("can_cu_chung", {}), ("nghia_vu_co_quan", {"co_quan": "so y te"}),
    ("mang_luoi_phoi_hop", {}), ("so_sanh_hai_tinh", {"a": "ha noi", "b": "tuyen quang"}),
    ("trien_khai_chuong_trinh", {"chuong_trinh": "ma tuy"}), ("ho_so_co_quan",
                                                                {"co_quan": "cong an"}),
])
def test_no_labels_overlap_on_the_sample_corpus(store, name, params):
    data = payload(graph_of(run(store, name, params)))
    assert data["nodes"]
    assert overlaps(data["nodes"]) == []


def test_layouts_follow_the_shape_of_the_answer(store):
    chain = payload(graph_of(run(store, "chuoi_can_cu", {})))
    assert chain["layout"] == "layered"
    x = {n["label"]: n["x"] for n in chain["nodes"]}
    plan_x = max(n["x"] for n in chain["nodes"] if n["shape"] == "box")
    assert all(n["x"] > plan_x for n in chain["nodes"] if n["shape"] == "diamond")  # acts right
    assert x  # plans on the left, the acts they rest on to their right
    network = payload(graph_of(run(store, "mang_luoi_phoi_hop", {})))
    assert network["layout"] == "groups"
    assert sorted(c["text"] for c in network["captions"]) == [
        "Hà Nội", "Tiền Giang", "Trà Vinh", "Tuyên Quang"]  # provinces as visible groups
    assert len(network["legend"]["provinces"]) == 4
    colours = {n["color"] for n in network["nodes"]}
    assert len(colours) == 4


# --- in a browser ----------------------------------------------------------------------------

def browser_dom(path, tmp_path, attempts: int = 3) -> str:
    """The page's DOM after Chromium ran it (the browser's stderr if it printed nothing).

    Headless Chromium on a loaded 2-core machine sometimes dumps the DOM before the first
    animation frame; the page is loaded again (a fresh profile each time) before giving up."""
    for attempt in range(attempts):
        result = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--no-first-run", "--run-all-compositor-stages-before-draw",
             f"--user-data-dir={tmp_path / f'chromium-profile-{attempt}'}",
             "--virtual-time-budget=15000", "--dump-dom", path.as_uri()],
            capture_output=True, text=True, timeout=120)
        dom = result.stdout or f"chromium exit {result.returncode}: {result.stderr[-2000:]}"
        if drawn(dom):
            break
    return dom


def drawn(dom: str) -> bool:
    body = re.search(r"<body[^>]*>", dom)
    return bool(body) and 'data-drawn="1"' in body[0] and "<canvas" in dom


@pytest.fixture(scope="module")
def store(corpus_db):
    s = open_store(corpus_db, read_only=True)
    yield s
    s.close()


@needs_chromium
@pytest.mark.parametrize("name, params", [
    ("can_cu_chung", {}),
    ("chuoi_can_cu", {"tinh": "ha noi"}),
    ("mang_luoi_phoi_hop", {"tinh": "tuyen quang"}),
])
def test_the_graph_is_drawn_in_a_browser(store, tmp_path, name, params):
    out = run(store, name, params)
    graph = out.to_graph()
    assert graph.number_of_edges() > 0
    page = tmp_path / f"{name}.html"
    page.write_text(render_html(graph, title=out.query.question), encoding="utf-8")
    assert external_references(page.read_text(encoding="utf-8")) == []
    dom = browser_dom(page, tmp_path)
    assert drawn(dom), dom[-2000:]


@needs_chromium
def test_a_hostile_document_stays_inert_in_a_browser(tmp_path):
    lines = (PLANS / "003_01d19c3d4aca6329.txt").read_text(encoding="utf-8").splitlines()
    title = next(i for i, line in enumerate(lines) if line.startswith("Phòng, chống ma túy"))
    lines[title] = lines[title].replace("năm 2024", f"{HOSTILE} năm 2024")
    doc = tmp_path / "hostile.txt"
    doc.write_text("\n".join(lines), encoding="utf-8")
    db = str(tmp_path / "hostile.lbdb")
    assert CliRunner().invoke(main, ["--db", db, "ingest", str(doc)]).exit_code == 0
    page = tmp_path / "hostile.html"
    result = CliRunner().invoke(main, ["--db", db, "query", "chuoi_can_cu", "--html", str(page)])
    assert result.exit_code == 0, result.output
    html = page.read_text(encoding="utf-8")
    assert any("<script>" in v for n in page_data(html)["nodes"] for _, v in n["tip"])
    dom = browser_dom(page, tmp_path)
    assert drawn(dom), dom[-2000:]
    assert "data-pwned" not in re.search(r"<body[^>]*>", dom)[0]
