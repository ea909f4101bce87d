"""The addressees and the issuer of a notice (passes of kg.extract.funding_passes): the bodies a
notice is sent to (乙县财政局、丙县财政局：, the line under its title) receive or pass on its funds;
they never pay them. The notice's issuer (甲局关于下达…的通知, or the body that signs it) pays its
payouts, also those a heading gives each member of a class listed under it.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .clause import PH
from .funding_cues import Cue, find_cues
from .funding_notices import signers
from .funding_parties import PAYOUTS
from .money import find_sums
from .normalize import ROW_SUM
from ..cache import regex
from ..model import ORG_TYPES, EntityType, Evidence, Funding

if TYPE_CHECKING:
    from .analysis import Analysis
    from .funding_passes import Reading

# The lines (not blank) a notice's head holds up to its addressees: title, document number…
_HEAD_LINES = 6
_ABOUT = "关于"
_LINE = regex(r"[^\n]+")
# An addressee line ends with a colon and states no sum, date or sentence.
_ADDRESSEE_LINE = regex(r"[^。；;\d\n]{2,80}[：:]\s*")
# 关于下达/拨付/分配…资金的通知, 关于…资金拨付情况的公示: a title that allocates funds.
_ALLOCATING = regex(r"关于(?:(?:下达|拨付|分配|下拨|安排)[^\n]{0,40}?(?:资金|经费|补助|奖励|奖补)"
                    r"|[^\n]{0,40}?(?:资金|经费|补助|奖补)(?:拨付|下达|分配|发放))")
_TITLE_REACH = 200      # the longest first line read as a title
# （4家，每家20万元…）: a heading's sum for each of a counted class; a line of names only
_EACH_MEMBER = regex(r"[\d一二三四五六七八九十]+家[，,]\s*每家(\d[\d.]*\s*[万亿]?元)")
_NAMES_ONLY = regex(rf"{PH}(?:[、，,和及]{PH})+[。；;]?")
# 1.甲公司，480万元 / 乙公司　18.5万元(370人次): a list's line of one name and its sum, nothing else
_NAME_SUM_ROW = regex(rf"(?:\d{{1,3}}[.、])?{PH}[，,：:\s]*{ROW_SUM}[。；;]?")
# a sentence that may be such a line once masked: it ends with the sum (most sentences do not)
_ROW_END = regex(rf"{ROW_SUM}[。；;]?$")
_ROW_TYPES = (*ORG_TYPES, EntityType.PLACE, EntityType.PERSON)
_ENDS = "。！？；;!?"
_COLONS = "：:"


def addressees(a: Analysis) -> set[str]:
    """The bodies named in the line, under a notice's title (甲局关于…), that ends with a colon
    and holds no sentence (乙县财政局、丙县财政局，丁中心：)."""
    for k, line in enumerate(_LINE.finditer(a.text.text)):
        if k >= _HEAD_LINES or k == 0 and _ABOUT not in line.group():
            break
        if k and _ADDRESSEE_LINE.fullmatch(line.group()):
            return {r.entity for r in a.names if line.start() <= r.start and r.end <= line.end()
                    and r.type in ORG_TYPES}
    return set()


def issuer(a: Analysis) -> str | None:
    """The agency that issues a notice: the first its title opens with, else the first that signs it."""
    named = [r.entity for r in a.title_issuers] + signers(a)
    return next((n for n in named if a.types.get(n) == EntityType.AGENCY), None)


def addressees_pay_nothing(fundings: list[Funding], r: Reading) -> list[Funding]:
    """A flow whose payer is one of a notice's addressees, not named in its sentence, is paid by
    the notice's issuer when it is a payout (现将补助资金下达给你们), else by no one named (a loan
    a listed company took: 1.甲公司，贷款金额800万元)."""
    sent_to = addressees(r.a)
    if not sent_to:
        return fundings
    payer = issuer(r.a)
    out = []
    for f in fundings:
        # An addressee the sentence itself names may pay a flow of its own (乙委员会另行配套奖励资金).
        if f.provider in sent_to and not any(n.entity == f.provider and f.evidence.start <= n.start < f.evidence.end
                                             for n in r.a.names):
            provider = payer if f.type in PAYOUTS and payer not in (None, f.recipient) else None
            f = replace(f, provider=provider)
        out.append(f)
    return out


def issuer_pays_allocations(fundings: list[Funding], r: Reading) -> list[Funding]:
    """甲局 乙委关于下达…专项资金的通知: in a notice that allocates funds, a payout with no payer
    named is the issuer's."""
    title = r.a.text.text[:_TITLE_REACH].split("\n", 1)[0]
    if not _ALLOCATING.search(title):
        return fundings
    payer = issuer(r.a)
    return [replace(f, provider=payer) if f.provider is None and f.type in PAYOUTS and payer not in (None, f.recipient)
            else f for f in fundings]


def heading_members(fundings: list[Funding], r: Reading) -> list[Funding]:
    """二、甲奖（4家，每家20万元，共计80万元）/ 乙公司、丙公司、丁公司、戊公司: a heading that gives
    each of a counted class its sum, over a line that only lists the names, pays each name that sum
    (of the heading's kind, by the notice's issuer or the payer of the heading's flows)."""
    out = list(fundings)
    sentences = r.a.sentences
    for i in range(len(sentences) - 1):
        each = _EACH_MEMBER.search(sentences[i].text)
        cues = [c for c in find_cues(sentences[i].text) if not c.weak] if each else []
        listed = r.a.masked(i + 1) if cues else None
        if listed is None or not _NAMES_ONLY.fullmatch(listed.text):
            continue
        sum_ = find_sums(each.group(1))[0]
        payer = issuer(r.a) or next((f.provider for f in fundings if f.provider and f.type == cues[0].type), None)
        line = sentences[i + 1]
        evidence = Evidence(r.a.doc_id, line.text, line.start, line.end)
        out += [Funding(cues[0].type, evidence, sum_.value, sum_.text, provider=payer, recipient=ref.entity,
                        rule=cues[0].rule)
                for ref in listed.refs if ref.type in (EntityType.COMPANY, EntityType.ORGANIZATION)]
    return out


def heading_rows(fundings: list[Funding], r: Reading) -> list[Funding]:
    """（一）甲项目补助 / 乙公司，480万元 / 丙公司，420万元: lines that each give one name and its sum,
    under a heading that names a flow, each receive that flow (paid by the notice's issuer or the
    payer of the heading's kind of flow told before)."""
    told = {f.evidence.start for f in fundings}
    out = list(fundings)
    cue, last, notice_issuer = None, None, ()
    for i, sentence in enumerate(r.a.sentences):
        row = r.a.masked(i) if _ROW_END.search(sentence.text) else None
        if row is None or not _NAME_SUM_ROW.fullmatch(row.text):
            cue, last = _heading_cue(sentence.text, last)
            continue
        ref = row.refs[0]
        if cue is None or sentence.start in told or ref.type not in _ROW_TYPES:
            continue
        sum_ = find_sums(sentence.text)[0]
        if notice_issuer == ():
            notice_issuer = issuer(r.a)
        before = [f.provider for f in fundings if f.provider and f.type == cue.type and f.evidence.start < sentence.start]
        payer = notice_issuer or (before[-1] if before else None)
        out.append(Funding(cue.type, Evidence(r.a.doc_id, sentence.text, sentence.start, sentence.end), sum_.value,
                           sum_.text, provider=payer, recipient=ref.entity, rule=cue.rule))
    return out


def _heading_cue(text: str, last: Cue | None) -> tuple[Cue | None, Cue | None]:
    """The flow the lines under `text` receive, and the flow `text` told: a heading's, or that of a
    line ending with a colon (名单如下：), which may be the flow of the sentence before it (…补贴资金
    合计112.6万元。主要企业如下：); none under a sentence that ends."""
    cues = [c for c in find_cues(text) if not c.weak]
    told = cues[-1] if cues else None
    if text[-1] in _ENDS:
        return None, told
    return told or (last if text[-1] in _COLONS else None), told
