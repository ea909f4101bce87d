"""The steps of canonical organisation names (kg.extract.canonical), each on a name we made up."""
from __future__ import annotations

import pytest

from kg.extract import canonical
from kg.extract.canonical import Context
from kg.extract.places import lookup_place

HOME = Context("长春市", "吉林省")


@pytest.mark.parametrize("step, name, expected", [
    ("national body", "国家发改委", ("国家发展和改革委员会", None)),
    ("national body", "市发改委", "市发改委"),
    ("national body", "中国证监会", ("中国证券监督管理委员会", None)),
    ("department is its bureau", "人社部门", "人社局"),
    ("department is its bureau", "民政局部门", "民政局"),
    ("department is its bureau", "职能部门", "职能部门"),
    ("fiscal level", "市级财政", "市财政局"),
    ("foreign body", "美国财政部", ("美国财政部", None)),
    ("jurisdiction", "省发改委", ("吉林省发展和改革委员会", "吉林省")),
    ("jurisdiction", "财政局", ("长春市财政局", "长春市")),          # a bare body is the home city's
    ("jurisdiction", "市委", ("中共长春市委员会", "长春市")),
])
def test_org_name_step(step, name, expected):
    assert dict(canonical.ORG_NAME_STEPS)[step](name, 0, HOME) == expected


def test_every_step_has_a_docstring_and_a_case():
    assert all(step.__doc__ for _, step in canonical.ORG_NAME_STEPS)


def test_canonical_org_runs_the_steps_in_order():
    assert canonical.canonical_org("市级财政", 0, HOME) == ("长春市财政局", "长春市")


def test_short_form_takes_the_nearest_place_before():
    ctx = Context("长春市", "吉林省", [(0, lookup_place("吉林市"))])
    assert canonical.short_form_place("市", 5, ctx).name == "吉林市"
    assert canonical.short_form_place("市", 0, ctx).name == "长春市"


def test_a_body_named_in_full_before_gives_its_short_form_the_same_place():
    """甲市日报 … 榆树市农业农村局 … 市农业农村局: 榆树市 (a county-level city), not the paper's
    长春市; a story that names 长春市 itself means it by 市."""
    seen, bodies = [(0, lookup_place("长春市")), (10, lookup_place("榆树市"))], [(10, "榆树市", "农业农村局")]
    ctx = Context("长春市", "吉林省", seen, bodies, frozenset({0}))
    assert canonical.with_jurisdiction("市农业农村局", 30, ctx) == ("榆树市农业农村局", "榆树市")
    assert canonical.with_jurisdiction("市财政局", 30, ctx) == ("长春市财政局", "长春市")
    ctx = Context("长春市", "吉林省", seen, bodies)
    assert canonical.with_jurisdiction("市农业农村局", 30, ctx) == ("长春市农业农村局", "长春市")


def test_opens_with_short_form():
    assert canonical.opens_with_short_form("市发改委", [])
    assert not canonical.opens_with_short_form("市场监管局", [])
    assert not canonical.opens_with_short_form("市委", [lookup_place("长春市")])


def test_official_name_of_a_provincial_bureau():
    assert canonical.official_name(False, "财政局", lookup_place("吉林省")) == "吉林省财政厅"
    # a municipality's bureau keeps its 局
    assert canonical.official_name(False, "财政局", lookup_place("重庆市")) == "重庆市财政局"
    assert canonical.official_name(False, "经济信息委", lookup_place("重庆市")) == "重庆市经济和信息化委员会"


def test_a_branch_named_by_a_province_s_short_name_is_the_province_s_branch():
    from kg.extract.canonical import full_company_name
    assert full_company_name("国开行黑龙江分行") == "国家开发银行黑龙江省分行"
    assert full_company_name("农行内蒙古分行") == "中国农业银行内蒙古自治区分行"
    assert full_company_name("中国工商银行长春分行") == "中国工商银行长春分行"


def test_city_short_form_of_a_bank_is_its_city_branch():
    from kg.extract.canonical import full_company_name
    assert full_company_name("青州市农发行") == "中国农业发展银行青州市分行"
    assert full_company_name("青山县农行") == "中国农业银行青山县支行"
    assert full_company_name("农行青州分行") == "中国农业银行青州分行"


def test_split_jurisdiction_reads_place_names_off_the_trie():
    """split_jurisdiction finds the places that place_name_sizes reads off the gazetteer's trie:
    the same as a lookup of every prefix length with expand_place."""
    from kg.extract.canonical import place_name_sizes, split_jurisdiction
    from kg.extract.places import expand_place
    assert split_jurisdiction("哈尔滨市南岗区财政局") == (["哈尔滨市", "南岗区"], "财政局")
    assert split_jurisdiction("南京路") == ([], "南京路")
    for text in ("黑龙江省哈尔滨市道里区", "长春市朝阳区人民政府", "吉林省长春市", "广东省深圳市南山区科技局", "某某公司"):
        assert place_name_sizes(text) == [n for n in range(1, min(len(text), 8) + 1) if expand_place(text[:n])]
