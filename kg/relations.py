"""Relations between entities, from explicit cues in one sentence.

Each sentence is rewritten with one placeholder character per name (`mask_sentence`); the
cue templates of relation_cues.tsv are regular expressions over that string, so a rule reads
like the Chinese it matches: `{S}…约谈…{O}`. References such as 该公司 / 该局 / 企业 are
resolved to the nearest fitting name before them (`find_refs`) and masked like names.
worksFor comes from a post before a person's name; subOrganizationOf also from names
(X银行Y分行 belongs to X银行) and issued/develops from a program or project named after
its body (X局关于…的通知).
"""
from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import load_table, load_tagged, load_words
from .model import ORG_TYPES, Entity, Evidence, Mention, Relation, Sentence, Text
from .money import find_amounts, is_money
from .resolve import QUOTES

# Domain and range of each relation (schema.md); partnerOf is symmetric.
SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "subOrganizationOf": (ORG_TYPES, ORG_TYPES),
    "worksFor": (("Person",), ORG_TYPES),
    "issued": (("Agency", "Organization", "Company"), ("Program",)),
    "partnerOf": (ORG_TYPES, ORG_TYPES),
    "regulates": (("Agency",), ("Company", "Organization")),
    "develops": (ORG_TYPES, ("Project",)),
    "contractorOf": (("Company",), ("Project",)),
    "assists": (("Agency", "Organization"), ("Company", "Organization", "Project")),
    "supplies": (("Company",), ("Company",)),
}
PLACEHOLDER_BASE = 0xE000          # Unicode private use area: never in news text
_PH = "[\ue000-\uf8ff]"
# Coordinated names; an item may carry a short tail outside its mention (“甲”单车、乙单车).
# 甲局会同乙局约谈: bodies that act together are one list.
_LIST = rf"{_PH}(?:[\u4e00-\u9fff]{{0,2}}?(?:、|和|及|以及|会同){_PH})*"
_LIST_RE = re.compile(_LIST)
# A gap holds no name, except one that only modifies a noun (甲银行以乙公司的专利作质押向丙…),
# names the place of the act (甲与乙在丙中心签约) or stands in brackets (甲公司（乙区）：实施…).
_GAP = (rf"(?:[^\ue000-\uf8ff。；;！？!?]|{_PH}(?=的)|在[^\ue000-\uf8ff，,。；;！？!?]{{0,4}}{_PH}"
        rf"|(?<=[（(]){_PH}(?=[）)])){{0,15}}?")
_SHORT_GAP = rf"[^\ue000-\uf8ff，,。；;！？!?]{{0,8}}?"     # ‥ in a template: same clause
_QUOTE_CHARS = frozenset("“”‘’\"「」『』《》")
_QUOTES = re.compile(f"[{re.escape(QUOTES)}]")
DEMONSTRATIVE_WINDOW = 1000
BARE_WINDOW = 300
# A bare 企业/公司 is a reference only when it stands alone: not 小微企业, not 企业家.
_BARE_BEFORE = set("为向对给让使帮助该与和及、，,。：:“（( ") | {""}
# A quote that ends a sentence (…。”公司经理说) also leaves 公司 standing alone; “小巨人”企业 does not.
_QUOTE_END = re.compile("[。！？!?…]”\n?$")
_BARE_AFTER = set("家们等界群间类性化主师款部组业")
# Prepositions whose object is never a co-subject (unlike 与/和: 甲与乙共建).
_OBJECT_MARK = re.compile("(?:向|为|对|给|从|让|被|把|替|据)$")
_CLAUSE_END = re.compile(r"[，,；;：:。！？!?\n]")
_GO_BETWEEN_VERBS = ("协调", "联系", "对接")
# 甲管委会与乙公司签约丙项目 (and 总投资 told there or next): the company signed up develops it.
_SIGNED = re.compile(rf"({_PH})(?:与|和|同)({_PH})(?:正式|成功)?(?:签约|签订|签署)了?"
                     rf"[^\ue000-\uf8ff，,。；;！？!?]{{0,12}}?({_PH})")
_INVESTS = re.compile("投资")
# A short paragraph without a sentence end is a headline or byline: a new story starts there.
# Not a page number (— 1 —) nor a label that opens what follows (主持人：, 张三（甲局局长）：).
_HEADLINE = re.compile(r"(?m)^(?=[^\n]*?[\u4e00-\u9fff])[^\n。！？!?]{0,39}[^\n。！？!?：:]$")
# A speaker's turn in a transcript opens with a label line: 张三（甲局副局长）： or 张三：.
_TURN_LABEL = re.compile(r"(?m)^[^\n。！？!?：:]{1,40}[：:][ \t]*$")


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

    def refs_in(self, group: str) -> list[Ref]:
        return [self.refs[ord(ch) - PLACEHOLDER_BASE] for ch in group
                if PLACEHOLDER_BASE <= ord(ch) < PLACEHOLDER_BASE + len(self.refs)]


@lru_cache(maxsize=None)
def cue_templates() -> tuple[tuple[str, re.Pattern, bool, int], ...]:
    """(relation, compiled template, has explicit subject, cues needed) rows of relation_cues.tsv.

    Cues needed is a bit mask over cue_groups(): the template can only match a sentence with
    a word of each of those groups (cues_present), a cheap test that spares most sentences
    most templates."""
    groups = cue_groups()
    rows = []
    for relation, template in load_table("relation_cues.tsv", 2):
        needs = 0
        for words in required_words(template):
            needs |= 1 << groups.index(frozenset(words))
        rows.append((relation, compile_template(template), "{S}" in template, needs))
    return tuple(rows)


@lru_cache(maxsize=None)
def cue_groups() -> tuple[frozenset[str], ...]:
    """The distinct groups of words that the cue templates need (required_words)."""
    return tuple(dict.fromkeys(frozenset(words) for _, template in load_table("relation_cues.tsv", 2)
                               for words in required_words(template)))


@lru_cache(maxsize=None)
def cue_finder() -> tuple[re.Pattern, dict[str, int]]:
    """A regex for the longest cue word at a position, and for each word the bits of the groups
    it counts for: those holding it or a word it begins with (投资建设 is also 投资)."""
    groups = cue_groups()
    words = sorted(set().union(*groups), key=len, reverse=True)
    masks = {w: sum(1 << i for i, g in enumerate(groups) if w.startswith(tuple(g))) for w in words}
    return re.compile("|".join(map(re.escape, words)) or "(?!)"), masks


def cues_present(text: str) -> int:
    """Bit mask of the cue groups with a word in text; words may overlap (建设 in 投资建设)."""
    finder, masks = cue_finder()
    present = 0
    m = finder.search(text)
    while m is not None:
        present |= masks[m.group()]
        m = finder.search(text, m.start() + 1)
    return present


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


_CUE_CHARS = re.compile(r"[\u4e00-\u9fff]*")
_PLACEHOLDER = re.compile(r"\{[A-Z]\}")
_OPTIONAL = re.compile(r"[?*]|\{(?![A-Z]\})")


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


def compile_template(template: str) -> re.Pattern:
    """Regex for a cue template: '{S}…约谈…{O}' -> named placeholder lists with short gaps."""
    pattern = template.replace("…", _GAP).replace("‥", _SHORT_GAP)
    for role in ("S", "O", "P", "R", "F"):
        n = 0
        while "{%s}" % role in pattern:
            n += 1
            name = role if n == 1 else f"{role}_{n}"
            pattern = pattern.replace("{%s}" % role, f"(?P<{name}>{_LIST})", 1)
    return re.compile(pattern)


def role_refs(masked: Masked, m: re.Match, role: str) -> list[Ref]:
    """Refs captured by every group of `role` in a template match ({S}, and a second {S})."""
    out = []
    for name, value in m.groupdict().items():
        if value and (name == role or name.startswith(role + "_")):
            out.extend(masked.refs_in(value))
    return out


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


@lru_cache(maxsize=None)
def post_regex() -> re.Pattern:
    """A job title ending right before a name: optional unit words, then a post (督查科科长)."""
    posts = "|".join(map(re.escape, sorted(load_tagged("posts.tsv", "member"), key=len, reverse=True)))
    return re.compile(rf"(?:[\u4e00-\u9fffA-Za-z]{{0,8}}?(?:{posts})、)?"
                      rf"[\u4e00-\u9fffA-Za-z]{{0,8}}?(?:{posts})$")


@lru_cache(maxsize=None)
def unit_post_regex() -> re.Pattern:
    """A title made of a unit of a body and a post: 督查科科长, 信息工程学院院长."""
    posts = "|".join(map(re.escape, sorted(load_tagged("posts.tsv", "member"), key=len, reverse=True)))
    return re.compile(rf"[\u4e00-\u9fff]{{0,8}}?[科处室所部院组队站](?:{posts})")


@lru_cache(maxsize=None)
def branch_suffixes() -> tuple[str, ...]:
    return load_tagged("branch_heads.tsv", "unit")


# ---------------------------------------------------------------- references

def find_refs(text: Text, mentions: list[Mention], entities: list[Entity]) -> list[Ref]:
    """Resolved mentions plus references (该公司, 企业…) tied to the nearest fitting name before.

    Example: in 'A公司…该公司副总经理张伟', 该公司 becomes a Ref to A公司.
    """
    types = {e.label: e.type for e in entities}
    refs = [Ref(m.start, m.end, m.entity, types.get(m.entity, m.type))
            for m in mentions if m.entity]
    refs.sort(key=lambda r: (r.start, -r.end))
    ref_starts = [r.start for r in refs]
    reach = list(itertools.accumulate((r.end for r in refs), max))   # furthest end so far
    table = {row[0]: row for row in pronoun_table()}
    starts = story_starts(text.text)
    turns = speaker_turns(text.text, refs)
    found = []
    for m in pronoun_regex().finditer(text.text):
        before = bisect.bisect_left(ref_starts, m.end())
        if before and reach[before - 1] > m.start():
            continue      # inside a name: 青禾单车公司
        form, fits, ending, scope, banned = table[m.group()]
        if scope == "bare" and not ((text.text[m.start() - 1:m.start()] in _BARE_BEFORE
                                     or _QUOTE_END.search(text.text, max(0, m.start() - 3), m.start()))
                                    and text.text[m.end():m.end() + 1] not in _BARE_AFTER):
            continue
        window = BARE_WINDOW if scope == "bare" else DEMONSTRATIVE_WINDOW
        earliest = max(m.start() - window, story_start(starts, m.start()))
        lo = bisect.bisect_left(ref_starts, earliest)
        # A name in the reference's own clause is another party (甲银行向该公司发放), not its antecedent.
        limit = clause_start(text.text, m.start())
        candidates = [r for r in refs[lo:before] if r.end <= limit and r.type in fits
                      and (not ending or r.entity.endswith(ending))
                      and not any(w in r.entity for w in banned)]
        if scope == "demonstrative":
            # 协调甲公司开辟通道。…该企业: a body asked to help is not the story's topic.
            candidates = [r for r in candidates
                          if not text.text[:r.start].endswith(_GO_BETWEEN_VERBS)] or candidates
        # 该公司 is the nearest fitting name; a bare 企业 is the company the story is about;
        # 我公司 in a notice is the body that opens it.
        if scope == "speaker":
            # 我们 in a transcript: the body of the speaker whose turn holds it.
            antecedent = speaker_at(turns, m.start())
            if antecedent is not None and antecedent.type in fits and (
                    not ending or antecedent.entity.endswith(ending)):
                found.append(Ref(m.start(), m.end(), antecedent.entity, antecedent.type, True))
            continue
        if scope == "bare":
            # References already resolved count too: 工程…工程…为项目 is the project of the story.
            candidates += [f for f in found if f.start >= earliest and f.end <= limit
                           and f.type in fits and (not ending or f.entity.endswith(ending))]
            candidates.sort(key=_start)
            antecedent = main_ref(candidates, fits)
        else:
            antecedent = (candidates[0] if scope == "first" else candidates[-1]) if candidates else None
        if antecedent is None:
            continue
        found.append(Ref(m.start(), m.end(), antecedent.entity, antecedent.type, True, scope == "bare"))
    return sorted(refs + found, key=lambda r: (r.start, -r.end))


def speaker_turns(text: str, refs: list[Ref]) -> list[tuple[int, Ref | None]]:
    """(offset where a turn starts, body of its speaker or None) for each turn label of a
    transcript: 张三（甲局副局长）： names the body; a later 张三： takes the body named before;
    主持人： or 记者： opens a turn without one."""
    out: list[tuple[int, Ref | None]] = []
    known: dict[str, Ref] = {}
    for m in _TURN_LABEL.finditer(text):
        inside = [r for r in refs if m.start() <= r.start and r.end <= m.end() and not r.pronoun]
        person = next((r for r in inside if r.type == "Person"), None)
        org = next((r for r in inside if r.type in ORG_TYPES), None)
        if person is not None and org is not None:
            known[person.entity] = org
        elif person is not None:
            org = known.get(person.entity)
        out.append((m.end(), org))
    return out


def speaker_at(turns: list[tuple[int, Ref | None]], at: int) -> Ref | None:
    """Body of the speaker whose turn holds offset `at` (None outside turns)."""
    i = bisect.bisect_right([start for start, _ in turns], at)
    return turns[i - 1][1] if i else None


def clause_start(text: str, at: int) -> int:
    """Offset where the clause holding `at` starts, e.g. clause_start('甲，乙向该公司', 3) -> 2."""
    window = max(0, at - 200)
    ends = [m.end() for m in _CLAUSE_END.finditer(text, window, at)]
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


def story_starts(text: str) -> list[int]:
    """Offsets where a story starts: after each headline or byline paragraph."""
    return [m.end() for m in _HEADLINE.finditer(text)]


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
    for r in refs[bisect.bisect_left(refs, sentence.start, key=_start):]:
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
    at = masked.text.find(chr(PLACEHOLDER_BASE + masked.refs.index(ref)))
    for m in _LIST_RE.finditer(masked.text):
        if m.start() <= at < m.end():
            return [r for r in masked.refs_in(m.group()) if r.type == ref.type] or [ref]
    return [ref]


def implicit_subject(masked: Masked, before: int, fits: tuple[str, ...]) -> Ref | None:
    """The nearest name before masked position `before` that is a clause subject of a fitting type.

    A name right after a preposition (向X, 为X, 从X) or right before 的 is not a subject.
    """
    for i in range(len(masked.refs) - 1, -1, -1):
        at = masked.text.find(chr(PLACEHOLDER_BASE + i))
        if at < 0 or at >= before or masked.refs[i].type not in fits:
            continue
        if after_preposition(masked, at) or masked.text[at + 1:at + 2] == "的":
            continue
        return masked.refs[i]
    return None


def after_preposition(masked: Masked, at: int) -> bool:
    """True when the name at masked position `at`, or the list it ends (向甲、乙和丙), follows a
    preposition such as 向/为/与."""
    head = at
    for m in _LIST_RE.finditer(masked.text, max(0, at - 40), at + 1):
        if m.start() <= at < m.end():
            head = m.start()
            break
    return bool(preposition_regex().search(masked.text[max(0, head - 4):head]))


# ---------------------------------------------------------------- relations

def find_relations(doc_id: str, text: Text, sentences: list[Sentence], mentions: list[Mention],
                   entities: list[Entity]) -> list[Relation]:
    """Relations stated in the document, one per (type, subject, object, sentence).

    Example: '甲区执法局约谈乙公司、丙公司' -> two regulates relations with that sentence as evidence.
    """
    refs = find_refs(text, mentions, entities)
    governments = place_governments(entities)
    ref_starts = [r.start for r in refs]
    starts = story_starts(text.text)
    out: dict[tuple, Relation] = {}

    def add(kind: str, subject: Ref | Entity, obj: Ref | Entity, ev: Evidence, title=None):
        if kind == "assists" and subject.type == "Place" and _label(subject) in governments:
            subject = governments[_label(subject)]      # 甲市将为项目提供服务: its government acts
        s_label, o_label = _label(subject), _label(obj)
        domain, range_ = SIGNATURES[kind]
        if s_label == o_label or subject.type not in domain or obj.type not in range_:
            return
        if kind == "partnerOf" and o_label < s_label:
            s_label, o_label = o_label, s_label
        key = (kind, s_label, o_label)
        if key not in out or (title and not out[key].job_title):
            out[key] = Relation(kind, s_label, o_label, ev, title)

    for index, sentence in enumerate(sentences):
        first = bisect.bisect_left(ref_starts, sentence.start)
        if first == len(refs) or refs[first].start >= sentence.end:
            continue
        masked = mask_sentence(sentence, refs)
        ev = Evidence(doc_id, sentence.text, sentence.start, sentence.end)
        since = bisect.bisect_left(ref_starts, story_start(starts, sentence.start))
        earlier = [r for r in refs[since:first] if not r.pronoun]
        for person, org, title in find_posts(masked, earlier):
            add("worksFor", person, org, ev, title)
        protagonist = main_ref(earlier, ("Company",))
        project = next((r for r in reversed(earlier) if r.type == "Project"), None)
        for kind, subject, obj in match_cues(masked, protagonist, project):
            add(kind, subject, obj, ev)
        following = sentences[index + 1] if index + 1 < len(sentences) and story_start(
            starts, sentences[index + 1].start) == story_start(starts, sentence.start) else None
        for subject, obj in signed_developers(masked, sentence.text + (following.text if following else "")):
            add("develops", subject, obj, ev)
    for kind, subject, obj, ref in relations_from_names(entities, refs):
        sentence = next((s for s in sentences if s.start <= ref.start < s.end), None)
        if sentence is not None:
            add(kind, subject, obj, Evidence(doc_id, sentence.text, sentence.start, sentence.end))
    # A supply contract is not a partnership.
    return [r for key, r in out.items() if not (key[0] == "partnerOf" and (
        ("supplies", key[1], key[2]) in out or ("supplies", key[2], key[1]) in out))]


def signed_developers(masked: Masked, context: str) -> list[tuple[Ref, Ref]]:
    """(company, project) for a project signed between a body and one company, when `context`
    (the sentence and the next) states an investment: 甲区政府与乙公司签约丙项目。项目总投资5亿元
    -> (乙公司, 丙项目)."""
    if not _INVESTS.search(context):
        return []
    out = []
    for m in _SIGNED.finditer(masked.text):
        pair = masked.refs_in(m.group(1) + m.group(2))
        project = masked.refs_in(m.group(3))[0]
        companies = [r for r in pair if r.type == "Company"]
        if project.type == "Project" and len(companies) == 1:
            out.append((companies[0], project))
    return out


def place_governments(entities: list[Entity]) -> dict[str, Entity]:
    """Place label -> the document's agency named 'place + 人民政府' (东宁市 -> 东宁市人民政府)."""
    agencies = {e.label: e for e in entities if e.type == "Agency"}
    return {e.label: agencies[e.label + "人民政府"] for e in entities
            if e.type == "Place" and e.label + "人民政府" in agencies}


def _label(x: Ref | Entity) -> str:
    return x.entity if isinstance(x, Ref) else x.label


def match_cues(masked: Masked, protagonist: Ref | None = None,
               project: Ref | None = None) -> list[tuple[str, Ref, Ref]]:
    """(relation, subject, object) for every cue template matching the masked sentence.

    A template without {S} takes the clause subject (and the names coordinated with it); one
    without {O} takes `protagonist`, the company the story is about (得到甲局的支持), or for a
    relation to a project the project named last before it (`project`: the story's last one).
    """
    found = []
    go_betweens = set()
    present = cues_present(masked.text)
    for kind, pattern, explicit, needs in cue_templates():
        if needs & present != needs:
            continue
        for m in pattern.finditer(masked.text):
            if kind == "assists" and _names_money(masked, m):
                continue      # a sum paid or waived is a funding, not non-monetary help
            if "O" in pattern.groupindex:
                objects = role_refs(masked, m, "O")
            elif SIGNATURES[kind][1] == ("Project",):
                objects = [r for r in [latest_project(masked, m.start(), project)] if r]
            else:
                objects = [protagonist] if protagonist else []
            if explicit:
                subjects = role_refs(masked, m, "S")
                if m.start("S") == m.start() and _OBJECT_MARK.search(masked.text[:m.start()]):
                    continue      # 向甲、为乙: the object of a preposition is not the one who acts
            else:
                subject = implicit_subject(masked, m.start() + 1, SIGNATURES[kind][0])
                subjects = coordinated(masked, subject) if subject else []
            if kind == "assists" and subjects and _generic_help(masked, subjects[-1], m.end(), objects):
                continue
            found.extend((kind, s, o) for s in subjects for o in objects)
            go_betweens.update((kind, s.entity, f.entity)
                               for s in subjects for f in role_refs(masked, m, "F"))
            if kind in ("develops", "partnerOf") and len(subjects) > 1 \
                    and any(o.type in SIGNATURES[kind][1] for o in objects):
                # 甲与乙共建丙: the co-subjects are partners too.
                found.extend(("partnerOf", a, b) for a in subjects for b in subjects if a != b)
    return [(kind, s, o) for kind, s, o in found if (kind, s.entity, o.entity) not in go_betweens]


# Help that a template finds but that is no help to one party: a class of bodies helping
# enterprises at large (甲局、乙局等部门…帮助企业), or what two partners agree to offer
# (甲与乙签署协议，为丙等企业提供…: the agreement is a partnerOf).
_GENERIC_SUBJECT = re.compile(rf"^{_PH}等(?:部门|单位|机构|多个部门|相关部门)")
_AGREEMENT = re.compile("签署|签订|签约|协议")


def _generic_help(masked: Masked, subject: Ref, end: int, objects: list[Ref]) -> bool:
    """True when the help from `subject` up to masked position `end` is generic help or an
    agreement's offer (see _GENERIC_SUBJECT)."""
    at = masked.text.find(chr(PLACEHOLDER_BASE + masked.refs.index(subject)))
    after_subject = masked.text[at:max(end, at + 1)]
    return bool(_AGREEMENT.search(after_subject) or (
        _GENERIC_SUBJECT.match(after_subject) and all(o.bare for o in objects)))


def latest_project(masked: Masked, before: int, fallback: Ref | None) -> Ref | None:
    """The last project named before masked position `before`, else `fallback`."""
    for i in range(len(masked.refs) - 1, -1, -1):
        if masked.refs[i].type == "Project" and masked.text.find(chr(PLACEHOLDER_BASE + i)) < before:
            return masked.refs[i]
    return fallback


def _names_money(masked: Masked, m: re.Match) -> bool:
    """True when the clause the match starts in states a sum of money (甲为乙办理退税500万元;
    not 在甲的帮助下，乙获得500万元)."""
    end = _CLAUSE_END.search(masked.text, m.start())
    span = masked.text[m.start():end.start() if end else len(masked.text)]
    return any(is_money(a, span) for a in find_amounts(span))


# A title of a village or township's own body (村党支部书记, 社区居委会主任) is no unit of the
# story's main organisation.
_OWN_BODY_TITLES = ("村", "社区", "镇", "乡", "街道")


def find_posts(masked: Masked, earlier: list[Ref]) -> list[tuple[Ref, Ref, str | None]]:
    """(person, organisation, job title) for each person named right after a post.

    The organisation is the name right before the title (X局副局长张三, 该公司经理李四, or no
    title: X公司张三); a title made of a unit and a post (督查科科长, 消毒所副所长) takes the
    nearest body named before it in the sentence or, failing that, in `earlier` (the story).
    """
    out = []
    for i, person in enumerate(masked.refs):
        if person.type != "Person":
            continue
        at = masked.text.find(chr(PLACEHOLDER_BASE + i))
        while at > 0 and masked.text[at - 1] in "\n ":
            at -= 1           # a line broken inside the title (董事长\n张三)
        before = masked.text[max(0, at - 20):at]
        m = post_regex().search(before)
        title = m.group() if m else None
        head = at - len(title) if title else at
        if title and masked.text[head - 1:head] in "）)":
            # X公司（以下简称“X”）董事长张三: the body stands before the parenthesis.
            opening = max(masked.text.rfind("（", 0, head), masked.text.rfind("(", 0, head))
            head = opening if opening > head - 20 else head
        org_ch = masked.text[head - 1:head] if head > 0 else ""
        if org_ch and PLACEHOLDER_BASE <= ord(org_ch) < PLACEHOLDER_BASE + len(masked.refs):
            org = masked.refs[ord(org_ch) - PLACEHOLDER_BASE]
            if org.type in ORG_TYPES:
                out.append((person, org, title))
        elif title and unit_post_regex().fullmatch(title) and not title.startswith(_OWN_BODY_TITLES):
            org = main_ref(list(earlier) + list(masked.refs[:i]), ORG_TYPES)
            if org is not None:
                out.append((person, org, title))
    return out


# A sub-branch belongs to the branch of its bank for its region, when the document names it.
_SUB_BRANCH = ("支行", "分理处", "营业部")
_REGION_END = re.compile("(?:省|市|自治区|特别行政区)?分行$")


def regional_parent(child: Entity, bank: str, orgs: list[Entity]) -> Entity | None:
    """The branch that a sub-branch belongs to: 甲银行乙市丙支行 -> 甲银行乙市分行 (a region its
    own name begins with), when that branch is among `orgs`; else None."""
    if not child.label.endswith(_SUB_BRANCH):
        return None
    rest = child.label[len(bank):]
    for org in orgs:
        if org.label != child.label and org.label.startswith(bank) and _REGION_END.search(org.label):
            region = _REGION_END.sub("", org.label[len(bank):])
            if region and rest.startswith(region):
                return org
    return None


def relations_from_names(entities: list[Entity], refs: list[Ref]):
    """Relations that names state: X银行Y分行 subOrganizationOf X银行; 《X局关于…的通知》 issued by X局.

    Yields (relation, subject entity, object entity, first Ref of the named entity) so the
    caller can cite the sentence that names it.
    """
    first_ref = {}
    for r in refs:
        if not r.pronoun:
            first_ref.setdefault(r.entity, r)
    orgs = [e for e in entities if e.type in ORG_TYPES]
    names = sorted(((n, e) for e in orgs for n in {e.label, *e.aliases} if len(n) >= 2),
                   key=lambda p: -len(p[0]))
    for child in entities:
        if child.label not in first_ref:
            continue
        for name, parent in names:
            if parent.label == child.label or not child.label.startswith(name):
                continue
            rest = child.label[len(name):]
            if child.type in ORG_TYPES and rest not in branch_suffixes() \
                    and rest.endswith(branch_suffixes()):
                yield "subOrganizationOf", child, regional_parent(child, name, orgs) or parent, \
                    first_ref[child.label]
            elif child.type == "Program" and rest.startswith("关于"):
                yield "issued", parent, child, first_ref[child.label]
            elif child.type == "Project" and name == parent.label and len(rest) >= 2:
                yield "develops", parent, child, first_ref[child.label]
            else:
                continue
            break
