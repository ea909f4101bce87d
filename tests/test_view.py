"""kg.outputs.view without a browser: amounts, safe embedding, the data the page gets, filters,
layout, determinism, and `kg view`. All names are invented; one is an HTML injection."""
from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.namespace import RDF

from kg.cli import main
from kg.rdf.graph import CorpusTriples, build_graph, write_turtle
from kg.model import ENTITY_TYPES, Article, Entity, Evidence, Extraction, Funding, Relation
from kg.rdf.ontology import KG
from kg.outputs.view_layout import compute_layout
from kg.outputs.view import (ViewError, embed_json, format_amount, render_html,
                     view_data, write_view)
from synthetic_graphs import synthetic_graph

EVIL = "<img src=x onerror=alert(1)>"
EVIL_ALIAS = "</script><script>window.__pwned=1</script>\u2028"
DOC = "qs001.txt"
S1 = "6月30日，青松市财政局下发的580万元设备补助款打到了青松云川科技有限公司账户。"
S2 = "该公司副总经理李明远表示，资金来自青松市财政局印发的星河专项行动。"
S3 = "青松银行向" + EVIL + "发放1500万元贷款。"
S4 = "云川产业园项目总投资1.59亿元，由青松云川科技有限公司投资建设。"


def evidence(sentence: str) -> Evidence:
    start = (S1 + S2 + S3 + S4).index(sentence)
    return Evidence(DOC, sentence, start, start + len(sentence))


def view_extractions() -> list[Extraction]:
    """Eight entities, three relations, three fundings in one invented article."""
    entities = (
        Entity("青松市", "Place"),
        Entity("青松市财政局", "Agency", ("市财政局",), jurisdiction="青松市"),
        Entity("青松云川科技有限公司", "Company", ("云川科技",), jurisdiction="青松市"),
        Entity("青松银行", "Company"),
        Entity(EVIL, "Company", (EVIL_ALIAS,)),
        Entity("李明远", "Person"),
        Entity("星河专项行动", "Program"),
        Entity("云川产业园项目", "Project"),
    )
    relations = (
        Relation("worksFor", "李明远", "青松云川科技有限公司", evidence(S2), job_title="副总经理"),
        Relation("issued", "青松市财政局", "星河专项行动", evidence(S2)),
        Relation("develops", "青松云川科技有限公司", "云川产业园项目", evidence(S4)),
    )
    fundings = (
        Funding("Grant", evidence(S1), amount=Decimal(5800000), amount_text="580万元", date="2020-06-30",
                provider="青松市财政局", recipient="青松云川科技有限公司", program="星河专项行动"),
        Funding("Loan", evidence(S3), amount=Decimal(15000000), amount_text="1500万元",
                provider="青松银行", recipient=EVIL),
        Funding("Investment", evidence(S4), amount=Decimal(159000000), amount_text="1.59亿元",
                provider="青松云川科技有限公司", project="云川产业园项目"),
    )
    article = Article(DOC, "/data/news/" + DOC, title="青松市企业获补助", date="2020-07-01")
    return [Extraction(article, entities=entities, relations=relations, fundings=fundings)]


def make_view_graph() -> Graph:
    return build_graph(view_extractions())


@pytest.fixture(scope="module")
def graph() -> Graph:
    return make_view_graph()


@pytest.fixture(scope="module")
def data(graph) -> dict:
    return view_data(graph)


def node(data: dict, label: str) -> dict:
    return next(n for n in data["nodes"] if n["label"] == label)


def test_the_triples_made_for_turtle_read_as_the_graph():
    """kg build hands the view the triples it grouped for graph.ttl instead of an rdflib graph:
    the page gets the same data from them."""
    from conftest import make_small_extractions
    for extractions, options in ((view_extractions(), {}), (view_extractions(), {"top": 3}),
                                 (view_extractions(), {"focus": "青松银行", "depth": 2}),
                                 (make_small_extractions() * 2, {})):     # articles twice: triples once
        assert view_data(CorpusTriples(extractions), **options) == view_data(build_graph(extractions), **options)


# ------------------------------------------------------------------ amounts

@pytest.mark.parametrize("yuan, approximate, text", [
    (5800000, False, "580万元"),          # 万元, whole
    (15000000, False, "1500万元"),
    (806450600, False, "8.06亿元"),       # 亿元, two decimals
    (159000000, False, "1.59亿元"),
    (100000000, False, "1亿元"),          # no trailing zeros
    (125000, False, "12.5万元"),
    (9000, False, "9000元"),              # under 1万: plain yuan
    (Decimal("20000000"), True, "约2000万元"),
    (None, False, ""),
])
def test_format_amount(yuan, approximate, text):
    assert format_amount(yuan, approximate) == text


# ------------------------------------------------------------------ escaping

def test_embed_json_cannot_close_the_script_and_round_trips():
    value = {"name": EVIL, "alias": EVIL_ALIAS, "amp": "a&b", "ps": "\u2029"}
    text = embed_json(value)
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == value


def test_page_has_no_raw_markup_from_the_data(graph):
    page = render_html(view_data(graph))
    assert EVIL not in page and "<img" not in page
    assert page.count("</script>") == 3          # data, vis-network, view.js: nothing more
    assert "\u2028" not in page and "\u2029" not in page
    assert "window.__pwned" in page               # present, but only as escaped JSON text


def test_page_loads_nothing_from_outside_and_allows_only_its_own_scripts(graph):
    page = render_html(view_data(graph))
    assert not re.search(r"<(script|link|img|iframe)[^>]*\s(src|href)=", page, re.I)
    assert "sourceMappingURL" not in page
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp
    assert csp.count("'sha256-") == 2 and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert not re.search(r"\{\{\w+\}\}", page.split("<script")[0])   # every placeholder filled


# ------------------------------------------------------------------ the data

def test_nodes_are_the_entities_with_their_classes_aliases_and_jurisdiction(graph, data):
    assert len(data["nodes"]) == data["meta"]["entities"] == 8
    entity_count = len({s for t in ENTITY_TYPES for s in graph.subjects(RDF.type, KG[t])})
    assert data["meta"]["entitiesInGraph"] == entity_count
    company = node(data, "青松云川科技有限公司")
    assert company["type"] == "Company" and company["aliases"] == ["云川科技"]
    assert data["nodes"][company["jurisdiction"]]["label"] == "青松市"
    assert company["receivedLabel"] == "580万元"
    assert [n["id"] for n in data["nodes"]] == list(range(8))
    assert [n["type"] for n in data["nodes"]] == sorted((n["type"] for n in data["nodes"]), key=ENTITY_TYPES.index)


def test_fundings_are_arrows_from_payer_to_receiver_with_evidence(data):
    grant = next(f for f in data["fundings"] if f["type"] == "Grant")
    ids = {n["label"]: n["id"] for n in data["nodes"]}
    assert grant["amountLabel"] == "580万元" and grant["date"] == "2020-06-30"
    assert (grant["from"], grant["to"]) == (ids["青松市财政局"], ids["青松云川科技有限公司"])
    assert grant["parties"]["program"] == ids["星河专项行动"]
    assert grant["evidence"]["text"] == S1
    assert data["articles"][grant["evidence"]["article"]] == {"title": "青松市企业获补助",
                                                              "file": "/data/news/qs001.txt", "date": "2020-07-01"}
    investment = next(f for f in data["fundings"] if f["type"] == "Investment")
    assert investment["to"] == ids["云川产业园项目"]          # no recipient: the arrow ends at the project
    assert data["meta"]["fundings"] == data["meta"]["fundingEdges"] == 3


def test_relations_carry_evidence_and_job_title(data):
    works = next(e for e in data["edges"] if e["type"] == "worksFor")
    assert works["jobTitle"] == "副总经理"
    assert [ev["text"] for ev in works["evidence"]] == [S2]
    assert data["meta"]["relations"] == 3
    assert sum(e["type"] == "jurisdiction" for e in data["edges"]) == 2
    assert node(data, "青松云川科技有限公司")["degree"] == 4   # worksFor, develops, two fundings


# ------------------------------------------------------------------ filters

def test_types_keep_only_those_classes_and_name_dropped_parties(graph):
    data = view_data(graph, types=["Company", "Agency"])
    assert {n["type"] for n in data["nodes"]} == {"Company", "Agency"}
    grant = next(f for f in data["fundings"] if f["type"] == "Grant")
    assert grant["parties"]["program"] == "星河专项行动"        # a label: its node is filtered out
    assert data["meta"]["entitiesInGraph"] == 8


def test_min_amount_keeps_fundings_of_at_least_that_many_yuan(graph):
    assert sorted(f["type"] for f in view_data(graph, min_amount=10_000_000)["fundings"]) == ["Investment", "Loan"]
    assert view_data(graph, min_amount=1e9)["fundings"] == []


@pytest.mark.parametrize("focus, depth, labels", [
    ("云川科技", 0, {"青松云川科技有限公司"}),                    # by alias
    ("李明远", 1, {"李明远", "青松云川科技有限公司"}),
    ("李明远", 2, {"李明远", "青松云川科技有限公司", "青松市财政局", "星河专项行动", "云川产业园项目", "青松市"}),
    (EVIL, 1, {EVIL, "青松银行"}),
])
def test_focus_keeps_the_neighbourhood(graph, focus, depth, labels):
    data = view_data(graph, focus=focus, depth=depth)
    assert {n["label"] for n in data["nodes"]} == labels
    assert "within" in data["meta"]["filters"]


@pytest.mark.parametrize("options, message", [
    ({"focus": "不存在的公司"}, "no entity named"),
    ({"types": ["Bank"]}, "unknown class Bank"),
    ({"focus": "李明远", "types": ["Agency"]}, "no entity named"),
])
def test_bad_options_raise_view_error(graph, options, message):
    with pytest.raises(ViewError, match=message):
        view_data(graph, **options)


# ------------------------------------------------------------------ layout, determinism, synthetic graphs

def test_layout_is_deterministic_and_keeps_nodes_apart():
    links = [(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (3, 4, 1.0), (5, 5, 1.0)]
    first = compute_layout(7, links)
    assert first == compute_layout(7, links)
    assert len(set(first)) == 7


def test_same_graph_same_page(graph, tmp_path):
    write_view(graph, tmp_path / "a.html")
    reparsed = Graph().parse(data=graph.serialize(format="turtle"), format="turtle")
    write_view(reparsed, tmp_path / "b.html")
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_synthetic_graph_has_exactly_the_entities_asked_for():
    g = synthetic_graph(300, seed=3)
    data = view_data(g, layout=False)
    assert data["meta"]["entities"] == 300
    assert {n["type"] for n in data["nodes"]} == set(ENTITY_TYPES)
    assert data["meta"]["fundingEdges"] > 0 and data["meta"]["relations"] > 0
    assert len(synthetic_graph(300, seed=3)) == len(g)


def test_big_components_get_distinct_positions():
    data = view_data(synthetic_graph(1200, seed=1))   # one component of over 300 nodes
    positions = {(n["x"], n["y"]) for n in data["nodes"]}
    assert len(positions) == 1200


# ------------------------------------------------------------------ kg view

def test_cli_view_writes_the_page(graph, tmp_path):
    source = tmp_path / "g.ttl"
    write_turtle(graph, source)
    out = tmp_path / "v.html"
    result = CliRunner().invoke(main, ["view", str(source), "-o", str(out), "--focus", "云川科技",
                                       "--depth", "1", "--types", "Company,Agency,Person", "--min-amount", "1000"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1))
    assert {n["label"] for n in data["nodes"]} == {"青松云川科技有限公司", "李明远", "青松市财政局"}


@pytest.mark.parametrize("args, message", [
    (["--focus", "不存在的公司"], "no entity named"),
    (["--types", "Agency,Bank"], "unknown class Bank"),
])
def test_cli_view_reports_bad_options_in_one_line(graph, tmp_path, args, message):
    source = tmp_path / "g.ttl"
    write_turtle(graph, source)
    result = CliRunner().invoke(main, ["view", str(source), "-o", str(tmp_path / "v.html")] + args)
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_view_reports_a_missing_graph(tmp_path):
    result = CliRunner().invoke(main, ["view", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1 and "no such file" in result.output
