"""Official agency names, shared by mention finding (kg.extract.mentions, kg.extract.names) and resolution
(kg.extract.resolve): abbreviations of agency bodies and the national bodies with their short forms."""
from __future__ import annotations

import re
from functools import lru_cache

from ..cache import regex
from ..lexicon import alternation, load_set, load_table


@lru_cache(maxsize=None)
def abbreviations() -> dict[str, str]:
    return dict(load_table("agency_abbrev.tsv", 2))


@lru_cache(maxsize=None)
def national_official_names() -> tuple[str, ...]:
    return tuple(sorted((row[0] for row in load_table("national_agencies.tsv", 2, 1)), key=len, reverse=True))


@lru_cache(maxsize=None)
def standard_bodies() -> frozenset[str]:
    """Official agency bodies (财政局, 营商环境建设监督局): named bare, they are the home city's."""
    return frozenset(abbreviations().values()) | load_set("agency_bodies.txt")


@lru_cache(maxsize=None)
def national_names() -> dict[str, str]:
    """Official name of a national body for each of its standard short forms (国家发改委)."""
    out = {}
    for name, aliases in load_table("national_agencies.tsv", 2, 1):
        for alias in (a for a in aliases.split(",") if a):
            out[alias] = name
            # 中国银监会: the country opens the short form as it opens the official name
            if name.startswith(COUNTRY) and not alias.startswith(COUNTRY):
                out[COUNTRY + alias] = name
    return out


COUNTRY = "中国"


@lru_cache(maxsize=None)
def national_regex() -> re.Pattern:
    """Official names and short forms of three or more characters: two-character ones (央行,
    中央) are words of their own only sometimes (see two_character_regex)."""
    return regex(alternation([*national_official_names(), *(a for a in national_names() if len(a) >= 3)]))


@lru_cache(maxsize=None)
def two_character_regex() -> re.Pattern:
    return regex(alternation([a for a in national_names() if len(a) == 2]))
