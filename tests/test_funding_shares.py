"""Shares of a total told after it, place by place (kg.extract.funding_shares)."""
from __future__ import annotations

from test_funding_passes import PLACE, found
from test_relations import A, C, J

NAMES = {"东山市财政局": ("东山市财政局", A), "青溪县财政局": ("青溪县财政局", A),
         "白石县财政局": ("白石县财政局", A), "青溪县": ("青溪县", PLACE), "白石县": ("白石县", PLACE)}


def test_shares_after_total_go_to_each_places_body():
    raw = ("青溪县、白石县财政局：\n现下达你县防汛补助资金共计900万元。其中，青溪县500万元，白石县400万元。\n"
           "东山市财政局\n2020年7月1日")
    got = found(raw, NAMES)
    assert ("Grant", 9000000, "东山市财政局", None, None) in got or \
        any(g[1] == 9000000 and g[2] == "东山市财政局" for g in got)
    assert ("Grant", 5000000, "东山市财政局", "青溪县财政局", None) in got
    assert ("Grant", 4000000, "东山市财政局", "白石县财政局", None) in got


def test_no_shares_without_a_total_before():
    raw = "青溪县开展防汛检查。其中，青溪县500万元，白石县400万元。"
    assert found(raw, NAMES) == []


def test_each_respective_clause_gives_its_sums_to_the_names_before_yu():
    raw = "此外，甲公司、乙公司与丙县政府分别签订了丁项目、戊项目合作协议，投资额分别为4.2亿元和3.1亿元。"
    names = {"甲公司": C, "乙公司": C, "丙县政府": A, "丁项目": J, "戊项目": J}
    assert [f[:3] for f in found(raw, {n: (n, t) for n, t in names.items()})] == [
        ("Investment", 420_000_000, "甲公司"), ("Investment", 310_000_000, "乙公司")]
