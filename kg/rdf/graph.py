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

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from functools import lru_cache

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD
from rdflib.plugins.stores.memory import SimpleMemory

from ..atomic import write_file
from ..model import Article, Entity, Evidence, Extraction, Funding, Relation
from .ontology import KG, KGR, mint_iri

PREFIXES = {"kg": KG._NS, "kgr": KGR, "prov": PROV, "skos": SKOS, "rdfs": RDFS, "xsd": XSD}


class Terms:
    """A namespace's terms, each made once: rdflib's DefinedNamespace builds a new URIRef on
    every attribute lookup, and graph building looks terms up hundreds of thousands of times."""

    def __init__(self, ns) -> None:
        self._ns = ns

    def __getattr__(self, name: str) -> URIRef:
        term = self._ns[name]
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


_KG, _RDF, _RDFS, _SKOS, _PROV = (Terms(ns) for ns in (KG, RDF, RDFS, SKOS, PROV))


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


@lru_cache(maxsize=1 << 16)
def zh(text: str) -> Literal:
    """A Chinese literal (remembered: labels and names repeat across articles)."""
    return Literal(text, lang="zh")


@lru_cache(maxsize=1 << 16, typed=True)     # typed: Literal(1) is not Literal(True)
def plain_literal(value) -> Literal:
    """Literal(value), remembered for the offsets and rule ids that repeat across articles."""
    return Literal(value)


def article_iri(doc_id: str) -> URIRef:
    return mint_iri("Article", doc_id)


@lru_cache(maxsize=1 << 16)
def entity_iri(etype: str, label: str) -> URIRef:
    return mint_iri(etype, label)


def build_graph(extractions: Iterable[Extraction]) -> Graph:
    """Return one rdflib Graph for all extractions (entities merged by class and canonical label).

    The graph lives in rdflib's SimpleMemory store, filled in one addN: kg's graphs have no
    named graphs to track, and this store takes triples about three times faster."""
    g = bind_prefixes(Graph(store=SimpleMemory()))
    g.addN((s, p, o, g) for ex in extractions for s, p, o in extraction_triples(ex))
    return g


def extraction_triples(ex: Extraction) -> Iterator[tuple]:
    """The triples of one extraction (an entity's repeat in other articles repeats some)."""
    a = article_iri(ex.article.doc_id)
    iri_of = {ent.label: entity_iri(ent.type, ent.label) for ent in ex.entities}
    yield from article_triples(a, ex.article)
    yield from entity_triples(a, ex.entities, iri_of)
    for rel in ex.relations:
        yield from relation_triples(a, iri_of, rel, ex.article.doc_id)
    for i, f in enumerate(ex.fundings):
        yield from funding_triples(a, iri_of, f, mint_iri("Funding", ex.article.doc_id,
                                                          str(f.evidence.start), str(i)))


def article_triples(a: URIRef, art: Article) -> Iterator[tuple]:
    yield (a, _RDF.type, _KG.Article)
    yield (a, _KG.sourceFile, Literal(art.source))
    if art.title:
        yield (a, _KG.title, zh(art.title))
    if art.date:
        yield (a, _KG.date, date_literal(art.date))
    for byline in art.bylines:
        yield (a, _KG.byline, zh(byline))


def entity_triples(a: URIRef, entities: Iterable[Entity], iri_of: dict[str, URIRef]) -> Iterator[tuple]:
    """The entities an article mentions (iri_of: label -> IRI)."""
    for ent in entities:
        e = entity_iri(ent.type, ent.label)     # not iri_of's: two classes may share a label
        yield (e, _RDF.type, _KG[ent.type])
        yield (e, _RDFS.label, zh(ent.label))
        for alias in ent.aliases:
            if alias != ent.label:
                yield (e, _SKOS.altLabel, zh(alias))
        yield (e, _PROV.wasDerivedFrom, a)
        yield (a, _KG.mentions, e)
    for ent in entities:
        if ent.jurisdiction and ent.jurisdiction in iri_of and ent.jurisdiction != ent.label:
            yield (iri_of[ent.label], _KG.jurisdiction, iri_of[ent.jurisdiction])


def relation_triples(a: URIRef, iri_of: dict[str, URIRef], rel: Relation, doc_id: str) -> Iterator[tuple]:
    """The plain triple and its kg:Statement (when both ends are entities of the article)."""
    s, o = iri_of.get(rel.subject), iri_of.get(rel.object)
    if s is None or o is None:
        return
    yield (s, _KG[rel.type], o)
    stmt = mint_iri("Statement", rel.type, str(s), str(o), doc_id, str(rel.evidence.start))
    yield (stmt, _RDF.type, _KG.Statement)
    yield (stmt, _RDF.subject, s)
    yield (stmt, _RDF.predicate, _KG[rel.type])
    yield (stmt, _RDF.object, o)
    if rel.job_title:
        yield (stmt, _KG.jobTitle, zh(rel.job_title))
        yield (s, _KG.jobTitle, zh(rel.job_title))
    yield from evidence_triples(stmt, a, rel.evidence, rel.rule)


def funding_triples(a: URIRef, iri_of: dict[str, URIRef], f: Funding, node: URIRef) -> Iterator[tuple]:
    yield (node, _RDF.type, _KG.Funding)
    yield (node, _RDF.type, _KG[f.type])
    yield (node, _RDFS.label, zh(f"{f.amount_text or ''}{' ' if f.amount_text else ''}{f.type}"))
    if f.amount is not None:
        yield (node, _KG.amount, decimal_literal(f.amount))
    if f.amount_text:
        yield (node, _KG.amountText, zh(f.amount_text))
    if f.approximate:
        yield (node, _KG.approximate, plain_literal(True))
    if f.date:
        yield (node, _KG.date, date_literal(f.date))
    for prop, label in ((_KG.provider, f.provider), (_KG.recipient, f.recipient),
                        (_KG.facilitator, f.facilitator), (_KG.underProgram, f.program),
                        (_KG.forProject, f.project)):
        if label and label in iri_of:
            yield (node, prop, iri_of[label])
    yield from evidence_triples(node, a, f.evidence, f.rule)


def evidence_triples(node: URIRef, article: URIRef, ev: Evidence, rule: str | None = None) -> Iterator[tuple]:
    yield (node, _PROV.wasDerivedFrom, article)
    if rule:
        yield (node, _KG.rule, plain_literal(rule))
    yield (node, _KG.evidence, zh(ev.sentence))
    yield (node, _KG.start, plain_literal(ev.start))
    yield (node, _KG.end, plain_literal(ev.end))


def write_turtle(g: Graph, path) -> None:
    """Serialise deterministically (subjects and predicates sorted, see turtle_text), and
    atomically: path holds the old file or the whole new one."""
    write_file(path, turtle_text(g))


# A local name that any Turtle reader takes as is after its prefix.
_PLAIN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")


def turtle_text(g: Graph) -> str:
    """The Turtle that rdflib's serializer writes for kg's graphs (no blank nodes, prefixes
    bound, plain local names), byte for byte, several times faster: one pass over the
    triples instead of a store lookup per subject and a prefix search per term. A graph
    with blank nodes, which kg never makes, goes to rdflib's serializer."""
    text = _turtle(g, _TurtleNames(g))
    return g.serialize(format="turtle") if text is None else text[0]


class CorpusTriples:
    """The distinct triples of a corpus's extractions, grouped by subject as they are made
    ({subject: {predicate: {object: None}}}, each in the order first made, as rdflib's memory
    store keeps them), made once for both outputs: the Turtle text, and the part of rdflib's
    Graph API that the view reads (objects, value, subjects, subject_objects, in), so that
    the view needs no rdflib store filled with the same triples again."""

    def __init__(self, extractions: Iterable[Extraction]) -> None:
        self._name = _TurtleNames(bind_prefixes(Graph()))
        # extraction_triples makes no blank node, so the grouping never gives up (None)
        self.by_subject, self._references, self._count = _group_by_subject(
            (t for ex in extractions for t in extraction_triples(ex)), self._name)
        self._indexes: dict = {}

    def __len__(self) -> int:
        return self._count

    def turtle(self) -> str:
        return _turtle_text(self.by_subject, self._references, self._name)

    def objects(self, subject, predicate) -> Iterator:
        return iter(self.by_subject.get(subject, {}).get(predicate, ()))

    def value(self, subject, predicate):
        """An object of (subject, predicate), the first made (as rdflib's Graph.value), or None."""
        return next(self.objects(subject, predicate), None)

    def subjects(self, predicate, obj) -> Iterator:
        return iter(self._by_predicate(predicate).get(obj, ()))

    def subject_objects(self, predicate) -> Iterator[tuple]:
        return ((s, o) for o, subjects in self._by_predicate(predicate).items() for s in subjects)

    def __contains__(self, triple: tuple) -> bool:
        s, p, o = triple
        return o in self.by_subject.get(s, {}).get(p, ())

    def _by_predicate(self, predicate) -> dict:
        """{object: [subject]} of one predicate, indexed the first time the view asks (for a
        few predicates only: rdf:type, the relations)."""
        index = self._indexes.get(predicate)
        if index is None:
            index = self._indexes[predicate] = defaultdict(list)
            for s, props in self.by_subject.items():
                for o in props.get(predicate, ()):
                    index[o].append(s)
        return index


def _turtle(triples: Iterable[tuple], name: _TurtleNames) -> tuple[str, int] | None:
    """The Turtle text of the distinct triples and their number; None when one holds a blank node."""
    grouped = _group_by_subject(triples, name)
    if grouped is None:
        return None
    by_subject, references, count = grouped
    return _turtle_text(by_subject, references, name), count


def _turtle_text(by_subject: dict, references: dict, name: _TurtleNames) -> str:
    """The Turtle text of triples grouped by _group_by_subject."""
    literals: dict[int, str] = {}     # by id: the grouped triples keep every literal alive

    def term(node) -> str:
        if type(node) is URIRef:
            return name(node)
        if isinstance(node, Literal):       # offsets, rule ids and sentences repeat
            text = literals.get(id(node))
            if text is None:
                text = literals[id(node)] = node._literal_n3(use_plain=True, qname_callback=name)
            return text
        return name(node)

    blocks = [_turtle_block(name(s), by_subject[s], name, term)
              for s in _subject_order(by_subject, references)]
    head = "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in sorted(name.used.items()))
    return (head + "".join(blocks) + "\n").encode("utf-8", "replace").decode("utf-8")


class _TurtleNames:
    """kg:Agency for a term of a bound namespace, else <uri>; records the prefixes used."""

    def __init__(self, g: Graph) -> None:
        self.namespaces = sorted(((str(ns), prefix) for prefix, ns in g.namespaces()),
                                 key=lambda x: -len(x[0]))
        self.names: dict = {}
        self.used: dict[str, str] = {}

    def __call__(self, uri: URIRef) -> str:
        found = self.names.get(uri)
        if found is None:
            found = uri.n3()
            for ns, prefix in self.namespaces:
                if str.startswith(uri, ns) and _PLAIN_LOCAL.fullmatch(uri, len(ns)):   # not rdflib's slower override
                    found = f"{prefix}:{uri[len(ns):]}"
                    self.used[prefix] = ns
                    break
            self.names[uri] = found
        return found


def _group_by_subject(triples: Iterable[tuple], name: _TurtleNames) -> tuple[dict, dict, int] | None:
    """{subject: {predicate: {object: None}}}, how often each IRI is an object and the
    number of distinct triples; None when a triple holds a blank node."""
    by_subject: dict = defaultdict(lambda: defaultdict(dict))
    references: dict = defaultdict(int)
    count = 0
    for s, p, o in triples:
        objects = by_subject[s][p]
        if o in objects:
            continue
        kind = type(o)      # exact types first: isinstance on rdflib terms is slow
        if type(s) is not URIRef and isinstance(s, BNode) or kind is not URIRef and isinstance(o, BNode):
            return None
        objects[o] = None
        count += 1
        if kind is Literal or kind is not URIRef and isinstance(o, Literal):
            if o.datatype:
                name(o.datatype)        # rdflib declares the prefixes of datatypes too
        else:       # only subjects' counts are read: a literal is never one
            references[o] += 1
    return by_subject, references, count


def _subject_order(by_subject: dict, references: dict) -> list:
    """rdflib's order: members of rdfs:Class first, then by references as an object, then IRI
    (IRIs compare as their strings there, so str keys give the same order, faster)."""
    classes = sorted((s for s, props in by_subject.items() if _RDFS.Class in props.get(_RDF.type, ())), key=str)
    first = set(classes)
    return classes + sorted((s for s in by_subject if s not in first), key=lambda s: (references[s], str(s)))


# rdf:type, then rdfs:label, first in every block; made once (RDF.type is a new term on each use)
_FIRST_PREDICATES = (_RDF.type, _RDFS.label)
_FIRST_SET = frozenset(_FIRST_PREDICATES)     # tested by hash: no rdflib __eq__ per predicate


def _turtle_block(subject: str, props: dict, name: _TurtleNames, term) -> str:
    """One subject's statements: rdf:type, rdfs:label, then the other predicates by IRI."""
    order = [p for p in _FIRST_PREDICATES if p in props]
    typed = bool(order) and order[0] is _RDF.type
    order += sorted((p for p in props if p not in _FIRST_SET), key=str)
    lines = []
    for i, p in enumerate(order):
        objects = list(props[p])
        if len(objects) > 1:
            objects = _sorted_objects(objects)
        verb = "a" if i == 0 and typed else name(p)
        if len(objects) == 1:
            lines.append(f"{verb} {term(objects[0])}")
        else:
            lines.append(f"{verb} " + ",\n        ".join(term(o) for o in objects))
    return f"\n{subject} " + " ;\n    ".join(lines) + " .\n"


def _sorted_objects(objects: list) -> list:
    """rdflib's order of one predicate's objects. IRIs, and strings in one language (whose
    rdflib order is their text's: same type, same tag, the text as value), sort as their
    strings, much faster than by rdflib's comparison of literals."""
    first = objects[0]
    if all(type(o) is URIRef for o in objects) or all(
            type(o) is Literal and o.datatype is None and o.language == first.language
            and type(o.value) is str for o in objects):
        return sorted(objects, key=str)
    return sorted(objects)
