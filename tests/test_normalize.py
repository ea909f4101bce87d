"""Normalisation (line joins, half-width mapping, layout spaces) and sentence splitting."""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from kg.extract.normalize import normalize, split_sentences

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
    ("今年3月，青川县新建的一处2000平方米的仓\n\n库正式启用。",
     "今年3月，青川县新建的一处2000平方米的仓库正式启用。"),
    ("今年3月，青川县新建的一处2000平方米的仓\r\n\r\n库正式启用。",
     "今年3月，青川县新建的一处2000平方米的仓库正式启用。"),
    ("远山资产管理股份有限公司江\n南省分公司持有该笔债权。", "远山资产管理股份有限公司江南省分公司持有该笔债权。"),
    ("因订单减少，临川农机有限公 \n 司的回款有所放缓。", "因订单减少，临川农机有限公司的回款有所放缓。"),
    ("付款方式：分期付款。\n申请人应自通知之日起 15\n\n日内补齐材料。",
     "付款方式：分期付款。\n申请人应自通知之日起15日内补齐材料。"),
    ("办公地址：临川市南湖区文昌路\n\n88号创业大楼\n邮政编码：330001",
     "办公地址：临川市南湖区文昌路88号创业大楼\n邮政编码：330001"),
    ("优化窗口服务，让办事群众享受\n\n“一站式”办理。", "优化窗口服务，让办事群众享受“一站式”办理。"),
    ("报名截止日期：2023年9月1日，逾\n期不再受理。", "报名截止日期：2023年9月1日，逾期不再受理。"),
    # a title spread over two lines is one title (a short line without punctuation set off
    # by a blank line reads as a title, so the broken paragraphs above carry some context)
    ("临川市南山片区控制性\n详细规划公示\n\n我局组织编制了该规划。", "临川市南山片区控制性详细规划公示\n\n我局组织编制了该规划。"),
]

KEPT = [
    # sentence-final punctuation ends the paragraph
    "今天开工。\n\n明天验收。",
    "主要措施如下：\n\n一是加快进度。",
    "她说：“一定按期完成。”\n\n此后工程顺利推进。",
    # headings, titles, captions and bylines
    "各部门合力推动企业整\n\n## 南湖区夜市焕新开放",
    "## 护航小微 携手前行\n### 南湖区市场监管局",
    "夜市经济添活力\n\n本报讯（记者 甘露）近日，南湖区夜市开放。",
    "青川县发展数字农业\n\n智慧果园项目投用\n\n本报9日讯（记者 甘露）9日，项目投用。",
    "抢抓工期,稳步推进\n\n目前,主体结构已完成八成。",
    "夜市开放首日人气旺\n□本报记者 甘露",
    "□本报记者 甘露\n近日，记者走访了南湖区夜市。",
    "本报记者 甘露摄\n\n夜市将持续到十月底。",
    "改革提速 □江城日报记者 林一帆\n江城日报见习记者\n\n汪子涵\n为推进改革，南湖区多措并举。",
    # list items, dates, form fields
    "申报流程如下\n1.登录平台\n2.上传材料",
    "具体要求\n（一）按时申报",
    "远山资产管理有限公司\n2023年9月1日",
    "联系人：赵女士\n联系电话：0791-8765432",
    "邮政编码：330001\n投诉监督电话：0791-8765000",
    "联系人：赵女士，电话：0791-8765XXXX\n\n青川县财政局",
    "联系人：赵女士，手机：138****5678\n青川县财政局",
    "通讯地址：青川县城关镇滨江路218号县政府第二办公楼\n\n青川县财政局\n2024年5月20日",
    # a short numbered heading after a blank line
    "公告\n\n一、获得补助的基本情况\n甲公司累计收到各类政府补助资金940万元，具体明细如下：",
    # signers sharing a line after a field
    "联系部门：青川县财政局预算科\n\n青川县财政局　　青川县农业农村局\n2024年5月20日",
    # a short line before a much longer one ends its paragraph
    "招标公告\n为了推进“春风助企”专项行动，青川县",
    # two blank lines or more are a real paragraph gap
    "这批设备暂时没有\n\n\n\n运走。",
    # a table's lines of cells apart by bars; a list's lines of a name and its sum under a heading
    "企业名称｜政策事项｜金额\n甲公司｜留抵退税｜120万元\n乙公司｜留抵退税｜80万元",
    "（一）技术改造补助\n甲公司，480万元\n乙公司，420万元",
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
    ("补助1200.50 万元。", "补助1200.50万元。"),
    ("贷款余额为 5320.18万元", "贷款余额为5320.18万元"),
    ("签约 12 个", "签约12个"),
    # letter-spaced characters and spaces at Chinese punctuation
    ("资 金 到 位 1200 万 元 ，增 长", "资金到位1200万元，增长"),
    ("持续优化服务。 （甘露）", "持续优化服务。（甘露）"),
    # spaces between words of two or more characters separate names and headline phrases
    ("记者甘露 林一帆", "记者甘露 林一帆"),
    ("抢抓工期 远山科技稳步推进", "抢抓工期 远山科技稳步推进"),
    # spaces next to Latin letters stay
    ("新增一条 U 型生产线", "新增一条 U 型生产线"),
    ("推出“青川 e贷”产品", "推出“青川 e贷”产品"),
]

HALF_WIDTH = [
    ("２０２３年５月１２日", "2023年5月12日"),
    ("ＡＢＣ科技有限公司", "ABC科技有限公司"),
    ("ｅ贷", "e贷"),
    ("甘露　林一帆", "甘露 林一帆"),
    ("３．５万元", "3.5万元"),
    ("增长１５％", "增长15%"),
    # Chinese punctuation is kept as it is
    ("“最多跑一次”（试行）：《办法》，。！？", "“最多跑一次”（试行）：《办法》，。！？"),
]


@pytest.mark.parametrize("original, expected", LAYOUT_SPACES + HALF_WIDTH)
def test_maps_characters_and_drops_layout_spaces(original, expected):
    assert normalize(original).text == expected
    assert_origin_consistent(original)


@pytest.mark.parametrize("original, word", [
    ("今年1月，企业新建的一处生产车\n\n间投入使用。", "车间"),
    ("利息 1200.50 万元", "1200.50万元"),
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


@pytest.mark.parametrize("text, first", [
    ("本报讯（记者 张三）3月2日，某局召开会议。", "3月2日，某局召开会议。"),
    ("本报5日讯(记者李四 通讯员王五)企业复工。", "企业复工。"),
    ("某某日报讯（记者 赵六）项目开工。", "项目开工。"),
])
def test_dateline_is_no_part_of_the_first_sentence(text, first):
    assert split_sentences(normalize(text))[0].text == first


def test_layout_spaces_read_by_run_match_the_regex_rules():
    """find_layout_spaces reads each run of spaces by its neighbours; on random text it drops
    exactly what the rules written as lookaround regexes drop (the form it replaced)."""
    import random

    from kg.extract.normalize import CJK, find_layout_spaces
    digit = re.compile(rf"(?<=[0-9])[ \t]+(?=[{CJK}])|(?<=[{CJK}])[ \t]+(?=[0-9])")
    punct = re.compile(r"[ \t]+(?=[，。、；：？！”’）》」』])|(?<=[，。、；：？！“‘（《「『])[ \t]+")
    cjk_gap, is_cjk = re.compile(rf"(?<=[{CJK}])[ \t]+(?=[{CJK}])"), re.compile(rf"[{CJK}]")

    def by_regex(text):
        drops = [m.span() for m in digit.finditer(text)] + [m.span() for m in punct.finditer(text)]
        drops += [m.span() for m in cjk_gap.finditer(text)
                  if m.start() < 2 or not is_cjk.match(text, m.start() - 2)
                  or m.end() + 1 >= len(text) or not is_cjk.match(text, m.end() + 1)]
        return sorted(drops)

    rng = random.Random(7)
    alphabet = "甲乙丙 \t  09aZ，。“”（）《》、.\n"
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        assert find_layout_spaces(text) == by_regex(text), repr(text)


def test_a_headline_with_one_bar_is_still_a_headline_and_a_table_line_is_none():
    from kg.extract.layout import story_starts
    assert story_starts("甲日报|乙县春耕忙\n\n正文第一句。") == [len("甲日报|乙县春耕忙")]
    assert story_starts("企业名称｜政策事项｜金额\n甲公司｜留抵退税｜120万元\n\n正文第一句。") == []
