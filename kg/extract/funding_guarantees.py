"""The guarantor of a loan (a pass of kg.extract.funding_passes): 由甲担保公司提供担保，乙获得贷款
…: the guarantor backs the loan, it does not lend it; the lender is the bank the sentence names
(该行 included), else the story's lender (story-lender).
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .clause import PH, PLACEHOLDER_BASE
from .funding_roles import is_lender
from ..model import Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Site

# 由甲公司提供担保 / 经甲公司全额担保: the name that guarantees (not 由甲银行发放创业担保贷款,
# a loan product named after its guarantee).
_GUARANTEED = re.compile(rf"(?:经|由)({PH})(?:提供|进行|予以)?(?:全额|连带责任|融资)?担保(?!贷)")


def guarantor_lends_nothing(f: Funding, site: Site) -> Funding:
    """A loan whose lender was taken to be the guarantor its sentence names (由甲担保公司提供担保)
    is lent by the other lender the sentence names, else by no one named yet."""
    masked = site.masked
    guarantors = {masked.refs[ord(m.group(1)) - PLACEHOLDER_BASE].entity for m in _GUARANTEED.finditer(masked.text)}
    if f.type != FundingType.LOAN or f.provider not in guarantors:
        return f
    lender = next((r.entity for r in masked.refs if r.entity not in guarantors and r.entity != f.recipient
                   and is_lender(r.entity)), None)
    return replace(f, provider=lender)
