"""The ASGI app: Starlette routes, Jinja2 templates (autoescaped), the package's static files.

One read-only store serves every request; requests are handled one at a time (async handlers
that call the store directly), which suits a local app and keeps the embedded store's single
connection safe. Every response carries a strict Content-Security-Policy: scripts, styles and
data only from this server, no inline script, no other origin.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from plangraph.graph import render
from plangraph.graph.schema import NODES, label_vi
from plangraph.graph.store import GraphStore
from plangraph.queries.catalog import QueryError, catalog
from plangraph.web import downloads, entities, links
from plangraph.web.question import Answer, Answers, answer, form_fields, groups
from plangraph.web.sources import DocumentIndex
from plangraph.web.suggest import Suggestions

HERE = Path(__file__).resolve().parent
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
       "frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "X-Frame-Options": "DENY",
           "Cross-Origin-Opener-Policy": "same-origin"}
_VENDOR = {"vis-network.min.js": render.VIS_DIR / "vis-network.min.js",
           "vis-network.css": render.VIS_DIR / "vis-network.css",
           "graph.js": render.ASSETS / "graph.js", "graph.css": render.ASSETS / "graph.css"}


class SecurityHeaders:
    """Pure ASGI middleware adding HEADERS and the server time (`Server-Timing`); Python's
    cycle collector paused while a request is served and run, as far as it is due, once the
    response is sent (`collect_due`)."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self.serving = 0  # requests under way (static files are served concurrently)
        self.collecting = True  # the collector's state before them

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        self.serving += 1
        if self.serving == 1:
            self.collecting = gc.isenabled()
            gc.disable()
        try:
            await self._serve(scope, receive, send)
        finally:
            self.serving -= 1
            if self.serving == 0 and self.collecting:
                gc.enable()
                collect_due()

    async def _serve(self, scope: dict, receive: Any, send: Any) -> None:
        started = time.perf_counter()

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(k.lower().encode(), v.encode()) for k, v in HEADERS.items()]
                ms = (time.perf_counter() - started) * 1000
                headers.append((b"server-timing", f"app;dur={ms:.1f}".encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def collect_due() -> None:
    """The collections Python would have run during the request, run now: a national answer
    builds tens of thousands of rows and graph attributes (none in a cycle) that would start
    several collections of the young generations and, every few pages, a full one walking
    every object of the process (50-250 ms at 1,000 plans, inside the page's time)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] >= thresholds[generation]:
            gc.collect(generation)
            return


def create_app(store: GraphStore, *, docs: list[str | Path] = ()) -> Starlette:
    """The app over an open (read-only) store; `docs`: folders holding the ingested documents,
    for the source views."""
    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True),
                      trim_blocks=True, lstrip_blocks=True)
    env.globals.update(links=links, label_vi=label_vi, node_types=NODES)
    documents = DocumentIndex(list(docs))
    suggestions = Suggestions(store)
    answers = Answers()

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = env.get_template(template).render(request=request, location=store.location,
                                                 **context)
        return HTMLResponse(html, status_code=status)

    def not_found(request: Request, message: str) -> HTMLResponse:
        return page(request, "error.html", 404, message=message)

    async def home(request: Request) -> Response:
        stats = store.stats()
        by_province: dict[str, dict[int, int]] = {}
        for prov, year, n in store.run("MATCH (p:Plan) RETURN p.province, p.year, count(*)").rows:
            by_province.setdefault(prov or "—", {})[year] = n
        years = sorted({y for ys in by_province.values() for y in ys if y is not None})
        return page(request, "home.html", stats=stats, by_province=by_province, years=years,
                    groups=groups(), text_questions=_text_questions())

    async def question(request: Request) -> Response:
        name = request.path_params["name"]
        q = catalog().get(name)
        if q is None:
            return not_found(request, f"Không có câu hỏi / no question '{name}'")
        given = dict(request.query_params)
        result: Answer | None = None
        error = ""
        try:
            result = answer(store, q, given, href=_node_href, answers=answers)
        except QueryError as exc:
            error = str(exc)
        return page(request, "question.html", 400 if error else 200, q=q, error=error,
                    fields=form_fields(q, given), result=result, given=given,
                    graph_json=render.json_for_script(result.graph) if result else "")

    async def download(request: Request) -> Response:
        name, fmt = request.path_params["name"], request.path_params["fmt"]
        q = catalog().get(name)
        if q is None or fmt not in downloads.FORMATS:
            return not_found(request, f"Không có / not found: {name}.{fmt}")
        try:
            result = answer(store, q, dict(request.query_params), href=None, table=False,
                            answers=answers)
        except QueryError as exc:
            return page(request, "error.html", 400, message=str(exc))
        body = {"csv": lambda: downloads.to_csv(result.output),
                "json": lambda: downloads.to_json(result.output),
                "xlsx": lambda: downloads.to_xlsx(result.output),
                "graphml": lambda: downloads.to_graphml(render.graph_of(result.output))}[fmt]()
        return Response(body, media_type=downloads.FORMATS[fmt], headers={
            "Content-Disposition": f'attachment; filename="{name}.{fmt}"'})

    def entity(build: Any, *keys: str) -> Any:
        async def endpoint(request: Request) -> Response:
            values = [request.query_params.get(k) for k in keys]
            if not values[0]:
                return not_found(request, "Thiếu tham số / missing parameter: " + keys[0])
            try:
                result = build(*values)
            except entities.NotFound as exc:
                return not_found(request, str(exc))
            return page(request, "entity.html", entity=result, graph_json=render.json_for_script(
                result.graph) if result.graph is not None else "")
        return endpoint

    async def source(request: Request) -> Response:
        file = request.query_params.get("file", "")
        lines = request.query_params.get("dong", "")
        start, _, end = lines.partition("-")
        try:
            s = int(start) if start else None
            e = int(end) if end else s
        except ValueError:
            return page(request, "error.html", 400, message=f"Dòng không hợp lệ / bad lines: "
                                                            f"{lines}")
        whole = request.query_params.get("ca_van_ban") == "1"
        view = documents.view(file, s, e, marks=request.query_params.getlist("ten"),
                              whole=whole)
        return page(request, "source.html", 200 if view.found else 404, view=view,
                    lines=lines, marks=request.query_params.getlist("ten"))

    async def suggest(request: Request) -> Response:
        kind = request.query_params.get("loai", "")
        typed = request.query_params.get("q", "")
        return JSONResponse(suggestions.find(kind, typed))

    async def search(request: Request) -> Response:
        typed = request.query_params.get("q", "").strip()
        found = suggestions.search(typed) if typed else []
        return page(request, "search.html", typed=typed, found=found,
                    text_questions=_text_questions())

    async def vendor(request: Request) -> Response:
        path = _VENDOR.get(request.path_params["file"])
        if path is None:
            return Response("not found", status_code=404)
        return FileResponse(path, headers={"Cache-Control": "max-age=3600"})

    routes = [
        Route("/", home),
        Route("/q/{name}.{fmt}", download),
        Route("/q/{name}", question),
        Route("/ke-hoach", entity(lambda i: entities.plan_page(store, i), "id")),
        Route("/nhiem-vu", entity(lambda i: entities.task_page(store, i, documents), "id")),
        Route("/co-quan", entity(lambda n, p: entities.agency_type_page(store, n, p),
                                 "ten", "tinh")),
        Route("/van-ban", entity(lambda i: entities.act_page(store, i), "id")),
        Route("/chuong-trinh", entity(lambda i: entities.programme_page(store, i), "id")),
        Route("/tinh", entity(lambda n: entities.province_page(store, n), "ten")),
        Route("/nguon", source),
        Route("/goi-y", suggest),
        Route("/tim", search),
        Route("/vendor/{file}", vendor),
        Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
    ]
    app = Starlette(routes=routes)
    app.state.answers = answers  # (benchmarks empty it to time a question asked afresh)
    app.add_middleware(SecurityHeaders)
    return app


def _node_href(node: str, attrs: dict) -> str | None:
    kind, _, value = node.partition(":")
    return links.node(kind, value)


def _text_questions() -> list[tuple[str, str, str]]:
    """(name, question, parameter) of the questions that search task text."""
    return [(q.name, q.question, p.name) for q in catalog().values() for p in q.params
            if p.type == "text"]
