"""Names the analyst may mean, for the form pickers (typed without diacritics, in part, or as
initials: "tuyen q", "so ldtbxh", "291") and for the search box."""

from __future__ import annotations

from plangraph.graph.store import GraphStore
from plangraph.ingest.text.vntext import loose_key
from plangraph.queries import names
from plangraph.web import links
from plangraph.web.question import store_version

SHOWN = 12
_LISTS = {
    # kind -> Cypher returning (shown name, id); the shown name is what the runner accepts
    # (one column only: a name is its own id; LadybugDB 0.22 crashes on a UNION of two
    # columns holding the same expression)
    "province": "MATCH (p:Plan) RETURN DISTINCT p.province AS name "
                "UNION MATCH (p:Province) RETURN p.name AS name",
    "agency_type": "MATCH (a:Agency) RETURN DISTINCT a.type AS name "
                   "UNION MATCH (t:AgencyType) RETURN t.id AS name",
    "act": "MATCH (l:LegalAct) RETURN coalesce(l.number, l.name), l.id",
    "programme": "MATCH (g:Programme) RETURN g.name, g.id",
    # as the runner matches a plan parameter: number, title, file, year
    "plan": "MATCH (p:Plan) RETURN p.number, p.title, p.file, p.year, p.id",
}
_LABELS = {"province": "Tỉnh / Thành phố", "agency_type": "Loại cơ quan", "act": "Văn bản pháp lý",
           "programme": "Chương trình / Đề án", "plan": "Kế hoạch"}
_LINK = {"province": lambda name, _id: links.province(name),
         "agency_type": lambda name, _id: links.agency_type(name),
         "act": lambda _name, i: links.act(i), "programme": lambda _name, i: links.programme(i),
         "plan": lambda _name, i: links.plan(i)}


class Suggestions:
    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._lists: dict[str, list[tuple[str, str]]] = {}
        self._version = ""

    def entries(self, kind: str) -> list[tuple[str, str]]:
        """(shown name, id) of every entity of a kind; names in use in plans first. Kept until
        the store changes (an ingest beside the app adds provinces, plans, agencies)."""
        with self.store.snapshot():  # the lists kept under the version they were read at
            version = store_version(self.store)
            if version != self._version:
                self._lists.clear()
                self._version = version
            if kind not in self._lists:
                rows = self.store.run(_LISTS[kind]).rows if kind in _LISTS else []
                seen: dict[tuple[str, str], None] = {}
                if kind == "plan":
                    rows = [(" ".join(str(x) for x in r[:4] if x), r[4]) for r in rows]
                for shown, ident in (r if len(r) == 2 else (r[0], r[0]) for r in rows):
                    if shown and ident:
                        seen[(" ".join(str(shown).split()), str(ident))] = None
                used = {r[0] for r in self.store.run(_LISTS["province"].split(" UNION ")[0]).rows
                        } if kind == "province" else set()
                self._lists[kind] = sorted(seen, key=lambda e: (e[0] not in used, loose_key(e[0])))
            return self._lists[kind]

    def find(self, kind: str, typed: str, limit: int = SHOWN) -> list[str]:
        shown = list(dict.fromkeys(name for name, _ in self.entries(kind)))
        if not typed.strip():
            return shown[:limit]
        hits = [c for c in shown if names.begins_words(c, typed)]
        hits += [c for c in names.search(typed, shown) if c not in hits]
        first = names.words(typed)[:1]
        hits.sort(key=lambda c: not (first and names.words(c)[:1]
                                     and names.words(c)[0].startswith(first[0])))
        return hits[:limit]

    def search(self, typed: str, limit: int = 20) -> list[tuple[str, list[tuple[str, str]]]]:
        """(kind label, [(name, url)]) for every kind with a name containing the typed words."""
        out = []
        for kind in ("province", "agency_type", "plan", "act", "programme"):
            entries = self.entries(kind)
            hits = [(n, i) for n, i in entries if names.begins_words(n, typed)]
            if not hits:
                found = set(names.search(typed, [n for n, _ in entries]))
                hits = [(n, i) for n, i in entries if n in found]
            if hits:
                out.append((_LABELS[kind], [(n, _LINK[kind](n, i)) for n, i in hits[:limit]]))
        return out
