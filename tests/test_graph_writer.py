"""kg's Turtle writer: the bytes rdflib's serializer writes, faster."""
from __future__ import annotations

from rdflib import BNode, Graph, Literal
from rdflib.compare import isomorphic

from kg.rdf.graph import bind_prefixes, turtle_text
from kg.rdf.ontology import KG
from synthetic_graphs import synthetic_graph


def test_same_bytes_as_rdflib(small_graph):
    assert turtle_text(small_graph) == small_graph.serialize(format="turtle")


def test_same_bytes_as_rdflib_on_a_larger_graph():
    g = bind_prefixes(synthetic_graph(300))
    text = turtle_text(g)
    assert text == g.serialize(format="turtle")
    assert isomorphic(Graph().parse(data=text, format="turtle"), g)


def test_unusual_terms_still_round_trip(small_graph):
    g = bind_prefixes(Graph())
    g += small_graph
    node = next(iter(small_graph.subjects()))
    g.add((node, KG.evidence, Literal('引号"与\\反斜杠\n换行', lang="zh")))
    g.add((node, KG.sourceFile, Literal("a b/c.txt")))
    assert turtle_text(g) == g.serialize(format="turtle")
    g.add((node, KG.mentions, BNode()))         # kg never makes blank nodes: rdflib writes these
    assert isomorphic(Graph().parse(data=turtle_text(g), format="turtle"), g)


def test_corpus_triples_turtle_is_the_graph_s_turtle():
    from conftest import make_small_extractions
    from kg.rdf.graph import CorpusTriples, build_graph
    extractions = make_small_extractions()
    g = build_graph(extractions + extractions[:1])      # an article twice: its triples once
    triples = CorpusTriples(extractions + extractions[:1])
    assert (triples.turtle(), len(triples)) == (turtle_text(g), len(g))


def test_objects_sorted_as_rdflib_sorts_them():
    from decimal import Decimal
    from kg.rdf.graph import _sorted_objects
    from kg.rdf.ontology import KGR
    cases = [[Literal(t, lang="zh") for t in ("乙", "甲", "a", "甲乙", "")],
             [Literal("b"), Literal("a"), Literal("c")],
             [Literal("乙", lang="zh"), Literal("甲", lang="en"), Literal("丙")],
             [Literal(10), Literal(9), Literal(Decimal("9.5"))],
             [KGR["b"], KGR["a"], Literal("甲", lang="zh")]]
    for objects in cases:
        assert _sorted_objects(objects) == sorted(objects)
