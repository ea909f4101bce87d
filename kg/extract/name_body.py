"""Where the body of a headed name begins: the walk leftwards from its head over jieba's
words (`walk_left`) and the trim of words that cannot open a name (`trim_left`).

Tokens are (start, end, jieba flag) with offsets into the sentence; `anchors` are the sentence offsets
where a place name starts."""
from __future__ import annotations

import re
from functools import lru_cache

from . import places
from .agencies import abbreviations, national_regex
from ..lexicon import alternation, load_set, load_table, load_tagged, load_words
from ..model import EntityType
from .normalize import CJK
from .segment import word_tags
DATE_TOKEN = re.compile(r"^(\d+|[一二三四五六七八九十]+)?[年月日号时]$|^\d+[年月日]|^[0-9.%]+$")
PUNCT = re.compile(r"^[\s\W_]+$")
# Last characters of organisation names: a word ending in one closes the name before it.
SUFFIX_END_CHARS = frozenset("委局厅府办部院司行队")
CONJUNCTIONS = frozenset({"与", "和", "及"})
LEGAL_FORM = re.compile(r"(?:股份)?有限(?:责任)?公司")
PARENT_BEFORE_FORM = re.compile(r"(?:银行|集团)(?:股份)?$")
CLOSED_NAME = re.compile(r"(?:公司|集团|银行|政府|委员会|部门)$")
# 暨 after a meeting joins two names of one event (某大会暨某项目开工活动): there it ends a
# company's or a project's name (an event's name goes on: 某说明会暨某签约会; 某某县城暨某设施项目
# is one project)
MEETING_END = re.compile(r"(?:会|会议|仪式|活动)$")
COUNT_UNITS = frozenset("年月日号时万亿元个家项批次户名人条座余多%")
# 年产3000|吨, 日处理某物800|吨: a plant's capacity opens its project's name
CAPACITY_OPEN = re.compile(r"(?<!\d)[年日](?:产|处理|加工|生产)")
CAPACITY = re.compile(CAPACITY_OPEN.pattern + r"[^\d\W]{0,4}[\d.]+$")
Token = tuple[int, int, str]      # a tagged word: start, end, jieba flag
CJK_CHAR = re.compile(f"[{CJK}]")
# a bracketed word inside a registered name
INNER_PARENS = re.compile(r"[(（](?:集团|国际|中国|控股|股份|香港|[一二三四五六七八九十\d]+期)[)）]")
DASHES = frozenset({"—", "-", "－", "——"})
MIDDLE_DOTS = frozenset({"·", "•", "・"})
HARD_FLAGS = ("p", "c", "r", "u", "m", "q", "y", "e", "o", "i")
NAME_FLAGS = frozenset({"n", "nz", "nt", "ns", "nr", "j", "x", "eng", "b", "nrt", "nrfg", "vn", "an", "a", "s"})
MONEY_NOUNS = frozenset({"贷款", "资金", "融资", "授信", "信贷"})
MONEY_ACTS = frozenset({"支持", "助力", "扶持", "赋能", "撬动", "推动", "保障", "支援"})
# what follows a number inside a name: a date, an ordinal, a quantity or unit (2024年, 3号, 5万吨, 12英寸, 5G)
NUMBER_UNIT = re.compile(r"[年月日号期届批代级万千百亿兆吨米寸英公亩平瓦伏升克台套个座家户条栋层路线站人名辆艘架张颗片块件只头.·%A-Za-z]")

NUMERALS = frozenset("一二三四五六七八九十两百千万")
PROPER_FLAGS = frozenset({"nz", "nt", "ns", "nr", "j", "x", "eng", "nrt", "nrfg"})


def is_boundary(word: str, allow_years: bool, before: str = "", after: str = "") -> bool:
    """Whether a word ends a name walked leftwards; `before` and `after` are the text around it."""
    if PUNCT.match(word) or word in load_set("name_stops.txt"):
        return True
    if allow_years and word in "年日" and CAPACITY_OPEN.match(before[-1:] + word + after, len(before[-1:])):
        return False
    if DATE_TOKEN.match(word):
        # a project may carry its year (2020年老旧小区改造) or a size (12英寸), never a count
        return not (allow_years and (re.match(r"^\d{4}年?$", word) or word == "年" and re.search(r"\d{4}$", before)
                                     or word.isdigit() and (after[:1] not in COUNT_UNITS
                                                            or after[:1] in "万亿" and after[1:2] not in "元"
                                                            and after[1:2] != "")))
    return unit_after_number(word, allow_years, before)


def unit_after_number(word: str, allow_years: bool, before: str) -> bool:
    """11|处, 2023|年度|某银行: a unit right after a number, but a project's capacity keeps its unit (年产3000|吨)."""
    return before[-1:].isdigit() and (len(word) == 1 and not (allow_years and word == "吨" and CAPACITY.search(before))
                                      or not allow_years and word in ("年度", "季度", "年底", "年初", "年末", "月份"))


def joins_name(text: str, left: list[tuple[int, int, str]], conj_start: int,
               body: list[tuple[int, int, str]]) -> bool:
    """Whether 与/和/及 at conj_start is inside one name: the words before it run back to a
    place without a boundary, do not end a name themselves, and the words after it do not
    open a new jurisdiction (省发改委|和|国家发改委 are two bodies). A post before the place
    makes it a person's name (副市长|某某|与…公司): no one name."""
    if text[body[0][0]] in JURISDICTION_CHARS or places_at(text, body[0][0]) \
            or text.startswith(("中国", "国家", "中共"), body[0][0]):
        return False
    words = [t for t in left if t[1] <= conj_start][-6:]
    if not words or org_suffix_at_end().search(text, 0, conj_start):
        return False
    for a, b, _ in reversed(words):
        if is_boundary(text[a:b], False, text[max(0, a - 4):a]):
            return False
        if places_at(text, a):
            return not text.endswith(tuple(load_tagged("posts.tsv", "person")), 0, a)
    return False
PLACE_RANKS = {"province": 3, "city": 2, "county": 1}


def place_rank(text: str, pos: int) -> int:
    """4 for the nation (国家税务总局, 中国), 3 for a province, 2 for a city, 1 for a county, district or zone at pos."""
    if national_regex().match(text, pos) or text.startswith(("中国", "中共", "国家"), pos):
        return 4
    end = places.longest_name_end(places.load_gazetteer().trie, text, pos)
    info = places.lookup_place(text[pos:end]) if end else None
    return PLACE_RANKS.get(info.level, 1) if info else 1


def places_at(text: str, pos: int) -> bool:
    return places.longest_name_end(places.load_gazetteer().trie, text, pos) is not None


def joiner(text: str, left: list[Token], a: int, b: int, body: list[Token], allow_years: bool) -> Token | None:
    """A word that joins two parts of one name, as the body token to keep, or None:
    与/和/及 inside a name (see joins_name); the brackets of (集团) inside a name; in a project, a dash (中国—东盟…项目), a
    middle dot (某某谷·某某园项目), a decimal point (年产1.2万吨…项目) or the 至 of a route between two
    places (甲县至乙镇高速公路项目)."""
    word = text[a:b]
    if word in "()（）" and any(m.start() <= a < m.end() for m in INNER_PARENS.finditer(text, max(0, a - 3), a + 4)):
        return a, b, "x"      # 某某控股(集团)有限公司
    if word in "()（）" and any(m.start() <= a < m.end() for m in bracketed_places(text, max(0, a - 12), a + 24)):
        return a, b, "x"      # 某某重工(天津)有限公司
    if not body:
        return None
    if word in CONJUNCTIONS and joins_name(text, left, a, body):
        return a, b, "n"
    return (a, b, "x") if allow_years and joins_project(text, left, a, b, body) else None


def joins_project(text: str, left: list[Token], a: int, b: int, body: list[Token]) -> bool:
    """A dash or a middle dot after a Chinese character, a decimal point between digits, or the
    至 of a route between two places (甲县至乙镇高速公路项目): part of a project's name."""
    word = text[a:b]
    return (word in DASHES or word in MIDDLE_DOTS) and bool(CJK_CHAR.fullmatch(text[a - 1:a])) \
        or word == "." and text[a - 1:a].isdigit() and text[b:b + 1].isdigit() \
        or word in ROUTE_JOINERS and places_at(text, body[0][0]) and place_ends_at(text, left, a)


ROUTE_JOINERS = ("至", "到")


def place_ends_at(text: str, left: list[Token], end: int) -> bool:
    """Whether the word of `left` that ends at `end` is a place's name."""
    return any(b == end and places.expand_place(text[a:b]) for a, b, _ in left)


# a bracketed place before the legal form: the registered name of a company's local unit
# 某某重工(天津)有限公司, 中国（上海）自由贸易试验区: a bracketed place inside a name
BRACKETED = re.compile(r"[(（]([^()（）\s]{2,8})[)）](?=(?:股份)?有限(?:责任)?公司|自由贸易试验区)")


def bracketed_places(text: str, start: int, end: int) -> list[re.Match]:
    """The brackets around a place name right before a legal form (某某重工(天津)有限公司)."""
    return [m for m in BRACKETED.finditer(text, start, end)
            if places.longest_name_end(places.load_gazetteer().trie, text, m.start(1)) == m.end(1)]


def glued_jurisdiction(word: str, lexicon: str) -> bool:
    """向省, 经市: a preposition glued to a 省/市/区 short form that opens the name."""
    return len(word) == 2 and word[1] in JURISDICTION_CHARS and word[0] in load_set(lexicon)


def glued_after_body(text: str, word: str, before: Token) -> bool:
    """甲局|会同县|财政局: a linking verb glued to 县/市 right after a body's name (jieba reads
    会同县, a county's name, here): the verb is no part of the name after it."""
    return len(word) >= 3 and word[-1] in JURISDICTION_CHARS and word[:-1] in load_set("name_stops.txt") \
        and text[before[1] - 1] in SUFFIX_END_CHARS


def cut_place(text: str, b: int, body: list[Token]) -> int | None:
    """Start of a county or city name the words before the body cut, the body opening with its
    level alone (由于|田|县: 于田县 opens the name), else None."""
    if not body or body[0][1] - body[0][0] != 1 or text[body[0][0]] not in JURISDICTION_CHARS:
        return None
    trie = places.load_gazetteer().trie
    return next((p for p in range(b - 1, max(-1, b - 3), -1)
                 if places.longest_name_end(trie, text, p) == body[0][1]), None)


def closes_earlier_name(text: str, word: str, body: list[Token], branch: bool, office: bool) -> bool:
    """市委|市政府, 某公司|拥有…有限公司: a name ends where an earlier one closed, except in a
    branch, which names its parent (某银行|某省分行), in an office of a government, before
    a bracketed place or word of a registered name (某银行|（中国）有限公司), and before 性, which
    makes the word an adjective (某市政府|性融资担保有限公司)."""
    if not body or text[body[0][0]] in "(（性":
        return False
    if text[body[0][0]] in JURISDICTION_CHARS and word[-1] in SUFFIX_END_CHARS:
        return True
    return bool(CLOSED_NAME.search(word)) and not (branch or word.endswith("集团")
                                                     or office and word.endswith("政府"))


def names_parent(text: str, word: str, a: int) -> bool:
    """Whether a closed name (or a bank's short form) inside a branch's body is its parent: a branch
    names one parent (某公司|黑龙江省分公司, not two), but 某银行|股份有限公司|某省分行 is still one."""
    return bool(CLOSED_NAME.search(word)) and not (LEGAL_FORM.fullmatch(word) and PARENT_BEFORE_FORM.search(text, 0, a)) \
        or word in bank_short_forms()       # 经办银行|农行某分行: a bank's short form is the parent too


@lru_cache(maxsize=None)
def bank_short_forms() -> frozenset[str]:
    """Standard short forms of banks (农行, 邮储银行), from company_abbrev.tsv."""
    return frozenset(short for short, full in load_table("company_abbrev.tsv", 2) if full.endswith("银行"))


def walk_left(text: str, left: list[Token], head_start: int, allow_years: bool, branch: bool = False,
              office: bool = False, company: bool = False) -> list[Token]:
    """Tokens of the name body: from the head leftwards until a boundary."""
    body: list[Token] = []
    for k in range(len(left) - 1, -1, -1):
        a, b, flag = left[k]
        word = text[a:min(b, head_start)]
        joined = joiner(text, left, a, b, body, allow_years)
        if joined:
            body.insert(0, joined)
            continue
        if glued_jurisdiction(word, "glued_prepositions.txt") or k and glued_after_body(text, word, left[k - 1]):
            body.insert(0, (b - 1, b, "n"))      # 经市|人社局, 甲局会同县|财政局: the preposition stays out
            break
        split = split_brand(text, left, k) if company and body else 0
        if split:
            # 兴国|蓝|都|食品, 于|都|锦纺: a stop character inside a brand or the place opening it
            body.insert(0, (a, b, "n"))
            if split == _PLACE_SPLIT:
                body.insert(0, (left[k - 1][0], left[k - 1][1], "ns"))
                break
            continue
        if ends_body(text, word, (a, b, flag), body, allow_years, company):
            if glued_jurisdiction(word, "name_stops.txt"):
                body.insert(0, (b - 1, b, "n"))
            elif (cut := cut_place(text, b, body)) is not None:
                body.insert(0, (cut, b, "ns"))
            break
        if closes_earlier_name(text, word, body, branch, office):
            break
        branch = branch and not names_parent(text, word, a)
        body.insert(0, (a, min(b, head_start), flag))
    return body


_BRAND_SPLIT, _PLACE_SPLIT = 1, 2
_CJK_CHAR = re.compile(f"[{CJK}]")
_CONJUNCTIONS = "与和及或同跟并"      # 副县长张|兴|邦|与|集团公司: a conjunction joins two names


def split_brand(text: str, left: list[Token], k: int) -> int:
    """Whether the one-character stop word left[k] (都, 于), in a company's body, belongs to the
    name: _PLACE_SPLIT when it closes a place name that opens the name after a gap (于|都 of
    于都锦纺服饰有限公司), _BRAND_SPLIT when it closes a two-character brand right after a place
    (兴国|蓝|都|食品有限公司), else 0."""
    a, b, _ = left[k]
    if b - a != 1 or k < 1 or not is_boundary(text[a], False) or PUNCT.match(text[a]) or text[a] in _CONJUNCTIONS:
        return 0
    pa, pb, _ = left[k - 1]
    if pb - pa != 1 or not _CJK_CHAR.match(text, pa):
        return 0
    trie = places.load_gazetteer().trie
    if places.longest_name_end(trie, text, pa) == b and (pa == 0 or not _CJK_CHAR.match(text, pa - 1)):
        return _PLACE_SPLIT
    if text[pa] not in load_set("name_stops.txt") and any(
            places.longest_name_end(trie, text, p) == pa for p in range(max(0, pa - 4), pa - 1)):
        return _BRAND_SPLIT
    return 0


def ends_body(text: str, word: str, token: Token, body: list[Token], allow_years: bool, company: bool) -> bool:
    """Whether `word` (of `token`, cut at the head) ends a body walked leftwards: a boundary word, a preposition,
    a kind of firms (外资企业), 暨 after a meeting, a company's verb (某有限公司|偿还|某行某支行),
    a verb governing the name (ends_walk), a bare number (bare_number); but
    企业 before a trade of a company's (某某|企业|管理|有限公司) is its name's."""
    a, b, flag = token
    if company and word == "企业" and body and all(text[x:y] in load_set("company_industry_words.txt") for x, y, _ in body):
        return False
    return bare_number(text, word, b) or is_boundary(word, allow_years, text[max(0, a - 12):a], text[b:b + 2]) \
        or flag == "p" and b - a > 1 \
        or company and len(word) > 2 and word.endswith("企业") \
        or word == "暨" and (company or allow_years) and MEETING_END.search(text, 0, a) \
        or flag == "v" and b - a > 1 and text.endswith("公司", 0, a) \
        or ends_walk(text, word, body, company)


def bare_number(text: str, word: str, end: int) -> bool:
    """某县|2380|某产业基地: a bare number (a table's cell, its gaps gone), no year, ordinal or quantity, parts two names."""
    return word.isdigit() and word.isascii() and not NUMBER_UNIT.match(text, end)


def ends_walk(text: str, word: str, body: list[Token], company: bool) -> bool:
    """Whether `word` is a verb governing the name after it (约谈|某某公司, 率|市政府), not
    one a head follows inside a body's own name (市场监督|管理局, 审计|局)."""
    if word not in load_set("governing_verbs.txt") \
            or body and org_suffix_at_end().search(text[body[0][0]:body[0][1]]):
        return False
    return company or opens_with_place(text, body)


def opens_with_place(text: str, body: list[Token]) -> bool:
    """Whether the body read so far opens with a place or a 省/市 short form: a verb that
    governs a name ends it there (率|市政府, 指导|某市某局), not before a head (就业指导|中心)."""
    return bool(body) and (text[body[0][0]] in JURISDICTION_CHARS or places_at(text, body[0][0]))


def new_name_opens(text: str, body: list[Token], anchors: frozenset[int]) -> int | None:
    """Index in `body` where a second name opens: 某区|大连某某公司, a larger place after a
    smaller one (but 某公司|天津|分公司 names a branch); 某新区|大连某某公司, a place after a zone.
    A place right after a short form goes on with that chain of places in one name (某市某区|某镇…:
    a town the gazetteer knows only as a city)."""
    placed = [i for i, (a, _, _) in enumerate(body) if a in anchors]
    for i, j in zip(placed, placed[1:]):
        chained = j == i + 1 and text[body[i][1] - 1] not in LEVEL_CHARS
        if j < len(body) - 1 and not chained and (place_rank(text, body[j][0]) > place_rank(text, body[i][0])
                                                  or governs_name(text, body[j - 1])):
            return j
    for i, (a, b, _) in enumerate(body[:-1]):
        if text[a:b].endswith(load_tagged("zone_heads.tsv", "body")) and places_at(text, b):
            return i + 1
    return None


def governs_name(text: str, token: Token) -> bool:
    """Whether a word right before a second place is a verb or preposition governing the name it opens (…依法查办|某市某公司)."""
    a, b, flag = token
    return b - a > 1 and flag in ("v", "vd", "p", "d", "c")


def place_opens(text: str, body: list[Token], anchors: frozenset[int], branch: bool) -> int | None:
    """Index of the place or 省/市/区 short form that opens the name, when the body has one:
    如果没有|长春市发改委, 经|市人社局, 投资|某省某公司, 75005|某县某项目 (a table's number, no year) cut
    before it (0 when nothing non-name precedes it); None when the body has no place (or only the branch's place)."""
    for i, (a, b, _) in enumerate(body):
        if branch and i == len(body) - 1:
            return None
        glued = text[a - 1:a] in load_set("glued_prepositions.txt")
        if text[a - 1:a] in "(（" and a:
            continue        # 某某重工(天津)有限公司: a bracketed place never opens the name
        if a in anchors or b - a == 1 and text[a] in JURISDICTION_CHARS and (i + 1 < len(body) or glued):
            i = place_opening_word(text, body, i)
            before_is_name = all(f in NAME_FLAGS and not text[x:y].endswith(load_tagged("zone_heads.tsv", "body"))
                                 and text[x:y] not in load_set("governing_verbs.txt")
                                 and text[x:y] not in load_set("lead_verbs.txt")
                                 and not (text[x:y].isdigit() and text[y:y + 1] != "年") for x, y, f in body[:i])
            return 0 if before_is_name and not glued else i
    return None


def place_opening_word(text: str, body: list[Token], i: int) -> int:
    """Index of the word that opens the place at body[i]: a two-country prefix before it
    (中|新|某市生态城), or a single character forming a place word with the place's first
    character (临|港南区, 临港 being a place word, the edge lies inside it); else i."""
    for j in range(i - 1, max(-1, i - 3), -1):
        if text[body[j][0]:body[i][0]] in load_set("joint_zone_prefixes.txt"):
            return j
    if i and body[i - 1][1] - body[i - 1][0] == 1 and word_tags().get(text[body[i - 1][0]:body[i][0] + 1]) == "ns":
        return i - 1
    return i


def function_word_cut(text: str, body: list[Token]) -> int:
    """Index past the last function word or two-character verb that is not right before the
    head's name part (疾病预防|控制中心 keeps its verb): 收购|某某股份有限公司 -> 1."""
    cut = 0
    for i, (a, b, flag) in enumerate(body):
        if b - a < 2 or is_name_part(text, body, i):
            continue       # single characters are often pieces of an unknown name
        named_before = any(f in NAME_FLAGS for _, _, f in body[cut:i])
        # 全面|支持|东亚银行: a verb right before a name jieba knows whole (nt) governs it
        known_next = i + 2 == len(body) and body[-1][2] == "nt"
        # 指导 is tagged n; 差别化|某某…项目, 一体化: an -化 word of three characters describes what follows
        verb = flag in ("v", "vd", "l") and not (b - a == 3 and text[b - 1] == "化") \
            or text[a:b] in load_set("governing_verbs.txt")
        # 总经理|李四|带领|某某集团: a person named after a post, acting, is no part of the name after
        after_person = i > 1 and body[i - 1][2].startswith("nr") \
            and text[body[i - 2][0]:body[i - 2][1]] in load_tagged("posts.tsv", "person")
        # 6.8亿元贷款|支持|某地某工程: money acting on the name after it is no part of that name
        after_money = i and text[body[i - 1][0]:body[i - 1][1]] in MONEY_NOUNS and text[a:b] in MONEY_ACTS
        if flag.startswith(HARD_FLAGS) or (verb and (known_next or not named_before or after_person or after_money)):
            cut = i + 1
    return cut


# 第三 before the bureau it numbers, inside a company's name (某某第三工程局有限公司)
ORDINAL_UNIT = re.compile(r"第[一二三四五六七八九十]{1,3}[^，。、；\s]{0,4}?(?:工程局|局|工程处|处)")


def is_name_part(text: str, body: list[Token], i: int) -> bool:
    """Whether a word jieba tags as a number or a measure is part of the name: a quantity or a
    capacity inside a project's name (5|万吨, 日|处理), a county jieba reads as a number (某行|九台|支行),
    the ordinal of a numbered bureau (某某|第三|工程局|有限公司)."""
    a, b, flag = body[i]
    if flag.startswith(("m", "q")) and i and text[body[i - 1][0]:body[i - 1][1]].isdigit() \
            or CAPACITY_OPEN.fullmatch(text, a - 1, b):
        return True
    if flag == "m" and ORDINAL_UNIT.match(text, a):
        return True
    return flag == "m" and places.longest_name_end(places.load_gazetteer().trie, text, a) == b


def trim_left(text: str, body: list[Token], anchors: frozenset[int], branch: bool = False) -> list[Token]:
    """Drop leading words that cannot begin a name: up to a second name's start, up to a place
    anchor when words before it are not nouns, else past the last function word."""
    second = new_name_opens(text, body, anchors)
    if second is not None:
        return trim_left(text, body[second:], anchors)
    place = place_opens(text, body, anchors, branch)
    if place is not None:
        return body[place:]
    if len(body) == 1 and body[0][2] in ("t", "f", "d") and body[0][1] - body[0][0] > 1:
        return []       # 报告期内|公司, 下半年|集团: a time or place word alone before a head names nothing
    return body[function_word_cut(text, body):]
JURISDICTION_CHARS = "省市区县镇乡"
# the last character of a place written with its level
LEVEL_CHARS = JURISDICTION_CHARS + "州盟旗"


@lru_cache(maxsize=None)
def org_suffixes() -> dict[str, str]:
    """Suffix → class; official agency bodies with 和 inside (工业和信息化局) are suffixes
    too, so that the conjunction does not end the name."""
    suffixes = {body: EntityType.AGENCY for body in abbreviations().values() if "和" in body}
    suffixes.update((body, EntityType.AGENCY) for body in load_words("agency_bodies.txt"))
    suffixes.update((suffix, cls) for suffix, cls in load_table("org_suffixes.tsv", 2))
    # 某某股权投资基金(有限合伙): a fund registered as a limited partnership
    suffixes.update((suffix + tail, cls) for suffix, cls in list(suffixes.items()) if suffix.endswith("基金")
                    for tail in ("(有限合伙)", "（有限合伙）"))
    return suffixes


@lru_cache(maxsize=None)
def suffix_regex(kind: str) -> re.Pattern:
    """Heads of names: 'org' suffixes, 'project' heads, unquoted 'program' heads."""
    if kind == "org":
        return re.compile(alternation(org_suffixes()))
    return re.compile(alternation(load_words(f"{kind}_heads.txt")))


@lru_cache(maxsize=None)
def org_suffix_at_end() -> re.Pattern:
    """Matches text that ends with an organisation suffix (某某中心|与…)."""
    return re.compile("(?:" + suffix_regex("org").pattern + ")$")


def split_unknown_word(text: str, rest: list[Token]) -> bool:
    """An unknown word that jieba split into characters (鑫|钰半导体), in a body of four or more."""
    singles = [b - a == 1 and text[a] not in NUMERALS for a, b, _ in rest]
    return sum(b - a for a, b, _ in rest) >= 4 and any(x and y for x, y in zip(singles, singles[1:]))


def is_specific(text: str, tokens: list[Token], anchors: frozenset[int]) -> bool:
    """Whether a project or program body names something (重点|项目 does not): past its
    place, it holds a number, a proper noun or an unknown word jieba split into characters,
    or a long description (某某汽车热管理系统产业化项目), and not only generic words."""
    generic = load_set("generic_bodies.txt")
    rest = [t for t in tokens if t[0] not in anchors]
    words = [text[a:b] for a, b, _ in rest]
    if all(w in generic or w in NUMERALS for w in words):
        return False       # 某区|一|住宅|项目 names no project
    return (any(a in anchors for a, _, _ in tokens) or any(re.search(r"\d", w) for w in words)
            or any(f in PROPER_FLAGS for _, _, f in rest)
            or sum(len(w) for w in words if w not in generic) >= 8 or split_unknown_word(text, rest))
