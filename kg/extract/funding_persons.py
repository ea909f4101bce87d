"""Persons who receive a sum told with no payee named: the person a sentence opens with
(返乡青年张三开办民宿，由甲银行发放贷款30万元 / 种粮大户张三流转土地，获得乙局补贴6万元), and the
claimant or borrower who speaks after a quote that tells his sum (“…5万元赔款就到账了。”养殖户张三说)."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..cache import regex
from ..lexicon import load_regex
from ..model import EntityType, Funding, FundingType, RelationType

if TYPE_CHECKING:
    from .funding_passes import Reading, Site

# The subject opens the sentence, after at most a few words that describe it (返乡青年张三).
_OPENING = regex(r"[^\ue000-\uf8ff，,。；;：:、“”\"]{0,12}$")
# The sum's clause names its payer after 由 (由甲银行发放), or opens with a receiving verb.
_PAID_BY = regex(r"由[\ue000-\uf8ff]")
_PERSONAL = (FundingType.LOAN, FundingType.GRANT)
_QUOTE_OPEN = ("“", "「", "\"")


def person_subject_receives(f: Funding, site: Site) -> Funding:
    """The person the sentence opens with, holding no post in the story, receives a loan or grant
    whose clause names no payee but its payer: after 由, or after a receiving verb opening the
    clause (获得乙局补贴)."""
    masked = site.masked
    refs = masked.refs
    if f.recipient or f.type not in _PERSONAL or not refs or refs[0].type != EntityType.PERSON:
        return f
    person, at, clause = refs[0], masked.offsets[site.amount.start], masked.offsets[site.left]
    pos = masked.position(person)
    if pos >= clause or not _OPENING.match(masked.text, 0, pos) \
            or load_regex("speech_verbs.txt").search(masked.text, pos, at):
        return f
    head = masked.text[clause:at]
    if not (_PAID_BY.match(head) or load_regex("funding_receive_verbs.txt").match(head)):
        return f
    # Only with the payer named between them (person_receives takes the person named last).
    between = {r.entity for r in masked.refs_in(masked.text[pos + 1:at])}
    posted = {x.subject for x in site.reading.a.relations if x.type == RelationType.WORKS_FOR}
    if between != {f.provider} or person.entity in posted | {f.provider}:
        return f
    return replace(f, recipient=person.entity)


def claimant_speaks(fundings: list[Funding], r: Reading) -> list[Funding]:
    """A claim payout, loan or grant without a payee, stated in a quote, is paid to the person who
    says it in the sentence after the quote (not to one who speaks for a body): “…38万元贷款三天就
    到了账。”种粮大户张三说."""
    claims, says = load_regex("funding_claim_words.txt"), load_regex("speech_verbs.txt")
    index_of = {s.start: i for i, s in enumerate(r.a.sentences)}
    posted = {x.subject for x in r.a.relations if x.type == RelationType.WORKS_FOR}
    out = []
    for f in fundings:
        i = index_of.get(f.evidence.start)
        if not f.recipient and i is not None and i + 1 < len(r.a.sentences) \
                and f.evidence.sentence.lstrip().startswith(_QUOTE_OPEN) \
                and (claims.search(f.evidence.sentence) or f.type in _PERSONAL):
            masked = r.a.masked(i + 1)
            first = masked.refs[0] if masked.refs else None
            verb = says.search(masked.text)
            if first is not None and first.type == EntityType.PERSON and verb \
                    and masked.position(first) < verb.start() and first.entity not in posted | {f.provider}:
                f = replace(f, recipient=first.entity)
        out.append(f)
    return out
