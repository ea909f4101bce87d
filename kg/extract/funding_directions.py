"""Where a project's money goes: an investment put into a project (另有1.6亿元投向甲项目，该项目由乙公司
建设) to its owner, a company named only inside the target clause never investing in itself; and a
sum the project receives (该基地由乙公司运营，今年获得补助资金300万元) to the company that runs it; a loan
told as the lender's (由甲支行发放的N万元项目贷款，已全部用于乙公司…) to the company it is used by,
and one whose borrower the sentence states by its label (借款人为乙公司) to that borrower."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .funding_received import receive_verbs
from .funding_lenders import is_lender
from ..cache import regex
from ..model import EntityType, Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Site

# The sum put into what follows it (1.6亿元投向甲项目).
_PUT_INTO = regex("投向")
# The rest of the sum's sentence part, up to a semicolon: where the project's owner is told.
_PART_END = regex("[；;。]")
# 该基地由乙公司运营，: the company that runs the sentence's subject, in the clause right before.
_RUN_BY = regex(r"由([\ue000-\uf8ff])(?:负责)?(?:运营|经营|管理|建设|实施|承建|投资建设)[，,]$")
# 由甲支行发放的N万元贷款: the lender of a loan told as a participle, before the sum in its clause.
_LENT_BY = regex(r"由([\ue000-\uf8ff])(?:发放|投放|提供|放款)的[^\ue000-\uf8ff，,。；;]{0,4}$")
# …银团贷款签约仪式举行，贷款将全部用于乙公司: the company the loan is used by, after it in its
# sentence with no other name between.
_USED_BY = regex(r"[^。；;]{0,30}?用于([\ue000-\uf8ff])")
# 借款人为甲公司: a loan's borrower stated by its label.
_BORROWER_IS = regex(r"(?:借款人|借款主体|借款方|承贷主体|贷款主体)(?:为|是)([\ue000-\uf8ff])")
# The sum's clause opens with its receiving verb, after a few words of time (今年获得).
_OPENS_RECEIVING = regex(r"[^\ue000-\uf8ff，,。；;]{0,6}?$")


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


def operator_receives(f: Funding, site: Site) -> Funding:
    """该基地由乙公司运营，今年获得补助资金300万元: a sum with no payee that the clause after 由乙公司
    运营 receives (its receiving verb opening the clause) goes to the company that runs it."""
    masked = site.masked
    clause, at = masked.offsets[site.left], masked.offsets[site.amount.start]
    m = _RUN_BY.search(masked.text, 0, clause)
    verb = receive_verbs().search(masked.text, clause, at)
    if f.recipient or f.type == FundingType.INVESTMENT or m is None or verb is None \
            or not _OPENS_RECEIVING.match(masked.text[clause:verb.start()]):
        return f
    operator = masked.refs_in(m.group(1))[0]
    if operator.type != EntityType.COMPANY or operator.entity == f.provider:
        return f
    return replace(f, recipient=operator.entity)


def borrower_stated(f: Funding, site: Site) -> Funding:
    """3.2亿元银团贷款合同正式签订，借款人为甲公司: the borrower a loan's sentence states by its
    label borrows it."""
    if f.type != FundingType.LOAN or f.recipient:
        return f
    m = _BORROWER_IS.search(site.masked.text)
    borrower = site.masked.refs_in(m.group(1))[0] if m else None
    if borrower is None or borrower.entity == f.provider or is_lender(borrower.entity):
        return f
    return replace(f, recipient=borrower.entity)


def participle_loan_used_by(f: Funding, site: Site) -> Funding:
    """由甲支行发放的5000万元项目贷款，已全部用于乙公司丙项目: the company the loan is used by,
    after it, borrows; a lender after 由 lends."""
    masked = site.masked
    clause, at = masked.offsets[site.left], masked.offsets[site.amount.start]
    used = _USED_BY.match(masked.text, masked.offsets[site.amount.end - 1] + 1)
    if f.type != FundingType.LOAN or f.recipient or used is None:
        return f
    between = masked.refs_in(masked.text[used.start():used.start(1)])
    user = masked.refs_in(used.group(1))[0]
    if any(r.type != EntityType.PLACE for r in between):
        return f
    lent = _LENT_BY.search(masked.text, clause, at)
    lender = masked.refs_in(lent.group(1))[0].entity if lent else f.provider
    if user.type != EntityType.COMPANY or user.entity == lender or is_lender(user.entity):
        return f
    return replace(f, provider=lender, recipient=user.entity)


# 返还, 退税: a levy handed back to the one it was taken from (a company 退还 its customers' money).
_REFUND = regex("返还|退税|即征即退")
# 向顾客返还, 向甲公司推荐的企业: the preposition of the one paid
_PAID_TO = regex("[向给为对]")


def refund_received(f: Funding, site: Site) -> Funding:
    """甲公司、乙公司分别拟返还31.7万元、8.4万元 (of a 稳岗返还 notice): a levy's refund is handed
    back by the body that collected it; a company or organisation, no bank, that the roles made
    its payer receives it, unless the clause names whom it pays back (向顾客返还)."""
    cue, text = site.sentence.text[site.cue.start:site.cue.end], site.sentence.text
    if f.type != FundingType.RELIEF or f.recipient or not f.provider or not _REFUND.search(cue) \
            or _PAID_TO.search(text, site.left, site.amount.start) \
            or site.reading.a.types.get(f.provider) not in (EntityType.COMPANY, EntityType.ORGANIZATION) \
            or is_lender(f.provider):
        return f
    return replace(f, provider=None, recipient=f.provider)


# 其中500万元来自甲支行发放的贷款: the body right after the sum that it comes from.
_COMES_FROM = regex(r"(?:均|全部|主要|大部分)?(?:来自|来源于)([\ue000-\uf8ff])")


def sum_comes_from(f: Funding, site: Site) -> Funding:
    """其中300万元来自甲支行发放的绿色信贷: the body a sum comes from, named right after it, pays it."""
    masked = site.masked
    m = _COMES_FROM.match(masked.text, masked.offsets[site.amount.end])
    payer = masked.refs_in(m.group(1))[0] if m else None
    if payer is None or payer.type == EntityType.PLACE or payer.entity == f.recipient:
        return f
    return replace(f, provider=payer.entity)


# 除甲银行贷款外，还争取到…: a body set aside by 除…外 before the sum.
_SET_ASIDE = regex(r"除([\ue000-\uf8ff])[^\ue000-\uf8ff，,。；;]{0,10}?以?外")


def set_aside_pays_nothing(f: Funding, site: Site) -> Funding:
    """项目除甲银行贷款外，还争取到专项资金7300万元: the body 除…外 sets aside before the sum, named
    nowhere else before it in the sentence, does not pay it."""
    masked, at = site.masked, site.masked.offsets[site.amount.start]
    aside = [m for m in _SET_ASIDE.finditer(masked.text, 0, at) if m.end() <= at]
    if not f.provider or not aside:
        return f
    named = [r.entity for r in masked.refs if masked.position(r) < at]
    excepted = {r.entity for m in aside for r in masked.refs_in(m.group(1))}
    return replace(f, provider=None) if f.provider in excepted and named.count(f.provider) == 1 else f


# 向甲担保公司推荐的企业发放贷款: a name after 向 that only modifies the class that receives.
_MODIFIES_CLASS = regex(r"[^\ue000-\uf8ff，,。；;的]{0,4}的(?:企业|农户|客户|商户|市场主体|经营主体|个体工商户|小微企业|中小企业)")


def class_receives(f: Funding, site: Site) -> Funding:
    """分别向甲担保公司推荐的小微企业发放贷款2.3亿元: the body named after 向 modifies the class
    that receives (企业 it recommends), and receives nothing itself."""
    masked, at = site.masked, site.masked.offsets[site.amount.start]
    named = [r for r in masked.refs if r.entity == f.recipient and masked.position(r) < at] if f.recipient else []
    pos = masked.position(named[-1]) if named else -1
    if pos < 1 or not _PAID_TO.match(masked.text, pos - 1) or not _MODIFIES_CLASS.match(masked.text, pos + 1):
        return f
    return replace(f, recipient=None)
