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
