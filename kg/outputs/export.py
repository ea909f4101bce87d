"""Write the graph for other tools: RDF serialisations, per-article named graphs, GraphML and
GEXF for Gephi (via networkx), and Neo4j/spreadsheet CSV.

Named graphs (N-Quads, TriG): each article gets the graph named by its own IRI, holding
the article node (title, date, bylines, kg:mentions), every Funding and kg:Statement node
derived from it, and the plain relation triples those statements state (a relation stated
by two articles sits in both). Entity descriptions (type, labels, aliases, jurisdiction,
job titles, provenance) are shared by all articles and go to the default graph. The union
of all graphs is exactly the input graph.

Property graph (GraphML, GEXF, CSV): one node per entity and per Funding, with attributes
label, class, aliases, amount, date, evidence. One edge per relation triple (jurisdiction
included) and per funding party: provider → funding → recipient, facilitator → funding,
funding → program (underProgram), funding → project (forProject). The edge's type is the
attribute `relation` (its local name), because GEXF reserves `type` for the direction.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from ..atomic import check_writable, write_all, write_file
from ..errors import InputError
from ..rdf.graph import PREFIXES, format_decimal
from ..model import ENTITY_TYPES, FUNDING_TYPES, RELATION_TYPES
from ..rdf.ontology import KG
from ..safety import neutralise_cell, strip_forbidden

RDF_FORMATS = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
               "jsonld": "json-ld"}
EDGE_TYPES = (*RELATION_TYPES, "jurisdiction")
# funding property -> does the edge point from the party to the funding?
FUNDING_EDGES = {"provider": True, "recipient": False, "facilitator": True,
                 "underProgram": False, "forProject": False}
NODE_FIELDS = ("id:ID", "name", ":LABEL", "aliases:string[]", "amount:double", "date", "evidence")
EDGE_FIELDS = (":START_ID", ":END_ID", ":TYPE", "jobTitle")


@dataclass(frozen=True)
class ExportFormat:
    """One output of `kg export`: its name, what it is for, and its writer (graph, path)."""
    name: str
    help: str
    write: Callable[[Graph, Path], None]
    folder: bool = False      # the path is a folder of files


def write_rdf(fmt: str) -> Callable[[Graph, Path], None]:
    def write(g: Graph, path: Path) -> None:
        write_file(path, serialize_rdf(g, fmt))
    return write


def write_networkx(fmt: str) -> Callable[[Graph, Path], None]:
    """The writer of networkx's format `fmt` ('graphml', 'gexf'), written in one piece."""
    def write(g: Graph, path: Path) -> None:
        import networkx as nx     # only the property-graph formats need it
        data = io.BytesIO()
        getattr(nx, "write_" + fmt)(build_networkx(g), data)
        write_file(path, data.getvalue())
    return write


def export_graph(g: Graph, fmt: str, path: str | Path) -> Path:
    """Write g in `fmt` (a name in EXPORT_FORMATS) to path; for csv, path is a folder.

    e.g. export_graph(g, 'gexf', 'out/graph.gexf') -> Path('out/graph.gexf')."""
    path = Path(path)
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    export = EXPORT_FORMATS[fmt]
    if not export.folder:
        check_writable(path.parent, [path])
    export.write(g, path)
    return path


def serialize_rdf(g: Graph, fmt: str) -> str:
    """g as text in an RDF format; line-based formats are sorted so output is deterministic."""
    if fmt in ("nquads", "trig"):
        data = split_by_article(g).serialize(format=RDF_FORMATS[fmt])
    elif fmt == "jsonld":
        data = g.serialize(format="json-ld", context={p: str(ns) for p, ns in PREFIXES.items()},
                           auto_compact=True)
    else:
        data = g.serialize(format=RDF_FORMATS[fmt])
    if fmt in ("ntriples", "nquads"):
        # one statement per \n; splitlines() would also cut literals at U+2028, \v, \x1c…
        data = "".join(sorted(line + "\n" for line in data.split("\n") if line))
    return data


def split_by_article(g: Graph) -> Dataset:
    """Split g into a Dataset with one named graph per article (see the module docstring)."""
    graph_of: dict[URIRef, URIRef] = {}    # fact node -> its article
    for cls in (KG.Funding, KG.Statement):
        for node in g.subjects(RDF.type, cls):
            for art in g.objects(node, PROV.wasDerivedFrom):
                graph_of[node] = art
    for art in g.subjects(RDF.type, KG.Article):
        graph_of[art] = art
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    placed = set()
    for s, p, o in g:
        if s in graph_of:
            ds.graph(graph_of[s]).add((s, p, o))
            placed.add((s, p, o))
    for stmt in g.subjects(RDF.type, KG.Statement):
        fact = (g.value(stmt, RDF.subject), g.value(stmt, RDF.predicate), g.value(stmt, RDF.object))
        if fact in g:
            ds.graph(graph_of[stmt]).add(fact)
            placed.add(fact)
    for triple in g:
        if triple not in placed:
            ds.default_graph.add(triple)
    return ds


def strip_namespace(iri) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def build_property_graph(g: Graph) -> tuple[list[dict], list[dict]]:
    """Nodes and edges of the property-graph view, sorted for stable output.

    Node: {id, label, class, labels (Neo4j labels), aliases, amount, date, evidence}; edge:
    {source, target, relation, jobTitle}. e.g. a Grant node has labels ['Funding', 'Grant']."""
    nodes = {**entity_nodes(g), **funding_nodes(g)}
    edges = relation_edges(g, nodes) + funding_edges(g, nodes)
    edges.sort(key=lambda e: (e["source"], e["target"], e["relation"]))
    return sorted(nodes.values(), key=lambda n: n["id"]), edges


def entity_nodes(g: Graph) -> dict[URIRef, dict]:
    nodes = {}
    for etype in ENTITY_TYPES:
        for e in g.subjects(RDF.type, KG[etype]):
            nodes[e] = {"id": str(e), "label": str(g.value(e, RDFS.label) or strip_namespace(e)),
                        "class": etype, "labels": [etype],
                        "aliases": sorted(str(a) for a in g.objects(e, SKOS.altLabel))}
    return nodes


def funding_nodes(g: Graph) -> dict[URIRef, dict]:
    nodes = {}
    for ftype in FUNDING_TYPES:
        for f in g.subjects(RDF.type, KG[ftype]):
            amount, date, ev = g.value(f, KG.amount), g.value(f, KG.date), g.value(f, KG.evidence)
            nodes[f] = {"id": str(f), "label": str(g.value(f, RDFS.label) or ftype),
                        "class": ftype, "labels": ["Funding", ftype], "aliases": [],
                        "amount": amount.toPython() if amount is not None else None,
                        "date": str(date) if date is not None else None,
                        "evidence": str(ev) if ev is not None else None}
    return nodes


def relation_edges(g: Graph, nodes: dict) -> list[dict]:
    """One edge per relation triple between two nodes, with the job titles its statements give."""
    titles: dict[tuple, set[str]] = {}
    for stmt in g.subjects(RDF.type, KG.Statement):
        key = (g.value(stmt, RDF.subject), strip_namespace(g.value(stmt, RDF.predicate)),
               g.value(stmt, RDF.object))
        titles.setdefault(key, set()).update(str(t) for t in g.objects(stmt, KG.jobTitle))
    return [{"source": str(s), "target": str(o), "relation": rel,
             "jobTitle": ";".join(sorted(titles.get((s, rel, o), ())))}
            for rel in EDGE_TYPES for s, o in g.subject_objects(KG[rel])
            if s in nodes and o in nodes]


def funding_edges(g: Graph, nodes: dict) -> list[dict]:
    """One edge per funding party, pointing the way the money goes (see FUNDING_EDGES)."""
    edges = []
    for prop, inward in FUNDING_EDGES.items():
        for f, party in g.subject_objects(KG[prop]):
            if f in nodes and party in nodes:
                source, target = (party, f) if inward else (f, party)
                edges.append({"source": str(source), "target": str(target), "relation": prop,
                              "jobTitle": ""})
    return edges


def build_networkx(g: Graph):
    """The property graph as a networkx MultiDiGraph (edge key = relation), ready for
    write_graphml / write_gexf; missing values are left out, since neither format has null.
    Characters XML forbids (a graph read from elsewhere may hold them) are dropped."""
    import networkx as nx

    nodes, edges = build_property_graph(g)
    graph = nx.MultiDiGraph()
    for node in nodes:
        attrs = {"label": node["label"], "class": node["class"], "aliases": "; ".join(node["aliases"])}
        attrs.update({k: node[k] for k in ("date", "evidence") if node.get(k) is not None})
        attrs = {k: strip_forbidden(v) for k, v in attrs.items()}
        if node.get("amount") is not None:
            attrs["amount"] = float(node["amount"])
        graph.add_node(strip_forbidden(node["id"]), **attrs)
    for edge in edges:
        attrs = {"relation": edge["relation"], "label": edge["relation"]}
        if edge["jobTitle"]:
            attrs["jobTitle"] = strip_forbidden(edge["jobTitle"])
        graph.add_edge(strip_forbidden(edge["source"]), strip_forbidden(edge["target"]),
                       key=edge["relation"], **attrs)
    return graph


def write_csv(g: Graph, folder: Path) -> None:
    """folder/nodes.csv and folder/edges.csv, UTF-8, headers in Neo4j's import syntax
    (`id:ID`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`; arrays split on ';'). Both files or
    neither; a cell that a spreadsheet would run as a formula gets a leading quote."""
    nodes, edges = build_property_graph(g)
    check_writable(folder, [folder / "nodes.csv", folder / "edges.csv"])
    node_rows = [[n["id"], n["label"], ";".join(n["labels"]), ";".join(n["aliases"]),
                  "" if n.get("amount") is None else format_decimal(n["amount"]),
                  n.get("date") or "", n.get("evidence") or ""] for n in nodes]
    edge_rows = [[e["source"], e["target"], e["relation"], e["jobTitle"]] for e in edges]
    write_all({folder / "nodes.csv": format_csv(NODE_FIELDS, node_rows),
               folder / "edges.csv": format_csv(EDGE_FIELDS, edge_rows)})


def format_csv(header: tuple[str, ...], rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)       # CRLF rows: a value's own CR or LF is quoted
    writer.writerow(header)
    writer.writerows([neutralise_cell(cell) for cell in row] for row in rows)
    return out.getvalue()


# the formats `kg export` offers, in the order its help lists them
EXPORT_FORMATS = {f.name: f for f in (
    ExportFormat("turtle", "Turtle", write_rdf("turtle")),
    ExportFormat("ntriples", "N-Triples, sorted", write_rdf("ntriples")),
    ExportFormat("nquads", "N-Quads, one named graph per article", write_rdf("nquads")),
    ExportFormat("trig", "TriG, one named graph per article", write_rdf("trig")),
    ExportFormat("jsonld", "JSON-LD with the kg prefixes as context", write_rdf("jsonld")),
    ExportFormat("graphml", "GraphML for Gephi", write_networkx("graphml")),
    ExportFormat("gexf", "GEXF for Gephi", write_networkx("gexf")),
    ExportFormat("csv", "nodes.csv and edges.csv for Neo4j or a spreadsheet (a folder)",
                 write_csv, folder=True),
)}
