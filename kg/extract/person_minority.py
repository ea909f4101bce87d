"""Names of minority naming systems that open with no Han surname.

Tibetan and Mongolian names are two or three name words (格桑 + 央金, 额尔敦 + 巴特尔); a Yi
name is a clan name of two characters and a given name of two (吉克 + 某某). Such a name
opens with no surname, or with a character that only looks like one (洛 of 洛桑, 吉 of
吉克), so the surname-first reading of kg.extract.persons cuts it short or misses it. Next to
a cue (a post before it, a verb of saying or a clause's end after it, a list of names) a run
of two or three name words is one name, and so is a clan name with two given characters
that a cue closes; one word alone is left to the other rules, as many of them (尼玛, 乌兰)
are common words or parts of place names.

Data: data/lexicon/person_tibetan_words.txt, person_mongolian_words.txt, person_yi_clans.txt.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from ..cache import regex
from ..lexicon import load_words

# a name is this many name words
MIN_WORDS, MAX_WORDS = 2, 3
# name words are this long, longest tried first (额尔德尼 before 额尔敦)
WORD_LENGTHS = (4, 3, 2)
# a Yi clan name and its given name, each of two characters; no function character, digit or
# punctuation stands in a given name (吉克在会上 is no name)
YI_GIVEN = regex(r"[\u4e00-\u9fff]{2}")
NOT_GIVEN = regex("[的了在和与及是将对为从向把被等说称于以也都又]")


@lru_cache(maxsize=None)
def name_words() -> frozenset[str]:
    """The Tibetan and Mongolian name words, several to a line in the lexicons."""
    return frozenset(w for lex in ("person_tibetan_words.txt", "person_mongolian_words.txt")
                     for line in load_words(lex) for w in line.split())


@lru_cache(maxsize=None)
def yi_clans() -> frozenset[str]:
    """The Yi clan names, several to a line in the lexicon."""
    return frozenset(w for line in load_words("person_yi_clans.txt") for w in line.split())


def word_at(text: str, start: int, end: int | None = None) -> str:
    """The longest name word starting at `start` (or ending at `end`), '' if none."""
    spans = ((start, start + k) if end is None else (end - k, end) for k in WORD_LENGTHS)
    return next((text[s:e] for s, e in spans if s >= 0 and text[s:e] in name_words()), "")


def name_ends(text: str, start: int) -> list[int]:
    """Where a name of name words starting at `start` may end, longest first, e.g.
    name_ends('格桑央金在会上', 0) -> [4]."""
    ends, at, count = [], start, 0
    while count < MAX_WORDS and (word := word_at(text, at)):
        at, count = at + len(word), count + 1
        if count >= MIN_WORDS:
            ends.append(at)
    return ends[::-1]


def name_start(text: str, end: int) -> int | None:
    """The start of a name of name words ending at `end`, the longest, e.g.
    name_start('副县长洛桑旺堆', 7) -> 3; None if none ends there."""
    starts, at, count = [], end, 0
    while count < MAX_WORDS and (word := word_at(text, 0, at)):
        at, count = at - len(word), count + 1
        if count >= MIN_WORDS:
            starts.append(at)
    return starts[-1] if starts else None


def yi_end(text: str, start: int) -> int | None:
    """The end of a Yi name (a clan name and two given characters) starting at `start`, e.g.
    yi_end('吉克某某表示', 0) -> 4; None if none starts there. The caller checks the cue after it."""
    end = start + 4
    if text[start:start + 2] in yi_clans() and YI_GIVEN.fullmatch(text, start + 2, end) \
            and not NOT_GIVEN.search(text, start + 2, end):
        return end
    return None


def is_minority_name(name: str) -> bool:
    """Whether a whole string is such a name, e.g. is_minority_name('扎西次仁') -> True,
    is_minority_name('阿苏某某') -> True, is_minority_name('扎西') -> False."""
    return len(name) in name_ends(name, 0) or len(name) == 4 and yi_end(name, 0) == 4


def name_before(text: str, end: int, common: Callable[[str], bool]) -> tuple[int, int] | None:
    """(start, end) of a Tibetan or Mongolian name, or of a Yi name whose given part is no
    `common` word, ending at `end` (before a cue); None if none does."""
    if (start := name_start(text, end)) is not None:
        return start, end
    if end >= 4 and yi_end(text, end - 4) == end and not common(text[end - 2:end]):
        return end - 4, end
    return None
