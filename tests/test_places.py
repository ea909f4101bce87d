"""Place mentions and gazetteer look-ups, on sentences we wrote."""
from __future__ import annotations

import pytest

from kg.lexicon import load_table
from kg.extract.places import (build_trie, expand_place, find_place_mentions,
                       longest_name_end, lookup_place, lookup_places, pick_place)


def places(text: str) -> list[str]:
    return [m.text for m in find_place_mentions(text)]


@pytest.mark.parametrize("text, expected", [
    # full names, nested jurisdictions
    ("吉林省长春市南关区今年新增就业岗位", ["吉林省", "长春市", "南关区"]),
    ("湖北省宜昌市夷陵区召开会议", ["湖北省", "宜昌市", "夷陵区"]),
    ("内蒙古自治区呼和浩特市", ["内蒙古自治区", "呼和浩特市"]),
    # short names of provinces and cities stand alone
    ("来自辽宁、江西的客商齐聚长沙", ["辽宁", "江西", "长沙"]),
    # nicknames
    ("冰城市民和哈市游客", ["冰城", "哈市"]),
    ("龙江大地春耕忙", ["龙江"]),
])
def test_divisions(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    # county short names need a place context: an enumeration, a level word, a tail
    ("延寿、巴彦、木兰三县", ["延寿", "巴彦", "木兰"]),
    ("全市唯一的国贫县延寿和两个省贫县", ["延寿"]),
    ("南岗辖区内的企业", ["南岗"]),
    ("知道里面的情况", []),
    ("街道里的居民", []),
    # a county short name right after a city it does not belong to is part of a name
    ("黑河市西岗子煤田", ["黑河市"]),
])
def test_county_short_names(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    # generic words that are also division names
    ("主城区和老城区的道路", []),
    ("阳泉市城区", ["阳泉市", "城区"]),
    # one-character stems read as part of a phrase
    ("市、区和县三级联动", []),
    ("安徽省和县的农户", ["安徽省", "和县"]),
    # X市场 / X市民: the place is X
    ("长春市场监管部门", ["长春"]),
    ("长春市民踊跃参加", ["长春"]),
    # streets, parks and people named like a city
    ("沿中山路向北", []),
    ("纪念孙中山先生", []),
    # a short name whose first character closes a verb (下达|州（市）)
    ("下达州（市）资金", []),
    ("赴达州考察", ["达州"]),
    # an autonomous prefecture written with its short name and 州
    ("延边州安排资金", ["延边州"]),
    # … an autonomous county with its short name and 县, even one too common to stand alone
    ("丰宁县下达资金", ["丰宁县"]),
    ("宽城县下达资金", ["宽城县"]),
])
def test_false_friends(text, expected):
    assert places(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("位于道里区长岭工业园区的企业", ["道里区", "长岭工业园区"]),
    ("入驻哈尔滨新区的项目", ["哈尔滨新区", "哈尔滨"]),
    ("落户长春经济技术开发区", ["长春经济技术开发区", "长春"]),
    ("下沉到东风街道的干部", ["东风街道"]),
    # an area of a free trade zone, named by its city, is part of the zone's name
    ("设立青海自由贸易试验区西宁片区的企业", ["青海自由贸易试验区西宁片区", "青海", "西宁"]),
    # weak suffixes need a division name; determiners are no names
    ("打造城市新区", []),
    ("建设一个工业园区", []),
    ("该工业园区", []),
])
def test_zones(text, expected):
    assert places(text) == expected


def test_offsets_point_into_the_text():
    text = "去年，哈尔滨市道里区引进项目"
    for m in find_place_mentions(text):
        assert text[m.start:m.end] == m.text and m.type == "Place" and m.entity is None


@pytest.mark.parametrize("name, full", [
    ("哈尔滨", "哈尔滨市"), ("哈市", "哈尔滨市"), ("冰城", "哈尔滨市"), ("龙江", "黑龙江省"),
    ("道里", "道里区"), ("道里区", "道里区"), ("内蒙古", "内蒙古自治区"), ("延边", "延边朝鲜族自治州"),
    ("吉林", "吉林省"), ("不存在", None),
])
def test_expand_place(name, full):
    assert expand_place(name) == full


def test_lookup_gives_parent_and_province():
    place = lookup_place("道里区")
    assert (place.level, place.parent, place.province) == ("county", "哈尔滨市", "黑龙江省")
    assert lookup_place("哈尔滨市").parent == "黑龙江省"
    assert lookup_place("黑龙江省").level == "province"
    assert lookup_place("北京市").level == "province"


@pytest.mark.parametrize("context, parent", [
    ([], "北京市"), (["长春市"], "长春市"), (["吉林省"], "长春市"), (["长春"], "长春市"),
])
def test_pick_place_prefers_the_context(context, parent):
    assert len(lookup_places("朝阳区")) == 2
    assert pick_place(lookup_places("朝阳区"), context).parent == parent


def test_pick_place_of_nothing():
    assert pick_place([], ["长春市"]) is None


def test_gazetteer_is_complete_and_consistent():
    rows = load_table("places.tsv")
    levels = {row[2] for row in rows}
    assert levels == {"province", "city", "county"}
    assert sum(row[2] == "province" for row in rows) == 34
    full_names = {row[0] for row in rows}
    assert all(row[3] in full_names for row in rows if row[3])
    shorts = [row[1] for row in rows if row[1]]
    assert len(shorts) == len(set(shorts))          # a short name stands for one division


def test_trie_walk_takes_the_longest_name():
    trie = build_trie(["道里", "道里区", "道外区", "哈市"])
    text = "道里区道里道外哈市道外区道"
    ends = {i: longest_name_end(trie, text, i) for i in range(len(text) + 1)}
    assert {i: e for i, e in ends.items() if e} == {0: 3, 3: 5, 7: 9, 9: 12}


def test_town_after_its_county_is_a_place_of_its_own():
    from kg.extract.places import find_place_mentions
    found = [m.text for m in find_place_mentions("湄潭县兴隆镇的茶农增收")]
    assert "兴隆镇" in found


def test_town_and_village_named_together():
    from kg.extract.places import find_place_mentions
    found = [m.text for m in find_place_mentions("入冬以来,青岗镇柳湾村的茶园")]
    assert "青岗镇" in found and "柳湾村" in found


def test_demonstration_zones_and_industry_clusters_are_places():
    from kg.extract.places import find_place_mentions
    found = [m.text for m in find_place_mentions("落户青川改革创新示范区，东山县产业集聚区企业增多。")]
    assert "青川改革创新示范区" in found and "东山县产业集聚区" in found


@pytest.mark.parametrize("text, places", [
    ("请市财政局会同县农业农村局拨付", []),          # 会同 is the verb; 县 the county's short form
    ("会同县财政局拨付资金", ["会同县"]),
    ("湖南省会同县召开会议", ["湖南省", "会同县"]),
])
def test_county_named_like_a_verb(text, places):
    assert [m.text for m in find_place_mentions(text)] == places


def test_a_short_name_whose_end_starts_a_full_name_gives_way_to_it():
    """其中|卫辉市: 中卫 (a city's short name) is read across 其中 and 卫辉市."""
    assert places("资金3700万元，其中卫辉市安排1200万元") == ["卫辉市"]
