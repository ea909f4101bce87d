"""References: 该公司 / 该局 / 企业 / 我局 resolved to the name they stand for, and the speaker turns
of a transcript (张三（甲局副局长）：) whose bodies 我们 refers to.

A demonstrative (该公司) is the nearest fitting name before it in its story; a bare 企业/公司 is
the company its story or paragraph is about; 我局 is the body of the speaker's turn, or the body
a decision opens with. The analysis (kg.extract.analysis) reads them once per document.
"""
from __future__ import annotations

import bisect
import itertools
import re
from functools import lru_cache
from operator import attrgetter

from .clause import CLAUSE_CLOSE, LEGAL_FORM_END, Ref, clause_start, main_ref, story_start
from .layout import turn_labels
from ..cache import regex
from ..lexicon import load_table, load_words
from ..model import ORG_TYPES

DEMONSTRATIVE_WINDOW = 1000
BARE_WINDOW = 300
# A bare 企业/公司 is a reference only when it stands alone: not 小微企业, not 企业家.
_BARE_BEFORE = set("为向对给让使帮助该与和及、，,。；;：:“（( \n") | {""}
# A quote that ends a sentence (…。”公司经理说) also leaves 公司 standing alone; “小巨人”企业 does not.
_QUOTE_END = regex("[。！？!?…]”\n?$")
_BARE_AFTER = set("家们等界群间类性化主师款部组业单")
# 小微企业, 行业企业: the bare word that also ends class nouns (公司 and 项目 more often end names
# that are not recognised: 甲分公司的仓库里，分公司经理…).
_CLASS_WORD = "企业"
_SENTENCE_END = regex("[。！？!?\n]")
# 在甲分行的(大力)支持下: the help that frames a clause.
_HELPED_BY = regex(r"的?[^，,。；;]{0,4}?(?:支持|帮助|指导|协调|推动|协助)下")
# 甲供电公司已为该企业减免电费。该公司…: a body that serves the one a reference names is not it.
_SERVES_REFERENCE = regex(r"[^，,。；;！？!?]{0,12}?(?:为|向|给|帮助|帮)(?:该|这家)(?:企业|公司)")


def pronoun_table() -> tuple[tuple[str, tuple[str, ...], str, str], ...]:
    rows = load_table("relation_pronouns.tsv", 5, 4)
    return tuple((form, tuple(t.split(",")), ending, scope, tuple(w for w in banned.split(",") if w))
                 for form, t, ending, scope, banned in rows)


@lru_cache(maxsize=None)
def pronoun_regex() -> re.Pattern:
    forms = sorted((row[0] for row in pronoun_table()), key=len, reverse=True)
    return regex("|".join(map(re.escape, forms)))


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
            # 在甲分行的支持下，该行…: a body whose help frames the clause is not the one acting
            candidates = [r for r in candidates if not self.text.endswith(go_between, 0, r.start)
                          and not _SERVES_REFERENCE.match(self.text, r.end)
                          and not (self.text.endswith("在", 0, r.start) and _HELPED_BY.match(self.text, r.end))] \
                or candidates
        if scope == "bare":
            return self._bare_antecedent(m, candidates, earliest, limit, fits, ending)
        if not candidates:
            return None
        if scope == "first":
            return candidates[0]
        if scope == "demonstrative":
            return self._demonstrative_antecedent(m, candidates, earliest, fits, ending)
        return candidates[-1]

    def _demonstrative_antecedent(self, m: re.Match, candidates: list[Ref], earliest: int, fits,
                                  ending: str) -> Ref:
        """What 该行/该局 refers to: the body the form named earlier in its sentence (该行联合乙银行
        组建银团…，其中该行承贷7亿元); in a paragraph that names no fitting body before it, the
        story's main one, its references so far counted (甲分行…乙支行…。\n针对小微企业，该行推出…);
        else the fitting body named last."""
        again = self.said_in_sentence(m)
        if again is not None:
            return again
        paragraph = self.text.rfind("\n", 0, m.start()) + 1
        # 该行积极争取央行支持。…向该行发放: the paragraph's earlier 该行, when the bodies named since
        # are of another class, is the same body
        last = next((f for f in reversed(self.found) if self.text[f.start:f.end] == m.group()), None)
        if last is not None and last.start >= paragraph \
                and all(r.type != last.type for r in candidates if r.start > last.end):
            return last
        if candidates[-1].start < paragraph:
            told = [f for f in self.found if f.start >= earliest and _fits(f, fits, ending)]
            return main_ref(sorted(candidates + told, key=attrgetter("start")), fits) or candidates[-1]
        return candidates[-1]

    def said_in_sentence(self, m: re.Match) -> Ref | None:
        """The reference resolved last with the same form as `m` earlier in m's sentence."""
        last = next((f for f in reversed(self.found) if self.text[f.start:f.end] == m.group()), None)
        if last is None or _SENTENCE_END.search(self.text, last.end, m.start()):
            return None
        return last

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
        candidates = candidates + [f for f in self.found[bisect.bisect_left(self.found, earliest, key=attrgetter("start")):]
                                   if f.end <= limit and _fits(f, fits, ending)]
        candidates.sort(key=attrgetter("start"))
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
