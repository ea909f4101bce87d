"""Resolution of mentions to canonical entities, on sentences we wrote."""
from __future__ import annotations

import pytest

from kg.extract.article import find_byline_spans
from kg.extract.mentions import find_mentions
from kg.model import Article, Entity, Extraction, Relation, Evidence
from kg.extract.normalize import normalize, split_sentences
from kg.extract.canonical import expand_body
from kg.extract.companies import branch_parent, company_core, short_forms
from kg.extract.resolve import merge_corpus, resolve


def entities_of(text: str) -> dict[str, Entity]:
    t = normalize(text)
    art = Article("t", "t")
    ms = find_mentions(t, split_sentences(t), art, find_byline_spans(t.text))
    _, ents = resolve(ms, t, art)
    return {e.label: e for e in ents}


@pytest.mark.parametrize("text, label, alias", [
    # 省/市 short forms take the article's home province and city
    ("长春市的企业不少。长春市财政局表示支持。记者从省财政厅获悉。", "吉林省财政厅", "省财政厅"),
    ("长春市商务局召开会议。市发改委也派员参加。", "长春市发展和改革委员会", "市发改委"),
    # a district agency takes its city; the enumeration's 区 takes the district named before it
    ("长春市朝阳区文明办、区执法局联合检查。", "长春市朝阳区综合行政执法局", "区执法局"),
    ("长春市朝阳区文明办开展活动。", "长春市朝阳区精神文明建设委员会办公室", "长春市朝阳区文明办"),
    # Party committees
    ("长春市委召开常委会。", "中共长春市委员会", "长春市委"),
    # a standing committee of a people's congress, and abbreviations of former national regulators
    ("长春市人大常委会召开会议。市人大常委会主任出席。", "长春市人民代表大会常务委员会", "市人大常委会"),
    ("银监会下发通知。", "中国银行业监督管理委员会", "银监会"),
    # national short forms
    ("国家发改委批复了项目。", "国家发展和改革委员会", "国家发改委"),
    # a city's department named by its short form is the city's bureau, not the ministry
    ("长春市文旅部门推出惠民措施。", "长春市文化广电和旅游局", "长春市文旅部门"),
    # an autonomous region's and prefecture's short forms
    ("西藏自治区召开会议。根据文件和自治区财政厅下达的资金，现下达资金。", "西藏自治区财政厅", "自治区财政厅"),
    ("伊犁哈萨克自治州召开会议。州商务局局长表示支持。", "伊犁哈萨克自治州商务局", "州商务局"),
])
def test_canonical_agency(text, label, alias):
    ents = entities_of(text)
    assert label in ents, sorted(ents)
    assert alias in ents[label].aliases


def test_declared_short_name_and_core():
    text = ("长春星河光电科技有限公司（以下简称“星河光电”）获得补助。"
            "星河光电负责人说，星河光电将扩大生产。")
    ents = entities_of(text)
    company = ents["长春星河光电科技有限公司"]
    assert "星河光电" in company.aliases
    assert sum(1 for e in ents.values() if e.type == "Company") == 1


def test_a_bracketed_short_form_right_after_a_name_is_declared():
    text = ("上海澄川私募基金管理有限公司（澄川资本）、杭州远岫创业投资合伙企业（有限合伙）（远岫创投）跟投。"
            "澄川资本出资1.2亿元，远岫创投出资1亿元。")
    ents = entities_of(text)
    assert "澄川资本" in ents["上海澄川私募基金管理有限公司"].aliases
    assert "远岫创投" in ents["杭州远岫创业投资合伙企业（有限合伙）"].aliases


def test_a_zone_s_bodies_written_short_are_the_story_s_zone_s():
    """遵义经开区党工委 is the Party's working committee of the zone; 经开区管委会 with no place is
    the committee of the one 经济技术开发区 the story names."""
    ents = entities_of("遵义经济技术开发区举行签约。遵义经开区党工委书记张三出席。经开区管委会兑现奖励860万元。")
    assert "中共遵义经济技术开发区工作委员会" in ents
    assert "遵义经济技术开发区管理委员会" in ents


def test_branch_brings_parent():
    ents = entities_of("中国工商银行长春分行发放贷款。")
    assert ents["中国工商银行"].type == "Company"
    assert branch_parent("中国工商银行长春分行") == "中国工商银行"
    assert branch_parent("长春星河光电科技有限公司") is None


def test_project_variants_merge():
    text = "长春北湖智慧物流园项目开工。北湖智慧物流园项目总投资12亿元。"
    ents = entities_of(text)
    projects = [e for e in ents.values() if e.type == "Project"]
    assert len(projects) == 1


def test_a_league_s_agencies_written_with_the_league_only():
    ents = entities_of("阿拉善盟委书记到企业调研。盟行政公署副秘书长参加。盟应急管理局对一家工厂开展检查。")
    assert ents["阿拉善盟行政公署"].aliases == ("盟行政公署",)
    assert ents["阿拉善盟应急管理局"].aliases == ("盟应急管理局",)


def test_a_sub_bureau_written_with_its_place_only_merges_into_it():
    ents = entities_of("韶关市生态环境局乐昌分局检查了一家工厂。乐昌分局随后立案调查。")
    assert ents["韶关市生态环境局乐昌分局"].aliases == ("乐昌分局",) and "乐昌分局" not in ents


@pytest.mark.parametrize("body, full", [
    ("执法局", "综合行政执法局"),
    ("综合行政执法局", "综合行政执法局"),
    ("新区管委会", "新区管理委员会"),
])
def test_expand_body(body, full):
    assert expand_body(body) == full


def test_company_core():
    assert company_core("长春星河光电科技有限公司") == "星河光电"
    # a place of another province after the company's province is the start of its trade name
    assert company_core("辽宁南岗精铸机械有限公司") == "南岗精铸"
    assert "南岗精铸" in short_forms("辽宁南岗精铸机械有限公司")      # a place opens it: a name
    assert company_core("吉林省长春市星河光电科技有限公司") == "星河光电"
    assert company_core("四川蜀岭稀土功能材料有限公司") == "蜀岭稀土"
    # the trades of a maker's goods go too: its brand with the first trade is its short name
    assert company_core("咸阳青禾陶瓷制品有限公司") == "青禾"
    assert "青禾陶瓷" in short_forms("咸阳青禾陶瓷制品有限公司")
    # a trade word longer than two characters is also written whole (青禾新能源 as well as 青禾新能)
    assert {"青禾新能", "青禾新能源"} <= set(short_forms("咸阳青禾新能源科技有限公司"))
    # a short trade is also written whole, so that 青禾新材料 is no 青禾新材 and a stray 料
    assert {"青禾新材", "青禾新材料"} <= set(short_forms("咸阳青禾新材料有限公司"))


def test_short_bank_branch_after_the_full_one_names_it():
    ents = entities_of("公司拖欠吉林青川农村商业银行股份有限公司九台支行的贷款。青川银行九台支行申请执行。")
    assert "青川银行九台支行" in ents["吉林青川农村商业银行股份有限公司九台支行"].aliases
    assert "青川银行" not in ents
    ents = entities_of("公司拖欠吉林青川农村商业银行股份有限公司九台支行的贷款。青川行九台支行申请执行。")
    assert "青川行九台支行" in ents["吉林青川农村商业银行股份有限公司九台支行"].aliases
    # a national bank's branches keep their own naming
    ents = entities_of("中国银行股份有限公司九台支行开业。中国银行双阳支行放贷。")
    assert "中国银行股份有限公司双阳支行" not in ents


def test_short_name_after_the_full_one_names_it():
    t = normalize("咸阳青禾陶瓷制品有限公司扩产。青禾陶瓷向银行借款3500万元。")
    art = Article("t", "t")
    ms, _ = resolve(find_mentions(t, split_sentences(t), art, find_byline_spans(t.text)), t, art)
    assert [m.entity for m in ms if m.text == "青禾陶瓷"] == ["咸阳青禾陶瓷制品有限公司"]


def test_merge_corpus_maps_alias_to_full_name():
    ev = Evidence("b", "s", 0, 1)
    a = Extraction(Article("a", "a"), entities=(Entity("长春星河光电科技有限公司", "Company", ("星河光电",)),))
    b = Extraction(Article("b", "b"), entities=(Entity("星河光电", "Company"), Entity("张伟", "Person")),
                   relations=(Relation("worksFor", "张伟", "星河光电", ev),))
    merged = merge_corpus([a, b])
    assert [e.label for e in merged[1].entities if e.type == "Company"] == ["长春星河光电科技有限公司"]
    assert merged[1].relations[0].object == "长春星河光电科技有限公司"


@pytest.mark.parametrize("text, label", [
    ("长春市政府召开会议。市级财政安排专项资金。", "长春市财政局"),
    ("长春市政府召开会议。省级财政负责配套资金。", "吉林省财政厅"),
    ("长春市政府召开会议。省教育局印发通知。", "吉林省教育厅"),
    # another city's level: the place right before it
    ("长春市政府召开会议。上海市级财政安排援助资金。", "上海市财政局"),
])
def test_fiscal_levels_and_provincial_bureaus(text, label):
    assert label in entities_of(text)


def test_party_working_committee():
    assert "中共吉林省直属机关工作委员会" in entities_of("长春市的干部学习。省直机关工委开展活动。")


def test_branch_with_and_without_its_province_is_one_company():
    ents = entities_of("吉林春晖银行长春分行放贷。春晖银行长春分行表示支持。")
    branches = [e for e in ents.values() if e.label.endswith("分行")]
    assert [e.label for e in branches] == ["吉林春晖银行长春分行"]


def test_branches_of_two_banks_named_by_places_stay_two():
    ents = entities_of("南城银行东河分行、北湖银行东河分行分别放贷。")
    assert sorted(e.label for e in ents.values() if e.label.endswith("分行")) == ["北湖银行东河分行", "南城银行东河分行"]


def test_banks_of_a_kind_in_two_places_stay_two():
    ents = entities_of("南城农商银行放贷1亿元。北湖农商银行放贷2亿元。")
    assert {"南城农村商业银行", "北湖农村商业银行"} <= set(ents)


def test_local_tax_bureau_with_and_without_its_national_body():
    ents = entities_of("国家税务总局长春市税务局发布通知。长春市税务局表示将加快退税。")
    assert "国家税务总局长春市税务局" in ents and "长春市税务局" not in ents


def test_zone_of_a_management_committee_is_a_place():
    ents = entities_of("长春北湖新区管委会召开会议。北湖新区税务局参会。")
    assert ents["长春北湖新区管理委员会"].type == "Agency"
    assert any(e.type == "Place" and "北湖新区" in e.label for e in ents.values())


def test_branch_named_by_its_parent_short_name():
    ents = entities_of("长春瑞禾泰新材料股份有限公司扩大生产。瑞禾泰珲春分公司负责出口。")
    assert "长春瑞禾泰新材料股份有限公司珲春分公司" in ents


@pytest.mark.parametrize("full, short", [
    ("长春海晟船舶配件有限公司", "海晟配件"),
    ("长春恒泰新材料股份有限公司", "恒泰新材"),
])
def test_brand_with_shortened_trade_is_an_alias(full, short):
    ents = entities_of(f"{full}获得补助。{short}负责人表示感谢。")
    assert short in ents[full].aliases


def test_merge_corpus_joins_a_company_with_its_registered_name():
    a = Extraction(Article("a", "a"), entities=(Entity("吉林北珍食品集团有限公司", "Company"),))
    b = Extraction(Article("b", "b"), entities=(Entity("吉林北珍食品集团", "Company"),))
    merged = merge_corpus([a, b])
    assert [e.label for e in merged[1].entities] == ["吉林北珍食品集团有限公司"]


def test_group_and_its_subsidiary_stay_two_companies():
    ents = entities_of("吉林省交投集团资产经营公司负责服务区。省交投集团将继续推进。")
    assert "吉林省交通投资集团资产经营公司" in ents and "吉林省交通投资集团" in ents


def test_abbreviated_committee_is_the_full_one():
    ents = entities_of("长春汽车经济技术开发区管理委员会与企业签约。汽开区管委会将提供服务。")
    agencies = [e for e in ents.values() if e.type == "Agency"]
    assert [e.label for e in agencies] == ["长春汽车经济技术开发区管理委员会"]


def test_declared_short_name_read_as_a_branch_is_the_full_company():
    ents = entities_of("中国华信资产管理股份有限公司吉林省分公司（以下简称“华信吉林分公司”）发布公告。"
                       "华信吉林分公司拟转让债权。")
    branches = [e.label for e in ents.values() if e.label.endswith("分公司")]
    assert branches == ["中国华信资产管理股份有限公司吉林省分公司"]


def test_preposition_glued_to_a_known_company_is_cut():
    ents = entities_of("广东瑞禾泰建设集团有限公司拖欠工程款。法院对瑞禾泰公司账户予以冻结。")
    assert [e.label for e in ents.values() if e.type == "Company"] == ["广东瑞禾泰建设集团有限公司"]


def test_national_ministry_keeps_its_name_in_a_city_story():
    assert "工业和信息化部" in entities_of("长春市的企业入选工业和信息化部名单。")


def test_branch_with_and_without_its_legal_form_is_one_company():
    ents = entities_of("吉林春晖农村商业银行股份有限公司长春支行放贷。春晖农商银行长春支行表示支持。")
    branches = [e.label for e in ents.values() if e.label.endswith("支行")]
    assert len(branches) == 1


def test_declared_short_name_of_a_zone_names_the_zone_and_its_bodies():
    ents = entities_of("吉林省青松湖改革创新示范区（以下简称“青松示范区”）管委会召开会议。"
                       "青松示范区管委会表示，青松示范区将扩大投资。")
    assert "青松示范区" in ents["青松湖改革创新示范区"].aliases
    assert "青松示范区管委会" in ents["青松湖改革创新示范区管理委员会"].aliases
    assert "青松示范区" not in ents


@pytest.mark.parametrize("text, label", [
    ("吉林省长春市的企业。长春市的企业。由省财政拨付资金。", "吉林省财政厅"),
    ("吉林省长春市的企业。长春市的企业。市财政每吨另行补贴50元。", "长春市财政局"),
    ("广西壮族自治区南宁市的企业。广西壮族自治区的企业。自治区财政向担保公司注资。", "广西壮族自治区财政厅"),
])
def test_a_level_s_bare_finance_is_its_finance_bureau(text, label):
    assert ents_of_type(text, "Agency") == [label]


@pytest.mark.parametrize("text, label", [
    ("广西壮族自治区的企业获得奖励。资金由自治区财政厅下达。", "广西壮族自治区财政厅"),
    ("西藏自治区的农户获得补贴。自治区农业农村厅会同有关部门核定。", "西藏自治区农业农村厅"),
])
def test_a_region_s_department_written_short_is_the_home_region_s(text, label):
    """自治区财政厅 in a region's story is that region's department, as 省财政厅 is the province's."""
    assert label in ents_of_type(text, "Agency")


@pytest.mark.parametrize("text", ["省财政资金下达到位。", "全省财政收入增长。", "市财政补贴资金已到位。",
                                  "城市财政压力加大。", "由市区财政拨付。"])
def test_finance_money_is_no_body(text):
    assert ents_of_type(text, "Agency") == []


def ents_of_type(text: str, etype: str) -> list[str]:
    return sorted(e.label for e in entities_of(text).values() if e.type == etype)


def test_bare_standard_body_is_the_one_named_in_the_story():
    ents = entities_of("记者从吉林省财政厅获悉，财政厅将安排资金。")
    assert ents_of_type("记者从吉林省财政厅获悉，财政厅将安排资金。", "Agency") == ["吉林省财政厅"]
    assert "财政厅" in ents["吉林省财政厅"].aliases


def test_bare_department_is_the_home_province_s():
    assert "吉林省财政厅" in entities_of("吉林省长春市的企业。长春市的企业不少。财政厅将安排资金。")


def test_city_investment_company_by_its_trade_short_form():
    ents = entities_of("长春市交通投资集团有限公司签订合同。长春交投副总经理王立平介绍，长春交投全资子公司"
                       "长春通达停车管理有限公司负责运营。")
    company = ents["长春市交通投资集团有限公司"]
    assert "长春交投" in company.aliases
    assert "长春" not in ents and not any("子公司" in label for label in ents)


def test_city_state_assets_commission_is_the_governments_organ():
    ents = entities_of("长春市人民政府国有资产监督管理委员会发文。吉林市国资委也发文。")
    assert "长春市人民政府国有资产监督管理委员会" in ents, sorted(ents)
    assert "吉林市国资委" in ents["吉林市人民政府国有资产监督管理委员会"].aliases


def test_group_is_not_merged_into_a_company_sharing_its_core():
    ents = entities_of("长春宏远控股集团年报。长春宏远控股集团有限公司成立于2001年，"
                       "子公司长春宏远能源发展有限公司获得补助。")
    assert "长春宏远控股集团" in ents["长春宏远控股集团有限公司"].aliases
    assert "长春宏远控股集团" not in ents["长春宏远能源发展有限公司"].aliases


def test_places_listed_before_a_body_share_it():
    ents = entities_of("长春市召开会议。南关区、朝阳区财政局：现下达资金。")
    assert {"长春市南关区财政局", "长春市朝阳区财政局"} <= set(ents), sorted(ents)
    assert not any(label.startswith("南关区") and e.type == "Agency" for label, e in ents.items())


def test_districts_listed_before_departments_name_no_body_each():
    ents = entities_of("长春市召开会议。南关区、朝阳区人社部门组织招聘。")
    assert not any(label.startswith("长春市南关区") for label in ents), sorted(ents)


def test_a_declared_short_name_inside_a_longer_word_names_nothing():
    """（以下简称“公司”）: 子公司 and 控股公司 hold the word but name other bodies."""
    text = "甲乙新材料股份有限公司（以下简称“公司”）召开会议。公司拟向全资子公司增资，控股公司同步增资。"
    t = normalize(text)
    art = Article("t", "t")
    mentions, _ = resolve(find_mentions(t, split_sentences(t), art, find_byline_spans(t.text)), t, art)
    starts = [m.start for m in mentions if m.entity == "甲乙新材料股份有限公司" and m.text == "公司"]
    assert starts == [text.index("“公司”") + 1, text.index("。公司") + 1]


def test_a_registered_company_and_a_partnership_whose_name_starts_like_it_are_two():
    ents = entities_of("集团旗下甲乙产业发展基金合伙企业（有限合伙）完成投资。集团向全资子公司甲乙新材料科技有限公司增资3亿元。")
    assert {"甲乙产业发展基金合伙企业（有限合伙）", "甲乙新材料科技有限公司"} <= set(ents)


def test_an_autonomous_county_written_short_with_its_level_names_its_bodies():
    """琼中县 is 琼中黎族苗族自治县 written short: its bureau is the county's."""
    assert "琼中黎族苗族自治县农业农村局" in entities_of("琼中县农业农村局按规定给予贴息。")


def test_a_county_right_before_a_branch_head_after_another_branch_is_a_branch():
    # 甲分行指导所辖道里区|支行: no bank named, but a branch's own branch
    assert "道里区支行" in entities_of("青州分行指导所辖道里区支行做好服务。")
    # and the branches of two places stay two
    ents = entities_of("青州分行指导所辖道里区支行做好服务。青州分行指导所辖南岗区支行做好服务。")
    assert {"道里区支行", "南岗区支行"} <= set(ents)


def test_a_branch_written_without_the_city_before_its_own_place_is_the_same_branch():
    ents = entities_of("中国工商银行股份有限公司长春双阳支行发放贷款。工行双阳支行表示支持。")
    assert "中国工商银行双阳支行" not in ents and "中国工商银行股份有限公司长春双阳支行" in ents
    # but two places' branches stay two
    ents = entities_of("甲银行长春分行放贷。甲银行吉林分行表示支持。")
    assert len([label for label in ents if label.endswith("分行")]) == 2
