"""Named events, a Program each (the schema counts a 投资环境说明会 as one): a place and a few
name words before an event head (event_heads.txt), with the year or edition that opens the
name (2025某市投资促进周, 第五届某省农产品博览会)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..cache import regex
from ..lexicon import alternation, load_words
from ..model import EntityType, Mention, Sentence
from .segment import cut_words, word_tags

OPENING = regex(r"(?:(?:19|20)\d{2}年?|第[一二三四五六七八九十\d]{1,3}届)$")
MAX_WORDS = 10          # characters from the place to the head
# flags of the words between the place and the head: nouns, names and verbal nouns (投资|促进周)
NAME_FLAGS = ("n", "vn", "j", "b", "a", "x", "eng")


@lru_cache(maxsize=None)
def event_head_regex() -> re.Pattern:
    return regex(alternation(load_words("event_heads.txt")))


def event_start(text: str, head_start: int, anchors: frozenset[int]) -> int | None:
    """Where the place that opens the event's name starts: the nearest place before the head
    with only name words between (举办|某市|农产品|博览会); None when there is none."""
    for a in sorted((x for x in anchors if head_start - MAX_WORDS <= x < head_start), reverse=True):
        words = cut_words(text[a:head_start])[1:]
        # dictionary tags, not tags in context: jieba tags 投资 a verb before 促进周
        if all(w.isalnum() and word_tags().get(w, "n").startswith(NAME_FLAGS) for w in words):
            return a
    return None


def find_events(sent: Sentence, anchors: frozenset[int]) -> Iterable[Mention]:
    """Program mentions of the named events of a sentence; `anchors` are the sentence offsets
    where a place name starts."""
    text = sent.text
    for m in event_head_regex().finditer(text):
        start = event_start(text, m.start(), anchors)
        if start is None:
            continue
        opening = OPENING.search(text, max(0, start - 6), start)
        start = opening.start() if opening else start
        yield Mention(sent.start + start, sent.start + m.end(), text[start:m.end()], EntityType.PROGRAM)
