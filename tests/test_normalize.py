"""Normalisation (line joins, half-width mapping, layout spaces) and sentence splitting."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from kg.normalize import normalize, split_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = sorted((SHARED / "corpus" / "seeds").glob("*.txt"))
GOLD = SHARED / "gold" / "dev"


def assert_origin_consistent(original: str) -> None:
    """Every normalised character comes from its origin, unchanged or as its half-width form."""
    text = normalize(original)
    assert len(text.origin) == len(text.text) + 1
    assert text.origin[-1] == len(original)
    assert all(a < b for a, b in zip(text.origin, text.origin[1:]))
    for i, char in enumerate(text.text):
        source = original[text.origin[i]]
        assert source == char or unicodedata.normalize("NFKC", source) == char, (i, source, char)


JOINED = [
    # words and names broken at a line end inside running text
    ("今年1月，企业获得了一处3层4500平方米的厂\n\n房作为生产车间。",
     "今年1月，企业获得了一处3层4500平方米的厂房作为生产车间。"),
    ("青川资产管理股份有限公司黑\n龙江省分公司拥有该笔债权。", "青川资产管理股份有限公司黑龙江省分公司拥有该笔债权。"),
    ("受影响，远山农机有限公 \n 司主要客户未回款。", "受影响，远山农机有限公司主要客户未回款。"),
    ("交易条件：一次性付款。\n上述债权自公告之日起 20\n\n个工作日内受理。",
     "交易条件：一次性付款。\n上述债权自公告之日起20个工作日内受理。"),
    ("通讯地址：临川市南湖区建设街\n\n10号金融大厦\n邮政编码：150001",
     "通讯地址：临川市南湖区建设街10号金融大厦\n邮政编码：150001"),
    ("完善管理制度，实现对纳税人的\n\n“一对一”精准服务。", "完善管理制度，实现对纳税人的“一对一”精准服务。"),
    ("公告发布日期：2021年7月28日，有\n效期限：一年。", "公告发布日期：2021年7月28日，有效期限：一年。"),
    # a title spread over two lines is one title (a short line without punctuation set off
    # by a blank line reads as a title, so the broken paragraphs above carry some context)
    ("临川市北岭煤田北岭矿区\n总体规划公示\n\n我单位开展评价工作。", "临川市北岭煤田北岭矿区总体规划公示\n\n我单位开展评价工作。"),
]

KEPT = [
    # sentence-final punctuation ends the paragraph
    "今天开工。\n\n明天验收。",
    "处理意见如下：\n\n一是加快进度。",
    "他说：“一定按期完成。”\n\n此后项目顺利推进。",
    # headings, titles, captions and bylines
    "部门共同督促单车企\n\n## 老旧小区改造提速",
    "## 助企稳岗 共克时艰\n### 南湖区执法局",
    "城区改造新气象\n\n本报讯（记者 甘露）近日，南湖区启动改造。",
    "南湖新区建设数字经济载体\n\n数字产业园项目启动\n\n本报9日讯（记者 甘露）9日，项目启动。",
    "冲在一线,精准消毒\n\n消毒,是切断传播途径的主要手段。",
    "项目推进会召开\n□本报记者 甘露",
    "□本报记者 甘露\n近日，记者走访了南湖区。",
    "本报记者 甘露摄\n\n上述项目明年完工。",
    # list items, dates, form fields
    "办理流程如下\n1.登录网站\n2.填写信息",
    "具体要求\n（一）按时申报",
    "青川资产管理有限公司\n2021年7月28日",
    "联系人：王先生\n联系电话：0451-1234567",
    "邮政编码：150001\n监察审计部门联系人：王先生",
    # a short line before a much longer one ends its paragraph
    "处置公告\n为了落实“春风助企”专项行动，青川县",
    # two blank lines or more are a real paragraph gap
    "这些车辆暂时没有\n\n\n\n运走。",
]


@pytest.mark.parametrize("original, expected", JOINED)
def test_joins_broken_lines(original, expected):
    assert normalize(original).text == expected
    assert_origin_consistent(original)


@pytest.mark.parametrize("original", KEPT)
def test_keeps_paragraph_breaks(original):
    assert normalize(original).text.count("\n") == original.count("\n")


LAYOUT_SPACES = [
    # OCR spaces around digits
    ("利息3742.55 万元。", "利息3742.55万元。"),
    ("余额为 44865.89万元", "余额为44865.89万元"),
    ("完成 35 件", "完成35件"),
    # letter-spaced characters and spaces at Chinese punctuation
    ("事 业 编 制 精 简 8246 名 ，占 比", "事业编制精简8246名，占比"),
    ("良好的营商环境。 （甘露）", "良好的营商环境。（甘露）"),
    # spaces between words of two or more characters separate names and headline phrases
    ("记者甘露 林一帆", "记者甘露 林一帆"),
    ("雪中送炭 远山科技抓住商机", "雪中送炭 远山科技抓住商机"),
    # spaces next to Latin letters stay
    ("正在熨烫一件 T 恤衫", "正在熨烫一件 T 恤衫"),
    ("开展“纳税 e贷”活动", "开展“纳税 e贷”活动"),
]

HALF_WIDTH = [
    ("２０２３年５月１２日", "2023年5月12日"),
    ("ＡＢＣ科技有限公司", "ABC科技有限公司"),
    ("ｅ贷", "e贷"),
    ("甘露　林一帆", "甘露 林一帆"),
    ("３．５万元", "3.5万元"),
    ("增长１５％", "增长15%"),
    # Chinese punctuation is kept as it is
    ("“好差评”（试行）：《办法》，。！？", "“好差评”（试行）：《办法》，。！？"),
]


@pytest.mark.parametrize("original, expected", LAYOUT_SPACES + HALF_WIDTH)
def test_maps_characters_and_drops_layout_spaces(original, expected):
    assert normalize(original).text == expected
    assert_origin_consistent(original)


@pytest.mark.parametrize("original, word", [
    ("今年1月，企业获得了一处厂\n\n房作为车间。", "厂房"),
    ("利息 3742.55 万元", "3742.55万元"),
    ("２０２３年", "2023年"),
])
def test_span_maps_back_to_original(original, word):
    text = normalize(original)
    start = text.text.index(word)
    s, e = text.span(start, start + len(word))
    assert unicodedata.normalize("NFKC", re.sub(r"\s", "", original[s:e])) == word


def test_empty_text_has_one_origin():
    text = normalize("")
    assert text.text == "" and text.origin == (0,)


SENTENCES = [
    # terminators
    ("今天开工。明天验收！后天呢？", ["今天开工。", "明天验收！", "后天呢？"]),
    ("甲方负责施工；乙方负责监理", ["甲方负责施工；", "乙方负责监理"]),
    ("Is it done? Yes!", ["Is it done?", "Yes!"]),
    ("合同签订;设备到货", ["合同签订;", "设备到货"]),
    # closing quotes and brackets stay with their sentence
    ("他说：“好。”我们走。", ["他说：“好。”", "我们走。"]),
    ("（完）。）下一句", ["（完）。）", "下一句"]),
    # line breaks end sentences; whitespace is trimmed; no empty sentences
    ("标题\n\n正文一句。", ["标题", "正文一句。"]),
    ("  前有空格。  \n\n  \n后一句", ["前有空格。", "后一句"]),
    ("\n\n  \n", []),
    # a decimal point or a comma does not end a sentence
    ("增长3.5%，达到1,200万元。", ["增长3.5%，达到1,200万元。"]),
]


@pytest.mark.parametrize("original, expected", SENTENCES)
def test_splits_sentences(original, expected):
    text = normalize(original)
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == expected
    assert all(text.text[s.start:s.end] == s.text for s in sentences)


@pytest.mark.skipif(not SEEDS, reason="../shared/corpus is absent")
@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_seed_offsets_and_gold_names_survive(path):
    original = path.read_text(encoding="utf-8")
    assert_origin_consistent(original)
    text = normalize(original).text
    gold_file = GOLD / f"{path.name}.json"
    if not gold_file.exists():
        pytest.skip("no gold annotation")
    gold = json.loads(gold_file.read_text(encoding="utf-8"))
    names = [e["id"] for e in gold["entities"]] + [a for e in gold["entities"] for a in e["aliases"]]
    assert [n for n in names if n in original and n not in text] == []
    squeezed = re.sub(r"\s", "", text)
    assert [f["evidence"] for f in gold["fundings"]
            if re.sub(r"\s", "", f["evidence"]) not in squeezed] == []
