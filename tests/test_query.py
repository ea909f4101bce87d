"""Named queries on the small invented graph (exact rows), parameter binding, result formats,
the `kg queries` / `kg query` commands, and the issue's bar on the seed articles."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.plugins.sparql import prepareQuery

from conftest import list_rows, A1, A2, A3, A4, A5, B1, B2, B3, B5, B6, C1, C3, C4, C5, make_evidence
from kg.cli import main
from kg.errors import InputError, QueryError
from kg.outputs.query import (measure_width, format_result, list_queries, parse_params,
                      read_named_query, run_query)
from kg.rdf.store import read_graph
from kg.resources import resource_dir

SHARED = Path(__file__).resolve().parents[2] / "shared"

XINGHE = "青禾星河智能科技有限公司"
BRANCH = "云岭农村商业银行青禾分行"
BEICHEN = "青禾北辰物流有限公司"
FINANCE = "青禾市财政局"
INDUSTRY = "青禾市工业和信息化局"
DISTRICT_GOV = "青禾市东湖区人民政府"
MARKET = "青禾市东湖区市场监督管理局"
CITY_GOV = "青禾市人民政府"
COLLEGE = "青禾理工学院"
PARK = "星河智能产业园项目"
SPECIALIST = "专精特新培育计划"
RELIEF_TEN = "青禾市中小企业纾困十条"
A, B, C = "news/a001.txt", "news/a002.txt", "news/a003.txt"
TITLE_A, TITLE_B, TITLE_C = "星河智能获研发补助和千万元贷款", "星河智能产业园项目开工", "青禾分行清收欠款"

EXPECTED = [
    ("fundings", {}, [
        ("Grant", "3200000", "2023-03-10", FINANCE, XINGHE, "", SPECIALIST, "", A1, A),
        ("Loan", "15000000", "2023-03", BRANCH, XINGHE, INDUSTRY, "", "", A3, A),
        ("Investment", "320000000", "2023-05-18", XINGHE, "", "", "", PARK, B1, B),
        ("InterestSubsidy", "800000", "2023", FINANCE, XINGHE, "", "", PARK, B2, B),
        ("Relief", "125000", "", DISTRICT_GOV, BEICHEN, "", RELIEF_TEN, "", B3, B),
        ("Debt", "600000", "", BRANCH, BEICHEN, "", "", "", C3, C),
        ("Grant", "", "", "云岭省财政厅", COLLEGE, "", "", "", C4, C),
    ]),
    ("top_recipients", {}, [
        (XINGHE, "3", "19000000"),
        (BEICHEN, "2", "725000"),
        (COLLEGE, "1", "0"),
    ]),
    ("agency_fundings", {"agency": CITY_GOV}, [
        (DISTRICT_GOV, "Relief", "125000", "", BEICHEN, RELIEF_TEN, "", B3),
        (FINANCE, "Grant", "3200000", "2023-03-10", XINGHE, SPECIALIST, "", A1),
        (FINANCE, "InterestSubsidy", "800000", "2023", XINGHE, "", PARK, B2),
    ]),
    ("agency_fundings", {"agency": "省财政厅"}, [     # an alias
        ("云岭省财政厅", "Grant", "", "", COLLEGE, "", "", C4),
    ]),
    ("company_profile", {"company": "星河智能"}, [
        ("article", A, TITLE_A, ""),
        ("article", B, TITLE_B, ""),
        ("assisted by", INDUSTRY, "", ""),
        ("develops", PARK, "", ""),
        ("partner", COLLEGE, "", ""),
        ("person", "周明远", "副总经理", ""),
        ("provided", "", "Investment", "320000000"),
        ("received", BRANCH, "Loan", "15000000"),
        ("received", FINANCE, "Grant", "3200000"),
        ("received", FINANCE, "InterestSubsidy", "800000"),
    ]),
    ("company_profile", {"company": BRANCH}, [
        ("article", A, TITLE_A, ""),
        ("article", C, TITLE_C, ""),
        ("parent", "云岭农村商业银行股份有限公司", "", ""),
        ("provided", BEICHEN, "Debt", "600000"),
        ("provided", XINGHE, "Loan", "15000000"),
    ]),
    ("company_profile", {"company": "云岭农村商业银行股份有限公司"}, [
        ("article", C, TITLE_C, ""),
        ("branch", BRANCH, "", ""),
    ]),
    ("agency_hierarchy", {}, [
        (DISTRICT_GOV, CITY_GOV, "1"),
        (MARKET, DISTRICT_GOV, "1"),
        (MARKET, CITY_GOV, "2"),
        (INDUSTRY, CITY_GOV, "1"),
        (FINANCE, CITY_GOV, "1"),
    ]),
    ("programs", {}, [
        (SPECIALIST, INDUSTRY, "1", "3200000"),
        (RELIEF_TEN, CITY_GOV, "1", "125000"),
    ]),
    ("projects", {}, [
        (PARK, "InterestSubsidy", FINANCE, "800000", "2023"),
        (PARK, "Investment", XINGHE, "320000000", "2023-05-18"),
        (PARK, "contractor", "青禾路桥建设集团有限公司", "", ""),
        (PARK, "developer", XINGHE, "", ""),
    ]),
    ("assists", {}, [
        ("云岭省财政厅", COLLEGE, "assists", C5, C),
        (INDUSTRY, XINGHE, "arranged Loan", A3, A),
        (INDUSTRY, XINGHE, "assists", A3, A),
    ]),
    ("regulators", {}, [
        (MARKET, BEICHEN, "Company", B5, B),
    ]),
    ("people", {}, [
        ("周明远", "副总经理", XINGHE),
        ("陈若兰", "局长", INDUSTRY),
    ]),
    ("partners", {}, [
        (XINGHE, "partnerOf", COLLEGE, A4, A),
        (XINGHE, "partnerOf", COLLEGE, B6, B),
    ]),
    ("entity_evidence", {"entity": BEICHEN}, [
        ("Relief", DISTRICT_GOV, BEICHEN, B3, B, str(make_evidence("a002.txt", B3).start)),
        ("regulates", MARKET, BEICHEN, B5, B, str(make_evidence("a002.txt", B5).start)),
        ("Debt", BRANCH, BEICHEN, C3, C, str(make_evidence("a003.txt", C3).start)),
    ]),
    ("entity_evidence", {"entity": "东湖区人民政府"}, [
        ("Relief", DISTRICT_GOV, BEICHEN, B3, B, str(make_evidence("a002.txt", B3).start)),
        ("subOrganizationOf", DISTRICT_GOV, CITY_GOV, C1, C, str(make_evidence("a003.txt", C1).start)),
        ("subOrganizationOf", MARKET, DISTRICT_GOV, C1, C, str(make_evidence("a003.txt", C1).start)),
    ]),
    ("facts_by_rule", {"rule": "pass:"}, [
        ("pass:post-before-name", "worksFor", "周明远", XINGHE, "", A2, A),
    ]),
    ("facts_by_rule", {"rule": ""}, [
        ("cue-Relief-1", "Relief", DISTRICT_GOV, BEICHEN, "125000", B3, B),
        ("pass:post-before-name", "worksFor", "周明远", XINGHE, "", A2, A),
        ("regulates-1", "regulates", MARKET, BEICHEN, "", B5, B),
    ]),
    ("article_entities", {}, [
        (A, TITLE_A, "Agency", INDUSTRY),
        (A, TITLE_A, "Agency", FINANCE),
        (A, TITLE_A, "Company", BRANCH),
        (A, TITLE_A, "Company", XINGHE),
        (A, TITLE_A, "Organization", COLLEGE),
        (A, TITLE_A, "Person", "周明远"),
        (A, TITLE_A, "Person", "陈若兰"),
        (A, TITLE_A, "Place", "青禾市"),
        (A, TITLE_A, "Program", SPECIALIST),
        (B, TITLE_B, "Agency", DISTRICT_GOV),
        (B, TITLE_B, "Agency", MARKET),
        (B, TITLE_B, "Agency", CITY_GOV),
        (B, TITLE_B, "Agency", FINANCE),
        (B, TITLE_B, "Company", BEICHEN),
        (B, TITLE_B, "Company", XINGHE),
        (B, TITLE_B, "Company", "青禾路桥建设集团有限公司"),
        (B, TITLE_B, "Organization", COLLEGE),
        (B, TITLE_B, "Place", "青禾市"),
        (B, TITLE_B, "Place", "青禾市东湖区"),
        (B, TITLE_B, "Program", RELIEF_TEN),
        (B, TITLE_B, "Project", PARK),
        (C, TITLE_C, "Agency", "云岭省财政厅"),
        (C, TITLE_C, "Agency", DISTRICT_GOV),
        (C, TITLE_C, "Agency", MARKET),
        (C, TITLE_C, "Agency", CITY_GOV),
        (C, TITLE_C, "Agency", INDUSTRY),
        (C, TITLE_C, "Agency", FINANCE),
        (C, TITLE_C, "Company", "云岭农村商业银行股份有限公司"),
        (C, TITLE_C, "Company", BRANCH),
        (C, TITLE_C, "Company", BEICHEN),
        (C, TITLE_C, "Organization", COLLEGE),
        (C, TITLE_C, "Place", "云岭省"),
    ]),
]

QUERY_FILES = sorted(resource_dir("queries").glob("*.rq"))


# --- the named queries ---------------------------------------------------------------

@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_every_rq_file_parses_and_has_a_header(path):
    named = read_named_query(path)
    prepareQuery(named.text)          # self-contained: declares its own prefixes
    assert named.title and named.description
    for name, meaning in named.params:
        assert f"?{name}" in named.text and meaning


def test_there_are_at_least_twelve_named_queries():
    assert len(list_queries()) >= 12


def test_every_named_query_has_a_row_test():
    assert {q.name for q in list_queries()} == {name for name, _, _ in EXPECTED}


@pytest.mark.parametrize("name, params, rows", EXPECTED,
                         ids=[f"{n}-{'-'.join(p.values())}" for n, p, _ in EXPECTED])
def test_named_query_rows(small_graph, name, params, rows):
    assert list_rows(run_query(small_graph, name, params)) == rows


def test_an_unmatched_parameter_gives_no_rows(small_graph):
    assert list_rows(run_query(small_graph, "company_profile", {"company": "不存在的公司"})) == []


# --- parameters are terms, never query text ---------------------------------------------

INJECTIONS = ['x" } DROP ALL #', "x' } ; DELETE WHERE { ?s ?p ?o } #", '"> } UNION { ?e ?p ?o } #']


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_parameter_is_just_a_string(small_graph, value):
    size = len(small_graph)
    assert list_rows(run_query(small_graph, "entity_evidence", {"entity": value})) == []
    assert list_rows(run_query(small_graph, "SELECT ?name WHERE {}", {"name": value})) == [(value,)]
    assert len(small_graph) == size


def test_a_parameter_with_quotes_matches_an_alias_with_quotes(small_graph):
    rows = list_rows(run_query(small_graph, "entity_evidence", {"entity": "“专精特新”培育计划"}))
    assert [r[0] for r in rows] == ["Grant", "issued"]


@pytest.mark.parametrize("params, message", [
    ({}, "needs --param agency="),
    ({"agency": "x", "year": "2023"}, "has no param year"),
])
def test_named_query_params_are_checked(small_graph, params, message):
    with pytest.raises(QueryError, match=message):
        run_query(small_graph, "agency_fundings", params)


@pytest.mark.parametrize("pairs, expected", [
    (["agency=青禾市财政局"], {"agency": "青禾市财政局"}),
    (["q=a=b", "n="], {"q": "a=b", "n": ""}),
])
def test_parse_params(pairs, expected):
    assert parse_params(pairs) == expected


@pytest.mark.parametrize("pair", ["agency", "=x", "a b=c"])
def test_parse_params_rejects_pairs_without_a_name(pair):
    with pytest.raises(QueryError, match="expected name=value"):
        parse_params([pair])


# --- query sources and errors --------------------------------------------------------------

def test_a_query_file_runs(small_graph, tmp_path):
    path = tmp_path / "count.rq"
    path.write_text("SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Article }", encoding="utf-8")
    assert list_rows(run_query(small_graph, str(path))) == [("3",)]


@pytest.mark.parametrize("spec, message", [
    ("no_such_query", "unknown query 'no_such_query'"),
    ("missing.rq", "missing.rq: no such query file"),
    ("SELECT ?x WHERE { ?x a kg:Agency ", "bad SPARQL at line 1"),
    ("DROP ALL", "bad SPARQL"),
    ("SELECT ?x WHERE { ?x a nope:Agency }", "bad SPARQL"),
])
def test_bad_queries_are_query_errors(small_graph, spec, message):
    with pytest.raises(QueryError, match=message):
        run_query(small_graph, spec)


def test_read_graph_errors(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    with pytest.raises(InputError, match="bad.ttl: cannot read as turtle"):
        read_graph(bad)
    with pytest.raises(InputError, match="no such file"):
        read_graph(tmp_path / "none.ttl")
    (tmp_path / "graph.docx").write_bytes(b"PK")
    with pytest.raises(InputError, match="unknown RDF format"):
        read_graph(tmp_path / "graph.docx")
    with pytest.raises(InputError, match="no such graph file or store folder"):
        read_graph(tmp_path / "out" / "store")


# --- output formats ------------------------------------------------------------------------

@pytest.mark.parametrize("text, width", [
    ("abc", 3), ("青禾", 4), ("《纾困十条》", 12), ("ＡＢ", 4), ("e\u0301", 1), ("", 0),
])
def test_display_width(text, width):
    assert measure_width(text) == width


def test_table_aligns_chinese_by_display_width(small_graph):
    text = format_result(run_query(small_graph, "people"), "table")
    lines = text.splitlines()
    assert lines[0].split() == ["person", "post", "organization"]
    # the organisation column starts at the same screen column on every line
    starts = [measure_width(line[:line.index(org)]) for line, org in
              [(lines[0], "organization"), (lines[2], XINGHE), (lines[3], INDUSTRY)]]
    assert len(set(starts)) == 1


def test_table_right_aligns_numbers(small_graph):
    lines = format_result(run_query(small_graph, "top_recipients"), "table").splitlines()
    assert lines[2].endswith(" 19000000") and lines[4].endswith("         0")


def test_table_keeps_a_value_with_a_line_break_on_one_line(small_graph):
    text = format_result(run_query(small_graph, 'SELECT ?v WHERE { BIND("第一行\\n第二行" AS ?v) }'))
    assert text.splitlines()[2] == "第一行 第二行"


def test_json_is_sparql_results_json(small_graph):
    doc = json.loads(format_result(run_query(small_graph, "people"), "json"))
    assert doc["head"]["vars"] == ["person", "post", "organization"]
    first = doc["results"]["bindings"][0]
    assert first["person"] == {"type": "literal", "value": "周明远", "xml:lang": "zh"}
    amounts = json.loads(format_result(run_query(small_graph, "top_recipients"), "json"))
    assert amounts["results"]["bindings"][0]["fundings"]["datatype"].endswith("#integer")


@pytest.mark.parametrize("fmt, delimiter", [("csv", ","), ("tsv", "\t")])
def test_delimited_formats(small_graph, fmt, delimiter):
    text = format_result(run_query(small_graph, "people"), fmt)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert rows == [["person", "post", "organization"], ["周明远", "副总经理", XINGHE],
                    ["陈若兰", "局长", INDUSTRY]]


def test_ask_and_construct(small_graph):
    assert format_result(run_query(small_graph, "ASK { ?f a kg:Debt }")) == "true\n"
    assert format_result(run_query(small_graph, "ASK { ?f a kg:Nothing }"), "json") == \
        '{"head": {}, "boolean": false}\n'
    turtle = format_result(run_query(small_graph,
                                     "CONSTRUCT { ?p kg:worksFor ?o } WHERE { ?p kg:worksFor ?o }"))
    assert "@prefix kg:" in turtle and turtle.count("kg:worksFor") == 2


# --- command line --------------------------------------------------------------------------

def test_cli_lists_queries():
    result = CliRunner().invoke(main, ["queries"])
    assert result.exit_code == 0
    for q in list_queries():
        assert f"{q.name} — {q.title}" in result.output and q.description in result.output
    assert "--param agency=" in result.output


def test_cli_query_with_param(graph_file):
    result = CliRunner().invoke(main, ["query", str(graph_file), "agency_fundings",
                                       "--param", f"agency={CITY_GOV}", "--format", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert [r[:3] for r in rows[1:]] == [[DISTRICT_GOV, "Relief", "125000"],
                                         [FINANCE, "Grant", "3200000"],
                                         [FINANCE, "InterestSubsidy", "800000"]]


def test_cli_query_sparql_text_as_table(graph_file):
    result = CliRunner().invoke(main, ["query", str(graph_file),
                                       "SELECT ?l WHERE { ?p a kg:Person ; rdfs:label ?l } ORDER BY ?l"])
    assert result.exit_code == 0
    assert result.output == "l\n------\n周明远\n陈若兰\n"


@pytest.mark.parametrize("args, message", [
    (["SELECT ?x WHERE {"], "Error: query: bad SPARQL at line 1"),
    (["agency_fundings"], "Error: query 'agency_fundings' needs --param agency="),
    (["fundings", "-p", "oops"], "Error: bad --param 'oops'"),
])
def test_cli_query_errors_are_one_line(graph_file, args, message):
    result = CliRunner().invoke(main, ["query", str(graph_file), *args])
    assert result.exit_code == 1
    assert result.output.startswith(message) and result.output.count("\n") == 1


def test_cli_query_missing_graph(tmp_path):
    result = CliRunner().invoke(main, ["query", str(tmp_path / "g.ttl"), "fundings"])
    assert result.exit_code == 1 and "g.ttl: no such file" in result.output


# --- the bar on the seed articles ------------------------------------------------------

@pytest.fixture(scope="module")
def seed_graph():
    seeds = SHARED / "corpus" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    from kg.rdf.graph import build_graph
    from kg.extract.pipeline import build_corpus
    from kg.reading import read_documents
    return build_graph(build_corpus(read_documents([str(seeds)])))


def find_seed_grant(seed_graph) -> dict:
    """The fundings row of the 580万元 equipment grant, as {column: value}."""
    result = run_query(seed_graph, "fundings")
    rows = [dict(zip([str(v) for v in result.vars], row)) for row in list_rows(result)]
    matches = [r for r in rows if r["recipient"] == "哈尔滨工大正元信息技术有限公司"
               and r["amount"] == "5800000" and r["type"] == "Grant"]
    assert matches, "the 580万元 grant is missing from the fundings query"
    return matches[0]


def test_seed_fundings_query_returns_the_equipment_grant(seed_graph):
    grant = find_seed_grant(seed_graph)
    assert grant["provider"]
    assert "580万元" in grant["evidence"]


def test_seed_every_named_query_returns_rows(seed_graph):
    grant = find_seed_grant(seed_graph)
    params = {"agency": grant["provider"], "company": grant["recipient"], "entity": grant["recipient"],
              "rule": "cue-Grant"}
    for q in list_queries():
        rows = list_rows(run_query(seed_graph, q.name, {n: params[n] for n, _ in q.params}))
        assert rows, f"{q.name} returns no row on the seeds"
