"""Full Chinese names standing without a cue (邱礼涛表示 has one; 他说邱礼涛是… has none).

jieba's dictionary cut (HMM off) leaves a name it does not know as single characters: 邱 /
礼 / 涛. Three single characters between longer words or punctuation, a surname first, are
a name when the two given characters are ones names use: each scores, from jieba's own
dictionary, how much more often it stands in the given name of a word tagged nr than in
ordinary words (涛, 慧, 祥 do; 作, 只, 需 do not). This is general lexical knowledge, no
list of names; the surname must be no function word (由 / 林达集团, 向 / 小微企业).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from .normalize import CJK
from . import persons
from .segment import tag_words, tokenizer, word_tags

# Each given character must score above this (log-odds, natural log): 0.5 keeps 涛 伟 华 明
# and drops 新 美 全 过, which start or end ordinary words far more often than names.
MIN_GIVEN_SCORE = 0.5
# smoothing: a character barely used anywhere is no evidence either way
NAME_PRIOR, WORD_PRIOR = 0.5, 1000
HAN = re.compile(f"[{CJK}]")
# 《…》, “…”, 「…」 around the three characters: a title, a product, a nickname, no person
QUOTES = ("《“「『", "》”」』")
# jieba tags of one-character function words: prepositions, conjunctions, adverbs, particles, pronouns
BOUNDARY_FLAGS = {"p", "c", "d", "r", "y", "uj", "ul", "uz", "ug", "uv", "ud"}
# a middle dot or hyphen beside the run: part of a foreign name (约瑟夫·马洛德)
FOREIGN_JOINS = "·・•‧-－"


@lru_cache(maxsize=None)
def given_name_scores() -> dict[str, float]:
    """Character -> log-odds of standing in a given name (words of 2–3 characters tagged nr
    that open with a surname) against its use in every other dictionary word, weighted by
    the word's frequency. Read once from jieba's dictionary."""
    single = persons.load_person_rules()["single"]
    freq = tokenizer().FREQ
    in_names: Counter[str] = Counter()
    in_words: Counter[str] = Counter()
    for word, tag in word_tags().items():
        if tag == "nr":
            if len(word) in (2, 3) and word[0] in single:
                in_names.update(word[1:])
        elif not tag.startswith("nr"):
            for ch in word:
                in_words[ch] += freq.get(word, 0)
    names, words = sum(in_names.values()), sum(in_words.values())
    return {ch: math.log((in_names[ch] + NAME_PRIOR) / names) - math.log((in_words[ch] + WORD_PRIOR) / words)
            for ch in set(in_names) | set(in_words)}


def is_plausible_given_name(given: str) -> bool:
    """Whether every character of a given name is one names use, e.g. '礼涛' -> True, '军作' -> False."""
    scores = given_name_scores()
    return all(scores.get(ch, 0.0) > MIN_GIVEN_SCORE for ch in given)


def find_unknown_names(text: str) -> list[tuple[int, int]]:
    """Three-character names the dictionary cut into single characters, e.g.
    '记者获悉，邱礼涛已经返回。' -> [(5, 8)]."""
    words = tag_words(text)
    char = [b - a == 1 and bool(HAN.match(text, a)) for a, b, _ in words]
    # a one-character function word bounds a run as a longer word does (为 / 李贵斌 / 提供)
    loose = [c and f not in BOUNDARY_FLAGS for c, (_, _, f) in zip(char, words)]
    out = []
    for i, (start, _, _) in enumerate(words):
        # exactly three single characters: a fourth on either side makes the run a phrase
        if char[i:i + 3] == [True] * 3 and not (i and loose[i - 1]) \
                and not (i + 3 < len(words) and loose[i + 3]) and is_bare_name(text, start, start + 3):
            out.append((start, start + 3))
    return out


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
    # 索维娅, 普斯纳: transliteration, a place or a club as often as a person
    if all(ch in persons.transliteration_chars() for ch in name):
        return False
    return persons.is_name(name) and is_plausible_given_name(name[1:])
