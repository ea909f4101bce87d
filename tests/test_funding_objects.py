"""Receivers named as the object of a giving verb or listed before 分别 and a receiving verb
(kg.extract.funding_objects), on sentences we write. The pass cases run in test_funding_passes."""
from __future__ import annotations

from test_relations import A, C, J, O, P

OBJECT_PARTY_CASES = [
    ("object-receives", "甲银行为种植大户张三、李四分别发放信用贷款30万元和20万元。", {"甲银行": C, "张三": P, "李四": P},
     [("Loan", 300_000, "甲银行", "张三", None), ("Loan", 200_000, "甲银行", "李四", None)]),
    ("listed-subjects-receive", "甲局拨付救灾资金100万元。乙公司、丙公司分别领到重建补助4万元和3.5万元。",
     {"甲局": A, "乙公司": C, "丙公司": C},
     [("Grant", 1_000_000, "甲局", None, None), ("Grant", 40_000, "甲局", "乙公司", None),
      ("Grant", 35_000, "甲局", "丙公司", None)]),
    ("guarantor-lends-nothing", "甲银行推出新产品。乙局联合该行推出“丙贷”，由丁担保公司提供担保，戊合作社获得贷款150万元。",
     {"甲银行": C, "乙局": A, "丁担保公司": C, "戊合作社": O},
     [("Loan", 1_500_000, "甲银行", "戊合作社", None)]),
    ("former-latter-receives", "甲银行与乙公司在丙市签订借款合同，约定向后者发放贷款12亿元。",
     {"甲银行": C, "乙公司": C, "丙市": "Place"},
     [("Loan", 1_200_000_000, "甲银行", "乙公司", None)]),
    ("named-project-investor", "签约项目中，投资额最大的是甲公司投资的乙项目，计划投资28亿元。", {"甲公司": C, "乙项目": J},
     [("Investment", 2_800_000_000, "甲公司", None, None)]),
    ("loan-tranche", "甲银行与乙公司在丙市签订借款合同，约定向后者发放贷款12亿元，专项用于丁项目。当天，首笔贷款2.5亿元由甲银行完成发放。",
     {"甲银行": C, "乙公司": C, "丙市": "Place", "丁项目": J},
     [("Loan", 1_200_000_000, "甲银行", "乙公司", None), ("Loan", 250_000_000, "甲银行", "乙公司", None)]),
]


def test_listed_places_that_receive_each_take_their_sum():
    """listed-subjects-receive: places listed before 分别获得 receive, one sum each."""
    from test_funding_story import found
    raw = "甲厅下达救灾资金1.2亿元。从分配情况看，乙市、丙市分别获得4200万元、3500万元，丁市获得600万元。"
    assert found(raw, {"甲厅": A, "乙市": "Place", "丙市": "Place", "丁市": "Place"}) == [
        ("Grant", 120_000_000, "甲厅", None, None), ("Grant", 42_000_000, "甲厅", "乙市", None),
        ("Grant", 35_000_000, "甲厅", "丙市", None), ("Grant", 6_000_000, "甲厅", "丁市", None)]


def test_a_sum_told_right_after_a_receiving_verb_or_anpai_is_a_payout_of_the_kind_told_before():
    """A weak cue: 获得/安排 right before a sum; a strong cue earlier names the kind."""
    from test_funding_story import found
    raw = "其中，甲公司获得应收账款融资2600万元，乙公司获得1800万元。"
    assert [f[:2] for f in found(raw, {"甲公司": C, "乙公司": C})] == [("Loan", 26_000_000), ("Loan", 18_000_000)]
    raw = "甲委下达预算内投资计划，安排3600万元支持乙项目建设。"
    assert [f[:2] for f in found(raw, {"甲委": A, "乙项目": J})] == [("Investment", 36_000_000)]
    raw = "甲州、乙市分别安排1120万元、960万元，主要用于边境贸易企业补助。"
    assert [f[:2] for f in found(raw, {"甲州": "Place", "乙市": "Place"})] == [("Grant", 11_200_000), ("Grant", 9_600_000)]


def test_listed_places_and_their_class_receive_their_sums():
    """甲区、乙市企业分别获得贴息: the places listed before the class noun receive."""
    from test_funding_story import found
    raw = "首批贴息对应续贷金额57.2亿元，甲区、乙市企业分别获得贴息410万元、380万元。"
    got = found(raw, {"甲区": "Place", "乙市": "Place"})
    assert ("InterestSubsidy", 4_100_000, None, "甲区", None) in got
    assert ("InterestSubsidy", 3_800_000, None, "乙市", None) in got


def test_the_bank_a_company_borrows_through_lends_to_it():
    from test_funding_story import found
    raw = "甲电气有限公司通过乙银行丙支行续贷800万元，获得贴息4万元。"
    got = found(raw, {"甲电气有限公司": C, "乙银行丙支行": C})
    assert got[0] == ("Loan", 8_000_000, "乙银行丙支行", "甲电气有限公司", None)
    assert got[1][3] == "甲电气有限公司"


def test_a_group_s_capital_into_its_own_subsidiaries_one_by_one():
    from test_funding_story import found
    raw = "甲集团有限公司近日以货币方式向所属乙投资有限公司、丙水务有限公司分别增资8亿元和3.5亿元。"
    got = found(raw, {"甲集团有限公司": C, "乙投资有限公司": C, "丙水务有限公司": C})
    assert [f[2:4] for f in got] == [("甲集团有限公司", "乙投资有限公司"), ("甲集团有限公司", "丙水务有限公司")]


def test_a_payee_after_its_place_and_an_insurer_that_is_no_enterprise():
    """向乙区的丙公司支付赔款: the company after its place receives; 该企业 is never the insurer."""
    from test_funding_story import found
    names = {"甲保险公司北京分公司": C, "乙区": "Place", "丙文旅发展有限公司": C}
    raw = "甲保险公司北京分公司也已向乙区的丙文旅发展有限公司支付营业中断险赔款310万元。"
    assert found(raw, names) == [("Grant", 3_100_000, "甲保险公司北京分公司", "丙文旅发展有限公司", None)]
    names = {"丁冷链物流有限公司": C, "甲财产保险股份有限公司北京分公司": C}
    raw = "丁冷链物流有限公司仓库进水。甲财产保险股份有限公司北京分公司接报后完成查勘，随即向该企业预付赔款500万元。"
    assert found(raw, names)[0][3] == "丁冷链物流有限公司"


def test_places_a_notice_allots_funds_to_each_receive_their_share():
    """甲区、乙区分别下达2960万元、1380万元: the places receive; 配套 funds are their own."""
    from test_funding_story import found
    names = {"丙局": A, "甲区": "Place", "乙区": "Place"}
    got = found("丙局下达专项资金6850万元。分区看，甲区、乙区分别下达2960万元、1380万元。", names)
    assert got[1:] == [("Grant", 29_600_000, "丙局", "甲区", None), ("Grant", 13_800_000, "丙局", "乙区", None)]


def test_a_credit_line_granted_for_a_company_after_a_long_clause():
    """…开展“大走访”，为乙公司核定授信5000万元: the payee after 为 even when the lender's name is
    clauses away."""
    from test_funding_story import found
    raw = "甲银行乙分行深入茶园开展“千企万户大走访”，为丙茶业有限公司核定授信5000万元。"
    got = found(raw, {"甲银行乙分行": C, "丙茶业有限公司": C, "千企万户大走访": "Program"})
    assert got == [("Loan", 50_000_000, "甲银行乙分行", "丙茶业有限公司", None)]


def test_arrears_repaid_to_a_named_creditor():
    """甲公司偿还拖欠乙公司的工程款3200万元: 乙 holds the debt, 甲 owes it."""
    from test_funding_story import found
    raw = "市工信局已督促甲城建投资集团有限公司偿还拖欠乙建筑工程有限公司的工程款3200万元。"
    got = found(raw, {"市工信局": A, "甲城建投资集团有限公司": C, "乙建筑工程有限公司": C})
    assert got == [("Debt", 32_000_000, "乙建筑工程有限公司", "甲城建投资集团有限公司", None)]
