"""The clause layer: names and references in the text, masked sentences, stories, speaker turns.

Each sentence is rewritten with one placeholder character per name (`mask_sentence`), so that
rules read like the Chinese they match. References such as 该公司 / 该局 / 企业 are resolved to
the nearest fitting name before them (`find_refs`) and masked like names. A headline or byline
paragraph starts a new story; a label line (张三（甲局局长）：) starts a speaker's turn.
"""
from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from .layout import ROW_HEAD_END, ROW_NUMBER, turn_labels
from ..lexicon import load_table, load_words
from ..model import ORG_TYPES, Entity, EntityType, Mention, Sentence
from .normalize import CJK
from .resolve import QUOTES

PLACEHOLDER_BASE = 0xE000          # Unicode private use area: never in news text
PH = "[\ue000-\uf8ff]"           # one placeholder
# Coordinated names; an item may carry a short tail outside its mention (“甲”单车、乙单车).
# 甲局会同乙局约谈: bodies that act together are one list.
LIST = rf"{PH}(?:[{CJK}]{{0,2}}?(?:、|和|及|以及|会同){PH})*"
LIST_RE = re.compile(LIST)
_QUOTE_CHARS = frozenset("“”‘’\"「」『』《》")
_QUOTES = re.compile(f"[{re.escape(QUOTES)}]")
DEMONSTRATIVE_WINDOW = 1000
BARE_WINDOW = 300
# What may stand between a name that ends a clause and a bare 公司 opening the next one.
CLAUSE_CLOSE = re.compile(r"[”\"’]?[)）]?[，,。]")
# A bare 企业/公司 is a reference only when it stands alone: not 小微企业, not 企业家.
_BARE_BEFORE = set("为向对给让使帮助该与和及、，,。：:“（( \n") | {""}
# A quote that ends a sentence (…。”公司经理说) also leaves 公司 standing alone; “小巨人”企业 does not.
_QUOTE_END = re.compile("[。！？!?…]”\n?$")
_BARE_AFTER = set("家们等界群间类性化主师款部组业")
# 小微企业, 行业企业: the bare word that also ends class nouns (公司 and 项目 more often end names
# that are not recognised: 甲分公司的仓库里，分公司经理…).
_CLASS_WORD = "企业"
# 甲供电公司已为该企业减免电费。该公司…: a body that serves the one a reference names is not it.
_SERVES_REFERENCE = re.compile(r"[^，,。；;！？!?]{0,12}?(?:为|向|给|帮助|帮)(?:该|这家)(?:企业|公司)")
CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")

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
def pronoun_table() -> tuple[tuple[str, tuple[str, ...], str, str], ...]:
    rows = load_table("relation_pronouns.tsv", 5, 4)
    return tuple((form, tuple(t.split(",")), ending, scope, tuple(w for w in banned.split(",") if w))
                 for form, t, ending, scope, banned in rows)


@lru_cache(maxsize=None)
def pronoun_regex() -> re.Pattern:
    forms = sorted((row[0] for row in pronoun_table()), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms)))


@lru_cache(maxsize=None)
def preposition_regex() -> re.Pattern:
    words = sorted(load_words("relation_prepositions.txt"), key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + ")$")



# ---------------------------------------------------------------- references

def name_refs(mentions: list[Mention], entities: list[Entity]) -> list[Ref]:
    """A Ref for each resolved mention, typed as its entity, in text order."""
    types = {e.label: e.type for e in entities}
    refs = [Ref(m.start, m.end, m.entity, types.get(m.entity, m.type)) for m in mentions if m.entity]
    return sorted(refs, key=lambda r: (r.start, -r.end))


def find_refs(text: str, names: list[Ref], starts: list[int],
              turns: list[tuple[int, Ref | None]]) -> list[Ref]:
    """The names plus the references (该公司, 企业…) tied to the nearest fitting name before,
    within the story (`starts`, see layout.story_starts) or the speaker's turn (`turns`).

    Example: in 'A公司…该公司副总经理张伟', 该公司 becomes a Ref to A公司.
    """
    references = _References(text, names, starts, turns)
    for m in pronoun_regex().finditer(text):
        references.resolve(m)
    return sorted(names + references.found, key=lambda r: (r.start, -r.end))


class _References:
    """Resolves the references of a text one by one, in text order (find_refs)."""

    def __init__(self, text: str, names: list[Ref], starts: list[int], turns):
        self.text, self.names, self.starts, self.turns = text, names, starts, turns
        self.name_starts = [r.start for r in names]
        self.reach = list(itertools.accumulate((r.end for r in names), max))   # furthest end so far
        self.table = {row[0]: row for row in pronoun_table()}
        self.found: list[Ref] = []

    def resolve(self, m: re.Match) -> None:
        before = bisect.bisect_left(self.name_starts, m.end())
        if before and self.reach[before - 1] > m.start():
            return        # inside a name: 甲单车公司
        _, fits, ending, scope, banned = self.table[m.group()]
        if scope == "bare" and not self.stands_alone(m):
            return
        if scope == "speaker":
            # 我们 in a transcript: the body of the speaker whose turn holds it; with no turns,
            # a body's own word outside quotes (甲局行政处罚决定书…我局依法对乙公司) is the body the text opens with.
            antecedent = speaker_at(self.turns, m.start()) if self.turns else \
                self.opener() if ending and not self.quoted(m.start()) else None
            if antecedent is not None and _fits(antecedent, fits, ending):
                self.found.append(Ref(m.start(), m.end(), antecedent.entity, antecedent.type, True))
            return
        antecedent = self.antecedent(m, before, fits, ending, scope, banned)
        if antecedent is not None:
            self.found.append(Ref(m.start(), m.end(), antecedent.entity, antecedent.type, True,
                                  scope == "bare"))

    def opener(self) -> Ref | None:
        """The name the text opens with (its first characters but blanks), if any."""
        first = self.names[0] if self.names else None
        return first if first is not None and not self.text[:first.start].strip() else None

    def quoted(self, at: int) -> bool:
        """Whether offset `at` is inside a quotation (“…”): someone's words, not the text's."""
        return self.text.rfind("“", 0, at) > self.text.rfind("”", 0, at)

    def stands_alone(self, m: re.Match) -> bool:
        """A bare 企业/公司 is a reference only alone: not 小微企业, not 企业家."""
        text = self.text
        return ((text[m.start() - 1:m.start()] in _BARE_BEFORE
                 or bool(_QUOTE_END.search(text, max(0, m.start() - 3), m.start())))
                and text[m.end():m.end() + 1] not in _BARE_AFTER)

    def antecedent(self, m: re.Match, before: int, fits, ending: str, scope: str, banned) -> Ref | None:
        """该公司 is the nearest fitting name; a bare 企业 is the company the story is about;
        我公司 in a notice is the body that opens it."""
        window = BARE_WINDOW if scope == "bare" else DEMONSTRATIVE_WINDOW
        earliest = max(m.start() - window, story_start(self.starts, m.start()))
        lo = bisect.bisect_left(self.name_starts, earliest)
        # A name in the reference's own clause is another party (甲银行向该公司发放), not its antecedent.
        limit = clause_start(self.text, m.start())
        candidates = [r for r in self.names[lo:before] if r.end <= limit and _fits(r, fits, ending)
                      and not any(w in r.entity for w in banned)]
        if scope == "demonstrative":
            # 协调甲公司开辟通道。…该企业: a body asked to help is not the story's topic.
            go_between = load_words("relation_go_between_verbs.txt")
            candidates = [r for r in candidates if not self.text.endswith(go_between, 0, r.start)
                          and not _SERVES_REFERENCE.match(self.text, r.end)] or candidates
        if scope == "bare":
            return self._bare_antecedent(m, candidates, earliest, limit, fits, ending)
        if not candidates:
            return None
        if scope == "first":
            return candidates[0]
        # 甲分行…乙支行…。\n针对小微企业，该行推出…: a paragraph that names no bank before the
        # reference goes on with the story's main bank, not the branch named last.
        paragraph = self.text.rfind("\n", 0, m.start()) + 1
        if scope == "demonstrative" and ending.endswith("行") and candidates[-1].start < paragraph:
            return main_ref(candidates, fits) or candidates[-1]
        return candidates[-1]

    def _bare_antecedent(self, m: re.Match, candidates: list[Ref], earliest: int, limit: int, fits,
                         ending: str) -> Ref | None:
        """What a bare 企业/公司/项目 refers to: the company the clause before ends with, else
        the main fitting body of its paragraph, else of the story."""
        if candidates and CLAUSE_CLOSE.fullmatch(self.text, candidates[-1].end, m.start()):
            return candidates[-1]     # 察看了甲公司，公司总经理… / 来到甲公司（以下简称“甲”）。公司…: the clause before ends with it
        if m.group() == _CLASS_WORD and self._class_before(m):
            return None
        # References already resolved count too: 工程…工程…为项目 is the project of the story.
        # found is in text order: only its refs since `earliest` are read, not all of them
        candidates = candidates + [f for f in self.found[bisect.bisect_left(self.found, earliest, key=_start):]
                                   if f.end <= limit and _fits(f, fits, ending)]
        candidates.sort(key=_start)
        # A paragraph that names a fitting body is about it (在甲公司…。\n调研组来到乙公司。公司…).
        paragraph = self.text.rfind("\n", 0, m.start()) + 1
        return main_ref([r for r in candidates if r.start >= paragraph] or candidates, fits)

    def _class_before(self, m: re.Match) -> bool:
        """对特困行业企业实施缓缴，已为企业缓缴…: the word ending a class noun earlier in the sentence
        (行业企业, 小微企业: not a name, not alone) makes the bare 企业 that class again."""
        start = max(0, self.text.rfind("。", 0, m.start()) + 1)
        for c in re.finditer(re.escape(m.group()), self.text[start:m.start()]):
            at = start + c.start()
            inside = bisect.bisect_right(self.name_starts, at)
            if not (inside and self.reach[inside - 1] > at) and self.text[at - 1:at] not in _BARE_BEFORE \
                    and self.text[at + len(m.group()):at + len(m.group()) + 1] not in _BARE_AFTER:
                return True
        return False


def _fits(ref: Ref, types, ending: str) -> bool:
    """The ending is read without a legal form: 甲集团有限公司 is 该集团, 甲银行股份有限公司 该行."""
    return ref.type in types and (not ending or LEGAL_FORM_END.sub("", ref.entity).endswith(ending))


LEGAL_FORM_END = re.compile("(?:股份有限公司|有限责任公司|有限公司)$")


def speaker_turns(text: str, refs: list[Ref]) -> list[tuple[int, Ref | None]]:
    """(offset where a turn starts, body of its speaker or None) for each turn label of a
    transcript: 张三（甲局副局长）： names the body; a later 张三： takes the body named before;
    主持人： or 记者： opens a turn without one."""
    out: list[tuple[int, Ref | None]] = []
    known: dict[str, Ref] = {}
    for start, end in turn_labels(text):
        inside = [r for r in refs if start <= r.start and r.end <= end and not r.pronoun]
        person = next((r for r in inside if r.type == "Person"), None)
        org = next((r for r in inside if r.type in ORG_TYPES), None)
        if person is not None and org is not None:
            known[person.entity] = org
        elif person is not None:
            org = known.get(person.entity)
        out.append((end, org))
    return out


def speaker_at(turns: list[tuple[int, Ref | None]], at: int) -> Ref | None:
    """Body of the speaker whose turn holds offset `at` (None outside turns)."""
    i = bisect.bisect_right([start for start, _ in turns], at)
    return turns[i - 1][1] if i else None


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
    inside = []
    last_end = sentence.start
    # by index, not a slice: copying the rest of the document's refs per sentence is quadratic
    for i in range(bisect.bisect_left(refs, sentence.start, key=_start), len(refs)):
        r = refs[i]
        if r.start >= sentence.end:
            break
        if r.end <= sentence.end and r.start >= last_end:
            inside.append(r)
            last_end = r.end
    out: list[str] = []
    offsets: list[int] = []
    pos = sentence.start
    length = 0
    for i, r in enumerate(inside):
        length = _copy_plain(sentence, pos, r.start, out, offsets, length)
        offsets.extend([length] * (r.end - r.start))
        out.append(chr(PLACEHOLDER_BASE + i))
        length += 1
        pos = r.end
    length = _copy_plain(sentence, pos, sentence.end, out, offsets, length)
    offsets.append(length)
    return Masked("".join(out), tuple(inside), tuple(offsets))


def _start(r: Ref) -> int:
    return r.start


def _copy_plain(sentence: Sentence, start: int, end: int, out: list[str],
                offsets: list[int], length: int) -> int:
    chunk = sentence.text[start - sentence.start:end - sentence.start]
    kept = _QUOTES.sub("", chunk)
    if len(kept) == len(chunk):
        offsets.extend(range(length, length + len(chunk)))
    else:
        position = length
        for ch in chunk:
            offsets.append(position)
            position += ch not in _QUOTE_CHARS
    out.append(kept)
    return length + len(kept)


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
    return re.compile(rf"(?!{prepositions})[{CJK}]{{1,4}}的[{CJK}]{{1,4}}[，,]")


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
    """The body that heads a numbered row of a list (1.甲公司（乙区）：…), else None."""
    m = ROW_NUMBER.match(masked.text)
    if m is None or m.end() >= len(masked.text) or not masked.refs_in(masked.text[m.end()]):
        return None
    ref = masked.refs_in(masked.text[m.end()])[0]
    following = masked.text[m.end() + 1:m.end() + 2]
    return ref if ref.type in ORG_TYPES and following and following in ROW_HEAD_END else None


# A phrase that modifies the name after it: (由甲公司建设)、乙公司承建的丙项目.
_MODIFIES = re.compile(rf"[^\ue000-\uf8ff。；;，,]{{0,8}}(?:{PH}[^\ue000-\uf8ff。；;，,]{{0,6}})?的({PH})")


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


def title_issuers(text: str, names: list[Ref]) -> list[Ref]:
    """The bodies a document's title line opens with, up to its 关于 (甲局 乙局关于…的通知):
    the issuers of the notice, in order; none when the first line does not open so."""
    out, at = [], 0
    for r in names:
        gap = text[at:r.start]
        if gap.strip() or (out and "\n" in gap) or r.type not in ORG_TYPES:
            return []
        out.append(r)
        at = r.end
        if text.startswith(_ABOUT, at):
            return out
    return []
