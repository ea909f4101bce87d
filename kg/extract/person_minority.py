"""Tibetan names: two or three name words and no surname (格桑 + 央金, 扎西 + 次仁).

Such a name opens with no surname, or with a character that only looks like one (洛 of
洛桑), so the surname-first reading of kg.extract.persons cuts it short or misses it. Next
to a cue (a post before it, a verb of saying or a clause's end after it, a list of names)
a run of two or three words of person_tibetan_words.txt is one name; one word alone is left
to the other rules, as many of them (尼玛, 达瓦) are common words or parts of place names.

Data: data/lexicon/person_tibetan_words.txt.
"""
from __future__ import annotations

from functools import lru_cache

from ..lexicon import load_words

# a name is this many name words
MIN_WORDS, MAX_WORDS = 2, 3


@lru_cache(maxsize=None)
def tibetan_words() -> frozenset[str]:
    """The name words, several to a line in the lexicon."""
    return frozenset(w for line in load_words("person_tibetan_words.txt") for w in line.split())


def tibetan_ends(text: str, start: int) -> list[int]:
    """Where a Tibetan name starting at `start` may end, longest first, e.g.
    tibetan_ends('格桑央金在会上', 0) -> [4]."""
    ends, at, count = [], start, 0
    while count < MAX_WORDS:
        word = next((w for w in (text[at:at + 3], text[at:at + 2]) if w in tibetan_words()), "")
        if not word:
            break
        at, count = at + len(word), count + 1
        if count >= MIN_WORDS:
            ends.append(at)
    return ends[::-1]


def tibetan_start(text: str, end: int) -> int | None:
    """The start of a Tibetan name ending at `end`, the longest, e.g.
    tibetan_start('副县长洛桑旺堆', 7) -> 3; None if none ends there."""
    starts, at, count = [], end, 0
    while count < MAX_WORDS:
        word = next((w for w in (text[max(0, at - 3):at], text[max(0, at - 2):at]) if w in tibetan_words()), "")
        if not word:
            break
        at, count = at - len(word), count + 1
        if count >= MIN_WORDS:
            starts.append(at)
    return starts[-1] if starts else None


def is_tibetan_name(name: str) -> bool:
    """Whether a whole string is a Tibetan name, e.g. is_tibetan_name('扎西次仁') -> True."""
    return len(name) in tibetan_ends(name, 0)
