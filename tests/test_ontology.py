"""The ontology and shapes: the twelve relations, labels in two languages, alignment, packaging."""
from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Namespace

from conftest import ROOT
from kg.namespaces import RELATIONS, SYMMETRIC, TKG
from kg.schema import ontology_path, shapes_path

SCHEMA = Namespace("https://schema.org/")


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ontology_path(), format="turtle")


def test_twelve_relations_with_labels_comments_domain_range(ontology):
    for name in RELATIONS:
        prop = TKG[name]
        assert (prop, RDF.type, OWL.ObjectProperty) in ontology, name
        langs = {label.language for label in ontology.objects(prop, RDFS.label)}
        assert {"en", "de"} <= langs, name
        assert ontology.value(prop, RDFS.comment) is not None, name
        assert ontology.value(prop, RDFS.domain) is not None, name
        assert ontology.value(prop, RDFS.range) is not None, name
        assert (prop, RDFS.subPropertyOf, TKG.relation) in ontology


def test_symmetric_and_alignment(ontology):
    symmetric = {str(s).rsplit("#", 1)[-1] for s in ontology.subjects(RDF.type, OWL.SymmetricProperty)}
    assert symmetric == set(SYMMETRIC)
    assert (TKG.worksFor, RDFS.subPropertyOf, SCHEMA.worksFor) in ontology
    for kind in ("Organization", "Person", "Product"):
        assert (TKG[kind], RDF.type, OWL.Class) in ontology
        assert (TKG[kind], OWL.equivalentClass, SCHEMA[kind]) in ontology


def test_closed_namespace_rejects_typos():
    with pytest.raises(AttributeError):
        TKG.investsInto


def test_shapes_parse_and_target_mentions():
    shapes = Graph().parse(shapes_path(), format="turtle")
    sh = Namespace("http://www.w3.org/ns/shacl#")
    assert (None, sh.targetClass, TKG.Mention) in shapes


def test_validate_reports_a_violation(tmp_path):
    from kg.store import KgStore
    from kg.validate import validate_store

    from kg.store import replace_graph

    with KgStore(tmp_path / "store") as store:
        store._update(replace_graph("<https://w3id.org/techkg/article/x>", """
            <https://w3id.org/techkg/entity/A> a <https://w3id.org/techkg/ontology#Organization> .
            <https://w3id.org/techkg/entity/A> <https://w3id.org/techkg/ontology#founded> <https://w3id.org/techkg/entity/B> .
            <https://w3id.org/techkg/entity/B> a <https://w3id.org/techkg/ontology#Organization> .
            <https://w3id.org/techkg/entity/B> <http://www.w3.org/2000/01/rdf-schema#label> "B" ."""))
        violations = validate_store(store)
    messages = " ".join(v["message"] for v in violations)
    assert "person" in messages and "label" in messages


def test_wheel_ships_ontology_and_data(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("techkg-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kg/ontology/techkg.ttl", "kg/ontology/shapes.ttl", "kg/data/gazetteer.tsv",
                   "kg/data/given_names.txt", "kg/data/given_names_open.txt", "kg/templates/graph.html", "kg/lang/de.py", "kg/extract/rules.py"):
        assert needed in names, needed
