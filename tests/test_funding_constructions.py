"""Fundings of constructions met on unseen pages (issue 9), on sentences we write: projects'
shares of an allocation (kg.extract.funding_allocations), financing rounds (funding_rounds),
counted groups (funding_groups), court notices' titled parties (funding_enforcement), and the
persons who receive (funding_persons: the person a sentence opens with, the claimant who speaks).
The passes' cases run in test_funding_passes."""
from __future__ import annotations

import pytest

from test_relations import A, C, J, P

PLACE = "Place"

ALLOCATION = "甲省财政厅下达乙县专项债券资金5亿元，支持4个项目建设。"
ROUND = "甲公司宣布完成3亿元B轮融资。本轮由乙基金与丙基金联合领投，丁公司跟投。"
NOTICE = "申请执行人乙银行与被执行人甲公司、丙公司借款合同纠纷一案，判决已生效。本院已冻结其账户。"

# (pass, sentence, names, what the stage finds)
CONSTRUCTION_PARTY_CASES = [
    # a list whose count says it names them all: each its own sum
    ("counted-list-receives", "甲银行向乙公司、丙公司、丁公司3家企业分别发放贷款800万元、500万元和300万元。",
     {"甲银行": C, "乙公司": C, "丙公司": C, "丁公司": C},
     [("Loan", 8_000_000, "甲银行", "乙公司", None), ("Loan", 5_000_000, "甲银行", "丙公司", None),
      ("Loan", 3_000_000, "甲银行", "丁公司", None)]),
    # projects told with the bodies that lead them receive through them
    ("led-projects-receive", "乙大学牵头的丙研究、丁公司牵头的戊研究分别获得资助150万元、100万元。",
     {"乙大学": "Organization", "丙研究": J, "丁公司": C, "戊研究": J},
     [("Grant", 1_500_000, None, "乙大学", None), ("Grant", 1_000_000, None, "丁公司", None)]),
    # the borrower a loan's sentence states by its label borrows it
    ("borrower-stated", "甲银行与乙银行组建的3.2亿元银团贷款合同正式签订，借款人为丙公司。",
     {"甲银行": C, "乙银行": C, "丙公司": C}, [("Loan", 320_000_000, "甲银行", "丙公司", None)]),
    # a part told after 其中 is the body's right before its sum; the rest of its parties are the whole's
    ("named-part", "甲局向企业拨付奖补资金500万元，其中乙公司300万元、丙公司200万元。",
     {"甲局": A, "乙公司": C, "丙公司": C},
     [("Grant", 5_000_000, "甲局", None, None), ("Grant", 3_000_000, "甲局", "乙公司", None),
      ("Grant", 2_000_000, "甲局", "丙公司", None)]),
    # capital put in goes to the company its sentence founds
    ("founded-company", "双方共同出资成立项目公司丙公司，甲公司、乙公司分别出资6亿元、4亿元。",
     {"甲公司": C, "乙公司": C, "丙公司": C},
     [("Investment", 600_000_000, "甲公司", "丙公司", None), ("Investment", 400_000_000, "乙公司", "丙公司", None)]),
    # the lead of a syndicate lends the whole loan, not the member bank named last
    ("syndicate-lead", "由甲银行牵头，乙银行、丙银行共同参与的38亿元银团贷款签约。",
     {"甲银行": C, "乙银行": C, "丙银行": C}, [("Loan", 3_800_000_000, "甲银行", None, None)]),
    # a claim confirmed in a bankruptcy case: the row's creditor holds it on the case's debtor
    ("confirmed-claim", "本院受理甲公司重整一案。现将确认的债权公告如下：\n1.乙银行，确认债权2000万元；\n2.丙公司，确认债权300万元。",
     {"甲公司": C, "乙银行": C, "丙公司": C},
     [("Debt", 20_000_000, "乙银行", "甲公司", None), ("Debt", 3_000_000, "丙公司", "甲公司", None)]),
    # a loan told in a penalty decision's facts with no lender named: the decision's party lends it
    ("party-of-the-facts", "被处罚当事人：甲农村商业银行股份有限公司\n主要违法违规事实：向乙建材有限公司发放借名贷款1200万元。",
     {"甲农村商业银行股份有限公司": C, "乙建材有限公司": C},
     [("Loan", 12_000_000, "甲农村商业银行股份有限公司", "乙建材有限公司", None)]),
    # a debt of a party the claimant sued is owed to the claimant
    ("dispute-parties", "在甲银行乙分行与丙木业有限公司、丁担保有限公司金融借款合同纠纷一案中，法院判决丙木业有限公司偿还借款本金1350万元。",
     {"甲银行乙分行": C, "丙木业有限公司": C, "丁担保有限公司": C},
     [("Debt", 13_500_000, "甲银行乙分行", "丙木业有限公司", None)]),
    ("project-owner-receives", ALLOCATION + "庚项目、辛项目分别获得1亿元和5000万元，两个项目均由壬公司负责建设运营。",
     {"甲省财政厅": A, "乙县": PLACE, "庚项目": J, "辛项目": J, "壬公司": C},
     [("Grant", 500_000_000, "甲省财政厅", "乙县", None), ("Grant", 100_000_000, "甲省财政厅", "壬公司", None),
      ("Grant", 50_000_000, "甲省财政厅", "壬公司", None)]),
    ("investor-is-no-payee", ROUND + "其中，乙基金出资1亿元，丙基金出资8000万元。",
     {"甲公司": C, "乙基金": C, "丙基金": C, "丁公司": C},
     [("Investment", 300_000_000, "乙基金", "甲公司", None), ("Investment", 100_000_000, "乙基金", "甲公司", None),
      ("Investment", 80_000_000, "丙基金", "甲公司", None)]),
    ("counted-lenders", "甲市人民政府与甲银行、丁银行签署合作协议。根据协议，两家银行将向甲市提供授信100亿元。",
     {"甲市人民政府": A, "甲市": PLACE, "甲银行": C, "丁银行": C},
     [("Loan", 10_000_000_000, "甲银行", "甲市", None)]),
    ("counted-payers", "甲保险公司和乙保险公司启动理赔。两家公司分别向受灾牧户支付理赔款80万元和40万元。",
     {"甲保险公司": C, "乙保险公司": C},
     [("Grant", 800_000, "甲保险公司", None, None), ("Grant", 400_000, "乙保险公司", None, None)]),
    ("counted-payee-group", "甲局分别向乙合作社、丙合作社发放补助资金35万元和28万元。丁银行为两家合作社分别发放贷款200万元、150万元。",
     {"甲局": A, "乙合作社": C, "丙合作社": C, "丁银行": C},
     [("Grant", 350_000, "甲局", "乙合作社", None), ("Grant", 280_000, "甲局", "丙合作社", None),
      ("Loan", 2_000_000, "丁银行", "乙合作社", None), ("Loan", 1_500_000, "丁银行", "丙合作社", None)]),
    ("person-subject-receives", "返乡青年张三开办民宿，由甲银行发放创业担保贷款30万元。", {"甲银行": C, "张三": P},
     [("Loan", 300_000, "甲银行", "张三", None)]),
    ("titled-parties", NOTICE + "截至目前，被执行人尚欠借款本金45万元未履行。",
     {"甲公司": C, "乙银行": C, "丙公司": C},
     [("Debt", 450_000, "乙银行", "甲公司", None)]),
]

# a grant or subsidy in a sentence that names its project goes to the project's owner
CONSTRUCTION_PARTY_CASES += [
    ("project-line-receives", "甲市财政局关于下达专项债券资金的通知\n丙县：丁产业园建设项目，项目单位为戊投资有限公司，安排专项债券资金2亿元。",
     {"甲市财政局": A, "丙县": PLACE, "丁产业园建设项目": J, "戊投资有限公司": C},
     [("Grant", 200_000_000, "甲市财政局", "戊投资有限公司", None)]),
    # a project's total is its developer's, not its builder's
    ("developer-total", "乙项目由丙公司负责投资建设，规划面积约2100亩，总投资42亿元，一期工程由丁公司承建，目前已完成投资9.8亿元。",
     {"乙项目": J, "丙公司": C, "丁公司": C},
     [("Investment", 4_200_000_000, "丙公司", None, None), ("Investment", 980_000_000, "丙公司", None, None)]),
]

# a guarantee fee cut is the guarantor's relief, not the lender's; a court that collects a debt
# neither holds nor owes it (the one it recovers it for holds it)
CONSTRUCTION_PARTY_CASES += [
    ("court-is-no-party", "甲县人民法院执结一起借款纠纷案，追回欠款198万元。", {"甲县人民法院": A},
     [("Debt", 1_980_000, None, None, None)]),
    # a refund's company subject receives it (the agency that collected it hands it back)
    ("refund-received", "甲局关于稳岗返还的公示\n乙公司、丙公司分别拟返还39万元、11万元。",
     {"甲局": A, "乙公司": C, "丙公司": C},
     [("Relief", 390_000, None, "乙公司", None), ("Relief", 110_000, None, "丙公司", None)]),
    # the body a sum comes from, named right after it, pays it
    ("sum-comes-from", "乙公司自筹资金投资700万元启动改造工程，其中300万元来自甲银行丙支行发放的绿色信贷。",
     {"乙公司": C, "甲银行丙支行": C},
     [("Investment", 7_000_000, "乙公司", None, None), ("Loan", 3_000_000, "甲银行丙支行", "乙公司", None)]),
    # a body 除…外 sets aside before the sum does not pay it
    ("set-aside-pays-nothing", "乙公司总经理说，项目除甲银行贷款外，还争取到专项资金7300万元。",
     {"乙公司": C, "甲银行": C}, [("Grant", 73_000_000, None, None, None)]),
    # a name after 向 that only modifies the class that receives receives nothing
    ("class-receives", "甲银行向乙担保公司推荐的小微企业发放贷款2.3亿元。",
     {"甲银行": C, "乙担保公司": C}, [("Loan", 230_000_000, "甲银行", None, None)]),
    ("guarantee-fee-waived", "甲担保公司提供担保后，乙银行3天内向丙公司发放贷款500万元，担保费率按0.5%执行，企业少缴担保费5万元。",
     {"甲担保公司": C, "乙银行": C, "丙公司": C},
     [("Loan", 5_000_000, "乙银行", "丙公司", None), ("Relief", 50_000, "甲担保公司", "丙公司", None)]),
]

CONSTRUCTION_DOCUMENT_CASES = [
    ("round-led-by", ROUND, {"甲公司": C, "乙基金": C, "丙基金": C, "丁公司": C},
     [("Investment", 300_000_000, "乙基金", "甲公司", None)]),
    ("counted-payees-unnamed", "甲银行与乙公司签约，为其提供8亿元贷款，甲银行为丙区12家小微企业集中授信3亿元。",
     {"甲银行": C, "乙公司": C, "丙区": PLACE},
     [("Loan", 800_000_000, "甲银行", "乙公司", None), ("Loan", 300_000_000, "甲银行", None, None)]),
    ("claimant-speaks", "丙保险公司向受灾农户支付赔款100万元。养殖户张三的鱼塘被淹。“没几天，5万元赔款就到账了。”张三说。",
     {"丙保险公司": C, "张三": P},
     [("Grant", 1_000_000, "丙保险公司", None, None), ("Grant", 50_000, "丙保险公司", "张三", None)]),
]


def names_of(names: dict) -> dict:
    return {n: (n, t) for n, t in names.items()}


def found(raw: str, names: dict) -> list[tuple]:
    # Imported here: test_funding_passes imports this module's cases.
    from test_funding_passes import found as stage
    return stage(raw, names)


def test_projects_share_an_allocation_with_their_owners_receiving():
    raw = (ALLOCATION + "其中，丙项目获得专项债券资金2亿元，项目业主为丁公司。"
           "庚项目、辛项目分别获得1亿元和5000万元，两个项目均由壬公司负责建设运营。")
    got = found(raw, names_of({"甲省财政厅": A, "乙县": PLACE, "丙项目": J, "丁公司": C, "庚项目": J,
                               "辛项目": J, "壬公司": C}))
    assert got[1:] == [("Grant", 200_000_000, "甲省财政厅", "丁公司", None),
                       ("Grant", 100_000_000, "甲省财政厅", "壬公司", None),
                       ("Grant", 50_000_000, "甲省财政厅", "壬公司", None)]


def test_a_projects_share_without_a_cue_of_its_own_is_of_the_allocations_kind():
    raw = ALLOCATION + "此外，丙项目获得6600万元，由癸公司实施。"
    got = found(raw, names_of({"甲省财政厅": A, "乙县": PLACE, "丙项目": J, "癸公司": C}))
    assert got[1] == ("Grant", 66_000_000, "甲省财政厅", "癸公司", None)


def test_a_cue_word_inside_a_name_gives_way_to_the_allocation():
    raw = ALLOCATION + "由戊投资公司实施的己工程获得1亿元。"
    got = found(raw, names_of({"甲省财政厅": A, "乙县": PLACE, "戊投资公司": C, "己工程": J}))
    assert got[1] == ("Grant", 100_000_000, "甲省财政厅", "戊投资公司", None)


def test_a_project_share_with_no_owner_known_goes_to_nobody_named_elsewhere():
    raw = ("甲局下拨资金300万元，农户张三领到补助5万元。"
           "乙委安排中央预算内投资资金2000万元，支持5个修复项目，其中丙项目获得资金600万元。")
    got = found(raw, names_of({"甲局": A, "张三": P, "乙委": A, "丙项目": J}))
    assert got[-1] == ("Investment", 6_000_000, "乙委", None, None)


def test_an_unnamed_investor_of_a_round_pays_nothing_named_elsewhere():
    raw = ROUND + "其中，省级基金出资1亿元。"
    got = found(raw, names_of({"甲公司": C, "乙基金": C, "丙基金": C, "丁公司": C}))
    assert got[-1] == ("Investment", 100_000_000, None, "甲公司", None)


def test_a_headline_s_lead_investor_is_no_payee_of_the_round():
    """甲公司完成3亿元B轮融资 乙基金领投: the headline's two parts; 甲公司 receives."""
    raw = "甲公司完成3亿元B轮融资 乙基金领投\n" + ROUND
    got = found(raw, names_of({"甲公司": C, "乙基金": C, "丙基金": C, "丁公司": C}))
    assert ("Investment", 300_000_000, "乙基金", "甲公司", None) in got


def test_an_agency_passing_funds_down_pays_them_with_no_payee():
    assert found("甲局已下拨防灾资金300万元，用于种子补助。", names_of({"甲局": A})) == [
        ("Grant", 3_000_000, "甲局", None, None)]


def test_growers_listed_before_a_respective_claim_each_receive_theirs():
    raw = "丙保险公司向受灾农户支付赔款100万元。种植户张三、李四分别获赔9万元和7万元。"
    got = found(raw, names_of({"丙保险公司": C, "张三": P, "李四": P}))
    assert got[1:] == [("Grant", 90_000, "丙保险公司", "张三", None), ("Grant", 70_000, "丙保险公司", "李四", None)]


def test_a_claimant_who_speaks_for_a_company_is_not_the_payee():
    raw = "丙保险公司向受灾农户支付赔款100万元。“没几天，5万元赔款就到账了。”丁公司经理李四说。"
    got = found(raw, names_of({"丙保险公司": C, "丁公司": C, "李四": P}))
    assert all(f[3] != "李四" for f in got)


def test_a_judgment_to_repay_a_loan_makes_the_lender_the_creditor():
    raw = "判决确定：甲公司偿还乙银行借款本金100万元及相应利息。"
    assert found(raw, names_of({"甲公司": C, "乙银行": C})) == [("Debt", 1_000_000, "乙银行", "甲公司", None)]


def test_a_counted_group_of_other_size_takes_no_lender():
    raw = "甲市人民政府与甲银行、丁银行签署合作协议。根据协议，三家银行将向甲市提供授信100亿元。"
    got = found(raw, names_of({"甲市人民政府": A, "甲市": PLACE, "甲银行": C, "丁银行": C}))
    assert got == [("Loan", 10_000_000_000, None, "甲市", None)]


def test_a_person_who_tells_of_a_loan_is_not_its_borrower():
    assert found("张三介绍，由甲银行发放贷款30万元。", names_of({"甲银行": C, "张三": P})) == [
        ("Loan", 300_000, "甲银行", None, None)]


def test_a_grant_received_by_the_person_the_sentence_opens_with():
    raw = "种粮大户张三今年流转土地320亩，获得乙局种粮补贴6.4万元。"
    assert found(raw, names_of({"乙局": A, "张三": P})) == [("Grant", 64_000, "乙局", "张三", None)]


def test_the_debtor_titled_first_still_owes_the_titled_creditor():
    raw = NOTICE + "被执行人应偿还申请执行人借款本金45万元。"
    names = {n: (n, C) for n in ("甲公司", "乙银行", "丙公司")}
    assert found(raw, names) == [("Debt", 450_000, "乙银行", "甲公司", None)]


def test_a_project_total_is_no_lenders():
    raw = "乙项目总投资3.2亿元，项目单位丙公司已获得丁银行发放的贷款1.5亿元。"
    assert found(raw, names_of({"乙项目": J, "丙公司": C, "丁银行": C})) == [
        ("Investment", 320_000_000, "丙公司", None, None), ("Loan", 150_000_000, "丁银行", "丙公司", None)]


def test_a_projects_subsidy_goes_to_its_owner_named_after():
    raw = "甲局已将乙项目纳入贷款贴息支持范围，今年安排贴息资金300万元。乙项目由丙公司作为实施主体。"
    assert found(raw, names_of({"甲局": A, "乙项目": J, "丙公司": C})) == [
        ("InterestSubsidy", 3_000_000, "甲局", "丙公司", None)]


@pytest.mark.parametrize("raw, names, expected", [
    # capital put into a body (增资), after a declared short name, and into listed subsidiaries
    ("甲局以货币出资方式向乙集团（以下简称“乙”）增资15亿元。", {"甲局": A, "乙集团": C},
     [("Investment", 1_500_000_000, "甲局", "乙集团", None)]),
    ("甲集团向旗下全资子公司乙公司、丙公司分别增资6亿元和2.5亿元。", {"甲集团": C, "乙公司": C, "丙公司": C},
     [("Investment", 600_000_000, "甲集团", "乙公司", None), ("Investment", 250_000_000, "甲集团", "丙公司", None)]),
    # the party a syndicated loan is signed with borrows it
    ("由甲银行牵头、乙银行参与组建的24亿元银团贷款，与丙公司在丁市正式签约。",
     {"甲银行": C, "乙银行": C, "丙公司": C, "丁市": PLACE}, [("Loan", 2_400_000_000, "甲银行", "丙公司", None)]),
    # funds paid through one body to another (拨付至)
    ("甲局给予贴息150万元，贴息资金通过乙局拨付至丙公司。", {"甲局": A, "乙局": A, "丙公司": C},
     [("InterestSubsidy", 1_500_000, "甲局", "丙公司", None)]),
    # a round's lead named after it in its sentence leads that round, not the one told before
    ("丙公司宣布完成3亿元B轮融资。丙公司成立于2020年，主要从事芯片研发，2022年9月曾完成1.5亿元A轮融资，由乙基金领投。",
     {"丙公司": C, "乙基金": C},
     [("Investment", 300_000_000, None, "丙公司", None), ("Investment", 150_000_000, "乙基金", "丙公司", None)]),
    # a first drawdown at another branch of the lending bank is of that bank's loan
    ("中国农业发展银行江西省分行向丙公司发放贷款12亿元。首笔贷款2.5亿元由中国农业发展银行赣州市分行完成发放。",
     {"中国农业发展银行江西省分行": C, "丙公司": C, "中国农业发展银行赣州市分行": C},
     [("Loan", 1_200_000_000, "中国农业发展银行江西省分行", "丙公司", None),
      ("Loan", 250_000_000, "中国农业发展银行赣州市分行", "丙公司", None)]),
    # funds put into a body's account (注入), a loss made good (补偿) to the body named after 给予
    ("甲区财政局关于拨付资金的通知\n区财政从就业补助资金中安排1200万元，注入乙担保有限公司担保基金专户。",
     {"甲区财政局": A, "乙担保有限公司": C}, [("Grant", 12_000_000, "甲区财政局", "乙担保有限公司", None)]),
    ("区财政按代偿本金的50%给予乙担保有限公司风险补偿69万元。", {"区财政": ("甲区财政局", A), "乙担保有限公司": C},
     [("Grant", 690_000, "甲区财政局", "乙担保有限公司", None)]),
    # the project's unit (项目单位) named after the project borrows for it
    ("乙项目由丙公司实施，总投资3.2亿元，项目单位已获得丁银行发放的贷款1.5亿元。", {"乙项目": J, "丙公司": C, "丁银行": C},
     [("Investment", 320_000_000, "丙公司", None, None), ("Loan", 150_000_000, "丁银行", "丙公司", None)]),
    # a title and the body tell one loan, each with one of its parties; the title's lender lends
    # the first tranche the body tells without one
    ("丁银行6.8亿元贷款支持乙工程\n2024-06-28 11:05  来源：某报\n6.8亿元贷款的首笔资金2亿元顺利发放至丙公司。",
     {"乙工程": J, "丙公司": C, "丁银行": C},
     [("Loan", 680_000_000, "丁银行", "丙公司", None), ("Loan", 200_000_000, "丁银行", "丙公司", None)]),
    # a subsidy rule for a class of borrowers, or a body's duty in a scheme, is no flow on the loan before
    ("甲银行向乙公司发放贷款20万元。对按期还本付息的种粮主体，县财政还将按照1个百分点给予贴息。",
     {"甲银行": C, "乙公司": C, "县财政": ("甲县财政局", A)}, [("Loan", 200_000, "甲银行", "乙公司", None)]),
    ("甲银行向乙公司发放贷款20万元。由丙局负责资格审核，丁局负责贴息资金拨付。",
     {"甲银行": C, "乙公司": C, "丙局": A, "丁局": A}, [("Loan", 200_000, "甲银行", "乙公司", None)]),
    # and a subsidy larger than the loan told before is none of its
    ("乙银行向丙公司发放贷款300万元。\n甲局今年已拨付贴息资金386万元。", {"甲局": A, "乙银行": C, "丙公司": C},
     [("Loan", 3_000_000, "乙银行", "丙公司", None), ("InterestSubsidy", 3_860_000, "甲局", None, None)]),
    # a fund named after a loan product is a grant, deposited (存入) with the bank
    ("甲县财政局安排1200万元“丰收贷”风险补偿金存入乙银行。", {"甲县财政局": A, "乙银行": C},
     [("Grant", 12_000_000, "甲县财政局", "乙银行", None)]),
    # a borrower who speaks after a quote telling his loan
    ("“38万元贷款三天就到了账。”种粮大户张立新说。", {"张立新": P}, [("Loan", 380_000, None, "张立新", None)]),
    # an insurer paying to a class (向受灾的…) is no maker of what it pays
    ("截至8月5日，甲保险公司已向受灾的326户果农支付保险赔款412.6万元。", {"甲保险公司": C},
     [("Grant", 4_126_000, "甲保险公司", None, None)]),
    # 给他 is the person named last; a body one goes through (通过甲局审核) takes no role
    ("蒜农王立平去年新建了一座冷库，甲银行乙支行当天就给他发放了贷款60万元。", {"王立平": P, "甲银行乙支行": C},
     [("Loan", 600_000, "甲银行乙支行", "王立平", None)]),
    ("今年初他通过甲局审核，从乙银行获得贷款20万元。", {"甲局": A, "乙银行": C}, [("Loan", 200_000, "乙银行", None, None)]),
    # the body that carries out the project a syndicate serves borrows; the first tranche is of that loan
    ("由甲银行牵头组建的银团，为乙集团作为实施主体的丙项目提供银团贷款36亿元，首笔资金8亿元已于2月末发放到位。",
     {"甲银行": C, "乙集团": C, "丙项目": J},
     [("Loan", 3_600_000_000, "甲银行", "乙集团", None), ("Loan", 800_000_000, "甲银行", "乙集团", None)]),
    # tax a company may keep (少缴) is relief it receives from the story's tax bureau
    ("甲税务局今年为企业办理退税2亿元。乙公司按照政策，可少缴企业所得税615万元。", {"甲税务局": A, "乙公司": C},
     [("Relief", 200_000_000, "甲税务局", None, None), ("Relief", 6_150_000, "甲税务局", "乙公司", None)]),
    # credit committed to a place's projects and firms goes to the place
    ("甲银行与乙市人民政府签署协议，计划向乙市重点项目和实体企业提供不低于100亿元的意向性授信。",
     {"甲银行": C, "乙市人民政府": A, "乙市": PLACE}, [("Loan", 10_000_000_000, "甲银行", "乙市", None)]),
    # a lender lending through a product is no other party of that clause; the subsidy's payer follows
    ("甲银行通过“丰农e贷”向订单农户发放贷款3600万元，乙县财政局按年利率2%给予贴息，今年已拨付贴息资金86万元。",
     {"甲银行": C, "丰农e贷": "Program", "乙县财政局": A},
     [("Loan", 36_000_000, "甲银行", None, None), ("InterestSubsidy", 860_000, "乙县财政局", None, None)]),
    # the body whose means one borrows on (凭着乙集团…的应收账款) does not act
    ("甲公司常年向乙集团供应生豆，今年9月凭着乙集团尚未支付的货款形成的应收账款，从丙银行获得贷款800万元。",
     {"甲公司": C, "乙集团": C, "丙银行": C}, [("Loan", 8_000_000, "丙银行", "甲公司", None)]),
    # the one a court recovers a debt for holds it
    ("甲县人民法院执结一起借款纠纷案，为乙银行追回欠款198万元。", {"甲县人民法院": A, "乙银行": C},
     [("Debt", 1_980_000, "乙银行", None, None)]),
    # a clause that repeats the paying verb before its sum is of the flow told before (放贷 is no
    # cue inside 发放贷款)
    ("甲支行今年已向该村农户发放贷款2160万元，其中为张立平发放12万元，为丙合作社发放180万元，用于购买种子。",
     {"甲支行": C, "张立平": P, "丙合作社": C},
     [("Loan", 21_600_000, "甲支行", None, None), ("Loan", 120_000, "甲支行", "张立平", None),
      ("Loan", 1_800_000, "甲支行", "丙合作社", None)]),
    # a counted class of a body's (乙集团的43家供应商) is paid, not the body
    ("截至10月末，甲银行已通过“链通”向乙集团的43家上游供应商累计发放贷款1.18亿元。", {"甲银行": C, "乙集团": C},
     [("Loan", 118_000_000, "甲银行", None, None)]),
    # the one given to may be described before it (对入驻园区的乙公司); funds moved on to a
    # related company (转入其关联企业乙公司) reach it
    ("其中，甲公司对入驻园区的乙公司减免租金48.6万元。", {"甲公司": C, "乙公司": C},
     [("Relief", 486_000, "甲公司", "乙公司", None)]),
    ("其中2800万元贷款资金经该公司账户转入其关联企业乙公司，用于缴纳土地出让金。", {"乙公司": C},
     [("Loan", 28_000_000, None, "乙公司", None)]),
    # a body relieved of a tax or a levy, or allowed to defer it, receives the relief
    ("甲局为企业办理退税2亿元。\n乙公司增值税留抵退税1260万元。\n丙公司缓缴社保费84万元。", {"甲局": A, "乙公司": C, "丙公司": C},
     [("Relief", 200_000_000, "甲局", None, None), ("Relief", 12_600_000, "甲局", "乙公司", None),
      ("Relief", 840_000, "甲局", "丙公司", None)]),
    # money paid back (退还) is a relief
    ("在监管部门督促下，甲公司已向218名会员退还预付费用42.6万元。", {"甲公司": C},
     [("Relief", 426_000, "甲公司", None, None)]),
    # a syndicate that signs a loan contract with a party, no signer named before 与, lends to it
    ("由甲银行牵头，乙银行参加的银团，与丙公司签订丁项目银团贷款合同，银团贷款总额18亿元。",
     {"甲银行": C, "乙银行": C, "丙公司": C, "丁项目": J}, [("Loan", 1_800_000_000, "甲银行", "丙公司", None)]),
    # the cue right before a sum names it, not a purpose after it
    ("丁公司已报名成为意向投资人，拟出资3.2亿元用于清偿债务。", {"丁公司": C},
     [("Investment", 320_000_000, "丁公司", None, None)]),
])
def test_constructions_of_notices_rounds_and_capital(raw, names, expected):
    assert found(raw, {n: t if isinstance(t, tuple) else (n, t) for n, t in names.items()}) == expected


def test_a_subsidy_total_told_with_its_parts_and_a_product_rule_have_no_one_borrower():
    raw = ("甲县财政局对“青茶贷”实行贴息，农户贷款全额贴息。乙银行向丙公司发放贷款200万元。"
           "今年县财政已兑付贴息资金186万元，其中丙公司获得贴息4.5万元。")
    assert found(raw, names_of({"甲县财政局": A, "青茶贷": "Program", "乙银行": C, "丙公司": C})) == [
        ("Loan", 2_000_000, "乙银行", "丙公司", None), ("InterestSubsidy", 1_860_000, "甲县财政局", None, None),
        ("InterestSubsidy", 45_000, "甲县财政局", "丙公司", None)]


def test_a_loan_told_again_with_its_own_sum_names_no_parties_for_earlier_flows():
    # 该笔 after a sum of its own sentence is that sum's; a cue's 资金 right before a sum names it
    raw = ("甲局下达科技补助资金2000万元，其中丁公司获得补助386万元。"
           "乙银行向丁公司发放贷款3000万元，该笔贷款享受财政贴息，首期贴息资金51.75万元已拨付到企业账户。")
    assert found(raw, names_of({"甲局": A, "乙银行": C, "丁公司": C})) == [
        ("Grant", 20_000_000, "甲局", None, None), ("Grant", 3_860_000, "甲局", "丁公司", None),
        ("Loan", 30_000_000, "乙银行", "丁公司", None), ("InterestSubsidy", 517_500, "甲局", "丁公司", None)]


def test_the_other_side_of_a_titled_party_is_the_one_titled_on_it_later():
    raw = "近日，甲县人民法院成功执结一起借款纠纷案，为申请执行人乙银行追回借款本金186万元。\n2021年，被执行人丙合作社扩大养殖规模。"
    assert found(raw, names_of({"甲县人民法院": A, "乙银行": C, "丙合作社": C})) == [
        ("Debt", 1_860_000, "乙银行", "丙合作社", None)]


def test_a_sum_put_into_this_round_goes_to_the_round_s_company():
    names = {n: (n, t) for n, t in {"甲公司": C, "乙基金": C, "丙基金": C, "丁公司": C, "戊资本": C}.items()}
    got = found(ROUND + "甲公司专注于芯片研发。据了解，本轮投资中戊资本出资5000万元。", names)
    assert ("Investment", 50_000_000, "戊资本", "甲公司", None) in got


@pytest.mark.parametrize("raw, kind", [
    ("乙合作社的资金缺口由甲银行以52万元农机购置贷款补上。", "Loan"),
    ("丙局给予乙公司12万元投资补助。", "Grant"),
    ("丙局给予乙公司13万元融资奖励。", "Grant"),
    # 借款人 is a party, no money noun: 退还 names the flow
    ("甲银行已将违规收取的9万元顾问费全部退还借款人。", "Relief"),
])
def test_the_head_of_a_compound_of_cues_names_the_flow(raw, kind):
    """农机购置贷款: 购置 only modifies 贷款, the compound's head."""
    got = found(raw, names_of({"甲银行": C, "乙合作社": C, "乙公司": C, "丙局": A}))
    assert [f[0] for f in got] == [kind]


def test_a_loan_told_by_the_verb_of_getting_it():
    got = found("“前年从甲银行贷到了26万元，盖了新圈舍。”张三说。", names_of({"甲银行": C, "张三": P}))
    assert [(f[0], f[1]) for f in got] == [("Loan", 260_000)]


def test_a_list_s_template_fills_no_roles_of_a_later_clause():
    """甲、乙分别获得…，丙…获得: the list and its sums are one clause's; 丙 receives the third sum."""
    raw = ("今年的奖补资金由丁局统一拨付。甲公司、乙公司分别获得技改奖补资金730万元、410万元，"
           "丙公司因首次进入“专精特新”名录获得一次性奖励15万元。")
    got = found(raw, names_of({"甲公司": C, "乙公司": C, "丙公司": C, "丁局": A}))
    assert ("Grant", 150_000, "丁局", "丙公司", None) in got


def test_a_body_that_puts_in_funds_it_obtained_gives_them():
    """甲局已将争取到的资金注入乙公司: 将…争取到的 tells what 甲局 obtained before and now gives."""
    got = found("甲局已将争取到的3.5亿元债券资金作为项目资本金注入乙公司。", names_of({"甲局": A, "乙公司": C}))
    assert [(f[2], f[3]) for f in got] == [("甲局", "乙公司")]


def test_the_place_a_part_is_allotted_to_after_qizhong_receives_it():
    """其中乙县分配740万元: the part of the allocation goes to the place before 分配."""
    got = found("甲厅下达补助资金3100万元，其中乙县分配740万元。", names_of({"甲厅": A, "乙县": PLACE}))
    assert ("Grant", 7_400_000, "甲厅", "乙县", None) in got


def test_what_an_act_involves_is_its_sum():
    """办理延期缴纳税款，涉及税款530万元: the sum of the clause before's flow."""
    got = found("甲税务局为96户受灾纳税人办理延期缴纳税款，涉及税款530万元。", names_of({"甲税务局": A}))
    assert [(f[0], f[1], f[2]) for f in got] == [("Relief", 5_300_000, "甲税务局")]


def test_the_borrower_names_no_loan():
    """要求借款人支付顾问费，涉及金额9万元: 借款人 is a party, the sum is no loan."""
    got = found("甲银行在发放贷款过程中，要求部分借款人支付财务顾问费，涉及金额9万元。", names_of({"甲银行": C}))
    assert all(f[0] != "Loan" for f in got if f[1] == 90_000)
