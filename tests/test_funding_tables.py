"""Fundings of tables with | separators (kg.extract.funding_tables), on notices we write.
The pass case runs in test_funding_passes."""
from __future__ import annotations

from kg.extract import fundings
from test_fundings import summary
from test_relations import C, analysis_of

TABLE = "债权清单（单位：元）\n序号|借款人|担保人|本金|利息\n1|乙公司|丙公司|1,200,000.00|35,000.00\n合计| | |1,200,000.00|35,000.00\n"
TABLE_DOCUMENT_CASES = [
    ("table-rows", TABLE + "特此公告。\n甲资产公司\n2024年7月2日", {"乙公司": C, "丙公司": C, "甲资产公司": C},
     [("Debt", 1_200_000, "甲资产公司", "乙公司", None), ("Debt", 1_200_000, "甲资产公司", None, None)]),
]


def found(raw: str, names: dict) -> list[tuple]:
    a = analysis_of(raw, {n: (n, t) for n, t in names.items()})
    return [summary(f) for f in fundings.find_fundings(a)]


def test_a_table_without_a_stated_unit_gives_no_sums():
    raw = TABLE.replace("（单位：元）", "") + "甲资产公司\n2024年7月2日"
    assert found(raw, {"乙公司": C, "丙公司": C, "甲资产公司": C}) == []


def test_a_payout_table_in_ten_thousands_is_paid_by_its_signing_agency():
    raw = "贴息名单（单位：万元）\n序号|借款人|贴息资金\n1|乙公司|12.5\n甲局\n2024年7月2日"
    assert found(raw, {"乙公司": C, "甲局": "Agency"}) == [("InterestSubsidy", 125_000, "甲局", "乙公司", None)]


def test_a_tab_table_with_the_unit_in_its_header_pays_each_row():
    raw = "甲局关于补助名单的公示\n补助资金合计30万元，由甲局拨付。\n序号\t企业名称\t补助金额（万元）\n1\t乙公司\t12\n2\t丙公司\t18\n甲局\n2024年7月2日"
    assert sorted(found(raw, {"乙公司": C, "丙公司": C, "甲局": "Agency"})) == [
        ("Grant", 120_000, "甲局", "乙公司", None), ("Grant", 180_000, "甲局", "丙公司", None)]


def test_columns_apart_by_runs_of_spaces_are_a_table():
    raw = "序号  企业名称  补助金额(元)\n1  乙公司  5000\n甲局\n2024年7月2日"
    assert found(raw, {"乙公司": C, "甲局": "Agency"}) == [("Grant", 5000, "甲局", "乙公司", None)]


def test_single_spaces_make_a_table_copied_from_a_web_page():
    raw = "序号 企业名称 补助金额(元)\n1 乙公司 5000\n甲局\n2024年7月2日"
    assert found(raw, {"乙公司": C, "甲局": "Agency"}) == [("Grant", 5000, "甲局", "乙公司", None)]


def test_a_column_of_county_names_receives_its_rows():
    raw = ("甲州财政局关于下达衔接资金的通知\n现下达衔接资金共计4530万元，分配如下：\n县名　下达金额(万元)　重点方向\n"
           "乙县　2380　茶产业\n丙县　2150　冷链\n甲州财政局\n2024年7月2日")
    got = found(raw, {"甲州财政局": "Agency", "乙县": "Place", "丙县": "Place"})
    assert ("Grant", 23_800_000, "甲州财政局", "乙县", None) in got and ("Grant", 21_500_000, "甲州财政局", "丙县", None) in got


def test_cells_apart_by_enumeration_commas_are_a_table():
    raw = ("甲局关于贴息的公示\n二、项目贷款贴息\n序号、企业名称、贷款银行、贷款金额（万元）、拟贴息金额（万元）\n"
           "1、乙公司、丙银行、1500、37.5\n甲局\n2024年7月2日")
    assert found(raw, {"乙公司": C, "丙银行": C, "甲局": "Agency"}) == [
        ("Loan", 15_000_000, "丙银行", "乙公司", None), ("InterestSubsidy", 375_000, "甲局", "乙公司", None)]


def test_the_investor_column_of_a_table_of_projects_invests():
    """项目名称｜投资方｜总投资: read through the whole pipeline, which keeps the table's lines apart."""
    from kg.extract.pipeline import extract_document
    from kg.model import Document
    raw = ("甲县举行签约仪式\n\n本次签约项目共3个。部分签约项目如下：\n项目名称｜投资方｜总投资\n"
           "年产5万吨新材料项目｜江北恒远科技有限公司｜32亿元\n精密模具项目｜江南永盛精工有限公司｜4.8亿元\n")
    got = [(f.type, f.amount, f.provider, f.recipient) for f in extract_document(Document("t", raw, "t")).fundings]
    assert got == [("Investment", 3_200_000_000, "江北恒远科技有限公司", None),
                   ("Investment", 480_000_000, "江南永盛精工有限公司", None)]


def test_a_total_of_another_kind_than_the_rows_stays_a_flow():
    """合计 before a sum drops a sentence's total of the table's rows, not a total of another kind."""
    from kg.extract.pipeline import extract_document
    from kg.model import Document
    raw = ("甲县举行签约仪式\n\n部分签约项目如下：\n项目名称｜投资方｜总投资\n"
           "年产5万吨新材料项目｜江北恒远科技有限公司｜32亿元\n精密模具项目｜江南永盛精工有限公司｜4.8亿元\n\n"
           "仪式现场，江城银行与签约企业签订银企合作协议，意向授信合计28亿元。\n")
    got = [(f.type, f.amount) for f in extract_document(Document("t", raw, "t")).fundings]
    assert ("Loan", 2_800_000_000) in got


def test_a_borrowing_body_column_and_a_lending_bank_column_give_each_row_its_parties():
    raw = ("甲局关于贴息资金的公示\n序号　借款主体　经办银行　贷款金额（万元）　贴息金额（元）\n"
           "1　乙餐饮店　丙银行丁支行　40　3,040.00\n甲局\n2024年7月2日")
    assert sorted(found(raw, {"乙餐饮店": C, "丙银行丁支行": C, "甲局": "Agency"})) == [
        ("InterestSubsidy", 3040, "甲局", "乙餐饮店", None), ("Loan", 400_000, "丙银行丁支行", "乙餐饮店", None)]


def test_a_table_of_financing_rounds_is_equity_its_investors_bought():
    raw = ("甲局关于股权融资奖励的公示\n序号｜企业名称｜融资轮次｜投资机构｜融资额（万元）\n"
           "1｜乙科技有限公司｜A轮｜丙创业投资有限公司｜4500\n甲局\n2024年7月2日")
    assert found(raw, {"乙科技有限公司": C, "丙创业投资有限公司": C, "甲局": "Agency"}) == [
        ("Investment", 45_000_000, "丙创业投资有限公司", "乙科技有限公司", None)]


def test_rows_of_a_table_without_sums_get_the_sum_each_its_heading_states():
    raw = ("一、技术改造补助\n序号　企业名称　补助金额(万元)\n1　乙公司　30\n"
           "二、专精特新企业奖励(每家奖励80万元)\n序号　企业名称　所在地区\n1　丙公司　南湖区\n"
           "三、创新型企业奖励(每家奖励15万元)\n序号　企业名称　所在地区\n1　丁公司　北湖区\n甲局\n2024年7月2日")
    assert sorted(found(raw, {"乙公司": C, "丙公司": C, "丁公司": C, "甲局": "Agency"})) == [
        ("Grant", 150_000, "甲局", "丁公司", None), ("Grant", 300_000, "甲局", "乙公司", None),
        ("Grant", 800_000, "甲局", "丙公司", None)]


def test_a_column_of_paying_bodies_pays_each_row_and_a_row_s_own_cell_names_its_flow():
    raw = ("甲公司累计收到政府补助资金共计50万元，明细如下：\n序号　获得补助主体　发放主体　补助项目　金额(万元)\n"
           "1　甲公司　乙局　技术改造补助　30\n2　丙公司　丁税务局　增值税即征即退　20\n甲公司董事会\n2024年7月2日")
    names = {"甲公司": C, "丙公司": C, "乙局": "Agency", "丁税务局": "Agency"}
    rows = [f for f in found(raw, names) if f[1] != 500_000]
    assert sorted(rows) == [("Grant", 300_000, "乙局", "甲公司", None), ("Relief", 200_000, "丁税务局", "丙公司", None)]


def test_a_column_of_names_no_label_gives_a_role_receives_a_payout_only():
    payout = "序号|经营主体名称|奖补金额(万元)\n1|乙合作社|12.0\n甲局\n2024年7月2日"
    assert found(payout, {"乙合作社": "Organization", "甲局": "Agency"}) == [("Grant", 120_000, "甲局", "乙合作社", None)]
    capital = "序号|子公司名称|注册资本(万元)\n1|乙公司|8000\n甲公司\n2024年7月2日"
    assert found(capital, {"乙公司": C, "甲公司": C}) == []


def test_a_court_s_table_of_debtors_names_each_debt_s_creditor():
    raw = ("二、其余被执行人列示如下：\n序号　被执行人　申请执行人　未履行本金\n1　乙公司　丙银行丁支行　74万元\n"
           "甲区人民法院\n2024年7月2日")
    assert found(raw, {"乙公司": C, "丙银行丁支行": C, "甲区人民法院": "Agency"}) == [
        ("Debt", 740_000, "丙银行丁支行", "乙公司", None)]


def test_the_cue_that_closes_a_row_s_cell_names_its_flow():
    raw = ("甲公司累计收到政府补助资金共计40万元，明细如下：\n序号　获得补助主体　拨付单位　补助项目　金额(万元)\n"
           "1　甲公司　乙管委会　企业研发投入后补助　26.5\n2　甲公司　丙局　技术改造项目贷款贴息　13.5\n甲公司董事会\n2024年7月2日")
    names = {"甲公司": C, "乙管委会": "Agency", "丙局": "Agency"}
    rows = [f for f in found(raw, names) if f[1] not in (400_000, None)]
    assert sorted(rows) == [("Grant", 265_000, "乙管委会", "甲公司", None),
                            ("InterestSubsidy", 135_000, "丙局", "甲公司", None)]
