"""The graph's vocabulary (local names fixed by the schema) and the one function that mints IRIs."""
from __future__ import annotations

import hashlib
from functools import lru_cache

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDFS, DefinedNamespace, Namespace

from ..errors import DataError
from ..model import RelationType
from ..resources import resource_dir

ONTOLOGY_IRI = "https://w3id.org/kg-zh/ontology#"
RESOURCE_IRI = "https://w3id.org/kg-zh/id/"


class KG(DefinedNamespace):
    """kg's classes and properties. A typo here fails at import, not silently in a query."""
    _fail = True
    _NS = Namespace(ONTOLOGY_IRI)

    # classes
    Agency: URIRef
    Company: URIRef
    Organization: URIRef
    Person: URIRef
    Program: URIRef
    Project: URIRef
    Place: URIRef
    Funding: URIRef
    Loan: URIRef
    Grant: URIRef
    Relief: URIRef
    InterestSubsidy: URIRef
    Investment: URIRef
    Debt: URIRef
    Article: URIRef
    Statement: URIRef          # a relation as stated in one sentence (its provenance)

    # relations between entities
    subOrganizationOf: URIRef
    worksFor: URIRef
    issued: URIRef
    partnerOf: URIRef
    regulates: URIRef
    develops: URIRef
    contractorOf: URIRef
    assists: URIRef
    supplies: URIRef
    mentions: URIRef
    jurisdiction: URIRef       # entity -> Place it belongs to
    jobTitle: URIRef

    # funding
    provider: URIRef
    recipient: URIRef
    facilitator: URIRef
    amount: URIRef
    amountText: URIRef
    approximate: URIRef
    date: URIRef
    underProgram: URIRef
    forProject: URIRef

    # article and evidence
    sourceFile: URIRef
    title: URIRef
    byline: URIRef
    evidence: URIRef           # the evidence sentence, a literal
    start: URIRef              # character offsets of that sentence in the original text
    end: URIRef
    rule: URIRef               # id of the rule that found a Statement or Funding


KGR = Namespace(RESOURCE_IRI)

CLASS_SLUGS = {"Agency": "agency", "Company": "company", "Organization": "org", "Person": "person",
               "Program": "program", "Project": "project", "Place": "place",
               "Article": "article", "Funding": "funding", "Statement": "stmt"}


def mint_iri(kind: str, *key: str) -> URIRef:
    """Stable IRI from a class and a key, e.g. mint_iri('Agency', '某省财政厅') -> kgr:agency-…"""
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:16]
    return KGR[f"{CLASS_SLUGS[kind]}-{digest}"]


@lru_cache(maxsize=None)
def signatures() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Relation -> (domain, range) as class local names, read from data/ontology.ttl (rdfs:domain,
    rdfs:range; a union of classes as owl:unionOf), e.g. 'worksFor' -> (('Person',), ('Agency', …))."""
    path = resource_dir("data") / "ontology.ttl"
    g = Graph().parse(path, format="turtle")

    def classes(node) -> tuple[str, ...]:
        if node is None:
            raise DataError(f"{path}: a relation of kg.model.RelationType has no rdfs:domain or rdfs:range")
        members = Collection(g, g.value(node, OWL.unionOf)) if isinstance(node, BNode) else [node]
        return tuple(str(m)[len(ONTOLOGY_IRI):] for m in members)

    return {rel.value: (classes(g.value(KG[rel.value], RDFS.domain)), classes(g.value(KG[rel.value], RDFS.range)))
            for rel in RelationType}


def signature(relation: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(domain, range) of a relation, e.g. signature('develops')[1] == ('Project',)."""
    return signatures()[relation]
