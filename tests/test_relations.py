"""Relations (kg.extract.relations) on sentences we write, with hand-made mentions.

`annotate` plays the mention and resolution stages: it marks each given surface form in the
text as a mention of its entity, so these tests run without kg.extract.mentions.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.extract import layout
from kg.extract import relations
from kg.extract.analysis import Analysis
from kg.extract.clause import Ref
from kg.extract.employment import PostBodies
from kg.resources import resource_dir
from kg.model import Article, Document, Entity, Mention, Sentence, Text
from kg.extract.pipeline import extract_document
from kg.extract.relations import cue_words, cues_present, find_relations
from kg.extract.templates import required_words

A, C, O, P, G, J = "Agency", "Company", "Organization", "Person", "Program", "Project"


def annotate(raw: str, names: dict[str, tuple[str, str]]):
    """(text, sentences, mentions, entities) for `raw`; names maps surface -> (label, type)."""
    text = Text(raw, tuple(range(len(raw) + 1)))
    sentences, start = [], 0
    for i, ch in enumerate(raw):
        if ch in "。！？" or i == len(raw) - 1:
            sentences.append(Sentence(start, i + 1, raw[start:i + 1]))
            start = i + 1
    mentions, taken = [], []
    for surface in sorted(names, key=len, reverse=True):
        at = raw.find(surface)
        while at >= 0:
            end = at + len(surface)
            if not any(s < end and at < e for s, e in taken):
                label, kind = names[surface]
                mentions.append(Mention(at, end, surface, kind, label))
                taken.append((at, end))
            at = raw.find(surface, end)
    entities = {label: Entity(label, kind) for label, kind in names.values()}
    return text, sentences, sorted(mentions, key=lambda m: m.start), list(entities.values())


def analysis_of(raw: str, names: dict, sentences=None, date: str | None = None) -> Analysis:
    """The analysis of `raw` (see annotate) with its relations found, as the pipeline hands
    it to the fundings stage; `sentences` replaces the split at sentence ends."""
    text, split, mentions, entities = annotate(raw, names)
    a = Analysis(Document("t", raw, "t"), text, sentences or split, Article("t", "t", None, date),
                 mentions, entities)
    a.relations = find_relations(a)
    return a


def relations_of(raw: str, names: dict) -> set[tuple]:
    return {(r.type, r.subject, r.object) for r in analysis_of(raw, names).relations}


WORKS_FOR = [
    ("收到款项后,甲科技有限公司副总经理王明说。",
     {"甲科技有限公司": ("甲科技有限公司", C), "王明": ("王明", P)}, "副总经理"),
    ("乙市丙区执法局督查科科长李强介绍。",
     {"乙市丙区执法局": ("乙市丙区执法局", A), "李强": ("李强", P)}, "督查科科长"),
    ("记者采访了丁县税务局。该局副局长赵敏表示,服务将继续。",
     {"丁县税务局": ("丁县税务局", A), "赵敏": ("赵敏", P)}, "副局长"),
    ("戊地铁集团票务部长孙伟告诉记者。",
     {"戊地铁集团": ("戊地铁集团", C), "孙伟": ("孙伟", P)}, "票务部长"),
    ("己市委副书记、市长周红介绍。",
     {"己市委": ("中共己市委员会", A), "周红": ("周红", P)}, "副书记"),
]


@pytest.mark.parametrize("raw,names,title", WORKS_FOR)
def test_works_for_from_a_post_before_the_name(raw, names, title):
    a = analysis_of(raw, names)
    (rel,) = a.relations
    person = next(e.label for e in a.entities if e.type == P)
    org = next(e.label for e in a.entities if e.type != P)
    assert (rel.type, rel.subject, rel.object, rel.job_title) == ("worksFor", person, org, title)
    assert rel.evidence.sentence in raw and raw[rel.evidence.start:rel.evidence.end] == rel.evidence.sentence


GOVERNMENT_POSTS = [
    # A chain of posts: the party post stays with the committee, the mayor's goes to the government.
    ("青川市委副书记、市长孙立介绍。",
     {"青川市委": ("中共青川市委员会", A), "孙立": ("孙立", P), "青川市政府": ("青川市人民政府", A)},
     {("中共青川市委员会", "副书记"), ("青川市人民政府", "市长")}),
    ("东港市委常委、常务副市长钱朗，市委常委、秘书长韩青出席。",
     {"东港市委": ("中共东港市委员会", A), "市委": ("中共东港市委员会", A), "钱朗": ("钱朗", P),
      "韩青": ("韩青", P), "东港市人民政府": ("东港市人民政府", A)},
     {("中共东港市委员会", "常委"), ("东港市人民政府", "常务副市长"), ("中共东港市委员会", "常委、秘书长")}),
    # A place before a government post: its government.
    ("会上，东港市副市长吴青讲话。",
     {"东港市": ("东港市", "Place"), "吴青": ("吴青", P), "东港市政府": ("东港市人民政府", A)},
     {("东港市人民政府", "副市长")}),
    # No body before the post: the document's only government of that level.
    ("白河州人民政府召开会议，副州长周平到场。",
     {"白河州人民政府": ("白河州人民政府", A), "周平": ("周平", P)}, {("白河州人民政府", "副州长")}),
    # A committee written without its place: the document's only government of the post's level.
    ("白河县人民政府召开会议。县委副书记、县长周平到场。",
     {"白河县人民政府": ("白河县人民政府", A), "周平": ("周平", P), "县委": ("县委", A)},
     {("县委", "副书记"), ("白河县人民政府", "县长")}),
    # No government of the jurisdiction in the document: the mayor's post ties to nobody.
    ("青川市委副书记、市长孙立介绍。",
     {"青川市委": ("中共青川市委员会", A), "孙立": ("孙立", P)}, {("中共青川市委员会", "副书记")}),
]


def test_a_post_without_a_body_in_a_list_of_attendees_keeps_the_body_before():
    names = {"甲银行河北省分行": ("甲银行河北省分行", C), "李明": ("李明", P), "赵夺": ("赵夺", P)}
    got = relations_of("甲银行河北省分行副行长李明、王东，信贷风险官赵夺参加仪式。", names)
    assert ("worksFor", "赵夺", "甲银行河北省分行") in got


def test_a_post_of_other_departments_in_a_list_of_attendees_is_no_continuation():
    names = {"甲市农业局": ("甲市农业局", A), "李明": ("李明", P), "赵夺": ("赵夺", P)}
    got = relations_of("甲市农业局局长李明，市直相关部门负责人赵夺参加调研。", names)
    assert ("worksFor", "李明", "甲市农业局") in got
    assert not {r for r in got if r[1] == "赵夺"}


def test_a_league_head_works_for_the_league_administration():
    names = {"甲盟行政公署": ("甲盟行政公署", A), "甲盟委": ("中共甲盟委员会", A), "张三": ("张三", P)}
    got = relations_of("甲盟行政公署召开会议。甲盟委副书记、盟长张三出席。", names)
    assert {("worksFor", "张三", "甲盟行政公署"), ("worksFor", "张三", "中共甲盟委员会")} <= got


def test_posts_in_two_bodies_before_one_name_tie_the_person_to_both():
    names = {"甲市政府办公室": ("甲市政府办公室", A), "甲市农业局": ("甲市农业局", A), "李明": ("李明", P)}
    got = relations_of("甲市政府办公室副主任、甲市农业局局长李明出席。", names)
    assert {("worksFor", "李明", "甲市政府办公室"), ("worksFor", "李明", "甲市农业局")} <= got


def test_a_post_after_a_clause_is_no_continuation():
    names = {"甲银行": ("甲银行", C), "李明": ("李明", P), "赵夺": ("赵夺", P)}
    got = relations_of("甲银行行长李明说，他与风险官赵夺谈过。", names)
    assert ("worksFor", "赵夺", "甲银行") not in got


@pytest.mark.parametrize("raw,names,expected", GOVERNMENT_POSTS)
def test_government_posts_belong_to_the_government(raw, names, expected):
    a = analysis_of(raw, names)
    assert {(r.object, r.job_title) for r in a.relations if r.type == "worksFor"} == expected


def test_a_government_post_with_two_governments_and_no_body_ties_to_nobody():
    names = {"甲市政府": ("甲市人民政府", A), "乙市政府": ("乙市人民政府", A), "周平": ("周平", P)}
    assert relations_of("甲市政府与乙市政府座谈，副市长周平出席。", names) == set()


def test_a_company_right_before_a_name_employs_the_person():
    names = {"庚饮品有限公司": ("庚饮品有限公司", C), "钱丽": ("钱丽", P)}
    assert relations_of("来办事的庚饮品有限公司钱丽表示。", names) == {("worksFor", "钱丽", "庚饮品有限公司")}


def test_a_name_without_a_post_or_body_works_for_nobody():
    names = {"辛区政府": ("辛区政府", A), "吴刚": ("吴刚", P)}
    assert relations_of("辛区政府召开会议,居民吴刚说。", names) == set()


REGULATES = [
    ("甲区执法局执法人员已经约谈乙单车公司2次。",
     {"甲区执法局": ("甲区执法局", A), "乙单车公司": ("乙单车", C)},
     {("regulates", "甲区执法局", "乙单车")}),
    ("甲区执法局对丙公司进行了处罚。",
     {"甲区执法局": ("甲区执法局", A), "丙公司": ("丙公司", C)},
     {("regulates", "甲区执法局", "丙公司")}),
]


ENFORCEMENT = [
    ("乙区人民法院已将丙商贸有限公司列入失信被执行人名单。",
     {"乙区人民法院": ("乙区人民法院", A), "丙商贸有限公司": ("丙商贸有限公司", C)},
     {("regulates", "乙区人民法院", "丙商贸有限公司")}),
    ("针对丁禾公司超范围经营的违法行为，戊区市场监管局于今年3月作出行政处罚。",
     {"丁禾公司": ("丁禾公司", C), "戊区市场监管局": ("戊区市场监督管理局", A)},
     {("regulates", "戊区市场监督管理局", "丁禾公司")}),
    ("己县市场监管局依法查办庚河商贸有限公司。",
     {"己县市场监管局": ("己县市场监督管理局", A), "庚河商贸有限公司": ("庚河商贸有限公司", C)},
     {("regulates", "己县市场监督管理局", "庚河商贸有限公司")}),
    # A case title names the party that 其 / 当事人 stands for in the case's text.
    ("一、辛丰食品有限公司无证经营案。壬县市场监督管理局于今年2月依法对其作出警告、罚款共计3万元的行政处罚。",
     {"辛丰食品有限公司": ("辛丰食品有限公司", C), "壬县市场监督管理局": ("壬县市场监督管理局", A)},
     {("regulates", "壬县市场监督管理局", "辛丰食品有限公司")}),
    # 对其处罚款: 处 imposes the fine on the case's party.
    ("案例三：丙检测有限公司伪造检测数据案。9月，甲市生态环境局在对辖区内多家检测机构开展的专项抽查中发现，"
     "丙检测有限公司伪造数据，依法对其处罚款8万元。",
     {"甲市生态环境局": ("甲市生态环境局", A), "丙检测有限公司": ("丙检测有限公司", C)},
     {("regulates", "甲市生态环境局", "丙检测有限公司")}),
    # a heading run into its case's text in one sentence names the party too
    ("案例二：丁建材有限公司违规堆放物料案5月，戊区生态环境局依法对其处罚款3万元。",
     {"戊区生态环境局": ("戊区生态环境局", A), "丁建材有限公司": ("丁建材有限公司", C)},
     {("regulates", "戊区生态环境局", "丁建材有限公司")}),
    # The second case names no company we know: its 其 is not the first case's party.
    ("辛丰食品有限公司无证经营案。壬县市场监督管理局对其作出行政处罚。某某生活馆虚假宣传案。"
     "癸县市场监督管理局对其作出行政处罚。",
     {"辛丰食品有限公司": ("辛丰食品有限公司", C), "壬县市场监督管理局": ("壬县市场监督管理局", A),
      "癸县市场监督管理局": ("癸县市场监督管理局", A)},
     {("regulates", "壬县市场监督管理局", "辛丰食品有限公司")}),
    ("乙商行因超范围经营被甲区市场监管局处以罚款。",
     {"乙商行": ("乙商行", C), "甲区市场监管局": ("甲区市场监督管理局", A)},
     {("regulates", "甲区市场监督管理局", "乙商行")}),
    ("甲区市场监管局向乙商行开出罚单。",
     {"乙商行": ("乙商行", C), "甲区市场监管局": ("甲区市场监督管理局", A)},
     {("regulates", "甲区市场监督管理局", "乙商行")}),
    ("丙果业有限公司虚假宣传案。经查，丁县市场监管局依法查处当事人，并责令其改正。",
     {"丙果业有限公司": ("丙果业有限公司", C), "丁县市场监管局": ("丁县市场监督管理局", A)},
     {("regulates", "丁县市场监督管理局", "丙果业有限公司")}),
    ("甲区市场监管局对辖区商场开展“清租行动”，约谈了乙商业管理有限公司。",
     {"甲区市场监管局": ("甲区市场监督管理局", A), "清租行动": ("清租行动", G),
      "乙商业管理有限公司": ("乙商业管理有限公司", C)},
     {("regulates", "甲区市场监督管理局", "乙商业管理有限公司")}),
    # A company's own act before the court's must not hide the court's.
    ("甲建材有限公司此前已申请强制执行，乙区人民法院依法冻结了丙置业有限公司名下账户。",
     {"甲建材有限公司": ("甲建材有限公司", C), "乙区人民法院": ("乙区人民法院", A),
      "丙置业有限公司": ("丙置业有限公司", C)},
     {("regulates", "乙区人民法院", "丙置业有限公司")}),
    # 其中 is no pronoun; outside a case 其 names nobody.
    ("甲局约谈了乙物业公司等3家企业，并对其中1家企业依法作出处罚。丙公司表示，甲局对其作出处罚。",
     {"甲局": ("甲局", A), "乙物业公司": ("乙物业公司", C), "丙公司": ("丙公司", C)},
     {("regulates", "甲局", "乙物业公司")}),
    # A plan (方案) is no case, and an agency that only reports checks nobody.
    ("甲局制定了应急方案。乙公司表示将配合检查。",
     {"甲局": ("甲局", A), "乙公司": ("乙公司", C)}, set()),
]


ISSUED_MORE = [
    # Titles side by side after one verb: one issued each.
    ("甲省财政厅先后印发了《乙办法》《丙细则》。",
     {"甲省财政厅": ("甲省财政厅", A), "乙办法": ("乙办法", G), "丙细则": ("丙细则", G)},
     {("issued", "甲省财政厅", "乙办法"), ("issued", "甲省财政厅", "丙细则")}),
    # A sentence that names nobody before 又…实施 continues the story's body.
    ("丁银行河北省分行加大信贷投放。疫情发生后，又组织实施了“春风行动”。",
     {"丁银行河北省分行": ("丁银行河北省分行", C), "春风行动": ("春风行动", G)},
     {("issued", "丁银行河北省分行", "春风行动")}),
    # A joint title names both issuers.
    ("报纸登载了《戊资产管理公司与己银行股份有限公司债权转让联合公告》。",
     {"戊资产管理公司": ("戊资产管理公司", C), "己银行": ("己银行", C),
      "戊资产管理公司与己银行股份有限公司债权转让联合公告": ("戊资产管理公司与己银行股份有限公司债权转让联合公告", G)},
     {("issued", "戊资产管理公司", "戊资产管理公司与己银行股份有限公司债权转让联合公告"),
      ("issued", "己银行", "戊资产管理公司与己银行股份有限公司债权转让联合公告")}),
    # A cited title after bodies that are objects: no title list of the first verb's.
    ("庚中心发布通知，按照辛部《关于调整政策的通知》执行。",
     {"庚中心": ("庚中心", A), "辛部": ("辛部", A), "关于调整政策的通知": ("关于调整政策的通知", G)},
     {("issued", "辛部", "关于调整政策的通知")}),
    # A headline of two bodies written one after the other: both issue it.
    ("甲省财政厅 甲省农业农村厅关于下达补助资金的通知\n各市：现下达资金。",
     {"甲省财政厅": ("甲省财政厅", A), "甲省农业农村厅": ("甲省农业农村厅", A),
      "关于下达补助资金的通知": ("甲省财政厅甲省农业农村厅关于下达补助资金的通知", G)},
     {("issued", "甲省财政厅", "甲省财政厅甲省农业农村厅关于下达补助资金的通知"),
      ("issued", "甲省农业农村厅", "甲省财政厅甲省农业农村厅关于下达补助资金的通知")}),
    # A product named right after its bank.
    ("支行向企业推荐壬银行“快易贷”产品。",
     {"壬银行": ("壬银行", C), "“快易贷”": ("快易贷", G)}, {("issued", "壬银行", "快易贷")}),
]


PARTNERS_MORE = [
    ("甲省工信厅同包括乙银行在内的20家银行签署了合作协议。",
     {"甲省工信厅": ("甲省工信厅", A), "乙银行": ("乙银行", C)}, {("partnerOf", "乙银行", "甲省工信厅")}),
    ("签约仪式举行，签约双方为丙银行河北省分行和丁市人民政府。",
     {"丙银行河北省分行": ("丙银行河北省分行", C), "丁市人民政府": ("丁市人民政府", A)},
     {("partnerOf", "丁市人民政府", "丙银行河北省分行")}),
]


@pytest.mark.parametrize("raw,names,expected", PARTNERS_MORE)
def test_partners_inside_including_and_signing_parties(raw, names, expected):
    assert {r for r in relations_of(raw, names) if r[0] == "partnerOf"} == expected


@pytest.mark.parametrize("raw,names,expected", ISSUED_MORE)
def test_issued_from_title_lists_continued_subjects_and_joint_titles(raw, names, expected):
    assert {r for r in relations_of(raw, names) if r[0] == "issued"} == expected


@pytest.mark.parametrize("raw,names,expected", ENFORCEMENT)
def test_regulates_from_enforcement_constructions(raw, names, expected):
    assert {r for r in relations_of(raw, names) if r[0] == "regulates"} == expected


@pytest.mark.parametrize("raw,names,expected", REGULATES)
def test_regulates(raw, names, expected):
    assert relations_of(raw, names) == expected


def test_coordinated_subjects_and_objects_expand():
    raw = "甲区文明办、甲区执法局、交警甲大队、交警乙大队等部门召开约谈会,共同约谈“丙”单车、丁单车、戊单车等企业。"
    names = {"甲区文明办": ("甲区文明办", A), "甲区执法局": ("甲区执法局", A),
             "交警甲大队": ("交警甲大队", A), "交警乙大队": ("交警乙大队", A),
             "丙": ("丙单车", C), "丁单车": ("丁单车", C), "戊单车": ("戊单车", C)}
    got = {r for r in relations_of(raw, names) if r[0] == "regulates"}
    assert len(got) == 12


def test_that_company_refers_to_the_nearest_company_before():
    raw = "乙单车公司投放了车辆。甲区执法局约谈该公司2次。"
    names = {"甲区执法局": ("甲区执法局", A), "乙单车公司": ("乙单车", C)}
    assert ("regulates", "甲区执法局", "乙单车") in relations_of(raw, names)


ISSUED = [
    ("甲市营商环境局“营商环境监督月”活动启动。",
     {"甲市营商环境局": ("甲市营商环境局", A), "营商环境监督月": ("营商环境监督月活动", G)},
     {("issued", "甲市营商环境局", "营商环境监督月活动")}),
    ("按照乙部、丙部《关于支持小微企业的通知》,政策到期。",
     {"乙部": ("乙部", A), "丙部": ("丙部", A), "关于支持小微企业的通知": ("关于支持小微企业的通知", G)},
     {("issued", "乙部", "关于支持小微企业的通知"), ("issued", "丙部", "关于支持小微企业的通知")}),
    ("丁市人民政府印发《丁市稳企稳岗若干措施》。",
     {"丁市人民政府": ("丁市人民政府", A), "丁市稳企稳岗若干措施": ("丁市稳企稳岗若干措施", G)},
     {("issued", "丁市人民政府", "丁市稳企稳岗若干措施")}),
    ("《戊市人民政府关于下放事权的通知》已公布。",
     {"戊市人民政府": ("戊市人民政府", A), "戊市人民政府关于下放事权的通知": ("戊市人民政府关于下放事权的通知", G)},
     {("issued", "戊市人民政府", "戊市人民政府关于下放事权的通知")}),
]


@pytest.mark.parametrize("raw,names,expected", ISSUED)
def test_issued(raw, names, expected):
    assert {r for r in relations_of(raw, names) if r[0] == "issued"} == expected


def test_partners_and_developers_of_a_joint_project():
    raw = "会上,甲电商基地有限公司与乙新区管委会签约共建“乙新区星空项目”,与丙大学签约共建“丁实训基地项目”,与戊集团签署合作协议。"
    names = {"甲电商基地有限公司": ("甲电商基地有限公司", C), "乙新区管委会": ("乙新区管委会", A),
             "乙新区星空项目": ("乙新区星空项目", J), "丙大学": ("丙大学", O),
             "丁实训基地项目": ("丁实训基地项目", J), "戊集团": ("戊集团", C)}
    got = relations_of(raw, names)
    assert {("partnerOf", "乙新区管委会", "甲电商基地有限公司"), ("partnerOf", "丙大学", "甲电商基地有限公司"),
            ("partnerOf", "戊集团", "甲电商基地有限公司"),
            ("develops", "甲电商基地有限公司", "乙新区星空项目"),
            ("develops", "乙新区管委会", "乙新区星空项目"),
            ("develops", "甲电商基地有限公司", "丁实训基地项目")} <= got


def test_joint_building_by_two_bodies():
    raw = "由甲登记中心与乙银行丙省分行联合打造的“丁服务平台”正式上线。"
    names = {"甲登记中心": ("甲登记中心", A), "乙银行丙省分行": ("乙银行丙省分行", C),
             "丁服务平台": ("丁服务平台", J)}
    got = relations_of(raw, names)
    assert {("partnerOf", "乙银行丙省分行", "甲登记中心"), ("develops", "甲登记中心", "丁服务平台"),
            ("develops", "乙银行丙省分行", "丁服务平台")} <= got


def test_contractor():
    raw = "一旁负责改造工程施工的甲建工有限公司生产经理吴强对记者说。"
    names = {"改造工程": ("乙小区改造工程", J), "甲建工有限公司": ("甲建工有限公司", C), "吴强": ("吴强", P)}
    assert ("contractorOf", "甲建工有限公司", "乙小区改造工程") in relations_of(raw, names)


ASSISTS = [
    ("在甲省药监局、乙市工信局等有关部门帮助下,丙科技公司获得了厂房。",
     {"甲省药监局": ("甲省药监局", A), "乙市工信局": ("乙市工信局", A), "丙科技公司": ("丙科技公司", C)},
     {("assists", "甲省药监局", "丙科技公司"), ("assists", "乙市工信局", "丙科技公司")}),
    ("丁海洋馆停业。戊市文旅部门主动对接,协助企业获得了贷款。",
     {"丁海洋馆": ("丁海洋馆", C), "戊市文旅部门": ("戊市文旅局", A)},
     {("assists", "戊市文旅局", "丁海洋馆")}),
]


@pytest.mark.parametrize("raw,names,expected", ASSISTS)
def test_assists(raw, names, expected):
    assert {r for r in relations_of(raw, names) if r[0] == "assists"} == expected


def test_supplies_from_an_equipment_contract():
    raw = "该企业早在1月29日就与己机械有限公司签订了口罩生产线设备合同。"
    names = {"庚科技公司": ("庚科技公司", C), "己机械有限公司": ("己机械有限公司", C)}
    got = relations_of("庚科技公司缺少设备。" + raw, names)
    assert ("supplies", "己机械有限公司", "庚科技公司") in got


SUB_ORGANIZATION = [
    ("甲银行乙省分行", "甲银行", C, True),
    ("甲银行丙县支行", "甲银行", C, True),
    ("丁资产管理股份有限公司乙省分公司", "丁资产管理股份有限公司", C, True),
    ("戊市财政", "戊市", A, False),       # a longer name is not a unit without a unit ending
    ("己市公交集团有限公司", "己市公交集团", C, False),   # a legal form: the group itself
    ("庚区人民法院执行局", "庚区人民法院", A, True),     # a unit written right after its body
    ("辛集团公司", "辛集团", C, False),
]


def test_a_sub_branch_belongs_to_its_regional_branch_and_to_the_bank():
    names = {"甲银行乙市分行": ("甲银行乙市分行", C), "甲银行乙市丙区支行": ("甲银行乙市丙区支行", C),
             "甲银行": ("甲银行", C)}
    got = relations_of("甲银行乙市分行与甲银行乙市丙区支行发布公告。", names)
    assert {("subOrganizationOf", "甲银行乙市丙区支行", "甲银行乙市分行"),
            ("subOrganizationOf", "甲银行乙市丙区支行", "甲银行")} <= got


@pytest.mark.parametrize("child,parent,kind,expected", SUB_ORGANIZATION)
def test_branch_names_imply_sub_organization(child, parent, kind, expected):
    raw = f"{child}与{parent}发布公告。"
    names = {child: (child, kind), parent: (parent, kind)}
    got = ("subOrganizationOf", child, parent) in relations_of(raw, names)
    assert got is expected


def test_subordinate_cue():
    raw = "记者收到了甲市财政局下属的甲市资产运营中心发来的信息。"
    names = {"甲市财政局": ("甲市财政局", A), "甲市资产运营中心": ("甲市资产运营中心", A)}
    assert relations_of(raw, names) == {("subOrganizationOf", "甲市资产运营中心", "甲市财政局")}


def test_types_outside_the_schema_are_refused():
    # A Place cannot regulate; a Person cannot be regulated.
    names = {"甲区": ("甲区", "Place"), "乙公司": ("乙公司", C)}
    assert relations_of("甲区约谈乙公司。", names) == set()


def test_bare_enterprise_is_no_reference_inside_a_compound():
    raw = "乙单车公司投放车辆。小微企业发展良好。"
    refs = analysis_of(raw, {"乙单车公司": ("乙单车", C)}).refs
    assert [r.entity for r in refs if r.pronoun] == []


# The project named before: 由甲投资建设，乙承建 / 乙承建的丙项目 / 中标.
PROJECT_BUILDERS = [
    ("甲电池项目开工。该项目总投资8亿元,由乙能源有限公司投资建设,丙建工有限公司承建。",
     {"甲电池项目": ("甲电池项目", J), "乙能源有限公司": ("乙能源有限公司", C),
      "丙建工有限公司": ("丙建工有限公司", C)},
     {("develops", "乙能源有限公司", "甲电池项目"), ("contractorOf", "丙建工有限公司", "甲电池项目")}),
    ("丁区签约戊产业园项目。项目由己科技有限公司投资建设,庚建设有限公司承建。",
     {"戊产业园项目": ("戊产业园项目", J), "己科技有限公司": ("己科技有限公司", C),
      "庚建设有限公司": ("庚建设有限公司", C)},
     {("develops", "己科技有限公司", "戊产业园项目"), ("contractorOf", "庚建设有限公司", "戊产业园项目")}),
    ("辛路桥有限公司承建的壬大桥项目已经合龙。",
     {"辛路桥有限公司": ("辛路桥有限公司", C), "壬大桥项目": ("壬大桥项目", J)},
     {("contractorOf", "辛路桥有限公司", "壬大桥项目")}),
    ("癸水务有限公司近日中标甲河治理项目,即将进场施工。",
     {"癸水务有限公司": ("癸水务有限公司", C), "甲河治理项目": ("甲河治理项目", J)},
     {("contractorOf", "癸水务有限公司", "甲河治理项目")}),
    # 由X承建，建成后…: the contractor does not develop
    ("乙码头项目总投资2亿元,由丙港建有限公司承建,建成后可停靠大型船舶。",
     {"乙码头项目": ("乙码头项目", J), "丙港建有限公司": ("丙港建有限公司", C)},
     {("contractorOf", "丙港建有限公司", "乙码头项目")}),
    # the recipient of money for a project builds it
    ("其中丁精铸有限公司获得奖补资金50万元,用于年产3万吨丁铸件项目。",
     {"丁精铸有限公司": ("丁精铸有限公司", C), "年产3万吨丁铸件项目": ("年产3万吨丁铸件项目", J)},
     {("develops", "丁精铸有限公司", "年产3万吨丁铸件项目")}),
    ("戊银行为己食品有限公司发放贷款300万元,用于己冷链项目建设。",
     {"戊银行": ("戊银行", C), "己食品有限公司": ("己食品有限公司", C), "己冷链项目": ("己冷链项目", J)},
     {("develops", "己食品有限公司", "己冷链项目")}),
    ("戊银行向庚材料有限公司发放项目贷款3亿元,支持其庚电解液项目建设。",
     {"戊银行": ("戊银行", C), "庚材料有限公司": ("庚材料有限公司", C), "庚电解液项目": ("庚电解液项目", J)},
     {("develops", "庚材料有限公司", "庚电解液项目")}),
    ("戊银行向庚材料有限公司发放贷款1亿元,支持其建设庚电解液项目。",
     {"戊银行": ("戊银行", C), "庚材料有限公司": ("庚材料有限公司", C), "庚电解液项目": ("庚电解液项目", J)},
     {("develops", "庚材料有限公司", "庚电解液项目")}),
    # a person who speaks of building speaks for the company he works for
    ("庚材料有限公司董事长王五表示,新增资金会用来建设庚电解液项目。",
     {"庚材料有限公司": ("庚材料有限公司", C), "王五": ("王五", P), "庚电解液项目": ("庚电解液项目", J)},
     {("develops", "庚材料有限公司", "庚电解液项目"), ("worksFor", "王五", "庚材料有限公司")}),
    # a place after 在 is where it builds; a partner named before the builder does not hide it
    ("辛区管委会与庚材料有限公司签约,庚材料有限公司拟投资5亿元,在辛区兴建庚电解液项目。",
     {"辛区管委会": ("辛区管委会", A), "庚材料有限公司": ("庚材料有限公司", C), "辛区": ("辛区", "Place"),
      "庚电解液项目": ("庚电解液项目", J)},
     {("develops", "庚材料有限公司", "庚电解液项目"), ("partnerOf", "庚材料有限公司", "辛区管委会")}),
]


@pytest.mark.parametrize("raw,names,expected", PROJECT_BUILDERS)
def test_project_builders(raw, names, expected):
    assert relations_of(raw, names) == expected


NOT_ASSISTS = [
    # a sum handled for a firm is a funding, not non-monetary help
    ("丁市税务局为戊电器有限公司办理出口退税300万元。",
     {"丁市税务局": ("丁市税务局", A), "戊电器有限公司": ("戊电器有限公司", C)}),
    # the object of 向/为 is not the one who helps
    ("己公司负责人说,庚区政务中心为辛区商务局提供了协调服务。",
     {"庚区政务中心": ("庚区政务中心", A), "辛区商务局": ("辛区商务局", A)}),
]


@pytest.mark.parametrize("raw,names", NOT_ASSISTS)
def test_not_assists(raw, names):
    assert not {r for r in relations_of(raw, names) if r[0] == "assists"}


def test_help_before_a_funding_is_still_help():
    names = {"壬省发改委": ("壬省发改委", A), "癸港口项目": ("癸港口项目", J), "甲部委": ("甲部委", A)}
    raw = "在壬省发改委的帮助下,癸港口项目获得甲部委下达的补助500万元。"
    assert ("assists", "壬省发改委", "癸港口项目") in relations_of(raw, names)


REFERENCES = [
    # a name in the reference's own clause is another party
    ("乙食品有限公司扩产。丙银行向该公司发放贷款。", "乙食品有限公司"),
    # a bank is not 该公司
    ("丁饮料有限公司扩产。戊银行授信后,己银行还向该公司发放贷款。", "丁饮料有限公司"),
    # 对方: the other party of the clause before
    ("庚电子有限公司向辛通信有限公司供货,对方拖欠货款。", "辛通信有限公司"),
]


@pytest.mark.parametrize("raw,antecedent", REFERENCES)
def test_reference_resolution(raw, antecedent):
    names = {n: (n, C) for n in ("乙食品有限公司", "丙银行", "丁饮料有限公司", "戊银行", "己银行",
                                 "庚电子有限公司", "辛通信有限公司") if n in raw}
    (ref,) = [r for r in analysis_of(raw, names).refs if r.pronoun]
    assert ref.entity == antecedent


@pytest.mark.parametrize("template, words", [
    ("{S}…对{O}…(?:约谈|处罚)的?", [["对"], ["约谈", "处罚"]]),
    ("{S}…(?:建设|投入到?)…{O}", [["建设", "投入"]]),             # 投入到? needs 投入
    ("{O}…签订[^。；;]{0,40}?(?:设备|采购)…合同", [["签订"], ["设备", "采购"], ["合同"]]),
    ("(?:^|[，,；])(?:并|还)?(?:约谈|督促){O}", [["约谈", "督促"]]),
    ("{S}(?:负责)?承建的?{O}", [["承建"]]),
    ("(?=甲)乙(?:丙|丁(?:戊))", [["乙"]]),                          # lookarounds, nested groups: left out
    ("{S}约谈{O}|{O}被{S}约谈", []),                                  # top-level alternation: nothing
])
def test_required_words_of_a_template(template, words):
    assert required_words(template) == words


@pytest.mark.parametrize("text", ["签约共建", "乙公司投资建设丙项目", "甲局对乙公司约谈", "无关的话"])
def test_cues_present_marks_every_group_with_a_word_in_the_text(text):
    present = cues_present(text)      # words overlap: 共建 inside 签约共建
    groups = cue_words().groups
    assert [bool(present >> i & 1) for i in range(len(groups))] == [any(w in text for w in group) for group in groups]


def test_the_cue_test_never_skips_a_template_that_matches(monkeypatch):
    cases = [(raw, names) for raw, names, *_ in
             WORKS_FOR + REGULATES + ISSUED + ASSISTS + PROJECT_BUILDERS + NOT_ASSISTS]
    with_test = [relations_of(raw, names) for raw, names in cases]
    monkeypatch.setattr(relations, "cues_present", lambda text: -1)     # every template runs
    assert [relations_of(raw, names) for raw, names in cases] == with_test


# Relations written with references, co-subjects, posts after an alias, and more cue words.
MORE_RELATIONS = [
    # a post after the short-name parenthesis, the title broken by a line
    ("甲管业股份有限公司（以下简称“甲管业”）董事长\n赵刚对记者说。",
     {"甲管业股份有限公司": ("甲管业股份有限公司", C), "甲管业": ("甲管业股份有限公司", C), "赵刚": ("赵刚", P)},
     ("worksFor", "赵刚", "甲管业股份有限公司")),
    # 公司 right after a quote that ends a sentence is the company of the story
    ("乙船配有限公司订单饱满。“订单排到了明年。”公司总经理钱进说。",
     {"乙船配有限公司": ("乙船配有限公司", C), "钱进": ("钱进", P)},
     ("worksFor", "钱进", "乙船配有限公司")),
    # 该措施 refers to the program named before
    ("丙省工信厅兑现了《丙省支持中小企业若干措施》。该措施由丙省政府办公厅去年印发。",
     {"丙省工信厅": ("丙省工信厅", A), "《丙省支持中小企业若干措施》": ("丙省支持中小企业若干措施", G),
      "丙省政府办公厅": ("丙省政府办公厅", A)},
     ("issued", "丙省政府办公厅", "丙省支持中小企业若干措施")),
    # two bodies that publish together
    ("丁市市场监管局与丁市消费者协会共同发布了《丁市消费提示》。",
     {"丁市市场监管局": ("丁市市场监管局", A), "丁市消费者协会": ("丁市消费者协会", O),
      "《丁市消费提示》": ("丁市消费提示", G)},
     ("issued", "丁市消费者协会", "丁市消费提示")),
    ("丁市市场监管局与丁市消费者协会共同发布了《丁市消费提示》。",
     {"丁市市场监管局": ("丁市市场监管局", A), "丁市消费者协会": ("丁市消费者协会", O),
      "《丁市消费提示》": ("丁市消费提示", G)},
     ("partnerOf", "丁市市场监管局", "丁市消费者协会")),
    # a supply contract signed with the buyer: the subject supplies
    ("戊零部件有限公司与己汽车有限公司签订了首批总成供货合同。",
     {"戊零部件有限公司": ("戊零部件有限公司", C), "己汽车有限公司": ("己汽车有限公司", C)},
     ("supplies", "戊零部件有限公司", "己汽车有限公司")),
    # 启动 a project
    ("庚机床有限公司今年启动了庚数控生产线项目。",
     {"庚机床有限公司": ("庚机床有限公司", C), "庚数控生产线项目": ("庚数控生产线项目", J)},
     ("develops", "庚机床有限公司", "庚数控生产线项目")),
    # 由X作为项目业主，Y施工 with the project named before
    ("辛路快速化改造工程开工。工程由辛城发集团有限公司作为项目业主，壬路桥有限公司施工。",
     {"辛路快速化改造工程": ("辛路快速化改造工程", J), "辛城发集团有限公司": ("辛城发集团有限公司", C),
      "壬路桥有限公司": ("壬路桥有限公司", C)},
     ("develops", "辛城发集团有限公司", "辛路快速化改造工程")),
    ("辛路快速化改造工程开工。工程由辛城发集团有限公司作为项目业主，壬路桥有限公司施工。",
     {"辛路快速化改造工程": ("辛路快速化改造工程", J), "辛城发集团有限公司": ("辛城发集团有限公司", C),
      "壬路桥有限公司": ("壬路桥有限公司", C)},
     ("contractorOf", "壬路桥有限公司", "辛路快速化改造工程")),
    # 由政府授权X作为项目业主 with the project named before
    ("辛路供水工程总投资3亿元，由辛市人民政府授权辛水投集团有限公司作为项目业主，负责投资建设。",
     {"辛路供水工程": ("辛路供水工程", J), "辛市人民政府": ("辛市人民政府", A),
      "辛水投集团有限公司": ("辛水投集团有限公司", C)},
     ("develops", "辛水投集团有限公司", "辛路供水工程")),
    # 该工程由X组织实施，Y施工
    ("癸路跨线桥工程开工。该工程由癸市住建局组织实施，甲路桥有限公司施工。",
     {"癸路跨线桥工程": ("癸路跨线桥工程", J), "癸市住建局": ("癸市住建局", A),
      "甲路桥有限公司": ("甲路桥有限公司", C)},
     ("contractorOf", "甲路桥有限公司", "癸路跨线桥工程")),
    # 为X开通绿色通道 is help
    ("乙区税务局为丙配件有限公司开通了出口退税绿色通道。",
     {"乙区税务局": ("乙区税务局", A), "丙配件有限公司": ("丙配件有限公司", C)},
     ("assists", "乙区税务局", "丙配件有限公司")),
]


@pytest.mark.parametrize("raw,names,expected", MORE_RELATIONS)
def test_more_relations(raw, names, expected):
    assert expected in relations_of(raw, names)


def test_a_quoted_modifier_does_not_make_enterprise_a_reference():
    names = {"丁建设有限公司": ("丁建设有限公司", C), "戊省工信厅": ("戊省工信厅", A),
             "己电子有限公司": ("己电子有限公司", C)}
    raw = "丁建设有限公司负责代建厂房。戊省工信厅向己电子有限公司拨付“专精特新”企业奖励资金。"
    refs = analysis_of(raw, names).refs
    assert not any(r.pronoun for r in refs)


# Help that reaches its beneficiary through a go-between, a bare 管委会/项目, a place that
# stands for its government, and help won from above for a project.
HELP_PATTERNS = [
    # 协调 a bank to call on the firm: the help goes to the story's company, not the bank
    ("甲精工有限公司缺少资金。乙市经信局了解后,协调丙银行(以下简称“丙行”)上门对接。",
     {"甲精工有限公司": ("甲精工有限公司", C), "乙市经信局": ("乙市经信局", A), "丙银行": ("丙银行", C)},
     {("assists", "乙市经信局", "甲精工有限公司")}),
    # 在…牵线下, a lender acts for the firm
    ("在丁区商务局牵线下,戊农商银行向己纸业有限公司发放贷款。",
     {"丁区商务局": ("丁区商务局", A), "戊农商银行": ("戊农商银行", C), "己纸业有限公司": ("己纸业有限公司", C)},
     {("assists", "丁区商务局", "己纸业有限公司")}),
    # a bare 管委会 and a bare 项目 stand for the ones the story names
    ("庚高新区管理委员会与辛材料有限公司签约壬储能电站项目。管委会为项目预留了用地。",
     {"庚高新区管理委员会": ("庚高新区管理委员会", A), "辛材料有限公司": ("辛材料有限公司", C),
      "壬储能电站项目": ("壬储能电站项目", J)},
     {("assists", "庚高新区管理委员会", "壬储能电站项目")}),
    # a place that promises support: its government, when the story names it
    ("癸县人民政府与甲农业有限公司签约乙果蔬加工园项目。癸县将为项目落地提供全程代办服务。",
     {"癸县人民政府": ("癸县人民政府", A), "癸县": ("癸县", "Place"), "甲农业有限公司": ("甲农业有限公司", C),
      "乙果蔬加工园项目": ("乙果蔬加工园项目", J)},
     {("assists", "癸县人民政府", "乙果蔬加工园项目")}),
    # help won from above: 向上争取, then the project gains
    ("丙港口工程开工。丁新区管委会会同戊市发改委积极向上争取,工程获得专项债额度。",
     {"丙港口工程": ("丙港口工程", J), "丁新区管委会": ("丁新区管理委员会", A), "戊市发改委": ("戊市发改委", A)},
     {("assists", "丁新区管理委员会", "丙港口工程"), ("assists", "戊市发改委", "丙港口工程")}),
]


@pytest.mark.parametrize("raw,names,expected", HELP_PATTERNS)
def test_help_patterns(raw, names, expected):
    assert {r for r in relations_of(raw, names) if r[0] == "assists"} == expected


GENERIC_HELP = [
    # a class of bodies helping enterprises at large
    ("己公司扩产。区里组织甲区税务局、乙区人社局等部门上门办公,帮助企业对接金融机构。",
     {"己公司": ("己公司", C), "甲区税务局": ("甲区税务局", A), "乙区人社局": ("乙区人社局", A)}),
    # what two partners agree to offer is their partnership, not help from either
    ("丙保险公司与丁区商务局签署合作协议,为戊电器有限公司等企业提供增信服务。",
     {"丙保险公司": ("丙保险公司", C), "丁区商务局": ("丁区商务局", A), "戊电器有限公司": ("戊电器有限公司", C)}),
]


@pytest.mark.parametrize("raw,names", GENERIC_HELP)
def test_generic_help_is_not_assists(raw, names):
    assert not {r for r in relations_of(raw, names) if r[0] == "assists"}


MORE_CUES = [
    # an inspection that finds a fault
    ("甲市应急局在执法检查中发现乙化工有限公司存在隐患,依法对该公司作出罚款的处罚。",
     {"甲市应急局": ("甲市应急局", A), "乙化工有限公司": ("乙化工有限公司", C)},
     ("regulates", "甲市应急局", "乙化工有限公司")),
    # signing at a named venue
    ("丙经开区管委会与丁汽车部件有限公司在戊政务中心签约。",
     {"丙经开区管委会": ("丙经开区管委会", A), "丁汽车部件有限公司": ("丁汽车部件有限公司", C),
      "戊政务中心": ("戊政务中心", A)},
     ("partnerOf", "丁汽车部件有限公司", "丙经开区管委会")),
    # a bare 合作社 at the start of a line after a quote
    ("己果业专业合作社扩种。“有了钱就好办。”\n合作社理事长庚梅说。",
     {"己果业专业合作社": ("己果业专业合作社", O), "庚梅": ("庚梅", P)},
     ("worksFor", "庚梅", "己果业专业合作社")),
    # a bare 分公司 is the branch named before
    ("辛建材有限公司壬城分公司扩建仓库。分公司经理癸刚说。",
     {"辛建材有限公司壬城分公司": ("辛建材有限公司壬城分公司", C), "癸刚": ("癸刚", P)},
     ("worksFor", "癸刚", "辛建材有限公司壬城分公司")),
    # a bare 工程 counts toward the story's project; 项目业主 is no reference
    ("甲快速路工程开工。工程全长9公里,由乙城投集团作为项目业主。",
     {"甲快速路工程": ("甲快速路工程", J), "乙城投集团": ("乙城投集团", C)},
     ("develops", "乙城投集团", "甲快速路工程")),
]


@pytest.mark.parametrize("raw,names,expected", MORE_CUES)
def test_more_cues(raw, names, expected):
    assert expected in relations_of(raw, names)


def test_a_bare_project_word_inside_a_compound_is_no_reference():
    raw = "丙隧道工程开工。工程师说项目部已进场。"
    assert not [r for r in analysis_of(raw, {"丙隧道工程": ("丙隧道工程", J)}).refs if r.pronoun]


GENRE_RELATIONS = [
    # joint issuers with 由…会同…推行
    ("由甲市财政局会同乙市中心支行推行“丙贷通”融资对接机制。",
     {"甲市财政局": ("甲市财政局", A), "乙市中心支行": ("乙市中心支行", A), "“丙贷通”": ("丙贷通", G)},
     {("issued", "甲市财政局", "丙贷通"), ("issued", "乙市中心支行", "丙贷通")}),
    # a list row: the head, a place in brackets, then the act
    ("1.甲材料有限公司（乙区）：实施丙提纯改造项目，设备投资100万元。",
     {"甲材料有限公司": ("甲材料有限公司", C), "乙区": ("乙区", "Place"),
      "丙提纯改造项目": ("丙提纯改造项目", J)},
     {("develops", "甲材料有限公司", "丙提纯改造项目")}),
    # a company's own project
    ("丁药业有限公司的戊智能化改造项目获得补助。",
     {"丁药业有限公司": ("丁药业有限公司", C), "戊智能化改造项目": ("戊智能化改造项目", J)},
     {("develops", "丁药业有限公司", "戊智能化改造项目")}),
    # the general contractor sublets to a subcontractor; the owner is named as 项目业主
    ("甲建设有限公司承建乙产业园项目，并将机电安装工程分包给丙安装有限公司施工。"
     "甲建设有限公司对项目业主丁开发有限公司享有债权。",
     {"甲建设有限公司": ("甲建设有限公司", C), "乙产业园项目": ("乙产业园项目", J),
      "丙安装有限公司": ("丙安装有限公司", C), "丁开发有限公司": ("丁开发有限公司", C)},
     {("contractorOf", "甲建设有限公司", "乙产业园项目"), ("contractorOf", "丙安装有限公司", "乙产业园项目"),
      ("develops", "丁开发有限公司", "乙产业园项目")}),
    # a court: enforcement applied for, seizure, a banner of thanks
    ("乙安装有限公司向甲区人民法院申请强制执行。甲区人民法院查封了丙建设有限公司的商铺。",
     {"乙安装有限公司": ("乙安装有限公司", C), "甲区人民法院": ("甲区人民法院", A),
      "丙建设有限公司": ("丙建设有限公司", C)},
     {("assists", "甲区人民法院", "乙安装有限公司"), ("regulates", "甲区人民法院", "丙建设有限公司")}),
    ("7月12日，乙安装有限公司总经理王强将一面锦旗送到甲区人民法院执行局。",
     {"乙安装有限公司": ("乙安装有限公司", C), "甲区人民法院执行局": ("甲区人民法院执行局", A),
      "王强": ("王强", P)},
     {("assists", "甲区人民法院执行局", "乙安装有限公司"), ("worksFor", "王强", "乙安装有限公司")}),
    # a fine on the legal representative of a company is aimed at the company
    ("甲区人民法院作出处理：对丙建设有限公司法定代表人罗某处以罚款5万元。",
     {"甲区人民法院": ("甲区人民法院", A), "丙建设有限公司": ("丙建设有限公司", C)},
     {("regulates", "甲区人民法院", "丙建设有限公司")}),
    # a bank and a commission set up a mechanism together
    ("甲银行乙市分行还与乙市经济和信息化委员会建立对接机制。",
     {"甲银行乙市分行": ("甲银行乙市分行", C), "乙市经济和信息化委员会": ("乙市经济和信息化委员会", A)},
     {("partnerOf", "乙市经济和信息化委员会", "甲银行乙市分行")}),
    # 我们 in a speaker's turn is the speaker's department, not the one it reaches out to
    ("孙丽（甲省工信厅副厅长）：\n我们还将积极对接乙部，同时与丙通信有限公司合作。",
     {"甲省工信厅": ("甲省工信厅", A), "孙丽": ("孙丽", P), "乙部": ("乙部", A),
      "丙通信有限公司": ("丙通信有限公司", C)},
     {("partnerOf", "丙通信有限公司", "甲省工信厅")}),
    # a bank's sub-branch belongs to the branch of its region named in the story
    ("甲银行乙市分行与甲银行乙市丙区支行共同发布公告。",
     {"甲银行乙市分行": ("甲银行乙市分行", C), "甲银行乙市丙区支行": ("甲银行乙市丙区支行", C),
      "甲银行": ("甲银行", C)},
     {("subOrganizationOf", "甲银行乙市丙区支行", "甲银行乙市分行"),
      ("subOrganizationOf", "甲银行乙市分行", "甲银行")}),
    # a village title belongs to the village's own body, not to the story's agency
    ("甲县发改局为乙村修路。村党支部书记陈明介绍了情况。",
     {"甲县发改局": ("甲县发改局", A), "陈明": ("陈明", P)}, set()),
    # founded by a state-assets commission as its wholly state-owned company
    ("甲投资集团有限公司（以下简称“甲集团”）是乙市国资委出资设立的国有独资公司。",
     {"甲投资集团有限公司": ("甲投资集团有限公司", C), "甲集团": ("甲投资集团有限公司", C),
      "乙市国资委": ("乙市人民政府国有资产监督管理委员会", A)},
     {("subOrganizationOf", "甲投资集团有限公司", "乙市人民政府国有资产监督管理委员会")}),
    # the subsidiaries a group lists
    ("甲投资集团有限公司拥有全资及控股子公司8家，主要包括：丙物流有限公司、丁能源有限公司。",
     {"甲投资集团有限公司": ("甲投资集团有限公司", C), "丙物流有限公司": ("丙物流有限公司", C),
      "丁能源有限公司": ("丁能源有限公司", C)},
     {("subOrganizationOf", "丙物流有限公司", "甲投资集团有限公司"),
      ("subOrganizationOf", "丁能源有限公司", "甲投资集团有限公司")}),
    # a bare 集团 in the group's own story
    ("甲投资集团有限公司发布年报。集团董事长王明，总经理李强。",
     {"甲投资集团有限公司": ("甲投资集团有限公司", C), "王明": ("王明", P), "李强": ("李强", P)},
     {("worksFor", "王明", "甲投资集团有限公司"), ("worksFor", "李强", "甲投资集团有限公司")}),
]


@pytest.mark.parametrize("raw,names,expected", GENRE_RELATIONS)
def test_genre_relations(raw, names, expected):
    got = {r for r in relations_of(raw, names) if r[0] != "partnerOf" or expected}
    assert expected <= got
    if not expected:
        assert not any(r[0] == "worksFor" for r in got)


def test_a_page_number_or_a_speaker_label_starts_no_story():
    text = "甲公告\n正文第一句。\n— 1 —\n正文第二句。\n张三（甲局局长）：\n正文第三句。"
    assert layout.story_starts(text) == [3]


# Patterns of regional newspaper pages: joint issuers, co-launched products, signed projects,
# a subordinate unit, a go-between asked for help.
PAGE_RELATIONS = [
    # a document issued by one bureau together with another
    ("《甲市收费行为指引》由甲市监管局会同甲市发改委于今年3月印发。",
     {"甲市收费行为指引": ("甲市收费行为指引", G), "甲市监管局": ("甲市监管局", A),
      "甲市发改委": ("甲市发改委", A)},
     {("issued", "甲市监管局", "甲市收费行为指引"), ("issued", "甲市发改委", "甲市收费行为指引")}),
    # a loan product launched by a bureau that joins a bank: both issue, and they are partners
    ("乙市税务局以服务月为契机,联合丙银行乙市分行推出“乙城税信贷”服务。",
     {"乙市税务局": ("乙市税务局", A), "丙银行乙市分行": ("丙银行乙市分行", C),
      "乙城税信贷": ("乙城税信贷", G)},
     {("issued", "乙市税务局", "乙城税信贷"), ("issued", "丙银行乙市分行", "乙城税信贷"),
      ("partnerOf", "丙银行乙市分行", "乙市税务局")}),
    # a bureau with its second name in brackets and a bank launch a product
    ("这是丁市监管局(丁市知识产权局)与戊银行丁市分行合作推出的“丁知贷”。",
     {"丁市监管局": ("丁市监管局", A), "丁市知识产权局": ("丁市知识产权局", A),
      "戊银行丁市分行": ("戊银行丁市分行", C), "丁知贷": ("丁知贷", G)},
     {("issued", "丁市监管局", "丁知贷"), ("issued", "戊银行丁市分行", "丁知贷")}),
    # a project signed with a company, its total investment told next: the company develops it
    ("5月8日,己区管委会与庚材料有限公司正式签约庚新材料产业园项目。该项目总投资9亿元。",
     {"己区管委会": ("己区管委会", A), "庚材料有限公司": ("庚材料有限公司", C),
      "庚新材料产业园项目": ("庚新材料产业园项目", J)},
     {("develops", "庚材料有限公司", "庚新材料产业园项目")}),
    # a company named right before its project
    ("其中,辛乳业有限公司“辛乳品智能化改造项目”获得奖补资金。",
     {"辛乳业有限公司": ("辛乳业有限公司", C), "辛乳品智能化改造项目": ("辛乳品智能化改造项目", J)},
     {("develops", "辛乳业有限公司", "辛乳品智能化改造项目")}),
    # a unit under a bureau
    ("据了解,壬市人社局下属的壬市就业中心开通了网上通道。",
     {"壬市人社局": ("壬市人社局", A), "壬市就业中心": ("壬市就业中心", A)},
     {("subOrganizationOf", "壬市就业中心", "壬市人社局")}),
]


@pytest.mark.parametrize("raw,names,expected", PAGE_RELATIONS)
def test_page_relations(raw, names, expected):
    kinds = {k for k, _, _ in expected}
    assert {r for r in relations_of(raw, names) if r[0] in kinds} == expected


NOT_PAGE_RELATIONS = [
    # a signing without an investment is no development
    ("甲区管委会与乙科技有限公司正式签约乙数字园项目。",
     {"甲区管委会": ("甲区管委会", A), "乙科技有限公司": ("乙科技有限公司", C),
      "乙数字园项目": ("乙数字园项目", J)}, "develops"),
    # a bureau that asks a bank to call on the story's company does not help the bank
    ("丙机械有限公司订单下滑。丁区工信局将该企业列入帮扶名单,主动协调戊银行丁区支行上门对接融资需求。",
     {"丙机械有限公司": ("丙机械有限公司", C), "丁区工信局": ("丁区工信局", A),
      "戊银行丁区支行": ("戊银行丁区支行", C)}, "assists-bank"),
]


@pytest.mark.parametrize("raw,names,kind", NOT_PAGE_RELATIONS)
def test_no_page_relation(raw, names, kind):
    got = relations_of(raw, names)
    if kind == "develops":
        assert not any(r[0] == "develops" for r in got)
    else:
        assert not any(r[0] == "assists" and "银行" in r[2] for r in got)
        assert ("assists", "丁区工信局", "丙机械有限公司") in got


def test_that_company_is_not_the_body_asked_to_help():
    raw = ("己金属有限公司需要电力增容,专员协调庚供电公司开辟绿色通道。"
           "同时,辛区社保中心为该企业办理了社保费缓缴。")
    names = {"己金属有限公司": ("己金属有限公司", C), "庚供电公司": ("庚供电公司", C),
             "辛区社保中心": ("辛区社保中心", A)}
    got = relations_of(raw, names)
    assert not any(r[2] == "庚供电公司" for r in got if r[0] == "assists")


# Bodies joined by 会同 act together: each takes the relation.
TOGETHER = [
    ("6月3日，甲区营商环境局会同甲区市场监管局，约谈了乙供热有限公司和丙燃气有限公司负责人。",
     {"甲区营商环境局": ("甲区营商环境局", A), "甲区市场监管局": ("甲区市场监管局", A),
      "乙供热有限公司": ("乙供热有限公司", C), "丙燃气有限公司": ("丙燃气有限公司", C)},
     {("regulates", s, o) for s in ("甲区营商环境局", "甲区市场监管局")
      for o in ("乙供热有限公司", "丙燃气有限公司")}),
]


@pytest.mark.parametrize("raw,names,expected", TOGETHER)
def test_bodies_acting_together(raw, names, expected):
    assert expected <= relations_of(raw, names)


# Developers of a project: the general cues, each with invented names.
DEVELOPS = [
    ("丙物流园项目由丁港务有限公司和戊区管委会共同建设。",
     {"丙物流园项目": ("丙物流园项目", J), "丁港务有限公司": ("丁港务有限公司", C),
      "戊区管委会": ("戊区管委会", A)},
     {("develops", "丁港务有限公司", "丙物流园项目"), ("develops", "戊区管委会", "丙物流园项目")}),
    ("己能源有限公司与庚县政府共建辛光伏电站项目。",
     {"己能源有限公司": ("己能源有限公司", C), "庚县政府": ("庚县政府", A),
      "辛光伏电站项目": ("辛光伏电站项目", J)},
     {("develops", "己能源有限公司", "辛光伏电站项目"), ("develops", "庚县政府", "辛光伏电站项目")}),
    ("记者来到壬材料有限公司建设的癸新材料产业园项目现场。",
     {"壬材料有限公司": ("壬材料有限公司", C), "癸新材料产业园项目": ("癸新材料产业园项目", J)},
     {("develops", "壬材料有限公司", "癸新材料产业园项目")}),
    ("由甲数据中心与乙银行联合打造的丙服务平台上线。",
     {"甲数据中心": ("甲数据中心", O), "乙银行": ("乙银行", C), "丙服务平台": ("丙服务平台", J)},
     {("develops", "甲数据中心", "丙服务平台"), ("develops", "乙银行", "丙服务平台")}),
    # A project named after its company (丁冰雪乐园二期项目 of 丁冰雪乐园) is the company's.
    ("贴息政策为丁冰雪乐园节省了费用，也让丁冰雪乐园二期项目建设如期进行。",
     {"丁冰雪乐园": ("丁冰雪乐园", C), "丁冰雪乐园二期项目": ("丁冰雪乐园二期项目", J)},
     {("develops", "丁冰雪乐园", "丁冰雪乐园二期项目")}),
]


@pytest.mark.parametrize("raw,names,expected", DEVELOPS)
def test_develops_cues(raw, names, expected):
    assert expected <= relations_of(raw, names)


def test_a_project_named_after_a_place_is_not_the_place_bodys():
    raw = "戊区管委会推进戊区科创园项目建设。"
    names = {"戊区管委会": ("戊区管委会", A), "戊区科创园项目": ("戊区科创园项目", J)}
    assert ("develops", "戊区", "戊区科创园项目") not in relations_of(raw, names)


# A bad rule row stops `kg build` with one line naming the file and line: a duplicate rule
# id, a relation outside the ontology, a role that is no placeholder.
BAD_RULE_ROWS = [
    ("relation_cues.tsv", "regulates-1\tregulates\t{S}…约谈…{O}\n", "id 'regulates-1' is used twice"),
    ("relation_cues.tsv", "regulate-9\tregulate\t{S}…约谈…{O}\n", "unknown relation 'regulate'"),
    ("funding_roles.tsv", "role-99\t{P}…向{R}\tX\n", "unknown implicit role 'X'"),
]


@pytest.mark.parametrize("name, row, message", BAD_RULE_ROWS, ids=[m for _, _, m in BAD_RULE_ROWS])
def test_a_bad_rule_row_stops_the_build_in_one_line(tmp_path, name, row, message):
    data = tmp_path / "data"
    shutil.copytree(resource_dir("data"), data, ignore=shutil.ignore_patterns("samples"))
    path = data / "lexicon" / name
    lines = path.read_text(encoding="utf-8").count("\n")
    with path.open("a", encoding="utf-8") as f:
        f.write(row)
    (tmp_path / "a.txt").write_text("甲局约谈乙公司。", encoding="utf-8")
    kg = Path(sys.executable).with_name("kg")
    run = subprocess.run([str(kg), "build", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "--no-html"],
                         capture_output=True, text=True, env={**os.environ, "KG_DATA": str(data)})
    assert run.returncode != 0 and "Traceback" not in run.stderr
    (line,) = run.stderr.strip().splitlines()
    assert f"{path}:{lines + 1}: " in line and message in line


# Constructions of unseen pages (issue 9): each sentence states exactly the relations listed
# of its kind, nothing more.
CONSTRUCTIONS = [
    # A post written after the name: with 是, in brackets, in apposition.
    ("worksFor", "韩冰是乙电子有限公司总经理，她说订单已排满。",
     {"乙电子有限公司": ("乙电子有限公司", C), "韩冰": ("韩冰", P)}, {("worksFor", "韩冰", "乙电子有限公司")}),
    ("worksFor", "韩冰（乙电子有限公司董事长）表示。",
     {"乙电子有限公司": ("乙电子有限公司", C), "韩冰": ("韩冰", P)}, {("worksFor", "韩冰", "乙电子有限公司")}),
    ("worksFor", "韩冰，乙电子有限公司副总经理，今年41岁。",
     {"乙电子有限公司": ("乙电子有限公司", C), "韩冰": ("韩冰", P)}, {("worksFor", "韩冰", "乙电子有限公司")}),
    ("worksFor", "韩冰是乙电子有限公司的老客户。",
     {"乙电子有限公司": ("乙电子有限公司", C), "韩冰": ("韩冰", P)}, set()),
    # A district's head when its government is named with the city before it.
    ("worksFor", "东岭区区长魏川介绍。",
     {"东岭区": ("东岭区", "Place"), "北州市东岭区人民政府": ("北州市东岭区人民政府", A), "魏川": ("魏川", P)},
     {("worksFor", "魏川", "北州市东岭区人民政府")}),
    # The subject of a build after a signing is the company of the pair, not the partner after 与.
    ("develops", "乙能源有限公司与甲县政府签约，将投资10亿元建设丙光伏电站项目。",
     {"乙能源有限公司": ("乙能源有限公司", C), "甲县政府": ("甲县人民政府", A), "丙光伏电站项目": ("丙光伏电站项目", J)},
     {("develops", "乙能源有限公司", "丙光伏电站项目")}),
    ("regulates", "甲县生态环境局执法人员在检查中发现，乙砖厂未按规定运行治污设施。",
     {"甲县生态环境局": ("甲县生态环境局", A), "乙砖厂": ("乙砖厂", C)}, {("regulates", "甲县生态环境局", "乙砖厂")}),
    ("regulates", "甲市人社局向乙建筑有限公司下达劳动保障监察责令改正决定书。",
     {"甲市人社局": ("甲市人社局", A), "乙建筑有限公司": ("乙建筑有限公司", C)}, {("regulates", "甲市人社局", "乙建筑有限公司")}),
    ("issued", "甲市财政局今年设立“丙基金”，首期规模5亿元。",
     {"甲市财政局": ("甲市财政局", A), "丙基金": ("丙基金", G)}, {("issued", "甲市财政局", "丙基金")}),
    ("issued", "甲银行将联合甲省农业农村厅推出丙直通车行动。",
     {"甲银行": ("甲银行", C), "甲省农业农村厅": ("甲省农业农村厅", A), "丙直通车行动": ("丙直通车行动", G)},
     {("issued", "甲银行", "丙直通车行动"), ("issued", "甲省农业农村厅", "丙直通车行动")}),
    ("subOrganizationOf", "乙物流有限公司是甲集团的全资子公司。",
     {"甲集团": ("甲集团", C), "乙物流有限公司": ("乙物流有限公司", C)}, {("subOrganizationOf", "乙物流有限公司", "甲集团")}),
    ("subOrganizationOf", "乙物流有限公司系甲集团控股子公司。",
     {"甲集团": ("甲集团", C), "乙物流有限公司": ("乙物流有限公司", C)}, {("subOrganizationOf", "乙物流有限公司", "甲集团")}),
    ("subOrganizationOf", "甲市市场监督管理局下设的丙检测所完成检验。",
     {"甲市市场监督管理局": ("甲市市场监督管理局", A), "丙检测所": ("丙检测所", A)},
     {("subOrganizationOf", "丙检测所", "甲市市场监督管理局")}),
    # A place that signs is its government; 该集团 is a group named in full with its legal form.
    ("partnerOf", "甲县与乙集团有限公司签订投资协议。",
     {"甲县": ("甲县", "Place"), "甲县人民政府": ("甲县人民政府", A), "乙集团有限公司": ("乙集团有限公司", C)},
     {("partnerOf", "乙集团有限公司", "甲县人民政府")}),
    ("partnerOf", "甲高新区于今年3月与乙集团有限公司签署投资协议。",
     {"甲高新区": ("甲高新区", "Place"), "甲高新区管委会": ("甲高新区管理委员会", A),
      "乙集团有限公司": ("乙集团有限公司", C)}, {("partnerOf", "乙集团有限公司", "甲高新区管理委员会")}),
    ("partnerOf", "乙集团有限公司落户丁县。随后，甲市人民政府与该集团还签订了框架协议。",
     {"甲市人民政府": ("甲市人民政府", A), "乙集团有限公司": ("乙集团有限公司", C)},
     {("partnerOf", "乙集团有限公司", "甲市人民政府")}),
    # Two people with posts who sign stand for their bodies.
    ("partnerOf", "甲银行行长王刚与乙市市长李明代表双方签约。",
     {"甲银行": ("甲银行", C), "乙市": ("乙市", "Place"), "乙市人民政府": ("乙市人民政府", A),
      "王刚": ("王刚", P), "李明": ("李明", P)}, {("partnerOf", "乙市人民政府", "甲银行")}),
    ("regulates", "甲市应急管理局对辖区内乙化工有限公司、丙燃气有限公司等企业进行突击检查。",
     {"甲市应急管理局": ("甲市应急管理局", A), "乙化工有限公司": ("乙化工有限公司", C), "丙燃气有限公司": ("丙燃气有限公司", C)},
     {("regulates", "甲市应急管理局", "乙化工有限公司"), ("regulates", "甲市应急管理局", "丙燃气有限公司")}),
    ("regulates", "甲区生态环境分局责成乙建材有限公司限期整改。",
     {"甲区生态环境分局": ("甲区生态环境分局", A), "乙建材有限公司": ("乙建材有限公司", C)},
     {("regulates", "甲区生态环境分局", "乙建材有限公司")}),
    ("regulates", "甲区生态环境分局向乙建材有限公司发出整改通知。",
     {"甲区生态环境分局": ("甲区生态环境分局", A), "乙建材有限公司": ("乙建材有限公司", C)},
     {("regulates", "甲区生态环境分局", "乙建材有限公司")}),
    ("regulates", "甲县自然资源局检查发现乙矿业有限公司越界开采。",
     {"甲县自然资源局": ("甲县自然资源局", A), "乙矿业有限公司": ("乙矿业有限公司", C)},
     {("regulates", "甲县自然资源局", "乙矿业有限公司")}),
    ("regulates", "甲县市场监督管理局联合公安部门，对乙酒业有限公司制售假酒行为进行打击。",
     {"甲县市场监督管理局": ("甲县市场监督管理局", A), "乙酒业有限公司": ("乙酒业有限公司", C)},
     {("regulates", "甲县市场监督管理局", "乙酒业有限公司")}),
    ("regulates", "甲海关查获乙贸易有限公司走私冻品120吨。",
     {"甲海关": ("甲海关", A), "乙贸易有限公司": ("乙贸易有限公司", C)}, {("regulates", "甲海关", "乙贸易有限公司")}),
    ("subOrganizationOf", "甲集团有限公司全资子公司乙物流有限公司负责运营。",
     {"甲集团有限公司": ("甲集团有限公司", C), "乙物流有限公司": ("乙物流有限公司", C)},
     {("subOrganizationOf", "乙物流有限公司", "甲集团有限公司")}),
    ("subOrganizationOf", "乙物流有限公司为甲集团有限公司旗下企业。",
     {"甲集团有限公司": ("甲集团有限公司", C), "乙物流有限公司": ("乙物流有限公司", C)},
     {("subOrganizationOf", "乙物流有限公司", "甲集团有限公司")}),
    ("subOrganizationOf", "乙监测站隶属于甲省生态环境厅。",
     {"甲省生态环境厅": ("甲省生态环境厅", A), "乙监测站": ("乙监测站", A)},
     {("subOrganizationOf", "乙监测站", "甲省生态环境厅")}),
    ("develops", "丙光伏电站项目业主为乙能源有限公司。",
     {"乙能源有限公司": ("乙能源有限公司", C), "丙光伏电站项目": ("丙光伏电站项目", J)},
     {("develops", "乙能源有限公司", "丙光伏电站项目")}),
    ("develops", "乙能源有限公司作为丙光伏电站项目的建设主体，已完成投资2亿元。",
     {"乙能源有限公司": ("乙能源有限公司", C), "丙光伏电站项目": ("丙光伏电站项目", J)},
     {("develops", "乙能源有限公司", "丙光伏电站项目")}),
    ("issued", "甲市财政局召开新闻发布会。会上发布了《丙办法》。",
     {"甲市财政局": ("甲市财政局", A), "丙办法": ("丙办法", G)}, {("issued", "甲市财政局", "丙办法")}),
    ("issued", "《丙办法》是甲市财政局今年出台的重要政策。",
     {"甲市财政局": ("甲市财政局", A), "丙办法": ("丙办法", G)}, {("issued", "甲市财政局", "丙办法")}),
    ("issued", "甲省人民政府办公厅转发甲省财政厅《丙办法》。",
     {"甲省人民政府办公厅": ("甲省人民政府办公厅", A), "甲省财政厅": ("甲省财政厅", A), "丙办法": ("丙办法", G)},
     {("issued", "甲省财政厅", "丙办法")}),
    ("issued", "据介绍，丙行动由甲市人社局牵头实施。",
     {"甲市人社局": ("甲市人社局", A), "丙行动": ("丙行动", G)}, {("issued", "甲市人社局", "丙行动")}),
    ("issued", "甲市人社局负责人介绍，丙行动将持续到年底。",
     {"甲市人社局": ("甲市人社局", A), "丙行动": ("丙行动", G)}, set()),
    ("issued", "由甲市人社局主办的丙招聘会昨日举行。",
     {"甲市人社局": ("甲市人社局", A), "丙招聘会": ("丙招聘会", G)}, {("issued", "甲市人社局", "丙招聘会")}),
]


@pytest.mark.parametrize("kind,raw,names,expected", CONSTRUCTIONS)
def test_relations_from_constructions_of_unseen_pages(kind, raw, names, expected):
    assert {r for r in relations_of(raw, names) if r[0] == kind} == expected


def test_an_enforcement_is_no_help():
    names = {"甲市人社局": ("甲市人社局", A), "乙建筑有限公司": ("乙建筑有限公司", C)}
    assert relations_of("甲市人社局向乙建筑有限公司下达劳动保障监察责令改正决定书。", names) == {
        ("regulates", "甲市人社局", "乙建筑有限公司")}


POSTS_MORE = [
    ("乙电子有限公司韩冰总经理介绍。", ("韩冰", "乙电子有限公司", "总经理")),
    ("韩冰现任乙电子有限公司总经理。", ("韩冰", "乙电子有限公司", "总经理")),
    ("韩冰担任乙电子有限公司董事长以来，公司产值翻番。", ("韩冰", "乙电子有限公司", "董事长")),
    ("乙电子有限公司的总经理韩冰说。", ("韩冰", "乙电子有限公司", "总经理")),
    ("乙电子有限公司财务总监韩冰说。", ("韩冰", "乙电子有限公司", "财务总监")),
    # A post only enterprises have, with no body before it: the company last named.
    ("在乙电子有限公司车间，总经理韩冰介绍。", ("韩冰", "乙电子有限公司", "总经理")),
    ("记者来到乙电子有限公司。总经理韩冰介绍，订单已排满。", ("韩冰", "乙电子有限公司", "总经理")),
]


@pytest.mark.parametrize("raw,expected", POSTS_MORE)
def test_posts_after_the_name_as_address_and_of_the_story_company(raw, expected):
    names = {"乙电子有限公司": ("乙电子有限公司", C), "韩冰": ("韩冰", P)}
    got = {(r.subject, r.object, r.job_title) for r in analysis_of(raw, names).relations}
    assert got == {expected}


def test_a_bare_post_of_government_is_at_no_company():
    names = {"乙电子有限公司": ("乙电子有限公司", C), "韩冰": ("韩冰", P)}
    assert relations_of("记者来到乙电子有限公司。局长韩冰介绍。", names) == set()


def test_a_title_naming_its_own_body_does_not_continue_a_list():
    names = {"甲市人大常委会": ("甲市人民代表大会常务委员会", A), "张三": ("张三", P), "李四": ("李四", P)}
    got = relations_of("甲市人大常委会主任张三、市政协主席李四参加大会。", names)
    assert got == {("worksFor", "张三", "甲市人民代表大会常务委员会")}


def test_a_notice_issues_what_its_title_launches():
    raw = "甲市财政局\n\n关于印发《乙办法》的通知\n\n各县区财政局：现将《乙办法》印发给你们，请遵照执行。"
    names = {"甲市财政局": ("甲市财政局", A), "乙办法": ("乙办法", G)}
    heads = [Sentence(0, 5, raw[0:5]), Sentence(7, 20, raw[7:20]), Sentence(22, len(raw), raw[22:])]
    a = analysis_of(raw, names, sentences=heads)
    assert {(r.type, r.subject, r.object) for r in a.relations} == {("issued", "甲市财政局", "乙办法")}


def test_a_numbered_case_names_the_party_of_its_sanctions():
    raw = "案例一：乙超市有限公司销售商品未明码标价。甲区市场监督管理局依法立案调查，责令其立即改正。"
    names = {"乙超市有限公司": ("乙超市有限公司", C), "甲区市场监督管理局": ("甲区市场监督管理局", A)}
    assert relations_of(raw, names) == {("regulates", "甲区市场监督管理局", "乙超市有限公司")}


def test_a_commission_named_after_its_government_is_no_unit_of_it():
    names = {"甲市人民政府": ("甲市人民政府", A), "甲市人民政府办公室": ("甲市人民政府办公室", A),
             "甲市人民政府国有资产监督管理委员会": ("甲市人民政府国有资产监督管理委员会", A)}
    found = relations_of("甲市人民政府国有资产监督管理委员会发文。甲市人民政府办公室印发通知。甲市人民政府开会。", names)
    assert ("subOrganizationOf", "甲市人民政府办公室", "甲市人民政府") in found
    assert not any(s.endswith("委员会") for _, s, _ in found)


def test_a_body_that_describes_the_subject_does_not_partner():
    names = {"甲担保有限公司": ("甲担保有限公司", C), "乙市国资委": ("乙市人民政府国有资产监督管理委员会", A),
             "丙市服务中心": ("丙市服务中心", A)}
    found = relations_of("甲担保有限公司发布消息。公司是乙市国资委下属企业，下一步将与丙市服务中心共建驿站。", names)
    assert not any(t == "partnerOf" and "乙市人民政府国有资产监督管理委员会" in (s, o) for t, s, o in found)
    assert ("subOrganizationOf", "甲担保有限公司", "乙市人民政府国有资产监督管理委员会") in found


# Constructions of issue 9's second round (relation-dense notices, reports and releases).
ROUND_TWO = [
    ("subOrganizationOf", "甲集团有限公司旗下拥有乙物流有限公司、丙能源有限公司两家全资子公司，控股子公司有丁材料有限公司。",
     {"甲集团有限公司": ("甲集团有限公司", C), "乙物流有限公司": ("乙物流有限公司", C),
      "丙能源有限公司": ("丙能源有限公司", C), "丁材料有限公司": ("丁材料有限公司", C)},
     {("subOrganizationOf", "乙物流有限公司", "甲集团有限公司"), ("subOrganizationOf", "丙能源有限公司", "甲集团有限公司"),
      ("subOrganizationOf", "丁材料有限公司", "甲集团有限公司")}),
    ("subOrganizationOf", "甲集团有限公司下设乙物流有限公司等3家子公司。",
     {"甲集团有限公司": ("甲集团有限公司", C), "乙物流有限公司": ("乙物流有限公司", C)},
     {("subOrganizationOf", "乙物流有限公司", "甲集团有限公司")}),
    ("worksFor", "任命王刚为甲县财政局局长；聘任李明为乙物流有限公司总经理。",
     {"王刚": ("王刚", P), "甲县财政局": ("甲县财政局", A), "李明": ("李明", P),
      "乙物流有限公司": ("乙物流有限公司", C)},
     {("worksFor", "王刚", "甲县财政局"), ("worksFor", "李明", "乙物流有限公司")}),
    # A vice-mayor of the one city named, whose government the text never names.
    ("worksFor", "甲市举行签约仪式，副市长王刚出席。",
     {"甲市": ("甲市", "Place"), "王刚": ("王刚", P)}, {("worksFor", "王刚", "甲市人民政府")}),
    # Two cities named: whose vice-mayor is not told.
    ("worksFor", "甲市与乙市举行签约仪式，副市长王刚出席。",
     {"甲市": ("甲市", "Place"), "乙市": ("乙市", "Place"), "王刚": ("王刚", P)}, set()),
    # A county's place does not give a mayor.
    ("worksFor", "甲县举行签约仪式，副市长王刚出席。",
     {"甲县": ("甲县", "Place"), "王刚": ("王刚", P)}, set()),
    # A 由 phrase tells of the project it modifies, not of the one before it.
    ("develops", "甲公司投资建设的乙项目已开工，以及由丙公司建设、丁公司承建的戊项目。",
     {"甲公司": ("甲公司", C), "乙项目": ("乙项目", J), "丙公司": ("丙公司", C), "丁公司": ("丁公司", C),
      "戊项目": ("戊项目", J)},
     {("develops", "甲公司", "乙项目"), ("develops", "丙公司", "戊项目")}),
    ("contractorOf", "甲公司投资建设的乙项目已开工，以及由丙公司建设、丁公司承建的戊项目。",
     {"甲公司": ("甲公司", C), "乙项目": ("乙项目", J), "丙公司": ("丙公司", C), "丁公司": ("丁公司", C),
      "戊项目": ("戊项目", J)},
     {("contractorOf", "丁公司", "戊项目")}),
    # The banks of a syndicate are no party of the loan contract it signs.
    ("partnerOf", "由甲银行牵头，乙银行、丙银行参加的银团，与丁公司签订银团贷款合同。",
     {"甲银行": ("甲银行", C), "乙银行": ("乙银行", C), "丙银行": ("丙银行", C), "丁公司": ("丁公司", C)}, set()),
    # Two bodies that sign separately with a third are no partners of each other.
    ("partnerOf", "甲市发改委、甲市工信局分别与丙公司签订服务协议。",
     {"甲市发改委": ("甲市发改委", A), "甲市工信局": ("甲市工信局", A), "丙公司": ("丙公司", C)},
     {("partnerOf", "丙公司", "甲市发改委"), ("partnerOf", "丙公司", "甲市工信局")}),
    # A name listed right after a person with a post holds the same post; the list goes on.
    ("worksFor", "甲银行乙省分行副行长王刚、李明，风险官赵强出席。",
     {"甲银行乙省分行": ("甲银行乙省分行", C), "王刚": ("王刚", P), "李明": ("李明", P), "赵强": ("赵强", P)},
     {("worksFor", "王刚", "甲银行乙省分行"), ("worksFor", "李明", "甲银行乙省分行"),
      ("worksFor", "赵强", "甲银行乙省分行")}),
    # Names after a person with no post hold none.
    ("worksFor", "王刚、李明出席。", {"王刚": ("王刚", P), "李明": ("李明", P)}, set()),
    # Sanctions that revoke, supervise or expose.
    ("regulates", "甲市卫生健康委员会撤销乙诊所的执业许可，甲市应急管理局挂牌督办丙化工有限公司。",
     {"甲市卫生健康委员会": ("甲市卫生健康委员会", A), "乙诊所": ("乙诊所", O), "甲市应急管理局": ("甲市应急管理局", A),
      "丙化工有限公司": ("丙化工有限公司", C)},
     {("regulates", "甲市卫生健康委员会", "乙诊所"), ("regulates", "甲市应急管理局", "丙化工有限公司")}),
    ("worksFor", "甲创业投资管理有限公司合伙人王刚表示看好。",
     {"甲创业投资管理有限公司": ("甲创业投资管理有限公司", C), "王刚": ("王刚", P)},
     {("worksFor", "王刚", "甲创业投资管理有限公司")}),
    # Appointed to what is no post: no employment.
    ("worksFor", "任命王刚为甲县财政局联络员。",
     {"王刚": ("王刚", P), "甲县财政局": ("甲县财政局", A)}, set()),
]


@pytest.mark.parametrize("kind,raw,names,expected", ROUND_TWO)
def test_relations_of_round_two_constructions(kind, raw, names, expected):
    assert {r for r in relations_of(raw, names) if r[0] == kind} == expected


def test_the_relations_stage_adds_the_government_a_post_implies():
    a = analysis_of("甲市举行签约仪式，副市长王刚出席。", {"甲市": ("甲市", "Place"), "王刚": ("王刚", P)})
    _, entities = relations.relations_and_entities(a)
    assert Entity("甲市人民政府", A, (), "甲市") in entities


@pytest.mark.parametrize("entities,title,government", [
    # named as the document's agencies write its place
    ([Entity("中共甲市乙区委员会", A, (), "乙区"), Entity("甲市乙区住房建设委", A, (), "乙区"), Entity("乙区", "Place")],
     "常委、副区长", Entity("甲市乙区人民政府", A, (), "乙区")),
    # for a place named only by its Party committee
    ([Entity("中共甲市委员会", A, (), "甲市")], "常委、常务副市长", Entity("甲市人民政府", A, (), "甲市")),
])
def test_an_implied_government_is_named_as_the_documents_agencies_write_its_place(entities, title, government):
    committee = Ref(0, 2, entities[0].label, A)
    assert PostBodies(entities).assign(title, committee) == [(committee, "常委"), (government, title.split("、")[1])]


def test_a_joint_notice_is_issued_by_each_body_its_title_opens_with():
    raw = "甲市财政局 甲市人社局关于拨付补贴资金的通知\n各县区：现拨付资金。"
    names = {"甲市财政局": ("甲市财政局", A), "甲市人社局": ("甲市人社局", A),
             "关于拨付补贴资金的通知": ("关于拨付补贴资金的通知", G)}
    a = analysis_of(raw, names)
    assert [r.entity for r in a.title_issuers] == ["甲市财政局", "甲市人社局"]
    assert {r for r in relations_of(raw, names) if r[0] == "issued"} == {
        ("issued", "甲市财政局", "关于拨付补贴资金的通知"), ("issued", "甲市人社局", "关于拨付补贴资金的通知")}


def test_a_title_line_that_opens_with_no_body_has_no_issuers():
    raw = "全市召开会议 甲市财政局关于拨付补贴资金的通知。"
    names = {"甲市财政局": ("甲市财政局", A), "关于拨付补贴资金的通知": ("关于拨付补贴资金的通知", G)}
    assert analysis_of(raw, names).title_issuers == []


def test_a_numbered_section_heading_goes_on_with_its_story():
    text = "甲集团有限公司年度报告\n一、集团概况\n正文第一句。\n二、人事变动\n正文第二句。"
    assert layout.story_starts(text) == [11]


def test_a_group_at_the_start_of_a_line_is_the_group_of_the_report():
    raw = "甲投资集团有限公司年度报告\n一、概况\n甲投资集团有限公司旗下有乙物流有限公司等3家子公司。\n二、会议\n集团董事长王刚、总经理李明出席会议。"
    names = {"甲投资集团有限公司": ("甲投资集团有限公司", C), "乙物流有限公司": ("乙物流有限公司", C),
             "王刚": ("王刚", P), "李明": ("李明", P)}
    assert {r for r in relations_of(raw, names) if r[0] == "worksFor"} == {
        ("worksFor", "王刚", "甲投资集团有限公司"), ("worksFor", "李明", "甲投资集团有限公司")}


def test_a_branch_belongs_to_its_parent_with_the_legal_form_its_name_gives():
    from kg.extract.companies import branch_parent
    assert branch_parent("甲城银行股份有限公司乙市分行") == "甲城银行股份有限公司"
    assert branch_parent("甲城银行乙市分行") == "甲城银行"


def test_a_name_and_the_same_name_with_its_legal_form_are_one_company_across_articles():
    from kg.extract.resolve import registered_forms
    labels = {("Company", "甲银行"), ("Company", "甲银行股份有限公司"), ("Company", "丙银行")}
    assert registered_forms(labels) == {("Company", "甲银行"): {"甲银行股份有限公司"}}


def test_a_county_sub_branch_belongs_to_the_branch_of_its_city():
    # 阳朔县 is a county of 桂林市: its sub-branch is under the bank's 桂林 branch, legal form or not.
    names = {"甲银行股份有限公司桂林分行": ("甲银行股份有限公司桂林分行", C),
             "甲银行阳朔县支行": ("甲银行阳朔县支行", C), "甲银行": ("甲银行", C)}
    got = relations_of("甲银行股份有限公司桂林分行与甲银行阳朔县支行发布公告。", names)
    assert ("subOrganizationOf", "甲银行阳朔县支行", "甲银行股份有限公司桂林分行") in got


def test_a_county_of_another_city_is_no_sub_branch_of_the_branch():
    names = {"甲银行柳城分行": ("甲银行柳城分行", C), "甲银行阳朔县支行": ("甲银行阳朔县支行", C),
             "甲银行": ("甲银行", C)}
    got = relations_of("甲银行柳城分行与甲银行阳朔县支行发布公告。", names)
    assert ("subOrganizationOf", "甲银行阳朔县支行", "甲银行柳城分行") not in got


PARTIES_OF_ONE_AGREEMENT = [
    # A list of parties that sign together: every two of them.
    ("甲市人民政府、乙科技有限公司、丙大学在甲市签署三方合作协议。",
     {("甲市人民政府", "乙科技有限公司"), ("甲市人民政府", "丙大学"), ("乙科技有限公司", "丙大学")}),
    ("乙科技有限公司和丙大学签订了战略合作协议。", {("乙科技有限公司", "丙大学")}),
    # Bodies that attend a signing, or sign each with another, are no partners of each other.
    ("甲市人民政府、丙大学负责人出席签约仪式。", set()),
    ("乙科技有限公司、丙大学分别签署合作协议。", set()),
]


@pytest.mark.parametrize("raw,expected", PARTIES_OF_ONE_AGREEMENT)
def test_parties_listed_before_a_signing_are_partners(raw, expected):
    names = {"甲市人民政府": ("甲市人民政府", A), "乙科技有限公司": ("乙科技有限公司", C),
             "丙大学": ("丙大学", O), "甲市": ("甲市", "Place")}
    got = {tuple(sorted(r[1:])) for r in relations_of(raw, names) if r[0] == "partnerOf"}
    assert got == {tuple(sorted(p)) for p in expected}


def test_a_spot_check_of_a_company_is_regulation():
    names = {"丁市市场监督管理局": ("丁市市场监督管理局", A), "戊商贸有限公司": ("戊商贸有限公司", C)}
    assert relations_of("丁市市场监督管理局对戊商贸有限公司开展产品质量抽查。", names) == {
        ("regulates", "丁市市场监督管理局", "戊商贸有限公司")}


CONTRACTORS = [
    ("己物流园项目由庚建设有限公司中标承建。", "庚建设有限公司"),
    ("辛材料有限公司投资建设己物流园项目，庚建设有限公司负责施工。", "庚建设有限公司"),
    ("己物流园项目由辛材料有限公司负责建设，庚建设有限公司承担施工任务。", "庚建设有限公司"),
]


@pytest.mark.parametrize("raw,builder", CONTRACTORS)
def test_the_company_that_wins_or_does_the_construction_is_its_contractor(raw, builder):
    names = {"己物流园项目": ("己物流园项目", J), "庚建设有限公司": ("庚建设有限公司", C),
             "辛材料有限公司": ("辛材料有限公司", C)}
    assert ("contractorOf", builder, "己物流园项目") in relations_of(raw, names)


def test_a_bare_company_right_after_a_clause_ending_in_a_company_is_that_company():
    raw = "乙材料有限公司扩产。副市长张三到乙材料有限公司调研，随后察看了甲科技有限公司，公司总经理李四介绍了情况。"
    names = {"乙材料有限公司": ("乙材料有限公司", C), "甲科技有限公司": ("甲科技有限公司", C),
             "张三": ("张三", P), "李四": ("李四", P)}
    assert ("worksFor", "李四", "甲科技有限公司") in relations_of(raw, names)


REFERRED_BODIES = [
    ("甲银行丙县支行与丙县人民政府签约，该支行行长王五表示将提供服务。",
     {"甲银行丙县支行": ("甲银行丙县支行", C), "丙县人民政府": ("丙县人民政府", A), "王五": ("王五", P)},
     ("王五", "甲银行丙县支行")),
    ("丁市电子行业协会召开年会。协会秘书长赵六介绍了情况。",
     {"丁市电子行业协会": ("丁市电子行业协会", O), "赵六": ("赵六", P)}, ("赵六", "丁市电子行业协会")),
    # 选举 appoints; the body and post before the name are the person's own.
    ("丁市电子行业协会召开年会。大会选举戊电子有限公司总经理钱七为协会副会长。",
     {"丁市电子行业协会": ("丁市电子行业协会", O), "戊电子有限公司": ("戊电子有限公司", C), "钱七": ("钱七", P)},
     ("钱七", "丁市电子行业协会")),
]


@pytest.mark.parametrize("raw,names,employment", REFERRED_BODIES)
def test_a_sub_branch_or_association_referred_to_employs_the_person(raw, names, employment):
    assert ("worksFor", *employment) in relations_of(raw, names)


def test_a_list_after_with_signs_with_the_subject_not_with_each_other():
    names = {"甲市人民政府": ("甲市人民政府", A), "乙科技有限公司": ("乙科技有限公司", C), "丙大学": ("丙大学", O)}
    got = relations_of("甲市人民政府分别与乙科技有限公司、丙大学签订合作协议。", names)
    assert ("partnerOf", "丙大学", "乙科技有限公司") not in got and ("partnerOf", "乙科技有限公司", "丙大学") not in got


REGULATED_WITHOUT_AGENT = [
    # A team of the story's agency inspects; a party is acted on with no agent named.
    "甲市应急管理局部署燃气检查。检查组先后检查了乙燃气有限公司。",
    "甲市应急管理局开展燃气检查。抽查不合格的乙燃气有限公司已被立案调查。",
]


@pytest.mark.parametrize("raw", REGULATED_WITHOUT_AGENT)
def test_the_story_agency_regulates_when_no_agent_is_named(raw):
    names = {"甲市应急管理局": ("甲市应急管理局", A), "乙燃气有限公司": ("乙燃气有限公司", C)}
    assert relations_of(raw, names) == {("regulates", "甲市应急管理局", "乙燃气有限公司")}


def test_a_company_story_has_no_regulator_to_fall_back_on():
    names = {"丙科技有限公司": ("丙科技有限公司", C), "乙燃气有限公司": ("乙燃气有限公司", C)}
    assert relations_of("丙科技有限公司发布公告。乙燃气有限公司已被立案调查。", names) == set()


def test_bare_company_after_a_sentence_ending_in_a_company():
    """公司 opening a sentence is the company the sentence before ends with, not the story's."""
    text = ("5月10日,调研组来到内蒙古青禾乳业有限公司,青禾乳业董事长王明介绍了生产情况。青禾乳业今年产值增长两成。"
            "随后,调研组来到内蒙古北风装备制造有限公司(以下简称“北风装备”)。公司总经理刘强介绍,北风装备今年订单饱满。")
    got = {(r.subject, r.object) for r in extract_document(Document("t.txt", text, "t.txt")).relations
           if r.type == "worksFor"}
    assert ("刘强", "内蒙古北风装备制造有限公司") in got and ("刘强", "内蒙古青禾乳业有限公司") not in got


def _lines(raw: str) -> list[Sentence]:
    """The sentences of `raw`, split at line breaks and at 。 (a decision's fields are lines)."""
    out, start = [], 0
    for i, ch in enumerate(raw):
        if ch in "\n。" or i == len(raw) - 1:
            out.append(Sentence(start, i + 1, raw[start:i + 1]))
            start = i + 1
    return out


_DECISION = "甲市乙局行政处罚决定书\n当事人：丙化工有限公司\n法定代表人：王五\n经查，该公司超标排放废水。我局依法对丙化工有限公司作出罚款处罚。"
_DECISION_NAMES = {"甲市乙局": ("甲市乙局", A), "丙化工有限公司": ("丙化工有限公司", C), "王五": ("王五", P)}


def test_a_decision_party_field_gives_the_post_of_the_next_field():
    a = analysis_of(_DECISION, _DECISION_NAMES, _lines(_DECISION))
    assert ("worksFor", "王五", "丙化工有限公司") in {(r.type, r.subject, r.object) for r in a.relations}


def test_we_in_a_decision_without_turns_is_the_body_it_opens_with():
    a = analysis_of(_DECISION, _DECISION_NAMES, _lines(_DECISION))
    assert ("regulates", "甲市乙局", "丙化工有限公司") in {(r.type, r.subject, r.object) for r in a.relations}


def test_we_in_a_text_that_opens_with_no_name_stands_for_nobody():
    raw = "记者从甲市乙局获悉。负责人说，我局依法对丙化工有限公司作出罚款处罚。"
    assert not {r for r in relations_of(raw, _DECISION_NAMES) if r[0] == "regulates"}


def test_a_rural_credit_union_is_no_antecedent_of_the_company():
    raw = "甲水产养殖有限公司向乙县农村信用合作联社申请了贷款。该公司总经理赵六表示，资金已经到位。"
    names = {"甲水产养殖有限公司": ("甲水产养殖有限公司", C), "乙县农村信用合作联社": ("乙县农村信用合作联社", C),
             "赵六": ("赵六", P)}
    works = {r for r in relations_of(raw, names) if r[0] == "worksFor"}
    assert works == {("worksFor", "赵六", "甲水产养殖有限公司")}


def test_we_in_quoted_words_without_turns_stands_for_nobody():
    raw = "甲市乙局行政处罚决定书\n丙化工有限公司负责人说：“我局依法对丙化工有限公司作出罚款处罚。”"
    a = analysis_of(raw, _DECISION_NAMES, _lines(raw))
    assert not {r for r in a.relations if r.type == "regulates"}



_DISCLOSURE = ("甲市乙局行政处罚信息公示\n一、甲监处罚〔2024〕3号\n当事人：丙化工有限公司\n法定代表人：王五\n"
               "处罚内容：罚款2万元。\n二、甲监处罚〔2024〕5号\n当事人：丁科技有限公司\n法定代表人：赵六\n"
               "处罚内容：警告。\n甲市乙局\n2024年7月2日")


def test_each_party_of_a_penalty_disclosure_is_regulated_and_employs_its_representative():
    names = {**_DECISION_NAMES, "丁科技有限公司": ("丁科技有限公司", C), "赵六": ("赵六", P)}
    a = analysis_of(_DISCLOSURE, names, _lines(_DISCLOSURE))
    found = {(r.type, r.subject, r.object) for r in a.relations}
    assert {("regulates", "甲市乙局", "丙化工有限公司"), ("regulates", "甲市乙局", "丁科技有限公司"),
            ("worksFor", "王五", "丙化工有限公司"), ("worksFor", "赵六", "丁科技有限公司")} <= found
    assert ("worksFor", "赵六", "丙化工有限公司") not in found


def test_a_decision_number_may_open_the_party_field_line():
    raw = _DISCLOSURE.replace("3号\n当事人", "3号当事人").replace("5号\n当事人", "5号当事人")
    names = {**_DECISION_NAMES, "丁科技有限公司": ("丁科技有限公司", C), "赵六": ("赵六", P)}
    found = {(r.type, r.subject, r.object) for r in analysis_of(raw, names, _lines(raw)).relations}
    assert ("regulates", "甲市乙局", "丁科技有限公司") in found


def test_builders_jointly_named_after_the_project_and_the_recipient_of_capital_for_a_project():
    names = {"甲项目": ("甲项目", J), "乙县人民政府": ("乙县人民政府", A), "丙公司": ("丙公司", C),
             "丁集团": ("丁集团", C), "戊公司": ("戊公司", C), "己项目": ("己项目", J)}
    got = relations_of("甲项目总投资5200万元，其中援建资金3500万元，由乙县人民政府与丙公司共同建设。", names)
    assert {("develops", "乙县人民政府", "甲项目"), ("develops", "丙公司", "甲项目")} <= got
    got = relations_of("丁集团拟向全资子公司戊公司增资2亿元，用于“己项目”建设。", names)
    assert ("develops", "戊公司", "己项目") in got
    got = relations_of("四、甲项目，由乙县人民政府与丙公司合作共建，总投资7.2亿元。", names)
    assert {("develops", "乙县人民政府", "甲项目"), ("develops", "丙公司", "甲项目")} <= got


def test_a_builder_described_before_its_name_and_a_borrower_whose_project_a_loan_supports():
    names = {"甲项目": ("甲项目", J), "乙公司": ("乙公司", C), "丙银行": ("丙银行", C), "丁项目": ("丁项目", J)}
    got = relations_of("甲项目总投资4.3亿元，由县属国有企业乙公司负责建设。", names)
    assert ("develops", "乙公司", "甲项目") in got
    got = relations_of("丙银行与乙公司签订28亿元银团贷款合同，支持其丁项目建设。", names)
    assert ("develops", "乙公司", "丁项目") in got
