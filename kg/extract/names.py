"""The grammar of headed names: an organisation suffix, a project or program head, and the
name body walked leftwards from it over jieba's words.

`read_headed_name` walks left from the head until a boundary word (name_stops.txt),
punctuation or a date (`walk_left`), trims a leading verb or function word (`trim_left`),
then runs the guards of its kind (`ORG_GUARDS`, `PROJECT_GUARDS`): each is a named pass
that rejects a candidate which merely looks like a name.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from . import places
from .agencies import abbreviations, standard_bodies
from ..cache import regex
from ..lexicon import alternation, load_regex, load_set, load_table, load_tagged, load_words
from ..model import EntityType, Mention, Sentence
from .name_body import (JURISDICTION_CHARS, MEETING_END, NUMERALS, Token, is_specific, org_suffix_at_end, org_suffixes,
                        places_at, trim_left, walk_left)
MAX_BODY = 24          # longest name body (characters) the left walk may take


@lru_cache(maxsize=None)
def generic_tail() -> re.Pattern:
    """Project-like phrases that name no project (老工业基地, 系统工程)."""
    return regex("(?:" + alternation(load_words("generic_projects.txt")) + ")$")
PHASE = regex(r"[(（][一二三四五六七八九十\d]+期[)）]")


def is_company_name(words: list[str], head: str) -> bool:
    """Whether the words between a company's place and its legal form name one company:
    not only trade words (贸易|公司), not only a place (北京|公司), not one character (跑|银行)."""
    if not words:
        return head in ("银行", "集团")       # 某市银行 is a bank's name; 某市公司 is not
    if len(words) == 1 and len(words[0]) == 1:
        return False
    generic = generic_words() | NUMERALS
    return not all(w in generic for w in words) and "".join(words) not in generic     # 面|业|公司


@lru_cache(maxsize=None)
def generic_words() -> frozenset[str]:
    """Words that name no body of their own: generic bodies and the trades of companies."""
    return load_set("generic_bodies.txt") | load_set("company_industry_words.txt")


def is_governmental(text: str, start: int, end: int, body: list[tuple[int, int, str]],
                    anchors: frozenset[int]) -> bool:
    """Whether a name with a weak head (局 部 办 中心 …) belongs to a government: it opens
    with a place or a 省/市/区/县 short form, or it is a standard agency body (财政局)."""
    if text[start] in JURISDICTION_CHARS + "盟" and not text.startswith(tuple(load_set("jurisdiction_lookalikes.txt")), start):
        return True       # 市|发改委, 盟|应急管理局 (a league is a prefecture), 省直|机关工委, but not 市场|部
    if text.startswith(("中共", "国家", "中国", "中华人民共和国", "自治区", "自治州"), start) \
            or text.startswith("州", start) and not CJK_BEFORE.match(text[start - 1:start]) \
            or load_regex("countries.txt").match(text, start):
        return True
    if any(a in anchors for a, _, _ in body) or places_at(text, start):
        return True
    name = text[start:end]
    return name in abbreviations() or name in standard_bodies()


def straddles_preposition(text: str, head: re.Match, tokens: list[tuple[int, int, str]]) -> bool:
    """Whether jieba glued the head's last character to a following preposition
    (某银行某分|行为|企业: 行为 is a word, but here 为 opens the next phrase)."""
    for a, b, _ in tokens:
        if head.start() < a < head.end() < b:
            return text[head.end():b] in load_set("glued_prepositions.txt")
    return False


def starts_with_post(text: str, pos: int, tokens: list[tuple[int, int, str]]) -> bool:
    """Whether the word running over pos ends in a post (市委书记 = 市委 + 书记)."""
    for a, b, _ in tokens:
        if a < pos < b:
            return text[pos:b] in load_tagged("posts.tsv", "person")
    return False


def is_lead_verb(text: str, token: tuple[int, int, str]) -> bool:
    a, b, _ = token
    return text[a:b] in load_set("lead_verbs.txt")


@dataclass
class Candidate:
    """A name read leftwards from its head, as the guards see it: `body` holds the words
    before the head, `end` is where the name ends (a project's phase may follow its head)."""
    text: str                       # the sentence
    head: re.Match
    kind: str                       # 'org', 'project' or 'program'
    anchors: frozenset[int]         # sentence offsets where a place name starts
    tokens: list[Token]             # tagged words around the heads, one after another
    body: list[Token] = field(default_factory=list)
    end: int = 0
    clause: bool = False            # a clause was cut off before the name
    etype: str = ""
    before: list[Token] | None = None       # words_before, read once for the guards and the walk
    head_word: str = field(init=False, default="")      # the head's text, which most guards read

    def __post_init__(self) -> None:
        self.end = self.head.end()
        self.head_word = self.head.group()

    @property
    def start(self) -> int:
        return self.body[0][0] if self.body else self.head.start()

    @property
    def body_text(self) -> str:
        return self.text[self.start:self.head.start()]

    @property
    def name(self) -> str:
        return self.text[self.start:self.end]

    @property
    def words(self) -> list[str]:
        """The body's words past its place names."""
        return [self.text[a:b] for a, b, _ in self.body if a not in self.anchors]

    @property
    def placed(self) -> bool:
        """Whether a place or a 省/市/区 short form opens or sits in the body."""
        return any(a in self.anchors for a, _, _ in self.body) or self.text[self.start] in JURISDICTION_CHARS


def runs_into_word(c: Candidate) -> bool:
    """局面, 厂家, 部署: the head is the start of a longer word (but 市委|书记 ends at a post,
    某分|行为 at a glued preposition)."""
    end = c.head.end()
    word = bisect.bisect_left(c.tokens, end, key=itemgetter(0))       # the first word from end on
    return not (word < len(c.tokens) and c.tokens[word][0] == end) and end != len(c.text) \
        and not starts_with_post(c.text, end, c.tokens) and not straddles_preposition(c.text, c.head, c.tokens)


def ends_common_word(c: Candidate) -> bool:
    """格局, 干部, 网办: a common word (org_suffix_exceptions.txt) that merely ends like a name."""
    start, end = c.head.span()
    exceptions = load_set("org_suffix_exceptions.txt")
    covering = next((c.text[a:b] for a, b, _ in c.tokens if b == end and a < start), "")
    return covering in exceptions or end - start == 1 and c.text[max(0, end - 2):end] in exceptions


def glued_to_verb(c: Candidate) -> bool:
    """签|署, 部|署: a one-character head that jieba reads as the end of a verb."""
    left = words_before(c)
    return bool(left) and left[-1][1] > c.head.start() and left[-1][2].startswith("v") and len(c.head_word) == 1


def adjective(c: Candidate) -> bool:
    """政府|性融资担保机构: 性 makes the head an adjective of the noun after it."""
    return c.text[c.head.end():c.head.end() + 1] == "性"


def written_twice(c: Candidate) -> bool:
    """某某控制中心|中心: a head of two characters or more written twice is a slip of the pen;
    the name ends at its first writing."""
    word = c.head_word
    return len(word) >= 2 and c.text.endswith(word, 0, c.head.start())


HEAD_GUARDS = (("runs into a word", runs_into_word), ("ends a common word", ends_common_word),
               ("glued to a verb", glued_to_verb), ("an adjective", adjective), ("written twice", written_twice))


def words_before(c: Candidate) -> list[Token]:
    """The tagged words before the head; before a branch, a bank's short form that jieba
    tags as a verb (招行|某支行) is the abbreviation it is."""
    if c.before is None:
        start = c.head.start()
        # the tokens follow each other: those ending past start - MAX_BODY and starting before the head are a slice
        first = bisect.bisect_right(c.tokens, start - MAX_BODY, key=itemgetter(1))
        tokens = c.tokens[first:bisect.bisect_left(c.tokens, start, first, key=itemgetter(0))]
        if c.head_word in load_tagged("branch_heads.tsv", "walk"):
            shorts = registered_short_forms()
            tokens = [(a, b, "j" if c.text[a:b] in shorts else f) for a, b, f in tokens]
        c.before = join_anchored_places(c.text, tokens, c.anchors)
    return c.before


def join_anchored_places(text: str, tokens: list[Token], anchors: frozenset[int]) -> list[Token]:
    """某局|四|会|分局: the words of a place that jieba split (a numeral, a modal verb) are one place word."""
    if not tokens or not any(tokens[0][0] <= a < tokens[-1][1] for a in anchors):
        return tokens       # no place to join (most bodies)
    ends = {b for _, b, _ in tokens}
    out: list[Token] = []
    for a, b, f in tokens:
        if out and a < out[-1][1]:
            continue
        end = places.longest_name_end(places.load_gazetteer().trie, text, a) if a in anchors else None
        out.append((a, end, "ns") if end and end > b and end in ends else (a, b, f))
    return out


@lru_cache(maxsize=None)
def registered_short_forms() -> frozenset[str]:
    return frozenset(short for short, _ in load_table("company_abbrev.tsv", 2))


def cut_clause(c: Candidate) -> None:
    """某区|投资建设|某某产业园项目, 某县农业农村局|实施|某某工程, 某某开发区|建设|某某项目:
    a place, a zone or a body doing something opens a clause, not the name of a project or program."""
    text, body = c.text, c.body
    if len(body) > 2 and body[0][0] in c.anchors and is_lead_verb(text, body[1]):
        body, c.clause = body[1:], True
    zones = tuple(load_tagged("zone_heads.tsv", "strong"))
    for i in range(len(body) - 2, 0, -1):
        if is_lead_verb(text, body[i]) and (org_suffix_at_end().search(text, 0, body[i][0])
                                            or text.endswith(zones, 0, body[i][0])):
            body, c.clause = body[i:], True
            break
    while body and is_lead_verb(text, body[0]):
        body = body[1:]
    c.body = body


def no_program_name(c: Candidate) -> bool:
    """开展|专项行动: a program body needs four characters and two words that are not generic."""
    return len(c.body_text) < 4 or sum(w not in load_set("generic_bodies.txt") for w in c.words) < 2


_OWNER_ENDS = ("有限公司", "股份公司", "集团")


def no_project_name(c: Candidate) -> bool:
    """重点|项目, 老工业基地: a project body must name something (see is_specific; right after the
    company that owns it, 甲公司|数字化车间项目, a description does), and the name must not end in
    a generic phrase."""
    specific = is_specific(c.text, c.body, c.anchors) or c.clause and len(c.body_text) >= 4 \
        or len(c.body_text) >= 4 and c.text.endswith(_OWNER_ENDS, 0, c.start)
    return not specific or bool(generic_tail().search(c.name))


def no_name_at_all(c: Candidate) -> bool:
    """某银行, 证实|公司, 经|医院: a placeholder, only verbs or only a preposition before the
    head (but 某市|就业|服务中心 has a place)."""
    return "某" in c.body_text or c.body_text in load_set("glued_prepositions.txt") \
        or not c.placed and bool(c.words) and all(
        f.startswith("v") and b - a > 1 for a, b, f in c.body if a not in c.anchors)


@lru_cache(maxsize=None)
def registered_names() -> frozenset[str]:
    """Full names of the national banks (company_abbrev.tsv): names, whatever their words."""
    return frozenset(full for _, full in load_table("company_abbrev.tsv", 2))


def kind_of_body(c: Candidate) -> bool:
    """行业协会, 基层服务站: only generic words name a kind of body, unless a place names whose;
    a registered name (招商|银行) is one body even when its words are generic."""
    if c.name in registered_names():
        return False
    # 经|经办|银行: a preposition glued before generic words leaves them generic
    words = c.words[1:] if len(c.words) > 1 and c.words[0] in load_set("relation_prepositions.txt") else c.words
    return not c.body_text or c.name in load_set("org_suffix_exceptions.txt") \
        or not c.placed and bool(words) and generic_words().issuperset(words)


def ranked_kind(c: Candidate) -> bool:
    """全球|顶级|电竞|俱乐部, 国内|知名|医院: a body ranked among its kind is described, not named."""
    return any(w in load_set("rank_words.txt") for w in c.words)


def scoped_kind(c: Candidate) -> bool:
    """辖内|地方法人|银行: the bodies of a kind within a scope are described, not named
    (the walk may have stopped after the scope word)."""
    scopes = tuple(load_words("scope_words.txt"))
    return c.text.startswith(scopes, c.start) or c.text.endswith(scopes, 0, c.start)


def short_body(c: Candidate) -> bool:
    """网办, 厅办: a one-character head needs a body of two characters or a jurisdiction."""
    return len(c.head_word) == 1 and len(c.body_text) < 2 and c.body_text not in JURISDICTION_CHARS


def kind_of_company(c: Candidate) -> bool:
    """贸易公司, 北京公司, 某大型国有银行: a kind of company, not one. A second place name is the
    company's brand (某市|另一地名|产业投资集团): it counts as a word; a place's group of a
    trade (某省|融资担保|集团, 某市|产业发展|引导基金) is its state company, one, and so is a place's registered
    company of a trade (某县|水务投资|有限公司), the place being its trade name."""
    brand = [c.text[a:b] for i, (a, b, _) in enumerate(c.body) if i and a in c.anchors]
    state_group = c.head_word == "集团" and c.placed and bool(c.words) \
        or c.head_word.endswith("基金") and c.body[0][0] in c.anchors and bool(c.words) \
        or REGISTERED_HEAD.search(c.head_word) is not None and c.body[0][0] in c.anchors and bool(c.words)
    # 某县|农村信用合作联社: a place's credit union is one body (but 县级 is no place)
    lookalike = c.text.startswith(tuple(load_set("jurisdiction_lookalikes.txt")), c.start)
    credit_union = c.head_word.endswith("联社") and (any(a in c.anchors for a, _, _ in c.body)
                                                     or c.placed and not lookalike)
    return c.etype == EntityType.COMPANY and not is_company_name(brand + c.words, c.head_word) \
        and c.name not in registered_names() and not state_group and not credit_union


def kind_of_institution(c: Candidate) -> bool:
    """市学校 (the city's schools), 市直部门 (its departments): a kind, not one body."""
    return c.head_word in load_set("kind_heads.txt") and not c.words \
        or c.head_word == "部门" and (generic_words().issuperset(c.words)
                                      or c.text[c.head.start() - 2:c.head.start()] in generic_words())


def plural_bodies(c: Candidate) -> bool:
    """各市财政局, 各盟|市工信局, 县市区财政局, 甲乙两地政府: the bodies of many places, no one body."""
    before = c.text[max(0, c.start - 2):c.start]
    if c.body_text.startswith("各") and PLURAL_PLACES.match(c.body_text, 1):
        return True         # 各县区工业和信息化局: 各 read into the name
    return before.endswith("各") or bool(PLURAL_BEFORE.search(before)) or bool(COUNTED_PLACES.search(c.body_text)) \
        or bool(m := PLURAL_PLACES.match(c.body_text)) \
        and not c.text.startswith(tuple(load_set("jurisdiction_lookalikes.txt")), c.start + m.end() - 1)


CJK_BEFORE = regex(r"[\u4e00-\u9fff]")      # 州|商务局 opens a name only after punctuation
REGISTERED_HEAD = regex(r"有限(?:责任)?公司$")
PLURAL_CHARS = JURISDICTION_CHARS + "州盟旗"
PLURAL_BEFORE = regex(f"各[{PLURAL_CHARS}]$")
COUNTED_PLACES = regex("[两三四五六七八九十多][地市县]$")     # 甲、乙两地|政府
PLURAL_PLACES = regex(f"[{PLURAL_CHARS}]{{2,3}}(?![{PLURAL_CHARS}])")


def venue(c: Candidate) -> bool:
    """某某国际博览中心, 某某购物中心: a 中心 named for what happens in it is a place, not a body."""
    return c.head_word == "中心" and c.body_text.endswith(tuple(load_words("venue_words.txt")))


def company_department(c: Candidate) -> bool:
    """某城投|资产管理部: a company's department, not an agency."""
    return c.head_word in load_set("weak_heads.txt") and bool(load_regex("company_words.txt").search(c.body_text))


def not_governmental(c: Candidate) -> bool:
    """市场研究部, 某某中心: a weak head without a government is a unit of a company or a building."""
    return c.head_word in load_set("weak_heads.txt") \
        and not is_governmental(c.text, c.start, c.end, c.body, c.anchors)


def described_subsidiary(c: Candidate) -> bool:
    """某集团|全资|子公司, 集团|拥有|子公司: a parent's subsidiary, described before its own
    name or in a clause, is no name (the relation reads the parent and the name after)."""
    return c.head_word in SUBSIDIARY_HEADS and (c.body_text.endswith(OWNERSHIP_WORDS) or any(
        f.startswith("v") and b - a > 1 for a, b, f in c.body))       # 集团|拥有|子公司


SUBSIDIARY_HEADS = ("子公司", "孙公司")
OWNERSHIP_WORDS = ("全资", "控股", "参股")
def verb_before_government(c: Candidate) -> bool:
    """某市|突出|政府: a government's name holds no verb after its place; there the verb
    governs the government."""
    return c.head_word.endswith("政府") and any(f == "v" and b - a > 1 for a, b, f in c.body)


ORG_GUARDS = (("no name at all", no_name_at_all), ("a verb before 政府", verb_before_government), ("a described subsidiary", described_subsidiary), ("kind of body", kind_of_body),
              ("ranked kind", ranked_kind), ("scoped kind", scoped_kind),
              ("short body", short_body), ("kind of company", kind_of_company),
              ("kind of institution", kind_of_institution), ("plural bodies", plural_bodies), ("a venue", venue),
              ("company department", company_department),
              ("not governmental", not_governmental))
def inside_event(c: Candidate) -> bool:
    """某县投资说明会暨某某项目|签约会: the head sits inside the name of a joint event, whose
    own head (会) comes last; the walk may have stopped at that 暨 (see name_body.MEETING_END)."""
    joint = "会暨" in c.body_text or c.text.endswith("暨", 0, c.start) and MEETING_END.search(c.text, 0, c.start - 1)
    return bool(joint) and EVENT_AFTER.match(c.text, c.end) is not None


EVENT_AFTER = regex(r"(?:签约|推介|说明|洽谈|对接|观摩|启动)?(?:大会|会|仪式)")


def in_roster(c: Candidate) -> bool:
    """纳入某级某某产业园|创建名单: a kind of project that a roster lists, no one project."""
    return ROSTER_AFTER.match(c.text, c.end) is not None


ROSTER_AFTER = regex(r"(?:创建|建设|培育|认定|示范)?(?:名单|名录|目录)")
# a sum of money: 1500万元|技改项目 describes a loan or a budget, no project's name
MONEY = regex(r"\d[\d.,]*[万亿]?元")


def told_sum(c: Candidate) -> bool:
    """1500万元技改项目: a sum of money in the name makes it a description, no project."""
    return bool(MONEY.search(c.name))


def acting_subject(c: Candidate) -> bool:
    """某人|仔细|查看|某某基地: an adverb right before a verb makes the body a clause whose
    subject acts, no project's name; so does 所 before one (某基金|所|投|项目: what it invests in)."""
    return any(f in ("d", "ad") and g == "v" and b - a > 1 or c.text[x:y] == "所" and g.startswith("v")
               for (x, y, f), (a, b, g) in zip(c.body, c.body[1:]))


PROJECT_GUARDS = (("no project name", no_project_name), ("inside an event's name", inside_event),
                  ("in a roster", in_roster), ("a sum of money", told_sum), ("a subject acting", acting_subject))
PROGRAM_GUARDS = (("no program name", no_program_name),)


def org_type(c: Candidate) -> str:
    """The class of an organisation name: its suffix's, but the central bank and its branches
    are state organs, and a provincial or city institute is a public institution (事业单位)
    unless a brand names it."""
    if "人民银行" in c.name:
        return EntityType.AGENCY
    if c.head_word in load_set("institute_heads.txt") and (places_at(c.text, c.start) or c.text[c.start] in JURISDICTION_CHARS):
        # 某市|华|越|智能电器|研究院: a brand (an unknown word jieba splits into characters)
        # before the field makes it a private institute
        brand = len(c.words) >= 2 and len(c.words[0]) == len(c.words[1]) == 1
        return EntityType.ORGANIZATION if brand else EntityType.AGENCY
    return org_suffixes()[c.head_word]


def rejected(c: Candidate, guards) -> str | None:
    """The name of the first guard that rejects the candidate, or None."""
    return next((name for name, guard in guards if guard(c)), None)


def read_body(c: Candidate) -> None:
    """Set the candidate's body: the words walked left from its head, trimmed of those that
    cannot open a name."""
    branch = c.head_word in load_tagged("branch_heads.tsv", "walk")
    c.body = walk_left(c.text, words_before(c), c.head.start(), allow_years=(c.kind == "project"), branch=branch,
                       office=c.head_word in load_set("office_heads.txt")
                       or c.text.endswith(tuple(load_set("government_organs.txt")), 0, c.head.end()),
                       company=c.kind == "org" and org_suffixes()[c.head_word] == EntityType.COMPANY)
    c.body = trim_left(c.text, c.body, c.anchors, branch=branch)


def read_headed_name(sent: Sentence, head: re.Match, kind: str, anchors: frozenset[int],
                     tokens: list[Token]) -> Mention | None:
    """The name ending in `head` (an org suffix, a project or program head), or None.

    Walks left over the sentence's tagged words until a boundary word, punctuation or a date;
    trims a leading verb or function word (收购|某某股份有限公司); then runs the guards of
    its kind."""
    c = Candidate(sent.text, head, kind, anchors, tokens)
    if rejected(c, HEAD_GUARDS):
        return None
    read_body(c)
    if kind == "org":
        c.etype = org_type(c)
        if rejected(c, ORG_GUARDS):
            return None
    else:
        cut_clause(c)
        phase = PHASE.match(c.text, c.end)
        if phase and kind == "project":
            c.end = phase.end()
        if rejected(c, PROJECT_GUARDS if kind == "project" else PROGRAM_GUARDS):
            return None
        c.etype = EntityType(kind.capitalize())
    return Mention(sent.start + c.start, sent.start + c.end, c.name, c.etype)
