"""Byline names: the reporters, editors and photographers a story credits.

schema.md keeps them out of the graph (a Person acts in the story), but `kg extract` lists
them among the document's mentions, typed Person with "role": "byline", since they are
people's names. Found by the byline rules of kg.extract.article and, for bylines run
together, after a credit role that opens a credit: at a line's start, after an opening
bracket or a medium's name (本报讯（记者张三）, 某某社记者李四, 记者王五通讯员赵六), where
one or more names follow up to a closing bracket, a space, 报道 or 发自.

Data: byline_roles.tsv (roles tagged byline or credit).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..cache import regex
from ..lexicon import alternation, load_tagged
from ..model import EntityType, Mention
from .normalize import CJK
from .persons import CREDIT_BEFORE, is_name, load_person_rules

BYLINE = "byline"
# what closes a credit after its last name: no Han character, 摄, 发自 or 报道; failing a
# further name, a place before 发自 / 报道 (李明北京报道)
NAME_AFTER = regex(rf"[^{CJK}]|$|摄|报道|发自")
PLACE_AFTER = regex(rf"[{CJK}]{{2,3}}(?:报道|发自)")


@lru_cache(maxsize=None)
def credit_role() -> re.Pattern:
    """A credit role of two or more characters (实习编辑, 记者)."""
    roles = {r for tag in (BYLINE, "credit") for r in load_tagged("byline_roles.tsv", tag) if len(r) > 1}
    return regex(rf"(?:{alternation(roles)})[\s　:：]*")


def find_credits(text: str, bylines: list[tuple[int, int, str]]) -> list[Mention]:
    """Byline names as Person mentions with role "byline", from the credits run together and
    the `bylines` of kg.extract.article.find_byline_spans, e.g. find_credits('本报讯（记者王明）今天',
    …) -> [Mention(6, 8, '王明', 'Person', role='byline')]."""
    spans: list[tuple[int, int]] = []
    ends: set[int] = set()
    for m in credit_role().finditer(text):
        if m.start() and text[m.start() - 1] not in CREDIT_BEFORE and m.start() not in ends:
            continue
        names = read_names(text, m.end())
        spans += names
        ends.update(e for _, e in names)
    # a byline line's tokens are names only when they read as one (贾鹏陈博 is two, split above)
    spans += [(s, e) for s, e, name in bylines
              if is_name(name) and not any(a < e and s < b for a, b in spans)]
    return [Mention(s, e, text[s:e], EntityType.PERSON, role=BYLINE) for s, e in sorted(set(spans))]


def read_names(text: str, start: int) -> list[tuple[int, int]]:
    """The names run together from `start` up to a credit's close or the next role, e.g.
    read_names('李明张建华）', 0) -> [(0, 2), (2, 5)]; [] when the run is no list of names."""
    if NAME_AFTER.match(text, start) or credit_role().match(text, start):
        return []
    rules = load_person_rules()
    surname = 2 if text[start:start + 2] in rules["compound"] else 1
    for length in (surname + 2, surname + 1):
        end = start + length
        if end > len(text) or not is_name(text[start:end]):
            continue
        if NAME_AFTER.match(text, end) or credit_role().match(text, end):
            return [(start, end)]
        if rest := read_names(text, end):
            return [(start, end)] + rest
        if PLACE_AFTER.match(text, end):
            return [(start, end)]
    return []
