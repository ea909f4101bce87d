"""Who works for whom: a post written before a person's name (甲局副局长张三), in a chain of
posts (甲市委副书记、市长张三: the committee and the city's government) or in a list of
attendees. Posts and what they do come from posts.tsv (`member`, `government`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .clause import PH, PLACEHOLDER_BASE, Masked, Ref, Tally
from ..cache import regex
from ..lexicon import alternation, load_tagged, load_words
from ..model import ORG_TYPES, Entity, EntityType
from .normalize import CJK


@lru_cache(maxsize=None)
def post_regex() -> re.Pattern:
    """A job title ending right before a name: optional unit words, then a post (监察科科长)."""
    posts = "|".join(map(re.escape, sorted(load_tagged("posts.tsv", "member"), key=len, reverse=True)))
    return regex(rf"(?:[{CJK}A-Za-z]{{0,8}}?(?:{posts})、){{0,2}}"
                 rf"[{CJK}A-Za-z]{{0,8}}?(?:{posts})$")


@lru_cache(maxsize=None)
def government_post_regex() -> re.Pattern:
    """A post of a people's government ending a title (常务副市长, 副州长) and the level of the
    jurisdiction it heads: the post's last character but one (市, 州)."""
    posts = "|".join(map(re.escape, sorted(load_tagged("posts.tsv", "government"), key=len, reverse=True)))
    return regex(rf"(?:{posts})$")


@lru_cache(maxsize=None)
def unit_post_regex() -> re.Pattern:
    """A title made of a unit of a body and a post: 监察科科长, 机械学院院长."""
    posts = "|".join(map(re.escape, sorted(load_tagged("posts.tsv", "member"), key=len, reverse=True)))
    units = "".join(load_words("relation_unit_heads.txt"))
    return regex(rf"[{CJK}]{{0,8}}?[{re.escape(units)}](?:{posts})")


def find_posts(masked: Masked, earlier: Tally, bodies: PostBodies | None = None,
               company: Ref | None = None, party: Ref | None = None
               ) -> list[tuple[Ref, Ref | Entity, str | None]]:
    """(person, organisation, job title) for each person named right after a post.

    The organisation is the name right before the title (X局副局长张三, 该公司经理李四, or no
    title: X公司张三); a title made of a unit and a post (监察科科长, 检测所副所长) takes the
    body named most in the story so far (`earlier`, a running tally of its bodies) and the
    sentence up to the person.
    With `bodies`, a chain of posts (甲市委副书记、市长张三) gives one triple per body the posts
    belong to (see PostBodies). A post only enterprises have, with no body before it (总经理张三),
    is at the company named last before it in the sentence, else at `company` (the story's).
    A name listed right after such a person holds the same posts (甲行副行长张三、李四).
    A field of a decision (法定代表人：张三) is a post at its `party` (see field_post).
    """
    out = []
    previous: tuple[int, Ref] | None = None     # masked position and body of the person before
    last: tuple[int, list] = (-2, [])           # masked position and (body, posts) of the person before
    for i, person in enumerate(masked.refs):
        if person.type != "Person":
            continue
        title, org = _title_and_body(masked, i, earlier)
        at = masked.position(person)
        if title is None and org is None and masked.text[last[0] + 1:at] in _SAME_POSTS:
            last = (at, last[1])
            previous = (at, previous[1]) if previous else None
            out.extend((person, body, posts) for body, posts in last[1])
            continue
        if title is None and org is not None:
            title = _address_after(masked.text, at)     # 甲公司张三总经理
        if org is None and title:
            title, org = _bare_title_body(masked, i, title, previous, company, bodies)
        if org is not None and org.type in ORG_TYPES:
            previous = (at, org)
        if bodies is not None and title:
            last = (at, bodies.assign(title, org))
        else:
            last = (at, [(org, title)] if org is not None and org.type in ORG_TYPES else [])
        out.extend((person, body, posts) for body, posts in last[1])
    return out + posts_after_name(masked, bodies) + field_post(masked, party) + first_body_posts(masked, bodies)


# Posts in two bodies before one name: 甲署副秘书长、乙局局长张三 (the second is find_posts' own).
_TWO_BODIES = regex(rf"({PH})([{CJK}]{{1,10}}?)、{PH}[{CJK}]{{1,10}}?({PH})")


def first_body_posts(masked: Masked, bodies: PostBodies | None = None) -> list[tuple[Ref, Ref | Entity, str]]:
    """(person, body, post) for the first of two bodies with their posts before a name
    (甲署副秘书长、乙局局长张三: 张三 is 甲署's 副秘书长 too)."""
    out = []
    for m in _TWO_BODIES.finditer(masked.text):
        org, person = masked.refs_in(m.group(1))[0], masked.refs_in(m.group(3))[0]
        if org.type in ORG_TYPES and person.type == EntityType.PERSON and post_regex().fullmatch(m.group(2)):
            out.extend((person, body, posts) for body, posts in
                       (bodies.assign(m.group(2), org) if bodies is not None else [(org, m.group(2))]))
    return out


def field_post(masked: Masked, party: Ref | None) -> list[tuple[Ref, Ref, str]]:
    """(person, party, post) for a field line of a decision naming a post of its party, the
    company of the 当事人 line before: 当事人：甲公司 / 法定代表人：张三."""
    m = _FIELD.match(masked.text)
    if party is None or m is None or not post_regex().fullmatch(m.group(1)):
        return []
    person = masked.refs_in(m.group(2))[0]
    return [(person, party, m.group(1))] if person.type == EntityType.PERSON else []


_FIELD = regex(rf"^\s*([{CJK}]{{2,8}})[：:]\s*({PH})\s*$")


def _bare_title_body(masked: Masked, i: int, title: str, previous: tuple[int, Ref] | None,
                     company: Ref | None, bodies: PostBodies | None) -> tuple[str, Ref | Entity | None]:
    """(title, body) of person `i`, whose title follows no masked body: a company the title
    opens with (_company_before_post, with `bodies`), else _unnamed_body's."""
    if bodies is not None:
        title, org = _company_before_post(title, bodies)
        if org is not None:
            return title, org
    return title, _unnamed_body(masked, i, title, previous, company)


def _company_before_post(title: str, bodies: PostBodies) -> tuple[str, Entity | None]:
    """(post, company) for a post after words that name no masked body: after a short form of
    one company of the document, that company (乙丙铸件总经理张三 of 甲市乙丙铸件有限公司,
    乙峰创投合伙人 of 乙峰创业投资有限公司); an enterprise's post after 公司/企业 alone, left to
    _unnamed_body (听取了公司董事长张三的汇报: the story's company). Any other title, or one of a
    unit (子公司董事长), is kept as it is, with no body."""
    post = next((p for p in member_posts_by_length() if title.endswith(p)), None)
    if post is None or post == title:
        return title, None
    prefix = title[:-len(post)]
    if prefix.endswith(tuple(load_words("relation_company_unit_references.txt"))):
        return title, None
    company = bodies.company_named(prefix)
    if company is not None:
        return post, company
    if post in company_posts() and prefix.endswith(tuple(load_words("relation_company_references.txt"))):
        return post, None
    return title, None


@lru_cache(maxsize=None)
def member_posts_by_length() -> tuple[str, ...]:
    """The posts of posts.tsv (`member`), the longest first (常务副总经理 before 总经理)."""
    return tuple(sorted(load_tagged("posts.tsv", "member"), key=len, reverse=True))


# What joins two names of one post: 副行长张三、李四.
_SAME_POSTS = ("、", "和", "及")


def _unnamed_body(masked: Masked, i: int, title: str, previous: tuple[int, Ref] | None,
                  company: Ref | None) -> Ref | None:
    """The body of person `i`, whose `title` names none: that of the person before in a list
    of attendees (`previous`: masked position and body) unless the title names bodies of a
    class (部门, 单位), or for a post only enterprises have
    the company named last before it in the sentence, else `company`."""
    at = masked.position(masked.refs[i])
    if previous and _LIST_GAP.fullmatch(masked.text[previous[0] + 1:at - len(title)]) \
            and not own_body_title(title) \
            and not any(w in title for w in load_words("relation_body_classes.txt")):
        # 甲行副行长张三、王五，风险官李四: the list goes on in the same body, but not with a
        # post of other bodies (有关部门负责人).
        return previous[1]
    if title in company_posts():
        return next((r for r in reversed(masked.refs[:i]) if r.type == EntityType.COMPANY), company)
    return None


# A name, then its body and post: 张三是甲公司总经理，/ 张三（甲公司总经理）/ 张三，甲公司董事长，/
# 张三现任甲公司总经理 / 张三担任甲公司董事长以来.
_APPOSITION = regex(rf"({PH})(?:是|系|现任|担任|出任|任|[，,（(])({PH})的?([{CJK}、]{{2,16}}?)"
                    rf"(?=[，,。；;）)]|以来|期间|$)")


@lru_cache(maxsize=None)
def appointment_regex() -> re.Pattern:
    """An appointment: 任命张三为甲局局长 / 聘任李四为乙公司总经理 / 选举丙公司经理王五为协会会长
    (a body and post before the name are the person's own; groups as in _APPOSITION)."""
    verbs = alternation(load_words("relation_appointment_verbs.txt"))
    return regex(rf"(?:{verbs})(?:{PH}[{CJK}、]{{2,8}}?)?({PH})为({PH})的?([{CJK}、]{{2,16}}?)(?=[，,。；;]|$)")


def posts_after_name(masked: Masked, bodies: PostBodies | None = None
                     ) -> list[tuple[Ref, Ref | Entity, str]]:
    """(person, organisation, job title) for a post written after the person's name, in
    apposition or with 是 (see _APPOSITION), or after an appointment (appointment_regex); the
    title must be a post of posts.tsv."""
    out = []
    for m in [*_APPOSITION.finditer(masked.text), *appointment_regex().finditer(masked.text)]:
        person, org = masked.refs_in(m.group(1))[0], masked.refs_in(m.group(2))[0]
        title = m.group(3)
        if person.type != EntityType.PERSON or org.type not in ORG_TYPES or not post_regex().fullmatch(title):
            continue
        if bodies is not None:
            out.extend((person, body, posts) for body, posts in bodies.assign(title, org))
        else:
            out.append((person, org, title))
    return out


# Between two persons of a list of attendees: a separator, maybe after more names of the first post.
_LIST_GAP = regex(rf"(?:[、，,][{CJK}]{{2,4}})*[、，,]")


@lru_cache(maxsize=None)
def company_posts() -> frozenset[str]:
    """Posts only an enterprise has (posts.tsv `company`: 总经理, 厂长)."""
    return frozenset(load_tagged("posts.tsv", "company"))


@lru_cache(maxsize=None)
def address_regex() -> re.Pattern:
    """A post that also follows a name as a form of address (posts.tsv `address`: 王五局长)."""
    posts = sorted(load_tagged("posts.tsv", "address"), key=len, reverse=True)
    return regex("|".join(map(re.escape, posts)) or "(?!)")


def _address_after(text: str, at: int) -> str | None:
    """The post right after the name at masked position `at`, if it is a form of address."""
    m = address_regex().match(text, at + 1)
    return m.group() if m else None


@lru_cache(maxsize=None)
def _own_body_regex() -> re.Pattern:
    """A title of a body of its own: opening with one (村党支部书记), or a named one (甲村, 乙社区)
    whose Party or self-governing committee (党…, …委) follows."""
    words = alternation(load_words("relation_own_body_titles.txt"))
    return regex(rf"^(?:{words})|(?:{words})(?=党|委|居委)")


def own_body_title(title: str) -> bool:
    """Whether `title` is a post in a body of its own, no unit of the story's organisation."""
    return _own_body_regex().search(title) is not None


def _title_and_body(masked: Masked, i: int, earlier: Tally) -> tuple[str | None, Ref | None]:
    """The title before person `i` of the masked sentence and the name right before the title
    (or, for a unit's post, the body named most before); None for what is not there."""
    at = masked.text.find(chr(PLACEHOLDER_BASE + i))
    while at > 0 and masked.text[at - 1] in "\n ":
        at -= 1           # a line broken inside the title (董事长\n张三)
    m = post_regex().search(masked.text[max(0, at - 30):at])
    title = m.group() if m else None
    head = at - len(title) if title else at
    if title and title.startswith("的"):
        title = title[1:]       # 甲公司的总经理张三
    if title and masked.text[head - 1:head] in "）)":
        # X公司（以下简称“X”）董事长张三: the body stands before the parenthesis.
        opening = max(masked.text.rfind("（", 0, head), masked.text.rfind("(", 0, head))
        head = opening if opening > head - 20 else head
    org_ch = masked.text[head - 1:head] if head > 0 else ""
    if org_ch and PLACEHOLDER_BASE <= ord(org_ch) < PLACEHOLDER_BASE + len(masked.refs):
        return title, masked.refs[ord(org_ch) - PLACEHOLDER_BASE]
    if title and unit_post_regex().fullmatch(title) and not own_body_title(title):
        return title, earlier.best_with(masked.refs[:i])
    return title, None


class PostBodies:
    """The body each post of a title chain belongs to. A government post (posts.tsv
    `government`: 市长, 副州长) belongs to the people's government of the jurisdiction of the
    name before the chain (甲市委副书记、市长: 甲市人民政府), or with no name before it to the
    document's only government of that level (副州长 -> 乙州人民政府); the other posts to that name.
    A government the text never names, of a place it names (甲市委常委、副市长 with no 甲市人民政府),
    is implied: made once and kept in `implied`."""

    def __init__(self, entities: list[Entity]):
        self.governments = {e.label.removesuffix(_GOVERNMENT).removesuffix(_LEAGUE_GOVERNMENT): e
                            for e in entities if e.type == EntityType.AGENCY
                            and e.label.endswith((_GOVERNMENT, _LEAGUE_GOVERNMENT))}
        # A place is named by a Place or by its Party committee (中共甲市委员会: 甲市).
        self.places = [e.label for e in entities if e.type == EntityType.PLACE] + [
            e.jurisdiction for e in entities if e.type == EntityType.AGENCY and e.label.startswith(_PARTY)
            and e.jurisdiction]
        # A place as the document's agencies write it in full (滨海新区 -> 甲市滨海新区), less the
        # Party's prefix of a committee (中共甲县委员会).
        self.written = {e.jurisdiction: e.label[:e.label.index(e.jurisdiction) + len(e.jurisdiction)].removeprefix(
            _PARTY) for e in entities if e.type == EntityType.AGENCY and e.jurisdiction and e.jurisdiction in e.label}
        self.implied: dict[str, Entity] = {}
        self.entities = entities
        self.jurisdiction = {e.label: e.label if e.type == EntityType.PLACE else e.jurisdiction
                             for e in entities}
        self.jurisdiction.update({place: place for place in self.governments})
        self.jurisdiction.update({g.label: place for place, g in self.governments.items()})

    def assign(self, title: str, org: Ref | None) -> list[tuple[Ref | Entity, str]]:
        """(body, its posts joined by 、) for the posts of `title` written after `org`."""
        by_body: dict[str, tuple[Ref | Entity, list[str]]] = {}
        for post in title.split("、"):
            body = self.government(post, org) if government_post_regex().search(post) else org
            if body is not None and body.type in ORG_TYPES:
                by_body.setdefault(body.entity if isinstance(body, Ref) else body.label, (body, []))[1].append(post)
        return [(body, "、".join(posts)) for body, posts in by_body.values()]

    def government(self, post: str, org: Ref | None) -> Entity | None:
        if org is not None:
            return self.government_of(post, org)
        level = government_post_regex().search(post).group()[-2]
        # A one-character key (州人民政府) is a body whose place the resolver did not find.
        same = [g for place, g in self.governments.items() if len(place) > 1 and place.endswith(level)]
        if same or self.governments:
            return same[0] if len(same) == 1 else None
        places = [p for p in self.places if len(p) > 1 and p.endswith(level)]
        return self.imply(places[0], post) if len(places) == 1 else None

    def government_of(self, post: str, org: Ref) -> Entity | None:
        """The government of the jurisdiction of `org`, the body before a chain of posts."""
        place = self.jurisdiction.get(org.entity) or next(
            (p for p in self.governments if org.entity.removeprefix(_PARTY).startswith(p)), None)
        if place is None and org.type == EntityType.AGENCY:
            return self.government(post, None)      # 县委副书记、县长: a body written without its place
        if place is None or place in self.governments:
            return self.governments.get(place)
        # 乙区区长 when the government is named in full (甲市乙区人民政府): the one place ending so.
        within = [g for p, g in self.governments.items() if p.endswith(place)]
        return within[0] if len(within) == 1 else None if within else self.imply(place, post)

    def company_named(self, short: str) -> Entity | None:
        """The one company of the document whose name holds `short` (two characters or more)
        whole or its characters in order with the first two together (乙丙铸件 of
        甲市乙丙铸件有限公司, 乙峰创投 of 乙峰创业投资有限公司)."""
        found = [c for c in self.entities if c.type == EntityType.COMPANY and len(short) > 1
                 and _abbreviates(short, c.label)]
        return found[0] if len(found) == 1 else None

    def imply(self, place: str, post: str) -> Entity | None:
        """The government of `place`, a place of the document of the post's level, implied."""
        if place not in self.places or not place.endswith(government_post_regex().search(post).group()[-2]):
            return None
        label = self.written.get(place, place) + (_LEAGUE_GOVERNMENT if place.endswith("盟") else _GOVERNMENT)
        return self.implied.setdefault(place, Entity(label, EntityType.AGENCY, (), place))


def _abbreviates(short: str, label: str) -> bool:
    """Whether `short` is written in `label` from its first two characters on, the rest in order."""
    at = label.find(short[:2])
    if at < 0:
        return False
    rest = iter(label[at + 2:])
    return all(ch in rest for ch in short[2:])


_GOVERNMENT = "人民政府"
_LEAGUE_GOVERNMENT = "行政公署"       # a league's (盟) government: 甲盟行政公署, of 盟长
_PARTY = "中共"
