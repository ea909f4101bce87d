"""Line breaks that normalisation keeps for rows (kg.extract.normalize): a table line ending in
its sum, a numbered heading closing with a bracketed count, and a line ending in a telephone
number; each beside a broken line that is still joined."""
from __future__ import annotations

import pytest

from kg.extract.normalize import normalize


def text_of(raw: str) -> str:
    return normalize(raw).text


@pytest.mark.parametrize("raw,kept", [
    # table lines: a name, a gap of spaces, a sum
    ("补助资金分配如下：\n长春明澜光电科技有限公司　300万元\n长春禾川食品有限公司　120万元\n长春市财政局",
     ["长春明澜光电科技有限公司300万元\n", "长春禾川食品有限公司120万元\n长春市财政局"]),
    ("下达资金如下：\n长春市　1200万元\n吉林市　800万元\n吉林省财政厅", ["长春市1200万元\n吉林市", "800万元\n吉林省财政厅"]),
    # a table line with a bracketed note before its sum
    ("下达资金如下：\n长春明澜光电科技有限公司（技术改造补助）　300万元\n长春市财政局", ["300万元\n长春市财政局"]),
    # a numbered heading that closes with its count or total in brackets
    ("二、扩岗补助（共2家，合计4.5万元）\n对吸纳高校毕业生的企业给予补助。", ["4.5万元）\n对吸纳"]),
    ("二、扩岗补助（共2家）\n长春明澜光电科技有限公司获得补助。", ["（共2家）\n长春明澜"]),
    # a line ending in a telephone number, masked or not
    ("如有异议，请联系长春市财政局 0431-8888XXXX\n长春市财政局\n2024年7月2日", ["XXXX\n长春市财政局"]),
    ("联系电话 0431-88881234\n长春市财政局", ["88881234\n长春市财政局"]),
    # a table of cells apart by ideographic spaces, numbers without a unit
    ("序号　地区　金额\n1　绿园区　540\n2　双阳区　420\n长春市财政局", ["金额\n1", "540\n2", "420\n长春市财政局"]),
    # a short form field, and a notice's signers each on a line of their own
    ("联系人：甲资产管理公司 张先生\n长春农村商业银行股份有限公司绿园支行\n中国长城资产管理股份有限公司吉林省分公司\n2024年4月2日",
     ["张先生\n长春", "绿园支行\n中国长城"]),
    # a web page's line of metadata
    ("发布日期：2024-09-12　来源：长春市财政局\n各县区财政局：", ["长春市财政局\n各县区"]),
], ids=["table-lines", "place-lines", "bracketed-note", "bracketed-total", "bracketed-count", "masked-phone", "phone", "cell-lines", "signers", "metadata"])
def test_row_breaks_are_kept(raw, kept):
    text = text_of(raw)
    for part in kept:
        assert part in text, text


@pytest.mark.parametrize("raw,joined", [
    # a sum broken inside is no table line
    ("本次补助资金共计1200\n万元，由长春市财政局拨付。", "共计1200万元，由"),
    # a heading whose bracket is followed by more of its sentence runs on
    ("二、扩岗补助（共2家，合计4.5万元），长春明澜\n光电科技有限公司获得补助。", "长春明澜光电科技有限公司"),
    # a table row broken inside a name
    ("序号　单位　金额\n7　长春明澜光电科技有\n限公司　460\n长春市财政局", "光电科技有限公司"),
], ids=["broken-sum", "heading-runs-on", "broken-row"])
def test_broken_lines_are_still_joined(raw, joined):
    assert joined in text_of(raw)


def test_a_row_number_glued_before_a_place_is_no_part_of_a_name():
    """A table row's number run into its first cell once layout spaces go (75005|某县…项目; jieba
    tags the digits x): the place opens the name."""
    from kg.extract.name_body import place_opens
    body = [(0, 5, "x"), (5, 8, "ns"), (8, 11, "ns")]
    assert place_opens("75005循化县街子镇项目", body, frozenset({5}), False) == 1
