"""Each named pass of the fundings stage on sentences we write.

For a pass that a sentence needs, the test states what the stage finds and checks that the
stage without that pass finds something else; a pass that no short sentence isolates is
called directly.
"""
from __future__ import annotations

import re

import pytest

from kg.extract import funding_roles
from kg.extract import fundings
from kg.extract.funding_order import DOCUMENT_PASSES, PARTY_PASSES
from kg.extract.funding_roles import ROLE_PASSES, RoleSearch, distinct_parties
from kg.model import Role, Sentence
from test_fundings import summary
from test_funding_addressees import ADDRESSEE_DOCUMENT_CASES
from test_funding_awards import AWARD_DOCUMENT_CASES
from test_funding_objects import OBJECT_PARTY_CASES
from test_funding_places import PLACE_PARTY_CASES
from test_funding_donations import DONATION_PARTY_CASES
from test_funding_tables import TABLE_DOCUMENT_CASES
from test_funding_notices import NOTICE_DOCUMENT_CASES, NOTICE_PARTY_CASES
from test_funding_story import STORY_DOCUMENT_CASES, STORY_PARTY_CASES, STORY_ROLE_CASES
from test_funding_constructions import CONSTRUCTION_DOCUMENT_CASES, CONSTRUCTION_PARTY_CASES
from test_funding_classes import CLASS_DOCUMENT_CASES, CLASS_PARTY_CASES
from test_relations import A, C, G, J, analysis_of

PLACE = "Place"


def found(raw: str, names: dict) -> list[tuple]:
    """What the fundings stage finds in `raw`, each line a sentence too (as kg.extract.normalize splits)."""
    lines, start = [], 0
    for part in re.split(r"(?<=[。；;\n])", raw):
        if part.strip("\n"):
            lines.append(Sentence(start, start + len(part.rstrip("\n")), part.rstrip("\n")))
        start += len(part)
    return [summary(f) for f in fundings.find_fundings(analysis_of(raw, names, lines, "2020-07-02"))]


def without(monkeypatch, module, attr: str, name: str) -> None:
    passes = getattr(module, attr)
    assert name in dict(passes), f"no pass {name}"
    monkeypatch.setattr(module, attr, tuple(p for p in passes if p[0] != name))


# (pass, sentence, names, what the stage finds)
ROLE_CASES = [
    ("template-roles", "甲银行向乙公司发放贷款300万元。", {"甲银行": C, "乙公司": C},
     [("Loan", 3_000_000, "甲银行", "乙公司", None)]),
    ("own-subject-pays", "甲局向乙公司拨付资金，丙公司发放奖励50万元。", {"甲局": A, "乙公司": C, "丙公司": C},
     [("Grant", 500_000, "丙公司", "乙公司", None)]),
    ("subjects-before", "甲局下达资金，乙公司获得补助50万元。", {"甲局": A, "乙公司": C},
     [("Grant", 500_000, "甲局", "乙公司", None)]),
    ("company-invests", "甲区政府与乙公司签约，总投资5亿元。", {"甲区政府": A, "乙公司": C},
     [("Investment", 500_000_000, "乙公司", None, None)]),
    ("project-developer", "乙公司建设丙项目。丙项目获得贷款5000万元。", {"乙公司": C, "丙项目": J},
     [("Loan", 50_000_000, None, "乙公司", None)]),
    ("project-developer", "丙氢能科技有限公司投资建设丁基地项目。甲银行乙分行将为丁基地项目提供授信20亿元。",
     {"甲银行乙分行": C, "丙氢能科技有限公司": C, "丁基地项目": J},
     [("Loan", 2_000_000_000, "甲银行乙分行", "丙氢能科技有限公司", None)]),
    ("lender-named-before", "甲局与乙银行签约，发放贷款100万元。", {"甲局": A, "乙银行": C},
     [("Loan", 1_000_000, "乙银行", None, None)]),
    ("helper-lends-not", "甲银行乙支行携手丙担保有限公司，为丁纸业有限公司办理贷款900万元。",
     {"甲银行乙支行": C, "丙担保有限公司": C, "丁纸业有限公司": C},
     [("Loan", 9_000_000, "甲银行乙支行", "丁纸业有限公司", "丙担保有限公司")]),
    ("place-pays", "甲区累计向企业兑现奖补资金300万元。", {"甲区": PLACE},
     [("Grant", 3_000_000, "甲区", None, None)]),
    ("agreed-borrower", "甲银行已与乙公司达成意向，将为项目提供8000万元固定资产贷款。", {"甲银行": C, "乙公司": C},
     [("Loan", 80_000_000, "甲银行", "乙公司", None)]),
    ("served-after", "甲银行累计投放信贷资金100亿元，倾力服务乙市经济建设。", {"甲银行": C, "乙市": PLACE},
     [("Loan", 10_000_000_000, "甲银行", "乙市", None)]),
    ("served-after", "甲省财政厅累计注资30亿元，助力乙担保集团扩大业务。", {"甲省财政厅": A, "乙担保集团": C},
     [("Investment", 3_000_000_000, "甲省财政厅", "乙担保集团", None)]),
    ("class-pair-unnamed", "丙茶叶专业合作社扩大种植。甲银行乙支行已向合作社和种植大户发放贷款9000万元。",
     {"甲银行乙支行": C, "丙茶叶专业合作社": "Organization"},
     [("Loan", 90_000_000, "甲银行乙支行", None, None)]),
    ("bank-lends", "乙公司向甲银行提供抵押，获得贷款100万元。", {"甲银行": C, "乙公司": C},
     [("Loan", 1_000_000, "甲银行", "乙公司", None)]),
    ("counted-unnamed", "丁银行已为一家粮油公司发放贷款400万元。", {"丁银行": C, "粮油公司": C},
     [("Loan", 4_000_000, "丁银行", None, None)]),
    ("unnamed-payee", "甲银行向乙公司发放贷款500万元，向个体户某某发放贷款30万元。", {"甲银行": C, "乙公司": C},
     [("Loan", 5_000_000, "甲银行", "乙公司", None), ("Loan", 300_000, "甲银行", None, None)]),
    ("lender-received-from", "戊银行牵头组织银企对接，丁公司获得乙银行800万元贷款。",
     {"戊银行": C, "乙银行": C, "丁公司": C},
     [("Loan", 8_000_000, "乙银行", "丁公司", None)]),
    ("agency-received-from", "丙局发布通知，乙公司获得甲局技术改造资金200万元。", {"甲局": A, "乙公司": C, "丙局": A},
     [("Grant", 2_000_000, "甲局", "乙公司", None)]),
    ("acting-lender", "甲银行客户经理走访，丙公司向乙公司发放贷款100万元。",
     {"甲银行": C, "乙公司": C, "丙公司": C},
     [("Loan", 1_000_000, "甲银行", "乙公司", None)]),
]


def test_every_role_pass_has_a_case():
    assert {name for name, _ in ROLE_PASSES} == {case[0] for case in ROLE_CASES} | {"distinct-parties"}


def test_distinct_parties():
    a = analysis_of("甲公司发放奖励。", {"甲公司": ("甲公司", C)})
    s = RoleSearch(a.masked(0), 4, 0, "Grant",
                   roles={Role.PROVIDER: "甲公司", Role.RECIPIENT: "甲公司", Role.FACILITATOR: "甲公司"})
    distinct_parties(s)
    assert s.roles == {Role.PROVIDER: "甲公司", Role.RECIPIENT: None, Role.FACILITATOR: None}


PARTY_CASES = [
    ("continued-sentence", "甲局为乙公司发放补贴300万元。其中减免租金100万元。", {"甲局": A, "乙公司": C},
     [("Grant", 3_000_000, "甲局", "乙公司", None), ("Relief", 1_000_000, "甲局", "乙公司", None)]),
    ("continued-sentence", "丁公司扩建厂房，丁公司新增产能。近日，甲厅下达补助资金，支持道路养护。其中，向丙县拨付补助资金2360万元。",
     {"甲厅": A, "丙县": PLACE, "丁公司": C},
     [("Grant", 23_600_000, "甲厅", "丙县", None)]),
    ("investment-share", "乙公司建设丙项目，总投资460万元，其中争取补助资金100万元。", {"乙公司": C, "丙项目": J},
     [("Investment", 4_600_000, "乙公司", None, None), ("Grant", 1_000_000, None, "乙公司", None)]),
    ("list-row", "资金由甲局直接拨付至企业账户：\n1.乙公司，补助资金50万元。",
     {"甲局": A, "乙公司": C},
     [("Grant", 500_000, "甲局", "乙公司", None)]),
    ("speaker-pays", "张三（甲局局长）：\n今年乙公司获得补贴30万元。", {"甲局": A, "乙公司": C, "张三": "Person"},
     [("Grant", 300_000, "甲局", "乙公司", None)]),
    ("cited-source-relieves", "记者从甲局获悉，全市新增减税降费5亿元。", {"甲局": A},
     [("Relief", 500_000_000, "甲局", None, None)]),
    ("source-told-before", "记者从甲厅了解到，补助资金已下达。其中乙公司获得补助620万元。",
     {"甲厅": A, "乙公司": C},
     [("Grant", 6_200_000, "甲厅", "乙公司", None)]),
    ("subsidised-loan", "甲银行向乙公司发放贷款300万元。丙局给予贴息12万元。",
     {"甲银行": C, "乙公司": C, "丙局": A},
     [("Loan", 3_000_000, "甲银行", "乙公司", None), ("InterestSubsidy", 120_000, "丙局", "乙公司", None)]),
    ("flow-stated-before", "丙局对乙公司的贷款给予贴息。贴息资金90万元。", {"丙局": A, "乙公司": C},
     [("InterestSubsidy", 900_000, "丙局", "乙公司", None)]),
    ("previous-subject-pays", "丁公司扩建厂房，丁公司新增产能。甲局多措并举支持企业发展。又安排补贴资金300万元。",
     {"甲局": A, "丁公司": C},
     [("Grant", 3_000_000, "甲局", None, None)]),
    ("previous-subject-pays", "丁公司扩建厂房，丁公司新增产能。甲局多措并举支持企业发展。向乙县拨付补贴资金300万元。",
     {"甲局": A, "乙县": PLACE, "丁公司": C},
     [("Grant", 3_000_000, "甲局", "乙县", None)]),
    ("clause-subject-pays", "为满足业务发展需求，甲公司拟以自有资金向乙公司增资2亿元；拟向丙公司增资8000万元。",
     {"甲公司": C, "乙公司": C, "丙公司": C},
     [("Investment", 200_000_000, "甲公司", "乙公司", None), ("Investment", 80_000_000, "甲公司", "丙公司", None)]),
    ("headline-lender", "甲银行乙分行链上发力 丙集群获贷20亿元\n今年以来，围绕产业集群创新推出专属产品，累计向集群内企业投放贷款23亿元。",
     {"甲银行乙分行": C}, [("Loan", 2_300_000_000, "甲银行乙分行", None, None)]),
    ("named-after", "甲银行为一家企业投放贷款500万元。乙公司是当地龙头企业。", {"甲银行": C, "乙公司": C},
     [("Loan", 5_000_000, "甲银行", "乙公司", None)]),
    ("story-lender", "甲银行向乙公司发放贷款300万元。疫情发生后，该行迅速行动。又推出专项行动，安排信贷资金50亿元。",
     {"甲银行": C, "乙公司": C},
     [("Loan", 3_000_000, "甲银行", "乙公司", None), ("Loan", 5_000_000_000, "甲银行", None, None)]),
    # far from the group's name (a bare 集团 nearby is resolved with the references)
    ("bare-group-receives", "甲控股集团有限公司发布年报。\n" + "各项改革持续推进。" * 40 + "\n本年度，集团获得乙银行授信20亿元。",
     {"甲控股集团有限公司": C, "乙银行": C},
     [("Loan", 2_000_000_000, "乙银行", "甲控股集团有限公司", None)]),
    ("paired-sums", "甲厅下达乙县600万元、丙县400万元。", {"甲厅": A, "乙县": PLACE, "丙县": PLACE},
     [("Grant", 6_000_000, "甲厅", "乙县", None), ("Grant", 4_000_000, "甲厅", "丙县", None)]),
    ("subscribed-fund", "甲产业基金合伙企业揭牌。基金由乙公司发起设立，认缴出资20亿元。",
     {"甲产业基金合伙企业": C, "乙公司": C},
     [("Investment", 2_000_000_000, "乙公司", "甲产业基金合伙企业", None)]),
    ("lead-investor", "乙公司完成3亿元A轮融资。本轮融资由甲公司领投，丙公司跟投。其中，领投方出资1亿元。",
     {"甲公司": C, "乙公司": C, "丙公司": C},
     [("Investment", 300_000_000, "甲公司", "乙公司", None), ("Investment", 100_000_000, "甲公司", "乙公司", None)]),
]

DOCUMENT_CASES = [
    ("sentences-after", "乙公司获得补助资金80万元。拨付这笔资金的是甲局。", {"甲局": A, "乙公司": C},
     [("Grant", 800_000, "甲局", "乙公司", None)]),
    ("project-investors", "甲市政府与乙公司签约，丙项目落户。项目总投资5亿元。",
     {"甲市政府": A, "乙公司": C, "丙项目": J},
     [("Investment", 500_000_000, "乙公司", None, None)]),
    ("story-payers", "甲中心向企业发放补贴2000万元。乙公司获得补贴20万元。", {"甲中心": A, "乙公司": C},
     [("Grant", 20_000_000, "甲中心", None, None), ("Grant", 200_000, "甲中心", "乙公司", None)]),
    ("story-payers", "甲局向乙公司拨付补贴资金500万元。\n全市贴息总额为300万元。", {"甲局": A, "乙公司": C},
     [("Grant", 5_000_000, "甲局", "乙公司", None), ("InterestSubsidy", 3_000_000, "甲局", None, None)]),
    ("story-payers", "甲区已累计拨付扶持资金11亿元。\n这几年，各项政策陆续出台。张三介绍，近年来，甲区在招商、盘活资产等方面，"
     "先后兑现的扶持资金达27.5亿元。",
     {"甲区": PLACE, "张三": "Person"},
     [("Grant", 1_100_000_000, "甲区", None, None), ("Grant", 2_750_000_000, "甲区", None, None)]),
    ("claim-notice", "丙日报登载了《甲资产公司与乙银行债权转让公告》。在这批转让的债权里，丁公司的8000万元贷款最大。",
     {"甲资产公司与乙银行债权转让公告": G, "甲资产公司": C, "乙银行": C, "丁公司": C},
     [("Debt", 80_000_000, "甲资产公司", "丁公司", None)]),
    ("product-lender", "甲银行推出“乙贷”产品。企业反响热烈。\n截至2月末，“乙贷”已累计为丁市93户企业发放贷款5.7亿元。",
     {"甲银行": C, "乙贷": G, "丁市": PLACE},
     [("Loan", 570_000_000, "甲银行", None, None)]),
    ("story-actor-pays", "甲厅筹集资金支持工业振兴。甲厅会同乙公司印发办法。\n为支持项目建设，还安排了补贴资金14.5亿元。",
     {"甲厅": A, "乙公司": C},
     [("Grant", 1_450_000_000, "甲厅", None, None)]),
    ("one-per-amount", "乙公司获得补助50万元。甲局向乙公司拨付补助50万元。", {"甲局": A, "乙公司": C},
     [("Grant", 500_000, "甲局", "乙公司", None)]),
]

PARTY_CASES += (NOTICE_PARTY_CASES + STORY_PARTY_CASES + CONSTRUCTION_PARTY_CASES + OBJECT_PARTY_CASES
                + PLACE_PARTY_CASES + DONATION_PARTY_CASES + CLASS_PARTY_CASES)
DOCUMENT_CASES += (NOTICE_DOCUMENT_CASES + STORY_DOCUMENT_CASES + CONSTRUCTION_DOCUMENT_CASES
                   + ADDRESSEE_DOCUMENT_CASES + TABLE_DOCUMENT_CASES + AWARD_DOCUMENT_CASES
                   + CLASS_DOCUMENT_CASES)
ROLE_CASES += STORY_ROLE_CASES


def test_a_rounded_headline_sum_is_the_body_sum():
    raw = "乙公司获1909万元补助。甲局向乙公司拨付补助资金1909.627万元。"
    found = fundings.find_fundings(analysis_of(raw, {"甲局": ("甲局", A), "乙公司": ("乙公司", C)}))
    assert [summary(f) for f in found] == [("Grant", 19_096_270, "甲局", "乙公司", None)]


def test_every_party_and_document_pass_has_a_case():
    assert {name for name, _ in PARTY_PASSES} == {case[0] for case in PARTY_CASES}
    assert {name for name, _ in DOCUMENT_PASSES} == {case[0] for case in DOCUMENT_CASES}


CASES = ([(funding_roles, "ROLE_PASSES", *case) for case in ROLE_CASES]
         + [(fundings, "PARTY_PASSES", *case) for case in PARTY_CASES]
         + [(fundings, "DOCUMENT_PASSES", *case) for case in DOCUMENT_CASES])


@pytest.mark.parametrize("module, passes, name, raw, names, expected", CASES, ids=[c[2] for c in CASES])
def test_pass(monkeypatch, module, passes, name, raw, names, expected):
    names = {n: (n, t) for n, t in names.items()}
    assert found(raw, names) == expected
    without(monkeypatch, module, passes, name)
    assert found(raw, names) != expected


def test_a_quoted_sum_goes_to_the_unit_speakers_company_named_before_in_the_story():
    names = {"甲公司": ("甲公司", C), "吴芳": ("吴芳", "Person")}
    quote = "“上月就收到了6万元返还款。”财务科科长吴芳说。"
    assert found("甲公司扩大生产规模。" + quote, names) == [("Relief", 60_000, None, "甲公司", None)]
    # a headline line starts another story: the company before it is not the speaker's
    assert found("甲公司扩大生产规模。\n乙报道\n" + quote, names) == [("Relief", 60_000, None, None, None)]


def test_a_loan_balance_takes_no_parties_from_the_flows_around_it():
    names = {"甲银行": ("甲银行", C), "乙公司": ("乙公司", C)}
    assert found("甲银行向乙公司发放贷款5亿元。其中，全市小型企业的贷款余额已达到6.36亿元。", names) == [
        ("Loan", 500_000_000, "甲银行", "乙公司", None), ("Loan", 636_000_000, None, None, None)]


def test_a_total_in_another_paragraph_takes_no_investor_from_a_sum_told_before():
    names = {"甲公司": ("甲公司", C), "乙市": ("乙市", PLACE)}
    assert found("甲公司项目计划投资总额3.1亿元。\n乙市开工的项目有31项，总投资40.26亿元。", names) == [
        ("Investment", 310_000_000, "甲公司", None, None), ("Investment", 4_026_000_000, None, None, None)]


def test_a_company_that_receives_an_interest_subsidy_is_its_payee():
    raw = "对获得担保贷款的企业，甲局按贷款利息的50%给予贴息，乙公司获贴息12万元。"
    assert found(raw, {"甲局": ("甲局", A), "乙公司": ("乙公司", C)}) == [
        ("InterestSubsidy", 120_000, "甲局", "乙公司", None)]


def test_funds_named_after_the_receiving_verb_are_a_grant_of_no_other_kind():
    raw = "乙公司获得甲局智能化改造资金150万元，丙公司获得贴息资金25万元。"
    got = found(raw, {"甲局": ("甲局", A), "乙公司": ("乙公司", C), "丙公司": ("丙公司", C)})
    assert [(f[0], f[1], f[3]) for f in got] == [("Grant", 1_500_000, "乙公司"), ("InterestSubsidy", 250_000, "丙公司")]


def test_a_renewed_loan_of_the_same_sum_is_a_flow_of_its_own():
    raw = "乙公司前年从甲银行获得贷款80万元，今年又续贷80万元。"
    assert found(raw, {"甲银行": ("甲银行", C), "乙公司": ("乙公司", C)}) == [
        ("Loan", 800_000, "甲银行", "乙公司", None)] * 2


def test_a_mark_passed_that_a_precise_sum_rounds_is_no_flow_of_its_own():
    raw = "甲银行：上半年投放贷款超40亿元。今年以来，甲银行累计投放贷款43.2亿元。"
    assert [f[1] for f in found(raw, {"甲银行": ("甲银行", C)})] == [4_320_000_000]


def test_a_sum_passed_in_a_rule_is_a_condition():
    raw = "对固定资产投资超过3亿元的项目，甲局将按设备投资额的8%给予补助。"
    assert found(raw, {"甲局": ("甲局", A)}) == []


def test_a_person_named_after_his_trade_receives_the_loan_paid_to_him():
    raw = "甲银行向丙合作社发放贷款600万元，向乙县家庭农场主张三发放贷款50万元。"
    got = found(raw, {"甲银行": ("甲银行", C), "丙合作社": ("丙合作社", C), "张三": ("张三", "Person")})
    assert got[1] == ("Loan", 500_000, "甲银行", "张三", None)


def test_a_guarantor_named_after_zai_is_no_borrower():
    raw = "乙公司负责人说。今年1月，在甲担保公司提供担保后，丙银行向该公司发放贷款600万元。"
    got = found(raw, {"甲担保公司": ("甲担保公司", C), "乙公司": ("乙公司", C), "丙银行": ("丙银行", C)})
    assert got == [("Loan", 6_000_000, "丙银行", "乙公司", "甲担保公司")]


def test_the_body_tells_a_flow_better_than_the_headline_naming_as_many_parties():
    raw = "甲银行12亿元贷款支持丙市\n\n乙报   2026年4月21日\n\n甲银行与乙公司签订借款合同，约定向后者发放贷款12亿元。"
    names = {n: (n, t) for n, t in {"甲银行": C, "乙公司": C, "丙市": PLACE}.items()}
    assert found(raw, names) == [("Loan", 1_200_000_000, "甲银行", "乙公司", None)]


def test_the_borrower_told_before_pays_no_interest_subsidy():
    names = {n: (n, t) for n, t in {"甲局": A, "乙公司": C, "丙公司": C, "丁银行": C}.items()}
    raw = "甲局关于拨付贴息资金的通知\n乙公司在丁银行贷款800万元，贴息12万元；丙公司在丁银行贷款500万元，贴息7.5万元。\n甲局\n2024年6月1日"
    assert [f for f in found(raw, names) if f[0] == "InterestSubsidy"] == [
        ("InterestSubsidy", 120_000, "甲局", "乙公司", None), ("InterestSubsidy", 75_000, "甲局", "丙公司", None)]


def test_a_flow_after_sums_given_to_several_takes_none_of_them():
    names = {n: (n, t) for n, t in {"乙市": PLACE, "丙市": PLACE, "丁县": PLACE, "戊县": PLACE}.items()}
    raw = "向乙市、丙市分别下达4200万元、3100万元。对丁县、戊县直接下达资金3700万元，其中丁县、戊县各安排500万元。"
    assert found(raw, names)[2] == ("Grant", 37_000_000, None, None, None)
    assert found(raw, names)[3:] == [("Grant", 5_000_000, None, "丁县", None), ("Grant", 5_000_000, None, "戊县", None)]


def test_a_lender_lending_to_a_place_named_right_before_its_verb_lends_to_it():
    names = {n: (n, t) for n, t in {"甲银行": C, "乙市": PLACE}.items()}
    assert found("甲银行向乙市发放应急贷款5亿元。", names) == [("Loan", 500_000_000, "甲银行", "乙市", None)]
    # 为乙市路网建设: the place's purpose, not a borrower
    assert found("甲银行为乙市路网建设发放贷款2亿元。", names) == [("Loan", 200_000_000, "甲银行", None, None)]


def test_the_ceiling_of_a_credit_line_applied_for_is_its_sum():
    names = {n: (n, t) for n, t in {"甲公司": C, "乙银行": C}.items()}
    assert found("甲公司拟向乙银行申请不超过人民币5亿元的综合授信额度。", names) == [
        ("Loan", 500_000_000, "乙银行", "甲公司", None)]
    # a cap of a grant stays a rule
    assert found("甲公司可申请不超过500万元的补助。", names) == []


def test_the_body_that_names_an_award_winner_pays_its_award():
    names = {n: (n, t) for n, t in {"甲管委会": A, "乙公司": C}.items()}
    assert found("今年3月，乙公司被甲管委会评为“优秀民营企业”，获得奖励资金300万元。", names) == [
        ("Grant", 3_000_000, "甲管委会", "乙公司", None)]


def test_a_sum_raised_by_the_body_after_you_is_put_in_by_it():
    names = {n: (n, t) for n, t in {"甲项目": J, "乙集团": C, "丙公司": C}.items()}
    got = found("丙公司负责甲项目建设。甲项目总投资42亿元，其中项目资本金12亿元由乙集团筹措。", names)
    assert ("Investment", 1_200_000_000, "乙集团", None, None) in got


def test_a_flow_stated_before_keeps_the_payer_the_passes_gave_it():
    """The sentence before told its flows with sums: its payer as the passes settled it, not as
    its template reads it again."""
    names = {n: (n, t) for n, t in {"吉林省财政厅": A, "应急管理部": A, "乙县": PLACE, "丙县": PLACE}.items()}
    got = found("吉林省财政厅下达救灾资金9850万元。其中，应急管理部下达中央救灾资金6000万元，省级救灾资金3850万元。"
                "按照评估结果，乙县、丙县分别安排3600万元、250万元。", names)
    assert got[3:] == [("Grant", 36_000_000, "吉林省财政厅", "乙县", None), ("Grant", 2_500_000, "吉林省财政厅", "丙县", None)]


def test_a_person_who_applied_to_a_lender_named_after_the_verb_borrows():
    names = {n: (n, t) for n, t in {"张三": "Person", "甲银行乙支行": C, "丙平台": C}.items()}
    assert found("养蜂户张三今年3月通过丙平台申请到甲银行乙支行15万元贷款。", names) == [
        ("Loan", 150_000, "甲银行乙支行", "张三", None)]


def test_a_name_after_an_as_per_preposition_is_no_subject():
    names = {n: (n, t) for n, t in {"甲局": A, "乙公司": C}.items()}
    got = found("甲局将按乙公司实际支付利息的50%给予贴息，同时给予资产评估费补助6万元。", names)
    assert got[-1][:3] == ("Grant", 60_000, "甲局")


def test_interest_saved_after_a_subsidy_is_the_subsidy():
    names = {n: (n, t) for n, t in {"甲局": A, "张三": "Person"}.items()}
    assert found("甲局按规定对张三的贷款给予全额贴息，预计一年可为他节省利息6000元。", names) == [
        ("InterestSubsidy", 6000, "甲局", "张三", None)]


def test_a_syndicate_told_after_its_sum_lends_it_and_its_members_their_parts():
    names = {n: (n, t) for n, t in {"甲银行": C, "乙银行": C, "丙银行": C}.items()}
    got = found("项目资本金已到位；其余4.8亿元由甲银行牵头，乙银行、丙银行参与组成银团提供贷款，"
                "三家银行分别承贷2.4亿元、1.44亿元、0.96亿元。", names)
    assert [(g[1], g[2]) for g in got] == [(480_000_000, "甲银行"), (240_000_000, "甲银行"), (144_000_000, "乙银行"),
                                           (96_000_000, "丙银行")]


def test_claims_held_in_a_restructuring_are_owed_by_the_company_restructured():
    names = {n: (n, t) for n, t in {"甲公司": C, "乙银行": C, "丙银行": C}.items()}
    got = found("法院裁定批准甲公司重整计划。乙银行、丙银行分别持有债权4.8亿元和3.6亿元。", names)
    assert got == [("Debt", 480_000_000, "乙银行", "甲公司", None), ("Debt", 360_000_000, "丙银行", "甲公司", None)]


def test_funds_put_into_a_body_are_an_investment():
    names = {n: (n, t) for n, t in {"甲公司": C, "乙公司": C}.items()}
    assert found("根据重整计划，甲公司向乙公司注入资金共计6.8亿元。", names) == [
        ("Investment", 680_000_000, "甲公司", "乙公司", None)]


def test_a_clause_that_gives_a_contract_s_amount_takes_the_contract_s_flow():
    names = {n: (n, t) for n, t in {"甲银行乙支行": C, "丙集团": C}.items()}
    assert found("签约现场，甲银行乙支行与丙集团签订首批项目贷款合同，金额8.5亿元。", names) == [
        ("Loan", 850_000_000, "甲银行乙支行", "丙集团", None)]


def test_a_lender_named_after_the_title_keeps_the_title_s_lender_from_the_loan():
    names = {n: (n, t) for n, t in {"甲银行乙分行": C, "丁银行": C}.items()}
    got = found("甲银行乙分行链上发力 丙集群获贷20亿元\n丁银行也在行动。今年以来，累计向集群内企业投放贷款23亿元。", names)
    assert ("Loan", 2_300_000_000, "甲银行乙分行", None, None) not in got
