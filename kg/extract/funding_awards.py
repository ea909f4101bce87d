"""Awards a notice grants to the bodies it lists (a document pass of kg.extract.funding_order):
对甲公司、丙市的乙公司各奖励100万元 / 给予丁公司50万元奖励. The names listed after 对/给予 each
receive the sum; none of them pays it: the notice's signing agency does.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .clause import PH
from .funding_notices import signers
from .funding_parties import PAYOUTS
from ..model import ORG_TYPES, EntityType, Funding

if TYPE_CHECKING:
    from .funding_passes import Reading

# One listed body, with the place it stands in before it (丙市的乙公司).
_ITEM = rf"(?:(?:{PH}|[^、，,。；;：:的{PH[1:-1]}]){{0,8}}的)?{PH}"
_LIST = rf"{_ITEM}(?:[、和及]{_ITEM})*"
# 对…各奖励 (the sum follows the verb) / 给予…50万元奖励 (the award word follows the sum).
_BEFORE = re.compile(rf"(?:对(?P<names>{_LIST})(?:分别|各)?(?:奖励|奖补|补助)|给予(?P<given>{_LIST}))$")
_AWARD_AFTER = re.compile("奖励|奖补|补助")


def _award_names(f: Funding, r: Reading) -> list[str]:
    """The bodies the award of `f` is granted to: the list right before its sum."""
    index = next((i for i, s in enumerate(r.a.sentences) if s.start == f.evidence.start), -1)
    masked = r.masks.get(index)
    at = f.evidence.sentence.find(f.amount_text or "\0")
    if masked is None or at < 0:
        return []
    start = masked.offsets[at]
    m = _BEFORE.search(masked.text, 0, start)
    if m is None or m.group().startswith("给予") and not _AWARD_AFTER.match(
            masked.text, masked.offsets[at + len(f.amount_text)]):
        return []
    refs = masked.refs_in(m.group("names") or m.group("given"))
    return list(dict.fromkeys(x.entity for x in refs if x.type in ORG_TYPES))


def award_objects(fundings: list[Funding], r: Reading) -> list[Funding]:
    """对甲公司、乙公司各奖励100万元 / 给予丙公司50万元奖励: each body listed after 对/给予 receives
    the award, and no listed body pays it: one funding per body."""
    out: list[Funding] = []
    for f in fundings:
        names = _award_names(f, r) if f.type in PAYOUTS else []
        if not names or f.recipient not in (None, *names):
            out.append(f)
            continue
        provider = None if f.provider in names else f.provider
        if provider is None:
            types = r.a.types
            provider = next((s for s in signers(r.a) if types.get(s) == EntityType.AGENCY), None)
        out += [replace(f, provider=provider, recipient=name) for name in names]
    return out
