"""Counts of the small invented graph, as data, as text and through `kg stats`."""
from __future__ import annotations

import json
from decimal import Decimal

from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main
from kg.outputs.stats import compute_stats, format_stats

CLASSES = {"Agency": 6, "Company": 5, "Organization": 1, "Person": 2, "Program": 2,
           "Project": 1, "Place": 3}
RELATIONS = {"subOrganizationOf": 5, "worksFor": 2, "issued": 2, "partnerOf": 1, "regulates": 1,
             "develops": 1, "contractorOf": 1, "assists": 2, "supplies": 0}
FUNDINGS = {"Loan": 1, "Grant": 2, "Relief": 1, "InterestSubsidy": 1, "Investment": 1, "Debt": 1}
AMOUNTS = {"Loan": Decimal(15000000), "Grant": Decimal(3200000), "Relief": Decimal(125000),
           "InterestSubsidy": Decimal(800000), "Investment": Decimal(320000000), "Debt": Decimal(600000)}


def test_compute_stats(small_graph):
    stats = compute_stats(small_graph)
    assert stats.articles == 3
    assert stats.classes == CLASSES
    assert stats.relations == RELATIONS
    assert stats.statements == 16          # partnerOf is stated twice
    assert stats.fundings == FUNDINGS
    assert stats.with_amount == {t: 1 for t in FUNDINGS}   # one of the two Grants has no amount
    assert stats.amounts == AMOUNTS
    assert stats.triples == len(small_graph)


def test_an_empty_graph_has_every_key_at_zero():
    stats = compute_stats(Graph())
    assert set(stats.classes) == set(CLASSES) and not any(stats.classes.values())
    assert stats.amounts == {t: Decimal(0) for t in FUNDINGS}


def test_format_stats_aligns_columns(small_graph):
    lines = format_stats(compute_stats(small_graph)).splitlines()
    assert lines[0].split() == ["articles", "3"]
    grant = next(line for line in lines if line.startswith("Grant "))
    assert grant.split() == ["Grant", "2", "1", "3200000"]
    header = next(line for line in lines if line.startswith("funding type"))
    assert len(header) == len(next(line for line in lines if line.startswith("Investment")))


def test_cli_stats(graph_file):
    result = CliRunner().invoke(main, ["stats", str(graph_file)])
    assert result.exit_code == 0
    assert "Investment" in result.output and "320000000" in result.output
    as_json = CliRunner().invoke(main, ["stats", str(graph_file), "--json"])
    data = json.loads(as_json.output)
    assert data["amounts"]["Loan"] == "15000000" and data["classes"] == CLASSES


def test_cli_stats_missing_graph(tmp_path):
    result = CliRunner().invoke(main, ["stats", str(tmp_path / "none.ttl")])
    assert result.exit_code == 1 and result.output.count("\n") == 1
