"""Financing rounds: 甲公司完成3亿元B轮融资。本轮由乙基金、丙基金联合领投，丁公司跟投。其中，
乙基金出资1亿元. Each investor named in the round's list invests in the company whose round it
is, never in another investor; the round itself is paid by its (first) lead investor.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .clause import Masked
from .funding_cues import CLAUSE_BREAK, SUM
from ..cache import regex
from ..lexicon import load_regex
from ..model import ORG_TYPES, Funding, FundingType

if TYPE_CHECKING:
    from .funding_passes import Reading, Site

# 完成3亿元B轮融资 / 本轮融资: the sentence tells a round.
_ROUND = regex("轮融资")
_THIS_ROUND = regex("本轮(?:投资|融资)?中")
# Where the list of a round's investors starts: a clause break, or the gap of a headline's
# two parts (甲公司完成5亿元B轮融资 乙基金领投).
_LIST_START = regex(rf"{CLAUSE_BREAK.pattern}|\s")
# How many sentences after the round its investors may be listed.
_LIST_REACH = 2


def round_investors(masked: Masked) -> list[str]:
    """The bodies named before a round verb in its clause (乙基金与丙基金联合领投，丁公司、戊公司跟投),
    leads first, in the order named."""
    out: list[str] = []
    for m in load_regex("funding_round_verbs.txt").finditer(masked.text):
        start = max((b.end() for b in _LIST_START.finditer(masked.text, 0, m.start())), default=0)
        out += [r.entity for r in masked.refs_in(masked.text[start:m.start()])
                if r.type in ORG_TYPES and r.entity not in out]
    return out


def investor_is_no_payee(f: Funding, site: Site) -> Funding:
    """乙基金出资1亿元 after 本轮由乙基金、丙基金领投 (or 本轮投资中乙基金出资1亿元): a sum an investor
    of the round list (in the sentence or the one before) puts in goes to the company of the
    story's round, not to another investor; a payer named outside the sum's own clause is no
    investor of it."""
    r = site.reading
    if f.type != FundingType.INVESTMENT:
        return f
    investors = round_investors(site.masked) or (round_investors(r.last[0]) if r.last else [])
    # 本轮投资中乙资本出资2亿元: a sum put into this round, though no round verb lists its investor
    this_round = f.recipient is None and f.provider is not None and _THIS_ROUND.search(site.sentence.text)
    if not (investors or this_round) or f.recipient not in investors and f.recipient is not None:
        return f
    rounds = [g.recipient for g in r.found if g.type == FundingType.INVESTMENT and g.recipient
              and g.recipient not in investors and r.a.story_start(g.evidence.start) == r.story]
    at, clause = site.masked.offsets[site.amount.start], site.masked.offsets[site.left]
    own = [x.entity for x in site.masked.refs_in(site.masked.text[clause:at])]
    provider = f.provider if f.provider in own else None
    return replace(f, provider=provider, recipient=rounds[-1] if rounds else None)


def round_led_by(fundings: list[Funding], r: Reading) -> list[Funding]:
    """甲公司完成3亿元B轮融资。本轮由乙基金与丙基金联合领投 / …完成A轮融资，由乙基金领投: a round
    without a payer is paid by the first lead investor listed in its sentence or the ones right
    after (see _later_investors)."""
    index_of = {s.start: i for i, s in enumerate(r.a.sentences)}
    out = []
    for f in fundings:
        i = index_of.get(f.evidence.start)
        if f.type == FundingType.INVESTMENT and not f.provider and f.recipient and i is not None \
                and _ROUND.search(f.evidence.sentence):
            lead = next((x[0] for x in _later_investors(r, i) if x and x[0] != f.recipient), None)
            f = replace(f, provider=lead) if lead else f
        out.append(f)
    return out


def _later_investors(r: Reading, i: int) -> list[list[str]]:
    """The round investors of sentence i and of the few after it, up to one that tells a round of
    its own (…曾完成1亿元A轮融资，由乙基金领投: another round's lead)."""
    out = [round_investors(r.a.masked(i))]
    for j in range(i + 1, min(i + 1 + _LIST_REACH, len(r.a.sentences))):
        if _ROUND.search(r.a.sentences[j].text) and SUM.search(r.a.sentences[j].text):
            break
        out.append(round_investors(r.a.masked(j)))
    return out
