"""Debts in court notices: 申请执行人甲银行与被执行人乙公司…纠纷一案。…被执行人尚欠借款本金45万元.
A party the notice refers to by its title alone (被执行人, 申请执行人) is the one the notice named
with that title first: the creditor provides the debt, the debtor receives it. In a bankruptcy
case (乙公司重整一案) a claim confirmed (1.甲银行，确认债权2.3亿元) is its creditor's on the debtor.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .clause import PH
from .funding_lenders import is_lender
from .funding_notices import COURT, signers
from ..cache import regex
from ..lexicon import alternation, load_table
from ..model import Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Site


# a court rules on a debt or collects it, it holds or owes none
_COURT = "法院"
# 乙公司重整一案 / 乙公司破产清算案 / 乙公司重整计划: the debtor of a bankruptcy case.
_CASE = regex(rf"({PH})的?(?:破产重整|重整|破产清算|破产和解|破产)(?:一?案|计划|程序)")
# 甲银行与乙公司、丙担保公司金融借款合同纠纷: the claimant (group 1) and the parties it sues.
_DISPUTE = regex(rf"({PH})(?:与|诉)({PH}(?:[、和及]{PH})*)[^，,。；;{PH[1:-1]}]{{0,16}}?纠纷")
# 被处罚当事人：甲银行 / 当事人名称：甲银行: the party a penalty decision is about.
_PARTY_FIELD = regex(rf"(?:当事人|被处罚单位|被处罚人)(?:名称)?[：:]\s*({PH})")
# 主要违法违规事实：…: the field telling what the decision's party did.
_FACTS_FIELD = regex("(?:违法|违规)[^：:，,。]{0,6}事实[：:]")
# 确认债权, 申报的税款债权: a claim the notice states.
_CLAIMED = regex("(?:确认|申报|持有)[^，,。；;]{0,6}债权")


@lru_cache(maxsize=None)
def _titles() -> dict[str, str]:
    return dict(load_table("funding_party_titles.tsv", 2))


@lru_cache(maxsize=None)
def _title() -> re.Pattern:
    """A title, then the name it gives (group 2) when one follows at once; longest titles first
    so that 被执行人 is not read as 执行人."""
    return regex(rf"({alternation(_titles())})([\ue000-\uf8ff])?")


def court_is_no_party(f: Funding, site: Site) -> Funding:
    """甲法院为申请执行人乙银行追回借款本金186万元: a court rules on a debt or collects it; it neither
    holds nor owes it."""
    if f.type != FundingType.DEBT:
        return f
    return replace(f, **{role: None for role in ("provider", "recipient") if _COURT in (getattr(f, role) or "")})


def titled_parties(f: Funding, site: Site) -> Funding:
    """被执行人尚欠借款本金45万元: the title standing for a party in the sum's clause gives the debt
    the party the notice first named with it (the debtor receives, the creditor provides); the
    other party, when missing, is the one first named with a title of the other side."""
    if f.type != FundingType.DEBT:
        return f
    masked = site.masked
    at, clause = masked.offsets[site.amount.start], masked.offsets[site.left]
    f = _moved_to_title(f, site, clause, at)
    roles, sides = {}, set()
    for m in _title().finditer(masked.text, clause, at):
        role = _titles()[m.group(1)]
        sides.add(role)
        if m.group(2) is None and getattr(f, role) is None:
            roles[role] = _first_named(site, m.group(1))
    roles = {role: name for role, name in roles.items() if name and name not in (f.provider, f.recipient)}
    # 为申请执行人乙银行追回借款本金186万元: the side the clause titles by name has its party; the
    # other side is the one the notice titles on it
    if not roles and len(sides) == 1 and getattr(f, next(iter(sides))):
        roles = {next(iter(sides)): getattr(f, next(iter(sides)))}
    if len(roles) == 1:
        roles.update(_other_side(f, site, roles))
    return replace(f, **roles) if roles else f


def _other_side(f: Funding, site: Site, roles: dict[str, str]) -> dict[str, str]:
    """被执行人尚欠…: the other party of a debt that one side's title gives is the one the notice
    titles on the other side (before the sum, else later in the story)."""
    other = "provider" if "recipient" in roles else "recipient"
    named = [n for title, role in _titles().items() if role == other
             and (n := _first_named(site, title) or _first_named(site, title, later=True))]
    return {other: named[0]} if getattr(f, other) is None and named and named[0] not in roles.values() else {}


def _moved_to_title(f: Funding, site: Site, clause: int, at: int) -> Funding:
    """被执行人应偿还申请执行人本金N元: the party a bare title stands for takes its title's side even
    when the sentence's order put it on the other side."""
    for m in _title().finditer(site.masked.text, clause, at):
        role = _titles()[m.group(1)]
        other = "recipient" if role == "provider" else "provider"
        name = _first_named(site, m.group(1)) if m.group(2) is None and getattr(f, role) is None else None
        if name and getattr(f, other) == name:
            f = replace(f, **{role: name, other: None})
    return f


def _first_named(site: Site, title: str, later: bool = False) -> str | None:
    """The name that the story first writes right after `title`, up to the sum's sentence (or in
    the whole story, `later`)."""
    a = site.reading.a
    for j in range(len(a.sentences) if later else site.index + 1):
        if a.story_start(a.sentences[j].start) != site.reading.story:
            continue
        masked = a.masked(j)
        for m in _title().finditer(masked.text):
            if m.group(1) == title and m.group(2):
                return masked.refs_in(m.group(2))[0].entity
    return None


def confirmed_claim(f: Funding, site: Site) -> Funding:
    """1.甲银行，确认债权2.3亿元 in a bankruptcy case's notice: the row's creditor holds the claim
    on the case's debtor."""
    if f.type != FundingType.DEBT or not _CLAIMED.search(site.sentence.text, 0, site.amount.start):
        return f
    debtor = _case_debtor(site)
    if debtor is None:
        return f
    creditor = site.head.entity if site.head is not None else f.provider
    if creditor in signers(site.reading.a) or creditor == debtor or creditor and creditor.endswith(COURT):
        creditor = None         # the court that tells of the claims holds none
    return replace(f, provider=creditor, recipient=debtor)


def _case_debtor(site: Site) -> str | None:
    """The debtor of the bankruptcy case the story names up to the sum's sentence."""
    a = site.reading.a
    for j in range(site.index + 1):
        m = _CASE.search(a.masked(j).text)
        if m:
            return a.masked(j).refs_in(m.group(1))[0].entity
    return None


def dispute_parties(f: Funding, site: Site) -> Funding:
    """在甲银行与乙公司…借款合同纠纷一案中，法院判决乙公司偿还借款本金1350万元: a debt of a party
    the claimant sued is owed to the claimant (the sued party receives it, even when the sentence
    put it first)."""
    if f.type != FundingType.DEBT:
        return f
    a = site.reading.a
    for j in range(site.index, -1, -1):
        if a.story_start(a.sentences[j].start) != site.reading.story:
            break
        masked = a.masked(j)
        for m in _DISPUTE.finditer(masked.text):
            claimant = masked.refs_in(m.group(1))[0].entity
            sued = {r.entity for r in masked.refs_in(m.group(2))}
            debtor = f.provider if f.provider in sued else f.recipient if f.recipient in sued else None
            if debtor is not None and claimant != debtor:
                return replace(f, provider=claimant, recipient=debtor)
    return f


def party_of_the_facts(f: Funding, site: Site) -> Funding:
    """被处罚当事人：甲银行 / 主要违法违规事实：…向乙公司发放贷款1200万元: a loan the facts of a
    penalty decision tell with no lender named is lent by the decision's party, a bank."""
    text, at = site.reading.a.text.text, site.sentence.start + site.amount.start
    if f.type != FundingType.LOAN or not _FACTS_FIELD.search(text, text.rfind("\n", 0, at) + 1, at):
        return f        # the field runs to the end of its line
    party = _decision_party(site)
    if party is None or not is_lender(party) or f.provider and is_lender(f.provider):
        return f
    recipient = f.recipient or (f.provider if f.provider != party else None)
    return replace(f, provider=party, recipient=recipient if recipient != party else None)


def _decision_party(site: Site) -> str | None:
    """The party the penalty decision holding the sum's sentence names last before it."""
    a = site.reading.a
    for j in range(site.index, -1, -1):
        found = list(_PARTY_FIELD.finditer(a.masked(j).text))
        if found:
            return a.masked(j).refs_in(found[-1].group(1))[0].entity
    return None
