"""The receivers a clause names as the object of its giving verb or as the subject of its
receiving verb (passes of kg.extract.funding_passes): 甲银行为乙公司提供贷款, 甲局对表现突出的乙公司
给予奖励, 乙、丙分别领到补助. The names receive; none of them pays (the payer is the clause's
subject, else the story's). With 分别, kg.extract.fundings.respective gives each name its sum.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .clause import PH
from .funding_parties import PAYOUTS
from ..cache import regex
from ..lexicon import alternation, load_words
from ..model import ORG_TYPES, EntityType, Funding, FundingType

if TYPE_CHECKING:
    from .clause import Ref
    from .funding_passes import Site

_FLOWS = (*PAYOUTS, FundingType.LOAN)
_RECEIVERS = (*ORG_TYPES, EntityType.PERSON.value)
_NAMES = rf"{PH}(?:[、和及]{PH})*"
_EACH = "(?:分别|各)?"
# What stands between 为/对 and the names: a qualifier (表现突出的) or a role noun (种植大户).
_QUALIFIER = rf"[^，,。；;：:{PH[1:-1]}]{{0,20}}?"
# 为一家粮油公司发放贷款: one of a kind, told by a count, is not the body that name stands for.
_COUNTED = regex(r"[一二两三四五六七八九十\d]+[家户个名位]")
# An item of a list before 分别: a name, or one no entity stands for (an unrecognised person).
_ITEM = rf"(?:{PH}|[^、和及，,。；;{PH[1:-1]}]{{2,4}})"
# The verbs of giving after the names (为乙公司提供贷款, 对乙公司给予奖励).
_GIVING = "提供|发放|给予|拨付|兑现|下达|安排"


@lru_cache(maxsize=None)
def _object() -> re.Pattern:
    """为/对 + qualifier + names + (分别) + a verb of giving."""
    return regex(rf"(?<![作以因])[为对](?P<pre>{_QUALIFIER})(?P<names>{_NAMES}){_EACH}(?:{_GIVING})")


@lru_cache(maxsize=None)
def _subject() -> re.Pattern:
    """names + 分别/各 + a receiving verb (乙、丙分别领到); the names of places may be followed by
    the class they stand for (甲区、乙市企业分别获得贴息: the places receive)."""
    verbs = alternation(load_words("funding_receive_verbs.txt"))
    classes = alternation(load_words("funding_class_nouns.txt"))
    return regex(rf"(?P<names>{_ITEM}(?:[、和及]{_ITEM})+)(?P<class>{classes})?(?:分别|各)(?:{verbs})")


@lru_cache(maxsize=None)
def _allotted() -> re.Pattern:
    """names + 分别/各 + a verb a notice allots funds with (甲区、乙区分别下达), not 配套 funds."""
    return regex(rf"(?P<names>{_ITEM}(?:[、和及]{_ITEM})+)(?:分别|各)(?:下达|安排|拨付|分配|下拨)(?!配套)")


def _receivers(site: Site, pattern: re.Pattern) -> tuple[list[Ref], Ref | None]:
    """The names that `pattern` finds last in the amount's clause before the amount, and the
    body named last before them in the clause (the subject that gives)."""
    masked = site.masked
    at, left = masked.offsets[site.amount.start], masked.offsets[site.left]
    found = None
    for m in pattern.finditer(masked.text, left, at):
        found = m
    if found is None or _COUNTED.search(found.groupdict().get("pre") or ""):
        return [], None
    before = [r for r in masked.refs_in(masked.text[left:found.start()]) if r.type in ORG_TYPES]
    return masked.refs_in(found.group("names")), before[-1] if before else None


def _receives(f: Funding, site: Site, pattern: re.Pattern, receivers: tuple[str, ...] = _RECEIVERS) -> Funding:
    if f.type not in _FLOWS:
        return f
    names, giver = _receivers(site, pattern)
    if not names or any(r.type not in receivers for r in names):
        return f
    listed = {r.entity for r in names}
    recipient = f.recipient if f.recipient in listed else names[0].entity
    provider = None if f.provider in listed else f.provider
    if provider is None and giver is not None and giver.entity not in listed:
        provider = giver.entity
    return replace(f, provider=provider, recipient=recipient)


def object_receives(f: Funding, site: Site) -> Funding:
    """甲银行为乙公司提供贷款80万元 / 甲局对表现突出的乙公司给予奖励20万元: the names after 为/对
    and before the verb of giving receive the clause's sum; none of them pays it."""
    return _receives(f, site, _object())


def listed_subjects_receive(f: Funding, site: Site) -> Funding:
    """受灾农户乙、丙分别领到补助4万元和3万元: the names listed before 分别/各 and a receiving
    verb receive; none of them pays. Places may be listed (甲盟、乙市分别获得4200万元、3500万元):
    a place that receives is its government's share; so are places a notice allots funds to
    (甲区、乙区分别下达2960万元、1380万元)."""
    received = _receives(f, site, _subject(), (*_RECEIVERS, EntityType.PLACE.value))
    return received if received is not f else _receives(f, site, _allotted(), (EntityType.PLACE.value,))


# 约定向后者发放贷款: the party named second (后者) or first (前者) in the clauses before.
_FORMER_LATTER = regex("[向为给](前者|后者)")


def former_latter_receives(f: Funding, site: Site) -> Funding:
    """甲银行与乙公司签订借款合同，约定向后者发放贷款12亿元: 后者 (前者) is the second (first) of
    the two bodies the sentence names before it; it receives, and the other one gives."""
    masked = site.masked
    at, left = masked.offsets[site.amount.start], masked.offsets[site.left]
    m = None
    for m in _FORMER_LATTER.finditer(masked.text, left, at):
        pass
    if m is None or f.type not in _FLOWS:
        return f
    parties = list(dict.fromkeys(r.entity for r in masked.refs_in(masked.text[:m.start()]) if r.type in ORG_TYPES))
    if len(parties) != 2:
        return f
    recipient = parties[1] if m.group(1) == "后者" else parties[0]
    other = parties[0] if recipient == parties[1] else parties[1]
    provider = f.provider if f.provider not in (None, recipient) else other
    return replace(f, provider=provider, recipient=recipient)
