"""The grammar of headed names: an organisation suffix, a project or program head, and the
name body walked leftwards from it over jieba's words.

`read_headed_name` walks left from the head until a boundary word (name_stops.txt),
punctuation or a date (`walk_left`), trims a leading verb or function word (`trim_left`),
then runs the guards of its kind (`ORG_GUARDS`, `PROJECT_GUARDS`): each is a named pass
that rejects a candidate which merely looks like a name.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import places
from .agencies import abbreviations, national_regex, standard_bodies
from .lexicon import alternation, load_regex, load_set, load_table, load_words
from .model import EntityType, Mention, Sentence
MAX_BODY = 24          # longest name body (characters) the left walk may take
JURISDICTION_CHARS = "省市区县镇乡"
DATE_TOKEN = re.compile(r"^(\d+|[一二三四五六七八九十]+)?[年月日号时]$|^\d+[年月日]|^[0-9.%]+$")
PUNCT = re.compile(r"^[\s\W_]+$")
# Last characters of organisation names: a word ending in one closes the name before it.
SUFFIX_END_CHARS = frozenset("委局厅府办部院司行队")
CONJUNCTIONS = frozenset({"与", "和", "及"})
COMPANY_WORD = re.compile(r"公司|集团|银行|城投|交投|发投|控股")
LEGAL_FORM = re.compile(r"(?:股份)?有限(?:责任)?公司")
PARENT_BEFORE_FORM = re.compile(r"(?:银行|集团)(?:股份)?$")
CLOSED_NAME = re.compile(r"(?:公司|集团|银行|政府|委员会|部门)$")


@lru_cache(maxsize=None)
def org_suffixes() -> dict[str, str]:
    """Suffix → class; official agency bodies with 和 inside (工业和信息化局) are suffixes
    too, so that the conjunction does not end the name."""
    suffixes = {body: EntityType.AGENCY for body in abbreviations().values() if "和" in body}
    suffixes.update((body, EntityType.AGENCY) for body in load_words("agency_bodies.txt"))
    suffixes.update((suffix, cls) for suffix, cls in load_table("org_suffixes.tsv", 2))
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


@lru_cache(maxsize=None)
def generic_tail() -> re.Pattern:
    """Project-like phrases that name no project (老工业基地, 系统工程)."""
    return re.compile("(?:" + alternation(load_words("generic_projects.txt")) + ")$")
PHASE = re.compile(r"[(（][一二三四五六七八九十\d]+期[)）]")
NUMERALS = frozenset("一二三四五六七八九十两百千万")
COUNT_UNITS = frozenset("年月日号时万亿元个家项批次户名人条座余多%")
DASHES = frozenset({"—", "-", "－", "——"})


def read_headed_name(sent: Sentence, head: re.Match, kind: str, anchors: frozenset[int],
                     tokens: list[tuple[int, int, str]]) -> Mention | None:
    """The name ending in `head` (an org suffix or project head), or None.

    Walks left over the sentence's tagged words until a boundary word, punctuation
    or a date; then trims a leading verb or function word (收购|恒远信托股份有限公司)."""
    text = sent.text
    head_start, head_end = head.start(), head.end()
    if head_end not in {a for a, _, _ in tokens} and head_end != len(text) \
            and not starts_with_post(text, head_end, tokens) and not straddles_preposition(text, head, tokens):
        return None        # the head runs into a longer word: 局面, 厂家, 部署
    covering = next((text[a:b] for a, b, _ in tokens if b == head_end and a < head_start), "")
    if covering in load_set("org_suffix_exceptions.txt") or head_end - head_start == 1 and text[max(0, head_end - 2):head_end] in load_set("org_suffix_exceptions.txt"):
        return None        # 格局, 干部, 部署, 网办: a common word that merely ends like a name
    left = [t for t in tokens if t[0] < head_start and t[1] > head_start - MAX_BODY]
    if left and left[-1][1] > head_start and left[-1][2].startswith("v") and head_end - head_start == 1:
        return None        # 签|署, 部|署: a one-character head glued to a verb
    body_tokens = walk_left(text, left, head_start, allow_years=(kind == "project"),
                            branch=head.group() in load_set("branch_heads.txt"), office=head.group() in load_set("office_heads.txt"),
                            company=kind == "org" and org_suffixes()[head.group()] == EntityType.COMPANY)
    body_tokens = trim_left(text, body_tokens, anchors, branch=head.group() in load_set("branch_heads.txt"))
    clause = False
    if kind != "org":
        # 某区|投资建设|某某产业园项目, 某县农业农村局|实施|某某工程: a place or a body doing
        # something opens a clause, not the name
        if len(body_tokens) > 2 and body_tokens[0][0] in anchors and is_lead_verb(text, body_tokens[1]):
            body_tokens, clause = body_tokens[1:], True
        for i in range(len(body_tokens) - 2, 0, -1):
            if is_lead_verb(text, body_tokens[i]) and org_suffix_at_end().search(text, 0, body_tokens[i][0]):
                body_tokens, clause = body_tokens[i:], True
                break
        while body_tokens and is_lead_verb(text, body_tokens[0]):
            body_tokens = body_tokens[1:]
    start = body_tokens[0][0] if body_tokens else head_start
    body, name = text[start:head_start], text[start:head_end]
    if kind != "org":
        phase = PHASE.match(text, head_end)
        if phase and kind == "project":
            head_end = phase.end()
            name = text[start:head_end]
        if kind == "program":
            words = [text[a:b] for a, b, _ in body_tokens if a not in anchors]
            if len(body) < 4 or sum(w not in load_set("generic_bodies.txt") for w in words) < 2:
                return None
        elif not (is_specific(text, body_tokens, anchors) or clause and len(body) >= 4) \
                or generic_tail().search(name):
            return None
        return Mention(sent.start + start, sent.start + head_end, name, EntityType(kind.capitalize()))
    words = [text[a:b] for a, b, _ in body_tokens if a not in anchors]
    placed = any(a in anchors for a, _, _ in body_tokens) or text[start] in JURISDICTION_CHARS
    if "某" in body or not placed and words and all(f.startswith("v") and b - a > 1
                                                   for a, b, f in body_tokens if a not in anchors):
        return None        # 某银行, 证实|公司: no name at all (but 包头市|就业|服务中心 is one)
    generic = load_set("generic_bodies.txt") | load_set("company_industry_words.txt")
    if not body or name in load_set("org_suffix_exceptions.txt") or not placed and words and all(w in generic for w in words):
        return None        # 行业协会, 属地治安大队: a kind of body, unless a place names whose
    if head_end - head_start == 1 and len(body) < 2 and body not in JURISDICTION_CHARS:
        return None        # 网办, 厅办: a one-character head needs a real body
    etype = org_suffixes()[head.group()]
    if "人民银行" in name:
        etype = EntityType.AGENCY       # the central bank and its branches are state organs
    # a second place name is the company's brand (南宁|邕城|产业投资集团): it counts as a word
    brand = [text[a:b] for i, (a, b, _) in enumerate(body_tokens) if i and a in anchors]
    if etype == EntityType.COMPANY and not is_company_name(brand + words, head.group()):
        return None        # 贸易公司, 北京公司, 某大型国有银行: a kind of company, not one
    if head.group() in load_set("kind_heads.txt") and not words or head.group() == "部门" and all(w in generic for w in words):
        return None        # 哈市学校 (the city's schools), 市直部门 (its departments)
    if head.group() in load_set("institute_heads.txt") and (places_at(text, start) or text[start] in JURISDICTION_CHARS):
        etype = EntityType.AGENCY       # a provincial or city institute is a public institution (事业单位)
    if head.group() in load_set("weak_heads.txt") and COMPANY_WORD.search(body):
        return None        # 某城投|资产管理部: a company's department, not an agency
    if head.group() in load_set("weak_heads.txt") and not is_governmental(text, start, head_end, body_tokens, anchors):
        return None        # 市场研究部, 华贸中心: a unit of a company or a building, not an agency
    return Mention(sent.start + start, sent.start + head_end, name, etype)


def is_company_name(words: list[str], head: str) -> bool:
    """Whether the words between a company's place and its legal form name one company:
    not only trade words (贸易|公司), not only a place (北京|公司), not one character (跑|银行)."""
    if not words:
        return head in ("银行", "集团")       # 某市银行 is a bank's name; 某市公司 is not
    if len(words) == 1 and len(words[0]) == 1:
        return False
    generic = load_set("generic_bodies.txt") | load_set("company_industry_words.txt") | NUMERALS
    return not all(w in generic for w in words)


def is_governmental(text: str, start: int, end: int, body: list[tuple[int, int, str]],
                    anchors: frozenset[int]) -> bool:
    """Whether a name with a weak head (局 部 办 中心 …) belongs to a government: it opens
    with a place or a 省/市/区/县 short form, or it is a standard agency body (财政局)."""
    if text[start] in JURISDICTION_CHARS and not text.startswith(tuple(load_set("jurisdiction_lookalikes.txt")), start):
        return True       # 市|发改委, 省直|机关工委, but not 市场|部
    if text.startswith(("中共", "国家", "中国", "中华人民共和国"), start) or load_regex("countries.txt").match(text, start):
        return True
    if any(a in anchors for a, _, _ in body) or places_at(text, start):
        return True
    name = text[start:end]
    return name in abbreviations() or name in standard_bodies()


def straddles_preposition(text: str, head: re.Match, tokens: list[tuple[int, int, str]]) -> bool:
    """Whether jieba glued the head's last character to a following preposition
    (某银行某分|行为|企业: 行为 is a word, but here 为 opens the next phrase)."""
    for a, b, _ in tokens:
        if head.start() < a < head.end() < b:
            return text[head.end():b] in load_set("glued_prepositions.txt")
    return False


def starts_with_post(text: str, pos: int, tokens: list[tuple[int, int, str]]) -> bool:
    """Whether the word running over pos ends in a post (市委书记 = 市委 + 书记)."""
    for a, b, _ in tokens:
        if a < pos < b:
            return text[pos:b] in load_set("posts.txt")
    return False


def walk_left(text: str, left: list[tuple[int, int, str]], head_start: int,
              allow_years: bool, branch: bool = False, office: bool = False,
              company: bool = False) -> list[tuple[int, int, str]]:
    """Tokens of the name body: from the head leftwards until a boundary."""
    body: list[tuple[int, int, str]] = []
    for a, b, flag in reversed(left):
        word = text[a:min(b, head_start)]
        if len(word) == 2 and word[1] in JURISDICTION_CHARS and word[0] in load_set("glued_prepositions.txt"):
            body.insert(0, (b - 1, b, "n"))      # 经市|人社局: the preposition stays out
            break
        if word in CONJUNCTIONS and body and joins_name(text, left, a, body):
            body.insert(0, (a, b, "n"))
            continue
        if allow_years and word in DASHES and body and "\u4e00" <= text[a - 1:a] <= "\u9fff":
            body.insert(0, (a, b, "x"))      # 中国—东盟…项目
            continue
        if allow_years and word == "." and body and text[a - 1:a].isdigit() and text[b:b + 1].isdigit():
            body.insert(0, (a, b, "x"))      # 年产1.2万吨…项目
            continue
        if is_boundary(word, allow_years, text[max(0, a - 4):a], text[b:b + 2]) \
                or company and len(word) > 2 and word.endswith("企业"):     # 国有企业|某某集团有限公司
            # 向省/对市: a preposition glued to a jurisdiction short form keeps the short form.
            if len(word) == 2 and word[1] in JURISDICTION_CHARS and word[0] in load_set("name_stops.txt"):
                body.insert(0, (b - 1, b, "n"))
            break
        # 市委|市政府, 某公司|拥有…有限公司: a name ends where an earlier one closed,
        # except in a branch, which names its parent (某银行|某省分行).
        if body and (text[body[0][0]] in JURISDICTION_CHARS and word[-1] in SUFFIX_END_CHARS
                     or CLOSED_NAME.search(word) and not (branch or word.endswith("集团")
                                                          or office and word.endswith("政府"))):
            break
        if CLOSED_NAME.search(word) and not (LEGAL_FORM.fullmatch(word) and PARENT_BEFORE_FORM.search(text, 0, a)):
            branch = False      # a branch names one parent: 某公司|黑龙江省分公司, not two
                                # (某银行|股份有限公司|某省分行 is still one parent)
        body.insert(0, (a, min(b, head_start), flag))
    return body
HARD_FLAGS = ("p", "c", "r", "u", "m", "q", "y", "e", "o", "i")
NAME_FLAGS = frozenset({"n", "nz", "nt", "ns", "nr", "j", "x", "eng", "b", "nrt", "nrfg", "vn", "an", "a", "s"})
PROPER_FLAGS = frozenset({"nz", "nt", "ns", "nr", "j", "x", "eng", "nrt", "nrfg"})


def is_specific(text: str, tokens: list[tuple[int, int, str]], anchors: frozenset[int]) -> bool:
    """Whether a project or program body names something (重点|项目 does not): past its
    place, it holds a number, a proper noun or an unknown word jieba split into characters,
    and not only generic words."""
    if not tokens:
        return False
    rest = [t for t in tokens if t[0] not in anchors]
    words = [text[a:b] for a, b, _ in rest]
    if not words or all(w in load_set("generic_bodies.txt") or w in NUMERALS for w in words):
        return False       # 某区|一|住宅|项目 names no project
    if any(a in anchors for a, _, _ in tokens) or any(re.search(r"\d", w) for w in words):
        return True
    if any(f in PROPER_FLAGS for _, _, f in rest):
        return True
    if sum(len(w) for w in words if w not in load_set("generic_bodies.txt")) >= 8:
        return True        # a long descriptive name (某某汽车热管理系统产业化项目) is specific
    # an unknown word split into characters (科|友半导体), in a body of some length
    singles = [b - a == 1 and text[a] not in NUMERALS for a, b, _ in rest]
    return sum(b - a for a, b, _ in rest) >= 4 and any(x and y for x, y in zip(singles, singles[1:]))


def trim_left(text: str, body: list[tuple[int, int, str]], anchors: frozenset[int],
              branch: bool = False) -> list[tuple[int, int, str]]:
    """Drop leading words that cannot begin a name: up to a place anchor when words before
    it are not nouns, else past the last function word or two-character verb that is not
    right before the head (疾病预防|控制中心 keeps its verb)."""
    placed = [i for i, (a, _, _) in enumerate(body) if a in anchors]
    for i, j in zip(placed, placed[1:]):
        # 某区|大连某某公司: a larger place opens a new name (but 某公司|天津|分公司 names a branch)
        if j < len(body) - 1 and place_rank(text, body[j][0]) > place_rank(text, body[i][0]):
            return trim_left(text, body[j:], anchors)
    for i, (a, b, _) in enumerate(body[:-1]):
        if text[a:b].endswith(ZONE_WORDS) and places_at(text, b):
            return trim_left(text, body[i + 1:], anchors)   # 某新区|大连某某公司
    for i, (a, b, _) in enumerate(body):
        if branch and i == len(body) - 1:
            break          # 某某|绥芬河|分公司: the place before a branch head is where the branch is
        glued = text[a - 1:a] in load_set("glued_prepositions.txt")
        if a in anchors or b - a == 1 and text[a] in JURISDICTION_CHARS and (i + 1 < len(body) or glued):
            if any(f not in NAME_FLAGS or text[x:y].endswith(ZONE_WORDS) for x, y, f in body[:i]) or glued:
                return body[i:]         # 如果没有|哈尔滨市发改委, 经|市人社局, 某新区|大连某公司
            return body
    cut = 0
    for i, (a, b, flag) in enumerate(body):
        if b - a < 2:
            continue       # single characters are often pieces of an unknown name
        if flag.startswith(("m", "q")) and i and text[body[i - 1][0]:body[i - 1][1]].isdigit():
            continue       # 5|万吨: a quantity inside a project name
        named_before = any(f in NAME_FLAGS for _, _, f in body[cut:i])
        if flag.startswith(HARD_FLAGS) or (flag in ("v", "vd", "l") and not named_before):
            cut = i + 1
    return body[cut:]


def is_lead_verb(text: str, token: tuple[int, int, str]) -> bool:
    a, b, _ = token
    return text[a:b] in load_set("lead_verbs.txt")


def is_boundary(word: str, allow_years: bool, before: str = "", after: str = "") -> bool:
    """Whether a word ends a name walked leftwards; `before` and `after` are the text around it."""
    if PUNCT.match(word) or word in load_set("name_stops.txt"):
        return True
    if DATE_TOKEN.match(word):
        # a project may carry its year (2020年老旧小区改造) or a size (12英寸), never a count
        return not (allow_years and (re.match(r"^\d{4}年?$", word) or word == "年" and re.search(r"\d{4}$", before)
                                     or word.isdigit() and (after[:1] not in COUNT_UNITS
                                                            or after[:1] in "万亿" and after[1:2] not in "元"
                                                            and after[1:2] != "")))
    # 11|处: a classifier after a number
    return len(word) == 1 and before[-1:].isdigit()


def joins_name(text: str, left: list[tuple[int, int, str]], conj_start: int,
               body: list[tuple[int, int, str]]) -> bool:
    """Whether 与/和/及 at conj_start is inside one name: the words before it run back to a
    place without a boundary, do not end a name themselves, and the words after it do not
    open a new jurisdiction (省发改委|和|国家发改委 are two bodies)."""
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
            return True
    return False
ZONE_WORDS = ("新区", "开发区", "高新区", "园区", "工业园", "产业园", "自贸区")
PLACE_RANKS = {"province": 3, "city": 2, "county": 1}


def place_rank(text: str, pos: int) -> int:
    """4 for the nation (国家税务总局, 中国), 3 for a province, 2 for a city, 1 for a county,
    district or zone named at pos."""
    if national_regex().match(text, pos) or text.startswith(("中国", "中共", "国家"), pos):
        return 4
    end = places.longest_name_end(places.load_gazetteer().trie, text, pos)
    info = places.lookup_place(text[pos:end]) if end else None
    return PLACE_RANKS.get(info.level, 1) if info else 1


def places_at(text: str, pos: int) -> bool:
    return places.longest_name_end(places.load_gazetteer().trie, text, pos) is not None
