"""Lenders of loans on sentences we write (kg.extract.funding_groups, funding_shares,
funding_directions, funding_cues): a syndicate's lead, a lender's share or tranche, a loan
used by a company, counted lenders with 分别, committed floors of credit to a class, and a
central bank's branch called 该行. Each runs the whole pipeline on invented company names."""
from __future__ import annotations

import pytest

from test_funding_lists import MINGLAN, extracted, fundings_of

ICBC = "中国工商银行吉林省分行"
BOC = "中国银行吉林省分行"
BOCOM = "交通银行吉林省分行"


def test_a_syndicate_s_lead_bank_lends_the_whole_loan():
    """由甲行牵头，乙行、丙行共同参与的N亿元银团贷款: the lead lends, not the bank named last;
    the company the loan is all used by borrows."""
    raw = (f"由{ICBC}牵头，{BOC}、{BOCOM}共同参与的20亿元银团贷款正式签约，贷款将全部用于{MINGLAN}。")
    assert fundings_of(raw) == [("Loan", 2_000_000_000, ICBC, MINGLAN, None)]


def test_a_lender_s_share_of_a_larger_loan_goes_to_its_borrower():
    raw = f"{ICBC}向{MINGLAN}发放贷款12亿元。{BOC}承贷3亿元。"
    assert ("Loan", 300_000_000, BOC, MINGLAN, None) in fundings_of(raw)


def test_a_share_larger_than_the_loan_told_before_is_no_part_of_it():
    raw = f"{ICBC}向{MINGLAN}发放贷款2亿元。{BOC}承贷3亿元。"
    assert ("Loan", 300_000_000, BOC, None, None) in fundings_of(raw)


def test_a_loan_used_by_a_company_named_after_it_is_lent_to_it():
    raw = f"{ICBC}提供贷款5亿元，贷款将全部用于{MINGLAN}新建厂房。"
    assert fundings_of(raw) == [("Loan", 500_000_000, ICBC, MINGLAN, None)]


def test_yongyu_ends_a_name():
    """用于 is no part of the bank named after it (全部用于交通银行…)."""
    raw = f"{BOC}向{MINGLAN}发放贷款5亿元，贷款将全部用于{BOCOM}。"
    types, got = extracted(raw)
    assert not [label for label in types if "用于" in label]
    assert got == [("Loan", 500_000_000, BOC, MINGLAN, None)]


def test_counted_lenders_each_lend_their_sum_after_fenbie():
    """三家银行将分别提供300亿元、200亿元、150亿元: the i-th sum is the i-th lender named before
    the count in the same sentence."""
    raw = (f"吉林省人民政府与{BOC}、{BOCOM}、{ICBC}签署协议，三家银行将分别提供300亿元、200亿元、150亿元的授信。")
    assert [(f[0], f[1], f[2]) for f in fundings_of(raw)] == [
        ("Loan", 30_000_000_000, BOC), ("Loan", 20_000_000_000, BOCOM), ("Loan", 15_000_000_000, ICBC)]


@pytest.mark.parametrize("raw,expected", [
    (f"{BOC}将向全省中小企业提供不低于300亿元的信贷支持。", [("Loan", 30_000_000_000, BOC, None, None)]),
    (f"{BOC}、{BOCOM}将分别向全省中小企业提供不低于300亿元、200亿元的信贷支持。",
     [("Loan", 30_000_000_000, BOC, None, None), ("Loan", 20_000_000_000, BOCOM, None, None)]),
], ids=["one-floor", "floors-each"])
def test_a_committed_floor_of_credit_to_a_class_is_a_sum(raw, expected):
    assert fundings_of(raw) == expected


def test_a_floor_of_a_subsidy_to_a_class_stays_a_rule():
    """Only credit (融资, 信贷, 授信, 贷款) committed as a floor is a sum; a subsidy floor is a rule."""
    assert fundings_of(f"{BOC}将为全省中小企业提供不低于30万元的补贴。") == []


def test_gaihang_may_be_a_central_bank_s_branch():
    raw = f"中国人民银行长春市中心支行召开会议。该行向{MINGLAN}发放再贷款1亿元。"
    assert fundings_of(raw) == [("Loan", 100_000_000, "中国人民银行长春市中心支行", MINGLAN, None)]


def test_gaihang_is_not_the_bank_whose_support_frames_the_clause():
    raw = f"中国农业银行长春双阳支行持续加大投放。在农行长春分行的支持下，该行向{MINGLAN}发放贷款470万元。"
    assert fundings_of(raw) == [("Loan", 4_700_000, "中国农业银行长春双阳支行", MINGLAN, "中国农业银行长春分行")]
