"""data/ontology.ttl describes exactly the terms kg/ontology.py names, and every class and
property a built graph uses."""
from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import RDF, RDFS

from kg.rdf.ontology import KG
from kg.resources import resource_dir


def test_ontology_file_describes_every_term():
    onto = Graph().parse(resource_dir("data") / "ontology.ttl")
    described = {s for s in onto.subjects(RDFS.label, None)}
    named = {KG[name] for name in KG.__annotations__}
    assert described == named


def test_funding_types_are_subclasses_of_funding():
    onto = Graph().parse(resource_dir("data") / "ontology.ttl")
    subclasses = set(onto.subjects(RDFS.subClassOf, KG.Funding))
    assert subclasses == {KG.Loan, KG.Grant, KG.Relief, KG.InterestSubsidy, KG.Investment, KG.Debt}
    assert (KG.Statement, RDFS.subClassOf, RDF.Statement) in onto
