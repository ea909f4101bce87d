"""The named passes of headed names (kg.extract.names, kg.extract.name_body), each on a sentence we wrote."""
from __future__ import annotations

import re

import pytest

from kg.extract import names
from kg.extract.mentions import tag_span
from kg.model import EntityType, Sentence
from kg.extract.name_body import (closes_earlier_name, function_word_cut, glued_jurisdiction, new_name_opens,
                          place_opens, suffix_regex)
from kg.extract.places import find_place_mentions


def candidate(text: str, head: str, kind: str = "org", read: bool = True) -> names.Candidate:
    """The candidate for the last `head` of text, its body read."""
    m = list(re.finditer(re.escape(head), text))[-1]
    tokens = tag_span(text, m.start() - names.MAX_BODY, m.end() + 2)
    anchors = frozenset(p.start for p in find_place_mentions(text))
    c = names.Candidate(text, m, kind, anchors, tokens)
    if read:
        names.read_body(c)
        c.etype = names.org_type(c) if kind == "org" else EntityType(kind.capitalize())
    return c


GUARD_CASES = [
    # guard, sentence, head, kind, rejected
    ("runs into a word", "这一局面来之不易", "局", "org", True),
    ("runs into a word", "长春市财政局下达资金", "局", "org", False),
    ("ends a common word", "形成了新格局", "局", "org", True),
    ("glued to a verb", "双方签署协议", "署", "org", True),
    ("an adjective", "省政府性融资担保机构", "政府", "org", True),
    ("an adjective", "省政府出台办法", "政府", "org", False),
    ("plural bodies", "县市区财政局要抓好落实", "局", "org", True),
    ("plural bodies", "各盟市工信局要抓好落实", "局", "org", True),
    ("plural bodies", "各市财政局要抓好落实", "局", "org", True),
    ("plural bodies", "来源：甲局\n各县区工业和信息化局", "工业和信息化局", "org", True),
    ("plural bodies", "依托青山、红岭两地政府设立的基金", "政府", "org", True),
    ("plural bodies", "省市场监管局开展检查", "局", "org", False),
    ("no name at all", "某银行提供贷款", "银行", "org", True),
    ("a venue", "展会在上海国际博览中心举行", "中心", "org", True),
    ("a venue", "长春市政务服务中心受理申请", "中心", "org", False),
    ("no name at all", "长春宏远机械有限公司提供贷款", "有限公司", "org", False),
    ("kind of body", "行业协会发出倡议", "协会", "org", True),
    ("kind of body", "长春市个体劳动者协会发出倡议", "协会", "org", False),
    ("kind of body", "加大对公立医院的投入力度", "医院", "org", True),
    ("kind of body", "长春市妇幼保健院获得补助", "保健院", "org", False),
    ("ranked kind", "球队要成为国内知名足球俱乐部", "俱乐部", "org", True),
    ("ranked kind", "长春市足球俱乐部成立", "俱乐部", "org", False),
    ("short body", "通过网办完成", "办", "org", True),
    ("kind of company", "他开了一家贸易公司", "公司", "org", True),
    ("kind of company", "长春宏远机械有限公司开工", "有限公司", "org", False),
    ("kind of company", "注资助力吉林融资担保集团发展", "集团", "org", False),     # a province's state group
    ("kind of company", "向吉林市供热投资有限公司发放贷款", "有限公司", "org", False),   # a city's company of a trade
    ("kind of company", "他开了一家供热投资有限公司", "有限公司", "org", True),
    ("a described subsidiary", "由某港务集团全资子公司负责", "子公司", "org", True),
    ("a described subsidiary", "长春宏远物流子公司成立", "子公司", "org", False),
    ("a described subsidiary", "集团拥有子公司12家", "子公司", "org", True),
    ("kind of company", "是市国资委出资设立的国有独资公司", "公司", "org", True),
    ("kind of body", "据交通银行统计", "银行", "org", False),        # a registered name, generic words
    ("kind of body", "据商业银行统计", "银行", "org", True),
    ("company department", "星海银行江城分行信用卡部表示", "部", "org", True),     # the branch's department
    ("kind of institution", "长春市学校开学", "学校", "org", True),
    ("company department", "城投集团资产管理部发文", "部", "org", True),
    ("not governmental", "公司的市场研究部发文", "部", "org", True),
    ("not governmental", "长春市财政局发文", "局", "org", False),
    ("no project name", "加快推进重点项目", "项目", "project", True),
    ("no project name", "长春北湖物流园项目开工", "项目", "project", False),
    ("inside an event's name", "长春投资说明会暨北湖合作项目签约会", "项目", "project", True),
    ("inside an event's name", "长春北湖合作项目签约仪式", "项目", "project", False),
    ("in a roster", "纳入市级特色农业产业园建设名单", "产业园", "project", True),
    ("in a roster", "建设北湖现代农业产业园", "产业园", "project", False),
    ("no program name", "开展专项行动", "专项行动", "program", True),
    ("written twice", "青州市急救指挥中心中心发出通知", "中心", "org", True),
    ("written twice", "青州市急救指挥中心发出通知", "中心", "org", False),
    ("a verb before 政府", "青州市加强政府债务管理", "政府", "org", True),
    ("a verb before 政府", "青州市人民政府发文", "政府", "org", False),
    ("a sum of money", "投放的1500万元技改项目贷款", "项目", "project", True),
    ("a sum of money", "年产3000吨饲料项目开工", "项目", "project", False),
    ("a subject acting", "邵立群仔细查看育苗基地的进度", "基地", "project", True),
    ("a subject acting", "北湖现代育苗基地建成", "基地", "project", False),
    ("a subject acting", "为基金所建项目提供授信", "项目", "project", True),
    ("scoped kind", "分行向辖内农村中小银行发放再贷款", "银行", "org", True),
    ("scoped kind", "分行向青山农村商业银行发放再贷款", "银行", "org", False),
]


@pytest.mark.parametrize("guard, text, head, kind, expected", GUARD_CASES)
def test_guard(guard, text, head, kind, expected):
    guards = dict(names.HEAD_GUARDS + names.ORG_GUARDS + names.PROJECT_GUARDS + names.PROGRAM_GUARDS)
    c = candidate(text, head, kind, read=guard not in dict(names.HEAD_GUARDS))
    assert guards[guard](c) is expected


def test_every_guard_has_a_name_a_docstring_and_a_case():
    tested = {case[0] for case in GUARD_CASES}
    for name, guard in names.HEAD_GUARDS + names.ORG_GUARDS + names.PROJECT_GUARDS + names.PROGRAM_GUARDS:
        assert guard.__doc__ and name in tested


@pytest.mark.parametrize("text, head, etype", [
    ("吉林省科学院发布报告", "科学院", EntityType.AGENCY),        # a provincial institute
    ("中国人民银行长春中心支行召开会议", "支行", EntityType.AGENCY),   # the central bank
    ("长春宏远机械有限公司开工", "有限公司", EntityType.COMPANY),
])
def test_org_type(text, head, etype):
    assert names.org_type(candidate(text, head)) == etype


def test_cut_clause_drops_the_body_doing_something():
    c = candidate("长春市投资建设北湖物流园项目", "项目", "project", read=False)
    names.read_body(c)
    names.cut_clause(c)
    assert c.name == "北湖物流园项目" and c.clause


def test_cut_clause_drops_a_zone_building_something():
    c = candidate("东岭公司将在松原经济开发区建设云杉新型纤维材料项目", "项目", "project", read=False)
    names.read_body(c)
    names.cut_clause(c)
    assert c.name == "云杉新型纤维材料项目" and c.clause


def read_name(text: str, head: str, kind: str):
    m = list(re.finditer(re.escape(head), text))[-1]
    return names.read_headed_name(Sentence(0, len(text), text), m, kind, frozenset(p.start for p in find_place_mentions(text)),
                                  tag_span(text, 0, len(text)))


@pytest.mark.parametrize("text, head, kind, name", [
    ("该公司正在建设的日处理果蔬800吨冷链加工中心项目总投资2亿元", "项目", "project", "日处理果蔬800吨冷链加工中心项目"),
    ("上述贷款原由东岭农村商业银行西坡支行发放", "支行", "org", "东岭农村商业银行西坡支行"),
    ("这笔贷款原系东岭农村商业银行发放", "银行", "org", "东岭农村商业银行"),
])
def test_read_headed_name_keeps_capacity_and_drops_formerly_by(text, head, kind, name):
    assert read_name(text, head, kind).text == name


def test_a_split_county_short_name_is_one_word_of_a_sub_bureau():
    text = "5月3日,肇庆市环保局四会分局检查了一家工厂"
    assert read_name(text, "分局", "org").text == "肇庆市环保局四会分局"


def test_read_headed_name_reads_a_whole_name():
    text = "收购了长春宏远机械有限公司的股份"
    m = suffix_regex("org").search(text, text.index("有限公司"))
    found = names.read_headed_name(Sentence(10, 10 + len(text), text), m, "org", frozenset(),
                                   tag_span(text, 0, len(text)))
    assert (found.start, found.text, found.type) == (13, "长春宏远机械有限公司", EntityType.COMPANY)


@pytest.mark.parametrize("text,name", [
    # a stop character closing a brand right after a place (兴国|蓝|都|食品)
    ("7　兴国县　兴国蓝都食品有限公司　脐橙项目", "兴国蓝都食品有限公司"),
    # a place split into stop characters opens the name after a gap (于|都|恒纺)
    ("4　于都县　于都锦纺服饰有限公司　吊挂项目", "于都锦纺服饰有限公司"),
    # a conjunction still ends the name (吴兴|邦|与|集团公司: no name at all)
    ("副县长吴兴邦与集团公司总经理会谈", None),
])
def test_a_stop_character_inside_a_brand_or_place_stays_in_the_name(text, name):
    found = read_name(text, "公司", "org")
    assert (found and found.text) == name


def test_a_project_right_after_its_company_may_be_described_in_common_words():
    assert read_name("(一)长春明澜光电科技有限公司精密结构件数字化车间项目,支持资金500万元", "项目", "project").text \
        == "精密结构件数字化车间项目"


def test_the_unit_of_a_date_opens_no_name():
    # 2023|年度|…银行: the year's unit stays with its number
    assert read_name("对2023年度中国农业银行沈阳分行发放的贷款给予贴息", "分行", "org").text == "中国农业银行沈阳分行"


def test_a_project_keeps_its_bracketed_phase():
    assert read_name("甲高新区乙工业园标准化厂房(三期)项目获得4.2亿元", "项目", "project").text \
        == "甲高新区乙工业园标准化厂房(三期)项目"


def test_a_debt_verb_ends_the_creditor_s_name_before_it():
    assert read_name("甲纺机另欠中国银行股份有限公司洛阳分行贷款本金1500万元", "分行", "org").text \
        == "中国银行股份有限公司洛阳分行"


def test_a_free_trade_zone_keeps_its_bracketed_province():
    assert read_name("中国（上海）自由贸易试验区临港新片区管理委员会给予补贴", "管理委员会", "org").text \
        == "中国（上海）自由贸易试验区临港新片区管理委员会"


def test_glued_jurisdiction():
    assert glued_jurisdiction("经市", "glued_prepositions.txt")
    assert not glued_jurisdiction("城市", "glued_prepositions.txt")


def test_closes_earlier_name():
    text = "市委市政府"
    body = [(2, 5, "nt")]
    assert closes_earlier_name(text, "市委", body, branch=False, office=False)
    assert not closes_earlier_name("宏远集团长春分公司", "宏远集团", [(4, 6, "ns")], branch=True, office=False)
    # 政府|性: an adjective of the name, no name closed before it
    assert not closes_earlier_name("闽东政府性融资担保有限公司", "政府", [(4, 5, "n")], branch=False, office=False)


def test_new_name_opens_at_a_larger_place():
    text = "朝阳区长春宏远机械有限公司"
    anchors = frozenset({0, 3})
    body = [(0, 3, "ns"), (3, 5, "ns"), (5, 7, "nz"), (7, 9, "n")]
    assert new_name_opens(text, body, anchors) == 1


def test_place_opens_after_a_verb():
    text = "如果没有长春市发改委"
    body = [(0, 2, "c"), (2, 4, "v"), (4, 7, "ns"), (7, 8, "n")]
    assert place_opens(text, body, frozenset({4}), branch=False) == 2


def test_function_word_cut():
    text = "收购宏远机械"
    assert function_word_cut(text, [(0, 2, "v"), (2, 4, "nz"), (4, 6, "n")]) == 1
    # a verb before a name jieba knows whole (nt) governs it, even after a noun
    assert function_word_cut("全面支持星海银", [(0, 2, "n"), (2, 4, "v"), (4, 7, "nt")]) == 2


def test_middle_dot_joins_a_project_name():
    c = candidate("长春市引进的星河·未来城项目开工", "项目", "project")
    assert c.name == "星河·未来城项目"


@pytest.mark.parametrize("text, head", [("根据文件和自治区财政厅下达的资金", "厅"), ("。州商务局局长表示", "局")])
def test_region_short_forms_are_governmental(text, head):
    assert not names.not_governmental(candidate(text, head))
