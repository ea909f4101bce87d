"""Entity rules for constructions of pages the project had not seen (tests/heldout10's first
contact), on sentences we wrote: governing verbs, credit unions, bracketed places in
registered names, numbered headings, compound program heads, named events, a place's own
law, foreign cities and Latin-letter companies, branches of a bank written short."""
from __future__ import annotations

import pytest

from kg.extract.article import find_byline_spans
from kg.extract.events import find_events
from kg.extract.foreign import find_foreign_cities, find_latin_companies
from kg.extract.mentions import find_mentions
from kg.extract.normalize import normalize, split_sentences
from kg.extract.resolve import resolve
from kg.model import Article, Sentence


def mentions_of(text: str) -> list[tuple[str, str]]:
    t = normalize(text)
    found = find_mentions(t, split_sentences(t), Article("t", "t"), find_byline_spans(t.text))
    return [(m.text, m.type) for m in found]


def labels_of(text: str) -> dict[str, tuple[str, ...]]:
    t = normalize(text)
    art = Article("t", "t")
    _, ents = resolve(find_mentions(t, split_sentences(t), art, find_byline_spans(t.text)), t, art)
    return {e.label: e.aliases for e in ents}


@pytest.mark.parametrize("sentence, expected", [
    # a verb of supervision never opens a name, though jieba tags 指导 a noun
    ("监管分局将指导青禾农村商业银行整改问题。", ("青禾农村商业银行", "Company")),
    ("省交通厅派员指导青禾农村商业银行完善内部管理。", ("青禾农村商业银行", "Company")),
    ("市场监管局约谈岚峰科技有限公司负责人。", ("岚峰科技有限公司", "Company")),
    # a visit's verb, or a person after a post, is no part of the company visited or led
    ("市委书记王建华赴青岚集团调研。", ("青岚集团", "Company")),
    ("总经理李四带领华岚集团团队。", ("华岚集团", "Company")),
    ("市长张三率市政府代表团考察。", ("市政府", "Agency")),
    ("岚峰药业股份有限公司的中药提取智能化改造项目获得补助。", ("中药提取智能化改造项目", "Project")),
    # an insurer's county unit (支公司) is a branch
    ("中国人民财产保险股份有限公司安平支公司理赔。", ("中国人民财产保险股份有限公司安平支公司", "Company")),
    # credit unions and filling stations are companies
    ("安平县农村信用合作联社去年完成改制。", ("安平县农村信用合作联社", "Company")),
    ("执法人员发现,安平县顺岚加油站的加油机超期使用。", ("安平县顺岚加油站", "Company")),
    # a bracketed place inside a registered name, even when a place-like word opens it
    ("记者走访了华岚重工(天津)有限公司。", ("华岚重工(天津)有限公司", "Company")),
    ("调研组走进东冀岚山机械(保定)有限公司。", ("东冀岚山机械(保定)有限公司", "Company")),
    # quoted programs: compound heads, event heads after a few words
    ("全市落实“容缺受理”清单制度。", ("“容缺受理”清单制度", "Program")),
    ("活动期间还举办了“畅游岚城”招商推介会。", ("“畅游岚城”招商推介会", "Program")),
    # a complement after the launching verb stays out of the name
    ("各地要落实好县领导挂钩联系民营企业制度。", ("县领导挂钩联系民营企业制度", "Program")),
    # named events: a place, its year, the event head
    ("市政府近日举办2025开封市投资促进周活动。", ("2025开封市投资促进周", "Program")),
    ("第三届河南省农产品博览会开幕。", ("第三届河南省农产品博览会", "Program")),
    # a governing verb inside a body's own name (监督|管理局) does not end it
    ("鼓楼区市场监督管理局责令福州青禾副食品商行停业整顿。", ("鼓楼区市场监督管理局", "Agency")),
    ("鼓楼区市场监督管理局责令福州青禾副食品商行停业整顿。", ("福州青禾副食品商行", "Company")),
])
def test_names_of_unseen_constructions(sentence, expected):
    assert expected in mentions_of(sentence)


@pytest.mark.parametrize("sentence, wrong", [
    ("省交通厅派员指导青禾农村商业银行完善内部管理。", "省交通厅派员指导青禾农村商业银行"),
    # a kind of project on a roster is no project
    ("省农业农村厅将该县纳入2024年国家现代农业产业园创建名单。", "2024年国家现代农业产业园"),
    # a city where an event is held does not make the event named
    ("该县在杭州举办招商推介会。", "杭州举办招商推介会"),
])
def test_no_name_across_a_verb_or_a_roster(sentence, wrong):
    assert all(text != wrong and not text.endswith("产业园") for text, _ in mentions_of(sentence))


def test_numbered_heading_keeps_its_line():
    text = "二、青岚建材有限公司销售不合格产品案\n\n青岚建材有限公司销售的一批水泥不合格。"
    assert normalize(text).text.count("\n") == 2
    assert ("青岚建材有限公司", "Company") in mentions_of(text)
    assert not any("案" in name for name, _ in mentions_of(text))


def test_short_form_of_bracketed_registered_name():
    labels = labels_of("记者走访了华岚重工(天津)有限公司。华岚重工总经理张明远表示,订单充足。")
    assert "华岚重工" in labels["华岚重工(天津)有限公司"]


def test_national_and_provincial_law_of_one_title_are_two():
    labels = labels_of("本办法依据《青海省物业管理条例》和《物业管理条例》制定。")
    assert {"物业管理条例", "青海省物业管理条例"} <= set(labels)


def test_bare_branch_takes_the_full_name_of_its_bank():
    labels = labels_of("青岚农村商业银行股份有限公司(以下简称“青岚农商银行”)开业。"
                       "青岚农商银行下辖东关支行等20个网点。东关支行为合作社发放贷款。")
    assert "青岚农村商业银行股份有限公司东关支行" in labels


def test_bare_branches_of_a_registered_bank_written_short_stay_apart():
    # branches named by districts (鼓楼支行, 台江支行) share the key 支行 once the place is cut:
    # only the story's one bank, read through its short name, keeps them apart
    labels = labels_of("福州青岚农村商业银行股份有限公司(以下简称“青岚农商银行”)开业。"
                       "青岚农商银行下辖鼓楼支行、台江支行等网点。鼓楼支行为合作社发放贷款，台江支行为农户发放贷款。")
    assert {"福州青岚农村商业银行股份有限公司鼓楼支行", "福州青岚农村商业银行股份有限公司台江支行"} <= set(labels)


def test_events_need_a_place_and_name_words():
    sent = Sentence(0, 12, "开封市举办投资促进周。")
    assert list(find_events(sent, frozenset({0}))) == []
    sent = Sentence(0, 14, "举办2025开封市投资促进周。")
    assert [m.text for m in find_events(sent, frozenset({6}))] == ["2025开封市投资促进周"]


@pytest.mark.parametrize("text, cities", [
    ("公司向德国慕尼黑出口钛材。", ["慕尼黑"]),
    ("与越南河内市的企业合资。", ["河内市"]),
    ("货物发往汉堡、鹿特丹等港口。", ["汉堡", "鹿特丹"]),
    ("他午餐吃汉堡。", []),               # a city's name inside running words is no city
])
def test_foreign_cities(text, cities):
    assert [m.text for m in find_foreign_cities(text)] == cities


@pytest.mark.parametrize("text, names", [
    ("公司与德国Brandt Werkzeugbau GmbH签订合同。", ["Brandt Werkzeugbau GmbH"]),
    ("与Bank of Northwind Ltd.和Vega Alloy Materials Inc.达成合作。",
     ["Bank of Northwind Ltd.", "Vega Alloy Materials Inc."]),
    ("与越南Mekong Steelworks Co., Ltd.合资。", ["Mekong Steelworks Co., Ltd."]),
    ("the Acme AG and Bosk GmbH", ["Acme AG", "Bosk GmbH"]),
    ("公司采用AG工艺。", []),
])
def test_latin_companies(text, names):
    assert [m.text for m in find_latin_companies(Sentence(0, len(text), text))] == names


def test_company_opening_a_project_is_named_too():
    found = mentions_of("华岚集团开封智能制造产业园项目总投资20亿元。")
    assert ("华岚集团开封智能制造产业园项目", "Project") in found and ("华岚集团", "Company") in found


@pytest.mark.parametrize("sentence, project", [
    ("岚峰公司年产3000吨生物饲料项目投产。", "年产3000吨生物饲料项目"),      # a capacity keeps its unit
    ("新建3000台套设备项目。", None),                                        # a count does not
    ("处理3000吨垃圾项目。", None),
])
def test_capacity_inside_a_project_name(sentence, project):
    projects = [text for text, kind in mentions_of(sentence) if kind == "Project"]
    assert projects == ([project] if project else [])


@pytest.mark.parametrize("sentence, expected", [
    # the item after the closing conjunction is one of the list
    ("重点企业岚峰科技、华岚基因和青禾电气加快复产。", ["岚峰科技", "华岚基因", "青禾电气"]),
    # a copula between the class noun and the list keeps it open
    ("签约企业有岚峰科技、华岚基因、青禾电气。", ["岚峰科技", "华岚基因", "青禾电气"]),
    # a body after the conjunction does not make the companies a list of bodies
    ("岚峰科技、华岚集团和市财政局参加。", ["岚峰科技", "华岚集团"]),
])
def test_company_lists_closed_by_a_conjunction(sentence, expected):
    assert [text for text, kind in mentions_of(sentence) if kind == "Company"] == expected



@pytest.mark.parametrize("text, expected", [
    # a town after a district's short form goes on with the company's chain of places
    ("5｜九江镇｜佛山市南海九江青岚纺织有限公司｜2000", ("佛山市南海九江青岚纺织有限公司", "Company")),
    # a three-character -化 word opens a project's name as a modifier
    ("3　湖州市　岚峰新材料股份有限公司　差异化涤纶短纤智能车间项目　950", ("差异化涤纶短纤智能车间项目", "Project")),
    # a fund registered as a limited partnership
    ("本轮融资由北京青岚股权投资基金(有限合伙)领投。", ("北京青岚股权投资基金(有限合伙)", "Company")),
    # money acting on a name is no part of it (贷款|支持|某地某工程)
    ("国开行6.8亿元贷款支持寿光青岚河防洪排涝工程", ("寿光青岚河防洪排涝工程", "Project")),
    # a specific facility's 配套工程 is a project
    ("十堰北站综合交通枢纽配套工程由岚峰集团有限公司负责建设。", ("十堰北站综合交通枢纽配套工程", "Project")),
])
def test_names_of_tables_funds_and_works(text, expected):
    assert expected in mentions_of(text)


@pytest.mark.parametrize("text, label, alias", [
    # investment firms go by their own name and their trade's short form
    ("本轮由北京青岚未来股权投资基金(有限合伙)领投。其中，青岚未来基金出资2亿元。",
     "北京青岚未来股权投资基金(有限合伙)", "青岚未来基金"),
    ("上海岚川创业投资有限公司跟投。岚川创投出资1亿元。", "上海岚川创业投资有限公司", "岚川创投"),
    # a brand after a landmark no gazetteer lists
    ("青海昆仑晶岚新材料有限公司与银行签约。贷款用于晶岚新材料建设的项目。", "青海昆仑晶岚新材料有限公司", "晶岚新材料"),
])
def test_short_names_of_funds_and_brands(text, label, alias):
    assert alias in labels_of(text)[label]


def test_an_attachment_line_keeps_its_break():
    text = normalize("请遵照执行。\n\n附件：2024年专项资金分配明细表\n\n甲市工业和信息化局　　甲市财政局\n2024年9月10日").text
    assert "明细表\n" in text


def test_a_municipal_districts_social_security_bureau_written_short():
    labels = labels_of("重庆市沙坪坝区财政局关于拨付资金的通知\n区财政安排1200万元。\n区人力社保局负责审核。")
    assert "重庆市沙坪坝区人力资源和社会保障局" in labels


def test_a_level_and_a_banks_kind_is_the_storys_bank_of_that_kind():
    labels = labels_of("河南青岚农村商业银行股份有限公司推出新产品。县财政局安排1200万元风险补偿金存入县农商行。"
                       "“多亏农商银行的贷款。”张立新说。")
    assert {"县农商行", "农商银行"} <= set(labels["河南青岚农村商业银行股份有限公司"])


@pytest.mark.parametrize("text, person", [
    ("黄庄镇蒜农孟凡平去年新建了冷库。", "孟凡平"),
    ("双桥镇果农杨立英获赔3.2万元。", "杨立英"),
    ("返乡创业青年李立强一边查看梨果。", "李立强"),
    ("黄庄支行还向冷藏户郭立芝发放贷款40万元。", "郭立芝"),
])
def test_farmers_by_their_crop_or_trade_are_named_persons(text, person):
    assert (person, "Person") in mentions_of(text)


def test_a_bare_number_parts_two_names():
    # a table's cells whose gaps are gone: 某县|2380|某产业 is no name across the number
    found = mentions_of("荔波县2060肉牛产业独山县1980蓝莓示范园区项目")
    assert ("独山县", "Place") in found and all("1980" not in text for text, _ in found)


def test_a_place_of_a_companys_brand_is_no_place_of_the_story():
    # 泗洪|洪泽湾水产…: 洪泽 lies outside 泗洪, so it opens the brand; 县慈善总会 is 泗洪's
    assert "泗洪县慈善总会" in labels_of("泗洪洪泽湾水产有限公司向县慈善总会捐款80万元。")


@pytest.mark.parametrize("text", [
    # a county-level city named in the story is its 市, and a city's bank lending there no place of it
    "桂平市岚山茶业有限公司获得柳州银行桂平支行贷款300万元。市财政局给予贴息。",
    "桂平市今年推进担保降费。市财政局拨付补贴资金126万元。",
])
def test_the_city_of_a_county_level_citys_story(text):
    assert "桂平市财政局" in labels_of(text)


@pytest.mark.parametrize("text, label, alias", [
    # an autonomous county written short with its level opens the name (沧源县|岚豆…): its brand and 公司
    ("沧源县岚豆茶叶初制有限公司常年供应茶叶。岚豆公司总经理李立华说。", "沧源县岚豆茶叶初制有限公司", "岚豆公司"),
    # a place the gazetteer lists under no short form (普洱) opens the name; the grammar's own reading
    # of the rest names the company too
    ("今年向普洱岚峰茶业集团有限公司供货的合作社不用再发愁。凭着岚峰茶业集团确认的应收账款，他们就能拿到贷款。",
     "普洱岚峰茶业集团有限公司", "岚峰茶业集团"),
])
def test_short_names_after_places_written_otherwise(text, label, alias):
    assert alias in labels_of(text)[label]


def test_a_brand_with_its_trade_but_the_last_word():
    text = "监管局约谈太原市小店区岚禾体育服务有限公司负责人。岚禾体育已向218名会员退还预付费用42.6万元。"
    assert "岚禾体育" in labels_of(text)["太原市小店区岚禾体育服务有限公司"]
