"""The template language of relation_cues.tsv and funding_roles.tsv.

A template is a regular expression over a masked sentence (kg.extract.clause): {S}, {O}, {P}, {R}, {F}
stand for one name or several coordinated ones, … for a gap of up to 15 characters holding no
name, ‥ for a short gap inside one clause. `required_words` lists the words every match holds,
so that a sentence without them is never tried (`CueWords`).
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from ..cache import regex
from .clause import LIST, PH, Masked, Ref
from ..lexicon import alternation, load_table, load_words
from .normalize import CJK

# A gap holds no name, except one that only modifies a noun (甲银行以乙公司的专利作质押向丙…),
# names the place of the act (甲与乙在丙中心签约) or stands in brackets (甲公司（乙区）：实施…).
_GAP = (rf"(?:[^\ue000-\uf8ff。；;！？!?]|{PH}(?=的)|在[^\ue000-\uf8ff，,。；;！？!?]{{0,4}}{PH}"
        rf"|(?<=[（(]){PH}(?=[）)])){{0,15}}?")
_SHORT_GAP = rf"[^\ue000-\uf8ff，,。；;！？!?]{{0,8}}?"     # ‥ in a template: same clause

def required_words(template: str) -> list[list[str]]:
    """Word lists one of which every match of the template contains: each literal run of
    characters and each group of literal words at the top level that no quantifier makes
    optional (of a word with an optional tail, the part before it: 投入到? needs 投入).

    E.g. '{S}…对{O}…(?:约谈|处罚)的?' -> [['对'], ['约谈', '处罚']]. What it cannot read as plain
    words (classes, gaps, lookarounds, nested groups) it leaves out, and an alternation at
    the top level leaves nothing."""
    out: list[list[str]] = []
    run = ""           # literal characters since the last other element
    i = 0
    while i < len(template):
        ch = template[i]
        if ch == "|":
            return []
        words = None
        if ch == "(":
            end = _group_end(template, i)
            words = _group_words(template[i + 1:end - 1])
        elif ch == "[":
            end = _class_end(template, i)
        else:
            placeholder = _PLACEHOLDER.match(template, i)
            end = placeholder.end() if placeholder else i + 1 + (ch == "\\")
        optional = bool(_OPTIONAL.match(template, end))
        if ch != "(" and _CUE_CHARS.fullmatch(ch) and not optional:
            run += ch
            i = end
            continue
        if run:
            out.append([run])
            run = ""
        if words and not optional:
            out.append(words)
        i = end
    return out + [[run]] if run else out


class CueWords:
    """The groups of words some templates need (required_words): `needs` is the bit mask of the
    groups each template needs, `present(text)` that of the groups a text holds a word of, a
    cheap test that spares most sentences most templates."""

    def __init__(self, templates: Iterable[str]) -> None:
        required = [required_words(template) for template in templates]
        self.groups = tuple(dict.fromkeys(frozenset(words) for r in required for words in r))
        self.needs = tuple(sum({1 << self.groups.index(frozenset(words)) for words in r}) for r in required)
        # the longest word at a position counts for the groups of the words it begins with
        # (投资建设 is also 投资): all the words that start there
        words = sorted(set().union(*self.groups), key=len, reverse=True)
        self._masks = {w: sum(1 << i for i, g in enumerate(self.groups) if w.startswith(tuple(g))) for w in words}
        self._finder = regex("|".join(map(re.escape, words)) or "(?!)")

    def present(self, text: str) -> int:
        """Bit mask of the groups with a word in text; words may overlap (建设 in 投资建设)."""
        present = 0
        m = self._finder.search(text)
        while m is not None:
            present |= self._masks[m.group()]
            m = self._finder.search(text, m.start() + 1)
        return present


@lru_cache(maxsize=None)
def table_cues(table: str, column: int) -> CueWords:
    """CueWords of the templates in `column` of a lexicon table (relation_cues.tsv: 2)."""
    return CueWords(row[column] for row in load_table(table))


_CUE_CHARS = regex(f"[{CJK}]*")
_PLACEHOLDER = regex(r"\{[A-Z]\}")
_OPTIONAL = regex(r"[?*]|\{(?![A-Z]\})")


def _group_words(inner: str) -> list[str] | None:
    """The words a group's alternatives begin with, or None when it is more than words."""
    inner = inner[2:] if inner.startswith("?:") else inner
    if not inner or any(c in inner for c in "()[]\\"):
        return None
    words = []
    for alternative in inner.split("|"):
        word = _CUE_CHARS.match(alternative).group()
        if _OPTIONAL.match(alternative, len(word)):
            word = word[:-1]
        if not word:
            return None
        words.append(word)
    return words


def _class_end(template: str, start: int) -> int:
    """Offset just after the character class opening at `start` ('[^，]' -> start + 4)."""
    i = start + 1 + (template[start + 1:start + 2] == "^")
    i += template[i:i + 1] == "]"        # a ']' first is a member
    while template[i] != "]":
        i += 1 + (template[i] == "\\")
    return i + 1


def _group_end(template: str, start: int) -> int:
    """Offset just after the parenthesis that closes the one at `start`."""
    depth = 0
    i = start
    while True:
        ch = template[i]
        if ch == "[":
            i = _class_end(template, i)
            continue
        depth += (ch == "(") - (ch == ")")
        i += 1 + (ch == "\\")
        if depth == 0:
            return i


def compile_templates(templates: list[str]) -> list[re.Pattern]:
    """Regexes for cue templates: '{S}…约谈…{O}' -> named placeholder lists with gaps between."""
    return [regex(_template_pattern(t)) for t in templates]


def _template_pattern(template: str) -> str:
    """The regex source of a template: placeholders as named groups (a second {S} is S_2)."""
    pattern = template.replace("…", _GAP).replace("‥", _SHORT_GAP)
    for role in ("S", "O", "P", "R", "F"):
        n = 0
        while "{%s}" % role in pattern:
            n += 1
            name = role if n == 1 else f"{role}_{n}"
            pattern = pattern.replace("{%s}" % role, f"(?P<{name}>{_list()})", 1)
    return pattern


@lru_cache(maxsize=None)
def _list() -> str:
    """LIST, whose items carry no verb as their tail: 由甲公司建设、乙公司承建 is two clauses."""
    verbs = alternation(load_words("relation_list_verbs.txt"))
    return LIST.replace(f"[{CJK}]{{0,2}}?", f"(?!{verbs})[{CJK}]{{0,2}}?", 1)


def role_refs(masked: Masked, m: re.Match, role: str) -> list[Ref]:
    """Refs captured by every group of `role` in a template match ({S}, and a second {S})."""
    out = []
    for name, value in m.groupdict().items():
        if value and (name == role or name.startswith(role + "_")):
            out.extend(masked.refs_in(value))
    return out
