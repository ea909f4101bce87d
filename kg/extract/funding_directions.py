"""Where an investment goes (另有1.6亿元投向甲项目，该项目由乙公司建设): into a project, whose owner
receives it; a company named only inside the target clause never invests in itself."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..model import EntityType, Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Site

# The sum put into what follows it (1.6亿元投向甲项目).
_PUT_INTO = re.compile("投向")
# The rest of the sum's sentence part, up to a semicolon: where the project's owner is told.
_PART_END = re.compile("[；;。]")


def sum_put_into_project(f: Funding, site: Site) -> Funding:
    """An investment told as a sum put into a project (N亿元投向甲项目) goes to the project's owner: its
    developer, or else the company the sentence part names after the sum (业主为乙公司); its payer is
    only one named in the sum's own clause before it (the fund of the story otherwise)."""
    text, masked = site.sentence.text, site.masked
    if f.type != FundingType.INVESTMENT or not f.project or not _PUT_INTO.match(text, site.amount.end):
        return f
    at = masked.offsets[site.amount.start]
    end = m.start() if (m := _PART_END.search(masked.text, at)) else len(masked.text)
    after = [r.entity for r in masked.refs_in(masked.text[at:end]) if r.type == EntityType.COMPANY]
    owner = site.reading.developers.get(f.project) or next(iter(after), None)
    if owner is None:
        return f
    own_clause = {r.entity for r in masked.refs_in(masked.text[masked.offsets[site.left]:at])}
    provider = f.provider if f.provider in own_clause and f.provider != owner else None
    return replace(f, provider=provider, recipient=owner)
