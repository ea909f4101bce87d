"""Parties that another part of the story tells (passes of kg.extract.funding_passes): a private
person who receives, the borrower a guaranteed loan's 该公司 names, the insurer of a story's
claim payouts, the borrower of a debt that a court recovers for a lender.
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .clause import PLACEHOLDER_BASE, Ref, story_start
from .funding_cues import clause_bounds
from .employment import post_regex
from .funding_roles import is_lender
from ..cache import regex
from ..lexicon import alternation, load_regex, load_words
from .funding_parties import PAYOUTS
from ..model import EntityType, Funding, FundingType, RelationType

if TYPE_CHECKING:
    from .funding_passes import Reading, Site

# 经甲担保公司担保 / 由甲公司提供担保 / 在甲公司提供担保后: the guarantor of a loan.
_GUARANTEED = regex(r"(?:经|由|在)([\ue000-\uf8ff])(?:提供)?(?:连带责任)?担保")
_THROUGH = "通过"
# 向养殖户张三发放: the words between the preposition and the person name none.
_PAID_TO = regex(r"(?:向|为|给)[^\ue000-\uf8ff，,。；;]{0,12}$")
# 为其办理 / 向其发放: 其 after the payee's preposition stands for a body told before.
_TO_IT = regex("(?:为|向|给)(其|他(?!们)|她(?!们))")
_GUARANTEED_IT = regex("为(其)[^，,。；;]{0,8}担保")
_PERSONS = (EntityType.PERSON,)
# 拨付资金150万元，用于企业设备更新: a bare 企业/公司 that the sum serves, after it.
_SERVES_BARE = regex(r"[^，,。；;]{0,4}?(?:用于|支持|扶持|帮助|助力)(?:企业|公司)(?![家们等界群间类性化主])")
# 由甲局给予每家最高30万元补贴: the agency a rule names as the one that gives.
_RULE_PAYER = regex(r"由([\ue000-\uf8ff])(?:统一|按规定|按标准)?(?:给予|发放|拨付|兑现)")
_BODIES_AND_PERSONS = (EntityType.COMPANY, EntityType.ORGANIZATION, EntityType.AGENCY, EntityType.PERSON)
# What a private person may receive: a loan, a grant, a claim payout.
_PERSONAL = (FundingType.LOAN, FundingType.GRANT)
# 乙、丙也分别获得…: receivers told after others, of the same flow
_ALSO = regex("也(?:都|均|分别|各)?(?:获得|得到|拿到|获批|争取到|收到|享受)")


def person_receives(f: Funding, site: Site) -> Funding:
    """养殖大户张三的鸡舍被淹，领到赔款7万元 / 向养殖户李四发放贷款26万元: a named person who
    holds no post in the story (a speaker for a body never receives for it), the last name before
    the sum (but the sum's payer), receives when a receiving verb follows it or a preposition of
    the payee precedes it."""
    if f.recipient or f.type not in _PERSONAL:
        return f
    masked, at = site.masked, site.masked.offsets[site.amount.start]
    before = [r for r in masked.refs if masked.position(r) < at]
    # 张三通过乙平台申请到甲银行15万元贷款: the lender, and a channel, between the person and the sum
    while len(before) > 1 and (before[-1].entity == f.provider
                               or masked.text.endswith(_THROUGH, 0, masked.position(before[-1]))):
        before.pop()
    if not before or before[-1].type != EntityType.PERSON:
        return f
    person, pos = before[-1], masked.position(before[-1])
    if load_regex("speech_verbs.txt").search(masked.text, pos, at):
        return f        # 据张三介绍，今年获得贷款…: the speaker tells of another's sum
    if not load_regex("funding_receive_verbs.txt").search(masked.text, pos, at) \
            and not _PAID_TO.search(masked.text, 0, pos):
        return f
    posted = {r.subject for r in site.reading.a.relations if r.type == RelationType.WORKS_FOR}
    return f if person.entity in posted or person.entity == f.provider else replace(f, recipient=person.entity)


def also_received(f: Funding, site: Site) -> Funding:
    """甲支行向乙合作社发放贷款150万元。丙合作社、丁农场也分别获得90万元和45万元贷款: those who also
    received are paid by the payer of the same kind of flow told before them."""
    if f.provider or not _ALSO.search(site.sentence.text, 0, site.amount.start):
        return f
    prior = next((g for g in reversed(site.told_before()) if g.type == f.type and g.provider
                  and g.provider != f.recipient), None)
    return replace(f, provider=prior.provider) if prior else f


def guarantor_is_no_borrower(f: Funding, site: Site) -> Funding:
    """甲公司是其中之一。经乙担保公司担保，丙银行向该公司放贷700万元，丁局另补贴担保费: the
    guarantor named in the sentence facilitates the loan; 该公司 is the company the story named
    before the sentence, and it receives the loan and the subsidy of its sentence."""
    masked = site.masked
    m = _GUARANTEED.search(masked.text)
    guarantor = masked.refs[ord(m.group(1)) - PLACEHOLDER_BASE].entity if m else None
    if f.type not in _PERSONAL + PAYOUTS or guarantor is None or f.recipient != guarantor \
            or not any(r.pronoun and r.entity == guarantor for r in masked.refs):
        return f
    a, start = site.reading.a, site.sentence.start
    earlier = (r for r in reversed(a.refs) if r.end <= start and a.story_start(r.start) == site.reading.story)
    named = next((r.entity for r in earlier if r.type == EntityType.COMPANY and not r.pronoun
                  and r.entity != guarantor and not is_lender(r.entity)), None)
    loan = f.type == FundingType.LOAN
    return replace(f, recipient=named, facilitator=guarantor if loan else f.facilitator)


def pronoun_payee(f: Funding, site: Site) -> Funding:
    """甲公司发展很快。乙银行为其办理融资800万元: 其 after the payee's preposition in the sum's
    clause is the last body named before it, in its sentence or the one before, that neither
    lends nor takes another role of the funding (unless a person is named after it); 他 or 她
    is the last person named so."""
    text, sentences = site.sentence.text, site.reading.a.sentences
    m = _TO_IT.search(text, site.left, site.amount.start)
    guarantee = None if m or f.type != FundingType.LOAN else _GUARANTEED_IT.search(text, 0, site.left)
    m = m or guarantee
    if f.recipient or f.type == FundingType.INVESTMENT or m is None:
        return f
    # 甲公司急需资金，乙担保公司为其提供担保后，丙银行发放贷款: 其 is who borrows, not the guarantor
    at = site.sentence.start + (clause_bounds(text, m.start(), m.start())[0] if guarantee else m.start())
    earliest = sentences[site.index - 1].start if site.index else site.sentence.start
    a = site.reading.a
    person = m.group(1) != "其"
    named = next((r for r in reversed(a.refs) if earliest <= r.start and r.end <= at
                  and r.type in (_PERSONS if person else _BODIES_AND_PERSONS) and not is_lender(r.entity)
                  and r.entity not in (f.provider, f.facilitator) and not after_post(a.text.text, r)), None)
    # 张三是甲公司员工，乙银行为其发放: a person named last is who 其 is, and no company receives;
    # 给他 / 为她 is the person named last.
    return replace(f, recipient=named.entity) if named and (person or named.type != EntityType.PERSON) else f


def after_post(text: str, ref: Ref) -> bool:
    """True for a person written after a post (市长张三): an official visits or speaks for a body,
    so 其 after them (在甲公司，市长张三察看…。乙银行为其提供贷款) is the body named before."""
    return ref.type == EntityType.PERSON and bool(post_regex().search(text, max(0, ref.start - 12), ref.start))


def bare_company_served(f: Funding, site: Site) -> Funding:
    """甲银行向乙公司授信8000万元。甲局拨付资金150万元，用于企业设备更新: a bare 企业 that a sum
    with no payee serves, right after it or after one comma, is the company that received the
    funding told last before it in the story (never a lender, guarantor or agency)."""
    text, end = site.sentence.text, site.amount.end
    comma = re.match(r"[^，,。；;]*[，,]", text[end:])
    if f.recipient or f.type == FundingType.INVESTMENT or not (
            _SERVES_BARE.match(text, end) or comma and _SERVES_BARE.match(text, end + comma.end())):
        return f
    r = site.reading
    last = next((g for g in reversed(r.found + site.current) if g.recipient), None)
    if last is None or r.a.story_start(last.evidence.start) != r.a.story_start(site.sentence.start) \
            or r.a.types.get(last.recipient) != EntityType.COMPANY or is_lender(last.recipient) \
            or last.recipient == f.provider:
        return f
    return replace(f, recipient=last.recipient)


def rule_payer(f: Funding, site: Site) -> Funding:
    """对达标企业由甲局给予补贴。乙公司获得补贴28万元: a payout with no payer is paid by the
    agency that the sentence before, in the same paragraph, names after 由 as the giver."""
    a, i = site.reading.a, site.index
    if f.provider or f.type not in PAYOUTS or i == 0 \
            or "\n" in a.text.text[a.sentences[i - 1].end:site.sentence.start]:
        return f
    before = a.masked(i - 1)
    m = _RULE_PAYER.search(before.text)
    payer = before.refs_in(m.group(1)) if m else []
    if payer and payer[0].type == EntityType.AGENCY and payer[0].entity != f.recipient:
        return replace(f, provider=payer[0].entity)
    return f


@lru_cache(maxsize=None)
def _leveraged() -> re.Pattern:
    # no name between the verb and the sum: 撬动甲银行贷款 names its lender
    return regex(rf"(?:{alternation(load_words('funding_leverage_verbs.txt'))})[^\ue000-\uf8ff，,。；;\d]{{0,8}}$")


def leveraged_loan(f: Funding, site: Site) -> Funding:
    """甲担保公司为企业提供担保，撬动银行贷款5亿元: the loans a guarantee or a fund draws in are
    lent by banks the text does not name, not by the body that draws them in."""
    masked, offsets = site.masked, site.masked.offsets
    if f.type != FundingType.LOAN or not f.provider \
            or not _leveraged().search(masked.text, offsets[site.left], offsets[site.amount.start]):
        return f
    return replace(f, provider=None)


def claims_insurer(fundings: list[Funding], r: Reading) -> list[Funding]:
    """甲保险公司已赔付农户530万元。…乙领到赔款7万元: a claim payout without a payer is paid
    by the insurer (a company) that paid the story's earlier claim payout."""
    claims = load_regex("funding_claim_words.txt")
    starts, types = r.a.story_starts, r.a.types
    out: list[Funding] = []
    for f in fundings:
        if not f.provider and claims.search(f.evidence.sentence):
            story = story_start(starts, f.evidence.start)
            insurer = next((g.provider for g in reversed(out) if g.provider and claims.search(g.evidence.sentence)
                            and types.get(g.provider) == EntityType.COMPANY and g.provider != f.recipient
                            and story_start(starts, g.evidence.start) == story), None)
            f = replace(f, provider=insurer) if insurer else f
        out.append(f)
    return out


def recovered_loan(fundings: list[Funding], r: Reading) -> list[Funding]:
    """为申请执行人甲银行执行到位本息640万元 … 乙公司曾向甲银行借款600万元: a claim held by a lender,
    with no debtor named, is owed by the one borrower of that lender's loans in the story."""
    starts = r.a.story_starts
    out = []
    for f in fundings:
        if f.type == FundingType.DEBT and f.provider and not f.recipient:
            story = story_start(starts, f.evidence.start)
            borrowers = {g.recipient for g in fundings if g.type == FundingType.LOAN and g.provider == f.provider
                         and g.recipient and story_start(starts, g.evidence.start) == story}
            if len(borrowers) == 1:
                f = replace(f, recipient=borrowers.pop())
        out.append(f)
    return out


# 其中，甲公司、乙公司分别获得补助30万元、20万元: a sentence that parts the sum told before it
_PARTS = regex(r"\s*其中[，,]?")


def parts_take_total_payer(fundings: list[Funding], r: Reading) -> list[Funding]:
    """28家企业共获得补助资金560万元。其中，甲公司、乙公司分别获得补助30万元、20万元: the named parts of
    a total paid to a class, in the sentence after it, have the total's payer, also one the story
    gave it late."""
    index_of = {s.start: i for i, s in enumerate(r.a.sentences)}
    out = []
    for f in fundings:
        i = index_of.get(f.evidence.start)
        if f.provider is None and f.recipient and i and _PARTS.match(r.a.sentences[i].text):
            before = r.a.sentences[i - 1].start
            total = next((g for g in fundings if g.evidence.start == before and g.type == f.type and g.provider
                          and g.recipient is None), None)
            if total is not None and total.provider != f.recipient:
                f = replace(f, provider=total.provider)
        out.append(f)
    return out
