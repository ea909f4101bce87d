"""Parties of the fundings that notices and lists state in rows (passes of
kg.extract.funding_passes): a row of an award notice (甲公司乙项目，拟补助资金286万元: the company
receives, the bodies that sign the notice pay), a row of a debt notice (借款人甲公司，担保人乙公司，
本金余额1850万元: the borrower owes, the guarantor is no party, the signers hold the claim), and
a list whose names each get the sum (甲公司、乙公司分别获得奖励200万元: one funding per name).
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from .clause import PH, Masked, Ref, coordinated
from .funding_parties import PAYOUTS
from .funding_roles import is_lender
from .layout import ROW_NUMBER
from ..cache import regex
from ..lexicon import alternation, load_table, load_words
from ..model import EntityType, Funding, FundingType

if TYPE_CHECKING:
    from .analysis import Analysis
    from .funding_passes import Reading, Site
    from .money import Amount

_SIGNER_TYPES = (EntityType.AGENCY, EntityType.COMPANY, EntityType.ORGANIZATION)
_SIGNATURE_LINES = 4
# A line a notice closes with besides its signers: its date (2024年7月2日, 2024-07-02).
COURT = "法院"
_DATE_LINE = regex(r"[\s\d〇零一二三四五六七八九十年月日.．/\-—]*")     # 2024年7月3日, 二〇二四年七月三日
_LINE = regex(r"[^\n]+")
# Where a row of a list starts: after the row before (；) or the sentence's lead-in (：).
_ROW_BREAK = regex("[；;：:。]")
_CLAUSE_BREAK = regex("[，,；;。：:]")
_SUM = regex(r"\d[\d.]*\s*[万亿]?元")
# 每户奖励200万元：甲公司、乙公司: a list that follows its sum and a colon.
# 甲公司、乙公司等6家企业 … 共计860万元: a list that stands for a counted class, and its total.
_COUNTED = regex(r"等[\d一二两三四五六七八九十百千]+余?[家个户名所]")
_PAID_TO = "向为给对"
_CLAIM = regex("债权")
_TOTAL_BEFORE = regex(r"(?:共计|合计|总计|共)\s*$")
_LIST_AFTER = regex(f"[：:]({PH})")
_AFTER_SUM = regex(r"\d[\d.]*\s*[万亿]?元[：:]$")
# 甲、乙获评“某称号”，各获奖励 / 每人奖励: the list that won a title, then the sum each gets.
TITLED_LIST = regex(rf"(?P<names>[^，,。；;：:]*?)(?:获评|被评为|被认定为|荣获|入选)“?[^，,。；;{PH[1:-1]}]{{1,20}}?”?(?:称号)?[，,]"
                     rf"(?:每人|每家|每个|各|分别|均)(?:获得?|给予)?(?:奖励|奖金|补助|资助)(?:资金)?$")


@lru_cache(maxsize=None)
def _labels() -> tuple[re.Pattern, dict[str, str]]:
    # a place's and an investors' column are a table's (funding_tables); written in a row, 地区 names no party
    roles = {label: role for label, role in load_table("funding_party_labels.tsv", 2) if role not in ("place", "investor")}
    return regex(rf"({alternation(roles)})[：:]?(?={PH})"), roles


@lru_cache(maxsize=None)
def _proposal() -> re.Pattern:
    return regex(alternation(load_words("funding_proposal_words.txt")))


@lru_cache(maxsize=None)
def _ground() -> re.Pattern:
    return regex(rf"(?:{alternation(load_words('funding_ground_words.txt'))})《?$")


@lru_cache(maxsize=None)
def _each() -> re.Pattern:
    """After a list: 等10家企业 (a count of the class, optional) then 分别/各."""
    return regex(rf"(?:等[\d一二三四五六七八九十百]+[家个户名所][^，,；;。{PH[1:-1]}]{{0,4}}?)?"
                 rf"(?:{alternation(load_words('funding_each_words.txt'))})")


@lru_cache(maxsize=None)
def per_head() -> re.Pattern:
    return regex(alternation(load_words("funding_per_head_words.txt")))


def signers(a: Analysis) -> list[str]:
    """The bodies that sign a notice: the lines that close the document and hold nothing but
    names (a date line may close it too), in order."""
    text = a.text.text
    found: list[Ref] = []
    lines = 0
    for line in reversed(list(_LINE.finditer(text))):
        if _DATE_LINE.fullmatch(line.group()):
            continue
        refs = [r for r in a.names if line.start() <= r.start and r.end <= line.end()
                and r.type in _SIGNER_TYPES]
        rest = list(line.group())
        for r in refs:
            rest[r.start - line.start():r.end - line.start()] = [" "] * (r.end - r.start)
        if not refs or "".join(rest).strip() or lines == _SIGNATURE_LINES:
            break
        found[:0] = refs
        lines += 1
    return list(dict.fromkeys(r.entity for r in found))


def creditor_signers(a: Analysis) -> list[str]:
    """The signers that may hold a notice's claims: a court that signs tells of them, holds none."""
    return [s for s in signers(a) if not s.endswith(COURT)]


def cited_rule(a: Analysis) -> str | None:
    """根据《甲市乙专项资金管理办法》: the first program the document cites as its ground."""
    return next((r.entity for r in a.names if r.type == EntityType.PROGRAM
                 and _ground().search(a.text.text, max(0, r.start - 3), r.start)), None)


def _row_start(masked: Masked, at: int) -> int:
    """Where the row holding `at` starts; the colon after a party's label (借款人：) is inside it."""
    labels = _labels()[0]

    def labelled(m: re.Match) -> bool:
        label = m.group() in "：:" and labels.search(masked.text, max(0, m.start() - 5), m.end() + 1)
        return bool(label) and label.end() == m.end()
    return max((m.end() for m in _ROW_BREAK.finditer(masked.text, 0, at) if not labelled(m)), default=0)


def labelled_row(f: Funding, site: Site) -> Funding:
    """借款人甲公司，担保人乙公司、丙，本金余额1850万元: in a row that labels its parties, the
    borrower (借款人, 债务人) owes or receives, a lending bank (贷款银行) lends a loan, a guarantor
    (担保人) and the names listed with it are no party, and a debt or loan with no lender named
    is held by the notice's first signer."""
    masked, at = site.masked, site.masked.offsets[site.amount.start]
    recipient, lender, barred = _labelled_parties(masked, at)
    if lender is None and f.type == FundingType.LOAN:
        # 贷款30万元，经办银行乙支行: the lending bank labelled after the sum, in the row
        row_end = m.start() if (m := _ROW_BREAK.search(masked.text, at)) else len(masked.text)
        lender = _labelled_parties(masked, row_end)[1]
    if recipient is None and lender is None and not barred:
        return f
    recipient = recipient or (f.recipient if f.recipient not in barred else None)
    provider = f.provider if f.provider not in barred and f.provider != recipient else None
    if lender and f.type == FundingType.LOAN:
        provider = lender       # 贷款银行乙支行: the row's lending bank
    if provider is None and f.type in (FundingType.DEBT, FundingType.LOAN):
        provider = next((s for s in creditor_signers(site.reading.a) if s != recipient and s not in barred), None)
    return replace(f, provider=provider, recipient=recipient)


def _labelled_parties(masked: Masked, at: int) -> tuple[str | None, str | None, set[str]]:
    """The borrower, the lending bank and the names of no party that the labels of the row
    before masked position `at` give (借款人甲公司，贷款银行乙支行，担保人丙公司、丁)."""
    pattern, roles = _labels()
    recipient, lender, barred = None, None, set()
    for m in pattern.finditer(masked.text, _row_start(masked, at), at):
        named = coordinated(masked, masked.refs_in(masked.text[m.end()])[0])
        if roles[m.group(1)] == "recipient":
            recipient = recipient or named[0].entity
        elif roles[m.group(1)] == "provider":
            lender = lender or named[0].entity
        else:
            barred |= {r.entity for r in named}
    return recipient, lender, barred


def signed_claim(f: Funding, site: Site) -> Funding:
    """以上3户债权本金合计1975万元: a claim (债权) a notice states with no creditor named is
    held by the notice's first signer."""
    if f.type != FundingType.DEBT or f.provider or not _CLAIM.search(site.sentence.text):
        return f
    return replace(f, provider=next((s for s in creditor_signers(site.reading.a) if s != f.recipient), None))


def proposed_row(f: Funding, site: Site) -> Funding:
    """一、甲公司乙项目，拟补助资金286万元 (or, in a signed notice, 1.甲公司，奖励100万元): in a row
    that proposes or awards a payout, the company or organisation opening the row receives it (it
    pays no grant of its own there) and the agencies that sign the notice pay it (none named: no
    payer), under the rule it cites."""
    if f.type not in PAYOUTS:
        return f
    masked, types = site.masked, site.reading.a.types
    at = masked.offsets[site.amount.start]
    # A row starts its own line too (a section heading may stand on the line before it).
    start = max(_row_start(masked, at), masked.text.rfind("\n", 0, at) + 1)
    number = ROW_NUMBER.match(masked.text, start)
    head = number.end() if number else start
    opening = masked.refs_in(masked.text[head:][:1])
    payer = next((s for s in signers(site.reading.a) if types.get(s) == EntityType.AGENCY), None)
    proposed = _proposal().search(site.sentence.text, site.left, site.amount.start)
    # 1.甲公司“乙项目”，补助320万元 in a signed notice: a numbered row that names only its
    # company (and its project) before its own cue states a payout to it as plainly as 拟补助
    # does (a row with no cue of its own is a bare row: funding_ellipsis).
    listed = number and payer and opening and site.cue.end > site.cue.start \
        and types.get(f.provider) != EntityType.AGENCY \
        and all(r.type == EntityType.PROJECT for r in masked.refs_in(masked.text[head:at])[1:])
    if not (proposed or listed) or not opening or opening[0].type not in (EntityType.COMPANY, EntityType.ORGANIZATION) \
            or is_lender(opening[0].entity) or f.recipient not in (None, opening[0].entity) \
            or (proposed and f.provider not in (None, opening[0].entity)):
        return f
    return replace(f, provider=payer, recipient=opening[0].entity, program=f.program or cited_rule(site.reading.a))


def sum_for_listed(masked: Masked, amount: Amount) -> bool:
    """每户奖励200万元：甲公司、乙公司 / 甲、乙获评“某称号”，每人奖励30万元: a sum per head that
    names follow after a colon, or that a list of winners comes before, is paid to each of
    them, not a rate of a rule."""
    return bool(_LIST_AFTER.match(masked.text, masked.offsets[amount.end])
                or TITLED_LIST.search(masked.text, 0, masked.offsets[amount.start]))


def listed_after_sum(f: Funding, site: Site) -> Funding:
    """每户奖励200万元：甲公司、乙公司: a sum each member of a class gets, then a colon and the
    list of them: the first listed receives it (each-listed gives the others theirs) and the
    agency that signs the notice pays it."""
    masked, text = site.masked, site.sentence.text
    if f.type not in PAYOUTS or not per_head().search(text, site.left, site.amount.start):
        return f
    m = _LIST_AFTER.match(masked.text, masked.offsets[site.amount.end])
    first = masked.refs_in(m.group(1))[0] if m else None
    if first is None or first.type not in (EntityType.COMPANY, EntityType.ORGANIZATION):
        return f
    types = site.reading.a.types
    payer = next((s for s in signers(site.reading.a) if types.get(s) == EntityType.AGENCY), None)
    return replace(f, provider=payer, recipient=first.entity)


def counted_total(f: Funding, site: Site) -> Funding:
    """向甲公司、乙公司等6家企业兑现奖补资金共计860万元: a total paid to a counted class whose
    first members are named goes to none of them alone."""
    if not f.recipient or not _TOTAL_BEFORE.search(site.sentence.text, site.left, site.amount.start):
        return f
    masked = site.masked
    ref = next((x for x in masked.refs if x.entity == f.recipient and not x.pronoun), None)
    listed = coordinated(masked, ref) if ref else []
    # Only the object of the payment (向甲、乙等…): a subject list (甲、乙等23家企业获批) names its receivers.
    if not listed or masked.text[masked.position(listed[0]) - 1:masked.position(listed[0])] not in _PAID_TO \
            or not _COUNTED.match(masked.text, masked.position(listed[-1]) + 1):
        return f
    return replace(f, recipient=None)


def each_listed(fundings: list[Funding], r: Reading) -> list[Funding]:
    """甲公司、乙公司分别获得奖励200万元 / 甲、乙等10家企业各获得60万元: each name of the list
    that receives gets the one sum of the clause: one funding per name."""
    index_of = {s.start: i for i, s in enumerate(r.a.sentences)}
    told = {(f.type, f.amount, f.recipient) for f in fundings}
    out = []
    for f in fundings:
        out.append(f)
        masked = r.masks.get(index_of.get(f.evidence.start, -1))
        for other in listed_with(f.recipient, f, masked) if masked is not None and f.recipient else []:
            if (f.type, f.amount, other) not in told and other != f.provider:
                told.add((f.type, f.amount, other))
                out.append(replace(f, recipient=other))
    return out


def listed_with(party: str, f: Funding, masked: Masked) -> list[str]:
    """The names listed with `party` (`f`'s recipient, or its provider: 甲、乙各出资) before 分别/各
    and a clause with one sum, `f`'s; the first of its mentions that heads such a list (甲、乙、丙
    获批资金…，其中甲、乙各安排…)."""
    for ref in (x for x in masked.refs if x.entity == party and not x.pronoun):
        if others := _listed_at(ref, f, masked):
            return [x for x in others if x != party]
    return []


def _listed_at(ref: Ref, f: Funding, masked: Masked) -> list[str]:
    listed = coordinated(masked, ref)
    end = masked.position(listed[-1]) + 1
    each = _each().match(masked.text, end)
    if len(listed) > 1 and each is None and _AFTER_SUM.search(masked.text, 0, masked.position(listed[0])):
        return [x.entity for x in listed]
    if len(listed) < 2 or each is None:
        return []
    clause = masked.text[each.end():]
    clause = clause[:m.start()] if (m := _CLAUSE_BREAK.search(clause)) else clause
    sums = _SUM.findall(clause)
    if len(sums) != 1 or f.amount_text and f.amount_text not in clause:
        return []
    return [x.entity for x in listed]
