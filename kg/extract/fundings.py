"""Funding flows: money amounts tied to a cue (贷款, 补助, 减免…) and to the parties around it.

Cheap pass first: only sentences with a funding cue (kg.extract.funding_cues) are read, and in them
only amounts of money that are no rate or cap. Each amount's parties come from the role
templates and role passes (kg.extract.funding_roles), then from the party passes
(kg.extract.funding_order.PARTY_PASSES); once the document is read, the document passes fill what
later sentences and the story tell and keep one funding per amount. The developer of a
project comes from the develops relations the relations stage found.
"""
from __future__ import annotations

import re
from dataclasses import replace

from .analysis import Analysis
from .clause import Masked, Ref
from .funding_cues import (CLAUSE_BREAK, Cue, class_rule, amount_clause, committed_floor, clause_bounds,
                           credit_ceiling, explained_cue, find_cues, is_rule_amount, pick_cue, pick_date)
from .funding_allocations import allocated_cue, allotted_cues
from .funding_ellipsis import inherited_cues, repeated_cue
from .funding_notices import sum_for_listed
from .funding_shares import shares_after_total
from .funding_tables import stated_unit_amounts
from .funding_order import DOCUMENT_PASSES, PARTY_PASSES
from .funding_passes import Reading, Site, on_program, project_investor, with_loan
from ..cache import regex
from ..model import EntityType, Evidence, Funding, FundingType, RelationType
from .money import Amount, find_dates, find_sums

_PROJECT_WORD = regex("项目|工程")
# 对认定的甲类企业乙公司给予奖励: the class noun followed by a name (an apposition) names its member.
_NAMED_MEMBER = regex(r"对[^，,；;。]*?([\ue000-\uf8ff])给予[^，,；;。]*$")
_RESPECTIVE = "分别"
# 对单户1000万元以下的贷款给予贴息: a condition on a class of loans, not one loan told before.
_CLASS_CONDITION = regex(r"单户|单笔|每户|每家|[\d.]+[万亿]?元(?:以下|以内|以上)")
# 乙局负责贴息资金拨付: a body's duty in a scheme, no flow
_DUTY = "负责"
# Names coordinated one by one (甲、乙和丙), one joining character between two names.
_LISTED = regex("[\ue000-\uf8ff](?:[、和与及][\ue000-\uf8ff])+")
_ITEM_SEPARATOR = regex("、|和|及")
# 甲与乙、丙签署: the body that signs (group 1) and the partners it signs with (group 2).
_PARTNERS = regex("([\ue000-\uf8ff])[^\ue000-\uf8ff，,。；;]{0,4}(?:与|同|和)([\ue000-\uf8ff](?:[、和及][\ue000-\uf8ff])+)"
                  "[^\ue000-\uf8ff。；;]{0,6}(?:签署|签订|签约)")


def in_class_rule(text: str, amount: Amount) -> bool:
    """True for the sum of a class rule's own clause (对…企业，给予奖励30万元) or of a rule in
    parallel after it (…，对乙类企业奖励20万元), not for a sum a later clause pays (对…企业给予贴息，
    今年已拨付贴息资金865万元)."""
    m = class_rule().search(text, 0, amount.start)
    if not m:
        return False
    breaks = list(CLAUSE_BREAK.finditer(text, m.end(), amount.start))
    return not breaks or text.startswith("对", breaks[-1].end())


def class_member(masked: Masked, at: int) -> Ref | None:
    """The body named right before 给予 after a rule's 对 (对通过认定的甲类企业乙公司给予奖励50万元):
    the one member of the class that the sum at masked position `at` is given to."""
    m = _NAMED_MEMBER.search(masked.text, 0, at)
    refs = masked.refs_in(m.group(1)) if m else []
    return refs[0] if refs and refs[0].type in (EntityType.COMPANY, EntityType.ORGANIZATION) else None


def find_fundings(a: Analysis) -> list[Funding]:
    """Fundings stated in the document, one per amount, each with its sentence as evidence.

    Example: '甲省财政厅下发的300万元补助款打到了乙公司账户' -> Grant of 3000000 yuan,
    provider 甲省财政厅, recipient 乙公司.
    """
    r = Reading(a, developers(a))
    for index, sentence in enumerate(a.sentences):
        story = a.story_start(sentence.start)
        if story != r.story:
            r.story, r.loans = story, []
        own = find_cues(sentence.text)
        inherited = [] if own else inherited_cues(r, index) or allotted_cues(r, index)
        if not own and not inherited:
            r.found += shares_after_total(r, index)
            r.previous, r.last = None, None
            continue
        read_sentence(r, index, inherited)
    found = r.found
    for _, step in DOCUMENT_PASSES:
        found = step(found, r)
    return found


def developers(a: Analysis) -> dict[str, str]:
    """Project -> the first body found developing it; failing that, the company whose name
    opens the project's (甲化工技术改造项目: the company's own project)."""
    out: dict[str, str] = {}
    for rel in a.relations:
        if rel.type == RelationType.DEVELOPS:
            out.setdefault(rel.object, rel.subject)
    companies = [(name, e.label) for e in a.entities if e.type == EntityType.COMPANY
                 for name in (e.label, *e.aliases)]
    for e in a.entities:
        if e.type == EntityType.PROJECT and e.label not in out:
            owners = [(len(name), label) for name, label in companies
                      if e.label.startswith(name) and len(name) < len(e.label)]
            if owners:
                out[e.label] = max(owners)[1]
    return out


def read_sentence(r: Reading, index: int, inherited: list[Cue] = ()) -> None:
    """The fundings of sentence `index` (which holds a cue, or `inherited` ones: see
    kg.extract.funding_ellipsis), added to r.found."""
    a = r.a
    sentence = a.sentences[index]
    masked = r.masks[index] = a.masked(index)
    head = a.row_head(index)
    own = find_cues(sentence.text)
    cues = own or list(inherited)
    amounts = sorted(find_sums(sentence.text) + stated_unit_amounts(a, sentence), key=lambda x: x.start)
    dates = find_dates(sentence.text, a.article.date)
    ev = Evidence(a.doc_id, sentence.text, sentence.start, sentence.end)
    current: list[Funding] = []
    paid: list[Amount] = []         # amounts that are sums (not rates or caps)
    starts_of: list[int] = []       # where the amount of each of `current` stands
    told: set[str] = set()          # kinds of flow an amount (a sum or a rule) is given for
    # a row may hold a cue of its own that names no sum's flow (甲公司380万元，用于运营补助): the cues
    # it inherits, read only when a sum needs them
    row_cues: list[Cue] | None = None if own else []
    for amount in amounts:
        left, right = amount_clause(sentence.text, cues, amount)
        cue = amount_cue(r, index, cues, amounts, amount, left, right)
        if cue is None and row_cues is None:
            row_cues = inherited_cues(r, index)
        if cue is None:
            cue = next((c for c in row_cues if c.start == amount.end), None)
        told |= {cue.type} if cue else set()
        if cue is None or is_rule(sentence.text, masked, amount, left, right):
            continue
        paid.append(amount)
        cue = explained_cue(cue, cues, amounts, amount)
        roles = r.roles(masked, masked.offsets[amount.start], masked.offsets[left], cue.type)
        funding = Funding(cue.type, ev, amount.value, amount.text, amount.approximate,
                          pick_date(sentence.text, dates, amount), **roles, rule=cue.rule)
        site = Site(r, index, masked, cue, amount, left, current, head)
        for _, step in PARTY_PASSES:
            funding = step(funding, site)
        note_investor(site, funding)
        r.found.append(funding)
        current.append(funding)
        starts_of.append(amount.start)
    if current:
        r.found[-len(current):] = current = respective(current, starts_of, masked, sentence.text)
    r.found += unsummed_subsidies(r, index, cues, told, paid, current)
    r.loans += [f for f in current if f.type == FundingType.LOAN and f.recipient]
    r.previous = current[-1] if current else None
    r.last = (masked, cues)


def is_rule(sentence: str, masked: Masked, amount: Amount, left: int, right: int) -> bool:
    """True for a rate, a cap or a condition (is_rule_amount), unless it is the sum of a listed
    party, a committed floor of credit or a credit line's ceiling, and for the sum of a class rule
    that names no member."""
    return is_rule_amount(sentence, amount, left, right) and not sum_for_listed(masked, amount) \
        and not committed_floor(masked, amount) and not credit_ceiling(sentence, amount) \
        or in_class_rule(sentence, amount) and class_member(masked, masked.offsets[amount.start]) is None


def amount_cue(r: Reading, index: int, cues: list[Cue], amounts: list[Amount], amount: Amount,
               left: int, right: int) -> Cue | None:
    """The cue that names `amount`'s flow: the sentence's cue for it (pick_cue), the flow an
    earlier clause names before a weak or missing one (repeated_cue), else an allocation's kind
    told before (allocated_cue)."""
    cue = pick_cue(cues, amount, left, right)
    if cue is None or cue.weak:
        repeated = repeated_cue(r.a.sentences[index].text, cues, first_after(amounts, cue, amount), left)
        cue = replace(repeated, start=amount.end, end=amount.end) if repeated else cue
    return allocated_cue(r, index, cues, amount, left, cue)


def first_after(amounts: list[Amount], cue: Cue | None, amount: Amount) -> Amount:
    """The sum a weak cue's kind is read at: the first one after the cue (甲、乙分别获得4000万元、
    2600万元: both sums are of one flow), the amount itself without a cue. The flow an earlier
    clause names comes before a weak cue (甲公司获得融资2600万元，乙公司获得1800万元)."""
    return next((x for x in amounts if x.start >= cue.end), amount) if cue else amount


def note_investor(site: Site, funding: Funding) -> None:
    """Remember who invests in a project's total (项目总投资5亿元) when no developer is known."""
    r, sentence, amount = site.reading, site.sentence, site.amount
    if funding.type != FundingType.INVESTMENT or funding.provider \
            or not _PROJECT_WORD.search(sentence.text, site.left, amount.start):
        return
    index = site.index
    before = [r.a.masked(index - 1)] \
        if index and r.a.story_start(r.a.sentences[index - 1].start) == r.story else []
    r.investors[(sentence.start, amount.value)] = project_investor(
        before + [site.masked], site.masked.offsets[amount.start])


def unsummed_subsidies(r: Reading, index: int, cues: list[Cue], told: set[str], paid: list[Amount],
                       current: list[Funding]) -> list[Funding]:
    """甲银行向乙公司发放贷款，丙局给予贴息: a subsidy without a sum, on the loan told before
    (not when the sentence gives the subsidy a sum or a cap: 给予贴息，今年已贴息92万元)."""
    sentence, masked = r.a.sentences[index], r.masks[index]
    ev = Evidence(r.a.doc_id, sentence.text, sentence.start, sentence.end)
    before = r.loans + current + ([r.previous] if r.previous else [])
    out = []
    for cue in cues:
        if cue.type != FundingType.INTEREST_SUBSIDY or cue.weak or cue.type in told:
            continue
        clause = clause_bounds(sentence.text, cue.start, cue.end)[0]
        if any(clause_bounds(sentence.text, x.start, x.end)[0] == clause for x in paid) \
                or _CLASS_CONDITION.search(sentence.text, clause, cue.start) \
                or class_rule().search(sentence.text, 0, cue.start) or _DUTY in sentence.text[clause:cue.start] \
                or on_program(masked, masked.offsets[cue.start]):
            continue        # a rule for a class of loans, borrowers or a product, or a body's duty: no flow
        roles = r.roles(masked, masked.offsets[cue.start], masked.offsets[clause], cue.type)
        funding = with_loan(Funding(cue.type, ev, **roles, rule=cue.rule), before)
        if funding.provider and funding.recipient:
            out.append(funding)
    return out


def respective(fundings: list[Funding], starts_of: list[int], masked: Masked,
                sentence: str) -> list[Funding]:
    """甲、乙分别向丙、丁发放贷款X万元和Y万元: the i-th name of a listed party takes the
    i-th amount told after 分别 (only when the list has as many names as there are amounts)."""
    for m in re.finditer(_RESPECTIVE, sentence):
        fundings = _respective_at(fundings, starts_of, masked, sentence, m.start())
    return fundings


def _respective_at(fundings: list[Funding], starts_of: list[int], masked: Masked,
                   sentence: str, at: int) -> list[Funding]:
    """respective for the 分别 at sentence offset `at` (甲、乙分别签订丙项目、丁项目，投资额分别为
    X和Y: each 分别 clause with its own sums)."""
    # Only the sums of the 分别 clause: 分别出资2亿元、1亿元，其余1亿元由… is no third share.
    end = next((m.start() for m in CLAUSE_BREAK.finditer(sentence, at)), len(sentence))
    group = [i for i, start in enumerate(starts_of) if at < start < end]
    if len(group) < 2 or len({fundings[i].type for i in group}) > 1:
        return fundings
    first = masked.offsets[starts_of[group[0]]]
    # 甲、乙与丙县政府分别签订…: the names before 与 are a list of their own too.
    groups = [g for m in _LISTED.finditer(masked.text, 0, first) for g in dict.fromkeys((m.group(), m.group().split("与")[0]))]
    lists = [[r.entity for r in masked.refs_in(g[::2])] for g in groups] + [listed_items(masked, masked.offsets[at])]
    fundings = _partners_borrow(list(fundings), group, masked, first)
    for role in ("provider", "recipient", "project"):
        named = getattr(fundings[group[0]], role)
        # A role left empty is no unnamed item of a list (甲、张三分别领到…: no project).
        listed = next((items for items in lists if len(items) == len(group) and named in items), None) \
            if named is not None else None
        if listed is not None:
            for i, entity in zip(group, listed):
                fundings[i] = replace(fundings[i], **{role: entity})
    return fundings


def _partners_borrow(fundings: list[Funding], group: list[int], masked: Masked, first: int) -> list[Funding]:
    """甲银行与乙、丙签署合作协议，授信额度分别为X、Y: loans of a lender with no borrower named
    go, one by one, to the partners listed after 与."""
    lead = fundings[group[0]]
    if lead.type != FundingType.LOAN or lead.recipient or lead.provider is None:
        return fundings
    partners = next(([r.entity for r in masked.refs_in(m.group(2)[::2])] for m in _PARTNERS.finditer(masked.text, 0, first)
                     if lead.provider in (r.entity for r in masked.refs_in(m.group(1)))), [])
    if len(partners) != len(group) or lead.provider in partners:
        return fundings
    for i, entity in zip(group, partners):
        fundings[i] = replace(fundings[i], recipient=entity)
    return fundings


def listed_items(masked: Masked, at: int) -> list[str | None]:
    """The items of the list that ends right before masked position `at` (甲、乙和丙三家企业分别…),
    counted by their separators: the entity each item names, None for an item named by no
    recognised entity, so that a missing name keeps its place."""
    start = max((m.end() for m in CLAUSE_BREAK.finditer(masked.text, 0, at)), default=0)
    items = _ITEM_SEPARATOR.split(masked.text[start:at])
    if len(items) < 2:
        return []
    return [refs[0].entity if len(refs := masked.refs_in(item)) == 1 else None for item in items]
