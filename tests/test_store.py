"""The Oxigraph store: kg build --store, loading twice, the one graph reader over stores and
files, and the same answers from Oxigraph as from rdflib on every named query."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib.compare import isomorphic

from conftest import list_rows
from kg.cli import main
from kg.errors import InputError
from kg.outputs.query import bind_text, list_queries, run_query
from kg.rdf.store import open_store, read_graph, write_store
from test_query import EXPECTED, INJECTIONS, SHARED, find_seed_grant

SAMPLES_ROW_COUNT_QUERY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.mark.parametrize("name, params, rows", EXPECTED,
                         ids=[f"{n}-{'-'.join(p.values())}" for n, p, _ in EXPECTED])
def test_oxigraph_answers_like_rdflib(small_graph, store_dir, name, params, rows):
    assert list_rows(run_query(open_store(store_dir), name, params)) == rows


def test_loading_twice_replaces(graph_file, tmp_path):
    store = tmp_path / "store"
    first = write_store(graph_file, store)
    assert write_store(graph_file, store) == first
    assert list_rows(run_query(open_store(store), SAMPLES_ROW_COUNT_QUERY)) == [(str(first),)]


def test_a_store_reads_back_as_the_same_graph(small_graph, store_dir):
    assert isomorphic(read_graph(store_dir), read_graph_file_of(small_graph))


def read_graph_file_of(g):
    """small_graph as rdflib reads its Turtle (decimals in their written form)."""
    from rdflib import Graph
    return Graph().parse(data=g.serialize(format="turtle"), format="turtle")


def test_quads_load_into_one_graph(graph_file, tmp_path):
    quads = tmp_path / "graph.nq"
    assert main.main(["export", str(graph_file), "-f", "nquads", "-o", str(quads)],
                     standalone_mode=False) is None
    assert write_store(quads, tmp_path / "store") == len(read_graph(graph_file))


def test_store_errors(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="empty: not an Oxigraph store"):
        open_store(tmp_path / "empty")
    (tmp_path / "empty" / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not an Oxigraph store; give an empty or new folder"):
        write_store(tmp_path / "missing.ttl", tmp_path / "empty")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="not a folder"):
        write_store(tmp_path / "missing.ttl", tmp_path / "file")


@pytest.mark.parametrize("text, params, expected", [
    ('SELECT * { ?s ?p ?name }', {"name": 'a"b'}, 'SELECT * { ?s ?p "a\\"b" }'),
    # strings, IRIs and comments are never touched, nor variables without a value
    ('SELECT * { ?s ?p "?name" ; <http://x/?name> $other } # ?name',
     {"name": "v"}, 'SELECT * { ?s ?p "?name" ; <http://x/?name> $other } # ?name'),
    ('FILTER(STR(?l) = $name)', {"name": "x\n} DROP ALL"}, 'FILTER(STR(?l) = "x\\n} DROP ALL")'),
])
def test_bind_text_substitutes_terms(text, params, expected):
    assert bind_text(text, params) == expected


@pytest.mark.parametrize("value", INJECTIONS + ["“专精特新”培育计划"])
def test_a_parameter_is_just_a_string_on_oxigraph(small_graph, store_dir, value):
    expected = list_rows(run_query(small_graph, "entity_evidence", {"entity": value}))
    assert list_rows(run_query(open_store(store_dir), "entity_evidence", {"entity": value})) == expected


def test_named_queries_do_not_project_their_params():
    # a parameter is substituted by a term, which cannot stand in the projection
    for q in list_queries():
        head = q.text[q.text.index("SELECT"):q.text.index("WHERE")]
        assert not any(f"?{name}" in head for name, _ in q.params), q.name


def test_cli_build_store_then_query_stats_export_view(tmp_path):
    out, store = tmp_path / "out", tmp_path / "out" / "store"
    runner = CliRunner()
    result = runner.invoke(main, ["build", "-o", str(out), "--store", str(store), "--no-html"])
    assert result.exit_code == 0, result.output
    assert str(store) in result.output
    ttl = out / "graph.ttl"
    for fmt in ("table", "json"):
        from_store = runner.invoke(main, ["query", str(store), "top_recipients", "-f", fmt])
        from_file = runner.invoke(main, ["query", str(ttl), "top_recipients", "-f", fmt])
        assert from_store.exit_code == 0 and from_store.output == from_file.output
    stats = [runner.invoke(main, ["stats", str(p), "--json"]).output for p in (store, ttl)]
    assert json.loads(stats[0]) == json.loads(stats[1])
    exported = tmp_path / "again.ttl"
    assert runner.invoke(main, ["export", str(store), "-f", "turtle", "-o", str(exported)]).exit_code == 0
    assert isomorphic(read_graph(exported), read_graph(ttl))
    page = tmp_path / "view.html"
    assert runner.invoke(main, ["view", str(store), "-o", str(page)]).exit_code == 0
    assert page.stat().st_size > 1000


def test_cli_a_folder_that_is_no_store_is_one_line(tmp_path):
    result = CliRunner().invoke(main, ["query", str(tmp_path), "fundings"])
    assert result.exit_code == 1
    assert result.output.strip().count("\n") == 0 and "not an Oxigraph store" in result.output


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    seeds = SHARED / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    out = tmp_path_factory.mktemp("seeds")
    result = CliRunner().invoke(main, ["build", str(seeds), "-o", str(out), "--store", str(out / "store"),
                                       "--no-html"])
    assert result.exit_code == 0, result.output
    return out / "graph.ttl", out / "store"


def seed_params(graph) -> dict[str, str]:
    grant = find_seed_grant(graph)
    return {"agency": grant["provider"], "company": grant["recipient"], "entity": grant["recipient"],
            "rule": "cue-Grant"}


def test_seed_every_named_query_agrees_on_oxigraph(seed_store):
    ttl, store = seed_store
    graph, oxigraph = read_graph(ttl), open_store(store)
    params = seed_params(graph)
    for q in list_queries():
        bound = {n: params[n] for n, _ in q.params}
        expected = list_rows(run_query(graph, q.name, bound))
        assert sorted(list_rows(run_query(oxigraph, q.name, bound))) == sorted(expected), q.name
