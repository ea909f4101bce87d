"""Sums whose cue a clause leaves out (kg.extract.funding_ellipsis) and the kind a received
fund's name gives, on sentences we write."""
from __future__ import annotations

from kg.extract import fundings
from test_fundings import summary
from test_relations import A, C, analysis_of


def found(raw: str, names: dict) -> list[tuple]:
    a = analysis_of(raw, {n: (n, t) for n, t in names.items()})
    return [summary(f) for f in fundings.find_fundings(a)]


def test_a_clause_repeating_the_receiving_verb_takes_the_cue_before_it():
    raw = "甲局发放补助资金300万元。乙公司获得补助资金50万元，丙公司获得30万元。"
    got = found(raw, {"甲局": A, "乙公司": C, "丙公司": C})
    assert ("Grant", 300_000, "甲局", "丙公司", None) in got


def test_a_clause_with_another_verb_takes_no_cue():
    raw = "乙公司获得补助资金50万元，丙公司营业收入30万元。"
    assert [f[1] for f in found(raw, {"乙公司": C, "丙公司": C})] == [500_000]


def test_a_received_refund_fund_is_a_relief():
    raw = "甲局向企业发放返还资金1亿元。乙公司获得返还资金86万元。"
    got = found(raw, {"甲局": A, "乙公司": C})
    assert ("Relief", 860_000, "甲局", "乙公司", None) in got
