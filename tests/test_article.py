"""Article metadata: title, date and bylines."""
from __future__ import annotations

import pytest

from kg.extract.analysis import Analysis
from kg.extract.article import find_byline_spans, find_date, find_title, read_article
from kg.model import Document
from kg.extract.normalize import normalize, split_sentences

BYLINES = [
    # dateline with the reporters in brackets
    ("本报讯(记者甘露)5月8日,远山科技收到一笔补助。", ["甘露"]),
    ("本报讯（记者 甘露 林一帆）近日，远山科技收到一笔补助。", ["甘露", "林一帆"]),
    ("本报3日讯(钟秀 汪子涵 记者林一帆)为整治占道经营,南湖区开展联合检查。", ["钟秀", "汪子涵", "林一帆"]),
    ("本报讯（通讯员 钟秀 记者 甘露）近日，南湖区夜市开放。", ["钟秀", "甘露"]),
    # byline lines
    ("□本报记者 甘露\n\n近日，记者走访了南湖区夜市。", ["甘露"]),
    ("□本报记者 甘露 林一帆\n近日，记者走访了南湖区夜市。", ["甘露", "林一帆"]),
    ("□文/摄 本报记者 林一帆\n“夜市开到十点，生意好多了。”", ["林一帆"]),
    ("摊主正在整理货架。\n\n本报记者 甘露摄\n\n下一段。", ["甘露"]),
    ("本报记者 汪子涵 钟秀 林一帆\n\n在防汛一线，他们日夜值守。", ["汪子涵", "钟秀", "林一帆"]),
    ("记者 甘露 通讯员 钟秀\n近日，南湖区夜市开放。", ["甘露", "钟秀"]),
    ("文/图 汪子涵\n近日，南湖区夜市开放。", ["汪子涵"]),
    ("□晓川\n\n夜市的烟火气，是城市的温度。", ["晓川"]),
    ("改革提速 □江城日报记者 甘露\n江城日报见习记者\n\n汪子涵\n为推进改革，南湖区多措并举。",
     ["甘露", "汪子涵"]),
    # a paragraph-final credit in brackets
    ("夜市将持续到十月底。（林一帆）\n\n下一篇", ["林一帆"]),
    ("（钟秀 汪子涵）\n\n今年以来，青川县税务局推进改革。", ["钟秀", "汪子涵"]),
]

NOT_BYLINES = [
    "记者了解到，远山科技副总经理甘露表示满意。",
    "该公司副总经理甘露说：“补助款很及时。”",
    "南湖区夜市焕新开放\n\n从“小摊”到“街区”",
    "记者节表彰大会召开",
    "收购临川银行南湖支行（现远山银行南湖支行）债权本金余额800万元；",
    "远山科技供图",
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
    ("# 820万元补助解了燃眉之急\n\n本报讯（记者 甘露）5月8日，……", "820万元补助解了燃眉之急"),
    ("\n\n## 护航小微 携手前行\n正文。", "护航小微 携手前行"),
    # first non-empty line
    ("\n\n青川县发展数字农业\n\n智慧果园项目投用\n\n本报讯。", "青川县发展数字农业"),
    ("  临川市南山片区规划公示\n我局组织编制了该规划。", "临川市南山片区规划公示"),
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
                "省财政厅下达的补助资金到账。\n\n新生产线正在调试。\n\n本报记者 林一帆摄\n")
    doc = Document("a.md", original, "samples/a.md")
    text = normalize(original)
    article = read_article(Analysis(doc, text, split_sentences(text)))
    assert article.doc_id == "a.md" and article.source == "samples/a.md"
    assert article.title == "远山科技获820万元补助"
    assert article.date == "2023-05-12"
    assert article.bylines == ("甘露", "林一帆")
