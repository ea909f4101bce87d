"""Find mentions of every entity class in a document's normalised text.

Recognisers, each a function text → candidate Mentions, run cheapest first:
  * organisations (Agency/Company/Organization) by grammar: a suffix from
    data/lexicon/org_suffixes.tsv, then a walk left over jieba's words until a
    boundary word (name_stops.txt), punctuation or a date, trimmed of a leading verb;
    heads that also name departments or buildings (局, 中心) need a jurisdiction;
  * national bodies named without a jurisdiction (national_agencies.tsv), and
    市级财政-style names of a finance bureau;
  * items of a list closed by 等 + a collective noun (enumeration_heads.tsv);
  * programs: 《titles》 (with the body that opens them), “quoted” names with a
    program head (program_words.txt), and unquoted names governed by a verb that
    launches programs (program_verbs.txt);
  * projects: named 项目/工程/… (project_heads.txt) and metro lines;
  * places and persons (kg.places, kg.persons).
`select_mentions` then keeps the longest of overlapping candidates.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from . import persons, places
from .article import find_byline_spans
from .lexicon import alternation, load_regex, load_set, load_table, load_words
from .model import Article, Mention, Sentence, Text
from .segment import tag_words

MAX_BODY = 24          # longest name body (characters) the left walk may take
JURISDICTION_CHARS = "省市区县镇乡"
# Which class wins when two candidates cover the same span.
PRIORITY = {"Agency": 6, "Company": 5, "Organization": 5, "Project": 4, "Program": 3,
            "Place": 2, "Person": 1}

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
    from .resolve import abbreviations
    suffixes = {body: "Agency" for body in abbreviations().values() if "和" in body}
    suffixes.update((body, "Agency") for body in load_words("agency_bodies.txt"))
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


@lru_cache(maxsize=None)
def enumeration_heads() -> dict[str, str]:
    return dict(load_table("enumeration_heads.tsv", 2))


@lru_cache(maxsize=None)
def enumeration_regex() -> re.Pattern:
    heads = alternation(enumeration_heads())
    item = r"[^，。、；：,;:!?\s《》()（）]{2,24}"
    return re.compile(rf"({item}(?:、{item})+)等({heads})")


@lru_cache(maxsize=None)
def national_regex() -> re.Pattern:
    names = []
    for name, aliases in load_table("national_agencies.tsv", 2, 1):
        names.append(name)
        names.extend(a for a in aliases.split(",") if len(a) >= 3)
    return re.compile(alternation(names))


@lru_cache(maxsize=None)
def program_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    heads = alternation(load_words("program_words.txt"))
    quoted = re.compile(rf"“([^“”\n]{{2,30}})”(?:[^，。、；：“”《》,;:!?\s的了是在将对和与及等为向从被把让给]{{0,8}}?(?:{heads}))?")
    return re.compile(r"《([^《》\n]{2,80})》"), quoted, re.compile(rf"(?:{heads})$")


# 市级财政 / 省本级财政: the finance bureau of that level, as budget news name it
FISCAL = re.compile(r"[省市区县]本?级财政")
METRO = re.compile(r"(?:地铁|轨道交通)\d+(?:[、和]\d+)*号线(?:[一二三四]期)?(?:工程|项目)?")
PHASE = re.compile(r"[(（][一二三四五六七八九十\d]+期[)）]")
NUMERALS = frozenset("一二三四五六七八九十两百千万")
COUNT_UNITS = frozenset("年月日号时万亿元个家项批次户名人条座余多%")
DASHES = frozenset({"—", "-", "－", "——"})
SCHEME_AFTER_QUOTE = re.compile(r"等(?:方式|措施|举措|政策|模式|机制|渠道|形式|服务)")
PROJECT_AFTER_QUOTE = re.compile(r"(?:项目|工程)")
REPORTER_BEFORE = re.compile(r"(?:记者|通讯员|摄影)\s*[\u4e00-\u9fff]?$")
PRODUCT_END = re.compile(r"(?:贷|融|贷通|e融|e贷)$")
PERIODICAL = re.compile(r"(?:报|刊|志|杂志)$")


def find_mentions(text: Text, sentences: list[Sentence], article: Article) -> list[Mention]:
    """All entity mentions of a document (offsets into text.text), overlaps resolved."""
    s = text.text
    bylines = [(a, b) for a, b, _ in find_byline_spans(s)]
    # a reporter's name (记者 孟庆阳) is no place either
    place_mentions = [m for m in places.find_place_mentions(s)
                      if not any(a < m.end and m.start < b for a, b in bylines)
                      and not REPORTER_BEFORE.search(s, max(0, m.start - 6), m.start)]
    place_starts = {m.start for m in place_mentions}
    candidates: list[Mention] = list(place_mentions)
    for sent in sentences:
        anchors = frozenset(p - sent.start for p in place_starts if sent.start <= p < sent.end)
        candidates.extend(find_sentence_mentions(sent, anchors))
    candidates.extend(persons.find_person_mentions(s, exclude=bylines))
    chosen = select_mentions(candidates)
    return sorted(chosen + list(find_title_issuers(s, chosen)), key=lambda m: (m.start, m.end))


def find_title_issuers(text: str, mentions: list[Mention]) -> Iterable[Mention]:
    """The body that opens a document title, 《某某市人民政府关于…的通知》, as a mention of
    its own inside the Program's span (the one place where mentions nest)."""
    for m in mentions:
        if m.type != "Program" or not m.text.startswith("《"):
            continue
        about = m.text.find("关于")
        if about < 3:
            continue
        issuer = Sentence(m.start + 1, m.start + about, text[m.start + 1:m.start + about])
        for found in find_sentence_mentions(issuer):
            if found.type in ("Agency", "Organization") and (found.start, found.end) == (issuer.start, issuer.end):
                yield found
                break


def find_sentence_mentions(sent: Sentence, anchors: frozenset[int] = frozenset()) -> list[Mention]:
    """Organisation, national-body, program and project mentions in one sentence.

    `anchors` are sentence offsets where a place name starts: a name that reaches back
    past a verb to a place starts at the place (如果没有|哈尔滨市发改委)."""
    out = list(find_programs(sent))
    national = list(find_national(sent))
    out.extend(national)
    anchors = anchors | {m.start - sent.start for m in national}
    heads = [(kind, m) for kind in ("org", "project", "program") for m in suffix_regex(kind).finditer(sent.text)]
    if heads:
        tokens = tag_span(sent.text, min(m.start() for _, m in heads) - MAX_BODY,
                          max(m.end() for _, m in heads) + 2)
        for kind, m in heads:
            found = read_headed_name(sent, m, kind, anchors, tokens)
            if found:
                out.append(found)
    out.extend(Mention(sent.start + m.start(), sent.start + m.end(), m.group(), "Project")
               for m in METRO.finditer(sent.text))
    out.extend(Mention(sent.start + m.start(), sent.start + m.end(), m.group(), "Agency")
               for m in FISCAL.finditer(sent.text))
    # a list item that the grammar already read keeps the grammar's span
    found = [(m.start, m.end) for m in out]
    out.extend(m for m in find_enumerated_names(sent)
               if not any(a < m.end and m.start < b for a, b in found))
    return out


def find_enumerated_names(sent: Sentence) -> Iterable[Mention]:
    """Items of a list closed by 等 + a collective noun take its class:
    约谈“某某”单车、某某单车等企业 → two Company mentions."""
    text = sent.text
    for m in enumeration_regex().finditer(text):
        etype = enumeration_heads()[m.group(2)]
        region_start = m.start(1)
        items = m.group(1).split("、")
        # the first item starts after the verb or function word that governs the list
        cut = max([g.end() for g in load_regex("name_stops.txt").finditer(items[0])]
                  + [b for a, b, f in tag_words(items[0]) if f.startswith("v") and b - a > 1], default=0)
        offsets, pos = [], region_start
        for i, item in enumerate(items):
            start = pos + (cut if i == 0 else 0)
            offsets.append((start, pos + len(item)))
            pos += len(item) + 1
        for a, b in offsets:
            name = strip_quote_chars(text[a:b])
            if 2 <= len(name) <= 10 and name not in load_set("generic_bodies.txt"):
                yield Mention(sent.start + a, sent.start + b, text[a:b], etype)


def strip_quote_chars(s: str) -> str:
    return s.replace("“", "").replace("”", "").replace('"', "")


def tag_span(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Tagged words of text[start:end] (offsets into text), the window widened leftwards to a
    punctuation mark so that no word is cut: only the part around the heads is segmented."""
    start = max(0, start)
    while start > 0 and not PUNCT.match(text[start - 1]):
        start -= 1
    return [(a + start, b + start, f) for a, b, f in tag_words(text[start:end])]


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
                            company=kind == "org" and org_suffixes()[head.group()] == "Company")
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
        return Mention(sent.start + start, sent.start + head_end, name, kind.capitalize())
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
        etype = "Agency"       # the central bank and its branches are state organs
    # a second place name is the company's brand (南宁|邕城|产业投资集团): it counts as a word
    brand = [text[a:b] for i, (a, b, _) in enumerate(body_tokens) if i and a in anchors]
    if etype == "Company" and not is_company_name(brand + words, head.group()):
        return None        # 贸易公司, 北京公司, 某大型国有银行: a kind of company, not one
    if head.group() in load_set("kind_heads.txt") and not words or head.group() == "部门" and all(w in generic for w in words):
        return None        # 哈市学校 (the city's schools), 市直部门 (its departments)
    if head.group() in load_set("institute_heads.txt") and (places_at(text, start) or text[start] in JURISDICTION_CHARS):
        etype = "Agency"       # a provincial or city institute is a public institution (事业单位)
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
    from .resolve import abbreviations, standard_bodies
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


def find_national(sent: Sentence) -> Iterable[Mention]:
    """National bodies (国务院, 财政部); after a foreign country the body is that country's
    (美国财政部), named with it."""
    for m in national_regex().finditer(sent.text):
        start = m.start()
        if m.group().endswith("部") and sent.text[m.end():m.end() + 1] == "门":
            continue        # 文旅部门 is a local department, not 文旅部
        country = country_before(sent.text, start)
        yield Mention(sent.start + start - len(country), sent.start + m.end(),
                      sent.text[start - len(country):m.end()], "Agency")


def country_before(text: str, pos: int) -> str:
    for size in range(min(pos, 5), 1, -1):
        if load_regex("countries.txt").fullmatch(text, pos - size, pos):
            return text[pos - size:pos]
    return ""


@lru_cache(maxsize=None)
def governed_program_regex() -> re.Pattern:
    verbs = alternation(load_words("program_verbs.txt"))
    heads = alternation(load_words("program_governed_heads.txt"))
    return re.compile(rf"(?:{verbs})([^，。、；：“”《》,;:!?\s的了和与及等并在对将把被向从由为是有也都又还已]{{4,24}}?(?:{heads}))(?![性者家])")


def find_governed_programs(sent: Sentence) -> Iterable[Mention]:
    """开展|某某志愿服务行动, 落实|某某电价优惠政策: an unquoted program name governed by a
    verb that launches programs, when its words are not all generic (落实|各项惠企政策)."""
    for m in governed_program_regex().finditer(sent.text):
        words = [w for a, b, _ in tag_words(m.group(1))
                 if (w := m.group(1)[a:b]) not in load_set("generic_bodies.txt")][:-1]
        if len(words) >= 2 and sum(map(len, words)) >= 5:
            yield Mention(sent.start + m.start(1), sent.start + m.end(1), m.group(1), "Program")


def find_programs(sent: Sentence) -> Iterable[Mention]:
    yield from find_governed_programs(sent)
    titled, quoted, head_at_end = program_regexes()
    for m in titled.finditer(sent.text):
        if not PERIODICAL.search(m.group(1)):
            yield Mention(sent.start + m.start(), sent.start + m.end(), m.group(), "Program")
    for m in quoted.finditer(sent.text):
        project = PROJECT_AFTER_QUOTE.match(sent.text, m.end(1) + 1)
        if project:      # “某某国际”项目
            yield Mention(sent.start + m.start(), sent.start + project.end(),
                          sent.text[m.start():project.end()], "Project")
        elif m.end() > m.end(1) + 1 or head_at_end.search(m.group(1)) or PRODUCT_END.search(m.group(1)) \
                or SCHEME_AFTER_QUOTE.match(sent.text, m.end()):    # “银企对接”等方式, “某某e贷”
            yield Mention(sent.start + m.start(), sent.start + m.end(), m.group(), "Program")


def select_mentions(candidates: list[Mention]) -> list[Mention]:
    """Keep non-overlapping mentions: longer spans first, then class priority, then position."""
    chosen: list[Mention] = []
    taken = bytearray()
    order = sorted(candidates, key=lambda m: (-(m.end - m.start), -PRIORITY[m.type], m.start))
    for m in order:
        if len(taken) < m.end:
            taken.extend(b"\0" * (m.end - len(taken)))
        if any(taken[m.start:m.end]):
            continue
        taken[m.start:m.end] = b"\1" * (m.end - m.start)
        chosen.append(m)
    return sorted(chosen, key=lambda m: (m.start, m.end))
