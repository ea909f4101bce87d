"""A real triple store: push to Virtuoso (started by the session fixture in conftest) by the
Graph Store Protocol, then run every named query there and compare with the local answers."""
from __future__ import annotations

import httpx
import pytest
from click.testing import CliRunner

from conftest import list_rows
from kg.cli import main
from kg.errors import InputError, QueryError
from kg.outputs.query import list_queries, run_query
from kg.outputs.remote import push_graph, run_remote_query
from kg.rdf.store import read_graph
from test_query import EXPECTED, SHARED
from test_store import seed_params

BUILD_GRAPH = "https://example.org/kg/graph/small"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def auth(virtuoso) -> httpx.DigestAuth:
    return httpx.DigestAuth(virtuoso.user, virtuoso.password)


@pytest.fixture(scope="module")
def pushed(virtuoso, graph_file):
    """The small graph pushed to BUILD_GRAPH in chunks of 100 triples."""
    report = push_graph(graph_file, virtuoso.crud, BUILD_GRAPH, auth=auth(virtuoso), chunk=100)
    assert report.requests > 1
    return virtuoso


def remote_count(virtuoso, graph_iri: str) -> str:
    return list_rows(run_remote_query(virtuoso.sparql, COUNT, graph_iri=graph_iri))[0][0]


def test_push_then_push_again_leaves_one_copy(pushed, graph_file):
    size = str(len(read_graph(graph_file)))
    assert remote_count(pushed, BUILD_GRAPH) == size
    push_graph(graph_file, pushed.crud, BUILD_GRAPH, auth=auth(pushed), chunk=100)
    assert remote_count(pushed, BUILD_GRAPH) == size


@pytest.mark.parametrize("name, params, rows", EXPECTED,
                         ids=[f"{n}-{'-'.join(p.values())}" for n, p, _ in EXPECTED])
def test_every_named_query_answers_the_same_remotely(pushed, small_graph, name, params, rows):
    remote = list_rows(run_remote_query(pushed.sparql, name, params, graph_iri=BUILD_GRAPH))
    assert sorted(remote) == sorted(list_rows(run_query(small_graph, name, params)))


def test_cli_push_and_query_endpoint(pushed, graph_file):
    runner = CliRunner()
    result = runner.invoke(main, ["push", str(graph_file), "--endpoint", pushed.crud, "--graph", BUILD_GRAPH,
                                  "--user", pushed.user], env={"KG_PUSH_PASSWORD": pushed.password})
    assert result.exit_code == 0, result.output
    assert "pushed" in result.output and "1 graph(s)" in result.output
    remote = runner.invoke(main, ["query", "--endpoint", pushed.sparql, "--graph-iri", BUILD_GRAPH,
                                  "top_recipients", "-f", "csv"])
    local = runner.invoke(main, ["query", str(graph_file), "top_recipients", "-f", "csv"])
    assert remote.exit_code == 0 and remote.output == local.output


def test_push_per_article(virtuoso, graph_file, small_graph):
    shared = "https://example.org/kg/graph/entities"
    report = push_graph(graph_file, virtuoso.crud, shared, per_article=True, auth=auth(virtuoso))
    articles = [str(a) for a, in small_graph.query("SELECT ?a WHERE { ?a a kg:Article }")]
    assert report.graphs == len(articles) + 1
    assert report.triples >= len(small_graph)
    for article in articles:
        ask = f"ASK {{ GRAPH <{article}> {{ <{article}> a kg:Article }} }}"
        assert run_remote_query(virtuoso.sparql, ask).askAnswer


def test_push_without_the_password_is_refused(virtuoso, graph_file):
    with pytest.raises(InputError, match="HTTP 401"):
        push_graph(graph_file, virtuoso.crud, BUILD_GRAPH, auth=httpx.DigestAuth("dba", "wrong"))


def test_a_bad_remote_query_is_one_error(pushed):
    with pytest.raises(QueryError, match="HTTP 400"):
        run_remote_query(pushed.sparql, "SELECT ?x WHERE { ?x")


def test_an_unreachable_endpoint_is_one_error():
    with pytest.raises(QueryError, match="127.0.0.1:9"):
        run_remote_query("http://127.0.0.1:9/sparql", "fundings")


def test_seed_round_trip(virtuoso, tmp_path):
    seeds = SHARED / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    assert CliRunner().invoke(main, ["build", str(seeds), "-o", str(tmp_path), "--no-html"]).exit_code == 0
    ttl = tmp_path / "graph.ttl"
    iri = "https://example.org/kg/graph/seeds"
    push_graph(ttl, virtuoso.crud, iri, auth=auth(virtuoso), chunk=500)
    local = read_graph(ttl)
    params = seed_params(local)
    for q in list_queries():
        bound = {n: params[n] for n, _ in q.params}
        remote = list_rows(run_remote_query(virtuoso.sparql, q.name, bound, graph_iri=iri))
        assert sorted(remote) == sorted(list_rows(run_query(local, q.name, bound))), q.name
