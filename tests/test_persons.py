"""Person mentions and job titles, on sentences we wrote with invented names."""
from __future__ import annotations

import pytest

from kg.persons import find_person_mentions, is_name


def persons(text: str, exclude=()) -> list[str]:
    return [m.text for m in find_person_mentions(text, exclude)]


@pytest.mark.parametrize("text, expected", [
    # post before the name
    ("该公司副总经理林晓东难掩激动。", ["林晓东"]),
    ("该局法规科科长邵立群介绍，今年共办理案件。", ["邵立群"]),
    ("市教育局副局长褚文博告诉记者，新学期如期开学。", ["褚文博"]),
    ("联系人：喻海涛，13800000000。", ["喻海涛"]),
    # posts of autonomous prefectures and of a bank's risk function
    ("开工仪式上，副州长钱朗到场并宣布项目动工。", ["钱朗"]),
    ("该行首席风险官贺明出席仪式。", ["贺明"]),
    # name before a verb of saying, with or without an adverb
    ("“今年订单翻了一番。”鲍春燕说。", ["鲍春燕"]),
    ("对此，邝志远表示，工程将按期完工。", ["邝志远"]),
    ("企业负责人柏雪峰高兴地说，贷款已经到账。", ["柏雪峰"]),
    ("据滕晓光介绍，项目总投资5亿元。", ["滕晓光"]),
    # compound surname
    ("公司董事长欧阳明远表示，将扩大生产。", ["欧阳明远"]),
    # name before a post used as an address
    ("计算机学院的甘雨桐老师最先报名。", ["甘雨桐"]),
    # appositive
    ("鲁文静，市农业农村局局长，长期从事农业工作。", ["鲁文静"]),
    # a confirmed name counts wherever it occurs again
    ("主任靳海鸥说，资金已到位。靳海鸥还带队检查。", ["靳海鸥", "靳海鸥"]),
])
def test_names_with_a_cue(text, expected):
    assert persons(text) == expected


@pytest.mark.parametrize("text", [
    # no cue at all
    "林晓东和邵立群一起去了工厂。",
    # forms of address and anonymous people
    "居民李先生说，小区变美了。",
    "家住顶层的张女士告诉记者，暖气热了。",
    "老王说，今年收成不错。",
    "宋先生介绍，店铺已开业。",
    "王局长表示，将加强监管。",
    # words that look like names before a verb of saying
    "简单介绍一下情况。",
    "相关负责人表示，将尽快处理。",
    "他同时表示，将加大投入。",
    "高兴地说起了往事。",
    "全市共有企业三千家。",
    "公安局长表示，将严查。",
    "工商银行指出，贷款利率下降。",
    "经济时报称，市场回暖。",
])
def test_no_person(text):
    assert persons(text) == []


@pytest.mark.parametrize("text, exclude, expected", [
    ("本报讯（记者邹立新）市财政局局长柴宏伟表示，资金已拨付。", [], ["柴宏伟"]),
    ("□本报记者 邹立新 柴宏伟表示，资金已拨付。", [], ["柴宏伟"]),
    ("通讯员邹立新说，活动很成功。", [], []),
    ("邹立新说，活动很成功。", [(0, 3)], []),
])
def test_never_a_reporter(text, exclude, expected):
    assert persons(text, exclude) == expected


@pytest.mark.parametrize("text, expected", [
    # the name ends where the verb of saying starts, not where jieba thinks
    ("该集团票务部长祁云龙告诉记者，客流回升。", "祁云龙"),
    ("该公司经理宁晓说：“订单满了。”", "宁晓"),
    # a name read forward yields to the same name confirmed by a verb of saying
    ("服务区工作人员卞欣正在整理房间。“我们很忙。”卞欣说。", "卞欣"),
])
def test_name_boundaries(text, expected):
    assert set(persons(text)) == {expected}


@pytest.mark.parametrize("name, ok", [
    ("李建华", True), ("欧阳明远", True), ("林晓", True),
    ("李先生", False), ("张老师", False), ("王总", False), ("王某", False),
    ("高新", False), ("张三的", False), ("银行", False), ("李", False), ("李建华东", False),
])
def test_is_name(name, ok):
    assert is_name(name) is ok
