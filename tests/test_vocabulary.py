"""The typed vocabulary in kg.model names exactly the classes and properties of data/ontology.ttl."""
from rdflib import RDF, RDFS, Graph, Namespace

from kg.model import EntityType, FundingType, RelationType, Role
from kg.resources import resource_dir

KG = Namespace("https://w3id.org/kg-zh/ontology#")


def ontology() -> Graph:
    return Graph().parse(resource_dir("data") / "ontology.ttl")


def local_names(g: Graph, kind) -> set[str]:
    return {str(s)[len(str(KG)):] for s in g.subjects(RDF.type, kind) if str(s).startswith(str(KG))}


def test_every_term_is_declared_in_the_ontology():
    g = ontology()
    classes, props = local_names(g, RDFS.Class), local_names(g, RDF.Property)
    assert {t.value for t in EntityType} <= classes
    assert {t.value for t in FundingType} <= classes
    assert {t.value for t in RelationType} <= props
    assert {t.value for t in Role} <= props


def test_funding_types_are_the_subclasses_of_funding():
    g = ontology()
    subclasses = {str(s)[len(str(KG)):] for s in g.subjects(RDFS.subClassOf, KG.Funding)}
    assert subclasses == {t.value for t in FundingType}


def test_terms_compare_as_their_local_names():
    assert EntityType.AGENCY == "Agency" and str(RelationType.WORKS_FOR) == "worksFor"
    assert {"Loan": 1}[FundingType.LOAN] == 1
