"""ontology/plangraph.ttl names every part of graph/schema.py, in Vietnamese and English."""

from __future__ import annotations

from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal

from plangraph.graph.derived import DERIVED
from plangraph.graph.export import PG, vocabulary
from plangraph.graph.schema import NODES, RELS

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology"


def test_every_label_relationship_and_property_has_a_term():
    v = vocabulary()
    assert set(v.classes) == {n.label for n in NODES}
    # the counts derived at load are not exported as RDF (graph/export.py): no terms
    stated = [r for r in RELS if r.name not in DERIVED]
    assert set(v.relations) == {r.name for r in stated}
    props = {p for n in NODES for p in n.props} | {p for r in stated for p in r.props}
    assert props <= set(v.properties)


def test_terms_have_vietnamese_and_english_labels_and_definitions():
    g = Graph().parse(ONTOLOGY / "plangraph.ttl")
    terms = [t for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
             for t in g.subjects(RDF.type, kind)]
    assert len(terms) > 50
    for term in terms:
        langs = {lit.language for lit in g.objects(term, RDFS.label) if isinstance(lit, Literal)}
        assert {"vi", "en"} <= langs, term
        assert any(True for _ in g.objects(term, SKOS.definition)), term


def test_reused_vocabularies():
    g = Graph().parse(ONTOLOGY / "plangraph.ttl")
    supers = {str(o) for o in g.objects(None, RDFS.subClassOf)}
    supers |= {str(o) for o in g.objects(None, RDFS.subPropertyOf)}
    for iri in ("http://www.w3.org/ns/org#Organization", "http://www.w3.org/ns/org#classification",
                "http://data.europa.eu/eli/ontology#LegalResource",
                "http://data.europa.eu/eli/ontology#based_on",
                "http://data.europa.eu/eli/ontology#id_local",
                "http://www.w3.org/ns/prov#Entity", "http://www.w3.org/ns/prov#wasDerivedFrom",
                "http://www.w3.org/2004/02/skos/core#Concept", "http://purl.org/dc/terms/subject"):
        assert iri in supers, iri
    assert (PG.Themes, RDF.type, SKOS.ConceptScheme) in g


def test_shapes_parse():
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl")
    assert len(list(shapes.subjects(RDF.type, None))) >= 15
