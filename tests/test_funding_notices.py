"""Fundings of notice rows and lists (kg.extract.funding_notices) and the branch names they need
(kg.extract.branch_names), on sentences we write. The pass cases run in test_funding_passes."""
from __future__ import annotations

from kg.extract import fundings
from kg.extract.branch_names import is_bare_branch, split_glued
from kg.extract.funding_notices import signers
from kg.extract.normalize import normalize
from kg.extract.pipeline import analyse
from kg.model import Document, Mention
from test_fundings import summary
from test_relations import A, C, O, analysis_of

# (pass, text, names, what the stage finds); test_funding_passes checks that without the pass
# the stage finds something else.
NOTICE_PARTY_CASES = [
    ("labelled-row", "借款人乙公司，担保人丙公司、张三，本金余额1850万元。\n甲资产公司\n2024年7月2日",
     {"乙公司": C, "丙公司": C, "甲资产公司": C},
     [("Debt", 18_500_000, "甲资产公司", "乙公司", None)]),
    ("proposed-row", "一、乙公司丙改造项目，拟补助资金286万元。\n甲局  丁局\n2024年11月1日",
     {"乙公司": C, "甲局": A, "丁局": A},
     [("Grant", 2_860_000, "甲局", "乙公司", None)]),
    ("proposed-row", "一、示范类\n1.乙公司“丙改造项目”，补助300万元；\n2.丁公司，奖励80万元。\n甲局  戊局\n2024年3月1日",
     {"乙公司": C, "丁公司": C, "甲局": A, "戊局": A},
     [("Grant", 3_000_000, "甲局", "乙公司", None), ("Grant", 800_000, "甲局", "丁公司", None)]),
    ("listed-after-sum", "二、对新评定的示范企业，每家奖励30万元：乙公司、丙公司等5家。\n甲局\n2024年3月1日",
     {"乙公司": C, "丙公司": C, "甲局": A},
     [("Grant", 300_000, "甲局", "乙公司", None), ("Grant", 300_000, "甲局", "丙公司", None)]),
    ("signed-claim", "借款人及担保人名单如下。以上2户债权本金合计300万元。\n甲资产公司\n2024年7月2日",
     {"甲资产公司": C}, [("Debt", 3_000_000, "甲资产公司", None, None)]),
    ("counted-total", "甲局向乙公司、丙公司等8家企业兑现奖补资金共计500万元。", {"乙公司": C, "丙公司": C, "甲局": A},
     [("Grant", 5_000_000, "甲局", None, None)]),
]
NOTICE_DOCUMENT_CASES = [
    ("each-listed", "甲厅公布名单。乙公司、丙公司分别获得奖励200万元。", {"甲厅": A, "乙公司": C, "丙公司": C},
     [("Grant", 2_000_000, None, "乙公司", None), ("Grant", 2_000_000, None, "丙公司", None)]),
]


def found(raw: str, names: dict) -> list[tuple]:
    a = analysis_of(raw, {n: (n, t) for n, t in names.items()})
    return [summary(f) for f in fundings.find_fundings(a)]


def test_each_of_a_counted_list_gets_the_sum():
    raw = "甲厅公布名单。乙公司、丙公司等10家企业各获得奖励60万元。"
    assert found(raw, {"甲厅": A, "乙公司": C, "丙公司": C}) == [
        ("Grant", 600_000, None, "乙公司", None), ("Grant", 600_000, None, "丙公司", None)]


def test_a_list_with_a_sum_each_is_not_copied():
    raw = "甲厅公布名单。乙公司、丙公司分别获得奖励200万元和100万元。"
    got = found(raw, {"甲厅": A, "乙公司": C, "丙公司": C})
    assert [(f[1], f[3]) for f in got] == [(2_000_000, "乙公司"), (1_000_000, "丙公司")]


def test_a_guarantor_is_no_party_without_signers():
    raw = "借款人乙公司，担保人丙公司，本金余额300万元。"
    assert found(raw, {"乙公司": C, "丙公司": C}) == [("Debt", 3_000_000, None, "乙公司", None)]


def test_a_label_may_be_followed_by_a_colon():
    raw = "2.借款人：乙公司，担保人：丙公司，本金300万元。\n甲资产公司\n2024年7月2日"
    assert found(raw, {"乙公司": C, "丙公司": C, "甲资产公司": C}) == [("Debt", 3_000_000, "甲资产公司", "乙公司", None)]


def test_a_rate_per_head_without_names_after_it_is_no_sum():
    assert found("对新评定的示范企业，每家奖励30万元。\n甲局", {"甲局": A}) == []


def test_the_one_a_row_addresses_with_dui_receives_across_the_comma():
    raw = "三、对首次入选示范名单的乙公司，奖励20万元。"
    assert found(raw, {"乙公司": C}) == [("Grant", 200_000, None, "乙公司", None)]


def test_a_proposed_row_without_signers_names_no_payer():
    raw = "二、乙合作社丙项目，拟补助资金50万元。"
    assert found(raw, {"乙合作社": O}) == [("Grant", 500_000, None, "乙合作社", None)]


def test_signers_are_the_closing_lines_of_names():
    a = analysis_of("甲局发布通知。\n甲局  乙局\n丙公司\n2024年1月2日\n", {"甲局": ("甲局", A), "乙局": ("乙局", A),
                                                                 "丙公司": ("丙公司", C)})
    assert signers(a) == ["甲局", "乙局", "丙公司"]
    assert signers(analysis_of("甲局发布通知。\n联系人：张三\n", {"甲局": ("甲局", A)})) == []


def test_a_branch_glued_to_wei_is_split_off():
    parts = split_glued(Mention(3, 15, "丁州分行为戊己专业合作社", O))
    assert [(m.start, m.text, m.type) for m in parts] == [(3, "丁州分行", C), (8, "戊己专业合作社", O)]
    assert split_glued(Mention(0, 6, "甲行为规范", O))[0].text == "甲行为规范"


def test_a_bare_branch_has_a_place_and_a_bank_head():
    assert is_bare_branch("丁州分行") and is_bare_branch("丁市戊区支行")
    assert not is_bare_branch("甲银行丁州分行") and not is_bare_branch("甲公司丁州分公司")


def extracted(raw: str):
    a = analyse(Document("t", raw, "t"))
    return {e.label for e in a.entities}, [summary(f) for f in a.fundings]


def test_a_bare_branch_of_the_one_bank_lends():
    labels, got = extracted("中国甲乙银行丙省分行加大信贷投放。其中，该行所属丁州分行向戊己科技有限公司发放贷款2000万元。")
    assert "中国甲乙银行丁州分行" in labels
    assert ("Loan", 20_000_000, "中国甲乙银行丁州分行", "戊己科技有限公司", None) in got


def test_a_declared_short_branch_name_names_the_branch():
    labels, got = extracted("中国甲乙银行丙州分行（以下简称甲行丙州分行）向丁戊科技有限公司发放贷款800万元。"
                            "甲行丙州分行表示将继续支持企业。")
    assert ("Loan", 8_000_000, "中国甲乙银行丙州分行", "丁戊科技有限公司", None) in got


def test_a_contact_line_ends_before_the_signers():
    text = normalize("联系人：张三，电话：0123-4567XXXX\n\n甲市财政局\n").text
    assert "XXXX\n" in text


def test_a_proposed_row_is_under_the_rule_the_notice_cites():
    raw = "根据《甲市乙专项资金管理办法》，现予公示。\n一、丙公司丁项目，拟补助资金30万元。\n甲市财政局\n"
    a = analysis_of(raw, {"甲市乙专项资金管理办法": ("甲市乙专项资金管理办法", "Program"),
                          "丙公司": ("丙公司", C), "甲市财政局": ("甲市财政局", A)})
    got = fundings.find_fundings(a)
    assert [(summary(f), f.program) for f in got] == [
        (("Grant", 300_000, "甲市财政局", "丙公司", None), "甲市乙专项资金管理办法")]



def test_a_bare_branch_right_after_its_bank_in_a_story_of_several_banks():
    labels, got = extracted("工商银行六安分行向华拓新材料有限公司发放贷款2亿元。"
                            "徽商银行所属蚌埠分行则为恒远制品股份有限公司核定授信2亿元。")
    assert "徽商银行蚌埠分行" in labels
    assert ("Loan", 200_000_000, "徽商银行蚌埠分行", "恒远制品股份有限公司", None) in got
    # a place after a bank in another clause stays a place
    labels, _ = extracted("工商银行六安分行与徽商银行签约，蚌埠分行随后跟进。")
    assert "徽商银行蚌埠分行" not in labels


def test_a_branch_glued_to_wei_before_a_project_is_split_off():
    labels, got = extracted("此外，国家开发银行山东省分行为单县城乡污水处理提升工程审批贷款4.8亿元。")
    assert {"国家开发银行山东省分行", "单县城乡污水处理提升工程"} <= labels
    assert got[0][:3] == ("Loan", 480_000_000, "国家开发银行山东省分行")


def test_a_row_s_lending_bank_labelled_after_the_sum_lends():
    from test_funding_passes import found
    names = {n: (n, t) for n, t in {"乙公司": "Company", "丙银行丁分行": "Company", "戊银行己分行": "Company"}.items()}
    got = found("4.戊银行己分行发放贷款500万元。\n5.乙公司，小微企业，贷款200万元，经办银行丙银行丁分行，贴息6.2万元。", names)
    assert ("Loan", 2_000_000, "丙银行丁分行", "乙公司", None) in got


def test_a_claim_auction_s_headline_names_the_creditor_of_each_company_s_claim():
    raw = ("甲银行乙分行不良贷款债权拍卖公告\n一、拍卖标的（金额单位为人民币元）\n"
           "1．丙机械有限公司债权：借款本金500,000.00元，债权合计620,000.00元。")
    got = [summary(f) for f in fundings.find_fundings(analysis_of(raw, {"甲银行乙分行": ("甲银行乙分行", C),
                                                                      "丙机械有限公司": ("丙机械有限公司", C)}))]
    assert ("Debt", 620_000, "甲银行乙分行", "丙机械有限公司", None) in got
