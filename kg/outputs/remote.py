"""A remote triple store: push a graph by the SPARQL 1.1 Graph Store HTTP Protocol, and run the
named queries over a SPARQL 1.1 endpoint.

Push is idempotent: the first chunk of each named graph is a PUT, which replaces the graph,
and the rest are POSTs, which add to it; pushing twice leaves one copy. Chunks are whole
N-Triples lines (valid Turtle, which every Graph Store accepts).

Remote parameters: SPARQL has no way to send bindings with a query, so they are bound by
query.bind_text, term substitution in the query text.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
from rdflib import BNode, Graph
from rdflib.namespace import RDF
from rdflib.query import Result

from ..errors import InputError, QueryError
from ..rdf.graph import PREFIXES
from .query import bind_text, check_params, resolve_query
from ..rdf.store import read_graph

TIMEOUT = httpx.Timeout(60.0, connect=10.0)
CHUNK_TRIPLES = 50_000
RESULT_TYPES = "application/sparql-results+json, text/turtle;q=0.9"


def declare_prefixes(text: str) -> str:
    """Prepend the kg prefixes the text uses without declaring them (a remote store knows none)."""
    known = {**PREFIXES, "rdf": RDF}
    declared = set(re.findall(r"(?im)^\s*PREFIX\s+(\w*):", text))
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in known.items() if p not in declared]
    return "\n".join(lines + [text])


def run_remote_query(endpoint: str, spec: str, params: dict[str, str] | None = None,
                     graph_iri: str | None = None, auth: httpx.Auth | None = None) -> Result:
    """Run a named query, a .rq file or SPARQL text on a SPARQL endpoint (POST, SPARQL 1.1
    Protocol), params bound as literals; returns the rdflib Result `kg query` formats.

    e.g. run_remote_query('http://127.0.0.1:8890/sparql', 'fundings')."""
    params = params or {}
    text, named = resolve_query(spec)
    if named:
        check_params(named, params)
    data = {"query": declare_prefixes(bind_text(text, params))}
    if graph_iri:
        data["default-graph-uri"] = graph_iri
    try:
        response = httpx.post(endpoint, data=data, headers={"Accept": RESULT_TYPES},
                              auth=auth, timeout=TIMEOUT)
    except httpx.HTTPError as exc:
        raise QueryError(f"{endpoint}: {exc}") from None
    if response.status_code >= 400:
        raise QueryError(f"{endpoint}: HTTP {response.status_code}: {first_text_line(response.text)}")
    return parse_response(endpoint, response)


def parse_response(endpoint: str, response: httpx.Response) -> Result:
    media = response.headers.get("content-type", "").split(";")[0].strip()
    try:
        if "json" in media:
            return read_ask_row(Result.parse(source=io.BytesIO(response.content), format="json"))
        result = Result("CONSTRUCT")
        result.graph = Graph().parse(data=response.text, format="turtle")
        return result
    except Exception as exc:  # rdflib's parsers raise many unrelated types
        raise QueryError(f"{endpoint}: cannot read the answer ({media}): {exc}") from None


def read_ask_row(result: Result) -> Result:
    """Virtuoso answers ASK as one row of ?__ASK_RETVAL (1 or 0): turn it into the boolean."""
    if result.type == "SELECT" and [str(v) for v in result.vars] == ["__ASK_RETVAL"]:
        answer = Result("ASK")
        answer.askAnswer = any(str(row.get(result.vars[0])) == "1" for row in result.bindings)
        return answer
    return result


def first_text_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "(no message)")[:200]


@dataclass
class PushReport:
    triples: int = 0
    requests: int = 0
    graphs: int = 0

    def summary(self, endpoint: str) -> str:
        return (f"kg: pushed {self.triples} triples to {self.graphs} graph(s) "
                f"in {self.requests} request(s) -> {endpoint}")


def push_graph(path: str | Path, endpoint: str, graph_iri: str, *, per_article: bool = False,
               auth: httpx.Auth | None = None, chunk: int = CHUNK_TRIPLES) -> PushReport:
    """Load the graph at path (file or store) into the named graph graph_iri of a Graph Store
    endpoint, replacing it; with per_article, each article's facts go to the graph named by the
    article's IRI and the shared entity descriptions to graph_iri (the export's split).

    e.g. push_graph('out/graph.ttl', 'http://127.0.0.1:8890/sparql-graph-crud-auth',
    'https://example.org/graph/2026-12', auth=httpx.DigestAuth('dba', '…'))."""
    g = read_graph(path)
    if per_article:
        from .export import split_by_article
        ds = split_by_article(g)
        parts = [(str(ng.identifier), ng) for ng in ds.graphs() if ng.identifier != ds.default_graph.identifier]
        parts.append((graph_iri, ds.default_graph))
    else:
        parts = [(graph_iri, g)]
    report = PushReport()
    with httpx.Client(auth=auth, timeout=TIMEOUT) as client:
        for iri, part in parts:
            for method, body in chunk_requests(part, chunk):
                send(client, method, endpoint, iri, body)
                report.requests += 1
            report.triples += len(part)
            report.graphs += 1
    return report


def chunk_requests(g: Graph, chunk: int) -> Iterator[tuple[str, bytes]]:
    """(method, N-Triples body) per request: PUT for the first, POST for the others. A graph with
    blank nodes goes in one request, since a blank node's label holds within one document."""
    lines = sorted(g.serialize(format="nt").splitlines(keepends=True))
    if any(isinstance(term, BNode) for triple in g for term in triple):
        chunk = max(len(lines), 1)
    for i in range(0, max(len(lines), 1), chunk):
        yield ("PUT" if i == 0 else "POST"), "".join(lines[i:i + chunk]).encode("utf-8")


def send(client: httpx.Client, method: str, endpoint: str, graph_iri: str, body: bytes) -> None:
    try:
        response = client.request(method, endpoint, params={"graph": graph_iri}, content=body,
                                  headers={"Content-Type": "text/turtle; charset=utf-8"})
    except httpx.HTTPError as exc:
        raise InputError(f"{endpoint}: {exc}") from None
    if response.status_code >= 400:
        raise InputError(f"{endpoint}: {method} of graph {graph_iri} answered HTTP "
                         f"{response.status_code}: {first_text_line(response.text)}")
