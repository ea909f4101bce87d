"""Build the RDF graph from the extractions of a corpus.

Layout (prefix `kg:` is the ontology, `kgr:` the resources):

* entity  `kgr:agency-<hash>` a kg:Agency; rdfs:label "name"@zh; skos:altLabel "alias"@zh;
  kg:jurisdiction <place>; prov:wasDerivedFrom <article> (each article that names it);
  a Person also carries kg:jobTitle.
* article `kgr:article-<hash>` a kg:Article; kg:sourceFile; kg:title; kg:date; kg:byline;
  kg:mentions <entity>.
* relation: the plain triple `<s> kg:worksFor <o>`, plus one `kg:Statement` node per sentence
  that states it (RDF reification): rdf:subject/rdf:predicate/rdf:object, kg:jobTitle,
  prov:wasDerivedFrom <article>, kg:evidence "sentence"@zh, kg:start, kg:end, kg:rule.
* funding `kgr:funding-<hash>` a kg:Funding, kg:Grant (one subclass); kg:amount xsd:decimal
  (yuan); kg:amountText; kg:approximate; kg:date (xsd:date, gYearMonth or gYear);
  kg:provider / kg:recipient / kg:facilitator / kg:underProgram / kg:forProject <entity>;
  and the same evidence properties as a statement.
* every Statement and Funding carries kg:rule, the id of the rule that found it (a row id of
  relation_cues.tsv or funding_cues.tsv, or pass:<name> for a rule written in code).

IRIs come from `ontology.mint_iri` over the class and canonical label, so the same entity
gets the same IRI on every build.
"""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from .model import Article, Entity, Evidence, Extraction, Funding, Relation
from .ontology import KG, KGR, mint_iri

PREFIXES = {"kg": KG._NS, "kgr": KGR, "prov": PROV, "skos": SKOS, "rdfs": RDFS, "xsd": XSD}


def bind_prefixes(g: Graph) -> Graph:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    return g


def date_literal(value: str) -> Literal:
    """'2020-06-30' -> xsd:date, '2020-06' -> xsd:gYearMonth, '2020' -> xsd:gYear."""
    kind = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value))
    return Literal(value, datatype=kind) if kind else Literal(value)


def format_decimal(value) -> str:
    """A decimal as people write it: Decimal('5800000.0') -> '5800000'."""
    return format(value.normalize(), "f")


def decimal_literal(value) -> Literal:
    """xsd:decimal in the canonical form Turtle writes back unchanged: 5800000 -> '5800000.0'."""
    text = format_decimal(value)
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def article_iri(doc_id: str) -> URIRef:
    return mint_iri("Article", doc_id)


def entity_iri(etype: str, label: str) -> URIRef:
    return mint_iri(etype, label)


def build_graph(extractions: Iterable[Extraction]) -> Graph:
    """Return one rdflib Graph for all extractions (entities merged by class and canonical label)."""
    g = bind_prefixes(Graph())
    for ex in extractions:
        add_extraction(g, ex)
    return g


def add_extraction(g: Graph, ex: Extraction) -> None:
    a = add_article(g, ex.article)
    iri_of = add_entities(g, a, ex.entities)
    for rel in ex.relations:
        add_relation(g, a, iri_of, rel, ex.article.doc_id)
    for i, f in enumerate(ex.fundings):
        add_funding(g, a, iri_of, f, mint_iri("Funding", ex.article.doc_id, str(f.evidence.start), str(i)))


def add_article(g: Graph, art: Article) -> URIRef:
    a = article_iri(art.doc_id)
    g.add((a, RDF.type, KG.Article))
    g.add((a, KG.sourceFile, Literal(art.source)))
    if art.title:
        g.add((a, KG.title, zh(art.title)))
    if art.date:
        g.add((a, KG.date, date_literal(art.date)))
    for byline in art.bylines:
        g.add((a, KG.byline, zh(byline)))
    return a


def add_entities(g: Graph, a: URIRef, entities: Iterable[Entity]) -> dict[str, URIRef]:
    """Add the entities an article mentions; returns label -> IRI."""
    iri_of: dict[str, URIRef] = {}
    for ent in entities:
        e = entity_iri(ent.type, ent.label)
        iri_of[ent.label] = e
        g.add((e, RDF.type, KG[ent.type]))
        g.add((e, RDFS.label, zh(ent.label)))
        for alias in ent.aliases:
            if alias != ent.label:
                g.add((e, SKOS.altLabel, zh(alias)))
        g.add((e, PROV.wasDerivedFrom, a))
        g.add((a, KG.mentions, e))
    for ent in entities:
        if ent.jurisdiction and ent.jurisdiction in iri_of and ent.jurisdiction != ent.label:
            g.add((iri_of[ent.label], KG.jurisdiction, iri_of[ent.jurisdiction]))
    return iri_of


def add_relation(g: Graph, a: URIRef, iri_of: dict[str, URIRef], rel: Relation, doc_id: str) -> None:
    """The plain triple and its kg:Statement (when both ends are entities of the article)."""
    s, o = iri_of.get(rel.subject), iri_of.get(rel.object)
    if s is None or o is None:
        return
    g.add((s, KG[rel.type], o))
    stmt = mint_iri("Statement", rel.type, str(s), str(o), doc_id, str(rel.evidence.start))
    g.add((stmt, RDF.type, KG.Statement))
    g.add((stmt, RDF.subject, s))
    g.add((stmt, RDF.predicate, KG[rel.type]))
    g.add((stmt, RDF.object, o))
    if rel.job_title:
        g.add((stmt, KG.jobTitle, zh(rel.job_title)))
        g.add((s, KG.jobTitle, zh(rel.job_title)))
    add_evidence(g, stmt, a, rel.evidence, rel.rule)


def add_funding(g: Graph, a: URIRef, iri_of: dict[str, URIRef], f: Funding, node: URIRef) -> None:
    g.add((node, RDF.type, KG.Funding))
    g.add((node, RDF.type, KG[f.type]))
    g.add((node, RDFS.label, zh(f"{f.amount_text or ''}{' ' if f.amount_text else ''}{f.type}")))
    if f.amount is not None:
        g.add((node, KG.amount, decimal_literal(f.amount)))
    if f.amount_text:
        g.add((node, KG.amountText, zh(f.amount_text)))
    if f.approximate:
        g.add((node, KG.approximate, Literal(True)))
    if f.date:
        g.add((node, KG.date, date_literal(f.date)))
    for prop, label in ((KG.provider, f.provider), (KG.recipient, f.recipient),
                        (KG.facilitator, f.facilitator), (KG.underProgram, f.program),
                        (KG.forProject, f.project)):
        if label and label in iri_of:
            g.add((node, prop, iri_of[label]))
    add_evidence(g, node, a, f.evidence, f.rule)


def add_evidence(g: Graph, node: URIRef, article: URIRef, ev: Evidence, rule: str | None = None) -> None:
    g.add((node, PROV.wasDerivedFrom, article))
    if rule:
        g.add((node, KG.rule, Literal(rule)))
    g.add((node, KG.evidence, zh(ev.sentence)))
    g.add((node, KG.start, Literal(ev.start)))
    g.add((node, KG.end, Literal(ev.end)))


def write_turtle(g: Graph, path) -> None:
    """Serialise deterministically: rdflib's Turtle writer sorts subjects and predicates."""
    data = g.serialize(format="turtle")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(data)
