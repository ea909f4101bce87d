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
import re
from functools import lru_cache

from .analysis import Analysis
from .clause import (CLAUSE_END, PH as _PH, PLACEHOLDER_BASE, Masked, Ref, coordinated,
                     implicit_subject, main_ref)
from .lexicon import load_table, load_words
from .model import ORG_TYPES, Entity, Evidence, Relation
from .money import find_amounts, is_money
from .templates import compile_template, required_words, role_refs

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
# 甲管委会与乙公司签约丙项目 (and 总投资 told there or next): the company signed up develops it.
_SIGNED = re.compile(rf"({_PH})(?:与|和|同)({_PH})(?:正式|成功)?(?:签约|签订|签署)了?"
                     rf"[^\ue000-\uf8ff，,。；;！？!?]{{0,12}}?({_PH})")
_INVESTS = re.compile("投资")
# Prepositions whose object is never a co-subject (unlike 与/和: 甲与乙共建).
_OBJECT_MARK = re.compile("(?:向|为|对|给|从|让|被|把|替|据)$")

@lru_cache(maxsize=None)
def cue_templates() -> tuple[tuple[str, re.Pattern, bool, int], ...]:
    """(relation, compiled template, has explicit subject, cues needed) rows of relation_cues.tsv.

    Cues needed is a bit mask over cue_groups(): the template can only match a sentence with
    a word of each of those groups (cues_present), a cheap test that spares most sentences
    most templates."""
    groups = cue_groups()
    rows = []
    for _, relation, template in load_table("relation_cues.tsv"):
        needs = 0
        for words in required_words(template):
            needs |= 1 << groups.index(frozenset(words))
        rows.append((relation, compile_template(template), "{S}" in template, needs))
    return tuple(rows)


@lru_cache(maxsize=None)
def cue_groups() -> tuple[frozenset[str], ...]:
    """The distinct groups of words that the cue templates need (required_words)."""
    return tuple(dict.fromkeys(frozenset(words) for _, _, template in load_table("relation_cues.tsv")
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


@lru_cache(maxsize=None)
def post_regex() -> re.Pattern:
    """A job title ending right before a name: optional unit words, then a post (督查科科长)."""
    posts = "|".join(map(re.escape, sorted(load_words("relation_posts.txt"), key=len, reverse=True)))
    return re.compile(rf"(?:[\u4e00-\u9fffA-Za-z]{{0,8}}?(?:{posts})、)?"
                      rf"[\u4e00-\u9fffA-Za-z]{{0,8}}?(?:{posts})$")


@lru_cache(maxsize=None)
def unit_post_regex() -> re.Pattern:
    """A title made of a unit of a body and a post: 督查科科长, 信息工程学院院长."""
    posts = "|".join(map(re.escape, sorted(load_words("relation_posts.txt"), key=len, reverse=True)))
    return re.compile(rf"[\u4e00-\u9fff]{{0,8}}?[科处室所部院组队站](?:{posts})")


@lru_cache(maxsize=None)
def branch_suffixes() -> tuple[str, ...]:
    return load_words("relation_branch_suffixes.txt")


def find_relations(a: Analysis) -> list[Relation]:
    """Relations stated in the document, one per (type, subject, object, sentence).

    Example: '甲区执法局约谈乙公司、丙公司' -> two regulates relations with that sentence as evidence.
    """
    refs, sentences = a.refs, a.sentences
    governments = place_governments(a.entities)
    ref_starts = [r.start for r in refs]
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
        masked = a.masked(index)
        ev = Evidence(a.doc_id, sentence.text, sentence.start, sentence.end)
        since = bisect.bisect_left(ref_starts, a.story_start(sentence.start))
        earlier = [r for r in refs[since:first] if not r.pronoun]
        for person, org, title in find_posts(masked, earlier):
            add("worksFor", person, org, ev, title)
        protagonist = main_ref(earlier, ("Company",))
        project = next((r for r in reversed(earlier) if r.type == "Project"), None)
        for kind, subject, obj in match_cues(masked, protagonist, project):
            add(kind, subject, obj, ev)
        following = sentences[index + 1] if index + 1 < len(sentences) and a.story_start(
            sentences[index + 1].start) == a.story_start(sentence.start) else None
        for subject, obj in signed_developers(masked, sentence.text + (following.text if following else "")):
            add("develops", subject, obj, ev)
    for kind, subject, obj, ref in relations_from_names(a.entities, refs):
        sentence = next((s for s in sentences if s.start <= ref.start < s.end), None)
        if sentence is not None:
            add(kind, subject, obj, Evidence(a.doc_id, sentence.text, sentence.start, sentence.end))
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
    at = masked.position(subject)
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
    end = CLAUSE_END.search(masked.text, m.start())
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
