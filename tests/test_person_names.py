"""Names without a cue and three-character names next to one (kg.extract.person_names), on
sentences we wrote with invented names."""
from __future__ import annotations

import pytest

from kg.extract.person_names import (credit_line, find_dictionary_names, find_unknown_names, is_cued_name,
                                     is_plausible_given_name, name_runs)
from kg.extract.segment import tag_words
from kg.extract.persons import find_person_mentions


def persons(text: str) -> list[str]:
    return [m.text for m in find_person_mentions(text)]


def unknown(text: str) -> list[str]:
    return [text[s:e] for s, e in find_unknown_names(text)]


@pytest.mark.parametrize("given, expected", [
    ("慧祥", True), ("玉华", True), ("伟龙", True),
    # characters that ordinary words use far more than names
    ("军作", False), ("光电", False), ("新全", False),
])
def test_plausible_given_name(given, expected):
    assert is_plausible_given_name(given) is expected


@pytest.mark.parametrize("text, expected", [
    # between words or punctuation
    ("记者获悉，祁慧祥已经返回公司。", ["祁慧祥"]),
    ("他买下了龚玉华的一幅画。", ["龚玉华"]),
    # a one-character function word around the name is a boundary too
    ("这家企业曾为柏玉祥提供贷款。", ["柏玉祥"]),
    ("对此，甘伟龙在接受采访时说，订单充足。", ["甘伟龙"]),
    ("据介绍，柏玉祥、甘伟龙等人出席。", ["柏玉祥", "甘伟龙"]),
    # a surname and a two-character word that is a name or a proper noun
    ("记者获悉，柏鹏飞已经返回。", ["柏鹏飞"]),
    ("当天，龚秋香到场。", ["龚秋香"]),
])
def test_unknown_names(text, expected):
    assert unknown(text) == expected


@pytest.mark.parametrize("text", [
    # a surname that is a function word here
    "该行向中小企业放贷。",
    "项目由某某集团投资建设。",
    # in quotes or titles: a product, a game, a book
    "他玩过“龚玉华”这款游戏。",
    # part of a foreign name, or transliteration throughout
    "约翰·柏玉祥来访。",
    "我们邀请到雷诺娜参加。",
    # the last character is a verb (an aspect particle follows)
    "某物流公司经理韩立笑着走来。",
    # a credit line names authors
    "撰文：某某公司 祁慧祥 甘伟龙",
    # inside a longer name elsewhere in the text
    "宁夏金岳光子科技有限公司成立。市科技局向金岳光子拨付资金。",
])
def test_no_unknown_name(text):
    assert unknown(text) == []


@pytest.mark.parametrize("text, start, cue_after, expected", [
    ("经理柏建新指着货架说", 2, False, True),
    ("途径。甘伟龙分析说", 3, True, True),
    # the given name is a dictionary word of another class
    ("经理王明天来", 2, False, False),
    ("专家张北京的报告", 2, False, False),
    # a lone character glued on the side away from the cue: part of a longer name
    ("”金岳光子董事长", 2, True, False),
    # after a post and before a verb: the cut joined surname and first given character
    # (冯武 / 婷), or the verb is a lone character; not when the name's last character and
    # the verb form a word (陈平 / 安排), nor before a post (谢谢 / 孟局长)
    ("区长冯武婷陪同考察", 2, False, True),
    ("董事长蒋文博作报告", 3, False, True),
    ("院长陈平安排工作", 2, False, False),
    ("主持人：谢谢孟局长", 6, False, False),
])
def test_cued_name(text, start, cue_after, expected):
    assert is_cued_name(text, start, start + 3, cue_after) is expected


@pytest.mark.parametrize("text, expected", [
    ("经理柏建新指着货架说，销量很好。", ["柏建新"]),
    ("对此，甘伟龙分析说，价格还会上涨。", ["甘伟龙"]),
    ("该行副行长邝琦已赴外地调研。", ["邝琦"]),
    # a cued reading beats a bare one
    ("某物流公司经理韩立笑着说，车流正常。", ["韩立"]),
    # a bare name counts wherever it occurs
    ("记者获悉，祁慧祥已经返回。祁慧祥说，一切顺利。", ["祁慧祥", "祁慧祥"]),
])
def test_persons_with_new_passes(text, expected):
    assert persons(text) == expected


@pytest.mark.parametrize("text, lines", [
    ("撰文：某某公司 祁慧祥\n正文第一句。", ["撰文：某某公司 祁慧祥"]),
    ("（记者 龚玉华）今天\n摄影／柏玉祥", ["摄影／柏玉祥"]),
    # a reporter in running text is no credit line
    ("他告诉记者：工程已完工。", []),
])
def test_credit_line(text, lines):
    assert credit_line().findall(text) == lines


def test_no_place_as_unknown_name():
    # a place's last character (堡, 河, 湾…) closes no name
    assert unknown("他家住在城西的范家堡。") == []


@pytest.mark.parametrize("text, runs", [
    ("由祁慧祥投资", ["祁慧祥"]),
    ("记者获悉，柏鹏飞已经返回。", ["柏鹏飞"]),
    # four single characters in a row are a phrase, not a name
    ("这里有人说过", []),
])
def test_name_runs(text, runs):
    assert [text[s:e] for s, e in name_runs(text, tag_words(text))] == runs


@pytest.mark.parametrize("text, expected", [
    # a name jieba's dictionary holds, its given characters clearly a name's
    ("他读过刘克庄的诗。", ["刘克庄"]),
    # weaker given names stand as a pair in a list
    ("史书中王安石、文天祥都有记载。", ["王安石", "文天祥"]),
    ("他读过王安石的诗。", []),
])
def test_find_dictionary_names(text, expected):
    assert [text[s:e] for s, e in find_dictionary_names(text)] == expected


def test_a_given_name_jieba_tags_as_a_place_is_a_name_when_no_division_has_it():
    """副总经理张振国 / 行长赵永庆: jieba tags 振国 and 永庆 ns, but no division bears them; 张北京
    stays no name (北京 is one)."""
    from kg.extract.person_names import is_cued_name
    assert is_cued_name("行长赵永庆介绍", 2, 5, False)
    assert is_cued_name("副总经理张振国介绍", 4, 7, False)
    assert not is_cued_name("经理张北京来", 2, 5, False)
