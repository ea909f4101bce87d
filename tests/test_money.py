"""Amounts and dates (kg.extract.money): tables of [text, expected] grouped by phenomenon."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.money import find_amounts, find_dates, is_money, parse_chinese_integer

# 纯数金额: plain amounts, Arabic and Chinese numerals, with and without 元.
PLAIN = [
    ("580万元", 5_800_000),
    ("1500万元", 15_000_000),
    ("1.59亿元", 159_000_000),
    ("80645.06万元", 806_450_600),
    ("9000元", 9000),
    ("3742.55 万元", 37_425_500),
    ("一千五百万元", 15_000_000),
    ("两千万元", 20_000_000),
    ("十二万元", 120_000),
    ("1,200万元", 12_000_000),
]

# 模糊金额: approximate amounts keep their value and set the flag.
APPROXIMATE = [
    ("2000余万元", 20_000_000),
    ("93万余元", 930_000),
    ("约1300万元", 13_000_000),
    ("近6000万元", 60_000_000),
    ("超过500万元", 5_000_000),
    ("300多万元", 3_000_000),
    ("超百亿元", 10_000_000_000),
    ("近千万元", 10_000_000),
]

# Ranges are one Amount with a low and a high end.
RANGES = [
    ("10万元至500万元", 100_000, 5_000_000),
    ("10至500万元", 100_000, 5_000_000),
    ("8000至9000辆", 8000, 9000),
    ("6000~7000台", 6000, 7000),
]

# Money or not: 元, or 万/亿 next to a money word; never a count of vehicles, people, area.
MONEY = [
    ("支出580万元", True),
    ("1500万贷款助企业渡难关", True),
    ("企业减少电费支出1.59亿", True),
    ("总建筑面积3万平方米", False),
    ("惠及电力客户约37.89万户", False),
    ("暂扣近6000辆", False),
    ("汇集网办事项1.3万余个", False),
    ("带动5000名大学生", False),
    ("以30亿信贷资金支持", True),
]


def test_a_bare_hundred_or_thousand_needs_yuan():
    # 千万 before a unit of goods or as an adverb is no numeral; 百亿 before 元 is one.
    assert find_amounts("建成千万吨级炼油基地，千万别错过") == []
    assert find_amounts("发放百亿元贷款")[0].value == 10_000_000_000


@pytest.mark.parametrize("text,value", PLAIN)
def test_plain_amounts(text, value):
    (amount,) = find_amounts(text)
    assert amount.value == Decimal(value)
    assert not amount.approximate and not amount.is_range
    assert amount.text == text


@pytest.mark.parametrize("text,value", APPROXIMATE)
def test_approximate_amounts(text, value):
    (amount,) = find_amounts(text)
    assert (amount.value, amount.approximate) == (Decimal(value), True)


@pytest.mark.parametrize("text,low,high", RANGES)
def test_ranges(text, low, high):
    (amount,) = find_amounts(text)
    assert (amount.value, amount.range_high) == (Decimal(low), Decimal(high))


@pytest.mark.parametrize("text,expected", MONEY)
def test_money_or_count(text, expected):
    amounts = [a for a in find_amounts(text) if a.value >= 100]
    assert [is_money(a, text) for a in amounts] == [expected]


def test_offsets_index_the_text():
    text = "甲局下发的580万元补助款"
    (amount,) = find_amounts(text)
    assert text[amount.start:amount.end] == "580万元"


def test_a_word_with_a_digit_is_no_amount():
    assert all(not is_money(a, "G20峰会") for a in find_amounts("G20峰会"))


@pytest.mark.parametrize("numeral,value", [("一千五百", 1500), ("十二", 12), ("两千", 2000),
                                           ("三百零五", 305), ("二十", 20)])
def test_chinese_integers(numeral, value):
    assert parse_chinese_integer(numeral) == value


# Dates: the year (and for a bare day, the month) comes from the article when the text omits it.
DATES = [
    ("6月30日,甲局下发", "2020-07-02", "2020-06-30"),
    ("今年1月末,公司筹措资金", "2020-07-02", "2020-01"),
    ("2020年7月1日起不再执行", "2020-07-02", "2020-07-01"),
    ("截至2021年6月30日", "2020-07-02", "2021-06-30"),
    ("上半年营收增长", "2020-07-02", "2020"),
    ("记者14日从供电公司获悉", "2020-03-20", "2020-03-14"),
    ("去年12月,企业获得贷款", "2020-07-02", "2019-12"),
    ("2019年,项目开工", None, "2019"),
]


@pytest.mark.parametrize("text,article_date,expected", DATES)
def test_dates(text, article_date, expected):
    dates = find_dates(text, article_date)
    assert dates and dates[0].value == expected


def test_dates_without_a_known_year_are_left_out():
    assert find_dates("6月30日,甲局下发", None) == []


def test_a_bare_day_needs_the_article_month():
    assert find_dates("记者14日获悉", "2020") == []


# 大写 numerals and numerals with 亿 and 万 inside, as notices and contracts write them.
SECTIONED = [
    ("人民币叁亿肆仟万元", 340_000_000),
    ("贰拾伍万元", 250_000),
    ("一亿零三百万元", 103_000_000),
    ("两千四百六十万元", 24_600_000),
    ("五万亿元", 5_000_000_000_000),
]


@pytest.mark.parametrize("text,value", SECTIONED)
def test_numerals_with_sections_and_capital_digits(text, value):
    amounts = [a for a in find_amounts(text) if a.unit == "元"]
    assert [a.value for a in amounts] == [Decimal(value)]


# Impossible dates are no dates at all (issue 13): not 2023-02-30, not 2023-03-05 from 13月5日.
IMPOSSIBLE_DATES = [
    ("2023年2月30日拨付资金", "2023-01-10"),
    ("2023年13月5日拨付资金", "2023-01-10"),
    ("2月32日拨付资金", "2023-01-10"),
    ("二月三十日拨付资金", "2023-01-10"),
    ("记者31日获悉", "2023-02-10"),
    ("2022年2月29日", None),
]


@pytest.mark.parametrize("text,article_date", IMPOSSIBLE_DATES)
def test_impossible_dates_are_rejected(text, article_date):
    assert find_dates(text, article_date) == []


def test_a_leap_day_is_a_date():
    assert find_dates("2024年2月29日拨付", None)[0].value == "2024-02-29"


# Digit runs (issue 13): each amount is read or rejected alone, never the text around it.
@pytest.mark.parametrize("text", [
    "拨付" + "9" * 22 + "亿元和320万元",
    "拨付" + "9" * 400 + "元和320万元",
    "拨付" + "九" * 100_000 + "亿元和320万元",
    "拨付10至" + "9" * 30 + "亿元和320万元",
])
def test_huge_numbers_lose_only_their_own_amount(text):
    assert [a.text for a in find_amounts(text)][-1] == "320万元"
