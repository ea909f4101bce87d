"""The addressees of a notice pay nothing (kg.extract.funding_addressees), on notices we write.
The pass cases run in test_funding_passes."""
from __future__ import annotations

from kg.extract import fundings
from test_fundings import summary
from test_relations import A, C, analysis_of

HEAD = "甲局关于下达补助资金的通知\n乙县财政局、丙县财政局：\n"
ADDRESSEE_DOCUMENT_CASES = [
    ("addressees-pay-nothing", HEAD + "现将贴息资金500万元下达给你们。\n1. 丁公司，贷款金额800万元，贴息资金20万元。\n甲局\n2024年6月1日",
     {"甲局": A, "乙县财政局": A, "丙县财政局": A, "丁公司": C},
     [("InterestSubsidy", 5_000_000, "甲局", None, None), ("Loan", 8_000_000, None, "丁公司", None),
      ("InterestSubsidy", 200_000, "甲局", "丁公司", None)]),
    # a notice that allocates funds pays the payouts that name no payer
    ("issuer-pays-allocations", "甲局关于下达专项资金的通知\n为贯彻落实乙委关于发展的决策部署，现下达专项资金2960万元。",
     {"甲局": A, "乙委": A}, [("Grant", 29_600_000, "甲局", None, None)]),
    # a heading that gives each member of a class its sum (an award's heading names the flow),
    # over a line of names only, pays each of them
    ("heading-members", "甲县人民政府关于给予奖励的通知\n一、增产增效奖（1家，共计80万元）\n乙公司  80万元\n"
     "二、新升规企业奖（2家，每家20万元，共计40万元）\n丙公司、丁公司\n甲县人民政府\n2024年4月16日",
     {"甲县人民政府": A, "乙公司": C, "丙公司": C, "丁公司": C},
     [("Grant", 800_000, "甲县人民政府", "乙公司", None), ("Grant", 200_000, "甲县人民政府", "丙公司", None),
      ("Grant", 200_000, "甲县人民政府", "丁公司", None)]),
    # lines of a name and its sum under a heading that names their flow
    ("heading-rows", "甲厅关于下达专项资金的通知\n各市财政局：\n一、资金分配\n（一）技术改造补助\n乙公司，480万元\n"
     "丙公司，420万元\n（二）专精特新企业奖励\n丁公司，300万元\n甲厅\n2024年8月12日",
     {"甲厅": A, "乙公司": C, "丙公司": C, "丁公司": C},
     [("Grant", 4_800_000, "甲厅", "乙公司", None), ("Grant", 4_200_000, "甲厅", "丙公司", None),
      ("Grant", 3_000_000, "甲厅", "丁公司", None)]),
]


def test_a_colon_line_with_a_sum_names_no_addressees():
    raw = "甲局关于下达补助资金的通知\n乙局向丁公司拨付补助资金20万元：\n甲局\n2024年6月1日"
    a = analysis_of(raw, {n: (n, t) for n, t in {"甲局": A, "乙局": A, "丁公司": C}.items()})
    assert [summary(f) for f in fundings.find_fundings(a)] == [("Grant", 200_000, "乙局", "丁公司", None)]


def test_an_addressee_named_in_its_sentence_pays_its_own_flow():
    raw = HEAD + "乙县财政局另行配套奖励资金30万元。\n甲局\n2024年6月1日"
    a = analysis_of(raw, {n: (n, t) for n, t in {"甲局": A, "乙县财政局": A, "丙县财政局": A}.items()})
    assert [summary(f) for f in fundings.find_fundings(a)] == [("Grant", 300_000, "乙县财政局", None, None)]


def test_lines_of_a_name_and_a_sum_under_a_heading_without_a_flow_are_no_fundings():
    raw = "甲厅关于企业名单的通知\n一、名单\n（一）重点企业\n乙公司，480万元\n甲厅\n2024年8月12日"
    a = analysis_of(raw, {n: (n, t) for n, t in {"甲厅": A, "乙公司": C}.items()})
    assert fundings.find_fundings(a) == []


def test_a_title_that_tells_how_funds_were_paid_out_is_an_allocation():
    raw = "甲局关于2024年第二季度贴息资金拨付情况的公示\n本季度，乙公司获得贴息9.3万元。\n甲局\n2024年9月9日"
    a = analysis_of(raw, {n: (n, t) for n, t in {"甲局": A, "乙公司": C}.items()})
    assert [summary(f) for f in fundings.find_fundings(a)] == [("InterestSubsidy", 93_000, "甲局", "乙公司", None)]


def test_lines_under_a_colon_line_take_the_flow_of_the_sentence_before_it():
    raw = ("甲局关于发放补贴的通知\n二、以工代训补贴\n本批次补贴资金合计112.6万元。主要企业如下：\n"
           "乙公司　18.5万元(370人次)\n丙公司　12万元(240人次)\n甲局\n2024年9月9日")
    from test_funding_passes import found
    got = found(raw, {n: (n, t) for n, t in {"甲局": A, "乙公司": C, "丙公司": C}.items()})
    assert ("Grant", 185_000, "甲局", "乙公司", None) in got and ("Grant", 120_000, "甲局", "丙公司", None) in got
