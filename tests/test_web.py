"""The workbench (`plangraph serve`) through its HTTP interface, on the sample corpus: forms
generated from the query headers, answers with links, downloads of exactly the answer, entity
and evidence pages, strict security headers, a read-only store, hostile text kept inert."""

import csv
import io
import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from starlette.testclient import TestClient

from plangraph.cli import main
from plangraph.commands.serve import is_loopback
from plangraph.graph.store import open_store
from plangraph.queries.catalog import catalog
from plangraph.web.app import create_app

from .conftest import PLANS, SEEDS

HOSTILE = '<script>document.body.dataset.pwned=1</script>"><img src=x onerror=alert(1)>'


@pytest.fixture(scope="module")
def client(corpus_db):  # noqa: F811
    store = open_store(corpus_db, read_only=True)
    with TestClient(create_app(store, docs=[PLANS])) as c:
        yield c
    store.close()


def links(page: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]*)"', page)]


def table(page: str, table_id: str = "answer-table") -> list[list[str]]:
    body = page.split(f'id="{table_id}"')[1].split("</table>")[0]
    return [[unescape(re.sub(r"<[^>]+>", "", c)).strip()
             for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)]


def test_home_shows_the_store_and_every_question(client):
    page = client.get("/").text
    for q in catalog().values():
        assert f"/q/{q.name}" in links(page)
    assert "Tuyên Quang" in page and "Hà Nội" in page
    assert re.search(r"<b>5</b> Kế hoạch", page)


def test_each_form_has_one_typed_input_per_header_parameter(client):
    for q in catalog().values():
        page = client.get(f"/q/{q.name}").text
        inputs = dict(re.findall(r'<input name="(\w+)" type="(\w+)"', page))
        inputs |= {name: "select" for name in re.findall(r'<select name="(\w+)"', page)}
        for p in q.params:
            want = {"int": "number", "year": "number", "date": "date", "collectives": "select",
                    "period_scope": "select"}.get(p.type, "text")
            assert inputs.get(p.name) == want, (q.name, p.name)
        pickers = set(re.findall(r'name="(\w+)"[^>]*data-suggest="(\w+)"', page))
        assert pickers == {(p.name, p.type) for p in q.params
                           if p.type in ("province", "agency_type", "act", "programme", "plan")}


def test_a_question_asked_without_diacritics_is_answered_with_linked_names(client):
    r = client.get("/q/nghia_vu_co_quan", params={"co_quan": "so y te", "tinh": "ha noi"})
    assert r.status_code == 200
    rows = table(r.text)
    assert rows[0][:2] == ["Tỉnh / Thành phố", "Cơ quan (loại)"]
    assert len(rows) > 2 and all(row[0] == "Hà Nội" and row[1] == "Sở Y tế" for row in rows[1:])
    hrefs = links(r.text)
    assert "/tinh?ten=Hà+Nội" in [h.replace("%20", "+") for h in _decoded(hrefs)]
    assert any(h.startswith("/nhiem-vu?id=") for h in hrefs)  # a task's item links to evidence
    assert any(h.startswith("/nguon?file=003_01d19c3d4aca6329.txt") for h in hrefs)
    assert "/q/nghia_vu_co_quan?co_quan=so+y+te&tinh=ha+noi" in hrefs  # the permalink


def _decoded(hrefs: list[str]) -> list[str]:
    from urllib.parse import unquote_plus
    return [unquote_plus(h).replace(" ", "+") for h in hrefs]


def test_the_table_sorts_and_pages(client):
    first = table(client.get("/q/tim_nhiem_vu", params={"tu_khoa": "ma tuy"}).text)
    assert len(first) == 51  # a header and one page of 50 rows
    page2 = client.get("/q/tim_nhiem_vu", params={"tu_khoa": "ma tuy", "trang": "2"}).text
    assert table(page2)[1] != first[1]
    r = client.get("/q/mang_luoi_phoi_hop", params={"sort": "shared_tasks", "desc": "1"})
    rows = table(r.text)
    i = rows[0].index("Số nhiệm vụ chung")
    counts = [int(row[i]) for row in rows[1:]]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]


def test_every_page_of_a_search_and_its_download_highlight_what_was_found(client):
    # the page highlights its own rows only (a national answer has 10,000s): every page
    # shown, sorted by any column, and the download of every row carry the «marks»
    search = {"tu_khoa": "ma tuy"}
    pages = [table(client.get("/q/tim_nhiem_vu", params={**search, **extra}).text)
             for extra in ({}, {"trang": "3"}, {"sort": "excerpt", "desc": "1"},
                           {"sort": "leads", "trang": "2"})]
    for rows in pages:
        i = rows[0].index("Đoạn khớp («từ tìm thấy»)")
        assert len(rows) > 40 and all("«" in r[i] and "»" in r[i] for r in rows[1:])
    by_excerpt = [r[pages[2][0].index("Đoạn khớp («từ tìm thấy»)")] for r in pages[2][1:]]
    assert by_excerpt != sorted(by_excerpt)  # descending, not as found
    raw = client.get("/q/tim_nhiem_vu.csv", params=search).content.decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(raw)))
    i = lines[0].index("Đoạn khớp («từ tìm thấy»)")
    found = [r for r in lines[1:] if len(r) > i]
    assert len(found) > 150 and all("«" in r[i] for r in found)


def test_a_bad_parameter_says_why_in_one_line(client):
    r = client.get("/q/nghia_vu_co_quan", params={"co_quan": "khong co co quan nay"})
    assert r.status_code == 400
    assert "Không tìm thấy" in unescape(r.text)


def test_an_empty_answer_says_so(client):
    r = client.get("/q/tim_nhiem_vu", params={"tu_khoa": "khong co nhiem vu nao nhu the"})
    assert "không có kết quả" in r.text
    graph = json.loads(unescape(re.search(r'id="graph-data" type="application/json">(.*?)<',
                                          r.text, re.S)[1]))
    assert graph["nodes"] == [] and "không có kết quả" in graph["empty"]


def test_downloads_hold_exactly_the_answer(client):
    params = {"co_quan": "so y te", "tinh": "ha noi"}
    shown = table(client.get("/q/nghia_vu_co_quan", params=params).text)
    raw = client.get("/q/nghia_vu_co_quan.csv", params=params)
    assert raw.headers["content-type"].startswith("text/csv")
    assert raw.content.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    lines = list(csv.reader(io.StringIO(raw.content.decode("utf-8-sig"))))
    rows = lines[: lines.index([])]  # the table, then the question and its parameters
    assert rows[0] == shown[0] and len(rows) == len(shown)
    assert {r[0] for r in rows[1:]} == {"Hà Nội"}
    assert any("Sở Y tế" in " ".join(line) for line in lines[len(rows):])
    book = load_workbook(io.BytesIO(client.get("/q/nghia_vu_co_quan.xlsx", params=params).content))
    sheet = [["" if c is None else str(c) for c in row]
             for row in book["Kết quả"].iter_rows(values_only=True)]
    assert sheet == rows
    about = [r for r in book["Câu hỏi"].iter_rows(values_only=True)]
    assert ("co_quan", "Sở Y tế") in [tuple(r[:2]) for r in about]
    data = client.get("/q/nghia_vu_co_quan.json", params=params).json()
    assert {k: data["params"][k] for k in params} == {"co_quan": "Sở Y tế", "tinh": "Hà Nội"}
    assert len(data["rows"]) == len(rows) - 1 and data["question"].startswith("Một loại cơ quan")
    g = nx.read_graphml(io.BytesIO(client.get("/q/nghia_vu_co_quan.graphml",
                                              params=params).content))
    assert {a["type"] for _, a in g.nodes(data=True)} == {"Agency", "Task", "Province"}


def test_task_evidence_highlights_its_lines_and_marks_the_names_as_written(client):
    page = client.get("/q/nghia_vu_co_quan", params={"co_quan": "cong an", "tinh": "ha noi"})
    task = next(h for h in links(page.text) if h.startswith("/nhiem-vu"))
    evidence = client.get(task).text
    hot = re.findall(r'<li id="L(\d+)" value="\d+" class="hot">(.*?)</li>', evidence, re.S)
    assert hot, evidence[-3000:]
    lines = (PLANS / "003_01d19c3d4aca6329.txt").read_text(encoding="utf-8").splitlines()
    for number, html in hot:
        assert unescape(re.sub(r"<[^>]+>", "", html)) == lines[int(number) - 1]
    marked = [unescape(m) for m in re.findall(r'<mark class="as-written">(.*?)</mark>',
                                               " ".join(h for _, h in hot))]
    assert any("Công an" in m for m in marked)


def test_entity_pages_link_every_name(client):
    plan = next(h for h in links(client.get("/tinh?ten=tuyen quang").text)
                if h.startswith("/ke-hoach"))
    page = client.get(plan).text
    assert "Nhiệm vụ / tasks" in page
    hrefs = links(page)
    assert any(h.startswith("/co-quan?ten=") for h in hrefs)
    assert any(h.startswith("/van-ban?id=") or h.startswith("/chuong-trinh") for h in hrefs)
    act = next(h for h in links(client.get("/q/can_cu_chung").text) if h.startswith("/van-ban"))
    assert "Kế hoạch dựa vào hoặc trích dẫn" in client.get(act).text
    agency = client.get("/co-quan?ten=so ldtbxh").text
    assert "Sở Lao động - Thương binh và Xã hội" in agency and "Cơ quan cùng làm" in agency
    assert "kế nhiệm bởi" in client.get("/tinh?ten=tien giang").text  # 2025 reorganisation
    assert client.get("/ke-hoach?id=nope").status_code == 404
    assert client.get("/tinh?ten=khong co tinh nay").status_code == 404


def test_autocomplete_accepts_names_without_diacritics(client):
    assert client.get("/goi-y", params={"loai": "province", "q": "tuyen q"}).json() == [
        "Tuyên Quang"]
    assert "Sở Lao động - Thương binh và Xã hội" in client.get(
        "/goi-y", params={"loai": "agency_type", "q": "so ldtbxh"}).json()


def test_every_response_has_a_strict_content_security_policy_and_no_external_url(client):
    for url in ("/", "/q/chuoi_can_cu", "/tinh?ten=ha noi", "/static/app.css", "/nope"):
        r = client.get(url)
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "http" not in csp
        assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", r.text)


def test_the_store_is_never_written(corpus_db, client):  # noqa: F811
    files = sorted(Path(corpus_db).parent.glob(Path(corpus_db).name + "*"))
    before = {f: (f.stat().st_size, f.stat().st_mtime_ns) for f in files}
    for url in ("/", "/q/mang_luoi_phoi_hop", "/q/nghia_vu_co_quan.xlsx?co_quan=so+y+te",
                "/co-quan?ten=so y te"):
        assert client.get(url).status_code == 200
    assert {f: (f.stat().st_size, f.stat().st_mtime_ns) for f in files} == before


def test_serve_binds_to_loopback_unless_told_and_warns():
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1")
    assert not is_loopback("0.0.0.0")
    help_text = CliRunner().invoke(main, ["serve", "--help"]).output
    assert "127.0.0.1" in help_text


def test_hostile_task_text_is_escaped_everywhere(tmp_path):
    lines = (PLANS / "003_01d19c3d4aca6329.txt").read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("g) Tham mưu Ủy ban"))
    lines[at] = lines[at].replace("Tham mưu", f"Tham mưu {HOSTILE}")  # a task's text
    doc = tmp_path / "hostile.txt"
    doc.write_text("\n".join(lines), encoding="utf-8")
    db = str(tmp_path / "hostile.lbdb")
    assert CliRunner().invoke(main, ["--db", db, "ingest", str(doc)]).exit_code == 0
    store = open_store(db, read_only=True)
    try:
        with TestClient(create_app(store, docs=[tmp_path])) as c:
            pages = [c.get("/q/tim_nhiem_vu", params={"tu_khoa": "pwned"})]
            task = next(h for h in links(pages[0].text) if h.startswith("/nhiem-vu"))
            pages.append(c.get(task))
            pages.append(c.get(next(h for h in links(pages[1].text) if h.startswith("/ke-hoach"))))
            for r in pages:
                assert r.status_code == 200
                # the reader drops tags; what is left of the attack must stay text
                assert "pwned" in r.text and 'pwned=1">' not in r.text
                assert "<script>document" not in r.text and "<img src=x" not in r.text
    finally:
        store.close()


def graph_of(page: str) -> dict:
    return json.loads(page.split('<script id="graph-data" type="application/json">')[1]
                      .split("</script>")[0])


def test_entity_pages_draw_their_own_graph_whose_nodes_lead_to_their_pages(client):
    plan = next(h for h in links(client.get("/tinh?ten=tuyen quang").text)
                if h.startswith("/ke-hoach"))
    g = graph_of(client.get(plan).text)
    kinds = {n["tip"][0][0] for n in g["nodes"]}
    assert {"Kế hoạch", "Nhiệm vụ", "Cơ quan", "Văn bản pháp lý"} <= kinds
    assert {"chủ trì", "phối hợp", "căn cứ"} <= {e["rel"] for e in g["edges"]}
    # columns: agencies left of their tasks, the plan right of them
    x = {n["tip"][0][0]: n["x"] for n in g["nodes"]}
    assert x["Cơ quan"] < x["Nhiệm vụ"] < x["Kế hoạch"]
    assert all(n["href"].split("?")[0] in ("/ke-hoach", "/nhiem-vu", "/co-quan", "/van-ban",
                                           "/chuong-trinh") for n in g["nodes"])
    for url, want in (("/co-quan?ten=so y te", {"/tinh", "/co-quan"}),
                      ("/co-quan?ten=so y te&tinh=ha noi", {"/nhiem-vu", "/co-quan"}),
                      ("/tinh?ten=ha noi", {"/tinh", "/ke-hoach", "/co-quan"})):
        g = graph_of(client.get(url).text)
        assert want <= {n["href"].split("?")[0] for n in g["nodes"] if n.get("href")}, url
    act = next(h for h in links(client.get("/q/chuoi_can_cu").text) if h.startswith("/van-ban"))
    g = graph_of(client.get(act).text)
    assert g["layout"] == "layered" and g["edges"]  # its chain, drawn as a hierarchy
    prog = next(h for h in links(client.get(plan).text) if h.startswith("/chuong-trinh"))
    assert graph_of(client.get(prog).text)["edges"]


def test_an_entity_with_nothing_related_says_its_graph_is_empty(client):
    unused = next(t for t in client.get("/goi-y", params={"loai": "agency_type", "q": ""}).json()
                  if not graph_of(client.get("/co-quan", params={"ten": t}).text)["nodes"])
    g = graph_of(client.get("/co-quan", params={"ten": unused}).text)
    assert g["nodes"] == [] and "không có" in g["empty"].lower()


def test_a_large_answer_draws_its_first_rows_and_says_so(corpus_db, monkeypatch):  # noqa: F811
    from plangraph.web import question

    monkeypatch.setattr(question, "GRAPH_ROWS", 5)
    store = open_store(corpus_db, read_only=True)
    with TestClient(create_app(store, docs=[PLANS])) as fresh:
        page = fresh.get("/q/nghia_vu_co_quan?co_quan=so y te&tinh=ha noi").text
        assert fresh.get("/q/nghia_vu_co_quan?co_quan=so y te&tinh=ha noi&trang=2"
                         ).status_code == 200
    store.close()
    assert len(table(page)) > 6  # the table has every row (header + rows)
    g = graph_of(page)
    assert any("5 /" in n and "rows" in n for n in g["notes"])
    assert len([n for n in g["nodes"] if n["href"].startswith("/nhiem-vu")]) <= 5


class _Server:
    """A store that is no file, as a Neo4j server is, over an embedded one (reopened to see
    what another process wrote, as a server shows it): what it runs is counted."""

    def __init__(self, store):
        self._store, self.location, self.ran = store, "bolt://127.0.0.1:7687", []

    def run(self, cypher, params=None):
        self.ran.append(cypher)
        return self._store.run(cypher, params)

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_an_answer_is_kept_until_the_store_changes_also_on_a_server(tmp_path):
    db = str(tmp_path / "two.lbdb")
    first, second = sorted(PLANS.glob("*.txt"))[:2]
    assert CliRunner().invoke(main, ["--db", db, "ingest", str(first)]).exit_code == 0
    store = open_store(db, read_only=True)
    server = _Server(store)
    question = catalog()["nghia_vu_co_quan"]
    asked = question.cypher(store.dialect)
    url = "/q/nghia_vu_co_quan?co_quan=so+y+te"
    try:
        with TestClient(create_app(server, docs=[PLANS])) as c:
            before = len(table(c.get(url).text))
            for again in ("&trang=2", "&sort=plan&desc=1", ".csv"):
                assert c.get(url.replace("?", again + "?") if again == ".csv"
                             else url + again).status_code == 200
            assert server.ran.count(asked) == 1  # sorted, paged, downloaded: asked once
            result = CliRunner().invoke(main, ["--db", db, "ingest", str(second)])
            assert result.exit_code == 0, result.output
            after = table(c.get(url).text)  # the store changed: asked again
            assert server.ran.count(asked) == 2 and len(after) > before  # the new plan's rows
            assert len(table(c.get(url + "&trang=1").text)) == len(after)
            assert server.ran.count(asked) == 2  # and kept again
    finally:
        store.close()


def test_an_ingest_beside_the_app_shows_on_its_next_page(tmp_path):
    """The app keeps one read-only store open; plans ingested from a terminal meanwhile appear
    on the home page, in the pickers and in answers without restarting it."""
    db = tmp_path / "g.lbdb"
    assert CliRunner().invoke(main, ["--db", str(db), "ingest",
                                     str(SEEDS["tq2024_table"])]).exit_code == 0
    store = open_store(str(db), read_only=True)
    with TestClient(create_app(store, docs=[PLANS])) as c:
        assert re.search(r"<b>1</b> Kế hoạch", c.get("/").text)
        assert c.get("/goi-y", params={"loai": "plan", "q": "ha noi"}).json() == []
        assert "Hà Nội" not in c.get("/q/chu_tri_nhieu_nhat").text
        ingest = subprocess.run(
            [sys.executable, "-m", "plangraph", "--db", str(db), "ingest",
             str(SEEDS["hn2024_parentheses"])], capture_output=True, text=True)
        assert ingest.returncode == 0, ingest.stderr
        assert re.search(r"<b>2</b> Kế hoạch", c.get("/").text)
        assert c.get("/goi-y", params={"loai": "plan", "q": "ha noi"}).json()
        assert "Hà Nội" in c.get("/q/chu_tri_nhieu_nhat").text
    store.close()


def test_serving_pages_leaves_the_cycle_collector_as_it_found_it(client):
    """The app pauses Python's cycle collector while it serves a request (a national answer
    would start collections inside the page's time) and gives it back afterwards, also when
    the request fails; a collector the process had switched off stays off."""
    import gc

    assert gc.isenabled()
    for url in ("/q/nghia_vu_co_quan?co_quan=so+y+te", "/q/khong_co", "/nguon?dong=x",
                "/q/nghia_vu_co_quan.csv?co_quan=so+y+te"):
        client.get(url)
        assert gc.isenabled(), url
    gc.disable()
    try:
        assert client.get("/q/chu_tri_nhieu_nhat").status_code == 200
        assert not gc.isenabled()
    finally:
        gc.enable()
