"""Amounts of money and dates in Chinese text, as plain records with character offsets.

`find_amounts` reads every number with a unit (580万元, 1.59亿, 一千五百万元, 近6000辆,
10万元至500万元); `is_money` says which of them are sums of money. `find_dates` reads
dates (6月30日, 今年1月末, 2020年7月1日起, 上半年, 14日) into the most precise ISO form
the text supports. Like JioNLP's money parser: regexes in one place, plain results.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, DecimalException
from functools import lru_cache

from ..cache import regex
from ..lexicon import load_words

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9,
             # 大写 numerals of contracts and notices (壹亿贰仟伍佰万元)
             "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9}
CN_UNITS = {"十": 10, "百": 100, "千": 1000, "拾": 10, "佰": 100, "仟": 1000}
# Section units inside one numeral: 一亿二千万 is 1 亿 plus 2000 万.
CN_SECTIONS = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1000),
               "百": Decimal(100), "百万": Decimal(1_000_000), "千万": Decimal(10_000_000),
               "万亿": Decimal(10**12)}
# No budget comes near 10^18 yuan; bigger numbers (runs of digits) would turn into float
# infinity in JSON and the view.
MAX_AMOUNT = Decimal(10) ** 18
MAX_NUMERAL = 40          # characters; 一千二百三十四万五千六百七十八亿… stays far below

_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
# A Chinese numeral starts with a digit or 十 (never 百/千 alone, which are words: 百姓, 千万别);
# 万/亿 belong to it only when more digits follow (壹亿贰仟伍佰万: the last 万 is the multiplier).
_CN_DIGIT = "一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾"
_CHINESE = rf"[{_CN_DIGIT}](?:[零〇{_CN_DIGIT}百千佰仟]|[万亿](?=[零〇{_CN_DIGIT}]))*"
# 超百亿元, 千万余元: a bare 百/千 before its multiplier and 元 is a round numeral (not 千万别).
_ROUND = r"[百千](?=[万亿][余多]?元)"
_APPROX_BEFORE = r"(?P<before>约|近|将近|接近|超过|超|逾|大约|达|共计|合计|总计|累计|共)?"
_AMOUNT = regex(
    _APPROX_BEFORE
    + rf"(?P<num>{_ARABIC}|{_CHINESE}|{_ROUND})\s?(?P<after>余|多)?\s?(?P<mult>万亿|千万|百万|万|亿)?"
    + r"(?P<after2>余|多)?\s?(?P<unit>元|块)?")
_RANGE_JOIN = regex(r"\s?(?:至|到|~|～|－|-|—)\s?")
_APPROX_WORDS = frozenset("约 近 将近 接近 超过 超 逾 大约 余 多".split())
# What a sum of money holds: its unit (元, or 块 read as 元) or a 万/亿 multiplier.
_MONEY_MARK = regex("[元块万亿]")


@dataclass(frozen=True)
class Amount:
    """A number with its unit; `value` is in yuan when `unit` is 元, else a plain count."""
    start: int
    end: int
    text: str
    value: Decimal
    unit: str                 # '元' for money written with 元, else the next character ('' at the end)
    approximate: bool = False
    range_high: Decimal | None = None   # set when the text gives a range (10万元至500万元)

    @property
    def is_range(self) -> bool:
        return self.range_high is not None


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    text: str
    value: str                # 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'


def parse_chinese_integer(numeral: str) -> int:
    """Value of a Chinese numeral, e.g. '一千五百' -> 1500, '十二' -> 12, '三五' -> 35,
    '壹亿贰仟伍佰万' -> 125000000."""
    total, section, digit = 0, 0, None
    for ch in numeral:
        if ch in CN_DIGITS:
            # Two digits in a row (三五, 二〇二〇) read positionally.
            digit = CN_DIGITS[ch] if digit is None else digit * 10 + CN_DIGITS[ch]
        elif ch in CN_SECTIONS:
            section += digit or 0
            if ch == "亿":
                total = (total + section) * CN_SECTIONS[ch]
            else:
                total += (section or 1) * CN_SECTIONS[ch]
            section, digit = 0, None
        else:
            section += (1 if digit is None else digit) * CN_UNITS[ch]
            digit = None
    return total + section + (digit or 0)


def parse_number(numeral: str) -> Decimal:
    """Decimal value of '1.59', '80,645.06' or '一千五百', e.g. parse_number('两千') -> Decimal(2000)."""
    if numeral[0].isdigit():
        return Decimal(numeral.replace(",", ""))
    return Decimal(parse_chinese_integer(numeral))


@lru_cache(maxsize=None)
def money_nouns() -> tuple[str, ...]:
    """Words after which a bare 万/亿 amount is money (资金 1.59亿), from funding_money_words.txt."""
    return load_words("funding_money_words.txt")


def find_amounts(text: str) -> list[Amount]:
    """Every number with its unit in `text`, ranges joined into one Amount.

    Example: find_amounts('给予10万元至500万元补助')[0] -> value 100000, range_high 5000000.
    """
    out: list[Amount] = []
    for m in _AMOUNT.finditer(text):
        num = m.group("num")
        if not num or _inside_word(text, m.start("num"), num):
            continue
        try:
            amount = _read_amount(text, m, out)
        except DecimalException:
            amount = None   # more digits than a Decimal holds
        if amount is None:
            continue        # this amount is rejected, not the text around it
        if amount.range_high is not None:
            out.pop()
        out.append(amount)
    return out


def _read_amount(text: str, m: re.Match, out: list[Amount]) -> Amount | None:
    """The Amount of one match, None when it is beyond any real sum; joined with the previous
    one in `out` into a range when the text between them is a range word (the caller then
    drops that one)."""
    num, mult = m.group("num"), m.group("mult")
    if len(num) > MAX_NUMERAL:
        return None         # and never parsed: a million-digit numeral costs minutes
    if num[0].isdigit():
        value = parse_number(num)
        if mult:
            value = _integral(value * MULTIPLIERS[mult])
    else:       # the multiplier ends the numeral: 壹亿贰仟伍佰 + 万
        value = Decimal(parse_chinese_integer(num + (mult or "")))
    if value >= MAX_AMOUNT:
        return None
    unit = m.group("unit") and "元"
    if unit is None:
        unit = text[m.end():m.end() + 1]
    approximate = any(m.group(g) in _APPROX_WORDS for g in ("before", "after", "after2"))
    start = m.start("before") if m.group("before") in _APPROX_WORDS else m.start("num")
    amount = Amount(start, m.end(), text[start:m.end()], value, unit or "", approximate)
    if out and _RANGE_JOIN.fullmatch(text[out[-1].end:m.start("num")]) \
            and out[-1].end <= m.start("num"):
        low = out[-1]
        # 10至500万元: the low end takes the high end's multiplier and unit.
        low_value = low.value if (low.unit == "元" or not mult or low.value >= value) \
            else _integral(low.value * MULTIPLIERS[mult])
        amount = Amount(low.start, amount.end, text[low.start:amount.end], low_value,
                        amount.unit, low.approximate or approximate, value)
    return amount


def _integral(value: Decimal) -> Decimal:
    """1.59亿 -> 159000000, not 159000000.00."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _inside_word(text: str, start: int, num: str) -> bool:
    """True when a number is part of a longer token such as A1 or G20."""
    before = text[start - 1:start]
    return bool(before) and (before.isascii() and before.isalnum() or before in ".")


def find_sums(text: str) -> list[Amount]:
    """The sums of money in `text` that are no ranges (see find_amounts, is_money)."""
    if not _MONEY_MARK.search(text):
        return []       # no sum is money without one of these (is_money): most sentences
    return [x for x in find_amounts(text) if not x.is_range and is_money(x, text)]


def is_money(amount: Amount, text: str) -> bool:
    """True when `amount` is a sum of money: written with 元, or 万/亿 before or after a money word.

    Example: '支出1.59亿' -> True; '3万平方米' -> False; '近6000辆' -> False.
    """
    if amount.unit == "元":
        return True
    if not re.search(r"[万亿]", amount.text):
        return False
    after = text[amount.end:amount.end + 6]
    before = text[max(0, amount.start - 6):amount.start]
    if after[:1] and not (after[:1] in "，,。；;、！？）)" or after[:1].isspace()):
        return any(after.startswith(w) for w in money_nouns())
    return any(w in before for w in money_nouns())


# ---------------------------------------------------------------- dates

# Every part is optional; a match that is not empty opens with a character of the lookahead's,
# where alone the scan tries the parts (an empty match everywhere else would cost a step each).
_DATE = regex(
    r"(?=[今去明同当\d十一二三四五六七八九上下年])"
    r"(?P<rel>今年|去年|明年|同年|当年)?"
    r"(?:(?P<year>(?:19|20)\d{2})年)?"
    r"(?:(?P<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?"
    r"(?:(?P<day>3[01]|[12]\d|0?[1-9]|[二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号]"
    r"|(?P<part>末|底|初|上旬|中旬|下旬))?)?"
    r"(?P<half>上半年|下半年|年底|年初|年末)?")
_BARE_DAY = regex(r"(?<![\d月年.])(?P<day>3[01]|[12]\d|0?[1-9])日(?!元|均|常|报|益|趋|夜|前|内)")


def _cn_or_int(s: str) -> int:
    return int(s) if s.isdigit() else parse_chinese_integer(s)


def find_dates(text: str, article_date: str | None = None) -> list[DateExpr]:
    """Dates in `text`, years (and months of a bare 14日) taken from `article_date` when left out.

    Example: find_dates('6月30日,省财政厅下发', '2020-07-01')[0].value -> '2020-06-30'.
    """
    year0 = int(article_date[:4]) if article_date and article_date[:4].isdigit() else None
    month0 = int(article_date[5:7]) if article_date and len(article_date) >= 7 else None
    # most matches of _DATE are empty, skipped here unread; a date it reads names a year, a
    # month or a half year (年 or 月), without which no scan
    matches = _DATE.finditer(text) if "年" in text or "月" in text else ()
    out = [d for m in matches if m.end() > m.start() and (d := _written_date(text, m, year0)) is not None]
    if year0 and month0:
        out += _bare_days(text, out, year0, month0)
        out.sort(key=lambda d: d.start)
    return out


def _written_date(text: str, m: re.Match, year0: int | None) -> DateExpr | None:
    """The date a match of _DATE names, or None when it names none the calendar has."""
    if m.end() == m.start() or not (m.group("year") or m.group("month") or m.group("half")):
        return None
    if _cut_from_number(text, m.start(), m.end()):
        return None
    year = int(m.group("year")) if m.group("year") else _relative_year(m.group("rel"), year0)
    if year is None:
        return None
    value = f"{year:04d}"
    if m.group("month"):
        value += f"-{_cn_or_int(m.group('month')):02d}"
        if m.group("day"):
            value += f"-{_cn_or_int(m.group('day')):02d}"
    return DateExpr(m.start(), m.end(), m.group(), value) if is_valid_date(value) else None


def _bare_days(text: str, taken: list[DateExpr], year0: int, month0: int) -> list[DateExpr]:
    """A bare 14日 outside the dates already found, in the article's month."""
    spans = [(d.start, d.end) for d in taken]
    out = []
    for m in _BARE_DAY.finditer(text):
        value = f"{year0:04d}-{month0:02d}-{int(m.group('day')):02d}"
        if not any(s <= m.start() < e for s, e in spans) and is_valid_date(value):
            out.append(DateExpr(m.start(), m.end(), m.group(), value))
    return out


_DIGITS_THEN_DATE = regex(r"\d+[月日号]")


def _cut_from_number(text: str, start: int, end: int) -> bool:
    """True when a match is a piece of an impossible date: 2023年13月 read as 2023年 (month
    13 left over), 13月 read from its 3, 2月32日 read as 2月."""
    return (start > 0 and text[start - 1].isdigit()) or bool(_DIGITS_THEN_DATE.match(text, end))


def is_valid_date(value: str) -> bool:
    """True for a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' the calendar has: not 2023-02-30."""
    parts = [int(p) for p in value.split("-")]
    try:
        datetime.date(parts[0], *(parts[1:] + [1, 1])[:2])
    except ValueError:
        return False
    return True


def _relative_year(rel: str | None, year0: int | None) -> int | None:
    if year0 is None:
        return None
    return year0 + {"去年": -1, "明年": 1}.get(rel or "", 0)
