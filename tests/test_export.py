"""Exports of the sample corpus: RDF that conforms to the shapes, GraphML and CSV with the
counts of `plangraph stats`, and provenance that points at the lines that say it."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
import pyshacl
import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph, Literal
from rdflib.namespace import PROV

from plangraph.cli import main
from plangraph.graph.export import PG, node_iri, to_rdf
from plangraph.graph.open import open_store
from plangraph.graph.rows import GraphRows, read_graph

REPO = Path(__file__).resolve().parent.parent
PLANS = REPO / "examples" / "plans"
SHAPES = REPO / "ontology" / "shapes.ttl"

# rdflib's JSON-LD parser and pyshacl call rdflib APIs it has deprecated
pytestmark = pytest.mark.filterwarnings("ignore:.*deprecated:DeprecationWarning")


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture(scope="module")
def stats(corpus_db):
    result = cli("--db", corpus_db, "stats", "--format", "json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    return sum(out["nodes"].values()), sum(out["edges"].values())


@pytest.fixture(scope="module")
def rows(corpus_db):
    store = open_store(corpus_db, read_only=True)
    try:
        return read_graph(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def turtle(corpus_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "graph.ttl"
    result = cli("--db", corpus_db, "export", "--format", "ttl", "-o", str(path))
    assert result.exit_code == 0, result.output
    return Graph().parse(path, format="turtle")


def conforms(data: Graph) -> tuple[bool, str]:
    ok, _, text = pyshacl.validate(data, shacl_graph=str(SHAPES), inference="none")
    return ok, text


def test_rdf_export_conforms_to_the_shapes(turtle):
    ok, report = conforms(turtle)
    assert ok, report[:3000]
    assert len(set(turtle.subjects(RDF.type, PG.Task))) > 150


def test_jsonld_holds_the_same_triples(corpus_db, turtle, tmp_path):
    path = tmp_path / "graph.jsonld"
    assert cli("--db", corpus_db, "export", "--format", "jsonld", "-o", str(path)).exit_code == 0
    assert len(Graph().parse(path, format="json-ld")) == len(turtle)


def test_shapes_catch_a_broken_graph(rows):
    broken = GraphRows(nodes={k: [dict(r) for r in v] for k, v in rows.nodes.items()},
                       edges=list(rows.edges))
    task = broken.nodes["Task"][0]
    task["text"] = None  # a task with no text …
    province = broken.nodes["Province"][0]["id"]
    # … and a province in the chủ trì role
    broken.edge_rows("CHU_TRI", "Province", "Task").append(
        {"from": province, "to": task["id"], "plan_id": task["plan_id"], "file": "x.txt",
         "line_start": 1, "line_end": 1, "as_written": "x", "how": "exact"})
    ok, report = conforms(to_rdf(broken))
    assert not ok
    assert "a task has its text" in report and "only an agency leads" in report


def test_graphml_loads_with_the_counts_of_stats(corpus_db, stats, tmp_path):
    path = tmp_path / "graph.graphml"
    assert cli("--db", corpus_db, "export", "--format", "graphml", "-o", str(path)).exit_code == 0
    g = nx.read_graphml(path, force_multigraph=True)
    assert (g.number_of_nodes(), g.number_of_edges()) == stats
    kinds = {d["node_label"] for _, d in g.nodes(data=True)}
    assert {"Plan", "Task", "Agency", "Province", "Theme"} <= kinds


def test_csv_tables_have_the_counts_of_stats(corpus_db, stats, tmp_path):
    out = tmp_path / "csv"
    assert cli("--db", corpus_db, "export", "--format", "csv", "-o", str(out)).exit_code == 0
    n_nodes = n_edges = 0
    for path in sorted(out.glob("*.csv")):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
        with path.open(encoding="utf-8-sig", newline="") as f:
            table = list(csv.DictReader(f))
        if path.name.startswith("nodes_"):
            n_nodes += len(table)
        else:
            n_edges += len(table)
    assert (n_nodes, n_edges) == stats
    with (out / "edges_KE_NHIEM.csv").open(encoding="utf-8-sig", newline="") as f:
        ke_nhiem = {(r["from_id"], r["to_id"]): r for r in csv.DictReader(f)}
    assert ke_nhiem[("Trà Vinh", "Vĩnh Long@2025-07-01")]["valid_from"] == "2025-07-01"


def test_every_assignment_points_at_lines_that_name_the_agency(turtle):
    """Trust: the source lines of each chủ trì statement contain the agency as written."""
    statements = list(turtle.subjects(RDF.predicate, PG.leads))
    assert len(statements) > 100
    for st in statements:
        excerpt = turtle.value(st, PROV.wasDerivedFrom)
        file = str(turtle.value(excerpt, PG.sourceFile))
        first = int(turtle.value(excerpt, PG.lineStart))
        last = int(turtle.value(excerpt, PG.lineEnd))
        lines = (PLANS / file).read_text(encoding="utf-8").split("\n")[first - 1:last]
        written = str(turtle.value(st, PG.asWritten))
        assert " ".join(written.split()) in " ".join(" ".join(lines).split()), (file, first)


def test_successions_are_in_the_rdf(turtle):
    tien_giang = node_iri("Province", "Tiền Giang")
    dong_thap = node_iri("Province", "Đồng Tháp@2025-07-01")
    assert (tien_giang, PG.succeededBy, dong_thap) in turtle
    [st] = [s for s in turtle.subjects(RDF.subject, tien_giang)
            if turtle.value(s, RDF.object) == dong_thap]
    assert turtle.value(st, PG.validFrom).toPython().isoformat() == "2025-07-01"
    ldtbxh = node_iri("AgencyType", "Sở Lao động - Thương binh và Xã hội")
    assert (ldtbxh, PG.succeededBy, node_iri("AgencyType", "Công an cấp tỉnh")) in turtle


def test_iris_are_percent_encoded_node_ids_and_stable(rows):
    iri = node_iri("Agency", "Hà Nội|Công an cấp tỉnh")
    assert str(iri) == ("https://w3id.org/plangraph/id/agency/"
                        "H%C3%A0%20N%E1%BB%99i%7CC%C3%B4ng%20an%20c%E1%BA%A5p%20t%E1%BB%89nh")
    assert unquote(str(iri).rsplit("/", 1)[1]) == "Hà Nội|Công an cấp tỉnh"
    first, second = to_rdf(rows), to_rdf(rows)
    assert set(first) == set(second)
    assert (node_iri("Theme", "hiv_aids"), PG.labelEn,
            Literal("HIV/AIDS prevention and treatment", lang="en")) in first


def test_bad_output_paths_change_nothing(corpus_db, tmp_path):
    result = cli("--db", corpus_db, "export", "--format", "ttl", "-o", str(tmp_path))
    assert result.exit_code != 0 and "is a directory" in result.output
    (tmp_path / "file.txt").write_text("keep")
    result = cli("--db", corpus_db, "export", "--format", "csv", "-o", str(tmp_path / "file.txt"))
    assert result.exit_code != 0 and (tmp_path / "file.txt").read_text() == "keep"
    result = cli("--db", str(tmp_path / "none.lbdb"), "export", "-o", str(tmp_path / "g.ttl"))
    assert result.exit_code != 0 and "ingest" in result.output
    assert not (tmp_path / "g.ttl").exists()


def test_the_command_line_offers_the_export_formats():
    from plangraph.commands import export as command
    from plangraph.graph import export

    assert command.FORMATS == export.FORMATS
