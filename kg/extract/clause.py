"""The clause layer: names in the text, masked sentences, clauses and stories.

Each sentence is rewritten with one placeholder character per name (`mask_sentence`), so that
rules read like the Chinese they match. References such as 该公司 / 该局 / 企业, resolved to the
name they stand for (kg.extract.references), are masked like names. A headline or byline
paragraph starts a new story.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .layout import ROW_HEAD_END, ROW_NUMBER
from ..cache import regex
from ..lexicon import load_words
from ..model import ORG_TYPES, Entity, EntityType, Mention, Sentence
from .normalize import CJK
from .resolve import QUOTE_MARKS

PLACEHOLDER_BASE = 0xE000          # Unicode private use area: never in news text
PH = "[\ue000-\uf8ff]"           # one placeholder
# Coordinated names; an item may carry a short tail outside its mention (“甲”单车、乙单车).
# 甲局会同乙局约谈: bodies that act together are one list.
LIST = rf"{PH}(?:[{CJK}]{{0,2}}?(?:、|和|及|以及|会同){PH})*"
LIST_RE = regex(LIST)
# 甲局（以下简称“乙”）: a short name declared right after a name adds nothing to the sentence's
# grammar (甲局（以下简称“乙”）向丙公司增资 reads 甲局向丙公司增资), so it is dropped with its brackets.
_DECLARATION = regex(r"[（(]\s*(?:以下)?(?:简称|下称)[^（()）]{1,20}[）)]")
# What may stand between a name that ends a clause and a bare 公司 opening the next one.
CLAUSE_CLOSE = regex(r"[”\"’]?[)）]?[，,。]")
CLAUSE_END = regex(r"[，,；;：:。！？!?\n]")

@dataclass(frozen=True)
class Ref:
    """A name or a resolved reference inside the text: span and the entity it stands for."""
    start: int
    end: int
    entity: str
    type: str
    pronoun: bool = False
    bare: bool = False        # a bare common noun (企业, 项目), which may also mean the whole class


@dataclass(frozen=True)
class Masked:
    """A sentence with each Ref replaced by one placeholder character."""
    text: str
    refs: tuple[Ref, ...]
    offsets: tuple[int, ...]      # masked position of each sentence character (and of the end)

    def position(self, ref: Ref) -> int:
        """Masked position of `ref`'s placeholder (-1 when the sentence does not hold it)."""
        return self.text.find(chr(PLACEHOLDER_BASE + self.refs.index(ref)))

    def refs_in(self, group: str) -> list[Ref]:
        return [self.refs[ord(ch) - PLACEHOLDER_BASE] for ch in group
                if PLACEHOLDER_BASE <= ord(ch) < PLACEHOLDER_BASE + len(self.refs)]


@lru_cache(maxsize=None)
@lru_cache(maxsize=None)
def preposition_regex() -> re.Pattern:
    words = sorted(load_words("relation_prepositions.txt"), key=len, reverse=True)
    return regex("(?:" + "|".join(map(re.escape, words)) + ")$")



# ---------------------------------------------------------------- references

def name_refs(mentions: list[Mention], entities: list[Entity]) -> list[Ref]:
    """A Ref for each resolved mention, typed as its entity, in text order."""
    types = {e.label: e.type for e in entities}
    refs = [Ref(m.start, m.end, m.entity, types.get(m.entity, m.type)) for m in mentions if m.entity]
    return sorted(refs, key=lambda r: (r.start, -r.end))


LEGAL_FORM_END = regex("(?:股份有限公司|有限责任公司|有限公司|[(（]有限合伙[)）])$")


def clause_start(text: str, at: int) -> int:
    """Offset where the clause holding `at` starts, e.g. clause_start('甲，乙向该公司', 3) -> 2."""
    window = max(0, at - 200)
    ends = [m.end() for m in CLAUSE_END.finditer(text, window, at)]
    return ends[-1] if ends else window


def main_ref(refs: list[Ref], types: tuple[str, ...]) -> Ref | None:
    """The entity of `types` named most often in `refs` (the latest on ties): who a story is about."""
    counts: dict[str, int] = {}
    for r in refs:
        if r.type in types:
            counts[r.entity] = counts.get(r.entity, 0) + 1
    best = None
    for r in refs:
        if r.type in types and (best is None or counts[r.entity] >= counts[best.entity]):
            best = r
    return best


class Tally:
    """main_ref of a list that only grows, kept up to date in O(1) per added Ref."""

    def __init__(self, types: tuple[str, ...], refs: Iterable[Ref] = ()) -> None:
        self.types = types
        self.counts: dict[str, int] = {}
        self.best: Ref | None = None
        self.top = 0
        for r in refs:
            self.add(r)

    def add(self, r: Ref) -> None:
        if r.type in self.types:
            count = self.counts[r.entity] = self.counts.get(r.entity, 0) + 1
            if count >= self.top:         # the latest of the most named, as main_ref
                self.best, self.top = r, count

    def best_with(self, more: Iterable[Ref]) -> Ref | None:
        """The best once `more` is added, leaving the tally as it is: main_ref(tallied + more)."""
        counts: dict[str, int] = {}
        best, top = self.best, self.top
        for r in more:
            if r.type in self.types:
                count = counts[r.entity] = counts.get(r.entity, self.counts.get(r.entity, 0)) + 1
                if count >= top:
                    best, top = r, count
        return best


def story_start(starts: list[int], at: int) -> int:
    """Start of the story holding offset `at`, e.g. story_start([0, 120], 130) -> 120."""
    i = bisect.bisect_right(starts, at)
    return starts[i - 1] if i else 0


def mask_sentence(sentence: Sentence, refs: list[Ref]) -> Masked:
    """The sentence with each Ref inside it replaced by one placeholder, quotes dropped.

    Example: '甲局约谈乙公司' with two refs -> '\\ue000约谈\\ue001'.
    """
    declared = [(sentence.start + m.start(), sentence.start + m.end())
                for m in _DECLARATION.finditer(sentence.text)] if "称" in sentence.text else []
    inside = []
    last_end = sentence.start
    # by index, not a slice: copying the rest of the document's refs per sentence is quadratic
    for i in range(bisect.bisect_left(refs, sentence.start, key=_start), len(refs)):
        r = refs[i]
        if r.start >= sentence.end:
            break
        if r.end <= sentence.end and r.start >= last_end and not any(a <= r.start < b for a, b in declared):
            inside.append(r)
            last_end = r.end
    # Cut out each ref, for its placeholder, and each quote and declared short name outside
    # them, for nothing; a ref comes before a quote starting where it does.
    base, text = sentence.start, sentence.text
    cuts = [(r.start, r.end, chr(PLACEHOLDER_BASE + i)) for i, r in enumerate(inside)]
    cuts += [(base + m.start(), base + m.end(), "") for m in QUOTE_MARKS.finditer(text)]
    cuts += [(a, b, "") for a, b in declared]
    cuts.sort(key=lambda cut: (cut[0], -cut[1]))
    out: list[str] = []
    offsets: list[int] = []         # each character of a cut maps to what replaces it
    pos = base
    length = 0
    for start, end, replacement in cuts:
        if end <= pos:
            continue
        start = max(start, pos)     # the rest of a short name a ref overlaps
        offsets.extend(range(length, length + start - pos))
        out.append(text[pos - base:start - base])
        length += start - pos
        offsets.extend([length] * (end - start))
        out.append(replacement)
        length += len(replacement)
        pos = end
    offsets.extend(range(length, length + sentence.end - pos + 1))     # the rest, and the end
    out.append(text[pos - base:])
    return Masked("".join(out), tuple(inside), tuple(offsets))


def _start(r: Ref) -> int:
    return r.start


def coordinated(masked: Masked, ref: Ref) -> list[Ref]:
    """`ref` and the names coordinated with it (甲局、乙局和丙局), in order."""
    at = masked.position(ref)
    for m in LIST_RE.finditer(masked.text):
        if m.start() <= at < m.end():
            return [r for r in masked.refs_in(m.group()) if r.type == ref.type] or [ref]
    return [ref]


def implicit_subject(masked: Masked, before: int, fits: tuple[str, ...]) -> Ref | None:
    """The nearest name before masked position `before` that is a clause subject of a fitting type.

    A name right after a preposition (向X, 为X, 从X) or right before 的 or 下属 (X下属企业:
    it describes the noun after it) is not a subject, nor are the names of a relative clause
    (甲、乙参加的银团，与丙签约: the syndicate signs).
    """
    for i in range(len(masked.refs) - 1, -1, -1):
        at = masked.text.find(chr(PLACEHOLDER_BASE + i))
        if at < 0 or at >= before or masked.refs[i].type not in fits:
            continue
        if after_preposition(masked, at) or masked.text.startswith(MODIFIER_AFTER, at + 1) \
                or _relative().match(masked.text, _list_end(masked, at)):
            continue
        return masked.refs[i]
    return None


@lru_cache(maxsize=None)
def _relative() -> re.Pattern:
    """A verb and 的 ending a relative clause on a short noun before a comma: 参加的银团， (not
    对企业的保费给予补助，: a preposition's phrase)."""
    prepositions = "|".join(map(re.escape, load_words("relation_prepositions.txt")))
    return regex(rf"(?!{prepositions})[{CJK}]{{1,4}}的[{CJK}]{{1,4}}[，,]")


def _list_end(masked: Masked, at: int) -> int:
    """Masked position just after the list that the name at `at` is in (or after the name)."""
    for m in LIST_RE.finditer(masked.text, max(0, at - 40)):
        if m.start() > at:
            break
        if at < m.end():
            return m.end()
    return at + 1


MODIFIER_AFTER = ("的", "下属", "所属", "旗下", "直属")


def after_preposition(masked: Masked, at: int) -> bool:
    """True when the name at masked position `at`, or the list it ends (向甲、乙和丙), follows a
    preposition such as 向/为/与."""
    head = at
    for m in LIST_RE.finditer(masked.text, max(0, at - 40), at + 1):
        if m.start() <= at < m.end():
            head = m.start()
            break
    return bool(preposition_regex().search(masked.text[max(0, head - 4):head]))


# ---------------------------------------------------------------- relations


def row_head(masked: Masked) -> Ref | None:
    """The body that heads a numbered row of a list (1.甲公司（乙区）：…, or after the row's place:
    1.丙市：甲公司…), else None."""
    m = ROW_NUMBER.match(masked.text)
    if m is None or m.end() >= len(masked.text) or not masked.refs_in(masked.text[m.end()]):
        return None
    at = m.end()
    ref = masked.refs_in(masked.text[at])[0]
    if ref.type == EntityType.PLACE and masked.text[at + 1:at + 2] in ("：", ":") \
            and masked.refs_in(masked.text[at + 2:at + 3]):
        at += 2
        ref = masked.refs_in(masked.text[at])[0]
    following = masked.text[at + 1:at + 2]
    # 1.甲公司乙项目，补助资金…: a company heads the row of its project too.
    project = following and masked.refs_in(following) and masked.refs_in(following)[0].type == EntityType.PROJECT
    return ref if ref.type in ORG_TYPES and following and (following in ROW_HEAD_END or project) else None


# A phrase that modifies the name after it: (由甲公司建设)、乙公司承建的丙项目.
_MODIFIES = regex(rf"[^\ue000-\uf8ff。；;，,]{{0,8}}(?:{PH}[^\ue000-\uf8ff。；;，,]{{0,6}})?的({PH})")


def project_of_phrase(masked: Masked, start: int, end: int, fallback: Ref | None) -> Ref | None:
    """The project a phrase from masked `start` to `end` tells of: the one it modifies (由甲公司
    投资建设的乙项目), else the last one named before it, else `fallback`."""
    after = _MODIFIES.match(masked.text, end)
    modified = masked.refs_in(after.group(1))[0] if after else None
    if modified is not None and modified.type == EntityType.PROJECT:
        return modified
    for i in range(len(masked.refs) - 1, -1, -1):
        if masked.refs[i].type == EntityType.PROJECT and masked.text.find(chr(PLACEHOLDER_BASE + i)) < start:
            return masked.refs[i]
    return fallback


_ABOUT = "关于"
# 甲银行与乙公司债权转让暨债务催收联合公告: a debt notice's title after its bodies.
_DEBT_NOTICE = regex(r"(?:债权转让|债务催收|催收)[^\n，。；！？]{0,24}?公告(?![书栏])")


def title_issuers(text: str, names: list[Ref]) -> list[Ref]:
    """The bodies a document's title line opens with, up to its 关于 (甲局 乙局关于…的通知) or a
    debt notice's words (甲银行与乙公司债权转让暨债务催收联合公告): the issuers of the notice, in
    order; none when the first line does not open so."""
    out, at = [], 0
    for r in names:
        gap = text[at:r.start]
        if gap.strip(" \t与和") or (out and "\n" in gap) or r.type not in ORG_TYPES:
            return []
        out.append(r)
        at = r.end
        if text.startswith(_ABOUT, at) or _DEBT_NOTICE.match(text, at):
            return out
    return []
