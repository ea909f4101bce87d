"""Role passes that take the payer named after a receiving verb (获得乙银行800万元贷款 /
获得甲局技术改造资金200万元) over the one a template matched before it. Run from
kg.extract.funding_roles.ROLE_PASSES.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .clause import PH
from .funding_lenders import is_lender
from ..cache import regex
from ..lexicon import load_regex
from ..model import EntityType, FundingType, Role

if TYPE_CHECKING:
    from .funding_roles import RoleSearch

# The kinds an agency pays out of its funds (agency-received-from).
_PAID_BY_AGENCY = (FundingType.GRANT, FundingType.INTEREST_SUBSIDY, FundingType.RELIEF)


@lru_cache(maxsize=None)
def receive_verbs() -> re.Pattern:
    """The receiving verbs (获得, 获, 争取到…), compiled once."""
    return load_regex("funding_receive_verbs.txt")


# 收到本决定书: a document received, no money.
_DOCUMENT = regex(r"本?(?:决定书|通知书|判决书|裁定书|通知|决定)")
# 1500户农户获赔: a counted class right before the receiving verb is who receives.
_COUNTED_RECEIVERS = regex(r"[\d一二两三四五六七八九十百千]+余?[户家名个位所][^\ue000-\uf8ff，,。；;\d]{0,4}$")


def receives_itself(text: str, start: int, end: int) -> bool:
    """Whether a body at `start` receives what a receiving verb before `end` tells of: not when a
    counted class right before the verb receives it (甲保险公司完成理赔，1500户农户获赔960万元),
    nor when it receives a document (自收到本决定书之日起)."""
    verb = next((v for v in receive_verbs().finditer(text, start, end) if not _DOCUMENT.match(text, v.end())), None)
    return verb is not None and not _COUNTED_RECEIVERS.search(text, start, verb.start())


@lru_cache(maxsize=None)
def _lender_received() -> re.Pattern:
    """A receiving verb and the name right after it, at the end of the text before the sum."""
    return regex(rf"(?:{receive_verbs().pattern})了?({PH})$")


@lru_cache(maxsize=None)
def _fund_received() -> re.Pattern:
    """A receiving verb and the name right after it, only a fund's name (and the sums told before
    this one: 分别获得甲基金投资1.5亿元、8000万元) between it and the sum."""
    return regex(rf"(?:{receive_verbs().pattern})了?({PH})[^，,。；;\ue000-\uf8ff\d]*(?:[\d.]+[万亿]?元[、和及])*$")


def lender_received_from(s: RoleSearch) -> None:
    """甲银行牵头对接，乙公司获得丙银行800万元贷款 / 甲担保公司为乙公司提供担保，帮助其获得丙银行
    贷款: the lender named between the receiving verb and the loan's sum lends, not the subject,
    guarantor or partner matched before."""
    if s.kind != FundingType.LOAN:
        return
    m = _lender_received().search(s.masked.text[s.clause:s.at])
    refs = s.masked.refs_in(m.group(1)) if m else []
    if refs and is_lender(refs[0].entity) and refs[0].entity != s.roles.get(Role.RECIPIENT):
        if s.roles.get(Role.PROVIDER) == s.roles.get(Role.FACILITATOR):
            s.roles.pop(Role.PROVIDER, None)
        s.roles[Role.PROVIDER] = refs[0].entity


def agency_received_from(s: RoleSearch) -> None:
    """甲公司获得乙局技术改造资金200万元: an agency named right after the receiving verb, with only
    the fund's name between it and the sum, pays the grant or subsidy (not one named before); a
    company, fund or agency named there makes the investment."""
    if s.kind not in _PAID_BY_AGENCY + (FundingType.INVESTMENT,):
        return
    m = _fund_received().search(s.masked.text[s.clause:s.at])
    refs = s.masked.refs_in(m.group(1)) if m else []
    # 乙公司获得甲基金直接投资1.5亿元 / 获得市财政注入资本金: a company, fund or agency named there invests.
    payers = (EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.AGENCY) if s.kind == FundingType.INVESTMENT \
        else (EntityType.AGENCY,)
    if refs and refs[0].type in payers and refs[0].entity != s.roles.get(Role.RECIPIENT):
        s.roles[Role.PROVIDER] = refs[0].entity
