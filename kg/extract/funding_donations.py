"""The receiver of a donation (a party pass of kg.extract.funding_order): 甲公司向乙慈善总会捐款
200万元 / 在乙慈善总会举行的捐赠仪式上，甲公司捐款200万元. The organisation the gifts are made to
or at receives them (and the gifts of the next sentence that names none); the donor, the
clause's subject, gives.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .clause import PH
from ..cache import regex
from ..model import EntityType, Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Site

_GIFT = regex("捐款|捐赠|捐资")
# 向乙会捐款 / 在乙会举行的捐赠仪式: the body the sentence gives to, before the sum.
_GIVEN_TO = regex(rf"(?:向|为|给)({PH})(?:捐款|捐赠|捐资|捐)|在({PH})举(?:行|办)的[^{PH[1:-1]}，,。；;]{{0,4}}捐")


def donation_receiver(f: Funding, site: Site) -> Funding:
    """甲公司捐款200万元 with no receiver named in its clause: the organisation the sentence says
    the gifts go to (向乙会捐赠) or are made at (在乙会举行的捐赠仪式上) receives it."""
    if f.type != FundingType.GRANT or f.recipient is not None \
            or not _GIFT.search(site.sentence.text, site.left, site.amount.start):
        return f
    masked = site.masked
    found = [masked.refs_in(m.group(1) or m.group(2))[0]
             for m in _GIVEN_TO.finditer(masked.text, 0, masked.offsets[site.amount.start])]
    bodies = {r.entity for r in found if r.type == EntityType.ORGANIZATION and r.entity != f.provider}
    if len(bodies) == 1:
        return replace(f, recipient=bodies.pop())
    # 甲公司向乙会捐款2000万元。随后，丙公司、丁公司分别捐款…: the gifts told next go where the
    # gift of the sentence before went.
    before = site.reading.previous
    if before is not None and before.recipient and before.recipient != f.provider \
            and site.reading.a.types.get(before.recipient) == EntityType.ORGANIZATION \
            and _GIFT.search(before.evidence.sentence) and not found:
        return replace(f, recipient=before.recipient)
    return f


def donor_named(f: Funding, site: Site) -> Funding:
    """甲局拨付救助资金300万元。社会各界捐款50万元: a gift's donor is named in its own sentence; a
    payer taken from the sentences before is not its donor."""
    if f.type != FundingType.GRANT or f.provider is None or not _GIFT.search(site.sentence.text, site.left, site.amount.start):
        return f
    named = {r.entity for r in site.masked.refs}
    return f if f.provider in named else replace(f, provider=None)
