"""Public pools (风险补偿资金池, 担保基金): what public bodies put in is a grant to the pool, not an
equity stake (市财政出资3000万元), bodies listed with 各 put in one sum each (甲管委会、乙政府各
出资1000万元), and what the pool pays a bank for a bad loan is a grant of the bodies that set it up
(资金池向甲银行代偿本金损失132万元)."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .funding_lenders import is_lender
from .funding_notices import listed_with
from ..cache import regex
from ..lexicon import load_regex
from ..model import EntityType, Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Reading, Site

# Putting money into a body or a pool (出资, 注资), in the sum's clause before it.
_PUT_IN = regex("出资|注资")
_PUBLIC = (EntityType.AGENCY, EntityType.PLACE)
# 甲、乙各出资1000万元: the list right before 各/分别, and the sum a few words after.
_EACH_PUTS = regex(r"[\ue000-\uf8ff](?:各自?|分别|均)[^\ue000-\uf8ff，,。；;]{0,6}$")
# 向甲银行代偿/补偿/拨付: the payout to the body right after 向, its verb next.
_PAYS_OUT_TO = regex(r"向([\ue000-\uf8ff])(?:代偿|补偿|拨付|赔付|划拨)")
# 甲局联合乙局设立…资金池: the bodies named before the verb that sets a pool up, in its clause.
_SETS_UP = regex(r"[^，,。；;]*?(?:设立|成立|组建|建立)")


def pool_grant(f: Funding, site: Site) -> Funding:
    """An investment that an agency or place puts into a public pool the sentence names (设立风险补偿
    资金池，其中市财政出资3000万元) is a grant: the pool pays out losses, it holds no stake."""
    text = site.sentence.text
    if f.type != FundingType.INVESTMENT or site.reading.a.types.get(f.provider) not in _PUBLIC \
            or not _PUT_IN.search(text, site.left, site.amount.start) \
            or not load_regex("funding_pool_words.txt").search(text):
        return f
    return replace(f, type=FundingType.GRANT)


def each_funder(fundings: list[Funding], r: Reading) -> list[Funding]:
    """甲管委会、乙政府各出资1000万元: each payer listed before 各/分别 puts in the one sum of the
    clause: one funding per payer."""
    index_of = {s.start: i for i, s in enumerate(r.a.sentences)}
    told = {(f.type, f.amount, f.provider, f.evidence.start) for f in fundings}
    out = []
    for f in fundings:
        out.append(f)
        masked = r.masks.get(index_of.get(f.evidence.start, -1))
        at = f.evidence.sentence.find(f.amount_text) if f.amount_text else -1
        if masked is None or not f.provider or at < 0 or not _EACH_PUTS.search(masked.text, 0, masked.offsets[at]):
            continue
        for other in listed_with(f.provider, f, masked):
            if (f.type, f.amount, other, f.evidence.start) not in told and other != f.recipient:
                told.add((f.type, f.amount, other, f.evidence.start))
                out.append(replace(f, provider=other))
    return out


def pool_payout(f: Funding, site: Site) -> Funding:
    """资金池按规定向甲银行代偿本金损失132万元: a pool (the subject of the sum's clause) paying a
    bank for a loss makes a grant to the bank, from the body that set the pool up in the story."""
    masked = site.masked
    clause, at = masked.offsets[site.left], masked.offsets[site.amount.start]
    pool = load_regex("funding_pool_words.txt").search(masked.text, clause, at)
    m = pool and _PAYS_OUT_TO.search(masked.text, pool.end(), at)
    bank = masked.refs_in(m.group(1))[0] if m else None
    if bank is None or not is_lender(bank.entity) or f.provider not in (None, bank.entity):
        return f
    return replace(f, type=FundingType.GRANT, provider=_founder(site), recipient=bank.entity)


def _founder(site: Site) -> str | None:
    """The first public body named before the verb that sets a pool up, in the nearest sentence
    of the story before (or at) the payout's that tells it."""
    a, story = site.reading.a, site.reading.story
    for j in range(site.index, -1, -1):
        if a.story_start(a.sentences[j].start) != story:
            break
        masked = a.masked(j)
        for m in _SETS_UP.finditer(masked.text):
            if load_regex("funding_pool_words.txt").search(masked.text, m.end(), m.end() + 30):
                body = next((r for r in masked.refs_in(m.group()) if r.type in _PUBLIC), None)
                if body is not None:
                    return body.entity
    return None
