"""The guarantor of a loan (passes of kg.extract.funding_passes): 由甲担保公司提供担保，乙获得贷款
…: the guarantor backs the loan, it does not lend it; the lender is the bank the sentence names
(该行 included), else the story's lender (story-lender). A guarantee fee waived is the guarantor's.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .clause import PH, PLACEHOLDER_BASE
from .funding_roles import is_lender
from ..cache import regex
from ..model import EntityType, Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Site

# 由甲公司提供担保 / 经甲公司全额担保: the name that guarantees (not 由甲银行发放创业担保贷款,
# a loan product named after its guarantee).
_GUARANTEED = regex(rf"(?:经|由)({PH})(?:提供|进行|予以)?(?:全额|连带责任|融资)?担保(?!贷)")
_FEE = "担保费"
_GUARANTOR = "担保"


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


def guarantee_fee_waived(f: Funding, site: Site) -> Funding:
    """甲担保公司提供担保后，乙银行发放贷款500万元，企业少缴担保费5万元: a guarantee fee waived or cut
    is waived by the guarantor the sentence names (a body whose name says 担保), not by the lender."""
    if f.type != FundingType.RELIEF or _FEE not in site.sentence.text[site.left:site.amount.start]:
        return f
    guarantor = next((r.entity for r in site.masked.refs if _GUARANTOR in r.entity and r.entity != f.recipient
                      and r.type in (EntityType.COMPANY, EntityType.ORGANIZATION)), None)
    return replace(f, provider=guarantor) if guarantor else f
