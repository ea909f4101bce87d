"""Company names in coordinated lists (kg.lists) and projects named without 项目 (kg.mentions), on sentences we wrote."""
from __future__ import annotations

import pytest

from kg.mentions import find_mentions
from kg.model import Article
from kg.normalize import normalize, split_sentences


def companies_of(text: str) -> list[str]:
    t = normalize(text)
    return [m.text for m in find_mentions(t, split_sentences(t), Article("t", "t")) if m.type == "Company"]


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
])
def test_lists_without_company_names(sentence):
    assert companies_of(sentence) == []


def projects_of(text: str) -> list[str]:
    t = normalize(text)
    return [m.text.strip("“”") for m in find_mentions(t, split_sentences(t), Article("t", "t")) if m.type == "Project"]


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
