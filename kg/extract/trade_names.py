"""Companies named without a legal form, recognised by what they do: a brand with a trade
word (某某地产, 某某传媒) that acts as a company or before a post, and a Latin-script name
in a company's place (由X开发, X公司, 开发商X)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..cache import regex
from ..lexicon import alternation, load_set, load_tagged, load_words
from ..model import EntityType, Mention, Sentence
from .name_body import PUNCT, places_at
from .normalize import CJK
from .segment import tag_words

LATIN = r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&\-]{1,24}(?![A-Za-z0-9])"
# 由X开发 / X公司 / X旗下 / 开发商X: a Latin name where only a company stands
LATIN_COMPANY = regex(rf"由({LATIN})(?:公司)?(?:开发|制作|发行|出品)|({LATIN})(?:公司|旗下)"
                      rf"|(?:开发商|发行商|厂商)“?({LATIN})")
LATIN_LETTER = regex("[A-Za-z]")      # a quick test before LATIN_COMPANY's scan
# words after which a name may begin: 据|某某财富, 图为|某某地产
OPENERS = frozenset("据为是由与和及对向被从在")
# a brand opens with no determiner or quantity (各地产, 该传媒)
NOT_BRAND = frozenset("各该本这那每某全其此诸")


@lru_cache(maxsize=None)
def trade_name_regex() -> re.Pattern:
    """A brand (two characters, or Latin letters and digits) and a trade word, then what a
    company does or says, a post (的总经理, 市场部主任) or a staff word; or 据 it … 统计."""
    heads = alternation(load_words("company_trade_heads.txt"))
    verbs = alternation(load_words("company_verbs.txt") + load_words("speech_verbs.txt"))
    posts = alternation(load_tagged("posts.tsv", "person") + ("负责人", "工作人员", "人士"))
    name = rf"((?:[{CJK}]{{2}}|[A-Za-z0-9]{{1,8}}•?)(?:{heads}))"
    # a post may carry its field (设计总监) or its department (市场部主任)
    return regex(rf"{name}(?=(?:{verbs})|的?(?:[{CJK}]{{1,5}}?部|[{CJK}]{{2}})?(?:{posts}))"
                 rf"|(?<=据){name}(?=[^，。；！？]{{0,6}}?(?:统计|调查|数据))")


def is_brand(text: str, start: int, end: int) -> bool:
    """Whether the brand text[start:end] opens a name: it is no generic word or place, the
    trade word after it starts a word (not 3家|房地产), and it follows a punctuation mark or a
    word that governs a name."""
    core = text[start:end]
    if core in load_set("generic_bodies.txt") or core in load_set("company_industry_words.txt") \
            or core in load_set("capital_kinds.txt") or core[0] in NOT_BRAND or places_at(text, start):
        return False
    offset = max(0, start - 6)
    words = tag_words(text[offset:end + 4])
    if any(offset + a < end < offset + b for a, b, _ in words):
        return False
    if start == 0 or PUNCT.match(text[start - 1]):
        return True
    ends = {offset + b: text[offset + a:offset + b] for a, b, _ in words}
    return start in ends and (ends[start][-1] in OPENERS or ends[start] in load_set("name_stops.txt"))


@lru_cache(maxsize=None)
def trade_head_regex() -> re.Pattern:
    """The trade words that end every brand of trade_name_regex: a quick test of a sentence,
    which most sentences fail, before that regex's costly scan."""
    return regex(alternation(load_words("company_trade_heads.txt")))


def find_trade_names(sent: Sentence) -> Iterable[Mention]:
    """Company mentions of trade names and Latin names in a sentence (see the module)."""
    text = sent.text
    heads = tuple(load_words("company_trade_heads.txt"))
    for m in trade_name_regex().finditer(text) if trade_head_regex().search(text) else ():
        group = 1 if m.group(1) else 2
        a, b = m.span(group)
        core_end = b - len(next(h for h in heads if m.group(group).endswith(h)))
        if is_brand(text, a, core_end):
            yield Mention(sent.start + a, sent.start + b, text[a:b], EntityType.COMPANY)
    for m in LATIN_COMPANY.finditer(text) if LATIN_LETTER.search(text) else ():
        group = next(g for g in (1, 2, 3) if m.group(g))
        yield Mention(sent.start + m.start(group), sent.start + m.end(group), m.group(group), EntityType.COMPANY)
