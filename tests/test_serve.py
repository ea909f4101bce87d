"""`kg serve`: a real server on a free port, driven by a real HTTP client (httpx): GET and POST,
four result formats, Turtle for graphs, named queries with parameters, refused updates, the
timeout, the row limit and CORS."""
from __future__ import annotations

import contextlib
import csv
import io
import json
import subprocess
import sys
import time
import xml.etree.ElementTree as ET

import httpx
import pytest
from rdflib import Graph

from conftest import FINANCE, free_port, list_rows
from kg.outputs.query import run_query

QUERY = "SELECT ?label WHERE { ?a a kg:Agency ; rdfs:label ?label } ORDER BY ?label"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n ?o }"
TIMEOUT = 2
LIMIT = 20


@contextlib.contextmanager
def running_server(source, *options):
    """`kg serve source` on a free port, in a process of its own; yields its base URL."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "kg.cli", "serve", str(source), "--port", str(port), *options],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if server.poll() is not None:
                pytest.fail(f"kg serve stopped: {server.stderr.read()}")
            if time.monotonic() > deadline:
                pytest.fail("kg serve did not start within 60 s")
            try:
                httpx.get(base + "/queries", timeout=1)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def endpoint(graph_file):
    """`kg serve` on the small graph file, started for this module and stopped after it."""
    with running_server(graph_file, "--timeout", str(TIMEOUT), "--limit", str(LIMIT)) as base:
        yield base


@pytest.mark.parametrize("where", [[], ["--on-disk"]], ids=["in-memory", "on-disk"])
def test_serve_a_store(store_dir, small_graph, where):
    with running_server(store_dir, "--workers", "1", *where) as base:
        response = httpx.get(base + "/queries/top_recipients", headers={"Accept": "text/csv"})
    rows = [tuple(row) for row in list(csv.reader(io.StringIO(response.text)))[1:]]
    assert rows == list_rows(run_query(small_graph, "top_recipients"))


def expected_labels(small_graph) -> list[str]:
    return [row[0] for row in list_rows(run_query(small_graph, QUERY))]


def read_labels(media: str, body: str) -> list[str]:
    """The ?label column of a SELECT answer in any of the four result formats."""
    if "json" in media:
        return [b["label"]["value"] for b in json.loads(body)["results"]["bindings"]]
    if "xml" in media:
        ns = {"r": "http://www.w3.org/2005/sparql-results#"}
        return [lit.text for lit in ET.fromstring(body).findall(".//r:binding/r:literal", ns)]
    if "csv" in media:
        return [row[0] for row in list(csv.reader(io.StringIO(body)))[1:]]
    # TSV holds terms in Turtle syntax: "label"@zh
    return [line.rsplit("@", 1)[0].strip('"') for line in body.splitlines()[1:]]


@pytest.mark.parametrize("media", ["application/sparql-results+json", "application/sparql-results+xml",
                                   "text/csv", "text/tab-separated-values"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_select_in_four_formats(endpoint, small_graph, method, media):
    if method == "GET":
        response = httpx.get(endpoint + "/sparql", params={"query": QUERY}, headers={"Accept": media})
    else:
        response = httpx.post(endpoint + "/sparql", data={"query": QUERY}, headers={"Accept": media})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media)
    assert read_labels(media, response.text) == expected_labels(small_graph)


def test_post_a_query_body(endpoint, small_graph):
    response = httpx.post(endpoint + "/sparql", content=QUERY.encode(),
                          headers={"Content-Type": "application/sparql-query"})
    assert read_labels("json", response.text) == expected_labels(small_graph)


def test_construct_is_turtle(endpoint, small_graph):
    response = httpx.get(endpoint + "/sparql", params={"query": "CONSTRUCT WHERE { ?s a kg:Grant }"},
                         headers={"Accept": "text/turtle"})
    assert response.headers["content-type"].startswith("text/turtle")
    assert len(Graph().parse(data=response.text, format="turtle")) == 2


def test_ask(endpoint):
    response = httpx.get(endpoint + "/sparql", params={"query": "ASK { ?f a kg:Loan }"})
    assert response.json() == {"head": {}, "boolean": True}


def test_named_query_with_a_parameter(endpoint, small_graph):
    response = httpx.get(endpoint + "/queries/agency_fundings", params={"agency": FINANCE},
                         headers={"Accept": "application/sparql-results+json"})
    rows = [b["type"]["value"] for b in response.json()["results"]["bindings"]]
    expected = [row[1] for row in list_rows(run_query(small_graph, "agency_fundings", {"agency": FINANCE}))]
    assert rows == expected and rows
    posted = httpx.post(endpoint + "/queries/agency_fundings", data={"agency": FINANCE})
    assert posted.json() == response.json()


@pytest.mark.parametrize("value", ['x" } DROP ALL #', "“专精特新”培育计划"])
def test_named_query_parameters_are_terms(endpoint, small_graph, value):
    response = httpx.get(endpoint + "/queries/entity_evidence", params={"entity": value})
    expected = list_rows(run_query(small_graph, "entity_evidence", {"entity": value}))
    assert len(response.json()["results"]["bindings"]) == len(expected)


def test_named_query_errors(endpoint):
    assert httpx.get(endpoint + "/queries/agency_fundings").status_code == 400
    assert httpx.get(endpoint + "/queries/agency_fundings", params={"agency": "x", "y": "1"}).status_code == 400
    assert httpx.get(endpoint + "/queries/no_such_query").status_code == 404
    listed = httpx.get(endpoint + "/queries").json()
    assert {"name": "agency_fundings"}.items() <= listed[0].items()


@pytest.mark.parametrize("request_args", [
    {"data": {"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}},
    {"content": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
    {"data": {"query": "DELETE WHERE { ?s ?p ?o }"}},
])
def test_updates_are_refused(endpoint, request_args):
    response = httpx.post(endpoint + "/sparql", **request_args)
    assert 400 <= response.status_code < 500
    count = httpx.get(endpoint + "/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert count.json()["boolean"] is True


def test_a_runaway_query_times_out_and_the_server_goes_on(endpoint):
    started = time.monotonic()
    response = httpx.post(endpoint + "/sparql", data={"query": RUNAWAY}, timeout=60)
    assert response.status_code == 503 and "timed out" in response.text
    assert time.monotonic() - started < TIMEOUT + 10
    assert httpx.get(endpoint + "/sparql", params={"query": "ASK { ?f a kg:Loan }"}, timeout=60).status_code == 200


def test_row_limit(endpoint):
    response = httpx.get(endpoint + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == LIMIT
    assert response.headers["kg-truncated"] == f"at {LIMIT} rows"


def test_cors(endpoint):
    response = httpx.options(endpoint + "/sparql", headers={
        "Origin": "http://example.org", "Access-Control-Request-Method": "POST"})
    assert response.headers["access-control-allow-origin"] == "*"
    assert httpx.get(endpoint + "/queries", headers={"Origin": "http://example.org"}).headers[
        "access-control-allow-origin"] == "*"


def test_bad_sparql_is_400(endpoint):
    response = httpx.get(endpoint + "/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert response.status_code == 400 and "bad SPARQL" in response.text
    assert httpx.get(endpoint + "/sparql").status_code == 400


def test_serve_listens_on_loopback_by_default():
    from click.testing import CliRunner

    from kg.cli import main
    assert "127.0.0.1" in CliRunner().invoke(main, ["serve", "--help"]).output


def test_serve_a_bad_graph_is_one_line(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "kg.cli", "serve", str(bad), "--port", str(free_port())],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "bad.ttl" in result.stderr
