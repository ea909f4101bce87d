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
  * places and persons (kg.extract.places, kg.extract.persons).
`select_mentions` then keeps the longest of overlapping candidates.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

from . import persons
from . import places
from .agencies import national_regex, two_character_regex
from ..cache import regex
from ..lexicon import alternation, load_regex, load_set, load_table, load_tagged, load_words
from ..model import Article, EntityType, Mention, Sentence, Text
from .name_body import JURISDICTION_CHARS, PUNCT, org_suffix_at_end, suffix_regex
from .lists import find_listed_companies, find_repeated_short_names, find_shared_body_agencies
from .names import MAX_BODY, read_headed_name
from .forces import find_forces
from .teams import find_teams
from .events import find_events
from .foreign import find_foreign_cities, find_latin_companies
from .nested import find_project_investors
from .trade_names import find_trade_names
from .titles import find_debt_title, find_headline_program
from .normalize import CJK
from .segment import tag_words

# Which class wins when two candidates cover the same span.
PRIORITY = {EntityType.AGENCY: 6, EntityType.COMPANY: 5, EntityType.ORGANIZATION: 5, EntityType.PROJECT: 4, EntityType.PROGRAM: 3,
            EntityType.PLACE: 2, EntityType.PERSON: 1}


@lru_cache(maxsize=None)
def enumeration_heads() -> dict[str, str]:
    return dict(load_table("enumeration_heads.tsv", 2))


@lru_cache(maxsize=None)
def enumeration_regex() -> re.Pattern:
    heads = alternation(enumeration_heads())
    item = r"[^，。、；：,;:!?\s《》()（）]{2,24}"
    return regex(rf"({item}(?:、{item})+)等({heads})")


@lru_cache(maxsize=None)
def enumeration_end() -> re.Pattern:
    """等 + a collective noun, which every match of enumeration_regex holds: a quick test that
    spares the sentences without one the costly scan of list items."""
    return regex(f"等(?:{alternation(enumeration_heads())})")


@lru_cache(maxsize=None)
def program_regexes() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    heads = alternation(load_words("program_words.txt"))
    # heads may follow one another: “某某”清单制度, “某某”专项行动计划
    quoted = regex(rf"“([^“”\n]{{2,30}})”(?:[^，。、；：“”《》,;:!?\s的了是在将对和与及等为向从被把让给]{{0,8}}?(?:{heads})+)?")
    return regex(r"《([^《》\n]{2,80})》"), quoted, regex(rf"(?:{heads})$")


# 市级财政 / 省本级财政: the finance bureau of that level, as budget news name it
FISCAL = regex(r"[省市区县]本?级财政")
# 由自治区财政注资 / 市财政每吨补贴: a level's 财政 standing alone as the actor of the clause
# (its finance bureau); 全省财政 / 各县财政 are many bodies, 市区财政 two, 财政资金 is money.
BARE_FISCAL = regex(r"(?<![全各本该每城都市])(?:自治区|[省市区县])财政(?![厅局部级])")
METRO = regex(r"(?:地铁|轨道交通)\d+(?:[、和]\d+)*号线(?:[一二三四]期)?(?:工程|项目)?")
PROJECT_AFTER_QUOTE = regex(r"(?:项目|工程)")
PRODUCT_END = regex(r"(?:贷|融|贷通|e融|e贷)$")
CATEGORY = regex(r"[一二三四五六七八九十两百千]\w{1,2}")    # “三区”项目, “两新”工程: a kind of project
PERIODICAL = regex(r"(?:报|刊|志|杂志)$")


@lru_cache(maxsize=None)
def reporter_before() -> re.Pattern:
    """A reporter's role (and a character of a name) ending right before a position."""
    return regex(rf"(?:{alternation(load_tagged('byline_roles.tsv', 'reporter'))})\s*[{CJK}]?$")


def region_short_forms(text: str, place_mentions: list[Mention]) -> Iterable[int]:
    """Where 自治区 stands alone for the home region (自治区财政厅), as 省 does in a province:
    it opens a name as a place does."""
    for m in re.finditer("自治区", text):
        if not any(p.start <= m.start() < p.end for p in place_mentions):
            yield m.start()


def find_mentions(text: Text, sentences: list[Sentence], article: Article,
                  byline_spans: list[tuple[int, int, str]]) -> list[Mention]:
    """All entity mentions of a document (offsets into text.text), overlaps resolved;
    `byline_spans` (kg.extract.article.find_byline_spans) are no names of the story."""
    s = text.text
    bylines = [(a, b) for a, b, _ in byline_spans]
    # a reporter's name (记者 张三) is no place either
    place_mentions = [m for m in places.find_place_mentions(s) + find_foreign_cities(s)
                      if not any(a < m.end and m.start < b for a, b in bylines)
                      and not reporter_before().search(s, max(0, m.start - 6), m.start)]
    place_starts = sorted({m.start for m in place_mentions} | set(region_short_forms(s, place_mentions)))
    candidates: list[Mention] = list(place_mentions)
    for sent in sentences:      # the places inside the sentence, found without a rescan
        inside = place_starts[bisect.bisect_left(place_starts, sent.start):
                              bisect.bisect_left(place_starts, sent.end)]
        candidates.extend(find_sentence_mentions(sent, frozenset(p - sent.start for p in inside)))
    candidates.extend(persons.find_person_mentions(s, exclude=bylines))
    chosen = select_mentions(candidates)
    listed = list(find_listed_companies(s, sentences, chosen)) + list(find_repeated_short_names(s, chosen)) \
        + list(find_shared_body_agencies(s, chosen))
    if listed:
        chosen = select_mentions(chosen + listed)
    headline = find_headline_program(s, chosen) or find_debt_title(s, chosen)
    if headline:
        chosen = [m for m in chosen if m.end <= headline.start or m.start >= headline.end] + [headline]
    nested = list(find_title_issuers(s, chosen)) + list(find_project_investors(s, chosen, find_sentence_mentions))
    return sorted(chosen + nested, key=lambda m: (m.start, m.end))


def find_title_issuers(text: str, mentions: list[Mention]) -> Iterable[Mention]:
    """The body that opens a document title, 《某某市人民政府关于…的通知》, as a mention of
    its own inside the Program's span (the one place where mentions nest)."""
    for m in mentions:
        if m.type != EntityType.PROGRAM or not m.text.startswith("《"):
            continue
        about = m.text.find("关于")
        if about < 3:
            continue
        issuer = Sentence(m.start + 1, m.start + about, text[m.start + 1:m.start + about])
        for found in find_sentence_mentions(issuer):
            if found.type in (EntityType.AGENCY, EntityType.ORGANIZATION) and (found.start, found.end) == (issuer.start, issuer.end):
                yield found
                break


def find_sentence_mentions(sent: Sentence, anchors: frozenset[int] = frozenset()) -> list[Mention]:
    """Organisation, national-body, program and project mentions in one sentence.

    `anchors` are sentence offsets where a place name starts: a name that reaches back
    past a verb to a place starts at the place (如果没有|长春市发改委)."""
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
            if found and not national_inside(found, national, sent, anchors):
                out.append(found)
    out.extend(Mention(sent.start + m.start(), sent.start + m.end(), m.group(), EntityType.PROJECT)
               for m in scan(METRO, sent.text, "号线"))
    out.extend(find_described_projects(sent))
    out.extend(find_bank_short_forms(sent))
    out.extend(find_trade_names(sent))
    out.extend(find_teams(sent))
    out.extend(find_events(sent, anchors))
    out.extend(find_latin_companies(sent))
    out.extend(find_forces(sent))
    out.extend(Mention(sent.start + start, sent.start + m.end(), sent.text[start:m.end()], EntityType.AGENCY)
               for m in scan(FISCAL, sent.text, "财政") for start in [fiscal_start(sent.text, m.start())])
    out.extend(find_bare_fiscal(sent))
    # a list item that the grammar already read keeps the grammar's span
    found = [(m.start, m.end) for m in out]
    out.extend(m for m in find_enumerated_names(sent)
               if not any(a < m.end and m.start < b for a, b in found))
    return out


def fiscal_start(text: str, start: int) -> int:
    """Where 市级财政 starts with the place it belongs to: 上海|市级财政 is 上海市's (a place's short
    name right before that makes a full name with the level)."""
    for k in range(max(0, start - 6), start - 1):
        if places.expand_place(text[k:start]) == text[k:start] + text[start]:
            return k
    return start


def scan(pattern: re.Pattern, text: str, needed: str) -> Iterable[re.Match]:
    """pattern's matches in text, not sought when text lacks `needed`, a word that every match
    holds: a quick test spares most sentences a scan."""
    return pattern.finditer(text) if needed in text else ()


def national_inside(found: Mention, national: list[Mention], sent: Sentence, anchors: frozenset[int]) -> bool:
    """积极响应|中央宣传部: a name that ends in a national body is that body, unless a place or
    a 省/市 short form opens it (市|国资委 is the city's)."""
    start = found.start - sent.start
    if sent.text[start] in JURISDICTION_CHARS:
        return False
    return any(n.end == found.end and n.start > found.start
               and not any(start <= a < n.start - sent.start for a in anchors) for n in national)


@lru_cache(maxsize=None)
def described_project_regexes() -> tuple[re.Pattern, re.Pattern]:
    """总投资25亿元的|某某小镇 (an investment describing a facility), and 重点项目|“甲”“乙”及“丙”
    (quoted facilities after a project noun)."""
    heads = alternation(load_words("project_facility_heads.txt"))
    described = regex(rf"(?:总投资|计划投资|投资)(?:约|达|超)?[\d.]+[万亿]?元的([{CJK}]{{2,10}}?(?:{heads}))(?=[、和及等，。；,;]|$)")
    quoted = regex(rf"(?:项目|工程)((?:“[^“”]{{2,16}}”[、和及与]?)+)")
    return described, quoted


# 甲大学牵头的“乙工艺研究”: a quoted title a body leads or undertakes is a project, whatever its head
LED_TITLE = regex(r"(?:牵头|承担|主持|负责实施)的(“[^“”，。；,;]{4,40}”)")


def find_described_projects(sent: Sentence) -> Iterable[Mention]:
    """Projects named without 项目: facilities described by their investment, and quoted
    facilities after 项目/工程, the name saying more than its head (总投资5亿元的|产业园); quoted titles
    a body leads (甲大学牵头的“乙研究”)."""
    described, quoted = described_project_regexes()
    heads = tuple(load_words("project_facility_heads.txt"))
    spans = [m.span(1) for m in described.finditer(sent.text)]
    led = [m.span(1) for m in scan(LED_TITLE, sent.text, "的“")]
    yield from (Mention(sent.start + a, sent.start + b, sent.text[a:b], EntityType.PROJECT) for a, b in led)
    for m in quoted.finditer(sent.text):
        # the quotes stay in the span: “某市中心医院” is the project, not the hospital
        spans.extend((m.start(1) + q.start(), m.start(1) + q.end()) for q in re.finditer(r"“[^“”]+”", m.group(1)))
    for a, b in spans:
        name = sent.text[a:b].strip("“”")
        if any(name.endswith(h) and len(name) - len(h) >= 2 and name[:-len(h)] not in load_set("generic_bodies.txt")
               for h in heads):
            yield Mention(sent.start + a, sent.start + b, sent.text[a:b], EntityType.PROJECT)


@lru_cache(maxsize=None)
def bank_short_form_regex() -> re.Pattern:
    banks = [short for short, full in load_table("company_abbrev.tsv", 2) if full.endswith("银行")]
    # the lookahead's one class test spares the other characters the optional level and the alternation
    firsts = "".join(sorted({re.escape(bank[0]) for bank in banks}))
    return regex(rf"(?=[省市县区{firsts}])([省市县区]?)({alternation(banks)})")


def find_bare_fiscal(sent: Sentence) -> Iterable[Mention]:
    """自治区财政向… / 由市财政拨付: the level's 财政 is a body when a verb, preposition,
    adverb or 每 follows it (jieba tags only the word after)."""
    for m in scan(BARE_FISCAL, sent.text, "财政"):
        after = [f for a, _, f in tag_span(sent.text, m.start(), m.end() + 4) if a == m.end()]
        if after and (after[0].startswith(("p", "v", "d")) or sent.text.startswith("每", m.end())):
            yield Mention(sent.start + m.start(), sent.start + m.end(), m.group(), EntityType.AGENCY)


def find_bank_short_forms(sent: Sentence) -> Iterable[Mention]:
    """A bank named by its standard short form alone (建行, 农发行), or with 省/市 for the
    branch of the story's province or city (市农发行); whole words only (集中|行动 has no 中行).
    A foreign bank's short form before 中国 names its Chinese arm (某某中国)."""
    text = sent.text
    for m in bank_short_form_regex().finditer(text):
        if m.group(1) in ("县", "区") or m.start() and text[m.start() - 1] in "县区":
            continue       # the county's branch: its name is not known from the text
        if not m.group(1) and text[m.end():m.end() + 1] == "“":
            continue       # 通过工行“某贷”: the product is named, the bank stays the story's branch
        words = tag_span(text, m.start(2), m.end() + 2)
        # 建|行为|64元: jieba glued the short form's 行 to a preposition
        glued = any(a < m.end() < b and text[m.end():b] in load_set("glued_prepositions.txt") for a, b, _ in words)
        if any(a == m.start(2) for a, _, _ in words) and (glued or any(b == m.end() for _, b, _ in words)):
            end = m.end() + 2 * (text.startswith("中国", m.end()) and "中国" not in bank_full_name(m.group(2)))
            yield Mention(sent.start + m.start(), sent.start + end, text[m.start():end], EntityType.COMPANY)


def bank_full_name(short: str) -> str:
    return dict(load_table("company_abbrev.tsv", 2))[short]


def find_enumerated_names(sent: Sentence) -> Iterable[Mention]:
    """Items of a list closed by 等 + a collective noun take its class:
    约谈“某某”单车、某某单车等企业 → two Company mentions."""
    text = sent.text
    if "等" not in text or not enumeration_end().search(text):   # most sentences need no scan
        return
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
            # an item of 税务、市场监管等部门 is a field of work, an agency only with its organ's head
            if 2 <= len(name) <= 10 and name not in load_set("generic_bodies.txt") \
                    and (etype != EntityType.AGENCY or org_suffix_at_end().search(name)):
                yield Mention(sent.start + a, sent.start + b, text[a:b], etype)


def strip_quote_chars(s: str) -> str:
    return s.replace("“", "").replace("”", "").replace('"', "")


def tag_span(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Tagged words of text[start:end] (offsets into text), the window widened leftwards to a
    punctuation mark so that no word is cut: only the part around the heads is segmented. A
    division's full name is a place whatever jieba tags it (临澧县 and 介休市 are verbs to it)."""
    start = max(0, start)
    while start > 0 and not PUNCT.match(text[start - 1]):
        start -= 1
    divisions = places.load_gazetteer().by_full
    return [(a + start, b + start, "ns" if f != "ns" and text[start + a:start + b] in divisions else f)
            for a, b, f in tag_words(text[start:end])]


def find_national(sent: Sentence) -> Iterable[Mention]:
    """National bodies (国务院, 财政部), and their two-character short forms (央行) where they
    are words; after a foreign country the body is that country's (美国财政部), named with it."""
    for m in national_regex().finditer(sent.text):
        start = m.start()
        if m.group().endswith("部") and sent.text[m.end():m.end() + 1] in ("门", "长"):
            continue        # 文旅部门 is a local department, not 文旅部; 国防部长 is a post
        country = country_before(sent.text, start)
        yield Mention(sent.start + start - len(country), sent.start + m.end(),
                      sent.text[start - len(country):m.end()], EntityType.AGENCY)
    for m in two_character_regex().finditer(sent.text):
        # 央行|再次降息 is the body, 中央|要求 and 人行|道 are not: jieba reads it as an abbreviation
        if (m.start(), m.end(), "j") in tag_span(sent.text, m.start(), m.end() + 2):
            yield Mention(sent.start + m.start(), sent.start + m.end(), m.group(), EntityType.AGENCY)


def country_before(text: str, pos: int) -> str:
    for size in range(min(pos, 5), 1, -1):
        if load_regex("countries.txt").fullmatch(text, pos - size, pos):
            return text[pos - size:pos]
    return ""


@lru_cache(maxsize=None)
def governed_program_regex() -> re.Pattern:
    verbs = alternation(load_words("program_verbs.txt"))
    heads = alternation(load_words("program_governed_heads.txt"))
    # 落实好|某某制度: a complement after the verb is no part of the name
    return regex(rf"(?:{verbs})+(?:好|了)?([^，。、；：“”《》,;:!?\s的了和与及等并在对将把被向从由为是有也都又还已]{{4,24}}?(?:{heads}))(?![性者家])")


@lru_cache(maxsize=None)
def governed_head_regex() -> re.Pattern:
    """The heads that end every match of governed_program_regex."""
    return regex(alternation(load_words("program_governed_heads.txt")))


def find_governed_programs(sent: Sentence) -> Iterable[Mention]:
    """开展|某某志愿服务行动, 落实|某某电价优惠政策: an unquoted program name governed by a
    verb that launches programs, when its words are not all generic (落实|各项惠企政策)."""
    if not governed_head_regex().search(sent.text):     # a quick test: most sentences have no head
        return
    for m in governed_program_regex().finditer(sent.text):
        words = [w for a, b, _ in tag_words(m.group(1))
                 if (w := m.group(1)[a:b]) not in load_set("generic_bodies.txt")][:-1]
        if len(words) >= 2 and sum(map(len, words)) >= 5:
            yield Mention(sent.start + m.start(1), sent.start + m.end(1), m.group(1), EntityType.PROGRAM)


@lru_cache(maxsize=None)
def scheme_after_quote() -> re.Pattern:
    return regex(f"等(?:{alternation(load_words('scheme_words.txt'))})")


def find_programs(sent: Sentence) -> Iterable[Mention]:
    yield from find_governed_programs(sent)
    titled, quoted, head_at_end = program_regexes()
    for m in titled.finditer(sent.text):
        if not PERIODICAL.search(m.group(1)):
            yield Mention(sent.start + m.start(), sent.start + m.end(), m.group(), EntityType.PROGRAM)
    for m in quoted.finditer(sent.text):
        project = PROJECT_AFTER_QUOTE.match(sent.text, m.end(1) + 1)
        if project and not CATEGORY.fullmatch(m.group(1)):      # “某某国际”项目, not “三区”项目
            yield Mention(sent.start + m.start(), sent.start + project.end(),
                          sent.text[m.start():project.end()], EntityType.PROJECT)
        elif m.end() > m.end(1) + 1 and ends_word(sent.text, m.end()) or head_at_end.search(m.group(1)) \
                or PRODUCT_END.search(m.group(1)) or scheme_after_quote().match(sent.text, m.end()) \
                or bank_product(sent.text, m):    # “银企对接”等方式, “某某e贷”, 农行“某某通”产品
            yield Mention(sent.start + m.start(), sent.start + m.end(), m.group(), EntityType.PROGRAM)
    found = [m for m in ISSUED_MEASURES.finditer(sent.text)]
    found += [m for m in scan(SECTOR_ARTICLES, sent.text, "条") if [f for _, _, f in tag_words(m.group(1)[:2])] == ["n"]
              and not counts_noun(sent.text, m.end())]
    for m in found:
        yield Mention(sent.start + m.start(1), sent.start + m.end(1), m.group(1), EntityType.PROGRAM)


# 出台|支持某某发展的十二项措施: an unquoted title, the object of an issuing verb
ISSUED_MEASURES = regex(r"(?:出台|印发|制定|发布)了?([^，。；、“”《》\s]{2,24}?的[一二三四五六七八九十]{1,3}[项条](?:措施|举措|政策|意见))")
# 科技十条: a sector's N articles (not 第十条, 这十条)
SECTOR_ARTICLES = regex(rf"(?<![第这那各该每])([{CJK}]{{2}}[一二三四五六七八九十]{{1,3}}条)(?![款例规])")


def counts_noun(text: str, end: int) -> bool:
    """某某三条|生产线: 条 counts the noun after it."""
    after = tag_words(text[end:end + 4])
    return bool(after) and after[0][2].startswith("n")


def ends_word(text: str, end: int) -> bool:
    """Whether a head after a closing quote ends the name: “某某”战略|合作协议 names an
    agreement, not a strategy."""
    return not AGREEMENT_AFTER.match(text, end)


AGREEMENT_AFTER = regex(r"(?:合作)?(?:框架)?(?:协议|合作|备忘录)")


def bank_product(text: str, m: re.Match) -> bool:
    """农行“某某通”产品, 推出“某某保”产品: a quoted name before 产品 or 业务, after a bank or a
    verb that launches or uses it, is a financial product."""
    return text.startswith(("产品", "业务"), m.end()) and bool(BANK_BEFORE.search(text, 0, m.start())
                                                            or PRODUCT_VERB_BEFORE.search(text, 0, m.start()))


BANK_BEFORE = regex(r"(?:银行|分行|支行|行)$")
PRODUCT_VERB_BEFORE = regex(r"(?:推出|通过|依托|借助|运用|创新|开发|上线|发行|用好)了?$")


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
