"""A person who is the subject of the sentence that tells a sum paid to nobody named:
返乡青年张三开办民宿，由甲银行发放贷款30万元 / 种粮大户张三流转土地，获得乙局补贴6万元."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..lexicon import load_regex
from ..model import EntityType, Funding, FundingType, RelationType

if TYPE_CHECKING:
    from .funding_passes import Site

# The subject opens the sentence, after at most a few words that describe it (返乡青年张三).
_OPENING = re.compile(r"[^\ue000-\uf8ff，,。；;：:、“”\"]{0,12}$")
# The sum's clause names its payer after 由 (由甲银行发放), or opens with a receiving verb.
_PAID_BY = re.compile(r"由[\ue000-\uf8ff]")
_PERSONAL = (FundingType.LOAN, FundingType.GRANT)


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
