"""Names of funds, trade short forms and charities on sentences we write
(data/lexicon/org_suffixes.tsv, relation_pronouns.tsv, company_infix_abbrev.tsv,
kg.extract.companies.trade_forms, kg.extract.funding_donations, funding_passes.with_story_payers):
named investment funds are companies, a bare 基金 refers to the story's fund, 工投/产投 expand only
before a company head, 水务公司 calls the one water company, 慈善总会 is an organisation that
receives gifts (also the next sentence's), and a gift never comes from the story's paying agency."""
from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.canonical import full_company_name
from kg.extract.companies import trade_forms
from kg.extract.funding_parties import GIFT_RULE
from kg.extract.funding_passes import with_story_payers
from kg.extract.pipeline import analyse
from kg.model import Document, Evidence, Funding
from test_funding_lists import HECHUAN, MINGLAN, SONGXUE, extracted, fundings_of


@pytest.mark.parametrize("raw,fund", [
    # a fund registered as a limited partnership keeps its registered form in its name
    (f"长春星火创新产业投资基金（有限合伙）向{MINGLAN}投资3000万元。", "长春星火创新产业投资基金（有限合伙）"),
    (f"吉林青松股权投资基金（有限合伙）成立。该基金向{MINGLAN}投资1000万元。", "吉林青松股权投资基金（有限合伙）"),
    # a bare 基金 in a story about one named fund is that fund
    (f"长春市科技创新引导基金今年设立。基金首批向{MINGLAN}投资2000万元。", "长春市科技创新引导基金"),
    # the fund a fund of funds backs, referred to as 该子基金
    (f"吉林青松股权投资基金（有限合伙）成立。该子基金向{MINGLAN}投资1000万元。", "吉林青松股权投资基金（有限合伙）"),
], ids=["limited-partnership", "gai-jijin", "bare-jijin", "gai-zijijin"])
def test_a_named_investment_fund_is_a_company_that_invests(raw, fund):
    types, got = extracted(raw)
    assert types.get(fund) == "Company"
    assert [(f[0], f[2], f[3]) for f in got] == [("Investment", fund, MINGLAN)]


def test_a_foundation_stays_an_organisation():
    types, _ = extracted("长春市青禾教育基金会向长春禾川小学捐赠50万元。")
    assert types.get("长春市青禾教育基金会") == "Organization"


@pytest.mark.parametrize("name,full", [
    ("青禾工投集团", "青禾工业投资集团"),
    ("青禾产投有限公司", "青禾产业投资有限公司"),
    ("青禾建投控股有限公司", "青禾建设投资控股有限公司"),
    # 产投 inside the word 资产投资 / 房产投资 is no short form
    ("青禾资产投资有限公司", "青禾资产投资有限公司"),
    ("甲乙房产投资有限公司", "甲乙房产投资有限公司"),
], ids=["gongtou", "chantou", "jiantou", "zichan-touzi", "fangchan-touzi"])
def test_trade_short_forms_expand_only_before_the_company_head(name, full):
    assert full_company_name(name) == full


def test_a_distinctive_trade_word_with_gongsi_calls_the_company():
    a = analyse(Document("t", "长春市润城水务有限公司投资建设污水处理厂。水务公司负责人表示，工程年底完工。", "t"))
    water = {e.label: e for e in a.entities}["长春市润城水务有限公司"]
    assert "水务公司" in water.aliases


def test_a_trade_word_shared_or_common_calls_no_company():
    """Two water companies share 水务; 科技 is a common trade (company_common_trades.txt)."""
    forms = trade_forms(["长春市润城水务有限公司", "长春市清泉水务有限公司", MINGLAN])
    assert "水务公司" not in forms and "科技公司" not in forms
    assert forms["光电公司"] == MINGLAN


def test_a_bare_gongsi_after_a_semicolon_refers():
    raw = f"{MINGLAN}扩大生产；公司获得补助资金50万元。"
    assert fundings_of(raw) == [("Grant", 500_000, None, MINGLAN, None)]


@pytest.mark.parametrize("name", ["长春市慈善总会", "长春市朝阳区慈善会"], ids=["cishan-zonghui", "cishan-hui"])
def test_charity_names_are_organisations(name):
    types, _ = extracted(f"{name}成立。")
    assert types.get(name) == "Organization"


def test_jieshou_is_a_receiving_verb():
    assert fundings_of("长春市慈善总会接收社会捐款1200万元。") == [("Grant", 12_000_000, None, "长春市慈善总会", None)]


def test_gifts_of_the_next_sentence_go_where_the_gift_before_went():
    raw = (f"{MINGLAN}向长春市慈善总会捐款200万元。随后，{HECHUAN}、{SONGXUE}分别捐款50万元、30万元。")
    assert fundings_of(raw) == [("Grant", 2_000_000, MINGLAN, "长春市慈善总会", None),
                                ("Grant", 500_000, HECHUAN, "长春市慈善总会", None),
                                ("Grant", 300_000, SONGXUE, "长春市慈善总会", None)]


def test_a_gift_takes_no_payer_from_the_story_s_paying_agency():
    """with_story_payers gives a payout without a payer the story's paying agency, but not a gift."""
    def at(start):
        return Evidence("t", "句", start, start + 5)
    fundings = [Funding("Grant", at(0), Decimal(3_000_000), provider="甲局", rule="cue-Grant-6"),
                Funding("Grant", at(10), Decimal(500_000), rule=GIFT_RULE),
                Funding("Grant", at(20), Decimal(400_000), rule="cue-Grant-1")]
    assert [f.provider for f in with_story_payers(fundings, [0], {"甲局": "Agency"})] == ["甲局", None, "甲局"]


def test_a_gift_is_not_paid_by_the_agency_of_the_sentence_before():
    """社会各界捐款: the donors are a class; the bureau that paid relief before gives nothing here."""
    fundings = fundings_of("救灾简报\n\n长春市民政局拨付救助资金300万元。社会各界捐款50万元。\n")
    assert ("Grant", 500_000, None, None, None) in fundings


def test_a_declared_short_name_ends_a_name_read_past_a_verb():
    """扣划华鼎公司存款 after （以下简称“华鼎公司”）: the short name names the full company, and
    no company 扣划华鼎公司 is read."""
    full = "山东华鼎新材料科技股份有限公司"
    types, _ = extracted(f"法院公告\n\n{full}（以下简称“华鼎公司”）未履行义务。本院已扣划华鼎公司存款38万元。\n")
    assert full in types and not any(label.endswith("华鼎公司") and label != full for label in types)


def test_capital_put_in_goes_to_the_fund_founded_after_the_sums():
    """甲局出资5亿元、乙公司出资3亿元，共同发起设立规模10亿元的丙基金: the fund receives both shares."""
    fund = "长春市科创天使投资基金"
    fundings = fundings_of(f"基金设立\n\n长春市财政局出资5亿元、长春新区发展集团有限公司出资3亿元，共同发起设立规模10亿元的{fund}。\n")
    assert ("Investment", 500_000_000, "长春市财政局", fund, None) in fundings
    assert ("Investment", 300_000_000, "长春新区发展集团有限公司", fund, None) in fundings
