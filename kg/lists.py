"""Company names in a coordinated list (A、B、C) that carry no legal form: an item takes
the class of a company sibling the grammar already read (甲集团、乙科技、丙实业), or of a
company class noun that opens or closes the list (生产企业甲、乙等; 甲、乙这些知名品牌).

Lists of places, products or sectors have neither, so they name nothing here.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from . import places
from .lexicon import alternation, load_set, load_words
from .model import EntityType, Mention, Sentence
from .normalize import CJK
from .segment import tag_words

CLAUSE = re.compile(r"[^，。；：,;:!?！？\s（）()《》“”\"]+")
ITEM = re.compile(rf"[{CJK}0-9]{{2,8}}")
# where the last item ends: 等, a determiner, 的, a conjunction or an adverb after it
LIST_END = re.compile(r"等|这些|这几|的|和|及|以及|分别|也|都|均|已|在|给|是|为|纷纷|先后")
# proper-name flags that let a one-word item stand (an unknown word is 'x')
PROPER = frozenset({"nz", "nt", "nr", "nrt", "ns", "x", "j", "eng"})
SINGLE_WORD_NAMES = frozenset({"nt", "x", "j", "eng"})
# flags of words that make an item a phrase, not a name (verbs, adverbs, adjectives, idioms)
PHRASE_FLAGS = frozenset({"v", "vd", "d", "ad", "a", "l", "i", "p", "c", "r", "u"})


@lru_cache(maxsize=None)
def class_nouns() -> re.Pattern:
    """A company class noun closing a list: 等企业, 等16家企业, 这些知名品牌."""
    nouns = alternation(load_words("company_class_nouns.txt"))
    return re.compile(rf"(?:等|这些|这几家)[\d一二三四五六七八九十]*家?(?:知名|龙头|重点|骨干|大型)?(?:{nouns})")


def find_listed_companies(text: str, sentences: list[Sentence], chosen: list[Mention]) -> Iterable[Mention]:
    """Company mentions for the unnamed items of lists with a company sibling or class noun."""
    for sent in sentences:
        if "、" not in sent.text:
            continue
        for clause in CLAUSE.finditer(sent.text):
            items, opened, closed = list_items(clause.group())
            if len(items) < 2:
                continue
            at = sent.start + clause.start()
            spans = [(at + a, at + b) for a, b in items]
            kinds = [known_type(chosen, a, b) for a, b in spans]
            if any(k not in (None, EntityType.COMPANY) for k in kinds):
                continue       # a list of bodies, persons or programs
            if EntityType.COMPANY not in kinds and not (opened or closed):
                continue
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
    return [(a, b) for a, b in parts if ITEM.fullmatch(clause, a, b)], opened, closed


def first_item_start(part: str) -> tuple[int, bool]:
    """Where the first item starts (past the verb, stop word or class noun before it) and
    whether a company class noun opens the list (生产企业|甲、乙)."""
    start, opened = 0, False
    for a, b, flag in tag_words(part):
        word = part[a:b]
        if word.endswith(tuple(load_words("company_class_nouns.txt"))):
            start, opened = b, True
        elif word in load_set("name_stops.txt") or flag in ("v", "p", "d", "r") and b - a > 1:
            start, opened = b, False
    return start, opened


def known_type(chosen: list[Mention], a: int, b: int) -> EntityType | None:
    """The class of the mention that covers an item (places inside a name do not count)."""
    for m in chosen:
        if m.type != EntityType.PLACE and m.start < b and a < m.end:
            return m.type
    return None


def is_company_item(item: str) -> bool:
    """Whether an unnamed list item reads as a company's name: no stop word, verb, adverb or
    adjective word in it (敢接单, 加快发展), not a place or a generic word, and some sign of a
    proper name: a proper-noun word, an unknown word (split into single characters, not
    opening with a verb: 销全产业链) or a trade word after a core (某某食品)."""
    words = [(item[a:b], flag) for a, b, flag in tag_words(item)]
    if item in load_set("generic_bodies.txt") or places.lookup_place(item) \
            or any(w in load_set("name_stops.txt") or len(w) > 1 and flag in PHRASE_FLAGS for w, flag in words):
        return False
    if len(item) <= 3 and item[0] in load_set("surnames.txt") and words[0][1].startswith("nr"):
        return False      # a person's name
    if len(words) == 1:
        return words[0][1] in SINGLE_WORD_NAMES      # a dictionary word is a thing (孵化器), not a name
    singles = [flag for w, flag in words if len(w) == 1]
    unknown = len(singles) >= 2 and not words[0][1].startswith(("v", "d", "p"))
    traded = len(words) > 1 and words[-1][0] in load_set("company_industry_words.txt") and len(item) - len(words[-1][0]) >= 2
    return unknown or traded or any(flag in PROPER for _, flag in words)
