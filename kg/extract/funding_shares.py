"""Shares of one flow told name by name (passes of kg.extract.funding_passes.PARTY_PASSES): sums
passed down place by place (下达甲县600万元、乙县400万元, or a total and then 其中，甲县600万元，
乙县400万元), and capital subscribed into a fund.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .clause import PH, Masked, Ref
from .funding_cues import TOTAL_INVESTMENT
from .funding_notices import signers
from .branch_names import bank_of
from .funding_lenders import is_lender
from .funding_parties import PAYOUTS
from .money import find_amounts
from ..cache import regex
from ..model import EntityType, Evidence, Funding, FundingType, RelationType

if TYPE_CHECKING:
    from .funding_passes import Reading, Site

# A name written right before a sum of money, with no word between them (甲县600万元).
_NAME_THEN_SUM = regex(rf"({PH})(?=\d[\d.,]*[万亿]?元)")
# 出资, 认缴: capital put into a body being set up (a fund, a joint venture).
_SUBSCRIBES = regex("出资|认缴")
_FUND = "基金"
_ROUND_SHARE = "本轮"
# 由甲公司领投 and the label that later stands for it (领投方).
_LEAD = regex(rf"({PH})领投")
_LEAD_LABEL = "领投方"


def paired_sums(f: Funding, site: Site) -> Funding:
    """下达甲县600万元、乙县400万元: where two or more sums each follow a name, a sum's own name
    takes the role that another pair's name was given (the roles nearest the sum may name the
    first pair's name for every sum of the list)."""
    masked = site.masked
    pairs = _pairs(masked)
    if len(pairs) < 2:
        return f
    at = masked.offsets[site.amount.start]
    own = pairs.get(at)
    if own is None:
        return f
    others = {ref.entity for pos, ref in pairs.items() if pos != at}
    for role in ("recipient", "provider"):
        if getattr(f, role) in others and own.entity not in (f.provider, f.recipient):
            return replace(f, **{role: own.entity})
    return f


def shares_after_total(r: Reading, index: int) -> list[Funding]:
    """甲市财政局下达资金共计1000万元。其中，乙县600万元，丙县400万元: a sentence with no cue that
    opens with 其中 and pairs two or more names with sums shares the payout told just before; each
    place's share goes to its body of the payer's kind (乙县财政局) when the document names one,
    and a payer read as one of those sharers gives way to the notice's signer."""
    total, sentence = r.previous, r.a.sentences[index]
    if total is None or total.type not in PAYOUTS or not sentence.text.lstrip().startswith("其中"):
        return []
    masked = r.a.masked(index)
    pairs = _pairs(masked)
    if len(pairs) < 2:
        return []
    takers = {at: _own_body(r, ref, total.provider) for at, ref in pairs.items()}
    provider = total.provider
    if provider is None or provider in takers.values() or provider in {x.entity for x in pairs.values()}:
        provider = next(iter(signers(r.a)), None) or _title_issuer(r)
        r.found[r.found.index(total)] = replace(total, provider=provider)
    ev = Evidence(r.a.doc_id, sentence.text, sentence.start, sentence.end)
    r.masks[index] = masked         # the document passes read the sentence of each funding
    return [Funding(total.type, ev, x.value, x.text, x.approximate, total.date, provider=provider,
                    recipient=takers[masked.offsets[x.start]], program=total.program, rule=total.rule)
            for x in find_amounts(sentence.text) if masked.offsets[x.start] in takers]


def _title_issuer(r: Reading) -> str | None:
    """The first agency that opens the document's title line, 甲局关于下达…的通知 (its issuer)."""
    return next((n.entity for n in r.a.title_issuers if n.type == EntityType.AGENCY), None)


def _own_body(r: Reading, ref: Ref, payer: str | None) -> str:
    """A place's body of the same kind as the payer (甲市财政局 pays 乙县 -> 乙县财政局)."""
    if ref.type != EntityType.PLACE or not payer:
        return ref.entity
    return next((e.label for e in r.a.entities if e.type == EntityType.AGENCY and e.label.startswith(ref.entity)
                 and len(e.label) > len(ref.entity) and payer.endswith(e.label[len(ref.entity):])), ref.entity)


def _pairs(masked: Masked) -> dict[int, Ref]:
    """Masked position of each sum written right after a name -> that name."""
    out = {}
    for m in _NAME_THEN_SUM.finditer(masked.text):
        refs = masked.refs_in(m.group(1))
        if refs and not refs[0].pronoun:
            out[m.end()] = refs[0]
    return out


def subscribed_fund(f: Funding, site: Site) -> Funding:
    """甲基金合伙企业揭牌。…由乙公司、丙公司发起设立，分别认缴出资20亿元、10亿元: capital
    subscribed with no receiver named goes to the fund the story named last (a company whose name
    holds 基金), when the sentence speaks of a fund and not of a financing round (本轮投资中…)."""
    text = site.sentence.text
    if f.type != FundingType.INVESTMENT or f.recipient or not f.provider \
            or _FUND not in text or _ROUND_SHARE in text or not _SUBSCRIBES.search(text, site.left, site.amount.start):
        return f
    a = site.reading.a
    start, end = a.story_start(site.sentence.start), site.sentence.start + site.amount.start
    fund = next((r for r in reversed(a.refs) if start <= r.start and r.end <= end and not r.pronoun
                 and r.type == EntityType.COMPANY and _FUND in r.entity and r.entity != f.provider), None)
    return replace(f, recipient=fund.entity) if fund else f


def founded_company(f: Funding, site: Site) -> Funding:
    """双方共同出资成立项目公司甲公司，注册资本10亿元，乙、丙分别出资6亿元、4亿元 / 乙出资5亿元，共同
    发起设立规模10亿元的丙基金: capital put in with no receiver named goes to the company its
    sentence founds."""
    if f.type != FundingType.INVESTMENT or f.recipient:
        return f
    masked = site.masked
    at = masked.offsets[site.amount.start]
    # 甲出资5亿元、乙出资3亿元，共同发起设立规模10亿元的丙基金: the company founded may follow the sums
    m = _FOUNDS.search(masked.text, 0, at) or _FOUNDED_AFTER.match(masked.text, at)
    founded = masked.refs_in(m.group(1))[0] if m else None
    if founded is None or founded.type != EntityType.COMPANY or founded.entity == f.provider:
        return f
    return replace(f, recipient=founded.entity)


def lead_investor(f: Funding, site: Site) -> Funding:
    """本轮融资由甲公司领投，乙公司跟投。其中，领投方出资1亿元: the lead investor named in the
    sentence or the one before pays its share; the company of the story's round receives it."""
    if f.type != FundingType.INVESTMENT or _LEAD_LABEL not in site.sentence.text[site.left:site.amount.start]:
        return f
    r = site.reading
    lead = None
    for masked in [site.masked] + ([r.last[0]] if r.last else []):
        m = _LEAD.search(masked.text)
        if m and (refs := masked.refs_in(m.group(1))):
            lead = refs[0].entity
            break
    if lead is None:
        return f
    rounds = [g.recipient for g in r.found if g.type == FundingType.INVESTMENT and g.recipient not in (None, lead)
              and r.a.story_start(g.evidence.start) == r.story]
    return replace(f, provider=lead, recipient=f.recipient if f.recipient not in (None, lead) else
                   (rounds[-1] if rounds else None))


# 甲公司投资的乙项目，总投资28亿元: the company that invests in the project named before a total.
_INVESTS_IN = regex(rf"({PH})(?:计划|拟|将)?投资(?:建设|兴建)?的")
# 出资成立项目公司甲公司: the company a sentence founds.
_FOUNDS = regex(rf"(?:成立|设立|组建|注册成立|合资成立|共同设立)了?(?:项目公司|合资公司|新公司)?[“\"]?({PH})")
_FOUNDED_AFTER = regex(rf"[^。；;\n]{{0,24}}?(?:成立|设立|组建)了?(?:规模)?[^，,。；;\n\ue000-\uf8ff]{{0,12}}?的?[“\"]?({PH})")
# 首笔贷款2.5亿元, 乙行承贷10亿元: a tranche or a lender's share of the loan told before.
_TRANCHE = regex("首笔|第一笔|首批|承贷|参贷|提款")
_SHARE_WORDS = ("承贷", "参贷")


def named_project_investor(f: Funding, site: Site) -> Funding:
    """投资额最大的是甲公司投资的乙项目，总投资28亿元: an investment with no investor, right after
    the clause that names the company investing in the project, is that company's."""
    if f.type != FundingType.INVESTMENT or f.provider:
        return f
    masked = site.masked
    left = masked.offsets[site.left]
    start = max((m.end() for m in re.finditer("[，,；;。]", masked.text[:max(0, left - 1)])), default=0)
    found = list(_INVESTS_IN.finditer(masked.text, start, masked.offsets[site.amount.start]))
    if not found:
        return f
    ref = masked.refs_in(found[-1].group(1))[0]
    return replace(f, provider=ref.entity) if ref.type == EntityType.COMPANY and ref.entity != f.recipient else f


def _same_lender(lender: str, drawer: str) -> bool:
    """Whether a drawdown's lender is the loan's: itself, or a branch of the same bank (甲银行乙省分行's
    loan drawn at 甲银行丙市分行)."""
    return lender.startswith(drawer) or bank_of(lender) is not None and bank_of(lender) == bank_of(drawer)


def developer_total(f: Funding, site: Site) -> Funding:
    """甲项目由乙公司投资建设，总投资42亿元，一期由丙公司承建，已完成投资9.8亿元 / 甲项目总投资3.2亿元，
    项目单位已获得丁银行发放的贷款: a project's investment is its developer's, never its builder's,
    and its total no lender's (none's when no developer is known); it is paid to no body but
    the project."""
    if f.type != FundingType.INVESTMENT:
        return f
    a = site.reading.a
    builders = {rel.subject for rel in a.relations if rel.type == RelationType.CONTRACTOR_OF and rel.object == f.project}
    total = site.sentence.text.startswith(TOTAL_INVESTMENT, site.cue.start)
    if not (f.provider in builders or total and (f.provider is None or is_lender(f.provider))):
        return f
    developer = site.reading.developers.get(f.project)
    project = a.types.get(f.recipient) == EntityType.PROJECT
    return replace(f, provider=developer, recipient=f.recipient if project else None)


def loan_tranche(f: Funding, site: Site) -> Funding:
    """约定向乙公司发放贷款12亿元。当天，首笔贷款2.5亿元由甲银行完成发放 (丙行承贷3亿元): a tranche
    or a lender's share of a larger loan told before goes to that loan's borrower."""
    m = _TRANCHE.search(site.sentence.text, site.left, site.amount.start)
    if f.type != FundingType.LOAN or f.recipient or m is None:
        return f
    # A drawdown (首笔, 提款) is of its own lender's loan; a share (承贷) of a syndicate's.
    own = m.group() not in _SHARE_WORDS and f.provider is not None
    loan = next((g for g in reversed(site.told_before()) if g.type == FundingType.LOAN and g.recipient
                 and (g.amount is None or f.amount is None or f.amount < g.amount)
                 and not (own and g.provider and not _same_lender(g.provider, f.provider))), None)
    return replace(f, recipient=loan.recipient) if loan and loan.recipient != f.provider else f
