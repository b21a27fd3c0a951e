"""Open exports of a store's graph: RDF (Turtle, JSON-LD), GraphML, CSV tables.

`read_graph(store)` (graph/rows.py) reads every node and relationship through `store.run`
(any GraphStore) into `GraphRows`; the writers take those rows.

RDF uses the vocabulary of ontology/plangraph.ttl, whose terms name the schema's labels,
relationship types and properties (`pg:schemaName`), so that the mapping lives in one place.
- IRIs: `https://w3id.org/plangraph/id/<segment>/<node id, percent-encoded>`, segment per
  label (plan, task, agency, agency-type, legal-act, programme, province, theme); stable as long
  as node ids are (graph/build.py). Agency types, themes and legal act types are SKOS concepts
  of pg:AgencyTypes, pg:Themes, pg:LegalActTypes; a legal act (and a plan) points at its type
  with eli:type_document.
- Provenance: a node's or relationship's `file`, `line_start`, `line_end` become
  `prov:wasDerivedFrom <…/id/source/<file>/lines/<first>-<last>>`, a pg:SourceExcerpt that is
  dcterms:isPartOf `<…/id/source/<file>>`; `plan_id` becomes `pg:fromPlan <plan IRI>`.
- Relationships: the direct triple (agency pg:leads task), and, for a relationship type with
  properties, an rdf:Statement node (reification) with rdf:subject/predicate/object and the
  properties: pg:DocumentStatement for what was read from a plan (with its provenance),
  pg:SuccessionStatement for the 2025 successions. Its IRI hashes the relationship's type, ends
  and properties, so one relationship keeps one IRI from export to export.
- A task's `when_text` and `period` go on a pg:Deadline node `<task IRI>/deadline`.
- The counts derived at load (DUOC_GIAO, CUNG_LAM: graph/derived.py) are left out: the RDF
  holds what the documents state, the assignments those counts are read from.

GraphML (networkx, Gephi): one node per graph node ("<Label>:<id>"), one edge per relationship,
so the counts are those of `plangraph stats`; lists are joined with "; ". CSV: one UTF-8 (with
BOM, for Excel) table per label (nodes_<Label>.csv) and per relationship type (edges_<TYPE>.csv);
text cells go through queries/output.py's `sanitize_cell` (no formulas, no control characters).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import quote

import networkx as nx
from rdflib import RDF, RDFS, SKOS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV

from plangraph.graph.derived import DERIVED
from plangraph.graph.rows import EdgeRows, GraphRows, read_graph
from plangraph.graph.schema import NODES, REL_BY_NAME, RELS, label_vi
from plangraph.graph.store import GraphStore
from plangraph.queries.output import sanitize_cell

VOCABULARY = Path(__file__).resolve().parent.parent / "ontology" / "plangraph.ttl"
PG = Namespace("https://w3id.org/plangraph/def#")
ID = "https://w3id.org/plangraph/id/"
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
PREFIXES = {"pg": PG, "eli": ELI, "org": ORG, "prov": PROV, "skos": SKOS, "dcterms": DCTERMS,
            "rdfs": RDFS, "xsd": XSD}

SEGMENTS = {"Plan": "plan", "Task": "task", "Agency": "agency", "AgencyType": "agency-type",
            "LegalAct": "legal-act", "Programme": "programme", "Province": "province",
            "Theme": "theme"}
SCHEMES = {"AgencyType": PG.AgencyTypes, "Theme": PG.Themes}
SOURCE_PROPS = ("file", "line_start", "line_end")
DEADLINE_PROPS = ("when_text", "period")
FORMATS = ("ttl", "jsonld", "graphml", "csv")


# --- reading --------------------------------------------------------------------------------

def counts(rows: GraphRows) -> tuple[int, int]:
    return sum(map(len, rows.nodes.values())), sum(len(e.rows) for e in rows.edges)


# --- RDF ------------------------------------------------------------------------------------

def node_iri(label: str, node_id: str) -> URIRef:
    return URIRef(f"{ID}{SEGMENTS[label]}/{quote(str(node_id), safe='')}")


@dataclass(frozen=True)
class Term:
    iri: URIRef
    range: URIRef | None
    language: str | None


@dataclass(frozen=True)
class Vocabulary:
    classes: dict[str, URIRef]  # schema label -> class
    relations: dict[str, URIRef]  # relationship type -> object property
    properties: dict[str, Term]  # property name -> datatype (or object) property


@cache
def vocabulary() -> Vocabulary:
    g = Graph().parse(VOCABULARY, format="turtle")
    classes: dict[str, URIRef] = {}
    relations: dict[str, URIRef] = {}
    properties: dict[str, Term] = {}
    for node, name in g.subject_objects(PG.schemaName):
        term = URIRef(str(node))
        ranged = g.value(term, RDFS.range)
        kinds = set(g.objects(term, RDF.type))
        if OWL.Class in kinds:
            classes[str(name)] = term
        elif str(name) in REL_BY_NAME:
            relations[str(name)] = term
        else:
            language = g.value(term, PG.literalLanguage)
            properties[str(name)] = Term(term, URIRef(str(ranged)) if ranged else None,
                                         str(language) if language else None)
    return Vocabulary(classes, relations, properties)


def to_rdf(rows: GraphRows) -> Graph:
    return _RdfWriter(rows).graph


class _RdfWriter:
    def __init__(self, rows: GraphRows) -> None:
        self.v = vocabulary()
        self.graph = Graph()
        for prefix, ns in PREFIXES.items():
            self.graph.bind(prefix, ns)
        for label, nodes in rows.nodes.items():
            for row in nodes:
                self.node(label, row)
        for edges in rows.edges:
            if edges.rel in DERIVED:  # counts of the assignments exported here, not statements
                continue
            for row in edges.rows:
                self.edge(edges, row)

    def add(self, s: URIRef, p: URIRef, o: Any) -> None:
        self.graph.add((s, p, o))

    def node(self, label: str, row: dict[str, Any]) -> None:
        row = dict(row)
        iri = node_iri(label, row["id"])
        self.add(iri, RDF.type, self.v.classes[label])
        if label in SCHEMES:
            self.add(iri, RDF.type, SKOS.Concept)
            self.add(iri, SKOS.inScheme, SCHEMES[label])
            vi, en = (row["id"], row["name_en"]) if label == "AgencyType" else (
                row["label_vi"] or row["id"], row["label_en"])
            self.add(iri, SKOS.prefLabel, Literal(vi, lang="vi"))
            if en:
                self.add(iri, SKOS.prefLabel, Literal(en, lang="en"))
        text = None if label in SCHEMES else _display(label, row)
        if text:
            self.add(iri, RDFS.label, Literal(text, lang="vi"))
        if label in ("LegalAct", "Plan") and row.get("type" if label == "LegalAct" else "kind"):
            self.add(iri, ELI.type_document,
                     self.act_type(row["type" if label == "LegalAct" else "kind"]))
        deadline = {p: row.pop(p, None) for p in DEADLINE_PROPS}
        if any(deadline.values()):
            self.deadline(iri, deadline)
        self.properties(iri, row)

    def act_type(self, name: str) -> URIRef:
        iri = URIRef(f"{ID}legal-act-type/{quote(name, safe='')}")
        self.add(iri, RDF.type, SKOS.Concept)
        self.add(iri, SKOS.inScheme, PG.LegalActTypes)
        self.add(iri, SKOS.prefLabel, Literal(name, lang="vi"))
        return iri

    def deadline(self, task: URIRef, props: dict[str, Any]) -> None:
        iri = URIRef(f"{task}/deadline")
        self.add(task, PG.hasDeadline, iri)
        self.add(iri, RDF.type, PG.Deadline)
        self.properties(iri, props)

    def properties(self, subject: URIRef, row: dict[str, Any]) -> None:
        """Every property of a node or relationship row, provenance included."""
        if row.get("file"):
            self.add(subject, PROV.wasDerivedFrom,
                     self.excerpt(row["file"], row.get("line_start"), row.get("line_end")))
        for name, value in row.items():
            if name in SOURCE_PROPS or value is None:
                continue
            term = self.v.properties[name]
            if name == "plan_id":
                self.add(subject, term.iri, node_iri("Plan", value))
                continue
            for item in value if isinstance(value, list) else [value]:
                self.add(subject, term.iri, _literal(item, term))

    def excerpt(self, file: str, line_start: int | None, line_end: int | None) -> URIRef:
        document = URIRef(f"{ID}source/{quote(file, safe='')}")
        self.add(document, RDF.type, PG.SourceDocument)
        self.add(document, PG.sourceFile, Literal(file))
        if line_start is None:
            return document
        last = line_end if line_end is not None else line_start
        iri = URIRef(f"{document}/lines/{line_start}-{last}")
        self.add(iri, RDF.type, PG.SourceExcerpt)
        self.add(iri, DCTERMS.isPartOf, document)
        self.add(iri, PG.sourceFile, Literal(file))
        self.add(iri, PG.lineStart, Literal(line_start, datatype=XSD.integer))
        self.add(iri, PG.lineEnd, Literal(last, datatype=XSD.integer))
        return iri

    def edge(self, edges: EdgeRows, row: dict[str, Any]) -> None:
        subject = node_iri(edges.from_label, row["from"])
        predicate = self.v.relations[edges.rel]
        obj = node_iri(edges.to_label, row["to"])
        self.add(subject, predicate, obj)
        props = {k: v for k, v in row.items() if k not in ("from", "to")}
        if not props:
            return
        key = json.dumps([edges.rel, edges.from_label, row["from"], edges.to_label, row["to"],
                          props], ensure_ascii=False, sort_keys=True, default=str)
        statement = URIRef(f"{ID}statement/{hashlib.sha256(key.encode()).hexdigest()[:24]}")
        self.add(statement, RDF.type, RDF.Statement)
        if "plan_id" in props:
            self.add(statement, RDF.type, PG.DocumentStatement)
        elif edges.rel == "KE_NHIEM":
            self.add(statement, RDF.type, PG.SuccessionStatement)
        self.add(statement, RDF.subject, subject)
        self.add(statement, RDF.predicate, predicate)
        self.add(statement, RDF.object, obj)
        self.properties(statement, props)


def _literal(value: Any, term: Term) -> Literal:
    if term.language:
        return Literal(str(value), lang=term.language)
    if term.range == XSD.date and isinstance(value, str) and _is_date(value):
        return Literal(value, datatype=XSD.date)
    if term.range in (XSD.integer, XSD.boolean):
        return Literal(value, datatype=term.range)
    return Literal(str(value))


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _display(label: str, row: dict[str, Any]) -> str | None:
    """A short label to show for the node (rdfs:label, GraphML `label`)."""
    if label == "Plan":
        return " ".join(filter(None, (row.get("kind"), row.get("number"), row.get("province"))))
    if label == "Task":
        words = (row.get("text") or "").split()
        return f"[{row.get('key')}] " + " ".join(words[:12]) + (" …" if len(words) > 12 else "")
    if label == "Agency":
        return " — ".join(filter(None, (row.get("type") or (row.get("names") or [None])[0],
                                        row.get("province"))))
    if label == "LegalAct":
        return row.get("number") or row.get("name")
    if label in ("Programme", "Province"):
        return row.get("name")
    if label == "Theme":
        return row.get("label_vi")
    return row["id"]


def jsonld_context() -> dict[str, str]:
    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


# --- GraphML and CSV ------------------------------------------------------------------------

def to_networkx(rows: GraphRows) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for label, nodes in rows.nodes.items():
        for row in nodes:
            g.add_node(f"{label}:{row['id']}", node_label=label, label=_display(label, row),
                       **_flat(row))
    for edges in rows.edges:
        for row in edges.rows:
            g.add_edge(f"{edges.from_label}:{row['from']}", f"{edges.to_label}:{row['to']}",
                       rel=edges.rel, label=label_vi(edges.rel),
                       **_flat({k: v for k, v in row.items() if k not in ("from", "to")}))
    return g


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    return {k: "; ".join(map(str, v)) if isinstance(v, list) else v
            for k, v in row.items() if v is not None}


def write_csv(rows: GraphRows, directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for node in NODES:
        path = directory / f"nodes_{node.label}.csv"
        _table(path, list(node.props), rows.nodes.get(node.label, []))
        written.append(path)
    for rel in RELS:
        path = directory / f"edges_{rel.name}.csv"
        table = [{"from_label": e.from_label, "from_id": r["from"], "to_label": e.to_label,
                  "to_id": r["to"], **{p: r.get(p) for p in rel.props}}
                 for e in rows.edges if e.rel == rel.name for r in e.rows]
        _table(path, ["from_label", "from_id", "to_label", "to_id", *rel.props], table)
        written.append(path)
    return written


def _table(path: Path, columns: list[str], rows: list[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f)
        out.writerow(columns)
        for row in rows:
            flat = _flat(row)
            out.writerow([_csv_cell(flat.get(c)) for c in columns])


def _csv_cell(value: Any) -> Any:
    """Document text as a spreadsheet must read it: never a formula, no control characters."""
    if value is None:
        return ""
    return sanitize_cell(value, "csv") if isinstance(value, str) else value


# --- one call -------------------------------------------------------------------------------

def export(store: GraphStore, fmt: str, path: Path) -> tuple[int, int]:
    """Write the store's graph in `fmt` to `path` (a directory for csv); (nodes, edges)."""
    if fmt not in FORMATS:
        raise ValueError(f"định dạng không hỗ trợ / unknown format: {fmt}")
    rows = read_graph(store)
    if fmt == "csv":
        write_csv(rows, path)
        return counts(rows)
    # Written beside the target, then renamed over it; a device (/dev/stdout) is written in
    # place, never replaced.
    in_place = path.exists() and not path.is_file()
    tmp = path if in_place else path.with_name(path.name + ".tmp")
    try:
        if fmt == "graphml":
            # the ElementTree writer: lxml's incremental writer, left in a reference cycle by a
            # failed write (a full disk), crashed the process when garbage collected
            nx.write_graphml_xml(to_networkx(rows), tmp)
        elif fmt == "ttl":
            to_rdf(rows).serialize(tmp, format="turtle", encoding="utf-8")
        else:
            to_rdf(rows).serialize(tmp, format="json-ld", context=jsonld_context(),
                                   auto_compact=True, encoding="utf-8")
    except BaseException:
        if not in_place:
            tmp.unlink(missing_ok=True)
        raise
    if not in_place:
        tmp.replace(path)
    return counts(rows)
