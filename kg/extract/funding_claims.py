"""Insurance claims told by the claimant: “…5万元赔款就到账了。”养殖户张三说. The person who
speaks right after the quote, holding no post in the story, is the one the claim was paid to.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import load_regex
from ..model import EntityType, Funding, RelationType

if TYPE_CHECKING:
    from .funding_passes import Reading

_QUOTE_OPEN = ("“", "「", "\"")


def claimant_speaks(fundings: list[Funding], r: Reading) -> list[Funding]:
    """A claim payout without a payee, stated in a quote, is paid to the person who says it in the
    sentence after the quote (not to one who speaks for a body)."""
    claims, says = load_regex("funding_claim_words.txt"), load_regex("speech_verbs.txt")
    index_of = {s.start: i for i, s in enumerate(r.a.sentences)}
    posted = {x.subject for x in r.a.relations if x.type == RelationType.WORKS_FOR}
    out = []
    for f in fundings:
        i = index_of.get(f.evidence.start)
        if not f.recipient and i is not None and i + 1 < len(r.a.sentences) \
                and f.evidence.sentence.lstrip().startswith(_QUOTE_OPEN) and claims.search(f.evidence.sentence):
            masked = r.a.masked(i + 1)
            first = masked.refs[0] if masked.refs else None
            verb = says.search(masked.text)
            if first is not None and first.type == EntityType.PERSON and verb \
                    and masked.position(first) < verb.start() and first.entity not in posted | {f.provider}:
                f = replace(f, recipient=first.entity)
        out.append(f)
    return out
