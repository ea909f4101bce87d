"""Fundings (kg.extract.fundings) on sentences we write, one table per pattern.

Mentions are made by hand with `annotate` from test_relations, so these tests run without
the mention and resolution stages.
"""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.fundings import find_fundings
from kg.model import Sentence
from test_relations import A, C, G, J, O, P, analysis_of, annotate

ARTICLE_DATE = "2020-07-02"


def fundings_of(raw: str, names: dict, date: str | None = ARTICLE_DATE):
    return find_fundings(analysis_of(raw, names, date=date))


def summary(f) -> tuple:
    return (f.type, int(f.amount) if f.amount is not None else None, f.provider, f.recipient, f.facilitator)


# Each pattern of the issue: (sentence, names, expected (type, amount, provider, recipient, facilitator)).
PATTERNS = [
    # A某团队完成的B项目获一等奖，奖金X: prize money to the body whose work won
    ("其中，甲研究院某团队完成的乙技术项目获一等奖，奖金20万元。",
     {"甲研究院": ("甲研究院", O), "乙技术项目": ("乙技术项目", J)},
     ("Grant", 200_000, None, "甲研究院", None)),
    # A下发的X补助款打到了B账户
    ("6月30日,甲省财政厅下发的580万元设备合同补助款打到了乙信息技术有限公司账户。",
     {"甲省财政厅": ("甲省财政厅", A), "乙信息技术有限公司": ("乙信息技术有限公司", C)},
     ("Grant", 5_800_000, "甲省财政厅", "乙信息技术有限公司", None)),
    # A向B发放X贷款
    ("丙银行丁县支行向戊农机有限公司发放贷款300万元。",
     {"丙银行丁县支行": ("丙银行丁县支行", C), "戊农机有限公司": ("戊农机有限公司", C)},
     ("Loan", 3_000_000, "丙银行丁县支行", "戊农机有限公司", None)),
    # B向A申请X贷款: A lends
    ("己饮品有限公司资金紧张。该企业向庚银行辛县支行申请100万元贷款。",
     {"己饮品有限公司": ("己饮品有限公司", C), "庚银行辛县支行": ("庚银行辛县支行", C)},
     ("Loan", 1_000_000, "庚银行辛县支行", "己饮品有限公司", None)),
    # A为B争取X贷款: A only facilitates
    ("壬海洋馆恢复营业。癸市文旅局为企业争取的1500万元稳企稳岗贷款,让壬海洋馆渡过难关。",
     {"壬海洋馆": ("壬海洋馆", C), "癸市文旅局": ("癸市文旅局", A)},
     ("Loan", 15_000_000, None, "壬海洋馆", "癸市文旅局")),
    # B获得A的X补助
    ("甲机械有限公司获得了乙区政府的50万元奖励。",
     {"甲机械有限公司": ("甲机械有限公司", C), "乙区政府": ("乙区政府", A)},
     ("Grant", 500_000, "乙区政府", "甲机械有限公司", None)),
    # 为B减免X
    ("丙区资产中心为丁种业有限公司减免房租9000元。",
     {"丙区资产中心": ("丙区资产中心", A), "丁种业有限公司": ("丁种业有限公司", C)},
     ("Relief", 9000, "丙区资产中心", "丁种业有限公司", None)),
    # A拥有B债权X
    ("戊资产管理公司拥有己房地产开发有限公司债权合计总额80645.06万元。",
     {"戊资产管理公司": ("戊资产管理公司", C), "己房地产开发有限公司": ("己房地产开发有限公司", C)},
     ("Debt", 806_450_600, "戊资产管理公司", "己房地产开发有限公司", None)),
    # 总投资X: an Investment by the project's developers
    ("庚星空项目由辛电商基地有限公司和壬新区管委会共同建设,总投资3亿元。",
     {"庚星空项目": ("庚星空项目", J), "辛电商基地有限公司": ("辛电商基地有限公司", C),
      "壬新区管委会": ("壬新区管委会", A)},
     ("Investment", 300_000_000, "辛电商基地有限公司", None, None)),
    # The subject invests: 筹措资金X购置
    ("今年1月末,癸科技有限公司多方筹措资金2200万元购置口罩生产设备。",
     {"癸科技有限公司": ("癸科技有限公司", C)},
     ("Investment", 22_000_000, "癸科技有限公司", None, None)),
    # 为企业减少电费支出: 企业 is generic here (the only company is the provider)
    ("记者从甲供电公司获悉,该公司积极落实优惠政策,为企业减少电费支出1.59亿元。",
     {"甲供电公司": ("甲供电公司", C)},
     ("Relief", 159_000_000, "甲供电公司", None, None)),
    # 安排…资金X: funds set aside for a purpose the cue names
    ("乙市财政局安排抗旱救灾资金3000万元。", {"乙市财政局": ("乙市财政局", A)},
     ("Grant", 30_000_000, "乙市财政局", None, None)),
    ("乙市财政局安排贷款贴息资金860万元。", {"乙市财政局": ("乙市财政局", A)},
     ("InterestSubsidy", 8_600_000, "乙市财政局", None, None)),
    # 贴息 with an amount to a named party
    ("乙市财政局为丙食品有限公司贴息120万元。",
     {"乙市财政局": ("乙市财政局", A), "丙食品有限公司": ("丙食品有限公司", C)},
     ("InterestSubsidy", 1_200_000, "乙市财政局", "丙食品有限公司", None)),
    # 甲区投向乙公司项目的资金: the place pays, the company whose project it is receives
    ("单是去年一年，己区投向庚公司项目的扶持资金便已达1.3亿元。",
     {"己区": ("己区", "Place"), "庚公司": ("庚公司", C)},
     ("Grant", 130_000_000, "己区", "庚公司", None)),
    # 安排的资金: funds a public body sets aside
    ("今年辛厅统筹安排的资金已超过110亿元。", {"辛厅": ("辛厅", A)},
     ("Grant", 11_000_000_000, "辛厅", None, None)),
    # 获补X: the subject received a subsidy
    ("丁公司终于拿到戊局拨付的补贴资金,丁公司此次合计获补120.5万元。",
     {"丁公司": ("丁公司", C), "戊局": ("戊局", A)},
     ("Grant", 1_205_000, "戊局", "丁公司", None)),
    # 捐款X: a gift from the donor
    ("灾情发生后，甲建材有限公司捐款200万元。", {"甲建材有限公司": ("甲建材有限公司", C)},
     ("Grant", 2_000_000, "甲建材有限公司", None, None)),
]


@pytest.mark.parametrize("raw,names,expected", PATTERNS)
def test_funding_patterns(raw, names, expected):
    (funding,) = fundings_of(raw, names)
    assert summary(funding) == expected
    assert funding.evidence.sentence in raw


# Rates, caps, per-head rules, ranges, thresholds and counts are never a party's funding.
NOT_FUNDINGS = [
    "对总投资500万元以上新建的工业项目给予贴息。",
    "按每人200元标准给予人力资源服务机构奖励。",
    "按在本市停留过夜游客每名每天最高50元标准给予补助。",
    "给予10万元至500万元投资补助。",
    "给予2020年新贷款额50%的贷款贴息。",
    "甲区暂扣违停车辆近6000辆。",
    "这些成本算下来,一天就要20万元。",
    "年租金是36000元。",
    "未来3年创造产值10亿元。",
    "对吸纳高校毕业生的企业，每吸纳1人奖励800元。",
    "种植中药材的农户每亩补贴300元。",
    "甲县将为入驻企业提供不低于30万元的补贴。",
    "将为全省外贸企业提供不低于50亿元的授信。",
    "该行小微企业贷款余额首次突破百亿元。",
]


@pytest.mark.parametrize("raw", NOT_FUNDINGS)
def test_not_fundings(raw):
    assert fundings_of(raw, {}) == []


def test_a_repeated_amount_is_one_funding_with_the_best_parties():
    raw = ("1500万贷款助甲海洋馆渡难关\n甲海洋馆恢复营业。乙市文旅局为企业争取的1500万元稳企稳岗贷款帮了大忙。"
           "乙市文旅局主动对接,协助企业获得了1500万元的稳企稳岗贷款。")
    names = {"甲海洋馆": ("甲海洋馆", C), "乙市文旅局": ("乙市文旅局", A)}
    (funding,) = fundings_of(raw, names)
    assert summary(funding) == ("Loan", 15_000_000, None, "甲海洋馆", "乙市文旅局")


def test_one_amount_told_for_two_projects_is_two_fundings():
    raw = "代表性项目有总投资25亿元的甲项目、总投资10亿元的乙项目、总投资25亿元的丙项目。"
    names = {n: (n, J) for n in ("甲项目", "乙项目", "丙项目")}
    assert [(int(f.amount), f.project) for f in fundings_of(raw, names)] == [
        (2_500_000_000, "甲项目"), (1_000_000_000, "乙项目"), (2_500_000_000, "丙项目")]


def test_one_amount_told_twice_with_other_parties_is_two_fundings():
    raw = "甲银行为丙项目投放贷款5亿元。各银行加大投放贷款。其中,乙公司、丁公司两家企业分别拿到5亿元和6000万元贷款。"
    names = {"甲银行": ("甲银行", C), "丙项目": ("丙项目", J), "乙公司": ("乙公司", C), "丁公司": ("丁公司", C)}
    assert [summary(f) for f in fundings_of(raw, names)] == [
        ("Loan", 500_000_000, "甲银行", None, None), ("Loan", 500_000_000, None, "乙公司", None),
        ("Loan", 60_000_000, None, "丁公司", None)]


def test_a_headline_repeats_the_body_sum_whatever_it_names():
    raw = "总投资5亿元 甲项目落户\n乙公司投资建设丙项目,总投资5亿元。"
    names = {"甲项目": ("甲项目", J), "乙公司": ("乙公司", C), "丙项目": ("丙项目", J)}
    assert [summary(f) for f in fundings_of(raw, names)] == [("Investment", 500_000_000, "乙公司", None, None)]


def test_a_part_of_the_previous_funding_inherits_its_parties_and_date():
    raw = "记者14日从甲供电公司获悉,该公司为企业减少电费支出1.59亿元。其中,为420户大工业客户减少基本电费支出2000万元。"
    fundings = fundings_of(raw, {"甲供电公司": ("甲供电公司", C)}, "2020-03-20")
    assert [(int(f.amount), f.provider, f.date) for f in fundings] == [
        (159_000_000, "甲供电公司", "2020-03-14"), (20_000_000, "甲供电公司", "2020-03-14")]


def test_amount_text_flag_date_program_and_project():
    raw = "今年1月末,按照《乙市稳企若干措施》,甲市财政局为丙项目拨付扶持资金2000余万元。"
    names = {"乙市稳企若干措施": ("乙市稳企若干措施", G), "甲市财政局": ("甲市财政局", A),
             "丙项目": ("丙项目", J)}
    (funding,) = fundings_of(raw, names)
    assert (funding.amount, funding.amount_text, funding.approximate, funding.date) == \
        (Decimal(20_000_000), "2000余万元", True, "2020-01")
    assert (funding.program, funding.project, funding.provider) == ("乙市稳企若干措施", "丙项目", "甲市财政局")


def test_a_loan_borrowed_by_the_subject():
    raw = "丁农机有限公司去年获得贷款80万元。"
    (funding,) = fundings_of(raw, {"丁农机有限公司": ("丁农机有限公司", C)})
    assert (funding.provider, funding.recipient) == (None, "丁农机有限公司")


def test_sentences_without_cue_or_money_are_skipped():
    assert fundings_of("甲局召开会议。乙公司获得贷款支持。", {"甲局": ("甲局", A), "乙公司": ("乙公司", C)}) == []


def test_an_agency_that_helps_is_not_the_borrower():
    raw = "正当企业犯愁的时候,甲市文旅部门主动对接,协助企业获得了1500万元的稳企稳岗贷款。"
    (funding,) = fundings_of(raw, {"甲市文旅部门": ("甲市文旅局", A)})
    assert (funding.provider, funding.recipient) == (None, None)


# References, parties from other clauses, interest subsidies, investors, debts.
MORE_PATTERNS = [
    # 该公司 after a bank in its own clause is the borrower, not the bank
    ("甲泵业有限公司扩建厂房。乙银行丙县支行向该公司发放200万元贷款。",
     {"甲泵业有限公司": ("甲泵业有限公司", C), "乙银行丙县支行": ("乙银行丙县支行", C)},
     ("Loan", 2_000_000, "乙银行丙县支行", "甲泵业有限公司", None)),
    # a bank named in the sentence before is not 该公司
    ("丁纺织有限公司接到订单。戊银行己县支行向该公司授信5000万元。此外,庚银行还向该公司授信1亿元。",
     {"丁纺织有限公司": ("丁纺织有限公司", C), "戊银行己县支行": ("戊银行己县支行", C),
      "庚银行": ("庚银行", C)},
     ("Loan", 100_000_000, "庚银行", "丁纺织有限公司", None)),
    # a name that only modifies (以X的专利作质押) is not the lender
    ("辛光电有限公司研发新品。壬银行以辛光电有限公司的5项专利作质押,向该公司发放贷款800万元。",
     {"辛光电有限公司": ("辛光电有限公司", C), "壬银行": ("壬银行", C)},
     ("Loan", 8_000_000, "壬银行", "辛光电有限公司", None)),
    # the provider is the subject of an earlier clause: X厅下达资金，Y获得奖补
    ("癸省工信厅下达技改奖补资金,甲材料有限公司获得奖补260万元。",
     {"癸省工信厅": ("癸省工信厅", A), "甲材料有限公司": ("甲材料有限公司", C)},
     ("Grant", 2_600_000, "癸省工信厅", "甲材料有限公司", None)),
    # a sum granted to a party (verb + 给): 由X批复给Y的贷款
    ("由丁银行批复给戊食品有限公司的500万元贷款已经到账。",
     {"丁银行": ("丁银行", C), "戊食品有限公司": ("戊食品有限公司", C)},
     ("Loan", 5_000_000, "丁银行", "戊食品有限公司", None)),
    # 分得 / 获补 also make the subject the recipient, not the payer
    ("乙区财政局下达电价补贴资金,丙电器有限公司从中分得电价补贴31万元。",
     {"乙区财政局": ("乙区财政局", A), "丙电器有限公司": ("丙电器有限公司", C)},
     ("Grant", 310_000, "乙区财政局", "丙电器有限公司", None)),
    ("乙区商务局对企业的保费给予补助,丙电器有限公司获得保费补助12万元。",
     {"乙区商务局": ("乙区商务局", A), "丙电器有限公司": ("丙电器有限公司", C)},
     ("Grant", 120_000, "乙区商务局", "丙电器有限公司", None)),
    # interest subsidy: the agency that gives it, to the borrower (not the bank)
    ("丁银行向戊食品有限公司发放贷款900万元,己区财政局给予贴息27万元。",
     {"丁银行": ("丁银行", C), "戊食品有限公司": ("戊食品有限公司", C), "己区财政局": ("己区财政局", A)},
     ("InterestSubsidy", 270_000, "己区财政局", "戊食品有限公司", None)),
    # a saving that a 贴息 explains is the interest subsidy
    ("庚银行向辛包装有限公司发放贷款600万元,壬区财政局按利息的一半给予贴息,一年可为企业节省财务费用约9万元。",
     {"庚银行": ("庚银行", C), "辛包装有限公司": ("辛包装有限公司", C), "壬区财政局": ("壬区财政局", A)},
     ("InterestSubsidy", 90_000, "壬区财政局", "辛包装有限公司", None)),
    # a signing with a government: the company invests
    ("癸县人民政府与甲重工有限公司签约,总投资12亿元的甲重工装备园项目落户该县。",
     {"癸县人民政府": ("癸县人民政府", A), "甲重工有限公司": ("甲重工有限公司", C),
      "甲重工装备园项目": ("甲重工装备园项目", J)},
     ("Investment", 1_200_000_000, "甲重工有限公司", None, None)),
    # relief handled for a party: 为X办理退税
    ("乙市税务局已为丙电池有限公司办理留抵退税700万元。",
     {"乙市税务局": ("乙市税务局", A), "丙电池有限公司": ("丙电池有限公司", C)},
     ("Relief", 7_000_000, "乙市税务局", "丙电池有限公司", None)),
    # a court orders the debtor to pay the creditor
    ("丁市中级人民法院判决戊置业有限公司向己建工有限公司支付拖欠的工程款350万元。",
     {"丁市中级人民法院": ("丁市中级人民法院", A), "戊置业有限公司": ("戊置业有限公司", C),
      "己建工有限公司": ("己建工有限公司", C)},
     ("Debt", 3_500_000, "己建工有限公司", "戊置业有限公司", None)),
    # 对方 is the other party of the clause before
    ("庚电子有限公司向辛通信有限公司供应了一批芯片,对方拖欠货款90万元。",
     {"庚电子有限公司": ("庚电子有限公司", C), "辛通信有限公司": ("辛通信有限公司", C)},
     ("Debt", 900_000, "庚电子有限公司", "辛通信有限公司", None)),
    # a claim bought: 收购了X的债权
    ("壬资产管理公司收购了癸钢构有限公司的不良债权共计2亿元。",
     {"壬资产管理公司": ("壬资产管理公司", C), "癸钢构有限公司": ("癸钢构有限公司", C)},
     ("Debt", 200_000_000, "壬资产管理公司", "癸钢构有限公司", None)),
    # the project's developer invests and receives
    ("甲渔业有限公司投资建设的乙养殖船项目开工。该项目总投资3亿元,由丙船舶有限公司承建。",
     {"甲渔业有限公司": ("甲渔业有限公司", C), "乙养殖船项目": ("乙养殖船项目", J),
      "丙船舶有限公司": ("丙船舶有限公司", C)},
     ("Investment", 300_000_000, "甲渔业有限公司", None, None)),
    # the company invested in after 向 and where it stands (位于甲县的)
    ("乙基金向位于丙县的丁科技有限公司投资7200万元。",
     {"乙基金": ("乙基金", C), "丙县": ("丙县", "Place"), "丁科技有限公司": ("丁科技有限公司", C)},
     ("Investment", 72_000_000, "乙基金", "丁科技有限公司", None)),
    # a field's label names the sum that is its value
    ("1.甲装备有限公司,经办银行:乙银行丙分行,贷款金额:250万元。",
     {"甲装备有限公司": ("甲装备有限公司", C), "乙银行丙分行": ("乙银行丙分行", C)},
     ("Loan", 2_500_000, "乙银行丙分行", "甲装备有限公司", None)),
    # a clause that only totals takes the flow the clause before names
    ("丁区财政局拟对9户借款人拨付贴息资金，合计61200元。", {"丁区财政局": ("丁区财政局", A)},
     ("InterestSubsidy", 61_200, "丁区财政局", None, None)),
    # a syndicate applied to: the applicant borrows, the lead bank lends; a loan's total 不超过 is its sum
    ("乙公司拟向以甲银行为牵头行、丙银行为成员行的银团申请贷款,贷款总额不超过人民币15亿元。",
     {"乙公司": ("乙公司", C), "甲银行": ("甲银行", C), "丙银行": ("丙银行", C)},
     ("Loan", 1_500_000_000, "甲银行", "乙公司", None)),
    # the subject that 享受 a subsidy receives it, though it invested a sum before
    ("甲农机专业合作社今年投资240万元购置农机,享受农机购置补贴资金71.5万元。",
     {"甲农机专业合作社": ("甲农机专业合作社", "Organization")}, ("Grant", 715_000, None, "甲农机专业合作社", None)),
    # what a company 所欠 is its debt
    ("甲公司所欠95名职工的工资共计430万元。", {"甲公司": ("甲公司", C)}, ("Debt", 4_300_000, None, "甲公司", None)),
    # an insurer's cover (承保的) is no thing it made and is rewarded for: it pays the claims
    ("甲保险公司承保的玉米种植险覆盖40户农户，已支付赔款188万元。",
     {"甲保险公司": ("甲保险公司", C)}, ("Grant", 1_880_000, "甲保险公司", None, None)),
    # a counted class right before the receiving verb receives; the insurer before it pays
    ("甲保险公司完成理赔 1500户农户获赔960万元",
     {"甲保险公司": ("甲保险公司", C)}, ("Grant", 9_600_000, "甲保险公司", None, None)),
]


@pytest.mark.parametrize("raw,names,expected", MORE_PATTERNS)
def test_more_funding_patterns(raw, names, expected):
    found = fundings_of(raw, names)
    assert expected in [summary(f) for f in found]


def test_a_claim_told_again_takes_the_parties_named_before():
    names = {"丁资产管理公司": ("丁资产管理公司", C), "戊置业有限公司": ("戊置业有限公司", C)}
    raw = "丁资产管理公司拟处置其持有的戊置业有限公司债权。截至6月20日,该笔债权本金余额1.5亿元。"
    assert [summary(f) for f in fundings_of(raw, names)] == [
        ("Debt", 150_000_000, "丁资产管理公司", "戊置业有限公司", None)]


def test_a_part_takes_the_provider_of_the_whole():
    names = {"己省科技厅": ("己省科技厅", A), "庚装备有限公司": ("庚装备有限公司", C)}
    raw = "己省科技厅近日下达研发后补助资金,全市企业获得补助1亿元。其中,庚装备有限公司获得补助80万元。"
    assert ("Grant", 800_000, "己省科技厅", "庚装备有限公司", None) in \
        [summary(f) for f in fundings_of(raw, names)]


def test_the_parts_of_a_total_take_even_a_weak_cue_of_the_total_s():
    names = {"庚合作社": ("庚合作社", "Organization"), "辛家庭农场": ("辛家庭农场", C)}
    got = [summary(f) for f in fundings_of("安排96万元，其中庚合作社60万元、辛家庭农场36万元。", names)]
    assert ("Grant", 600_000, None, "庚合作社", None) in got and ("Grant", 360_000, None, "辛家庭农场", None) in got


def test_a_sum_that_each_of_several_reached_is_no_funding():
    names = {"辛机械有限公司": ("辛机械有限公司", C), "壬粮机有限公司": ("壬粮机有限公司", C)}
    assert fundings_of("辛机械有限公司、壬粮机有限公司获得的补助均超过100万元。", names) == []


# Parties from the sentences around, references, lenders, places and projects.
CONTEXT_PATTERNS = [
    # the receiving account names the recipient; 拨付这笔资金的是X names the payer afterwards
    ("一笔90万元的研发补助资金打进了甲光学有限公司的账户。拨付这笔资金的是乙市科技局。",
     {"甲光学有限公司": ("甲光学有限公司", C), "乙市科技局": ("乙市科技局", A)},
     ("Grant", 900_000, "乙市科技局", "甲光学有限公司", None)),
    # a cleft two sentences on, after the speaker's line: 给企业办理这笔退税的，是X
    ("“300万元退税款到账后，我们添了设备。”丙纺机有限公司经理周明说。给企业办理这笔退税的，是丁区税务局。",
     {"丙纺机有限公司": ("丙纺机有限公司", C), "周明": ("周明", "Person"), "丁区税务局": ("丁区税务局", A)},
     ("Relief", 3_000_000, "丁区税务局", "丙纺机有限公司", None)),
    # 欠付X: the subject owes the creditor named after the verb
    ("戊城建集团有限公司在管网改造中累计欠付己管业有限公司货款二百四十万元。",
     {"戊城建集团有限公司": ("戊城建集团有限公司", C), "己管业有限公司": ("己管业有限公司", C)},
     ("Debt", 2_400_000, "己管业有限公司", "戊城建集团有限公司", None)),
    # 我公司 in a notice is the body that opens it
    ("庚资产管理公司拟转让对辛置业有限公司的债权。截至3月末，我公司拥有辛置业有限公司债权本金人民币贰仟万元。",
     {"庚资产管理公司": ("庚资产管理公司", C), "辛置业有限公司": ("辛置业有限公司", C)},
     ("Debt", 20_000_000, "庚资产管理公司", "辛置业有限公司", None)),
    # a bank that signed an agreement in the sentence before lends
    ("壬县税务局与癸银行壬县支行签订合作协议，以纳税信用发放信用贷款。甲木业有限公司随后拿到了80万元信用贷款。",
     {"壬县税务局": ("壬县税务局", A), "癸银行壬县支行": ("癸银行壬县支行", C),
      "甲木业有限公司": ("甲木业有限公司", C)},
     ("Loan", 800_000, "癸银行壬县支行", "甲木业有限公司", None)),
    # 拿到了X发放的贷款: the giver is named before 发放…的
    ("乙果业有限公司拿到了丙农村商业银行发放的60万元贷款。",
     {"乙果业有限公司": ("乙果业有限公司", C), "丙农村商业银行": ("丙农村商业银行", C)},
     ("Loan", 600_000, "丙农村商业银行", "乙果业有限公司", None)),
    # the agency that gives the interest subsidy pays, not the company that saves
    ("丁银行向戊电机有限公司发放贷款1000万元。己市财政局对这笔贷款给予贴息，企业一年可减少财务费用约15万元。",
     {"丁银行": ("丁银行", C), "戊电机有限公司": ("戊电机有限公司", C), "己市财政局": ("己市财政局", A)},
     ("InterestSubsidy", 150_000, "己市财政局", "戊电机有限公司", None)),
    # an interest subsidy told without its sum, its sum in the next sentence
    ("庚银行为辛材料有限公司提供贷款2000万元；壬市财政局对该笔贷款给予贴息。企业测算，今年贴息资金约40万元。",
     {"庚银行": ("庚银行", C), "辛材料有限公司": ("辛材料有限公司", C), "壬市财政局": ("壬市财政局", A)},
     ("InterestSubsidy", 400_000, "壬市财政局", "辛材料有限公司", None)),
    # funds passed down to a county
    ("甲省农业农村厅今年下达乙县产业强镇建设资金800万元。",
     {"甲省农业农村厅": ("甲省农业农村厅", A), "乙县": ("乙县", "Place")},
     ("Grant", 8_000_000, "甲省农业农村厅", "乙县", None)),
    # a district that pays a total
    ("今年以来，丙区累计向辖区企业兑现各类奖补资金5000万元。",
     {"丙区": ("丙区", "Place")},
     ("Grant", 50_000_000, "丙区", None, None)),
    # the body that organises a project invests, not its contractor
    ("该工程由丁市住建局组织实施，戊路桥有限公司施工，总投资3亿元。",
     {"丁市住建局": ("丁市住建局", A), "戊路桥有限公司": ("戊路桥有限公司", C)},
     ("Investment", 300_000_000, "丁市住建局", None, None)),
    # a project's total: the company that signed for it in the sentence before
    ("己县人民政府与庚食品有限公司签约，庚食品加工园项目落户该县。项目总投资5亿元，由辛建工有限公司承建。",
     {"己县人民政府": ("己县人民政府", A), "庚食品有限公司": ("庚食品有限公司", C),
      "庚食品加工园项目": ("庚食品加工园项目", J), "辛建工有限公司": ("辛建工有限公司", C)},
     ("Investment", 500_000_000, "庚食品有限公司", None, None)),
    # a sum in a quote concerns the company of the speaker
    ("“月初就收到了6万元返还款。”壬物流有限公司经理吴芳说。",
     {"壬物流有限公司": ("壬物流有限公司", C), "吴芳": ("吴芳", "Person")},
     ("Relief", 60_000, None, "壬物流有限公司", None)),
]


@pytest.mark.parametrize("raw,names,expected", CONTEXT_PATTERNS)
def test_parties_from_context(raw, names, expected):
    assert expected in [summary(f) for f in fundings_of(raw, names)]


def test_an_interest_subsidy_without_a_sum_on_the_loan_before():
    names = {"癸银行": ("癸银行", C), "甲餐饮有限公司": ("甲餐饮有限公司", C), "乙市财政局": ("乙市财政局", A)}
    raw = "癸银行向甲餐饮有限公司发放贷款200万元，乙市财政局给予全额贴息。"
    assert [summary(f) for f in fundings_of(raw, names)] == [
        ("Loan", 2_000_000, "癸银行", "甲餐饮有限公司", None),
        ("InterestSubsidy", None, "乙市财政局", "甲餐饮有限公司", None)]
    # a condition on a class of loans states the rule of a programme, not a subsidy on that loan
    raw = "癸银行向甲餐饮有限公司发放贷款200万元。乙市财政局对单户1000万元以下的贷款给予50%的贴息。"
    assert [summary(f) for f in fundings_of(raw, names)] == [("Loan", 2_000_000, "癸银行", "甲餐饮有限公司", None)]
    raw = "癸银行向甲餐饮有限公司发放贷款200万元，乙市财政局对该笔贷款按利息的50%给予贴息。"
    assert ("InterestSubsidy", None, "乙市财政局", "甲餐饮有限公司", None) in [summary(f) for f in fundings_of(raw, names)]
    # a sum set aside for the loans of a class, told right after it, goes to no one borrower
    raw = "癸银行向甲餐饮有限公司发放贷款1800万元。乙市财政局安排贷款贴息资金300万元，对小微企业的贷款按年利率2个百分点给予贴息。"
    assert ("InterestSubsidy", 3_000_000, "乙市财政局", None, None) in [summary(f) for f in fundings_of(raw, names)]


NOT_CONTEXT = [
    # a complaint received is no party of the debt found afterwards
    ("丙市人社局接到投诉，工人被拖欠工资。经查，丁建设有限公司共欠付工资50万元。",
     {"丙市人社局": ("丙市人社局", A), "丁建设有限公司": ("丁建设有限公司", C)},
     ("Debt", 500_000, None, "丁建设有限公司", None)),
    # a fine is no funding, though a word of a cue stands in a post before it
    ("对时任甲银行授信审批部总经理张三给予警告并处罚款5万元。", {"甲银行": ("甲银行", C)}, None),
    # a cap written 不超过 is a rule, not a funding
    ("单个企业年度补贴不超过300万元。", {}, None),
    # a place that only names a body (丙区国企) does not pay
    ("丙区国企为商户减免租金200万元。", {"丙区": ("丙区", "Place")}, ("Relief", 2_000_000, None, None, None)),
]


@pytest.mark.parametrize("raw,names,expected", NOT_CONTEXT)
def test_no_party_from_the_wrong_context(raw, names, expected):
    found = [summary(f) for f in fundings_of(raw, names)]
    assert found == ([expected] if expected else [])


# List notices, debt notices, bank releases, court stories and transcripts (one row per pattern).
GENRE_PATTERNS = [
    # a list of payouts: the header names the payer, each row's head receives
    ("名单公布如下，资金由甲市财政局直接拨付至企业账户：\n1.乙材料有限公司（丙区）：实施改造，"
     "拨付技术改造补助50万元。\n2.丁食品有限公司（戊县）：新增贷款200万元，拨付贷款贴息3万元。",
     {"甲市财政局": ("甲市财政局", A), "乙材料有限公司": ("乙材料有限公司", C),
      "丁食品有限公司": ("丁食品有限公司", C)},
     [("Grant", 500_000, "甲市财政局", "乙材料有限公司", None),
      # a loan needs its own lender, not the payer of the list
      ("Loan", 2_000_000, None, "丁食品有限公司", None),
      ("InterestSubsidy", 30_000, "甲市财政局", "丁食品有限公司", None)]),
    # a row's investment is the head's own
    ("资金由甲市财政局拨付：\n1.乙材料有限公司（丙区）：设备投资800万元，拨付补助80万元。",
     {"甲市财政局": ("甲市财政局", A), "乙材料有限公司": ("乙材料有限公司", C)},
     [("Investment", 8_000_000, "乙材料有限公司", None, None),
      ("Grant", 800_000, "甲市财政局", "乙材料有限公司", None)]),
    # a debt notice: the holder named before the list is the creditor, each row's head owes;
    # a guarantor is no party
    ("甲资产管理公司拟对其拥有的乙建材有限公司等2户企业的债权进行转让。债权具体情况如下：\n"
     "一、乙建材有限公司，截至2023年6月20日，债权本金100万元，本息合计150万元。担保人为丁实业有限公司。\n"
     "二、丙轴承有限公司，截至2023年6月20日，本息合计80万元。",
     {"甲资产管理公司": ("甲资产管理公司", C), "乙建材有限公司": ("乙建材有限公司", C),
      "丙轴承有限公司": ("丙轴承有限公司", C), "丁实业有限公司": ("丁实业有限公司", C)},
     [("Debt", 1_000_000, "甲资产管理公司", "乙建材有限公司", None),
      ("Debt", 1_500_000, "甲资产管理公司", "乙建材有限公司", None),
      ("Debt", 800_000, "甲资产管理公司", "丙轴承有限公司", None)]),
    # the bank whose officer acts lends; 企业 borrows
    ("丙模具有限公司资金紧张。甲银行乙支行客户经理上门走访后，为企业核定信用额度，向企业发放信用贷款200万元。",
     {"丙模具有限公司": ("丙模具有限公司", C), "甲银行乙支行": ("甲银行乙支行", C)},
     [("Loan", 2_000_000, "甲银行乙支行", "丙模具有限公司", None)]),
    # 为该公司核定授信, then a first loan in the next clause
    ("丁零部件有限公司启动新线。戊银行己支行为该公司核定综合授信5000万元，并于8月发放首笔技改贷款1000万元。",
     {"丁零部件有限公司": ("丁零部件有限公司", C), "戊银行己支行": ("戊银行己支行", C)},
     [("Loan", 50_000_000, "戊银行己支行", "丁零部件有限公司", None),
      ("Loan", 10_000_000, "戊银行己支行", "丁零部件有限公司", None)]),
    # a judgment: the debtor 应向 the creditor pay what it owes
    ("法院经审理判决，甲建设有限公司应向乙安装有限公司支付拖欠的工程款100万元。",
     {"甲建设有限公司": ("甲建设有限公司", C), "乙安装有限公司": ("乙安装有限公司", C)},
     [("Debt", 1_000_000, "乙安装有限公司", "甲建设有限公司", None)]),
    # a claim held against a project owner
    ("法院查明，甲建设有限公司对项目业主丙开发有限公司享有已到期的工程款债权约30万元。",
     {"甲建设有限公司": ("甲建设有限公司", C), "丙开发有限公司": ("丙开发有限公司", C)},
     [("Debt", 300_000, "甲建设有限公司", "丙开发有限公司", None)]),
    # a transcript: the speaker's department pays what its turn reports without a payer
    ("孙丽（甲省财政厅副厅长）：\n今年，省财政安排专项资金2亿元。比如，乙科技有限公司获得奖补资金300万元。",
     {"甲省财政厅": ("甲省财政厅", A), "孙丽": ("孙丽", P), "乙科技有限公司": ("乙科技有限公司", C)},
     [("Grant", 200_000_000, "甲省财政厅", None, None),
      ("Grant", 3_000_000, "甲省财政厅", "乙科技有限公司", None)]),
    # the host's turn has no department
    ("孙丽（甲省财政厅副厅长）：\n介绍情况。\n主持人：\n比如，乙科技有限公司获得奖补资金300万元。",
     {"甲省财政厅": ("甲省财政厅", A), "孙丽": ("孙丽", P), "乙科技有限公司": ("乙科技有限公司", C)},
     [("Grant", 3_000_000, None, "乙科技有限公司", None)]),
]


@pytest.mark.parametrize("raw,names,expected", GENRE_PATTERNS)
def test_genre_patterns(raw, names, expected):
    # Lines are sentences too, as kg.extract.normalize splits them (a list header ends with a colon).
    _, sentences, _, _ = annotate(raw, names)
    lines = []
    for s in sentences:
        start = s.start
        for line in s.text.split("\n"):
            if line:
                lines.append(Sentence(start, start + len(line), line))
            start += len(line) + 1
    found = find_fundings(analysis_of(raw, names, lines, ARTICLE_DATE))
    assert [summary(f) for f in found] == expected


# A sum offered to a class of parties by a policy is a rule, not a flow.
@pytest.mark.parametrize("raw", [
    "对新认定的省级智能工厂企业，给予一次性奖励30万元。",
    "二、对年度营业收入首次突破2000万元的规模以上工业企业，给予一次性奖励20万元。",
])
def test_a_sum_offered_to_a_class_is_a_rule(raw):
    assert fundings_of(raw, {}) == []


# Patterns of regional newspaper pages: tax relief totals, subsidies after a payer named
# earlier in the story, lists of borrowers, products in the place of a party.
PAGE_PATTERNS = [
    # a tax relief total reported by the tax bureau the news cites
    ("记者从甲市税务局获悉,今年一季度,全市新增减税降费3.2亿元。",
     {"甲市税务局": ("甲市税务局", A)},
     ("Relief", 320_000_000, "甲市税务局", None, None)),
    # a deferral of social insurance for a company
    ("乙区社保中心为丙金属有限公司办理了社会保险费缓缴,缓缴金额12.5万元。",
     {"乙区社保中心": ("乙区社保中心", A), "丙金属有限公司": ("丙金属有限公司", C)},
     ("Relief", 125_000, "乙区社保中心", "丙金属有限公司", None)),
    # a state company that belongs to a government waives rents: the government is no recipient
    ("丁城投作为区政府所属的国有企业,已为60户承租企业减免房租共计150万元。",
     {"丁城投": ("丁城投", C), "区政府": ("丁区人民政府", A)},
     ("Relief", 1_500_000, "丁城投", None, None)),
    # a total lent to listed companies: the first of them stands for the list
    ("戊银行己市分行已累计为庚铸造有限公司、辛物流有限公司等100余户市场主体投放贷款8亿元。",
     {"戊银行己市分行": ("戊银行己市分行", C), "庚铸造有限公司": ("庚铸造有限公司", C),
      "辛物流有限公司": ("辛物流有限公司", C)},
     ("Loan", 800_000_000, "戊银行己市分行", "庚铸造有限公司", None)),
    # a loan asked for through a named product: the product is no party
    ("今年3月，壬米业有限公司急需资金，通过“壬税贷”向癸银行壬市分行申请贷款200万元。",
     {"壬米业有限公司": ("壬米业有限公司", C), "壬税贷": ("壬税贷", G),
      "癸银行壬市分行": ("癸银行壬市分行", C)},
     ("Loan", 2_000_000, "癸银行壬市分行", "壬米业有限公司", None)),
    # a claim a bank plans to sell: the debtor is named before the amount's sentence
    ("甲银行乙分行拟将其对丙粮贸有限公司享有的债权依法转让。截至6月20日，债权本金余额1200万元。",
     {"甲银行乙分行": ("甲银行乙分行", C), "丙粮贸有限公司": ("丙粮贸有限公司", C)},
     ("Debt", 12_000_000, "甲银行乙分行", "丙粮贸有限公司", None)),
    # a company that gains a subsidy paid by the unit the story named for that subsidy
    ("丁市就业中心已向全市200户企业发放以工代训补贴2000万元。戊铸造有限公司今年组织300名职工开展以工代训,获得补贴18万元。",
     {"丁市就业中心": ("丁市就业中心", A), "戊铸造有限公司": ("戊铸造有限公司", C)},
     ("Grant", 180_000, "丁市就业中心", "戊铸造有限公司", None)),
    # the bank that lends does not pay the interest subsidy of its loan
    ("己市财政局将首批贷款贴息资金拨付至企业账户。庚银行己市分行为庚精工有限公司发放贷款900万元,企业由此获得贴息资金15万元。",
     {"己市财政局": ("己市财政局", A), "庚银行己市分行": ("庚银行己市分行", C),
      "庚精工有限公司": ("庚精工有限公司", C)},
     ("InterestSubsidy", 150_000, "己市财政局", "庚精工有限公司", None)),
]


@pytest.mark.parametrize("raw,names,expected", PAGE_PATTERNS)
def test_page_patterns(raw, names, expected):
    assert expected in [summary(f) for f in fundings_of(raw, names)]


def test_a_place_that_locates_applicants_pays_nothing():
    raw = "据了解,辛市保险中心开辟网上通道,企业即可申领稳岗返还。截至目前,壬区已有900户企业申领稳岗返还资金共计800万元。"
    names = {"辛市保险中心": ("辛市保险中心", A), "壬区": ("壬区", "Place")}
    assert [summary(f) for f in fundings_of(raw, names)] == [
        ("Relief", 8_000_000, "辛市保险中心", None, None)]


# Loan products in quotes, the principal owed on a loan, payees after 向 with the payer before.
MORE_PARTIES = [
    # a loan product named in quotes is a loan cue
    ("庚农商银行今年推出信贷产品，截至9月底已累计发放“丰收贷”3亿元。",
     {"庚农商银行": ("庚农商银行", C)},
     ("Loan", 300_000_000, "庚农商银行", None, None)),
    # a part after 其中: the payee after 向, the lender of the whole
    ("壬农商银行已累计发放“兴农贷”1.5亿元。其中，向辛县黄牛养殖专业合作社发放贷款60万元。",
     {"壬农商银行": ("壬农商银行", C), "辛县黄牛养殖专业合作社": ("辛县黄牛养殖专业合作社", "Organization")},
     ("Loan", 600_000, "壬农商银行", "辛县黄牛养殖专业合作社", None)),
    # a county after 向 receives what is passed down
    ("甲省财政厅下达农村公路养护补助资金，其中向乙县拨付危桥改造补助资金900万元。",
     {"甲省财政厅": ("甲省财政厅", A), "乙县": ("乙县", "Place")},
     ("Grant", 9_000_000, "甲省财政厅", "乙县", None)),
    # a subsidy as a part of a project's investment goes to the investor
    ("这个项目由庚村股份经济合作社投资建设，总投资300万元，其中县里争取的扶持资金补助80万元。",
     {"庚村股份经济合作社": ("庚村股份经济合作社", "Organization")},
     ("Grant", 800_000, None, "庚村股份经济合作社", None)),
    # the other names of a list of recipients never pay
    ("辛市人社局审核了缓缴申请，壬印刷有限公司、癸餐饮有限公司等20家企业获批缓缴社保费，缓缴金额合计900万元。",
     {"辛市人社局": ("辛市人社局", A), "壬印刷有限公司": ("壬印刷有限公司", C),
      "癸餐饮有限公司": ("癸餐饮有限公司", C)},
     ("Relief", 9_000_000, "辛市人社局", "壬印刷有限公司", None)),
    # the agency cited as the source of the sentence before pays the grants it tells of
    ("记者从甲省财政厅了解到，首批产业发展专项资金已于近日下达。其中，乙装备有限公司获得研发补助资金300万元。",
     {"甲省财政厅": ("甲省财政厅", A), "乙装备有限公司": ("乙装备有限公司", C)},
     ("Grant", 3_000_000, "甲省财政厅", "乙装备有限公司", None)),
    # 从X拿到贷款: X lends, the body of the person who got it borrows
    ("日前，甲县柑橘专业合作社理事长张国庆从乙农村商业银行丙支行拿到了80万元贷款。",
     {"甲县柑橘专业合作社": ("甲县柑橘专业合作社", "Organization"), "张国庆": ("张国庆", P),
      "乙农村商业银行丙支行": ("乙农村商业银行丙支行", C)},
     ("Loan", 800_000, "乙农村商业银行丙支行", "甲县柑橘专业合作社", None)),
    # a subsidy paid to a counted class does not go to the borrower of the loan told before
    ("丁农商银行向戊养殖专业合作社发放贷款50万元。己县财政局对符合条件的合作社贷款给予贴息，今年已为全县30家合作社贴息60万元。",
     {"丁农商银行": ("丁农商银行", C), "戊养殖专业合作社": ("戊养殖专业合作社", "Organization"),
      "己县财政局": ("己县财政局", A)},
     ("InterestSubsidy", 600_000, "己县财政局", None, None)),
    # the principal of a loan that falls due is a claim of the bank it is held at
    ("丙机械有限公司在丁银行的800万元贷款本金原定6月到期。",
     {"丙机械有限公司": ("丙机械有限公司", C), "丁银行": ("丁银行", C)},
     ("Debt", 8_000_000, "丁银行", "丙机械有限公司", None)),
    # an investment serves no body it helps, unless it is capital put in (served-after)
    ("甲省财政厅累计投资30亿元，助力乙担保集团扩大业务。",
     {"甲省财政厅": ("甲省财政厅", A), "乙担保集团": ("乙担保集团", C)},
     ("Investment", 3_000_000_000, "甲省财政厅", None, None)),
    # a floor of credit committed to a named party is its sum
    ("甲银行乙分行将在三年内向丙市人民政府提供不低于80亿元的意向性融资。",
     {"甲银行乙分行": ("甲银行乙分行", C), "丙市人民政府": ("丙市人民政府", A)},
     ("Loan", 8_000_000_000, "甲银行乙分行", "丙市人民政府", None)),
    # a credit the lender approves for a borrower (role-19: 为…审批 / 批复)
    ("会后，戊银行己分行表示，该行已为庚置业有限公司审批棚改贷款6亿元。",
     {"戊银行己分行": ("戊银行己分行", C), "庚置业有限公司": ("庚置业有限公司", C)},
     ("Loan", 600_000_000, "戊银行己分行", "庚置业有限公司", None)),
]


@pytest.mark.parametrize("raw,names,expected", MORE_PARTIES)
def test_more_parties(raw, names, expected):
    assert expected in [summary(f) for f in fundings_of(raw, names)]


def test_a_subsidy_with_its_sum_in_the_sentence_is_told_once():
    raw = ("丁农商银行向戊养殖专业合作社发放贷款50万元。己县财政局对符合条件的合作社贷款给予贴息，"
           "今年已为全县30家合作社贴息60万元。")
    names = {"丁农商银行": ("丁农商银行", C), "戊养殖专业合作社": ("戊养殖专业合作社", "Organization"),
             "己县财政局": ("己县财政局", A)}
    assert [f.amount for f in fundings_of(raw, names) if f.type == "InterestSubsidy"] == [600_000]


def test_a_bare_noun_that_states_a_rule_is_no_borrower():
    raw = ("戊食品有限公司扩产。己银行推出“订单贷”，企业可凭收购订单申请贷款，"
           "今年已向20家加工企业投放贷款1亿元。")
    names = {"戊食品有限公司": ("戊食品有限公司", C), "己银行": ("己银行", C)}
    assert ("Loan", 100_000_000, "己银行", None, None) in [summary(f) for f in fundings_of(raw, names)]


# 分别: the i-th party listed takes the i-th amount.
RESPECTIVE = [
    ("甲银行、乙银行分别向丙机械有限公司、丁食品有限公司发放贷款1800万元和950万元。",
     {"甲银行": ("甲银行", C), "乙银行": ("乙银行", C),
      "丙机械有限公司": ("丙机械有限公司", C), "丁食品有限公司": ("丁食品有限公司", C)},
     [("Loan", 18_000_000, "甲银行", "丙机械有限公司", None),
      ("Loan", 9_500_000, "乙银行", "丁食品有限公司", None)]),
    ("戊农商银行向己米业有限公司、庚木业有限公司分别发放贷款300万元、120万元。",
     {"戊农商银行": ("戊农商银行", C), "己米业有限公司": ("己米业有限公司", C),
      "庚木业有限公司": ("庚木业有限公司", C)},
     [("Loan", 3_000_000, "戊农商银行", "己米业有限公司", None),
      ("Loan", 1_200_000, "戊农商银行", "庚木业有限公司", None)]),
    ("辛纺织有限公司和壬电子有限公司分别获得技改补助60万元和40万元。",
     {"辛纺织有限公司": ("辛纺织有限公司", C), "壬电子有限公司": ("壬电子有限公司", C)},
     [("Grant", 600_000, None, "辛纺织有限公司", None),
      ("Grant", 400_000, None, "壬电子有限公司", None)]),
    # the lender's partners listed after 与 borrow one by one
    ("甲银行与丙发展集团有限公司、丁控股集团有限公司签署合作协议，意向授信额度分别为80亿元、30亿元。",
     {"甲银行": ("甲银行", C), "丙发展集团有限公司": ("丙发展集团有限公司", C),
      "丁控股集团有限公司": ("丁控股集团有限公司", C)},
     [("Loan", 8_000_000_000, "甲银行", "丙发展集团有限公司", None),
      ("Loan", 3_000_000_000, "甲银行", "丁控股集团有限公司", None)]),
]


@pytest.mark.parametrize("raw,names,expected", RESPECTIVE)
def test_respective_amounts(raw, names, expected):
    assert sorted(summary(f) for f in fundings_of(raw, names)) == sorted(expected)


def test_respective_needs_as_many_parties_as_amounts():
    # Two amounts for one listed pair without 分别 stay with the parties the sentence names.
    raw = "甲银行向乙机械有限公司、丙食品有限公司发放贷款共计500万元，其中信用贷款200万元。"
    names = {"甲银行": ("甲银行", C), "乙机械有限公司": ("乙机械有限公司", C),
             "丙食品有限公司": ("丙食品有限公司", C)}
    assert {f.recipient for f in fundings_of(raw, names)} == {"乙机械有限公司"}


def test_a_total_of_counted_loans_is_a_loan():
    raw = "甲银行为乙粮油有限公司发放流动资金贷款3笔，合计600万元。"
    names = {"甲银行": ("甲银行", C), "乙粮油有限公司": ("乙粮油有限公司", C)}
    assert [summary(f) for f in fundings_of(raw, names)] == [("Loan", 6_000_000, "甲银行", "乙粮油有限公司", None)]


# Recipients named away from the verb: after the sum's own object, as a place whose works a
# lender serves, or after a counted borrower (一家企业) in the sentence or the next one.
FAR_RECIPIENTS = [
    ("甲银行乙支行发放的300万元应急贷款顺利到达丙制药有限公司账户。",
     {"甲银行乙支行": ("甲银行乙支行", C), "丙制药有限公司": ("丙制药有限公司", C)},
     [("Loan", 3_000_000, "甲银行乙支行", "丙制药有限公司", None)]),
    ("丁银行将为东港市的基础设施建设提供融资支持，其中信贷投放不少于200亿元。",
     {"丁银行": ("丁银行", C), "东港市": ("东港市", "Place")},
     [("Loan", 20_000_000_000, "丁银行", "东港市", None)]),
    ("戊银行为一家企业投放2000万元应急贷款，保障了己化工有限公司的生产。",
     {"戊银行": ("戊银行", C), "己化工有限公司": ("己化工有限公司", C)},
     [("Loan", 20_000_000, "戊银行", "己化工有限公司", None)]),
    ("戊银行为一家企业投放2000万元应急贷款。己化工有限公司是当地龙头企业。",
     {"戊银行": ("戊银行", C), "己化工有限公司": ("己化工有限公司", C)},
     [("Loan", 20_000_000, "戊银行", "己化工有限公司", None)]),
    ("庚省财政厅向辛担保集团有限公司注资10亿元。",
     {"庚省财政厅": ("庚省财政厅", A), "辛担保集团有限公司": ("辛担保集团有限公司", C)},
     [("Investment", 1_000_000_000, "庚省财政厅", "辛担保集团有限公司", None)]),
]


@pytest.mark.parametrize("raw,names,expected", FAR_RECIPIENTS)
def test_recipients_named_away_from_the_verb(raw, names, expected):
    assert [summary(f) for f in fundings_of(raw, names)] == expected


def test_a_purpose_of_no_one_receives_nothing():
    raw = "丁银行将为企业的发展提供200亿元融资。"
    names = {"丁银行": ("丁银行", C)}
    assert [summary(f) for f in fundings_of(raw, names)] == [("Loan", 20_000_000_000, "丁银行", None, None)]


@pytest.mark.parametrize("raw", ["甲银行乙分行同丙粮油有限公司签署了金额为2亿元的授信协议。",
                                 "丙粮油有限公司与甲银行乙分行签订2亿元授信协议。"])
def test_the_parties_of_a_credit_agreement(raw):
    names = {"甲银行乙分行": ("甲银行乙分行", C), "丙粮油有限公司": ("丙粮油有限公司", C)}
    assert [summary(f) for f in fundings_of(raw, names)] == [("Loan", 200_000_000, "甲银行乙分行", "丙粮油有限公司", None)]


def test_the_one_supported_with_a_sum_receives_it():
    raw = "甲银行以30亿信贷资金支持东港市。"
    names = {"甲银行": ("甲银行", C), "东港市": ("东港市", "Place")}
    assert [summary(f) for f in fundings_of(raw, names)] == [("Loan", 3_000_000_000, "甲银行", "东港市", None)]


def test_an_apposition_lends_nothing():
    raw = "县农商行发挥自身作为地方法人银行的优势，为甲合作社发放贷款500万元。"
    names = {"地方法人银行": ("地方法人银行", C), "甲合作社": ("甲合作社", C)}
    assert [summary(f)[2] for f in fundings_of(raw, names)] == [None]


def test_respective_items_keep_their_place_without_a_name():
    # The first company is not recognised: the amounts still go to the items in order.
    raw = "其中，丙控股(集团)有限公司、甲机械有限公司、乙食品有限公司三家企业分别获得贷款5亿元、6000万元和1000万元。"
    names = {"甲机械有限公司": ("甲机械有限公司", C), "乙食品有限公司": ("乙食品有限公司", C)}
    assert [f.recipient for f in fundings_of(raw, names)] == [None, "甲机械有限公司", "乙食品有限公司"]


def test_funds_put_into_a_place():
    raw = "甲银行计划五年内向东港市投放各类资金50亿元。"
    names = {"甲银行": ("甲银行", C), "东港市": ("东港市", "Place")}
    assert [summary(f) for f in fundings_of(raw, names)] == [("Loan", 5_000_000_000, "甲银行", "东港市", None)]


def test_each_amount_goes_with_its_project_and_the_company_that_opens_its_name():
    raw = "丙化工扩大产能。其中丙化工技改项目的贷款贴息为30万元、丁矿业输煤项目的贷款贴息为5万元。"
    names = {"丙化工": ("丙化工", C), "丙化工技改项目": ("丙化工技改项目", J),
             "丁矿业输煤项目": ("丁矿业输煤项目", J)}
    assert [(f.recipient, f.project) for f in fundings_of(raw, names)] == [
        ("丙化工", "丙化工技改项目"), (None, "丁矿业输煤项目")]



# Money flows told share by share or round by round.
SHARES = [
    # A financing round: the company that closes it receives; 本轮 told again names the lead investor.
    ("乙科技有限公司宣布完成3亿元B轮融资。本轮融资由甲投资有限公司领投，丙创投有限公司跟投。",
     {"乙科技有限公司": ("乙科技有限公司", C), "甲投资有限公司": ("甲投资有限公司", C),
      "丙创投有限公司": ("丙创投有限公司", C)},
     [("Investment", 300_000_000, "甲投资有限公司", "乙科技有限公司", None)]),
    # Each lender's share of a syndicated loan (承贷), the borrower from the sentence before.
    ("甲银行牵头组建银团，向丁能源有限公司发放银团贷款10亿元。其中，甲银行承贷6亿元，乙银行承贷4亿元。",
     {"甲银行": ("甲银行", C), "乙银行": ("乙银行", C), "丁能源有限公司": ("丁能源有限公司", C)},
     [("Loan", 1_000_000_000, "甲银行", "丁能源有限公司", None),
      ("Loan", 600_000_000, "甲银行", "丁能源有限公司", None),
      ("Loan", 400_000_000, "乙银行", "丁能源有限公司", None)]),
    # 向…投资: the subject invests in the one after 向.
    ("甲基金合伙企业向乙微电子有限公司投资3亿元。",
     {"甲基金合伙企业": ("甲基金合伙企业", C), "乙微电子有限公司": ("乙微电子有限公司", C)},
     [("Investment", 300_000_000, "甲基金合伙企业", "乙微电子有限公司", None)]),
    # 分别 covers only the sums of its own clause: the rest of the capital is no fourth share.
    ("基金由甲公司、乙公司和丙公司发起设立，三家分别认缴出资20亿元、15亿元和10亿元，其余5亿元由社会资本出资。",
     {"甲公司": ("甲公司", C), "乙公司": ("乙公司", C), "丙公司": ("丙公司", C)},
     [("Investment", 2_000_000_000, "甲公司", None, None), ("Investment", 1_500_000_000, "乙公司", None, None),
      ("Investment", 1_000_000_000, "丙公司", None, None)]),
    # 其中 opens a part of the flow the clause before tells without a sum: its cue and payer; a
    # place receives; each later sum goes to the place written right before it.
    ("甲厅联合下达农田建设补助资金，其中乙市获得2亿元，下达丙县6000万元、丁县4000万元。",
     {"甲厅": ("甲厅", A), "乙市": ("乙市", "Place"), "丙县": ("丙县", "Place"), "丁县": ("丁县", "Place")},
     [("Grant", 200_000_000, "甲厅", "乙市", None), ("Grant", 60_000_000, "甲厅", "丙县", None),
      ("Grant", 40_000_000, "甲厅", "丁县", None)]),
]


@pytest.mark.parametrize("raw,names,expected", SHARES)
def test_shares_and_rounds(raw, names, expected):
    assert [summary(f) for f in fundings_of(raw, names)][:len(expected)] == expected


def test_a_subsidy_goes_with_the_loan_of_its_own_line_even_when_its_borrower_is_unnamed():
    raw = "甲公司在乙银行的创业担保贷款300万元，贴息8万元。\n个体户某某在丙银行的创业担保贷款20万元，贴息5400元。"
    names = {"甲公司": ("甲公司", C), "乙银行": ("乙银行", C), "丙银行": ("丙银行", C)}
    subsidies = [f for f in fundings_of(raw, names) if f.type == "InterestSubsidy"]
    assert [(int(f.amount), f.recipient) for f in subsidies] == [(80_000, "甲公司"), (5400, None)]


def test_a_charge_partly_waived_is_relief():
    got = [summary(f) for f in fundings_of("甲局上半年为企业减征社保费9.8亿元。", {"甲局": ("甲局", A)})]
    assert got == [("Relief", 980_000_000, "甲局", None, None)]
