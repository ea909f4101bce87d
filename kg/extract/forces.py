"""A country's armed forces, state bodies named without an agency suffix: the country and a
force (美国海军, 日本海上自卫队), or its one-character short form and 军 (美军)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..cache import regex
from ..lexicon import alternation, load_words
from ..model import EntityType, Mention, Sentence
from .segment import tag_words


@lru_cache(maxsize=None)
def force_regexes() -> tuple[re.Pattern, re.Pattern]:
    countries = alternation(load_words("countries.txt"))
    heads = alternation(load_words("agency_force_heads.txt"))
    shorts = "".join(load_words("agency_country_shorts.txt"))
    return regex(f"(?:{countries})(?:{heads})"), regex(f"[{shorts}]军")


def find_forces(sent: Sentence) -> Iterable[Mention]:
    """Agency mentions of armed forces; 美军 only as a word of its own (not 完美|军团)."""
    named, short = force_regexes()
    found = [m.span() for m in named.finditer(sent.text)]
    words = {(a, b) for a, b, _ in tag_words(sent.text)} if short.search(sent.text) else set()
    found += [m.span() for m in short.finditer(sent.text) if m.span() in words]
    for a, b in found:
        yield Mention(sent.start + a, sent.start + b, sent.text[a:b], EntityType.AGENCY)
