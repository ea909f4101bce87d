"""A place that receives the funds an agency allocates to it (a party pass of
kg.extract.funding_order): 甲省财政厅向乙县拨付救灾资金800万元. A place is no body, but when it is
the only receiver the clause names, it is the one the funds go to. And funds of a level (省级资金)
are paid by a body of that level.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from . import places
from .canonical import split_jurisdiction
from .clause import PH
from .funding_parties import PAYOUTS
from ..cache import regex
from ..model import EntityType, Funding

if TYPE_CHECKING:
    from .funding_passes import Site

# 向乙县拨付 / 向乙县下达: the verbs of allocating funds down to a place.
_ALLOCATED_TO = regex(rf"向({PH})(?:拨付|下达|划拨|调拨|安排)")


def place_receives(f: Funding, site: Site) -> Funding:
    """甲厅向乙县拨付救灾资金800万元: with no receiver found, the place the clause allocates the
    funds to (向 + place + 拨付/下达) receives them."""
    if f.recipient is not None or f.type not in PAYOUTS:
        return f
    masked = site.masked
    at, left = masked.offsets[site.amount.start], masked.offsets[site.left]
    found = [m for m in _ALLOCATED_TO.finditer(masked.text, left, at)]
    places = [masked.refs_in(m.group(1))[0] for m in found]
    if len(places) != 1 or places[0].type != EntityType.PLACE or places[0].entity == f.provider:
        return f
    return replace(f, recipient=places[0].entity)


# 省级救灾资金500万元: funds of a level, named right before their sum
_LEVEL_FUNDS = regex(r"(省|市|州|县|区)(?:本)?级[^，,。；;\d]{0,12}?资金$")
_LEVELS = {"省": "province", "市": "city", "州": "city", "县": "county", "区": "county"}


def level_funds_payer(f: Funding, site: Site) -> Funding:
    """财政部下达中央资金800万元，省级资金300万元: funds of a level (省级) are paid by a body of
    that level, the last one of the story that paid before (甲省财政厅), not a payer of another
    level the clause shares."""
    m = _LEVEL_FUNDS.search(site.sentence.text, max(0, site.amount.start - 20), site.amount.start)
    if m is None or f.type not in PAYOUTS or agency_level(f.provider) == _LEVELS[m.group(1)]:
        return f
    r = site.reading
    payers = [g.provider for g in r.found if g.provider and agency_level(g.provider) == _LEVELS[m.group(1)]
              and r.a.types.get(g.provider) == EntityType.AGENCY]
    return replace(f, provider=payers[-1] if payers else None)


def agency_level(name: str | None) -> str | None:
    """The level of the place a body's name opens with (甲省财政厅: province), None without one."""
    prefix = split_jurisdiction(name)[0] if name else []
    info = places.lookup_place(prefix[-1]) if prefix else None
    return info.level if info else None
