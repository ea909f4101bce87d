"""Funding constructions of a class, each on sentences we write: who lends, borrows, invests or
receives when the sentence names the parties by a construction rather than by place. The pass
cases run in test_funding_passes (which checks that without the pass the stage finds otherwise)."""
from __future__ import annotations

from kg.extract import fundings
from test_fundings import summary
from test_relations import A, C, P, analysis_of

CLASS_PARTY_CASES = [
    ("posted-person-receives", "其中，甲半导体有限公司研发总监张三博士获得购房补贴50万元，该公司获得租房补贴42万元。",
     {"甲半导体有限公司": C, "张三": P},
     [("Grant", 500_000, None, "张三", None), ("Grant", 420_000, None, "甲半导体有限公司", None)]),
    ("pool-grant", "甲市科技局设立贷款风险补偿资金池，其中甲市财政局出资2000万元。", {"甲市科技局": A, "甲市财政局": A},
     [("Grant", 20_000_000, "甲市财政局", None, None)]),
    ("pool-payout", "甲县科技局联合甲县财政局设立贷款风险补偿资金池。今年，一家企业无法还贷，资金池按规定向乙银行丙支行代偿本金损失60万元。",
     {"甲县科技局": A, "甲县财政局": A, "乙银行丙支行": C},
     [("Grant", 600_000, "甲县科技局", "乙银行丙支行", None)]),
    ("sum-put-into-project", "甲基金首批投资两个项目。其中，另有2亿元投向乙县丙产业园项目，该项目由丁农业有限公司建设。",
     {"乙县": "Place", "丙产业园项目": "Project", "丁农业有限公司": C},
     [("Investment", 200_000_000, None, "丁农业有限公司", None)]),
    ("operator-receives", "该基地由甲农业开发有限公司运营，今年获得乙县财政局补助资金200万元。",
     {"甲农业开发有限公司": C, "乙县财政局": A},
     [("Grant", 2_000_000, "乙县财政局", "甲农业开发有限公司", None)]),
    ("participle-loan-used-by", "由甲银行乙支行发放的3000万元项目贷款，已全部用于丙材料股份有限公司丁项目建设。",
     {"甲银行乙支行": C, "丙材料股份有限公司": C, "丁项目": "Project"},
     [("Loan", 30_000_000, "甲银行乙支行", "丙材料股份有限公司", None)]),
]
CLASS_DOCUMENT_CASES = [
    ("each-funder", "甲管委会、乙区人民政府各出资500万元，共同设立丙产业基金。", {"甲管委会": A, "乙区人民政府": A},
     [("Investment", 5_000_000, "乙区人民政府", None, None), ("Investment", 5_000_000, "甲管委会", None, None)]),
]


def found(raw: str, names: dict[str, str]) -> list[tuple]:
    a = analysis_of(raw, {name: (name, kind) for name, kind in names.items()})
    return [summary(f) for f in fundings.find_fundings(a)]


def test_a_counted_class_of_its_suppliers_is_no_recipient():
    assert found("甲银行围绕核心企业乙集团有限公司，累计为其上游12家配套企业提供融资3亿元。",
                 {"甲银行": C, "乙集团有限公司": C}) == [("Loan", 300_000_000, "甲银行", None, None)]



def test_the_other_party_of_a_loan_agreement_borrows_each_share():
    raw = ("甲银行河北分行作为牵头行，联合乙银行组成银团，与丙港务有限公司签订20亿元银团贷款协议，支持丁县码头建设。"
           "其中，甲银行河北分行承贷12亿元，乙银行承贷8亿元。")
    assert found(raw, {"甲银行河北分行": C, "乙银行": C, "丙港务有限公司": C, "丁县": "Place"}) == [
        ("Loan", 2_000_000_000, "甲银行河北分行", "丙港务有限公司", None),
        ("Loan", 1_200_000_000, "甲银行河北分行", "丙港务有限公司", None),
        ("Loan", 800_000_000, "乙银行", "丙港务有限公司", None)]


def test_a_company_putting_money_into_a_fund_invests():
    assert found("甲集团有限公司出资3亿元，与乙公司共同设立丙产业投资基金。", {"甲集团有限公司": C, "乙公司": C}) == [
        ("Investment", 300_000_000, "甲集团有限公司", None, None)]


def test_the_company_invested_in_after_xiang_receives():
    assert found("其中，向甲县的乙食品有限公司投资3亿元，用于建设冷库。", {"甲县": "Place", "乙食品有限公司": C}) == [
        ("Investment", 300_000_000, None, "乙食品有限公司", None)]


def test_each_subscribed_share_is_an_investment():
    got = found("基金首期20亿元，其中甲集团有限公司认缴8亿元，乙资产投资有限公司认缴12亿元。",
                {"甲集团有限公司": C, "乙资产投资有限公司": C})
    assert ("Investment", 800_000_000, "甲集团有限公司", None, None) in got
    assert ("Investment", 1_200_000_000, "乙资产投资有限公司", None, None) in got


def test_each_loan_of_a_list_of_clauses_goes_to_the_company_of_its_clause():
    assert found("丙银行推出订单贷，向甲电气有限公司发放订单贷500万元，向乙液压件有限公司发放订单贷300万元。",
                 {"甲电气有限公司": C, "乙液压件有限公司": C, "丙银行": C}) == [
        ("Loan", 5_000_000, "丙银行", "甲电气有限公司", None), ("Loan", 3_000_000, "丙银行", "乙液压件有限公司", None)]


def test_a_lender_paying_out_a_loan_lends():
    assert found("乙银行丙支行向甲生物医药有限公司放款500万元。", {"乙银行丙支行": C, "甲生物医药有限公司": C}) == [
        ("Loan", 5_000_000, "乙银行丙支行", "甲生物医药有限公司", None)]


def test_a_project_total_takes_no_parties_of_a_capital_injection_before():
    got = found("5月，甲控股集团有限公司向乙农业开发有限公司注资6000万元，持股30%。该项目总投资2.3亿元，建成后可年加工鲜果5万吨。",
                {"甲控股集团有限公司": C, "乙农业开发有限公司": C})
    assert ("Investment", 60_000_000, "甲控股集团有限公司", "乙农业开发有限公司", None) in got
    assert all(f[3] is None for f in got if f[1] == 230_000_000)


def test_public_bodies_each_put_a_grant_into_a_guarantee_fund_named_after():
    assert found("甲市财政局、乙区人民政府各出资1000万元，设立丙担保基金。", {"甲市财政局": A, "乙区人民政府": A}) == [
        ("Grant", 10_000_000, "乙区人民政府", None, None), ("Grant", 10_000_000, "甲市财政局", None, None)]


def test_a_list_with_an_unnamed_item_gives_no_project_to_the_sums_told_respectively():
    a = analysis_of("受灾农户甲某、张三分别领到房屋重建补助4万元和3.5万元。", {"张三": ("张三", P)})
    got = fundings.find_fundings(a)
    assert [(f.amount, f.recipient, f.project) for f in got] == [(40_000, None, None), (35_000, "张三", None)]
