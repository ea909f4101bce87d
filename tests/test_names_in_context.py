"""Names found from their context (kg.extract.lists, kg.extract.mentions): companies in lists and repeated short names, projects without 项目, unquoted programs; on sentences we wrote."""
from __future__ import annotations

import pytest

from kg.extract.article import find_byline_spans
from kg.extract.mentions import find_mentions
from kg.model import Article
from kg.extract.normalize import normalize, split_sentences


def names_of(text: str, etype: str) -> list[str]:
    t = normalize(text)
    return [m.text.strip("“”") for m in find_mentions(t, split_sentences(t), Article("t", "t"), find_byline_spans(t.text)) if m.type == etype]


def companies_of(text: str) -> list[str]:
    return names_of(text, "Company")


def projects_of(text: str) -> list[str]:
    return names_of(text, "Project")


def programs_of(text: str) -> list[str]:
    return names_of(text, "Program")


@pytest.mark.parametrize("sentence, expected", [
    # a company sibling and a closing class noun
    ("新引进青禾集团、明川科技、远山实业等企业。", ["青禾集团", "明川科技", "远山实业"]),
    # a counted class noun closes the list
    ("共引进青禾集团、明川科技、远山实业等12家企业。", ["青禾集团", "明川科技", "远山实业"]),
    # a class noun opens it
    ("对接生产企业青川丰面业、西禾面业、中垦云牧等，摸清需求。", ["青川丰面业", "西禾面业", "中垦云牧"]),
    # a sibling with a legal-form-less head is enough
    ("此外，东川荣达食品、青山科技公司、东川建工华宇的负责人分别发言。", ["东川荣达食品", "青山科技公司", "东川建工华宇"]),
])
def test_list_items_are_companies(sentence, expected):
    assert companies_of(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "项目涵盖装备制造、有色冶金、石油化工等行业。",    # sectors
    "产品销往北京、天津、上海等地。",                  # places
    "主要生产面粉、挂面等产品。",                      # products
    "鼓励企业敢接单、接大单。",                        # verb phrases after a class noun
    "支持科技企业孵化器、创业孵化基地等平台。",        # dictionary words
    "详细了解企业生产、产品销售和带动农户增收等情况。",    # activities after a class noun
])
def test_lists_without_company_names(sentence):
    assert companies_of(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    # facilities described by their investment
    ("包括总投资8亿元的青湖文旅小镇、总投资3亿元的云港物流港等。", ["青湖文旅小镇", "云港物流港"]),
    # quoted facilities after 重点项目
    ("该行为重点项目“东环快速路”“西山隧道”及“青州市中心医院”发放贷款。", ["西山隧道", "青州市中心医院"]),
])
def test_projects_named_without_project_head(sentence, expected):
    assert all(p in projects_of(sentence) for p in expected)


@pytest.mark.parametrize("sentence", [
    "总投资2亿元的新建厂房已经完工。",               # no facility head
    "总投资5亿元的产业园有3个。",                     # the head alone
    "本市突出“三区”项目和产业项目。",                 # a category in quotes
    "省列合同项目共40个，签约额54亿元。",             # a category
    "青山县2024年第二批集中开工项目有12项。",         # a batch
    "青山县投资环境说明会暨京津合作发展项目签约会在北京举行。",   # inside an event's name
])
def test_no_project(sentence):
    assert projects_of(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("东港市相继出台支持小微企业发展的十项措施等多项政策。", "支持小微企业发展的十项措施"),
    ("市工业十条兑现，青禾化工获补贴。", "工业十条"),
    ("向企业推荐农行“兴农通”产品。", "兴农通"),
])
def test_unquoted_and_product_programs(sentence, expected):
    assert expected in programs_of(sentence)


@pytest.mark.parametrize("sentence", [
    "根据第十条规定，这十条要落实。",               # an article, a count
    "建设分拣、冻干、饮品三条生产线。",             # 条 counts a noun
    "“金融支持实体经济”战略合作协议签约仪式举行。",  # an agreement
    "各部门秉持“快准稳”理念开展工作。",             # a slogan
])
def test_no_program(sentence):
    assert programs_of(sentence) == []


@pytest.mark.parametrize("sentence, etype, expected", [
    # a county's name the segmenter reads as a number stays in a branch's name
    ("为满足春耕需要,青山农商银行九台支行推出新产品。", "Company", ["青山农商银行九台支行"]),
    # a company acting on a branch: its verb ends the company's name
    ("判决确定:青禾新材料科技有限公司偿还农行城东支行借款。", "Company", ["青禾新材料科技有限公司", "农行城东支行"]),
    # the ordinal of a numbered bureau inside a company's name
    ("该工程由中铁第四工程局集团有限公司承建。", "Company", ["中铁第四工程局集团有限公司"]),
    # a county's media centre is a medium, as a television station is
    ("青山县融媒体中心讯 7月上旬,我县遭遇强降雨。", "Organization", ["青山县融媒体中心"]),
    # family farms with their county
    ("石岭县青峰茶叶家庭农场获得贷款30万元。", "Company", ["石岭县青峰茶叶家庭农场"]),
])
def test_small_businesses(sentence, etype, expected):
    assert names_of(sentence, etype) == expected


@pytest.mark.parametrize("sentence, etype", [
    ("协调财政、人社等部门共享信息。", "Agency"),             # fields of work in a list
    ("分行向辖内农村中小银行发放再贷款。", "Company"),          # the banks within a scope
    ("将为基金所建项目提供授信。", "Project"),                  # what the fund builds
    ("副省长周立明与集团公司董事长会谈。", "Company"),       # a post and a name before 与; the bare group
    ("资金由市社保经办机构直接拨付。", "Agency"),           # 经办 is a word, no 办
])
def test_described_bodies_are_no_names(sentence, etype):
    assert names_of(sentence, etype) == []


def test_an_agency_opening_a_project_name_is_named():
    assert names_of("该项目获山西省农业农村厅产业融合发展项目资金。", "Agency") == ["山西省农业农村厅"]


def test_a_repeated_short_name_is_a_company():
    text = "青新化工获补贴。据悉，青新化工此次合计获补300万元。青新化工表示感谢。"
    assert companies_of(text) == ["青新化工"] * 3


@pytest.mark.parametrize("text", [
    "石油化工行业发展。石油化工企业增多。石油化工园区扩建。",       # a sector
    "东川芯微电子获奖。东川芯微电子扩产。东川芯微电子上市。",       # the end of a longer name
])
def test_no_short_name(text):
    assert "石油化工" not in companies_of(text) and "芯微电子" not in companies_of(text)
