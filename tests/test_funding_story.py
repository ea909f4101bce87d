"""Fundings whose cue or parties another sentence of the story tells (kg.extract.funding_ellipsis,
kg.extract.funding_story), on sentences we write. The pass cases run in test_funding_passes."""
from __future__ import annotations

import pytest

from kg.extract import fundings
from kg.extract.normalize import split_sentences
from kg.extract.pipeline import analyse
from kg.model import Document, Text
from test_fundings import summary
from test_relations import A, C, J, P, analysis_of

INSURER = "甲保险公司已赔付投保农户530万元。查勘人员逐户定损。养殖大户张三的鸡舍被淹，领到赔款7万元。乙局已拨付保费补贴资金270万元。"
INSURED = [("Grant", 5_300_000, "甲保险公司", None, None), ("Grant", 70_000, "甲保险公司", "张三", None),
           ("Grant", 2_700_000, "乙局", None, None)]

# (pass, text, names, what the stage finds); test_funding_passes checks that without the pass
# the stage finds something else.
STORY_ROLE_CASES = [
    ("part-payee", "甲局下达资金1.7亿元，其中乙市获得2400万元。", {"甲局": A, "乙市": "Place"},
     [("Grant", 170_000_000, "甲局", None, None), ("Grant", 24_000_000, "甲局", "乙市", None)]),
    ("carrier-pays-no-grant", "丙项目分得专项债券资金4亿元，由甲管委会组织实施。", {"丙项目": J, "甲管委会": A},
     [("Grant", 400_000_000, None, "甲管委会", None)]),
]
STORY_PARTY_CASES = [
    ("disburser-after", "甲厅下达补助资金3300万元。乙公司、丙合作社分别获得建设补助140万元和设备补助65万元，丁局按照先建后补的原则，"
     "将资金直接拨付到企业。", {"甲厅": A, "乙公司": C, "丙合作社": C, "丁局": A},
     [("Grant", 33_000_000, "甲厅", None, None), ("Grant", 1_400_000, "丁局", "乙公司", None),
      ("Grant", 650_000, "丁局", "丙合作社", None)]),
    # those who also received are paid by the payer of the same flow told before them
    ("also-received", "戊银行向己公司发放贷款500万元。甲支行向乙合作社发放贷款150万元。“钱来得及时。”理事长赵立德说。"
     "丙合作社、丁农场也分别获得90万元和45万元贷款。",
     {"戊银行": C, "己公司": C, "甲支行": C, "乙合作社": C, "丙合作社": C, "丁农场": C, "赵立德": "Person"},
     [("Loan", 5_000_000, "戊银行", "己公司", None), ("Loan", 1_500_000, "甲支行", "乙合作社", None),
      ("Loan", 900_000, "甲支行", "丙合作社", None), ("Loan", 450_000, "甲支行", "丁农场", None)]),
    ("leveraged-loan", "今年以来，甲担保公司累计为300户小微企业提供担保，撬动银行贷款5亿元。", {"甲担保公司": C},
     [("Loan", 500_000_000, None, None, None)]),
    ("bare-row", "对认定的示范企业给予奖励，名单如下：\n1.乙公司 40万元\n2.丙公司 20万元\n甲局\n2025年3月2日",
     {"甲局": A, "乙公司": C, "丙公司": C},
     [("Grant", 400_000, "甲局", "乙公司", None), ("Grant", 200_000, "甲局", "丙公司", None)]),
    ("guarantor-is-no-borrower", "甲公司是其中之一。今年5月，经乙担保公司担保，丙银行向该公司放贷700万元，"
     "丁局另按担保费的一半补贴6万元。",
     {"甲公司": C, "乙担保公司": C, "丙银行": C, "丁局": A},
     [("Loan", 7_000_000, "丙银行", "甲公司", "乙担保公司"), ("Grant", 60_000, "丁局", "甲公司", None)]),
    ("pronoun-payee", "乙包装有限公司订单大增。甲银行丙分行为其办理订单融资600万元。",
     {"乙包装有限公司": C, "甲银行丙分行": C},
     [("Loan", 6_000_000, "甲银行丙分行", "乙包装有限公司", None)]),
    ("bare-company-served", "丙银行丁分行向乙酿造有限公司授信6000万元。甲县财政局拨付专项资金90万元，用于企业技术改造。",
     {"丙银行丁分行": C, "乙酿造有限公司": C, "甲县财政局": A},
     [("Loan", 60_000_000, "丙银行丁分行", "乙酿造有限公司", None), ("Grant", 900_000, "甲县财政局", "乙酿造有限公司", None)]),
    ("rule-payer", "办法规定，对新招员工满百人的企业，由甲局给予每家最高10万元补贴。乙服饰有限公司获得补贴8万元。",
     {"甲局": A, "乙服饰有限公司": C},
     [("Grant", 80_000, "甲局", "乙服饰有限公司", None)]),
    ("person-receives", INSURER, {"甲保险公司": C, "张三": P, "乙局": A}, INSURED),
]
STORY_DOCUMENT_CASES = [
    # the parts of a total take the payer the story gave the total
    ("parts-take-total-payer", "甲局开展质量提升行动。全市查处案件5件。按照《丙办法》，首批28家企业共获得认证补助资金560万元。"
     "其中，丁公司、戊公司分别获得补助30万元和20万元。", {"甲局": A, "丁公司": C, "戊公司": C, "丙办法": "Program"},
     [("Grant", 5_600_000, "甲局", None, None), ("Grant", 300_000, "甲局", "丁公司", None),
      ("Grant", 200_000, "甲局", "戊公司", None)]),
    ("claims-insurer", INSURER, {"甲保险公司": C, "张三": P, "乙局": A}, INSURED),
    ("recovered-loan", "法院为申请执行人甲银行执行到位本息640万元。此前，乙公司曾向甲银行借款600万元。",
     {"甲银行": C, "乙公司": C},
     [("Debt", 6_400_000, "甲银行", "乙公司", None), ("Loan", 6_000_000, "甲银行", "乙公司", None)]),
]


def found(raw: str, names: dict) -> list[tuple]:
    """What the fundings stage finds in `raw`, split into sentences as the pipeline splits it."""
    sentences = split_sentences(Text(raw, tuple(range(len(raw) + 1))))
    a = analysis_of(raw, {n: (n, t) for n, t in names.items()}, sentences)
    return [summary(f) for f in fundings.find_fundings(a)]


@pytest.mark.parametrize("raw, names, expected", [
    # parallel clauses: the verb before the cue is repeated, the cue left out
    ("甲局下达债券资金。丙项目分得专项债券资金5亿元；丁项目分得3亿元；戊项目分得7000万元。",
     {"甲局": A, "丙项目": J, "丁项目": J, "戊项目": J},
     [("Grant", 500_000_000, "甲局", None, None), ("Grant", 300_000_000, "甲局", None, None),
      ("Grant", 70_000_000, "甲局", None, None)]),
    # rows under a header with one sum each, the same sum twice: two flows
    ("甲局对认定的示范企业给予奖励，名单如下：\n1.乙公司 40万元\n2.丙公司 40万元",
     {"甲局": A, "乙公司": C, "丙公司": C},
     [("Grant", 400_000, "甲局", "乙公司", None), ("Grant", 400_000, "甲局", "丙公司", None)]),
])
def test_a_sentence_without_cue_inherits_the_one_before(raw, names, expected):
    assert found(raw, names) == expected


@pytest.mark.parametrize("raw, names", [
    # a number after a loan that no verb or header ties to it
    ("甲银行向乙公司发放贷款100万元。乙公司去年营业收入5亿元。", {"甲银行": C, "乙公司": C}),
    # a numbered row after a sentence that is no header
    ("甲银行向乙公司发放贷款100万元。\n1.丙公司 40万元", {"甲银行": C, "乙公司": C, "丙公司": C}),
])
def test_no_cue_is_inherited_without_a_header_or_a_repeated_verb(raw, names):
    assert [f[1] for f in found(raw, names)] == [1_000_000]


def test_a_row_that_says_more_than_a_name_and_a_sum_inherits_no_cue():
    raw = "对认定的示范企业给予奖励，名单如下：\n1.乙公司，去年营业收入5亿元\n2.丙公司 20万元\n甲局"
    assert found(raw, {"甲局": A, "乙公司": C, "丙公司": C}) == []


@pytest.mark.parametrize("raw, names, expected", [
    # two clause subjects each receiving its own sum: neither pays the other's
    ("其中，甲公司获奖励资金73万元，乙公司获奖励资金47万元。", {"甲公司": C, "乙公司": C},
     [("Grant", 730_000, None, "甲公司", None), ("Grant", 470_000, None, "乙公司", None)]),
    # the maker of what is rewarded receives the reward
    ("甲公司研发的检测装置入选首台套产品目录，给予奖励65万元。", {"甲公司": C},
     [("Grant", 650_000, None, "甲公司", None)]),
    # capital put into a body by the agency before
    ("乙局今年向甲集团注入资本金3亿元。", {"乙局": A, "甲集团": C},
     [("Investment", 300_000_000, "乙局", "甲集团", None)]),
    # the loan just told, described again (这是…): its borrower
    ("甲银行向乙公司发放第一笔贷款4000万元。这是该行在本市的第一个供水贷款项目，贷款总额1.8亿元。",
     {"甲银行": C, "乙公司": C},
     [("Loan", 40_000_000, "甲银行", "乙公司", None), ("Loan", 180_000_000, "甲银行", "乙公司", None)]),
    # an insurer's payout on a claim
    ("甲保险公司向乙公司赔付37万元。", {"甲保险公司": C, "乙公司": C},
     [("Grant", 370_000, "甲保险公司", "乙公司", None)]),
    # a person with a post speaks for a body: no recipient
    ("甲银行发放贷款。甲银行行长张三获得贷款审批权限后，已发放贷款45万元。", {"甲银行": C, "张三": P},
     [("Loan", 450_000, "甲银行", None, None)]),
])
def test_parties_of_award_rows_capital_and_claims(raw, names, expected):
    assert found(raw, names) == expected


def test_a_part_of_its_own_sentences_sum_takes_no_parties_from_the_sentence_before():
    raw = "甲银行向乙公司发放贷款100万元。全县农险保费总额4100万元，其中各级财政补贴3300万元。"
    assert found(raw, {"甲银行": C, "乙公司": C}) == [
        ("Loan", 1_000_000, "甲银行", "乙公司", None), ("Grant", 33_000_000, None, None, None)]


def test_a_grower_named_after_his_role_borrows():
    text = "甲县农村商业银行向养殖大户王建平发放贷款28万元。"
    a = analyse(Document("t.txt", text, "t.txt"))
    assert [(f.type, int(f.amount), f.recipient) for f in a.fundings] == [("Loan", 280_000, "王建平")]


def test_a_part_paid_to_a_named_body_after_a_total_paid_to_a_class():
    raw = "今年，甲局为辖区企业办理出口退税9.4亿元，其中为乙公司退税310万元。"
    assert found(raw, {"甲局": A, "乙公司": C}) == [
        ("Relief", 940_000_000, "甲局", None, None), ("Relief", 3_100_000, "甲局", "乙公司", None)]


def test_a_lender_that_signs_with_a_government_lends_to_its_city():
    text = "中国工商银行郴州分行与郴州市人民政府签署合作协议，未来五年将为郴州提供融资支持200亿元。"
    a = analyse(Document("t.txt", text, "t.txt"))
    assert [(f.provider, f.recipient) for f in a.fundings] == [("中国工商银行郴州分行", "郴州市")]


@pytest.mark.parametrize("raw, names, expected", [
    # 对乙公司给予奖补资金: the body after 对 receives
    ("甲局对乙公司给予设备更新奖补资金64万元。", {"甲局": A, "乙公司": C},
     [("Grant", 640_000, "甲局", "乙公司", None)]),
    # the judgment debtor owes the applicant for enforcement
    ("法院裁定，被执行人乙公司应向申请执行人甲银行偿还借款本息2680万元。", {"甲银行": C, "乙公司": C},
     [("Debt", 26_800_000, "甲银行", "乙公司", None)]),
    # a housing fund centre lends
    ("甲市住房公积金管理中心今年已向2700户职工家庭发放公积金贷款8.3亿元。", {"甲市住房公积金管理中心": A},
     [("Loan", 830_000_000, "甲市住房公积金管理中心", None, None)]),
])
def test_award_judgment_and_housing_fund_parties(raw, names, expected):
    assert found(raw, names) == expected


@pytest.mark.parametrize("raw, names, expected", [
    # a renewed loan
    ("经丙局协调，甲银行为乙公司办理续贷500万元。", {"甲银行": C, "乙公司": C, "丙局": A},
     [("Loan", 5_000_000, "甲银行", "乙公司", None)]),
    # a city a lender commits financing to (a place after 向 is no lender applied to)
    ("甲银行将在未来三年向乙市提供200亿元融资支持。", {"甲银行": C, "乙市": "Place"},
     [("Loan", 20_000_000_000, "甲银行", "乙市", None)]),
])
def test_renewed_loans_and_a_citys_financing(raw, names, expected):
    assert found(raw, names) == expected


@pytest.mark.parametrize("raw", ["据张三介绍，今年获得贷款450万元。", "张三说，合作社今年获得贷款450万元。"])
def test_a_speaker_receives_nothing_he_tells_of(raw):
    assert found(raw, {"张三": P}) == [("Loan", 4_500_000, None, None, None)]


def test_a_headline_mark_passed_is_no_flow():
    raw = "甲银行普惠贷款投放突破50亿元\n\n本报讯 今年以来，甲银行向乙公司发放贷款300万元。"
    assert found(raw, {"甲银行": C, "乙公司": C}) == [("Loan", 3_000_000, "甲银行", "乙公司", None)]


def test_a_bare_company_is_the_one_its_paragraph_names():
    raw = ("调研组来到甲公司。甲公司产品远销海外，公司计划扩产。\n"
           "随后来到乙公司。公司负责人说，丙局向公司拨付补助资金60万元。")
    a = analysis_of(raw, {"甲公司": ("甲公司", C), "乙公司": ("乙公司", C), "丙局": ("丙局", A)})
    assert [summary(f) for f in fundings.find_fundings(a)] == [("Grant", 600_000, "丙局", "乙公司", None)]


def test_the_lender_named_after_huode_lends():
    a = analysis_of("今年以来，乙公司已获得甲银行丙分行授信2亿元，丁局也向公司拨付补助资金600万元。",
                    {"乙公司": ("乙公司", C), "甲银行丙分行": ("甲银行丙分行", C), "丁局": ("丁局", A)})
    assert [summary(f) for f in fundings.find_fundings(a)] == [("Loan", 200_000_000, "甲银行丙分行", "乙公司", None),
                                                              ("Grant", 6_000_000, "丁局", "乙公司", None)]


def test_a_counted_class_of_a_place_is_no_recipient():
    a = analysis_of("此外，甲银行联合戊担保公司，为丁县的22家养殖企业提供信贷服务，发放贷款合计1亿元。",
                    {"甲银行": ("甲银行", C), "丁县": ("丁县", "Place"), "戊担保公司": ("戊担保公司", C)})
    assert [summary(f) for f in fundings.find_fundings(a)] == [("Loan", 100_000_000, "甲银行", None, None)]


def test_a_subsidy_to_the_class_of_a_rule_is_no_earlier_borrowers():
    raw = ("乙银行向丙公司发放贷款300万元。丁局介绍，对获得贷款的小微企业，按贷款利息的50%给予贴息，"
           "今年已拨付贴息资金80万元。")
    a = analysis_of(raw, {"乙银行": ("乙银行", C), "丙公司": ("丙公司", C), "丁局": ("丁局", A)})
    got = [summary(f) for f in fundings.find_fundings(a)]
    assert ("InterestSubsidy", 800_000) in [(f[0], f[1]) for f in got]
    assert all(f[3] is None for f in got if f[0] == "InterestSubsidy")


def test_a_rule_in_parallel_after_a_class_rule_is_no_sum():
    raw = "该措施规定，对新认定的示范企业给予一次性奖励，对省级示范企业奖励20万元。"
    assert fundings.find_fundings(analysis_of(raw, {})) == []


@pytest.mark.parametrize("raw", [
    "甲县财政局拨付专项资金150万元，用于企业设备更新。",                       # no company received before
    "丙银行丁分行向乙担保有限公司授信6000万元。甲县财政局拨付资金90万元，支持企业发展。",  # a lender is no 企业
])
def test_a_bare_company_served_is_only_one_that_received_before(raw):
    names = {n: (n, t) for n, t in {"丙银行丁分行": C, "乙担保有限公司": C, "甲县财政局": A}.items()}
    found = [summary(f) for f in fundings.find_fundings(analysis_of(raw, names))]
    assert ("Grant", 1_500_000 if "150" in raw else 900_000, "甲县财政局", None, None) in found


def test_the_body_that_serves_the_referred_company_is_not_that_company():
    """references._SERVES_REFERENCE: 该公司 after 甲供电公司为该企业减免… is the company 该企业 names."""
    names = {n: (n, C) for n in ("乙铝材有限公司", "丙电力有限公司丁供电公司")}
    raw = "在乙铝材有限公司，市长了解情况。据悉，丙电力有限公司丁供电公司已为该企业减免电费60万元。该公司经理说，订单增加。"
    refs = [r for r in analysis_of(raw, names).refs if r.pronoun]
    assert [r.entity for r in refs] == ["乙铝材有限公司", "乙铝材有限公司"]


def test_a_reference_opening_a_paragraph_is_the_storys_main_body():
    """clause.antecedent: 该行 in a paragraph that names no bank before it is the bank the story
    names most, not the branch named last in the paragraph before."""
    names = {n: (n, C) for n in ("甲银行乙分行", "甲银行丙支行", "丁科技有限公司", "戊旅游有限公司")}
    raw = ("甲银行乙分行向丁科技有限公司发放贷款3亿元。甲银行乙分行还发放流动资金贷款。甲银行丙支行为戊旅游有限公司发放贷款1亿元。\n"
           "针对小微企业，该行推出线上产品，投放贷款5亿元。")
    refs = [r for r in analysis_of(raw, names).refs if r.pronoun]
    assert [r.entity for r in refs] == ["甲银行乙分行"]
    # in the same paragraph 该行 is still the last one named
    refs = [r for r in analysis_of(raw.replace("\n", ""), names).refs if r.pronoun]
    assert [r.entity for r in refs] == ["甲银行丙支行"]


def test_a_paragraph_s_demonstrative_counts_the_references_told_before():
    """该局 opening a paragraph is the body the story's earlier 该局 named, not an agency another
    paragraph named last in passing."""
    names = {"甲市财政局": ("甲市财政局", A), "乙监管分局": ("乙监管分局", A), "丙公司": ("丙公司", C)}
    raw = ("甲市财政局多措并举。\n今年，该局设立转贷资金池。该局还推出贴息政策。同时，乙监管分局约谈丙公司。\n"
           "融资担保方面，该局新增注入资本金2亿元。")
    refs = [r for r in analysis_of(raw, names).refs if r.pronoun]
    assert [r.entity for r in refs] == ["甲市财政局"] * 3


def test_a_bare_enterprise_after_a_class_noun_in_its_sentence_is_that_class():
    """clause._class_before: 为企业 after 对困难行业企业 in the same sentence is the class, not the
    company the story named before."""
    names = {"乙纺织有限公司": ("乙纺织有限公司", C), "甲区人社局": ("甲区人社局", A)}
    story = "乙纺织有限公司扩大产能。"
    raw = story + "甲区人社局对困难行业企业实施缓缴政策，目前已为企业缓缴社保费300万元。"
    found = [summary(f) for f in fundings.find_fundings(analysis_of(raw, names))]
    assert found == [("Relief", 3_000_000, "甲区人社局", None, None)]
    raw = story + "甲区人社局实施缓缴政策，目前已为企业缓缴社保费300万元。"
    found = [summary(f) for f in fundings.find_fundings(analysis_of(raw, names))]
    assert found == [("Relief", 3_000_000, "甲区人社局", "乙纺织有限公司", None)]


def test_a_person_named_last_is_who_its_pronoun_is():
    """pronoun-payee: 其 after a person named last is that person, not the company before him."""
    names = {n: (n, t) for n, t in {"乙银行丙分行": C, "丁材料有限公司": C, "张三": P}.items()}
    raw = "丁材料有限公司招聘了张三。乙银行丙分行为其发放创业贷款20万元。"
    found = [summary(f) for f in fundings.find_fundings(analysis_of(raw, names))]
    assert found == [("Loan", 200_000, "乙银行丙分行", None, None)]


def test_a_person_after_a_post_is_no_pronoun_s_payee():
    """pronoun-payee: an official named after a post visits a company; 其 is the company."""
    names = {n: (n, t) for n, t in {"乙银行丙分行": C, "丁材料有限公司": C, "张三": P}.items()}
    raw = "在丁材料有限公司，市长张三察看生产线。乙银行丙分行为其提供项目贷款2亿元。"
    found = [summary(f) for f in fundings.find_fundings(analysis_of(raw, names))]
    assert found == [("Loan", 200_000_000, "乙银行丙分行", "丁材料有限公司", None)]


def test_a_demonstrative_said_again_in_its_sentence_is_the_same_body():
    """该行 opening a sentence and again after a second bank named in it: the first 该行's bank."""
    names = {"甲银行乙分行": ("甲银行乙分行", C), "丙银行丁分行": ("丙银行丁分行", C), "戊公司": ("戊公司", C)}
    raw = "甲银行乙分行加大投放。\n该行联合丙银行丁分行组建银团，为戊公司授信12亿元，其中该行承贷7亿元。"
    refs = [r for r in analysis_of(raw, names).refs if r.pronoun]
    assert [r.entity for r in refs] == ["甲银行乙分行", "甲银行乙分行"]


def test_sums_after_one_weak_cue_share_the_flow_told_before():
    """其中甲、乙分别获得4000万元、2600万元 after a loan: both parts are loans of the same lender."""
    raw = "丙银行向甲材料有限公司、乙纺织有限公司等12家企业发放信用贷款2.3亿元，其中甲材料有限公司、乙纺织有限公司分别获得4000万元、2600万元。"
    got = found(raw, {"丙银行": C, "甲材料有限公司": C, "乙纺织有限公司": C})
    assert ("Loan", 40_000_000, "丙银行", "甲材料有限公司", None) in got
    assert ("Loan", 26_000_000, "丙银行", "乙纺织有限公司", None) in got


def test_a_place_s_demonstrative_pays_and_an_earlier_receiver_gives_nothing():
    """该区 is the zone the story names; 其中乙公司获得…，丙公司获得…: 乙 receives in its own clause
    and pays nothing to 丙."""
    raw = ("甲经济技术开发区举行签约仪式。\n去年以来，该区已向入园企业兑现扶持资金1.28亿元，"
           "其中乙装备有限公司获得设备补助1860万元，丙材料有限公司获得研发奖励420万元。")
    got = found(raw, {"甲经济技术开发区": "Place", "乙装备有限公司": C, "丙材料有限公司": C})
    assert ("Grant", 4_200_000, "甲经济技术开发区", "丙材料有限公司", None) in got


def test_wo_xian_is_the_first_county_the_story_names():
    """我县 in a county's own media: the county named first (in the headline), which receives."""
    a = analyse(Document("t", "融安县多方筹措资金推进重建\n6月25日，自治区财政厅下达我县救灾资金1500万元。", "t"))
    assert [summary(f) for f in a.fundings] == [("Grant", 15_000_000, "广西壮族自治区财政厅", "融安县", None)]


def test_bodies_whose_policy_is_cited_pay_nothing():
    """为贯彻落实甲委、乙府关于…的决策部署，现下达资金: the bodies before 关于 are cited, not payers."""
    raw = "为贯彻落实甲委、乙府关于促进发展的决策部署，现下达专项资金2960万元。"
    assert found(raw, {"甲委": A, "乙府": A}) == [("Grant", 29_600_000, None, None, None)]


def test_rows_of_a_name_and_a_sum_with_their_purpose_share_the_section_s_flow():
    """二、直接下达企业资金1000万元。甲公司620万元，用于…；乙公司380万元，用于运营补助。: each row is
    a grant; a cue inside the purpose (补助) names no sum of its own."""
    raw = "二、直接下达省属企业资金1000万元。甲物流有限公司620万元，用于其建设的丙项目；乙贸易有限公司380万元，用于海外仓运营补助。"
    got = found(raw, {"甲物流有限公司": C, "乙贸易有限公司": C, "丙项目": J})
    assert ("Grant", 6_200_000, None, "甲物流有限公司", None) in got
    assert ("Grant", 3_800_000, None, "乙贸易有限公司", None) in got


def test_a_subsidy_on_a_loan_product_goes_to_no_one_borrower():
    """对“甲贷”按年化3%给予贴息: the subsidy is on the product's loans, not the loan told last."""
    raw = "其中，乙合作社获得贷款300万元。丙局对“甲贷”按年化3%给予贴息，今年已拨付贴息资金412万元。"
    got = found(raw, {"乙合作社": "Organization", "丙局": A, "甲贷": "Program"})
    assert ("InterestSubsidy", 4_120_000, "丙局", None, None) in got


def test_public_funds_named_by_their_purpose_are_grants():
    raw = "丁厅驻村工作队投入帮扶资金180万元，支持戊冷链物流有限公司建设冷库。"
    assert found(raw, {"丁厅": A, "戊冷链物流有限公司": C})[0][:2] == ("Grant", 1_800_000)


def test_the_body_a_guarantee_is_given_for_borrows():
    """乙担保集团为其提供担保后，丙银行发放贷款: 其 is the company the sentence opened with."""
    raw = "甲材料有限公司急需资金，但缺少抵押物，乙担保集团为其提供全额担保后，丙银行丁支行发放贷款1600万元。"
    got = found(raw, {"甲材料有限公司": C, "乙担保集团": C, "丙银行丁支行": C})
    assert ("Loan", 16_000_000, "丙银行丁支行", "甲材料有限公司", None) in got


def test_the_agency_that_shared_out_the_funds_the_sentence_before_pays_the_share():
    raw = "甲厅下达文旅专项资金9000万元。资金下达后，乙局、丙局将资金分解到项目。丁项目获得530万元补助，由戊公司建设。"
    got = found(raw, {"甲厅": A, "乙局": A, "丙局": A, "丁项目": J, "戊公司": C})
    assert [f[2] for f in got if f[1] == 5_300_000] == ["乙局"]


def test_a_body_that_receives_a_document_receives_no_money():
    from kg.extract.funding_received import receives_itself
    text = "甲公司自收到本决定书之日起30日内退还电费"
    assert not receives_itself(text, 0, len(text))
    assert receives_itself("甲公司收到补助资金", 0, 9)
