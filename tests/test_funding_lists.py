"""Fundings of lists, rows and tables in notices we write (kg.extract.funding_ellipsis,
funding_awards, funding_enforcement, funding_tables, clause.row_head): paired sums, table
lines, winners of a title, a bankruptcy case's confirmed claims, rows that name their place
first, parts of a total by bodies, web tables with single spaces, and lending-bank columns.
Each runs the whole pipeline on invented names."""
from __future__ import annotations

import pytest

from kg.extract.pipeline import analyse
from kg.model import Document
from test_fundings import summary

FINANCE = "长春市财政局"
MINGLAN = "长春明澜光电科技有限公司"
HECHUAN = "长春禾川食品有限公司"
SONGXUE = "吉林松雪酒业有限公司"
SIGNED = f"\n{FINANCE}\n2024年3月1日"


def extracted(raw: str) -> tuple[dict[str, str], list[tuple]]:
    """The entity types and the fundings (type, amount, provider, recipient, facilitator) of `raw`."""
    a = analyse(Document("t", raw, "t"))
    return {e.label: str(getattr(e.type, "value", e.type)) for e in a.entities}, [summary(f) for f in a.fundings]


def fundings_of(raw: str) -> list[tuple]:
    return extracted(raw)[1]


# (text, the fundings the rows give) for rows under a header that names the flow.
ROWS = [
    # paired sums: each name right before its own sum, the header names the flow
    (f"{FINANCE}下达稳岗补贴资金，名单如下：\n{MINGLAN}1.5万元、{HECHUAN}4500元。{SIGNED}",
     [("Grant", 15_000, FINANCE, MINGLAN, None), ("Grant", 4_500, FINANCE, HECHUAN, None)]),
    # table lines: a name, a gap of spaces, a sum; the last line is a row, not a headline
    (f"{FINANCE}关于下达技术改造补助资金的通知\n补助资金分配如下：\n{MINGLAN}　300万元\n{HECHUAN}　120万元{SIGNED}",
     [("Grant", 3_000_000, FINANCE, MINGLAN, None), ("Grant", 1_200_000, FINANCE, HECHUAN, None)]),
    # a table line may name its flow in a bracketed note
    (f"下达技术改造资金如下：\n{MINGLAN}（技术改造补助）　300万元\n{HECHUAN}（技术改造补助）　120万元{SIGNED}",
     [("Grant", 3_000_000, FINANCE, MINGLAN, None), ("Grant", 1_200_000, FINANCE, HECHUAN, None)]),
    # a place row receives too
    ("下达资金如下：\n长春市　1200万元\n吉林市　800万元\n吉林省财政厅\n2024年3月1日",
     [("Grant", 12_000_000, "吉林省财政厅", "长春市", None), ("Grant", 8_000_000, "吉林省财政厅", "吉林市", None)]),
]


@pytest.mark.parametrize("raw,expected", ROWS, ids=["paired-sums", "table-lines", "table-line-note", "place-rows"])
def test_bare_rows_under_a_header_receive_from_the_signer(raw, expected):
    assert fundings_of(raw) == expected


def test_paired_sums_without_a_header_are_no_rows():
    """A bare line of names and sums says no flow of its own: nothing is inherited."""
    assert fundings_of(f"{MINGLAN}1.5万元、{HECHUAN}4500元。") == []


def test_winners_of_a_title_are_the_persons_the_items_name():
    """甲公司总监张三、乙大学教授李四获评“某人才”，每人奖励: each person wins the sum; their
    employers neither receive nor pay, the notice's signer pays."""
    raw = (f"{MINGLAN}总监张伟明、吉林禾川大学教授李静雯获评“创新英才”，每人奖励30万元。\n"
           "长春市人才工作领导小组办公室\n2024年3月1日")
    office = "长春市人才工作领导小组办公室"
    got = fundings_of(raw)
    assert got == [("Grant", 300_000, office, "张伟明", None), ("Grant", 300_000, office, "李静雯", None)]
    assert not {MINGLAN, "吉林禾川大学"} & {party for f in got for party in f[2:4]}


def test_winning_companies_each_receive_the_sum():
    raw = f"长春市人力资源和社会保障局发布通知。{MINGLAN}、{HECHUAN}获评“创新示范企业”，每家奖励50万元。"
    got = fundings_of(raw)
    assert [(f[1], f[3]) for f in got] == [(500_000, MINGLAN), (500_000, HECHUAN)]


BANKRUPTCY = ("长春市中级人民法院受理长春禾川食品有限公司破产重整一案。经管理人审查，确认债权如下：\n"
              "1.中国银行长春分行，确认债权2300万元；\n2.长春明澜光电科技有限公司，确认债权450万元。\n"
              "长春市中级人民法院\n2024年7月2日")


def test_a_confirmed_claim_is_the_row_creditor_s_on_the_case_debtor():
    """In a bankruptcy case's notice each row's creditor holds its claim on the case's debtor;
    the court that signs holds none."""
    got = fundings_of(BANKRUPTCY)
    assert got == [("Debt", 23_000_000, "中国银行长春分行", HECHUAN, None),
                   ("Debt", 4_500_000, MINGLAN, HECHUAN, None)]
    assert all(f[2] != "长春市中级人民法院" for f in got)


def test_a_row_may_name_its_place_before_its_company():
    """1.甲市：乙公司，补助资金…: the company after the place heads the row and receives."""
    raw = (f"{FINANCE}关于下达补助资金的通知\n1.长春市：{MINGLAN}，补助资金300万元；\n"
           f"2.吉林市：{SONGXUE}，补助资金150万元。{SIGNED}")
    got = fundings_of(raw)
    assert [(f[0], f[1], f[3]) for f in got] == [("Grant", 3_000_000, MINGLAN), ("Grant", 1_500_000, SONGXUE)]
    assert not {MINGLAN, SONGXUE} & {f[2] for f in got}


def test_parts_of_a_loan_total_by_banks_are_each_bank_s_lending():
    """其中，甲银行40亿元、乙银行35亿元 after a loan total: each part is a loan the bank lends."""
    raw = "今年以来，全省银行机构向民营企业发放贷款120亿元。其中，中国银行吉林省分行40亿元、交通银行吉林省分行35亿元。"
    got = fundings_of(raw)
    assert ("Loan", 4_000_000_000, "中国银行吉林省分行", None, None) in got
    assert ("Loan", 3_500_000_000, "交通银行吉林省分行", None, None) in got


def test_a_web_table_with_single_spaces_is_a_table():
    """序号 企业名称 金额 copied from a web page: single spaces between cells, two or more a line."""
    raw = (f"序号 企业名称 补助金额(元)\n1 {MINGLAN} 5000\n2 {HECHUAN} 3000\n{FINANCE}\n2024年7月2日")
    got = fundings_of(raw)
    assert [(f[0], f[1], f[3]) for f in got] == [("Grant", 5_000, MINGLAN), ("Grant", 3_000, HECHUAN)]


def test_cells_that_state_their_own_unit_under_a_header_that_names_the_flow():
    """序号　项目单位　下达资金 and rows of 320万元: each row one grant of the notice's signer, and
    the header read as one sentence with the first row gives no second flow."""
    raw = (f"{FINANCE}关于下达专项资金的通知\n序号　项目单位　项目名称　下达资金\n1　{MINGLAN}　技改项目　320万元\n"
           f"2　{HECHUAN}　扩产项目　210万元\n{FINANCE}\n2024年7月2日")
    got = fundings_of(raw)
    assert [(f[0], f[1], f[2], f[3]) for f in got] == [("Grant", 3_200_000, FINANCE, MINGLAN),
                                                       ("Grant", 2_100_000, FINANCE, HECHUAN)]


def test_a_table_of_shares_by_place_gives_each_place_its_share():
    """序号　地区（单位）　金额 under 单位：万元: each place receives its row's sum; a column of
    bodies, where the table has one, names the receiver instead."""
    raw = (f"{FINANCE}关于下达专项资金的通知\n附件：专项资金分配表\n单位：万元\n序号　地区（单位）　金额\n"
           f"1　绿园区　540\n2　双阳区　420\n{FINANCE}\n2024年7月2日")
    assert [(f[1], f[2], f[3]) for f in fundings_of(raw)] == [(5_400_000, FINANCE, "绿园区"),
                                                              (4_200_000, FINANCE, "双阳区")]
    raw = (f"{FINANCE}关于下达专项资金的通知\n单位：万元\n序号　县（市、区）　单位名称　金额\n"
           f"1　绿园区　{MINGLAN}　540\n{FINANCE}\n2024年7月2日")
    assert [(f[1], f[3]) for f in fundings_of(raw)] == [(5_400_000, MINGLAN)]


def test_a_table_s_total_investment_column_is_the_row_body_s_investment():
    raw = (f"{FINANCE}关于拟支持项目的公示\n序号　单位名称　项目总投资（万元）　补助金额（万元）\n"
           f"1　{MINGLAN}　18600　260\n{FINANCE}\n2024年7月2日")
    assert fundings_of(raw) == [("Investment", 186_000_000, MINGLAN, None, None),
                                ("Grant", 2_600_000, FINANCE, MINGLAN, None)]


def test_a_row_an_ocr_page_broke_inside_its_cells_is_one_row():
    """1 甲纺织品有 / 限公司 乙公司、张 / 三 18,650,000.00: the lines of one row make its cells."""
    bank = "中国光大银行股份有限公司长春分行"
    raw = (f"债权催收公告\n单位：人民币元\n序号 借款人 担保人 本金\n1 长春明澜光电科技有\n限公司 {HECHUAN}、张\n"
           f"三 18,650,000.00\n2 {SONGXUE} 李四 3,160,000.00\n特此公告。\n{bank}\n2024年4月2日")
    got = fundings_of(raw)
    assert [(f[1], f[2], f[3]) for f in got] == [(18_650_000, bank, MINGLAN), (3_160_000, bank, SONGXUE)]


def test_a_party_column_labelled_with_its_name_and_a_date_in_chinese_numerals():
    """借款人名称 is the borrower's column; the signers close above a date in Chinese numerals."""
    bank = "中国工商银行股份有限公司长春分行"
    raw = (f"债权转让公告\n清单（单位：人民币元）\n序号 借款人名称 担保人名称 本金余额\n1 {MINGLAN} {HECHUAN} 12,860,000.00\n"
           f"特此公告。\n\n{bank}\n二〇二四年七月三日")
    assert fundings_of(raw) == [("Debt", 12_860_000, bank, MINGLAN, None)]


def test_a_court_that_signs_a_notice_holds_no_claim():
    raw = f"债权公告\n1.借款人：{MINGLAN}，借款本金1200万元。\n长春市中级人民法院\n2024年7月3日"
    assert fundings_of(raw) == [("Debt", 12_000_000, None, MINGLAN, None)]


def test_a_line_with_one_space_is_no_table():
    raw = f"企业名称 补助金额(元)\n{MINGLAN} 5000\n{FINANCE}\n2024年7月2日"
    assert fundings_of(raw) == []


def test_a_table_s_lending_bank_column_lends_the_row_s_loan():
    """借款企业 receives, 贷款银行 lends (not the notice's signer)."""
    raw = (f"贷款贴息名单\n单位：万元\n序号|借款企业|贷款银行|贷款金额\n1|{MINGLAN}|中国银行长春分行|500\n"
           f"{FINANCE}\n2024年7月2日")
    assert fundings_of(raw) == [("Loan", 5_000_000, "中国银行长春分行", MINGLAN, None)]


def test_a_column_s_own_unit_stated_above_the_table():
    """贷款金额单位：万元；贴息金额单位：元: each column takes the unit stated for it."""
    raw = (f"贷款金额单位：万元；贴息金额单位：元\n序号|借款企业|贷款金额|贴息金额\n1|{MINGLAN}|500|12000\n"
           f"{FINANCE}\n2024年7月2日")
    got = fundings_of(raw)
    assert [(f[0], f[1], f[3]) for f in got] == [("Loan", 5_000_000, MINGLAN), ("InterestSubsidy", 12_000, MINGLAN)]


def test_a_labelled_principal_takes_the_unit_the_notice_states_above():
    """借款本金余额1260.00 under （单位：人民币万元）: a sum of 12.6 million yuan the borrower owes the bank
    that signs the notice; a bare number with no unit stated above is no sum."""
    bank = "中国农业银行股份有限公司长春分行"
    row = f"1.借款人：{MINGLAN}，借款本金余额1260.00，欠息186.42；保证人：{HECHUAN}。"
    notice = f"{bank}债务催收公告\n\n欠款明细如下（单位：人民币万元）：\n{row}\n\n{bank}\n2022年8月19日"
    assert ("Debt", 12_600_000, bank, MINGLAN, None) in fundings_of(notice)
    assert not any(f[1] == 1260 for f in fundings_of(notice.replace("（单位：人民币万元）", "")))
