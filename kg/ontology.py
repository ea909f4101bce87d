"""The graph's vocabulary (local names fixed by the schema) and the one function that mints IRIs."""
from __future__ import annotations

import hashlib

from rdflib import URIRef
from rdflib.namespace import DefinedNamespace, Namespace

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


KGR = Namespace(RESOURCE_IRI)

CLASS_SLUGS = {"Agency": "agency", "Company": "company", "Organization": "org", "Person": "person",
               "Program": "program", "Project": "project", "Place": "place",
               "Article": "article", "Funding": "funding", "Statement": "stmt"}


def mint_iri(kind: str, *key: str) -> URIRef:
    """Stable IRI from a class and a key, e.g. mint_iri('Agency', '黑龙江省财政厅') -> kgr:agency-5b0f…"""
    digest = hashlib.sha1("\x1f".join(key).encode("utf-8")).hexdigest()[:16]
    return KGR[f"{CLASS_SLUGS[kind]}-{digest}"]
