"""The named passes of resolution, places, persons and line joining, each on text we wrote."""
from __future__ import annotations

import pytest

from kg.extract import normalize
from kg.extract import places
from kg.extract import resolve
from kg.model import Entity, EntityType, Extraction, Article, Mention
from kg.extract.persons import read_name_backward, split_name_length, word_name_length


def test_implied_entities():
    aliases = {(EntityType.COMPANY, "中国农业银行长春朝阳支行"): set(),
               (EntityType.AGENCY, "长春市朝阳区税务局"): set(),
               (EntityType.AGENCY, "长春新区管理委员会"): set()}
    juris = {"长春市朝阳区税务局": "朝阳区"}
    implied = dict(resolve.IMPLIED_ENTITIES)
    assert implied["parent of a branch"](EntityType.COMPANY, "中国农业银行长春朝阳支行", aliases, juris) \
        == (EntityType.COMPANY, "中国农业银行")
    assert implied["district served"](EntityType.AGENCY, "长春市朝阳区税务局", aliases, juris) \
        == (EntityType.PLACE, "朝阳区")
    assert implied["zone governed"](EntityType.AGENCY, "长春新区管理委员会", aliases, juris) \
        == (EntityType.PLACE, "长春新区")
    aliases[(EntityType.PLACE, "长春新区")] = set()
    assert implied["zone governed"](EntityType.AGENCY, "长春新区管理委员会", aliases, juris) is None


def merge(labels: list[tuple[str, str]], passes=None) -> dict:
    mentions = [Mention(0, 1, label, etype) for etype, label in labels]
    by_type: dict = {}
    for etype, label in labels:
        by_type.setdefault(etype, set()).add(label)
    target: dict = {}
    for name, step in resolve.MERGE_PASSES:
        if passes is None or name in passes:
            step(mentions, [label for _, label in labels], by_type, target)
    return target


def test_merge_pass_same_key():
    target = merge([(EntityType.PROJECT, "北湖物流园项目"), (EntityType.PROJECT, "长春北湖物流园项目")],
                   {"same key"})
    assert target == {(EntityType.PROJECT, "北湖物流园项目"): "长春北湖物流园项目"}


def test_merge_pass_keeps_two_registered_companies_apart():
    assert not merge([(EntityType.COMPANY, "宏远置业有限公司"), (EntityType.COMPANY, "宏远控股集团有限公司")],
                     {"same key"})


def test_merge_pass_in_order_abbreviations():
    target = merge([(EntityType.AGENCY, "高开区管理委员会"),
                    (EntityType.AGENCY, "长春市高新技术产业开发区管理委员会")], {"in-order abbreviations"})
    assert target == {(EntityType.AGENCY, "高开区管理委员会"): "长春市高新技术产业开发区管理委员会"}


def test_merge_pass_a_levels_body_without_a_place_is_the_one_named_body_ending_with_it():
    target = merge([(EntityType.AGENCY, "区财政局"), (EntityType.AGENCY, "重庆市沙坪坝区财政局"),
                    (EntityType.AGENCY, "重庆市财政局")], {"in-order abbreviations"})
    assert target == {(EntityType.AGENCY, "区财政局"): "重庆市沙坪坝区财政局"}


def test_merge_pass_follows_chains():
    target = {("T", "a"): "b", ("T", "b"): "c"}
    dict(resolve.MERGE_PASSES)["follow chains"]([], [], {}, target)
    assert target == {("T", "a"): "c", ("T", "b"): "c"}


def test_declared_short_names():
    text = "长春宏远机械有限公司（以下简称“宏远”）"
    full = Mention(0, 10, "长春宏远机械有限公司", EntityType.COMPANY)
    assert resolve.declared_short_names([full], text) == {"宏远": full}


def test_registered_forms_of_a_company_without_its_legal_form():
    labels = {(EntityType.COMPANY, "长春宏远机械有限公司"), (EntityType.COMPANY, "长春宏远机械")}
    assert resolve.registered_forms(labels) == {(EntityType.COMPANY, "长春宏远机械"): {"长春宏远机械有限公司"}}


def test_merge_corpus_renames_across_articles():
    one = Extraction(Article("a", "a"), (), (Entity("长春宏远机械有限公司", EntityType.COMPANY, ("宏远机械",)),), (), ())
    two = Extraction(Article("b", "b"), (), (Entity("宏远机械", EntityType.COMPANY, ()),), (), ())
    assert [e.label for e in resolve.merge_corpus([one, two])[1].entities] == ["长春宏远机械有限公司"]


@pytest.mark.parametrize("context, text, name", [
    ("place word after", "朝阳等区", "朝阳"),
    ("level word before", "贫困县通榆", "通榆"),
    ("listed before a place", "朝阳、长春市", "朝阳"),
])
def test_county_contexts(context, text, name):
    start = text.index(name)
    info = places.lookup_place(name)
    assert dict(places.COUNTY_CONTEXTS)[context](text, start, start + len(name), [], info)


def test_county_context_after_its_parent():
    text = "长春朝阳"
    before = [Mention(0, 2, "长春", EntityType.PLACE)]
    assert dict(places.COUNTY_CONTEXTS)["after its parent"](text, 2, 4, before, places.lookup_place("朝阳区", ["长春市"]))


def test_full_name_of_a_city_before_market():
    assert places.accept_full_name("长春市场监督管理局", 0, 3, []) == (0, 2)


@pytest.mark.parametrize("text, zone", [
    ("长春新区召开会议", "长春新区"),            # after a division
    ("落户长岭工业园区", "长岭工业园区"),        # a strong suffix takes its own name
    ("建设城市新区", None),                     # a weak suffix needs a division
])
def test_read_zone(text, zone):
    found = places.find_place_mentions(text)
    assert (zone in [m.text for m in found]) if zone else all(not m.text.endswith("新区") for m in found)


def test_name_lengths_before_a_cue():
    assert split_name_length(("祁", "x"), ("惠然", "x"), strict=False) == 3
    assert word_name_length(("李建华", "nr"), strict=True) == 3
    assert word_name_length(("公安", "n"), strict=True) == 0
    assert read_name_backward("主任李建华", 5) == (2, 5)


def line(content: str, blank_before=False, blank_after=False) -> normalize._Line:
    return normalize._Line(0, len(content), content, blank_before, blank_after)


@pytest.mark.parametrize("check, prev, nxt", [
    ("sentence end", "资金已到位。", "企业开工"),
    ("byline", "本报记者 张三", "企业开工"),
    ("list or date", "主要任务", "1.加快建设"),
    ("form field", "电话：12345", "地址：某路"),
    ("short line before a long one", "短行", "这是一行很长很长很长很长很长的正文内容"),
])
def test_kept_breaks(check, prev, nxt):
    assert dict(normalize._KEPT_BREAKS)[check](line(prev), line(nxt), 0, False)
    assert not normalize._should_join(line(prev), line(nxt), 0, False)


def test_title_break_and_a_joined_break():
    assert dict(normalize._KEPT_BREAKS)["title"](line("抢抓工期", blank_after=True), line("正文"), 0, True)
    assert normalize._should_join(line("公司新建的一座仓"), line("库投入使用。"), 1, False)


def test_county_context_sub_bureau_of_the_county():
    text = "韶关市环保局乐昌分局"
    before = [Mention(0, 3, "韶关市", EntityType.PLACE)]
    info = places.lookup_place("乐昌市", ["韶关市"])
    assert dict(places.COUNTY_CONTEXTS)["sub-bureau of the county"](text, 6, 8, before, info)
    assert not dict(places.COUNTY_CONTEXTS)["sub-bureau of the county"](text, 6, 8, [], info)
