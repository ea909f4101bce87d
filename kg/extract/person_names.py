"""Full Chinese names standing without a cue (祁慧祥表示 has one; 他买下祁慧祥的画 has none).

jieba's dictionary cut (HMM off) leaves a name it does not know as single characters: 祁 /
慧 / 祥. Three single characters between longer words or punctuation, a surname first, are
a name when the two given characters are ones names use: each scores, from jieba's own
dictionary, how much more often it stands in the given name of a word tagged nr than in
ordinary words (慧, 祥, 伟 do; 作, 只, 需 do not). This is general lexical knowledge, no
list of names; the surname must be no function word (由 / 某某集团, 向 / 中小企业).

Data: jieba's dictionary (through kg.extract.segment), the person lexicons of kg.extract.persons,
byline_roles.tsv (credit lines).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import compress

from ..cache import regex
from ..lexicon import alternation, load_tagged
from .normalize import CJK
from . import persons, places
from .segment import remember, tag_words, tokenizer, word_tags

# Each given character must score above this (log-odds, natural log): 0.5 keeps 慧 伟 华 明
# and drops 新 美 全 过, which start or end ordinary words far more often than names.
MIN_GIVEN_SCORE = 0.5
# smoothing: a character barely used anywhere is no evidence either way
NAME_PRIOR, WORD_PRIOR = 0.5, 1000
HAN = regex(f"[{CJK}]")
# 《…》, “…”, 「…」 around the three characters: a title, a product, a nickname, no person
QUOTES = ("《“「『", "》”」』")
# jieba tags of one-character function words: prepositions, conjunctions, adverbs, particles, pronouns
BOUNDARY_FLAGS = {"p", "c", "d", "r", "y", "u", "uj", "ul", "uz", "ug", "uv", "ud"}
ASPECT_FLAGS = {"ul", "uz", "ug"}
# jieba tags of a two-character word that may be a given name after a surname (陈 / 鹏飞):
# names, proper nouns, reduplications tagged as idioms
GIVEN_WORD_FLAGS = {"nr", "nrfg", "nrt", "nz", "i"}
# last characters of a village, a river or a harbour (某家堡, 某某河): a name only next to a cue
PLACE_FINAL = set("堡河湖岛湾桥港屯沟寨坝塘郡")
# a middle dot or hyphen beside the run: part of a foreign name (约翰·柏玉祥)
FOREIGN_JOINS = "·・•‧-－"


@lru_cache(maxsize=None)
def given_name_scores() -> dict[str, float]:
    """Character -> log-odds of standing in a given name (words of 2–3 characters tagged nr
    that open with a surname) against its use in every other dictionary word, weighted by
    the word's frequency. Derived once from jieba's dictionary, then kept between runs."""
    return remember("given-name-scores", _given_name_scores)


def _given_name_scores() -> dict[str, float]:
    single = persons.load_person_rules()["single"]
    freq = tokenizer().FREQ
    in_names: Counter[str] = Counter()
    in_words: dict[str, int] = {}
    count = in_words.get          # a plain dict and a bound get: this loop reads ~350,000 words
    for word, tag in word_tags().items():
        if tag.startswith("nr"):
            if tag == "nr" and len(word) in (2, 3) and word[0] in single:
                in_names.update(word[1:])
        elif weight := freq.get(word, 0):
            for ch in word:
                in_words[ch] = count(ch, 0) + weight
    names, words = sum(in_names.values()), sum(in_words.values())
    return {ch: math.log((in_names[ch] + NAME_PRIOR) / names) - math.log((in_words.get(ch, 0) + WORD_PRIOR) / words)
            for ch in set(in_names) | set(in_words)}


def is_plausible_given_name(given: str) -> bool:
    """Whether every character of a given name is one names use, e.g. '慧祥' -> True, '军作' -> False."""
    scores = given_name_scores()
    return all(scores.get(ch, 0.0) > MIN_GIVEN_SCORE for ch in given)


def find_uncued_names(text: str, cued: set[tuple[int, int]]) -> list[tuple[int, int]]:
    """Names without a cue that overlap no cued one: a cued reading wins (经理韩立笑着说:
    韩立, not 韩立笑)."""
    words = pieces_with_names(text)
    return [(s, e) for s, e in find_unknown_names(text, words) + find_dictionary_names(text, words)
            if not any(a < e and s < b for a, b in cued)]


@lru_cache(maxsize=None)
def name_start() -> re.Pattern:
    """Where a name of find_unknown_names or find_dictionary_names may start, by what they ask
    of its characters: a bare name (is_bare_name, group `bare`), or a dictionary name of clearly
    given characters or before or after 、与和及 (find_dictionary_names)."""
    rules, scores, tags = persons.load_person_rules(), given_name_scores(), word_tags()
    given = {ch for ch, score in scores.items() if score > MIN_GIVEN_SCORE}
    bare = {ch for ch in rules["single"] if tags.get(ch) not in persons.CLOSED_FLAGS}
    # is_name spares a compound surname's second character (单于) the test of a given one
    second = given - persons.NON_GIVEN | given & {surname[1] for surname in rules["compound"]}
    last = given - persons.NON_GIVEN - persons.NON_FINAL - PLACE_FINAL
    known = {ch for ch, score in scores.items() if score > KNOWN_SCORE}
    single, bare, second, last, known = (re.escape("".join(sorted(chars)))
                                         for chars in (rules["single"], bare, second, last, known))
    return regex(f"(?P<bare>[{bare}](?=[{second}][{last}]))"
                 f"|[{single}](?=[{known}]{{2}}|..[{PAIR_JOIN}])|(?<=[{PAIR_JOIN}])[{single}]")


# Marks jieba's cut leaves as words of their own: a piece of text between two of them is cut
# alone as it is within the whole text.
PIECE_ENDS = "，。！？；：、\n"
PIECE_END = regex(f"[{PIECE_ENDS}]")


def pieces_with_names(text: str) -> list[tuple[int, int, str]]:
    """tag_words(text), only of the pieces (each closed by its mark) where a name may start:
    the rest of a document, most of it, holds none, and cutting it is the costliest step of
    the two finders. Each piece ends in its mark, so no run of single characters changes."""
    words, end = [], 0
    for m in name_start().finditer(text):
        start = m.start()
        if start < end or not (m.lastgroup or may_be_known_name(text, start)):
            continue        # in the piece just cut, or no dictionary name
        while start > end and text[start - 1] not in PIECE_ENDS:
            start -= 1
        after = PIECE_END.search(text, m.end())
        end = after.end() if after else len(text)
        words.extend((start + a, start + b, f) for a, b, f in tag_words(text[start:end]))
    return words


def find_unknown_names(text: str, words: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int]]:
    """Three-character names the dictionary does not know, e.g. '记者获悉，祁慧祥已经返回。'
    -> [(5, 8)]. None on a credit line (撰文：某公司 祁慧祥). `words`: pieces_with_names(text)."""
    credits = [m.span() for m in credit_line().finditer(text)]
    out = [(s, e) for s, e in name_runs(text, pieces_with_names(text) if words is None else words)
           if is_bare_name(text, s, e) and not any(a <= s < b for a, b in credits)]
    # a name stands alone wherever it occurs (岳光子 inside 金岳光子 is part of a longer name)
    found = Counter(text[s:e] for s, e in out)
    return [(s, e) for s, e in out if found[text[s:e]] == text.count(text[s:e])]


# A name jieba's dictionary holds (tagged nr) stands alone when each given character is
# clearly a name's (log-odds above this: 克庄), or as one of a pair of such names (甲、乙).
KNOWN_SCORE = 2.0
# what joins two items of a list of names
PAIR_JOIN = "、与和及"


def find_dictionary_names(text: str, words: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int]]:
    """Three-character names in jieba's dictionary (a word tagged nr, a surname first), e.g.
    '他和甲乙丙、丁戊己合作' -> the two names when both are dictionary names. `words`:
    pieces_with_names(text)."""
    words = [w for w in (pieces_with_names(text) if words is None else words) if w[2] == "nr" and w[1] - w[0] == 3 and is_known_name(text, w[0], w[1])]
    scores = given_name_scores()
    score = {(s, e): min(scores.get(ch, 0.0) for ch in text[s + 1:e]) for s, e, _ in words}
    starts, ends = {s for s, _ in score}, {e for _, e in score}
    return [(s, e) for s, e in score if score[s, e] > KNOWN_SCORE
            or text[e:e + 1] in PAIR_JOIN and e + 1 in starts or text[s - 1:s] in PAIR_JOIN and s - 1 in ends]


def may_be_known_name(text: str, start: int) -> bool:
    """Whether the cut of text may find a name of the dictionary at `start`."""
    return word_tags().get(text[start:start + 3]) == "nr" and is_known_name(text, start, start + 3)


def is_known_name(text: str, start: int, end: int) -> bool:
    """Whether a dictionary word tagged nr is a person's full name here: a surname and a given
    name, no transliteration (夏威夷 is a place), not inside quotes or a foreign name."""
    name, translit = text[start:end], persons.transliteration_chars()
    if name[0] not in persons.load_person_rules()["single"] or not persons.is_name(name):
        return False
    if all(ch in translit for ch in name) or name[-1] in PLACE_FINAL:
        return False
    # a given name that is a word of its own: an abbreviation (师大) or a loanword (克隆)
    flag = word_tags().get(name[1:])
    if flag == "j" or flag and all(ch in translit for ch in name[1:]):
        return False
    before, after = text[start - 1:start], text[end:end + 1]
    return not (before and before in QUOTES[0] + FOREIGN_JOINS or after and after in QUOTES[1] + FOREIGN_JOINS)


def name_runs(text: str, words: list[tuple[int, int, str]]) -> Iterator[tuple[int, int]]:
    """Spans the cut left as an unknown name: three single characters (祁 / 慧 / 祥), or one
    and a two-character word that names or nicknames (柏 / 鹏飞), with a longer word,
    punctuation or a function word on either side, e.g. ('由祁慧祥投资', cut) -> (1, 4)."""
    han = HAN.match         # bound once: this runs over every word of the document
    char = [b - a == 1 and han(text, a) is not None for a, b, _ in words]
    # a one-character function word bounds a run as a longer word does (为 / 柏玉祥 / 提供);
    # after the run, an aspect particle makes its last character a verb (韩立 / 笑 / 着)
    bounds = BOUNDARY_FLAGS - ASPECT_FLAGS      # once, not per word
    for i in compress(range(len(words)), char):     # a run opens at a single character only
        if i and char[i - 1] and words[i - 1][2] not in BOUNDARY_FLAGS:
            continue
        start = words[i][0]
        if i + 2 < len(words) and char[i + 1] and char[i + 2]:
            after = i + 3          # exactly three: a fourth single character makes a phrase
        elif i + 1 < len(words) and words[i + 1][1] - words[i + 1][0] == 2 and words[i + 1][2] in GIVEN_WORD_FLAGS:
            after = i + 2
        else:
            continue
        if not (after < len(words) and char[after] and words[after][2] not in bounds):
            yield start, start + 3


@lru_cache(maxsize=None)
def credit_line() -> re.Pattern:
    """A line that credits someone (撰文：…, 摄影 / …; not 告诉记者：): its names are authors, not news."""
    roles = alternation(load_tagged("byline_roles.tsv", "credit"))
    return regex(f"^(?:.*[ \t　(（【])?(?:{roles})[ \t　]*[:：/／].*$", re.M)


def is_bare_name(text: str, start: int, end: int) -> bool:
    """Whether text[start:end], standing alone, is a person's full name."""
    name = text[start:end]
    rules = persons.load_person_rules()
    if name[0] not in rules["single"] or word_tags().get(name[0]) in persons.CLOSED_FLAGS:
        return False
    before, after = text[start - 1:start] if start else "", text[end:end + 1]
    if before and before in QUOTES[0] and after and after in QUOTES[1]:
        return False
    if before and before in FOREIGN_JOINS or after and after in FOREIGN_JOINS:
        return False
    # 雷诺娜: transliteration, a place or a club as often as a person
    if all(ch in persons.transliteration_chars() for ch in name) or name[-1] in PLACE_FINAL:
        return False
    return persons.is_name(name) and is_plausible_given_name(name[1:])


# Next to a post or a verb of saying a name needs less: the given characters together score
# above CUED_SCORE, none below CUED_FLOOR (甘伟龙估计, 经理柏建新指着).
CUED_SCORE, CUED_FLOOR = 0.5, -1.5
# a given name that is a dictionary word of these classes is that word (王明天, 张北京)
NOT_GIVEN_FLAGS = {"ns", "t", "m", "q", "f", "r", "p", "c", "d", "y", "e", "o", "uj", "ul", "uz", "ug", "uv", "ud"}


def cued_name_after(text: str, start: int) -> tuple[int, int] | None:
    """A three-character name starting at `start`, right after a post, e.g.
    ('经理柏建新指着', 2) -> (2, 5)."""
    return (start, start + 3) if is_cued_name(text, start, start + 3, False) else None


def cued_name_before(text: str, end: int) -> tuple[int, int] | None:
    """A three-character name ending at `end`, right before a verb of saying or a form of
    address, e.g. ('途径。甘伟龙分析说', 6) -> (3, 6)."""
    return (end - 3, end) if end >= 3 and is_cued_name(text, end - 3, end, True) else None


def is_cued_name(text: str, start: int, end: int, cue_after: bool) -> bool:
    """Whether text[start:end], three characters next to a cue (after them when `cue_after`),
    is a full name: a surname and a plausible given name that the dictionary cut keeps apart
    from the words around it, e.g. ('经理柏建新指着', 2, 5, False) -> True,
    ('经理王明天来', 2, 5, False) -> False."""
    name = text[start:end]
    if len(name) != 3 or not persons.is_name(name) or name[0] not in persons.load_person_rules()["single"]:
        return False
    flag = word_tags().get(name[1:])
    # jieba tags many given names ns (建国, 永庆): only a real division's name (张北京) is no given name
    if flag in NOT_GIVEN_FLAGS and not (flag == "ns" and not places.lookup_places(name[1:])):
        return False
    scores = [given_name_scores().get(ch, 0.0) for ch in name[1:]]
    if sum(scores) <= CUED_SCORE or min(scores) <= CUED_FLOOR:
        return False
    return cut_keeps_apart(text, start, end, cue_after, scores[-1])


def cut_keeps_apart(text: str, start: int, end: int, cue_after: bool, last_score: float) -> bool:
    """Whether the cut of a three-character name and a few characters on each side has no word
    across either edge and, on the side away from the cue, no lone character but a function
    word (金 / 岳光子董事长). After a post, a verb may follow whose first character makes no word
    with the name's last (某文博作报告, not 陈平 / 安排), and before one the cut may have joined
    the first two characters (read_as_two); `last_score` is the third character's."""
    left = max(0, start - 3)
    words = [(left + a, left + b, f) for a, b, f in tag_words(text[left:end + 3])]
    ends = {x for a, b, _ in words for x in (a, b)}
    a, b, f = next((w for w in words if w[1] == start), (0, 0, "x")) if cue_after \
        else next((w for w in words if w[0] == end), (0, 0, "x"))
    verb_next = not cue_after and f == "v" and text[end - 1:end + 1] not in word_tags()
    if start not in ends or end not in ends \
            or start + 1 not in ends and not (verb_next and read_as_two(words, start, last_score)):
        return False
    return not (b - a == 1 and HAN.match(text, a) and f not in BOUNDARY_FLAGS
                and not (verb_next and last_score > MIN_GIVEN_SCORE))


def read_as_two(words: list[tuple[int, int, str]], start: int, last_score: float) -> bool:
    """Whether the cut read a name's surname and first given character as a name or a place
    of two (冯武 / 婷) and the third character, of score `last_score`, clearly is a name's."""
    return last_score > KNOWN_SCORE and any(w[:2] == (start, start + 2) and w[2] in ("nr", "ns") for w in words)
