"""The parties of one funding in a masked sentence: role templates first, then named passes.

`assign_roles` fills a `RoleSearch` with the templates of funding_roles.tsv (same syntax as
relation_cues.tsv: {P} provider, {R} recipient, {F} facilitator) and then runs ROLE_PASSES in
order; each pass reads the sentence and repairs or completes the roles found so far.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from .clause import PLACEHOLDER_BASE, Masked, Ref, implicit_subject
from .funding_lenders import is_lender
from .funding_received import agency_received_from, lender_received_from, receive_verbs, receives_itself
from .funding_unnamed import class_pair_unnamed, counted_unnamed, unnamed_payee
from ..lexicon import alternation, load_table, load_words
from ..model import ORG_TYPES, EntityType, FundingType, Role
from .templates import compile_templates, role_refs, table_cues

# The placeholders of funding_roles.tsv and the roles they stand for.
TEMPLATE_ROLES = {"P": Role.PROVIDER, "R": Role.RECIPIENT, "F": Role.FACILITATOR}
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")
# 向甲集团注资 / 注入资本金: capital put into a body by the one that puts it.
_CAPITAL_IN = re.compile("注资|注入|增资")
# 作为政策性银行的优势: an apposition describes a party, it names none (not 作为资本金注入甲公司).
_APPOSITION = re.compile(r"作为[^\ue000-\uf8ff，,。；;]{0,6}(?<!注入|投入|拨付|划入|转入|拨入|存入)$")
_RESPECTIVE_SUMS = re.compile(r"分别[^，,；;。]*?\d[\d.]*[万亿]?元")     # 甲、乙分别获得80万元、50万元
# 总投资25亿元的甲项目: a sum told as the project's own, the project named right after it.
_SUM_OF = re.compile(r"[\d.,，万亿千百元余多约近人民币]{1,16}的")
# 甲公司｜留抵退税, 甲公司缓缴84万元: a tax, a levy or a deferral of one relieves who owes it.
_LEVY = re.compile("税|社会保险|社保|医保|公积金|缓缴")
# 甲公司研制的设备: a name with a verb and 的 describes what it made or did (not a payer).
_MAKER_OF = re.compile(r"(?!承保|担保|托管)[^\ue000-\uf8ff，,。；;的向为给对]{1,4}的")
# 由甲管委会组织实施: the body that carries a project out, after its sum.
_CARRIES_OUT = re.compile(r"[^\ue000-\uf8ff，,。；;]*[，,]?由([\ue000-\uf8ff])[^\ue000-\uf8ff，,。；;]{0,4}?"
                          "(?:组织实施|实施|建设|承建|负责)")
# 为乙项目提供 / 向乙项目发放: the project a sum is paid to.
_TO_PROJECT = re.compile(r"(?:为|向|给)([\ue000-\uf8ff])")
# 市委、市政府关于…的决策部署: bodies whose policy is cited.
_CITED = re.compile(r"(?:[、和及][\ue000-\uf8ff])*关于")
# A clause that tells a part of the sum before it.
_PART = re.compile(r"[，,；;]\s*其中")
# 企业可凭订单申请: a bare noun that states what any of the class may do.
_GENERIC = re.compile("(?:均|即|都|也)?(?:可|能|需|须|应)")


@lru_cache(maxsize=None)
def role_templates() -> tuple[tuple[str, re.Pattern, Role | None, tuple[str, ...]], ...]:
    """(rule id, template, role of the implicit subject, types that may fill a role) rows."""
    table = load_table("funding_roles.tsv")
    patterns = compile_templates([t for _, t, _, _ in table])
    return tuple((rule, pattern, TEMPLATE_ROLES.get(implicit), ORG_TYPES + ((EntityType.PLACE.value,) if places else ()))
                 for (rule, _, implicit, places), pattern in zip(table, patterns))


@lru_cache(maxsize=None)
def contracts() -> re.Pattern:
    """What follows a company that builds for another: 甲公司施工 / 甲公司负责承建."""
    return re.compile(f"(?:负责)?(?:{alternation(load_words('funding_contract_verbs.txt'))})")


@lru_cache(maxsize=None)
def _place_acts() -> re.Pattern:
    """What follows a place that acts as the subject of a payment (甲区累计向…兑现), not one that
    names a body (甲区国企) nor one that only locates the recipients (甲区已有300户企业申领…)."""
    return re.compile(f"(?!已?有)(?:{alternation(load_words('funding_place_act_words.txt'))})")


def described(masked: Masked, ref: Ref) -> bool:
    """True for a name in an apposition that describes a party (发挥作为政策性银行的优势)."""
    return bool(_APPOSITION.search(masked.text, 0, max(0, masked.position(ref))))


@dataclass
class RoleSearch:
    """The roles of a funding at masked position `at` (its clause starting at `clause`) as the
    passes find them. `far`: roles a template matched outside the own clause; `listed`: the
    names of the lists that filled a role; `developers`: project -> the body developing it."""
    masked: Masked
    at: int
    clause: int
    kind: str
    developers: Mapping[str, str] = field(default_factory=dict)
    roles: dict[Role, str | None] = field(default_factory=dict)
    far: set[Role] = field(default_factory=set)
    listed: set[str] = field(default_factory=set)

    def type_of(self, label: str | None) -> str | None:
        return next((r.type for r in self.masked.refs if r.entity == label), None)

    def subject(self, before: int, fits: tuple[str, ...] = ORG_TYPES) -> Ref | None:
        return implicit_subject(self.masked, before, fits)


def template_roles(s: RoleSearch) -> None:
    """Each role from the role template match nearest the funding: a match in the funding's own
    clause beats one elsewhere; a role a template leaves to the implicit subject (or fills
    with a program only: 通过甲贷向乙银行申请) takes the subject before the match."""
    masked, at = s.masked, s.at
    right = _CLAUSE_BREAK.search(masked.text, at)
    right = right.start() if right else len(masked.text)
    best: dict[Role, tuple[tuple[int, int], str, set[str]]] = {}
    for _, pattern, implicit, fits in templates_for(masked.text):
        for m in pattern.finditer(masked.text):
            distance = 0 if m.start() <= at <= m.end() else min(abs(at - m.start()), abs(at - m.end()))
            # 向甲发放贷款5万元，向乙发放…: a match running on past the sum's clause is another sum's.
            rank = (0 if m.start() < right and m.end() > s.clause and not m.start() < at < right < m.end()
                    else 1, distance)
            if _misfit(s, m, fits) or rank[0] and _RESPECTIVE_SUMS.search(masked.text, m.start(), s.clause):
                continue        # 甲、乙分别获得…80万元、50万元，丙…获得奖励15万元: the list's sums are its own
            for letter, role in TEMPLATE_ROLES.items():
                refs = _filling(s, m, letter, role == implicit, fits)
                if refs and (role not in best or rank < best[role][0]):
                    best[role] = (rank, refs[0].entity, {r.entity for r in refs})
    s.roles = {role: value for role, (_, value, _) in best.items()}
    s.far = {role for role, (rank, _, _) in best.items() if rank[0]}
    # 甲、乙、丙等23家企业获批缓缴: the other names of a role's list take no other role.
    s.listed = set().union(*(listed for _, _, listed in best.values()))


def templates_for(text: str) -> list[tuple[str, re.Pattern, Role | None, tuple[str, ...]]]:
    """The role templates that may match masked `text`: those whose required words it holds."""
    cues = table_cues("funding_roles.tsv", 1)
    present = cues.present(text)
    return [row for row, needs in zip(role_templates(), cues.needs) if needs & present == needs]


def _misfit(s: RoleSearch, m: re.Match, fits: tuple[str, ...]) -> bool:
    """True when a placeholder of the match holds only places and the template admits none (向甲市
    提供融资 is no 向乙银行申请融资): the match tells no roles, not even the subject's."""
    place = EntityType.PLACE.value
    return place not in fits and any(
        captured and all(r.type == place for r in captured)
        for captured in (role_refs(s.masked, m, letter) for letter in TEMPLATE_ROLES))


def _filling(s: RoleSearch, m: re.Match, letter: str, implicit: bool, fits: tuple[str, ...]) -> list[Ref]:
    """The names that fill the role of placeholder `letter` in a template match; the subject
    before the match when the template leaves the role to it (`implicit`) or fills it with
    programs only (通过甲贷向乙银行申请: a program in the role's place stands for no party)."""
    captured = role_refs(s.masked, m, letter)
    refs = [r for r in captured if r.type in fits and not described(s.masked, r)]
    if not refs and (implicit or captured and all(r.type == EntityType.PROGRAM for r in captured)):
        subject = s.subject(m.start() + 1 if implicit else m.start(letter))
        # 甲银行通过“乙贷”向农户发放: the subject before a program is the match's other party, not this one
        others = {r.entity for other in TEMPLATE_ROLES if other != letter for r in role_refs(s.masked, m, other)}
        refs = [subject] if subject and subject.entity not in others else []
    return refs


def own_subject_pays(s: RoleSearch) -> None:
    """A payer matched in another clause gives way to the funding's own clause subject."""
    subject = s.subject(s.at)
    if subject is not None and s.masked.position(subject) >= s.clause \
            and subject.entity not in s.roles.values() and Role.PROVIDER in s.far:
        del s.roles[Role.PROVIDER]


def _passed_over(s: RoleSearch, subject: Ref, pos: int) -> bool:
    """Subjects that take no role: the class a bare noun names (企业可凭订单申请贷款), a company
    after an agency that subsidises its loan, a body whose policy is cited (甲关于…的部署), a
    contractor of an investment (甲公司施工)."""
    text = s.masked.text
    if subject.bare and pos < s.clause and _GENERIC.match(text, pos + 1):
        return True
    receives = receive_verbs().match(text, pos + 1)
    # …甲局给予贴息，乙公司获贴息12万元: a company that receives the subsidy itself is its payee.
    if s.kind == FundingType.INTEREST_SUBSIDY and subject.type != EntityType.AGENCY and not receives \
            and s.subject(pos, (EntityType.AGENCY.value,)) is not None:
        return True
    # 甲公司获奖励资金73万元，乙公司获奖励资金47万元: a subject that receives its own sum.
    if pos < s.clause and receives:
        return True
    # 为贯彻落实市委、市政府关于…的决策部署: the body whose policy is cited acts in no flow.
    if _CITED.match(text, pos + 1):
        return True
    return s.kind == FundingType.INVESTMENT and bool(contracts().match(text, pos + 1))


def _subject_role(s: RoleSearch, subject: Ref, pos: int) -> Role | None:
    """The role of a clause subject: a debtor owes, one relieved receives (_owes_or_is_relieved), the
    subject of 获得 receives, a borrower that is no agency receives a loan; any other provides."""
    free = Role.RECIPIENT not in s.roles
    text = s.masked.text
    if free and _owes_or_is_relieved(s, subject, pos):
        return Role.RECIPIENT
    if s.kind != FundingType.LOAN and subject.type != EntityType.AGENCY and receives_itself(text, pos, s.at):
        if free:
            return Role.RECIPIENT
        # 其中乙公司获得补助1860万元，丙公司获得奖励420万元: who receives in its own clause gives nothing
        own = _CLAUSE_BREAK.search(text, pos, s.at)
        if own and receive_verbs().search(text, pos, own.start()):
            return None
    if s.kind == FundingType.LOAN and not is_lender(subject.entity):
        return Role.RECIPIENT if subject.type != EntityType.AGENCY and free else None
    # 甲公司研发的装置入选目录，给予奖励65万元: the maker of what is rewarded receives.
    if s.kind == FundingType.GRANT and free and subject.type != EntityType.AGENCY \
            and _MAKER_OF.match(text, pos + 1):
        return Role.RECIPIENT
    return Role.PROVIDER


def _owes_or_is_relieved(s: RoleSearch, subject: Ref, pos: int) -> bool:
    """A debtor owes (乙公司拖欠货款); a body relieved of a tax or a levy (_LEVY) receives the relief."""
    text = s.masked.text
    if s.kind == FundingType.DEBT:
        return "欠" in text[pos:s.at] or text.startswith(("债权：", "债权:"), pos + 1)     # 甲公司债权：本金…
    return s.kind == FundingType.RELIEF and subject.type != EntityType.AGENCY and bool(_LEVY.search(text, pos, s.at))


def subjects_before(s: RoleSearch) -> None:
    """Walk the clause subjects before the funding, nearest first, until one provides
    (甲厅下达资金，乙公司获得奖补: the subject of an earlier clause provides)."""
    subject = s.subject(s.at)
    while Role.PROVIDER not in s.roles and subject is not None:
        pos = s.masked.position(subject)
        if not _passed_over(s, subject, pos) and subject.entity not in s.listed:
            role = _subject_role(s, subject, pos)
            if role is not None:
                s.roles[role] = subject.entity
                if role == Role.PROVIDER:
                    break
        subject = s.subject(pos)


def company_invests(s: RoleSearch) -> None:
    """An agency that signs for an investment does not invest: the last company named before it
    does, unless it builds for another (区政府与甲公司签约，总投资5亿元的项目); an agency that
    puts capital into a body its clause names (省财政厅向甲集团注资, 增资) invests."""
    provider = s.roles.get(Role.PROVIDER)
    if s.kind != FundingType.INVESTMENT or not provider or s.type_of(provider) != EntityType.AGENCY \
            or s.roles.get(Role.RECIPIENT) and _CAPITAL_IN.search(s.masked.text, s.clause, s.at):
        return
    masked = s.masked
    company = next((r for r in reversed(masked.refs) if r.type == EntityType.COMPANY
                    and masked.position(r) < s.at
                    and not contracts().match(masked.text, masked.position(r) + 1)), None)
    if company is not None:
        s.roles[Role.PROVIDER] = company.entity


def project_developer(s: RoleSearch) -> None:
    """该项目总投资5亿元 / 该项目获得补助: the developer of the project (the develops relation
    found in the document) invests or receives; with no developer known the role stays empty.
    甲项目的贴息为30万元: the project that owns the amount in its clause counts too, when its
    developer is known."""
    role = Role.PROVIDER if s.kind == FundingType.INVESTMENT else Role.RECIPIENT
    project = s.subject(s.at, (EntityType.PROJECT.value,))
    if project is not None and s.masked.position(project) >= s.clause:
        s.roles.setdefault(role, s.developers.get(project.entity))
        return
    owner = _owning_project(s) or (_paid_project(s) if role == Role.RECIPIENT else None)
    if owner is not None and owner.entity in s.developers:
        s.roles.setdefault(role, s.developers[owner.entity])


def _paid_project(s: RoleSearch) -> Ref | None:
    """The project the sum's clause pays to (甲银行将为乙项目提供授信): its developer receives."""
    m = _TO_PROJECT.search(s.masked.text, s.clause, s.at)
    refs = s.masked.refs_in(m.group(1)) if m else []
    return refs[0] if refs and refs[0].type == EntityType.PROJECT else None


def _owning_project(s: RoleSearch) -> Ref | None:
    """The nearest project before the amount in its clause told as the owner of it (甲项目的…)."""
    text = s.masked.text
    return next((r for r in reversed(s.masked.refs) if r.type == EntityType.PROJECT
                 and s.clause <= s.masked.position(r) < s.at
                 and text[s.masked.position(r) + 1:s.masked.position(r) + 2] == "的"), None)


def lender_named_before(s: RoleSearch) -> None:
    """甲局与乙银行签约…发放贷款: the lender named before a loan, even as an object, lends; a
    class it is described as (发挥作为政策性银行的优势) does not."""
    if s.kind != FundingType.LOAN or Role.PROVIDER in s.roles:
        return
    lender = _lender_before(s)
    if lender is not None:
        s.roles[Role.PROVIDER] = lender.entity


def _lender_before(s: RoleSearch) -> Ref | None:
    """The last lender named before the sum that holds no role yet and is not only described."""
    return next((r for r in reversed(s.masked.refs) if r.type == EntityType.COMPANY
                 and is_lender(r.entity) and r.entity not in s.roles.values()
                 and 0 <= s.masked.position(r) < s.at and not described(s.masked, r)), None)


def helper_lends_not(s: RoleSearch) -> None:
    """甲银行联合乙担保公司，为丙公司办理贷款: a party found both helping (role-6) and lending
    only helps; another lender named before the sum lends."""
    provider = s.roles.get(Role.PROVIDER)
    if s.kind != FundingType.LOAN or not provider or provider != s.roles.get(Role.FACILITATOR):
        return
    lender = _lender_before(s)
    if lender is not None:
        s.roles[Role.PROVIDER] = lender.entity


# 甲银行已与乙公司达成意向，将为项目提供贷款: the lender and the one it agrees with.
_AGREED = re.compile(r"([\ue000-\uf8ff])[^\ue000-\uf8ff，,。；;]{0,6}?(?:同|与|和)([\ue000-\uf8ff])"
                     r"[^\ue000-\uf8ff，,。；;]{0,4}?(?:达成|签署|签订|签约)")
# 与乙公司签订35亿元银团贷款协议: the sum of the agreement itself, its other party named in its clause.
_AGREED_SUM = re.compile(r"(?:同|与|和)([\ue000-\uf8ff])[^\ue000-\uf8ff，,。；;]{0,4}?(?:签署|签订|签约)[^\ue000-\uf8ff，,。；;]{0,4}$")


def agreed_borrower(s: RoleSearch) -> None:
    """甲银行已与乙公司达成意向，将为项目提供8000万元贷款: a loan with no borrower named is lent to
    the company its lender agreed with before it in the sentence (the project's owner), or to the
    other party of an agreement whose sum it is (甲银行牵头，与乙公司签订35亿元银团贷款协议)."""
    lender = s.roles.get(Role.PROVIDER)
    if s.kind != FundingType.LOAN or s.roles.get(Role.RECIPIENT) or not lender or not is_lender(lender):
        return
    refs = s.masked.refs
    for m in _AGREED.finditer(s.masked.text, 0, s.at):
        first, other = (refs[ord(m.group(k)) - PLACEHOLDER_BASE] for k in (1, 2))
        if first.entity == lender and other.type == EntityType.COMPANY and not is_lender(other.entity):
            s.roles[Role.RECIPIENT] = other.entity
    m = _AGREED_SUM.search(s.masked.text, s.clause, s.at)
    other = refs[ord(m.group(1)) - PLACEHOLDER_BASE] if m else None
    if other is not None and other.type == EntityType.COMPANY and not is_lender(other.entity):
        s.roles[Role.RECIPIENT] = other.entity


def place_pays(s: RoleSearch) -> None:
    """甲区累计向企业兑现奖补资金: a place that is the subject of a grant or relief pays."""
    if Role.PROVIDER in s.roles or s.kind not in (FundingType.GRANT, FundingType.RELIEF):
        return
    place = s.subject(s.at, (EntityType.PLACE.value,))
    where = s.masked.position(place) if place else -1
    if where >= s.clause and _place_acts().match(s.masked.text, where + 1):
        s.roles[Role.PROVIDER] = place.entity


@lru_cache(maxsize=None)
def _serves() -> re.Pattern:
    """The sum's clause and, after one comma, the clause naming whom it serves: up to four
    characters before the verb (倾力, 重点用于) and the name right after it."""
    verbs = alternation(load_words("funding_support_verbs.txt"))
    return re.compile(rf"[^\ue000-\uf8ff，,。；;：:]*?[，,]?[^\ue000-\uf8ff，,。；;：:]{{0,4}}?(?:{verbs})([\ue000-\uf8ff])")


def served_after(s: RoleSearch) -> None:
    """发放贷款1亿元，倾力服务甲市经济建设 / 拨付资金500万元支持乙公司技改 / 注资3亿元，助力乙集团
    扩大规模: with no recipient found, the body or place that the sum (a loan, a grant, capital put
    in) is said to serve right after it receives it."""
    capital = s.kind == FundingType.INVESTMENT and _CAPITAL_IN.search(s.masked.text, s.clause, s.at)
    if s.roles.get(Role.RECIPIENT) or not (s.kind in (FundingType.LOAN, FundingType.GRANT) or capital):
        return
    m = _serves().match(s.masked.text, s.at)
    served = s.masked.refs[ord(m.group(1)) - PLACEHOLDER_BASE] if m else None
    if served is not None and served.type in ORG_TYPES + (EntityType.PLACE.value,) \
            and served.entity != s.roles.get(Role.PROVIDER):
        s.roles[Role.RECIPIENT] = served.entity


def bank_lends(s: RoleSearch) -> None:
    """企业向银行贷款: a lender found as the recipient of a loan lends, the other party borrows."""
    provider, recipient = s.roles.get(Role.PROVIDER), s.roles.get(Role.RECIPIENT)
    if s.kind == FundingType.LOAN and recipient and is_lender(recipient) \
            and not (provider and is_lender(provider)):
        s.roles[Role.PROVIDER], s.roles[Role.RECIPIENT] = recipient, provider


def acting_lender(s: RoleSearch) -> None:
    """甲支行客户经理…为企业核定额度，向企业发放贷款: when a company that does not lend is found
    lending, the lender acting before it lends and the company borrows."""
    provider, recipient = s.roles.get(Role.PROVIDER), s.roles.get(Role.RECIPIENT)
    if s.kind != FundingType.LOAN or not provider or is_lender(provider) \
            or s.type_of(provider) == EntityType.AGENCY:
        return
    company = (EntityType.COMPANY.value,)
    lender = s.subject(s.at, company)
    while lender is not None and not is_lender(lender.entity):
        lender = s.subject(s.masked.position(lender), company)
    if lender is not None and lender.entity != recipient:
        s.roles[Role.PROVIDER], s.roles[Role.RECIPIENT] = lender.entity, recipient or provider


def carrier_pays_no_grant(s: RoleSearch) -> None:
    """甲项目分得债券资金4亿元，由乙管委会组织实施: the body that carries the project out
    after the sum does not pay the grant (the payer is told elsewhere)."""
    provider = s.roles.get(Role.PROVIDER)
    m = _CARRIES_OUT.match(s.masked.text, s.at)
    if s.kind == FundingType.GRANT and provider and m \
            and s.masked.refs[ord(m.group(1)) - PLACEHOLDER_BASE].entity == provider:
        del s.roles[Role.PROVIDER]


def distinct_parties(s: RoleSearch) -> None:
    """No party holds two roles: a recipient that provides, a facilitator that pays or receives."""
    roles = s.roles
    if roles.get(Role.RECIPIENT) == roles.get(Role.PROVIDER):
        roles[Role.RECIPIENT] = None
    if roles.get(Role.FACILITATOR) in (roles.get(Role.PROVIDER), roles.get(Role.RECIPIENT)):
        roles[Role.FACILITATOR] = None


def part_payee(s: RoleSearch) -> None:
    """甲局下达资金2.3亿元，其中乙市获得3200万元: the payee of a part (a later clause opening with
    其中) is not the payee of the whole."""
    payee, text = s.roles.get(Role.RECIPIENT), s.masked.text
    named = [s.masked.position(r) for r in s.masked.refs if r.entity == payee]
    if payee and named and min(named) > s.at and _PART.search(text, s.at, min(named)):
        del s.roles[Role.RECIPIENT]


ROLE_PASSES: tuple[tuple[str, Callable[[RoleSearch], None]], ...] = (
    ("template-roles", template_roles),
    ("own-subject-pays", own_subject_pays),
    ("subjects-before", subjects_before),
    ("unnamed-payee", unnamed_payee),
    ("company-invests", company_invests),
    ("project-developer", project_developer),
    ("lender-named-before", lender_named_before),
    ("helper-lends-not", helper_lends_not),
    ("agreed-borrower", agreed_borrower),
    ("place-pays", place_pays),
    ("served-after", served_after),
    ("bank-lends", bank_lends),
    ("lender-received-from", lender_received_from),
    ("agency-received-from", agency_received_from),
    ("acting-lender", acting_lender),
    ("carrier-pays-no-grant", carrier_pays_no_grant),
    ("part-payee", part_payee),
    ("distinct-parties", distinct_parties),
    ("counted-unnamed", counted_unnamed),
    ("class-pair-unnamed", class_pair_unnamed),
)


def assign_roles(masked: Masked, at: int, clause: int, kind: str,
                 developers: Mapping[str, str] | None = None) -> dict[str, str | None]:
    """Provider, recipient, facilitator, project and program of a funding of `kind` at masked
    position `at`, its clause starting at `clause` (ROLE_PASSES in order)."""
    s = RoleSearch(masked, at, clause, kind, developers or {})
    for _, step in ROLE_PASSES:
        step(s)
    # 甲项目的贴息为30万元、乙项目的贴息为5万元: each amount goes with the project before it,
    # unless the project follows its sum (总投资25亿元的甲项目、总投资10亿元的乙项目).
    projects = [r for r in masked.refs if r.type == EntityType.PROJECT]
    near = [r for r in projects if clause <= masked.position(r) < at]
    after = next((r for r in projects if _SUM_OF.fullmatch(masked.text, at, masked.position(r))), None)
    project = (after or (near[-1] if near else projects[0])).entity if projects else None
    program = next((r.entity for r in masked.refs if r.type == EntityType.PROGRAM), None)
    return {"provider": s.roles.get(Role.PROVIDER), "recipient": s.roles.get(Role.RECIPIENT),
            "facilitator": s.roles.get(Role.FACILITATOR), "project": project, "program": program}
