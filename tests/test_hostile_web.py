"""Hostile document text in the web app and in an `--html` page, run in real headless Chromium
(issue 14): a plan whose title, a task and a supporting agency's name hold `<script>`,
`"><img onerror>`, `javascript:` links and template braces is ingested; the home, plan, task,
agency, source, question (table and graph) and search pages are opened and their links to
entity and source pages followed. No dialog opens, no script error or CSP violation is logged,
no element is made of the text, braces are shown as written and no request leaves 127.0.0.1."""

import re
from collections import deque
from urllib.parse import urljoin, urlparse

import pytest
from click.testing import CliRunner

from plangraph.cli import main

from .conftest import SEEDS
from .test_web_browser import CHROMIUM, browser, start_server, stop  # noqa: F401 - fixture

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium not installed (Debian: apt-get install -y chromium)")

SCRIPT = "<script>alert('pwned-script')</script>"
IMG = "\"><img src=x onerror=\"alert('pwned-img')\">"
LINK = "<a href=\"javascript:alert('pwned-link')\">xem</a>"
BRACES = "{{ 7 + 7 }} {% raw %}x{% endraw %} ${7+7}"
PAYLOAD = f"{SCRIPT} {IMG} {LINK} {BRACES}"

# Pages every visit starts from; links to these kinds of pages are followed from them.
START = ["/", "/tinh?ten=tuyen+quang", "/q/nghia_vu_co_quan?co_quan=cong+an+tinh",
         "/q/tim_nhiem_vu?tu_khoa=ban+quan+ly", "/q/chu_tri_nhieu_nhat?tinh=tuyen+quang",
         "/tim?q=ban+quan+ly", "/tim?q=pwned"]
FOLLOW = ("/ke-hoach", "/nhiem-vu", "/co-quan", "/nguon", "/tinh", "/van-ban")

# Elements and attributes the payload would make if it were read as markup, not text.
INJECTED = """() => {
  const found = [];
  for (const e of document.querySelectorAll('*')) {
    for (const a of e.attributes) {
      if (a.name.startsWith('on') && a.value.includes('pwned')) found.push(e.outerHTML);
      if (/^\\s*javascript:/i.test(a.value)) found.push(e.outerHTML);
    }
    if (e.tagName === 'IMG' && e.getAttribute('src') === 'x') found.push(e.outerHTML);
    if (e.tagName === 'SCRIPT' && !/json/.test(e.type) && e.textContent.includes('pwned'))
      found.push(e.outerHTML.slice(0, 200));
  }
  return found;
}"""


def hostile_plan(folder):
    """The table plan with the payload in its title, the first task and a supporting agency."""
    lines = SEEDS["tq2024_table"].read_text(encoding="utf-8").split("\n")
    title = next(i for i, ln in enumerate(lines) if ln.startswith("CHƯƠNG TRÌNH"))
    lines[title] += f" {SCRIPT} {BRACES}"
    row = next(i for i, ln in enumerate(lines) if ln.startswith("1\t"))
    cells = lines[row].split("\t")
    cells[1] = f"{PAYLOAD} {cells[1]}"
    cells[3] = f"Ban Quản lý {IMG} {BRACES} {LINK}, {cells[3]}"
    lines[row] = "\t".join(cells)
    folder.mkdir()
    (folder / "hostile.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder, row + 1


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile-web")
    docs, line = hostile_plan(root / "docs")
    db = root / "g.lbdb"
    result = CliRunner().invoke(main, ["--db", str(db), "ingest", str(docs)])
    assert result.exit_code == 0, result.output
    proc, base = start_server(str(db), docs)
    yield root, db, base, f"/nguon?file=hostile.txt&dong={line}"
    stop(proc)


class Watched:
    """A browser page recording dialogs, console errors, page errors and requests."""

    def __init__(self, browser):  # noqa: F811
        self.context = browser.new_context()
        self.page = self.context.new_page()
        self.page.set_default_timeout(30000)
        self.dialogs, self.problems, self.requests = [], [], []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(m.text))
        self.page.on("pageerror", lambda e: self.problems.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def open(self, url: str) -> None:
        self.dialogs.clear(), self.problems.clear()
        response = self.page.goto(url)
        assert response.status == 200, (url, response.status)
        if self.page.locator(".pg-graph, #graph").count():
            self.page.wait_for_selector("body[data-drawn='1']")

    def check(self, where: str) -> None:
        assert self.dialogs == [], (where, self.dialogs)
        assert self.problems == [], (where, self.problems)
        assert self.page.evaluate(INJECTED) == [], where
        self.page.wait_for_timeout(50)  # an onerror handler would have fired by now
        assert self.dialogs == [], (where, self.dialogs)

    def close(self) -> None:
        self.context.close()


def unseen(queue: deque, seen: set) -> str | None:
    while queue:
        url = queue.popleft()
        if url not in seen:
            return url
    return None


def test_hostile_text_is_inert_on_every_page_of_the_web_app(hostile_site, browser):  # noqa: F811
    _, _, base, source = hostile_site
    watched = Watched(browser)
    queue, seen, texts = deque(), set(), {}
    try:
        # the start pages, then up to 24 linked pages, a kind not seen yet first
        for url in [base + u for u in [*START, source]] + [None] * 24:
            url = url or unseen(queue, seen)
            if url is None:
                break
            seen.add(url)
            watched.open(url)
            watched.check(url)
            texts[url] = watched.page.inner_text("body")
            for href in watched.page.eval_on_selector_all("a[href]", "as => as.map(a => "
                                                          "a.getAttribute('href'))"):
                target = urljoin(url, href)
                path = urlparse(target).path
                if target.startswith(base) and path.startswith(FOLLOW) and target not in seen:
                    fresh = path not in {urlparse(u).path for u in seen}
                    queue.appendleft(target) if fresh else queue.append(target)
    finally:
        watched.close()
    kinds = {urlparse(u).path for u in seen}
    assert {"/ke-hoach", "/nhiem-vu", "/nguon", "/co-quan", "/tim"} <= kinds, kinds
    hosts = {urlparse(u).hostname for u in watched.requests
             if not u.startswith(("data:", "blob:"))}
    assert hosts == {"127.0.0.1"}, hosts  # nothing leaves the machine (no x fetched)
    # the text is shown as written: markup as characters, braces unrendered
    assert SCRIPT in texts[base + source] and IMG in texts[base + source]
    assert LINK in texts[base + source] and BRACES in texts[base + source]
    plan = next(t for u, t in texts.items() if urlparse(u).path == "/ke-hoach")
    assert SCRIPT in plan and "{{ 7 + 7 }}" in plan
    assert any("Ban Quản lý" in t and "{{ 7 + 7 }}" in t for t in texts.values())
    assert not any(re.search(r"Ban Quản lý\W*14\b", t) for t in texts.values())


@pytest.mark.parametrize("query", [["nghia_vu_co_quan", "-p", "co_quan=cong an tinh"],
                                   ["chu_tri_nhieu_nhat", "-p", "tinh=tuyen quang"]])
def test_hostile_text_is_inert_in_an_html_result_page(hostile_site, browser, query):  # noqa: F811
    root, db, *_ = hostile_site
    page = root / f"{query[0]}.html"
    result = CliRunner().invoke(main, ["--db", str(db), "query", *query, "--html", str(page)])
    assert result.exit_code == 0, result.output
    watched = Watched(browser)
    try:
        watched.page.goto(page.as_uri())
        watched.page.wait_for_selector("body[data-drawn='1']")
        watched.check(str(page))
        assert watched.page.locator("canvas").count() >= 1
    finally:
        watched.close()
    assert {urlparse(u).scheme for u in watched.requests} <= {"file", "data", "blob"}
