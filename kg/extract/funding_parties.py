"""Parties a funding's own clause leaves out, from around it: a counted borrower named after the
sum, the story's one lender, the creditor of a claim notice (passes of kg.extract.funding_passes).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .clause import LEGAL_FORM_END, PH, PLACEHOLDER_BASE, Masked, Ref, Tally, implicit_subject
from .funding_cues import BALANCE
from .funding_roles import is_lender
from ..cache import regex
from ..lexicon import alternation, load_regex, load_words
from ..model import ORG_TYPES, EntityType, Funding, FundingType, RelationType

if TYPE_CHECKING:
    from .analysis import Analysis
    from .funding_passes import Reading, Site

# 为一家企业投放贷款: a borrower the clause counts without naming it.
_ONE_UNNAMED = regex(r"(?:为|向|给)一家[^\ue000-\uf8ff，,。；;]{0,4}?(?:企业|公司)")
# 《甲公司与乙银行债权转让通知暨债务催收联合公告》: a notice that sells or collects claims.
_CLAIM_NOTICE = regex("债权转让|债务催收|债权拍卖|债权处置")
_CLAIM_WORDS = regex("债权|债务")
# Payouts of a public body: the speaker of a transcript's turn or the payer a list's header
# names pays them when nothing else names a payer (a loan or a claim needs its own lender).
PAYOUTS = (FundingType.GRANT, FundingType.INTEREST_SUBSIDY, FundingType.RELIEF)
GIFT_RULE = "cue-Grant-22"      # 捐款|捐赠|捐资: the funding cue row of gifts


def story_may_pay(f: Funding) -> bool:
    """Whether a payout left without a payer may take the payer of its story: not a gift, which
    comes from donors its own sentence names (甲局拨付资金300万元。社会各界捐款50万元)."""
    return f.type in PAYOUTS and f.rule != GIFT_RULE


def last_agency_payer(fundings: list[Funding], kind: str, types: dict[str, str]) -> str | None:
    """The agency that paid the last of `fundings` of `kind`: the payer of a list or table of
    that flow that names none."""
    return next((g.provider for g in reversed(fundings) if g.type == kind and g.provider
                 and types.get(g.provider) == EntityType.AGENCY), None)


def named_after(f: Funding, site: Site) -> Funding:
    """为一家企业投放1亿元贷款，保障乙公司生产 / …。乙公司是…: the company named after the sum in
    the sentence, or opening the next sentence of the story, is the one counted (cataphora)."""
    masked, at = site.masked, site.masked.offsets[site.amount.start]
    if f.recipient or not _ONE_UNNAMED.search(masked.text, site.masked.offsets[site.left], at):
        return f
    company = next((r for r in masked.refs if _borrower(r, f) and masked.position(r) > at), None)
    a, nxt = site.reading.a, site.index + 1
    if company is None and nxt < len(a.sentences) and a.story_start(a.sentences[nxt].start) == site.reading.story:
        opening = a.masked(nxt)
        company = next((r for r in opening.refs if _borrower(r, f) and opening.position(r) == 0), None)
    return replace(f, recipient=company.entity) if company else f


# 甲、乙分别获得补助…，丙局按照…的原则，将资金直接拨付到企业: the body that pays the sums out
_PAYS_OUT = regex(rf"(?:^|[，,；;])({PH})(?:[、和与]{PH})?[^\ue000-\uf8ff。；;]{{0,30}}?将[^\ue000-\uf8ff，,。；;]{{0,6}}?"
                  r"(?:资金|补助|奖补|奖励|补贴)[^\ue000-\uf8ff，,。；;]{0,6}?(?:拨付|发放|兑付|兑现|下拨|分解|分配)")


def disburser_after(f: Funding, site: Site) -> Funding:
    """甲公司、乙合作社分别获得补助140万元、65万元，丙局按照先建后补的原则，将资金直接拨付到企业:
    the agency that pays the funds out in a later clause of the sentence pays the sums before it;
    so does one that did so in the sentence before (丙局将资金分解到项目。丁项目获得补助530万元) when
    the sum's own sentence names no agency."""
    masked = site.masked
    m = _PAYS_OUT.search(masked.text, masked.offsets[site.amount.start])
    if m is None and site.index and not any(r.type == EntityType.AGENCY for r in masked.refs):
        masked = site.reading.a.masked(site.index - 1)
        m = _PAYS_OUT.search(masked.text)
    payer = masked.refs[ord(m.group(1)) - PLACEHOLDER_BASE] if m else None
    if f.type not in PAYOUTS or payer is None or payer.type != EntityType.AGENCY or payer.entity == f.recipient:
        return f
    return replace(f, provider=payer.entity)


# 集团: a group's own report calls it by its bare head (集团获得授信30亿元).
_GROUP = "集团"


def bare_group_receives(f: Funding, site: Site) -> Funding:
    """报告期内，集团获得甲银行授信30亿元: a bare 集团 opening the sum's clause and receiving it is
    the one group company the document names before it."""
    text, verbs = site.sentence.text, load_regex("funding_receive_verbs.txt").pattern
    if f.recipient or not re.match(rf"\s*{_GROUP}(?:{verbs})", text[site.left:site.amount.start]):
        return f
    end = site.sentence.start
    groups = {r.entity for r in site.reading.a.refs if r.end <= end and not r.pronoun
              and r.type == EntityType.COMPANY and LEGAL_FORM_END.sub("", r.entity).endswith(_GROUP)}
    return replace(f, recipient=groups.pop()) if len(groups) == 1 and f.provider not in groups else f


def story_lender(f: Funding, site: Site) -> Funding:
    """甲行去年新增贷款120亿元。…又组织实施“乙行动”，安排300亿元信贷: a loan whose sentence names
    no party before its sum is lent by the one lender of the story's earlier loans (not a
    balance: 全市贷款余额100亿元 is the market's, not one lender's)."""
    masked, at = site.masked, site.masked.offsets[site.amount.start]
    if f.type != FundingType.LOAN or f.provider or BALANCE in site.sentence.text or _subject_before(masked, at):
        return f
    r = site.reading
    lenders = {g.provider for g in r.found + site.current if g.type == FundingType.LOAN and g.provider
               and r.a.story_start(g.evidence.start) == r.story}
    lender = lenders.pop() if len(lenders) == 1 else None
    return replace(f, provider=lender) if lender and is_lender(lender) and lender != f.recipient else f


def headline_lender(f: Funding, site: Site) -> Funding:
    """甲银行某分行“链”上发力 乙集群获贷23.6亿元 / …今年以来，累计向集群企业投放贷款23.6亿元: a loan
    whose sentence names no party before its sum is lent by the lender the title opens with, when
    no other lender is named between the title and the sum."""
    masked, at, a = site.masked, site.masked.offsets[site.amount.start], site.reading.a
    if f.type != FundingType.LOAN or f.provider or BALANCE in site.sentence.text or _subject_before(masked, at) \
            or site.index == 0 or not a.story_starts or a.sentences[0].end > a.story_starts[0]:
        return f        # the first sentence must be a title, a story's headline
    title = a.masked(0)
    first = title.refs[0] if title.refs else None
    if first is None or title.position(first) or not is_lender(first.entity) or first.entity == f.recipient:
        return f
    end = site.sentence.start + site.amount.start
    if any(is_lender(r.entity) and r.entity != first.entity for r in a.names if a.sentences[0].end <= r.start < end):
        return f
    return replace(f, provider=first.entity)


def previous_subject_pays(f: Funding, site: Site) -> Funding:
    """甲局今年筹集资金支持企业。又安排补贴资金300万元: a payout whose sentence names nobody before
    its sum (zero anaphora: it opens with a verb or an adverb) is paid by the agency that opens
    the sentence before, in the same paragraph."""
    masked, at, a, i = site.masked, site.masked.offsets[site.amount.start], site.reading.a, site.index
    if f.provider or f.type not in PAYOUTS or i == 0 or _subject_before(masked, at) \
            or "\n" in a.text.text[a.sentences[i - 1].end:site.sentence.start]:
        return f
    opening = a.masked(i - 1)
    first = opening.refs[0] if opening.refs else None
    if first is None or opening.position(first) or first.type != EntityType.AGENCY or first.entity == f.recipient:
        return f
    return replace(f, provider=first.entity)


def clause_subject_pays(f: Funding, site: Site) -> Funding:
    """甲公司拟向乙公司增资2.5亿元；拟向丙公司增资8000万元: a flow whose clause, after a semicolon,
    names nobody before its sum has the giver of the same kind of flow the clause before told."""
    r, masked = site.reading, site.masked
    before = r.previous
    if f.provider or before is None or before.type != f.type or before.provider in (None, f.recipient) \
            or r.a.text.text[site.sentence.start - 1:site.sentence.start] not in _SEMICOLONS \
            or not _OPENS_WITH_PREPOSITION.match(masked.text):
        return f
    return replace(f, provider=before.provider)


def story_actor_pays(fundings: list[Funding], r: Reading) -> list[Funding]:
    """甲厅筹集资金…。甲厅联合有关部门印发办法…。为支持项目，还安排了补贴资金14.5亿元: a payout left
    without a payer whose sentence names no subject before its sum is paid by the story's main
    actor (the body named most before it) when that is an agency; not in a headline, which
    tells the story after it."""
    names, index_of, out = StoryNames(r.a), {s.start: i for i, s in enumerate(r.a.sentences)}, []
    for f in fundings:
        i = index_of.get(f.evidence.start)
        sentence = r.a.sentences[i] if i is not None else None
        at = sentence.text.find(f.amount_text) if sentence is not None and f.amount_text else -1
        if f.provider or not story_may_pay(f) or at < 0 \
                or r.a.story_start(sentence.end) != r.a.story_start(sentence.start):
            out.append(f)
            continue
        actor = names.upto(sentence.start).actors.best
        if actor is not None and actor.type == EntityType.AGENCY and actor.entity != f.recipient \
                and not _subject_before(r.masks[i], r.masks[i].offsets[at]):
            f = replace(f, provider=actor.entity)
        out.append(f)
    return out


def product_lender(fundings: list[Funding], r: Reading) -> list[Funding]:
    """甲银行推出“乙贷”。…“乙贷”已累计发放贷款5.7亿元: a loan under a loan product with no lender
    named is lent by the one lender that issued the product (the issued relations found)."""
    issuers: dict[str, set[str]] = {}
    for rel in r.a.relations:
        if rel.type == RelationType.ISSUED and is_lender(rel.subject) \
                and r.a.types.get(rel.subject) == EntityType.COMPANY:
            issuers.setdefault(rel.object, set()).add(rel.subject)
    out = []
    for f in fundings:
        lenders = issuers.get(f.program or "", set()) - {f.recipient}
        if f.type == FundingType.LOAN and not f.provider and len(lenders) == 1:
            f = replace(f, provider=next(iter(lenders)))
        out.append(f)
    return out


_SEMICOLONS = ("；", ";")
# 拟向乙公司增资 / 同时对丙县拨付: a clause that opens with a preposition before any name
_OPENS_WITH_PREPOSITION = regex(rf"[^，,{PH}]{{0,12}}?(?:向|对|为|给)")


def _subject_before(masked: Masked, at: int) -> bool:
    """Whether a name before masked position `at` may be the subject of the sum's sentence: a
    program does not pay, nor a name after a preposition or before 的 (向甲县拨付资金, 为甲市93户
    企业发放贷款)."""
    return implicit_subject(masked, at, tuple(t.value for t in EntityType if t != EntityType.PROGRAM)) is not None


def _borrower(ref: Ref, f: Funding) -> bool:
    return ref.type == EntityType.COMPANY and not ref.bare and not is_lender(ref.entity) \
        and ref.entity != f.provider


def claim_notice(fundings: list[Funding], r: Reading) -> list[Funding]:
    """《甲资产公司与乙银行债权转让公告》…丙公司的8000万元贷款 / 丁公司是另一家债务人，对应债权本金
    5000万元: a sum owed by a company that a claim notice names is a Debt, owed to the notice's
    first creditor (the first company its title, or its headline, names)."""
    titles = [label for label, kind in r.a.types.items()
              if kind == EntityType.PROGRAM and _CLAIM_NOTICE.search(label)]
    if titles:
        creditors = sorted([label for label, kind in r.a.types.items() if kind == EntityType.COMPANY
                            and label in titles[0]], key=lambda label: (titles[0].find(label), -len(label)))
    else:
        # 甲银行不良贷款债权拍卖公告: a headline with no quoted title names the creditor first
        headline = r.a.text.text.split("\n", 1)[0]
        creditors = [ref.entity for ref in r.a.names if ref.end <= len(headline) and ref.type == EntityType.COMPANY] \
            if _CLAIM_NOTICE.search(headline) else []
    if not creditors:
        return fundings
    index_of = {s.start: i for i, s in enumerate(r.a.sentences)}
    return [_owed(f, r.masks.get(index_of.get(f.evidence.start, -1)), creditors) for f in fundings]


def _owed(f: Funding, masked: Masked | None, creditors: list[str]) -> Funding:
    """A loan or claim of a claim notice's sentence, as a Debt the company it names owes to the
    first creditor."""
    if masked is None or f.type not in (FundingType.LOAN, FundingType.DEBT) or f.provider \
            or not _CLAIM_WORDS.search(f.evidence.sentence):
        return f
    debtor = next((ref.entity for ref in masked.refs if ref.type == EntityType.COMPANY
                   and ref.entity not in creditors and not is_lender(ref.entity)), None)
    if debtor is None or f.recipient not in (None, debtor):
        return f
    return replace(f, type=FundingType.DEBT, provider=creditors[0], recipient=debtor)


class StoryNames:
    """The names said so far in the story being read (pronouns left out) and its main actor (the
    body named most), kept up to date as the reading moves on, as relations' story is: each
    name is added once."""

    def __init__(self, a: Analysis) -> None:
        self.a = a
        self.story = -1
        self.told = 0             # how many of a.refs were looked at
        self.refs: list[Ref] = []
        self.actors = Tally(ORG_TYPES)

    def upto(self, at: int) -> StoryNames:
        """The story's names that end before offset `at` (which never moves back)."""
        refs, start = self.a.refs, self.a.story_start(at)
        if start != self.story:
            self.story, self.refs, self.actors = start, [], Tally(ORG_TYPES)
            self.told = bisect.bisect_left(refs, start, key=lambda r: r.start)
        while self.told < len(refs) and refs[self.told].end <= at:
            if not refs[self.told].pronoun:
                self.refs.append(refs[self.told])
                self.actors.add(refs[self.told])
            self.told += 1
        return self


def source_agency(masked: Masked) -> str | None:
    """The agency the sentence cites as its source (记者从甲局获悉), else None."""
    for m in _source().finditer(masked.text):
        refs = masked.refs_in(m.group(1) or m.group(2))
        if refs and refs[0].type == EntityType.AGENCY:
            return refs[0].entity
    return None


@lru_cache(maxsize=None)
def _source() -> re.Pattern:
    verbs = alternation(load_words("funding_source_verbs.txt"))
    return regex(rf"(?:从|据)({PH})(?:{verbs})|({PH})(?:数据|统计)显示")
