"""Every export format opens in its reader; N-Triples round-trips; named graphs per article."""
from __future__ import annotations

import csv
from decimal import Decimal

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV, RDF, RDFS, XSD

from kg.cli import main
from kg.errors import InputError, OutputError
from kg.outputs.export import EXPORT_FORMATS, split_by_article, export_graph
from kg.rdf.graph import article_iri, entity_iri
from kg.rdf.ontology import KG
from kg.rdf.store import read_graph

RDF_FILES = {"turtle": "graph.ttl", "ntriples": "graph.nt", "nquads": "graph.nq",
             "trig": "graph.trig", "jsonld": "graph.jsonld"}
ENTITIES, FUNDINGS = 20, 7
# 15 relation pairs + 7 jurisdiction links + 18 funding parties (7 providers, 6 recipients,
# 1 facilitator, 2 programs, 2 projects)
EDGES = 40
XINGHE = entity_iri("Company", "青禾星河智能科技有限公司")
COLLEGE = entity_iri("Organization", "青禾理工学院")
FINANCE = entity_iri("Agency", "青禾市财政局")


def canonicalize_decimals(g: Graph) -> Graph:
    """g with decimals in one lexical form: Turtle writes 3200000 as 3200000.0."""
    out = Graph()
    for s, p, o in g:
        if isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(format(Decimal(str(o)).normalize(), "f"), datatype=XSD.decimal)
        out.add((s, p, o))
    return out


def find_grant(g: Graph) -> URIRef:
    """The 320万元 grant node of the small graph."""
    return next(f for f in g.subjects(KG.amount, None) if g.value(f, KG.amountText) == Literal("320万元", lang="zh"))


@pytest.mark.parametrize("fmt", RDF_FILES)
def test_rdf_formats_open_in_rdflib(small_graph, tmp_path, fmt):
    path = export_graph(small_graph, fmt, tmp_path / RDF_FILES[fmt])
    assert isomorphic(canonicalize_decimals(read_graph(path)), canonicalize_decimals(small_graph))


@pytest.mark.parametrize("fmt", ["ntriples", "nquads", "jsonld"])
def test_round_trip_is_exact(small_graph, tmp_path, fmt):
    path = export_graph(small_graph, fmt, tmp_path / RDF_FILES[fmt])
    assert isomorphic(read_graph(path), small_graph)


def test_ntriples_round_trip_through_the_cli(graph_file, small_graph, tmp_path):
    out = tmp_path / "graph.nt"
    result = CliRunner().invoke(main, ["export", str(graph_file), "--format", "ntriples", "-o", str(out)])
    assert result.exit_code == 0, result.output
    back = CliRunner().invoke(main, ["export", str(out), "--format", "ntriples", "-o", str(tmp_path / "again.nt")])
    assert back.exit_code == 0
    assert (tmp_path / "again.nt").read_bytes() == out.read_bytes()
    assert isomorphic(canonicalize_decimals(Graph().parse(out, format="nt")), canonicalize_decimals(small_graph))


def test_exports_are_deterministic(small_graph, tmp_path):
    for fmt in ("ntriples", "nquads", "turtle", "graphml"):
        first = export_graph(small_graph, fmt, tmp_path / "1" / fmt).read_bytes()
        assert export_graph(small_graph, fmt, tmp_path / "2" / fmt).read_bytes() == first


# --- named graphs -----------------------------------------------------------------------------

def test_each_article_has_its_named_graph(small_graph):
    ds = split_by_article(small_graph)
    articles = set(small_graph.subjects(RDF.type, KG.Article))
    named = {c.identifier for c in ds.graphs() if len(c) and c.identifier != ds.default_graph.identifier}
    assert named == articles
    union = Graph()
    for s, p, o, _ in ds.quads():
        union.add((s, p, o))
    assert isomorphic(union, small_graph)


def test_article_graph_holds_its_facts(small_graph):
    ds = split_by_article(small_graph)
    first, second = ds.graph(article_iri("a001.txt")), ds.graph(article_iri("a002.txt"))
    grant = find_grant(small_graph)
    assert set(small_graph.triples((grant, None, None))) <= set(first)
    assert (article_iri("a001.txt"), KG.mentions, XINGHE) in first
    # a relation stated in two articles is in both graphs, with its own statement in each
    assert (XINGHE, KG.partnerOf, COLLEGE) in first and (XINGHE, KG.partnerOf, COLLEGE) in second
    for graph, art in ((first, "a001.txt"), (second, "a002.txt")):
        stmts = [s for s in graph.subjects(RDF.predicate, KG.partnerOf)]
        assert [graph.value(s, PROV.wasDerivedFrom) for s in stmts] == [article_iri(art)]


def test_entity_descriptions_go_to_the_default_graph(small_graph):
    ds = split_by_article(small_graph)
    label = (XINGHE, RDFS.label, Literal("青禾星河智能科技有限公司", lang="zh"))
    assert label in ds.default_graph
    assert all(label not in ds.graph(a) for a in small_graph.subjects(RDF.type, KG.Article))


# --- property graphs ------------------------------------------------------------------------

@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_open_in_networkx(small_graph, tmp_path, fmt, reader):
    path = export_graph(small_graph, fmt, tmp_path / f"graph.{fmt}")
    g = reader(path)
    assert g.number_of_nodes() == ENTITIES + FUNDINGS
    assert g.number_of_edges() == EDGES
    grant = g.nodes[str(find_grant(small_graph))]
    assert (grant["label"], grant["class"], grant["amount"], grant["date"]) == \
        ("320万元 Grant", "Grant", 3200000.0, "2023-03-10")
    company = g.nodes[str(XINGHE)]
    assert (company["label"], company["class"], company["aliases"]) == \
        ("青禾星河智能科技有限公司", "Company", "星河智能")
    relations = {(u, v, d["relation"]) for u, v, d in g.edges(data=True)}
    assert (str(FINANCE), str(find_grant(small_graph)), "provider") in relations
    assert (str(find_grant(small_graph)), str(XINGHE), "recipient") in relations
    assert (str(XINGHE), str(COLLEGE), "partnerOf") in relations
    titles = {d.get("jobTitle") for _, _, d in g.edges(data=True) if d["relation"] == "worksFor"}
    assert titles == {"副总经理", "局长"}


def test_csv_folder_reads_as_neo4j_import_files(small_graph, tmp_path):
    folder = export_graph(small_graph, "csv", tmp_path / "csv")
    with open(folder / "nodes.csv", encoding="utf-8", newline="") as fh:
        nodes = list(csv.DictReader(fh))
    with open(folder / "edges.csv", encoding="utf-8", newline="") as fh:
        edges = list(csv.DictReader(fh))
    assert list(nodes[0]) == ["id:ID", "name", ":LABEL", "aliases:string[]", "amount:double", "date", "evidence"]
    assert list(edges[0]) == [":START_ID", ":END_ID", ":TYPE", "jobTitle"]
    assert len(nodes) == ENTITIES + FUNDINGS and len(edges) == EDGES
    by_id = {n["id:ID"]: n for n in nodes}
    grant = by_id[str(find_grant(small_graph))]
    assert (grant[":LABEL"], grant["amount:double"], grant["date"]) == ("Funding;Grant", "3200000", "2023-03-10")
    assert grant["evidence"].startswith("3月10日，青禾市财政局拨付的320万元")
    assert by_id[str(XINGHE)][":LABEL"] == "Company"
    assert all(e[":START_ID"] in by_id and e[":END_ID"] in by_id for e in edges)


# --- errors and CLI ---------------------------------------------------------------------------

def test_unknown_format_is_an_input_error(small_graph, tmp_path):
    with pytest.raises(InputError, match="unknown export format 'xlsx'"):
        export_graph(small_graph, "xlsx", tmp_path / "g.xlsx")


def test_unwritable_path_is_an_output_error(small_graph, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write"):
        export_graph(small_graph, "ntriples", blocker / "graph.nt")


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_cli_export_every_format(graph_file, tmp_path, fmt):
    out = tmp_path / f"out.{fmt}"
    result = CliRunner().invoke(main, ["export", str(graph_file), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "nodes.csv").is_file() if fmt == "csv" else out.stat().st_size > 0


def test_cli_export_bad_graph_is_one_line(tmp_path):
    bad = tmp_path / "bad.nt"
    bad.write_text("not n-triples\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["export", str(bad), "-f", "turtle", "-o", str(tmp_path / "x.ttl")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: cannot read as nt") and result.output.count("\n") == 1
