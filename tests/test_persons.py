"""Person mentions and job titles, on sentences we wrote with invented names."""
from __future__ import annotations

import pytest

from kg.extract.persons import find_person_mentions, is_name, name_before_cue


def persons(text: str, exclude=()) -> list[str]:
    return [m.text for m in find_person_mentions(text, exclude)]


@pytest.mark.parametrize("text, expected", [
    # post before the name
    ("该公司副总经理林晓东难掩激动。", ["林晓东"]),
    ("该局法规科科长邵立群介绍，今年共办理案件。", ["邵立群"]),
    ("市教育局副局长褚文博告诉记者，新学期如期开学。", ["褚文博"]),
    ("联系人：喻海涛，13800000000。", ["喻海涛"]),
    # posts of autonomous prefectures and of a bank's risk function
    ("开工仪式上，副州长钱朗到场并宣布项目动工。", ["钱朗"]),
    ("该行首席风险官贺明出席仪式。", ["贺明"]),
    # the head of a working group or inspection team
    ("检查组组长邵立群（市财政局副局长）表示，将适时复查。", ["邵立群"]),
    # a verb of finding out after a post is no name (查明, 查实)
    ("承办法官查明，被告另有两处房产。", []),
    # name before a verb of saying, with or without an adverb
    ("“今年订单翻了一番。”鲍春燕说。", ["鲍春燕"]),
    ("对此，邝志远表示，工程将按期完工。", ["邝志远"]),
    ("企业负责人柏雪峰高兴地说，贷款已经到账。", ["柏雪峰"]),
    ("据滕晓光介绍，项目总投资5亿元。", ["滕晓光"]),
    # rarer single surnames after a post
    ("该局综合处处长撒明轩介绍，今年新增企业30家。", ["撒明轩"]),
    ("公司总经理赖思远表示，订单已排到年底。", ["赖思远"]),
    # compound surname
    ("公司董事长欧阳明远表示，将扩大生产。", ["欧阳明远"]),
    # name before a post used as an address
    ("计算机学院的甘雨桐老师最先报名。", ["甘雨桐"]),
    # appositive
    ("鲁文静，市农业农村局局长，长期从事农业工作。", ["鲁文静"]),
    # no cue, but three characters the dictionary does not know, with a plausible given name
    ("林晓东和邵立群一起去了工厂。", ["林晓东", "邵立群"]),
    # kinship and interviews: what only a person has or gives
    ("昨天，柏明的妻子赶到医院。", ["柏明"]),
    ("对此，邝琦在接受媒体采访时说，销量稳定。", ["邝琦"]),
    # a confirmed name counts wherever it occurs again
    ("主任靳海鸥说，资金已到位。靳海鸥还带队检查。", ["靳海鸥", "靳海鸥"]),
])
def test_names_with_a_cue(text, expected):
    assert persons(text) == expected


@pytest.mark.parametrize("text", [
    # no cue at all, and two characters: too short to stand alone
    "林东和邵群一起去了工厂。",
    # forms of address and anonymous people
    "居民李先生说，小区变美了。",
    "家住顶层的张女士告诉记者，暖气热了。",
    "老王说，今年收成不错。",
    "宋先生介绍，店铺已开业。",
    "王局长表示，将加强监管。",
    # words that look like names before a verb of saying
    "简单介绍一下情况。",
    "相关负责人表示，将尽快处理。",
    "他同时表示，将加大投入。",
    "高兴地说起了往事。",
    "全市共有企业三千家。",
    "公安局长表示，将严查。",
    "工商银行指出，贷款利率下降。",
    "经济时报称，市场回暖。",
])
def test_no_person(text):
    assert persons(text) == []


@pytest.mark.parametrize("text, exclude, expected", [
    ("本报讯（记者邹立新）市财政局局长柴宏伟表示，资金已拨付。", [], ["柴宏伟"]),
    ("□本报记者 邹立新 柴宏伟表示，资金已拨付。", [], ["柴宏伟"]),
    ("通讯员邹立新说，活动很成功。", [], []),
    ("邹立新说，活动很成功。", [(0, 3)], []),
])
def test_never_a_reporter(text, exclude, expected):
    assert persons(text, exclude) == expected


@pytest.mark.parametrize("text, expected", [
    # the name ends where the verb of saying starts, not where jieba thinks
    ("该集团票务部长祁云龙告诉记者，客流回升。", "祁云龙"),
    ("该公司经理宁晓说：“订单满了。”", "宁晓"),
    # a name read forward yields to the same name confirmed by a verb of saying
    ("服务区工作人员卞欣正在整理房间。“我们很忙。”卞欣说。", "卞欣"),
])
def test_name_boundaries(text, expected):
    assert set(persons(text)) == {expected}


@pytest.mark.parametrize("name, ok", [
    ("李建华", True), ("欧阳明远", True), ("林晓", True),
    ("李先生", False), ("张老师", False), ("王总", False), ("王某", False),
    ("高新", False), ("张三的", False), ("银行", False), ("李", False), ("李建华东", False),
])
def test_is_name(name, ok):
    assert is_name(name) is ok



@pytest.mark.parametrize("text, expected", [
    # an occupation before a name, and after a full name as a form of address
    ("著名画家韩青阳近日举办个展。", ["韩青阳"]),
    ("球队主教练乔振宇赛后表示满意。", ["乔振宇"]),
    ("这部片子由乔振宇导演，明年上映。", ["乔振宇"]),
    # an author before his work; nobody inside a title
    ("书架上摆着韩立的《远山》。", ["韩立"]),
    ("他正在读《萧长风传》。", []),
    # a one-character verb after the name: 作报告, 致辞
    ("县长孙立作报告。", ["孙立"]),
    ("局长赵明辉作报告。", ["赵明辉"]),
    ("主任周平致辞。", ["周平"]),
    # weak cues stay weak: no name of two dictionary words, no 由/对 as a surname
    ("这位明星选手很受欢迎。", []),
    ("这位荣誉选手很低调。", []),
    ("几位收藏家都经历过低谷。", []),
    ("钱博士表示同意。", []),
    ("这部武侠小说很长。", []),
    # a list after a post or 领导 takes every name of it
    ("出席的县领导周明、韩立、吴青等参加。", ["周明", "韩立", "吴青"]),
    ("该行副行长宋平、贺军出席。", ["宋平", "贺军"]),
    ("周明、韩立和吴青说，项目很好。", ["周明", "韩立", "吴青"]),
    ("市领导高度重视。", []),
    ("北京、天津和上海等地。", []),
    # foreign names in transliteration, joined by a middle dot or a hyphen
    ("球员马丁·路德进球。", ["马丁·路德"]),
    ("后卫马丁-坎特伤愈复出。", ["马丁-坎特"]),
    ("州农业农村局副局长吐尔洪·艾山表示，资金已拨付。", ["吐尔洪·艾山"]),
    ("买了一个Q·版玩具，比分3-2。", []),
    # a surname character before a verb of saying is no name
    ("公司领导曾表示支持。", []),
    # foreign names without a dot, next to a cue
    ("助教卡伦赛后离队。", ["卡伦"]),
    ("教练奥尔塔尼表示满意。", ["奥尔塔尼"]),
    # a dotted name ends before a word that takes its last character (博物馆)
    ("保罗·罗森博物馆今天开放。", ["保罗·罗森"]),
    # a speaker's colon at the start of a line
    ("韩立山：球队在周末很强。", ["韩立山"]),
    ("北京：今天下雨。", []),
    ("问：今年如何？", []),
    # what only a person does or is called, after a full name
    ("策划总监杜明远先生到场。", ["杜明远"]),
    ("该片由乔振宇执导。", ["乔振宇"]),
    ("作家韩立山逝世。", ["韩立山"]),
    ("邵明华（化名）今年四十岁。", ["邵明华"]),
    ("李先生说，张女士表示同意。", []),
    ("我们先生产再说。", []),
    # a list item's middle character may be a function word (更, 又): the list is the cue
    ("出席的县领导周明、韩更生、吴青以及各部门负责人参加。", ["周明", "韩更生", "吴青"]),
    # rare surnames of the 百家姓
    ("市长慈立平表示，项目进展顺利。", ["慈立平"]),
    ("副书记犹明华主持会议。", ["犹明华"]),
    # an author's credit is a byline; 部门 and adverbs before a verb are no names
    ("来源：某报 作者：邵立新", []),
    ("各部门加强配合。", []),
    ("工作人员全力回应群众关切。", []),
    # legal and family roles, a name at the end of the text, 副总, 接受采访
    ("原告梁明远当庭陈述。", ["梁明远"]),
    ("他的儿子高考考了满分。", []),
    ("母亲节快乐。", []),
    ("坐在旁边的是该公司常务副总封立", ["封立"]),
    ("韩立山在接受采访时说，球队很好。", ["韩立山"]),
    # weak cues: 领导 only before a list; a Chinese name is not read as foreign; words before a comma
    ("每位领导包保一个村。", []),
    ("该公司副总经理唐明杰说，订单增加。", ["唐明杰"]),
    ("改造小区，让居民满意,", []),
    ("新增一批网店主播全覆盖,带动就业。", []),
])
def test_general_cues(text, expected):
    """Occupations, authors, titles, lists, foreign names, speakers, words only a person takes."""
    assert persons(text) == expected


@pytest.mark.parametrize("text, expected", [
    # after a post, a function character inside a given name up to a clause's end
    ("某县副县长周有林表示，工程已开工。", ["周有林"]),
    ("管委会主任孙为民", ["孙为民"]),
    ("主持人赵向东：欢迎收看。", ["赵向东"]),
    # never at its end
    ("局长王为此表示感谢。", []),
    # 作者 credits a name only where a credit opens
    ("该书原著作者谢明华指出，故事来自童年。", ["谢明华"]),
    ("（作者 谢明华）", []),
    # 诉称 is one verb; 夫人, 的作品 follow a person
    ("原告韩立诉称，合同无效。", ["韩立"]),
])
def test_strong_cues_allow_more(text, expected):
    assert persons(text) == expected


def test_name_before_cue():
    assert name_before_cue("周有林表示同意", 0, False) == (0, 3)
    assert name_before_cue("李建华介绍", 0, True) == (0, 3)
    assert name_before_cue("王为此表示", 0, False) is None


def test_list_mates_follow_a_confirmed_name_both_ways():
    from kg.extract.person_lists import list_mates
    text = "会上，车文涛、毕淑华和祝国梁出席。"
    assert {text[s:e] for s, e in list_mates(text, {(7, 10)})} == {"车文涛", "祝国梁"}


@pytest.mark.parametrize("text, expected", [
    # Tibetan names: two name words, no surname, after a post or before a verb of saying
    ("副县长洛桑旺堆介绍，今年全县新建学校三所。", ["洛桑旺堆"]),
    ("市长格桑央金在会上要求各部门抓好落实。", ["格桑央金"]),
    ("扎西次仁表示，合作社今年分红。", ["扎西次仁"]),
    ("副市长白玛卓嘎、平措罗布出席。", ["白玛卓嘎", "平措罗布"]),
    ("州长达瓦次仁、副州长格桑旺堆出席仪式。", ["达瓦次仁", "格桑旺堆"]),
    # an Amdo name after a role noun (养殖户), no post before it
    ("银行为养殖户更藏才让办理了20万元贷款。", ["更藏才让"]),
    ("尼玛县今年新建学校三所。", []),
    # Mongolian names: two name words, no surname
    ("盟长额尔敦巴特尔在会上讲话。", ["额尔敦巴特尔"]),
    ("副盟长苏和巴图、盟委书记乌兰图雅出席会议。", ["苏和巴图", "乌兰图雅"]),
    ("孟和其其格表示，牧民收入逐年增加。", ["孟和其其格"]),
    ("乌兰察布市长表示支持。", []),
    # Yi names: a clan name and two given characters, closed by a cue
    ("副书记、县长吉克阿支表示，要抓好落实。", ["吉克阿支"]),
    ("董事长沙马日呷介绍了情况。", ["沙马日呷"]),
    ("阿苏依火表示同意。", ["阿苏依火"]),
    ("县长王明、副县长阿约木呷出席。", ["王明", "阿约木呷"]),
    # a minority name joined by a middle dot keeps its last character before 在
    ("自治州副州长阿力木·买合提在签约仪式上致辞。", ["阿力木·买合提"]),
    # a foreign name that opens like a surname, after a post and before a cue
    ("该集团总裁马丁内斯表示，将扩大在华投资。", ["马丁内斯"]),
    ("首席执行官卡尔森介绍了新产品的研发情况。", ["卡尔森"]),
    ("法国驻华大使罗兰说，两国合作前景广阔。", ["罗兰"]),
    ("总经理马鞍山考察。", []),
    # two-character names after a post, before a verb of saying, in lists after a post
    ("局长王涛表示，资金将于月底前拨付。", ["王涛"]),
    ("李静说，项目进展顺利。", ["李静"]),
    ("副市长刘明、赵刚出席仪式。", ["刘明", "赵刚"]),
    # a person's standing, family or trade before the name
    ("该行员工邵文静，今年四十岁。", ["邵文静"]),
    ("画家夫人柯晓岚出席了开幕式。", ["柯晓岚"]),
    ("当地富商葛立群捐资修路。", ["葛立群"]),
    ("总裁助理詹明轩负责接待。", ["詹明轩"]),
    # what only a person does or has after a full name
    ("对此，贲立华预计，明年销量将增长。", ["贲立华"]),
    ("他是宁德远的学生。", ["宁德远"]),
    # a preposition before a role is no name (向 is a surname too)
    ("服务从职工向居民延伸。", []),
    # a foreign name read as a run of transliteration characters that a cue closes
    ("美国历史学家塞尔比在会上发言。", ["塞尔比"]),
    ("球队主力中卫莱德利(左)受伤。", ["莱德利"]),
    ("公司医务主管博瓦德（某某）确认伤情。", ["博瓦德"]),
    ("局长马上表示同意。", []),
    # a name in Latin letters after a cue; no acronym
    ("该片制片人Harold表示，续集明年开拍。", ["Harold"]),
    ("公司总经理CEO说明了情况。", []),
    # a transliterated name jieba knows, one character outside the transliteration table
    ("英国驻华大使约翰逊说，合作空间广阔。", ["约翰逊"]),
    ("集团总裁彼得森介绍了项目进展。", ["彼得森"]),
    # a person's particulars
    ("被告人闵立伟，男，汉族。", ["闵立伟"]),
    # after a post, a verb of presence closes the name, given characters that are words too
    ("副市长司马建国一行来到园区。", ["司马建国"]),
    ("县林业局局长邝国庆陪同调研。", ["邝国庆"]),
    ("副县长詹立新出席仪式。", ["詹立新"]),
    # farmers and traders introduce a name as other roles do
    ("受灾农户闵德福、柯秀兰分别领到补助。", ["闵德福", "柯秀兰"]),
    ("当事人从个体经营者柯国良处购进面粉。", ["柯国良"]),
    # a second post in brackets between the post and its colon
    ("法定代表人(负责人):柯家旺", ["柯家旺"]),
])
def test_real_article_classes(text, expected):
    assert persons(text) == expected


def test_tibetan_name_reading():
    from kg.extract.person_minority import is_minority_name, name_ends, name_start
    assert name_ends("格桑央金在会上", 0) == [4]
    assert name_start("副县长洛桑旺堆", 7) == 3
    assert is_minority_name("扎西次仁") and not is_minority_name("扎西")


def test_mongolian_and_yi_name_reading():
    from kg.extract.person_minority import is_minority_name, name_ends, yi_end
    assert name_ends("额尔德尼孟和说", 0) == [6]
    assert yi_end("吉克阿支表示", 0) == 4
    assert yi_end("吉克在会上", 0) is None      # a function character is no given name
    assert is_minority_name("俄木拉哈") and not is_minority_name("俄木")
