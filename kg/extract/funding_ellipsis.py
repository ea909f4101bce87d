"""Sums whose flow only the sentence before names (funding cues left out by ellipsis).

A notice lists its payees under a header that names the flow once (给予奖励，名单如下：
1.甲公司 40万元), and a report runs parallel clauses that state the cue once (甲项目分得债券资金
4亿元；乙项目分得3亿元). Such a sentence holds no cue of its own: it inherits the cue of
the sentence before (which may itself have inherited it), and the row's name receives.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .funding_cues import Cue
from .funding_lenders import is_lender
from .funding_notices import signers
from .funding_parties import last_agency_payer
from .layout import ROW_NUMBER
from ..cache import regex
from ..lexicon import load_regex
from ..model import ORG_TYPES, EntityType, Funding, FundingType
from .money import Amount, find_sums

if TYPE_CHECKING:
    from .funding_passes import Reading, Site

# A header that announces the rows after it: …具体如下： / …名单如下： / …：
_HEADER_END = regex(r"(?:如下|下列|以下)?[：:]\s*$")
# A bare row: its number, one name, then its sum (1.甲公司 40万元).
_BARE_ROW = regex(r"\s*[\ue000-\uf8ff]\s*(?:[（(][^（()）]{0,30}[)）])?\s*[：:]?\s*$")
# What may follow the sum of an unnumbered row (甲公司（备注） 40万元): nothing but its end, or
# the purpose of the sum (甲公司620万元，用于乙项目；).
_ROW_END = regex(r"(?:[，,]\s*(?:主要|专项|重点)?用于[^。；;]*)?[。；;，,]?\s*$")
# The flows a row may inherit: payouts and loans (a debt list labels its rows: funding_notices).
# How far before the cue of the sentence before its receiving verb may stand (分得7000万元).
_VERB_REACH = 16
# 其中甲项目获得资金680万元: a part of the flow the sentence told before, received.
_PART = regex(r"(?:^|[，,；;])\s*(?:其中[^，,。；;\d]{0,30}?(?:获得|分得|安排)|(?:首笔|第一笔|首期|首批)\S{0,2}?)"
              r"[^，,。；;\d]{0,4}$")
# 其中，: a sentence that parts the total told before it.
_PART_OPENS = regex(r"\s*其中\s*[，,：:]?")
# verbs of paying out that a clause may repeat before its sum (为乙发放50万元)
_PAYING = regex("发放|拨付|下达|投放|兑现")
# One pair of a row of paired sums: a separator, one name, the sum after it.
_PAIR = regex(r"[、，,；;\s]*[\ue000-\uf8ff]\s*[：:]?\s*$")
# ，其中甲银行2.3亿元、乙银行1.2亿元: the parts of the sum told before, each after its body.
_PARTS_NAMED = regex(r"[，,；;]\s*其中[，,：:]?(?![为向给对从在由用])(?:[^，,。；;\d]{2,30}?[\d.]+[万亿]?元[、，,])*"
                     r"[^，,。；;\d为向给对用]{2,30}?$")
_INHERITED = (FundingType.GRANT, FundingType.RELIEF, FundingType.INTEREST_SUBSIDY, FundingType.LOAN)


def inherited_cues(r: Reading, index: int) -> list[Cue]:
    """Cues for the sums of sentence `index`, which has no cue of its own, taken from the
    sentence before: a zero-width cue right after each sum, of the kind and rule of the cue the
    sentence before names its flow with (empty when it names none, or when the sentence is no
    row of a list nor a clause that repeats the receiving verb of the one before)."""
    if r.last is None or index == 0 or index - 1 not in r.masks:
        return []
    cues = r.last[1]
    kinds = [c for c in cues if c.type in _INHERITED and not c.weak]
    text = r.a.sentences[index].text
    amounts = find_sums(text)
    if not kinds or not amounts:
        return []
    before, cue = r.a.sentences[index - 1].text, kinds[-1]
    paired = _paired_sums(r, index, amounts)
    listed = (_row_name_start(r, index, amounts) is not None or paired) \
        and (_HEADER_END.search(before) or ROW_NUMBER.match(before) or paired and _parts_by_body(r, index)
             or _row_name_start(r, index - 1, find_sums(before)) is not None)
    if not listed and not _repeats_verb(before, text[:amounts[0].start], cue):
        return []
    return [Cue(x.end, x.end, cue.type, rule=cue.rule) for x in amounts]


def repeated_cue(sentence: str, cues: list[Cue], amount: Amount, left: int) -> Cue | None:
    """甲公司获得返还资金186万元，乙公司获得132万元: a clause with no cue whose sum follows the
    receiving verb that an earlier clause of the sentence uses right before its cue takes that
    cue (zero-width, right after the sum); so does a clause that tells a part of the flow
    before it (安排投资资金900万元，支持5个项目，其中甲项目获得资金100万元; 提供贷款3.5亿元，
    其中甲银行2.3亿元、乙银行1.2亿元; 提供贷款36亿元，首笔资金8亿元已发放)."""
    part = _PART.search(sentence, 0, amount.start) is not None or _PARTS_NAMED.search(sentence, 0, amount.start) is not None
    # a part takes even a weak cue of the total's (安排96万元，其中甲合作社60万元)
    earlier = [c for c in cues if c.end <= left and (c.type in _INHERITED or part) and (part or not c.weak)]
    # The verb may open the cue itself (获得补助资金: cue-Grant-18).
    if not earlier or not part and not _repeats_verb(sentence[:earlier[-1].end], sentence[left:amount.start],
                                                     replace(earlier[-1], start=earlier[-1].end)):
        return None
    return Cue(amount.end, amount.end, earlier[-1].type, rule=earlier[-1].rule)


def _row_name_start(r: Reading, index: int, amounts: list[Amount]) -> int | None:
    """Where the name of a bare row starts: a numbered row that names one body, then its sum
    (1.甲公司 40万元), or a table line of one name, a note in brackets and one sum that ends it
    (甲公司（技术改造补助） 40万元); None for any other sentence."""
    if not amounts:
        return None
    text, masked = r.a.sentences[index].text, r.a.masked(index)
    row = ROW_NUMBER.match(text)
    if row is None and (len(amounts) > 1 or not _ROW_END.fullmatch(text, amounts[0].end)):
        return None
    start = row.end() if row else 0
    return start if _BARE_ROW.match(masked.text[masked.offsets[start]:masked.offsets[amounts[0].start]]) else None


def _paired_sums(r: Reading, index: int, amounts: list[Amount]) -> bool:
    """甲公司1.5万元、乙公司4500元 (after 其中, the parts of a total told before): a row of names
    each right before its sum, and nothing else."""
    masked, text = r.a.masked(index), r.a.sentences[index].text
    opening = _PART_OPENS.match(text)
    ends = [opening.end() if opening else 0] + [x.end for x in amounts]
    return len(amounts) > 1 and all(
        _PAIR.match(masked.text[masked.offsets[end]:masked.offsets[x.start]]) for end, x in zip(ends, amounts)) \
        and not text[amounts[-1].end:].strip("。；;，, \n")


def _parts_by_body(r: Reading, index: int) -> bool:
    """其中，甲银行40亿元、乙银行35亿元: parts of the total told before, by bodies (parts by place
    are allotments: kg.extract.funding_allocations)."""
    return bool(_PART_OPENS.match(r.a.sentences[index].text)) \
        and all(ref.type in ORG_TYPES for ref in r.a.masked(index).refs)


def _repeats_verb(before: str, head: str, cue: Cue) -> bool:
    """甲项目分得债券资金4亿元；乙项目分得3亿元 / 向甲发放贷款100万元，为乙发放50万元: the clause
    before the sum ends with a receiving or paying verb that the sentence before uses right
    before its cue."""
    verbs = load_regex("funding_receive_verbs.txt")
    verb = next((m.group() for pattern in (verbs, _PAYING) for m in pattern.finditer(head)
                 if head[m.end():].strip() == ""), None)
    return verb is not None and verb in before[max(0, cue.start - _VERB_REACH):cue.start]


def bare_row_receives(f: Funding, site: Site) -> Funding:
    """1.甲公司 40万元, 甲市 1200万元 or 甲公司1.5万元、乙公司4500元 under a header that names
    the flow: the row's name receives, and the agency that signs the notice pays (else the payer
    of the flow of that kind told last). A table line may name its flow in its note
    (甲公司（技术改造补助） 40万元)."""
    masked, r, text = site.masked, site.reading, site.sentence.text
    # Only a sum read with an inherited (zero-width) cue, or a cue in the row's note (a bracket
    # after the row's name): a row with words of its own says more.
    own_cue = site.cue.end > site.cue.start
    note = max(text.rfind("（", 0, site.cue.start), text.rfind("(", 0, site.cue.start))
    if f.type not in _INHERITED or own_cue and note < 0:
        return f
    amounts = find_sums(text)
    name_start = _row_name_start(r, site.index, [x for x in amounts if x.start >= site.amount.start])
    if name_start is None and _paired_sums(r, site.index, amounts):
        name_start = max((x.end for x in amounts if x.end <= site.amount.start), default=0)
    if name_start is None or own_cue and not name_start < note:
        return f
    named = masked.refs_in(masked.text[masked.offsets[name_start]:masked.offsets[site.amount.start]])[0]
    if named.type not in ORG_TYPES + (EntityType.PERSON.value, EntityType.PLACE.value):
        return f
    if f.type == FundingType.LOAN and is_lender(named.entity):
        return replace(f, provider=named.entity, recipient=None)      # 其中，甲银行40亿元: the bank's share
    provider = f.provider if f.provider not in (named.entity, None) and not own_cue else None
    return replace(f, recipient=named.entity, provider=provider or _row_payer(site, f.type))


def _row_payer(site: Site, kind: str) -> str | None:
    """The agency that signs the notice, else the agency that paid the last flow of `kind`."""
    r = site.reading
    types = r.a.types
    signed = next((s for s in signers(r.a) if types.get(s) == EntityType.AGENCY), None)
    if signed:
        return signed
    return last_agency_payer(r.found, kind, types)


def named_part(f: Funding, site: Site) -> Funding:
    """提供贷款3.5亿元，其中甲银行2.3亿元、乙银行1.2亿元 / 下达资金1500万元，其中甲县900万元: a part
    told after 其中 belongs to the body right before its sum: a lender lends it, another body
    receives it; the rest of its parties are the whole's."""
    text, masked = site.sentence.text, site.masked
    if site.cue.end > site.cue.start or not _PARTS_NAMED.search(text, 0, site.amount.start):
        return f
    at = masked.offsets[site.amount.start]
    before = masked.refs_in(masked.text[max(0, at - 1):at])
    if not before:
        return f
    named = before[0].entity
    whole = next((g for g in site.current if g.type == f.type), f)
    if f.type == FundingType.LOAN and is_lender(named):
        recipient = f.recipient or whole.recipient
        return replace(f, provider=named, recipient=recipient if recipient != named else None)
    provider = f.provider or whole.provider
    return replace(f, recipient=named, provider=provider if provider != named else None)
