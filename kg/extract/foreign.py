"""Names from abroad: large foreign cities (foreign_cities.txt), a Place each, and companies
registered abroad, written in Latin letters with their legal form (某某 GmbH, 某某 Co., Ltd.),
a Company each."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..cache import regex
from ..lexicon import alternation, load_regex, load_words
from ..model import EntityType, Mention, Sentence
from .normalize import CJK

# around a city: what may stand before it (a preposition, a list mark) and after it
BEFORE_CITY = regex(rf"(?:^|[^{CJK}]|[在赴至到往与和及、])$")
AFTER_CITY = regex(rf"(?:$|[^{CJK}]|[的和与及、等举])")
LATIN = "A-Za-z\u00c0-\u024f"
FIRST_WORD = rf"[A-Z0-9][{LATIN}0-9&'\-]*\.?"       # capitalised: no 'and' or 'the' opens a name
LEGAL_FORMS = (r"GmbH(?: & Co\. KG)?", r"AG", r"SE", r"KG", r"Inc\.?", r"Corp\.?", r"Corporation", r"Co\., ?Ltd\.?",
               r"Ltd\.?", r"Limited", r"LLC", r"PLC", r"plc", r"S\.A\.", r"S\.p\.A\.", r"B\.V\.", r"N\.V\.",
               r"Pte\.? Ltd\.?", r"Sdn\.? Bhd\.?", r"JSC", r"LLP", r"S\.A\.S\.", r"A/S", r"Oy", r"AB")
# one to six words and a legal form; words inside are capitalised or particles (Bank of …)
INNER_WORD = rf"(?:{FIRST_WORD}|&|of|de|du|la|von|van|der|den)"
LATIN_COMPANY = regex(rf"(?<![{LATIN}0-9])({FIRST_WORD}(?: {INNER_WORD}){{0,5}} (?:{'|'.join(LEGAL_FORMS)}))"
                      rf"(?![{LATIN}0-9])")


@lru_cache(maxsize=None)
def city_regex() -> re.Pattern:
    return regex(f"({alternation(load_words('foreign_cities.txt'))})(市?)")


def find_foreign_cities(text: str) -> list[Mention]:
    """Place mentions of foreign cities: after a country (德国某城), before 市, or set off by
    a preposition, a list mark or punctuation (a city's name also opens longer words)."""
    countries = load_regex("countries.txt")
    out = []
    for m in city_regex().finditer(text):
        after_country = any(countries.fullmatch(text, max(0, m.start() - n), m.start()) for n in range(2, 7))
        if after_country or m.group(2) or BEFORE_CITY.search(text, 0, m.start()) and AFTER_CITY.match(text, m.end()):
            out.append(Mention(m.start(), m.end(), m.group(), EntityType.PLACE))
    return out


def find_latin_companies(sent: Sentence) -> Iterable[Mention]:
    """Company mentions of names in Latin letters that end in a legal form (Kessler GmbH)."""
    if " " not in sent.text:       # a legal form follows a space: most sentences need no scan
        return
    for m in LATIN_COMPANY.finditer(sent.text):
        yield Mention(sent.start + m.start(1), sent.start + m.end(1), m.group(1), EntityType.COMPANY)
