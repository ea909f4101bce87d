"""Relations between entities, from explicit cues in one sentence.

The cue templates of relation_cues.tsv (kg.extract.templates) are matched against each masked
sentence of the clause layer (kg.extract.clause), so a rule reads like the Chinese it matches:
`{S}…约谈…{O}`; references such as 该公司 / 该局 / 企业 are masked like names. Each relation
carries the id of its rule: the template row's id, or `pass:<name>` for the rules below.
worksFor comes from a post before a person's name; subOrganizationOf also from names
(X银行Y分行 belongs to X银行) and issued/develops from a program or project named after
its body (X局关于…的通知).
"""
from __future__ import annotations

import bisect
import re
from functools import lru_cache

from .analysis import Analysis
from .clause import (CLAUSE_END, PH as _PH, PLACEHOLDER_BASE, Masked, Ref, Tally, coordinated,
                     MODIFIER_AFTER, implicit_subject)
from .employment import PostBodies, find_posts
from ..cache import regex
from ..lexicon import alternation, load_regex, load_table, load_words
from ..model import ORG_TYPES, Entity, EntityType, Evidence, Relation, RelationType
from .money import find_amounts, is_money
from .normalize import CJK
from .name_relations import relations_from_names, title_program_issuers
from .shared_projects import party_pairs, projects_of_phrase, row_developers, signed_developers
from ..rdf.ontology import signature
from .templates import CueWords, compile_templates, role_refs, table_cues

# 甲管委会与乙公司签约丙项目 (and 总投资 told there or next): the company signed up develops it.

@lru_cache(maxsize=None)
def cue_templates() -> tuple[tuple[str, str, re.Pattern, bool, int], ...]:
    """(rule id, relation, compiled template, has explicit subject, cues needed) rows of
    relation_cues.tsv; cues needed: a bit mask over cue_words().groups, the template can only
    match a sentence with a word of each of those groups (cues_present)."""
    table = load_table("relation_cues.tsv")
    patterns = compile_templates([template for _, _, template in table])
    return tuple((rule, relation, pattern, "{S}" in template, needs)
                 for (rule, relation, template), pattern, needs in zip(table, patterns, cue_words().needs))


def cue_words() -> CueWords:
    """The words the cue templates need, in groups."""
    return table_cues("relation_cues.tsv", 2)


def cues_present(text: str) -> int:
    """Bit mask of the cue groups with a word in text (CueWords.present)."""
    return cue_words().present(text)


# Ids of the relations that code passes state rather than a template row (kg:rule).
POST_BEFORE_NAME = "pass:post-before-name"
SIGNED_PROJECT = "pass:signed-project"
ROW_PROJECT = "pass:row-project"
CO_SUBJECTS = "pass:co-subjects"
SIGNERS = "pass:signers"
NAME_RULES = {RelationType.SUB_ORGANIZATION_OF: "pass:branch-name",
              RelationType.ISSUED: "pass:program-title", RelationType.DEVELOPS: "pass:project-name"}


class _Found(dict):
    """The relations of a document by (type, subject, object): the first sentence that states
    one is its evidence, unless a later one gives a worksFor its job title."""

    def __init__(self, entities):
        super().__init__()
        self.governments = place_governments(entities)
        self.opener: Ref | None = None
        self.posts = PostBodies(entities)

    def add(self, kind: str, subject: Ref | Entity, obj: Ref | Entity, ev: Evidence, rule: str,
            title: str | None = None) -> None:
        if kind in (RelationType.ASSISTS, RelationType.PARTNER_OF):
            subject = self.governing(subject)   # 甲市将为项目提供服务, 甲县与乙公司签约: its government acts
        if kind == RelationType.PARTNER_OF:
            obj = self.governing(obj)
        s_label, o_label = _label(subject), _label(obj)
        domain, range_ = signature(kind)
        if s_label == o_label or subject.type not in domain or obj.type not in range_:
            return
        if kind == RelationType.PARTNER_OF and o_label < s_label:
            s_label, o_label = o_label, s_label
        key = (kind, s_label, o_label)
        if key not in self or (title and not self[key].job_title):
            self[key] = Relation(kind, s_label, o_label, ev, title, rule)

    def governing(self, party: Ref | Entity) -> Ref | Entity:
        """The body that governs `party` when it is a place (place_governments), else `party`."""
        return self.governments.get(_label(party), party) if party.type == EntityType.PLACE else party

    def relations(self) -> list[Relation]:
        """All but a partnership that is a supply contract."""
        supplies = RelationType.SUPPLIES
        return [r for (kind, s, o), r in self.items() if not (kind == RelationType.PARTNER_OF and (
            (supplies, s, o) in self or (supplies, o, s) in self))]


def find_relations(a: Analysis) -> list[Relation]:
    """Relations stated in the document, one per (type, subject, object), each with the
    sentence that states it and the id of the rule that found it.

    Example: '甲区执法局约谈乙公司、丙公司' -> two regulates relations with that sentence as evidence.
    """
    return _found(a).relations()


def relations_and_entities(a: Analysis) -> tuple[list[Relation], list[Entity]]:
    """The relations stage: find_relations, and the entities with the governments that posts
    imply (甲市委常委、副市长张三 in a text that never names 甲市人民政府, see PostBodies)."""
    found = _found(a)
    return found.relations(), a.entities + list(found.posts.implied.values())


def _found(a: Analysis) -> _Found:
    """The relations of the document, found sentence by sentence and then from names."""
    found = _Found(a.entities)
    # The body a document opens with (a notice's header, a headline's subject) issues what a
    # story with no body of its own launches (关于印发《乙》的通知).
    head = a.sentences[0] if a.sentences else None
    found.opener = next((r for r in a.refs if head and r.start < head.end and r.type in ORG_TYPES
                         and not r.pronoun), None)
    ref_starts = [r.start for r in a.refs]
    story, told = None, 0       # the names of the story so far, and how many refs they cover
    case: tuple[bool, Ref | None] = (False, None)
    for index, sentence in enumerate(a.sentences):
        case = case_party(a, index, case)
        first = bisect.bisect_left(ref_starts, sentence.start)
        if first < len(ref_starts) and a.refs[first].start < sentence.end or case[1] is not None:
            start = a.story_start(sentence.start)
            if story is None or story.start != start:
                story, told = _Story(start), bisect.bisect_left(ref_starts, start)
            for r in a.refs[told:first]:        # each ref is added once: no rescans
                story.add(r)
            told = max(told, first)
            _sentence_relations(a, index, story, found, case)
    _from_names(a, found)
    return found


def _from_names(a: Analysis, found: _Found) -> None:
    """The relations names state (a branch's bank, a title's issuer), each with its sentence."""
    sentence_starts = [s.start for s in a.sentences]
    named = [(RelationType.ISSUED, issuer, title, title)
             for issuer, title in title_program_issuers(a.names, a.title_issuers, a.text.text)]
    for kind, subject, obj, ref in named + list(relations_from_names(a.entities, a.refs)):
        i = bisect.bisect_right(sentence_starts, ref.start) - 1
        sentence = a.sentences[i] if i >= 0 and ref.start < a.sentences[i].end else None
        if sentence is not None:
            found.add(kind, subject, obj, Evidence(a.doc_id, sentence.text, sentence.start, sentence.end),
                      NAME_RULES[kind])


class _Story:
    """The names said so far in one story (pronouns left out), tallied: its protagonist (the
    company named most), its main actor (the body named most) and its latest project, kept
    up to date as names are added."""

    def __init__(self, start: int) -> None:
        self.start = start
        self.companies = Tally((EntityType.COMPANY.value,))
        self.actors = Tally(ORG_TYPES)
        self.project: Ref | None = None

    def add(self, r: Ref) -> None:
        if r.pronoun:
            return
        self.companies.add(r)
        self.actors.add(r)
        if r.type == EntityType.PROJECT:
            self.project = r


def _sentence_relations(a: Analysis, index: int, story: _Story, found: _Found,
                        case: tuple[bool, Ref | None]) -> None:
    """The relations sentence `index` states; `story`: the names before it in its story;
    `case`: the enforcement case it belongs to (case_party)."""
    sentences = a.sentences
    sentence, masked = sentences[index], a.masked(index)
    ev = Evidence(a.doc_id, sentence.text, sentence.start, sentence.end)
    employers = {}
    for person, org, title in find_posts(masked, story.actors, found.posts, story.companies.best, case[1]):
        found.add(RelationType.WORKS_FOR, person, org, ev, POST_BEFORE_NAME, title)
        employers[person.entity] = org      # the last body of a chain: 甲市委副书记、市长 signs for the city
    for kind, subject, obj, rule in match_cues(masked, story.companies.best, story.project, case,
                                               story.actors.best or found.opener):
        # 甲公司董事长张三表示，将新建乙项目: the person speaks for the body he works for.
        found.add(kind, employers.get(subject.entity, subject), obj, ev, rule)
    for subject, obj in signing_bodies(masked, employers):
        found.add(RelationType.PARTNER_OF, subject, obj, ev, SIGNERS)
    following = sentences[index + 1] if index + 1 < len(sentences) and a.story_start(
        sentences[index + 1].start) == a.story_start(sentence.start) else None
    for subject, obj in signed_developers(masked, sentence.text + (following.text if following else "")):
        found.add(RelationType.DEVELOPS, subject, obj, ev, SIGNED_PROJECT)
    for subject, obj in row_developers(masked):
        found.add(RelationType.DEVELOPS, subject, obj, ev, ROW_PROJECT)


# The title of an enforcement case: a sentence ending in 案 (乙公司无证经营案。), a numbered
# heading up to its 案 (一、乙公司超范围经营案 followed by the case's text), or the opening of a
# numbered case up to its first comma (案例一：乙公司未明码标价。甲局责令其改正), or a decision's
# party field (当事人：乙公司), maybe after the decision's number (一、甲监处罚〔2024〕3号当事人：乙公司).
# 方案/预案/备案… are no cases.
_CASE_TITLE = regex(r"^[^，,。；;！？!?]{2,80}(?<![方预备提草议档答图文教])案[。；;：:]?\s*$"
                    r"|^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.、．])"
                    r"[^，,。；;！？!?]{2,60}?(?<![方预备提草议档答图文教])案"
                    r"|^\s*案例[一二三四五六七八九十\d]+[：:、.．][^，,。；;！？!?]{2,60}"
                    r"|^[^，,。；;！？!?：:]{0,30}?(?:当事人|被处罚单位|被处罚人)(?:名称)?[：:][^，,。；;！？!?\n]{1,60}\s*$")


def case_party(a: Analysis, index: int, case: tuple[bool, Ref | None]) -> tuple[bool, Ref | None]:
    """The enforcement case sentence `index` belongs to, given `case`, that of the sentence before:
    (whether a case title came before, the company the latest one names). 乙公司超范围经营案。
    甲局对其作出行政处罚 -> 其 is 乙公司; a title naming no company names no party, and an
    earlier case's party is not this one's. A sentence that opens with its case's heading
    (案例一：乙公司虚假宣传案9月，甲局对其…) is read with it."""
    at = index if _CASE_TITLE.search(a.sentences[index].text) else index - 1
    if at < 0 or at < index and not _CASE_TITLE.search(a.sentences[at].text):
        return case
    masked = a.masked(at)
    m = _CASE_TITLE.search(masked.text)
    return True, next((r for r in masked.refs_in(m.group() if m else "") if r.type == EntityType.COMPANY), None)


# 张三与乙市市长李四代表双方签约: two people, each maybe after a body and post, sign.
_SIGNERS = regex(rf"({_PH})(?:与|和|同|跟)(?:{_PH}?[{CJK}、]{{0,10}}?)?({_PH})"
                 rf"[^\ue000-\uf8ff。；;]{{0,12}}?(?:签约|签署|签订|签下)")


def signing_bodies(masked: Masked, employers: dict) -> list[tuple]:
    """(body, body) for two people who sign an agreement, each with a post in the sentence
    (`employers`: person -> body): 甲行行长张三与乙市市长李四代表双方签约 -> (甲行, 乙市人民政府)."""
    out = []
    for m in _SIGNERS.finditer(masked.text):
        a, b = (masked.refs_in(m.group(k))[0] for k in (1, 2))
        if a.entity in employers and b.entity in employers:
            out.append((employers[a.entity], employers[b.entity]))
    return out


def place_governments(entities: list[Entity]) -> dict[str, Entity]:
    """Place label -> the document's agency that governs it: 'place + 人民政府' (甲市 ->
    甲市人民政府), or for a zone 'place + 管理委员会' (甲高新区 -> 甲高新区管理委员会)."""
    agencies = {e.label: e for e in entities if e.type == "Agency"}
    return {e.label: agencies.get(e.label + "人民政府") or agencies[e.label + "管理委员会"] for e in entities
            if e.type == "Place" and (e.label + "人民政府" in agencies or e.label + "管理委员会" in agencies)}


def _label(x: Ref | Entity) -> str:
    return x.entity if isinstance(x, Ref) else x.label


def match_cues(masked: Masked, protagonist: Ref | None = None, project: Ref | None = None,
               case: tuple[bool, Ref | None] = (False, None),
               actor: Ref | None = None) -> list[tuple[str, Ref, Ref, str]]:
    """(relation, subject, object, rule id) for every cue template matching the masked sentence.

    A template without {S} takes the clause subject (and the names coordinated with it); one
    without {O} takes `protagonist`, the company the story is about (得到甲局的支持), or for a
    relation to a project the project named last before it (`project`: the story's last one);
    a regulates takes the party of the enforcement case it is in (`case`, see case_party), if any.
    A program issued in a sentence that names nobody before the cue is the story's `actor`'s
    (又组织实施了乙行动).
    """
    found = []
    go_betweens = set()
    present = cues_present(masked.text)
    for rule, kind, pattern, explicit, needs in cue_templates():
        if needs & present != needs:
            continue
        at = 0
        while (m := pattern.search(masked.text, at)) is not None:
            subjects, objects = _match_parties(masked, m, kind, explicit, (protagonist, project, case, actor))
            # An enforcement whose subject is no agency must not hide one that starts inside it
            # (甲公司申请强制执行，乙法院冻结了丙公司账户: 乙 regulates 丙), nor a match whose object
            # is of the wrong class (甲与乙公司签订投资协议，乙公司将投资建设丙项目).
            at = m.start() + 1 if kind == RelationType.REGULATES and not _fits(kind, subjects) \
                or not any(o.type in signature(kind)[1] for o in objects) else max(m.end(), m.start() + 1)
            found.extend((kind, s, o, rule) for s, o in party_pairs(m, subjects, objects))
            go_betweens.update((kind, s.entity, f.entity)
                               for s in subjects for f in role_refs(masked, m, "F"))
            if kind in (RelationType.DEVELOPS, RelationType.PARTNER_OF) and len(subjects) > 1 \
                    and any(o.type in signature(kind)[1] for o in objects) and "分别" not in m.group():
                # 甲与乙共建丙: the co-subjects are partners too (not 甲、乙分别与丙签约).
                found.extend((RelationType.PARTNER_OF.value, a, b, CO_SUBJECTS)
                             for a in subjects for b in subjects if a != b)
    return _without_go_betweens(found, go_betweens)


def _without_go_betweens(found: list[tuple[str, Ref, Ref, str]], go_betweens: set) -> list:
    """`found` less the relations to a go-between of the subject, and less the help from an
    agency to a party it regulates: an enforcement is no help, whatever help word it holds
    (下达劳动保障监察决定书)."""
    regulated = {(s.entity, o.entity) for kind, s, o, _ in found if kind == RelationType.REGULATES}
    return [(kind, s, o, rule) for kind, s, o, rule in found
            if (kind, s.entity, o.entity) not in go_betweens
            and not (kind == RelationType.ASSISTS and (s.entity, o.entity) in regulated)]


def _match_parties(masked: Masked, m: re.Match, kind: str, explicit: bool,
                   context: tuple) -> tuple[list[Ref], list[Ref]]:
    """(subjects, objects) of a template match, given the (protagonist, project, case, actor) of
    its sentence (see match_cues)."""
    protagonist, project, case, actor = context
    party = case[1] if kind == RelationType.REGULATES else protagonist
    subjects, objects = _parties(masked, m, kind, explicit, party, project)
    if kind == RelationType.ISSUED:
        if not explicit and not subjects and actor and not re.search(_PH, masked.text[:m.start()]):
            subjects = [actor]
        objects = following_titles(masked, objects)
    elif kind == RelationType.REGULATES and not explicit and not subjects and objects \
            and actor is not None and actor.type == EntityType.AGENCY:
        subjects = [actor]        # 检查组检查了乙公司 / 乙公司被立案调查: the story's agency acts
    return subjects, objects


def following_titles(masked: Masked, objects: list[Ref]) -> list[Ref]:
    """`objects` and the programs written right after the last one: 印发了《甲》《乙》 (the
    quotes are dropped when masking, so the titles stand side by side)."""
    if not objects or objects[-1].type != EntityType.PROGRAM:
        return objects
    out = list(objects)
    at = masked.position(objects[-1]) + 1
    while at < len(masked.text) and PLACEHOLDER_BASE <= ord(masked.text[at]) < PLACEHOLDER_BASE + len(masked.refs) \
            and masked.refs[ord(masked.text[at]) - PLACEHOLDER_BASE].type == EntityType.PROGRAM:
        out.append(masked.refs[ord(masked.text[at]) - PLACEHOLDER_BASE])
        at += 1
    return out


def _fits(kind: str, subjects: list[Ref]) -> bool:
    """True when some subject fits the domain of the relation."""
    return any(s.type in signature(kind)[0] for s in subjects)


@lru_cache(maxsize=None)
def _object_mark() -> re.Pattern:
    """A preposition whose object never acts, at the end of a text (向甲、为乙)."""
    return regex(f"(?:{alternation(load_words('relation_object_prepositions.txt'))})$")


def _parties(masked: Masked, m: re.Match, kind: str, explicit: bool, protagonist: Ref | None,
             project: Ref | None) -> tuple[list[Ref], list[Ref]]:
    """(subjects, objects) of a template match; none when the match states no such relation."""
    if kind == RelationType.ASSISTS and _names_money(masked, m):
        return [], []     # a sum paid or waived is a funding, not non-monetary help
    domain, range_ = signature(kind)
    if "O" in m.re.groupindex:
        objects = role_refs(masked, m, "O")
    elif range_ == (EntityType.PROJECT.value,):
        objects = projects_of_phrase(masked, m.start(), m.end(), project)
    else:
        objects = [protagonist] if protagonist else []
    if explicit:
        if kind != RelationType.SUB_ORGANIZATION_OF and masked.text.startswith(MODIFIER_AFTER[1:], m.end("S")):
            return [], []     # 甲委下属企业…与乙共建: 甲 describes the subject, it does not act
        subjects = role_refs(masked, m, "S")
        if m.start("S") == m.start() and _object_mark().search(masked.text[:m.start()]):
            return [], []     # 向甲、为乙: the object of a preposition is not the one who acts
        if kind == RelationType.DEVELOPS and m.start("S") == m.start():
            subjects = signing_pair_developers(masked, m.start(), subjects)
    else:
        subject = implicit_subject(masked, m.start() + 1, domain)
        subjects = coordinated(masked, subject) if subject else []
    if kind == RelationType.ASSISTS and subjects and _generic_help(masked, subjects[-1], m.end(), objects):
        return [], []
    return subjects, objects


# Help that a template finds but that is no help to one party: a class of bodies helping
# enterprises at large (甲局、乙局等部门…帮助企业), or what two partners agree to offer
# (甲与乙签署协议，为丙等企业提供…: the agreement is a partnerOf).


def _generic_help(masked: Masked, subject: Ref, end: int, objects: list[Ref]) -> bool:
    """True when the help from `subject` up to masked position `end` is generic help or an
    agreement's offer (see _GENERIC_SUBJECT)."""
    at = masked.position(subject)
    after_subject = masked.text[at:max(end, at + 1)]
    return bool(load_regex("relation_agreement_words.txt").search(after_subject) or (
        _generic_subject().match(after_subject) and all(o.bare for o in objects)))


@lru_cache(maxsize=None)
def _generic_subject() -> re.Pattern:
    """A list of bodies that ends in a class noun: 甲局、乙局等部门."""
    return regex(rf"^{_PH}等(?:{alternation(load_words('relation_body_classes.txt'))})")


_PAIR_BEFORE = regex(rf"({_PH})(?:与|同|跟)$")


def signing_pair_developers(masked: Masked, at: int, subjects: list[Ref]) -> list[Ref]:
    """The developers when the subject at masked position `at` is the partner after 与 (甲公司与乙县
    政府签约，将投资建设丙项目): the companies of the pair, else both; otherwise `subjects`."""
    m = _PAIR_BEFORE.search(masked.text, 0, at)
    if m is None:
        return subjects
    pair = masked.refs_in(m.group(1)) + subjects
    return [r for r in pair if r.type == EntityType.COMPANY] or pair


def _names_money(masked: Masked, m: re.Match) -> bool:
    """True when the clause the match starts in states a sum of money (甲为乙办理退税500万元;
    not 在甲的帮助下，乙获得500万元)."""
    end = CLAUSE_END.search(masked.text, m.start())
    span = masked.text[m.start():end.start() if end else len(masked.text)]
    return any(is_money(a, span) for a in find_amounts(span))
