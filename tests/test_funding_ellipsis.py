"""Sums whose cue a clause leaves out (kg.extract.funding_ellipsis) and the kind a received
fund's name gives, on sentences we write."""
from __future__ import annotations

from kg.extract import fundings
from test_fundings import summary
from test_relations import A, C, P, analysis_of


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


def test_a_continuing_sentence_of_another_kind_with_its_own_payer_inherits_no_receiver():
    raw = "甲局下拨救灾资金100万元。农户张三、李四分别领到补助4万元和3万元。\n同时，乙委安排投资资金900万元，支持丙区修路。"
    got = found(raw, {"甲局": A, "乙委": A, "张三": P, "李四": P})
    assert got[-1] == ("Investment", 9_000_000, "乙委", None, None)


def test_funds_passed_down_are_a_grant():
    assert found("甲局下拨救灾资金100万元。", {"甲局": A}) == [("Grant", 1_000_000, "甲局", None, None)]


def test_an_unrecognised_name_keeps_its_place_in_a_receiving_list():
    raw = "甲局下拨救灾资金100万元。农户某某、李四分别领到补助4万元和3万元。"
    got = found(raw, {"甲局": A, "李四": P})
    assert got[1:] == [("Grant", 40_000, "甲局", None, None), ("Grant", 30_000, "甲局", "李四", None)]


def test_a_part_received_takes_the_kind_and_payer_of_the_flow_before_it():
    raw = "乙委安排中央预算内投资资金900万元，支持3个项目，其中丙项目获得资金300万元。"
    got = found(raw, {"乙委": A, "丙项目": "Project"})
    assert got == [("Investment", 9_000_000, "乙委", None, None), ("Investment", 3_000_000, "乙委", None, None)]
