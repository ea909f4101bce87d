"""Awards a notice grants to the bodies it lists (a document pass of kg.extract.funding_order):
对甲公司、丙市的乙公司各奖励100万元 / 给予丁公司50万元奖励 / 甲公司总监张三、乙大学教授李四获评
“某人才”，每人奖励30万元. The names listed each receive the sum (a person where an item names one
with its post); none of them pays it: the notice's signing agency, or the story's payer, does.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .clause import PH
from .funding_notices import TITLED_LIST, signers
from .funding_parties import PAYOUTS
from ..cache import regex
from ..model import ORG_TYPES, EntityType, Funding

if TYPE_CHECKING:
    from .funding_passes import Reading

# One listed body, with the place it stands in before it (丙市的乙公司).
_ITEM = rf"(?:(?:{PH}|[^、，,。；;：:的{PH[1:-1]}]){{0,8}}的)?{PH}"
_LIST = rf"{_ITEM}(?:[、和及]{_ITEM})*"
# 对…各奖励 (the sum follows the verb) / 给予…50万元奖励 (the award word follows the sum).
_BEFORE = regex(rf"(?:对(?P<names>{_LIST})(?:分别|各)?(?:奖励|奖补|补助)|给予(?P<given>{_LIST}))$")
_AWARD_AFTER = regex("奖励|奖补|补助")


def _award_names(f: Funding, r: Reading) -> tuple[list[str], set[str]]:
    """The bodies (or persons) the award of `f` is granted to, from the list right before its
    sum, and every name of that list (a winner's employer among them)."""
    index = next((i for i, s in enumerate(r.a.sentences) if s.start == f.evidence.start), -1)
    masked = r.masks.get(index)
    at = f.evidence.sentence.find(f.amount_text or "\0")
    if masked is None or at < 0:
        return [], set()
    start = masked.offsets[at]
    titled = TITLED_LIST.search(masked.text, 0, start)
    if titled:
        listed = {x.entity for x in masked.refs_in(titled.group("names"))}
        return _winners(masked, titled.group("names")), listed
    m = _BEFORE.search(masked.text, 0, start)
    if m is None or m.group().startswith("给予") and not _AWARD_AFTER.match(
            masked.text, masked.offsets[at + len(f.amount_text)]):
        return [], set()
    refs = masked.refs_in(m.group("names") or m.group("given"))
    names = list(dict.fromkeys(x.entity for x in refs if x.type in ORG_TYPES))
    return names, set(names)


def _winners(masked, names: str) -> list[str]:
    """The winner each item of a list names: its person (甲公司总监张三), else its body."""
    out = []
    for item in re.split("[、和及]", names):
        refs = masked.refs_in(item)
        person = [x for x in refs if x.type == EntityType.PERSON]
        bodies = [x for x in refs if x.type in ORG_TYPES]
        if person or bodies:
            out.append((person or bodies)[-1].entity)
    return list(dict.fromkeys(out))


def award_objects(fundings: list[Funding], r: Reading) -> list[Funding]:
    """对甲公司、乙公司各奖励100万元 / 给予丙公司50万元奖励: each body listed after 对/给予 receives
    the award, and no listed body pays it: one funding per body."""
    out: list[Funding] = []
    for f in fundings:
        names, listed = _award_names(f, r) if f.type in PAYOUTS else ([], set())
        if not names or f.recipient not in (None, *listed):
            out.append(f)
            continue
        provider = None if f.provider in listed else f.provider
        types = r.a.types
        if provider is None:
            provider = next((s for s in signers(r.a) if types.get(s) == EntityType.AGENCY), None)
        if provider is None:    # the agency that pays another payout of the kind in the text
            provider = next((g.provider for g in fundings if g.type == f.type and g.provider
                             and types.get(g.provider) == EntityType.AGENCY), None)
        out += [replace(f, provider=provider, recipient=name) for name in names]
    return out
