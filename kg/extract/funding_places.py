"""A place that receives the funds an agency allocates to it (a party pass of
kg.extract.funding_order): 甲省财政厅向乙县拨付救灾资金800万元. A place is no body, but when it is
the only receiver the clause names, it is the one the funds go to.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .clause import PH
from .funding_parties import PAYOUTS
from ..model import EntityType, Funding

if TYPE_CHECKING:
    from .funding_passes import Site

# 向乙县拨付 / 向乙县下达: the verbs of allocating funds down to a place.
_ALLOCATED_TO = re.compile(rf"向({PH})(?:拨付|下达|划拨|调拨|安排)")


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
