"""Relations from constructions of blind probe pages (issue 9, class 8), on invented sentences."""
from __future__ import annotations

import pytest

from test_relations import A, C, J, P, analysis_of, relations_of


def _works_for(raw: str, names: dict) -> set[tuple]:
    return {(r.subject, r.object, r.job_title) for r in analysis_of(raw, names).relations
            if r.type == "worksFor"}


def test_a_short_form_of_a_company_before_its_post_is_that_company():
    names = {"甲市乙丙铸件有限公司": ("甲市乙丙铸件有限公司", C), "丁戊机械有限公司": ("丁戊机械有限公司", C),
             "张伟": ("张伟", P)}
    raw = "甲市乙丙铸件有限公司和丁戊机械有限公司获得贷款。“资金到了。”乙丙铸件总经理张伟说。"
    assert _works_for(raw, names) == {("张伟", "甲市乙丙铸件有限公司", "总经理")}


def test_a_short_form_shared_by_two_companies_names_neither():
    names = {"乙丙铸件有限公司": ("乙丙铸件有限公司", C), "乙丙铸件销售有限公司": ("乙丙铸件销售有限公司", C),
             "张伟": ("张伟", P)}
    raw = "乙丙铸件有限公司和乙丙铸件销售有限公司获得贷款。“资金到了。”乙丙铸件总经理张伟说。"
    assert _works_for(raw, names) == set()


def test_a_company_post_after_the_word_company_is_at_the_company_named_before():
    names = {"丁戊科技有限公司": ("丁戊科技有限公司", C), "李强": ("李强", P)}
    raw = "记者走访了丁戊科技有限公司,听取了公司董事长李强的汇报。"
    assert _works_for(raw, names) == {("李强", "丁戊科技有限公司", "董事长")}


def test_a_subsidiary_post_is_not_at_the_company_named_before():
    names = {"丁戊科技有限公司": ("丁戊科技有限公司", C), "李强": ("李强", P)}
    raw = "记者走访了丁戊科技有限公司,听取了子公司董事长李强的汇报。"
    assert _works_for(raw, names) == set()


def test_the_legal_representative_of_a_company_works_for_it():
    names = {"壬材料有限公司": ("壬材料有限公司", C), "王明": ("王明", P), "李红": ("李红", P)}
    raw = "经查,壬材料有限公司法定代表人为王明,李红系其配偶。"
    assert ("worksFor", "王明", "壬材料有限公司") in relations_of(raw, names)
    assert not any(r[1] == "李红" for r in relations_of(raw, names))


def test_a_credit_line_for_a_project_of_the_borrower_tells_its_developer():
    names = {"戊银行己分行": ("戊银行己分行", C), "庚钢材有限公司": ("庚钢材有限公司", C),
             "辛冷轧改造项目": ("辛冷轧改造项目", J)}
    raw = "戊银行己分行向庚钢材有限公司授信5亿元,支持其辛冷轧改造项目。"
    assert ("develops", "庚钢材有限公司", "辛冷轧改造项目") in relations_of(raw, names)


SYNDICATE = {"甲银行乙分行": ("甲银行乙分行", C), "丙银行丁分行": ("丙银行丁分行", C),
             "戊港务有限公司": ("戊港务有限公司", C)}


def test_the_lead_bank_of_a_syndicate_is_no_partner_of_the_borrower():
    raw = "甲银行乙分行作为牵头行,联合丙银行丁分行组成银团,与戊港务有限公司签订贷款协议。"
    assert not any(r[0] == "partnerOf" and "戊港务有限公司" in r[1:] for r in relations_of(raw, SYNDICATE))


def test_a_bank_that_signs_alone_is_a_partner():
    raw = "甲银行乙分行与戊港务有限公司签订战略合作协议。"
    assert ("partnerOf", "戊港务有限公司", "甲银行乙分行") in relations_of(raw, SYNDICATE) \
        or ("partnerOf", "甲银行乙分行", "戊港务有限公司") in relations_of(raw, SYNDICATE)


def test_a_post_in_a_named_village_committee_is_no_unit_of_the_story_agency():
    names = {"甲县财政局": ("甲县财政局", A), "王明": ("王明", P), "李强": ("李强", P)}
    raw = "甲县财政局拨付资金。乙家村党支部书记王明说,甲县财政局预算科科长李强也到了现场。"
    assert _works_for(raw, names) == {("李强", "甲县财政局", "预算科科长")}


def test_bodies_asked_to_help_have_not_helped_yet():
    names = {"甲区政府": ("甲区人民政府", A), "乙市工信局": ("乙市工信局", A), "丙药业有限公司": ("丙药业有限公司", C)}
    asked = "市长要求甲区政府和乙市工信局主动帮助丙药业有限公司解决用电问题。"
    assert not any(r[0] == "assists" for r in relations_of(asked, names))
    done = "乙市工信局主动帮助丙药业有限公司解决用电问题。"
    assert ("assists", "乙市工信局", "丙药业有限公司") in relations_of(done, names)


SHARED = {"甲区老街改造项目": ("甲区老街改造项目", J), "甲区新村更新项目": ("甲区新村更新项目", J),
          "乙城投有限公司": ("乙城投有限公司", C)}


def test_projects_that_all_have_one_builder_are_each_developed_by_it():
    raw = "甲区老街改造项目、甲区新村更新项目分别获得1亿元和5000万元,两个项目均由乙城投有限公司负责建设。"
    got = {r for r in relations_of(raw, SHARED) if r[0] == "develops"}
    assert got == {("develops", "乙城投有限公司", "甲区老街改造项目"), ("develops", "乙城投有限公司", "甲区新村更新项目")}


def test_a_builder_without_all_tells_of_the_last_project_only():
    raw = "甲区老街改造项目、甲区新村更新项目分别获得1亿元和5000万元,后者由乙城投有限公司负责建设。"
    got = {r for r in relations_of(raw, SHARED) if r[0] == "develops"}
    assert got == {("develops", "乙城投有限公司", "甲区新村更新项目")}


PAIRED = {"甲物流有限公司": ("甲物流有限公司", C), "乙农牧有限公司": ("乙农牧有限公司", C),
          "丙县人民政府": ("丙县人民政府", A), "丙县冷链中心项目": ("丙县冷链中心项目", J),
          "丙县养殖基地项目": ("丙县养殖基地项目", J)}


EACH_ITS_PROJECT = {("develops", "甲物流有限公司", "丙县冷链中心项目"), ("develops", "乙农牧有限公司", "丙县养殖基地项目")}
BOTH_PARTNERS = {("partnerOf", "丙县人民政府", "甲物流有限公司"), ("partnerOf", "丙县人民政府", "乙农牧有限公司")}
RESPECTIVELY = [
    # Companies that sign for projects respectively, or invest respectively, develop one each.
    ("甲物流有限公司、乙农牧有限公司与丙县人民政府分别签订了丙县冷链中心项目、丙县养殖基地项目合作协议。",
     "develops", EACH_ITS_PROJECT),
    ("甲物流有限公司、乙农牧有限公司分别投资建设丙县冷链中心项目和丙县养殖基地项目。", "develops", EACH_ITS_PROJECT),
    # A list of another length (a name not found): nothing.
    ("甲物流有限公司、乙农牧有限公司与丙县人民政府分别签订了丙县冷链中心项目、年产5万头肉牛基地合作协议。", "develops", set()),
    # Each signs with one body, 分别 before or after it: each is its partner.
    ("甲物流有限公司、乙农牧有限公司分别与丙县人民政府签订合作协议。", "partnerOf", BOTH_PARTNERS),
    ("甲物流有限公司、乙农牧有限公司与丙县人民政府分别签订了合作协议。", "partnerOf", BOTH_PARTNERS),
]


@pytest.mark.parametrize("raw,kind,expected", RESPECTIVELY)
def test_respectively_pairs_or_shares_the_parties(raw, kind, expected):
    assert {r for r in relations_of(raw, PAIRED) if r[0] == kind} == expected


def test_a_branch_belongs_to_its_bank_named_with_the_legal_form():
    names = {"甲乙银行股份有限公司": ("甲乙银行股份有限公司", C), "甲乙银行丙省分行": ("甲乙银行丙省分行", C),
             "丁集团": ("丁集团", C)}
    raw = "甲乙银行股份有限公司发布年报。甲乙银行丙省分行与丁集团签署协议。"
    assert ("subOrganizationOf", "甲乙银行丙省分行", "甲乙银行股份有限公司") in relations_of(raw, names)


def test_a_short_bank_name_without_the_legal_form_gives_no_branch():
    names = {"甲银行股份有限公司": ("甲银行股份有限公司", C), "甲银行丙省分行": ("甲银行丙省分行", C)}
    raw = "甲银行股份有限公司发布年报。甲银行丙省分行开业。"
    assert not any(r[0] == "subOrganizationOf" for r in relations_of(raw, names))


def test_a_sub_branch_is_not_tied_to_a_bank_named_only_with_its_legal_form():
    names = {"甲乙银行股份有限公司": ("甲乙银行股份有限公司", C), "甲乙银行丙县支行": ("甲乙银行丙县支行", C)}
    raw = "甲乙银行股份有限公司发布年报。甲乙银行丙县支行开业。"
    assert not any(r[0] == "subOrganizationOf" for r in relations_of(raw, names))


OWNERS = {"甲河治理项目": ("甲河治理项目", J), "乙县人民政府": ("乙县人民政府", A),
          "丙城投集团有限公司": ("丙城投集团有限公司", C), "丁水利建设有限公司": ("丁水利建设有限公司", C)}


def test_the_body_carrying_a_project_and_the_one_entrusted_to_build_it_develop_it():
    raw = "甲河治理项目由乙县人民政府作为实施主体,委托丙城投集团有限公司负责投资建设和运营。"
    got = {r for r in relations_of(raw, OWNERS) if r[0] == "develops"}
    assert got == {("develops", "乙县人民政府", "甲河治理项目"), ("develops", "丙城投集团有限公司", "甲河治理项目")}


def test_the_builder_named_as_the_construction_unit_is_the_contractor():
    raw = "甲河治理项目今年开工,施工单位为丁水利建设有限公司。"
    assert ("contractorOf", "丁水利建设有限公司", "甲河治理项目") in relations_of(raw, OWNERS)


def test_a_body_whose_cooperation_a_project_had_assists_it():
    raw = "在乙县人民政府的积极配合下,甲河治理项目提前完工。"
    assert ("assists", "乙县人民政府", "甲河治理项目") in relations_of(raw, OWNERS)


def test_a_subsidiary_with_its_parent_in_a_parenthesis_belongs_to_it():
    names = {"戊能源有限公司": ("戊能源有限公司", C), "己能源集团有限公司": ("己能源集团有限公司", C)}
    raw = "戊能源有限公司(己能源集团有限公司全资子公司)今年投产。"
    assert ("subOrganizationOf", "戊能源有限公司", "己能源集团有限公司") in relations_of(raw, names)


def test_any_post_after_a_short_form_of_a_company_is_at_that_company():
    names = {"甲城乙峰创业投资管理有限公司": ("甲城乙峰创业投资管理有限公司", C), "王明": ("王明", P)}
    raw = "甲城乙峰创业投资管理有限公司跟投。乙峰创投管理合伙人王明说,看好该公司。"
    assert _works_for(raw, names) == {("王明", "甲城乙峰创业投资管理有限公司", "合伙人")}


def test_a_row_s_body_develops_the_project_in_the_next_cell():
    """1　甲区　乙公司　丙项目　260: the body and the project of neighbouring cells; a place does not."""
    names = {"甲区": "Place", "乙材料有限公司": C, "丙改造项目": J}
    got = relations_of("1　甲区　乙材料有限公司　丙改造项目　18600　260", {n: (n, t) for n, t in names.items()})
    assert {r for r in got if r[0] == "develops"} == {("develops", "乙材料有限公司", "丙改造项目")}


def test_a_counted_class_led_by_a_name_is_regulated_when_described_at_length():
    names = {"甲监管分局": A, "乙融资咨询服务有限公司": C}
    raw = "甲监管分局对乙融资咨询服务有限公司等3家违规收取“过桥”费用的中介机构进行约谈，责令限期整改。"
    got = relations_of(raw, {n: (n, t) for n, t in names.items()})
    assert ("regulates", "甲监管分局", "乙融资咨询服务有限公司") in got


@pytest.mark.parametrize("raw", [
    # a notice's line names the project's unit (项目单位为)
    "丙县：丁产业园建设项目，项目单位为戊投资有限公司，安排资金2亿元。",
    # the builder of a project named with the places it stands in
    "贷款专项用于戊投资有限公司在甲州乙市建设的丁产业园建设项目。",
])
def test_developers_of_notices_and_located_projects(raw):
    names = {"丙县": ("丙县", "Place"), "甲州": ("甲州", "Place"), "乙市": ("乙市", "Place"),
             "丁产业园建设项目": ("丁产业园建设项目", J), "戊投资有限公司": ("戊投资有限公司", C)}
    assert ("develops", "戊投资有限公司", "丁产业园建设项目") in relations_of(raw, {n: v for n, v in names.items() if n in raw})
