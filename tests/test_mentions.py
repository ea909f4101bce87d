"""Mention finding on sentences we wrote (invented companies and people)."""
from __future__ import annotations

import pytest

from kg.extract.article import find_byline_spans
from kg.extract.mentions import find_mentions, select_mentions
from kg.model import Article, Mention
from kg.extract.normalize import normalize, split_sentences


def mentions_of(text: str) -> list[tuple[str, str]]:
    t = normalize(text)
    found = find_mentions(t, split_sentences(t), Article("t", "t"), find_byline_spans(t.text))
    return [(m.text, m.type) for m in found]


@pytest.mark.parametrize("sentence, expected", [
    # jurisdiction prefix + body + suffix
    ("近日，吉林省财政厅下达专项资金。", ("吉林省财政厅", "Agency")),
    ("长春市发改委召开会议。", ("长春市发改委", "Agency")),
    ("记者采访了长春市朝阳区综合行政执法局。", ("长春市朝阳区综合行政执法局", "Agency")),
    ("会议由省药监局主持。", ("省药监局", "Agency")),
    # companies and banks
    ("长春星河光电科技有限公司获得补助。", ("长春星河光电科技有限公司", "Company")),
    ("中国工商银行长春分行向企业发放贷款。", ("中国工商银行长春分行", "Company")),
    ("吉林春晖银行长春分行为企业提供贷款。", ("吉林春晖银行长春分行", "Company")),
    # small firms named by their trade's works (加工厂, 养殖场, 回收站)
    ("江城县青禾粮油加工厂获得贷款。", ("江城县青禾粮油加工厂", "Company")),
    ("江城县青禾生猪养殖场获得补贴。", ("江城县青禾生猪养殖场", "Company")),
    # a head written twice by a slip of the pen: the name ends at its first writing
    ("青州市急救指挥中心中心发出通知。", ("青州市急救指挥中心", "Agency")),
    # 企业 before a company's trade is part of its name (企业管理有限公司)
    ("成都青禾企业管理有限公司作为被告应诉。", ("成都青禾企业管理有限公司", "Company")),
    # a power company's city unit is named with its parent, as a branch is
    ("国网青州电力有限公司江城供电公司减免电费。", ("国网青州电力有限公司江城供电公司", "Company")),
    # a chain's store is a branch of the chain
    ("青禾医药连锁有限公司江城分店开业。", ("青禾医药连锁有限公司江城分店", "Company")),
    # a limited partnership is a company whatever its head (某投资中心(有限合伙))
    ("江禾股权投资中心(有限合伙)继续投资。", ("江禾股权投资中心(有限合伙)", "Company")),
    ("在朝阳区长春宏远机械有限公司的车间里", ("长春宏远机械有限公司", "Company")),
    ("在北湖新区长春宏远机械有限公司的车间里", ("长春宏远机械有限公司", "Company")),
    # a registered bank name is a Company though its words are generic
    ("招商银行推出一款新卡。", ("招商银行", "Company")),
    ("交通银行江城分行信用卡部相关负责人表示", ("交通银行江城分行", "Company")),
    ("工行为48元，建行为64元。", ("建行", "Company")),
    ("花旗中国昨日表示", ("花旗中国", "Company")),
    ("广州的招行天河支行也可办理。", ("招行天河支行", "Company")),     # jieba tags 招行 a verb
    # trade names acting as companies, Latin names where a company stands
    ("宏远地产发布了新楼盘。", ("宏远地产", "Company")),
    ("而据金源财富不完全统计，发行量增加。", ("金源财富", "Company")),
    ("图为星河传媒市场部总监。", ("星河传媒", "Company")),
    ("该游戏由Northwind开发。", ("Northwind", "Company")),
    # investors by their trade in a financing round
    ("本轮融资由星岚资本领投。", ("星岚资本", "Company")),
    ("沐川资本、青禾创投继续追加投资。", ("青禾创投", "Company")),
    # a foreign bank's registered Chinese arm, brackets inside
    ("对星海银行（香港）有限公司作出谴责。", ("星海银行（香港）有限公司", "Company")),
    # armed forces of a country
    ("美国海军宣布了计划。", ("美国海军", "Agency")),
    ("阻止英军推进。", ("英军", "Agency")),
    # a national body's two-character short form, where jieba reads it as one
    ("央行本月再次降息。", ("央行", "Agency")),
    ("他说，国防部将继续支持。", ("国防部", "Agency")),
    ("游戏发行商积极响应中央宣传部号召。", ("中央宣传部", "Agency")),     # not 积极响应…
    ("经长春市国资委批准。", ("长春市国资委", "Agency")),                 # the city's, not the nation's
    # organisations: research societies, broadcasters, the sides of a fixture, teams
    ("江城民俗研究会推出新书。", ("江城民俗研究会", "Organization")),
    ("他去了江城电视台。", ("江城电视台", "Organization")),
    ("活动由星海出版社主办。", ("星海出版社", "Organization")),
    ("周末焦点：江城星火vs河口联队推荐：主胜", ("江城星火", "Organization")),
    ("周末焦点：江城星火vs河口联队推荐：主胜", ("河口联队", "Organization")),
    ("3.马里诺vs布鲁克从数据看", ("马里诺", "Organization")),
    ("3.马里诺vs布鲁克从数据看", ("布鲁克", "Organization")),
    ("上轮击败了奥斯卡队。", ("奥斯卡队", "Organization")),
    ("企业正在建设年产5万吨乳制品扩能项目。", ("年产5万吨乳制品扩能项目", "Project")),
    ("新能源汽车电池热管理系统产业化项目签约。", ("新能源汽车电池热管理系统产业化项目", "Project")),
    ("市住房和城乡建设局局长王海介绍", ("市住房和城乡建设局", "Agency")),
    ("由市工信局下属的长春市中小企业服务中心受理。", ("长春市中小企业服务中心", "Agency")),
    ("公司在天津设有长春宏远机械有限公司天津分公司。", ("长春宏远机械有限公司天津分公司", "Company")),
    ("位于珲春市的瑞禾泰珲春分公司开工。", ("瑞禾泰珲春分公司", "Company")),
    ("企业与吉林恒远机械股份有限公司签订合同。", ("吉林恒远机械股份有限公司", "Company")),
    # other organisations
    ("吉林大学的专家参加了论证。", ("吉林大学", "Organization")),
    ("长春市个体劳动者协会发出倡议。", ("长春市个体劳动者协会", "Organization")),
    ("吉林大学化学系的团队参与研发。", ("吉林大学化学系", "Organization")),
    # a provincial institute is a public institution
    ("吉林省农业科学院发布新品种。", ("吉林省农业科学院", "Agency")),
    # … unless a brand names it
    ("长春市鑫达新材料研究院发布新品种。", ("长春市鑫达新材料研究院", "Organization")),
    # national bodies without a jurisdiction
    ("国务院办公厅印发通知。", ("国务院办公厅", "Agency")),
    # programs: titles and quoted names with a program head
    ("市政府出台《长春市促进中小企业发展若干措施》。", ("《长春市促进中小企业发展若干措施》", "Program")),
    ("该区推行“一窗受理”改革。", ("“一窗受理”改革", "Program")),
    ("税务部门开展“春风送暖”专项行动。", ("“春风送暖”专项行动", "Program")),
    ("银行通过“信易贷”等方式支持企业。", ("“信易贷”", "Program")),
    ("担保公司推出“创融保”产品，服务小微企业。", ("“创融保”", "Program")),
    ("个体户通过“助农担”产品获得贷款。", ("“助农担”", "Program")),
    # a county's company of a trade, and counties sharing a body
    ("银行向长白县水务投资有限公司发放贷款。", ("长白县水务投资有限公司", "Company")),
    # an unquoted name governed by a verb that launches programs
    ("全市开展机关干部下沉社区志愿服务行动，", ("机关干部下沉社区志愿服务行动", "Program")),
    # projects
    ("长春北湖智慧物流园项目总投资12亿元。", ("长春北湖智慧物流园项目", "Project")),
    # a bank's role before a branch named with the bank's short form is no part of it
    ("贷款30万元，经办银行农行江城分行，贴息0.9万元。", ("农行江城分行", "Company")),
    # a quoted title a body leads is a project
    ("甲大学牵头的“高温合金增材制造工艺研究”获得资助。", ("“高温合金增材制造工艺研究”", "Project")),
    # a route between two places
    ("德惠至农安高速公路项目全长80公里。", ("德惠至农安高速公路项目", "Project")),
    ("地铁6号线工程进入铺轨阶段。", ("地铁6号线工程", "Project")),
    ("企业新建12英寸晶圆封装基地项目。", ("12英寸晶圆封装基地项目", "Project")),
    ("中国—东盟农产品集散中心项目开工。", ("中国—东盟农产品集散中心项目", "Project")),
    ("绿园区投资建设北湖智能装备产业园项目。", ("北湖智能装备产业园项目", "Project")),
    # lists closed by 等 + a collective noun
    ("约谈“青禾”单车、蓝鲸单车等企业。", ("蓝鲸单车", "Company")),
    # individual businesses named by their trade unit are companies, not agencies
    ("执法人员查处了城东李记批发部。", ("城东李记批发部", "Company")),
    ("市民在丰源商行购买了商品。", ("丰源商行", "Company")),
    # a foreign body keeps its country
    ("美国财政部宣布制裁。", ("美国财政部", "Agency")),
    # 中国 opens a national body's short form as it opens its official name
    ("据悉，中国证监会已通知各家券商。", ("中国证监会", "Agency")),
    # the preposition jieba glues to 市 stays out
    ("经市人社局推荐，企业获得贷款。", ("市人社局", "Agency")),
    # a bracketed word inside a registered name
    ("深圳青丰泰森控股(集团)有限公司投资建厂。", ("深圳青丰泰森控股(集团)有限公司", "Company")),
    ("来自青禾（集团）有限公司的消息。", ("青禾（集团）有限公司", "Company")),
    # a bank's standard short form alone, or with 市 for the city's branch
    ("招行推出新产品，建行也跟进。", ("建行", "Company")),
    ("市农发行为青禾公司发放贷款。", ("市农发行", "Company")),
])
def test_finds_named_entity(sentence, expected):
    assert expected in mentions_of(sentence)


@pytest.mark.parametrize("sentence, surface", [
    # verbs and prepositions before a name are not part of it
    ("记者从吉林省财政厅获悉", "吉林省财政厅"),
    ("公司收购了长春宏达物资有限公司", "长春宏达物资有限公司"),
    ("如果没有长春市工信局的协调", "长春市工信局"),
    # two bodies written without punctuation
    ("省委省政府高度重视", "省政府"),
    ("为贯彻落实省委、省政府部署", "省委"),
    # a verb or preposition governing a name ends the name walked leftwards
    ("资金主要投向禾丰公司的并购", "禾丰公司"),
    ("此举将助力青川融资担保集团做大做强", "青川融资担保集团"),
    ("农行青州分行依照青州省委的部署开展工作", "青州省委"),
    # 部委 counts the ministries of a list, it is no part of the last one's name
    ("财政部、人社部和民政部三部委联合印发通知", "民政部"),
    ("长春市市场监管局依法查办长春顺丰商贸有限公司", "长春顺丰商贸有限公司"),
    # an enforcement verb with no place after it (某局责令|某公司)
    ("江城区市场监管局责令青禾科技有限公司限期整改", "青禾科技有限公司"),
    ("江城区市场监管局责令青禾科技有限公司限期整改", "江城区市场监管局"),
    ("长春市市场监管局依法查办长春顺丰商贸有限公司", "长春市市场监管局"),
    # a conjunction glued to a county's first character (由于|田|县): the county opens the name
    ("该项目由于田县青禾水务有限公司承建。", "于田县青禾水务有限公司"),
    # a chain of launching verbs stays out of the program's name
    ("自治区启动实施青川振兴三年行动以来", "青川振兴三年行动"),
])
def test_left_boundary(sentence, surface):
    assert surface in [text for text, _ in mentions_of(sentence)]


@pytest.mark.parametrize("sentence", [
    "韶关市财政局前期多次召集参贷银行协调授信条件。",
    "韶关市生态环境局组织辖区银行开会。",
    "韶关市财政局上周督促合作银行放款。",
])
def test_a_body_that_convenes_banks_is_no_bank(sentence):
    """召集, 组织, 督促 govern the banks after them: the body before them is a name of its own."""
    assert mentions_of(sentence)[0] == ("韶关市财政局" if "财政局" in sentence else "韶关市生态环境局", "Agency")


@pytest.mark.parametrize("sentence, surface", [
    ("韶关市青禾汽修服务部获得补贴。", "韶关市青禾汽修服务部"),
    ("韶关市青禾餐饮店获得贷款。", "韶关市青禾餐饮店"),
])
def test_a_sole_trader_s_shop_is_a_company(sentence, surface):
    assert (surface, "Company") in mentions_of(sentence)


@pytest.mark.parametrize("sentence", ["报告期内公司获得政府补助。", "下半年集团将启动新项目。"])
def test_a_time_or_place_word_alone_before_a_head_names_nothing(sentence):
    assert [m for m in mentions_of(sentence) if m[1] in ("Company", "Agency")] == []


def test_a_grid_company_s_power_supply_bureau_is_its_branch():
    """某电网有限责任公司某供电局: a unit of the grid company, one company name."""
    assert ("广西电网有限责任公司桂林供电局", "Company") in mentions_of("广西电网有限责任公司桂林供电局对受灾企业减免电费。")


@pytest.mark.parametrize("sentence, surface", [
    ("清单如下：借款人青禾机械有限公司，本金200万元。", "青禾机械有限公司"),
    ("担保人青松物流有限公司承担连带责任。", "青松物流有限公司"),
    ("被执行人星川建材有限公司未履行义务。", "星川建材有限公司"),
    ("本项目中标人江城路桥集团有限公司已进场。", "江城路桥集团有限公司"),
    # a member, a shareholder or a unit under a body (会员单位, 老股东, 所辖)
    ("会员单位青禾乳品有限公司发言。", "青禾乳品有限公司"),
    ("老股东江禾股权投资中心(有限合伙)继续投资。", "江禾股权投资中心(有限合伙)"),
    ("青州分行指导所辖青禾县支行做好服务。", "青禾县支行"),
])
def test_a_party_s_role_is_no_part_of_its_name(sentence, surface):
    """借款人, 担保人, 被执行人, 中标人: the role of a party ends the name walked leftwards."""
    names = [text for text, _ in mentions_of(sentence)]
    assert surface in names and not any(n.endswith(surface) and n != surface for n in names)


@pytest.mark.parametrize("sentence, surface", [
    ("会上，中新江城生态城管委会副主任发言。", "中新江城生态城管委会"),
    ("中德青州产业园管理委员会发布公告。", "中德青州产业园管理委员会"),
])
def test_a_joint_zone_keeps_its_two_country_prefix(sentence, surface):
    """中新, 中德: the short forms of China and a partner country open the zone's name."""
    assert surface in [text for text, _ in mentions_of(sentence)]


def test_a_place_word_cut_by_segmentation_opens_the_project():
    """临|江北区: 临江 is a place word, so the name does not start inside it at 江北区."""
    names = [text for text, _ in mentions_of("由甲公司承建的临江北区污水处理厂项目进展顺利。")]
    assert names == ["临江北区污水处理厂项目"]


def test_a_meeting_joined_by_ji_is_no_part_of_a_company_s_name():
    found = mentions_of("开工动员大会暨江城星川机械制造有限公司新厂房项目开工活动举行。")
    assert ("江城星川机械制造有限公司", "Company") in found


def test_a_subject_acting_names_no_project():
    assert [m for m in mentions_of("在青禾公司，邵立群仔细查看育苗基地的进度。") if m[1] == "Project"] == []


@pytest.mark.parametrize("sentence", [
    "这一格局正在改变。",          # 局 in a common word
    "全体干部参加培训。",          # 部 in a common word
    "该局负责人表示将加强管理。",  # pronoun + suffix
    "需要政府和企业共同努力。",    # bare 政府
    "一批重点项目开工建设。",      # generic project
    "公司市场研究部发布报告。",    # a company department is no agency
    "华贸中心开业。",              # a building is no agency
    "某大型国有银行推出新产品。",  # 某 names nobody
    "一家外贸公司表示欢迎。",      # a kind of company, not one
    "长春市学校将推迟开学。",      # a place's schools, not one school
    "有关部门正在调查。",          # bare 部门
    "企业要落实各项惠企政策。",    # a kind of policy, not one
    "朝阳城投资产管理部负责运营。",  # a company's department
    "作为政策性银行，该行发挥优势。",  # a kind of bank
    "支持更多上市公司发展。",        # a kind of company
    "一家面业公司获得贷款。",        # a trade alone names no company
    "青山金融部门积极对接。",        # a sector's departments
    "全市开展集中行动。",            # 中行 across two words
    "他摔伤后经医院检查无大碍。",    # a preposition alone names no hospital
    "他在村口小卖部买了两瓶水。",    # a shop is no agency
    "该行投放的1500万元技改项目贷款已到账。",  # a sum of money describes a loan, no project
    "一家加工厂获得贷款。",          # a kind of works, not one
    "青州市加强政府债务管理。",  # a verb between a place and 政府
    "当地养殖场数量增加。",
    "社会资本出资1亿元。",            # a kind of capital, not an investor
    "全市经办银行共发放贷款1亿元。",  # a bank by its role in a loan
    "经经办银行申报、市中心审核。",  # the same, after a preposition
])
def test_no_junk(sentence):
    assert [m for m in mentions_of(sentence) if m[1] != "Place"] == []


def test_select_mentions_prefers_longest():
    cands = [Mention(0, 3, "长春市", "Place"), Mention(0, 6, "长春市财政局", "Agency"),
             Mention(3, 6, "财政局", "Agency")]
    assert select_mentions(cands) == [cands[1]]


def test_title_issuer_is_a_mention_inside_the_title():
    found = mentions_of("会议传达了《长春市人民政府关于促进消费的通知》。")
    assert ("《长春市人民政府关于促进消费的通知》", "Program") in found
    assert ("长春市人民政府", "Agency") in found


@pytest.mark.parametrize("raw,expected", [
    # bodies, then 关于…的通知 running into the next (joined) line; PDF spaces dropped, and
    # the bodies of a joint title too (the relations stage reads them as its issuers)
    ("湖北省财政厅 湖北省农业农村厅关于下达 2019 年补助资金的通知各市州：现下达资金。",
     "关于下达2019年补助资金的通知"),
    ("宜昌市关于促进全市民营经济发展的若干措施\n\n为促进发展，制定本措施。",
     "宜昌市关于促进全市民营经济发展的若干措施"),
    # no body before 关于, a person before it, a 办法 head that does not end the line
    ("关于召开会议的通知\n\n各单位：", None),
    ("张三关于这件事的意见\n正文。", None),
    ("宜昌市关于印发管理办法的实施意见要求\n正文。", None),
])
def test_a_headline_title_without_brackets_is_a_program(raw, expected):
    t = normalize(raw)
    programs = [m.text for m in find_mentions(t, split_sentences(t), Article("t", "t"), find_byline_spans(t.text)) if m.type == "Program"]
    assert programs == ([expected] if expected else [])


@pytest.mark.parametrize("raw,expected", [
    ("湖北宜都县投资环境说明会暨长江经济带项目签约会于5月8日在武汉召开。",
     ["湖北宜都县投资环境说明会暨长江经济带项目签约会"]),
    ("第三届中国西部农产品博览会昨日开幕。", ["中国西部农产品博览会"]),
    # a generic event has no name
    ("项目签约会在市里召开。", []),
    ("他参加了招商推介会。", []),
])
def test_a_named_event_is_a_program(raw, expected):
    t = normalize(raw)
    assert [m.text for m in find_mentions(t, split_sentences(t), Article("t", "t"), find_byline_spans(t.text)) if m.type == "Program"] == expected


def test_scan_seeks_matches_only_in_a_text_holding_the_needed_word():
    """scan: a pattern's matches, and none sought in a text without the word each match holds."""
    import re

    from kg.extract.mentions import scan
    pattern = re.compile(r"[省市]财政")
    assert [m.group() for m in scan(pattern, "由市财政拨付", "财政")] == ["市财政"]
    assert list(scan(pattern, "由市政府拨付", "财政")) == []


def test_an_investor_named_by_its_trade_is_named_again_where_nothing_tells_it():
    """星岚资本 is read where it leads the round; 本轮投资中星岚资本 says nothing of a company."""
    text = "本轮融资由星岚资本领投。据了解，本轮投资中星岚资本出资2亿元，老股东沐川资本、青禾创投继续追加投资。"
    from kg.extract.normalize import normalize, split_sentences
    from kg.extract.article import find_byline_spans
    from kg.extract.resolve import resolve
    from kg.model import Article
    t = normalize(text)
    art = Article("t", "t")
    resolved, _ = resolve(find_mentions(t, split_sentences(t), art, find_byline_spans(t.text)), t, art)
    assert [(m.start, m.text) for m in resolved if m.type == "Company"] == [
        (5, "星岚资本"), (text.index("中星岚") + 1, "星岚资本"), (text.index("沐川"), "沐川资本"),
        (text.index("青禾"), "青禾创投")]


def test_a_division_jieba_tags_as_a_verb_or_a_person_still_opens_a_name():
    # 临澧县 is a verb to jieba, 宕昌县 too: a full division name is a place
    assert mentions_of("临澧县义安镇王小明家庭农场获得补助5万元。") == [("临澧县义安镇王小明家庭农场", "Company")]
