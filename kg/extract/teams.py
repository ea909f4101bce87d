"""Sports teams, an Organization each: the two sides of a fixture (甲vs乙, 甲对阵乙) and a
transliterated name before 队 (某某某队)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..cache import regex
from ..lexicon import load_set, load_words
from ..model import EntityType, Mention, Sentence
from .normalize import CJK
from .segment import tag_words

SIDE = rf"[A-Za-z]{{0,6}}[{CJK}][{CJK}A-Za-z0-9]{{1,11}}"
FIXTURE = regex(rf"({SIDE})\s*(?:[vV][sS]\.?|对阵)\s*({SIDE})")
# the word FIXTURE needs: searched first, as FIXTURE tries a side at every character
FIXTURE_WORD = regex("[vV][sS]|对阵")
# flags of words that are no part of a team's name: the verb or count after it (推荐, 两队)
NOT_NAME_FLAGS = ("v", "m", "p", "d", "c", "u", "r", "f", "q", "t")
MAX_SIDE = 8


@lru_cache(maxsize=None)
def transliterated_team() -> re.Pattern:
    chars = "".join(load_words("transliteration_chars.txt"))
    return regex(rf"(?<![{chars}])[{chars}]{{3,7}}队")


def trim_side(side: str, left: bool) -> str:
    """The team in a side: the left side starts past a leading word that is no name (第3轮|),
    the right side ends before one (|推荐, |两队, |从); other one-character words may be
    pieces of a transliterated name (费|耶|诺德)."""
    words = tag_words(side)
    hard = [i for i, (a, b, f) in enumerate(words)
            if f.startswith(NOT_NAME_FLAGS) and (b - a > 1 or f.startswith(("p", "c", "u", "m")))]
    if left and hard:
        return side[words[hard[-1]][1]:]
    if not left and hard:
        return side[:words[hard[0]][0]]
    return side


def is_team(name: str) -> bool:
    return 2 <= len(name) <= MAX_SIDE and name not in load_set("generic_bodies.txt")


def find_teams(sent: Sentence) -> Iterable[Mention]:
    """Organization mentions of the sides of fixtures and of transliterated teams."""
    text = sent.text
    for m in FIXTURE.finditer(text) if FIXTURE_WORD.search(text) else ():
        home, away = trim_side(m.group(1), left=True), trim_side(m.group(2), left=False)
        if is_team(home) and is_team(away):
            yield Mention(sent.start + m.end(1) - len(home), sent.start + m.end(1), home, EntityType.ORGANIZATION)
            yield Mention(sent.start + m.start(2), sent.start + m.start(2) + len(away), away, EntityType.ORGANIZATION)
    for m in transliterated_team().finditer(text) if "队" in text else ():
        if not re.match(f"[{CJK}]", text[m.end():m.end() + 1]):
            yield Mention(sent.start + m.start(), sent.start + m.end(), m.group(), EntityType.ORGANIZATION)
