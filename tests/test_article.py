"""Article metadata: title, date and bylines."""
from __future__ import annotations

import pytest

from kg.article import find_byline_spans, find_date, find_title, read_article
from kg.model import Document
from kg.normalize import normalize

BYLINES = [
    # dateline with the reporters in brackets
    ("本报讯(记者甘露)6月30日,远山科技获得补助。", ["甘露"]),
    ("本报讯（记者 甘露 林一帆）近日，远山科技获得补助。", ["甘露", "林一帆"]),
    ("本报2日讯(钟秀 汪子涵 记者林一帆)为规范停车秩序,南湖区召开约谈会。", ["钟秀", "汪子涵", "林一帆"]),
    ("本报讯（通讯员 钟秀 记者 甘露）近日，南湖区启动改造。", ["钟秀", "甘露"]),
    # byline lines
    ("□本报记者 甘露\n\n近日，记者走访了南湖区。", ["甘露"]),
    ("□本报记者 甘露 林一帆\n近日，记者走访了南湖区。", ["甘露", "林一帆"]),
    ("□文/摄 本报记者 林一帆\n“我们小区有20多年历史了。”", ["林一帆"]),
    ("施工现场。\n\n本报记者 甘露摄\n\n下一段。", ["甘露"]),
    ("本报记者 汪子涵 钟秀 林一帆\n\n在抗疫一线，他们冲锋在前。", ["汪子涵", "钟秀", "林一帆"]),
    ("记者 甘露 通讯员 钟秀\n近日，南湖区启动改造。", ["甘露", "钟秀"]),
    ("文/图 汪子涵\n近日，南湖区启动改造。", ["汪子涵"]),
    ("□晓川\n\n大街小巷流动的共享单车，方便了出行。", ["晓川"]),
    ("改革破冰 □江城日报全媒体记者 甘露\n江城日报全媒体见习记者\n\n汪子涵\n为了有序开展接种工作，南湖区积极行动。",
     ["甘露", "汪子涵"]),
    # a paragraph-final credit in brackets
    ("努力构建良好的营商环境。（林一帆）\n\n下一篇", ["林一帆"]),
    ("（钟秀 汪子涵）\n\n年初以来，青川县税务局推进改革。", ["钟秀", "汪子涵"]),
]

NOT_BYLINES = [
    "记者了解到，远山科技副总经理甘露表示满意。",
    "该公司副总经理甘露说：“补助款很及时。”",
    "南湖区老旧小区改造\n\n从“里子”改起",
    "记者节表彰大会召开",
    "收购青川银行南湖分行（现远山银行南湖分行）债权本金余额6000万元；",
    "远山科技提供",
]


@pytest.mark.parametrize("text, names", BYLINES)
def test_finds_byline_names(text, names):
    spans = find_byline_spans(text)
    assert [name for _, _, name in spans] == names
    assert all(text[start:end] == name for start, end, name in spans)


@pytest.mark.parametrize("text", NOT_BYLINES)
def test_ignores_people_and_lines_that_are_not_bylines(text):
    assert find_byline_spans(text) == []


TITLES = [
    # markdown heading
    ("# 580万元补助款雪中送炭\n\n本报讯（记者 甘露）6月30日，……", "580万元补助款雪中送炭"),
    ("\n\n## 助企稳岗 共克时艰\n正文。", "助企稳岗 共克时艰"),
    # first non-empty line
    ("\n\n南湖新区建设数字经济载体\n\n数字产业园项目启动\n\n本报讯。", "南湖新区建设数字经济载体"),
    ("  临川市北岭矿区总体规划公示\n我单位开展评价工作。", "临川市北岭矿区总体规划公示"),
    # a heading after the body has started is a section, not the title
    ("今天，远山科技开工。其他内容。\n\n## 小标题", "今天，远山科技开工"),
    # long first lines are cut
    ("甲" * 80, "甲" * 60 + "…"),
    ("\n \n", None),
]


@pytest.mark.parametrize("text, title", TITLES)
def test_finds_title(text, title):
    assert find_title(text) == title


DATES = [
    # full dates, the first one wins
    ("本报讯 2023年5月12日，远山科技开工。2023年6月1日投产。", "2023-05-12"),
    ("发布日期：2021-07-28", "2021-07-28"),
    ("发布日期：2021/7/8", "2021-07-08"),
    ("6月30日补助到账。2020年7月1日起执行新规。", "2020-07-01"),
    ("2024 年 2 月 29 日", "2024-02-29"),
    # impossible dates are skipped
    ("2023年2月30日，以及2021年……2021年……", "2021"),
    # else the most frequent year; ties go to the later year
    ("2019年投产，2020年扩产，2020年达产。", "2020"),
    ("2019年投产，2020年扩产。", "2020"),
    # else none
    ("6月30日，补助款到账。", None),
    ("编号12345年", None),
]


@pytest.mark.parametrize("text, iso", DATES)
def test_finds_date(text, iso):
    assert find_date(text) == iso


def test_reads_article_from_normalised_text():
    original = ("# 远山科技获８２０万元补助\n\n本报讯（记者 甘露）２０２３年５月１２日，"
                "省财政厅下达的补助资金到账。\n\n施工现场。\n\n本报记者 林一帆摄\n")
    doc = Document("a.md", original, "samples/a.md")
    article = read_article(doc, normalize(original))
    assert article.doc_id == "a.md" and article.source == "samples/a.md"
    assert article.title == "远山科技获820万元补助"
    assert article.date == "2023-05-12"
    assert article.bylines == ("甘露", "林一帆")
