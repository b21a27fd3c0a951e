"""URLs of the app's pages. Identifiers travel as query parameters (they hold '|', '/', '#')."""

from __future__ import annotations

import re
from urllib.parse import urlencode

_SOURCE = re.compile(r"^(?P<file>.+?):(?P<start>\d+)(?:-(?P<end>\d+))?$")


def url(path: str, **params: object) -> str:
    items = []
    for key, value in params.items():
        if value is None or value == "":
            continue
        for v in value if isinstance(value, list | tuple) else [value]:
            items.append((key, str(v)))
    return path + ("?" + urlencode(items) if items else "")


def plan(plan_id: str) -> str:
    return url("/ke-hoach", id=plan_id)


def task(task_id: str) -> str:
    return url("/nhiem-vu", id=task_id)


def act(act_id: str) -> str:
    return url("/van-ban", id=act_id)


def programme(programme_id: str) -> str:
    return url("/chuong-trinh", id=programme_id)


def province(name: str) -> str:
    return url("/tinh", ten=name)


def agency_type(name: str, province_name: str | None = None) -> str:
    return url("/co-quan", ten=name, tinh=province_name)


def question(name: str, **params: object) -> str:
    return url(f"/q/{name}", **params)


def source(file: str, start: int | None = None, end: int | None = None,
           marks: list[str] | None = None) -> str:
    lines = None if start is None else (f"{start}-{end}" if end and end != start else str(start))
    return url("/nguon", file=file, dong=lines, ten=marks or None)


def source_of(text: str, marks: list[str] | None = None) -> str | None:
    """The source view of a 'file:12-14' value (the runner's merged source columns)."""
    m = _SOURCE.match(str(text or ""))
    if not m:
        return url("/nguon", file=text) if text else None
    return source(m["file"], int(m["start"]), int(m["end"] or m["start"]), marks)


def node(kind: str, value: str) -> str | None:
    """The page of a graph node (kind = schema label, value = the id the query returned)."""
    if kind == "Plan":
        return plan(value)
    if kind == "Task":
        return task(value)
    if kind == "LegalAct":
        return act(value)
    if kind == "Programme":
        return programme(value)
    if kind == "Province":
        return province(value)
    if kind == "AgencyType":
        return agency_type(value)
    if kind == "Agency":  # id "<province>|<agency type>"
        prov, sep, typ = value.partition("|")
        return agency_type(typ, prov) if sep else agency_type(value)
    if kind == "Theme":
        return None  # no theme page; the tooltip says what it is
    return None
