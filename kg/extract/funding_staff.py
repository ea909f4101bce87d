"""A person named with his post at a company (甲公司研发总监张三获得购房补贴50万元): the grant is his,
not the company's that the templates read as the subject."""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .funding_received import receive_verbs
from ..cache import regex
from ..model import EntityType, Funding, FundingType, RelationType

if TYPE_CHECKING:
    from .funding_passes import Site

# Body, its post (a few words), person, a title after the name (博士) and the receiving verb next.
_POSTED = regex(r"([\ue000-\uf8ff])[^\ue000-\uf8ff，,。；;：:、“”]{2,10}([\ue000-\uf8ff])"
                r"[^\ue000-\uf8ff，,。；;：:、]{0,3}$")


def posted_person_receives(f: Funding, site: Site) -> Funding:
    """A grant read as paid to a company goes to the person named right after it with a post
    there (a worksFor relation of the story) when that person opens the receiving verb's clause."""
    if f.type != FundingType.GRANT or f.recipient is None:
        return f
    masked = site.masked
    clause, at = masked.offsets[site.left], masked.offsets[site.amount.start]
    verb = receive_verbs().search(masked.text, clause, at)
    m = verb and _POSTED.search(masked.text, clause, verb.start())
    if not m:
        return f
    body, person = masked.refs_in(m.group(1) + m.group(2))
    staff = {(x.subject, x.object) for x in site.reading.a.relations if x.type == RelationType.WORKS_FOR}
    if body.entity != f.recipient or person.type != EntityType.PERSON or (person.entity, body.entity) not in staff:
        return f
    return replace(f, recipient=person.entity)
