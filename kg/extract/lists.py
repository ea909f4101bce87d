"""Company names in a coordinated list (A、B、C) that carry no legal form: an item takes
the class of a company sibling the grammar already read (甲集团、乙科技、丙实业), or of a
company class noun that opens or closes the list (生产企业甲、乙等; 甲、乙这些知名品牌).

Lists of places, products or sectors have neither, so they name nothing here.

A short name repeated through a story (某新化工 … 某新化工获补 … 某新化工从中分得) is a
company too (`find_repeated_short_names`).
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache

from . import places
from ..cache import regex
from ..lexicon import alternation, load_set, load_words
from ..model import EntityType, Mention, Sentence
from .name_body import NAME_FLAGS
from .normalize import CJK
from .segment import tag_words

CJK_CHAR = regex(f"[{CJK}]")
CLAUSE = regex(r"[^，。；：,;:!?！？\s（）()《》“”\"]+")
ITEM = regex(rf"[{CJK}0-9]{{2,8}}")
# where the last item ends: 等, a determiner, 的, a conjunction or an adverb after it
LIST_END = regex(r"等|这些|这几|的|和|及|以及|分别|也|都|均|已|在|给|是|为|纷纷|先后|相继|继续|共同|联合|同步")
CONJUNCTIONS = ("和", "及", "以及")
# what joins the items of a list: 、, or a conjunction before its last item (甲和乙电气)
LIST_JOINS = regex("[、和及]")
# what may stand between a class noun and the list it opens (企业|有|甲、乙; 企业|包括|甲、乙)
COPULAS = frozenset({"有", "是", "为", "包括", "包含", "主要有", "分别是", "分别为"})
# proper-name flags that let a one-word item stand (an unknown word is 'x')
PROPER = frozenset({"nz", "nt", "nr", "nrt", "ns", "x", "j", "eng"})
SINGLE_WORD_NAMES = frozenset({"nt", "x", "j", "eng"})
# flags of words that make an item a phrase, not a name (verbs, adverbs, adjectives, idioms)
PHRASE_FLAGS = frozenset({"v", "vd", "d", "ad", "a", "l", "i", "p", "c", "r", "u"})


@lru_cache(maxsize=None)
def class_nouns() -> re.Pattern:
    """A company class noun closing a list: 等企业, 等16家企业, 这些知名品牌."""
    nouns = alternation(load_words("company_class_nouns.txt"))
    return regex(rf"(?:等|这些|这几家)[\d一二三四五六七八九十]*家?(?:知名|龙头|重点|骨干|大型)?(?:{nouns})")


def find_listed_companies(text: str, sentences: list[Sentence], chosen: list[Mention]) -> Iterable[Mention]:
    """Company mentions for the unnamed items of lists with a company sibling or class noun."""
    for sent in sentences:
        if "、" not in sent.text:
            continue
        for clause in CLAUSE.finditer(sent.text):
            if not LIST_JOINS.search(clause.group()):
                continue       # most clauses: list_items would find one item at most
            items, opened, closed = list_items(clause.group())
            if len(items) < 2:
                continue
            at = sent.start + clause.start()
            spans = [(at + a, at + b) for a, b in items]
            kinds = [known_type(chosen, a, b) for a, b in spans]
            if kinds[-1] not in (None, EntityType.COMPANY) and text[spans[-1][0] - 1] in "和及":
                spans, kinds = spans[:-1], kinds[:-1]        # 甲、乙和某局: the body joins the list of companies
            if any(k not in (None, EntityType.COMPANY) for k in kinds):
                continue       # a list of bodies, persons or programs
            if EntityType.COMPANY not in kinds and (not (opened or closed) or any(is_activity(text[a:b]) for a, b in spans)):
                continue       # 企业生产、产品销售: a class noun before activities is their subject
            for (a, b), kind in zip(spans, kinds):
                if kind is None and is_company_item(text[a:b]):
                    yield Mention(a, b, text[a:b], EntityType.COMPANY)


def list_items(clause: str) -> tuple[list[tuple[int, int]], bool, bool]:
    """Item spans of a 、-list in a clause, whether a class noun opens it, whether one closes it."""
    parts, pos = [], 0
    for part in clause.split("、"):
        parts.append((pos, pos + len(part)))
        pos += len(part) + 1
    (a0, b0), (an, bn) = parts[0], parts[-1]
    start, opened = first_item_start(clause[a0:b0])
    end = LIST_END.search(clause, an + 2, bn)
    closed = bool(class_nouns().match(clause, end.start())) if end else False
    parts[0] = (a0 + start, b0)
    parts[-1] = (an, end.start() if end else bn)
    if end and end.group() in CONJUNCTIONS:
        parts.append(item_after(clause, end.end(), bn))      # 甲、乙和丙加快复产: 丙 is the last item
    return [(a, b) for a, b in parts if ITEM.fullmatch(clause, a, b)], opened, closed


def item_after(clause: str, start: int, end: int) -> tuple[int, int]:
    """The span of the item after a list's closing conjunction: up to the first word that is
    no part of a name (a verb, an adverb, 等); empty unless it ends in a trade word or a
    company's head, as a name in a list of companies does (甲、乙和丙电气, not 甲、乙和项目建设)."""
    stop, last = end, ("", "")
    for a, b, flag in tag_words(clause[start:end]):
        word = clause[start + a:start + b]
        if word in load_set("name_stops.txt") or LIST_END.fullmatch(word) or len(word) > 1 and flag in PHRASE_FLAGS:
            stop = start + a
            break
        last = (word, flag)
    tails = load_set("company_industry_words.txt") | load_set("company_trade_heads.txt") | {"集团", "公司"}
    # a noun of trade, not an activity (某某|电气, not 项目|建设)
    named = last[0] in tails and last[1] in ("n", "nz") and stop - start >= 4
    return (start, stop) if named else (start, start)


def first_item_start(part: str) -> tuple[int, bool]:
    """Where the first item starts (past the verb, stop word or class noun before it) and
    whether a company class noun opens the list (生产企业|甲、乙)."""
    start, opened = 0, False
    nouns, stops = load_words("company_class_nouns.txt"), load_set("name_stops.txt")
    for a, b, flag in tag_words(part):
        word = part[a:b]
        if word.endswith(nouns):
            start, opened = b, True
        elif word in stops or flag in ("v", "p", "d", "r") and b - a > 1:
            start, opened = b, opened and word in COPULAS       # 签约企业|有|甲、乙 stays open
    return start, opened


def known_type(chosen: list[Mention], a: int, b: int) -> EntityType | None:
    """The class of the mention that covers an item (places inside a name do not count).
    `chosen` is sorted and without overlaps (select_mentions), so its ends rise too: the
    search starts at the first mention that ends after a."""
    for i in range(bisect.bisect_right(chosen, a, key=lambda m: m.end), len(chosen)):
        if chosen[i].start >= b:
            break
        if chosen[i].type != EntityType.PLACE:
            return chosen[i].type
    return None


def is_company_item(item: str) -> bool:
    """Whether an unnamed list item reads as a company's name: not a phrase, a place, a
    generic word or a person's name, and some sign of a proper name: a proper-noun word, an
    unknown word (split into single characters, not opening with a verb: 销全产业链) or a
    trade word after a core (某某食品)."""
    words = [(item[a:b], flag) for a, b, flag in tag_words(item)]
    if is_phrase(item, words):
        return False
    if len(words) == 1:
        return words[0][1] in SINGLE_WORD_NAMES      # a dictionary word is a thing (孵化器), not a name
    singles = [flag for w, flag in words if len(w) == 1]
    unknown = len(singles) >= 2 and not words[0][1].startswith(("v", "d", "p", "m"))     # 多|密: a degree
    traded = words[-1][0] in load_set("company_industry_words.txt") and len(item) - len(words[-1][0]) >= 2
    return unknown or traded or any(flag in PROPER for _, flag in words)


def is_activity(item: str) -> bool:
    """Whether a list item is an activity, a verb of two characters or more that is no trade
    word (生产, 加快发展; 某某建设 is a name)."""
    return any(b - a > 1 and flag in ("v", "vn") and item[a:b] not in load_set("company_industry_words.txt")
               for a, b, flag in tag_words(item))


def is_phrase(item: str, words: list[tuple[str, str]]) -> bool:
    """A stop word, verb, adverb or adjective word in it (敢接单, 加快发展), a place, a generic
    word, a quantity (8亿元, 5家), or a person's name (surname + given name)."""
    return item in load_set("generic_bodies.txt") or bool(places.lookup_place(item)) \
        or item[0].isdigit() and any(flag in ("m", "q") for _, flag in words) \
        or any(w in load_set("name_stops.txt") or len(w) > 1 and flag in PHRASE_FLAGS for w, flag in words) \
        or len(item) <= 3 and item[0] in load_set("surnames.txt") and words[0][1].startswith("nr")


REPEATS = 3        # a short name a story comes back to at least this often


@lru_cache(maxsize=None)
def short_name_regex() -> re.Pattern:
    """Two distinctive characters and a trade word: 某新化工, 某明矿业."""
    trades = [w for w in load_words("company_industry_words.txt") if len(w) == 2]
    # the lookahead rejects at one class test the places where no trade word follows, which
    # the alternation would try word by word
    firsts, seconds = ("".join(sorted({re.escape(w[i]) for w in trades})) for i in (0, 1))
    return regex(rf"[{CJK}]{{2}}(?=[{firsts}][{seconds}])(?:{alternation(trades)})")


def find_repeated_short_names(text: str, chosen: list[Mention]) -> Iterable[Mention]:
    """Company mentions for a short name (two distinctive characters and a trade word) that
    the text repeats: the core is no dictionary word (石油化工, 发展能源) and no place."""
    hits: dict[str, list[int]] = {}
    for m in short_name_regex().finditer(text):
        if opens_name(text, m.start()):
            hits.setdefault(m.group(), []).append(m.start())
    for name, starts in hits.items():
        if len(starts) < REPEATS or not distinctive_core(name[:2]):
            continue
        for a in starts:
            if known_type(chosen, a, a + len(name)) is None:
                yield Mention(a, a + len(name), name, EntityType.COMPANY)


def opens_name(text: str, at: int) -> bool:
    """Whether a name can start at `at`: after punctuation or a function word, not inside a
    longer name (某某芯微|电子, 工|业和信息化)."""
    if not CJK_CHAR.match(text[at - 1:at]):
        return True
    words = tag_words(text[max(0, at - 4):at + 4])
    cut = min(at, 4)
    before = [f for a, b, f in words if b == cut]
    return bool(before) and before[0] not in NAME_FLAGS


def distinctive_core(core: str) -> bool:
    """A core jieba does not know as a common word: split into characters, or a name word."""
    words = tag_words(core)
    return not places.lookup_place(core) and (len(words) == 2 and not words[0][2].startswith(("v", "d", "p", "m"))
                                              or words[0][2] in ("nr", "nz", "x"))


def find_shared_body_agencies(text: str, chosen: list[Mention]) -> Iterable[Mention]:
    """甲县、乙县、丙县财政局: the places listed before a body share it, one agency each. An
    item is a mention of its place (entity: the place's body, resolved as a name of it)."""
    for m in chosen:
        if m.type != EntityType.AGENCY:
            continue
        own = next((p for p in places.find_place_mentions(m.text) if p.start == 0), None)
        if own is None or own.end >= len(m.text) or own.text[-1] not in SHARED_LEVELS or m.text.endswith("部门"):
            continue       # 甲区、乙区人社部门: the districts' departments, no named body each
        body, at = m.text[own.end:], m.start
        while (item := SHARED_ITEM.search(text, max(0, at - 9), at)) and item.group(1)[-1] == own.text[-1] \
                and places.expand_place(item.group(1)) == item.group(1):
            yield Mention(item.start(1), item.end(1), item.group(1), EntityType.AGENCY, entity=item.group(1) + body)
            at = item.start(1)


SHARED_LEVELS = "县区市旗"
SHARED_ITEM = regex(rf"(?:^|(?<=[^{CJK}])|(?<=、))([{CJK}]{{2,8}})、$")
